// The contact form's live hint: the browser twin of the detector reads the message as it
// is typed, on this page only. Nothing typed leaves the page before the visitor sends;
// the server checks again, authoritatively, when they do.
// Its words come from the page, in the page's language (the #contact-words JSON block,
// rendered from the translation catalogue): nothing visible is written here.
// The detector (pii.mjs and the modules it imports) is fetched only by the form's live
// hint, and after everything else here has run: the error summary, the character count
// and the account notice work at once, and the warning page never loads it.

const DEBOUNCE_MS = 250;
const COUNT_ANNOUNCE_MS = 1000;

function pageWords() {
  const block = document.getElementById("contact-words");
  return block ? JSON.parse(block.textContent) : null;
}

function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? values[name] : whole));
}

function listInWords(words, items) {
  if (items.length <= 1) return items.join("");
  return fill(words.list, { items: items.slice(0, -1).join(", "), last: items[items.length - 1] });
}

function signatureOf(findings) {
  return findings.map((f) => `${f.kind}:${f.masked}`).join("|");
}

async function setUpMessageHint(form, words) {
  const textarea = form.querySelector("#message");
  const hint = form.querySelector("#message-findings");
  const hintText = form.querySelector("#message-findings-text");
  const removeButton = form.querySelector(".site-remove-button");
  const status = form.querySelector("#message-status");
  if (!textarea || !hint || !hintText || !removeButton || !status) return;

  // What the server rendered: anything typed while the detector loads is checked (and
  // announced) against it once it is here.
  const served = textarea.value;
  let detector;
  try {
    detector = await import("./pii.mjs");
  } catch {
    return; // not loaded (offline, blocked): the server still checks when they send
  }
  const { scan, describe, remove, WARM_UP_TEXTS } = detector;

  // Numbers the visitor told us are not tax numbers (kind and masked form, from the
  // server): the hint leaves them alone, as the server's check does.
  const dismissed = new Set((textarea.dataset.dismissed || "").split("|").filter(Boolean));
  const findingsIn = (text) => scan(text).filter((f) => !dismissed.has(`${f.kind}:${f.masked}`));

  let lastSignature = signatureOf(findingsIn(served));
  let timer = null;

  function show(findings) {
    if (findings.length === 0) {
      hint.hidden = true;
      hintText.textContent = "";
      return "";
    }
    const one = findings.length === 1;
    const described = findings.map((f) => describe(f, words.language));
    const sentence = fill(one ? words.hint_one : words.hint_many, {
      findings: listInWords(words, described),
    });
    hintText.textContent = sentence;
    removeButton.textContent = one ? words.remove_one : words.remove_many;
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
      status.textContent = words.cleared;
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
    textarea.value = remove(textarea.value, findings, words.language);
    // Let the character count and anything else listening see the new text.
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
    if (timer !== null) clearTimeout(timer);
    check();
    textarea.focus();
  });

  // The server may have listed findings (after "Go back and edit"): keep them in step.
  show(findingsIn(served));
  if (textarea.value !== served) check();
  warmUp(scan, WARM_UP_TEXTS);
}

// The detector's patterns are compiled on their first use, which would make the first
// checks while the visitor types stall: scan made-up messages (never anything typed), one
// each time the page is idle, and nothing is shown or announced.
function warmUp(scan, texts) {
  const whenIdle = window.requestIdleCallback
    ? (step) => window.requestIdleCallback(step, { timeout: 5000 })
    : (step) => setTimeout(step, 200); // Safari
  let i = 0;
  const step = () => {
    if (i >= texts.length) return;
    scan(texts[i++]);
    whenIdle(step);
  };
  whenIdle(step);
}

// USWDS counts characters only when the text changes: a form that comes back filled
// (after an error, "Go back and edit", a timeout) would say "5000 characters allowed".
// USWDS sets its listeners up when the document has loaded, after this module runs.
function recountWhenLoaded(form) {
  const textarea = form.querySelector("#message");
  if (!textarea || !textarea.value) return;
  const recount = () => textarea.dispatchEvent(new Event("input", { bubbles: true }));
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", () => setTimeout(recount, 0));
  } else {
    setTimeout(recount, 0);
  }
}

// Outside English, USWDS's character count (English only) is left out and this counts,
// in the page's words: the visible count at once, the announcement once typing pauses.
function setUpCharacterCount(form, words) {
  const group = form.querySelector(".site-character-count");
  if (!group) return;
  const textarea = group.querySelector("textarea");
  const message = group.querySelector("#message-count");
  const status = group.querySelector("#message-count-status");
  if (!textarea || !message) return;
  const limit = Number(textarea.getAttribute("maxlength")) || 5000;
  // Grouped as the server writes numbers in this language (Babel: 5.000, not 5000).
  const number = new Intl.NumberFormat(words.language, { useGrouping: "always" });
  let timer = null;
  const text = () => {
    const length = textarea.value.length;
    if (length === 0) return fill(words.count_limit, { limit: number.format(limit) });
    const left = limit - length;
    const count = number.format(Math.abs(left));
    if (left >= 0) return fill(left === 1 ? words.count_left_one : words.count_left_many, { count });
    return fill(-left === 1 ? words.count_over_one : words.count_over_many, { count });
  };
  textarea.addEventListener("input", () => {
    message.textContent = text();
    if (!status) return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      status.textContent = text();
    }, COUNT_ANNOUNCE_MS);
  });
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
const words = pageWords();
if (form && words) {
  setUpCharacterCount(form, words);
  recountWhenLoaded(form);
  setUpAccountNotice(form);
  setUpMessageHint(form, words);
}
const check = document.querySelector(".site-check");
if (check) setUpRemovalPreview(check);
