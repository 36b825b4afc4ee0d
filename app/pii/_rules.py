"""Load the shared rule data (app/static/js/pii-rules.json) and compile it for Python.

The JavaScript twin (app/static/js/pii.mjs) reads the same file, so every keyword,
prefix, range and regex source lives in one place.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator

# the stdlib's own regex parser: cue_table() reads what the cue patterns start with
from re import _constants as _sc  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]

from ._native import HERE  # the package's folder (a compiled module's __file__ is not in it)

RULES_PATH = HERE.parent / "static" / "js" / "pii-rules.json"

with RULES_PATH.open(encoding="utf-8") as _fh:
    RULES: dict = json.load(_fh)

FLAGS = re.ASCII | re.IGNORECASE

CUE_WINDOW: int = RULES["cue_window"]
ASIDE_RE = re.compile(RULES["aside"])
ASIDE_REACH: int = RULES["aside_reach"]
ASIDE_PAUSE_RE = re.compile(RULES["aside_pause"])
ASIDE_PAUSE_REACH: int = RULES["aside_pause_reach"]
MAX_CUE: int = RULES["max_cue_length"]
MIN_DIGITS: int = RULES["min_digits"]
PADDED: str = "0" * RULES["padded_zeros"]  # a padded field, no identifier
MAX_CHUNK: int = RULES["max_chunk_length"]

KIND_LABELS: dict[str, str] = dict(RULES["labels"])
EFW2_RECORDS: dict[str, tuple[int, str]] = {
    record: (column, kind) for record, (column, kind) in RULES["efw2_records"].items()
}
EFW2_DIGITS_AFTER = frozenset(RULES["efw2_digits_after"])
if not EFW2_RECORDS.keys() >= EFW2_DIGITS_AFTER:
    raise ValueError("efw2_digits_after must name efw2_records")
KINDS: tuple[str, ...] = tuple(KIND_LABELS)
REMOVED_TEMPLATE: str = RULES["removed_template"]
# Each language's words for findings; English is the labels and template above.
WORDING: dict[str, dict] = {k: v for k, v in RULES["wording"].items() if not k.startswith("_")}


def kind_label(kind: str, language: str = "en") -> str:
    """A kind's name in ``language`` (English when the rules have none in it)."""
    wording = WORDING.get(language)
    return wording["labels"][kind] if wording else KIND_LABELS[kind]


def removed_template(language: str = "en") -> str:
    wording = WORDING.get(language)
    return wording["removed_template"] if wording else REMOVED_TEMPLATE


_chars = RULES["chars"]
ZERO_WIDTH = frozenset(_chars["zero_width"])
ZERO_WIDTH_SHAPES = frozenset(tuple(shape) for shape in _chars["zero_width_shapes"])
DASHES = frozenset(_chars["dashes"])
SPACES = frozenset(_chars["spaces"])
COMMAS = frozenset(_chars["commas"])
LINE_BREAKS = frozenset(_chars["line_breaks"])
CJK_DIGITS: dict[str, str] = dict(_chars["cjk_digits"])

SEP_SRC: str = RULES["separator"]

# Cue kinds in the order their alternatives are tried at one position.
CUE_KINDS: tuple[str, ...] = tuple(k for k in RULES["cues"] if not k.startswith("_"))


LANGUAGES: tuple[str, ...] = tuple(k for k in RULES["cue_lexicons"] if not k.startswith("_"))


# The cue kinds that name an identifier (what a language's negation words can negate).
IDENTIFIER_CUE_KINDS: tuple[str, ...] = ("ssn", "itin", "fein", "taxid", "ct", "routing")


def negated_cue_patterns(lang: str) -> list[str]:
    """A language's negated identifier cues: each of its 'negation' phrases ("não é meu",
    "nie jest mój", "不是我的") followed by any of its identifier cues, or by an English
    one it borrows ("n'est pas notre EIN")."""
    lexicon = RULES["cue_lexicons"][lang]
    negations = lexicon.get("negation", ())
    cues = [p for kind in IDENTIFIER_CUE_KINDS for p in lexicon.get(kind, ())]
    cues += RULES["negation_borrowed_cues"]
    if not negations or not cues:
        return []
    return ["(?:" + "|".join(negations) + ")(?:" + "|".join(cues) + ")"]


def cue_patterns(kind: str) -> list[str]:
    """The English cue patterns of one kind, then each language's, in rule-file order
    (a language's negated cues come first among its 'neg' patterns)."""
    out = list(RULES["cues"][kind])
    for lang in LANGUAGES:
        if kind == "neg":
            out.extend(negated_cue_patterns(lang))
        out.extend(RULES["cue_lexicons"][lang].get(kind, ()))
    return out


def _swaps(word: str) -> list[str]:
    """The word with each pair of neighbouring letters swapped (other than equal ones)."""
    return [
        word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        for i in range(len(word) - 1)
        if word[i] != word[i + 1]
    ]


def _drops(word: str) -> list[str]:
    """The word with one letter inside it left out ("socal", "secrity"): never the
    first or the last, which people keep (and "employe" would be employee's)."""
    return [word[:i] + word[i + 1 :] for i in range(1, len(word) - 1)]


def with_typos(pattern: str) -> str:
    """A cue pattern that also takes its long words with one swap of neighbouring
    letters ("scoial secuirty") or one letter inside them left out ("socal
    security"): each whole word of cue_typo_words written in the pattern (or with an
    optional plural "s?") becomes an alternation of the word and those variants, and
    each whole word of cue_spelled_words takes its letters apart ("I D", "I.D."). Cues
    are only ever matched in the windows around numbers, and CueSearch tries a
    pattern only where the text begins as it can."""
    words = RULES["cue_typo_words"]
    for word in words:
        if word not in pattern:
            continue
        variants = [word]
        for v in (*_swaps(word), *_drops(word), *RULES["cue_typo_variants"].get(word, ())):
            if v not in words and v not in variants:
                variants.append(v)
        alt = "(?:" + "|".join(variants) + ")"
        pattern = re.sub(
            r"(?<![a-z\\\[])" + word + r"(?:(?![a-z])|(?=s\?))", alt.replace("\\", "\\\\"), pattern
        )
    for word in RULES["cue_spelled_words"]:  # "I D", "I.D." for "id"
        spelled = "\\.? ?".join(word) + "\\.?"
        pattern = re.sub(
            r"(?<![a-z\\\[])" + word + r"(?![a-z])", spelled.replace("\\", "\\\\"), pattern
        )
    return pattern


# How many leading characters of a cue the search dispatches on (CueSearch): measured
# on the corpora, 3 leaves a median of 3 patterns to try where a cue could start (of
# about a thousand) and some 1,500 different keys; 4 saves a tenth more time for twice
# the keys.
CUE_KEY = 3
_REPEATS = (_sc.MAX_REPEAT, _sc.MIN_REPEAT, _sc.POSSESSIVE_REPEAT)


def _starts(items, k: int) -> set[tuple[str, bool]]:
    """What a parsed pattern's matches start with, up to k characters: pairs (s, whole),
    where whole means a match can be exactly s. Every match begins with one of the
    strings; what cannot be spelled out (a wide class) ends a string early."""
    cur = {("", True)}
    for op, av in items:
        nxt: set[tuple[str, bool]] = set()
        for s, whole in cur:
            if not whole or len(s) >= k:
                nxt.add((s[:k], False))
            else:
                nxt.update((s + t, w) for t, w in _item_starts(op, av, k - len(s)))
        cur = nxt
    return cur


def _item_starts(op, av, k: int) -> set[tuple[str, bool]]:
    if op is _sc.LITERAL:
        return {(chr(av), True)}
    if op is _sc.IN:
        out = set()
        for o, a in av:
            if o is _sc.LITERAL:
                out.add((chr(a), True))
            elif o is _sc.RANGE and a[1] - a[0] < 64:
                out.update((chr(c), True) for c in range(a[0], a[1] + 1))
            else:
                return {("", False)}
        return out
    if op is _sc.SUBPATTERN:
        return _starts(av[3], k)
    if op is _sc.BRANCH:
        return {x for alt in av[1] for x in _starts(alt, k)}
    if op in _REPEATS:
        lo, hi, sub = av
        return _repeat_starts(lo, hi, sub, k)
    if op in (_sc.ASSERT, _sc.ASSERT_NOT, _sc.AT):
        return {("", True)}  # zero-width: leaving it out only admits more
    return {("", False)}


def _repeat_starts(lo: int, hi: int, sub, k: int) -> set[tuple[str, bool]]:
    """_starts of sub repeated lo to hi times."""
    out: set[tuple[str, bool]] = set()
    front = {("", True)}
    for i in range(k + 2):
        # a string that cannot grow (or is long enough) starts every longer match too
        out.update(x for x in front if i >= lo or not x[1] or len(x[0]) >= k)
        if i == hi:
            return out
        front = {
            (s + t, w)
            for s, whole in front
            if whole and len(s) < k
            for t, w in _starts(sub, k - len(s))
            if t or not w  # an empty repeat adds nothing (and would never end)
        }
        if not front:
            return out
    return out | {(s[:k], False) for s, _w in front}


def _pattern_starts(pattern: str, k: int) -> frozenset[str]:
    """The strings of _starts for one pattern."""
    return frozenset(s for s, _w in _starts(_parser.parse(pattern), k))


def _guard(starts: set[str]) -> str:
    """A lookahead that passes where the text starts with one of `starts`: a trie of
    them (a shorter string covers the longer ones it begins)."""
    tree: dict = {}
    for s in sorted(starts, key=len):
        node = tree
        for c in s:
            if "" in node:
                break
            node = node.setdefault(c, {})
        else:
            node.clear()
            node[""] = {}

    def src(node: dict) -> str:
        if "" in node:
            return ""
        alts = [("\\" + c if c in "\\.^$|?*+()[]{}" else c) + src(node[c]) for c in sorted(node)]
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return "(?=" + src(tree) + ")"


def _cue_groups(groups: list[list[str]]) -> str:
    """A capturing group per cue kind, in CUE_KINDS order, holding that kind's patterns
    of `groups` (a group that can never match where a kind has none, so that group i is
    always the kind CUE_KINDS[i - 1]), then the word's end."""
    alts = ["(" + "|".join(g) + ")" if g else "((?!))" for g in groups]
    return "(?:" + "|".join(alts) + ")(?![a-z])"


def cue_source() -> str:
    """The cue alternation, whole: a group per kind, each the kind's patterns in order
    (patterns use (?:...) only). Its matches are what CueSearch finds; Python and the
    browser twin search with CueSearch, which tries only the patterns that can start
    where a cue could, and the tests hold the two to the same matches."""
    groups = [[with_typos(p) for p in cue_patterns(k)] for k in CUE_KINDS]
    return RULES["cue_start"] + "(?<![a-z])" + _cue_groups(groups)


def cue_table() -> dict:
    """The cue patterns as CueSearch (and its twin, CueRegExp in pii-const.mjs) read
    them: "patterns", [kind index, source] in cue_source() order; "starts", for each
    string a match of some pattern can start with (CUE_KEY characters, fewer when a
    pattern can end there or goes on with a wide class), the patterns that can;
    "gate", a zero-width pattern that passes where cue_source() could match (the cue's
    first letter, no letter before it, and the trie of every start); and "key"."""
    patterns = [(i, with_typos(p)) for i, kind in enumerate(CUE_KINDS) for p in cue_patterns(kind)]
    starts: dict[str, list[int]] = {}
    for n, (_i, p) in enumerate(patterns):
        for s in _pattern_starts(p, CUE_KEY):
            starts.setdefault(s, []).append(n)
    if "" in starts:
        raise ValueError("a cue pattern can start with any character: it needs a first letter")
    if any(ord(c) > 0xFFFF for s in starts for c in s):
        raise ValueError("a cue starts outside the BMP: the twins would cut their keys apart")
    gate = RULES["cue_start"] + "(?<![a-z])" + _guard(set(starts))
    return {
        "key": CUE_KEY,
        "gate": gate,
        "patterns": patterns,
        "starts": {s: starts[s] for s in sorted(starts)},
    }


class CueSearch:
    """The cue alternation's search, match and finditer (with pos and endpos, matches
    whose group i is the kind CUE_KINDS[i - 1]), without running a thousand patterns
    at every candidate word.

    The gate finds the next place a cue could start. The text's next CUE_KEY characters
    there (up to endpos) are looked up in "starts": only the patterns that can begin
    with one of their prefixes can match there, so an alternation of those, in the
    same order and groups, matches exactly what the whole one would (both engines try
    alternatives in order). Its cost no longer grows with the lexicons: a word that
    starts like no cue fails the gate, and one that does tries the few patterns that
    start like it. The alternations are compiled when first needed and kept by the
    patterns they hold, a set bounded by the rules; the key -> alternation map is
    bounded by a size (max_keys)."""

    def __init__(self, table: dict, max_keys: int = 65_536) -> None:
        self.max_keys = max_keys
        self.gate = re.compile(table["gate"], re.ASCII)
        self.key: int = table["key"]
        self.kinds = len(CUE_KINDS)
        self.patterns: list[tuple[int, str]] = [(i, p) for i, p in table["patterns"]]
        self.starts: dict[str, tuple[int, ...]] = {s: tuple(v) for s, v in table["starts"].items()}
        self.by_key: dict[str, re.Pattern[str]] = {}
        self.by_set: dict[tuple[int, ...], re.Pattern[str]] = {}

    def _at(self, key: str) -> re.Pattern[str]:
        """The alternation of the patterns that can start with `key`."""
        found = self.by_key.get(key)
        if found is not None:
            return found
        chosen: set[int] = set()
        for n in range(len(key) + 1):
            chosen.update(self.starts.get(key[:n], ()))
        which = tuple(sorted(chosen))
        found = self.by_set.get(which)
        if found is None:
            groups: list[list[str]] = [[] for _ in range(self.kinds)]
            for n in which:
                kind, source = self.patterns[n]
                groups[kind].append(source)
            found = self.by_set[which] = re.compile(_cue_groups(groups), re.ASCII)
        if len(self.by_key) < self.max_keys:
            self.by_key[key] = found
        return found

    def match(self, s: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        if self.gate.match(s, pos, endpos) is None:
            return None
        pos = max(pos, 0)
        return self._at(s[pos : min(pos + self.key, endpos)]).match(s, pos, endpos)

    def search(self, s: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        gate = self.gate.search(s, pos, endpos)
        while gate is not None:
            at = gate.start()
            m = self._at(s[at : min(at + self.key, endpos)]).match(s, at, endpos)
            if m is not None:
                return m
            gate = self.gate.search(s, at + 1, endpos)
        return None

    def finditer(self, s: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        m = self.search(s, pos, endpos)
        while m is not None:
            yield m
            m = self.search(s, m.end(), endpos)  # a cue is never empty (cue_table)


def placeholder_source() -> str:
    """A label left by remove(), in any language's words."""
    forms = []
    for language in ("en", *WORDING):
        labels = "|".join(re.escape(kind_label(k, language)) for k in KIND_LABELS)
        before, _, after = removed_template(language).partition("{label}")
        forms.append(re.escape(before) + "(?:" + labels + ")" + re.escape(after))
    return forms[0] if len(forms) == 1 else "(?:" + "|".join(forms) + ")"


def claim_source() -> str:
    """Every digit run (with separators) of 4+ digits: the numbers cue words attach to.
    (Placeholders left by remove() are looked for separately, with PLACEHOLDER_RE.)

    The shared form is [0-9](?:[0-9]|sep[0-9]){3,}. A separator cannot start with a
    digit and must be followed by one, so a match from a digit is the whole chain of
    digit groups joined by separators from there, and there is one whenever the chain
    holds 4+ digits. Python is given that reading: a lookahead for three more digits
    (or separated digits), then digit groups taken whole by possessive repeats, which sre
    runs as tight loops instead of one repetition per digit (the same matches, a fifth
    less time on typed messages). Without possessive repeats sre keeps one backtracking
    entry per digit and a 1 MB digit run costs superlinear time. JavaScript has no
    possessive quantifiers and does not need them (build.py)."""
    sep = "(?:" + SEP_SRC + ")"
    return "[0-9](?=(?:[0-9]|" + sep + "[0-9]){3})[0-9]*+(?:" + sep + "[0-9]++)*+"


def hint_source() -> str:
    return RULES["shape_hint"]["source"].replace("{sep}", RULES["shape_hint"]["sep"])


# Cues are matched case-sensitively against an ASCII-lower-cased copy of the text
# (str.translate keeps offsets), which is several times faster than re.IGNORECASE.
CUE_RE = CueSearch(cue_table())
# Where a cue can start (cue_start without its lookahead): sre tries a pattern that
# starts with a lookahead at every character, so a window of digits and separators is
# first searched for a letter with this class, which sre skips to directly.
_start = RULES["cue_start"]
if not (_start.startswith("(?=[") and _start.endswith("])")):
    raise ValueError("cue_start must be one lookahead for a character class")
CUE_START_RE = re.compile(_start[3:-1])
HINT_RE = re.compile(hint_source(), re.ASCII)
INTRO_RE = re.compile(RULES["introducer"], re.ASCII)
DENIAL_NEGATION_RE = re.compile(RULES["denial"]["negation"])
DENIAL_COPULA_RE = re.compile(RULES["denial"]["copula"])
DENIAL_BREAK_RE = re.compile(RULES["denial"]["clause_break"])
DENIAL_CLAUSE_AND_RE = re.compile(RULES["denial"]["clause_and"])
DENIAL_HAS_NONE_RE = re.compile(RULES["denial"]["has_none"])
DENIAL_ANSWER_SAID_RE = re.compile(RULES["denial"]["answer_said"])
DENIAL_NEXT_CLAUSE_RE = re.compile(RULES["denial"]["next_clause"])
DENIAL_OWN_COPULA_RE = re.compile(RULES["denial"]["own_copula"])
DENIAL_OWN_COPULA_OWNER_RE = re.compile(RULES["denial"]["own_copula_owner"])
DENIAL_RELABEL_RE = re.compile(RULES["denial"]["relabel"])
DENIAL_QUESTION_LINE_RE = re.compile(RULES["denial"]["question_line"])
DENIAL_QUESTION_AFTER_RE = re.compile(RULES["denial"]["question_after"])
DENIAL_CONTRAST_RE = re.compile(RULES["denial"]["contrast"])
DENIAL_CONTRAST_SAID_RE = re.compile(RULES["denial"]["contrast_said"])
DENIAL_CONTRAST_SHAPES: dict[str, frozenset[tuple[int, ...]]] = {
    kind: frozenset(map(tuple, shapes))
    for kind, shapes in RULES["denial"]["contrast_shapes"].items()
}
DENIAL_SHAPE_SPEAKS = frozenset(map(tuple, RULES["denial"]["shape_speaks"]))
DENIAL_ANSWER_NO_RE = re.compile(RULES["denial"]["answer_no"])
DENIAL_ANSWER_OWNER_RE = re.compile(RULES["denial"]["answer_owner"])
DENIAL_QUOTED_LINE_RE = re.compile(RULES["denial"]["quoted_line"])
DENIAL_ANSWER_NOT_RE = re.compile(RULES["denial"]["answer_not"])
DENIAL_REPLY_HEADER_RE = re.compile(RULES["denial"]["reply_header"])
DENIAL_REPLY_LINES: int = RULES["denial"]["reply_lines"]
DENIAL_QUOTE_REACH: int = RULES["denial"]["quote_reach"]
DENIAL_CORRECTED_RE = re.compile(
    RULES["denial"]["corrected"] + "|" + RULES["denial"]["corrected_mistake"]
)
DENIAL_MISTAKE_RE = re.compile(RULES["denial"]["corrected_mistake"])
DENIAL_OWNER_RE = re.compile(RULES["denial"]["owner"])
DENIAL_TAKEN_BACK_LEAD_RE = re.compile(RULES["denial"]["taken_back_lead"])
DENIAL_BRACKET_RE = re.compile(RULES["denial"]["bracket_label"])
DENIAL_RELATIVE_RE = re.compile(RULES["denial"]["relative"])
DENIAL_NEGATION_AFTER_RE = re.compile(RULES["denial"]["negation_after"])
DENIAL_NEGATION_AFTER_LEAD_RE = re.compile(RULES["denial"]["negation_after_lead"])
DENIAL_RELATIVE_REACH: int = RULES["denial"]["relative_reach"]
SENTENCE_END_RE = re.compile(RULES["sentence_end"], re.ASCII)
ANSWER_AFTER_CUE_RE = re.compile(RULES["answer_after_cue"])
LABEL_LINE_END_RE = re.compile(RULES["label_line_end"])
# the speaker's name at a line's start, a time stamp perhaps before it (rewrites.turn_speaker)
TURN_SPEAKER_RE = re.compile("[ \t]*" + RULES["rewrites"]["turn_speaker"])
TURN_ANSWER_LEAD_RE = re.compile(RULES["turn_answer_lead"])
TURN_ANSWER_LEAD_REACH: int = RULES["turn_answer_lead_reach"]
TURN_BACK_RE = re.compile(RULES["turn_back"])
SENTENCE_SOFT_RE = re.compile(RULES["sentence_end_soft"], re.ASCII)
CARRY_GAP_RE = re.compile(RULES["carry_gap"], re.ASCII)
CUE_LIST_GAP_RE = re.compile(RULES["cue_list_gap"], re.ASCII)
CUE_ROW_GAP_RE = re.compile(RULES["cue_row_gap"])
CUE_CONTRAST_GAP_RE = re.compile(RULES["cue_contrast_gap"], re.ASCII)
CARRY_MAX_GAP: int = RULES["carry_max_gap"]
ANAPHOR_CARRY_RE = re.compile(RULES["anaphor_carry"])
ANAPHOR_CARRY_REACH: int = RULES["anaphor_carry_reach"]
LAST_FOUR_RE = re.compile(RULES["last_four"])
LAST_FOUR_OTHER_RE = re.compile(RULES["last_four_other"])
LAST_FOUR_REACH: int = RULES["last_four_reach"]
CARRY_OWNER_RE = re.compile(RULES["carry_owner"])
RESTART_MIN_DIGITS: int = RULES["restart"]["min_digits"]
RESTART_MAX_GAP: int = RULES["restart"]["max_gap"]
RESTART_CORRECTED_RE = re.compile(RULES["restart"]["corrected"])
# both gaps take label_arrow ("<-", "=", "=>" ...) for {arrow}
LABEL_AFTER_GAP_RE = re.compile(RULES["label_after_gap"].replace("{arrow}", RULES["label_arrow"]))
LABEL_AFTER_CLAUSE_RE = re.compile(RULES["label_after_clause"])
ROUTING_PAIR_AFTER_RE = re.compile(RULES["routing_pair_after"])
CORRECTION_GAP_RE = re.compile(RULES["correction_gap"])
ARROW_LABEL_GAP_RE = re.compile(RULES["arrow_label_gap"].replace("{arrow}", RULES["label_arrow"]))
PLURAL_CUE_RE = re.compile(RULES["plural_cue"], re.ASCII)
WEAK_CUES_AFTER = frozenset(RULES["weak_cues_after"])
WEAK_CUE_QUALIFIES_RE = re.compile(RULES["weak_cue_qualifies"])
WEAK_CUE_OF_ID_RE = re.compile(RULES["weak_cue_of_id"])
WEAK_CUE_BANK_RE = re.compile(RULES["weak_cue_bank"])
DEPOSIT_PLACE_RE = re.compile(RULES["deposit_place"])
DEPOSIT_PLACE_GAP_RE = re.compile(RULES["deposit_place_gap"])
DOCUMENT_OF_ID_RE = re.compile(RULES["document_of_id"])
DOCUMENT_CUE_RE = re.compile(RULES["document_cue"])
ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
# Latin letters A-Z and U+00C0-U+024F, and Cyrillic U+0400-U+04FF, whose lower case is
# one character: the only lower-casing both twins share (cue patterns use no other
# upper-case letters).
LATIN_LOWER = {
    c: ord(low)
    for c in [*range(65, 91), *range(0xC0, 0x250), *range(0x400, 0x500)]
    if len(low := chr(c).lower()) == 1 and low != chr(c)
}
# Python looks for the digit claims and the placeholders separately: a pattern that
# starts with a character class lets sre skip text quickly, and most texts hold no "[".
CLAIM_RE = re.compile(claim_source(), re.ASCII)
# sre tests every character against a pattern's leading class (about 60 instructions a
# character for [0-9]) but skips to a leading literal with a tight loop. So the claims are
# searched in a copy of the text as bytes, one a character (Latin-1, anything else "?"),
# with every digit made "0", by the same pattern with "0" for [0-9]: only digits and the
# separators' ASCII characters can match in it, and they keep their places, so the
# spans are the same (a third less time on a typed message).
DIGITS_TO_ZERO = bytes([48 if 48 <= b <= 57 else b for b in range(256)])
if any(re.search(SEP_SRC, d) for d in "0123456789"):
    raise ValueError("separator must not match a digit (claim_spans reads every digit as 0)")
CLAIM_BYTES_RE = re.compile(claim_source().replace("[0-9]", "0").encode("ascii"))


def claim_spans(norm: str) -> list[tuple[int, int]]:
    """The (start, end) of every claim in norm: CLAIM_RE's matches."""
    copy = norm.encode("latin-1", "replace").translate(DIGITS_TO_ZERO)
    return [m.span() for m in CLAIM_BYTES_RE.finditer(copy)]


PLACEHOLDER_RE = re.compile(placeholder_source())
DIGITS_RE = re.compile("[0-9]+", FLAGS)


def _ranges(pairs: list[list[int]], width: int) -> frozenset[str]:
    return frozenset(f"{n:0{width}d}" for lo, hi in pairs for n in range(lo, hi + 1))


ITIN_GROUPS = _ranges(RULES["itin_groups"], 2)
FEIN_PREFIXES = _ranges(RULES["fein_prefixes"], 2)
ROUTING_PREFIXES = _ranges(RULES["routing_prefixes"], 2)
ROUTING_WEIGHTS: tuple[int, ...] = tuple(RULES["routing_weights"])

SSN_BAD_AREAS = frozenset(RULES["ssn"]["bad_areas"])
SSN_BAD_AREA_FIRST = RULES["ssn"]["bad_area_first_digit"]
SSN_ADVERTISING = frozenset(RULES["ssn"]["advertising"])

_ct = RULES["ct_tax_reg"]
CT_BASE_MIN: int = _ct["base_min"]
CT_BASE_MAX: int = _ct["base_max"]
CT_LOC: int = _ct["location_length"]
CT_MAX_BASE_GROUPS: int = _ct["max_base_groups"]
CT_MIN_GROUP: int = _ct["min_group"]
CT_PHONE_GUARD: bool = _ct["phone_guard"]
CT_PLACEHOLDER_BASES = frozenset(_ct["placeholder_bases"])
CT_BASE_ALONE_WEAK_RE = re.compile(_ct["base_alone_weak"])
CT_BASE_STATE_BOX_RE = re.compile(_ct["base_alone_state_box"])
CT_BASE_STATE_BOX_REACH: int = _ct["base_alone_state_box_reach"]
CT_BASE_PERMIT_NAMED_RE = re.compile(_ct["base_alone_permit_named"])
CT_BASE_PERMIT_REACH: int = _ct["base_alone_permit_reach"]
CT_BASE_PERMIT_BESIDE: str = _ct["base_alone_permit_beside"]
CT_BASE_ALONE_NOT_AFTER_RE = re.compile(_ct["base_alone_not_after"])
CT_BASE_ALONE_REACH: int = _ct["base_alone_reach"]
CT_BASE_ALONE_NOT_NEAR_RE = re.compile(_ct["base_alone_not_near"])
CT_BASE_ALONE_NEAR_REACH: int = _ct["base_alone_near_reach"]
CT_SEPARATORS = frozenset(_ct["separators"])
CT_CUED_SEPARATORS = frozenset(_ct["cued_separators"])
CT_NO_CUE_SLASH: str = _ct["no_cue_slash"]
if CT_NO_CUE_SLASH not in CT_CUED_SEPARATORS:
    raise ValueError("ct_tax_reg.no_cue_slash must be one of its cued_separators")
CT_ZIP_PLUS4: tuple[int, ...] = tuple(_ct["zip_plus4"])
CT_ZIP_PREFIX: str = _ct["zip_prefix"]
CT_ZIP_STATE_RE = re.compile(_ct["zip_state_before"])
ZIP_STATE_REACH: int = _ct["zip_state_reach"]
CT_ZIP_LAYOUT_SEPS: tuple[str, ...] = tuple(_ct["zip_layout_separators"])
CT_ACCOUNT_LABEL_RE = re.compile(_ct["account_label"])
CT_ACCOUNT_AFTER_ROUTING_RE = re.compile(_ct["account_after_routing"])
CT_ACCOUNT_CELL_RE = re.compile(_ct["account_cell"])
CT_ACCOUNT_CELL_ROWS: int = _ct["account_cell_rows"]

_card = RULES["card"]
CARD_MIN: int = _card["min_length"]
CARD_MAX: int = _card["max_length"]
CARD_BRANDS: tuple[tuple[str, tuple[tuple[str, str], ...], frozenset[int]], ...] = tuple(
    (b["name"], tuple((lo, hi) for lo, hi in b["ranges"]), frozenset(b["lengths"]))
    for b in _card["brands"]
)
CARD_LAYOUTS = frozenset(tuple(x) for x in _card["layouts"])
CARD_SEPARATORS = frozenset(_card["separators"])
CARD_WORDS_RE = re.compile(_card["words"])
CARD_TEST_NUMBERS = frozenset(_card["test_numbers"])
CARD_WORDS_REACH: int = _card["words_reach"]
CARD_AFTER_RE = re.compile(_card["after"])

GLUE_MIN_RUN: int = RULES["glue"]["min_run"]
GLUE_LEAD: tuple[int, ...] = tuple(RULES["glue"]["lead_lengths"])
GLUE_TAIL: tuple[int, ...] = tuple(RULES["glue"]["tail_lengths"])

MASKS: dict[str, str] = dict(RULES["masks"])
NACHA_ENTRY_CODES = frozenset(RULES["nacha_entry_codes"])

CUE_LAYOUTS = frozenset(tuple(x) for x in RULES["cue_layouts"])
CT_NO_CUE_LOC: str = _ct["no_cue_location_prefix"]
CT_GLUED_PREFIX_RE = re.compile(_ct["glued_prefix"])
CT_GLUED_PREFIX_REACH: int = _ct["glued_prefix_reach"]
MICR_MARKS: tuple[str, ...] = tuple(RULES["micr_marks"])
MICR_LETTERS: str = RULES["micr_letters"]
MICR_LETTERS_CONTEXT_RE = re.compile(RULES["micr_letters_context"], re.IGNORECASE | re.ASCII)
MICR_LETTERS_REACH: int = RULES["micr_letters_reach"]
BUSINESS_NAME_RE = re.compile(RULES["business_name"])
BUSINESS_TYPE_AFTER_RE = re.compile(RULES["business_type_after"])
BUSINESS_TYPE_BEFORE_RE = re.compile(RULES["business_type_before"])
BUSINESS_TYPE_BEFORE_REACH: int = RULES["business_type_before_reach"]
PROSE_DASHES = frozenset(RULES["prose_dashes"])
_payer = RULES["department_payer"]
PAYER_FORM_RE = re.compile(_payer["form"])
PAYER_FORM_BEFORE: int = _payer["form_before"]
PAYER_FORM_AFTER: int = _payer["form_after"]
PAYER_WORD: str = _payer["payer"]
PAYER_OWN_RE = re.compile(_payer["own"])
PAYER_SSN_WRITTEN_RE = re.compile(_payer["ssn_written"])
PAYER_REACH: int = _payer["payer_reach"]
PAYER_AGENCY_RE = re.compile(_payer["agency"])
PAYER_AGENCY_REACH: int = _payer["agency_reach"]
_institution = RULES["institution_ein"]
INSTITUTION_OWNER_RE = re.compile(_institution["owner"])
INSTITUTION_REACH: int = _institution["reach"]
INSTITUTION_BETWEEN_RE = re.compile(_institution["between"])
BUSINESS_REACH: int = RULES["business_reach"]
PARAGRAPH_RE = re.compile(RULES["paragraph_break"])
PARAGRAPH_CARET_RE = re.compile(RULES["paragraph_caret"])
TIGHT_RE = re.compile(RULES["tight_group"])
# a transcript's header line: a caption's timing, or a speaker's name and a time alone on a
# line (rewrites.header_line, header_time for <T>): _rewrite joins a number over it,
# _scopes reads the turn below it as that speaker's
HEADER_LINE_RE = re.compile(
    RULES["rewrites"]["header_line"].replace("<T>", RULES["rewrites"]["header_time"])
)
# the same, read in a lower-cased copy
HEADER_LINE_LOW_RE = re.compile(HEADER_LINE_RE.pattern, re.IGNORECASE)
# a clock's hours and minutes, as a transcript's time stamps hold them
CLOCK_RE = re.compile("[0-9]:[0-9]{2}")
