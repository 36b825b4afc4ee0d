// Tax-identifier detector, browser twin of the Python package app/pii.
//
// Same contract as app.pii.scan: scan(text) returns findings {kind, start, end, masked,
// last4, label} in text order, never overlapping, with offsets as JavaScript string
// indices. The rule data (cue words, prefixes, ranges, regex sources) is the shared
// file pii-rules.json; the code below follows app/pii/_engine.py step by step, and
// only differs where the languages must (regex "endpos", UTF-16 offsets, Unicode data).

import { RULES, SOURCES } from "./pii-rules.mjs";
import { makeRewrite } from "./pii-rewrite.mjs";
import { makeScopes } from "./pii-scopes.mjs";

export { RULES };

const CUE_WINDOW = RULES.cue_window;
const MAX_CUE = RULES.max_cue_length;
const MIN_DIGITS = RULES.min_digits;
const MAX_CHUNK = RULES.max_chunk_length;
const MAX_PIECE_GROUPS = 6;
const DOT_CUT_MIN = 2;
const GLUE_PUNCT = "-/";
const LEFT_OUT = "+$\u20ac\u00a3\u00a5";

export const KIND_LABELS = Object.freeze({ ...RULES.labels });
export const KINDS = Object.freeze(Object.keys(RULES.labels));
const REMOVED_TEMPLATE = RULES.removed_template;

const ZERO_WIDTH = new Set(RULES.chars.zero_width);
const DASHES = new Set(RULES.chars.dashes);
const SPACES = new Set(RULES.chars.spaces);
const LINE_BREAKS = new Set(RULES.chars.line_breaks);

const CUE_KINDS = Object.keys(RULES.cues).filter((k) => !k.startsWith("_"));

// The finished regex sources come from Python (python -m app.pii.build)
const CUE_SRC = SOURCES.cue;

const CUE_RE = new RegExp(CUE_SRC, "g");
const PARAGRAPH_RE = new RegExp(RULES.paragraph_break);
const TIGHT_RE = new RegExp(RULES.tight_group, "g");
const scopes = makeScopes(RULES, CUE_SRC, CUE_KINDS, latinLower);
const rewrite = makeRewrite(RULES, SOURCES, latinLower);
const CLAIM_RE = new RegExp(SOURCES.claim, "g");
const HINT_RE = new RegExp(SOURCES.hint);
const INTRO_RE = new RegExp("^(?:" + RULES.introducer + ")$");
const SENTENCE_END_RE = new RegExp(RULES.sentence_end, "g");
const SENTENCE_SOFT_RE = new RegExp(RULES.sentence_end_soft, "g");
const CARRY_GAP_RE = new RegExp("^(?:" + RULES.carry_gap + ")$");
const CUE_LIST_GAP_RE = new RegExp("^(?:" + RULES.cue_list_gap + ")$");
const CARRY_MAX_GAP = RULES.carry_max_gap;
// Python's pattern.search(s, pos, endpos) lets lookbehinds (at most 8 characters in
// these two patterns) see before pos: search a slice that starts 8 characters early.
function sentenceEndIn(re, s, pos, endpos) {
  const base = pos > 8 ? pos - 8 : 0;
  re.lastIndex = pos - base;
  return re.test(s.slice(base, endpos));
}
const DIGITS_RE = /[0-9]+/g;

function ranges(pairs) {
  const out = new Set();
  for (const [lo, hi] of pairs) for (let n = lo; n <= hi; n++) out.add(String(n).padStart(2, "0"));
  return out;
}

const ITIN_GROUPS = ranges(RULES.itin_groups);
const FEIN_PREFIXES = ranges(RULES.fein_prefixes);
const ROUTING_PREFIXES = ranges(RULES.routing_prefixes);
const ROUTING_WEIGHTS = RULES.routing_weights;
const SSN_BAD_AREAS = new Set(RULES.ssn.bad_areas);
const SSN_BAD_AREA_FIRST = RULES.ssn.bad_area_first_digit;
const SSN_ADVERTISING = new Set(RULES.ssn.advertising);
const CT = RULES.ct_tax_reg;
const CARD = RULES.card;
const CARD_LAYOUTS = new Set(CARD.layouts.map((l) => l.join(",")));
const CARD_SEPARATORS = new Set(CARD.separators);
const GLUE_LEAD = RULES.glue.lead_lengths;
const GLUE_TAIL = RULES.glue.tail_lengths;
const MASKS = RULES.masks;
const CUE_LAYOUTS = new Set(RULES.cue_layouts.map((l) => l.join(",")));
const MICR_MARKS = RULES.micr_marks;

// --- normalisation -----------------------------------------------------------------

const ND = /\p{Nd}/u;
const WORD = /[\p{L}\p{N}_]/u;
const charCache = new Map();
const ASCII_MAP = { "\t": " ", "\r": " ", "\v": "\n", "\f": "\n" };

function digitValue(cp) {
  // Unicode decimal digits come in runs of ten that start at zero
  let start = cp;
  while (start > 0 && ND.test(String.fromCodePoint(start - 1))) start--;
  return (cp - start) % 10;
}

function mapOne(c) {
  if (DASHES.has(c)) return "-";
  if (SPACES.has(c)) return " ";
  if (LINE_BREAKS.has(c)) return "\n";
  if (ZERO_WIDTH.has(c)) return "";
  const cp = c.codePointAt(0);
  if (ND.test(c)) return String(digitValue(cp));
  if (cp > 0xffff) return "\ufffd";
  return c;
}

function mapChar(ch) {
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
export function normalise(text) {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(text)) {
    return { norm: text.replace(/[\t\r]/g, " ").replace(/[\v\f]/g, "\n"), starts: null, ends: null };
  }
  const parts = [];
  const starts = [];
  const ends = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i);
    const width = cp > 0xffff ? 2 : 1;
    const ch = width === 2 ? text.slice(i, i + 2) : text[i];
    const out = cp < 0x80 ? (ASCII_MAP[ch] ?? ch) : mapChar(ch);
    for (let k = 0; k < out.length; k++) {
      starts.push(i);
      ends.push(i + width);
    }
    parts.push(out);
    i += width;
  }
  return { norm: parts.join(""), starts, ends };
}

// --- number checks -----------------------------------------------------------------

function ssnOk(d) {
  return (
    !SSN_BAD_AREAS.has(d.slice(0, 3)) &&
    d[0] !== SSN_BAD_AREA_FIRST &&
    d.slice(3, 5) !== "00" &&
    d.slice(5) !== "0000"
  );
}

function itinOk(d) {
  return d[0] === "9" && ITIN_GROUPS.has(d.slice(3, 5));
}

function ssnOrItin(d) {
  if (SSN_ADVERTISING.has(d)) return null; // 987-65-4320..4329 would otherwise pass as ITINs
  if (d[0] === SSN_BAD_AREA_FIRST) return itinOk(d) ? "itin" : null;
  return ssnOk(d) ? "ssn" : null;
}

function feinOk(d) {
  return FEIN_PREFIXES.has(d.slice(0, 2));
}

function routingOk(d) {
  if (!ROUTING_PREFIXES.has(d.slice(0, 2))) return false;
  let total = 0;
  for (let i = 0; i < 9; i++) total += (d.charCodeAt(i) - 48) * ROUTING_WEIGHTS[i];
  return total % 10 === 0;
}

function luhnOk(d) {
  let total = 0;
  for (let i = 0; i < d.length; i++) {
    let v = d.charCodeAt(d.length - 1 - i) - 48;
    if (i & 1) {
      v *= 2;
      if (v > 9) v -= 9;
    }
    total += v;
  }
  return total % 10 === 0;
}

function cardOk(d) {
  for (const brand of CARD.brands) {
    if (!brand.lengths.includes(d.length)) continue;
    for (const [lo, hi] of brand.ranges) {
      const p = d.slice(0, lo.length);
      if (lo <= p && p <= hi) return luhnOk(d);
    }
  }
  return false;
}

function allSame(d) {
  for (let i = 1; i < d.length; i++) if (d[i] !== d[0]) return false;
  return true;
}

// Cheap test on group lengths alone: could classify() accept this piece?
function shapePossible(lens) {
  let n = 0;
  for (const l of lens) n += l;
  if (n < MIN_DIGITS || n > CARD.max_length) return false;
  const k = lens.length;
  if (k === 1) return true;
  if (k === 2 && lens[0] === 2 && lens[1] === 7) return true;
  if (k === 3 && lens[0] === 3 && lens[1] === 2 && lens[2] === 4) return true;
  if (CUE_LAYOUTS.has(lens.join(","))) return true;
  if (lens[k - 1] === CT.location_length && k - 1 <= CT.max_base_groups && Math.min(...lens) >= CT.min_group) {
    return CT.base_min <= n - CT.location_length && n - CT.location_length <= CT.base_max;
  }
  return CARD_LAYOUTS.has(lens.join(","));
}

// Ten digits shaped like a North American number: NXX NXX XXXX (N is 2-9), or eleven
// with the country code 1 in front.
function phoneLike(d) {
  if (d.length === 11 && d[0] === "1") d = d.slice(1);
  return d.length === 10 && d[0] >= "2" && d[3] >= "2";
}

function classify(parts, seps, ctx, first, last) {
  const d = parts.join("");
  const n = d.length;
  if (allSame(d)) return null;
  if (parts.length === 1) {
    if (n === 9) {
      const cue = ctx.cue(first, last);
      if (cue === "ssn" || cue === "itin" || cue === "taxid") {
        const kind = ssnOrItin(d);
        if (kind === null && cue === "taxid" && feinOk(d)) return "fein";
        return kind;
      }
      if (cue === "fein") return feinOk(d) ? "fein" : null;
      if (cue === "routing") return routingOk(d) ? "routing" : null;
      return null;
    }
    if (CT.base_min + CT.location_length <= n && n <= CT.base_max + CT.location_length) {
      if (CT.phone_guard && phoneLike(d) && d[n - CT.location_length] !== "0") return null;
      return ctx.cue(first, last) === "ct" ? "ct_tax_reg" : null;
    }
    if (CARD.min_length <= n && n <= CARD.max_length && cardOk(d)) {
      return first === true && ctx.introducedByNeg() ? null : "card";
    }
    return null;
  }
  if (seps.includes(",")) return null;
  const lens = parts.map((p) => p.length);
  const shape = lens.join(",");
  if (CUE_LAYOUTS.has(shape)) {
    // nine digits grouped another way, one separator throughout: like nine bare digits
    return seps.every((x) => x === seps[0]) ? classify([d], [], ctx, first, last) : null;
  }
  let kind = null;
  if (shape === "3,2,4") {
    kind = ssnOrItin(d);
  } else if (shape === "2,7") {
    if (feinOk(d)) {
      if (seps[0] === "-") kind = "fein";
      else {
        const cue = ctx.cue(first, last);
        return cue === "fein" || cue === "taxid" ? "fein" : null;
      }
    }
  } else if (
    lens[lens.length - 1] === CT.location_length &&
    lens.length - 1 <= CT.max_base_groups &&
    CT.base_min <= n - CT.location_length &&
    n - CT.location_length <= CT.base_max &&
    Math.min(...lens.slice(0, -1)) >= CT.min_group
  ) {
    if (!seps.every((s) => CT.separators.includes(s))) return null;
    if (ctx.cue(first, last) === "ct") return "ct_tax_reg";
    // 1234567-000: the shape alone, a 7-digit base and a location code 000-009
    if (
      shape === [CT.base_max - 2, CT.location_length].join(",") &&
      seps[0] === "-" &&
      d.slice(n - CT.location_length).startsWith(CT.no_cue_location_prefix)
    ) {
      kind = "ct_tax_reg";
    } else return null;
  } else if (
    CARD.min_length <= n &&
    n <= CARD.max_length &&
    CARD_LAYOUTS.has(shape) &&
    seps.every((s) => CARD_SEPARATORS.has(s)) &&
    cardOk(d)
  ) {
    kind = "card";
  }
  if (kind !== null && first === true && ctx.introducedByNeg()) return null;
  return kind;
}

// --- masking and wording -----------------------------------------------------------

/** Display form that keeps only the last four digits. */
export function mask(kind, digits) {
  const last4 = digits.slice(-4);
  const template = MASKS[kind];
  if (template !== undefined) return template.split("{last4}").join(last4);
  const n = digits.length;
  const hidden = "*".repeat(n - 4) + last4;
  if (kind === "ct_tax_reg") {
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
const WORDING = Object.fromEntries(
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

// --- scanning ----------------------------------------------------------------------

// A letter, digit or "_" that glues onto a number; CJK ideographs and kana do not
// (Chinese and Japanese write numbers straight after a word: 号码是412083317).
function isWord(c) {
  return c !== undefined && WORD.test(c) && !(c >= "\u3000" && c <= "\u9fff");
}

const NEG_KINDS = ["neg", "neg_bare"];
const VOID = CUE_KINDS.indexOf("void") + 1; // group of the phrases that bind to nothing

// The first cue in low[pos:endpos] that is not a void phrase.
function nextCue(low, pos, endpos) {
  for (const r of findIter(CUE_RE, low, pos, endpos)) if (r.m[VOID] === undefined) return r;
  return null;
}

function cueKind(m) {
  for (let i = 1; i < m.length; i++) if (m[i] !== undefined) return CUE_KINDS[i - 1];
  return null;
}

// Python's pattern.finditer(s, pos, endpos) sees the text as ending at endpos but lets
// lookbehind see before pos; a slice that starts one character early does the same.
function* findIter(re, s, pos, endpos) {
  const base = pos > 0 ? pos - 1 : 0;
  const sub = s.slice(base, endpos);
  re.lastIndex = pos - base;
  let m;
  while ((m = re.exec(sub)) !== null) {
    yield { start: base + m.index, end: base + m.index + m[0].length, m };
  }
}

// Latin letters A-Z and U+00C0-U+024F whose lower case is one character: the only
// lower-casing both twins share (cue patterns use no other upper-case letters).
function latinLower(c) {
  const low = c.toLowerCase();
  return low.length === 1 ? low : c;
}

class Text {
  constructor(norm, starts, original) {
    this.norm = norm;
    this.starts = starts;
    this._low = null;
    this.original = original;
    this.scopes = null;
  }
  // [forced, fallback] kinds of a piece starting at norm index s. The scopes are read
  // on the first question: most texts never ask (no piece needs a cue).
  scoped(s) {
    if (this.scopes === null) {
      // scopes wider than a sentence need lines: a one-line text has none
      this.scopes = this.original.includes("\n") ? scopes(this.original) : [new Map(), new Map()];
    }
    const [forced, fallback] = this.scopes;
    if (!forced.size && !fallback.size) return [null, null];
    const o = this.starts === null ? s : this.starts[s];
    return [forced.get(o) ?? null, fallback.get(o) ?? null];
  }
  get low() {
    if (this._low === null) {
      // ASCII-only lower-casing keeps every index in place
      const norm = this.norm;
      // eslint-disable-next-line no-control-regex
      this._low = /^[\x00-\x7f]*$/.test(norm) ? norm.toLowerCase() : norm.replace(/[A-Z\u00c0-\u024f]/g, latinLower);
    }
    return this._low;
  }
}

class Chunk {
  constructor(text, cs, ce, pe, nx, nxe, prev) {
    this.text = text;
    this.cs = cs;
    this.ce = ce;
    this.pe = pe;
    this.nx = nx;
    this.nxe = nxe;
    this.prev = prev; // the chunk of the claim just before, if any
    this.carryKind = null;
    this.carried = false; // the cue before is the previous number's
    this.before = false;
    this.after = false;
    this.soft = false;
    this.at = cs; // where the piece being classified starts (its scopes' key)
  }
  cueBefore() {
    if (this.before === false && betweenMarks(this.text.norm, this.cs, this.ce)) {
      this.before = "routing";
      this.beforeEnd = this.cs;
      this.soft = false;
    }
    if (this.before === false) {
      const low = this.text.low;
      const cs = this.cs;
      let last = null;
      let prior = null;
      for (const r of findIter(CUE_RE, low, Math.max(this.pe, cs - CUE_WINDOW - MAX_CUE, 0), cs)) {
        if (r.m[VOID] === undefined) {
          prior = last;
          last = r;
        }
      }
      this.before = null;
      if (
        last !== null &&
        cs - last.end <= CUE_WINDOW &&
        !sentenceEndIn(SENTENCE_END_RE, this.text.norm, last.end, cs)
      ) {
        this.before = cueKind(last.m);
        this.beforeEnd = last.end;
        this.soft = null; // looked up by isSoft() when it matters
        // "SSN and EIN: 234567891 and 123456780": the cues are shared out in order
        if (prior !== null && CUE_LIST_GAP_RE.test(low.slice(prior.end, last.start)) && this.joinedNext()) {
          this.carryKind = this.before;
          this.before = cueKind(prior.m);
        }
      } else if (last === null && this.prev !== null && this.joined(this.pe, cs)) {
        // "SSN 234567891 and my wife's is 345678912": the previous number's cue
        const kind = this.prev.carry();
        if (kind !== null) {
          this.before = kind;
          this.beforeEnd = this.pe;
          this.soft = true;
          this.carried = true;
        }
      }
    }
    return this.before;
  }
  // Does a soft sentence end come between the bound cue before and the number?
  isSoft() {
    if (this.soft === null) {
      // to cs + 1: a soft end comes just before the number ("back? 123...")
      this.soft = sentenceEndIn(SENTENCE_SOFT_RE, this.text.norm, this.beforeEnd, this.cs + 1);
    }
    return this.soft;
  }
  joined(s, e) {
    return e - s <= CARRY_MAX_GAP && CARRY_GAP_RE.test(this.text.low.slice(s, e));
  }
  // Is another number joined on after this one ("234567891 and 12345678")?
  joinedNext() {
    const norm = this.text.norm;
    const own = norm.slice(this.cs, this.ce);
    // "234567891, 123456780" is one chunk
    if (own.includes(", ") || own.includes(",\n") || own.includes(" / ")) return true;
    return this.nx < norm.length && this.joined(this.ce, this.nx);
  }
  // The cue kind a number joined on after this one takes (none from a date or an
  // amount: fewer than MIN_DIGITS digits).
  carry() {
    let n = 0;
    for (let i = this.cs; i < this.ce; i++) if (this.text.norm[i] >= "0" && this.text.norm[i] <= "9") n++;
    if (n < MIN_DIGITS) return null;
    const kind = this.cueBefore();
    return this.carryKind ?? kind;
  }
  // Is the number directly introduced by a 'neg' cue ("Order #", "case no. ")?
  introducedByNeg() {
    return this.cueBefore() === "neg" && INTRO_RE.test(this.text.low.slice(this.beforeEnd, this.cs));
  }
  cueAfter() {
    if (this.after === false) {
      const low = this.text.low;
      const { ce, nx } = this;
      const r = nextCue(low, ce, Math.min(nx, ce + CUE_WINDOW + MAX_CUE));
      let kind = null;
      // a cue after the number does not reach back over a paragraph break
      if (r !== null && r.start - ce <= CUE_WINDOW && !PARAGRAPH_RE.test(low.slice(ce, r.start))) {
        // the cue belongs to the next number instead if it is that number's nearest cue
        const boundForward =
          nx < low.length &&
          nx - r.end <= CUE_WINDOW &&
          nextCue(low, r.end, nx) === null &&
          !sentenceEndIn(SENTENCE_END_RE, this.text.norm, r.end, nx) &&
          !sentenceEndIn(SENTENCE_SOFT_RE, this.text.norm, r.end, nx + 1) &&
          // only a number that could be an identifier (or a placeholder) takes the
          // cue: "... is my SSN my payment was $1,250.00" keeps the SSN
          couldBind(this.text.norm, nx, this.nxe);
        if (!boundForward) {
          kind = cueKind(r.m);
          this.afterStart = r.start;
        }
      }
      this.after = kind;
    }
    return this.after;
  }
  // first is "listed" for a piece after ", " inside the chunk: it takes the chunk's cue
  // softly, like a joined number.
  cue(first, last) {
    const [forced, fallback] = this.text.scoped(this.at);
    if (forced !== null) return forced;
    let soft = false;
    let kind = null;
    let carried = first === "listed";
    if (first === true) {
      kind = this.cueBefore();
      soft = kind !== null && last && this.isSoft();
      carried = this.carried;
    } else if (carried) {
      kind = this.carry();
      soft = last;
    }
    if (kind === null) {
      if (last) kind = this.cueAfter();
    } else if (soft) {
      // a cue before a soft sentence end (or a carried one) yields to the number's
      // own cue after it in the same sentence ("... and 345678912. Call me" keeps it)
      const after = this.cueAfter();
      if (
        after !== null &&
        // a carried negative cue stays: "Invoices 123456789 and 234567891 were paid,
        // my SSN is on file"
        !(carried && NEG_KINDS.includes(kind) && !NEG_KINDS.includes(after)) &&
        !sentenceEndIn(SENTENCE_END_RE, this.text.norm, this.ce, this.afterStart)
      ) {
        kind = after;
      }
    }
    if (kind === null) return fallback;
    return kind === "neg_bare" ? "neg" : kind;
  }
}

// Is norm[cs:ce] set between two of the same MICR transit mark (a check line)?
function betweenMarks(norm, cs, ce) {
  for (const m of MICR_MARKS) {
    if (cs >= m.length && norm.startsWith(m, ce) && norm.startsWith(m, cs - m.length)) return true;
  }
  return false;
}

function sepChar(s) {
  const t = s.replace(/^[ \n]+|[ \n]+$/g, "");
  const spaceAfter = s[s.length - 1] === " " || s[s.length - 1] === "\n";
  if (t === ",") return ""; // "1,234,567" is an amount, "...,569305166,2012" a CSV row
  if (t === "." && spaceAfter) return "";
  if (t === "/" && spaceAfter && (s[0] === " " || s[0] === "\n")) return ""; // "021000021 / 123456789"
  if (t && s.includes("\n") && s.indexOf("\n") < s.indexOf(t)) return ""; // "...3317\n- 523104428": a bullet
  return t;
}

// Could the claim norm[s:e] take a cue? Not an amount or a date: fewer than
// MIN_DIGITS digits and a currency sign before it or a "/", "," or "." inside it.
// A short plain number still does ("SSN ending 1234", "xxx-xx-1234").
function couldBind(norm, s, e) {
  if (norm[s] === "[") return true;
  let n = 0;
  let punct = false;
  for (let i = s; i < e; i++) {
    const c = norm[i];
    if (c >= "0" && c <= "9") n++;
    else if (c === "/" || c === "," || c === ".") punct = true;
  }
  if (n >= MIN_DIGITS) return true;
  let j = s - 1;
  while (j >= 0 && j >= s - 2 && norm[j] === " ") j--;
  return !(punct || (j >= 0 && LEFT_OUT.includes(norm[j]) && norm[j] !== "+"));
}

function scanChunk(text, cs, ce, ctx, out) {
  const norm = text.norm;
  const bare = norm.slice(cs, ce);
  let gs;
  if (/^[0-9]+$/.test(bare)) gs = [[cs, ce]];
  else {
    if (!HINT_RE.test(bare)) return;
    gs = [];
    let total = 0;
    for (const r of findIter(DIGITS_RE, norm, cs, ce)) {
      gs.push([r.start, r.end]);
      total += r.end - r.start;
    }
    if (total < MIN_DIGITS) return;
  }
  let j = cs - 1;
  while (j >= 0 && j >= cs - 2 && norm[j] === " ") j--;
  const phoneOrMoney = j >= 0 && LEFT_OUT.includes(norm[j]);
  let c1 = cs > 0 ? norm[cs - 1] : " ";
  let leftTaint = isWord(c1) || (GLUE_PUNCT.includes(c1) && cs >= 2 && isWord(norm[cs - 2]));
  c1 = ce < norm.length ? norm[ce] : " ";
  const rightTaint =
    isWord(c1) || (GLUE_PUNCT.includes(c1) && ce + 1 < norm.length && isWord(norm[ce + 1]));
  if (leftTaint && GLUE_PUNCT.includes(norm[cs - 1]) && ctx.cueBefore() !== null) {
    // "SSN-234567891", "EIN/12-3456789": a cue word joined on, not a longer token
    leftTaint = ctx.beforeEnd !== cs - 1;
  }
  const ng = gs.length;
  const tainted = leftTaint || rightTaint || phoneOrMoney;
  if (ng === 1) {
    if (!tainted) {
      ctx.at = cs;
      const kind = classify([bare], [], ctx, true, true);
      if (kind !== null) out.push([kind, cs, ce, bare]);
    }
    return;
  }
  const texts = gs.map(([s, e]) => norm.slice(s, e));
  const rawSeps = [];
  for (let i = 0; i < ng - 1; i++) rawSeps.push(norm.slice(gs[i][1], gs[i + 1][0]));
  const seps = rawSeps.map(sepChar);
  if (!tainted && ng <= MAX_PIECE_GROUPS) {
    ctx.at = cs;
    const kind = classify(texts, seps, ctx, true, true);
    if (kind !== null) {
      out.push([kind, cs, ce, texts.join("")]);
      return;
    }
  }
  const segOf = new Array(ng).fill(0);
  const segFirst = [0];
  let hardCut = 0;
  for (let i = 0; i < seps.length; i++) {
    const dot =
      rawSeps[i] === "." && texts[i].length >= DOT_CUT_MIN && DOT_CUT_MIN <= texts[i + 1].length;
    if (seps[i] === "" || dot) {
      segFirst.push(i + 1);
      if ((dot || rawSeps[i].includes(",") || rawSeps[i].includes(".")) && !hardCut) {
        hardCut = segFirst.length - 1;
      }
    }
    segOf[i + 1] = segFirst.length - 1;
  }
  const nseg = segFirst.length;
  const segLast = [];
  for (let k = 0; k < nseg - 1; k++) segLast.push(segFirst[k + 1] - 1);
  segLast.push(ng - 1);
  let loSeg;
  if (phoneOrMoney) {
    if (!hardCut) return;
    loSeg = hardCut;
  } else loSeg = leftTaint ? 1 : 0;
  const hiSeg = rightTaint ? nseg - 2 : nseg - 1;
  if (loSeg > hiSeg) return;
  const items = Array.from({ length: nseg }, () => []);

  const glen = texts.map((t) => t.length);
  const piece = (g0, off0, g1, off1, first, last) => {
    const lens = glen.slice(g0, g1 + 1);
    if (off1 !== null) lens[lens.length - 1] = off1;
    if (off0) lens[0] -= off0;
    if (!shapePossible(lens)) return null;
    const parts = texts.slice(g0, g1 + 1);
    if (off1 !== null) parts[parts.length - 1] = parts[parts.length - 1].slice(0, off1);
    if (off0) parts[0] = parts[0].slice(off0);
    const s = gs[g0][0] + off0;
    ctx.at = s;
    const kind = classify(parts, seps.slice(g0, g1), ctx, first, last);
    if (kind === null) return null;
    const e = off1 === null ? gs[g1][1] : gs[g1][0] + off1;
    return [kind, s, e, parts.join("")];
  };

  // a running digit count skips the pieces no shape can take (fewer than MIN_DIGITS or
  // more than the longest card) without building them
  const segDigits = [];
  for (let k = 0; k < nseg; k++) {
    let d = 0;
    for (let g = segFirst[k]; g <= segLast[k]; g++) d += glen[g];
    segDigits.push(d);
  }
  for (let a = loSeg; a <= hiSeg; a++) {
    const g0 = segFirst[a];
    let n = 0;
    for (let b = a; b <= hiSeg; b++) {
      const g1 = segLast[b];
      if (g1 - g0 + 1 > MAX_PIECE_GROUPS) break;
      n += segDigits[b];
      if (n > CARD.max_length) break;
      if (n < MIN_DIGITS) continue;
      // after ", " and a segment that could be an identifier itself: a list
      let listed = false;
      if (a > 0 && rawSeps[g0 - 1].includes(",")) {
        let n = 0;
        for (let g = segFirst[a - 1]; g < g0; g++) n += glen[g];
        if (n >= MIN_DIGITS) listed = "listed";
      }
      const first = a === 0 || listed;
      const f = piece(g0, 0, g1, null, first, b === nseg - 1);
      if (f !== null) items[a].push([b, f[3].length, [f]]);
    }
  }
  for (let gi = 0; gi < ng; gi++) {
    const sg = segOf[gi];
    if (sg < loSeg || sg > hiSeg) continue;
    const size = glen[gi];
    if (size < RULES.glue.min_run) continue;
    const cuts = new Set();
    if (gi + 1 < ng && seps[gi] !== "") for (const m of GLUE_LEAD) if (size - m > 0) cuts.add(size - m);
    if (gi > 0 && seps[gi - 1] !== "") for (const m of GLUE_TAIL) if (m < size) cuts.add(m);
    // digits of groups gi+1.. in gi's segment, and of gi's segment before gi
    let tail = 0;
    for (let g = gi + 1; g <= segLast[sg]; g++) tail += glen[g];
    let head = 0;
    for (let g = segFirst[sg]; g < gi; g++) head += glen[g];
    for (const k of [...cuts].sort((x, y) => x - y)) {
      const rights = [];
      let n = size - k + tail - segDigits[sg];
      for (let b = sg; b <= hiSeg; b++) {
        const g1 = segLast[b];
        if (g1 - gi + 1 > MAX_PIECE_GROUPS) break;
        n += segDigits[b];
        if (n > CARD.max_length) break;
        if (n < MIN_DIGITS) continue;
        const f = piece(gi, k, g1, null, false, b === nseg - 1);
        if (f !== null) rights.push([b, f]);
      }
      if (!rights.length) continue;
      n = k + head - segDigits[sg];
      for (let a = sg; a >= loSeg; a--) {
        const g0 = segFirst[a];
        if (gi - g0 + 1 > MAX_PIECE_GROUPS) break;
        n += segDigits[a];
        if (n > CARD.max_length) break;
        if (n < MIN_DIGITS) continue;
        const left = piece(g0, 0, gi, k, a === 0, false);
        if (left === null) continue;
        for (const [b, right] of rights) {
          items[a].push([b, left[3].length + right[3].length, [left, right]]);
        }
      }
    }
  }
  const best = new Array(nseg + 1).fill([0, 0]);
  const choice = new Array(nseg + 1).fill(null);
  for (let a = nseg - 1; a >= 0; a--) {
    let bv = best[a + 1];
    let bc = null;
    for (const [b, digits, finds] of items[a]) {
      const nb = best[b + 1];
      const v = [digits + nb[0], nb[1] - finds.length];
      if (v[0] > bv[0] || (v[0] === bv[0] && v[1] > bv[1])) {
        bv = v;
        bc = [b, finds];
      }
    }
    best[a] = bv;
    choice[a] = bc;
  }
  for (let a = 0; a < nseg; ) {
    const c = choice[a];
    if (c === null) {
      a++;
      continue;
    }
    out.push(...c[1]);
    a = c[0] + 1;
  }
}

// The same number again in another form ("412-08-3317, i.e. 412083317"): a tight
// digit group elsewhere whose digits are a found identifier's is that identifier too.
function repeats(norm, chunks, raw) {
  const kinds = new Map();
  for (const [kind, , , digits] of raw) if (!kinds.has(digits)) kinds.set(digits, kind);
  const out = [];
  let j = 0;
  const n = raw.length;
  for (const [cs, ce] of chunks) {
    for (const r of findIter(TIGHT_RE, norm, cs, ce)) {
      const { start: s, end: e } = r;
      const digits = r.m[0].replace(/[-./]/g, "");
      const kind = kinds.get(digits);
      if (kind === undefined) continue;
      while (j < n && raw[j][2] <= s) out.push(raw[j++]);
      if (j < n && raw[j][1] < e) continue; // overlaps a finding
      if (out.length && out[out.length - 1][2] > s) continue;
      out.push([kind, s, e, digits]);
    }
  }
  for (; j < n; j++) out.push(raw[j]);
  return out;
}

/** Find tax identifiers in `text`: findings in text order, never overlapping, with
 * offsets as JavaScript string indices into the original text. */
export function scan(text) {
  if (typeof text !== "string") throw new TypeError("scan() expects a string");
  const first = normalise(text);
  const { norm, starts, ends } = rewrite(first.norm, first.starts, first.ends);
  const raw = [];
  const ctx = new Text(norm, starts, text);
  const size = norm.length;
  CLAIM_RE.lastIndex = 0;
  const claims = [];
  let m;
  while ((m = CLAIM_RE.exec(norm)) !== null) {
    claims.push([m.index, m.index + m[0].length, m[1] !== undefined]);
  }
  let pe = 0;
  let prev = null;
  const chunks = [];
  for (let i = 0; i < claims.length; i++) {
    const [cs, ce, placeholder] = claims[i];
    if (MIN_DIGITS <= ce - cs && ce - cs <= MAX_CHUNK && !placeholder) {
      const nx = i + 1 < claims.length ? claims[i + 1][0] : size;
      const nxe = i + 1 < claims.length ? claims[i + 1][1] : size;
      prev = new Chunk(ctx, cs, ce, pe, nx, nxe, prev);
      scanChunk(ctx, cs, ce, prev, raw);
      chunks.push([cs, ce]);
    } else {
      prev = null;
    }
    pe = ce;
  }
  const all = raw.length && chunks.length > 1 ? repeats(norm, chunks, raw) : raw;
  return all.map(([kind, s, e, digits]) => {
    const start = starts === null ? s : starts[s];
    const end = ends === null ? e : ends[e - 1];
    return Object.freeze({
      kind,
      start,
      end,
      masked: mask(kind, digits),
      last4: digits.slice(-4),
      label: KIND_LABELS[kind],
    });
  });
}
