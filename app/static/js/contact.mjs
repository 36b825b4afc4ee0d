// The contact form's live hint: the browser twin of the detector reads the message as it
// is typed, on this page only. Nothing typed leaves the page before the visitor sends;
// the server checks again, authoritatively, when they do.
import { scan, describe, remove } from "./pii.mjs";

const DEBOUNCE_MS = 250;

function listInWords(items) {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

function signatureOf(findings) {
  return findings.map((f) => `${f.kind}:${f.masked}`).join("|");
}

function setUpMessageHint(form) {
  const textarea = form.querySelector("#message");
  const hint = form.querySelector("#message-findings");
  const hintText = form.querySelector("#message-findings-text");
  const removeButton = form.querySelector(".site-remove-button");
  const status = form.querySelector("#message-status");
  if (!textarea || !hint || !hintText || !removeButton || !status) return;

  let lastSignature = signatureOf(scan(textarea.value));
  let timer = null;

  function show(findings) {
    if (findings.length === 0) {
      hint.hidden = true;
      hintText.textContent = "";
      return "";
    }
    const one = findings.length === 1;
    const sentence =
      `Your message may include ${listInWords(findings.map(describe))}. ` +
      `You can remove ${one ? "it" : "them"} now; we will also check before you send.`;
    hintText.textContent = sentence;
    removeButton.textContent = one ? "Remove it" : "Remove them";
    removeButton.hidden = false;
    hint.hidden = false;
    return sentence;
  }

  function check() {
    timer = null;
    const findings = scan(textarea.value);
    const signature = signatureOf(findings);
    if (signature === lastSignature) return;
    const hadFindings = lastSignature !== "";
    lastSignature = signature;
    const sentence = show(findings);
    // One announcement per change of state, never per keystroke.
    if (sentence) {
      status.textContent = sentence;
    } else if (hadFindings) {
      status.textContent = "Your message no longer includes a tax number.";
    }
  }

  function schedule() {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(check, DEBOUNCE_MS);
  }

  textarea.addEventListener("input", schedule);
  textarea.addEventListener("paste", schedule);
  removeButton.addEventListener("click", () => {
    const findings = scan(textarea.value);
    textarea.value = remove(textarea.value, findings);
    // Let the character count and anything else listening see the new text.
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
    if (timer !== null) clearTimeout(timer);
    check();
    textarea.focus();
  });

  // The server may have listed findings (after "Go back and edit"): keep them in step.
  show(scan(textarea.value));
}

function setUpAccountNotice(form) {
  const notice = document.getElementById("account-notice");
  const radios = form.querySelectorAll('input[name="topic"]');
  if (!notice || radios.length === 0) return;
  const update = () => {
    const chosen = form.querySelector('input[name="topic"]:checked');
    notice.classList.toggle("is-collapsed", !chosen || chosen.value !== "account");
  };
  radios.forEach((radio) => radio.addEventListener("change", update));
  update();
}

document.documentElement.classList.add("js-enabled");
const form = document.querySelector(".site-contact-form");
if (form) {
  setUpMessageHint(form);
  setUpAccountNotice(form);
}
