// The twin of app/pii/_rules.py: the constants and compiled patterns every module of
// the browser twin shares, made from the generated rule module (pii-rules.mjs).

import { RULES, SOURCES } from "./pii-rules.mjs";

export const CUE_WINDOW = RULES.cue_window;
export const MAX_CUE = RULES.max_cue_length;
export const ASIDE_RE = new RegExp(RULES.aside);
export const ASIDE_REACH = RULES.aside_reach;
export const ASIDE_PAUSE_RE = new RegExp(RULES.aside_pause);
export const ASIDE_PAUSE_REACH = RULES.aside_pause_reach;
export const MIN_DIGITS = RULES.min_digits;
export const PADDED = "0".repeat(RULES.padded_zeros); // a padded field, no identifier
export const MAX_CHUNK = RULES.max_chunk_length;
export const MAX_PIECE_GROUPS = 6;
export const DOT_CUT_MIN = 2;
export const GLUE_PUNCT = "-/";
export const LEFT_OUT = "+$\u20ac\u00a3\u00a5";

export const KIND_LABELS = Object.freeze({ ...RULES.labels });
export const KINDS = Object.freeze(Object.keys(RULES.labels));
export const REMOVED_TEMPLATE = RULES.removed_template;

export const ZERO_WIDTH = new Set(RULES.chars.zero_width);
export const CJK_DIGITS = new Map(Object.entries(RULES.chars.cjk_digits));
export const DASHES = new Set(RULES.chars.dashes);
export const SPACES = new Set(RULES.chars.spaces);
export const COMMAS = new Set(RULES.chars.commas);
export const LINE_BREAKS = new Set(RULES.chars.line_breaks);

export const CUE_KINDS = Object.keys(RULES.cues).filter((k) => !k.startsWith("_"));

// The cue search (_rules.CueSearch): the gate finds the next place a cue could start,
// and there only the patterns that can begin with the text's next few characters are
// tried, as one alternation in the same order with a group per kind (group i is the
// kind CUE_KINDS[i - 1], as in Python), so the match is the whole alternation's. Each
// alternation is small, far under the 20 KB of source above which V8 compiles a
// pattern without its optimisations; they are compiled when first needed and kept by
// the patterns they hold (a set bounded by the rules), the key -> alternation map by a
// size.
const CUE = SOURCES.cue;
const CUE_STARTS = new Map(Object.entries(CUE.starts));
const CUE_BY_KEY = new Map();
const CUE_BY_SET = new Map();
const CUE_MAX_KEYS = 65536;

function cueGroups(groups) {
  return "(?:" + groups.map((g) => (g.length ? "(" + g.join("|") + ")" : "((?!))")).join("|") + ")(?![a-z])";
}

function cueAt(key) {
  let found = CUE_BY_KEY.get(key);
  if (found !== undefined) return found;
  const chosen = new Set();
  for (let n = 0; n <= key.length; n++) for (const i of CUE_STARTS.get(key.slice(0, n)) ?? []) chosen.add(i);
  const which = [...chosen].sort((a, b) => a - b);
  const id = which.join(",");
  found = CUE_BY_SET.get(id);
  if (found === undefined) {
    const groups = CUE_KINDS.map(() => []);
    for (const n of which) groups[CUE.patterns[n][0]].push(CUE.patterns[n][1]);
    found = new RegExp(cueGroups(groups), "y");
    CUE_BY_SET.set(id, found);
  }
  if (CUE_BY_KEY.size < CUE_MAX_KEYS) CUE_BY_KEY.set(key, found);
  return found;
}

// exec() like a RegExp with the flag given ("g": the next match from lastIndex; "y":
// a match at lastIndex only), lastIndex set as a RegExp sets it.
export class CueRegExp {
  constructor(flags) {
    this.sticky = flags.includes("y");
    this.gate = new RegExp(CUE.gate, this.sticky ? "y" : "g");
    this.lastIndex = 0;
  }
  exec(s) {
    const gate = this.gate;
    gate.lastIndex = this.lastIndex;
    for (;;) {
      const g = gate.exec(s);
      if (g === null) break;
      const at = g.index;
      const re = cueAt(s.slice(at, at + CUE.key));
      re.lastIndex = at;
      const m = re.exec(s);
      if (m !== null) {
        this.lastIndex = at + m[0].length; // a cue is never empty (cue_table)
        return m;
      }
      if (this.sticky) break;
      gate.lastIndex = at + 1;
    }
    this.lastIndex = 0;
    return null;
  }
  test(s) {
    return this.exec(s) !== null;
  }
}

export const CUE_RE = new CueRegExp("g");
// the cue pattern tried at one position only (lastIndex), like Python's CUE_RE.match
export const CUE_AT_RE = new CueRegExp("y");
// both gaps take label_arrow ("<-", "=", "=>" ...) for {arrow}
const withArrow = (src) => src.replace("{arrow}", RULES.label_arrow);
export const LABEL_AFTER_GAP_RE = new RegExp(withArrow(RULES.label_after_gap), "y");
export const LABEL_AFTER_CLAUSE_RE = new RegExp(RULES.label_after_clause, "y");
export const ROUTING_PAIR_AFTER_RE = new RegExp(RULES.routing_pair_after, "y");
export const CORRECTION_GAP_RE = new RegExp(RULES.correction_gap, "y");
export const ARROW_LABEL_GAP_RE = new RegExp("^(?:" + withArrow(RULES.arrow_label_gap) + ")$");
export const PARAGRAPH_RE = new RegExp(RULES.paragraph_break);
export const PARAGRAPH_CARET_RE = new RegExp(RULES.paragraph_caret, "y");
export const TIGHT_RE = new RegExp(RULES.tight_group, "g");
export const CLAIM_RE = new RegExp(SOURCES.claim, "g");
export const PLACEHOLDER_RE = new RegExp(SOURCES.placeholder, "g");
export const HINT_RE = new RegExp(SOURCES.hint);
export const INTRO_RE = new RegExp("^(?:" + RULES.introducer + ")$");
export const DENIAL_NEGATION_RE = new RegExp("^(?:" + RULES.denial.negation + ")");
export const DENIAL_NEGATION_AFTER_RE = new RegExp("^(?:" + RULES.denial.negation_after + ")");
export const DENIAL_NEGATION_AFTER_LEAD_RE = new RegExp("^(?:" + RULES.denial.negation_after_lead + ")$");
export const DENIAL_RELATIVE_RE = new RegExp("^(?:" + RULES.denial.relative + ")");
export const DENIAL_RELATIVE_FULL_RE = new RegExp("^(?:" + RULES.denial.relative + ")$");
export const DENIAL_RELATIVE_REACH = RULES.denial.relative_reach;
export const DENIAL_COPULA_RE = new RegExp(RULES.denial.copula);
export const DENIAL_BREAK_RE = new RegExp(RULES.denial.clause_break);
export const DENIAL_CLAUSE_AND_RE = new RegExp(RULES.denial.clause_and);
export const DENIAL_HAS_NONE_RE = new RegExp("^(?:" + RULES.denial.has_none + ")");
export const DENIAL_ANSWER_SAID_RE = new RegExp(RULES.denial.answer_said, "y");
export const DENIAL_NEXT_CLAUSE_RE = new RegExp("^(?:" + RULES.denial.next_clause + ")$");
export const DENIAL_OWN_COPULA_RE = new RegExp("^(?:" + RULES.denial.own_copula + ")$");
export const DENIAL_OWN_COPULA_OWNER_RE = new RegExp(RULES.denial.own_copula_owner);
export const DENIAL_RELABEL_RE = new RegExp(RULES.denial.relabel);
export const DENIAL_QUESTION_LINE_RE = new RegExp(RULES.denial.question_line, "y");
export const DENIAL_QUESTION_AFTER_RE = new RegExp(RULES.denial.question_after, "y");
export const DENIAL_CONTRAST_RE = new RegExp(RULES.denial.contrast);
export const DENIAL_CONTRAST_SAID_RE = new RegExp(RULES.denial.contrast_said);
export const DENIAL_CONTRAST_SHAPES = new Map(
  Object.entries(RULES.denial.contrast_shapes).map(([kind, shapes]) => [kind, new Set(shapes.map((s) => s.join(",")))]),
);
export const DENIAL_SHAPE_SPEAKS = new Set(RULES.denial.shape_speaks.map((s) => s.join(",")));
export const DENIAL_ANSWER_NO_RE = new RegExp(RULES.denial.answer_no, "y");
export const DENIAL_ANSWER_OWNER_RE = new RegExp(RULES.denial.answer_owner);
export const DENIAL_QUOTED_LINE_RE = new RegExp(RULES.denial.quoted_line, "y");
export const DENIAL_ANSWER_NOT_RE = new RegExp(RULES.denial.answer_not);
export const DENIAL_REPLY_HEADER_RE = new RegExp(RULES.denial.reply_header, "y");
export const DENIAL_REPLY_LINES = RULES.denial.reply_lines;
export const DENIAL_QUOTE_REACH = RULES.denial.quote_reach;
export const DENIAL_OWNER_RE = new RegExp("^(?:" + RULES.denial.owner + ")");
// the cues that only name the state, the department, its portal or a tax (WEAK_CUES_AFTER)
export const WEAK_CUES_AFTER = new Set(RULES.weak_cues_after);
export const WEAK_CUE_QUALIFIES_RE = new RegExp("^(?:" + RULES.weak_cue_qualifies + ")$");
export const WEAK_CUE_OF_ID_RE = new RegExp("^(?:" + RULES.weak_cue_of_id + ")$");
export const WEAK_CUE_BANK_RE = new RegExp("^(?:" + RULES.weak_cue_bank + ")$");
// a direct deposit that only says where the number of the cue before it went (_rules.DEPOSIT_PLACE_RE, DEPOSIT_PLACE_GAP_RE)
export const DEPOSIT_PLACE_RE = new RegExp("^(?:" + RULES.deposit_place + ")$");
export const DEPOSIT_PLACE_GAP_RE = new RegExp("^(?:" + RULES.deposit_place_gap + ")$");
// a bare document word an identifier's cue is written on (_rules.DOCUMENT_OF_ID_RE, DOCUMENT_CUE_RE)
export const DOCUMENT_OF_ID_RE = new RegExp("^(?:" + RULES.document_of_id + ")$");
export const DOCUMENT_CUE_RE = new RegExp("^(?:" + RULES.document_cue + ")$");
export const DENIAL_BRACKET_RE = new RegExp("^(?:" + RULES.denial.bracket_label + ")$");
export const DENIAL_TAKEN_BACK_LEAD_RE = new RegExp("^(?:" + RULES.denial.taken_back_lead + ")");
export const SENTENCE_END_RE = new RegExp(RULES.sentence_end, "g");
export const ANSWER_AFTER_CUE_RE = new RegExp(RULES.answer_after_cue);
export const LABEL_LINE_END_RE = new RegExp("^(?:" + RULES.label_line_end + ")$");
// the speaker's name at a line's start, a time stamp perhaps before it (rewrites.turn_speaker)
export const TURN_SPEAKER_RE = new RegExp("^[ \\t]*" + RULES.rewrites.turn_speaker);
// the words that may open an answering turn before the number (_rules.TURN_ANSWER_LEAD_RE)
export const TURN_ANSWER_LEAD_RE = new RegExp("^(?:" + RULES.turn_answer_lead + ")$");
export const TURN_ANSWER_LEAD_REACH = RULES.turn_answer_lead_reach;
export const TURN_BACK_RE = new RegExp("^(?:" + RULES.turn_back + ")");
export const SENTENCE_SOFT_RE = new RegExp(RULES.sentence_end_soft, "g");
export const CARRY_GAP_RE = new RegExp("^(?:" + RULES.carry_gap + ")$");
export const CUE_LIST_GAP_RE = new RegExp("^(?:" + RULES.cue_list_gap + ")$");
// a correction's anaphor that carries the previous number's cue (_rules.ANAPHOR_CARRY_RE)
export const ANAPHOR_CARRY_RE = new RegExp(RULES.anaphor_carry);
export const ANAPHOR_CARRY_REACH = RULES.anaphor_carry_reach;
// a Social Security number's last four, given before the whole number (_rules.LAST_FOUR_RE)
export const LAST_FOUR_RE = new RegExp(RULES.last_four, "g");
export const LAST_FOUR_OTHER_RE = new RegExp(RULES.last_four_other, "g");
export const LAST_FOUR_REACH = RULES.last_four_reach;
export const CUE_ROW_GAP_RE = new RegExp("^(?:" + RULES.cue_row_gap + ")$");
export const CUE_CONTRAST_GAP_RE = new RegExp("^(?:" + RULES.cue_contrast_gap + ")$");
export const CARRY_MAX_GAP = RULES.carry_max_gap;
export const CARRY_OWNER_RE = new RegExp(RULES.carry_owner);
export const RESTART = RULES.restart;
export const RESTART_CORRECTED_RE = new RegExp(RULES.restart.corrected);
export const PLURAL_CUE_RE = new RegExp(RULES.plural_cue);
// Python's pattern.search(s, pos, endpos) lets lookbehinds (at most 8 characters in
// these two patterns) see before pos: search a slice that starts 8 characters early.
export function sentenceEndIn(re, s, pos, endpos) {
  const base = pos > 8 ? pos - 8 : 0;
  re.lastIndex = pos - base;
  return re.test(s.slice(base, endpos));
}
export const DIGITS_RE = /[0-9]+/g;

export function ranges(pairs) {
  const out = new Set();
  for (const [lo, hi] of pairs) for (let n = lo; n <= hi; n++) out.add(String(n).padStart(2, "0"));
  return out;
}

export const ITIN_GROUPS = ranges(RULES.itin_groups);
export const FEIN_PREFIXES = ranges(RULES.fein_prefixes);
export const ROUTING_PREFIXES = ranges(RULES.routing_prefixes);
export const ROUTING_WEIGHTS = RULES.routing_weights;
export const SSN_BAD_AREAS = new Set(RULES.ssn.bad_areas);
export const SSN_BAD_AREA_FIRST = RULES.ssn.bad_area_first_digit;
export const SSN_ADVERTISING = new Set(RULES.ssn.advertising);
export const CT = RULES.ct_tax_reg;
export const CARD = RULES.card;
export const CARD_LAYOUTS = new Set(CARD.layouts.map((l) => l.join(",")));
export const CARD_SEPARATORS = new Set(CARD.separators);
export const GLUE_LEAD = RULES.glue.lead_lengths;
export const GLUE_TAIL = RULES.glue.tail_lengths;
export const MASKS = RULES.masks;
export const CUE_LAYOUTS = new Set(RULES.cue_layouts.map((l) => l.join(",")));
export const MICR_MARKS = RULES.micr_marks;
