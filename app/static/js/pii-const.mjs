// The twin of app/pii/_rules.py: the constants and compiled patterns every module of
// the browser twin shares, made from the generated rule module (pii-rules.mjs).

import { RULES, SOURCES } from "./pii-rules.mjs";

export const CUE_WINDOW = RULES.cue_window;
export const MAX_CUE = RULES.max_cue_length;
export const MIN_DIGITS = RULES.min_digits;
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
export const LINE_BREAKS = new Set(RULES.chars.line_breaks);

export const CUE_KINDS = Object.keys(RULES.cues).filter((k) => !k.startsWith("_"));

// The finished regex sources come from Python (python -m app.pii.build)
export const CUE_SRC = SOURCES.cue;

export const CUE_RE = new RegExp(CUE_SRC, "g");
// the cue pattern tried at one position only (lastIndex), like Python's CUE_RE.match
export const CUE_AT_RE = new RegExp(CUE_SRC, "y");
// both gaps take label_arrow ("<-", "=", "=>" ...) for {arrow}
const withArrow = (src) => src.replace("{arrow}", RULES.label_arrow);
export const LABEL_AFTER_GAP_RE = new RegExp(withArrow(RULES.label_after_gap), "y");
export const ARROW_LABEL_GAP_RE = new RegExp("^(?:" + withArrow(RULES.arrow_label_gap) + ")$");
export const PARAGRAPH_RE = new RegExp(RULES.paragraph_break);
export const TIGHT_RE = new RegExp(RULES.tight_group, "g");
export const CLAIM_RE = new RegExp(SOURCES.claim, "g");
export const PLACEHOLDER_RE = new RegExp(SOURCES.placeholder, "g");
export const HINT_RE = new RegExp(SOURCES.hint);
export const INTRO_RE = new RegExp("^(?:" + RULES.introducer + ")$");
export const DENIAL_NEGATION_RE = new RegExp("^(?:" + RULES.denial.negation + ")");
export const DENIAL_COPULA_RE = new RegExp(RULES.denial.copula);
export const DENIAL_BREAK_RE = new RegExp(RULES.denial.clause_break);
export const DENIAL_NEXT_CLAUSE_RE = new RegExp("^(?:" + RULES.denial.next_clause + ")$");
export const DENIAL_RELABEL_RE = new RegExp(RULES.denial.relabel);
export const SENTENCE_END_RE = new RegExp(RULES.sentence_end, "g");
export const ANSWER_AFTER_CUE_RE = new RegExp(RULES.answer_after_cue);
export const SENTENCE_SOFT_RE = new RegExp(RULES.sentence_end_soft, "g");
export const CARRY_GAP_RE = new RegExp("^(?:" + RULES.carry_gap + ")$");
export const CUE_LIST_GAP_RE = new RegExp("^(?:" + RULES.cue_list_gap + ")$");
export const CARRY_MAX_GAP = RULES.carry_max_gap;
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
