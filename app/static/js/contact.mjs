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

  // Numbers the visitor told us are not tax numbers (kind and masked form, from the
  // server): the hint leaves them alone, as the server's check does.
  const dismissed = new Set((textarea.dataset.dismissed || "").split("|").filter(Boolean));
  const findingsIn = (text) => scan(text).filter((f) => !dismissed.has(`${f.kind}:${f.masked}`));

  let lastSignature = signatureOf(findingsIn(textarea.value));
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
    const findings = findingsIn(textarea.value);
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
    const findings = findingsIn(textarea.value);
    textarea.value = remove(textarea.value, findings);
    // Let the character count and anything else listening see the new text.
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
    if (timer !== null) clearTimeout(timer);
    check();
    textarea.focus();
  });

  // The server may have listed findings (after "Go back and edit"): keep them in step.
  show(findingsIn(textarea.value));
  // USWDS counts characters only when the text changes: a form that comes back filled
  // (after an error, "Go back and edit", a timeout) would say "5000 characters allowed".
  // USWDS sets its listeners up when the document has loaded, after this module runs.
  const recount = () => textarea.dispatchEvent(new Event("input", { bubbles: true }));
  if (textarea.value) {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", () => setTimeout(recount, 0));
    } else {
      setTimeout(recount, 0);
    }
  }
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

// GOV.UK's error summary: following a link focuses the field and scrolls its label or
// legend into view (not just the input, whose question would be off screen above it).
function setUpErrorSummary() {
  const summary = document.querySelector(".site-error-summary");
  if (!summary) return;
  summary.addEventListener("click", (event) => {
    const link = event.target.closest("a[href^='#']");
    if (!link) return;
    const input = document.getElementById(link.getAttribute("href").slice(1));
    if (!input) return;
    const fieldset = input.closest("fieldset");
    const legend = fieldset ? fieldset.querySelector("legend") : null;
    const label = document.querySelector(`label[for="${input.id}"]`);
    const question = (input.type === "radio" || input.type === "checkbox") && legend ? legend : label || legend;
    if (!question) return;
    event.preventDefault();
    question.scrollIntoView();
    input.focus({ preventScroll: true });
  });
}

// The warning page: a number ticked as "not a tax number" is shown kept in the preview
// of what "Remove the numbers and send" will send.
function setUpRemovalPreview(page) {
  page.querySelectorAll("input[name='not_tax_number']").forEach((box) => {
    const marks = page.querySelectorAll(`.site-preview__removed[data-for="${box.id}"]`);
    const labels = [...marks].map((mark) => mark.textContent);
    const update = () =>
      marks.forEach((mark, i) => {
        mark.classList.toggle("is-kept", box.checked);
        mark.textContent = box.checked ? mark.dataset.kept : labels[i];
      });
    box.addEventListener("change", update);
    update();
  });
}

document.documentElement.classList.add("js-enabled");
setUpErrorSummary();
const form = document.querySelector(".site-contact-form");
if (form) {
  setUpMessageHint(form);
  setUpAccountNotice(form);
}
const check = document.querySelector(".site-check");
if (check) setUpRemovalPreview(check);
