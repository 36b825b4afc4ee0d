// Scopes wider than a sentence, read off the original text's lines: the twin of
// app/pii/_scopes.py (see its docstring), line by line.
//
// - A table column: a header row whose cell names an identifier governs the cells
//   under it; a column named otherwise claims its cells as not identifiers.
// - A list: a line that ends with ":" and names an identifier governs the items under
//   it, unless an item's label has a cue of its own.
// - A back reference ("... The first one is the routing") or a number masked but for
//   the same last four digits (XXX-XX-7488) names a number's kind.
// - The topic: the kind the subject line, the opening sentence and the quoted lines
//   name, taken by a number presented on a line of its own with no cue of its own (in
//   a text of one line, only bare digits a later sentence presents after a colon).

import { feinOk, ssnOrItin } from "./pii-checks.mjs";

const ND = /^\p{Nd}/u;
// cue kinds that name an identifier (the others are "void", "neg" and "neg_bare")
export const ID_KINDS = new Set(["ssn", "itin", "fein", "taxid", "ct", "routing"]);
// the kind a denied list's items take (_scopes.DENIED)
export const DENIED = "denied";
// a form's check box, ticked or not ("[X]", "[ ]", "☐"; _CHECKBOX_RE)
const CHECKBOX_RE = /\[[ xX✓✔]?\]|[☐☑☒]/;

export function makeScopes(RULES, CueRegExp, CUE_KINDS, latinLower) {
  const S = RULES.scopes;
  const PLURAL_RE = new RegExp(RULES.plural_cue); // a question for several numbers
  // the words a spoken number is made of (digit words, spoken dashes, fillers,
  // homophones), lower-cased (_SPOKEN_WORDS)
  const W = RULES.rewrites;
  const SPOKEN_WORDS = new Set([...Object.keys(W.digit_words), ...W.digit_word_dashes, ...W.filler_words, ...Object.keys(W.homophones)]);
  const FIELD_RE = new RegExp(S.field, "g");
  const FIELD_TYPE_RE = new RegExp(S.field_type);
  const FIELD_TYPE_KINDS = { ssn: "ssn", itin: "itin", fein: "fein", ein: "fein" };
  const BUSINESS_RE = new RegExp(RULES.business_name);
  const QUOTE_RE = new RegExp("^(?:" + S.quote_prefix + ")");
  // a hard wrap between two letters, with the quote prefix after it (_scopes._WRAP_RE)
  const WRAP_RE = /(?<=[A-Za-z])\n(?:[ \t]*>)*[ \t]?(?=[A-Za-z])/g;
  const NUMBER_AT_RE = /[0-9](?:[0-9]|[-. ][0-9])*/y;
  const CT_NO_CUE_LOCATION = RULES.ct_tax_reg.no_cue_location_prefix;
  const QUOTE_HEADER_RE = new RegExp("^(?:" + S.quote_header + ")$"); // on a lower-cased line
  const COLUMN_LIST_RE = new RegExp(S.column_list); // so is this
  // a fixed-width record a sentence lays out (layout)
  const LAYOUT_GATE_RE = new RegExp(S.layout_gate);
  const LAYOUT_RANGE_RE = new RegExp(S.layout_range, "g");
  const LAYOUT_WIDTH_RE = new RegExp(S.layout_width, "g");
  const LAYOUT_WIDTHS_LIST_RE = new RegExp(S.layout_widths_list);
  // the widths of a field that holds an identifier of the kind its name names, written
  // bare or with its separators (_LAYOUT_WIDTHS)
  const LAYOUT_WIDTHS = { ssn: [9, 11], itin: [9, 11], taxid: [9, 10, 11], fein: [9, 10], routing: [9], ct: [7, 10, 11] };
  // a field's value: digits, perhaps in groups a hyphen or a space apart
  const LAYOUT_CELL_RE = /^[0-9]+(?:[ -][0-9]+){0,2}$/;
  const SLASHED_MIN = 2; // slashes between the column names a sentence lists
  const HEADER_MONEY_RE = new RegExp(S.header_money);
  const ALIGNED_RE = new RegExp(S.aligned_gap, "g");
  const RULE_LINE_RE = new RegExp("^(?:" + S.rule_line + ")$");
  const ROW_TYPE_RE = new RegExp(S.row_type, "g");
  // The one kind of tax ID a table's row names in a cell of its own (_scopes._row_type).
  function rowType(row) {
    const found = new Set([...low(row).matchAll(ROW_TYPE_RE)].map((m) => S.row_types[m[1]]));
    return found.size === 1 ? [...found][0] : null;
  }
  // A column that names a tax ID of any kind takes the kind its row names (_column_kind).
  const columnKind = (kind, typed) => (kind === "taxid" && typed !== null ? typed : kind);
  const NEGATIVE_COLUMN_RE = new RegExp("^(?:" + S.negative_column + ")$");
  // a line holding only a number, under a one-cell header (columnRows)
  const COLUMN_VALUE_RE = new RegExp("^(?:" + S.column_value + ")$");
  const CUE_AT_START = new CueRegExp("y");
  const SKIP = "skip";
  const ITEM_RE = new RegExp("^(?:" + S.list_item + ")");
  const SHAPED_ITEM_RE = new RegExp("^(?:" + S.shaped_item + ")");
  const SHAPED_FEIN_ITEM_RE = new RegExp("^(?:" + S.shaped_fein_item + ")");
  const BARE_ITEM_RE = new RegExp("^(?:" + S.bare_item + ")");
  const SHAPED_CT_ITEM_RE = new RegExp("^(?:" + S.shaped_ct_item + ")");
  const BARE_CT_ITEM_RE = new RegExp("^(?:" + S.bare_ct_item + ")");
  const LABEL_DASH_RE = new RegExp(S.label_dash);
  const ROSTER_NAME_RE = new RegExp("^(?:" + S.roster_name + ")$");
  // a roster's row with one space between the name and its number ("Smith J 795554036")
  const SPACED_ROW_RE = new RegExp("^(?:" + S.spaced_row.replace("NAME", S.roster_name) + ")$");
  const ROSTER_WORD_RE = new RegExp("^(?:" + S.roster_word + ")$");
  const ANAPHOR_RE = new RegExp(S.anaphor, "g");
  const SENTENCE_END_G = new RegExp(RULES.sentence_end, "g");

  // The last sentence of a line (_last_sentence): a heading's cue is in the sentence that
  // ends with its colon ("... for the CT child tax credit. Our info:" names no kind).
  function lastSentence(line) {
    let start = 0;
    for (const m of line.matchAll(SENTENCE_END_G)) start = m.index + m[0].length - 1;
    return line.slice(start);
  }
  const HEADING_RE = new RegExp(S.list_heading, "i");
  const SUBJECT_RE = new RegExp("^(?:" + S.subject + ")$", "i");
  const PRESENT_RE = new RegExp("^(?:" + S.presenting_line + ")$");
  const LEADING_RE = new RegExp("^(?:" + S.leading_line + ")$");
  const LABEL_TAIL_RE = new RegExp("^(?:" + S.label_tail + ")?$"); // (labelCue)
  const KEYED_CONTEXT_RE = new RegExp(S.keyed_context); // (keyedNumbers)
  const KEYED_ENTRY_RE = new RegExp(S.keyed_entry, "dg");
  // the same with a name run on to the number, as a form's row of values copied out of
  // a PDF reads ("TamaraIyer228048210" under "... Last nameSocial Security Number")
  const PRESENT_GLUED_SRC = S.presenting_line.replace("{0,6}([0-9]", "{0,6}(?:[A-Za-z'’]*[a-z])?([0-9]");
  if (PRESENT_GLUED_SRC === S.presenting_line) throw new Error("scopes.presenting_line changed: update PRESENT_GLUED_SRC");
  const PRESENT_GLUED_RE = new RegExp("^(?:" + PRESENT_GLUED_SRC + ")$");
  // a turn's answer: a presenting line, perhaps a few words after its number (_ANSWER_RE)
  const ANSWER_RE = new RegExp("^(?:" + S.presenting_line + ")(?:" + S.answer_tail + ")?$");
  const SPEAKER_RE = new RegExp("^(?:" + S.speaker_turn + ")");
  const PIECE_TURN_RE = new RegExp("^(?:" + S.piece_turn + ")$");
  // a CT registration number's 7-digit base and location code (_CT_DIGITS)
  const CT_DIGITS = RULES.ct_tax_reg.base_min + RULES.ct_tax_reg.location_length;
  const NOT_SPEAKERS = new Set(S.speaker_not);
  const PERSON_NUMBER_RE = new RegExp("^(?:" + S.person_number + ")$");
  const RELATION_LABEL_RE = new RegExp("^(?:" + S.relation_label + ")$", "i");
  // a sibling item's label without its bullet, separator and spaces (_bare_label)
  const bareLabel = (label) => label.replace(/^[ \t\-*•·:=,|–—]+|[ \t\-*•·:=,|–—]+$/g, "");
  const PRESENT_SENTENCE_RE = new RegExp("^(?:" + S.presenting_sentence + ")$");
  const SENTENCE_BOUNDARY_RE = new RegExp(S.sentence_boundary, "g");
  // The sentences of the line that present a number, each a few words and the number, as
  // [start, end]: the last, if the number ends the line ("... I called twice. Here is the
  // number: 838090189"), and every other but the first that presents one after a colon
  // beside another that does (a series under the opening sentence: "... with ITINs. The
  // first: N. The second: M. Can I claim them?") (_presenting_sentences).
  // Does the sentence present its number after a colon, or hand it over with "here" ("Here
  // it is — 956869210.", presenting_here)? (_after_colon, _here)
  const PRESENT_HERE_RE = new RegExp("^(?:" + S.presenting_here + ")$");
  const here = (sentence) => PRESENT_HERE_RE.test(low(sentence.slice(0, sentence.search(/[0-9]/))));
  const colonBefore = (sentence) => pyRstrip(sentence.slice(0, sentence.search(/[0-9]/))).endsWith(":");
  const afterColon = (sentence) => colonBefore(sentence) || here(sentence);
  // The first sentence of ls[k] if it presents a number as a presenting line does and the
  // line answers a quoted question: it has no quote prefix, and the last line above it
  // that is not blank has one and ends with "?" (_answering_sentence); the match of
  // PRESENT_RE on the sentence, or null.
  function answeringSentence(text, ls, k) {
    const [off, line] = ls[k];
    const b = FIRST_BOUNDARY_RE.exec(line);
    if (b === null || quoted(text, off)) return null;
    let i = k - 1;
    while (i >= 0 && !pyStrip(ls[i][1])) i--;
    if (i < 0 || !quoted(text, ls[i][0]) || !pyRstrip(ls[i][1]).endsWith("?")) return null;
    return PRESENT_RE.exec(line.slice(0, b.index + b[0].length));
  }
  // Had the line that lines() gives at off a quote prefix? (_quoted)
  const quoted = (text, off) => off > 0 && text[off - 1] !== "\n";
  const FIRST_BOUNDARY_RE = new RegExp(S.sentence_boundary);

  function presentingSentences(line) {
    const ends = [...line.matchAll(SENTENCE_BOUNDARY_RE)].map((b) => b.index + b[0].length);
    if (!ends.length) return [];
    const spans = ends.map((s, k) => [s, k + 1 < ends.length ? ends[k + 1] : line.length]);
    const found = spans.map(([s, e]) => PRESENT_SENTENCE_RE.test(line.slice(s, e)));
    // (each read once: "here" counts as a colon, and presents its sentence anywhere: "...
    // until I had a valid one. Here it is — 956869210. Thank you ...")
    const heres = spans.map(([s, e], k) => found[k] && here(line.slice(s, e)));
    const colon = spans.map(([s, e], k) => heres[k] || (found[k] && colonBefore(line.slice(s, e))));
    const n = spans.length;
    const out = found[n - 1] ? [spans[n - 1]] : [];
    for (let k = 0; k < n - 1; k++) {
      if (colon[k] && ((k > 0 && colon[k - 1]) || colon[k + 1] || (k + 2 === n && found[n - 1]) || heres[k])) out.push(spans[k]);
    }
    return out;
  }
  const CHECK_LINE_RE = new RegExp("^(?:" + S.check_line + ")$");
  const TXP_RE = new RegExp(S.txp_addenda, "g");
  // a header cell holds no number: five digits in it, joined or not, make it a data row
  const HEADER_MAX_DIGITS = 4;
  const HEADER_FORM_RE = new RegExp("(?<![0-9])(?:" + RULES.form_numbers.join("|") + ")(?![0-9])", "g");
  const digitCount = (cell) => cell.replace(/[^0-9]/g, "").length;
  const CUE_RE = new CueRegExp("g");
  const VOID = CUE_KINDS.indexOf("void") + 1;
  const TOPIC_IGNORE = new Set(S.topic_ignore);
  const TOPIC_OWNER_RE = new RegExp(S.topic_owner);
  // Is the cue m a word too common to set the topic, with no owner just before it ("your
  // social" sets it: scopes.topic_owner)? (_ignored)
  const TOPIC_STATE_NOUN_RE = new RegExp(S.topic_state_noun, "y");
  const SPOKEN_LEAD = new Set(S.spoken_turn_lead); // (spokenTurnAt)
  const SPOKEN_TAIL = new Set(S.spoken_turn_tail);
  const SPOKEN_COPULA_RE = new RegExp(S.spoken_turn_copula);
  // a transcript's header line, a speaker's name and a time alone on a line, the turn's
  // words on the lines below (_rules.HEADER_LINE_RE)
  const HEADER_TURN_RE = new RegExp("^(?:" + W.header_line.replaceAll("<T>", W.header_time) + ")");
  // a caption's timing line, and the caption's number (SRT) on the line above it
  const CAPTION_RE = new RegExp("^[ \\t]*<T>[ \\t]*-->[ \\t]*<T>".replaceAll("<T>", W.header_time));
  const CAPTION_INDEX_RE = /^[ \t]*[0-9]{1,5}[ \t]*$/;
  const ignored = (l, m) => {
    if (!TOPIC_IGNORE.has(m[0])) return false;
    if (!TOPIC_OWNER_RE.test(l.slice(Math.max(0, m.index - S.topic_owner_reach), m.index))) return true;
    TOPIC_STATE_NOUN_RE.lastIndex = m.index + m[0].length;
    return TOPIC_STATE_NOUN_RE.test(l);
  };
  const TOPIC_NEGATION_RE = new RegExp(S.topic_negation, "g");
  const CLAUSE_BREAKS = ",;:!?.\n";
  // Does a negation come before l[start] in its clause (at most cue_window characters
  // back, which keeps a long opening sentence linear)?
  function negated(l, start) {
    const lo = Math.max(0, start - RULES.cue_window);
    const w = l.slice(lo, start);
    let cut = -1;
    for (const c of CLAUSE_BREAKS) cut = Math.max(cut, w.lastIndexOf(c));
    // searched from pos with the character before it in view, as Python's search(low, pos)
    const pos = lo + cut + 1;
    const base = pos > 0 ? pos - 1 : 0;
    TOPIC_NEGATION_RE.lastIndex = pos - base;
    return TOPIC_NEGATION_RE.test(l.slice(base, start));
  }

  function low(s) {
    // eslint-disable-next-line no-control-regex
    return /^[\x00-\x7f]*$/.test(s) ? s.toLowerCase() : s.replace(/[A-Z\u00c0-\u024f\u0400-\u04ff]/g, latinLower);
  }

  // Kinds of the cues in s, in order ("neg" for both negative kinds); for the topic,
  // without the words common in addresses and signatures, nor a cue negated in its
  // clause ("... registration number (not your federal EIN)") unless keepNegated is set.
  // a word that makes a header cell a number's name ("CT Withholding #", "ct Withholding Id")
  const HEADER_ID_WORD_RE = new RegExp(S.header_id_word);
  function cues(s, topic = false, header = false, keepNegated = false) {
    const out = [];
    const l = low(s);
    CUE_RE.lastIndex = 0;
    let m;
    while ((m = CUE_RE.exec(l)) !== null) {
      if (m[VOID] !== undefined) continue;
      if (topic && (ignored(l, m) || (!keepNegated && negated(l, m.index)))) continue;
      // (nor, in a header cell of three words or more with no word for a number, a name
      // only: "CT DEPT OF REVENUE SVCS" is a payee, no column's name)
      if (header && TOPIC_IGNORE.has(m[0]) && (HEADER_MONEY_RE.test(l) || (l.split(/\s+/).filter(Boolean).length >= 3 && !HEADER_ID_WORD_RE.test(l)))) continue;
      let i = 1;
      while (m[i] === undefined) i++;
      const k = CUE_KINDS[i - 1];
      // (a header cell's bare word after an identifier's name describes that column:
      // "tin_read_on_call" is still the TIN's)
      if (header && k === "neg_bare" && out.some((kind) => ID_KINDS.has(kind))) continue;
      out.push(k === "neg_bare" ? "neg" : k);
    }
    return out;
  }

  // A sentence that names a number by its place and says what it is ("... 246804358 and
  // 198-502896. The first one is the routing") gives that number its cue's kind
  // (_back_references in _scopes.py). Sentences are read at most BACK_SENTENCE
  // characters each way.
  const BACK_RE = new RegExp(S.back_reference, "g");
  const CUE_AT = new CueRegExp("y");
  const BACK_PLACES = new Map([
    ["first", 0], ["1st", 0], ["top", 0], ["second", 1], ["2nd", 1], ["third", 2], ["3rd", 2],
    ["last", -1], ["bottom", -1],
  ]);
  const BACK_WORDS = [...BACK_PLACES.keys(), "above", "below"];
  const LONG_NUMBER_RE = /[0-9](?:[0-9]|[-. /][0-9])*/g;
  const BACK_END_RE = /[.!?](?=[ \t\n])|\n/g;
  const BACK_SENTENCE = 400;

  // the first index i with sorted[i] >= x
  function bisectLeft(sorted, x) {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  // Kinds named in a list and numbers listed "respectively" (scopes.in_order).
  const IN_ORDER_RE = new RegExp(S.in_order, "g");
  const IN_ORDER_JOINERS = S.in_order_joiners.join("|");
  const IN_ORDER_SEP_RE = new RegExp(S.in_order_separator.replace("J", IN_ORDER_JOINERS));
  const IN_ORDER_END_RE = new RegExp(S.in_order_end, "g");
  const IN_ORDER_ITEM_RE = new RegExp(S.in_order_item, "g");
  const IN_ORDER_BETWEEN_RE = new RegExp(`^(?:${S.in_order_between.replace("J", IN_ORDER_JOINERS)})$`);
  // Kinds named by the numbers' places in a sentence beside them (scopes.ordinal).
  const ORDINAL_RE = new RegExp(S.ordinal, "g");
  const ORDINAL_END_RE = new RegExp(S.ordinal_end, "g");
  const ORDINAL_BETWEEN_RE = new RegExp(`^(?:${S.ordinal_between.replace("J", IN_ORDER_JOINERS)})$`);
  const ORDINAL_BEFORE_RE = new RegExp(`^(?:${S.ordinal_before})$`);
  const ORDINAL_REACH = S.ordinal_reach; // how far back or on the numbers are looked for
  // Does the lower-cased text say its numbers go in the order of a list of kinds
  // ("respectively", "in order"), or name numbers' kinds by their places ("first is the
  // EIN, second is ...": two place words at least)? A quick test of a few words (in_order).
  function inOrder(l) {
    if (S.in_order_hints.some((h) => l.includes(h))) {
      IN_ORDER_RE.lastIndex = 0;
      if (IN_ORDER_RE.test(l)) return true;
    }
    return ordinal(l);
  }
  // Does the lower-cased text hold two place words (scopes.ordinal; _ordinal)?
  function ordinal(l) {
    if (!S.ordinal_hints.some((h) => l.includes(h))) return false;
    ORDINAL_RE.lastIndex = 0;
    return ORDINAL_RE.test(l) && ORDINAL_RE.test(l);
  }
  // Numbers listed one after another beside a sentence that names each one's kind by
  // its place: each takes its kind, DENIED for a negative one (_ordinal_lists).
  function ordinalLists(text, forced) {
    const l = low(text);
    if (!ordinal(l)) return;
    ORDINAL_RE.lastIndex = 0;
    let m = ORDINAL_RE.exec(l);
    while (m !== null) {
      ORDINAL_END_RE.lastIndex = m.index + m[0].length;
      const e = ORDINAL_END_RE.exec(l);
      const end = e !== null ? e.index : l.length;
      ORDINAL_RE.lastIndex = m.index;
      const places = [...l.slice(0, end).matchAll(ORDINAL_RE)];
      const kinds = placeKinds(l, places, end);
      const items = ordinalItems(text, l, m.index, e);
      const order = kinds !== null ? placesOf(places, items.length) : null;
      if (order !== null) {
        order.forEach((at, k) => {
          const kind = kinds[k];
          if (ID_KINDS.has(kind)) forced.set(items[at].index, kind);
          else if (kind === "neg") forced.set(items[at].index, DENIED);
        });
      }
      ORDINAL_RE.lastIndex = end;
      m = ORDINAL_RE.exec(l);
    }
  }
  // The first cue's kind of each clause a place word opens, or null when one names
  // none (_place_kinds).
  function placeKinds(l, places, end) {
    const kinds = [];
    for (let k = 0; k < places.length; k++) {
      const stop = k + 1 < places.length ? places[k + 1].index : end;
      const found = cues(l.slice(places[k].index + places[k][0].length, stop));
      if (!found.length) return null;
      kinds.push(found[0]);
    }
    return kinds;
  }
  // The place of each place word among n numbers, or null unless they are each of the
  // n once (_places).
  function placesOf(places, n) {
    const out = [];
    for (const m of places) {
      let place = S.ordinal_places[m[1]];
      if (place === null) {
        if (!out.length) return null;
        place = out[out.length - 1] + 1;
      }
      out.push(place === -1 ? n - 1 : place);
    }
    const sorted = [...out].sort((a, b) => a - b);
    return n >= 2 && sorted.every((p, k) => p === k) && sorted.length === n ? out : null;
  }
  // The in_order items of text from pos to endpos, only that window searched and the
  // text cut at endpos (as Python's finditer(text, pos, endpos) reads it).
  function* itemsIn(text, pos, endpos) {
    const sub = text.slice(0, endpos);
    IN_ORDER_ITEM_RE.lastIndex = pos;
    let m;
    while ((m = IN_ORDER_ITEM_RE.exec(sub)) !== null) yield m;
  }
  // The numbers listed right before s, or else right after the sentence's end e when
  // that is a colon at a line's end (_ordinal_items).
  function ordinalItems(text, l, s, e) {
    const items = [...itemsIn(text, Math.max(0, s - ORDINAL_REACH), s)].filter((i) => digitCount(i[0]) >= S.ordinal_min_digits);
    const endOf = (i) => i.index + i[0].length;
    if (items.length && ORDINAL_BEFORE_RE.test(l.slice(endOf(items[items.length - 1]), s))) {
      let k = items.length - 1;
      while (k > 0 && ORDINAL_BETWEEN_RE.test(l.slice(endOf(items[k - 1]), items[k].index))) k--;
      return items.slice(k);
    }
    // (after a colon, a dash, or a full stop ending its line: "First one is the federal,
    // second is the Connecticut one.\n\nN\nM", "the first is routing, the second the
    // account — N / M")
    const lineEnd = e !== null && e[0] === "." && text[e.index + 1] === "\n";
    const dash = e !== null && ["-", "--", "—", "–"].includes(e[0].trim());
    if (e === null || !(e[0].startsWith(":") || lineEnd || dash)) return [];
    const out = [];
    let pos = e.index + e[0].length + (lineEnd ? 1 : 0);
    const stop = Math.min(text.length, pos + ORDINAL_REACH);
    for (const i of itemsIn(text, pos, stop)) {
      if (digitCount(i[0]) < S.ordinal_min_digits) continue;
      if (!ORDINAL_BETWEEN_RE.test(l.slice(pos, i.index))) break;
      out.push(i);
      pos = endOf(i);
    }
    return out;
  }
  // Numbers listed in a sentence that says they go in the order of a list of kinds on
  // one side of them: each takes its item's kind, DENIED for a negative one, over the
  // kind of a table or a list's heading (_in_order_lists).
  function inOrderLists(text, forced) {
    const l = low(text);
    if (!inOrder(l)) return;
    IN_ORDER_RE.lastIndex = 0; // matchAll starts where the last test() left it
    for (const m of l.matchAll(IN_ORDER_RE)) {
      let start = 0;
      IN_ORDER_END_RE.lastIndex = 0;
      for (const b of l.slice(0, m.index).matchAll(IN_ORDER_END_RE)) start = b.index + b[0].length;
      IN_ORDER_END_RE.lastIndex = m.index + m[0].length;
      const e = IN_ORDER_END_RE.exec(l);
      const end = e !== null ? e.index : l.length;
      IN_ORDER_ITEM_RE.lastIndex = 0;
      const items = [...text.slice(0, end).matchAll(IN_ORDER_ITEM_RE)].filter(
        (i) => i.index >= start && i[0].replace(/[^0-9]/g, "").length >= RULES.min_digits,
      );
      if (items.length < 2) continue;
      let listed = true;
      for (let k = 1; k < items.length; k++) {
        if (!IN_ORDER_BETWEEN_RE.test(l.slice(items[k - 1].index + items[k - 1][0].length, items[k].index))) listed = false;
      }
      if (!listed) continue;
      let kinds = listedKinds(l.slice(start, items[0].index));
      const last = items[items.length - 1];
      if (kinds.length !== items.length) kinds = listedKinds(l.slice(last.index + last[0].length, end));
      if (kinds.length !== items.length) continue;
      items.forEach((item, k) => {
        const kind = kinds[k];
        const at = item.index + item[0].length - item[0].replace(/^[A-Za-z]+/, "").length;
        if (ID_KINDS.has(kind)) forced.set(at, kind);
        else if (kind === "neg") forced.set(at, DENIED);
      });
    }
  }
  // The kind of the first cue of each item of a list of kinds (_listed_kinds).
  function listedKinds(part) {
    const out = [];
    for (const item of part.split(IN_ORDER_SEP_RE)) {
      const found = cues(item);
      if (found.length) out.push(found[0]);
    }
    return out;
  }

  // a back reference, or a number masked but for its last four digits
  function hasReference(text) {
    const l = low(text);
    if (inOrder(l)) return true;
    BACK_RE.lastIndex = 0;
    if (BACK_WORDS.some((w) => l.includes(w)) && BACK_RE.test(l)) return true;
    if (masked(text)) return true;
    // a field named for an identifier ("<TaxpayerID>N</TaxpayerID><BankRouting>M")
    if (!text.includes("<") && !text.includes('"') && !text.includes("'")) return false;
    const found = new Map();
    fields(text, found);
    return found.size > 0;
  }

  // a number masked but for its last four digits, after two mask characters in a row
  // (every mask has them; _masked in _scopes.py tests them first too)
  function masked(text) {
    if (!(text.includes("XX") || text.includes("xx") || text.includes("**") || text.includes("••"))) return false;
    MASKED_RE.lastIndex = 0;
    return MASKED_RE.test(text);
  }

  // A number masked but for its last four digits (XXX-XX-7488, XX-XXX7488) gives its
  // kind to each number of nine digits in the text that ends in the same four.
  const MASKED_RE = new RegExp(S.masked_last_four, "g");
  function maskedNumbers(text, forced) {
    if (!masked(text)) return;
    const last4 = new Map();
    MASKED_RE.lastIndex = 0; // matchAll starts where the last test() left it
    for (const m of text.matchAll(MASKED_RE)) if (!last4.has(m[3])) last4.set(m[3], m[1] !== undefined ? "ssn" : "fein");
    if (!last4.size) return;
    for (const n of text.matchAll(LONG_NUMBER_RE)) {
      const digits = n[0].replace(/[^0-9]/g, "");
      const kind = digits.length === RULES.min_digits ? last4.get(digits.slice(-4)) : undefined;
      if (kind !== undefined && !forced.has(n.index)) forced.set(n.index, kind);
    }
  }

  function backReferences(text, forced) {
    const l = low(text);
    if (!BACK_WORDS.some((w) => l.includes(w))) return;
    let numbers = null;
    BACK_RE.lastIndex = 0;
    let m;
    while ((m = BACK_RE.exec(l)) !== null) {
      const mEnd = m.index + m[0].length;
      CUE_AT.lastIndex = mEnd;
      const cue = CUE_AT.exec(l);
      if (cue === null) continue;
      let g = 1;
      while (g < cue.length && cue[g] === undefined) g++;
      if (g >= cue.length) continue;
      const kind = CUE_KINDS[g - 1];
      const cueEnd = mEnd + cue[0].length;
      // like Python's search(l, cueEnd, cueEnd + BACK_SENTENCE): nothing past the end is seen
      BACK_END_RE.lastIndex = cueEnd;
      const end = BACK_END_RE.exec(l.slice(0, cueEnd + BACK_SENTENCE));
      const stop = end !== null ? end.index : Math.min(l.length, cueEnd + BACK_SENTENCE);
      // not "the first number is my SSN: N", which the cue before N answers
      if (!ID_KINDS.has(kind) || /[0-9]/.test(l.slice(cueEnd, stop))) continue;
      if (numbers === null) {
        numbers = [];
        for (const n of text.matchAll(LONG_NUMBER_RE)) {
          if (n[0].replace(/[^0-9]/g, "").length >= RULES.min_digits) numbers.push(n.index);
        }
      }
      const place = m[1] || m[2] || m[3];
      const k = bisectLeft(numbers, m.index);
      let picked;
      if (place === "above") picked = k ? [numbers[k - 1]] : [];
      else if (place === "below") picked = numbers.slice(bisectLeft(numbers, stop), bisectLeft(numbers, stop) + 1);
      else {
        // the numbers of the sentence before, or of its own sentence before it
        let j = m.index;
        while (j > 0 && " \t".includes(l[j - 1])) j--;
        const own = j === 0 || !".!?\n".includes(l[j - 1]);
        const endAt = own ? m.index : j - 1;
        let lo = Math.max(0, endAt - BACK_SENTENCE);
        const before = l.slice(0, endAt);
        BACK_END_RE.lastIndex = lo;
        let e;
        while ((e = BACK_END_RE.exec(before)) !== null) lo = e.index + e[0].length;
        const listed = numbers.slice(bisectLeft(numbers, lo), k);
        const at = BACK_PLACES.get(place);
        picked = listed.length >= 2 && at < listed.length ? [listed.at(at)] : [];
      }
      for (const o of picked) if (!forced.has(o)) forced.set(o, kind);
      BACK_RE.lastIndex = mEnd;
    }
  }

  function lines(text) {
    const out = [];
    let pos = 0;
    const n = text.length;
    while (pos <= n) {
      let end = text.indexOf("\n", pos);
      if (end < 0) end = n;
      let line = text.slice(pos, end);
      if (line.endsWith("\r")) line = line.slice(0, -1);
      const m = QUOTE_RE.exec(line);
      const off = m ? m[0].length : 0;
      out.push([pos + off, line.slice(off)]);
      pos = end + 1;
    }
    return out;
  }

  // line with the inside of each double-quoted field made "x" (same length): a CSV quotes
  // a cell that holds its separator ('"Delgado, Ruben",113573855,6500.00')
  function unquoted(line) {
    if (!line.includes('"')) return line;
    return line.replace(/"[^"\n]*"/g, (m) => '"' + "x".repeat(m.length - 2) + '"');
  }

  function cells(original, mode) {
    // a separator inside double quotes separates nothing: bounds from the unquoted line
    const line = unquoted(original);
    let bounds = [];
    if (mode === ", ") {
      // a CSV pasted with a space after each comma ("Petrov, 646617143, ...")
      let start = 0;
      let i = line.indexOf(", ");
      while (i >= 0) {
        bounds.push([start, i]);
        start = i + 2;
        i = line.indexOf(", ", start);
      }
      bounds.push([start, line.length]);
    } else if (mode === "\t" || mode === "," || mode === "|" || mode === ";") {
      let start = 0;
      for (let i = 0; i < line.length; i++) {
        if (line[i] === mode) {
          bounds.push([start, i]);
          start = i + 1;
        }
      }
      bounds.push([start, line.length]);
      if (mode === "|") {
        // (a blank first cell as wide as a column of row labels is one: "          |
        // Routing | Account" over "On return | 255966180 | 7838545277"; _ROW_LABEL_HEAD)
        if (line.slice(0, bounds[0][1]).trim() === "" && bounds[0][1] < S.row_label_head) bounds = bounds.slice(1);
        if (bounds.length && line.slice(bounds[bounds.length - 1][0]).trim() === "") bounds = bounds.slice(0, -1);
      }
    } else {
      let start = 0;
      ALIGNED_RE.lastIndex = 0;
      let m;
      while ((m = ALIGNED_RE.exec(line)) !== null) {
        bounds.push([start, m.index]);
        start = m.index + m[0].length;
      }
      bounds.push([start, line.length]);
    }
    return bounds.map(([s, e]) => {
      const cell = original.slice(s, e);
      const stripped = pyLstrip(cell);
      return [s + cell.length - stripped.length, pyRstrip(stripped)];
    });
  }

  function mode(original) {
    const line = unquoted(original);
    // (a tab left at the end of a CSV row splits nothing; most lines hold no tab at all,
    // and the regex that strips the end is dear on the long runs of spaces of aligned rows)
    if (line.includes("\t") && line.replace(/[ \t\r]+$/, "").includes("\t")) return "\t";
    if (line.split("|").length - 1 >= 2) return "|";
    if (line.split(";").length - 1 >= 2) return ";"; // a CSV in a European locale: "name;tin;amount"
    ALIGNED_RE.lastIndex = 0;
    const aligned = ALIGNED_RE.test(pyStrip(line));
    if (line.split(",").length - 1 >= 2 && !line.includes(", ")) {
      // (a space-aligned row of amounts: "RUSSO H   348290833   32,660.48   1,480.46")
      if (!aligned || line.replace(/(?<=[0-9]),(?=[0-9]{3}(?![0-9]))/g, "").split(",").length - 1 >= 2) return ",";
    }
    return aligned ? "  " : null;
  }

  // Is row a row of a table split by md, width cells wide? A row of ", " cells has as
  // many as its header: a cell holding ", " would put the rest in the wrong column.
  function rowMode(row, md, width) {
    if (md === ", ") return unquoted(row).split(", ").length === width && !row.includes("\t");
    return mode(row) === md;
  }

  function header(line, md) {
    const cs = cells(line, md);
    // (two cells, the first a label: a key-value line, "Station:   Route 6 Fuel")
    if (cs.length < 2 || (md === "  " && cs.length === 2 && cs[0][1].endsWith(":"))) return null;
    const kinds = [];
    let named = false;
    const negative = [];
    for (const [, cell] of cs) {
      // (a form's number is no number of the row's: "NAME;SSN;1099-G BOX 1;CT SAYS")
      if (cell.length > S.max_header_cell || digitCount(cell.replace(HEADER_FORM_RE, "")) > HEADER_MAX_DIGITS) return null;
      // an export's "StateRegNo", "fed_tax_id": its words apart
      const found = cues(cell.replace(/(?<=[a-z])(?=[A-Z])/g, " ").replace(/_/g, " "), false, true);
      let kind = found.length ? found[found.length - 1] : "none";
      if (ID_KINDS.has(kind)) named = true;
      else kind = "none";
      // (a cell that names an identifier is no document's column: "Permit #" heads CT
      // sales tax permits, the registration numbers)
      negative.push(kind === "none" && NEGATIVE_COLUMN_RE.test(low(pyStripChars(cell, '" '))));
      kinds.push(kind);
    }
    if (!negative.some((x) => x)) return named ? kinds : null;
    // a column named as a document's number ("claim_no") denies its cells, as a denied
    // list does its items; under a header that names no identifier, the other columns
    // are left to the other rules (SKIP)
    return kinds.map((k, i) => (negative[i] ? DENIED : named ? k : SKIP));
  }

  // In a run of two or more "label: value" lines whose labels name one kind of
  // identifier, an item whose label names nothing takes that kind too.
  // Is the line ITEM_RE matched (m) an item among siblings, not a line of prose? A bullet,
  // a "-"/":"/"=" or a tab between label and value, or a dash in its label ("wife -
  // Lorraine 149515838"); after an item, a label of at most three words and a bare
  // nine-digit value are enough ("son Jayden 641816878") (_sibling_item).
  function siblingItem(m, line, afterItem) {
    const label = m[2];
    if (label.length > S.max_label) return false;
    // a code, not a label and its value ("the CT-1096 wants totals")
    const v = m[0].length - 1; // where the value starts
    if (["-", "–", "—"].includes(m[3]) && line[v - 1] === m[3] && /[\p{L}\p{N}]$/u.test(label)) return false;
    if (m[1] || pyStrip(m[3]) || m[3] === "\t" || LABEL_DASH_RE.test(label)) return true;
    const words = label.split(/\s+/).filter(Boolean).length;
    return afterItem && words > 0 && words <= 3 && BARE_ITEM_RE.test(line.slice(m[0].length - 1));
  }

  // Is the value written as a valid SSN (shaped_item, 3-2-4)?
  // Is the value written as a valid EIN (shaped_fein_item, 2-7)? (_shaped_fein)
  function shapedFein(value) {
    return SHAPED_FEIN_ITEM_RE.test(value) && feinOk(value.slice(0, 2) + value.slice(3, 10));
  }

  function shapedSsn(value) {
    return SHAPED_ITEM_RE.test(value) && ssnOrItin(value.slice(0, 3) + value.slice(4, 6) + value.slice(7, 11)) === "ssn";
  }

  function siblingItems(ls, forced) {
    const n = ls.length;
    let i = 0;
    while (i < n) {
      const items = [];
      let j = i;
      while (j < n) {
        const [off, line] = ls[j];
        const m = ITEM_RE.exec(line);
        if (m === null || !siblingItem(m, line, items.length > 0)) break;
        // the label with its colon: "SS:" is a cue where "SS" alone is not
        items.push([off + m[0].length - 1, m[2] + pyStrip(m[3]), line.slice(m[0].length - 1)]);
        j++;
      }
      if (items.length >= 2) siblingsKind(ls, i, items, forced);
      i = Math.max(j, i + 1);
    }
  }

  // The kind the siblings' labels name; else, if none names one, SSN or EIN beside a
  // sibling written as one (an EIN not under a person's label); else the one kind the
  // sentence just above names ("They both have ITINs." / "Father: 971701562")
  // (_siblings_kind).
  function siblingsKind(ls, i, items, forced) {
    // (or read with its value's first digit: "Reg:" is a cue only before one)
    const labelled = items.map(([o, label, value]) => {
      const named = cues(label);
      return [o, named.length ? named : cues(label + " " + value.slice(0, 1)), value];
    });
    const kinds = new Set();
    for (const [, found] of labelled) for (const k of found) if (ID_KINDS.has(k)) kinds.add(k);
    if (kinds.size === 1) {
      const [kind] = kinds;
      for (const [off, found] of labelled) if (!found.length && !forced.has(off)) forced.set(off, kind);
      return;
    }
    if (kinds.size) return;
    let kind;
    const shaped = shapedKind(labelled.map(([, , v]) => v));
    if (shaped !== null) {
      // no label names a kind, but a sibling is written as an SSN (a valid one, not the
      // example 123-45-6789) or an EIN, and no heading names something else: bare nine
      // digits beside it are that too ("Lucas - 412083317" / "Mia: 523-10-4428")
      if (namedOtherwise(ls, i, true)) return;
      kind = shaped;
    } else if (items.every(([, label], n) => !labelled[n][1].length && RELATION_LABEL_RE.test(bareLabel(label))) && !namedOtherwise(ls, i)) {
      // "me: 485379386" / "my husband: 991765388": people's numbers (not under a line that
      // names them otherwise: "We paid for two orders.")
      kind = "ssn";
    } else {
      kind = kindAbove(ls, i);
    }
    if (kind === null) return;
    const bare = kind === "ct" ? BARE_CT_ITEM_RE : BARE_ITEM_RE;
    labelled.forEach(([off, found, value], n) => {
      if (found.length || forced.has(off) || !bare.test(value)) return;
      // (a person's number is no EIN: "Mine: 270313312" / "His business: 88-…")
      if (kind === "fein" && RELATION_LABEL_RE.test(bareLabel(items[n][1]))) return;
      forced.set(off, kind);
    });
  }

  // The one kind, ssn or fein, that sibling values are written as (3-2-4 or 2-7), or
  // null if none is or both are; else ct if one is written as a CT number (7-3)
  // (_shaped_kind).
  function shapedKind(values) {
    const ssn = values.some(shapedSsn);
    const fein = values.some(shapedFein);
    if (ssn !== fein) return ssn ? "ssn" : "fein";
    if (!ssn && values.some((v) => SHAPED_CT_ITEM_RE.test(v))) return "ct";
    return null;
  }

  // The one identifier kind the last sentence of the line above line i (or above a blank
  // line there) names, with no negative cue beside it, or null (_kind_above).
  function kindAbove(ls, i) {
    const line = lineAbove(ls, i);
    if (line === null) return null;
    const ids = new Set(cues(lastSentence(pyRstrip(line))));
    if (ids.size !== 1) return null;
    const [kind] = ids;
    return ID_KINDS.has(kind) ? kind : null;
  }

  // Runs of two or more lines split alike into cells (scopes.roster_name): a roster of
  // people with no header, whose bare nine-digit column takes the SSN cue, unless the
  // line above names its columns otherwise (_roster_rows).
  function rosterRows(ls, forced) {
    const n = ls.length;
    let i = 0;
    while (i < n) {
      const md = mode(ls[i][1]);
      let j = i + 1;
      if (md === null) {
        // or each a name, one space and nine digits ("Smith J 795554036")
        const rows = [];
        for (let k = i; k < n; k++) {
          const m = SPACED_ROW_RE.exec(ls[k][1]);
          if (m === null) break;
          // (the name after the indent, the number after the name and one space)
          const at = m[1].length;
          rows.push([
            [at, m[2]],
            [at + m[2].length + 1, m[3]],
          ]);
        }
        j = i + Math.max(1, rows.length);
        if (rows.length >= 2 && !namedOtherwise(ls, i)) roster(ls.slice(i, j), rows, forced, aboveKinds(ls, i));
      }
      while (md !== null && j < n && mode(ls[j][1]) === md) j++;
      if (md !== null && j - i >= 2 && !namedOtherwise(ls, i)) {
        roster(
          ls.slice(i, j),
          ls.slice(i, j).map(([, line]) => cells(line, md).map(bareCell)),
          forced,
          aboveKinds(ls, i),
        );
      }
      i = j;
    }
  }

  // Does the line just above line i (or above a blank line there) name something other
  // than an identifier (_named_otherwise)?
  // The line just above line i, or above a blank line there; null above the first
  // (_line_above).
  function lineAbove(ls, i) {
    let k = i - 1;
    if (k > 0 && !pyStrip(ls[k][1])) k--;
    return k >= 0 ? ls[k][1] : null;
  }

  // heading: only a line that ends with a colon ("Invoices:"), in its last sentence ("...
  // to claim everyone right. Our info:" names nothing), counts (_named_otherwise)
  function namedOtherwise(ls, i, heading = false) {
    let line = lineAbove(ls, i);
    if (line === null) return false;
    if (heading) {
      if (!pyStrip(line).endsWith(":")) return false;
      line = lastSentence(line);
    }
    return cues(line).some((kind) => kind === "neg" || kind === "neg_bare");
  }

  // a cell without the double quotes a CSV put around it: its offset and text (_bare_cell)
  function bareCell([off, text]) {
    return text.length >= 2 && text[0] === '"' && text[text.length - 1] === '"' ? [off + 1, text.slice(1, -1)] : [off, text];
  }

  // The kinds the last sentence of the line above line i names (_above_kinds).
  const CT_CELL_RE = new RegExp("^(?:" + S.ct_cell + ")$");
  function aboveKinds(ls, i) {
    const above = lineAbove(ls, i);
    return new Set(above === null ? [] : cues(lastSentence(above)));
  }

  // The rows' cells (table: their offsets in the line and texts, a CSV's quotes aside:
  // '"682321741"') as a roster, if they are one; above: the kinds the line above names
  // (_roster).
  function roster(rows, table, forced, above) {
    const width = table[0].length;
    if (table.some((cs) => cs.length !== width)) return;
    for (let col = 0; col < width; col++) {
      // nine digits in every row (some may be written as SSNs: "Pham, Kevin\t296804077"
      // among "Dominguez, Ana\t331-22-8854" rows, or masked: "XXX-XX-5665"), beside a name
      if (!table.every((cs) => /^(?:[0-9]{9}|[0-9]{3}-[0-9]{2}-[0-9]{4}|[0-9]{2}-[0-9]{7}|[Xx*•]{3}-[Xx*•]{2}-[0-9]{4})$/.test(cs[col][1]) && hasName(cs, col))) continue;
      // the kind its written numbers show ("BluePeak IT Consulting,732987131" among
      // "Ridgefield Tree Service,60-1455774"), else a roster of businesses ("ACME FIRE
      // PROTECTION LLC,397893934") lists EINs, one of people SSNs
      const kind = rosterKind(table, col, above);
      rows.forEach(([off], r) => {
        const at = off + table[r][col][0];
        if (!forced.has(at) && /^[0-9]{9}$/.test(table[r][col][1])) forced.set(at, kind);
      });
    }
    if (above.has("ct")) {
      // (and a column of CT numbers, ten digits ending in a location code 00x, under a
      // line that names them: 'error "FEIN/registration mismatch":')
      for (let col = 0; col < width; col++) {
        if (!table.every((cs) => CT_CELL_RE.test(cs[col][1]))) continue;
        rows.forEach(([off], r) => {
          const at = off + table[r][col][0];
          if (!forced.has(at)) forced.set(at, "ct");
        });
      }
    }
  }

  // The kind of a roster's column of nine digits: the kind its written numbers show
  // ("BluePeak IT Consulting,732987131" among "Ridgefield Tree Service,60-1455774"), else
  // the one kind of person or business number the line above names, else a roster of
  // businesses ("ACME FIRE PROTECTION LLC,397893934") lists EINs, one of people SSNs
  // (_roster_kind).
  function rosterKind(table, col, above) {
    const written = new Set(table.filter((cs) => cs[col][1].includes("-")).map((cs) => cs[col][1].length));
    if (written.size === 1 && written.has(10)) return "fein";
    if (written.size === 1 && written.has(11)) return "ssn";
    const named = ["ssn", "itin", "fein"].filter((k) => above.has(k));
    if (named.length === 1) return named[0];
    const firms = table.filter((cs) => cs.some(([, c]) => BUSINESS_RE.test(low(c)))).length;
    return firms === table.length ? "fein" : firms === 0 ? "ssn" : "taxid";
  }

  // Does a cell other than col hold a person's name (or two side by side, one word
  // each: "HARTLEY,JAMES")? (_has_name)
  function hasName(cs, col) {
    let word = false;
    for (let k = 0; k < cs.length; k++) {
      const cell = cs[k][1].replace(/^"+|"+$/g, ""); // (a CSV's quotes aside)
      if (k === col || cues(cell).length) {
        word = false;
        continue;
      }
      if (ROSTER_NAME_RE.test(cell)) return true;
      if (ROSTER_WORD_RE.test(cell)) {
        if (word) return true;
        word = true;
      } else {
        word = false;
      }
    }
    return false;
  }

  function openingSentence(ls) {
    let para = [];
    for (const [, line] of ls) {
      if (pyStrip(line)) {
        para.push(pyStrip(line));
        continue;
      }
      // a salutation of any length ("To whom it may concern,") is not the opening
      const salutation = para.length === 1 && para[0].endsWith(",");
      if (para.join(" ").split(/\s+/).filter(Boolean).length >= S.min_opening_words && !salutation) break;
      para = [];
    }
    const words = para.join(" ");
    const m = /[.!?](?:\s|$)/.exec(words);
    return m ? words.slice(0, m.index) : words;
  }

  // Does a list heading say its items are not identifiers, naming none it does not
  // deny? (_denied_list)
  const DENIED_LIST_RE = new RegExp(S.denied_list);
  function deniedList(heading) {
    const m = DENIED_LIST_RE.exec(low(heading));
    if (m === null) return false;
    if (m[0].startsWith("none") || m[0].startsWith("neither")) return true;
    return !cues(heading, true).some((k) => ID_KINDS.has(k));
  }

  function topicOf(text, ls) {
    const kinds = new Set();
    const firstLine = ls.find(([, line]) => pyStrip(line));
    const first = firstLine ? firstLine[1] : "";
    const add = (s) => {
      for (const k of cues(s, true)) if (ID_KINDS.has(k)) kinds.add(k);
    };
    if (SUBJECT_RE.test(first)) add(first);
    add(openingSentence(ls));
    let pos = 0;
    const parts = text.split("\n");
    for (let i = 0; i < parts.length; i++) {
      const line = parts[i];
      pos += line.length + 1;
      if (QUOTE_RE.test(line)) {
        add(line);
        // a cue a hard wrap split between two quoted lines: read across the wrap (_topic)
        const nxt = i + 1 < parts.length ? QUOTE_RE.exec(parts[i + 1]) : null;
        if (nxt !== null) {
          const body = parts[i + 1].slice(nxt[0].length);
          if (/^[A-Za-z][A-Za-z]/.test(line.slice(-1) + body)) add(line + " " + body);
        }
      } else if ((":-_".includes(pyRstrip(line).slice(-1) || "?") && QUOTE_HEADER_RE.test(low(line))) || outlookHeader(parts, i)) {
        // a header that starts a quote without prefixes (its last character is one of
        // ":-_"): all the rest is quoted
        const rest = text.slice(pos);
        add(rest.includes("\n") ? rest.replace(WRAP_RE, " ") : rest);
        break;
      }
    }
    return topicKinds(kinds);
  }

  // Does line i start Outlook's header with no separator above it ("From: …" over
  // "Sent: …", scopes.outlook_header)? (_outlook_header)
  function outlookHeader(parts, i) {
    if (i + 1 >= parts.length) return false;
    const [from, next] = S.outlook_header;
    const a = low(parts[i].replace(/^[ \t]+/, "").slice(0, 6));
    const b = low(parts[i + 1].replace(/^[ \t]+/, "").slice(0, 12));
    return from.some((w) => a.startsWith(w)) && next.some((w) => b.startsWith(w));
  }

  // [for nine digits, for more]: the kind a topic gives a number of each length (_topic_kinds).
  function topicKinds(kinds) {
    if (kinds.size === 1) {
      const kind = [...kinds][0];
      return [kind, kind];
    }
    const nine = new Set([...kinds].filter((k) => k !== "ct").map((k) => (k === "itin" ? "ssn" : k)));
    if (nine.size === 2 && nine.has("taxid")) nine.delete("taxid"); // a "tax ID" beside the kind it is
    return [nine.size === 1 ? [...nine][0] : null, kinds.has("ct") ? "ct" : null];
  }

  // [forced, fallback]: Maps from an original offset where a number starts to the kind
  // of cue it takes ("none" for a column that names no identifier).
  return { scopes, hasReference, inOrder, layout };

  // An XML element or JSON field whose name names an identifier ("<PrimarySSN>",
  // '"taxpayerSSN": ', a Python dict's "'reg_no': '", an HTML input's 'name="ownerSsn"
  // value="'): its value, starting with a digit, takes that kind (_fields).
  function fields(text, forced) {
    FIELD_RE.lastIndex = 0;
    let m;
    while ((m = FIELD_RE.exec(text)) !== null) {
      const name = m[1] ?? m[3] ?? m[4] ?? m[5];
      const at = m.index + m[0].length;
      if (forced.has(at)) continue;
      // a field's name ("CTTax" apart too, and a digit before a capital: "W2Employer"),
      // then its attributes' words ('<TaxpayerID type="FEIN">': the last cue wins)
      const words = (name + " " + (m[2] ?? "")).replace(/(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/g, " ").replace(/_/g, " ");
      const found = cues(words, false, true);
      let kind = found.length ? found[found.length - 1] : null;
      if (kind === "taxid") kind = fieldType(text, m.index, at) ?? kind;
      if (ID_KINDS.has(kind)) forced.set(at, kind);
    }
  }

  // The kind a type field of the same JSON object or dict names, near the field at
  // text[s, e) and no brace between ('"taxIdType": "EIN", "taxId": "043712345"'), or null
  // (scopes.field_type; _field_type).
  function fieldType(text, s, e) {
    const lo = Math.max(0, s - S.field_type_reach);
    const hi = Math.min(text.length, e + S.field_type_reach);
    const before = (c) => {
      const i = s > lo ? text.lastIndexOf(c, s - 1) : -1;
      return i >= lo ? i : -1;
    };
    const after = (c) => {
      const i = text.indexOf(c, e);
      return i >= 0 && i < hi ? i : -1;
    };
    const a = Math.max(before("{"), before("}"), lo - 1) + 1;
    const b = Math.min(...[after("}"), after("{"), hi].filter((x) => x >= 0));
    const m = FIELD_TYPE_RE.exec(low(text.slice(a, b)));
    return m === null ? null : FIELD_TYPE_KINDS[m[1]];
  }

  // The fields a lower-cased line lays out, [start, end, name], or [] (_layout_items).
  function layoutItems(l) {
    const items = [...l.matchAll(LAYOUT_RANGE_RE)].map((m) => [Number(m[1]) - 1, Number(m[2]), m[3]]);
    if (items.length >= S.layout_min_ranges) return items;
    const listed = LAYOUT_WIDTHS_LIST_RE.exec(l);
    let pairs;
    if (listed !== null) {
      const widths = listed[1].replace(/ /g, "").split(/[,/]/).map(Number);
      const names = listed[2].replace(/\([^()]*\)/g, "").split(",");
      pairs = names.length === widths.length ? names.map((name, i) => [name, widths[i]]) : [];
    } else {
      pairs = [...l.matchAll(LAYOUT_WIDTH_RE)].map((m) => [m[1], Number(m[2])]);
      if (pairs.length < S.layout_min_widths) return [];
    }
    const out = [];
    let at = 0;
    for (const [name, width] of pairs) {
      out.push([at, at + width, name]);
      at += width;
    }
    return out;
  }
  // The identifier fields a line lays out, or [] (_layout_fields).
  function layoutFields(line) {
    const out = [];
    for (const [start, end, name] of layoutItems(low(line))) {
      const found = cues(name, false, true);
      const kind = found.length ? found[found.length - 1] : null;
      if (Object.hasOwn(LAYOUT_WIDTHS, kind) && LAYOUT_WIDTHS[kind].includes(end - start)) out.push([start, end, kind, pyStrip(name)]);
    }
    return out;
  }
  // Does row hold a value, digits perhaps grouped, all through each identifier field?
  // (_layout_row)
  function layoutRow(row, fields) {
    return fields.every(([s, e]) => e <= row.length && LAYOUT_CELL_RE.test(row.slice(s, e)));
  }
  // A fixed-width record a sentence lays out (scopes._layout): where each row under it
  // starts, by where its line starts (a quote prefix before it), and the identifier
  // fields [start, end, kind, name] of each row; [new Map(), []] if none (_scopes.layout).
  function layout(norm) {
    if (!LAYOUT_GATE_RE.test(low(norm))) return [new Map(), []];
    const ls = lines(norm);
    for (let i = 0; i < ls.length; i++) {
      const fields = /[0-9]/.test(ls[i][1]) ? layoutFields(ls[i][1]) : [];
      if (!fields.length) continue;
      const rows = new Map();
      let j = firstBelow(ls, i);
      while (j < ls.length && layoutRow(ls[j][1], fields)) {
        const off = ls[j][0];
        rows.set(norm.lastIndexOf("\n", off - 1) + 1, off);
        j++;
      }
      if (rows.size) return [rows, fields];
    }
    return [new Map(), []];
  }

  // The line a header or heading at line i stands over: the next, or the one after a
  // blank line (_first_below).
  function firstBelow(ls, i) {
    return i + 2 < ls.length && pyStrip(ls[i + 1][1]) === "" ? i + 2 : i + 1;
  }
  // How a table under line splits its cells, and the header line to read (line, or the
  // column names a sentence of it lists), given the line its rows start on (_head_mode).
  // The line with the column names a sentence of it lists between slashes ("columns are
  // client / FEIN / CT reg / last return filed:") listed between commas (_slashed_columns).
  function slashedColumns(line) {
    if (!line.includes(" / ")) return line;
    const m = COLUMN_LIST_RE.exec(low(line));
    if (m === null || m[1].split(" / ").length - 1 < SLASHED_MIN || m[1].includes(", ")) return line;
    const s = m.index + m[0].length - m[1].length;
    return line.slice(0, s) + line.slice(s, s + m[1].length).replaceAll(" / ", ", ") + line.slice(s + m[1].length);
  }
  function headMode(line, below) {
    line = slashedColumns(line);
    let md = mode(line);
    let named = line;
    const commas = md === null ? unquoted(line).split(", ").length - 1 : 0;
    if (commas >= 2 && below !== null && mode(below) === ",") {
      md = ","; // "Last name, first name, SSN, wages:" over rows of bare CSV
      const m = COLUMN_LIST_RE.exec(low(line));
      const k = line.lastIndexOf(": ");
      if (m !== null) named = m[1]; // "... upload. Columns are last name, first name, SSN:"
      // (or the names after the line's last colon: "From our vendor master (no headers,
      // sorry): name, tax id, city")
      else if (k >= 0 && line.slice(k).split(", ").length - 1 >= 2) named = line.slice(k + 2);
    } else if (commas >= 2 && below !== null && rowMode(below, ", ", commas + 1)) {
      md = ", "; // a header and rows all written with ", " between cells
    } else if (commas >= 2 && below !== null && mode(below) === "\t") {
      const m = COLUMN_LIST_RE.exec(low(line));
      if (m !== null) {
        // "Columns are: line, last name, social, ..." over TSV rows
        md = "\t";
        named = m[1].replaceAll(", ", "\t");
      }
    }
    return [md, named];
  }
  // Are line and the line under it a label and its value each, aligned by spaces, the
  // label under it an identifier's name ("Bank    Charter Oak FCU" over "Routing
  // 290698109"): key-value lines, not a header over a row? (_key_values)
  function keyValues(line, md, below) {
    if (md !== "  " || below === null) return false;
    const labels = cells(below, md).map(([, c]) => c).filter((c) => c);
    const heads = cells(line, md).map(([, c]) => c).filter((c) => c);
    // (or a label and its colon over the other, the line above holding boxes: "Direct
    // deposit:  [X] Checking   [ ] Savings" over "Routing number:  261656879")
    const colons = heads.length > 0 && heads[0].endsWith(":") && labels.length > 0 && labels[0].endsWith(":");
    // (or boxes alone: "Direct Deposit   Checking [X]  Savings [ ]" over "Routing number
    // 211170101", a form's line of choices, no header)
    const boxes = heads.some((c) => CHECKBOX_RE.test(c));
    if (labels.length !== 2 || (heads.length !== 2 && !colons && !boxes)) return false;
    return !/[0-9]/.test(labels[0]) && cues(labels[0], false, true).some((k) => ID_KINDS.has(k));
  }
  // Does a table whose header row names its columns start at line k (_table_at)?
  function tableAt(ls, k) {
    if (k >= ls.length) return false;
    const below = firstBelow(ls, k);
    const row = below < ls.length ? ls[below][1] : null;
    const [md, named] = headMode(ls[k][1], row);
    return md !== null && header(named, md) !== null && !keyValues(named, md, row);
  }

  // Under a one-cell header (a line that is only an identifier's name: "SSN") two or
  // more lines holding only a number, a column copied out of a spreadsheet: each takes
  // the header's kind (_column_rows). The index of the first line after them, or null.
  // The identifier kind of a cue that is the whole of head ("SSN", "Routing"), or null
  // (_head_kind).
  function headKind(head) {
    const l = low(head);
    CUE_AT_START.lastIndex = 0;
    const cue = CUE_AT_START.exec(l);
    if (cue === null || cue[0].length !== l.length) return null;
    let k = 1;
    while (k < cue.length && cue[k] === undefined) k++;
    const kind = k < cue.length ? CUE_KINDS[k - 1] : null;
    return ID_KINDS.has(kind) ? kind : null;
  }

  // A number alone in a cell of a row its first cell labels as an identifier of kind, under
  // a header that names the cell's column otherwise ("| Routing | 654614033 | 318830836 |"
  // under "| Field | Old | New |"): it takes that kind. (_label_cell)
  function labelCell(kind, at, cell, forced) {
    if (COLUMN_VALUE_RE.test(cell)) forced.set(at, kind);
  }

  // A space-aligned, tab-split or pipe-split row whose first cell names an identifier and
  // whose two or more other cells are numbers ("Routing   078006667   320344323" under
  // "Entered   Correct", "| Routing | 654614033 | 318830836 |"): each number takes that
  // kind; true if the row is one (_label_row).
  function labelRow([roff, line], forced) {
    const md = mode(line);
    if (md !== "  " && md !== "\t" && md !== "|") return false;
    const cs = cells(line, md);
    if (cs.length < 3 || !cs.slice(1).every(([, c]) => COLUMN_VALUE_RE.test(c))) return false;
    const head = cs[0][1];
    if (!head || head.length > S.max_header_cell || /[0-9]/.test(head)) return false;
    const kind = headKind(head);
    if (kind === null) return false;
    for (const [off] of cs.slice(1)) if (!forced.has(roff + off)) forced.set(roff + off, kind);
    return true;
  }

  function columnRows(ls, i, forced) {
    const n = ls.length;
    if (i + 2 >= n || !COLUMN_VALUE_RE.test(ls[i + 1][1])) return null;
    const head = pyStrip(ls[i][1]);
    if (!head || head.length > S.max_header_cell || /[0-9]/.test(head)) return null;
    const kind = headKind(head);
    if (kind === null || !COLUMN_VALUE_RE.test(ls[i + 2][1])) return null;
    let j = i + 1;
    while (j < n && COLUMN_VALUE_RE.test(ls[j][1])) {
      const [off, row] = ls[j];
      const at = off + row.length - row.replace(/^[ \t]+/, "").length;
      if (!forced.has(at)) forced.set(at, kind);
      j++;
    }
    return j;
  }

  // Under a header row: each cell that starts with a digit takes its column's kind; a
  // space-aligned row with fewer or more cells than its header (a fixed-width export)
  // is read by position: a word starting with a digit exactly under the start of a
  // header cell takes that column's kind. Returns the index of the first line after
  // the table (_table_rows).
  function tableRows(ls, first, md, cols, forced, starts) {
    const n = ls.length;
    let j = first;
    while (j < n) {
      const [roff, row] = ls[j];
      if (RULE_LINE_RE.test(row)) {
        j++;
        continue;
      }
      const cs = rowMode(row, md, cols.length) ? cells(row, md) : [];
      if (cs.length < 2) break;
      const typed = rowType(row);
      if (starts !== null && cs.length !== cols.length) {
        starts.forEach((at, k) => {
          if (cols[k] !== SKIP && at < row.length && ND.test(row[at]) && (at === 0 || row[at - 1] === " ")) forced.set(roff + at, columnKind(cols[k], typed));
        });
      } else {
        // a row its first cell labels as an identifier ("Routing no.      247968921"
        // under "Bank name        Chase": label and value, aligned): a column named
        // otherwise does not claim its number (_keyed_row)
        const label = cs[0][1];
        const keyed = !ND.test(label.slice(0, 1)) && cues(label).some((k) => ID_KINDS.has(k));
        // (the label's own kind, looked up once a row: labelCell)
        const labelKind = keyed ? headKind(label) : null;
        cs.slice(0, cols.length).forEach(([coff, cell], k) => {
          // (a CSV's quotes, and a spreadsheet's formula around a number kept as text:
          // "605689632", "=""605689632""", '605689632: an apostrophe keeps it as text)
          const q = cell.length - cell.replace(/^["=']+/, "").length;
          if (cols[k] === SKIP) return;
          if (keyed && cols[k] === "none") {
            if (k && labelKind !== null) labelCell(labelKind, roff + coff, cell, forced);
            return;
          }
          if (ND.test(cell.slice(q, q + 1))) forced.set(roff + coff + q, columnKind(cols[k], typed));
        });
      }
      j++;
    }
    return j;
  }

  // Tables whose header row is their last line, a block's last before a blank line or
  // the text's end: the rows above it, read upwards (_headers_below).
  function headersBelow(ls, forced) {
    const n = ls.length;
    for (let k = 1; k < n; k++) {
      const head = ls[k][1];
      // (a row of column names: no digit, no label's colon)
      if ((k + 1 < n && pyStrip(ls[k + 1][1])) || !pyStrip(head) || /[0-9]/.test(head) || head.includes(":")) continue;
      let j = k - 1;
      while (j > 0 && RULE_LINE_RE.test(ls[j][1])) j--;
      if (!/[0-9]/.test(ls[j][1])) continue;
      const [md, named] = headMode(head, ls[j][1]);
      const cols = md !== null ? header(named, md) : null;
      if (cols === null || cols.length < S.foot_header_min_columns) continue;
      const starts = md === "  " ? cells(named, md).map(([off]) => off) : null;
      tableRows(ls.slice(0, k).reverse(), k - 1 - j, md, cols, forced, starts);
    }
  }

  // Rows of bare CSV or tab-separated cells whose columns a sentence under them names
  // (scopes.column_list: "^ that's our extension payment batch (fields: FEIN, period end,
  // form, amount)"), as many as the first row above has cells: the rows above it, read
  // upwards, as under a header (_columns_below).
  function columnsBelow(ls, forced) {
    for (let k = 1; k < ls.length; k++) {
      const line = ls[k][1];
      const j = k >= 2 && !pyStrip(ls[k - 1][1]) ? k - 2 : k - 1;
      const above = ls[j][1];
      const md = mode(above);
      if ((md !== "," && md !== "\t") || !/[0-9]/.test(above) || !COLUMN_LIST_RE.test(low(line))) continue;
      const [headMd, named] = headMode(line, above);
      const cols = headMd === md && named !== line ? header(named, md) : null;
      if (cols === null || cells(above, md).length !== cols.length) continue;
      // (only the run of rows above is read, upwards: no copy of every line above)
      let top = j;
      while (top > 0 && (mode(ls[top - 1][1]) === md || RULE_LINE_RE.test(ls[top - 1][1]))) top--;
      tableRows(ls.slice(top, k).reverse(), k - 1 - j, md, cols, forced, null);
    }
  }

  function scopes(text) {
    const forced = new Map();
    const fallback = new Map();
    const ls = lines(text);
    const n = ls.length;
    headersBelow(ls, forced);
    columnsBelow(ls, forced);
    let i = 0;
    while (i < n) {
      const line = ls[i][1];
      // a header or heading may stand one blank line above its rows or items
      const first = firstBelow(ls, i);
      const row = first < n ? ls[first][1] : null;
      const [md, named] = headMode(line, row);
      const cols = md !== null ? header(named, md) : null;
      if (cols !== null && !keyValues(named, md, row)) {
        // a space-aligned row with fewer or more cells than its header (a fixed-width
        // export) is read by position: a word starting with a digit exactly under the
        // start of a header cell takes that column's kind
        const starts = md === "  " ? cells(named, md).map(([off]) => off) : null;
        const j = tableRows(ls, first, md, cols, forced, starts);
        i = j;
        continue;
      }
      if (labelRow(ls[i], forced)) {
        i++;
        continue;
      }
      const after = columnRows(ls, i, forced);
      if (after !== null) {
        i = after;
        continue;
      }
      const stripped = pyRstrip(line);
      // (not over a table whose header names its columns: "... for CT purposes:" over
      // "first_name,last_name,type,ssn"; nor a reply's "On ... wrote:" over the quoted lines)
      const heading = HEADING_RE.test(stripped) && !tableAt(ls, first) && !QUOTE_HEADER_RE.test(low(stripped));
      if (heading && deniedList(lastSentence(stripped))) {
        // each item with no label of its own is denied, whatever follows it (_denied_items)
        let j = first;
        while (j < n) {
          const [roff, row] = ls[j];
          const m = ITEM_RE.exec(row);
          if (m === null || pyStrip(m[2] ?? "")) break;
          forced.set(roff + m[0].length - 1, DENIED);
          j++;
        }
        i = j;
        continue;
      }
      if (heading) {
        const found = cues(lastSentence(stripped));
        const kind = found.length ? found[found.length - 1] : null;
        if (ID_KINDS.has(kind)) {
          let j = first;
          while (j < n) {
            const [roff, row] = ls[j];
            const m = ITEM_RE.exec(row);
            if (m === null) break;
            // an item labelled before or after its value keeps its own label
            if (m[2].length <= S.max_label && !cues(m[2]).length && !cues(row.slice(m[0].length - 1)).length) {
              forced.set(roff + m[0].length - 1, kind);
            }
            j++;
          }
          i = j;
          continue;
        }
      }
      i++;
    }
    // (a list of kinds said to go in order, over the one kind a list's heading names)
    inOrderLists(text, forced);
    ordinalLists(text, forced);
    if (text.includes("<") || text.includes('"') || text.includes("'")) fields(text, forced);
    siblingItems(ls, forced);
    rosterRows(ls, forced);
    backReferences(text, forced);
    maskedNumbers(text, forced);
    for (const [off, line] of ls) {
      // a check's numbers typed out: the first (the line's first digit) is the routing one
      if (CHECK_LINE_RE.test(line)) {
        const at = off + line.search(/[0-9]/);
        if (!forced.has(at)) forced.set(at, "routing");
      }
    }
    // the taxpayer ID of an ACH tax payment's TXP record (_txp_addenda)
    if (text.includes("TXP*")) {
      for (const m of text.matchAll(TXP_RE)) {
        const at = m.index + m[0].indexOf(m[1]);
        if (!forced.has(at)) forced.set(at, m[1].length === 10 ? "ct" : "fein");
      }
    }
    // a text of one line takes its opening sentence as the topic only when that sentence
    // holds no number, and gives it only to a number its last sentence presents after a
    // colon ("... paying withholding monthly. Here: 519024964")
    const oneLine = ls.length === 1;
    const [nine, longer] = oneLine && /[0-9]/.test(openingSentence(ls)) ? [null, null] : topicOf(text, ls);
    const put = (at) => {
      NUMBER_AT_RE.lastIndex = at;
      const m = NUMBER_AT_RE.exec(text);
      const digits = m === null ? "" : m[0].replace(/[^0-9]/g, "");
      const long = digits.length > 9;
      // a CT number has ten digits or more, the others nine
      let kind = nine !== longer && long ? longer : nine;
      if (kind === "ct" && long && digits.slice(-3, -1) !== CT_NO_CUE_LOCATION) {
        // (with the location code a writer gives with no cue of its own: not a store
        // card's "CARD #66395316936" under a receipt's "CT SALES TAX")
        kind = null;
      }
      if (kind !== null) fallback.set(at, kind);
    };
    if (nine !== null || longer !== null) {
      for (const [k, [off, line]] of ls.entries()) {
        // a line of its own ends with its number; a sentence may end its line with it, or
        // stand in a series of sentences that present one each after a colon
        const ends = /[0-9](?: *\([A-Za-z'’ ]{1,30}\))?[ .!)]*$/.test(line);
        const m = oneLine || !ends ? null : PRESENT_RE.exec(line);
        // the number is group 1, the line's last (a chat's time stamp may come first)
        if (m !== null && !cues(line).length) {
          put(off + line.lastIndexOf(m[1]));
          continue;
        }
        // (or opens it, a few words after a dash or comma: "127774206 — sorry, left it off
        // last time.")
        const lead = oneLine ? null : LEADING_RE.exec(line);
        if (lead !== null && !cues(line).length) {
          put(off + line.indexOf(lead[1]));
          continue;
        }
        // (or, in the line under a quoted question, presents it in its first sentence:
        // "> Can you confirm the routing number?" / "Yes — 323731917. The account ...")
        const answer = oneLine ? null : answeringSentence(text, ls, k);
        if (answer !== null && !cues(answer[0]).length) {
          put(off + answer[0].lastIndexOf(answer[1]));
          continue;
        }
        for (const [start, end] of presentingSentences(line)) {
          const sentence = line.slice(start, end);
          // the number is the sentence's first digit
          if (!cues(sentence).length && (!oneLine || afterColon(sentence))) put(off + start + sentence.search(/[0-9]/));
        }
      }
      // "the correct one is N": the anaphor refers back to the topic (read in lower
      // case, as cues are: "THE CORRECT ONE IS ...", a message in capitals)
      if (!oneLine) for (const m of low(text).matchAll(ANAPHOR_RE)) put(m.index + m[0].length - 1);
    }
    answeredTurns(ls, fallback);
    personNumbers(ls, fallback);
    labelLines(ls, forced, fallback);
    keyedNumbers(text, fallback);
    return [forced, fallback];
  }

  // Each number keyed into the department's phone line (keyed_entry), in a text that
  // speaks of the line's keys, prompts or recording (keyed_context): nine digits take the
  // kind of nine the text names, if one, or else the SSN's; ten with a location code the
  // CT number's (_keyed_numbers, _keyed_kind).
  function keyedNumbers(text, fallback) {
    const l = low(text);
    if (!KEYED_CONTEXT_RE.test(l)) return;
    let named = null;
    for (const m of l.matchAll(KEYED_ENTRY_RE)) {
      if (named === null) {
        const kinds = new Set(cues(text, true).map((k) => (k === "itin" ? "ssn" : k)));
        named = [...kinds].filter((k) => ID_KINDS.has(k) && k !== "ct");
      }
      const digits = m[1].replace(/[^0-9]/g, "");
      let kind = null;
      if (digits.length === RULES.min_digits) {
        if (named.length <= 1) kind = named.length ? named[0] : "ssn";
      } else if (digits.length === 10 && digits.slice(-3, -1) === CT_NO_CUE_LOCATION) kind = "ct";
      const at = m.indices[1][0];
      // ten digits with a location code are a CT number's whatever the topic says
      if (kind !== null && (kind === "ct" || !fallback.has(at))) fallback.set(at, kind);
    }
  }

  // A line that presents a number (a few words and the number: "GRACE L OYELOWO 306625954",
  // a form's row copied out of a PDF) right under a line of no digit that ends with an
  // identifier's name ("Your first name MI Last name Your Social Security Number") takes
  // that kind; labels stacked over as many bare values pair in order, over the cue nearest
  // each value, a negative label denying its value (_label_lines).
  function labelLines(ls, forced, fallback) {
    const values = ls.map(([, line]) => PRESENT_GLUED_RE.exec(line));
    // (a line's cues are read only above a value line)
    const labels = new Map();
    const label = (i) => {
      if (!labels.has(i)) labels.set(i, labelCue(ls[i][1]));
      return labels.get(i);
    };
    let k = 1;
    while (k < ls.length) {
      if (values[k] === null || label(k - 1) === null) {
        k++;
        continue;
      }
      // the run of label lines above k and of value lines from k
      let j = k - 1;
      while (j > 0 && label(j - 1) !== null) j--;
      let e = k;
      while (e < ls.length && values[e] !== null) e++;
      let n = Math.min(k - j, e - k);
      // (stacked values are bare: a key-value line names its own kind, "Routing: N")
      if (n > 1 && ls.slice(k, k + n).some(([, line]) => cues(line).length)) n = 1;
      for (let i = 0; i < n; i++) {
        // (stacked: the i-th value under the i-th of the last n labels; else the one label
        // right above)
        const cue = n > 1 ? label(k - n + i) : label(k - 1);
        const m = values[k + i];
        let g = 1;
        while (cue[g] === undefined) g++;
        const kind = CUE_KINDS[g - 1];
        const [off, line] = ls[k + i];
        const at = off + line.lastIndexOf(m[1]);
        if (n > 1 && (ID_KINDS.has(kind) || kind === "neg" || kind === "neg_bare")) {
          if (!forced.has(at)) forced.set(at, ID_KINDS.has(kind) ? kind : DENIED);
        } else if (n === 1 && ID_KINDS.has(kind) && !fallback.has(at)) fallback.set(at, kind);
      }
      k = e;
    }
  }
  // The cue a line of no digit ends with (a label line; a word for a number may end it
  // after the cue: "Account Number"), or null (_label_cue).
  function labelCue(line) {
    // (its words apart where a PDF copy ran them together: "Last nameSocial Security")
    const label = low(line.replace(/(?<=[a-z])(?=[A-Z])/g, " ")).replace(/[ \t:]+$/, "");
    if (!label || /[0-9]/.test(label)) return null;
    let last = null;
    CUE_RE.lastIndex = 0;
    let c;
    while ((c = CUE_RE.exec(label)) !== null) last = c;
    if (last === null || last[VOID] !== undefined) return null;
    if (!LABEL_TAIL_RE.test(label.slice(last.index + last[0].length))) return null;
    return last;
  }

  // A line of only a bare nine-digit number right under a line of only a person's name
  // ("Sharon Kowalski" / "361476201") takes the SSN cue (_person_numbers).
  function personNumbers(ls, fallback) {
    for (let k = 1; k < ls.length; k++) {
      const [off, line] = ls[k];
      const number = pyStrip(line);
      if (!PERSON_NUMBER_RE.test(number)) continue;
      const name = pyStrip(ls[k - 1][1]);
      if (ROSTER_NAME_RE.test(name) && !cues(name).length) {
        const at = off + line.indexOf(number);
        if (!fallback.has(at)) fallback.set(at, "ssn");
      }
    }
  }

  // Where a number read out in words starts in the rest of a turn that is nothing but that
  // number ("Me: zero seven three four zero zero two three nine."): at least
  // spoken_turn_min_words of the spoken words, with only spaces and pauses between; a word
  // of answer, or a few words ending in an answer's copula, may open it, and one of
  // spoken_turn_tail close it ("yes gram it's five eight ... three right"); -1 if not
  // (_spoken_turn_at).
  function spokenTurnAt(rest) {
    const words = [...rest.matchAll(/\p{L}+/gu)];
    let end = words.length;
    if (end && SPOKEN_TAIL.has(words[end - 1][0].toLowerCase())) end--;
    let k = end;
    while (k > 0 && SPOKEN_WORDS.has(words[k - 1][0].toLowerCase())) k--;
    if (end - k < S.spoken_turn_min_words) return -1;
    const start = words[k].index;
    const gapsOnly = (part) => [...part.replace(/\p{L}+/gu, "")].every((c) => " \t,.;!?…-–—".includes(c));
    if (!gapsOnly(rest.slice(start))) return -1; // (a digit among the words, or other signs)
    const before = rest.slice(0, start);
    if (k === 0 || (k === 1 && SPOKEN_LEAD.has(words[0][0].toLowerCase()))) {
      if (!gapsOnly(before)) return -1;
    } else if (k > S.spoken_turn_copula_words || !SPOKEN_COPULA_RE.test(before)) {
      return -1;
    }
    return start;
  }
  // Does the speaker of ls[i] go on, in their next turn, with a digit, at most
  // scopes.piece_turn_gap short turns of another's without a digit between (_piece_goes_on)?
  function pieceGoesOn(ls, i, speaker) {
    let gap = 0;
    for (const [, line] of ls.slice(i + 1, i + 2 + 2 * S.piece_turn_gap)) {
      if (!pyStrip(line)) continue;
      const m = SPEAKER_RE.exec(line);
      if (m === null) return false;
      const rest = line.slice(m[0].length);
      if (m[1].toLowerCase() === speaker) return /^[ \t]*[0-9]/.test(rest);
      gap++;
      const words = pyStrip(rest);
      if (gap > S.piece_turn_gap || /[0-9]/.test(rest) || (words ? words.split(/\s+/).length : 0) > S.piece_turn_gap_words) {
        return false;
      }
    }
    return false;
  }

  // In a call transcript, a turn that presents a number and names no kind takes the one
  // identifier kind the other speaker's turn just above it names ("AGENT: sure can I get
  // your social" / "CUSTOMER: 259523155") (_answered_turns).
  // The speaker a header line names, above the words ("Speaker 2  0:20"; or a speaker's
  // label and time with nothing after them: "Speaker 1 (02:41):"), or null (_header_speaker).
  function headerSpeaker(line) {
    const h = HEADER_TURN_RE.exec(line + "\n");
    if (h !== null && (h[1] || h[2])) return pyStrip(h[1] || h[2]).toLowerCase();
    const m = SPEAKER_RE.exec(line);
    if (m !== null && !pyStrip(line.slice(m[0].length)) && /[0-9]:[0-9]{2}/.test(m[0]) && !NOT_SPEAKERS.has(m[1].toLowerCase())) {
      return m[1].toLowerCase();
    }
    return null;
  }
  function captionLine(ls, i) {
    const line = ls[i][1];
    if (CAPTION_RE.test(line)) return true;
    return CAPTION_INDEX_RE.test(line) && i + 1 < ls.length && CAPTION_RE.test(ls[i + 1][1]);
  }
  function answeredTurns(ls, fallback) {
    // the last turn that named a cue: its speaker, the identifier kinds it asks for, the
    // turns since (scopes.answer_turns), and whether it asks for several numbers
    let asked = null;
    let header = null; // the speaker a header line above names
    for (let i = 0; i < ls.length; i++) {
      const [off, line] = ls[i];
      if (!pyStrip(line)) continue;
      const named = headerSpeaker(line);
      if (named !== null || captionLine(ls, i)) {
        // (a caption's timing names no one: its speaker is on the caption's lines)
        header = named;
        continue;
      }
      const m = SPEAKER_RE.exec(line);
      let speaker;
      let pos;
      if (m !== null && !NOT_SPEAKERS.has(m[1].toLowerCase())) {
        speaker = m[1].toLowerCase();
        pos = m[0].length;
      } else if (m === null && header !== null) {
        speaker = header;
        pos = 0;
      } else {
        asked = null;
        continue;
      }
      const rest = line.slice(pos); // (after a chat's time stamp and name)
      const found = cues(rest);
      // (or a number read out in words)
      const presented = ANSWER_RE.exec(rest);
      let at = presented !== null ? rest.search(/[0-9]/) : spokenTurnAt(rest);
      // (or the first piece of one the same speaker's next turn goes on with)
      if (at < 0 && PIECE_TURN_RE.test(rest) && pieceGoesOn(ls, i, speaker)) {
        at = rest.search(/[0-9]/);
      }
      const answer = at >= 0 && !found.length && asked !== null && asked[0] !== speaker;
      if (answer && asked[1].size === 1) fallback.set(off + pos + at, [...asked[1]][0]);
      // (a turn asking for several kinds, answered with ten digits: the CT registration number
      // among them, "confirm CT tax reg # and FEIN" / "Me: 7976964007" / "Me: EIN 16-6343224")
      else if (answer && presented !== null && asked[1].has("ct") && presented[1].replace(/[^0-9]/g, "").length === CT_DIGITS) {
        fallback.set(off + pos + at, "ct");
      }
      // (a question for several numbers stays open for the answers after: "everybody's
      // socials" / "mine N" / "my wife M" / "baby P")
      if (answer && asked[3]) continue;
      // (the kinds it asks for, without the names of the state or the department: "mandame
      // el numero de tu itin para la forma de connecticut" asks for an ITIN; a short
      // question asks with any cue word, "Social?", "And the social?")
      const words = pyStrip(rest);
      const short = pyRstrip(rest).endsWith("?") && (words ? words.split(/\s+/).length : 0) <= S.short_question_words;
      // (a turn that asks not to send one names it too: "Please don't share your full SSN
      // in chat." / "ok its N")
      const ids = new Set(cues(rest, !short, false, true).filter((k) => ID_KINDS.has(k)));
      // (a turn that names only the state or the department asks nothing anew: "Mom: for
      // the connecticut return!! it asks on the first page")
      const state = !ids.size && found.every((k) => k === "ct");
      if ((found.length && !state) || ids.size || at >= 0 || /[0-9]/.test(rest)) asked = [speaker, ids, 0, ids.size > 0 && PLURAL_RE.test(low(rest))];
      else if (asked !== null) asked = asked[2] + 1 < S.answer_turns ? [asked[0], asked[1], asked[2] + 1, asked[3]] : null;
    }
  }
}

// Python's str.strip() family without arguments strips Unicode whitespace; these
// twins strip the same characters (JavaScript's trim() also strips U+FEFF, which
// Python does not, and misses U+001C..U+001F, which Python strips).
// (a loop over the ends: a regex "[...]+$" is tried at every space of the string)
function pySpace(c) {
  return (
    (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x20) || c === 0x85 || c === 0xa0 ||
    (c >= 0x2000 && (c <= 0x200a || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000)) ||
    c === 0x1680
  );
}
function pyLstrip(s) {
  let i = 0;
  while (i < s.length && pySpace(s.charCodeAt(i))) i++;
  return i ? s.slice(i) : s;
}
function pyRstrip(s) {
  let e = s.length;
  while (e > 0 && pySpace(s.charCodeAt(e - 1))) e--;
  return e < s.length ? s.slice(0, e) : s;
}
function pyStrip(s) {
  return pyRstrip(pyLstrip(s));
}
// Python's str.strip(chars): those characters off both ends
function pyStripChars(s, chars) {
  let a = 0;
  let b = s.length;
  while (a < b && chars.includes(s[a])) a++;
  while (b > a && chars.includes(s[b - 1])) b--;
  return s.slice(a, b);
}
