// Tax-identifier detector, browser twin of the Python package app/pii.
//
// Same contract as app.pii.scan: scan(text) returns findings {kind, start, end, masked,
// last4, label} in text order, never overlapping, with offsets as JavaScript string
// indices. The rule data (cue words, prefixes, ranges, regex sources) is the shared
// file pii-rules.json, read here through the generated module pii-rules.mjs (python -m
// app.pii.build), which also carries the regex sources Python finishes. The modules
// mirror the Python package one for one: pii-const (_rules), pii-normalise, pii-rewrite,
// pii-checks, pii-cues, pii-scopes, pii-pieces, pii-wording and this one (_engine).
// They only differ where the languages must (regex "endpos", UTF-16 offsets, Unicode).

import { RULES, SOURCES } from "./pii-rules.mjs";
import { makeRewrite } from "./pii-rewrite.mjs";
import { CLAIM_RE, KIND_LABELS, LAST_FOUR_OTHER_RE, LAST_FOUR_RE, LAST_FOUR_REACH, MAX_CHUNK, MIN_DIGITS, TIGHT_RE } from "./pii-const.mjs";
import { normalise } from "./pii-normalise.mjs";
import { mask, removalLabel } from "./pii-wording.mjs";
import { Chunk, Text, findIter, latinLower } from "./pii-cues.mjs";
import { BASE_DIGITS, ctBase, scanChunk } from "./pii-pieces.mjs";
import { fits, ssnOrItin, typoKeys, typoOf } from "./pii-checks.mjs";

export { RULES };
export { KIND_LABELS, KINDS } from "./pii-const.mjs";
export { describe, kindLabel, mask, removalLabel, remove } from "./pii-wording.mjs";
export { normalise } from "./pii-normalise.mjs";

const rewrite = makeRewrite(RULES, SOURCES, latinLower);

// Is digits another location's number of a CT registration found in the message: a
// found CT number's 7-digit base and a location code starting 00 ("Downtown is
// 5531087 000 and the Hamden store 5531087001")? (_engine._sibling)
function sibling(digits, bases) {
  return (
    digits.length === BASE_DIGITS + 3 &&
    bases.has(digits.slice(0, BASE_DIGITS)) &&
    digits.slice(BASE_DIGITS).startsWith(RULES.ct_tax_reg.no_cue_location_prefix)
  );
}

// The found identifiers' digits by their typoKeys, each with its place in kinds.
// (_engine._typo_index)
function typoIndex(kinds) {
  const typos = new Map();
  let i = 0;
  for (const found of kinds.keys()) {
    for (const key of typoKeys(found)) {
      const list = typos.get(key);
      if (list === undefined) typos.set(key, [[i, found]]);
      else list.push([i, found]);
    }
    i++;
  }
  return typos;
}

// The kind of the first found identifier whose digits these are with one or two digits
// changed (typoOf), if they pass that kind's checks too: the wrong number and the right
// one side by side ("The payment memo shows 7322536002 instead of our registration
// number 7362536002"). Only the found numbers that share a typoKeys key with digits can
// be such a one, so a message of many numbers is not quadratic. (_engine._mistyped)
function mistyped(digits, kinds, typos) {
  let first = kinds.size;
  let kind;
  for (const key of typoKeys(digits)) {
    for (const [i, found] of typos.get(key) ?? []) {
      if (i < first && typoOf(found, digits) && fits(kinds.get(found), digits)) {
        first = i;
        kind = kinds.get(found);
      }
    }
  }
  return kind;
}

// raw with each chunk of nine digits no finding holds that ends in the four digits the
// writer gave as a Social Security number's last four added as that SSN (or ITIN, by its
// digits): "the last four of my social are 9841 ... it's 489749841" (last_four; not a
// card's or an account's last four: last_four_other) (_engine._last_fours).
function lastFours(ctx, chunks, raw) {
  const { low, norm } = ctx;
  if (!chunks.length || (!low.includes("last") && !low.includes("end"))) return raw; // (last_four's words)
  const tails = new Set();
  for (const m of low.matchAll(LAST_FOUR_RE)) {
    const tail = m.index + m[0].length - 4;
    if (findIter(LAST_FOUR_OTHER_RE, low, Math.max(0, m.index - LAST_FOUR_REACH), tail).next().done) tails.add(m[1]);
  }
  if (!tails.size) return raw;
  const added = [];
  let k = 0; // raw and chunks are in order: the first finding not before cs
  for (const [cs, ce] of chunks) {
    while (k < raw.length && raw[k][2] <= cs) k++;
    if (k < raw.length && raw[k][1] < ce) continue; // a finding holds it
    const digits = norm.slice(cs, ce).replace(/[^0-9]/g, "");
    if (digits.length !== MIN_DIGITS || !tails.has(digits.slice(-4))) continue;
    const kind = ssnOrItin(digits);
    if (kind !== null) added.push([kind, cs, ce, digits, ["last four"]]);
  }
  return added.length ? [...raw, ...added].sort((a, b) => a[1] - b[1]) : raw;
}

// The same number again in another form ("412-08-3317, i.e. 412083317"): a tight
// digit group elsewhere whose digits are a found identifier's is that identifier too,
// one that is another location of a found CT registration is a CT number, and one
// that is a found identifier mistyped is of its kind.
export function repeats(norm, chunks, raw) {
  const kinds = new Map();
  const bases = new Set();
  for (const [kind, , , digits] of raw) {
    if (!kinds.has(digits)) kinds.set(digits, kind);
    if (kind === "ct_tax_reg" && digits.length === BASE_DIGITS + 3) bases.add(digits.slice(0, BASE_DIGITS));
  }
  const typos = typoIndex(kinds);
  let shortest = Infinity; // a group shorter than that holds fewer digits
  for (const digits of kinds.keys()) shortest = Math.min(shortest, digits.length);
  const out = [];
  let j = 0;
  const n = raw.length;
  for (const [cs, ce] of chunks) {
    for (const r of findIter(TIGHT_RE, norm, cs, ce)) {
      const { start: s, end: e } = r;
      if (e - s < shortest) continue;
      const digits = r.m[0].replace(/[-./ ,]/g, "");
      let kind = kinds.get(digits);
      if (kind === undefined && sibling(digits, bases)) kind = "ct_tax_reg";
      if (kind === undefined) kind = mistyped(digits, kinds, typos);
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

// Is the EIN at low[s, e) the payer's on a Form 1099-G, a government agency's ("the 1099-G
// you sent lists the payer's federal ID as 23-7430452")? rules: department_payer.
const PAYER = RULES.department_payer;
const PAYER_FORM_RE = new RegExp(PAYER.form, "g");
const PAYER_AGENCY_RE = new RegExp(PAYER.agency, "g");
const PAYER_OWN_RE = new RegExp(PAYER.own);
const PAYER_SSN_WRITTEN_RE = new RegExp("^(?:" + PAYER.ssn_written + ")$");
// Does the line holding norm[s] start with a quote prefix ("> ")? (_quoted_line)
function quotedLine(norm, s) {
  let j = norm.lastIndexOf("\n", s - 1) + 1;
  while (j < s && (norm[j] === " " || norm[j] === "\t")) j++;
  return norm[j] === ">";
}

// The raw findings, a number found on a quoted line as one kind and on the writer's own
// lines as one other kind only taking the writer's kind: the reply corrects what it
// quotes ("> Please confirm your EIN: 996-82-1375" / "That's my ITIN ...") (_writers_kinds).
function writersKinds(norm, raw) {
  const quoted = raw.map((r) => quotedLine(norm, r[1]));
  const own = new Map();
  raw.forEach((r, i) => {
    if (!quoted[i]) {
      if (!own.has(r[3])) own.set(r[3], new Set());
      own.get(r[3]).add(r[0]);
    }
  });
  return raw.map((r, i) => {
    const kinds = own.get(r[3]);
    if (quoted[i] && kinds !== undefined && kinds.size === 1 && !kinds.has(r[0])) return [[...kinds][0], r[1], r[2], r[3], ["repeat"]];
    return r;
  });
}

function departmentPayer(low, s, e) {
  // (one written as an SSN is the recipient's: labels under values)
  if (PAYER_SSN_WRITTEN_RE.test(low.slice(s, e))) return false;
  if (findIter(PAYER_FORM_RE, low, Math.max(0, s - PAYER.form_before), Math.min(low.length, e + PAYER.form_after)).next().done) return false;
  // a pasted form's "PAYER'S TIN", whoever's it is, stays
  if (findIter(PAYER_AGENCY_RE, low, Math.max(0, s - PAYER.agency_reach), Math.min(low.length, e + PAYER.agency_reach)).next().done) return false;
  const before = low.slice(Math.max(0, s - PAYER.payer_reach), s);
  if (PAYER_OWN_RE.test(before)) return false; // "... shows the wrong payer TIN. Ours is 74-5856793"
  const i = before.lastIndexOf(PAYER.payer);
  if (i >= 0 && !/[0-9]/.test(before.slice(i))) return true;
  const after = low.slice(e, e + PAYER.payer_reach);
  const j = after.indexOf(PAYER.payer);
  return j >= 0 && !/[0-9]/.test(after.slice(0, j));
}

const INSTITUTION = RULES.institution_ein;
const INSTITUTION_OWNER_RE = new RegExp(INSTITUTION.owner, "g");
const INSTITUTION_BETWEEN_RE = new RegExp(INSTITUTION.between, "g");

// Is the EIN at low.slice(s, e) an institution's, a bank's or a lender's, by the
// writer's words (_engine._institution_ein)? The owner named within reach before it
// (the last) or after it (the first), no other number or the writer's own word between.
function institutionEin(low, s, e) {
  let last = null;
  for (const r of findIter(INSTITUTION_OWNER_RE, low, Math.max(0, s - INSTITUTION.reach), s)) last = r;
  if (last !== null && findIter(INSTITUTION_BETWEEN_RE, low, last.end, s).next().done) return true;
  const first = findIter(INSTITUTION_OWNER_RE, low, e, Math.min(low.length, e + INSTITUTION.reach)).next();
  return !first.done && findIter(INSTITUTION_BETWEEN_RE, low, e, first.value.start).next().done;
}

// Made-up messages that run most of the detector's patterns: cue words before and after
// numbers in several languages and scripts, a subject line, a table, a CSV row, a list,
// a quoted reply, a denial, a correction, a transcript and spoken digits. V8 compiles a pattern
// on its first use, and the cue alternation's parts take tens of milliseconds each, so
// the first checks of a page would stall for a few hundred milliseconds; the contact
// form scans these while the page is idle instead (bench/README.md has the figures).
export const WARM_UP_TEXTS = Object.freeze([
  "Subject: my SSN and EIN\nHello, my social security number is 219-56-7788 and our EIN is " +
    "06-1234567. The routing number is 011000138, account 12345678.",
  "Name | SSN | Account\nAna | 219567788 | 4471\nBob | not given | 5520\n\nName,SSN,Year\n" +
    "Ana,219567788,2023",
  "SSNs for everyone on the return:\n- husband: 219-56-7788\n- son - 219567788\n> On Mon, Ana " +
    "wrote:\n> my ssn is 219 56\n> 7788\nThat is not my social security number, it is the " +
    "notice number 310457712, sorry I mean 310457713.",
  "Caller: my social is two one nine, five six, seven seven eight eight.\nOperator: Social?\n" +
    "[00:13] Speaker 1: card 4929 3817 5208 1111 exp 08/28, tax registration 1234567-000, " +
    "número de seguro social 219 56 7788, numer rozliczeniowy 011000138",
  // other scripts' cue words and digits (their patterns are large to compile)
  "您好，我的社会安全号码是 219-56-7788，本店康州稅務登記號碼 6611329000。내 사회보장번호는 219 56 " +
    "7788 입니다. Мой номер социального страхования 219-56-7788, ИНН не нужен. رقم الضمان " +
    "الاجتماعي ٢١٩٥٦٧٧٨٨",
]);

/** Find tax identifiers in `text`: findings in text order, never overlapping, with
 * offsets as JavaScript string indices into the original text. */
export function scan(text) {
  if (typeof text !== "string") throw new TypeError("scan() expects a string");
  const found = scanOnce(text);
  return found.some((f) => glued(text, f)) ? uncovered(text, found) : found;
}

// how far (in code points) from a finding another digit makes its removal worth a
// second look (_engine._GLUE_REACH)
const GLUE_REACH = 2;
const DECIMAL_RE = /\p{Nd}/u;

// Does a digit stand within GLUE_REACH code points of the finding ("234-56-7891.234567891")?
function glued(text, f) {
  const before = Array.from(text.slice(Math.max(0, f.start - 2 * GLUE_REACH), f.start));
  const after = Array.from(text.slice(f.end, f.end + 2 * GLUE_REACH));
  return before.slice(-GLUE_REACH).concat(after.slice(0, GLUE_REACH)).some((c) => DECIMAL_RE.test(c));
}

// found, with the numbers its removal uncovers added (_engine._uncovered): what
// remove() would leave is scanned again and each new finding mapped back to the text,
// until no more appear, so a text with its findings removed holds none.
function uncovered(text, found) {
  for (;;) {
    const out = [];
    const shifts = []; // [start in out, end in out, shift after]
    let pos = 0;
    let shift = 0;
    for (const f of found) {
      out.push(text.slice(pos, f.start));
      const label = removalLabel(f.kind);
      const at = f.start - shift;
      out.push(label);
      shift += f.end - f.start - label.length;
      shifts.push([at, at + label.length, shift]);
      pos = f.end;
    }
    out.push(text.slice(pos));
    const added = [];
    for (const m of scanOnce(out.join(""))) {
      let by = 0;
      let inside = false;
      for (const [ls, le, after] of shifts) {
        if (m.end <= ls) break;
        if (m.start < le) {
          inside = true; // over a label: not a number of the text
          break;
        }
        by = after;
      }
      if (!inside) added.push(Object.freeze({ ...m, start: m.start + by, end: m.end + by }));
    }
    if (added.length === 0) return found;
    found = found.concat(added).sort((a, b) => a.start - b.start);
  }
}

// scan(text) without a second look at what removing its findings uncovers
// Where the claim s:e ends when the next line's clock is not taken in: before the line
// break when the claim's last line is the hour of a time stamp (a transcript's "...ITIN,
// 938 56 6 0 3 1.\n14:22:31 Agent"), else e (_before_clock).
function beforeClock(norm, s, e) {
  let b = norm.lastIndexOf("\n", e - 1);
  if (b < s || e - b > 3 || !/^[0-9]+$/.test(norm.slice(b + 1, e)) || !/[0-9]/.test(norm[e + 1] ?? "")) return e;
  while (b > s && !(norm[b - 1] >= "0" && norm[b - 1] <= "9")) b--;
  return b;
}

// Is norm[i] a tab of the original text?
const tabAt = (text, norm, starts, i) => norm[i] === " " && text[starts === null ? i : starts[i]] === "\t";

// The claims cut at each tab of the original text, each piece from its first digit to
// its last, where other separators stand beside the tabs: a tab there parts a row's
// cells, not the digit groups of one number; groups parted by tabs alone may be one
// number a cell each (_tab_cut).
function tabCut(text, norm, starts, claims) {
  const out = [];
  for (const [s, e, placeholder] of claims) {
    const tabs = [];
    let other = false;
    for (let i = s; i < e; i++) {
      if (tabAt(text, norm, starts, i)) tabs.push(i);
      else if (!(norm[i] >= "0" && norm[i] <= "9")) other = true;
    }
    // (a placeholder, "[... removed]", has no number to cut)
    if (placeholder || !tabs.length || !other) {
      out.push([s, e, placeholder]);
      continue;
    }
    digitPieces(norm, s, [...tabs, e], out);
  }
  return out;
}

// Push to out the pieces of norm from s cut at each of cuts (the last one the end; each
// cut character dropped), each from its first digit to its last (_digit_pieces).
function digitPieces(norm, s, cuts, out) {
  let a = s;
  for (const i of cuts) {
    let lo = a;
    let hi = i;
    while (lo < hi && !(norm[lo] >= "0" && norm[lo] <= "9")) lo++;
    while (hi > lo && !(norm[hi - 1] >= "0" && norm[hi - 1] <= "9")) hi--;
    if (hi > lo) out.push([lo, hi, false]);
    a = i + 1;
  }
}

// a base alone, a line break and the next numbered item's number ("2139231\n2. ")
const BASE_BEFORE_ITEM_RE = /^[0-9]{7}\n[0-9]{1,2}[.)][ \t]$/;

function scanOnce(text) {
  const first = normalise(text);
  const { norm, starts, ends } = rewrite(first.norm, first.starts, first.ends);
  let raw = [];
  const ctx = new Text(norm, starts, text);
  const size = norm.length;
  CLAIM_RE.lastIndex = 0;
  let claims = [];
  let m;
  while ((m = CLAIM_RE.exec(norm)) !== null) {
    const s = m.index;
    const e = norm[s + m[0].length] === ":" ? beforeClock(norm, s, s + m[0].length) : s + m[0].length;
    if (e - s <= MAX_CHUNK || norm.indexOf("\n", s) < 0 || norm.indexOf("\n", s) >= e) {
      claims.push([s, e, m[1] !== undefined]);
      continue;
    }
    // longer than a chunk may be, with a line break: its lines, each from its first
    // digit to its last (a CSV pasted row under row; _lines_of_long)
    const breaks = [];
    for (let i = norm.indexOf("\n", s); i >= 0 && i < e; i = norm.indexOf("\n", i + 1)) breaks.push(i);
    digitPieces(norm, s, [...breaks, e], claims);
  }
  if (text.includes("\t")) claims = tabCut(text, norm, starts, claims);
  let pe = 0;
  let prev = null;
  const chunks = [];
  const denied = new Set();
  const lone = []; // bases alone no label made CT numbers (_engine._lone_bases)
  // for each claim, the next that is not a form's name ("1099-G"): a cue reaches over it
  const nexts = new Array(claims.length);
  let next = [size, size];
  for (let i = claims.length - 1; i >= 0; i--) {
    nexts[i] = next;
    if (!formCode(norm, claims[i][0], claims[i][1])) next = claims[i];
  }
  for (let i = 0; i < claims.length; i++) {
    const [cs, ce, placeholder] = claims[i];
    const [nx, nxe] = nexts[i];
    if (MIN_DIGITS <= ce - cs && ce - cs <= MAX_CHUNK && !placeholder) {
      prev = new Chunk(ctx, cs, ce, pe, nx, nxe, prev);
      const found = raw.length;
      scanChunk(ctx, cs, ce, prev, raw);
      // (a base alone ending a numbered item, the next item's number joined on over the
      // line break: "1. CT Registration #: 2139231\n2. Location code: ...")
      if (raw.length === found && BASE_BEFORE_ITEM_RE.test(norm.slice(cs, ce + 2))) {
        const f = ctBase(new Chunk(ctx, cs, cs + BASE_DIGITS, pe, nx, nxe, null));
        if (f !== null) raw.push(f);
      }
      // (a code that holds the number and a letter, an SSA claim number "873-42-6965A", is
      // denied as itself: the number alone is not)
      if (raw.length === found && !/[A-Za-z]/.test(norm[ce] ?? "") && prev.denied()) denied.add(norm.slice(cs, ce).replace(/[^0-9]/g, ""));
      chunks.push([cs, ce]);
    } else {
      if (ce - cs === BASE_DIGITS && !placeholder && /^[0-9]+$/.test(norm.slice(cs, ce))) {
        // a CT number's base alone, under its own label
        const f = ctBase(new Chunk(ctx, cs, ce, pe, nx, nxe, null));
        if (f !== null) raw.push(f);
        else lone.push([cs, ce]);
      }
      prev = null;
    }
    pe = ce;
  }
  raw = lastFours(ctx, chunks, raw);
  let all = raw.length ? repeats(norm, chunks, raw) : raw;
  // a number the writer denies is none wherever it stands (_engine.scan)
  if (denied.size) all = all.filter((r) => !denied.has(r[3]));
  if (all.length) {
    const low = ctx.low;
    all = all.filter((r) => r[0] !== "fein" || !(departmentPayer(low, r[1], r[2]) || institutionEin(low, r[1], r[2])));
    if (norm.includes(">")) all = writersKinds(norm, all);
    // a base alone that is a found CT registration's base is that registration ("The
    // certificate just says 6136496. So Hamden would be 6136496-000")
    const bases = new Set(all.filter((r) => r[0] === "ct_tax_reg" && r[3].length === BASE_DIGITS + 3).map((r) => r[3].slice(0, BASE_DIGITS)));
    const added = lone.filter(([cs, ce]) => bases.has(norm.slice(cs, ce))).map(([cs, ce]) => ["ct_tax_reg", cs, ce, norm.slice(cs, ce)]);
    if (added.length) all = [...all, ...added].sort((a, b) => a[1] - b[1]);
  }
  return all.map(([kind, s, e, digits]) => {
    const start = starts === null ? s : starts[s];
    let end = ends === null ? e : ends[e - 1];
    // "1\ufe0f\u20e3", a keycap emoji: all of the last digit
    while (end < text.length && (text[end] === "\ufe0f" || text[end] === "\u20e3")) end++;
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

// Is norm.slice(s, e) the number of a form's name, three or four digits with letters
// hyphened on ("1099-G", "1040-ES", "CT-1040"; not a mask's "xxx-xx-6789")? A cue
// reaches over it (_form_code).
function formCode(norm, s, e) {
  if (e - s < 3 || e - s > 4 || !/^[0-9]+$/.test(norm.slice(s, e))) return false;
  const letter = (c) => c !== undefined && /[A-Za-z]/.test(c);
  if (s >= 2 && norm[s - 1] === "-" && letter(norm[s - 2])) return norm[s - 2] !== "x" && norm[s - 2] !== "X";
  return e + 1 < norm.length && norm[e] === "-" && letter(norm[e + 1]) && !/[0-9]/.test(norm[e + 2] ?? "");
}
