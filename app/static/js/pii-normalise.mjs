// The twin of app/pii/_normalise.py: a normalised copy of the text and its maps back.

import { CJK_DIGITS, COMMAS, DASHES, LINE_BREAKS, SPACES, ZERO_WIDTH } from "./pii-const.mjs";
import { RULES } from "./pii-rules.mjs";

// Digit groups parted by one zero-width character each ("338\u200b23\u200b2810"): a
// dash for each such character when the groups are an identifier's shape
// (chars.zero_width_shapes), one character for one (_zero_width_dash).
const ZW_CLASS = `[${[...ZERO_WIDTH].sort().join("")}]`;
const ZW_GROUPS_RE = new RegExp(`(?<![0-9])[0-9]+(?:${ZW_CLASS}[0-9]+)+(?![0-9])`, "g");
const ZW_RE = new RegExp(ZW_CLASS, "g");
const ZW_SHAPES = new Set(RULES.chars.zero_width_shapes.map((shape) => shape.join(",")));
function zeroWidthDash(run) {
  const shape = run.split(ZW_RE).map((g) => g.length).join(",");
  return ZW_SHAPES.has(shape) ? run.replace(ZW_RE, "-") : run;
}

export const ND = /\p{Nd}/u;
// a letter or digit that glues onto a number ("_" does not: it parts a file name's words)
export const WORD = /[\p{L}\p{N}]/u;
export const charCache = new Map();

export function digitValue(cp) {
  // Unicode decimal digits come in runs of ten that start at zero
  let start = cp;
  while (start > 0 && ND.test(String.fromCodePoint(start - 1))) start--;
  return (cp - start) % 10;
}

export function mapOne(c) {
  if (DASHES.has(c)) return "-";
  if (SPACES.has(c)) return " ";
  if (COMMAS.has(c)) return ",";
  if (LINE_BREAKS.has(c)) return "\n";
  if (ZERO_WIDTH.has(c)) return "";
  const cp = c.codePointAt(0);
  if (ND.test(c)) return String(digitValue(cp));
  if (CJK_DIGITS.has(c)) return CJK_DIGITS.get(c);
  if (cp > 0xffff) return "\ufffd";
  return c;
}

export function mapChar(ch) {
  let out = charCache.get(ch);
  if (out === undefined) {
    if (ZERO_WIDTH.has(ch)) out = "";
    else {
      out = "";
      for (const c of ch.normalize("NFKC")) out += mapOne(c);
    }
    if (charCache.size < 65536) charCache.set(ch, out);
  }
  return out;
}

/** Normalised copy plus maps from its indices to original [start, end) indices
 * (null maps mean the identity). Same rules as app/pii/_normalise.py. */
// Digit groups parted by one underscore each, no letter or digit touching them
// ("709_43_0311"): a dash for each when the groups are an identifier's shape
// (_underscore_dash).
const UNDERSCORE_GROUPS_RE = /(?<![0-9A-Za-z])[0-9]+(?:_[0-9]+)+(?![0-9A-Za-z])/g;
function underscoreDash(run) {
  return ZW_SHAPES.has(run.split("_").map((g) => g.length).join(",")) ? run.replaceAll("_", "-") : run;
}

export function normalise(text) {
  if (text.includes("_")) text = text.replace(UNDERSCORE_GROUPS_RE, underscoreDash); // one for one: the offsets stay
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(text)) {
    return { norm: text.replace(/[\t\r]/g, " ").replace(/[\v\f]/g, "\n"), starts: null, ends: null };
  }
  ZW_RE.lastIndex = 0;
  if (ZW_RE.test(text)) text = text.replace(ZW_GROUPS_RE, zeroWidthDash); // one for one: the offsets stay
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(text)) {
    return { norm: text.replace(/[\t\r]/g, " ").replace(/[\v\f]/g, "\n"), starts: null, ends: null };
  }
  const parts = [];
  const starts = [];
  const ends = [];
  // runs of ASCII are copied whole (each character maps to one, in place); the rest
  // character by character
  for (let i = 0; i < text.length; ) {
    NON_ASCII_RE.lastIndex = i;
    const next = NON_ASCII_RE.test(text) ? NON_ASCII_RE.lastIndex - 1 : text.length;
    if (next > i) {
      parts.push(text.slice(i, next).replace(/[\t\r]/g, " ").replace(/[\v\f]/g, "\n"));
      for (let k = i; k < next; k++) {
        starts.push(k);
        ends.push(k + 1);
      }
      i = next;
      if (i >= text.length) break;
    }
    const cp = text.codePointAt(i);
    const width = cp > 0xffff ? 2 : 1;
    const out = mapChar(width === 2 ? text.slice(i, i + 2) : text[i]);
    for (let k = 0; k < out.length; k++) {
      starts.push(i);
      ends.push(i + width);
    }
    parts.push(out);
    i += width;
  }
  let norm = parts.join("");
  // a Japanese input method's long-vowel mark between two digits is a dash (_normalise)
  if (norm.includes("\u30fc")) norm = norm.replace(KANA_DASH_RE, "-");
  return { norm, starts, ends };
}
const KANA_DASH_RE = /(?<=[0-9])\u30fc(?=[0-9])/g;
// eslint-disable-next-line no-control-regex
const NON_ASCII_RE = /[^\x00-\x7f]/g;
