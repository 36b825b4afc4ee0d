// The twin of app/pii/_pieces.py: digit chunks cut into identifier-shaped pieces.

import { RULES } from "./pii-rules.mjs";
import { CARD, DENIAL_ANSWER_NOT_RE, CARD_LAYOUTS, CARD_SEPARATORS, CT, CUE_LAYOUTS, DIGITS_RE, DOT_CUT_MIN, GLUE_LEAD, GLUE_PUNCT, GLUE_TAIL, HINT_RE, LEFT_OUT, MAX_PIECE_GROUPS, MIN_DIGITS, PADDED, SENTENCE_END_RE, SSN_BAD_AREA_FIRST, WEAK_CUES_AFTER, sentenceEndIn } from "./pii-const.mjs";
import { WORD } from "./pii-normalise.mjs";
import { CUE_FREE_FIRST_PAIRS, CUE_FREE_LAST_PAIRS, FIRST_PAIRS, LAST_PAIRS, allSame, cardOk, feinOk, fits, itinOk, phoneLike, routingOk, shapePossible, ssnOrItin } from "./pii-checks.mjs";
import { NEG_KINDS, OWN_PLACEHOLDER_RE, betweenMarks, cardWordBefore, correctedAt, findIter, labelAfter, labelledAt, labelledKind, labelledOnly } from "./pii-cues.mjs";
import { DENIED, ID_KINDS } from "./pii-scopes.mjs";

// Is the piece (its groups and separators) written as the chunk's first number, before
// its first comma, is: the same groups with the same marks between (_written_like_first)?
function writtenLikeFirst(ctx, parts, seps) {
  const norm = ctx.text.norm;
  const comma = norm.slice(ctx.cs, ctx.ce).indexOf(",");
  const head = comma > 0 ? norm.slice(ctx.cs, ctx.cs + comma) : "";
  let mine = parts[0];
  for (let i = 1; i < parts.length; i++) mine += seps[i - 1] + parts[i];
  return head.replace(/[0-9]/g, "0") === mine.replace(/[0-9]/g, "0");
}

export function classify(parts, seps, ctx, first, last) {
  const d = parts.join("");
  const n = d.length;
  // (the instructions' example CT number, 1234567-000, is none either)
  // (nor a padded field: "IND ID: 0000001182")
  if (allSame(d) || CT.placeholder_bases.includes(d.slice(0, n - CT.location_length)) || d.startsWith(PADDED)) return null;
  if (parts.length === 1) {
    if (n === 9) {
      const cue = ctx.cue(first, last);
      if (cue === "ssn" || cue === "itin" || cue === "taxid") {
        // a business's tax ID or TIN (an ITIN cue's number that is no ITIN was a "TIN"):
        // "Northwind Electric LLC 049153005" under a "TIN" column
        // (a 9 first is an ITIN's only when the rest is one: "North Shore Plumbing Inc,991206791")
        if ((cue === "taxid" || (cue === "itin" && !(d[0] === SSN_BAD_AREA_FIRST && itinOk(d)))) && feinOk(d) && ctx.businessLine()) return "fein";
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
      return ctCued(ctx, first, last, d, n === CT_DIGITS) ? "ct_tax_reg" : null;
    }
    if (CARD.min_length <= n && n <= CARD.max_length && cardOk(d)) {
      const denied = (first === true && ctx.introducedByNeg()) || (last && ctx.deniedAfter("card"));
      return denied ? null : "card";
    }
    return null;
  }
  if (seps.includes(",")) return null;
  const lens = parts.map((p) => p.length);
  const shape = lens.join(",");
  if (CUE_LAYOUTS.has(shape)) {
    // a ZIP+4 ("Hartford 06106-4021"), or a ZIP and a year ("06511. 2023"): no 5-4 number
    // (another state's too: "CINCINNATI OH 45999-0023")
    if (
      shape === ZIP_SHAPE &&
      (!ZIP_LAYOUT_SEPS.has(seps[0]) ||
        d.startsWith(CT.zip_prefix) ||
        ZIP_STATE_RE.test(ctx.text.norm.slice(Math.max(0, ctx.at - CT.zip_state_reach), ctx.at)))
    )
      return null;
    // nine digits grouped another way, one separator throughout (or an EIN's hyphen after
    // its prefix, then spaces, a fax's copy: "our EIN is 61-280 8939"): like nine bare digits
    const alike = seps.every((x) => x === seps[0]) || (parts[0].length === 2 && seps[0] === "-" && seps.slice(1).every((x) => x === ""));
    return alike ? classify([d], [], ctx, first, last) : null;
  }
  let kind = null;
  if (shape === "3,2,4") {
    // (an EIN its writer's software prints 3-2-4 keeps its own label: "our federal ID is
    // 611-14-5348"), directly introduced by it
    // (and not corrected at once: "EIN: 376-34-0589 (actually that's my personal social ...)")
    // (or, with no cue of another kind before it, labelled one at once after it by a label
    // that is not the next number's: "676-40-0318 - it's an EIN", not "ssn 870-98-5073 fed
    // id 25-5442309")
    const fein =
      (first === true &&
        feinOk(d) &&
        ctx.introducedAsFeinOnly() &&
        !(last && correctedAt(ctx.text.low, ctx.ce)) &&
        // (nor said at once not to be one and named another: "EIN: 657-88-2253 — that's
        // not an EIN, it's my SSN")
        !(last && ctx.ownCueRelabelled() !== null)) ||
      (last &&
        feinOk(d) &&
        labelledKind(ctx.text.low, ctx.ce) === "fein" &&
        labelledOnly(ctx.text.low, ctx.ce) &&
        [null, "fein"].includes(ctx.cueBefore()));
    kind = fein ? "fein" : ssnOrItin(d);
    // "Routing # 062 13 7319 (Chase)": its own cue's, written in an SSN's groups
    if (kind !== "fein" && first === true && routingOk(d) && ctx.cue(true, last) === "routing" && ctx.introducedById()) {
      kind = "routing";
    } else if (kind !== null && decimalTail(seps) && ctx.cue(first, last) === null) {
      return null; // an amount and a decimal, "19,540,003    21.0757%": only with a cue
    }
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
    // two cells of a row ("2758310<TAB>001<TAB>12,480.00")
    if (lens.length === 2 && ctx.text.originalAt(ctx.at + lens[0]) === "\t") return null;
    if (!seps.every((s) => CT.separators.includes(s))) {
      // a dot or slash before the location code of a base in one group, only with a CT
      // cue ("Conn. ID 1853106.000"; not an IP address, 133.86.175.226)
      if (seps.length !== 1 || !CT.cued_separators.includes(seps[0])) return null;
      if (ctCued(ctx, first, last, d, shape === CT_SHAPE)) return "ct_tax_reg";
      // the slash alone, as letters print it: "filed under 2646656/000"
      if (seps[0] !== CT.no_cue_slash || !ctShapeAlone(shape, d)) return null;
      kind = "ct_tax_reg";
    } else {
      // "CT 06106-4021\n860 ...": a ZIP+4 is never the start of a CT number
      if (lens[0] === CT.zip_plus4[0] && lens[1] === CT.zip_plus4[1] && seps[0] === "-") return null;
      // "Hartford, CT 06171\n203 615 8846": a ZIP code, then a phone
      if (lens[0] === CT.zip_plus4[0] && seps[0] === "" && d.startsWith(CT.zip_prefix)) return null;
      // (a tax ID's 7-digit base may come in groups of its own: "My tax number is
      // 576-9004-000"; no nine digits are a tax ID of ten)
      const shaped = shape === CT_SHAPE || (n === CT_DIGITS && ctx.cue(first, last) === "taxid");
      if (ctCued(ctx, first, last, d, shaped)) return "ct_tax_reg";
      // 1234567-000 or 1234567 000: the shape alone, a 7-digit base, a hyphen or one
      // space and a location code 000-009
      if (ctShapeAlone(shape, d) && (seps[0] === "-" || oneSpace(ctx.text.norm, ctx.at + CT.base_max - 2))) {
        kind = "ct_tax_reg";
      } else return null;
    }
  } else if (
    CARD.min_length <= n &&
    n <= CARD.max_length &&
    CARD_LAYOUTS.has(shape) &&
    seps.every((s) => CARD_SEPARATORS.has(s)) &&
    cardOk(d)
  ) {
    kind = "card";
  }
  // (and an item of a list its heading denies: "these are NOT social security numbers:";
  // not by a word of the cell before, under a header that names this column's
  // identifier: "name,role,tin" over "Jamal Whitaker,Managing Member,134-38-2583"; and a
  // number listed after the first, written alike: "Lot # 221-09-4418, 221-09-4419")
  if (
    kind !== null &&
    (((first === true || (first === "listed" && writtenLikeFirst(ctx, parts, seps))) &&
      ctx.introducedByNeg() &&
      !ID_KINDS.has(ctx.text.scoped(ctx.at, ctx)[0]) &&
      // (a CT number a bare "account" introduces is one: "a notice for account 8255937-000")
      !(kind === "ct_tax_reg" && ctx.accountBefore())) ||
      // (a CT number said to be "the account" is one: the portal's word for it)
      (last && ctx.deniedAfter(kind) && !(kind === "ct_tax_reg" && ctx.accountAfter())) ||
      (ctx.text.mayDeny() && ctx.text.scoped(ctx.at, ctx)[0] === DENIED))
  ) {
    return null;
  }
  return kind;
}

const PROSE_DASHES = new Set(RULES.prose_dashes);
// Is the CT cue before the chunk more than the two letters "ct", and more than a name of the
// state or the department ("Bates numbered DRS7773441-001" is no registration)?
// (_ct_cue_spelled; after ctx.cueBefore(), which finds the cue)
function ctCueSpelled(ctx) {
  const span = ctx.beforeSpan;
  return span !== null && span[1] - span[0] > 2 && !WEAK_CUES_AFTER.has(ctx.text.low.slice(span[0], span[1]));
}

// a label typed on to a number and its own value after it, the next field (_GLUED_FIELD_RE)
const GLUED_FIELD_RE = /[a-z]{2,12}[ ]?[#:]?[ ]?[0-9]/y;
// the label of a next field typed on to a number: letters, then its value or a colon; or a
// word with a small letter typed on to it, a space lost ("ssn#369337823pls call"; not a
// code's capitals, "412083317ABC"), or a business's suffix or a field's short name in
// capitals ("EIN62-9821261LLC", "...DOB"); or a slash and the next field
// ("ein812087764/ct reg 2142311001"); or a pasted form's next field name in capitals, up to
// its colon ("SSN:469172933FECHA DE NAC:03/14/1979") (_LABEL_GLUED_RE)
const LABEL_GLUED_RE = /[A-Za-z]{2,12}(?=[0-9:#])|(?=[A-Za-z]{0,11}[a-z])[A-Za-z]{2,12}(?![A-Za-z0-9_])|(?:LLC|INC|CORP|LTD|DBA|DOB|EXP|TEL|PH|FAX)(?![A-Za-z0-9_])|\/[A-Za-z]{2,12}(?![A-Za-z0-9_])|[A-Z]{2,12}(?=(?: [A-Z]{1,12}){1,3} ?:)|[A-Z]{2,12}['’]S(?![A-Za-z0-9_])/y;
// a next field's name in title case or a form's capitals with "'S" typed on to a number
// ("Number126111371Withholding Code D", "TIN502-57-7651RECIPIENT'S"): a cue itself there
// names the next field, not this number (_TITLE_GLUED_RE)
const TITLE_GLUED_RE = new RegExp(RULES.glue.title_field, "y");

// a phone number's extension right after a number ("860 55 5012 x41", "... ext. 204")
// Is the number, with no cue before it, followed at once, with no space, by a cue of an
// identifier's kind that ends the word and has no number of its own after it, nor a
// removed one's placeholder ("028216246ssn sorry phone glitch"; not "234-56-7891SSN[SSN
// removed]"; _own_label_glued)?
function ownLabelGlued(ctx, ce) {
  const low = ctx.text.low;
  const label = labelAfter(low, ce);
  if (label === null || label.start !== ce || !ID_KINDS.has(label.kind) || /[a-z]/.test(low[label.end] ?? "")) return false;
  OWN_PLACEHOLDER_RE.lastIndex = label.end;
  return !OWN_PLACEHOLDER_RE.test(low) && ctx.cueBefore() === null;
}
const PHONE_EXT_RE = new RegExp(RULES.glue.phone_extension, "y");

const CT_SHAPE = [CT.base_max - 2, CT.location_length].join(","); // a 7-digit base and its location code

// A CT number by its shape alone: a 7-digit base and a location code 000-009.
// (_pieces._ct_shape_alone)
function ctShapeAlone(shape, d) {
  return shape === CT_SHAPE && d.slice(d.length - CT.location_length).startsWith(CT.no_cue_location_prefix);
}

// Are an SSN's three groups joined by two different separators, the second a point: a
// number and a decimal ("540 21.0757"), not one number? (_pieces._decimal_tail)
function decimalTail(seps) {
  return seps[1] === "." && seps[0] !== ".";
}
const CT_DIGITS = CT.base_max - 2 + CT.location_length;
const ZIP_SHAPE = CT.zip_plus4.join(","); // a 5-4 layout is a ZIP+4 written as a number
const ZIP_LAYOUT_SEPS = new Set(CT.zip_layout_separators); // how a spoken 5-4 number is written
const ZIP_STATE_RE = new RegExp(CT.zip_state_before); // a place and a state before a ZIP+4
const ACCOUNT_LABEL_RE = new RegExp(CT.account_label);
const ACCOUNT_REACH = 40; // how far back account_label is looked for
// Does the portal's bare "Account" label introduce the number at `at`, at the start of a
// line, a sentence or a JSON field (ct_tax_reg.account_label; low is lowLines;
// _account_labelled)?
function accountLabelled(low, at) {
  return ACCOUNT_LABEL_RE.test(low.slice(Math.max(0, at - ACCOUNT_REACH), at));
}
const ACCOUNT_AFTER_ROUTING_RE = new RegExp(CT.account_after_routing);
const ABOVE = 200; // characters: how far back the line above a label is looked for (_ABOVE)

// Does the number's cue make d a CT number? A CT cue does, but one that only names the
// state, the department or a tax only if d ends in a location code 00x; for a 7-digit
// base and a location code (shaped) starting 00, so does "tax number" / "tax ID", or a
// bare "Account" label introducing it or heading its column (myconneCT's name for a
// registration) (_ct_cued).
// Does the text hold, elsewhere than at, the same 7-digit base with another location code
// 00x ("6921973000\n6921973001": one business's two locations; _located_sibling)?
function locatedSibling(norm, at, d) {
  const L = CT.location_length;
  const base = d.slice(0, d.length - L);
  const loc = d.slice(d.length - L);
  const isDigit = (c) => c !== undefined && c >= "0" && c <= "9";
  for (let i = norm.indexOf(base); i >= 0; i = norm.indexOf(base, i + 1)) {
    let j = i + base.length;
    if (norm[j] === "-" || norm[j] === " ") j++;
    const other = norm.slice(j, j + L);
    if (
      i !== at &&
      !isDigit(norm[i - 1]) &&
      /^[0-9]+$/.test(other) &&
      other.length === L &&
      other.startsWith(CT.no_cue_location_prefix) &&
      other !== loc &&
      !isDigit(norm[j + L])
    ) {
      return true;
    }
  }
  return false;
}

// a date (YYYYMMDD) leading a longer number
const DATE_LEAD_RE = /^(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])/;

function ctCued(ctx, first, last, d, shaped) {
  const cue = ctx.cue(first, last);
  const located = d.slice(d.length - CT.location_length).startsWith(CT.no_cue_location_prefix);
  // a CT cue that only names the state, the department or a tax needs a location code
  // 00x, and so does a phone-shaped number a scope's fallback alone makes one ("... Small
  // Business Accounting\n9594530036" signs a letter about sales tax)
  // (a base longer than seven digits only with a location code 00x: "CT DEPT REVENUE
  // TAXPAYMENT IND ID:76596772705" is a payment's reference)
  // (but not a base longer than seven digits that starts with a date, a bank export's
  // transaction ID: "<FITID>202404150001<NAME>CT DRS TAXPAYMNT")
  if (cue === "ct" && located) return d.length === CT_DIGITS || !DATE_LEAD_RE.test(d);
  if (cue === "ct") return d.length === CT_DIGITS && !ctx.namedOnly() && !(ctx.byScopeOnly && phoneLike(d));
  if (!shaped || !located) return false;
  if (cue === "taxid") return true;
  // ten digits an identifier cue of another kind introduces, typed in numerals: a CT
  // number taken for one ("I always thought my EIN was 5289631001", "... into the SSN
  // field on the payment page — 5049235001"); not a scope's cue, nor a number read out
  // in words
  if (cue === "ssn" || cue === "itin" || cue === "fein") {
    return ctx.cueBefore() === cue && [ctx.at, ctx.ce - 1].every((i) => ctx.text.originalAt(i) >= "0" && ctx.text.originalAt(i) <= "9");
  }
  const at = ctx.at;
  const low = ctx.text.lowLines;
  // (the header's label is no cue of a row below it)
  if (cue === null) return underAccountCell(low, at) || locatedSibling(ctx.text.norm, at, d);
  if (cue !== "neg") return false;
  if (accountLabelled(low, at)) {
    // (not a bank account under its routing number: "Routing: N\nAccount: M")
    // (the line above looked at within ABOVE characters: a long line is no form's)
    const lo = Math.max(0, at - ABOVE);
    const k = low.slice(lo, at).lastIndexOf("\n");
    const ls = k < 0 ? -1 : lo + k;
    const lo2 = Math.max(0, ls - ABOVE);
    const k2 = ls < 0 ? -1 : low.slice(lo2, ls).lastIndexOf("\n");
    const above = ls < 0 ? "" : low.slice(k2 < 0 ? lo2 : lo2 + k2 + 1, ls);
    return ls < 0 || !ACCOUNT_AFTER_ROUTING_RE.test(above);
  }
  // or in an "Account ID" column (a pasted account summary)
  return underAccountCell(low, at);
}

const ACCOUNT_CELL_RE = new RegExp(CT.account_cell, "g");
const TABLE_SEPARATORS = [",", ";", "|"]; // what parts the cells of a CSV, semicolon or pipe table
const countOf = (s, c) => s.split(c).length - 1;

const INDENT_RE = /^[ \t>]*$/; // an indent, or an e-mail's quote prefix (_INDENT_RE)

// Does the number at `at` stand in an "Account ID" column of a table (ct.account_cell):
// first in its row under the header's first cell, or under a space-aligned header cell
// that starts where it does, or after as many CSV, semicolon or pipe separators as that
// header cell? (_under_account_cell)
function underAccountCell(low, at) {
  const ls = at > 0 ? low.lastIndexOf("\n", at - 1) + 1 : 0;
  const row = low.slice(ls, at);
  const col = at - ls;
  const first = INDENT_RE.test(row);
  const aligned = row.endsWith("  ");
  const seps = TABLE_SEPARATORS.map((c) => countOf(row, c));
  const separated = seps.some((n) => n > 0);
  let end = ls - 1;
  for (let r = 0; r <= CT.account_cell_rows; r++) {
    if (end < 0) return false;
    const hs = end > 0 ? low.lastIndexOf("\n", end - 1) + 1 : 0;
    const line = low.slice(hs, end);
    if (/^[ \t]*$/.test(line)) return false;
    ACCOUNT_CELL_RE.lastIndex = 0;
    let m;
    while ((m = ACCOUNT_CELL_RE.exec(line)) !== null) {
      const before = line.slice(0, m.index);
      if (first) {
        if (INDENT_RE.test(before)) return true;
      } else if (separated) {
        if (TABLE_SEPARATORS.every((c, i) => countOf(before, c) === seps[i])) return true;
      } else if (aligned && m.index === col && before.endsWith("  ")) {
        return true;
      }
    }
    end = hs - 1;
  }
  return false;
}

// Is the separator at norm[i] a single space ("1234567 003"; not a line break; a tab, two
// cells of a row, was ruled out before)?
function oneSpace(norm, i) {
  return norm[i] === " " && norm[i + 1] !== " ";
}

// Where a digit run of `size` digits may be cut between two glued identifiers, in order
// (see _glue_cuts in _pieces.py): before its last GLUE_LEAD digits when a punctuation
// separator follows it, after its first GLUE_TAIL digits when one precedes it, and only
// where the digits after the cut can start a piece and those before can end one.
export function glueCuts(size, prev, nxt, punctBefore, punctAfter, cued) {
  const [longMin, firstPairs, lastPairs] = limits(cued);
  const cuts = new Set();
  if (punctAfter) for (const m of GLUE_LEAD) if (size - m > 0) cuts.add(size - m);
  if (punctBefore) for (const m of GLUE_TAIL) if (m < size) cuts.add(m);
  return [...cuts]
    .sort((x, y) => x - y)
    .filter(
      (k) =>
        (size - k >= longMin || (nxt && firstPairs.has(size - k + "," + nxt))) &&
        (k >= longMin || (prev && lastPairs.has(prev + "," + k))),
    );
}

// The fewest digits of a one-group piece, and the first and last two group lengths of
// a piece of more groups, that can be an identifier with a cue or without one.
function limits(cued) {
  return cued ? [MIN_DIGITS, FIRST_PAIRS, LAST_PAIRS] : [CARD.min_length, CUE_FREE_FIRST_PAIRS, CUE_FREE_LAST_PAIRS];
}

// A letter, digit or "_" that glues onto a number; CJK ideographs and kana do not
// (Chinese and Japanese write numbers straight after a word: 号码是412083317).
export function isWord(c) {
  return c !== undefined && WORD.test(c) && !((c >= "\u3000" && c <= "\u9fff") || (c >= "\uac00" && c <= "\ud7af"));
}

export function sepChar(s) {
  const t = s.replace(/^[ \n]+|[ \n]+$/g, "");
  const spaceAfter = s[s.length - 1] === " " || s[s.length - 1] === "\n";
  if (t === ",") return ""; // "1,234,567" is an amount, "...,569305166,2012" a CSV row
  if (t === "." && spaceAfter) return "";
  if (t === "/" && spaceAfter && (s[0] === " " || s[0] === "\n")) return ""; // "021000021 / 123456789"
  // "...3317\n- 523104428": a bullet (a space after its mark; not a hard wrap's
  // "Ours is 91\n-4567210")
  if (t && spaceAfter && s.includes("\n") && s.indexOf("\n") < s.indexOf(t)) return "";
  return t;
}

// Which digit groups belong to a money amount: with thousands commas and cents
// ("1,234.56"), or a whole token of digits and cents ("612.00", "-612.00"): none is part
// of an identifier (see _amount_groups in _pieces.py).
const AMOUNT_ENDS = [" ", "\n", ","]; // what may come after an amount, or before its token

function amountGroups(texts, rawSeps) {
  let marks = null;
  const last = texts.length - 1;
  for (let i = 1; i < texts.length; i++) {
    if (
      !(
        texts[i].length === 2 &&
        rawSeps[i - 1] === "." &&
        (i === last || AMOUNT_ENDS.includes(rawSeps[i][0]))
      )
    ) {
      continue;
    }
    const grouped = i >= 2 && rawSeps[i - 2] === "," && texts[i - 1].length === 3;
    if (!grouped && i >= 2 && !AMOUNT_ENDS.includes(rawSeps[i - 2][0])) {
      continue;
    }
    if (marks === null) marks = new Array(texts.length).fill(false);
    marks[i] = marks[i - 1] = true;
    let k = i - 1;
    while (grouped && k >= 1 && rawSeps[k - 1] === "," && texts[k - 1].length <= 3) {
      k -= 1;
      marks[k] = true;
      if (texts[k].length !== 3) break;
    }
  }
  return marks;
}

// a line break inside a number, as a hard wrap leaves it (CRLF is " \n" by then), and
// what the groups around it are joined by: nothing (the break is inside a group), or
// the dash glued on to the next group's digits ("674-63\n-9688")
// (a PDF's text may indent the next line: "SSN: 577-43-9\n  392")
const WRAP_INDENT = 3;
const WRAPS = new Map(
  ["", " "].flatMap((end) =>
    Array.from({ length: WRAP_INDENT + 1 }, (_, indent) =>
      ["", "-"].map((dash) => [end + "\n" + " ".repeat(indent) + dash, dash || null]),
    ).flat(),
  ),
);

// The whole chunk as one identifier typed before a hard wrap split it (_unwrapped).
// the dashed shapes that need no cue (an SSN or ITIN, an EIN, a CT number with a location
// code 00x: classify checks), whole again once unwrapped (_DASHED_ALONE)
const DASHED_ALONE = new Set(["3,2,4", "2,7", `${CT.base_max - 2},${CT.location_length}`]);

// A number typed one digit a box, single spaces between, that a hard wrap (rawSeps[at])
// split ("3 1 6 4 4\n9 0 2 1", "4 3 6  6 3  8 2\n5 6"; the line before may be closed up
// already, "31644", "436 63 82"): [groups, seps], the boxes on either side of the wrap
// joined to the group the wrap splits, the groups before it as they are; or null
// (_spaced_boxes).
function spacedBoxes(texts, rawSeps, at) {
  const tail = texts.slice(at + 1);
  if (tail.length < 2 || tail.some((t) => t.length !== 1) || rawSeps.slice(at + 1).some((r) => r !== " ")) return null;
  let start = at;
  while (start > 0 && texts[start].length === 1 && texts[start - 1].length === 1 && rawSeps[start - 1] === " ") start--;
  return [[...texts.slice(0, start), texts.slice(start).join("")], rawSeps.slice(0, start).map(sepChar)];
}

function unwrapped(texts, rawSeps, cs, ce, ctx) {
  let at = -1;
  for (let i = 0; i < rawSeps.length; i++) {
    if (rawSeps[i].includes("\n")) {
      if (at >= 0 || !WRAPS.has(rawSeps[i])) return null;
      at = i;
    }
  }
  if (at < 0) return null;
  let seps;
  const boxes = spacedBoxes(texts, rawSeps, at);
  if (boxes !== null) [texts, seps] = boxes;
  else {
    seps = rawSeps.map(sepChar);
    const sep = WRAPS.get(rawSeps[at]);
    if (sep === null) {
      // a group a wrap splits is shorter than a number on either side ("CT 067900372\n1 Wages")
      if (Math.max(texts[at].length, texts[at + 1].length) >= MIN_DIGITS) return null;
      texts = [...texts.slice(0, at), texts[at] + texts[at + 1], ...texts.slice(at + 2)];
      seps = [...seps.slice(0, at), ...seps.slice(at + 1)];
    } else seps = [...seps.slice(0, at), sep, ...seps.slice(at + 1)];
  }
  if (seps.includes("/")) return null; // a date the wrap left a number's tail before ("4.71E+15\n2/15/2025")
  if (texts.length > MAX_PIECE_GROUPS) return null;
  if (texts.length === 1 && !shapePossible([texts[0].length])) return null;
  // an identifier cue of its own, before it or else after it (scopes are not read); or,
  // joined, a dashed shape that needs none ("... Corp is 2248\n> 423-000")
  const shape = texts.map((t) => t.length).join(",");
  const dashed = seps.every((x) => x === "-") && DASHED_ALONE.has(shape);
  const before = ctx.cueBefore();
  if (!dashed && !ID_KINDS.has(before !== null ? before : ctx.cueAfter())) return null;
  ctx.at = cs;
  const kind = classify(texts, seps, ctx, true, true);
  return kind === null ? null : [kind, cs, ce, texts.join("")];
}

// A dashed identifier with one stray space inside a group, as a scan's OCR leaves it
// ("ITIN 904-73-73 83"): the groups either side of the space, joined, make a dashed
// shape that needs no cue, and an identifier cue of its own stands before it
// (_stray_space). [kind, start, end, digits], or null.
function straySpace(texts, rawSeps, cs, ce, ctx) {
  const at = rawSeps.indexOf(" ");
  if (at < 0 || rawSeps.indexOf(" ", at + 1) >= 0) return null;
  if (rawSeps.some((r, i) => i !== at && r !== "-")) return null;
  const joined = [...texts.slice(0, at), texts[at] + texts[at + 1], ...texts.slice(at + 2)];
  if (!DASHED_ALONE.has(joined.map((t) => t.length).join(",")) || !ID_KINDS.has(ctx.cueBefore())) return null;
  ctx.at = cs;
  const kind = classify(joined, joined.slice(1).map(() => "-"), ctx, true, true);
  return kind === null ? null : [kind, cs, ce, joined.join("")];
}

export const BASE_DIGITS = CT.base_max - 2; // the seven digits of a CT number's base
const BASE_LEFT = "-/.,$+"; // joined on before: part of a longer number or an amount
const BASE_ALONE_WEAK_RE = new RegExp("^(?:" + CT.base_alone_weak + ")$");
const STATE_BOX_RE = new RegExp("(?:" + CT.base_alone_state_box + ")");
// Is the weak label low[s:e] the state's code "ct" in a W-2's or a 1099's state box, after
// the box's label ("15 State  Employer's state ID number" over "CT  8894939")? (_state_box)
function stateBox(low, s, e) {
  return low.slice(s, e) === "ct" && STATE_BOX_RE.test(low.slice(Math.max(0, s - CT.base_alone_state_box_reach), s));
}
const PERMIT_NAMED_RE = new RegExp(CT.base_alone_permit_named);
// Is the weak label at low[s:] a bare permit, after the writer has named the sales tax
// permit in the base_alone_permit_reach characters before it, and no registration there?
// (_permit_named)
function permitNamed(low, s) {
  const before = low.slice(Math.max(0, s - CT.base_alone_permit_reach), s);
  return low.startsWith("permit", s) && PERMIT_NAMED_RE.test(before) && !before.includes(CT.base_alone_permit_beside);
}
const BASE_NOT_AFTER_RE = new RegExp(CT.base_alone_not_after, "g");
const BASE_NOT_NEAR_RE = new RegExp(CT.base_alone_not_near, "g");

// A CT number's seven-digit base alone, glued to nothing and directly introduced by its
// own CT label ("My registration number is 4517238"; not one of base_alone_weak: "DRS
// 4517238"): [kind, start, end, digits], or null (_pieces.ct_base).
// Is norm[cs:ce] a pipe or tab table's whole cell, or a list item's whole value: a pipe, a
// tab or a colon before it and a pipe, a tab, or the line's end after it, but for spaces?
function cell(ctx, cs, ce) {
  const at = (k) => ctx.text.originalAt(k);
  const size = ctx.text.norm.length;
  let i = cs - 1;
  while (i > 0 && at(i) === " ") i--;
  let j = ce;
  while (j < size && at(j) === " ") j++;
  if (at(i) === ":") {
    // (a list item's key is a name, not a label of its own: "USDOT#: 6077803", "Retiree
    // ID: 8405252" are no CT numbers)
    const norm = ctx.text.norm;
    const key = ctx.text.low.slice(norm.lastIndexOf("\n", i - 1) + 1, i);
    if (OWN_LABEL_RE.test(key)) return false;
  }
  const end = j === size || CELL_ENDS.includes(at(j));
  if (CELL_MARKS.includes(at(i))) return end;
  if (at(i) === "\n") return end || at(j) === ","; // a line's first cell: of a CSV, or the whole line
  if (at(i) === ",") return csvComma(ctx.text.norm, i + 1) && (end || at(j) === ","); // a CSV's cell
  return end && cs - i > ALIGNED_GAP; // a line's last cell, after an aligned gap
}
// Is the comma before norm[cs] a CSV's, between cells, not a thousands separator (no digit
// before it: "Mystic Knot",4010769; not 12,4010769)? (_csv_comma)
function csvComma(norm, cs) {
  return norm[cs - 1] === "," && (cs < 2 || !(norm[cs - 2] >= "0" && norm[cs - 2] <= "9"));
}
const ALIGNED_GAP = 2; // spaces that part a line's cells
// a list item's key that labels its value itself (ct_tax_reg.base_cell_own_label)
const OWN_LABEL_RE = new RegExp(CT.base_cell_own_label);
const CELL_MARKS = "|\t:";
const CELL_ENDS = "|\t\r\n";

// Is a CT label right after a base alone its own (_ct_label_after): not a weak one
// ("4517238 DRS"), nor one after the Labor Department's words or near a vehicle's (as
// for a label before it), nor one taken back?
function ctLabelAfter(ctx, cs, ce) {
  const low = ctx.text.low;
  let label = labelAfter(low, ce);
  if (label === null || label.kind !== "ct") {
    // (or named one instead of an identifier it is said not to be: "3490880 is NOT part of
    // my SSN, it's my Connecticut tax registration number")
    if (ctx.cueAfter() !== "ct" || !ctx.afterRelabelled()) return false;
    label = { start: ctx.afterStart, end: ctx.afterEnd };
  }
  return !BASE_ALONE_WEAK_RE.test(low.slice(label.start, label.end)) && !baseLabelBarred(ctx, low, cs);
}

// Is a base alone's CT label (before it, or the base itself when the label is after it:
// at) no CT number's after all: the Labor Department's employer registration number or a
// vehicle's just before it, a vehicle's registration certificate pasted above it, or the
// number withdrawn at once ("for reg 0013121 — sorry that's my invoice number")?
// (_base_label_barred)
function baseLabelBarred(ctx, low, at) {
  return (
    !findIter(BASE_NOT_AFTER_RE, low, Math.max(0, at - CT.base_alone_reach), at).next().done ||
    !findIter(BASE_NOT_NEAR_RE, low, Math.max(0, at - CT.base_alone_near_reach), at).next().done ||
    ctx.deniedAfter()
  );
}

export function ctBase(ctx) {
  const norm = ctx.text.norm;
  const { cs, ce } = ctx;
  // (not a placeholder, a form's example or one digit throughout, as for a whole CT
  // number: "prefills 'CT Tax Registration Number: 0000000'", "CT tax reg 1234567")
  const base = norm.slice(cs, ce);
  if (CT.placeholder_bases.includes(base) || allSame(base)) return null;
  // (glued to nothing but its own CT label typed on to it: "ctreg1008811")
  const typedOn = cs > 0 && isWord(norm[cs - 1]);
  if ((ce < norm.length && isWord(norm[ce])) || (cs > 0 && BASE_LEFT.includes(norm[cs - 1]) && !csvComma(norm, cs))) return null;
  if (ce < norm.length && (GLUE_PUNCT.includes(norm[ce]) || ((norm[ce] === "." || norm[ce] === ",") && ce + 1 < norm.length && norm[ce + 1] >= "0" && norm[ce + 1] <= "9"))) return null;
  ctx.at = cs;
  if (typedOn && (ctx.cueBefore() !== "ct" || ctx.beforeSpan === null || ctx.beforeSpan[1] !== cs)) return null;
  // (directly, or as the answer to it on the next speaker's turn: "Boss: whats our ct
  // number" / "Me: 5034452")
  if (ctx.cueBefore() !== "ct" || !(ctx.introducedById() || ctx.answersTurn()) || ctx.beforeSpan === null) {
    // or labelled at once after it by its own CT label ("9586215 is my CT tax
    // registration number", "4656384 (CT tax registration number)")
    if (ctLabelAfter(ctx, cs, ce)) return ["ct_tax_reg", cs, ce, norm.slice(cs, ce)];
    // or the value of an XML element or JSON field that names a CT number
    // ("<CTTaxRegistrationNum>6021513", '"ct_reg": "6021513"'), or a pipe or tab table's
    // cell under a CT column ("Store|CT Reg #" / "Main St|2653900|yes"), or a list item's
    // value under a CT heading ("CT tax registration numbers:" / "Pine Hollow: 7525583"); or
    // a CSV's cell, a line's last cell after an aligned gap, or a line of its own, under
    // one: "CT ID,Name" / "4010769,"Mystic Knot"", "CT registration numbers:" / "Golden
    // Wok  2664219"
    if (cs === 0 || (!'>"'.includes(ctx.text.originalAt(cs - 1)) && !cell(ctx, cs, ce))) return null;
    return ctx.text.scoped(cs, ctx)[0] === "ct" ? ["ct_tax_reg", cs, ce, norm.slice(cs, ce)] : null;
  }
  const [s, e] = ctx.beforeSpan;
  const low = ctx.text.low;
  if (BASE_ALONE_WEAK_RE.test(low.slice(s, e)) && !stateBox(low, s, e) && !permitNamed(low, s)) {
    // (but its own CT label after it: "... they gave me 4529627 as my Connecticut tax
    // registration number")
    return ctLabelAfter(ctx, cs, ce) ? ["ct_tax_reg", cs, ce, base] : null;
  }
  if (baseLabelBarred(ctx, low, s)) return null;
  return ["ct_tax_reg", cs, ce, norm.slice(cs, ce)];
}

// a card grouped another way has at most this many groups (voice typing reads its first
// four digits in pairs: "60 11 7946 3909 5225")
const CARD_GROUPS = 5;
const CARD_PAIRS_DIGITS = 16;
const PAIRS_RE = /^[0-9]{2}(?: [0-9]{2}){6,}$/;
const CARD_AFTER_RE = new RegExp(CARD.after, "y");

// a space or a hyphen between a card's groups, or a comma's pause as read aloud ("Son read
// the Amex: 3473, 781237, 34982")
const CARD_READ_SEP = ", ";
const CARD_GROUP_SEPS = [" ", "-", CARD_READ_SEP];

// A card grouped another way has at most CARD_GROUPS groups (voice typing reads its first
// four digits in pairs: "60 11 7946 3909 5225"), unless every group is a pair.
// A card number grouped another way ("visa 4135 11941092 1454", "card 48604064 44814420",
// eight pairs read aloud): one separator, a space, a hyphen or (after a card word) a comma
// and a space, throughout, valid for its brand, and a card word (card.words) in the
// card.words_reach characters before the chunk ctx, with no negative cue after it that
// introduces the number (_card_grouped).
function cardGrouped(ctx, texts, rawSeps, cs, ce) {
  const sep = rawSeps[0];
  if (!CARD_GROUP_SEPS.includes(sep)) return null;
  // the first groups, one separator between them (an expiry date may follow: "... 1454
  // 08/26")
  let d = texts[0];
  let end = cs + texts[0].length;
  let k = 1;
  // (or eight pairs, a card's sixteen digits read two at a time: "fifty three, thirty
  // nine, forty nine, ...")
  let pairs = texts[0].length === 2;
  while (
    k < texts.length &&
    rawSeps[k - 1] === sep &&
    ((k < CARD_GROUPS && d.length < CARD.min_length) ||
      (pairs && texts[k].length === 2 && d.length < CARD_PAIRS_DIGITS) ||
      // (a number read out in threes reaches its brand's length only with a group more:
      // "my card 4283 398 274 309 440")
      (k < CARD_GROUPS && d.length + texts[k].length <= CARD.max_length && !cardOk(d)))
  ) {
    pairs = pairs && texts[k].length === 2;
    d += texts[k];
    end += sep.length + texts[k].length;
    k++;
  }
  if (k < 2 || !(CARD.min_length <= d.length && d.length <= CARD.max_length && cardOk(d))) return null;
  if (end < ce && rawSeps[k - 1] !== sep) return null; // joined on to more digits by another mark
  const words = cardWordBefore(ctx.text, cs);
  if (words === null) {
    // (or its expiry or code named right after it: "4627 63453768 5894 exp 04/27";
    // groups read aloud with a comma's pause only after a card word)
    CARD_AFTER_RE.lastIndex = end;
    return CARD_AFTER_RE.test(ctx.text.low) && sep !== CARD_READ_SEP && !ctx.introducedByNeg()
      ? ["card", cs, end, d]
      : null;
  }
  // (nor when the card word is negated before it and the number said after it to be
  // something else: "the card number is not 4222 4738 4785 6039, that was the order
  // number")
  const negated = end === ce && DENIAL_ANSWER_NOT_RE.test(ctx.text.low.slice(words.end, cs));
  if (negAfterCardWord(ctx, words.end) || (negated && ctx.deniedAfter())) return null;
  return ["card", cs, end, d];
}

// Does a negative cue that starts after the card word ending at end introduce the number
// ("... my debit card and got an error, order reference 8162 8223 2975 4794"), not one
// that reaches over the card word ("the transaction with card N")? (_neg_after_card_word)
function negAfterCardWord(ctx, end) {
  return ctx.introducedByNeg() && ctx.beforeSpan !== null && ctx.beforeSpan[0] >= end;
}

// the last group of a 19-digit card number grouped in fours (4-4-4-4-3)
const TAIL_GROUP = 3;
// the longest number of a list item's marker ("12- ")
const MARKER_MAX = 2;
// Is at the first character of its line but for spaces? (_line_opens)
function lineOpens(norm, at) {
  let i = at;
  while (i > 0 && (norm[i - 1] === " " || norm[i - 1] === "\t")) i--;
  return i === 0 || norm[i - 1] === "\n";
}
const FOUR = 4; // a group of a number grouped in fours


// Is a letter, digit or underscore glued on to the chunk norm[cs:ce]?
function glued(norm, cs, ce) {
  return (cs > 0 && isWord(norm[cs - 1])) || (ce < norm.length && isWord(norm[ce]));
}

// Nine digits grouped by commas, as voice typing writes the pauses ("my social is 175,
// 278, 413"), or ten in thousands ("1,019,440,000"), directly after their own identifier
// cue (_comma_grouped).
function commaGrouped(norm, bare, cs, ce, ctx) {
  const rawSeps = bare.match(/[^0-9]+/g);
  if (!COMMA_SEPS.includes(rawSeps[0]) || !rawSeps.every((x) => x === rawSeps[0])) return null;
  let texts = bare.match(/[0-9]+/g);
  const shape = texts.map((t) => t.length).join(",");
  // ten digits in thousands ("1,019,440,000") are read as ten bare digits
  const thousands = shape === "1,3,3,3" && rawSeps[0] === ",";
  if (rawSeps[0] === "," && texts.length > 4 && inThousands(texts)) {
    // a card number voice typing wrote as an amount ("Card number 4,492,057,609,743,908"),
    // with a card word before it
    const d = texts.join("");
    if (!(CARD.min_length <= d.length && d.length <= CARD.max_length && cardOk(d)) || glued(norm, cs, ce)) return null;
    if (cardWordBefore(ctx.text, cs) === null) return null;
    return ["card", cs, ce, d];
  }
  if (shape !== "3,2,4" && !CUE_LAYOUTS.has(shape) && !thousands) return null;
  if (glued(norm, cs, ce)) return null;
  ctx.at = cs;
  // (or a transcript's answer to a turn that asked for an identifier: "Agent: What's the SSN
  // on the account?" / "Mom: Okay honey I have it, it's 497, 65, 2561")
  if (!ctx.introducedById() && ctx.scopeKind() === null) return null;
  if (thousands) texts = [texts.join("")];
  const kind = classify(texts, texts.slice(1).map(() => "-"), ctx, true, true);
  return kind === null ? null : [kind, cs, ce, texts.join("")];
}

const COMMA_SEPS = [",", ", "];

// Are the groups a number's written in thousands (1 to 3 digits, then 3s)? (_in_thousands)
function inThousands(texts) {
  return texts[0].length <= 3 && texts.slice(1).every((t) => t.length === 3);
}
const VOICE_GROUPS = 6; // at most this many groups of digits read aloud as one number
// nine digits, or ten: a CT number's base and location code read aloud ("3 72 75 79 0 01")
const VOICE_DIGITS = [MIN_DIGITS, MIN_DIGITS + 1];
const SEP_MARKS = ["-", ".", "/"];

// Nine digits grouped 3-3-2-1 or 1-4-4 (a cue layout the shape hint does not know) by one
// punctuation mark throughout ("routing 327-892-47-0"): read like nine bare digits, with
// the cue (_layout_grouped).
function layoutGrouped(norm, bare, cs, ce, ctx) {
  const rawSeps = bare.match(/[^0-9]+/g);
  if (!SEP_MARKS.includes(rawSeps[0]) || !rawSeps.every((x) => x === rawSeps[0])) return null;
  const texts = bare.match(/[0-9]+/g);
  if (!CUE_LAYOUTS.has(texts.map((t) => t.length).join(",")) || glued(norm, cs, ce)) return null;
  ctx.at = cs;
  const kind = classify(texts, rawSeps, ctx, true, true);
  return kind === null ? null : [kind, cs, ce, texts.join("")];
}

// Are these the groups of a number read in pairs: four groups or more, each of two digits
// but one of one or three (_paired)?
function paired(lens) {
  return lens.length >= 4 && lens.filter((n) => n === 2).length === lens.length - 1 && Math.max(...lens) <= 3;
}
// Does the original of norm[cs:ce] hold a date's slash or a time's colon (_stamp_marks)?
function stampMarks(text, cs, ce, marks = "/:") {
  for (let i = cs; i < ce; i++) if (marks.includes(text.originalAt(i))) return true;
  return false;
}
// Nine digits (or ten) in two to VOICE_GROUPS groups joined by single spaces, however
// grouped, as voice typing writes a number read in bursts ("SSN 41420 163 9"), directly
// after its own identifier cue: read as bare digits with that cue (_voice_grouped).
// Is the number's own identifier cue before it in its clause, not carried from another
// number ("the last four of my social are ..., the whole thing is 675 3 3 4528")?
// (_pieces._clause_cued)
function clauseCued(ctx, cs) {
  if (!ID_KINDS.has(ctx.cueBefore()) || ctx.carried) return false;
  return !sentenceEndIn(SENTENCE_END_RE, ctx.text.norm, ctx.beforeEnd, cs);
}

function voiceGrouped(norm, bare, cs, ce, ctx) {
  if (bare.length > VOICE_DIGITS[1] + VOICE_GROUPS - 1) return null; // more digits, or more spaces than groups can have
  const texts = bare.match(/[0-9]+/g);
  if (texts.length < 2 || texts.length > VOICE_GROUPS || bare.split(" ").length !== texts.length) return null;
  const d = texts.join("");
  // the groups and one space between each, nothing else
  if (!VOICE_DIGITS.includes(d.length) || bare.length !== d.length + texts.length - 1 || glued(norm, cs, ce)) return null;
  ctx.at = cs;
  // (a date's slash never: "04/04/25 8:11")
  const introduced = ctx.introducedById() || (clauseCued(ctx, cs) && !stampMarks(ctx.text, cs, ce, "/"));
  if (!introduced && !ctx.carriedToOwner() && !ctx.labelledById()) {
    // (or a Social Security number read as its area, its group and its serial in two pairs,
    // "cinco cinco nueve, ochenta, cuarenta, treinta", under any cue or scope of its kind:
    // no other reading groups it so; or any number read out in pairs under any cue or
    // scope, "forty nine, thirty eight, fifty seven, twenty nine, four", "18 16 22 89 0",
    // but not a date and a time, "04/04/25 8:11")
    const lens = texts.map((t) => t.length);
    const ssnPaired = lens.join(",") === "3,2,2,2";
    if (!ssnPaired && !(paired(lens) && !stampMarks(ctx.text, cs, ce))) return null;
    const kind = classify([d], [], ctx, true, true);
    if (kind === null || (ssnPaired && kind !== "ssn" && kind !== "itin")) return null;
    return [kind, cs, ce, d];
  }
  const kind = classify([d], [], ctx, true, true);
  return kind === null ? null : [kind, cs, ce, d];
}

// Nine digits in three or four groups joined by single hyphens, however grouped,
// directly after their own identifier cue or directly before one, as speech recognition
// writes a number read in bursts ("He has the I-T-I-N number. It is 9-95721-195."): read
// as bare digits with that cue (_dash_grouped).
function dashGrouped(norm, bare, cs, ce, ctx) {
  const texts = bare.match(/[0-9]+/g);
  const n = texts.length;
  // (or nine single digits, each said apart: "routing 2-7-0-9-6-4-5-2-3")
  if (!((n >= 3 && n <= 4) || n === 9) || bare.length !== 9 + n - 1 || bare.split("-").length !== n) return null;
  if (glued(norm, cs, ce)) return null;
  ctx.at = cs;
  // (and not taken back: "my SSN is 2025-118-44, that's not my SSN, that's the case number")
  if ((!ctx.introducedById() && !ctx.labelledById()) || ctx.deniedAfter()) return null;
  const d = texts.join("");
  const kind = classify([d], [], ctx, true, true);
  return kind === null ? null : [kind, cs, ce, d];
}

// Is a piece after the separator sep, and a segment of `before` digits, listed after that
// segment, to take the chunk's cue softly: after ", " and a segment that could be an
// identifier itself, or after a slash, or a space when the cue before is one of a pair
// shared out in order ("routing and account: 232067468 498058767"), and a segment long
// enough to take a cue? (Or a space after a whole identifier when the cue is plural:
// "Employer EINs are 046947128 151435671", a spoken "and" gone.) (_listed_after)
const SLASH_CUT_MIN = RULES.cue_list_min_digits;
// Do groups i-2..i of a chunk hold a number written as an SSN is (123-45-6789)?
// (_ssn_written: "ssn:402-90-7174/066-55-9598" is two numbers)
function ssnWritten(texts, rawSeps, i) {
  return i >= 2 && rawSeps[i - 2] === "-" && rawSeps[i - 1] === "-" && texts[i - 2].length === 3 && texts[i - 1].length === 2 && texts[i].length === 4;
}
function listedAfter(sep, ctx, before) {
  if (sep.includes(",")) return before >= MIN_DIGITS;
  if (sep === " " && before >= MIN_DIGITS && ctx.cueBefore() !== null && ctx.pluralBefore()) return true;
  return before >= SLASH_CUT_MIN && (sep.includes("/") || (sep === " " && ctx.cueBefore() !== null && ctx.carryKind !== null));
}

// How far before a chunk its EFW2 record's line may start: right before it, or at the
// column of a record's field when only the codes and blanks of the record stand between
// ("RS09     253709072Sarah": the state code and a blank taxing entity code), or a column
// next to it (a paste that lost or gained a blank: efw2Start).
const EFW2_BACKS = [
  2,
  ...[...new Set(Object.values(RULES.efw2_records).flatMap(([c]) => (c > 2 ? [c - 1, c, c + 1] : [])))].sort((x, y) => x - y),
];

// Where the field of column s starts: there, or a column before or after it where a digit
// follows a blank, as a paste that lost or gained a blank before it leaves it ("RS09
// 359271650MICHAEL"; _efw2_start).
const isDigitAt = (norm, i) => i >= 0 && norm[i] >= "0" && norm[i] <= "9";
function efw2Start(norm, s) {
  if (isDigitAt(norm, s) && !isDigitAt(norm, s - 1)) return s;
  for (const at of [s - 1, s + 1]) if (norm[at - 1] === " " && isDigitAt(norm, at)) return at;
  return s;
}

// The identifier of an EFW2 record whose line the chunk starting at cs starts, right
// after the record's identifier ("RW104050388MARIA": rules efw2_records) or at the
// field's own column after the record's codes and blanks ("RS09     253709072"), or
// null (_efw2_field).
function efw2Field(norm, cs, ce) {
  for (const back of EFW2_BACKS) {
    const ls = cs - back;
    if (ls < 0 || norm[ls] !== "R" || (ls > 0 && norm[ls - 1] !== "\n")) continue;
    const record = norm.slice(ls, ls + 2);
    const field = RULES.efw2_records[record];
    if (field === undefined || (back > 2 && (Math.abs(field[0] - back) > 1 || !/^[0-9 ]*$/.test(norm.slice(ls + 2, cs))))) continue;
    const s = efw2Start(norm, ls + field[0]);
    const e = s + 9;
    const d = norm.slice(s, e);
    const glued = e < norm.length && norm[e] >= "0" && norm[e] <= "9" && !RULES.efw2_digits_after.includes(record);
    if (e > ce || !/^[0-9]{9}$/.test(d) || glued) return null;
    const kind = field[1] === "ssn" ? ssnOrItin(d) : feinOk(d) ? "fein" : null;
    return kind === null ? null : [kind, s, e, d];
  }
  return null;
}

// The CT registration number on an EFW2 file's state record for Connecticut ("RS09 ...
// 7679591000": rules efw2_ct_state), the chunk cs:ce its ten bare digits; or null
// (_efw2_state_id).
function efw2StateId(norm, cs, ce) {
  const ls = norm.lastIndexOf("\n", cs - 1) + 1;
  const d = norm.slice(cs, ce);
  if (!norm.startsWith(RULES.efw2_ct_state, ls) || d.length !== BASE_DIGITS + CT.location_length || !/^[0-9]+$/.test(d) || allSame(d.slice(0, BASE_DIGITS)) || !fits("ct_tax_reg", d)) return null;
  return ["ct_tax_reg", cs, ce, d];
}

// The payee's TIN of an IRS FIRE B record, the line starting at ls, that the chunk cs:ce
// holds, after the record's year, name control and type of TIN ("B2023
// HOLL2097983996000...": rules fire_b_record), or null (_fire_b).
const FIRE_B_RE = new RegExp(RULES.fire_b_record, "y");
function fireB(norm, ls, cs, ce) {
  FIRE_B_RE.lastIndex = ls;
  const m = FIRE_B_RE.exec(norm);
  if (m === null) return null;
  const e = ls + m[0].length;
  const s = e - 9;
  if (!(cs <= s && e <= ce)) return null;
  const d = m[2];
  const person = ssnOrItin(d);
  const business = feinOk(d) ? "fein" : null;
  const kind = m[1] === "1" ? business ?? person : person ?? business;
  return kind === null ? null : [kind, s, e, d];
}

// The digits cs:ce right after an X12 segment's qualifier of a tax identifier or a bank
// ("NM1*IL*1*DOE*JANE****34*512551093~", "REF*EI*271234567~", "BPR*...*01*255940342*...":
// rules x12_id), as that identifier (nine digits, or a CT number's ten after "49"); or
// null (_x12_id).
const X12_ID_RE = new RegExp("^(?:" + RULES.x12_id + ")$");
// The routing number of a bank's pair in one chunk, the account's type right after it
// ("use 688232533 / 3375002214 (checking, Chase)": rules routing_pair_typed), when no cue
// of another kind introduces it; or null (_typed_pair).
const TYPED_PAIR_RE = new RegExp(`^(?:${RULES.routing_pair_typed})$`);
const TYPED_PAIR_AFTER_RE = new RegExp(RULES.routing_pair_type_after, "y");
function typedPair(ctx, cs, ce) {
  const norm = ctx.text.norm;
  const m = TYPED_PAIR_RE.exec(norm.slice(cs, ce));
  TYPED_PAIR_AFTER_RE.lastIndex = ce;
  if (m === null || !TYPED_PAIR_AFTER_RE.test(ctx.text.low)) return null;
  const d = m[1];
  if (!routingOk(d)) return null;
  ctx.at = cs;
  const before = ctx.cueBefore();
  if (before !== null && before !== "routing") return null;
  return ["routing", cs, cs + d.length, d];
}

const X12_COMPANY_RE = new RegExp("^(?:" + RULES.x12_company + ")$");
const X12_COMPANY_OTHER_RE = new RegExp(RULES.x12_company_other, "g");
// The EIN in an X12 payment's originating company ID, "1" and the EIN (BPR10, TRN03: rules
// x12_company), unless a segment near it names another EIN; or null (_x12_company).
function x12Company(norm, cs, ce, d) {
  const ein = d.slice(1);
  if (!/^[0-9]+$/.test(ein) || !feinOk(ein)) return null;
  const lo = Math.max(0, cs - RULES.x12_company_reach);
  const hi = Math.min(norm.length, ce + RULES.x12_company_reach);
  for (const r of findIter(X12_COMPANY_OTHER_RE, norm, lo, hi)) if (r.m[1] !== ein) return null;
  return ["fein", cs + 1, ce, ein];
}
const X12_PERSON = new Set(["34", "SY"]);
const X12_BUSINESS = new Set(["24", "EI"]);
const X12_BANK = "01";
const X12_STATE = "49"; // a number the state gave: a CT registration number if it fits
function x12Id(norm, cs, ce) {
  const ls = Math.max(norm.lastIndexOf("\n", cs - 1), norm.lastIndexOf("~", cs - 1)) + 1;
  const d = norm.slice(cs, ce);
  if (d.length === 10 && d[0] === "1" && X12_COMPANY_RE.test(norm.slice(ls, cs))) return x12Company(norm, cs, ce, d);
  const m = X12_ID_RE.exec(norm.slice(ls, cs));
  if (m === null || !/^[0-9]+$/.test(d)) return null;
  const qualifier = m[2] ?? m[3] ?? m[4] ?? m[5];
  if (qualifier === X12_STATE) return fits("ct_tax_reg", d) ? ["ct_tax_reg", cs, ce, d] : null;
  if (d.length !== 9) return null;
  const person = ssnOrItin(d);
  const business = feinOk(d) ? "fein" : null;
  let kind;
  if (qualifier === X12_BANK) kind = routingOk(d) ? "routing" : null;
  else if (X12_PERSON.has(qualifier)) kind = person;
  else if (X12_BUSINESS.has(qualifier)) kind = business;
  // FI, TJ, 30: either, an organisation's first unless NM102 says a person
  else kind = m[1] === "1" ? person ?? business : business ?? person;
  return kind === null ? null : [kind, cs, ce, d];
}

// The EIN in an ACH file's batch header record whose line the chunk cs:ce ends its company
// ID in, right before the entry class code ("5200HUDSON RIVER HVAC ... 1765119033CCD...":
// rules nacha_batch_header), or null (_nacha_batch).
const NACHA_HEADER_RE = new RegExp(`^(?:${RULES.nacha_batch_header})$`);
const NACHA_SEC_RE = new RegExp(RULES.nacha_sec_code, "y");
function nachaBatch(norm, cs, ce) {
  const ls = norm.lastIndexOf("\n", cs - 1) + 1;
  if (norm[ls] !== "5" || !NACHA_HEADER_RE.test(norm.slice(ls, cs))) return null;
  NACHA_SEC_RE.lastIndex = ce;
  if (!NACHA_SEC_RE.test(norm)) return null;
  let d = norm.slice(cs, ce);
  if (d.length === 10 && d[0] === "1") {
    cs += 1;
    d = d.slice(1);
  }
  return d.length === 9 && /^[0-9]+$/.test(d) && feinOk(d) ? ["fein", cs, ce, d] : null;
}

// The routing number of an ACH file's file header record whose line the chunk starting at
// cs starts ("101 310071363 3171471122...": rules nacha_file_header, then the immediate
// destination), and the EIN of its immediate origin when the record's fields are glued as
// the file writes them (nacha_file_record), or [] (_nacha_file).
// A bank's routing number in a field of a BAI2 file's header record that starts the
// line at ls, held by the chunk cs:ce (rules _bai2), or null (_bai2_id).
const BAI2_FILE_RECORDS = RULES.bai2_file_records.map((r) => `\n${r},`);
const BAI2_MIN_RECORDS = 2;
function bai2Id(norm, ls, cs, ce) {
  const head = norm.slice(ls, ls + 3);
  const fields = head.endsWith(",") ? RULES.bai2_id_fields[head.slice(0, 2)] : undefined;
  if (fields === undefined || BAI2_FILE_RECORDS.filter((r) => norm.includes(r)).length < BAI2_MIN_RECORDS) return null;
  let field = 1;
  let start = ls;
  for (;;) {
    const comma = norm.indexOf(",", start);
    if (comma < 0 || comma >= ce) return null;
    start = comma + 1;
    field++;
    if (!fields.includes(field) || start < cs) continue;
    const end = norm.indexOf(",", start);
    const d = norm.slice(start, end);
    if (end < 0 || end > ce || !/^[0-9]+$/.test(d)) continue;
    if (d.length === 9 && routingOk(d)) return ["routing", start, end, d];
  }
}

const NACHA_FILE_RECORD_RE = new RegExp(RULES.nacha_file_record, "y");
function nachaFile(norm, cs) {
  const head = RULES.nacha_file_header;
  if ((cs > 0 && norm[cs - 1] !== "\n") || !norm.startsWith(head, cs)) return [];
  const s = cs + head.length;
  const d = norm.slice(s, s + 9);
  if (!/^[0-9]{9}$/.test(d)) return [];
  let record = null;
  if (norm[s + 9] >= "0" && norm[s + 9] <= "9") {
    NACHA_FILE_RECORD_RE.lastIndex = s;
    record = NACHA_FILE_RECORD_RE.exec(norm);
    if (record === null) return [];
  }
  const out = routingOk(d) ? [["routing", s, s + 9, d]] : [];
  if (record !== null && record[1] !== undefined && feinOk(record[1])) {
    // (the origin's EIN after the destination's nine digits and the origin's "1")
    out.push(["fein", s + 10, s + 19, record[1]]);
  }
  return out;
}

// The routing number of an ACH file's entry detail record whose line the chunk starting
// at cs starts ("627017944023551200…": rules nacha_entry_codes), or null (_nacha_entry).
const NACHA_MIN = 12; // the record type, the transaction code and the nine routing digits
const NACHA_ENTRY_CODES = new Set(RULES.nacha_entry_codes);
const NACHA_AMOUNT_RE = / +[0-9]{10}(?![0-9])/y; // the entry's amount, in cents
const NACHA_MASKS = ["XX", "xx"]; // an account number masked when pasted, glued on
function nachaEntry(norm, cs, ce) {
  if ((cs > 0 && norm[cs - 1] !== "\n") || ce - cs < NACHA_MIN) return null;
  const head = norm.slice(cs, cs + NACHA_MIN);
  if (!/^[0-9]+$/.test(head) || !NACHA_ENTRY_CODES.has(head.slice(1, 3))) return null;
  const d = head.slice(3);
  if (!routingOk(d)) return null;
  // the account number glued on (longer than any card), or masked ("…4023XXXXXXX4471"),
  // or the amount field after it
  let end = cs;
  while (end < norm.length && norm[end] >= "0" && norm[end] <= "9") end++;
  NACHA_AMOUNT_RE.lastIndex = end;
  const masked = NACHA_MASKS.includes(norm.slice(end, end + 2));
  if (end - cs <= CARD.max_length && !NACHA_AMOUNT_RE.test(norm) && !masked) return null;
  return ["routing", cs + 3, cs + NACHA_MIN, d];
}

const CT_GLUED_PREFIX_RE = new RegExp(CT.glued_prefix);
// a 7-digit base, a hyphen or a space, a location code 00x: "CT-7996295-002" prefixed
const CT_PREFIXED_RE = new RegExp(
  `^[0-9]{${CT.base_max - 2}}[- ]${CT.no_cue_location_prefix}[0-9]$`,
);

// Is the chunk at cs glued to a name (a capital, then small letters: "Iyer", "Die") on a
// line that takes an identifier's kind from the line above, which ends with its name
// (labelLines): a form's values copied out of a PDF under its labels, the spaces between
// the columns lost? (_pieces._form_value)
function formValue(ctx, cs) {
  const norm = ctx.text.norm;
  let i = cs;
  while (i > 0 && norm[i - 1] >= "a" && norm[i - 1] <= "z") i--;
  if (i === cs || i === 0 || !(norm[i - 1] >= "A" && norm[i - 1] <= "Z")) return false;
  return ID_KINDS.has(ctx.text.scoped(cs, ctx)[1]);
}

// The kind of the digits d of a laid-out field named for kind, or null (_layout_kind).
function layoutKind(kind, d) {
  if (kind === "ssn" || kind === "itin" || kind === "taxid") {
    const person = ssnOrItin(d);
    return person ?? (kind === "taxid" && feinOk(d) ? "fein" : null);
  }
  if (kind === "ct" && d.length === BASE_DIGITS) {
    // a CT number's base alone, in a field of its own
    return !RULES.ct_tax_reg.placeholder_bases.includes(d) && !allSame(d) ? "ct_tax_reg" : null;
  }
  const found = { fein: "fein", routing: "routing", ct: "ct_tax_reg" }[kind];
  return fits(found, d) ? found : null;
}

// The identifiers in the fields of a fixed-width row a sentence lays out
// (_scopes.layout) that the chunk cs:ce holds, whatever they are glued to
// (_layout_fields).
function layoutFields(text, cs, ce) {
  const [rows, fields] = text.layout();
  if (!rows.size) return [];
  const norm = text.norm;
  const out = [];
  // (a chunk may run on over a line break into the next row: "...041200\n246780506")
  let ls = norm.lastIndexOf("\n", cs - 1) + 1;
  while (ls >= 0 && ls <= ce) {
    const row = rows.get(ls);
    if (row !== undefined) {
      for (const [s, e, kind, name] of fields) {
        if (cs <= row + s && row + e <= ce) {
          const d = norm.slice(row + s, row + e).replace(/[ -]/g, "");
          const found = layoutKind(kind, d);
          if (found !== null) out.push([found, row + s, row + e, d, ["layout", name, null]]);
        }
      }
    }
    const k = norm.indexOf("\n", Math.max(ls, cs));
    ls = k >= 0 && k < ce ? k + 1 : -1;
  }
  return out;
}

export function scanChunk(text, cs, ce, ctx, out) {
  const norm = text.norm;
  if (text.lines) {
    // a fixed-width record's field, at the place a sentence gives it
    const laid = layoutFields(text, cs, ce);
    if (laid.length) {
      out.push(...laid);
      return;
    }
  }
  if (cs >= 2) {
    const f = efw2Field(norm, cs, ce) ?? efw2StateId(norm, cs, ce); // a W-2 file's record
    if (f !== null) {
      out.push(f);
      return;
    }
  }
  // an IRS information return file's payee (B) record
  const ls = norm.lastIndexOf("\n", cs - 1) + 1;
  if (norm[ls] === "B") {
    const f = fireB(norm, ls, cs, ce);
    if (f !== null) {
      out.push(f);
      return;
    }
  }
  // an X12 segment's identifier, right after its qualifier
  if (norm[cs - 1] === "*") {
    const f = x12Id(norm, cs, ce);
    if (f !== null) {
      out.push(f);
      return;
    }
  }
  // a BAI2 bank file's header record's banks
  if (norm[ls] === "0") {
    const f = bai2Id(norm, ls, cs, ce);
    if (f !== null) {
      out.push(f);
      return;
    }
  }
  // an ACH file's file header record's immediate destination
  if (norm[cs] === "1") {
    const header = nachaFile(norm, cs);
    if (header.length) {
      out.push(...header);
      return;
    }
  }
  // an ACH file's batch header record's company ID
  if ((norm[ce] >= "A" && norm[ce] <= "Z") || norm[ce] === " ") {
    const f = nachaBatch(norm, cs, ce);
    if (f !== null) {
      out.push(f);
      return;
    }
  }
  // an ACH file's entry detail record, perhaps on the line after the record before it
  // (whose last digits a line break joins on: "...0000001\n62722680774...")
  const at = norm[cs] === "6" ? cs : norm.slice(cs, ce).indexOf("\n6") + cs + 1;
  if (at > cs || norm[cs] === "6") {
    const f = nachaEntry(norm, at, ce);
    if (f !== null) {
      out.push(f);
      return;
    }
  }
  // a bank's pair, the account's type after it ("688232533 / 3375002214 (checking)")
  if (norm.slice(cs, ce).includes("/")) {
    const f = typedPair(ctx, cs, ce);
    if (f !== null) {
      out.push(f);
      return;
    }
  }
  const bare = norm.slice(cs, ce);
  let gs;
  if (/^[0-9]+$/.test(bare)) gs = [[cs, ce]];
  else {
    if (!HINT_RE.test(bare)) {
      let f;
      if (bare.includes(",")) {
        // nine digits in three or four groups: two or three commas (or ten in thousands:
        // three); or a card's digits in thousands ("4,492,057,609,743,908")
        const commas = bare.split(",").length - 1;
        const digits = bare.length - commas - (bare.split(" ").length - 1);
        const nine = 2 <= commas && commas <= 3 && (digits === 9 || digits === 10);
        const card = commas >= 4 && CARD.min_length <= digits && digits <= CARD.max_length;
        f = nine || card ? commaGrouped(norm, bare, cs, ce, ctx) : null;
        if (f === null && bare.includes(CARD_READ_SEP) && !glued(norm, cs, ce)) {
          // a card read aloud in its groups ("the Amex: 3473, 781237, 34982")
          f = cardGrouped(ctx, bare.match(/[0-9]+/g), bare.match(/[^0-9]+/g), cs, ce);
        }
      } else if (bare.includes("\n")) {
        f = glued(norm, cs, ce) ? null : unwrapped(bare.match(/[0-9]+/g), bare.match(/[^0-9]+/g), cs, ce, ctx);
      } else if (bare.includes(" ")) {
        f = voiceGrouped(norm, bare, cs, ce, ctx);
        if (f === null && PAIRS_RE.test(bare)) {
          // a card read two digits at a time ("... 53 39 49 33 66 62 48 39")
          const pairs = bare.split(" ");
          f = cardGrouped(ctx, pairs, pairs.slice(1).map(() => " "), cs, ce);
        }
        // a dashed identifier with a stray space: "ITIN 904-73-73 83"
        if (f === null) f = straySpace(bare.match(/[0-9]+/g), bare.match(/[^0-9]+/g), cs, ce, ctx);
        // a card voice typing grouped its own way ("card number is 5425 61 76 7620 8850")
        if (f === null && bare.length - bare.split(" ").length + 1 >= CARD.min_length) {
          f = cardGrouped(ctx, bare.match(/[0-9]+/g), bare.match(/[^0-9]+/g), cs, ce);
        }
      } else {
        f = layoutGrouped(norm, bare, cs, ce, ctx);
        if (f === null) f = dashGrouped(norm, bare, cs, ce, ctx); // "... It is 9-95721-195."
      }
      if (f !== null) out.push(f);
      return;
    }
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
  // a currency sign, or a "+" glued on (a country code: "+1 860 ..."; "a + 234-..." adds)
  const phoneOrMoney = j >= 0 && LEFT_OUT.includes(norm[j]) && (norm[j] !== "+" || j === cs - 1);
  let c1 = cs > 0 ? norm[cs - 1] : " ";
  let leftTaint = isWord(c1) || (GLUE_PUNCT.includes(c1) && cs >= 2 && isWord(norm[cs - 2]));
  c1 = ce < norm.length ? norm[ce] : " ";
  let rightTaint =
    isWord(c1) ||
    (GLUE_PUNCT.includes(c1) &&
      ce + 1 < norm.length &&
      isWord(norm[ce + 1]) &&
      // "...-4440—is printed": an em dash is a sentence's punctuation
      !(c1 === "-" && PROSE_DASHES.has(ctx.text.originalAt(ce))));
  if ((leftTaint || rightTaint) && betweenMarks(norm, cs, ce)) {
    leftTaint = rightTaint = false; // a check line's "A232769261A"
  } else if (
    leftTaint &&
    CT_GLUED_PREFIX_RE.test(ctx.text.low.slice(Math.max(0, cs - CT.glued_prefix_reach), cs)) &&
    CT_PREFIXED_RE.test(bare) &&
    ([null, "ct"].includes(ctx.cueBefore()) ||
      (NEG_KINDS.includes(ctx.cueBefore()) && accountLabelled(ctx.text.lowLines, cs)))
  ) {
    // "Reg. No. CT-7996295-002", "Reg7050341-000": the state's or a registration's letters
    // typed on to one written whole (not a form's "CT-1040"), under a CT cue, none, or the
    // portal's bare "Account" label ("Acct CT-5707725-000")
    leftTaint = false;
  } else if (leftTaint && GLUE_PUNCT.includes(norm[cs - 1]) && ctx.cueBefore() !== null) {
    // "SSN-234567891", "EIN/12-3456789", "CT/3782609000": a cue word joined on, not a
    // longer token (nor a name only before a number no CT number is as long as, which it
    // prefixes: "notice number DRS-24-0119832")
    const span = ctx.beforeSpan;
    const name = span !== null && WEAK_CUES_AFTER.has(ctx.text.low.slice(span[0], span[1]));
    const n = bare.replace(/[^0-9]/g, "").length;
    const ctLong = CT.base_min + CT.location_length <= n && n <= CT.base_max + CT.location_length;
    leftTaint = ctx.beforeEnd !== cs - 1 || (name && !ctLong);
  } else if (
    leftTaint &&
    /[A-Za-z]/.test(norm[cs - 1]) &&
    ctx.introducedById() &&
    (ctx.cueBefore() !== "ct" || ctCueSpelled(ctx))
  ) {
    // "ssn418-02-9264", "my ssn is846320748": the number's own cue typed on to it (not
    // "CT", which prefixes other numbers: "confirmation CT0240064950"; a CT cue longer
    // than that may: "ctreg7541578003")
    leftTaint = false;
  } else if (leftTaint && formValue(ctx, cs)) {
    // "Your Social Security Number" over "TomaszMurphy893 80 1674": a PDF form's row of
    // values copied under its row of labels, a name run on to the number
    leftTaint = false;
  } else if (leftTaint && /[A-Za-z]/.test(norm[cs - 1])) {
    // "visa4051400308274374": a card word typed on to a card number
    leftTaint = cardWordBefore(ctx.text, cs)?.end !== cs;
  }
  LABEL_GLUED_RE.lastIndex = ce;
  // ("card#3488-964685-99925exp0828": a card word may introduce it)
  const cardWordEnd = cardWordBefore(ctx.text, cs)?.end ?? 0;
  const byCardWord = /^ ?[#:]? ?$/.test(norm.slice(cardWordEnd, cs));
  // (a label that is a cue may be the next field's, its own value after it:
  // "ein273364050ctreg7541578003")
  GLUED_FIELD_RE.lastIndex = ce;
  const nextField = GLUED_FIELD_RE.test(ctx.text.low);
  TITLE_GLUED_RE.lastIndex = ce;
  const titleField = TITLE_GLUED_RE.test(norm);
  if (
    rightTaint &&
    !leftTaint &&
    LABEL_GLUED_RE.test(norm) &&
    ((ctx.introducedById() && (ctx.cueBefore() !== "ct" || ctCueSpelled(ctx))) || byCardWord) &&
    (!labelledAt(ctx.text.low, ce) || nextField || titleField)
  ) {
    // "SSN#833783716DOB5/13/1997": a form's fields pasted with their spaces lost, the
    // next field's label typed on to the number its own cue introduces (a label that is
    // a cue itself may be this number's, written after it: no)
    rightTaint = false;
  } else if (rightTaint && !leftTaint && ownLabelGlued(ctx, ce)) {
    // "028216246ssn sorry phone glitch": its own label typed on to it after it
    rightTaint = false;
  }
  const ng = gs.length;
  // "860 55 5012 x41": a phone number, its extension after it (_PHONE_EXT_RE; not a
  // card's digits, which no phone number has)
  PHONE_EXT_RE.lastIndex = ce;
  // (nor a masked number in the next cell of a table: "211463876<tab>x0345")
  if (PHONE_EXT_RE.test(norm) && !ctx.introducedById() && !cardOk(gs.map(([s, e]) => norm.slice(s, e)).join("")) && ctx.text.originalAt(ce) !== "\t") {
    rightTaint = true;
  }
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
  // "Account Number: 003 882 19 4761": one number its negative cue names
  // (no card its first groups make: "... with card 4440 0172 9398 0086 2 times")
  if (
    ng >= FOUR &&
    !tainted &&
    rawSeps.every((sep) => sep === " ") &&
    ctx.namedByNeg() &&
    !texts.some((_t, k) => k >= 1 && cardOk(texts.slice(0, k + 1).join("")))
  )
    return;
  const seps = rawSeps.map(sepChar);
  const amount = amountGroups(texts, rawSeps);
  if (!tainted && amount === null && ng >= 2) {
    const f = cardGrouped(ctx, texts, rawSeps, cs, ce); // "visa 4135 11941092 1454"
    if (f !== null) {
      out.push(f);
      return;
    }
  }
  if (!tainted && ng <= MAX_PIECE_GROUPS && amount === null) {
    ctx.at = cs;
    const kind = classify(texts, seps, ctx, true, true);
    if (kind !== null) {
      out.push([kind, cs, ce, texts.join("")]);
      return;
    }
  }
  if (!tainted && amount === null && ng <= VOICE_GROUPS && bare.includes(" ")) {
    const f = voiceGrouped(norm, bare, cs, ce, ctx); // "Employer ID 66 32 562 72"
    if (f !== null) {
      out.push(f);
      return;
    }
  }
  if (!tainted && amount === null && rawSeps.includes(" ")) {
    const f = straySpace(texts, rawSeps, cs, ce, ctx); // "ITIN 904-73-73 83"
    if (f !== null) {
      out.push(f);
      return;
    }
  }
  if (!tainted && amount === null && bare.includes("\n")) {
    let f = unwrapped(texts, rawSeps, cs, ce, ctx);
    if (f === null && rawSeps.filter((r) => r === "\n").length === 1) {
      // a card grouped another way, a hard wrap for one space ("Card number is
      // 51395288\n52764185")
      f = cardGrouped(ctx, texts, rawSeps.map((r) => (r === "\n" ? " " : r)), cs, ce);
    }
    if (f !== null) {
      out.push(f);
      return;
    }
  }
  const segOf = new Array(ng).fill(0);
  const segFirst = [0];
  let hardCut = 0;
  for (let i = 0; i < seps.length; i++) {
    const dot =
      rawSeps[i] === "." && texts[i].length >= DOT_CUT_MIN && DOT_CUT_MIN <= texts[i + 1].length;
    // punctuation with spaces around it may be a clause dash ("SSN 592-04-0849 - 2023 -
    // expected $612"): a cut, though a piece may span it ("234 - 56 - 7891")
    // a slash between two runs each as long as most of an identifier, or after or before
    // a whole one, joins two numbers ("Acct/Routing 498058767/232067468", "EIN/phone:
    // 135368685/860-555-0107"), never parts of one
    const [a, b] = [texts[i].length, texts[i + 1].length];
    const slash =
      rawSeps[i] === "/" && (Math.min(a, b) >= SLASH_CUT_MIN || Math.max(a, b) >= MIN_DIGITS || ssnWritten(texts, rawSeps, i));
    const spaced = " \n".includes(rawSeps[i][0]) && " \n".includes(rawSeps[i][rawSeps[i].length - 1]);
    // so is a list item's number and hyphen opening the line ("2- 921973378 (ITIN)")
    const marker = i === 0 && a <= MARKER_MAX && rawSeps[0] === "- " && lineOpens(norm, cs);
    if (seps[i] === "" || dot || slash || spaced || marker) {
      segFirst.push(i + 1);
      if ((dot || /[,.\n]/.test(rawSeps[i])) && !hardCut) {
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
  const inFours = (g0) => {
    const sep = rawSeps[g0];
    return g0 > 0 && glen[g0 - 1] === 4 && rawSeps[g0 - 1] === sep && (g0 === 1 || rawSeps[g0 - 2] === sep);
  };
  // a card cut from a longer number, its next group joined the same way and no card word
  // before the chunk: a 19-digit one grouped 4-4-4-4-3 (a bank account: "账号 6217 8500
  // 0003 9184 726"), or one grouped in fours with a group of four after it (an IBAN:
  // "UA82 3052 9940 1765 8936 2846 9572 5")
  const beforeTail = (g1) =>
    g1 + 1 < ng &&
    ((glen[g1] === FOUR && glen[g1 + 1] === FOUR) || (g1 + 2 === ng && glen[g1 + 1] === TAIL_GROUP)) &&
    g1 > 0 &&
    rawSeps[g1] === rawSeps[g1 - 1] &&
    cardWordBefore(text, cs) === null;
  // a 3-2-4 cut from the middle of a longer run of groups each joined by one space, with
  // no identifier cue for the chunk ("Tracking 1Z 709 284 97 8971 4170")
  const midSpaced = (g0, g1) => {
    if (g0 === 0 || g1 + 1 >= ng) return false;
    for (let i = g0 - 1; i <= g1; i++) if (rawSeps[i] !== " ") return false;
    return !ID_KINDS.has(ctx.cueBefore());
  };
  const piece = (g0, off0, g1, off1, first, last) => {
    const lens = glen.slice(g0, g1 + 1);
    if (off1 !== null) lens[lens.length - 1] = off1;
    if (off0) lens[0] -= off0;
    if (!shapePossible(lens)) return null;
    if (amount !== null && amount.slice(g0, g1 + 1).includes(true)) return null;
    const parts = texts.slice(g0, g1 + 1);
    if (off1 !== null) parts[parts.length - 1] = parts[parts.length - 1].slice(0, off1);
    if (off0) parts[0] = parts[0].slice(off0);
    const s = gs[g0][0] + off0;
    ctx.at = s;
    const kind = classify(parts, seps.slice(g0, g1), ctx, first, last);
    if (kind === null) return null;
    // a card cut from a longer number grouped in fours: a group of four before it, joined
    // the same way, itself the chunk's first or joined so too ("tracking 9400 2561 3983
    // 5388 1826 89"; not "234-56-7891 4111 1111 ...")
    if (kind === "card" && g1 > g0 && !off0 && (inFours(g0) || (off1 === null && beforeTail(g1)))) return null;
    if (lens.join(",") === "3,2,4" && !off0 && off1 === null && midSpaced(g0, g1)) return null;
    const e = off1 === null ? gs[g1][1] : gs[g1][0] + off1;
    return [kind, s, e, parts.join("")];
  };

  // When no cue can reach the chunk (none bound before or after it, no scope in the
  // text), only the shapes that need none can be found.
  const cued = !text.unscoped() || ctx.cueBefore() !== null || ctx.cueAfter() !== null;
  const [longMin, firstPairs] = limits(cued);
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
    // one long group, or the first two groups of a shape
    if (glen[g0] < longMin && (g0 + 1 === ng || !firstPairs.has(glen[g0] + "," + glen[g0 + 1]))) continue;
    let n = 0;
    for (let b = a; b <= hiSeg; b++) {
      const g1 = segLast[b];
      if (g1 - g0 + 1 > MAX_PIECE_GROUPS) break;
      n += segDigits[b];
      if (n > CARD.max_length) break;
      if (n < MIN_DIGITS) continue;
      // after ", " and a segment that could be an identifier itself: a list (or a pair's
      // second number after one long enough to take a cue: "Acct/Routing
      // 12345678/068414243")
      let listed = false;
      if (a > 0) {
        let n = 0;
        for (let g = segFirst[a - 1]; g < g0; g++) n += glen[g];
        if (listedAfter(rawSeps[g0 - 1], ctx, n)) listed = "listed";
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
    const cuts = glueCuts(
      size,
      gi > 0 ? glen[gi - 1] : 0,
      gi + 1 < ng ? glen[gi + 1] : 0,
      gi > 0 && seps[gi - 1] !== "",
      gi + 1 < ng && seps[gi] !== "",
      cued,
    );
    if (!cuts.length) continue;
    // digits of groups gi+1.. in gi's segment, and of gi's segment before gi
    let tail = 0;
    for (let g = gi + 1; g <= segLast[sg]; g++) tail += glen[g];
    let head = 0;
    for (let g = segFirst[sg]; g < gi; g++) head += glen[g];
    for (const k of cuts) {
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
