// The twin of app/pii/_wording.py: the masked form, the description and the removal
// label of a finding, in the visitor's language.

import { RULES } from "./pii-rules.mjs";
import { CT, KIND_LABELS, MASKS, REMOVED_TEMPLATE } from "./pii-const.mjs";

/** Display form that keeps only the last four digits. */
export function mask(kind, digits) {
  const last4 = digits.slice(-4);
  const template = MASKS[kind];
  if (template !== undefined) return template.split("{last4}").join(last4);
  const n = digits.length;
  const hidden = "*".repeat(n - 4) + last4;
  if (kind === "ct_tax_reg") {
    if (n <= CT.base_max) return hidden; // a base alone, with no location code
    const loc = CT.location_length;
    return hidden.slice(0, n - loc) + "-" + hidden.slice(n - loc);
  }
  let layout;
  if (n === 15) layout = [4, 6, 5];
  else if (n === 14) layout = [4, 6, 4];
  else {
    layout = new Array(Math.floor(n / 4)).fill(4);
    if (n % 4) layout.push(n % 4);
  }
  const out = [];
  let i = 0;
  for (const size of layout) {
    out.push(hidden.slice(i, i + size));
    i += size;
  }
  return out.join(" ");
}

// Each language's words for findings; English is RULES.labels and removed_template.
export const WORDING = Object.fromEntries(
  Object.entries(RULES.wording).filter(([language]) => !language.startsWith("_")),
);

/** A kind's name in `language` (English when the rules have none in it). */
export function kindLabel(kind, language = "en") {
  const wording = WORDING[language];
  return wording ? wording.labels[kind] : KIND_LABELS[kind];
}

/** E.g. "a Social Security number ending in 6789"; in Spanish ("es"),
 * "un número de Seguro Social que termina en 6789". */
export function describe(finding, language = "en") {
  const wording = WORDING[language];
  if (wording) {
    return wording.describe
      .split("{article}")
      .join(wording.articles[finding.kind])
      .split("{label}")
      .join(wording.labels[finding.kind])
      .split("{last4}")
      .join(finding.last4);
  }
  const label = KIND_LABELS[finding.kind];
  const article = "aeiou".includes(label[0].toLowerCase()) ? "an" : "a";
  return `${article} ${label} ending in ${finding.last4}`;
}

export function removalLabel(kind, language = "en") {
  const template = WORDING[language] ? WORDING[language].removed_template : REMOVED_TEMPLATE;
  return template.split("{label}").join(kindLabel(kind, language));
}

/** Replace each finding's span with a digit-free label such as
 * "[Social Security number removed]"; overlapping or out-of-range ones are skipped. */
export function remove(text, findings, language = "en") {
  const sorted = [...findings].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = "";
  let pos = 0;
  for (const f of sorted) {
    if (f.start < pos || f.end > text.length || f.start >= f.end) continue;
    out += text.slice(pos, f.start) + removalLabel(f.kind, language);
    pos = f.end;
  }
  return out + text.slice(pos);
}
