// Rewrites of the normalised copy that undo what people and programs do to numbers:
// the twin of app/pii/_rewrite.py (see its docstring), step by step. quote_join drops
// a "> " quote prefix inside a number split by a hard wrap, filler drops an "uh" inside
// a spoken number and homophone reads its "for" as 4, letter_spaced closes up a PDF's
// "S S N : 8 9 9 - 7 5 - ...", digit_words turns dictated digits into digits,
// and digit_word_mixed_run those written partly as numerals ("229 97 three eight five one").
// Every rewritten character keeps the original [start, end) it came from.

import { CUE_WINDOW, CueRegExp, MAX_CUE, WEAK_CUES_AFTER } from "./pii-const.mjs";
import { cueKind } from "./pii-cues.mjs";
import { ID_KINDS } from "./pii-scopes.mjs";

export function makeRewrite(RULES, SOURCES, latinLower) {
  const R = RULES.rewrites;
  const WORDS = R.digit_words;
  const DASH_WORDS = new Set(R.digit_word_dashes);
  // a separator between two items of a run (stripped) that is a dash other than a hyphen:
  // a double one ("--") or a spoken one, perhaps with a comma (_dash_sep)
  const dashSep = (sep) => sep === "--" || DASH_WORDS.has(sep.replace(/^[, ]+|[, ]+$/g, ""));
  const JOINERS = new Set(R.digit_word_joiners); // "setenta y uno", "novecentos e trinta"
  const CHAINED_RE = new RegExp(`^(?:${R.digit_word_chained})$`); // "four-oh-eight four-four ..."
  const QUOTE_JOIN_RE = new RegExp(R.quote_join, "g");
  const LETTER_SPACED_RE = new RegExp(R.letter_spaced, "g");
  const NUMERAL_DASH_RE = new RegExp(R.numeral_dash, "g");
  const DIGIT_BURST_RE = /(?<![0-9-])[0-9](?:-[0-9])+(?![0-9-])/g; // "3-1-0"
  const LETTER_HINT_RE = new RegExp(R.letter_spaced_hint);
  const DIGIT_RUN_RE = new RegExp(SOURCES.digit_word_run, "g");
  const MIXED_RUN_RE = new RegExp(SOURCES.digit_word_mixed_run, "g");
  const [MIXED_MIN, MIXED_MAX] = R.digit_word_mixed_digits;
  const MIXED_WEAK = new Set(R.digit_word_mixed_weak);
  const LONE_THOUSAND = new Set(R.lone_thousand);
  // "um" after an English digit word at a run's end (_rewrite._TRAILING_UM_RE)
  const TRAILING_UM_RE = new RegExp(
    "(?<![a-z])(?:" +
      R.english_digit_words.filter((w) => w !== "zero").sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0)).join("|") +
      ")([ ,]+um)$",
  );
  // "de" after a Spanish or Portuguese digit word at a run's end, a word after it: "of"
  // (_rewrite._TRAILING_DE_RE)
  const TRAILING_DE_RE = new RegExp(R.trailing_de + "$");
  // a weak digit word after a full stop at a run's end (_rewrite._TRAILING_WEAK_RE)
  const TRAILING_WEAK_RE = new RegExp(
    "(?:\\.{1,3}|…)[ \n]*(?:" + [...MIXED_WEAK].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0)).join("|") + ")$",
  );
  // "oh" alone after a pause or a dash at a run's end, a word after it: an interjection,
  // not a zero ("... four eight six five — oh shoot"; _rewrite._TRAILING_OH_RE)
  const TRAILING_OH_RE = new RegExp(R.trailing_oh + "$");
  // ... or with no pause, before an interjection's word ("... eight oh wait";
  // _rewrite._TRAILING_OH_BARE_RE, _OH_INTERJECTION_RE)
  const TRAILING_OH_BARE_RE = /[ ]oh$/;
  const OH_INTERJECTION_RE = new RegExp(R.oh_interjection_after, "y");
  const WORD_AFTER_RE = /^ [a-z]/;
  // a digit word at a run's end that counts the digits after it ("... five four digit
  // code"; _rewrite._TRAILING_COUNT_RE)
  const TRAILING_COUNT_RE = new RegExp(R.trailing_count + "$");
  // a word of another language after English digit words ("... four three do i get";
  // _rewrite._TRAILING_FOREIGN_RE)
  const TRAILING_FOREIGN_RE = new RegExp(R.trailing_foreign + "$");
  // ... or before them ("mera ssn hai six zero one one ..."; _LEADING_FOREIGN_RE)
  const LEADING_FOREIGN_RE = new RegExp("^" + R.leading_foreign);
  const ENGLISH_RUN_WORDS = new Set([...R.english_digit_words, ...R.english_run_words]);
  // "one" after a determiner, at a run's start ("this one four zero zero four ...";
  // _rewrite._PRONOUN_ONE_RE)
  const PRONOUN_ONE_RE = new RegExp(R.pronoun_one);
  const COUNT_AFTER_RE = new RegExp(R.count_after, "y");
  const UNITS = new Set("123456789"); // what a unit word after a tens word reads as
  // the words of a run one by one, as its pattern reads them: a spoken dash, or a digit
  // word that ends where a separator or a spoken dash starts ("fourdashfive" is four,
  // dash, five; "ohyphen" is o, hyphen)
  const DASHES = [...DASH_WORDS].sort((a, b) => b.length - a.length).join("|");
  const DIGIT_WORDS = Object.keys(WORDS).sort((a, b) => b.length - a.length).join("|");
  const WORD_RE = new RegExp(`(?:${DASHES})|(?:${DIGIT_WORDS})(?=${DASHES}|[^a-z]|$)`, "g");
  // the items of a mixed run: those words, or a group of digits
  const ITEM_RE = new RegExp(`${WORD_RE.source}|[0-9]+`, "g");

  function* all(re, s) {
    re.lastIndex = 0;
    let m;
    while ((m = re.exec(s)) !== null) yield m;
  }

  // A quoted-printable soft line break inside a number goes (soft_break; _soft_breaks).
  const SOFT_BREAK_RE = new RegExp(R.soft_break, "g");
  // A dictation's pause written as an ellipsis or a word between numerals ("987... 82...
  // 1980", "950 comma 85") goes, its space staying (numeral_pause; _joins).
  const NUMERAL_PAUSE_RE = new RegExp(R.numeral_pause, "g");
  // A time stamp or sound tag in square or angle brackets (or a sound's name in
  // parentheses) between two items of a spoken number: a pause (bracket_pause;
  // _bracket_pauses).
  const BRACKET_PAUSE_RE = new RegExp(R.bracket_pause, "g");
  function bracketPauses(norm) {
    if (!norm.includes("[") && !norm.includes("<") && !norm.includes("(")) return [];
    const low = lower(norm);
    const out = [];
    for (const m of all(BRACKET_PAUSE_RE, low)) {
      const s = m.index;
      const e = s + m[0].length;
      if (digitItemBefore(low, Math.max(0, s - R.part_reach), s) && digitItemAt(low, e)) out.push([s, e, " ", [[s, e]]]);
    }
    return out;
  }
  // Each "oh" said for a zero in a run of single spaced numerals: a 0 (spaced_oh; _spaced_ohs).
  const SPACED_OH_RE = new RegExp(R.spaced_oh, "g");
  function spacedOhs(norm) {
    const low = lower(norm);
    if (!low.includes("o ") && !low.includes("oh ")) return [];
    const out = [];
    for (const m of all(SPACED_OH_RE, low)) {
      let pos = m.index;
      for (const token of m[0].split(" ")) {
        if (token[0] === "o") out.push([pos, pos + token.length, "0", [[pos, pos + token.length]]]);
        pos += token.length + 1;
      }
    }
    return out;
  }
  // Each "oh" said for a zero among groups of numerals that hold an identifier's digits
  // with it ("451 oh 1 99 31", "oh 62 47 39 35"): a 0 (grouped_oh). A run with a dash,
  // said or typed, is read as dictation reads it: the dashes part its groups and the
  // spaces go ("77 dash oh 66 oh 286" is 77-0660286). (_rewrite._grouped_ohs)
  const GROUPED_OH_RE = new RegExp(R.grouped_oh, "g");
  const [GROUPED_OH_MIN, GROUPED_OH_MAX] = R.grouped_oh_digits;
  // the items of such a run, one by one: a digit, an "oh", a dash said or typed
  const OH_RUN_TOKEN_RE = /[0-9]|oh?|dash|-/g;
  function groupedOhs(norm) {
    const low = lower(norm);
    if (!low.includes("o ") && !low.includes("oh ")) return [];
    const out = [];
    for (const m of all(GROUPED_OH_RE, low)) {
      const s = m.index;
      const tokens = [...m[0].matchAll(OH_RUN_TOKEN_RE)];
      const ohs = tokens.filter((t) => t[0][0] === "o").map((t) => [s + t.index, s + t.index + t[0].length]);
      const numerals = tokens.filter((t) => t[0] >= "0" && t[0] <= "9").length;
      const digits = numerals + ohs.length;
      if (!ohs.length || numerals >= GROUPED_OH_MIN || digits < GROUPED_OH_MIN || digits > GROUPED_OH_MAX) continue;
      if (digits === tokens.length) {
        // no dash: only the "oh"s change
        for (const [a, b] of ohs) out.push([a, b, "0", [[a, b]]]);
        continue;
      }
      const chars = tokens.map((t) => (t[0] >= "0" && t[0] <= "9" ? t[0] : t[0][0] === "o" ? "0" : "-")).join("");
      out.push([s, s + m[0].length, chars, tokens.map((t) => [s + t.index, s + t.index + t[0].length])]);
    }
    return out;
  }
  // The star or pound key keyed between a number's groups ("764#21#4902",
  // "64*3476498"): a hyphen (keypad_groups; _rewrite._keypad_groups).
  const KEYPAD_GROUPS_RE = new RegExp(R.keypad_groups, "g");
  function keypadGroups(norm) {
    if (!norm.includes("*") && !norm.includes("#")) return [];
    const out = [];
    for (const m of all(KEYPAD_GROUPS_RE, norm)) {
      for (let at = m.index; at < m.index + m[0].length; at++) {
        if (norm[at] === "*" || norm[at] === "#") out.push([at, at + 1, "-", [[at, at + 1]]]);
      }
    }
    return out;
  }
  // the fewest digits of a group said again after a pause that begins a number over (a
  // single digit spaced from the next says nothing: "9 0 7... 7 5... 1 7 4 6";
  // _RESTART_GROUP)
  const RESTART_GROUP = 3;
  function numeralPauses(norm) {
    const out = [];
    if (!R.numeral_pause_hints.some((hint) => norm.includes(hint))) return out;
    for (const m of all(NUMERAL_PAUSE_RE, norm)) {
      const s = m.index;
      const e = s + m[0].length;
      // (not before the same group said again, a number begun over: "Discover 6513 ... 6513
      // 8543 ...")
      let b = s;
      while (b > 0 && isDigit(norm[b - 1])) b--;
      let a = e;
      while (a < norm.length && norm[a] === " ") a++;
      if (s - b >= RESTART_GROUP && norm.startsWith(norm.slice(b, s), a) && !isDigit(norm[a + s - b] ?? "")) continue;
      out.push([s, e, "", []]);
    }
    return out;
  }
  // A form's blanks around or inside a number, and the underscores between its digits one
  // a box: spaces (underscore_gap, underscore_boxes; _underscores).
  const UNDERSCORE_GAP_RE = new RegExp(R.underscore_gap, "g");
  const UNDERSCORE_BOXES_RE = new RegExp(R.underscore_boxes, "g");
  function underscores(norm) {
    const out = new Map();
    for (const m of all(UNDERSCORE_GAP_RE, norm)) {
      const e = m.index + m[0].length;
      out.set(m.index, [m.index, e, " ", [[m.index, e]]]);
    }
    for (const m of all(UNDERSCORE_BOXES_RE, norm)) {
      for (let i = m.index; i < m.index + m[0].length; i++) {
        if (norm[i] === "_" && !out.has(i)) out.set(i, [i, i + 1, " ", [[i, i + 1]]]);
      }
    }
    return [...out.keys()].sort((a, b) => a - b).map((k) => out.get(k));
  }
  // A number copied one digit a bracketed box ("[4][7] - [2][4][6][2][9][0][9]"): its
  // brackets go (bracket_boxes; _bracket_boxes).
  const BRACKET_BOXES_RE = new RegExp(R.bracket_boxes, "g");
  function bracketBoxes(norm) {
    const out = [];
    for (const m of all(BRACKET_BOXES_RE, norm)) {
      for (let i = m.index; i < m.index + m[0].length; i++) {
        if (norm[i] === "[" || norm[i] === "]") out.push([i, i + 1, "", []]);
      }
    }
    return out;
  }
  // A letter spelled out and a spoken dash before a number ("C as in cat, dash, two four
  // ..."): the letter and a hyphen (spelled_letter_dash; _spelled_letters).
  const SPELLED_LETTER_DASH_RE = new RegExp(R.spelled_letter_dash, "dg");
  function spelledLetters(norm) {
    const low = lower(norm);
    if (!low.includes(" as in ")) return [];
    return [...all(SPELLED_LETTER_DASH_RE, low)].map((m) => [m.index, m.index + m[0].length, norm[m.index] + "-", [[m.index, m.index + 1], m.indices[2]]]);
  }
  // A key in camel case right before its value ("txtSSN: 300123093"): a space before each
  // of its identifier's words (camel_words) that follows a small letter (camel_key;
  // _camel_keys).
  const CAMEL_KEY_RE = new RegExp(R.camel_key, "g");
  function camelKeys(norm) {
    const out = [];
    if (!norm.includes(":") && !norm.includes("=")) return out;
    for (const m of all(CAMEL_KEY_RE, norm)) {
      const s = m.index;
      const e = s + m[1].length;
      for (let i = s + 1; i < e; i++) {
        const c = norm[i - 1];
        if (c >= "a" && c <= "z" && norm[i] >= "A" && norm[i] <= "Z" && R.camel_words.some((w) => norm.startsWith(w, i))) {
          out.push([i - 1, i, c + " ", [[i - 1, i], [i - 1, i]]]);
        }
      }
    }
    return out;
  }
  // A number typed into a form's boxes ("0 8 5 | 9 1 | 9 3 0 8"): spaces gone, a bar
  // between groups a dash, between single digits gone too (_boxed_digits).
  const BOXED_RE = new RegExp(R.boxed_digits, "g");
  function boxedDigits(norm) {
    const out = [];
    for (const m of all(BOXED_RE, norm)) {
      const s = m.index;
      const e = s + m[0].length;
      // (an empty box parts groups like a dash's: "| 5 | 6 | 2 | | 1 | 0 | | 0 | ...")
      const cells = m[0].split("|").map((cell) => cell.replaceAll(" ", ""));
      const single = cells.every((cell) => cell.length === 1 || cell.length === 0);
      let i = s;
      while (i < e) {
        if (isDigit(norm[i])) {
          i++;
          continue;
        }
        let j = i;
        while (j < e && !isDigit(norm[j])) j++;
        // (a box's dash stays a dash: "|3|9|-|7|6|...")
        const gap = norm.slice(i, j);
        const bar = gap.includes("-") || gap.split("|").length > 2 || (gap.includes("|") && !single);
        out.push([i, j, bar ? "-" : "", bar ? [[i, j]] : []]);
        i = j;
      }
    }
    return out;
  }

  function softBreaks(norm) {
    const out = [];
    for (const m of all(SOFT_BREAK_RE, norm)) out.push([m.index, m.index + m[0].length, "", []]);
    return out;
  }

  function quoteJoins(norm) {
    const out = [];
    if (!norm.includes(">") && !norm.includes("|")) return out;
    for (const m of all(QUOTE_JOIN_RE, norm)) {
      out.push([m.index, m.index + m[0].length, "\n", [[m.index, m.index + m[0].length]]]);
    }
    return out;
  }

  // A number split over two turns of one speaker (turn_join): the break, the other's
  // short reply and the name again become a pause between its groups (_turn_joins).
  const TURN_JOIN_RE = new RegExp(SOURCES.turn_join, "g");
  const TURN_SPEAKER_RE = new RegExp(`^[ \\t]*${R.turn_speaker}`);
  const TURN_TAIL = " ,.…";
  // a whole dashed identifier ending a turn (a CT number, an SSN, an EIN): no part of another
  const WHOLE_DASHED_RE = /(?<![0-9-])(?:[0-9]{7}-[0-9]{3}|[0-9]{3}-[0-9]{2}-[0-9]{4}|[0-9]{2}-[0-9]{7})[ ,.…]*$/;
  function turnJoins(norm) {
    const out = [];
    if (!norm.includes(":")) return out;
    const low = lower(norm);
    for (const m of all(TURN_JOIN_RE, low)) {
      const s = m.index;
      const e = s + m[0].length;
      const start = low.lastIndexOf("\n", s - 1) + 1;
      const prev = TURN_SPEAKER_RE.exec(low.slice(start, s));
      const who = m[2].trim();
      if (prev === null || prev[1].trim() !== who) continue;
      if (m[1] !== undefined && m[1].trim() === who) continue;
      // a whole number ends the turn ("9567912-002" / "-002 is the motel")
      if (WHOLE_DASHED_RE.test(low.slice(start + prev[0].length, s))) continue;
      if (dashedParts(low, start + prev[0].length, s, e)) {
        // one group ends or the next starts with its dash ("217-33" / "-2002"): the
        // break and the name go, and the number reads as written
        out.push([s, e, "", []]);
      } else if (digitItemBefore(low, start + prev[0].length, s) && digitItemAt(low, e)) {
        // a pause between digit words, a space between numerals (their groups)
        const gap = isDigit(low[s - 1]) ? " " : ", ";
        out.push([s, e, gap, Array(gap.length).fill([s, e])]);
      }
    }
    return out;
  }
  // A group of a spoken number said wrong in digit words and at once again after a word of
  // correction: gone with the correction (word_correction; _word_corrections).
  // the one-digit English words (the keys of homophone_chain_words) for D in the patterns
  // of word_correction, restart_cut and aside_join
  const DIGIT_WORD_ALT = Object.keys(R.homophone_chain_words).join("|");
  // The middle group of a 3-2-4 number said in two one-digit words between numerals ("803
  // nine one 5224"): its digits (numeral_sandwich; _numeral_sandwiches).
  // (a homophone may be one of the words: "700 three too 3781"; or a one-digit word of any
  // language: "041 tres siete 0363")
  const SANDWICH_WORDS = {
    ...Object.fromEntries(Object.entries(WORDS).filter(([, d]) => d.length === 1 && d >= "0" && d <= "9")),
    ...R.homophones,
    ...R.homophone_chain_words,
  };
  const SANDWICH_ALT = Object.keys(SANDWICH_WORDS).sort((x, y) => y.length - x.length).join("|");
  const SANDWICH_RE = new RegExp(R.numeral_sandwich.replaceAll("D", SANDWICH_ALT), "g");
  function numeralSandwiches(norm) {
    const low = lower(norm);
    if (!/[0-9]{3} [a-z]/.test(low)) return [];
    const out = [];
    for (const m of all(SANDWICH_RE, low)) {
      const s1 = m.index + m[0].indexOf(" ") + 1;
      const e1 = s1 + m[1].length;
      const s2 = e1 + 1;
      const e2 = s2 + m[2].length;
      out.push([s1, e2, SANDWICH_WORDS[m[1]] + SANDWICH_WORDS[m[2]], [[s1, e1], [s2, e2]]]);
    }
    if (out.length) return out;
    for (const m of all(SANDWICH_TENS_RE, low)) {
      const digits = twoDigits(m[1].split(/ y | e |[- ]/));
      const s1 = m.index + m[0].indexOf(" ") + 1;
      const e1 = s1 + m[1].length;
      if (digits !== null) out.push([s1, e1, digits, [[s1, e1], [s1, e1]]]);
    }
    return out;
  }
  const SANDWICH_TENS_RE = new RegExp(R.numeral_sandwich_tens, "g");
  // The two digits a teen, or a tens word and perhaps a unit word, read as ("thirteen" 13,
  // "treinta", "cuatro" 34), or null (_two_digits).
  function twoDigits(words) {
    const first = WORDS[words[0]] ?? "";
    if (words.length === 1) {
      if (first[0] === "t") return first[1] + "0";
      return first.length === 2 && /^[0-9]+$/.test(first) ? first : null;
    }
    const unit = WORDS[words[1]] ?? "";
    return first[0] === "t" && UNITS.has(unit) ? first[1] + unit : null;
  }
  const WORD_CORRECTION_RE = new RegExp(R.word_correction.replaceAll("D", DIGIT_WORD_ALT), "g");
  const DASH_BEFORE_RE = /(?<![a-z])(?:dash|hyphen|-) *$/;
  // Where the run of one-digit words that goes on at s starts: back over such words and the
  // spaces and pauses between them ("two three... one seven"; _run_start).
  function runStart(low, s) {
    for (;;) {
      let j = s;
      while (j > 0 && " ,.…".includes(low[j - 1])) j--;
      let k = j;
      while (k > 0 && low[k - 1] >= "a" && low[k - 1] <= "z") k--;
      if (k === j || j === s || !Object.hasOwn(R.homophone_chain_words, low.slice(k, j))) return s;
      s = k;
    }
  }
  // The one-digit words of the run that starts at `at`, pauses between them (_run_words).
  function runWords(low, at) {
    const words = [];
    for (;;) {
      let k = at;
      while (k < low.length && low[k] >= "a" && low[k] <= "z") k++;
      if (k === at || !Object.hasOwn(R.homophone_chain_words, low.slice(at, k))) return words;
      words.push(low.slice(at, k));
      at = k;
      while (at < low.length && " ,.…".includes(low[at])) at++;
    }
  }
  function wordCorrections(norm) {
    const out = [];
    const low = lower(norm);
    if (!R.spoken_correction_gate.some((piece) => low.includes(piece))) return out;
    for (const m of all(WORD_CORRECTION_RE, low)) {
      // a number begun again from its first word: all of it before the word of correction
      // goes ("one four three nine... sorry, one four three, nine seven")
      // (its first two words again, or the one: "two three... one seven, sorry, two three...
      // one three"; not "seven one two, ..., no wait, seven seven five five")
      const begun = runStart(low, m.index);
      const again = m[2].split(" ").slice(0, 2);
      const said = low.slice(begun, m.index + m[1].length).match(/[a-z]+/g) ?? [];
      if (again.every((w, i) => said[i] === w)) {
        out.push([begun, m.index + m[0].length, "", []]);
        continue;
      }
      // the words said wrong: from where the first two said again were last said ("...
      // three two five three no I mean two five two nine"), else as many as said again,
      // the last of those before the word of correction ("two two four seven one, wait,
      // four seven two")
      const againAt = again.length === 2 ? (" " + m[1]).lastIndexOf(" " + again.join(" ") + " ") : -1;
      if (againAt >= 0) {
        out.push([m.index + againAt, m.index + m[0].length, "", []]);
        continue;
      }
      const wrong = m[1].split(" ");
      // (or as many as make the number nine digits, fewer than were said again: the speaker
      // put right the last digits and went on, "oh three six four two six no sorry five
      // nine one four")
      const extra = said.length + runWords(low, m.index + m[0].length).length - R.corrected_digits;
      if (extra > 0 && extra < m[2].split(" ").length) {
        out.push([m.index + m[1].length - wrong.slice(-extra).join(" ").length, m.index + m[0].length, "", []]);
        continue;
      }
      const s = m.index + m[1].length - wrong.slice(-1 - (m[2].split(" ").length - 1)).join(" ").length;
      // (a spoken dash may stand between them and the groups before: "two two dash")
      const dash = DASH_BEFORE_RE.exec(low.slice(Math.max(0, s - "hyphen ".length), s));
      const end = dash ? s - dash[0].length : s;
      // they are a group of their own, after a pause, or the whole group said before a
      // comma ("six... sorry, six seven one five"; not "one four three nine... sorry, one
      // four three", the number begun again)
      const paused = dash !== null || [",", ".", "…"].includes(low.slice(Math.max(0, s - 3), s).replace(/ +$/, "").slice(-1));
      const whole = s === m.index && !".…".includes(low[m.index + m[1].length]);
      if ((paused || whole) && digitItemBefore(low, Math.max(0, s - R.part_reach), end)) out.push([s, m.index + m[0].length, "", []]);
    }
    return out;
  }

  // A spoken number begun, broken off and begun again at once: the start and the words
  // that restart it go (restart_cut; _restarts).
  const RESTART_CUT_RE = new RegExp(R.restart_cut.replaceAll("D", DIGIT_WORD_ALT), "g");
  const RESTART_FILLER_RE = new RegExp("^(?:" + R.restart_filler + ")$");
  // A number dictated one digit a sentence ("SSN 1. 1. 8. 9. 5. 5. 6. 6. 7."): each full
  // stop between its digits a comma (dotted_digits; _dotted_digits).
  const DOTTED_RE = new RegExp(R.dotted_digits.replaceAll("D", DIGIT_WORD_ALT), "g");
  function dottedDigits(norm) {
    if (norm.split(". ").length - 1 < R.dotted_digits_min) return [];
    const low = lower(norm);
    const out = [];
    for (const m of all(DOTTED_RE, low)) {
      for (let i = m.index; i < m.index + m[0].length; i++) if (low[i] === ".") out.push([i, i + 1, ",", [[i, i + 1]]]);
    }
    return out;
  }
  // Each digit word said again at once over an ellipsis in a number one digit too long for
  // it: the first saying and the pause go (stutter: "four one nine... nine seven"; _stutters).
  const STUTTER_RE = new RegExp(R.stutter.replaceAll("D", DIGIT_WORD_ALT), "g");
  function stutters(norm) {
    const low = lower(norm);
    if (!low.includes("...") && !low.includes("…")) return [];
    const out = [];
    for (const m of all(STUTTER_RE, low)) {
      const again = m.index + m[0].length - m[1].length;
      const said = (low.slice(runStart(low, m.index), m.index + m[1].length).match(/[a-z]+/g) ?? []).length;
      const after = runWords(low, again);
      // (not a CT number's "... one oh... oh oh one": ten digits and a location code)
      const located = after.length >= 3 && R.homophone_chain_words[after.at(-3)] === "0" && R.homophone_chain_words[after.at(-2)] === "0";
      if (said + after.length === R.corrected_digits + 1 && !located) out.push([m.index, again, "", []]);
    }
    return out;
  }
  function restarts(norm) {
    const low = lower(norm);
    if (!R.restart_gate.some((w) => low.includes(w))) return [];
    const digits = (run) =>
      (run.match(/[0-9]+|[a-z]+/g) ?? []).reduce((n, t) => n + (RESTART_FILLER_RE.test(t) ? 0 : isDigit(t[0]) ? t.length : 1), 0);
    // (counted from the start of its run of digit words: not the end of a whole number said before)
    return [...all(RESTART_CUT_RE, low)]
      .filter((m) => digits(low.slice(runStart(low, m.index), m.index + m[1].length)) < RULES.min_digits)
      .map((m) => [m.index, m.index + m[0].length, "", []]);
  }
  // A pause to look or to listen inside a spoken number: a pause (aside_join; _asides).
  const ASIDE_JOIN_RE = new RegExp(R.aside_join.replaceAll("D", DIGIT_WORD_ALT), "g");
  const ASIDE_AT_RE = new RegExp(R.aside_join.replaceAll("D", DIGIT_WORD_ALT), "y");
  function asides(norm) {
    const low = lower(norm);
    const out = [];
    if (!R.aside_gate.some((piece) => low.includes(piece))) return out;
    for (const m of all(ASIDE_JOIN_RE, low)) {
      const s = m.index;
      const e = s + m[0].length;
      // (not after a whole number: "4 1 2 0 8 3 3 7 1 (sorry wrong one) 4 1 2 ...", nor before
      // one, the number begun again: "EIN 4739 wait 473815926", nor before a pronoun "one":
      // "... dash zero zero zero... wait, that's the old one")
      const pronoun = low.startsWith("one", e) && PRONOUN_ONE_RE.test(low.slice(Math.max(0, e - "another one".length), e));
      if (digitItemBefore(low, Math.max(0, s - R.part_reach), s) && digitItemAt(low, e) && numeralsBefore(low, s) < RULES.min_digits && !wholeNumeralsAt(low, e) && !pronoun) {
        const gap = isDigit(low[s - 1]) && isDigit(low[e]) ? " " : ", ";
        out.push([s, e, gap, Array(gap.length).fill([s, e])]);
      }
    }
    return out;
  }

  // A number read in named parts ("the first five are ... and the last four are ..."): the
  // words that name a part after the first become a pause (part_join; _part_joins).
  const PART_JOIN_RE = new RegExp(R.part_join, "g");
  const PART_FIRST_RE = new RegExp(R.part_first, "g");
  const PART_IS = "is "; // what stands for a first part's name taken out (_PART_IS)
  function partJoins(norm) {
    const out = [];
    const low = lower(norm);
    if (!R.part_gate.some((word) => low.includes(word))) return out;
    let named = -1; // where the last first part's name taken out ends
    for (const m of all(PART_JOIN_RE, low)) {
      const s = m.index;
      let e = s + m[0].length;
      // (an aside may follow the part's name: "And the last four are, hold on, it is on the
      // card, one ...")
      if (!digitItemAt(low, e)) {
        ASIDE_AT_RE.lastIndex = e;
        const aside = ASIDE_AT_RE.exec(low);
        if (aside !== null) e = aside.index + aside[0].length;
      }
      const lo = Math.max(0, s - R.part_reach);
      let first = null;
      // (from one character before lo, which the pattern's lookbehind may read, as
      // Python's search from lo does)
      const base = lo > 0 ? lo - 1 : 0;
      for (const f of all(PART_FIRST_RE, low.slice(base, s))) {
        if (base + f.index >= lo) first = [base + f.index, base + f.index + f[0].length];
      }
      if (first === null || !(digitItemBefore(low, first[1], s) && digitItemAt(low, e))) continue;
      if (first[1] > named && digitItemAt(low, first[1])) {
        // the first part's name goes too, an "is" in its place: the number then follows its
        // cue ("My social, the first five are ...", "It starts with nine. Then ...": "It is
        // 9 ...")
        out.push([first[0], first[1], PART_IS, Array(PART_IS.length).fill(first)]);
        named = first[1];
      }
      let gap = isDigit(low[s - 1]) ? " " : ", ";
      if (
        gap === " " &&
        (COMMA_PAUSE_AT_RE.test(low.slice(e, e + PAUSE_LOOK)) ||
          COMMA_PAUSE_BEFORE_RE.test(low.slice(Math.max(0, s - PAUSE_LOOK), s)))
      ) {
        gap = ", "; // as the number's other pauses are: "first two are 42, rest is 915, 5489"
      }
      out.push([s, e, gap, Array(gap.length).fill([s, e])]);
    }
    return out;
  }
  // a part whose digits go on after a comma's pause ("915, 5489"), or ended one ("42, 915")
  const COMMA_PAUSE_AT_RE = /^[0-9]+, [0-9]/;
  const COMMA_PAUSE_BEFORE_RE = /[0-9], [0-9]+$/;
  const PAUSE_LOOK = 16; // characters looked at before a part's name for the pause before it
  // Does low[lo:s] end with a digit and a dash and low go on at e with a digit, or
  // low[lo:s] end with a digit and low go on at e with a dash and a digit? (_dashed_parts)
  function dashedParts(low, lo, s, e) {
    if (e >= low.length || s - 1 <= lo) return false;
    if (low[s - 1] === "-") return isDigit(low[s - 2]) && isDigit(low[e]);
    return isDigit(low[s - 1]) && low[e] === "-" && isDigit(low[e + 1]);
  }
  // a letter of a digit word (the lower-cased copy's Latin letters)
  const isLetter = (c) => c !== undefined && /[a-zà-öø-ÿ\u0100-\u024f]/.test(c);
  function digitItemBefore(low, lo, end) {
    while (end > lo && TURN_TAIL.includes(low[end - 1])) end--;
    if (end > lo && isDigit(low[end - 1])) return true;
    let start = end;
    while (start > lo && isLetter(low[start - 1])) start--;
    return Object.hasOwn(WORDS, low.slice(start, end));
  }
  // How many digits the run of numerals, spaces and marks ending at end holds
  // (_numerals_before).
  // Does the run of numerals, spaces and marks starting at `at` hold min_digits digits or
  // more (a whole number)? Counted only that far (_whole_numerals_at).
  function wholeNumeralsAt(low, at) {
    let n = 0;
    for (let i = at; i < low.length && "0123456789 ,.-".includes(low[i]) && n < RULES.min_digits; i++) if (isDigit(low[i])) n++;
    return n >= RULES.min_digits;
  }
  function numeralsBefore(low, end) {
    let n = 0;
    let i = end;
    while (i > 0 && "0123456789 ,.-".includes(low[i - 1])) {
      i--;
      if (isDigit(low[i])) n++;
    }
    return n;
  }
  function digitItemAt(low, at) {
    if (at < low.length && isDigit(low[at])) return true;
    let end = at;
    while (end < low.length && isLetter(low[end])) end++;
    return Object.hasOwn(WORDS, low.slice(at, end));
  }

  function numeralDashes(norm) {
    if (!R.numeral_dash_hints.some((h) => norm.includes(h))) return [];
    const out = [];
    for (const m of all(NUMERAL_DASH_RE, norm)) {
      out.push([m.index, m.index + m[0].length, "-", [[m.index, m.index + m[0].length]]]);
    }
    if (!out.length || !norm.includes("-")) return out;
    // the hyphens inside a burst of single digits beside a spoken dash go ("3-1-0 dash 4-5
    // dash 7-7-2-7": 310-45-7727; _numeral_dashes)
    const marks = new Set(out.flatMap(([s, e]) => [s, e]));
    for (const b of all(DIGIT_BURST_RE, norm)) {
      if (!marks.has(b.index) && !marks.has(b.index + b[0].length)) continue;
      for (let i = b.index + 1; i < b.index + b[0].length; i += 2) out.push([i, i + 1, "", []]);
    }
    return out.sort((x, y) => x[0] - y[0]);
  }

  // Each number read back in hyphenated bursts of single digits, as many digits as an
  // identifier's ("0-2-8, 5-4, 0-2-1-1"): the hyphens inside a burst go, the comma or
  // space between two becomes a hyphen, 028-54-0211 (_burst_groups).
  const BURST_GROUPS_RE = new RegExp(R.burst_groups, "g");
  const BURST_GROUP_DIGITS = new Set(R.burst_group_digits);
  function burstGroups(norm) {
    const out = [];
    for (const m of all(BURST_GROUPS_RE, norm)) {
      const s = m.index;
      const e = s + m[0].length;
      if (!BURST_GROUP_DIGITS.has(m[0].replace(/[^0-9]/g, "").length)) continue;
      for (let i = s; i < e; i++) {
        if (norm[i] === "-") {
          out.push([i, i + 1, "", []]);
        } else if (norm[i] === "," || norm[i] === " ") {
          const j = norm[i + 1] === " " ? i + 1 : i;
          out.push([i, j + 1, "-", [[i, j + 1]]]);
          i = j;
        }
      }
    }
    return out;
  }

  function kind(c) {
    if ((c >= "0" && c <= "9") || c === "-") return 1;
    if (/[A-Za-z]/.test(c)) return 2;
    return 0;
  }

  // Two of a kind (digits and dashes, or letters), or a letter o beside a digit ("o 1 4 1
  // 7 7 8 3 7": spoken "oh" typed as a letter; o_for_zero then reads it) (_spaced_join).
  function spacedJoin(before, after) {
    const k = kind(before);
    if (k && k === kind(after)) return true;
    return ((before === "o" || before === "O") && isDigit(after)) || ((after === "o" || after === "O") && isDigit(before));
  }

  // Is a digit word right before or right after norm[s:e], a space or a comma between
  // ("one five, 1 9 5 0 6 9 0", "0 8 9 4 six 0 1 6 6", "eight 8 9 two 2 1 9 1 2")? Then
  // the spaced digits are dictation read one by one, which the mixed pass reads with that
  // word (saidSingly), not a PDF's letter spacing to close up (_digit_word_beside).
  const WORD_BEFORE_RE = /([a-z\u00e0-\u024f]+)[ ,]*$/;
  const WORD_AFTER_RUN_RE = /^[ ,]*([a-z\u00e0-\u024f]+)/;
  const BESIDE_REACH = 24;
  function digitWordBeside(norm, s, e) {
    const lo = Math.max(0, s - BESIDE_REACH);
    // (lower-cased here, not by lower(), whose one copy is the whole text's)
    const low = (t) => t.replace(/[A-Z\u00c0-\u024f\u0400-\u04ff]/g, latinLower);
    const before = WORD_BEFORE_RE.exec(low(norm.slice(lo, s)));
    const after = WORD_AFTER_RUN_RE.exec(low(norm.slice(e, e + BESIDE_REACH)));
    return (before !== null && (before.index > 0 || lo === 0) && Object.hasOwn(WORDS, before[1])) || (after !== null && Object.hasOwn(WORDS, after[1]));
  }
  function letterSpaced(norm) {
    const out = [];
    if (!LETTER_HINT_RE.test(norm)) return out;
    for (const m of all(LETTER_SPACED_RE, norm)) {
      const s = m.index;
      const run = m[0];
      let digits = 0;
      for (const c of run) if (c >= "0" && c <= "9") digits++;
      if (run.length > R.letter_spaced_max || digits < R.letter_spaced_min_digits) continue;
      // (a number of its own is closed up: "SSN 3 0 1 7 2 1 1 8 8 three ...")
      if (digits < RULES.min_digits && digitWordBeside(norm, s, s + run.length)) continue;
      const seps = [...run.matchAll(/[,.]? {1,3}/g)].map((x) => [x.index, x.index + x[0].length]);
      // single characters two or more spaces apart: a table's cells, not a copy
      if (seps.every(([a]) => run.slice(a, a + 2) === "  ")) continue;
      // a comma after every digit that another follows is dictation's pause after each
      // digit ("9, 8, 6, 8, 3"): those go whole; a comma among spaced digits ends a group
      // ("9 6 9, 7 0, 3 0 8 3"): the comma goes, a space stays
      const commas = seps.filter(([a, b]) => isDigit(run[a - 1]) && isDigit(run[b])).map(([a]) => run[a] === ",");
      const joined = commas.length > 0 && commas.every(Boolean);
      let zero = false; // the o before this space was joined to a digit: a 0, not a letter
      for (const [a, b] of seps) {
        const before = run[a - 1];
        const after = run[b];
        const wasZero = zero;
        zero = false;
        if (run[a] === "," || run[a] === ".") {
          // a full stop ends a group, as a comma among spaced digits does
          if (isDigit(before) && isDigit(after)) {
            const whole = joined && run[a] === ",";
            out.push([s + a, s + (whole ? b : b - a === 3 ? b - 1 : a + 1), "", []]);
          }
        } else if (b - a >= 2) {
          out.push([s + a, s + b - 1, "", []]); // two or three spaces part two groups: one stays
        } else if (spacedJoin(before, after) && (!wasZero || after === "o" || after === "O" || isDigit(after))) {
          // the space between two tokens of a kind goes (not between an o read as a 0 and
          // a letter: "4 1 2 1 7 7 2 4 O I'm calling")
          out.push([s + a, s + b, "", []]);
          zero = (after === "o" || after === "O") && (wasZero || isDigit(before));
        }
      }
    }
    return out;
  }
  const isDigit = (c) => c >= "0" && c <= "9";

  // A filler ("uh", "um") between two items of a spoken number goes, with the pause
  // before it when another pause follows: group 1, at the end of the match (the rest is
  // a lookahead).
  // (and the Spanish fillers between Spanish digit words: filler_es)
  const FILLER_RES = [new RegExp(SOURCES.filler, "g"), new RegExp(SOURCES.filler_es, "g")];
  const FILLER_GATE_RE = new RegExp(`(?<![a-z])(?:${[...R.filler_pauses, ...R.filler_words, ...R.filler_words_es].join("|")})(?![a-z])`, "i");
  // The filler low[s:e] (a pause perhaps before it) goes with that pause when another
  // follows it ("five, um, nine"); else the pause before it stays ("zero four five, umm
  // nine nine": the groups stay apart). A filler pause ("then") with no pause on either
  // side becomes one (a comma) (_filler_edit).
  function fillerEdit(low, s, e) {
    let p = -1;
    for (let i = s; i < e && " ,.…".includes(low[i]); i++) if (",.…".includes(low[i])) p = i + 1;
    let j = e;
    while (j < low.length && low[j] === " ") j++;
    const after = j < low.length && ",.…".includes(low[j]);
    if (p > 0 && !after) s = p;
    else if (p < 0 && !after && R.filler_pauses.some((w) => low.endsWith(w, e))) return [s, e, ",", [[s, e]]];
    return [s, e, "", []];
  }
  // Zeros said by their count ("and then three zeros") become that many 0s (_counted_zeros).
  const ZEROS_RE = new RegExp(R.counted_zeros, "g");
  const ZEROS_GATE_RE = /(?<![a-z])(?:zeros|zeroes|ohs)(?![a-z])/i;
  function countedZeros(norm) {
    const out = [];
    if (!ZEROS_GATE_RE.test(norm)) return out;
    for (const m of all(ZEROS_RE, lower(norm))) {
      const n = m[1] ? 2 : 3;
      const e = m.index + m[0].length;
      out.push([m.index, e, "0".repeat(n), Array(n).fill([m.index, e])]);
    }
    return out;
  }
  function fillers(norm) {
    const out = [];
    if (!FILLER_GATE_RE.test(norm)) return out;
    const low = lower(norm);
    for (const re of FILLER_RES) {
      for (const m of all(re, low)) {
        const e = m.index + m[0].length;
        out.push(fillerEdit(low, e - m[1].length, e));
      }
    }
    return out.sort((a, b) => a[0] - b[0]);
  }

  // A homophone of a digit ("for", "to", "won") inside a spoken number becomes that
  // digit: group 1, 2 or 3, at the end of the match (the rest is a lookahead).
  const HOMOPHONE_RE = new RegExp(SOURCES.homophone, "g");
  const HOMOPHONE_GATE_RE = new RegExp(`(?<![a-z])(?:${Object.keys(R.homophones).join("|")})(?![a-z])`, "i");
  // Beside an English digit word (the item before it, or the item after it and perhaps
  // one homophone), the digit's word (its first in homophone_chain_words, "ate" -> "eight"):
  // "six ate five" one run of words (_HOMOPHONE_WORDS).
  const DIGIT_WORD = {};
  for (const [w, d] of Object.entries(R.homophone_chain_words)) DIGIT_WORD[d] ??= w;
  const HOMOPHONE_WORDS = Object.fromEntries(Object.entries(R.homophones).map(([h, d]) => [h, DIGIT_WORD[d]]));
  const H_ALT = Object.keys(R.homophones).sort((a, b) => b.length - a.length).join("|");
  const H_ITEM_AFTER_RE = new RegExp(
    `,?[ -](?:(?:${H_ALT}),?[ -])?(?:${R.english_digit_words.join("|")}|[0-9]{1,3}|hundred)(?![a-z0-9])`,
    "y",
  );
  const COPULAS = new Set(["is", "was", "it's", "its", "are", "social", "security", "ssn", "itin", "ein"]);
  // numerals and homophones alone after a copula or an identifier's noun (homophone_chain):
  // the run up to its longest start with two homophones (three after a noun) and an
  // identifier's digits, closed up
  const H_CHAIN_WORDS = R.homophone_chain_words;
  const H_CHAIN_NOUNS = new Set(R.homophone_chain_nouns);
  const H_CHAIN_RE = new RegExp(
    R.homophone_chain
      .replaceAll("<H>", H_ALT)
      .replaceAll("<W>", Object.keys(H_CHAIN_WORDS).sort((a, b) => b.length - a.length).join("|"))
      .replaceAll("<N>", [...H_CHAIN_NOUNS].sort((a, b) => b.length - a.length).join("|")),
    "g",
  );
  const H_CHAIN_DIGITS = new Set(R.homophone_chain_digits);
  const H_RANGE_WORDS = new Set(["to", "too"]); // "one to five", "two to one" (_H_RANGE_WORDS)
  // a homophone an article or determiner follows is the word ("... six for the bakery")
  const H_CHAIN_END_RE = new RegExp(R.homophone_chain_end, "y");
  function chainEnd(low, at) {
    H_CHAIN_END_RE.lastIndex = at;
    return H_CHAIN_END_RE.test(low);
  }
  function homophoneChains(norm) {
    const out = [];
    if (!HOMOPHONE_GATE_RE.test(norm)) return out;
    const low = lower(norm);
    for (const m of all(H_CHAIN_RE, low)) {
      const at = m.index + m[0].length - m[1].length;
      const items = [...m[1].matchAll(/[a-z]+|[0-9]+/g)];
      // (after a noun, more homophones: "number 84 won 2 8 8 0 2 0 for Hartford")
      const need = H_CHAIN_NOUNS.has(low.slice(m.index, at - 1)) ? R.homophone_chain_noun_homophones : 2;
      let digits = 0;
      let homs = 0;
      let best = -1;
      let groups = 0;
      let others = 0;
      items.forEach((item, i) => {
        const numeral = isDigit(item[0][0]);
        const hom = Object.hasOwn(R.homophones, item[0]);
        homs += hom ? 1 : 0;
        others += hom && !H_RANGE_WORDS.has(item[0]) ? 1 : 0;
        groups += numeral ? 1 : 0;
        digits += numeral ? item[0].length : 1;
        // two homophones beside a group of numerals, or three among words alone, one of
        // them no "to" ("is to for to, three five, ..."; not "was one to one, two to one,
        // ...", odds or a range)
        if (homs >= need && (groups > 0 || (homs >= 3 && others > 0)) && H_CHAIN_DIGITS.has(digits) && !(hom && chainEnd(low, at + item.index + item[0].length))) {
          best = i;
        }
      });
      if (best < 0) continue;
      let chars = "";
      const src = [];
      // (but for a pause's comma, a space: "six one too, 48, one seven ate nine")
      for (const [k, item] of items.slice(0, best + 1).entries()) {
        const s = at + item.index;
        const e = s + item[0].length;
        if (k > 0 && low[s - 2] === ",") {
          chars += " ";
          src.push([s - 2, s]);
        }
        if (!isDigit(item[0][0])) {
          chars += Object.hasOwn(R.homophones, item[0]) ? R.homophones[item[0]] : H_CHAIN_WORDS[item[0]];
          src.push([s, e]);
        } else {
          chars += item[0];
          for (let i = s; i < e; i++) src.push([i, i + 1]);
        }
      }
      const last = items[best];
      out.push([at + items[0].index, at + last.index + last[0].length, chars, src]);
    }
    return out;
  }
  function itemAfter(low, e) {
    H_ITEM_AFTER_RE.lastIndex = e;
    return H_ITEM_AFTER_RE.exec(low)?.[0] ?? "";
  }
  function homophones(norm) {
    const out = [];
    if (!HOMOPHONE_GATE_RE.test(norm)) return out;
    const low = lower(norm);
    for (const m of all(HOMOPHONE_RE, low)) {
      const g = m[1] ?? m[2] ?? m[3];
      const e = m.index + m[0].length;
      // beside a digit word and no group of digits (0 none, 1 a group, 2 a word)
      const before = m[0].slice(0, m[0].length - g.length).replace(/[ ,.-]+$/, "");
      const after = m[1] === undefined ? "" : itemAfter(low, e);
      const b = /^[0-9]/.test(before) ? 1 : /^[a-z]/.test(before) && !COPULAS.has(before) ? 2 : 0;
      const a = after === "" ? 0 : /[a-z]$/.test(after) ? 2 : 1;
      const wordy = (a === 2 || b === 2) && a !== 1 && b !== 1;
      const digit = (wordy ? HOMOPHONE_WORDS : R.homophones)[g];
      out.push([e - g.length, e, digit, Array.from(digit, () => [e - g.length, e])]);
    }
    return out;
  }

  // (the last copy is kept: the rewrites that find nothing leave the text as it is, and
  // the next one asks for the same copy)
  let lowerOf = null;
  let lowerCopy = null;
  function lower(norm) {
    if (norm !== lowerOf) {
      // eslint-disable-next-line no-control-regex
      lowerCopy = /^[\x00-\x7f]*$/.test(norm) ? norm.toLowerCase() : norm.replace(/[A-Z\u00c0-\u024f\u0400-\u04ff]/g, latinLower);
      lowerOf = norm;
    }
    return lowerCopy;
  }

  // The digits of the run low[s:e] of digit words (and digit groups, in a mixed run):
  // [characters, their source spans, digits, words outside digit_word_mixed_weak, digit
  // words], or
  // null for a run that reads as no number. The twin of _read_run in _rewrite.py.
  const FRENCH_TWENTY = new Set(["vingt", "vingts"]); // "quatre-vingt(s)": 80
  const isTeen = (digit) => digit.length === 2 && digit[0] === "1" && UNITS.has(digit[1]);
  function readRun(low, s, e) {
    const chars = [];
    const src = [];
    let times = 1;
    let repStart = 0; // where that "double" or "triple" starts
    let digits = 0;
    let strong = 0;
    let words = 0;
    let pos = s;
    let tens = -1; // where the digit of a tens word stands, waiting for a unit word
    let hund = -1; // where the two 0s of "hundred" stand, for the tens and units after it
    let thou = -1; // where the three 0s of "thousand" start, for a unit and "hundred"
    let unit = -1; // the same, once a unit took the last 0, for "hundred" after it
    let last = -1; // where the digit of a unit word just read stands ("quatre-vingt")
    let french = false; // the tens word just read is French 60 or 80, for a teen
    // a run of hyphenated bursts: a hyphen joins, a space parts
    const chained = low.slice(s, e).includes("-") && CHAINED_RE.test(low.slice(s, e));
    let lastWord = false; // the item before was a word
    let prev = ""; // the item before: a numeral ("n"), a weak digit word ("w"), another word
    let prevItem = ""; // the item before
    let prevDoubled = false; // and whether it was said twice
    for (const w of all(ITEM_RE, low.slice(s, e))) {
      const item = w[0];
      if (DASH_WORDS.has(item)) continue; // part of the separator before the next item
      const ws = s + w.index;
      const we = ws + item.length;
      let sep = low.slice(pos, ws).replace(/^[ \n]+|[ \n]+$/g, "");
      const digit = WORDS[item] ?? item;
      const word = !(item[0] >= "0" && item[0] <= "9");
      // a weak digit word dashed to a numeral is said as a digit, as a strong one is
      // ("145-four two-9450", "seven one dash 754 4819"; once a word) (_read_run)
      const weak = word && MIXED_WEAK.has(item);
      const dashed = (sep === "-" || dashSep(sep)) && ((weak && prev === "n") || (!word && prev === "w"));
      if (dashed) strong++;
      // a weak digit word said twice over is said as digits, both of them ("his social is
      // 088, two two, 8187"): no prose says "two two" (_read_run)
      const doubled = weak && !dashed && item === prevItem && !sep;
      if (doubled) strong += prevDoubled ? 1 : 2;
      prevItem = item;
      prevDoubled = doubled;
      prev = !word ? "n" : weak && !dashed ? "w" : "";
      if (chained && !dashSep(sep)) sep = sep === "-" ? "" : pos > s ? " " : sep;
      // a burst's hyphen between two words ("... oh one... oh-three-five-one")
      else if (word && lastWord && ws - pos === 1 && sep === "-") sep = "";
      // a joiner hyphenated in ("trente-et-un")
      else if (sep.length > 2 && sep[0] === "-" && sep.at(-1) === "-" && JOINERS.has(sep.slice(1, -1))) sep = sep.slice(1, -1);
      lastWord = word;
      if (word) words++;
      const at = tens + 1;
      const h = hund;
      const k = thou;
      const u = unit;
      const l = last;
      const fr = french;
      french = false;
      tens = -1;
      hund = -1;
      thou = -1;
      unit = -1;
      last = -1;
      if (sep === "" || sep === "-" || (JOINERS.has(sep) && (at > 0 || h >= 0))) {
        // "forty nine", "forty-nine", "setenta y uno": 49, 71; else "forty" is 40
        let joined = false;
        if (word && l >= 0 && FRENCH_TWENTY.has(item) && chars[l] === "4") {
          // French "quatre-vingt": 80, its 0 for a unit or teen after it (_french_tens)
          chars[l] = "8";
          chars.push("0");
          src.push([ws, we]);
          digits++;
          tens = chars.length - 2;
          french = true;
          joined = true;
        } else if (word && fr && at > 0 && (digit === "t1" || isTeen(digit))) {
          // a teen or "dix" after "soixante" or "quatre-vingt" ("soixante-douze" 72,
          // "quatre-vingt-dix-sept" 97; "soixante-dix-sept": the unit still to come; not
          // after another tens word: "sixty eleven" is 6011)
          chars[at - 1] = chars[at - 1] === "6" ? "7" : "9";
          chars[at] = digit === "t1" ? "0" : digit[1];
          src[at] = [ws, we];
          if (digit === "t1") tens = at - 1;
          joined = true;
        }
        if (!joined && k >= 0 && word && digit[0] === "c") {
          // "seis mil cuatrocientos noventa y ocho", "dois mil e setecentos": a hundreds
          // word after "thousand" is its hundreds digit, the tens and units after it take
          // the last two 0s (6498, 2700)
          chars[k] = digit[1];
          src[k] = [ws, we];
          src[k + 1] = [ws, we];
          src[k + 2] = [ws, we];
          hund = k + 1;
          pos = we;
          if (!MIXED_WEAK.has(item)) strong++;
          continue;
        }
        if (u >= 0 && word && digit === "h" && sep === "") {
          // "eight thousand four hundred eighty three": the unit after "thousand" is its
          // hundreds digit, and the tens and units take the last two 0s (8483)
          chars[u] = chars[u + 2];
          src[u] = src[u + 2];
          chars[u + 2] = "0";
          src[u + 1] = [ws, we];
          src[u + 2] = [ws, we];
          hund = u + 1;
          pos = we;
          continue;
        }
        if (joined) {
          // (read above)
        } else if (at > 0 && UNITS.has(digit)) {
          chars[at] = digit;
          src[at] = [ws, we];
          joined = true;
        } else if (h >= 0 && word && afterHundred(chars, src, h, digit, [ws, we])) {
          // "two hundred thirty", "six hundred four"; "two hundred thirty five"
          if (digit[0] === "t") tens = h;
          else if (k >= 0 && UNITS.has(digit)) unit = k; // "two thousand five", perhaps "... five hundred" next
          joined = true;
        }
        if (joined) {
          pos = we;
          if (word && !MIXED_WEAK.has(item)) strong++;
          continue;
        }
      }
      if (sep) {
        // (a spoken dash may have a comma before or after it: "nine, location oh oh three")
        chars.push(sep === "-" || dashSep(sep) ? "-" : " ");
        src.push([pos, ws]);
      }
      pos = we;
      if (word && (digit === "h" || digit === "k")) {
        // "hundred", "thousand", after a digit of its group: two or three 0s, the last two
        // for the tens and units after it ("two thousand five" 2005)
        const opens = sep || !chars.length || !(chars[chars.length - 1] >= "0" && chars[chars.length - 1] <= "9");
        if (LONE_THOUSAND.has(item) && opens && times === 1) {
          // (Spanish and Portuguese "mil" alone opening a group: 1000)
          chars.push("1");
          src.push([ws, we]);
          digits++;
        } else if (opens || times !== 1) return null;
        const zeros = digit === "h" ? 2 : 3;
        hund = chars.length + zeros - 2;
        thou = digit === "k" ? chars.length : -1;
        for (let z = 0; z < zeros; z++) {
          chars.push("0");
          src.push([ws, we]);
        }
        digits += zeros;
        if (!MIXED_WEAK.has(item)) strong++; // "thousand" (not "hundred")
        continue;
      }
      if (item[0] >= "0" && item[0] <= "9") {
        // a digit group
        if (times !== 1) {
          // "triple 8": one digit, said, as a digit word is
          if (item.length !== 1) return null;
          for (let t = 0; t < times; t++) {
            chars.push(item);
            src.push([repStart, we]);
          }
          digits += times;
          strong++;
          times = 1;
          continue;
        }
        for (let i = ws; i < we; i++) {
          chars.push(low[i]);
          src.push([i, i + 1]);
        }
        digits += item.length;
        continue;
      }
      if (digit[0] === "c") {
        // a hundreds word ("novecientos"): its digit and two 0s, for the tens and units after it
        if (times !== 1) return null;
        hund = chars.length + 1;
        chars.push(digit[1], "0", "0");
        src.push([ws, we], [ws, we], [ws, we]);
        digits += 3;
        if (!MIXED_WEAK.has(item)) strong++;
        continue;
      }
      if (digit[0] === "x") {
        // "double", "triple"
        if (times !== 1) return null;
        times = Number(digit[1]);
        repStart = ws;
        if (!MIXED_WEAK.has(item)) strong++;
        continue;
      }
      if (digit[0] === "t") {
        // a tens word: its digit, then 0 or the unit after it
        if (times !== 1) return null;
        tens = chars.length;
        french = item === "soixante";
        chars.push(digit[1], "0");
        src.push([ws, we], [ws, we]);
        digits += 2;
        if (!MIXED_WEAK.has(item)) strong++;
        continue;
      }
      if (times !== 1 && digit.length !== 1) return null;
      if (times === 1 && digit.length === 1 && word) last = chars.length;
      for (let t = 0; t < times; t++) {
        for (const c of digit) {
          chars.push(c);
          src.push([times !== 1 ? repStart : ws, we]); // "double seven": from "double"
        }
      }
      digits += digit.length * times;
      if (!MIXED_WEAK.has(item)) strong++;
      times = 1;
    }
    if (times !== 1) return null;
    if (chars.includes(" ") && (chars.includes("-") || oneDigitGroups(chars))) {
      // dashes mark the groups: a comma or pause between them is a pause inside one; and
      // a pause after every digit ("nueve, cero, dos, nueve, ...", "…, three, double
      // five") marks no groups either
      const keep = [...chars.keys()].filter((i) => chars[i] !== " ");
      return [keep.map((i) => chars[i]), keep.map((i) => src[i]), digits, strong, words];
    }
    return [chars, src, digits, strong, words];
  }

  // Is every group of the run one digit (or one said twice or three times), a pause
  // between each two? (_one_digit_groups)
  function oneDigitGroups(chars) {
    return chars.join("").split(" ").every((g) => g.length > 0 && g.length <= 3 && g === g[0].repeat(g.length));
  }

  // The word after "hundred" (its two 0s at chars[h], chars[h + 1]) takes their places if
  // it is a tens, teen or unit word: true if it did (_after_hundred).
  function afterHundred(chars, src, h, digit, span) {
    if (digit[0] === "t") {
      chars[h] = digit[1];
      src[h] = span;
    } else if (digit.length === 2 && digit[0] >= "0" && digit[0] <= "9") {
      chars[h] = digit[0];
      chars[h + 1] = digit[1];
      src[h] = span;
      src[h + 1] = span;
    } else if (UNITS.has(digit)) {
      chars[h + 1] = digit;
      src[h + 1] = span;
    } else return false;
    return true;
  }

  // Enough digit words outside the weak ones: minStrong, or one fewer among one more
  // digit words in all ("two oh four 65 3589") (_strong_enough)
  const strongEnough = (strong, words, minStrong) =>
    strong >= minStrong || (strong >= minStrong - 1 && minStrong - 1 >= 1 && words > minStrong);

  // A mixed run (minStrong 2) read digit by digit: one strong digit word among
  // digit_word_mixed_singles one-digit numerals or more ("fein three 9 oh 1 3 5 4 7 5"), or
  // weak ones only among digit_word_mixed_weak_singles ("my social is 6 two 9 5 2 oh 6 0 2";
  // _said_singly)
  const SINGLE_RE = /(?<![0-9])[0-9](?![0-9])/g;
  const saidSingly = (low, s, e, strong, minStrong) =>
    minStrong === 2 &&
    (low.slice(s, e).match(SINGLE_RE) ?? []).length >= (strong >= 1 ? R.digit_word_mixed_singles : R.digit_word_mixed_weak_singles);

  // A mixed run (minStrong 2) of nine digits that starts with a digit word, right after an
  // identifier's cue of a kind that holds nine, however few its digit words ("my social is
  // two 5644 9151"; not "my social is 041-82-207 wait that's missing one"; _cued_whole)
  const cuedWhole = (low, s, run, minStrong) => minStrong === 2 && run[2] === 9 && !(low[s] >= "0" && low[s] <= "9") && cueBefore(low, s, 9);

  // An edit for each of re's runs in the lower-cased norm that reads as a number:
  // minDigits to maxDigits digits, and minStrong digit words outside the weak ones.
  // (mixedNext: a run of fewer digits than a mixed run needs, a numeral beside it, is left
  // whole for the mixed pass: "six four three oh oh oh six 4 seven"; _run_edits)
  function runEdits(re, norm, minDigits, maxDigits, minStrong, mixedNext = false) {
    const low = lower(norm);
    const out = [];
    for (const m of all(re, low)) {
      let s = m.index;
      let e = s + m[0].length;
      // "... zero zero one. Do I file ...": a weak word after a full stop starts a sentence
      const trail = TRAILING_WEAK_RE.exec(low.slice(s, e));
      if (trail !== null) e = s + trail.index;
      // "... seven six eight um you can call me back": a filler, not Portuguese one
      const um = TRAILING_UM_RE.exec(low.slice(s, e));
      if (um !== null) e = s + um.index + um[0].length - um[1].length;
      const de = TRAILING_DE_RE.exec(low.slice(s, e));
      if (de !== null && WORD_AFTER_RE.test(low.slice(e, e + 2))) e = s + de.index + de[0].length - de[1].length; // "... nueve siete de mi compañía"
      const oh = TRAILING_OH_RE.exec(low.slice(s, e));
      if (oh !== null && WORD_AFTER_RE.test(low.slice(e, e + 2))) e = s + oh.index; // "... eight six five — oh shoot"
      const bare = TRAILING_OH_BARE_RE.exec(low.slice(s, e));
      OH_INTERJECTION_RE.lastIndex = e;
      if (bare !== null && OH_INTERJECTION_RE.test(low)) e = s + bare.index; // "... eight oh wait"
      if (low.startsWith("one", s) && PRONOUN_ONE_RE.test(low.slice(Math.max(0, s - "another one".length), s))) {
        s += "one".length; // "I meant to use this one four zero zero four ..."
        while (s < e && " ,-".includes(low[s])) s++;
      }
      const lead = LEADING_FOREIGN_RE.exec(low.slice(s, e));
      if (
        lead !== null &&
        !ENGLISH_RUN_WORDS.has(lead[1]) &&
        (low.slice(s + lead[0].length, e).match(/[a-z]+/g) ?? []).every((w) => ENGLISH_RUN_WORDS.has(w))
      ) {
        s += lead[0].length; // "mera ssn hai six zero one one ...": Hindi's "is"
      }
      const foreign = TRAILING_FOREIGN_RE.exec(low.slice(s, e));
      if (
        foreign !== null &&
        !ENGLISH_RUN_WORDS.has(foreign[1]) &&
        (low.slice(s, s + foreign.index + 1).match(/[a-z]+/g) ?? []).every((w) => ENGLISH_RUN_WORDS.has(w))
      ) {
        e = s + foreign.index + 1; // "... seven four three do i get money back"
      }
      const count = TRAILING_COUNT_RE.exec(low.slice(s, e));
      COUNT_AFTER_RE.lastIndex = e;
      if (count !== null && COUNT_AFTER_RE.test(low)) e = s + count.index; // "... five four digit code"
      const run = e - s <= R.digit_word_max_chars ? readRun(low, s, e) : null;
      if (run !== null && run[2] >= minDigits && run[2] <= maxDigits && (strongEnough(run[3], run[4], minStrong) || saidSingly(low, s, e, run[3], minStrong) || cuedWhole(low, s, run, minStrong))) {
        if (mixedNext && run[2] < MIXED_MIN && besideNumeral(low, s, e)) continue;
        out.push([s, e, run[0].join(""), run[1]]);
      }
    }
    return out;
  }
  // Does a numeral stand just after low[s:e] or just before it, a space, a comma or a
  // hyphen between? (_beside_numeral)
  const NUMERAL_AFTER_RE = /(?:[ ]|,[ ]?|-)[0-9]/y;
  const NUMERAL_BEFORE_RE = /[0-9](?:[ ]|,[ ]?|-)$/;
  function besideNumeral(low, s, e) {
    NUMERAL_AFTER_RE.lastIndex = e;
    return NUMERAL_AFTER_RE.test(low) || NUMERAL_BEFORE_RE.test(low.slice(Math.max(0, s - 3), s));
  }

  const digitWords = (norm) =>
    runEdits(DIGIT_RUN_RE, norm, R.digit_word_min_digits, R.digit_word_max_chars, 0, true);
  // Runs of digit words and digit groups ("229 97 three eight five one"), read like a run
  // of digit words, that hold two digit words other than the weak ones and a number's digits.
  const mixedDigitWords = (norm) => runEdits(MIXED_RUN_RE, norm, MIXED_MIN, MIXED_MAX, 2);

  function apply(norm, starts, ends, edits) {
    const start = (i) => (starts === null ? i : starts[i]);
    const end = (i) => (ends === null ? start(i) + 1 : ends[i]);
    const parts = [];
    const ns = [];
    const ne = [];
    let pos = 0;
    for (const [s, e, out, src] of edits) {
      parts.push(norm.slice(pos, s));
      for (let i = pos; i < s; i++) {
        ns.push(start(i));
        ne.push(end(i));
      }
      parts.push(out);
      for (const [a, b] of src) {
        ns.push(start(a));
        ne.push(end(b - 1));
      }
      pos = e;
    }
    parts.push(norm.slice(pos));
    for (let i = pos; i < norm.length; i++) {
      ns.push(start(i));
      ne.push(end(i));
    }
    return [parts.join(""), ns, ne];
  }

  // Apply the rewrites in turn; returns {norm, starts, ends} like normalise().
  // the letter o typed for a zero among digits ("7356276o4"): each o of such a token a 0,
  // one character for one, so the maps stay (_o_for_zero)
  const O_FOR_ZERO_RE = new RegExp(R.o_for_zero, "g");
  const O_GATE_RE = /[0-9][oO]|[oO][0-9]/;
  const O_RUN_RE = new RegExp(`[oO]{${R.o_for_zero_max_run + 1}}`);
  function oForZero(token) {
    const o = token.split(/[oO]/).length - 1;
    if (!o || token.length - o < Math.max(R.o_for_zero_min_digits, o) || O_RUN_RE.test(token)) return token;
    return token.replace(/[oO]/g, "0");
  }

  // a number read by OCR with a digit taken for a look-alike letter ("l21-46-0279"):
  // each letter its digit, one character for one (_ocr_digits)
  const OCR_RE = new RegExp(R.ocr_digits.replaceAll("L", Object.keys(R.ocr_letters).join("")), "g");
  const OCR_LETTERS = Object.keys(R.ocr_letters).join("");
  const OCR_GATE_RE = new RegExp(`[0-9][${OCR_LETTERS}]|[${OCR_LETTERS}][0-9]`);
  const OCR_PAIR_RE = new RegExp(`[${OCR_LETTERS}]{2}`);
  const OCR_LAID_OUT_RE = new RegExp(`^(?:${R.ocr_laid_out})$`);
  const OCR_ANY_RE = new RegExp(`[${OCR_LETTERS}]`, "g");
  const CUE_BEFORE_RE = new CueRegExp("g");
  const OCR_CARD_RE = new RegExp(`^(?:${R.ocr_card_laid_out})$`);
  const CARD_WORDS_RE = new RegExp(RULES.card.words);
  // The token with each look-alike letter its digit, if it reads as an identifier's
  // digits with one or two of them misread and a cue before it; or, when the token goes on
  // over a line break and is none so, its first line so (_ocr_digits).
  function ocrDigits(token, at, whole) {
    const fixed = ocrToken(token, at, whole);
    if (fixed === token && token.includes("\n")) {
      const head = token.slice(0, token.indexOf("\n"));
      return ocrToken(head, at, whole) + token.slice(head.length);
    }
    return fixed;
  }
  function ocrToken(token, at, whole) {
    const fixed = token.replace(OCR_ANY_RE, (c) => R.ocr_letters[c]);
    let letters = 0;
    for (let i = 0; i < token.length; i++) if (token[i] !== fixed[i]) letters++;
    // (an identifier's layout may hold more of them, side by side too: "l3-Ol28l87")
    const laidOut = OCR_LAID_OUT_RE.test(token);
    if (letters < 1 || letters > (laidOut ? R.ocr_laid_out_max_letters : R.ocr_max_letters)) return token;
    if (!laidOut && OCR_PAIR_RE.test(token)) return token;
    if (!R.ocr_lengths.includes(token.length - token.split("-").length - token.split(" ").length - token.split("\n").length + 3)) {
      // or a card number's layout, after a card word ("card: 4528 9835 l061 4524")
      const card = !laidOut && OCR_CARD_RE.test(token);
      return card && CARD_WORDS_RE.test(lower(whole.slice(Math.max(0, at - RULES.card.words_reach), at))) ? fixed : token;
    }
    return cueBefore(whole, at) || marked(whole, at, at + token.length) || headerAbove(whole, at) ? fixed : token;
  }
  // Is the first line above text[at]'s with no digit, within ocr_header_rows lines and
  // ocr_header_reach characters and with no blank line between, a header that names an
  // identifier ("Member   FEIN   CT Reg No." over a row's "5O-5993193")? (_header_above)
  function headerAbove(text, at) {
    const lo = Math.max(0, at - R.ocr_header_reach);
    let end = text.lastIndexOf("\n", at - 1);
    if (end < lo) end = -1;
    for (let k = 0; k < R.ocr_header_rows; k++) {
      if (end < 0) return false;
      let start = text.lastIndexOf("\n", end - 1);
      start = start < lo ? 0 : start + 1;
      if (start === 0 && lo > 0) return false; // (a line longer than the reach)
      const line = text.slice(start, end);
      if (/^ *$/.test(line)) return false;
      if (!/[0-9]/.test(line)) {
        const low = lower(line);
        CUE_BEFORE_RE.lastIndex = 0;
        let cue;
        while ((cue = CUE_BEFORE_RE.exec(low)) !== null) if (ID_KINDS.has(cueKind(cue))) return true;
        return false;
      }
      end = start - 1;
    }
    return false;
  }
  // is text[s, e) set between two of the same MICR transit mark, a check line's routing
  // field ("|:056l10041|: 811878S89611"): the marks are its cue (_marked)
  function marked(text, s, e) {
    return RULES.micr_marks.some((k) => text.startsWith(k, e) && text.slice(0, s).endsWith(k));
  }
  // whether an identifier's cue ends in the CUE_WINDOW characters before text[at]
  // A word an OCR read with a letter or two as digits ("Emp1oyer", "N0."), with those
  // digits read as letters when it holds no more digits than letters and each digit looks
  // like one ("n0" no, "emp1oyer" employer; not "w2") (_letters_back).
  const MIXED_TOKEN_RE = /[a-z0-9]*(?:[a-z][0-9]|[0-9][a-z])[a-z0-9]*/g;
  const DIGIT_LETTERS = { 0: "o", 1: "l", 5: "s", 8: "b" };
  function lettersBack(word) {
    const digits = word.replace(/[^0-9]/g, "");
    if (2 * digits.length > word.length || [...digits].some((c) => !Object.hasOwn(DIGIT_LETTERS, c))) return word;
    return word.replace(/[0158]/g, (c) => DIGIT_LETTERS[c]);
  }
  // the digits of a CT number: its 7-digit base and its location code
  const CT_DIGITS = RULES.ct_tax_reg.base_min + RULES.ct_tax_reg.location_length;
  function cueBefore(text, at, digits = 0) {
    const lo = Math.max(0, at - CUE_WINDOW - MAX_CUE);
    const window = lower(text.slice(lo, at));
    // (the cue may be misread too: "Federal Emp1oyer ID", "REGISTRATI0N N0.")
    const read = window.replace(MIXED_TOKEN_RE, lettersBack);
    CUE_BEFORE_RE.lastIndex = 0;
    let cue;
    while ((cue = CUE_BEFORE_RE.exec(read)) !== null) {
      // (not over another number, which the cue labels instead: "CT Sales Tax Reg.
      // 5579087-000 | S1-0398122"; a time stamp's or a misread letter's digits are none);
      // given a number's digits, a cue of a kind that holds as many, not a name alone
      // ("Bank shows two debits: CT DRS 01/16 $1,250.00" is a date and a sum)
      const end = cue.index + cue[0].length;
      const fits = !digits || (!WEAK_CUES_AFTER.has(cue[0]) && digits === (cueKind(cue) === "ct" ? CT_DIGITS : 9));
      if (ID_KINDS.has(cueKind(cue)) && fits && lo + end >= at - CUE_WINDOW && !/[0-9]{3}/.test(window.slice(end))) return true;
    }
    return false;
  }

  // A number a time-stamped transcript splits over two of its lines ("[0:09] my social
  // security number is 628\n[0:13] 61 0496"): the break and the stamp are a pause, when
  // the line it starts on begins with a stamp in the same brackets (_stamp_joins).
  const STAMP_JOIN_RE = new RegExp(R.stamp_join, "g");
  const STAMP_LINE_RE = new RegExp(R.stamp_line, "y");
  function stampJoins(norm) {
    const out = [];
    if (!norm.includes("\n[") && !norm.includes("\n(")) return out;
    let low = null;
    for (const m of all(STAMP_JOIN_RE, norm)) {
      const s = m.index;
      const e = s + m[0].length;
      STAMP_LINE_RE.lastIndex = norm.lastIndexOf("\n", s - 1) + 1;
      const line = STAMP_LINE_RE.exec(norm);
      if (line === null || line[0].replace(/^ +/, "")[0] !== m[1]) continue;
      const numeral = isDigit(norm[s - 1]);
      if (!(numeral && isDigit(norm[e]))) {
        // a number read out in words: a digit or a digit word on either side
        low = low ?? lower(norm);
        if (!(digitItemBefore(low, STAMP_LINE_RE.lastIndex, s) && digitItemAt(low, e))) continue;
      }
      const gap = numeral ? " " : ", "; // (a pause between words)
      out.push([s, e, gap, Array(gap.length).fill([s, e])]);
    }
    return out;
  }

  // A number a transcript splits at a header line: a caption's timing, a recorder's
  // speaker and time, or a time stamp at each line's start (_header_joins).
  const HEADER_T = R.header_time;
  const HEADER_LINE_RE = new RegExp(R.header_line.replaceAll("<T>", HEADER_T), "iy");
  const HEADER_BARE_RE = new RegExp(R.header_bare.replaceAll("<T>", HEADER_T), "y");
  const HEADER_SPEAKER_RE = new RegExp(R.header_speaker, "y");
  const HEADER_LABEL_RE = new RegExp(R.header_label.replaceAll("<T>", HEADER_T), "y");
  const HEADER_ALONE_RE = new RegExp(R.header_alone.replaceAll("<T>", HEADER_T), "y");
  const HEADER_NAME_RE = new RegExp(R.header_name, "y");
  const HEADER_INDEX_RE = new RegExp(R.header_index, "y");
  // the other side's short reply between two parts: backchannel words, one or more
  const REPLY_SRC = "(?:" + R.turn_join_backchannel.join("|") + ")";
  const HEADER_REPLY_RE = new RegExp("(?:" + REPLY_SRC + "(?:[ ,.!?…]+" + REPLY_SRC + ")*[ ,.!?…]*)$");
  const HEADER_FIND_RE = /[0-9]:[0-9]{2}/g;
  const BLANK = " \t\n";
  const sticky = (re, s, at) => {
    re.lastIndex = at;
    return re.exec(s);
  };
  function headerJoins(norm) {
    const out = [];
    if (!norm.includes(":")) return out;
    let low = ""; // lower-cased once a line may be a header
    let done = -1; // each line is looked at once (a line of many times)
    for (const m of all(HEADER_FIND_RE, norm)) {
      if (m.index < done) continue;
      const ls = norm.lastIndexOf("\n", m.index - 1) + 1;
      done = norm.indexOf("\n", m.index);
      if (done < 0) done = norm.length;
      if (ls === 0) continue; // no line before
      low = low || lower(norm);
      const edit = headerJoin(low, ls);
      if (edit !== null && (out.length === 0 || out[out.length - 1][1] <= edit[0])) out.push(edit);
    }
    return out;
  }
  // the start and end (spaces off) of the last line before `at` that is not blank
  function lineBefore(low, at) {
    let end = at;
    while (end > 0 && BLANK.includes(low[end - 1])) end--;
    return [low.lastIndexOf("\n", end - 1) + 1, end];
  }
  // the header whose time stands on the line at ls: the speaker it names (null for a
  // caption's timing), where it starts and where its last line ends; or null
  function head(low, ls) {
    const end = low.indexOf("\n", ls);
    if (end < 0) return null;
    let h = sticky(HEADER_LINE_RE, low, ls);
    if (h !== null) {
      const name = h[1] ?? h[2];
      if (name !== undefined) return [name.trim(), ls, end];
      const qs = ls > 0 ? low.lastIndexOf("\n", ls - 2) + 1 : ls;
      const index = qs < ls ? sticky(HEADER_INDEX_RE, low, qs) : null;
      if (index !== null && qs + index[0].length === ls - 1) return [null, qs, end]; // (a caption's number above its timing)
      return [null, ls, end];
    }
    h = sticky(HEADER_LABEL_RE, low, ls);
    if (h !== null) return [h[1].trim(), ls, end];
    if (ls > 0 && sticky(HEADER_ALONE_RE, low, ls) !== null) {
      const qs = low.lastIndexOf("\n", ls - 2) + 1;
      const n = sticky(HEADER_NAME_RE, low, qs);
      if (n !== null && qs + n[0].length === ls - 1) return [n[1].trim(), qs, end];
    }
    return null;
  }
  // where the words of the lines at a and b start, after a "Name:" at either; null
  // unless both name the same speaker or neither does, or only the first does (a
  // caption's line goes on with the speaker above)
  // the speaker a "Name:" or a caption's voice tag ("<v Marcus>") names (_speaker)
  const speaker = (m) => (m[1] ?? m[2]).trim();
  // where the words of the line low[ps:pe] end, before a caption's closing voice tag
  // ("... it's 017-67-</v>"; _words_end)
  function wordsEnd(low, ps, pe) {
    if (pe - ps >= 4 && low.slice(pe - 4, pe) === "</v>") {
      pe -= 4;
      while (pe > ps && " \t".includes(low[pe - 1])) pe--;
    }
    return pe;
  }
  function sameSpeaker(low, a, b) {
    const sa = sticky(HEADER_SPEAKER_RE, low, a);
    const sb = sticky(HEADER_SPEAKER_RE, low, b);
    if (sb === null) return sa === null ? [a, b] : [a + sa[0].length, b];
    if (sa === null || speaker(sa) !== speaker(sb)) return null;
    return [a + sa[0].length, b + sb[0].length];
  }
  // the turn above the header that starts at hs, when it is the same speaker's as the
  // words at c: where its words start and end, and where the words at c start; the other
  // side's short replies may stand between, each under its own header
  function turnAbove(low, name, hs, c) {
    let [ps, pe] = lineBefore(low, hs);
    for (let i = 0; i <= R.header_reply_turns; i++) {
      pe = wordsEnd(low, ps, pe);
      const [qs] = lineBefore(low, ps);
      const above = qs < ps ? head(low, qs) : null;
      const sp = sticky(HEADER_SPEAKER_RE, low, ps);
      if (!HEADER_REPLY_RE.test(low.slice(sp === null ? ps : ps + sp[0].length, pe))) {
        if (name === null || (above !== null && above[0] === name)) {
          const words = sameSpeaker(low, ps, c);
          if (words !== null) return [words[0], pe, words[1]];
        }
        return null;
      }
      // (another's short reply, under its own header: the turn above that one)
      if (above === null || (name !== null && above[0] === name)) return null;
      const sc = sticky(HEADER_SPEAKER_RE, low, c);
      if (sp !== null && sc !== null && speaker(sp) === speaker(sc)) return null;
      [ps, pe] = lineBefore(low, above[1]);
    }
    return null;
  }
  function headerJoin(low, ls) {
    const h = head(low, ls);
    let lo;
    let pe;
    let c;
    if (h !== null) {
      // a header: the number goes on after it
      c = h[2];
      while (c < low.length && BLANK.includes(low[c])) c++;
      const turn = turnAbove(low, h[0], h[1], c);
      if (turn === null) return null;
      [lo, pe, c] = turn;
    } else {
      // a time stamp at the start of this line and of the one before
      let ps;
      [ps, pe] = lineBefore(low, ls);
      const b = sticky(HEADER_BARE_RE, low, ls);
      const first = sticky(HEADER_BARE_RE, low, ps);
      if (b === null || first === null || pe !== ls - 1) return null;
      [lo, c] = [ps + first[0].length, ls + b[0].length];
    }
    // (a part that ends with its dash goes on at once: "it's 017-67-" / "8751.")
    const dashed = pe - lo >= 2 && low[pe - 1] === "-" && isDigit(low[pe - 2]);
    if (pe <= lo || !((dashed || digitItemBefore(low, lo, pe)) && (digitItemAt(low, c) || dashItemAt(low, c)))) return null;
    const gap = dashed ? "" : isDigit(low[pe - 1]) || TURN_TAIL.includes(low[pe - 1]) ? " " : ", ";
    return [pe, c, gap, Array(gap.length).fill([pe, c])];
  }
  // a turn that goes on with a spoken or written dash, then the digits ("dash zero zero
  // three.", "and then dash 001"; _dash_item_at)
  const DASH_START_RE = new RegExp("(?:(?:and )?then )?(?:-|" + DASHES + ")[ ,]+", "y");
  function dashItemAt(low, c) {
    const m = sticky(DASH_START_RE, low, c);
    return m !== null && digitItemAt(low, c + m[0].length);
  }

  // A number a voice recogniser wrote as a time, a sum, a phone number or a date ("3:12
  // 45 6089", "$3.18 09 5527", "(254) 781-3002") just after an identifier's cue: its
  // digits in groups parted by single spaces, a "$" or "(" before its first digit part
  // of that digit (_transcribed).
  const TRANSCRIBED_RE = new RegExp(R.transcribed, "g");
  const TRANSCRIBED_GATE_RE = new RegExp(R.transcribed_gate);
  const TRANSCRIBED_CLOCK_RE = new RegExp(R.transcribed_clock); // a time stamp's seconds
  const TRANSCRIBED_THOUSANDS_RE = new RegExp(R.transcribed_thousands); // "203 77 6.405"
  const TRANSCRIBED_MARKS_RE = new RegExp("[" + R.transcribed_marks.replace(/[\\^\]-]/g, "\\$&") + "]");
  // Are the digit groups of a token, its colons gone, a card's: each of four digits, or
  // an Amex's 4-6-5?
  function cardGroups(token) {
    const sizes = token.replaceAll(":", "").split(/[^0-9]+/).filter((g) => g).map((g) => g.length);
    return sizes.every((n) => n === 4) || sizes.join() === "4,6,5";
  }

  function transcribed(norm) {
    const out = [];
    if (!TRANSCRIBED_GATE_RE.test(norm)) return out;
    for (const m of all(TRANSCRIBED_RE, norm)) {
      // an ordinary number (the claims read it), or a time stamp
      if ((!TRANSCRIBED_MARKS_RE.test(m[0]) && !TRANSCRIBED_THOUSANDS_RE.test(m[0])) || TRANSCRIBED_CLOCK_RE.test(m[0])) continue;
      const s = m.index;
      const gaps = [...m[0].matchAll(/[^0-9]+/g)];
      const digits = m[0].length - gaps.reduce((n, g) => n + g[0].length, 0);
      // (a card has no cue: its own checks decide, once its colon has gone)
      // a card's colon stands inside a group of four ("60:11 9497 …"): without its
      // colons, a card is in groups of four (or an Amex's 4-6-5); a date and a time
      // before a card ("01/27/2025 10:02  4869 …") are not
      const card = digits > 10 && cardGroups(m[0]);
      if (!R.transcribed_lengths.includes(digits) || !(card || cueBefore(norm, s, digits))) continue;
      for (const g of gaps) {
        const a = s + g.index;
        const b = a + g[0].length;
        if (a === s) out.push([a, b + 1, norm[b], [[a, b + 1]]]);
        else if (card && g[0] === ":") out.push([a, b, "", []]);
        else out.push([a, b, " ", [[a, b]]]);
      }
    }
    return out;
  }

  // A group of a spoken number said wrong and at once said again ("056 725, I'm sorry,
  // 722 277"): the wrong group and the correction go (_corrections).
  const CORRECTION_RE = new RegExp(R.spoken_correction, "gi");
  const CORRECTION_GATE = R.spoken_correction_gate;
  function corrections(norm) {
    const out = [];
    const low = norm.toLowerCase();
    if (!CORRECTION_GATE.some((piece) => low.includes(piece))) return out;
    for (const m of all(CORRECTION_RE, norm)) {
      const s = m.index;
      if (m[2].length >= m[1].length && /[0-9],? $/.test(norm.slice(Math.max(0, s - 3), s))) {
        out.push([s, s + m[0].length, "", []]);
      }
    }
    return out;
  }

  // Digit words of other scripts ("один два четыре — один пять — ...") and Korean digit
  // syllables glued into groups ("칠오팔 다시 삼팔 다시 육사칠삼") become digits
  // (_script_digits).
  const SCRIPT_RUN_RE = new RegExp(SOURCES.script_digit_run, "g");
  const SCRIPT_ITEM_RE = new RegExp(SOURCES.script_digit_item, "g");
  const KOREAN_RUN_RE = new RegExp(SOURCES.korean_digit_run, "g");
  const KOREAN_ITEM_RE = new RegExp(SOURCES.korean_digit_item, "g");
  const SCRIPT_GATE_RE = new RegExp(R.script_digit_gate);
  const scriptLower = (s) =>
    s.replace(/[A-Z\u00c0-\u024f\u0370-\u04ff]/g, (c) => {
      const l = c.toLowerCase();
      return l.length === 1 ? l : c;
    });
  // a gap between two items: a pause (marks and spaces only) " ", a dash (a mark or a
  // spoken dash) "-", a space alone null (_gap_edit)
  const PAUSE_MARKS = " \t,،、，.…፣";
  function gapEdit(text, s, e) {
    const gap = text.slice(s, e).replace(/^[ \t]+|[ \t]+$/g, "");
    if (!gap) return null;
    if ([...gap].every((c) => PAUSE_MARKS.includes(c))) return [s, e, " ", [[s, e]]];
    return [s, e, "-", [[s, e]]];
  }
  function* items(re, text, s, e) {
    const part = text.slice(s, e);
    for (const m of all(re, part)) yield { s: s + m.index, e: s + m.index + m[0].length, word: m[1] };
  }
  function scriptDigits(norm) {
    const out = [];
    if (!SCRIPT_GATE_RE.test(norm)) return out;
    const low = scriptLower(norm);
    for (const m of all(SCRIPT_RUN_RE, low)) {
      for (const it of items(SCRIPT_ITEM_RE, low, m.index, m.index + m[0].length)) {
        if (it.word !== undefined) out.push([it.s, it.e, R.script_digit_words[it.word], [[it.s, it.e]]]);
        else out.push(gapEdit(low, it.s, it.e) ?? [it.s, it.e, "", []]);
      }
    }
    for (const m of all(KOREAN_RUN_RE, norm)) {
      const its = [...items(KOREAN_ITEM_RE, norm, m.index, m.index + m[0].length)];
      const groups = its.filter((it) => it.word !== undefined).map((it) => it.word.length);
      // (or every syllable alone, read one by one: "공 이 이, 구 칠, 오 이 팔 오")
      const single = Math.max(...groups) === 1;
      if (groups.reduce((a, b) => a + b, 0) < R.korean_digit_min || !(single || Math.max(...groups) >= 3)) continue;
      for (const it of its) {
        if (it.word !== undefined) {
          const src = [];
          for (let i = it.s; i < it.e; i++) src.push([i, i + 1]);
          out.push([it.s, it.e, [...it.word].map((c) => R.korean_digits[c]).join(""), src]);
        } else {
          // a space joins syllables read one by one
          const edit = gapEdit(norm, it.s, it.e) ?? (single ? [it.s, it.e, "", []] : it.e - it.s > 1 ? [it.s, it.e, " ", [[it.s, it.e]]] : null);
          if (edit !== null) out.push(edit);
        }
      }
    }
    return out.sort((a, b) => a[0] - b[0]);
  }

  return function rewrite(norm, starts, ends) {
    for (const [step, hint] of [
      [underscores, "_"],
      [bracketBoxes, "]["],
      [camelKeys, null],
      [spelledLetters, null],
      [boxedDigits, "|"],
      [softBreaks, "="],
      [quoteJoins, null],
      [stampJoins, null],
      [headerJoins, "\n"],
      [turnJoins, "\n"],
      [partJoins, null],
      [wordCorrections, null],
      [stutters, null],
      [restarts, null],
      [asides, null],
      [bracketPauses, null],
      [spacedOhs, null],
      [groupedOhs, null],
      [keypadGroups, null],
      [numeralPauses, null],
      [dottedDigits, null],
      [scriptDigits, null],
      [transcribed, null],
      [numeralDashes, " "],
      [burstGroups, "-"],
      ["spoken", null],
      [letterSpaced, " "],
      ["o", null],
      [numeralSandwiches, " "],
      [digitWords, null],
      [mixedDigitWords, null],
      [corrections, null],
    ]) {
      if (step === "spoken") {
        // fillers out, then homophones made digits (a pass for each after another: "won
        // tree ate"; homophone_passes), before letter spacing closes up around them (_spoken)
        let spoke = false;
        for (const f of [countedZeros, fillers, homophoneChains, ...Array(R.homophone_passes).fill(homophones)]) {
          const edits = f(norm);
          if (edits.length) {
            [norm, starts, ends] = apply(norm, starts, ends, edits);
            spoke = true;
          } else if (f === homophones) break;
        }
        if (spoke) {
          // a spoken dash that homophones made numerals beside ("9 4 dash to 0 6 to 4 2 8":
          // "to" was no numeral when the dashes were read)
          const edits = numeralDashes(norm);
          if (edits.length) [norm, starts, ends] = apply(norm, starts, ends, edits);
        }
        continue;
      }
      if (step === "o") {
        // one character for one: the maps stay; whether a look-alike letter touches a
        // digit is asked before the o's are made zeros ("31855O8-OOO": _look_alikes)
        const lookAlike = OCR_GATE_RE.test(norm);
        if (O_GATE_RE.test(norm)) norm = norm.replace(O_FOR_ZERO_RE, oForZero);
        if (lookAlike) norm = norm.replace(OCR_RE, ocrDigits);
        continue;
      }
      if (hint !== null && !norm.includes(hint)) continue;
      const edits = step(norm);
      if (edits.length) [norm, starts, ends] = apply(norm, starts, ends, edits);
    }
    return { norm, starts, ends };
  };
}
