// The twin of app/pii/_cues.py: which cue word a number takes, in which scope.

import { cardOk, ssnOrItin } from "./pii-checks.mjs";
import { RULES } from "./pii-rules.mjs";
import { ID_KINDS, makeScopes } from "./pii-scopes.mjs";
import { ANAPHOR_CARRY_RE, ANAPHOR_CARRY_REACH, DEPOSIT_PLACE_RE, DEPOSIT_PLACE_GAP_RE, WEAK_CUES_AFTER, WEAK_CUE_BANK_RE, WEAK_CUE_OF_ID_RE, DOCUMENT_CUE_RE, DOCUMENT_OF_ID_RE, ANSWER_AFTER_CUE_RE, ASIDE_RE, ASIDE_REACH, ASIDE_PAUSE_RE, ASIDE_PAUSE_REACH, CORRECTION_GAP_RE, LABEL_LINE_END_RE, TURN_BACK_RE, TURN_ANSWER_LEAD_RE, TURN_ANSWER_LEAD_REACH, TURN_SPEAKER_RE, ARROW_LABEL_GAP_RE, CARRY_GAP_RE, CARRY_MAX_GAP, CARRY_OWNER_RE, RESTART, RESTART_CORRECTED_RE, CUE_KINDS, CUE_AT_RE, CUE_CONTRAST_GAP_RE, CUE_LIST_GAP_RE, CUE_ROW_GAP_RE, CUE_RE, CUE_WINDOW, CueRegExp, HINT_RE, DENIAL_ANSWER_NO_RE, DENIAL_ANSWER_NOT_RE, DENIAL_ANSWER_OWNER_RE, DENIAL_ANSWER_SAID_RE, DENIAL_BRACKET_RE, DENIAL_CONTRAST_RE, DENIAL_CONTRAST_SAID_RE, DENIAL_CONTRAST_SHAPES, DENIAL_SHAPE_SPEAKS, DENIAL_QUESTION_AFTER_RE, DENIAL_QUESTION_LINE_RE, DENIAL_QUOTE_REACH, DENIAL_QUOTED_LINE_RE, DENIAL_REPLY_HEADER_RE, DENIAL_REPLY_LINES, DENIAL_BREAK_RE, DENIAL_CLAUSE_AND_RE, DENIAL_HAS_NONE_RE, DENIAL_COPULA_RE, DENIAL_NEGATION_AFTER_LEAD_RE, DENIAL_NEGATION_AFTER_RE, DENIAL_NEGATION_RE, DENIAL_NEXT_CLAUSE_RE, DENIAL_OWN_COPULA_OWNER_RE, DENIAL_OWN_COPULA_RE, DENIAL_OWNER_RE, DENIAL_RELABEL_RE, DENIAL_RELATIVE_FULL_RE, DENIAL_RELATIVE_REACH, DENIAL_RELATIVE_RE, DENIAL_TAKEN_BACK_LEAD_RE, WEAK_CUE_QUALIFIES_RE, INTRO_RE, LABEL_AFTER_CLAUSE_RE, ROUTING_PAIR_AFTER_RE, LABEL_AFTER_GAP_RE, LEFT_OUT, MAX_CUE, MICR_MARKS, MIN_DIGITS, PARAGRAPH_CARET_RE, PARAGRAPH_RE, PLACEHOLDER_RE, PLURAL_CUE_RE, SENTENCE_END_RE, SENTENCE_SOFT_RE, sentenceEndIn } from "./pii-const.mjs";

// Is the cue last a direct deposit that only says where the number of prior's cue, an
// identifier's or a negative one, went ("The checking account number they put on my direct
// deposit is 619695110": deposit_place)? (_cues._deposit_place)
function depositPlace(low, last, prior) {
  const kind = cueKind(prior.m);
  return (
    (ID_KINDS.has(kind) || NEG_KINDS.includes(kind)) &&
    DEPOSIT_PLACE_RE.test(last.m[0]) &&
    DEPOSIT_PLACE_GAP_RE.test(low.slice(prior.end, last.start))
  );
}

// Is the cue last a bare document word (document_cue), a negative cue or one of prior's
// kind, that only says where the identifier of prior's cue is written ("SSN on the claim
// 689-88-3210", "The EIN on the claim is 06-1234567")? (_cues._documents)
function documents(low, last, prior) {
  const kind = cueKind(prior.m);
  return (
    ID_KINDS.has(kind) &&
    (NEG_KINDS.includes(cueKind(last.m)) || cueKind(last.m) === kind) &&
    DOCUMENT_CUE_RE.test(last.m[0]) &&
    DOCUMENT_OF_ID_RE.test(low.slice(prior.end, last.start))
  );
}

const DENIED_LIST_RE = new RegExp(RULES.scopes.denied_list);
// a header cell naming a column as a document's number, as whole words (_scopes.NEGATIVE_COLUMN_GATE_RE)
const NEGATIVE_COLUMN_GATE_RE = new RegExp("(?<![a-z0-9])(?:" + RULES.scopes.negative_column + ")(?![a-z])");
const DIGITS_ONLY_RE = /^[0-9]+$/;
export const { scopes, hasReference, inOrder, layout } = makeScopes(RULES, CueRegExp, CUE_KINDS, latinLower);

export const NEG_KINDS = ["neg", "neg_bare"];
const CARD_WORDS_RE = new RegExp(RULES.card.words, "g"); // (_cues: card.words)
const CARD_WORD_GAP_RE = /^[ ]?[#:]?[ ]?$/; // a card word's gap to its number
const CLAUSE_JOIN_RE = /(?<![a-z])(?:and|but|so)(?![a-z])/; // a later clause's joint
const BARE_ACCOUNT = new Set(["account", "accounts"]);
const ACCOUNT_BEFORE_NOT_RE = new RegExp(RULES.ct_tax_reg.account_before_not);
const ACCOUNT_BEFORE_REACH = 16; // characters read before a bare "account" (account_before_not)
// an answer's anaphor ("the correct one is N": scopes.anaphor; the last letters of its
// verbs, "is", "be", "it's", "está" ...), how far back it may start, and how far back, over how
// many sentence ends, the cue it refers to may stand (_cues._answer_far)
const ANAPHOR_RE = new RegExp(RULES.scopes.anaphor, "g");
const ANAPHOR_ENDS = "sedtréaá";
const ANAPHOR_BACK = 60;
const ANSWER_FAR_REACH = 160;
const ANSWER_FAR_SENTENCES = 2;

// Does an anaphor present the number at o ("the correct one is N"; low: the lower-cased
// copy with its line breaks)? (_scopes._anaphor_at)
function anaphorBefore(low, o) {
  let j = o;
  while (j > 0 && (low[j - 1] === " " || low[j - 1] === ":")) j--;
  // (an "a" or "á" only in "está", "aquí está: N", the one anaphor ending so; _anaphor_end)
  const last = low[j - 1];
  if (!(j > 0 && j < o && ANAPHOR_ENDS.includes(last))) return false;
  if ((last === "a" || last === "á") && low.slice(Math.max(0, j - 4), j - 1) !== "est") return false;
  ANAPHOR_RE.lastIndex = Math.max(0, o - ANAPHOR_BACK);
  const head = low.slice(0, o + 1);
  let a;
  while ((a = ANAPHOR_RE.exec(head)) !== null) {
    if (a.index + a[0].length - 1 === o) return true;
  }
  return false;
}
const NUMBER_WORD_RE = /^ ?(?:numbers?|nos?|num|#|id)(?![a-z])/;
// what may lead a list's line before its number (a bullet), and stand between one line's
// number and the next's (a note in brackets) (_cues._LIST_LEAD_RE, _LIST_BELOW_RE)
const LIST_LEAD_RE = /^[ \t]*(?:[-*•][ \t]*)?$/;
const LIST_BELOW_RE = /^(?:[ \t]*\([^()\n0-9]{1,40}\))?[ \t]*\n[ \t]*(?:[-*•][ \t]*)?$/;
const SSN_WRITTEN = "123-45-6789".length;
const CT_WRITTEN = "1234567-000".length;
const SSN_WRITTEN_RE = /^[0-9]{3}([-. ])[0-9]{2}\1[0-9]{4}$/;
const RELABEL_RE = new RegExp(DENIAL_RELABEL_RE.source, "g");
const DENIAL_CORRECTED_RE = new RegExp(RULES.denial.corrected + "|" + RULES.denial.corrected_mistake, "g");
const DENIAL_MISTAKE_RE = new RegExp(RULES.denial.corrected_mistake, "g");
const BUSINESS_NAME_RE = new RegExp(RULES.business_name, "g");
const BUSINESS_TYPE_AFTER_RE = new RegExp(RULES.business_type_after, "y");
const BUSINESS_TYPE_BEFORE_RE = new RegExp(RULES.business_type_before, "g");
const PERSON_KINDS = new Set(["ssn", "itin", "taxid"]);
// a negation word anywhere in a gap (DENIAL_NEGATION_RE matches where a cue starts)
const NEGATED_RE = new RegExp("(?<![a-z])(?:" + RULES.denial.negation + ")");
export const VOID = CUE_KINDS.indexOf("void") + 1; // group of the phrases that bind to nothing

const CUE_LOOK_BACK = 16; // characters before pos a cue's lookbehind may read (Python: all)

// The first cue in low[pos:endpos] that is not a void phrase.
// a denial's owner, between a negated cue and its number ("not my SSN, my husband's: ";
// _OWNER_BEFORE_RE)
const OWNER_BEFORE_RE = new RegExp("^(?:" + RULES.denial.owner_before + ")$");

// "is" or "was" right after a number at `at` (denial.copula_after; _COPULA_AFTER_RE)
const COPULA_AFTER_RE = new RegExp(RULES.denial.copula_after, "y");
function copulaAfter(low, at) {
  COPULA_AFTER_RE.lastIndex = at;
  return COPULA_AFTER_RE.test(low);
}

// Is the number ending at ce said, by "is" or "was" right after it, to be what the cue
// starting at s names, that cue its label at once ("930902780 is my husband's ITIN";
// _said_to_be)?
function saidToBe(low, ce, s) {
  if (!copulaAfter(low, ce)) return false;
  const cue = cueAfterGap(LABEL_AFTER_GAP_RE, low, ce);
  return cue !== null && cue.start === s;
}

// a later denial of a number found by its shape (denial.later_*; _denied_later)
const DENIAL = RULES.denial;
const LATER_KINDS = DENIAL.later_kinds;
const CLAUSE_MARKS = DENIAL.later_clause_marks;
const SENTENCE_MARKS = new Set(DENIAL.later_sentence_marks);
const LATER_REST = DENIAL.later_rest; // characters after it looked at for an owner or a kind
const LATER_LEAD_RE = new RegExp("^(?:" + DENIAL.later_lead + ")$");
const LATER_CARD_RE = new RegExp(DENIAL.later_card, "g");
const LATER_OWNER_RE = new RegExp("^(?:" + DENIAL.later_owner + ")");
// a bank that names a bare "account" before a number a bank account's (account_bank)
const ACCOUNT_BANK_BEFORE_RE = new RegExp("(?:" + RULES.account_bank_before + ")$");
const ACCOUNT_BANK_AFTER_RE = new RegExp("^(?:" + RULES.account_bank_after + ")");
const ACCOUNT_BANK_REACH = 40; // characters read before the word

// a negation right before a cue in a bracket ("(I'm a sole proprietor, no EIN)"; _BRACKET_NO_RE)
const BRACKET_NO_RE = new RegExp("(?:" + RULES.denial.bracket_no + ")$");

export function nextCue(low, pos, endpos) {
  // (a cue after a number may look back at it: "N where's my refund" after a line's N)
  for (const r of findIter(CUE_RE, low, pos, endpos, CUE_LOOK_BACK)) if (r.m[VOID] === undefined) return r;
  return null;
}

export function cueKind(m) {
  for (let i = 1; i < m.length; i++) if (m[i] !== undefined) return CUE_KINDS[i - 1];
  return null;
}

// Does the line holding norm[end - 1] end in "?" or ":" (a question or a label)?
function endsLabelLine(norm, end) {
  const br = norm.indexOf("\n", end);
  const rest = norm.slice(end, br < 0 ? norm.length : br).replace(/[ \t]+$/, "");
  return rest.endsWith("?") || rest.endsWith(":");
}

// Is the cue low[start:end] on a line below the number ending at ce, a line with no digit
// that ends in "?" or ":" (a question or a label for what comes under it)?
function questionBelow(low, ce, start, end) {
  if (!low.slice(ce, start).includes("\n")) return false;
  const br = low.indexOf("\n", end);
  const line = low.slice(low.lastIndexOf("\n", start - 1) + 1, br < 0 ? low.length : br).replace(/[ \t]+$/, "");
  return (line.endsWith("?") || line.endsWith(":")) && !/[0-9]/.test(line);
}

// Two numbers, each long enough to take a cue, with one space or slash between (the second
// perhaps grouped by dashes or dots): "routing and account: 232067468 498058767",
// "Acct/Routing 498058767/232067468", "EIN/phone: 135368685/860-555-0107" (_PAIR_RE).
const PAIR_RE = new RegExp(
  `^[0-9]{${RULES.cue_list_min_digits},}(?: ?/ ?| )[0-9](?:[-.]?[0-9]){${RULES.cue_list_min_digits - 1},}$`,
);

// what joins a year to a date or a longer number before it ("03/06/2022", "1-2022")
const YEAR_GLUE = "/-.,:'";
// a chat's time stamp at the start of a line, what closes it, its longest (rules chat_stamp)
const CHAT_STAMP_RE = new RegExp(`^(?:${RULES.chat_stamp})$`);
const CHAT_STAMP_END_RE = new RegExp(RULES.chat_stamp_end, "y");
const CHAT_STAMP_MAX = RULES.chat_stamp_max;

// Where the chat time stamp that opens its line and ends at pe starts ("[14/03/2024,
// 19:03] ", "3/14/24, 7:03 PM - "), when the turn answers the one before up to the
// number at cs ("Rosa Medina: es ": answer_after_cue); or -1 (_chat_stamp_start).
function chatStampStart(norm, low, pe, cs) {
  CHAT_STAMP_END_RE.lastIndex = pe;
  if (!CHAT_STAMP_END_RE.test(norm)) return -1;
  const br = norm.lastIndexOf("\n", pe - 1);
  if (br < 0 || br < pe - CHAT_STAMP_MAX || !CHAT_STAMP_RE.test(norm.slice(br + 1, pe))) {
    return -1;
  }
  const m = ANSWER_AFTER_CUE_RE.exec(low.slice(br, cs));
  return m !== null && m.index === 0 ? br + 1 : -1;
}

// Python's pattern.finditer(s, pos, endpos) sees the text as ending at endpos but lets
// lookbehind see before pos; a slice that starts `context` characters early does the same
// for lookbehinds that long.
export function* findIter(re, s, pos, endpos, context = 1) {
  const base = Math.max(0, pos - context);
  const sub = s.slice(base, endpos);
  re.lastIndex = pos - base;
  let m;
  while ((m = re.exec(sub)) !== null) {
    yield { start: base + m.index, end: base + m.index + m[0].length, m };
  }
}

// Latin letters A-Z and U+00C0-U+024F, and Cyrillic U+0400-U+04FF, whose lower case is
// one character: the only lower-casing both twins share (cue patterns use no other
// upper-case letters).
export function latinLower(c) {
  const low = c.toLowerCase();
  return low.length === 1 ? low : c;
}

// s with the words inside each placeholder made spaces (same length).
function blankPlaceholders(s) {
  return s.replace(PLACEHOLDER_RE, (m) => "[" + " ".repeat(m.length - 2) + "]");
}

export class Text {
  constructor(norm, starts, original) {
    this.norm = norm;
    this.starts = starts;
    this._low = null;
    this._wrapped = null;
    this.cueNorm = norm;
    if (norm.includes("[")) {
      // the words of a placeholder remove() left ("[Social Security number removed]")
      // are no cue, for the numbers beside it or in its scopes
      this.cueNorm = blankPlaceholders(norm);
      if (this.cueNorm !== norm) original = blankPlaceholders(original);
    }
    this.original = original;
    this.scopes = null;
    this.lines = original.includes("\n"); // a text of one line has no table or list
    this._referred = null; // hasReference(original), on first use
    this._denies = null; // mayDeny(), on first use
    this._layout = null; // layout(), on first use
  }
  // The fixed-width record a sentence of the text lays out (_scopes.layout).
  layout() {
    if (this._layout === null) this._layout = this.lines ? layout(this.norm) : [new Map(), []];
    return this._layout;
  }
  // Could a list heading deny its items (scopes.denied_list), or a table column its
  // cells (scopes.negative_column)? Searches of the lower-cased text (_Text.may_deny).
  mayDeny() {
    if (this._denies === null) {
      this._denies = (this.lines && (DENIED_LIST_RE.test(this.lowLines) || NEGATIVE_COLUMN_GATE_RE.test(this.lowLines))) || inOrder(this.lowLines);
    }
    return this._denies;
  }
  // Does the text refer to one of its numbers from elsewhere (a back reference, "the
  // first one is the routing", or a mask, XXX-XX-7488)? Scopes are then read even for a
  // text of one line.
  referred() {
    if (this._referred === null) this._referred = hasReference(this.original);
    return this._referred;
  }
  // Is it known that no scope gives a number of the text a kind? (one line, or its
  // scopes read and empty)
  unscoped() {
    if (this.scopes === null) return !this.lines && !this.referred();
    return !this.scopes[0].size && !this.scopes[1].size;
  }
  // [forced, fallback] kinds of a piece of chunk starting at norm index s. The scopes
  // are read on the first question: most texts never ask (no piece needs a cue). A text
  // of one line has no table or list: only a number of bare digits no cue reaches takes
  // its topic there, and any number a back reference names.
  scoped(s, chunk) {
    if (
      !this.lines &&
      (!DIGITS_ONLY_RE.test(this.norm.slice(chunk.cs, chunk.ce)) || chunk.cueBefore() !== null || chunk.cueAfter() !== null) &&
      !this.referred()
    ) {
      return [null, null];
    }
    if (this.scopes === null) this.scopes = scopes(this.original);
    const [forced, fallback] = this.scopes;
    if (!forced.size && !fallback.size) return [null, null];
    const o = this.starts === null ? s : this.starts[s];
    return [forced.get(o) ?? null, fallback.get(o) ?? null];
  }
  // The character of the original text at norm index s.
  originalAt(s) {
    return this.original[this.starts === null ? s : this.starts[s]];
  }
  get lowLines() {
    if (this._low === null) {
      // ASCII-only lower-casing keeps every index in place
      const norm = this.cueNorm;
      // eslint-disable-next-line no-control-regex
      this._low = /^[\x00-\x7f]*$/.test(norm) ? norm.toLowerCase() : norm.replace(/[A-Z\u00c0-\u024f\u0400-\u04ff]/g, latinLower);
    }
    return this._low;
  }
  // The lower-cased copy cues are read in: a hard wrap between two letters is a space
  // there ("my Social\nSecurity Number is ..."; in the text a line break before a
  // capital ends a sentence, and would part the cue), and a quote prefix is spaces, so
  // a quoted label reaches its number as it does unquoted ("> Account ID:\n>
  // 2800249001"). lowLines keeps the line breaks and quote prefixes.
  get low() {
    if (this._wrapped === null) {
      let low = this.lowLines;
      if (low.includes("\n")) {
        low = low.replace(/(?<=[a-z])\n(?=[a-z])/g, " ");
        if (low.includes(">")) low = low.replace(/(?<=\n)(?:[ \t]*>)+/g, (m) => " ".repeat(m.length));
      }
      this._wrapped = low;
    }
    return this._wrapped;
  }
}

// Is the number asked about on its line ("Me: is this my social?? 722999496") and the
// question answered "no" on the next line that is not blank ("Marek: no thats your
// license number")? (_answered_no)
const CHAT_LINE = 200; // characters: the reach of a chat line from its number (_CHAT_LINE)
// Is the number asked about on a quoted line ("> ... from the state, 303292763. Is that my
// social security number??") and the question answered "no", with a negation, in the
// reply above the quote ("No mom, that's not your social")? low keeps its quote prefixes
// (_answered_above).
function answeredAbove(low, cs, ce) {
  const lo = Math.max(0, cs - CHAT_LINE);
  const before = low.slice(lo, cs).lastIndexOf("\n");
  if (before < 0) return false; // (the quote's first line opens the text: no reply above it)
  const start = lo + before;
  const stop = Math.min(low.length, ce + CHAT_LINE);
  const after = low.slice(ce, stop).indexOf("\n");
  let end = ce + after;
  if (after < 0) {
    if (stop < low.length) return false;
    end = stop;
  }
  const line = low.slice(start + 1, end);
  DENIAL_QUOTED_LINE_RE.lastIndex = 0;
  if (!DENIAL_QUOTED_LINE_RE.test(line)) return false;
  DENIAL_QUESTION_LINE_RE.lastIndex = 0;
  DENIAL_QUESTION_AFTER_RE.lastIndex = 0;
  if (
    !DENIAL_QUESTION_LINE_RE.test(line.slice(DENIAL_QUOTED_LINE_RE.lastIndex)) &&
    !DENIAL_QUESTION_AFTER_RE.test(low.slice(ce, end))
  ) {
    return false;
  }
  const lines = low.slice(Math.max(0, start - DENIAL_QUOTE_REACH), start).split("\n");
  const quoted = (l) => {
    DENIAL_QUOTED_LINE_RE.lastIndex = 0;
    return DENIAL_QUOTED_LINE_RE.test(l);
  };
  let k = lines.length - 1;
  while (k >= 0 && quoted(lines[k])) k--; // the quote above the number's line
  let read = 0;
  while (k >= 0 && read < DENIAL_REPLY_LINES) {
    const l = lines[k--];
    DENIAL_REPLY_HEADER_RE.lastIndex = 0;
    if (quoted(l) || DENIAL_REPLY_HEADER_RE.test(l)) return false;
    if (/^[ \t\r]*$/.test(l)) continue;
    read++;
    DENIAL_ANSWER_NO_RE.lastIndex = 0;
    if (!DENIAL_ANSWER_NO_RE.test(l)) continue;
    const rest = l.slice(DENIAL_ANSWER_NO_RE.lastIndex);
    if (DENIAL_ANSWER_NOT_RE.test(rest) && !DENIAL_ANSWER_OWNER_RE.test(rest)) return true;
  }
  return false;
}

function answeredNo(low, cs, ce) {
  // (a chat line is short: looked for within CHAT_LINE of the number, so that a long text
  // costs no scan to its ends for each number)
  const before = low.slice(Math.max(0, cs - CHAT_LINE), cs).lastIndexOf("\n");
  const start = before < 0 ? -1 : Math.max(0, cs - CHAT_LINE) + before;
  const after = low.slice(ce, ce + CHAT_LINE).indexOf("\n");
  const end = after < 0 ? -1 : ce + after;
  if ((start < 0 && cs > CHAT_LINE) || end < 0) return false;
  const line = low.slice(start + 1, end);
  if (!line.includes("?")) return false;
  DENIAL_QUESTION_LINE_RE.lastIndex = 0;
  DENIAL_QUESTION_AFTER_RE.lastIndex = 0;
  if (!DENIAL_QUESTION_LINE_RE.test(line) && !DENIAL_QUESTION_AFTER_RE.test(low.slice(ce, end))) return false;
  let nxt = end;
  while (nxt < low.length && " \t\n".includes(low[nxt]) && nxt - end < CHAT_LINE) nxt++;
  DENIAL_ANSWER_NO_RE.lastIndex = low.lastIndexOf("\n", nxt - 1) + 1;
  if (!DENIAL_ANSWER_NO_RE.test(low)) return false;
  // (not a "no" that gives it another owner: "no that's the other one, thats mine")
  const from = DENIAL_ANSWER_NO_RE.lastIndex;
  const found = low.indexOf("\n", from);
  let stop = found >= 0 ? found : low.length;
  // (a bare "no" says what it is on the lines after: "Dee: no" / "Dee: thats the old one
  // from when we were a partnership")
  if (!low.slice(from, stop).replace(/[ \t.,!]/g, "")) stop = linesOn(low, stop, ANSWER_LINES);
  const answer = low.slice(from, stop);
  if (DENIAL_ANSWER_OWNER_RE.test(answer)) return false;
  // (nor one that gives a number of its own, a correction: "No!! we changed banks. New one
  // is 100123308")
  if (ANSWER_NUMBER_RE.test(answer)) return false;
  // (nor one that says what it is but names no other kind of number: "no thats chase NY",
  // another bank's routing number; "no that's your employee number" denies it)
  DENIAL_ANSWER_SAID_RE.lastIndex = 0;
  if (!DENIAL_ANSWER_SAID_RE.test(answer)) return true;
  const said = from + DENIAL_ANSWER_SAID_RE.lastIndex;
  return DENIAL_ANSWER_NOT_RE.test(low.slice(said, stop)) || negCueIn(low, said, stop);
}

const ANSWER_LINES = 2; // the lines after a bare "no" read for what it says the number is
const ANSWER_NUMBER_RE = /[0-9]{7}/; // a number an answer gives of its own (_ANSWER_NUMBER_RE)

// The end of the n-th line after the line break at pos, or the text's end (_lines_on).
function linesOn(low, pos, n) {
  for (let i = 0; i < n && pos < low.length; i++) {
    const nxt = low.indexOf("\n", pos + 1);
    pos = nxt >= 0 ? nxt : low.length;
  }
  return pos;
}

// Is there a negative cue in low[pos:end]?
function negCueIn(low, pos, end) {
  for (const r of findIter(CUE_RE, low, pos, end, CUE_LOOK_BACK)) {
    if (r.m[VOID] === undefined && NEG_KINDS.includes(cueKind(r.m))) return true;
  }
  return false;
}

export class Chunk {
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
    this.beforeSpan = null; // where the cue before is
    this.asideEnd = -1; // where a cue an aside parts from the number ends (asideCue)
    this.byScopeOnly = false; // the last cue() answer is a scope's fallback alone
    this.from = null; // where the cue of the last cue() answer is, before or after
    this.after = false;
    this.soft = false;
    this.at = cs; // where the piece being classified starts (its scopes' key)
  }
  // Does the cue reach the number at cs: no sentence end between, or, for an identifier
  // cue, only the one before an answer right before the number ("... number. It is
  // 730604390")?
  // (near: within the window; an answer may be further: "I typed my routing number wrong,
  // I think I switched two digits. The correct one is 635543686")
  reaches(cue, cs, near) {
    const norm = this.text.norm;
    const end = cue.end;
    if (near && !sentenceEndIn(SENTENCE_END_RE, norm, end, cs)) {
      // (a negative cue does not reach over a blank line from prose: "... I gave this to
      // the lady on the phone but she said to put it in writing\n\n712079172"; a
      // question's or a label's does: "> What is the confirmation number?\n\nN")
      if (!norm.slice(end, cs).includes("\n") || ID_KINDS.has(cueKind(cue.m))) return true;
      // (nor over another speaker's turn that opens the number's line: "11:15 Agent:
      // what's the registration # on the account?\n11:16 Customer: N")
      // (unless it answers that cue alone: "Agent: and then the account" / "Caller: 0049 1182 3")
      if (turnOpens(this.text.lowLines, end, cs)) return this.turnAnswer(cue, false);
      return !PARAGRAPH_RE.test(norm.slice(end, cs)) || endsLabelLine(norm, end);
    }
    // "... for my closed account. The new one is ...": only an identifier cue is answered
    if (!ID_KINDS.has(cueKind(cue.m))) return false;
    // (or the number opens the next speaker's turn, on the line under the cue's: "Dana:
    // whats your ssn\nMe: 376218845 I think. its on the card")
    // (a few words may open that turn: turn_answer_lead)
    if ((near || cs - end <= CUE_WINDOW + TURN_ANSWER_LEAD_REACH) && this.turnAnswer(cue)) return true;
    const m = ANSWER_AFTER_CUE_RE.exec(this.text.low.slice(end, cs));
    return m !== null && !sentenceEndIn(SENTENCE_END_RE, norm, end, end + m.index);
  }
  // Where the cues before the number may start: after the number before it, or, when
  // that is a bare year or form number, before it ("My SSN for the 2022 return is
  // 235946168", 'EIN for my 1099 "414776373"'), but after any other digit (_Chunk._cue_floor).
  cueFloor() {
    const norm = this.text.norm;
    const pe = this.pe;
    let ys = pe - 4;
    const year = ys >= 0 ? norm.slice(ys, pe) : "";
    if (
      ys < 0 ||
      // a year, or the number of a federal form ("EIN for my 1099") (_YEAR_RE)
      !/^(?:(?:19|20)[0-9]{2}|10(?:40|65|98|99)|1120)$/.test(year) ||
      // (a form's name with its letters hyphened on is one too: "... on client Chen's CT-1040 —
      // typed N"; not a mask's "xxx-1040")
      (ys > 0 && (/[0-9]/.test(norm[ys - 1]) || (YEAR_GLUE.includes(norm[ys - 1]) && !(ys >= 2 && norm[ys - 1] === "-" && /[A-WYZa-wyz]/.test(norm[ys - 2])))))
    ) {
      // (nor is a chat's time stamp opening the number's line: "... me pide mi número de
      // seguro social otra vez\n[14/03/2024, 19:03] Rosa Medina: es 442069511")
      ys = chatStampStart(norm, this.text.low, pe, this.cs);
      if (ys < 0) return pe;
    }
    const lo = Math.max(0, this.cs - CUE_WINDOW - MAX_CUE);
    let floor = lo;
    for (let i = ys - 1; i >= lo; i--) {
      if (norm[i] >= "0" && norm[i] <= "9") {
        floor = i + 1;
        break;
      }
    }
    return floor;
  }

  // The cue a relative clause between commas parts from the number, which follows "is"
  // at once ("Our federal employer identification number, which I think ..., is
  // 625008071"): the cue that ends where the clause's comma starts, or null (_aside_cue).
  // The identifier cue an answer refers back to over one sentence more than reaches()
  // allows, with no other cue between ("I used the wrong routing number on my
  // return. I put my old credit union's number. The correct one is 723-785-440"), or null
  // (_answer_far).
  // Does the number open a speaker's turn on the line right under its cue's line, which
  // names no other kind ("Lena: what's your routing i'm doing the ct one now" is left to
  // the topic) in the cue's sentence, the number labelled by no cue of its own ("Me:
  // 234567891 is my case number")? (_turn_answer)
  turnAnswer(cue, lead = true) {
    const low = this.text.low;
    if (!turnAnswers(this.text.lowLines, this.text.norm, cue.end, this.cs, lead)) return false;
    const kind = cueKind(cue.m);
    let start = this.text.lowLines.lastIndexOf("\n", cue.start - 1) + 1;
    for (const mark of TURN_SENTENCE_ENDS) {
      const at = low.lastIndexOf(mark, cue.start - mark.length);
      if (at >= start) start = at + mark.length;
    }
    let other = nextCue(low, start, cue.end);
    while (other !== null && other.start < cue.start) {
      if (cueKind(other.m) !== kind) return false;
      other = nextCue(low, other.end, cue.end);
    }
    return !labelledAt(low, this.ce);
  }
  // Does the number open the next speaker's turn, answering the cue before it on the line
  // above ("Boss: whats our ct number" / "Me: 5034452")? (answers_turn)
  answersTurn() {
    if (this.cueBefore() === null || this.beforeSpan === null || this.carried) return false;
    const cue = nextCue(this.text.low, this.beforeSpan[0], this.beforeSpan[1]);
    return cue !== null && this.turnAnswer(cue);
  }

  answerFar(cs) {
    const low = this.text.lowLines;
    // (nor a number labelled at once by a cue of its own: "For my ID it's 381064755 (social)")
    if (!anaphorBefore(low, cs) || labelledAt(this.text.low, this.ce)) return null;
    const lo = Math.max(this.cueFloor(), cs - ANSWER_FAR_REACH, 0);
    let last = null;
    let prior = null;
    for (const r of findIter(CUE_RE, low, lo, this.ce + 1)) {
      if (r.end > cs) break;
      if (r.m[VOID] === undefined) {
        prior = last;
        last = r;
      }
    }
    // ("... has an ITIN, not a social. The number is N": the identifier cue a negated one
    // sets apart from it)
    if (last !== null && prior !== null && NEG_KINDS.includes(cueKind(last.m)) && this.contrasted(prior, last)) last = prior;
    // (nor the label the number before took after it: "... 315403525 is the routing")
    if (last === null || !ID_KINDS.has(cueKind(last.m)) || this.takenByPrev(last.start)) return null;
    const norm = this.text.norm;
    const base = last.end > 8 ? last.end - 8 : 0;
    const seg = norm.slice(base, cs);
    SENTENCE_END_RE.lastIndex = last.end - base;
    let ends = 0;
    while (SENTENCE_END_RE.exec(seg) !== null) ends++;
    return ends <= ANSWER_FAR_SENTENCES ? last : null;
  }
  asideCue(cs) {
    const low = this.text.low;
    // (most numbers follow no "is", colon or bracket: the clause is looked for only after one)
    const raw = low.slice(Math.max(0, cs - 12), cs);
    const tail = raw.replace(/[ :]+$/, "");
    const colon = /(?:[:)]| -)$/.test(raw.replace(/ +$/, ""));
    let lo = 0;
    let m = null;
    if (tail.endsWith("is") || tail.endsWith("was") || tail.endsWith("be") || colon) {
      lo = Math.max(this.cueFloor(), cs - ASIDE_REACH, 0);
      m = ASIDE_RE.exec(low.slice(lo, cs));
    }
    if (m === null && /[,.…:-]$/.test(raw.replace(/ +$/, ""))) {
      // (or a hesitation of someone reading it out: "The federal ID, hang on, let me get
      // it, 65. Then 128. Then 0684")
      lo = Math.max(this.cueFloor(), cs - ASIDE_PAUSE_REACH, 0);
      m = ASIDE_PAUSE_RE.exec(low.slice(lo, cs));
    }
    if (m === null) return null;
    const at = lo + m.index;
    // (a bracket that names a kind itself says what the cue before it is: "Tax ID (EIN): N")
    // (not one it negates: "My SSN (I'm a sole proprietor, no EIN): N"; and a negative cue
    // only if it opens the bracket, "my tax number (NIF) is N", not one that says what the
    // number is for: "Estate EIN (for the estate bank account): N")
    if (low.slice(at, cs).replace(/^ +/, "").startsWith("(")) {
      const named = nextCue(low, at, cs);
      if (
        named !== null &&
        (!NEG_KINDS.includes(cueKind(named.m)) || low.slice(at, named.start).replace(/^ +| +$/g, "") === "(") &&
        !BRACKET_NO_RE.test(low.slice(at, named.start))
      ) {
        return null;
      }
    }
    let found = null;
    for (const r of findIter(CUE_RE, low, Math.max(lo, at - MAX_CUE), at)) {
      if (r.end === at && r.m[VOID] === undefined) found = r;
    }
    return found;
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
      // (read on to the number's end: a cue may look ahead at the number's shape,
      // "sin(?= 184 876 915)", but only one that ends before it counts)
      for (const r of findIter(CUE_RE, low, Math.max(this.cueFloor(), cs - CUE_WINDOW - MAX_CUE, 0), this.ce + 1)) {
        if (r.end > cs) break;
        if (r.m[VOID] === undefined) {
          prior = last;
          last = r;
        }
      }
      // ("routing number for CT is N", "número de cliente del banco es N": the state's name
      // or a bank word qualifies the cue before it)
      // (or a bare document word says where the identifier is written: "SSN on the claim
      // 689-88-3210", _documents; or a direct deposit where it went: "The checking account
      // number they put on my direct deposit is N", _deposit_place)
      if (
        last !== null &&
        prior !== null &&
        (documents(low, last, prior) ||
          depositPlace(low, last, prior) ||
          (((WEAK_CUES_AFTER.has(last.m[0]) && cueKind(last.m) === "ct") || WEAK_CUE_BANK_RE.test(last.m[0])) &&
            (ID_KINDS.has(cueKind(prior.m)) || NEG_KINDS.includes(cueKind(prior.m))) &&
            WEAK_CUE_OF_ID_RE.test(low.slice(prior.end, last.start))))
      ) {
        last = prior;
        prior = null;
      }
      // (or one a relative clause between commas parts from it, over the cues in that
      // clause: "My SSN, which I gave the agent on the phone, is N")
      let far = this.asideCue(cs);
      const aside = far !== null && (last === null || last.start >= far.start);
      if (aside) {
        last = far;
        this.asideEnd = far.end; // (introduced)
      }
      this.before = null;
      if (
        last !== null &&
        this.prev !== null &&
        labelledAt(low, this.ce) &&
        this.takenByPrev(last.start) &&
        !sentenceEndIn(SENTENCE_END_RE, this.text.norm, last.end, cs)
      ) {
        // "412083317 SSN 021000021 routing": SSN is the number's before
      } else if (last !== null && this.reaches(last, cs, aside || cs - last.end <= CUE_WINDOW)) {
        this.before = cueKind(last.m);
        this.beforeEnd = last.end;
        this.beforeSpan = [last.start, last.end];
        this.soft = null; // looked up by isSoft() when it matters
        if (this.before === "neg" && prior !== null && this.contrasted(prior, last)) {
          // "it's an ITIN not a social 931-99-8699": the ITIN cue is the number's
          this.before = cueKind(prior.m);
          this.beforeSpan = [prior.start, prior.end];
        } else if (this.before === "neg" && OWNER_BEFORE_RE.test(low.slice(last.end, cs))) {
          // "not my SSN, my husband's: N": the denial gives another owner, not another kind
          this.before = negatedKind(low, last) ?? "neg";
        } else if (ID_KINDS.has(this.before) && DENIAL_NEGATION_AFTER_RE.test(low.slice(last.end, cs))) {
          // negated right after it, as Bengali and Korean put it ("এটা আমার SSN না —
          // 713789456 হলো ...": "this is not my SSN"; _cues._negated_after)
          this.before = "neg";
        }
        // "SSN and EIN: 234567891 and 123456780": the cues are shared out in order
        // (not a cue the number before took as its own, after it: "302-08-7630 is my
        // social, notice number 306129269, phone ..."; nor when the next number has a cue
        // of its own: "da minha conta, roteamento 652637070, conta 8748291386")
        // (not a name only before it: "Connecticut DRS, confirmation numbers N and M")
        if (
          prior !== null &&
          !WEAK_CUES_AFTER.has(prior.m[0]) &&
          (CUE_LIST_GAP_RE.test(low.slice(prior.end, last.start)) ||
            // (or two labels over two values, a PDF's rows run together: "Routing number
            // Account number 617958367 2871699970")
            (CUE_ROW_GAP_RE.test(low.slice(prior.end, last.start)) && PAIR_RE.test(this.text.norm.slice(cs, this.ce)))) &&
          this.joinedNext() &&
          !this.takenByPrev(prior.start) &&
          !(this.nx < low.length && nextCue(low, this.ce, this.nx) !== null) &&
          // (nor a negated identifier cue, which labels no number: "My husband has no
          // SSN, his ITIN is 973-92-3064. Mine is 146-91-0824")
          !negatesId(low, prior)
        ) {
          this.carryKind = this.before;
          this.before = cueKind(prior.m);
          this.beforeSpan = [prior.start, prior.end];
        }
      } else if ((far = this.answerFar(cs)) !== null) {
        this.before = cueKind(far.m);
        this.beforeEnd = far.end;
        this.beforeSpan = [far.start, far.end];
        this.soft = null;
      } else if (last === null && this.prev !== null && (this.joined(this.pe, cs) || this.anaphorCarried())) {
        // "SSN 234567891 and my wife's is 345678912": the previous number's cue (or "...
        // (085261408) — they were acquired and the new number is N"); or,
        // over a gap naming another owner, the kind the scopes gave it ("Mine is
        // 481340047 and Luis's is 488808839", the first under the message's topic)
        let kind = this.prev.carry();
        if (kind === null && CARRY_OWNER_RE.test(low.slice(this.pe, cs))) kind = this.prev.scopeKind();
        if (kind !== null) {
          this.before = kind;
          this.beforeEnd = this.pe;
          this.soft = true;
          this.carried = true;
        }
      } else if (last === null && this.prev === null) {
        // "my social is 6 9 1 0 1, wait no let me start over, 6 9 1 0 1 9 5 6 5"
        const kind = this.restarted();
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
  // Did the previous number, which has no cue before it, take the cue starting at start
  // as its cue after?
  // Is the negative cue last a negated identifier cue that sets the identifier cue prior
  // apart from it ("an ITIN not a social", "my EIN (not my SSN)")? (_contrasted)
  contrasted(prior, last) {
    const low = this.text.low;
    return (
      ID_KINDS.has(cueKind(prior.m)) &&
      DENIAL_NEGATION_RE.test(low.slice(last.start, last.start + 40)) &&
      CUE_CONTRAST_GAP_RE.test(low.slice(prior.end, last.start))
    );
  }

  takenByPrev(start) {
    const p = this.prev;
    // (in its own sentence: "... $130,183,276.51 but I got less.\nCT Tax Registration
    // No: 384306130 001 SSN: ..." leaves the label to the number after it)
    return (
      p !== null &&
      // (a number with no identifier's shape in it takes no cue: "[2/11/24, 7:45:55 PM]
      // Anna: yes routing 619680950 account ...")
      HINT_RE.test(this.text.norm.slice(p.cs, p.ce)) &&
      p.cueBefore() === null &&
      p.cueAfter() !== null &&
      p.afterStart === start &&
      !sentenceEndIn(SENTENCE_END_RE, this.text.norm, p.ce, start + 1)
    );
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
    if (PAIR_RE.test(own)) return true;
    if (own.includes(", ") || own.includes(",\n") || own.includes(" / ")) {
      // "234567891, 123456780" is one chunk (not "447-15-9089, 412 Maple Hill Rd": a house
      // number is no number a cue is shared out to)
      return own.split(/, |,\n| \/ /).slice(1).some((p) => p.replace(/[^0-9]/g, "").length >= RULES.cue_list_min_digits);
    }
    // (nor is a date: "unemployment, ssn 606954463, dob 5/9/92" keeps its SSN cue)
    return (
      this.nx < norm.length &&
      this.joined(this.ce, this.nx) &&
      norm.slice(this.nx, this.nxe).replace(/[^0-9]/g, "").length >= RULES.cue_list_min_digits
    );
  }
  // The cue kind a number joined on after this one takes (none from a date or an
  // amount: fewer than MIN_DIGITS digits).
  // The identifier kind the scopes give the number (a table column, a list, the
  // message's topic), or null (scope_kind).
  scopeKind() {
    const [forced, fallback] = this.text.scoped(this.cs, this);
    const kind = forced ?? fallback;
    return ID_KINDS.has(kind) ? kind : null;
  }
  carry() {
    let n = 0;
    for (let i = this.cs; i < this.ce; i++) if (this.text.norm[i] >= "0" && this.text.norm[i] <= "9") n++;
    if (n < MIN_DIGITS) return null;
    const kind = this.cueBefore();
    return this.carryKind ?? kind;
  }
  // Is the number, with no cue at all, joined on to a number written as a Social
  // Security number, next ("Me: 568107376. Wife: 583-32-3754") or just before it
  // ("Husband 850-45-3747, wife 241376297")?
  siblingSsn() {
    return this.sibling(writtenSsn);
  }
  // The same for a number written as a CT number ("Enfield (9554330-000) and New London
  // (2056241000)") (_sibling_ct).
  siblingCt() {
    return this.sibling(writtenCt);
  }
  sibling(written) {
    const norm = this.text.norm;
    const p = this.prev;
    if (written(norm, this.nx, this.nxe) && (this.joined(this.ce, this.nx) || this.listed(this.cs, this.ce, this.nx))) return true;
    return p !== null && written(norm, p.cs, p.ce) && (this.joined(p.ce, this.cs) || this.listed(p.cs, p.ce, this.cs));
  }
  // Do the number at norm[s:e] and the next, starting at nxt, each lead their line, one
  // line under the other, perhaps a note in brackets after the first? (_listed)
  listed(s, e, nxt) {
    const norm = this.text.norm;
    const ls = norm.lastIndexOf("\n", s - 1) + 1;
    return LIST_LEAD_RE.test(norm.slice(ls, s)) && LIST_BELOW_RE.test(norm.slice(e, nxt));
  }
  // Is the number directly introduced by a 'neg' cue ("Order #", "case no. ")?
  // Does the writer deny the number, with no identifier cue of its own before it
  // (introduced by a negative label, or denied after it)? (_Chunk.denied)
  denied() {
    return this.introducedByNeg() || this.deniedAfter();
  }
  // ... and not labelled an identifier right after ("My sin number is 103 43 6154 sorry
  // I mean my social")
  // Is the cue before the number a negated identifier cue that ends a sentence before it,
  // and an identifier's cue after it ("That number isn't our CT tax registration number.
  // 05-7575766 is the federal EIN"; _negated_before_sentence)?
  negatedBeforeSentence() {
    const span = this.beforeSpan;
    return (
      span !== null &&
      span !== undefined &&
      DENIAL_NEGATION_RE.test(this.text.low.slice(span[0], span[0] + 40)) &&
      /[.!?]/.test(this.text.norm.slice(span[1], this.cs)) &&
      ID_KINDS.has(this.cueAfter())
    );
  }
  // Is the cue before the number a negated identifier cue of a kind its digit groups
  // cannot be ("my tax id # (the one the IRS gave my LLC, not my social) is 56-4530830":
  // no SSN is written 2-7; denial.contrast_shapes)? It says what the number is not, and
  // denies nothing (_denies_other_shape).
  deniesOtherShape() {
    const span = this.beforeSpan;
    return span !== null && span !== undefined && this.otherShapeNegated(span[0], span[1]);
  }
  // Is the cue at s:e a negated identifier cue of a kind the number's digit groups cannot
  // be ("not my social" before a 2-7 number, "that's not an EIN" after a 3-2-4 one;
  // denial.contrast_shapes; _other_shape_negated)?
  otherShapeNegated(s, e) {
    const low = this.text.low;
    // (or says the writer has none of that kind: "we never got an EIN")
    const neg = DENIAL_NEGATION_RE.exec(low.slice(s, e)) ?? DENIAL_HAS_NONE_RE.exec(low.slice(s, e));
    if (neg === null) return false;
    const cue = nextCue(low, s + neg[0].length, e);
    return cue !== null && DENIAL_CONTRAST_SHAPES.has(cueKind(cue.m)) && !this.shapedAs(cue);
  }
  // Does the negated cue at s:e after a number whose groups say what it is
  // (denial.shape_speaks) only say what it is not, as otherShapeNegated, with no negative
  // cue after it in the sentence for what it is instead ("It shows 712-26-4984, but
  // that's not an EIN, that's my SSN"; not "..., it's the notice number"; _says_only_not)?
  saysOnlyNot(s, e) {
    const shape = this.shape();
    if (!DENIAL_SHAPE_SPEAKS.has(shape) || !this.otherShapeNegated(s, e)) return false;
    const end = this.relabelEnd(e);
    if (end < 0) return true;
    const low = this.text.low;
    const cue = nextCue(low, end, Math.min(low.length, end + CUE_WINDOW + MAX_CUE));
    return cue === null || cue.start - end > CUE_WINDOW || !NEG_KINDS.includes(cueKind(cue.m));
  }
  // The lengths of the number's digit groups, joined by commas ("3,2,4" for 712-26-4984;
  // _shape).
  shape() {
    return (this.text.norm.slice(this.cs, this.ce).match(/[0-9]+/g) || []).map((g) => g.length).join(",");
  }
  // Could the number's digit groups be an identifier of the cue's kind
  // (denial.contrast_shapes: "is the one on file, not my EIN" is no 3-2-4 number's)?
  // (_shaped_as)
  shapedAs(cue) {
    const shape = this.shape();
    return DENIAL_CONTRAST_SHAPES.get(cueKind(cue.m))?.has(shape) ?? false;
  }
  // Is the number directly introduced by a negative cue, bare or not ("Account Number: ")?
  // (named_by_neg)
  namedByNeg() {
    return NEG_KINDS.includes(this.cueBefore()) && this.introduced();
  }
  introducedByNeg() {
    const kind = this.cueBefore();
    // (or carried on from a number its negative cue introduced: "file refs 018-56-3271 and
    // 136-58-4869", or as that number put right: "Case no. 24-0091822 -- sorry, 24-0091288")
    const carried = this.carried && this.carriedNeg();
    return (
      ((kind === "neg" && ((this.introduced() && !this.negatedBeforeSentence() && !this.deniesOtherShape()) || carried)) ||
        (kind === "neg_bare" && (this.negOverBare() || this.bankAccount()))) &&
      !(labelledAt(this.text.low, this.ce) && ID_KINDS.has(this.cueAfter())) &&
      // "My member number is 878-31-0067 - oh wait, sorry, I'm reading off my social
      // security card"
      this.correctedTo(this.ce, true) === null
    );
  }
  // Is the cue after the number (cueAfter()'s) what the writer names it instead of an
  // identifier they deny at once? (after_relabelled)
  afterRelabelled() {
    if (this.cueAfter() === null) return false;
    const low = this.text.low;
    const r = nextCue(low, this.ce, this.afterStart);
    return r !== null && cueKind(r.m) === "neg" && DENIAL_NEGATION_RE.test(low.slice(r.start, r.start + 40));
  }
  // Was the number carried on from one its negative cue introduced, in a list under a plural
  // cue or as that number put right? (_carried_neg)
  carriedNeg() {
    const p = this.prev;
    if (p === null) return false;
    const gap = this.text.low.slice(this.pe, this.cs);
    if (CUE_LIST_GAP_RE.test(gap)) return p.introducedByNeg() && p.pluralBefore();
    return RESTART_CORRECTED_RE.test(gap) && p.introducedByNeg();
  }
  // Is the cue before the number plural ("file refs", "claim numbers")? (plural_before)
  // Is the cue after the number (cueAfter()'s) a bare "account", the department's portal's
  // word for a CT registration, no bank's, and no account's number? (account_after)
  accountAfter() {
    const low = this.text.low;
    // (not an account's number: "4924580-000 is my account number")
    return this.cueAfter() !== null && BARE_ACCOUNT.has(low.slice(this.afterStart, this.afterEnd)) && !NUMBER_WORD_RE.test(low.slice(this.afterEnd, this.afterEnd + 9));
  }
  // Is the cue that introduces the number a bare "account" ("a notice for account
  // 8255937-000"), the portal's word for a CT registration, and no bank's or other
  // account's (ct_tax_reg.account_before_not; account_before)?
  accountBefore() {
    const span = this.beforeSpan;
    if (span === null || span === undefined || !this.introduced()) return false;
    const low = this.text.low;
    const s = span[0];
    return BARE_ACCOUNT.has(low.slice(s, span[1])) && !ACCOUNT_BEFORE_NOT_RE.test(low.slice(Math.max(0, s - ACCOUNT_BEFORE_REACH), s));
  }
  pluralBefore() {
    const span = this.beforeSpan;
    return span !== null && PLURAL_CUE_RE.test(this.text.low.slice(span[0], span[1] + 9));
  }
  // Does a 'neg' cue introduce the number over the bare negative name nearest it ("claim
  // number (from DOL) is 109-21-9218")? (_neg_over_bare)
  negOverBare() {
    if (!this.beforeSpan) return false;
    const low = this.text.low;
    const s = this.beforeSpan[0];
    let last = null;
    for (const r of findIter(CUE_RE, low, Math.max(0, s - MAX_CUE), s)) last = r;
    return last !== null && cueKind(last.m) === "neg" && INTRO_RE.test(low.slice(last.end, this.cs));
  }
  // Does the bare "account" cue introducing nine digits name a bank's account: a bank
  // before the word ("bank says account 27-4412890") or right after the number ("account
  // number 52-8841107 at Chelsea Groton Bank"; _bank_account, account_bank)?
  bankAccount() {
    if (!this.beforeSpan) return false;
    const low = this.text.low;
    const [s, e] = this.beforeSpan;
    if (!low.startsWith("acc", s) || !INTRO_RE.test(low.slice(e, this.cs))) return false;
    // (nine digits, as an EIN or an SSN has: a card's number on a credit union's statement
    // is still a card's)
    if (this.text.norm.slice(this.cs, this.ce).replace(/[^0-9]/g, "").length !== 9) return false;
    return (
      ACCOUNT_BANK_BEFORE_RE.test(low.slice(Math.max(0, s - ACCOUNT_BANK_REACH), s)) ||
      ACCOUNT_BANK_AFTER_RE.test(low.slice(this.ce))
    );
  }
  // Is the cue before directly before the number, but for introducing words?
  // (or parted from it only by an aside: "My social, the way the agent wanted it: N")
  introduced() {
    return this.beforeEnd === this.asideEnd || INTRO_RE.test(this.text.low.slice(this.beforeEnd, this.cs));
  }
  // Is the number directly introduced by an EIN cue, with no SSN, ITIN or tax ID cue just
  // before that ("our federal ID is ", not "Member's SSN or FEIN: ")? (introduced_as_fein_only)
  introducedAsFeinOnly() {
    if (this.cueBefore() !== "fein" || !this.introducedById() || !this.beforeSpan) return false;
    const s = this.beforeSpan[0];
    for (const r of findIter(CUE_RE, this.text.low, Math.max(0, s - 16), s)) {
      if (PERSON_KINDS.has(cueKind(r.m))) return false;
    }
    return true;
  }
  // Does the number's line name a business before it ("Northwind Electric LLC 049153005")?
  businessLine() {
    const low = this.text.low;
    const at = this.at;
    // (after any number before it: a CSV's rows may have been joined by then)
    const lo = Math.max(low.lastIndexOf("\n", at - 1) + 1, at - RULES.business_reach, Math.min(this.pe, at));
    if (findIter(BUSINESS_NAME_RE, low, lo, at).next().done === false) return true;
    // or a field right after it gives its type as an EIN (`"tin": "543395541", "type": "EIN"`)
    BUSINESS_TYPE_AFTER_RE.lastIndex = this.ce;
    if (BUSINESS_TYPE_AFTER_RE.test(low)) return true;
    // ("TIN Type: FEIN" over "TIN: 511299715")
    // (after any number before it: '<Payee tinType="EIN" tin="N"/>' names no type for the
    // next row's number)
    const from = Math.max(0, at - RULES.business_type_before_reach, Math.min(this.pe, at));
    return findIter(BUSINESS_TYPE_BEFORE_RE, low, from, at).next().done === false;
  }
  // Is the number directly introduced by its own identifier cue ("my social is ", "SSN #")?
  introducedById() {
    return ID_KINDS.has(this.cueBefore()) && !this.carried && this.introduced();
  }
  // Does a correction's anaphor present the number (anaphor_carry) within reach after the
  // previous number, in its paragraph? (_anaphor_carried)
  anaphorCarried() {
    const { pe, cs } = this;
    return (
      cs - pe <= ANAPHOR_CARRY_REACH &&
      !PARAGRAPH_RE.test(this.text.norm.slice(pe, cs)) &&
      ANAPHOR_CARRY_RE.test(this.text.low.slice(Math.max(pe, cs - MAX_CUE), cs))
    );
  }
  // Does the number take an identifier cue carried from the number before over a gap that
  // names another owner ("your social as 011 49 12 03 and Marion's as ")? (carried_to_owner)
  carriedToOwner() {
    return ID_KINDS.has(this.cueBefore()) && this.carried && CARRY_OWNER_RE.test(this.text.low.slice(this.pe, this.cs));
  }
  // Is the number followed at once by its own identifier cue ("... 361 0 4 11 84 that's
  // my social")? (labelled_by_id)
  labelledById() {
    // (and not negated after it: "444 78 8081 सोसल सेक्युरिटी नम्बर होइन")
    return labelledAt(this.text.low, this.ce) && ID_KINDS.has(this.cueAfter()) && !this.negatedAfter();
  }
  // Is the number, with no identifier cue of its own before it, denied by a negative
  // cue after it in its clause: a negated identifier cue ("412-08-3317 isn't my SSN")
  // or one it is said to be ("... on the letter is our case number")?
  // Is the number, found as kind by its shape, denied that kind in a later clause that
  // refers back to it, before any other number (denial.later_*; _denied_later)?
  deniedLater(kind) {
    const low = this.text.low;
    const ce = this.ce;
    const end = Math.min(this.nx, ce + DENIAL.later_reach);
    let found;
    if (kind === "card") {
      found = [...findIter(LATER_CARD_RE, low, ce, end)].map((r) => [r.start, r.end]);
    } else {
      const kinds = LATER_KINDS[kind] ?? [];
      found = [...findIter(CUE_RE, low, ce, end, CUE_LOOK_BACK)]
        .filter((r) => cueKind(r.m) === "neg" && kinds.includes(negatedKind(low, r)))
        .map((r) => [r.start, r.end]);
    }
    for (const [s, e] of found) {
      // (in a later clause; a bare negation only where a sentence starts)
      let b = -1;
      for (const c of CLAUSE_MARKS) {
        const i = low.lastIndexOf(c, s - 1);
        if (i >= ce && i < s) b = Math.max(b, i);
      }
      if (b < ce) continue;
      const lead = low.slice(b + 1, s);
      if (!LATER_LEAD_RE.test(lead)) continue;
      if (!lead.trim() && !SENTENCE_MARKS.has(low[b])) continue;
      const rest = low.slice(e, e + LATER_REST);
      if (LATER_OWNER_RE.test(rest)) continue;
      const next = nextCue(low, e, Math.min(low.length, e + LATER_REST));
      if (next !== null && ID_KINDS.has(cueKind(next.m))) continue;
      return true;
    }
    return false;
  }
  deniedAfter(kind = null) {
    // withdrawn at once, even under its own cue ("Our federal EIN is 94-1878582\nCorrection
    // — I just realized that's the policy number")
    const fix = cueAfterGap(CORRECTION_GAP_RE, this.text.low, this.ce);
    if (fix !== null && NEG_KINDS.includes(cueKind(fix.m)) && !this.saysOnlyNot(fix.start, fix.end)) return true;
    if (answeredNo(this.text.lowLines, this.cs, this.ce)) return true; // "is this my social?? N" / "no"
    // "> ... N. Is that my social security number??" under "No mom, that's not your social"
    if (answeredAbove(this.text.lowLines, this.cs, this.ce)) return true;
    const before = this.cueBefore();
    if (before !== null && !NEG_KINDS.includes(before)) return this.ownCueDenied();
    const after = this.cueAfter();
    if (ID_KINDS.has(after)) return this.negatedAfter() || this.takenBack();
    if (kind !== null && this.deniedLater(kind)) return true;
    if (this.relativeDenied()) return true;
    // ("... is the IRS document locator, not our EIN": the negated cue after it is the
    // identifier set against what it is said to be)
    if ((after === null || NEG_KINDS.includes(after)) && this.contrastDenied()) return true;
    if (!NEG_KINDS.includes(after) || this.saysOnlyNot(this.afterStart, this.afterEnd)) return false;
    // a card word names it, as its own cue would: a bare negative name a later clause
    // says something is, not negated, is another thing's ("my own Visa 4707124204605444
    // and that went through but it's charging her account")
    if (kind === "card" && after === "neg_bare" && this.cardNamedApart(this.text.low, this.ce, this.afterStart)) return false;
    const gap = this.text.low.slice(this.ce, this.afterStart);
    if (DENIAL_BREAK_RE.test(gap)) {
      // a negated cue, or one the number is said to be ("... 514-62-3309. That's the
      // claim number"), reaches into the next clause when it starts with a pronoun for it
      return (
        (DENIAL_NEGATION_RE.test(this.text.low.slice(this.afterStart, this.afterStart + 40)) || DENIAL_COPULA_RE.test(gap)) &&
        DENIAL_NEXT_CLAUSE_RE.test(gap) &&
        !this.relabelled(this.afterEnd)
      );
    }
    const denied =
      DENIAL_NEGATION_RE.test(this.text.low.slice(this.afterStart, this.afterStart + 40)) ||
      DENIAL_COPULA_RE.test(gap) ||
      DENIAL_BRACKET_RE.test(gap); // "670-60-4372 (ticket #)"
    return denied && !this.relabelled(this.afterEnd);
  }
  // Is the number, put under the identifier cue after it ("I wrote 51-3253576 in the EIN
  // box"), then said to be something else: a negative cue that the same clause, or the
  // next one starting with a pronoun for the number, says it is ("... by mistake. That's
  // actually my credit union member number")? Not when that is negated, nor when the
  // negative cue labels a number of its own (_taken_back).
  // Is the number denied after a relative clause that follows it ("The number 512-33-8081
  // I gave to your agent on the phone is my insurance claim number"): the gap to a
  // negative cue after it within DENIAL_RELATIVE_REACH, before any identifier cue, is such
  // a clause, and that cue is negated or said to be, and not relabelled (_relative_denied)?
  // (A negative cue passed on the way names a place: "... on the phone is ...".)
  // Is the identifier cue after the number, in its clause, negated after it, as Korean,
  // Hindi, Nepali, Bengali, Urdu, Japanese and Turkish do ("711-04-2551 은 제 사회보장번호가 아니라 …"), and not
  // relabelled (_negated_after)? The cue may stand in the next clause when that starts
  // with a pronoun for the number ("…, o benim sosyal güvenlik numaram değil").
  negatedAfter() {
    const low = this.text.low;
    if (!DENIAL_NEGATION_AFTER_RE.test(low.slice(this.afterEnd, this.afterEnd + 40))) return false;
    const gap = low.slice(this.ce, this.afterStart);
    const brk = gap.search(DENIAL_BREAK_RE);
    return (brk < 0 || DENIAL_NEGATION_AFTER_LEAD_RE.test(gap.slice(brk))) && !this.relabelled(this.afterEnd);
  }
  // Could the number hold as many digits as an identifier of kind (the lengths of
  // denial.contrast_shapes)? Yes for a kind they do not name (_digits_could_be).
  digitsCouldBe(kind) {
    const shapes = DENIAL_CONTRAST_SHAPES.get(kind ?? "");
    if (shapes === undefined) return true;
    const n = (this.text.norm.slice(this.cs, this.ce).match(/[0-9]/g) || []).length;
    return [...shapes].some((s) => s.split(",").reduce((a, b) => a + Number(b), 0) === n);
  }
  // Is the number, with no cue near it, said in its sentence to be something else and
  // then set against an identifier its digit groups could be ("The number 46-0098213 on
  // our letter is the IRS document locator something or other, not our EIN";
  // _contrast_denied)?
  contrastDenied() {
    const low = this.text.low;
    const ce = this.ce;
    const end = Math.min(this.nx, low.length, ce + 2 * CUE_WINDOW);
    const m = DENIAL_CONTRAST_RE.exec(low.slice(ce, end));
    if (m === null || !DENIAL_CONTRAST_SAID_RE.test(low.slice(ce, ce + m.index))) return false;
    if (sentenceEndIn(SENTENCE_END_RE, this.text.norm, ce, ce + m.index)) return false;
    const at = ce + m.index + m[0].length;
    const cue = nextCue(low, at, at + MAX_CUE);
    if (cue === null || cue.start !== at) return false;
    return this.shapedAs(cue);
  }
  relativeDenied() {
    const low = this.text.low;
    const ce = this.ce;
    if (!DENIAL_RELATIVE_RE.test(low.slice(ce, ce + DENIAL_RELATIVE_REACH + MAX_CUE))) return false;
    const end = Math.min(this.nx, low.length, ce + DENIAL_RELATIVE_REACH + MAX_CUE);
    let cue = nextCue(low, ce, end);
    while (cue !== null && cue.start - ce <= DENIAL_RELATIVE_REACH && NEG_KINDS.includes(cueKind(cue.m))) {
      const gap = low.slice(ce, cue.start);
      if (
        DENIAL_RELATIVE_FULL_RE.test(gap) &&
        (DENIAL_NEGATION_RE.test(low.slice(cue.start, cue.start + 40)) || DENIAL_COPULA_RE.test(gap))
      ) {
        return !this.relabelled(cue.end);
      }
      cue = nextCue(low, cue.end, end);
    }
    return false;
  }
  // A bank's pair, its account labelled after a slash ("672966679 / acct 0415980527"):
  // the number with no cue of its own, or only the account's, before the account is the
  // routing number (_routing_pair); else kind.
  // Is the number a card its card word names (cardNamed), and the copula before the
  // negative cue at cue, not negated, in a later clause joined by "and", "but" or "so"
  // ("... and that went through but it's charging her account"), so that the cue is no
  // label of the number ("... 4707124204605444 - that's my account number" is)?
  // (_card_named_apart)
  cardNamedApart(low, ce, cue) {
    if (DENIAL_NEGATION_RE.test(low.slice(cue, cue + 40))) return false;
    const gap = low.slice(ce, cue);
    const copula = DENIAL_COPULA_RE.exec(gap);
    return copula !== null && CLAUSE_JOIN_RE.test(gap.slice(0, copula.index)) && this.cardNamed();
  }
  // Is the number a valid card number a card word (card.words) names right before it,
  // one space, a "#" or a colon between ("my own Visa 4707124204605444")? (_card_named)
  cardNamed() {
    const norm = this.text.norm;
    const at = this.at;
    if (!cardOk(norm.slice(at, this.ce).replace(/[^0-9]/g, ""))) return false;
    const last = cardWordBefore(this.text, at, Math.max(0, at - RULES.card.words_reach));
    return last !== null && CARD_WORD_GAP_RE.test(norm.slice(last.end, at));
  }
  routingPair(kind) {
    if (kind !== null && !NEG_KINDS.includes(kind)) return kind;
    ROUTING_PAIR_AFTER_RE.lastIndex = this.ce;
    return ROUTING_PAIR_AFTER_RE.test(this.text.low) ? "routing" : kind;
  }

  takenBack() {
    const low = this.text.low;
    const pos = this.afterEnd;
    // (the writer explains: twice the window, "... in the FEIN field on the exemption form
    // but that's our vendor's invoice number")
    // (the first negative one: a place named on the way is no relabelling, "... into the
    // FEIN box on the registration, but that's actually our client ID")
    const end = Math.min(low.length, pos + 2 * CUE_WINDOW + MAX_CUE);
    let cue = nextCue(low, pos, end);
    while (cue !== null && !NEG_KINDS.includes(cueKind(cue.m))) cue = nextCue(low, cue.end, end);
    if (cue === null || cue.start - pos > 2 * CUE_WINDOW) return false;
    if (this.deniedOutright(cue)) return true;
    // (nor one negated after another kind it is said to be: "... but that is my
    // company's EIN not my social")
    // (nor one that goes on to say what the number is instead: "... you call 715-92-6988 my
    // ITIN. That's not my ITIN, it's my social security number")
    if (negatedKind(low, cue) !== null && (otherIdCue(low, pos, cue.start, this.after) || this.relabelled(cue.end))) return false;
    let gap = low.slice(pos, cue.start);
    // a clause denying the cue at once is passed over ("... was my SSN — it isn't,
    // that's my driver's license number")
    const lead = DENIAL_TAKEN_BACK_LEAD_RE.exec(gap);
    if (lead !== null) gap = gap.slice(lead[0].length);
    if (!DENIAL_COPULA_RE.test(gap) || NEGATED_RE.test(gap)) return false;
    if (DENIAL_BREAK_RE.test(gap) && !DENIAL_NEXT_CLAUSE_RE.test(gap)) return false;
    return this.nx >= low.length || DENIAL_BREAK_RE.test(low.slice(cue.end, this.nx));
  }
  // Is the number its own identifier cue introduces denied in the next clause, which
  // starts with a pronoun for it, by that same cue negated ("The notice lists an SSN of
  // 871-11-2206 — that is NOT my social security number"), and not handed to another
  // owner (_own_cue_denied)?
  ownCueDenied(acrossLines = true) {
    const low = this.text.low;
    const ce = this.ce;
    const cue = nextCue(low, ce, Math.min(low.length, ce + CUE_WINDOW + MAX_CUE));
    if (cue === null || cue.start - ce > CUE_WINDOW) return false;
    if (!acrossLines && low.slice(ce, cue.start).includes("\n")) return false;
    if (NEG_KINDS.includes(cueKind(cue.m)) && negatedKind(low, cue) === null) return this.saidElseAndNegated(cue);
    // or said in its clause not to be that kind, the negation after the cue, as Korean
    // and Japanese do ("양식 SSN 칸에 적은 502692659 는 제 SSN이 아니라 ...")
    if (
      cueKind(cue.m) === this.cueBefore() &&
      DENIAL_NEGATION_AFTER_RE.test(low.slice(cue.end, cue.end + 40)) &&
      !DENIAL_BREAK_RE.test(low.slice(ce, cue.start)) &&
      // (not after "and" begins a new clause: "मेरा SSN N है और मेरी पत्नी के पास SSN नहीं है")
      !DENIAL_CLAUSE_AND_RE.test(low.slice(ce, cue.start))
    ) {
      return !this.relabelled(cue.end);
    }
    return this.ownCueNegated(cue) && !this.relabelled(cue.end);
  }
  // Is cue, the first after the number, the number's own cue before it negated in the
  // next clause, which starts with a pronoun for it, or in its own clause ("The FEIN your
  // notice lists (34-8991286) is not our FEIN"; _own_cue_negated)?
  ownCueNegated(cue) {
    const low = this.text.low;
    const gap = low.slice(this.ce, cue.start);
    const own = DENIAL_OWN_COPULA_RE.test(gap) && !DENIAL_OWN_COPULA_OWNER_RE.test(cue.m[0]);
    return (DENIAL_NEXT_CLAUSE_RE.test(gap) || own) && negatedKind(low, cue) === this.cueBefore();
  }
  // The identifier cue of another kind the number is named by instead, when the next
  // clause negates its own cue before it on its line and goes on to say what it is ("I
  // wrote \"EIN: 657-88-2253\" — that's not an EIN, it's my SSN"), or null
  // (own_cue_relabelled).
  ownCueRelabelled() {
    const low = this.text.low;
    const ce = this.ce;
    const cue = nextCue(low, ce, Math.min(low.length, ce + CUE_WINDOW + MAX_CUE));
    if (cue === null || cue.start - ce > CUE_WINDOW || low.slice(ce, cue.start).includes("\n")) return null;
    if (!this.ownCueNegated(cue)) return null;
    return this.relabelledOther(cue, this.cueBefore());
  }
  // The identifier cue of another kind the number is named by instead, when the
  // identifier cue after it is negated at once, in its clause or the next one starting
  // with a pronoun for the number, and the sentence goes on to say what it is ("929732390
  // — someone wrote \"EIN\" next to it. It's not an EIN, it's my ITIN"), or null
  // (_after_cue_relabelled).
  afterCueRelabelled() {
    const low = this.text.low;
    const pos = this.afterEnd;
    const cue = nextCue(low, pos, Math.min(low.length, pos + CUE_WINDOW + MAX_CUE));
    if (cue === null || cue.start - pos > CUE_WINDOW || negatedKind(low, cue) !== this.after || !denialGap(low.slice(pos, cue.start))) {
      return null;
    }
    return this.relabelledOther(cue, this.after);
  }
  // The identifier cue the sentence goes on to name the number by after the negated cue,
  // when it is of another kind than kind, or null (_relabelled_other).
  relabelledOther(cue, kind) {
    const instead = this.relabelCue(cue.end);
    return instead === null || cueKind(instead.m) === kind ? null : instead;
  }
  // Does the next clause, which starts with a pronoun for the number, say it is the
  // negative cue and then negate the number's own cue ("... I said my SSN was 780745707.
  // Sorry, that was the notice number off the letter, not my SSN"; _said_else_and_negated)?
  saidElseAndNegated(cue) {
    const low = this.text.low;
    if (!DENIAL_NEXT_CLAUSE_RE.test(low.slice(this.ce, cue.start))) return false;
    const nxt = nextCue(low, cue.end, Math.min(low.length, cue.end + CUE_WINDOW + MAX_CUE));
    return (
      nxt !== null &&
      nxt.start - cue.end <= CUE_WINDOW &&
      !sentenceEndIn(SENTENCE_END_RE, this.text.norm, cue.end, nxt.start) &&
      negatedKind(low, nxt) === this.cueBefore()
    );
  }
  // Is the negative cue after the identifier cue after the number that same cue negated,
  // in its clause or in the next one starting with a pronoun for the number ("654-64-6722
  // but she kept calling it my social. It is NOT my social security number, it's the
  // claim number"), and not handed to another owner (_denied_outright)?
  deniedOutright(cue) {
    const low = this.text.low;
    return (
      negatedKind(low, cue) === this.after &&
      denialGap(low.slice(this.afterEnd, cue.start)) &&
      !this.relabelled(cue.end) &&
      // (not "... but that is my company's EIN not my social": the kind it is said to be)
      !otherIdCue(low, this.afterEnd, cue.start, this.after)
    );
  }
  // Does the sentence go on to say what the number is instead, an identifier ("... is
  // NOT a social security number, it's my ITIN")?
  relabelled(pos) {
    const end = this.relabelEnd(pos);
    if (end < 0) return false;
    if (DENIAL_OWNER_RE.test(this.text.low.slice(end, end + 80))) return true; // "... it's my husband's": whose, not what
    return this.instead(end) !== null;
  }
  // Does the sentence go on to say whose the number is ("... it's my wife's";
  // _owner_relabelled)?
  ownerRelabelled(pos) {
    const end = this.relabelEnd(pos);
    return end >= 0 && DENIAL_OWNER_RE.test(this.text.low.slice(end, end + 80));
  }
  // Where a relabelling ("it's", "es") in the sentence after pos ends, or -1 (_relabel_end).
  relabelEnd(pos) {
    const low = this.text.low;
    const found = findIter(RELABEL_RE, low, pos, Math.min(low.length, pos + CUE_WINDOW)).next();
    if (found.done || sentenceEndIn(SENTENCE_END_RE, this.text.norm, pos, found.value.start)) return -1;
    return found.value.end;
  }
  // The identifier cue a relabelling that ends at pos names ("it's my business EIN"), or
  // null (_instead).
  instead(pos) {
    const low = this.text.low;
    const cue = nextCue(low, pos, Math.min(low.length, pos + CUE_WINDOW + MAX_CUE));
    // (one character more: a sentence end is seen by the capital after it)
    // (not a name alone: "... is NOT our EIN, it's the DRS reference number": WEAK_CUES_AFTER)
    if (cue !== null && cue.start - pos <= CUE_WINDOW && ID_KINDS.has(cueKind(cue.m)) && !WEAK_CUES_AFTER.has(cue.m[0]) && !sentenceEndIn(SENTENCE_END_RE, this.text.norm, pos, cue.start + 1)) {
      return cue;
    }
    return null;
  }
  // The identifier cue the sentence goes on to name the number by, after a negated cue
  // that ends at pos ("... is NOT my social, it's my business EIN"), or null (_relabel_cue).
  relabelCue(pos) {
    const end = this.relabelEnd(pos);
    return end < 0 ? null : this.instead(end);
  }
  // The identifier cue a correction names the number by, within twice the window after
  // the negative cue that ends at pos and before the next number (_corrected_to).
  correctedTo(pos, mistake = false) {
    const r = findIter(mistake ? DENIAL_MISTAKE_RE : DENIAL_CORRECTED_RE, this.text.low, pos, Math.min(this.nx, pos + 2 * CUE_WINDOW)).next();
    return r.done ? null : this.instead(r.value.end);
  }
  // The identifier cue of an abandoned start of this number just before it: digits,
  // too few for an identifier, that begin this number's, in the same paragraph, with
  // that cue before them and no other digit between (_restarted).
  restarted() {
    const { norm, low } = this.text;
    const { pe, cs } = this;
    if (pe === 0 || cs - pe > RESTART.max_gap || PARAGRAPH_RE.test(norm.slice(pe, cs))) return null;
    // back over the run before pe, no further than a start too long to be one
    let fs = pe;
    const reach = Math.max(0, pe - 4 * MIN_DIGITS);
    while (fs > reach && "0123456789 -.".includes(norm[fs - 1])) fs--;
    if (fs === reach && fs > 0 && "0123456789 -.".includes(norm[fs - 1])) return null;
    const start = norm.slice(fs, pe).replace(/[^0-9]/g, "");
    const own = norm.slice(cs, this.ce).replace(/[^0-9]/g, "");
    if (!(RESTART.min_digits <= start.length && start.length < MIN_DIGITS)) return null;
    // (or all but its last digit, said wrong and corrected: "2 9 1 3 0 no sorry 2 9 1 3
    // 7 2 2 8 1")
    if (
      !own.startsWith(start) &&
      !(start.length > RESTART.min_digits && own.startsWith(start.slice(0, -1)) && RESTART_CORRECTED_RE.test(low.slice(pe, cs)))
    ) {
      return null;
    }
    let last = null;
    for (const r of findIter(CUE_RE, low, Math.max(0, fs - CUE_WINDOW - MAX_CUE), fs)) {
      if (r.m[VOID] === undefined) last = r;
    }
    if (last === null || fs - last.end > CUE_WINDOW || /[0-9]/.test(low.slice(last.end, fs))) return null;
    const kind = cueKind(last.m);
    return ID_KINDS.has(kind) ? kind : null;
  }
  cueAfter() {
    if (this.after === false) {
      const low = this.text.low;
      const { ce, nx } = this;
      const r = weakQualifier(low, nextCue(low, ce, Math.min(nx, ce + CUE_WINDOW + MAX_CUE)), nx);
      let kind = null;
      // a cue after the number does not reach back over a paragraph break (but from a
      // line pointing up at it: "447939120\n\n^ that's my husband's SSN")
      PARAGRAPH_CARET_RE.lastIndex = ce;
      if (
        r !== null &&
        r.start - ce <= CUE_WINDOW &&
        (!PARAGRAPH_RE.test(low.slice(ce, r.start)) || PARAGRAPH_CARET_RE.test(low)) &&
        // "> FEIN?\n371127297\n> CT Tax Registration Number (if any)?": a question below
        // asks for what comes under it
        !questionBelow(low, ce, r.start, r.end) &&
        // nor into another speaker's turn ("Me: 624328100" / "Hubby: and you used your itin")
        !turnApart(this.text.lowLines, ce, r.start)
      ) {
        // the cue belongs to the next number instead if it is that number's nearest cue
        const boundForward =
          nx < low.length &&
          // "126469884   <- bank routing": an arrow's label is this number's
          !ARROW_LABEL_GAP_RE.test(low.slice(ce, r.start)) &&
          nx - r.end <= CUE_WINDOW &&
          nextCue(low, r.end, nx) === null &&
          // (a label line over its number: "FEIN?\n4778... \nCT reg #?\n8570...", "Agent: And
          // the account?\nCaller: 467177012")
          ((!sentenceEndIn(SENTENCE_END_RE, this.text.norm, r.end, nx) && !sentenceEndIn(SENTENCE_SOFT_RE, this.text.norm, r.end, nx + 1)) ||
            LABEL_LINE_END_RE.test(low.slice(r.end, nx))) &&
          // only a number that could be an identifier (or a placeholder) takes the
          // cue: "... is my SSN my payment was $1,250.00" keeps the SSN (nor, an
          // identifier's cue, a year before its noun: "N is my itin, I need my 2022 CT-1040")
          // (nor any cue a copula after this number gives it: "702-33-9184 is my OLD
          // confirmation number from the 2022 e-file")
          couldBind(this.text.norm, nx, this.nxe, ID_KINDS.has(cueKind(r.m)) || copulaAfter(low, ce)) &&
          // a number labelled after keeps the cue before it for the one before
          // ("245797602 routing 123582401919 = acct"; not by a label with its own number
          // after it: "... routing 309437772 acct 14200162900")
          !labelledOnly(low, this.nxe) &&
          // a line's label after its value ("629563951 social" over "06-15-1958 DOB")
          // is the value's
          !lineLabel(low, ce, r.start, r.end, nx) &&
          // a negated cue denying this number stays its own ("555-71-1567 is not my SSN,
          // mine ends in 5919")
          !deniesBack(low, ce, r) &&
          // as does one it is said to be at once ("930902780 is my husband's ITIN and
          // 947546854 is mine")
          !saidToBe(low, ce, r.start);
        // a cue that is only a name ("Connecticut") stays in the number's sentence
        if (!boundForward && !(WEAK_CUES_AFTER.has(r.m[0]) && sentenceEndIn(SENTENCE_END_RE, this.text.norm, ce, r.start))) {
          let cue = r;
          kind = cueKind(r.m);
          if (kind === "neg" && DENIAL_NEGATION_RE.test(low.slice(r.start, r.start + 40))) {
            // "... is NOT my social, it's my business EIN": what it is instead
            const instead = this.relabelCue(r.end);
            if (instead !== null) {
              cue = instead;
              kind = cueKind(instead.m);
            } else if (this.ownerRelabelled(r.end)) {
              // "357556313 is not my ssn, it's my wife's": whose, not what
              kind = negatedKind(low, r) ?? kind;
            } else if (!this.digitsCouldBe(negatedKind(low, r))) {
              // "1312447-000 is not my Social Security number": it could not be one, and is
              // what its own shape says
              kind = null;
            }
          } else if (kind === "neg" || kind === "neg_bare") {
            // "I called 831493631 my case number. I was wrong — that's actually my social
            // security number": what it is after all
            const instead = this.correctedTo(r.end);
            if (instead !== null) {
              cue = instead;
              kind = cueKind(instead.m);
            }
          }
          this.afterStart = cue.start;
          this.afterEnd = cue.end;
        }
      } else if (r === null && nx < low.length) {
        // "Mine is N and my wife's is M (social security numbers)": a plural cue after
        // the list, in the same sentence, covers every number of it
        const p = nextCue(low, nx, ce + CUE_WINDOW + MAX_CUE);
        if (
          p !== null &&
          p.start - ce <= CUE_WINDOW &&
          PLURAL_CUE_RE.test(low.slice(p.start, p.end + 9)) &&
          !sentenceEndIn(SENTENCE_END_RE, this.text.norm, ce, p.start) &&
          !PARAGRAPH_RE.test(low.slice(ce, p.start))
        ) {
          kind = cueKind(p.m);
          this.afterStart = p.start;
          this.afterEnd = p.end;
        }
      }
      this.after = kind;
    }
    return this.after;
  }
  // Is the cue the last cue() answer came from one that only names the state, the
  // department, its portal or a tax (weak_cues_after), not a label?
  namedOnly() {
    return this.from !== null && WEAK_CUES_AFTER.has(this.text.low.slice(this.from[0], this.from[1]));
  }
  // first is "listed" for a piece after ", " inside the chunk: it takes the chunk's cue
  // softly, like a joined number.
  cue(first, last) {
    this.from = null;
    this.byScopeOnly = false;
    // (a check line's transit field is a routing number whatever a scope says: "DRS
    // cashed it twice:\n\n:687943975: 5500128441#", cueBefore)
    const micr = this.at === this.cs && betweenMarks(this.text.norm, this.cs, this.ce);
    const [forced, fallback] = micr ? [null, null] : this.text.scoped(this.at, this);
    if (forced !== null) return forced;
    let soft = false;
    let corrected = false;
    let kind = null;
    let carried = first === "listed";
    if (first === true) {
      kind = this.cueBefore();
      soft = kind !== null && last && this.isSoft();
      carried = this.carried;
      if (!carried) this.from = this.beforeSpan;
    } else if (carried) {
      kind = this.carry();
      soft = last;
    }
    if (kind === null) {
      if (last) {
        kind = this.cueAfter();
        // the tail of a longer run of groups, a space after digits before it, takes only
        // a cue that labels it at once in its own sentence ("Steuer-ID 47 036 892 816.
        // Eine amerikanische SSN habe ich nicht", "... is 86 095 742 719 — I don't need a
        // US ITIN") (_own_cue_after)
        const norm = this.text.norm;
        if (
          kind !== null &&
          first === false &&
          norm[this.at - 1] === " " &&
          norm[this.at - 2] >= "0" && norm[this.at - 2] <= "9" &&
          (sentenceEndIn(SENTENCE_END_RE, norm, this.ce, this.afterStart) || !labelledAt(this.text.low, this.ce))
        )
          kind = null;
        // a CT number's ten digits keyed into the phone line keep its kind over a cue of
        // another kind in a later sentence ("Keyed 1024073008 then #. ... the EIN")
        if (
          fallback === "ct" &&
          ID_KINDS.has(kind) &&
          kind !== "ct" &&
          norm.slice(this.at, this.ce).replace(/[^0-9]/g, "").length === RULES.ct_tax_reg.base_min + RULES.ct_tax_reg.location_length &&
          sentenceEndIn(SENTENCE_END_RE, norm, this.ce, this.afterStart)
        )
          kind = null;
        if (kind !== null) this.from = [this.afterStart, this.afterEnd];
        // put under that label by mistake, then said to be another identifier ("I put
        // 802880871 in the EIN box by accident (it's my bank routing)")
        const fix = ID_KINDS.has(kind) ? this.correctedTo(this.afterEnd, true) : null;
        if (fix !== null && cueKind(fix.m) !== kind) {
          kind = cueKind(fix.m);
          this.from = [fix.start, fix.end];
        }
        // put under that label, then said to be something else ("I called 721556219 my
        // SSN by mistake. That's actually my credit union member number")
        // or negated after it ("331608967 लिखा था वह मेरा सोशल सिक्योरिटी नंबर नहीं है")
        if (ID_KINDS.has(kind) && (this.takenBack() || this.negatedAfter())) kind = "neg";
        kind = this.routingPair(kind);
      }
    } else if (
      soft ||
      (NEG_KINDS.includes(kind) && last && labelledAt(this.text.low, this.ce)) ||
      // "SSN: 044980050 oops no that's the routing number": withdrawn at once
      (corrected = last && correctedAt(this.text.low, this.ce)) ||
      // "In the box marked SSN I mistakenly put 088813662, which is my bank's routing
      // number": said what it is, under a cue that does not introduce it
      (last && ID_KINDS.has(kind) && !this.introduced() && cueAcross(LABEL_AFTER_CLAUSE_RE, this.text.low, this.ce))
    ) {
      // a cue before a soft sentence end (or a carried one) yields to the number's
      // own cue after it in the same sentence ("... and 345678912. Call me" keeps it),
      // and a negative cue before to an identifier's label right after the number ("my
      // account 675548978 — federal ID")
      const after = this.cueAfter();
      if (after === null && last) {
        // withdrawn at once past a blank line ("... is 572649574\n\nsorry!! that's my
        // employee ID from work")
        const fix = cueAfterGap(CORRECTION_GAP_RE, this.text.low, this.ce);
        if (fix !== null) {
          kind = cueKind(fix.m);
          this.from = [fix.start, fix.end];
        }
      }
      if (
        after !== null &&
        // a carried negative cue stays ("Invoices 123456789 and 234567891 were paid,
        // my SSN is on file"), unless the number's label follows at once ("la cuenta
        // 902202782493 y el 311672509 que es el número de ruta")
        !(carried && NEG_KINDS.includes(kind) && !NEG_KINDS.includes(after) && !labelledAt(this.text.low, this.ce)) &&
        // (a correction may be the next sentence: "Tax ID on the form is N. Correction -
        // that's actually the business EIN")
        (corrected || !sentenceEndIn(SENTENCE_END_RE, this.text.norm, this.ce, this.afterStart)) &&
        // a bare negative name further on in the sentence is not the number's label ("...
        // and mine is 489558233 and we got two letters saying different amounts"), unless
        // a correction names it ("011300142 -- no sorry, that's my account number")
        !(after === "neg_bare" && ID_KINDS.has(kind) && !labelledAt(this.text.low, this.ce) && !corrected)
      ) {
        kind = after;
        this.from = [this.afterStart, this.afterEnd];
      }
    }
    if (kind === null) {
      if (fallback === null && first === true && last) {
        if (this.siblingSsn()) return "ssn";
        if (this.siblingCt()) return "ct";
      }
      this.byScopeOnly = fallback !== null;
      return fallback;
    }
    kind = this.mistakenKind(kind, last);
    return kind === "neg_bare" ? "neg" : kind;
  }
  // A negative kind the writer takes back at once, naming the mistake ("'case number
  // 587-07-7072' - I mixed up my papers, that is my social security number"): the
  // identifier's kind; else kind (_mistaken_kind).
  mistakenKind(kind, last) {
    if (!last) return kind;
    // asked about and answered "no": "Me: is this my social?? 722999496\nMarek: no"
    if (ID_KINDS.has(kind)) {
      const asked = answeredNo(this.text.lowLines, this.cs, this.ce) || answeredAbove(this.text.lowLines, this.cs, this.ce);
      if (asked) return "neg";
      // said in its own clause not to be the kind its cue before it names ("The FEIN your
      // notice lists (348991286) is not our FEIN")
      if (this.from !== null && this.from === this.beforeSpan) {
        if (this.ownCueDenied(false)) return "neg";
        // or said not to be that kind and named another ("I wrote \"EIN: 657-88-2253\" —
        // that's not an EIN, it's my SSN")
        const instead = this.ownCueRelabelled();
        if (instead !== null) {
          this.from = [instead.start, instead.end];
          return cueKind(instead.m);
        }
      }
      // called one kind after it, then corrected to another ("I called 633559836 my CT
      // registration number. It's actually our federal EIN")
      if (this.cueBefore() === null && this.cueAfter() === kind) {
        const instead = this.correctedTo(this.afterEnd) ?? this.afterCueRelabelled();
        if (instead !== null && ID_KINDS.has(cueKind(instead.m))) {
          this.from = [instead.start, instead.end];
          return cueKind(instead.m);
        }
      }
      return kind;
    }
    if (!NEG_KINDS.includes(kind)) return kind;
    const instead = this.correctedTo(this.ce, true);
    if (instead === null) return kind;
    this.from = [instead.start, instead.end];
    return cueKind(instead.m);
  }
}

// Is norm.slice(s, e) written as a CT number, a 7-digit base, a hyphen and a location
// code 00x (1234567-000), not the instructions' example nor a placeholder of one digit?
// (_written_ct)
function writtenCt(norm, s, e) {
  if (e - s !== CT_WRITTEN || norm[s + 7] !== "-" || !norm.startsWith("00", s + 8)) return false;
  const base = norm.slice(s, s + 7);
  // (nor a placeholder of one digit: 0000000-000)
  return /^[0-9]{8}$/.test(base + norm[e - 1]) && !RULES.ct_tax_reg.placeholder_bases.includes(base) && !/^(.)\1*$/.test(base);
}

// Is norm.slice(s, e) written as a Social Security number (123-45-6789) and valid as one,
// or as an ITIN written so ("el número de él es 909-92-5702 y el mío es 399425418")?
function writtenSsn(norm, s, e) {
  if (e - s !== SSN_WRITTEN || !SSN_WRITTEN_RE.test(norm.slice(s, e))) return false;
  return ssnOrItin(norm.slice(s, s + 3) + norm.slice(s + 4, s + 6) + norm.slice(s + 7, e)) !== null;
}

// Does a speaker's turn ("11:16 Customer: ") open the line of the number at cs, a line
// after end (_cues._turn_opens)?
// what ends the sentence of a question turn's cue before it ("... for sales tax. Bank
// routing?"; _TURN_SENTENCE_ENDS)
const TURN_SENTENCE_ENDS = [". ", "? ", "! "];

// Does the number at cs open a speaker's turn ("Me: ", "[10:16] You: ") on the line right
// under the cue ending at end, with no sentence end between them but that line's break?
// (_turn_answers; low: the copy with its line breaks)
function turnAnswers(low, norm, end, cs, lead = true) {
  const ls = low.lastIndexOf("\n", cs - 1);
  if (ls < end || low.slice(end, ls).includes("\n")) return false;
  const turn = TURN_SPEAKER_RE.exec(low.slice(ls + 1, cs));
  if (turn === null) return false;
  // (a few words may open the turn before it: "CALLER: Hang on, I'm getting the checkbook.
  // Okay, N": turn_answer_lead)
  const gap = low.slice(ls + 1 + turn[0].length, cs);
  return (
    (gap.replace(/[ \t]/g, "") === "" || (lead && gap.length <= TURN_ANSWER_LEAD_REACH && TURN_ANSWER_LEAD_RE.test(gap))) &&
    !sentenceEndIn(SENTENCE_END_RE, norm, end, ls)
  );
}

function turnOpens(low, end, cs) {
  const ls = low.lastIndexOf("\n", cs - 1);
  return ls >= end && TURN_SPEAKER_RE.exec(low.slice(ls + 1, cs)) !== null;
}

// Is the number ending at ce on a turn of one speaker ("Me: 624328100") and the cue
// starting at start on a later line, another speaker's turn (_turn_apart)? (low: the copy
// with its line breaks)
const HEADER_ABOVE_LINES = 4; // how far above a number its speaker's header line is looked for
// a header line (_rules.HEADER_LINE_LOW_RE), read in a lower-cased copy
const HEADER_LINE_LOW_RE = new RegExp(RULES.rewrites.header_line.replaceAll("<T>", RULES.rewrites.header_time), "iy");

// The speaker a header line starting at ls names, or null (_header_name).
function headerName(low, ls) {
  HEADER_LINE_LOW_RE.lastIndex = ls;
  const h = HEADER_LINE_LOW_RE.exec(low);
  return h === null ? null : (h[1] || h[2] || "").trim() || null;
}

// Does a header line naming another speaker stand between the number ending at ce, under
// its speaker's header, and the cue starting at start? (_header_apart)
function headerApart(low, ce, start) {
  let own = null;
  let ls = ce;
  for (let k = 0; k < HEADER_ABOVE_LINES; k++) {
    ls = ls > 1 ? low.lastIndexOf("\n", ls - 2) + 1 : 0;
    own = headerName(low, ls);
    if (own !== null || ls === 0) break;
  }
  if (own === null) return false;
  let i = low.indexOf("\n", ce);
  while (i >= 0 && i < start) {
    const other = headerName(low, i + 1);
    if (other !== null && other !== own) return true;
    i = low.indexOf("\n", i + 1);
  }
  return false;
}

function turnApart(low, ce, start) {
  if (low.indexOf("\n", ce) < 0 || low.indexOf("\n", ce) >= start) return false;
  if (headerApart(low, ce, start)) return true;
  const own = TURN_SPEAKER_RE.exec(low.slice(low.lastIndexOf("\n", ce - 1) + 1, ce));
  if (own === null) return false;
  const ls = low.lastIndexOf("\n", start - 1) + 1;
  const le = low.indexOf("\n", start);
  const other = TURN_SPEAKER_RE.exec(low.slice(ls, le < 0 ? low.length : le));
  if (other === null || other[1].trim() === own[1].trim()) return false;
  // a cue in that speaker's name ("00:57  Agent (DRS): Thank you.") is apart, one in the
  // turn too, unless that turn speaks of the number ("And that's your sales and use tax
  // permit?")
  const end = ls + other.index + other[0].length;
  return start < end || !TURN_BACK_RE.test(low.slice(end, start));
}


// Is the cue low[start:end] the label of the number ending at ce: right after it, and
// ending their line, with the next number on a later line (_line_label)?
function lineLabel(low, ce, start, end, nx) {
  if (!/^[ \t:=-]*$/.test(low.slice(ce, start))) return false;
  const rest = low.slice(end, nx);
  const br = rest.indexOf("\n");
  return br >= 0 && /^[ \t.:;,)]*$/.test(rest.slice(0, br));
}

// The cue r, or the negative cue after it that r, a name only (weak_cues_after),
// qualifies ("... is our myconneCT logon confirmation") (_weak_qualifier).
function weakQualifier(low, r, nx) {
  if (r === null || !WEAK_CUES_AFTER.has(r.m[0])) return r;
  const n = nextCue(low, r.end, Math.min(nx, r.end + CUE_WINDOW));
  if (n !== null && NEG_KINDS.includes(cueKind(n.m)) && WEAK_CUE_QUALIFIES_RE.test(low.slice(r.end, n.start))) return n;
  return r;
}

// Is the number ending at end followed at once by a cue of its own ("... routing
// 123582401919 = acct", "... 64-9072450 is the EIN")?
export function labelledAt(low, end) {
  return cueAcross(LABEL_AFTER_GAP_RE, low, end); // the gap may be empty
}

// The kind of the number's own cue right after it, or null (_labelled_kind).
export function labelledKind(low, end) {
  const cue = cueAfterGap(LABEL_AFTER_GAP_RE, low, end);
  return cue === null ? null : cueKind(cue.m);
}

// Is the number ending at end followed at once by a cue of its own that has no number
// of its own after it ("123582401919 = acct", not "309437772 acct 1420016")? (_labelled_only)
// what may stand between a label and a value of its own: a number, or a removed number's
// placeholder ("SSN[Social Security number removed]") (_OWN_VALUE_GAP)
const OWN_VALUE_GAP = "[ ]?[#:=.]?[ ]?";
const OWN_NUMBER_RE = new RegExp(OWN_VALUE_GAP + "[0-9]", "y");
export const OWN_PLACEHOLDER_RE = new RegExp(OWN_VALUE_GAP + "\\[", "y");
export function labelledOnly(low, end) {
  return labelAfter(low, end) !== null;
}

// The number's own cue right after it when it has no number of its own after it, as
// { start, end, kind }, or null (_label_after).
export function labelAfter(low, end) {
  const cue = cueAfterGap(LABEL_AFTER_GAP_RE, low, end);
  if (cue === null) return null;
  OWN_NUMBER_RE.lastIndex = cue.end;
  return OWN_NUMBER_RE.test(low) ? null : { start: cue.start, end: cue.end, kind: cueKind(cue.m) };
}

// Is the number ending at end corrected at once by a cue of its own ("... 044980050 oops
// no that's the routing number")? (_corrected_at)
export function correctedAt(low, end) {
  return cueAcross(CORRECTION_GAP_RE, low, end);
}

// Does a cue (not a void phrase) start right after a gap the sticky gapRe matches at end?
// (_cue_across)
function cueAcross(gapRe, low, end) {
  return cueAfterGap(gapRe, low, end) !== null;
}

// The cue (not a void phrase) right after a gap the sticky gapRe matches at end, as
// { start, end, m }, or null (_cue_after_gap).
function cueAfterGap(gapRe, low, end) {
  gapRe.lastIndex = end;
  if (gapRe.exec(low) === null) return null;
  const start = gapRe.lastIndex;
  CUE_AT_RE.lastIndex = start;
  const m = CUE_AT_RE.exec(low);
  return m !== null && m[VOID] === undefined ? { start, end: start + m[0].length, m } : null;
}

// Is norm[cs:ce] set between two of the same MICR transit mark (a check line)?
export function betweenMarks(norm, cs, ce) {
  // the transit symbol a space off on both sides ("⑆ 247168844 ⑆"; _between_marks)
  const spaced = " " + MICR_MARKS[0];
  if (norm.startsWith(spaced, ce) && cs >= 2 && norm.slice(cs - 2, cs) === MICR_MARKS[0] + " ") return true;
  for (const m of MICR_MARKS) {
    if (cs >= m.length && norm.startsWith(m, ce) && norm.startsWith(m, cs - m.length)) return true;
  }
  // (or nine digits glued between two of one symbol's letter: "A232769261A")
  const c = norm[ce];
  const alnum = (x) => x !== undefined && /[A-Za-z0-9]/.test(x);
  return (
    c !== undefined &&
    RULES.micr_letters.includes(c) &&
    ce - cs === ABA_DIGITS &&
    cs >= 1 &&
    norm[cs - 1] === c &&
    !(cs >= 2 && alnum(norm[cs - 2])) &&
    !alnum(norm[ce + 1]) &&
    // (on a check named just before: not "Part no. A068414243A")
    MICR_LETTERS_CONTEXT_RE.test(norm.slice(Math.max(0, cs - RULES.micr_letters_reach), cs))
  );
}
const MICR_LETTERS_CONTEXT_RE = new RegExp(RULES.micr_letters_context, "i");
const ABA_DIGITS = 9; // a routing number's

// The kind of the cue a negated cue negates ("not my social security number": ssn), or
// null if the cue is not negated (_negated_kind).
// The last card word (card.words) in the card.words_reach characters before cs, or null;
// context: how far back the search may look behind (_card_word_before).
export function cardWordBefore(text, cs, context = 1) {
  let last = null;
  for (const r of findIter(CARD_WORDS_RE, text.low, Math.max(0, cs - RULES.card.words_reach), cs, context)) last = r;
  return last;
}
// Is the cue a negative one that holds an identifier's cue ("has no SSN")? (_negates_id)
function negatesId(low, cue) {
  if (!NEG_KINDS.includes(cueKind(cue.m))) return false;
  const inner = nextCue(low, cue.start + 1, cue.end);
  return inner !== null && ID_KINDS.has(cueKind(inner.m));
}
function negatedKind(low, cue) {
  const neg = DENIAL_NEGATION_RE.exec(low.slice(cue.start, cue.start + 40));
  if (neg === null) return null;
  const inner = nextCue(low, cue.start + neg[0].length, cue.end);
  return inner === null ? null : cueKind(inner.m);
}

// Is the cue r, after a number ending at ce, a negated identifier cue that denies that
// number, in its clause or in the next one starting with a pronoun for it ("555-71-1567
// is not my SSN, mine ends in 5919")? (_denies_back)
function deniesBack(low, ce, r) {
  return cueKind(r.m) === "neg" && DENIAL_NEGATION_RE.test(low.slice(r.start, r.start + 40)) && denialGap(low.slice(ce, r.start));
}

// Can a denial reach over the gap: no clause break, or the next clause starting with a
// pronoun for the number (_denial_gap)?
// Does an identifier cue of a kind other than kind stand in low[s:e] (_other_id_cue)?
function otherIdCue(low, s, e, kind) {
  for (let cue = nextCue(low, s, e); cue !== null; cue = nextCue(low, cue.end, e)) {
    const k = cueKind(cue.m);
    if (ID_KINDS.has(k) && k !== kind) return true;
  }
  return false;
}

function denialGap(gap) {
  return !DENIAL_BREAK_RE.test(gap) || DENIAL_NEXT_CLAUSE_RE.test(gap);
}

const FORM_NUMBERS = new Set(RULES.form_numbers);
const FORM_NUMBER_BEFORE_RE = new RegExp(RULES.form_number_before);
// Could the claim norm[s:e] take a cue? Not an amount or a date: fewer than
// MIN_DIGITS digits and a currency sign before it or a "/", "," or "." inside it; nor,
// for an identifier's cue, a year before a word or a form's number after its
// determiner ("my 1099"). A short plain number still does ("SSN ending 1234").
// a year after its preposition (_cues._YEAR_PREP_RE)
const YEAR_PREP_RE = new RegExp(RULES.year_preposition_before);
const YEAR_PLAIN_RE = /^(?:19[5-9][0-9]|20[0-4][0-9])$/; // a year, 1950-2049 (_YEAR_RE_PLAIN)
const YEAR_PREP_REACH = "ending since ".length;
export function couldBind(norm, s, e, identifier = false) {
  if (norm[s] === "[") return true;
  let n = 0;
  let punct = false;
  for (let i = s; i < e; i++) {
    const c = norm[i];
    if (c >= "0" && c <= "9") n++;
    else if (c === "/" || c === "," || c === ".") punct = true;
  }
  if (n >= MIN_DIGITS) return true;
  // a year before its noun ("my 2022 CT-1040", "the 2023 return"), or after its
  // preposition ("... an individual taxpayer number, the IRS gave it in 2019"; not a last
  // four, "ending in 2019") (_could_bind)
  if (identifier && e - s === 4 && YEAR_PLAIN_RE.test(norm.slice(s, e))) {
    if (/^ [A-Za-z]/.test(norm.slice(e, e + 2))) return false;
    if (YEAR_PREP_RE.test(norm.slice(Math.max(0, s - YEAR_PREP_REACH), s).toLowerCase())) return false;
  }
  // a form's number ("... its my social security number, i need my 1099"; _form_number)
  if (identifier && FORM_NUMBERS.has(norm.slice(s, e)) && FORM_NUMBER_BEFORE_RE.test(norm.slice(Math.max(0, s - 6), s).toLowerCase())) return false;
  let j = s - 1;
  while (j >= 0 && j >= s - 2 && norm[j] === " ") j--;
  return !(punct || (j >= 0 && LEFT_OUT.includes(norm[j]) && norm[j] !== "+"));
}
