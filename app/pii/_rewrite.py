"""Rewrites of the normalised copy that undo what people and programs do to numbers.

- quote_join: "605 37\\n> > 6884" (a number split by a hard wrap inside a quoted
  reply) loses the quote prefix, so the line break joins the two halves as usual.
- numeral_dash: "4 2 8 dash 1 5 dash 6 3 3 7" (voice typing) becomes "4 2 8-1 5-6 3 3 7".
- filler: "four five, uh, eight four" and "922 94 um 2308" (voicemail transcripts) lose
  the filler and the pause before it.
- homophone: "for zero six three won ate …" and "8 too 6 3 0 0 for 2 0" (voice typing's
  sound-alikes) become "4 zero six three 1 8 …" and "8 2 6 3 0 0 4 2 0".
- letter_spaced: "S S N : 8 9 9 - 7 5 - 4 4 5 1" (a PDF copy) becomes
  "SSN : 899-75-4451": the space between two digits (or dashes) or two letters goes.
- digit_words: "zero nine five, two two, three three nine eight" and "cinco ocho
  ocho - ocho tres - ..." (voice dictation) become "095 22 3398" and "588-83-...".
- stamp_join: "628\n[0:13] 61 0496" (a number a time-stamped transcript splits over two
  lines) becomes "628 61 0496".
- transcribed: "3:12 45 6089", "$3.18 09 5527", "(254) 781-3002" (a voice recogniser's
  time, sum or phone number just after an identifier's cue) become "3 12 45 6089" ….
- digit_word_mixed_run: "229 97 three eight five one", "575-seven eight-5335" (voice
  typing that writes some digits as numerals) become "229973851" and "575-78-5335".

Every rewritten character keeps the original [start, end) it came from, so findings
still cover exactly what the visitor typed. Each rewrite is one linear regex pass and
runs only when its pattern occurs. The JavaScript twin is app/static/js/pii-rewrite.mjs.
"""

from __future__ import annotations

import re

from ._normalise import latin_lower
from ._rules import (
    CARD_WORDS_RE,
    CARD_WORDS_REACH,
    CLOCK_RE,
    CT_BASE_MIN,
    CT_LOC,
    CUE_KINDS,
    CUE_RE,
    CUE_WINDOW,
    HEADER_LINE_LOW_RE,
    LATIN_LOWER,
    MAX_CUE,
    MICR_MARKS,
    MIN_DIGITS,
    RULES,
    WEAK_CUES_AFTER,
)
from ._scopes import ID_KINDS

_R = RULES["rewrites"]
_WORDS: dict[str, str] = dict(_R["digit_words"])
# spoken dashes: separators of a run, written into its pattern ("four six dash one ...")
_DASH_WORDS = frozenset(_R["digit_word_dashes"])
if not all(w in _R["digit_word_run"] for w in _DASH_WORDS):
    raise ValueError("rewrites.digit_word_run must take each of digit_word_dashes as a separator")
# Spanish "y" and Portuguese "e" between a tens or hundreds word and the word after it
# ("setenta y uno", "novecentos e trinta"): the run's separator J
_JOINERS = frozenset(_R["digit_word_joiners"])
_JOINER_SRC = "|".join(sorted(_JOINERS, key=lambda w: (-len(w), w)))
# punctuation said as a word between groups ("... six comma five oh comma ..."): a pause
_PAUSE_WORDS = frozenset(_R["digit_word_pauses"])
if not all(w in _R["digit_word_run"] for w in _PAUSE_WORDS):
    raise ValueError("rewrites.digit_word_run must take each of digit_word_pauses as a separator")
# a run of hyphenated bursts ("four-oh-eight four-four four-nine-five-six")
_CHAINED_RE = re.compile(_R["digit_word_chained"])


def _trie(words) -> str:
    """One regex alternation for a set of words, shared out letter by letter (sre and
    V8 try a few branches at a position instead of every word)."""
    tree: dict = {}
    for w in words:
        node = tree
        for c in w:
            node = node.setdefault(c, {})
        node[""] = {}

    def src(node: dict) -> str:
        alts = [re.escape(c) + src(node[c]) for c in sorted(node) if c]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 and "" not in node else "(?:" + "|".join(alts) + ")"
        return body + "?" if "" in node else body

    return src(tree)


_WORD_SRC = _trie(_WORDS)


def _run_source() -> str:
    """The digit-word run pattern with its words filled in. A run starts with
    (?<![a-z]) before its first word; that test is moved after each word's first letter
    ("c(?<![a-z]c)..."), so the pattern starts with a letter and both engines skip to
    the places a digit word can start instead of trying the pattern at every character
    (the same matches)."""
    src = _R["digit_word_run"]
    lead = "(?<![a-z])(?:W)"
    if not src.startswith(lead):
        raise ValueError("rewrites.digit_word_run must start with " + lead)
    tree: dict = {}
    for w in _WORDS:
        tree.setdefault(w[0], []).append(w[1:])
    branches = []
    for c in sorted(tree):
        branches.append(c + "(?<![a-z]" + c + ")" + _trie(tree[c]))
    first = "(?:" + "|".join(branches) + ")"
    return first + src[len(lead) :].replace("J", _JOINER_SRC).replace("W", _WORD_SRC)


DIGIT_RUN_SRC = _run_source()
# digit words and digit groups side by side (voice typing), with the words filled in
MIXED_RUN_SRC = _R["digit_word_mixed_run"].replace("J", _JOINER_SRC).replace("W", _WORD_SRC)
MIXED_RUN_RE = re.compile(MIXED_RUN_SRC)
# a filler ("uh", "um") between two items of a spoken number, with the English digit words
# (an alternation like _WORD_SRC) and the fillers filled in
_ENGLISH_SRC = _trie(_R["english_digit_words"])
# ("then" too, which becomes a pause where none stands beside it: _filler_edit)
_FILLER_PAUSES = tuple(_R["filler_pauses"])
FILLER_SRC = (
    _R["filler"]
    .replace("E", _ENGLISH_SRC)
    .replace("F", "|".join((*_FILLER_PAUSES, *_R["filler_words"])))
)
_FILLER_RE = re.compile(FILLER_SRC)
# zeros said by their count ("and then three zeros"): that many 0s
_ZEROS_RE = re.compile(_R["counted_zeros"])
_ZEROS_TOKENS = frozenset((b"zeros", b"zeroes", b"ohs"))
# the same between Spanish digit words, with the Spanish fillers ("eh", "este")
FILLER_ES_SRC = (
    _R["filler"]
    .replace("E", _trie(_R["spanish_digit_words"]))
    .replace("F", "|".join(_R["filler_words_es"]))
)
_FILLER_ES_RE = re.compile(FILLER_ES_SRC)
if not set(_R["spanish_digit_words"]) <= set(_WORDS) or set(_R["filler_words_es"]) & set(_WORDS):
    raise ValueError("rewrites.spanish_digit_words must be digit words, filler_words_es none")
# A homophone of a digit ("for", "to", "won") inside a spoken number becomes the digit:
# rewrites.homophone, with the English digit words (E) and the homophones (H, the longest
# first) filled in; the JavaScript twin searches with it. Its every match is a whole-word
# homophone with its own context before and after it, so Python finds the homophones (a
# search that starts with their first letters) and tests each one's context: the item
# or copula before it with a pattern of the reversed text, anchored where the homophone
# starts, and the item after it anchored where it ends (the same homophones; the shared
# pattern starts with a lookbehind, which sre would try at every character of a text).
_HOMOPHONES: dict[str, str] = _R["homophones"]
# beside a digit word, a homophone becomes its digit's word: the first one-digit English
# word of homophone_chain_words for that digit ("ate" -> "eight")
_DIGIT_WORD: dict[str, str] = {}
for _w, _d in _R["homophone_chain_words"].items():
    _DIGIT_WORD.setdefault(_d, _w)
_HOMOPHONE_WORDS: dict[str, str] = {h: _DIGIT_WORD[d] for h, d in _HOMOPHONES.items()}
_H_ALT = "|".join(sorted(_HOMOPHONES, key=len, reverse=True))
_AFTER_SRC = "(?:E|[0-9]{1,3}|hundred)"  # an item, or "hundred", after a homophone
# what may follow a "for" that ends a spoken number: a stop, the text's end, or a word no
# "for" of prose has after it ("... nine one for and I got", "... six for I work")
_FOR_END_SRC = "(?=[.,!?;]|(?![\\s\\S])| (?:and|but|so|i|please|thanks|thank)(?![a-z]))"
_BEFORE_SRC = "(?:E|[0-9]{1,3}|dash)"  # an item, or a spoken dash, before a homophone
if _R["homophone"] != (
    "(?:(?<![a-z0-9])"
    + _BEFORE_SRC
    + "(?:[,.]? |-)|(?:(?<![a-z0-9])(?:is|was|it's|its|are|be)|:|#) "
    "|(?<![a-z0-9])(?:social|security|ssn|itin|ein|routing|card) (?!to(?![a-z])))"
    "(H)(?=,?[ -](?:(?:H),?[ -])?" + _AFTER_SRC + "(?![a-z0-9]))"
    "|(?<![a-z0-9])" + _BEFORE_SRC + "(?:[,.]? |-)(won|ate|tree|too|nein|owe)(?![a-z0-9])"
    "|(?<![a-z0-9])E(?:[,.]? |-)(for)" + _FOR_END_SRC
):
    raise ValueError("rewrites.homophone changed: update the homophone tests in _rewrite.py")
HOMOPHONE_SRC = _R["homophone"].replace("E", _ENGLISH_SRC).replace("H", _H_ALT)
# the second alternative's homophones
_H_AFTER_ITEM = frozenset(("won", "ate", "tree", "too", "nein", "owe"))
_H_FIND_RE = re.compile(
    "(?:" + "|".join(w[0] + "(?<![a-z]" + w[0] + ")" + w[1:] for w in _H_ALT.split("|")) + ")"
)
# (perhaps after another homophone: "6 9 to for 1 9 4 5 2", read in two passes)
# (a hyphen may stand for the space: "five-oh-to", voice typing's bursts; a pause's comma
# may follow it: "six to, five six five")
_H_NEXT_RE = re.compile(
    ",?[ -](?:(?:" + _H_ALT + "),?[ -])?(?:" + _ENGLISH_SRC + "|[0-9]{1,3}|hundred)(?![a-z0-9])"
)
_H_ITEM_BEFORE_RE = re.compile(
    "(?: [,.]?|-)(?:"
    + _trie([w[::-1] for w in _R["english_digit_words"]])
    + "|[0-9]{1,3}|hsad)(?![a-z0-9])"
)
_H_WORD_BEFORE_RE = re.compile(
    "(?: [,.]?|-)(?:" + _trie([w[::-1] for w in _R["english_digit_words"]]) + ")(?![a-z0-9])"
)
_H_FOR_END_RE = re.compile(_FOR_END_SRC)
# (after a copula, "should be too two ...", or a cue word, but not before "to", the Polish
# "is": "social security number to zero")
_H_COPULA_BEFORE_RE = re.compile(
    " (?:(?:si|saw|s'ti|sti|era|eb)(?![a-z0-9])|:|#"
    "|(laicos|ytiruces|nss|niti|nie|gnituor|drac)(?![a-z0-9]))"
)
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")
_ALNUM = _LETTERS | frozenset("0123456789")
_MIXED_MIN, _MIXED_MAX = _R["digit_word_mixed_digits"]
_MIXED_SINGLES: int = _R["digit_word_mixed_singles"]
_WEAK_SINGLES: int = _R["digit_word_mixed_weak_singles"]
_SINGLE_RE = re.compile("(?<![0-9])[0-9](?![0-9])")  # a one-digit numeral
_NUMERALS_RE = re.compile("[0-9]")
_THREE_DIGITS_RE = re.compile("[0-9]{3}")
_UNITS = frozenset("123456789")  # what a unit word after a tens word reads as
_H_PASSES: int = _R["homophone_passes"]  # homophones in a row, a pass each
_FRENCH_TWENTY = frozenset(("vingt", "vingts"))  # "quatre-vingt(s)": 80
_FRENCH_SIXTY = "soixante"  # 60, and with a teen after it 70 to 79
QUOTE_JOIN_RE = re.compile(_R["quote_join"])
LETTER_SPACED_RE = re.compile(_R["letter_spaced"])
# The numeral dash starts with a lookbehind, so sre would try it at every character; in
# Python it is searched from its leading comma or space (a character set sre skips to)
# and the digit before is tested here: the same edits (V8 compiles the shared source).
if not _R["numeral_dash"].startswith("(?<=[0-9]),? "):
    raise ValueError("rewrites.numeral_dash changed: rewrite _NUMERAL_DASH_RE to match")
_NUMERAL_DASH_RE = re.compile(_R["numeral_dash"][len("(?<=[0-9])") :])


def _spaced_source() -> str:
    """The letter-spaced run for sre: the space or line break before the run is matched
    (a space is put before the text for a run at its start) and the run is group 1, so
    sre tries the pattern only at spaces and line breaks instead of at every character
    (the same runs; V8 compiles the shared source)."""
    src = _R["letter_spaced"]
    lead = "(?<![^ \n\\[])"
    if not src.startswith(lead):
        raise ValueError("rewrites.letter_spaced must start with " + lead)
    return "[ \n\\[](" + src[len(lead) :] + ")"


_LETTER_SPACED_PY_RE = re.compile(_spaced_source())
# The hint (a digit, a space, a digit or dash and a space; or a digit, a comma and a
# space twice) is looked for in the text's UTF-8 bytes with every digit made "0" and
# every byte but a space, "-" or "," made "x": three substring tests, C loops, where a
# regex search enters sre at every space (the same texts pass; V8 compiles the shared
# source). Bytes of other characters are never 0-9, " ", "-" or "," in UTF-8, so they
# cannot make or hide the hint. The same copy makes each letter of rewrites.ocr_letters
# "L", for the OCR gate (_ocr_digits): "0L" or "L0".
if _R["letter_spaced_hint"] != "[0-9](?: [0-9-] |, [0-9], )":
    raise ValueError("rewrites.letter_spaced_hint changed: rewrite _HINT_BYTES to match")
_HINT_BYTES = bytes(
    [
        48 if 48 <= b <= 57 else b if b in b" -," else 76 if chr(b) in _R["ocr_letters"] else 120
        for b in range(256)
    ]
)
DIGIT_RUN_RE = re.compile(DIGIT_RUN_SRC)


def _min_run_words() -> int:
    """How many digit words a run holds at least: the first and the repeat's minimum."""
    m = re.search(r"\)\{([0-9]+),([0-9]+)\}\(\?!\[a-z\]\)$", _R["digit_word_run"])
    if m is None:
        raise ValueError("rewrites.digit_word_run must end with a {n,m} repeat and (?![a-z])")
    # every word and separator is a character at least: a run of the most words is
    # longer than digit_word_max_chars, so it is left as it is wherever it is cut
    if 1 + 2 * int(m.group(2)) <= _R["digit_word_max_chars"]:
        raise ValueError("rewrites.digit_word_run's repeat must outgrow digit_word_max_chars")
    return 1 + int(m.group(1))


# Every digit word of a run is a whole word of a-z letters once its spoken dashes are
# taken out (no other a-z letter on either side: the run's lookbehind, its separators
# and its final lookahead see to it). So a text can hold a run only if at least
# _RUN_WORDS of its words are digit words when each spoken dash is a space. That is
# counted on the text's UTF-8 bytes with A-Z lower-cased and every other byte made a
# space: translate, replace, split and a set test, C loops, several times cheaper than
# searching with the run's pattern (whose leading letters make sre enter it at most
# letters of any text); most texts fail the count and skip the search (the same runs
# are found). Letters outside A-Z lower-case to letters outside a-z, and their UTF-8
# bytes are all 128 or more, so they separate words here as they do in the pattern (a
# digit word with such letters is counted by its first a-z letters: _gate_token).
_RUN_WORDS = _min_run_words()
# (a spoken dash with letters outside a-z, "traço", "myślnik", is parted by them into
# tokens that are no digit words: the gates count no fewer words for it)
_DASH_BYTES = tuple(sorted(w.encode("ascii") for w in _DASH_WORDS if w.isascii()))


def _separator_letters() -> str:
    """The letters a run's separators can hold besides its spoken dashes, pauses and
    joiners (J): none."""
    rest = _R["digit_word_run"]
    words = sorted(_DASH_WORDS | _PAUSE_WORDS, key=len, reverse=True)
    parts = ("(?<![a-z])", "(?![a-z])", "(?:W)", "(?:J)", *words)
    for part in parts:
        rest = rest.replace(part, "")
    return "".join(re.findall("[A-Za-z]", rest))


if _separator_letters():
    raise ValueError("a digit-word run's separators may spell no words but digit_word_dashes")
_WORD_BYTES = bytes([b + 32 if 65 <= b <= 90 else b if 97 <= b <= 122 else 32 for b in range(256)])


def _gate_token(word: str) -> bytes:
    """What the gate sees of a digit word: the word itself, or for one with letters
    outside a-z ("três", "sześć") its a-z letters up to the first other one ("tr",
    "sze"), which its UTF-8 bytes (128 or more) end there, in any case of the word.
    The gate counts such a token as the word: it may count too many, never too few."""
    i = 0
    while i < len(word) and "a" <= word[i] <= "z":
        i += 1
    return word[:i].encode("ascii")


_DIGIT_WORD_BYTES = frozenset(map(_gate_token, _WORDS))
# The gate's words count the digit words a text may hold, a count that stops at
# _RUN_WORDS (C loops): a run of digit words needs that many; a mixed run, one (it may
# hold a single digit word right after a cue: _cued_whole).
_MIXED_WEAK = frozenset(_R["digit_word_mixed_weak"])
_LONE_THOUSAND = frozenset(_R["lone_thousand"])
# A weak digit word after a full stop at a run's end starts the next sentence ("... zero
# zero one. Do I file ...", Albanian "... katër shtatë. Dua të di ..."): not the number's.
if not all(w.isalpha() for w in _MIXED_WEAK):
    raise ValueError("rewrites.digit_word_mixed_weak must be words")
# "um" after an English digit word at a run's end is a filler, not Portuguese one (not
# after "zero", a Portuguese word too: "... zero um")
_TRAILING_UM_RE = re.compile(
    "(?<![a-z])(?:"
    + "|".join(sorted(set(_R["english_digit_words"]) - {"zero"}, key=lambda w: (-len(w), w)))
    + ")([ ,]+um)\\Z"
)
# "de" after a Spanish or Portuguese digit word at a run's end, a word after it: "of"
_TRAILING_DE_RE = re.compile(_R["trailing_de"] + "\\Z")
_TRAILING_WEAK_RE = re.compile(
    "(?:\\.{1,3}|…)[ \n]*(?:" + "|".join(sorted(_MIXED_WEAK, key=lambda w: (-len(w), w))) + ")\\Z"
)
# "oh" alone after a pause or a dash at a run's end, a word after it: an interjection,
# not a zero ("... four eight six five — oh shoot, my son said not to do that")
_TRAILING_OH_RE = re.compile(_R["trailing_oh"] + "\\Z")
# ... or with no pause, before an interjection's word ("... eight oh wait")
_TRAILING_OH_BARE_RE = re.compile("[ ]oh\\Z")
_OH_INTERJECTION_RE = re.compile(_R["oh_interjection_after"])
_WORD_AFTER_RE = re.compile(" [a-z]")
# a digit word at a run's end that counts the digits after it ("... five four digit code")
_TRAILING_COUNT_RE = re.compile(_R["trailing_count"] + "\\Z")
_COUNT_AFTER_RE = re.compile(_R["count_after"])
# a word of another language after English digit words ("... four three do i get")
_TRAILING_FOREIGN_RE = re.compile(_R["trailing_foreign"] + "\\Z")
# ... or before them ("mera ssn hai six zero one one ...")
_LEADING_FOREIGN_RE = re.compile(_R["leading_foreign"])
# "one" after a determiner, at a run's start ("this one four zero zero four ...")
_PRONOUN_ONE_RE = re.compile(_R["pronoun_one"].replace("$", "\\Z"))
_PRONOUN_REACH = len("another one")
_ENGLISH_RUN_WORDS = frozenset(_R["english_digit_words"]) | frozenset(_R["english_run_words"])
# (a one-letter digit word is weak: the fragments of other words, "año" gives "a" and "o",
# make no run strong)
if any(len(_gate_token(w)) < 2 for w in _WORDS if w not in _MIXED_WEAK):
    raise ValueError("rewrites.digit_word_mixed_weak must hold the digit words of one a-z letter")
# A text that passes holds a mixed run only if a digit and a digit word stand side by
# side. That is looked for in the text's UTF-8 bytes with letters lower-cased, every digit
# made "0", the run's separators (a space, a line break, "," "-" ".", the bytes of "…"
# and of any other non-ASCII character, a spoken dash) spaces and every other byte "|":
# "0", spaces, then a digit word's first a-z letters; and in those bytes reversed, "0",
# spaces, then a digit word's last a-z letters reversed. Both patterns start with the
# literal "0 ", which sre finds in a tight loop. An over-estimate: every run passes.
_PAIR_BYTES = bytes(
    [
        b + 32
        if 65 <= b <= 90
        else b
        if 97 <= b <= 122
        else 48
        if 48 <= b <= 57
        else 32
        if b in b" ,-.\n?" or b >= 128
        else 124
        for b in range(256)
    ]
)
if (
    "(?: *(?:[,-]|\\.{1,3}|…|(?:, *)?(?:dash|hyphen|guion|location)) *(?:\n *)?| *\n *| +)"
    not in _R["digit_word_mixed_run"]
):
    raise ValueError("rewrites.digit_word_mixed_run's separators changed: update _PAIR_BYTES")


def _pair_source(last: bool) -> bytes:
    """ "0" before spaces, then the first (last: the last, reversed) a-z letters of a digit
    word: a word's edge that reaches its other end must end where a separator or a spoken
    dash starts ("seven" in "sevendash"); one that a letter outside a-z cuts off ("tr"
    of "três", reversed "or" of "zéro") is followed by that letter's bytes, spaces."""
    whole: set[str] = set()
    cut: set[str] = set()
    for w in _WORDS:
        parts = re.findall("[a-z]+", w)
        if last:  # reversed, the edge ends where the word starts, or at a cut
            (whole if w.startswith(parts[-1]) else cut).add(parts[-1][::-1])
        else:
            (whole if parts[0] == w else cut).add(parts[0])
    dash = "(?:" + "|".join(sorted(d[::-1] if last else d for d in _DASH_WORDS)) + ")"
    alts = ["(?:" + _trie(whole) + ")(?=" + dash + "|[^a-z]|$)"]
    if cut:
        alts.append("(?:" + _trie(cut) + ")(?= )")
    return ("0(?= +(?:" + "|".join(alts) + "))").encode()


_PAIR_AHEAD_RE = re.compile(_pair_source(False))
_PAIR_BEHIND_RE = re.compile(_pair_source(True))


# Which texts can hold a homophone of a digit (_homophones), from the gate's words: a
# homophone among them, and either an English digit word, or a digit beside a homophone
# (_digit_by_homophone): an over-estimate, every homophone replaced passes.
_H_TOKENS = frozenset(w.encode() for w in _HOMOPHONES)
_E_TOKENS = frozenset(map(_gate_token, _R["english_digit_words"]))
# (a comma after the digit is a space in these bytes: "8, won" is "0  won")
_H_BESIDE_DIGIT = (
    tuple(
        x
        for w in _HOMOPHONES
        # (a pause's comma or full stop is a space here: "six to, five" is " to  0")
        for x in (
            b"0 " + w.encode() + b" ",
            b"0  " + w.encode() + b" ",
            b" " + w.encode() + b" 0",
            b" " + w.encode() + b"  0",
        )
    )
    + tuple(  # "won" or "ate" after a digit, then any mark ("8 won: "): "|" in these bytes
        x
        for w in sorted(_H_AFTER_ITEM)
        for x in (b"0 " + w.encode() + b"|", b"0  " + w.encode() + b"|")
    )
    + tuple(  # after a spoken dash, an item too ("144 dash ate eight ..."): any mark after
        b"dash" + gap + w.encode() + end
        for w in _HOMOPHONES
        for gap in (b" ", b"  ")
        for end in (b" ", b"|")
    )
)


def _mixed_pairs(norm: str) -> tuple[bytes, bytes] | None:
    """Where the text could hold a digit and a digit word side by side: None for nowhere,
    else two copies of its bytes (one a character: Latin-1, "?" for any other), the
    first for _PAIR_AHEAD_RE to search (a digit before a digit word), the second with
    "P" for a digit of each digit group after a digit word (marked with sub and a
    literal in the reversed copy: C loops, no match objects). Every pair of digit group
    and digit word in a mixed run is in one or the other."""
    t = norm.encode("latin-1", "replace").translate(_PAIR_BYTES)
    for dash in _DASH_BYTES:
        t = t.replace(dash, b" " * len(dash))  # the same length: the places stay
    r = t[::-1]
    if _PAIR_AHEAD_RE.search(t) is None and _PAIR_BEHIND_RE.search(r) is None:
        return None  # most texts that pass the word gates: one search each
    return t, _PAIR_BEHIND_RE.sub(b"P", r)[::-1]


if not all(w.isalpha() and w.islower() and "a" <= w[0] <= "z" for w in _WORDS):
    raise ValueError("rewrites.digit_words must be lower-case words starting with a-z")
if any(c >= 128 and v < 128 for c, v in LATIN_LOWER.items()):
    raise ValueError("LATIN_LOWER must not turn a character into an ASCII letter")
# The words of a run one by one, as its pattern reads them: a spoken dash, or a digit
# word that ends where a separator or a spoken dash starts ("fourdashfive" is four,
# dash, five; "ohyphen" is o, hyphen). Every letter of a run is in one of them.
_DASH_SRC = "|".join(sorted(_DASH_WORDS, key=len, reverse=True))
_WORD_RE = re.compile("(?:" + _DASH_SRC + ")|(?:" + _WORD_SRC + ")(?=" + _DASH_SRC + "|[^a-z]|\\Z)")
# the items of a mixed run: those words, or a group of digits
_ITEM_RE = re.compile(_WORD_RE.pattern + "|[0-9]+")
_LS_MIN: int = _R["letter_spaced_min_digits"]
_LS_MAX: int = _R["letter_spaced_max"]
_DW_MIN: int = _R["digit_word_min_digits"]
_DW_MAX: int = _R["digit_word_max_chars"]

# An edit replaces norm[s:e] with out; src[i] is the norm range out[i] came from.
Edit = tuple[int, int, str, list[tuple[int, int]]]


# The quote join starts with a lookbehind, so sre would try it at every character; in
# Python it is searched from its line break (a leading literal, found with a tight loop)
# and the digit or dash before the line break (or before one space there) is tested
# here: the same joins (V8 compiles the shared source).
if _R["quote_join"] != "(?<=[0-9-]) ?\n(?: *[>|])+ *(?=-?[0-9])":
    raise ValueError("rewrites.quote_join changed: rewrite _QUOTE_BREAK_RE to match")
_QUOTE_BREAK_RE = re.compile("\n(?: *[>|])+ *(?=-?[0-9])")
# a number split over two turns of one speaker (turn_join), the speaker (S) and the short
# reply (B) filled in
TURN_JOIN_SRC = (
    _R["turn_join"]
    .replace("B", "|".join(_R["turn_join_backchannel"]))
    .replace("S", _R["turn_speaker"])
)
_TURN_JOIN_RE = re.compile(TURN_JOIN_SRC)
# the speaker's name at a line's start, a time stamp perhaps before it
_TURN_SPEAKER_RE = re.compile("[ \t]*" + _R["turn_speaker"])
_TURN_TAIL = " ,.…"
# a whole dashed identifier ending a turn (a CT number, an SSN, an EIN): no part of another
_WHOLE_DASHED_RE = re.compile(
    "(?<![0-9-])(?:[0-9]{7}-[0-9]{3}|[0-9]{3}-[0-9]{2}-[0-9]{4}|[0-9]{2}-[0-9]{7})[ ,.…]*$"
)
# a letter of a digit word (the lower-cased copy's Latin letters)
_WORD_LETTER_RE = re.compile("[a-zà-öø-ÿ\u0100-\u024f]")


# the last text _joins' steps lower-cased, and its copy: a step that finds nothing leaves
# the text as it is, and the next one asks for the same copy
_LAST_LOW: tuple[str, str] = ("", "")


def _lower(norm: str) -> str:
    """latin_lower(norm), kept for the next step."""
    global _LAST_LOW
    last = _LAST_LOW
    if last[0] is norm:
        return last[1]
    low = latin_lower(norm)
    _LAST_LOW = (norm, low)
    return low


def _turn_joins(norm: str) -> list[Edit]:
    """Each number split over two turns of one speaker: the break, the other's short
    reply and the name again become a pause between its groups (turn_join)."""
    out: list[Edit] = []
    if ":" not in norm or "\n" not in norm:
        return out
    low = _lower(norm)
    for m in _TURN_JOIN_RE.finditer(low):
        s, e = m.span()
        start = low.rfind("\n", 0, s) + 1
        prev = _TURN_SPEAKER_RE.match(low, start, s)
        who = m.group(2).strip()
        if prev is None or prev.group(1).strip() != who:
            continue
        if m.group(1) is not None and m.group(1).strip() == who:
            continue
        if _WHOLE_DASHED_RE.search(low, prev.end(), s) is not None:
            continue  # a whole number ends the turn ("9567912-002" / "-002 is the motel")
        if _dashed_parts(low, prev.end(), s, e):
            # one group ends or the next starts with its dash ("217-33" / "-2002"): the
            # break and the name go, and the number reads as written
            out.append((s, e, "", []))
        elif _digit_item_before(low, prev.end(), s) and _digit_item_at(low, e):
            # a pause between digit words, a space between numerals (their groups)
            gap = " " if "0" <= low[s - 1] <= "9" else ", "
            out.append((s, e, gap, [(s, e)] * len(gap)))
    return out


# the one-digit English words (the keys of homophone_chain_words) for D in the patterns of
# word_correction, restart_cut and aside_join
_DIGIT_WORD_ALT = "|".join(_R["homophone_chain_words"])
_WORD_CORRECTION_RE = re.compile(_R["word_correction"].replace("D", _DIGIT_WORD_ALT))


_DASH_BEFORE_RE = re.compile("(?<![a-z])(?:dash|hyphen|-) *$")
_DASH_REACH = len("hyphen ")
_PAUSE_ENDS = (",", ".", "…")
_RUN_GAP = frozenset(" ,.…")  # what stands between two words of a run
_RUN_WORD_RE = re.compile("[a-z]+")
_CHAIN_WORDS = frozenset(_R["homophone_chain_words"])
_CORRECTED_DIGITS: int = _R["corrected_digits"]


def _run_start(low: str, s: int) -> int:
    """Where the run of one-digit words that goes on at s starts: back over such words and
    the spaces and pauses between them ("two three... one seven")."""
    while True:
        j = s
        while j > 0 and low[j - 1] in _RUN_GAP:
            j -= 1
        k = j
        while k > 0 and "a" <= low[k - 1] <= "z":
            k -= 1
        if k == j or j == s or low[k:j] not in _CHAIN_WORDS:
            return s
        s = k


def _run_words(low: str, at: int) -> list[str]:
    """The one-digit words of the run that starts at `at`, pauses between them."""
    n = len(low)
    words: list[str] = []
    while True:
        k = at
        while k < n and "a" <= low[k] <= "z":
            k += 1
        if k == at or low[at:k] not in _CHAIN_WORDS:
            return words
        words.append(low[at:k])
        at = k
        while at < n and low[at] in _RUN_GAP:
            at += 1


def _word_corrections(norm: str) -> list[Edit]:
    """Each group of a spoken number said wrong in digit words and at once again after a
    word of correction: gone with the correction (word_correction)."""
    out: list[Edit] = []
    low = _lower(norm)
    if not any(piece in low for piece in _CORRECTION_GATE):
        return out
    for m in _WORD_CORRECTION_RE.finditer(low):
        # a number begun again from its first word: all of it before the word of
        # correction goes ("one four three nine... sorry, one four three, nine seven")
        # (its first two words again, or the one: "two three... one seven, sorry, two
        # three... one three"; not "seven one two, ..., no wait, seven seven five five")
        begun = _run_start(low, m.start(1))
        again = m.group(2).split(" ")[:2]
        said = _RUN_WORD_RE.findall(low, begun, m.end(1))
        if said[: len(again)] == again:
            out.append((begun, m.end(), "", []))
            continue
        # the words said wrong: from where the first two said again were last said ("...
        # three two five three no I mean two five two nine"), else as many as said again,
        # the last of those before the word of correction ("two two four seven one,
        # wait, four seven two")
        again_at = (" " + m.group(1)).rfind(" " + " ".join(again) + " ") if len(again) == 2 else -1
        if again_at >= 0:
            out.append((m.start(1) + again_at, m.end(), "", []))
            continue
        wrong = m.group(1).split(" ")
        # (or as many as make the number nine digits, fewer than were said again: the
        # speaker put right the last digits and went on, "oh three six four two six no
        # sorry five nine one four")
        extra = len(said) + len(_run_words(low, m.end())) - _CORRECTED_DIGITS
        if 0 < extra <= m.group(2).count(" "):
            out.append((m.end(1) - len(" ".join(wrong[-extra:])), m.end(), "", []))
            continue
        s = m.end(1) - len(" ".join(wrong[-1 - m.group(2).count(" ") :]))
        # (a spoken dash may stand between them and the groups before: "two two dash")
        dash = _DASH_BEFORE_RE.search(low, max(0, s - _DASH_REACH), s)
        # they are a group of their own, after a pause, or the whole group said before a
        # comma ("six... sorry, six seven one five"; not "one four three nine... sorry,
        # one four three", the number begun again)
        paused = dash is not None or low[max(0, s - 3) : s].rstrip(" ")[-1:] in _PAUSE_ENDS
        whole = s == m.start(1) and low[m.end(1)] not in ".…"
        if (paused or whole) and _digit_item_before(
            low, max(0, s - _PART_REACH), dash.start() if dash else s
        ):
            out.append((s, m.end(), "", []))
    return out


_RESTART_CUT_RE = re.compile(_R["restart_cut"].replace("D", _DIGIT_WORD_ALT))
_ASIDE_JOIN_RE = re.compile(_R["aside_join"].replace("D", _DIGIT_WORD_ALT))


_STUTTER_RE = re.compile(_R["stutter"].replace("D", _DIGIT_WORD_ALT))
_ZERO_WORDS = frozenset(w for w, d in _R["homophone_chain_words"].items() if d == "0")


def _stutters(norm: str) -> list[Edit]:
    """Each digit word said again at once over an ellipsis in a number one digit too long
    for it: the first saying and the pause go (stutter: "four one nine... nine seven")."""
    low = _lower(norm)
    if "..." not in low and "…" not in low:
        return []
    out: list[Edit] = []
    for m in _STUTTER_RE.finditer(low):
        again = m.end() - len(m.group(1))
        said = len(_RUN_WORD_RE.findall(low, _run_start(low, m.start(1)), m.end(1)))
        after = _run_words(low, again)
        # (not a CT number's "... one oh... oh oh one": ten digits and a location code)
        located = len(after) >= 3 and after[-3] in _ZERO_WORDS and after[-2] in _ZERO_WORDS
        if said + len(after) == _CORRECTED_DIGITS + 1 and not located:
            out.append((m.start(1), again, "", []))
    return out


def _restarts(norm: str) -> list[Edit]:
    """Each spoken number begun, broken off and begun again at once: the start and the
    words that restart it go (restart_cut)."""
    low = _lower(norm)
    if not any(piece in low for piece in _R["restart_gate"]):
        return []
    return [
        (m.start(), m.end(), "", [])
        for m in _RESTART_CUT_RE.finditer(low)
        # (counted from the start of its run of digit words: not the end of a whole
        # number said before the restart, "... four two nine no wait that's wrong let me
        # start over zero seven five ...", which the number after it corrects)
        if _spoken_digits(low[_run_start(low, m.start()) : m.end(1)]) < MIN_DIGITS
    ]


def _spoken_digits(run: str) -> int:
    """How many digits a run of numerals and one-digit words holds."""
    return sum(
        len(t) if t[0].isdigit() else 1
        for t in _RUN_TOKEN_RE.findall(run)
        if _RESTART_FILLER_RE.fullmatch(t) is None
    )


_RUN_TOKEN_RE = re.compile("[0-9]+|[a-z]+")
_RESTART_FILLER_RE = re.compile(_R["restart_filler"])


def _asides(norm: str) -> list[Edit]:
    """Each pause to look or to listen inside a spoken number: a pause (aside_join)."""
    low = _lower(norm)
    out: list[Edit] = []
    if not any(piece in low for piece in _R["aside_gate"]):
        return out
    for m in _ASIDE_JOIN_RE.finditer(low):
        s, e = m.span()
        if (
            _digit_item_before(low, max(0, s - _PART_REACH), s)
            and _digit_item_at(low, e)
            # (not after a whole number: "4 1 2 0 8 3 3 7 1 (sorry wrong one) 4 1 2 ...")
            and _numerals_before(low, s) < MIN_DIGITS
            # (nor before one, the number begun again: "EIN 4739 wait 473815926")
            and not _whole_numerals_at(low, e)
            # (nor before a pronoun "one": "... dash zero zero zero... wait, that's the
            # old one")
            and not (
                low.startswith("one", e)
                and _PRONOUN_ONE_RE.search(low, max(0, e - _PRONOUN_REACH), e) is not None
            )
        ):
            gap = " " if "0" <= low[s - 1] <= "9" and "0" <= low[e] <= "9" else ", "
            out.append((s, e, gap, [(s, e)] * len(gap)))
    return out


_PART_JOIN_RE = re.compile(_R["part_join"])
_PART_IS = "is "  # what stands for a first part's name taken out
_PART_FIRST_RE = re.compile(_R["part_first"])
_PART_REACH: int = _R["part_reach"]


def _part_joins(norm: str) -> list[Edit]:
    """Each number read in named parts ("the first five are ... and the last four are
    ..."): the words that name a part after the first become a pause (part_join)."""
    out: list[Edit] = []
    low = _lower(norm)
    if not any(word in low for word in _R["part_gate"]):
        return out
    named = -1  # where the last first part's name taken out ends
    for m in _PART_JOIN_RE.finditer(low):
        s, e = m.span()
        # (an aside may follow the part's name: "And the last four are, hold on, it is on
        # the card, one ...")
        aside = None if _digit_item_at(low, e) else _ASIDE_JOIN_RE.match(low, e)
        if aside is not None:
            e = aside.end()
        first = None
        for f in _PART_FIRST_RE.finditer(low, max(0, s - _PART_REACH), s):
            first = f
        if first is None or not (
            _digit_item_before(low, first.end(), s) and _digit_item_at(low, e)
        ):
            continue
        if first.end() > named and _digit_item_at(low, first.end()):
            # the first part's name goes too, an "is" in its place: the number then
            # follows its cue ("My social, the first five are ...", "It starts with nine.
            # Then ...": "It is 9 ...")
            out.append((first.start(), first.end(), _PART_IS, [first.span()] * len(_PART_IS)))
            named = first.end()
        gap = " " if "0" <= low[s - 1] <= "9" else ", "
        if gap == " " and (
            _COMMA_PAUSE_AT_RE.match(low, e, e + _PAUSE_LOOK) is not None
            or _COMMA_PAUSE_BEFORE_RE.search(low, max(0, s - _PAUSE_LOOK), s) is not None
        ):
            gap = ", "  # as the number's other pauses are: "first two are 42, rest is 915, 5489"
        out.append((s, e, gap, [(s, e)] * len(gap)))
    return out


# a part whose digits go on after a comma's pause ("915, 5489"), or ended one ("42, 915")
_COMMA_PAUSE_AT_RE = re.compile("[0-9]+, [0-9]")
_COMMA_PAUSE_BEFORE_RE = re.compile("[0-9], [0-9]+$")
_PAUSE_LOOK = 16  # characters looked at before a part's name for the pause before it


def _dashed_parts(low: str, lo: int, s: int, e: int) -> bool:
    """Does low[lo:s] end with a digit and a dash and low go on at e with a digit, or
    low[lo:s] end with a digit and low go on at e with a dash and a digit?"""
    if e >= len(low) or s - 1 <= lo:
        return False
    if low[s - 1] == "-":
        return "0" <= low[s - 2] <= "9" and "0" <= low[e] <= "9"
    return "0" <= low[s - 1] <= "9" and low[e] == "-" and "0" <= low[e + 1 : e + 2] <= "9"


def _digit_item_before(low: str, lo: int, end: int) -> bool:
    """Does low[lo:end] end, but for spaces and pauses, with a digit or a digit word?"""
    while end > lo and low[end - 1] in _TURN_TAIL:
        end -= 1
    if end > lo and "0" <= low[end - 1] <= "9":
        return True
    start = end
    while start > lo and _WORD_LETTER_RE.match(low, start - 1):
        start -= 1
    return low[start:end] in _WORDS


def _numerals_before(low: str, end: int) -> int:
    """How many digits the run of numerals, spaces and marks ending at end holds."""
    n, i = 0, end
    while i > 0 and low[i - 1] in _NUMERAL_RUN:
        i -= 1
        n += "0" <= low[i] <= "9"
    return n


_NUMERAL_RUN = frozenset("0123456789 ,.-")


def _whole_numerals_at(low: str, at: int) -> bool:
    """Does the run of numerals, spaces and marks starting at `at` hold MIN_DIGITS digits
    or more (a whole number)? (Counted only that far.)"""
    n, i = 0, at
    while i < len(low) and low[i] in _NUMERAL_RUN and n < MIN_DIGITS:
        n += "0" <= low[i] <= "9"
        i += 1
    return n >= MIN_DIGITS


def _digit_item_at(low: str, at: int) -> bool:
    """Does low go on at `at` with a digit or a digit word?"""
    if at < len(low) and "0" <= low[at] <= "9":
        return True
    end = at
    while end < len(low) and _WORD_LETTER_RE.match(low, end):
        end += 1
    return low[at:end] in _WORDS


_DIGIT_OR_DASH = frozenset("0123456789-")


_SOFT_BREAK_RE = re.compile(_R["soft_break"])
_NUMERAL_PAUSE_RE = re.compile(_R["numeral_pause"])
_NUMERAL_PAUSE_HINTS: tuple[str, ...] = tuple(_R["numeral_pause_hints"])


# Digit words of other scripts (script_digit_words: Cyrillic, Arabic, Devanagari ...) and
# Korean digit syllables glued into groups (korean_digits): their own runs and gate.
_SCRIPT_WORDS: dict[str, str] = dict(_R["script_digit_words"])
_KOREAN: dict[str, str] = dict(_R["korean_digits"])
# what a script digit word may stand beside: a space, ASCII or CJK punctuation, a dash
_EDGE = " \\t\\n\\r!-/:-@\\[-`{-~«»“”„‘’،؛؟۔।॥።፣፤፥፦、，。：（）—–…។៖։။၊"
_PAUSE_MARKS = frozenset(" \t,،、，.…፣")


def _script_sources() -> tuple[str, str, str, str]:
    """The patterns of a run of script digit words and of its items (a word or a gap),
    and the same for Korean groups of digit syllables."""
    words = "|".join(re.escape(w) for w in sorted(_SCRIPT_WORDS, key=lambda w: (-len(w), w)))
    dashes = "|".join(re.escape(w) for w in _R["script_digit_dashes"])
    gap = "(?:[ \\t]*(?:[,،、，፣]|[-–—]+|\\.{1,3}|…|" + dashes + ")[ \\t]*|[ \\t]+)"
    more = str(_R["script_digit_min_words"] - 1)
    run = (
        "(?<![^" + _EDGE + "])(?:" + words + ")(?:" + gap + "(?:" + words + ")){" + more + ",}"
        "(?![^" + _EDGE + "])"
    )
    syllables = "[" + "".join(_KOREAN) + "]"
    kdashes = "|".join(re.escape(w) for w in _R["korean_digit_dashes"])
    kgap = "(?:[ \\t]*(?:,|[-–—]+|" + kdashes + ")[ \\t]*|[ \\t]+)"
    # (glued to no other syllable but an ending: "육구육공이에요", the copula's 이 no 2)
    endings = "|".join(re.escape(w) for w in _R["korean_digit_endings"])
    korean = (
        "(?<![가-힣])" + syllables + "+(?:" + kgap + syllables + "+)*"
        "(?:(?![가-힣])|(?=(?:" + endings + ")(?![가-힣])))"
    )
    return run, "(" + words + ")|" + gap, korean, "(" + syllables + "+)|" + kgap


SCRIPT_RUN_SRC, SCRIPT_ITEM_SRC, KOREAN_RUN_SRC, KOREAN_ITEM_SRC = _script_sources()
_SCRIPT_RUN_RE = re.compile(SCRIPT_RUN_SRC)
_SCRIPT_ITEM_RE = re.compile(SCRIPT_ITEM_SRC)
_KOREAN_RUN_RE = re.compile(KOREAN_RUN_SRC)
_KOREAN_ITEM_RE = re.compile(KOREAN_ITEM_SRC)
_SCRIPT_GATE_RE = re.compile(_R["script_digit_gate"])
_KOREAN_MIN: int = _R["korean_digit_min"]
# Latin, Greek and Cyrillic capitals lower-cased one character for one (the places stay)
_SCRIPT_LOWER = {
    c: ord(ch.lower())
    for c in (*range(0x41, 0x5B), *range(0xC0, 0x250), *range(0x370, 0x500))
    for ch in [chr(c)]
    if len(ch.lower()) == 1 and ch.lower() != ch
}


def _gap_edit(norm: str, s: int, e: int) -> Edit | None:
    """A gap between two items of a run of script digit words or Korean groups: a pause
    (marks and spaces only) becomes " ", a dash (a mark or a spoken dash) "-", a space
    alone nothing (None: the caller decides)."""
    gap = norm[s:e].strip(" \t")
    if not gap:
        return None
    if all(c in _PAUSE_MARKS for c in gap):
        return (s, e, " ", [(s, e)])
    return (s, e, "-", [(s, e)])


def _script_digits(norm: str) -> list[Edit]:
    """Each run of digit words of another script, and each run of Korean digit groups
    (korean_digit_min digits, a group of three syllables or more), as digits."""
    out: list[Edit] = []
    if _SCRIPT_GATE_RE.search(norm) is None:
        return out
    low = norm.translate(_SCRIPT_LOWER)
    for m in _SCRIPT_RUN_RE.finditer(low):
        for item in _SCRIPT_ITEM_RE.finditer(low, m.start(), m.end()):
            s, e = item.span()
            if item.group(1) is not None:
                out.append((s, e, _SCRIPT_WORDS[item.group(1)], [(s, e)]))
            else:
                edit = _gap_edit(low, s, e)
                out.append(edit if edit is not None else (s, e, "", []))
    for m in _KOREAN_RUN_RE.finditer(norm):
        items = list(_KOREAN_ITEM_RE.finditer(norm, m.start(), m.end()))
        groups = [len(i.group(1)) for i in items if i.group(1) is not None]
        # (or every syllable alone, read one by one: "공 이 이, 구 칠, 오 이 팔 오")
        single = max(groups) == 1
        if sum(groups) < _KOREAN_MIN or not (single or max(groups) >= 3):
            continue
        for item in items:
            s, e = item.span()
            if item.group(1) is not None:
                digits = "".join(_KOREAN[c] for c in item.group(1))
                out.append((s, e, digits, [(i, i + 1) for i in range(s, e)]))
            else:
                edit = _gap_edit(norm, s, e)
                if edit is None and single:
                    edit = (s, e, "", [])  # a space joins syllables read one by one
                elif edit is None and e - s > 1:
                    edit = (s, e, " ", [(s, e)])
                if edit is not None:
                    out.append(edit)
    return sorted(out)


# a number typed into a form's boxes ("0 8 5 | 9 1 | 9 3 0 8", "3 | 1 | 2 | ...")
_BOXED_RE = re.compile(_R["boxed_digits"])


_UNDERSCORE_GAP_RE = re.compile(_R["underscore_gap"])
_UNDERSCORE_BOXES_RE = re.compile(_R["underscore_boxes"])


def _underscores(norm: str) -> list[Edit]:
    """A form's blanks around or inside a number, and the underscores between its digits
    one a box: spaces (underscore_gap, underscore_boxes)."""
    if "_" not in norm:
        return []
    out = {
        m.start(): (m.start(), m.end(), " ", [m.span()]) for m in _UNDERSCORE_GAP_RE.finditer(norm)
    }
    for m in _UNDERSCORE_BOXES_RE.finditer(norm):
        for i in range(m.start(), m.end()):
            if norm[i] == "_":
                out.setdefault(i, (i, i + 1, " ", [(i, i + 1)]))
    return [out[k] for k in sorted(out)]


_BRACKET_BOXES_RE = re.compile(_R["bracket_boxes"])


def _bracket_boxes(norm: str) -> list[Edit]:
    """A number copied one digit a bracketed box ("[4][7] - [2][4][6][2][9][0][9]"): its
    brackets go (bracket_boxes)."""
    if "][" not in norm:
        return []
    return [
        (i, i + 1, "", [])
        for m in _BRACKET_BOXES_RE.finditer(norm)
        for i in range(m.start(), m.end())
        if norm[i] in "[]"
    ]


_SPELLED_LETTER_DASH_RE = re.compile(_R["spelled_letter_dash"])


def _spelled_letters(norm: str) -> list[Edit]:
    """A letter spelled out and a spoken dash before a number ("C as in cat, dash, two
    four ..."): the letter and a hyphen (spelled_letter_dash)."""
    low = _lower(norm)
    if " as in " not in low:
        return []
    return [
        (m.start(), m.end(), norm[m.start()] + "-", [(m.start(), m.start() + 1), m.span(2)])
        for m in _SPELLED_LETTER_DASH_RE.finditer(low)
    ]


_CAMEL_KEY_RE = re.compile(_R["camel_key"])
_CAMEL_WORDS = tuple(_R["camel_words"])


def _camel_keys(norm: str) -> list[Edit]:
    """A key in camel case right before its value ("txtSSN: 300123093"): a space before
    each of its identifier's words (camel_words) that follows a small letter (camel_key)."""
    out: list[Edit] = []
    if ":" not in norm and "=" not in norm:
        return out
    for m in _CAMEL_KEY_RE.finditer(norm):
        s, e = m.span(1)
        for i in range(s + 1, e):
            c = norm[i - 1]
            if "a" <= c <= "z" and "A" <= norm[i] <= "Z" and norm.startswith(_CAMEL_WORDS, i):
                out.append((i - 1, i, c + " ", [(i - 1, i), (i - 1, i)]))
    return out


def _boxed_digits(norm: str) -> list[Edit]:
    """Each gap of a number typed into boxes: spaces gone, a bar between groups a dash
    (between single digits, gone too)."""
    out: list[Edit] = []
    if "|" not in norm:
        return out
    for m in _BOXED_RE.finditer(norm):
        s, e = m.span()
        # (an empty box parts groups like a dash's: "| 5 | 6 | 2 | | 1 | 0 | | 0 | ...")
        cells = [cell.replace(" ", "") for cell in m.group().split("|")]
        single = all(len(cell) == 1 for cell in cells if cell)
        i = s
        while i < e:
            if norm[i] in "0123456789":
                i += 1
                continue
            j = i
            while j < e and norm[j] not in "0123456789":
                j += 1
            # (a box's dash stays a dash: "|3|9|-|7|6|...")
            gap = norm[i:j]
            bar = "-" in gap or gap.count("|") > 1 or ("|" in gap and not single)
            out.append((i, j, "-" if bar else "", [(i, j)] if bar else []))
            i = j
    return out


def _soft_breaks(norm: str) -> list[Edit]:
    """Each quoted-printable soft line break inside a number: gone."""
    if "=" not in norm:
        return []
    return [(m.start(), m.end(), "", []) for m in _SOFT_BREAK_RE.finditer(norm)]


def _quote_joins(norm: str) -> list[Edit]:
    out: list[Edit] = []
    if ">" not in norm and "|" not in norm:
        return out
    for m in _QUOTE_BREAK_RE.finditer(norm):
        s, e = m.span()
        if s >= 2 and norm[s - 1] == " " and norm[s - 2] in _DIGIT_OR_DASH:
            s -= 1
        elif s < 1 or norm[s - 1] not in _DIGIT_OR_DASH:
            continue
        out.append((s, e, "\n", [(s, e)]))
    return out


# single digits a recogniser joined with hyphens, one burst of a spoken number ("3-1-0")
_DIGIT_BURST_RE = re.compile("(?<![0-9-])[0-9](?:-[0-9])+(?![0-9-])")


def _numeral_dashes(norm: str) -> list[Edit]:
    """Each spoken dash between numerals (numeral_dash): a hyphen; and the hyphens inside
    a burst of single digits beside one gone ("3-1-0 dash 4-5 dash 7-7-2-7": 310-45-7727)."""
    out: list[Edit] = [
        (m.start(), m.end(), "-", [m.span()])
        for m in _NUMERAL_DASH_RE.finditer(norm)
        if m.start() and "0" <= norm[m.start() - 1] <= "9"
    ]
    if not out or "-" not in norm:
        return out
    marks = {s for s, _e, _out, _src in out} | {e for _s, e, _out, _src in out}
    for b in _DIGIT_BURST_RE.finditer(norm):
        if b.start() in marks or b.end() in marks:
            out.extend((i, i + 1, "", []) for i in range(b.start() + 1, b.end(), 2))
    return sorted(out)


# a number read back digit by digit in hyphenated groups ("0-2-8, 5-4, 0-2-1-1")
_BURST_GROUPS_RE = re.compile(_R["burst_groups"])
_BURST_GROUP_DIGITS = frozenset(_R["burst_group_digits"])


def _burst_groups(norm: str) -> list[Edit]:
    """Each number read back in hyphenated bursts of single digits, as many digits as an
    identifier's: the hyphens inside a burst go, the comma or space between two becomes
    a hyphen (028-54-0211)."""
    out: list[Edit] = []
    for m in _BURST_GROUPS_RE.finditer(norm):
        s, e = m.span()
        if sum(1 for c in m.group() if "0" <= c <= "9") not in _BURST_GROUP_DIGITS:
            continue
        i = s
        while i < e:
            if norm[i] == "-":
                out.append((i, i + 1, "", []))
                i += 1
            elif norm[i] in ", ":
                j = i + 1 if norm[i + 1] == " " else i
                out.append((i, j + 1, "-", [(i, j + 1)]))
                i = j + 1
            else:
                i += 1
    return out


def _kind(c: str) -> int:
    if "0" <= c <= "9" or c == "-":
        return 1
    if c.isalpha():
        return 2
    return 0


_LS_SEP_RE = re.compile("[,.]? {1,3}")


def _spaced_join(before: str, after: str) -> bool:
    """Does the space between two spaced-out characters go: two of a kind (digits and
    dashes, or letters), or a letter o beside a digit ("o 1 4 1 7 7 8 3 7", "3 o 3 2 …",
    spoken "oh" typed as a letter; o_for_zero then reads it)?"""
    k = _kind(before)
    if k and k == _kind(after):
        return True
    return (before in "oO" and _digit(after)) or (after in "oO" and _digit(before))


def _digit(c: str) -> bool:
    return "0" <= c <= "9"


# a word right before or after a run of spaced characters (_digit_word_beside)
_WORD_BEFORE_RE = re.compile("([a-z\u00e0-\u024f]+)[ ,]*\\Z")
_WORD_AFTER_RUN_RE = re.compile("[ ,]*([a-z\u00e0-\u024f]+)")
_BESIDE_REACH = 24


def _digit_word_beside(norm: str, s: int, e: int) -> bool:
    """Is a digit word right before or right after norm[s:e], a space or a comma between
    ("one five, 1 9 5 0 6 9 0", "0 8 9 4 six 0 1 6 6", "eight 8 9 two 2 1 9 1 2")? Then
    the spaced digits are dictation read one by one, which the mixed pass reads with
    that word (_said_singly), not a PDF's letter spacing to close up."""
    lo = max(0, s - _BESIDE_REACH)
    before = _WORD_BEFORE_RE.search(latin_lower(norm[lo:s]))
    after = _WORD_AFTER_RUN_RE.match(latin_lower(norm[e : e + _BESIDE_REACH]))
    return any(
        m is not None and (m is after or m.start() > 0 or lo == 0) and m.group(1) in _WORDS
        for m in (before, after)
    )


def _letter_spaced(norm: str) -> list[Edit]:
    out: list[Edit] = []
    for m in _LETTER_SPACED_PY_RE.finditer(" " + norm):
        s = m.start(1) - 1
        run = m.group(1)
        digits = sum(1 for c in run if "0" <= c <= "9")
        if len(run) > _LS_MAX or digits < _LS_MIN:
            continue
        if digits < MIN_DIGITS and _digit_word_beside(norm, s, s + len(run)):
            continue  # (a number of its own is closed up: "SSN 3 0 1 7 2 1 1 8 8 three ...")
        seps = [(x.start(), x.end()) for x in _LS_SEP_RE.finditer(run)]
        if all(run[a : a + 2] == "  " for a, _ in seps):
            continue  # single characters two or more spaces apart: a table's cells
        # a comma after every digit that another follows is dictation's pause after each
        # digit ("9, 8, 6, 8, 3"): those go whole; a comma or full stop among spaced
        # digits ends a group ("9 6 9, 7 0, 3 0 8 3"): it goes, a space stays
        digit_commas = [run[a] == "," for a, b in seps if _digit(run[a - 1]) and _digit(run[b])]
        joined = bool(digit_commas) and all(digit_commas)
        zero = False  # the o before this space was joined to a digit: a 0, not a letter
        for a, b in seps:
            before, after = run[a - 1], run[b]
            was_zero, zero = zero, False
            if run[a] in ",.":  # a full stop ends a group, as a comma among spaced digits
                if _digit(before) and _digit(after):
                    whole = joined and run[a] == ","
                    out.append(
                        (s + a, s + (b if whole else b - 1 if b - a == 3 else a + 1), "", [])
                    )
            elif b - a >= 2:  # two or three spaces part two groups: one stays
                out.append((s + a, s + b - 1, "", []))
            elif _spaced_join(before, after) and (not was_zero or after in "oO" or _digit(after)):
                # the space between two tokens of a kind goes (not between an o read as
                # a 0 and a letter: "4 1 2 1 7 7 2 4 O I'm calling")
                out.append((s + a, s + b, "", []))
                zero = after in "oO" and (was_zero or _digit(before))
    return out


def _item_digits(item: str, times: int) -> str | None:
    """What one item of a run reads as: a digit group its digits, a digit word its digit
    ("eleven" two), times over after "double"/"triple" (one digit only), a tens
    word its digit and 0 (a unit word after it takes the 0's place); None for no number."""
    digit = _WORDS.get(item, item)  # a digit group is its own digits
    if times == 1:
        return digit[1] + "0" if digit[0] == "t" else digit
    if len(digit) == 1:  # a digit word, or a numeral of one digit ("triple 8")
        return digit * times
    return None


class _Run:
    """The digits read so far from a run of digit words and digit groups (_read_run)."""

    def __init__(self) -> None:
        self.chars: list[str] = []
        self.src: list[tuple[int, int]] = []  # where each character came from
        self.times = 1  # after "double" or "triple": 2 or 3
        self.rep = 0  # where that "double" or "triple" starts
        self.n = 0  # digits
        self.strong = 0  # digit words outside digit_word_mixed_weak
        self.words = 0  # digit words
        self.tens = -1  # where the 0 of a tens word stands, for a unit word after it
        self.hund = -1  # where the two 0s of "hundred" stand, for the tens and units after it
        self.thou = -1  # where the three 0s of "thousand" start, for a unit and "hundred"
        self.unit = -1  # the same, once a unit took the last 0, for "hundred" after it
        self.last = -1  # where the digit of a unit word just read stands ("quatre-vingt")
        self.french = False  # the tens word just read is French 60 or 80, for a teen

    def joined(self, item: str, word: bool, sep: str, span: tuple[int, int]) -> bool:
        """Did the item take a place the word before it left open ("forty nine",
        "forty-nine", "forty 9", "setenta y uno"; "two hundred thirty", "novecientos
        doce")?"""
        tens, self.tens = self.tens, -1
        hund, self.hund = self.hund, -1
        thou, self.thou = self.thou, -1
        unit, self.unit = self.unit, -1
        last, self.last = self.last, -1
        french, self.french = self.french, False
        if sep not in ("", "-") and not (sep in _JOINERS and (tens >= 0 or hund >= 0)):
            return False
        digit = _WORDS.get(item, item)
        if word and _french_tens(self, item, digit, tens if french else -1, last, span):
            self.strong += item not in _MIXED_WEAK
            return True
        if unit >= 0 and word and digit == "h" and sep == "":
            # "eight thousand four hundred eighty three": the unit after "thousand" is
            # its hundreds digit, and the tens and units take the last two 0s (8483)
            chars, src = self.chars, self.src
            chars[unit], src[unit] = chars[unit + 2], src[unit + 2]
            chars[unit + 2] = "0"
            src[unit + 1] = src[unit + 2] = span
            self.hund = unit + 1
            return True
        if thou >= 0 and word and digit[0] == "c":
            # "seis mil cuatrocientos noventa y ocho", "dois mil e setecentos": a hundreds
            # word after "thousand" is its hundreds digit, the tens and units after it take
            # the last two 0s (6498, 2700)
            chars, src = self.chars, self.src
            chars[thou], src[thou] = digit[1], span
            src[thou + 1] = src[thou + 2] = span
            self.hund = thou + 1
            self.strong += item not in _MIXED_WEAK
            return True
        if tens >= 0 and digit in _UNITS:
            self.chars[tens], self.src[tens] = digit, span
        elif not (hund >= 0 and word and _after_hundred(self.chars, self.src, hund, digit, span)):
            return False
        elif digit[0] == "t":
            self.tens = hund + 1  # "two hundred thirty five"
        elif thou >= 0 and digit in _UNITS:
            self.unit = thou  # "two thousand five", perhaps "... five hundred" next
        self.strong += word and item not in _MIXED_WEAK
        return True

    def _leave_open(self, item: str, value: str, digits: int) -> None:
        """Note the place a word about to be read leaves open for the next: a tens word
        its 0 (for a unit word), a unit word its digit (French "quatre-vingt")."""
        if value[0] == "t":
            self.tens = len(self.chars) + 1
            self.french = item == _FRENCH_SIXTY
        elif digits == 1:
            self.last = len(self.chars)

    def add(self, item: str, word: bool, sep: str, before: int, start: int, end: int) -> bool:
        """Read the item (after its separator, low[before:start]); False: no number."""
        if sep:  # the separator before this item
            # (a spoken dash may have a comma before or after it: "nine, location oh oh three")
            dash = sep == "-" or _dash_sep(sep)
            self.chars.append("-" if dash else " ")
            self.src.append((before, start))
        value = _WORDS.get(item, item)
        if word and value in ("h", "k"):  # "hundred", "thousand", after a digit of its group
            opens = sep or not self.chars or not "0" <= self.chars[-1] <= "9"
            if item in _LONE_THOUSAND and opens and self.times == 1:
                # (Spanish and Portuguese "mil" alone opening a group: 1000)
                self.chars.append("1")
                self.src.append((start, end))
                self.n += 1
            elif opens or self.times != 1:
                return False
            zeros = 2 if value == "h" else 3
            # the tens and units after it take the last two 0s ("two thousand five" 2005)
            self.hund = len(self.chars) + zeros - 2
            self.thou = len(self.chars) if value == "k" else -1
            self.chars.extend("0" * zeros)
            self.src.extend([(start, end)] * zeros)
            self.n += zeros
            self.strong += item not in _MIXED_WEAK  # "thousand" (not "hundred")
            return True
        if word and value[0] == "c":  # a hundreds word ("novecientos"): digit, two 0s
            if self.times != 1:
                return False
            self.hund = len(self.chars) + 1
            self.chars.extend((value[1], "0", "0"))
            self.src.extend([(start, end)] * 3)
            self.n += 3
            self.strong += item not in _MIXED_WEAK
            return True
        if word and value[0] == "x":  # "double", "triple"
            if self.times != 1:
                return False
            self.times, self.rep = int(value[1]), start
            self.strong += item not in _MIXED_WEAK
            return True
        digits = _item_digits(item, self.times)
        if digits is None:
            return False
        if self.times != 1:  # the repeated digits come from "double seven", "triple 8"
            self.src.extend([(self.rep, end)] * len(digits))
            self.strong += not word or item not in _MIXED_WEAK  # a numeral, "8", is said
        elif word:
            self._leave_open(item, value, len(digits))
            self.src.extend([(start, end)] * len(digits))
            self.strong += item not in _MIXED_WEAK
        else:
            self.src.extend((i, i + 1) for i in range(start, end))
        self.chars.extend(digits)
        self.n += len(digits)
        self.times = 1
        return True


def _french_tens(run: _Run, item: str, digit: str, tens: int, last: int, span) -> bool:
    """Did the word take the places French counting leaves open: "vingt" after "quatre"
    (80, its 0 for a unit or teen after it), or a teen or "dix" after "soixante" or
    "quatre-vingt" ("soixante-douze" 72, "quatre-vingt-dix-sept" 97; tens >= 0 only
    after those: "sixty eleven" is 6011)?"""
    chars = run.chars
    if last >= 0 and item in _FRENCH_TWENTY and chars[last] == "4":
        chars[last] = "8"
        chars.append("0")
        run.src.append(span)
        run.n += 1
        run.tens = len(chars) - 1
        run.french = True
        return True
    if tens >= 0 and (digit == "t1" or _teen(digit)):
        chars[tens - 1] = "7" if chars[tens - 1] == "6" else "9"
        chars[tens] = "0" if digit == "t1" else digit[1]
        run.src[tens] = span
        if digit == "t1":
            run.tens = tens  # "soixante-dix-sept": the unit still to come
        return True
    return False


def _teen(digit: str) -> bool:
    """Is a word's value eleven to nineteen?"""
    return len(digit) == 2 and digit[0] == "1" and digit[1] in _UNITS


def _dash_sep(sep: str) -> bool:
    """Is a separator between two items of a run (stripped of spaces and line breaks) a
    dash other than a hyphen: a double one ("--") or a spoken one, perhaps with a comma
    ("nine, location oh oh three")?"""
    return sep == "--" or sep.strip(", ") in _DASH_WORDS


def _read_run(low: str, s: int, e: int, limit: int) -> tuple[list[str], list, int, int, int] | None:
    """The digits of the run low[s:e] of digit words (and digit groups, in a mixed run):
    (characters, their source spans, digits, words outside digit_word_mixed_weak, digit
    words), or None for a run that reads as no number (a "double" before a group or
    another "double", a "hundred" after no digit, or more than limit digits). Words in
    one group join; a comma, full stop or pause between groups becomes a space, a dash
    (or a spoken one) stays; in a run with a dash, the dashes alone part the groups; in
    a run of hyphenated bursts (digit_word_chained) a hyphen joins and a space parts, and
    elsewhere a hyphen glued between two words joins them too ("oh-three-five-one")."""
    run = _Run()
    chained = "-" in low[s:e] and _CHAINED_RE.fullmatch(low, s, e) is not None
    pos = s
    last_word = False  # the item before was a word
    prev = ""  # the item before: a numeral ("n"), a weak digit word ("w"), another word
    prev_item, prev_doubled = "", False  # the item before, and whether it was said twice
    for w in _ITEM_RE.finditer(low, s, e):
        item = w.group()
        if item in _DASH_WORDS:
            continue  # part of the separator before the next item
        before, pos = pos, w.end()  # the separator is low[before:w.start()]
        sep = low[before : w.start()].strip(" \n")
        word = not "0" <= item[0] <= "9"
        # a weak digit word dashed to a numeral is said as a digit, as a strong one is
        # ("145-four two-9450", "seven one dash 754 4819"; once a word)
        weak = word and item in _MIXED_WEAK
        dashed = (sep == "-" or _dash_sep(sep)) and (
            (weak and prev == "n") or (not word and prev == "w")
        )
        run.strong += dashed
        # a weak digit word said twice over is said as digits, both of them ("his social
        # is 088, two two, 8187"): no prose says "two two"
        doubled = weak and not dashed and item == prev_item and not sep
        if doubled:
            run.strong += 1 if prev_doubled else 2
        prev_item, prev_doubled = item, doubled
        prev = "n" if not word else "w" if weak and not dashed else ""
        if chained and not _dash_sep(sep):
            sep = "" if sep == "-" else " " if before > s else sep
        elif word and last_word and w.start() - before == 1 and sep == "-":
            sep = ""  # a burst's hyphen between two words ("... oh one... oh-three-five-one")
        elif sep[:1] == "-" and sep[-1:] == "-" and sep[1:-1] in _JOINERS:
            sep = sep[1:-1]  # a joiner hyphenated in ("trente-et-un")
        last_word = word
        run.words += word
        if run.joined(item, word, sep, w.span()):
            continue
        if not run.add(item, word, sep, before, w.start(), pos) or run.n > limit:
            return None
    if run.times != 1:
        return None
    return *_dash_groups(run.chars, run.src), run.n, run.strong, run.words


def _after_hundred(chars: list[str], src: list, h: int, digit: str, span) -> bool:
    """The word after "hundred" (whose two 0s stand at chars[h:h + 2]) takes their places,
    if it is a tens, teen or unit word ("two hundred thirty" 230, "three hundred twelve"
    312, "six hundred four" 604): True if it did."""
    if digit[0] == "t":
        chars[h], src[h] = digit[1], span
    elif len(digit) == 2 and "0" <= digit[0] <= "9":  # ten to nineteen
        chars[h], chars[h + 1] = digit[0], digit[1]
        src[h] = src[h + 1] = span
    elif digit in _UNITS:
        chars[h + 1], src[h + 1] = digit, span
    else:
        return False
    return True


def _dash_groups(chars: list[str], src: list) -> tuple[list[str], list]:
    """A run's characters without its spaces when it has a dash: the dashes mark the
    groups, and a comma or pause between digits is a pause inside one ("eight, eight,
    eight - three, two - nine, two, six, nine"); and when a pause follows every digit
    ("nueve, cero, dos, nueve, ...", "…, three, double five"): such pauses mark no
    groups either."""
    if " " not in chars:
        return chars, src
    if "-" not in chars and not _one_digit_groups(chars):
        return chars, src
    keep = [i for i, c in enumerate(chars) if c != " "]
    return [chars[i] for i in keep], [src[i] for i in keep]


def _one_digit_groups(chars: list[str]) -> bool:
    """Is every group of the run one digit (or one said twice or three times: "oh, one,
    …, three, double five"), a pause between each two?"""
    return all(0 < len(g) <= 3 and g == g[0] * len(g) for g in "".join(chars).split(" "))


def _trailing_words_cut(low: str, s: int, e: int) -> int:
    """Where the run low[s:e] ends once the words at its end that are not the number's
    are left out: a weak digit word after a full stop, "um" after English digit words,
    "de" after Spanish or Portuguese ones, "oh" after a pause, a word after them."""
    trail = _TRAILING_WEAK_RE.search(low, s, e)
    if trail is not None:
        e = trail.start()  # "... zero zero one. Do I file ...": "Do" starts a sentence
    trail = _TRAILING_UM_RE.search(low, s, e)
    if trail is not None:
        e = trail.start(1)  # "... seven six eight um you can call me back"
    trail = _TRAILING_DE_RE.search(low, s, e)
    if trail is not None and _WORD_AFTER_RE.match(low, e) is not None:
        e = trail.start(1)  # "... nueve siete de mi compañía"
    trail = _TRAILING_OH_RE.search(low, s, e)
    if trail is not None and _WORD_AFTER_RE.match(low, e) is not None:
        e = trail.start()  # "... eight six five — oh shoot"
    trail = _TRAILING_OH_BARE_RE.search(low, s, e)
    if trail is not None and _OH_INTERJECTION_RE.match(low, e) is not None:
        e = trail.start()  # "... oh oh eight oh wait did i say"
    return e


def _run_edits(
    low: str, matches, min_digits: int, max_digits: int, min_strong: int, mixed_next=False
):
    """An edit for each run (a match in low) that reads as a number: min_digits to
    max_digits digits, and min_strong digit words outside digit_word_mixed_weak. With
    mixed_next, a run of fewer digits than a mixed run needs that a numeral stands beside
    (a space, a comma or a hyphen between) is left whole for the mixed pass ("six four
    three oh oh oh six 4 seven": closed up first, the mixed pass would see one word)."""
    out: list[Edit] = []
    for m in matches:
        s, e = m.span()
        e = _trailing_words_cut(low, s, e)
        if (
            low.startswith("one", s)
            and _PRONOUN_ONE_RE.search(low, max(0, s - _PRONOUN_REACH), s) is not None
        ):
            s += len("one")  # "I meant to use this one four zero zero four ..."
            while s < e and low[s] in " ,-":
                s += 1
        lead = _LEADING_FOREIGN_RE.match(low, s, e)
        if (
            lead is not None
            and lead.group(1) not in _ENGLISH_RUN_WORDS
            and _ENGLISH_RUN_WORDS.issuperset(_RUN_WORD_RE.findall(low, lead.end(), e))
        ):
            s = lead.end()  # "mera ssn hai six zero one one ...": Hindi's "is"
        trail = _TRAILING_FOREIGN_RE.search(low, s, e)
        if (
            trail is not None
            and trail.group(1) not in _ENGLISH_RUN_WORDS
            and _ENGLISH_RUN_WORDS.issuperset(_RUN_WORD_RE.findall(low, s, trail.start(1)))
        ):
            e = trail.start() + 1  # "... seven four three do i get money back"
        trail = _TRAILING_COUNT_RE.search(low, s, e)
        if trail is not None and _COUNT_AFTER_RE.match(low, e) is not None:
            e = trail.start()  # "... six five four digit code on the front"
        # too long, or more numerals than a number holds (C loops, before the walk)
        if e - s > _DW_MAX or len(_NUMERALS_RE.findall(low, s, e)) > max_digits:
            continue
        run = _read_run(low, s, e, max_digits)
        if (
            run is not None
            and run[2] >= min_digits
            and (
                _strong_enough(run[3], run[4], min_strong)
                or _said_singly(low, s, e, run[3], min_strong)
                or _cued_whole(low, s, run, min_strong)
            )
        ):
            if mixed_next and run[2] < _MIXED_MIN and _beside_numeral(low, s, e):
                continue
            out.append((s, e, "".join(run[0]), run[1]))
    return out


_NUMERAL_AFTER_RE = re.compile("(?:[ ]|,[ ]?|-)[0-9]")
_NUMERAL_BEFORE_RE = re.compile("[0-9](?:[ ]|,[ ]?|-)$")


def _beside_numeral(low: str, s: int, e: int) -> bool:
    """Does a numeral stand just after low[s:e] or just before it, a space, a comma or a
    hyphen between?"""
    return (
        _NUMERAL_AFTER_RE.match(low, e) is not None
        or _NUMERAL_BEFORE_RE.search(low[max(0, s - 3) : s]) is not None
    )


def _strong_enough(strong: int, words: int, min_strong: int) -> bool:
    """Enough digit words outside digit_word_mixed_weak: min_strong, or one fewer among
    one more digit words in all ("two oh four 65 3589": "oh" and the weak "two" and
    "four")."""
    return strong >= min_strong or (strong >= min_strong - 1 >= 1 and words > min_strong)


def _said_singly(low: str, s: int, e: int, strong: int, min_strong: int) -> bool:
    """A mixed run (min_strong 2) read digit by digit: one strong digit word among
    _MIXED_SINGLES one-digit numerals or more ("fein three 9 oh 1 3 5 4 7 5"), or weak
    ones only among _WEAK_SINGLES ("my social is 6 two 9 5 2 oh 6 0 2")."""
    if min_strong != 2:
        return False
    singles = len(_SINGLE_RE.findall(low, s, e))
    return singles >= (_MIXED_SINGLES if strong >= 1 else _WEAK_SINGLES)


def _cued_whole(
    low: str, s: int, run: tuple[list[str], list, int, int, int], min_strong: int
) -> bool:
    """A mixed run (min_strong 2) of nine digits that starts with a digit word, right
    after an identifier's cue of a kind that holds nine, however few its digit words
    ("my social is two 5644 9151": voice typing wrote the first digit as a word; not
    "my social is 041-82-207 wait that's missing one")."""
    return (
        min_strong == 2
        and run[2] == _NINE
        and not "0" <= low[s] <= "9"
        and _cue_before(low, s, _NINE)
    )


def _digit_words(low: str) -> list[Edit]:
    """Runs of digit words ("zero nine five, two two, three three nine eight")."""
    return _run_edits(low, DIGIT_RUN_RE.finditer(low), _DW_MIN, _DW_MAX, 0, mixed_next=True)


def _utf8(norm: str) -> bytes:
    # lone surrogates (a str may hold them) are bytes of 128 or more too
    return norm.encode("utf-8", "surrogatepass")


# The gate's words are split a block at a time: splitting a long text at once makes an
# object for each of its words, and the time per character grows with the text (they
# outgrow the caches: 100 KB of words took 0.4 ms, 1 MB 8 ms).
_GATE_BLOCK = 16384


def _raw_forms(words) -> tuple[bytes, ...]:
    """The words whose letters the gate's words cannot hold (not ASCII), as UTF-8 in the
    cases a text may write them: looked for in the text's bytes."""
    return tuple(
        {form.encode() for w in words if not w.isascii() for form in (w, w.upper(), w.capitalize())}
    )


# the spoken dashes whose letters the gate's words cannot hold ("guión", "traço")
_DASH_RAW = _raw_forms(_DASH_WORDS)
# "location" cut short between a CT number's base and code ("1189543 loc 003"), no dash
# word of its own (numeral_dash)
_LOC_RAW = (b"loc", b"Loc", b"LOC")


def _gate_words(raw: bytes) -> tuple[bytes, bool]:
    """The words the digit-word gates count: the text's UTF-8 bytes with A-Z lower-cased,
    every other byte a separator, and each spoken dash a space; and whether there was a
    spoken dash (a shorter result)."""
    words = raw.translate(_WORD_BYTES)
    size = len(words)
    for dash in _DASH_BYTES:
        words = words.replace(dash, b" ")
    return words, len(words) != size


# the letter o typed for a zero among digits: a token of digits and o's, read with each o
# a 0 (same length: the maps stay). Its o's come in runs of at most _O_RUN, each a word
# of the digit-word gate's words (digits are separators there): a text with no such word
# holds no such token, known from the split the gate makes anyway.
_O_FOR_ZERO_RE = re.compile(_R["o_for_zero"])
_O_MIN_DIGITS: int = _R["o_for_zero_min_digits"]
_O_RUN: int = _R["o_for_zero_max_run"]
_O_WORDS = frozenset(b"o" * n for n in range(1, _O_RUN + 1))
_GATE_WORD_BYTES = _DIGIT_WORD_BYTES | _O_WORDS
_O_RUN_RE = re.compile(f"[oO]{{{_O_RUN + 1}}}")  # a run of o's too long to be zeros


def _o_for_zero(m: re.Match) -> str:
    """The token with each o a 0, if it reads as a number with o's typed for zeros."""
    token = m.group()
    o = token.count("o") + token.count("O")
    if not o or len(token) - o < max(_O_MIN_DIGITS, o) or _O_RUN_RE.search(token) is not None:
        return token
    return token.replace("o", "0").replace("O", "0")


# a number read by OCR with a digit taken for a look-alike letter ("l21-46-0279"); the
# regex runs only where such a letter touches a digit, "0L" or "L0" in the hint bytes
_OCR_RE = re.compile(_R["ocr_digits"].replace("L", "".join(_R["ocr_letters"])))
_OCR_DIGITS = str.maketrans(_R["ocr_letters"])
_OCR_MAX: int = _R["ocr_max_letters"]
_OCR_LENGTHS = frozenset(_R["ocr_lengths"])
_OCR_PAIR_RE = re.compile("[" + "".join(_R["ocr_letters"]) + "]{2}")
_OCR_LAID_OUT_RE = re.compile(_R["ocr_laid_out"])
_OCR_LAID_OUT_MAX: int = _R["ocr_laid_out_max_letters"]
_OCR_CARD_RE = re.compile(_R["ocr_card_laid_out"])
_OCR_HEADER_ROWS: int = _R["ocr_header_rows"]
_OCR_HEADER_REACH: int = _R["ocr_header_reach"]


def _ocr_digits(m: re.Match) -> str:
    """The token with each look-alike letter its digit, if it reads as an identifier's
    digits with one or two of them misread and an identifier's cue ends in the
    CUE_WINDOW characters before it (a misread number is never found by its shape
    alone: "S2-1234567" with no cue is a part number, not an EIN); or, when the token
    goes on over a line break and is none so, its first line so ("O3l-58-7264" over
    "16 State wages ...")."""
    token = m.group()
    fixed = _ocr_token(m, token)
    if fixed is token and "\n" in token:
        head = token[: token.index("\n")]
        return _ocr_token(m, head) + token[len(head) :]
    return fixed


def _ocr_token(m: re.Match, token: str) -> str:
    """token (the match m or the start of it) read with its look-alike letters as digits
    (_ocr_digits), or token itself."""
    fixed = token.translate(_OCR_DIGITS)
    letters = sum(map(str.__ne__, token, fixed))
    # (an identifier's layout may hold more of them, side by side too: "l3-Ol28l87")
    laid_out = _OCR_LAID_OUT_RE.fullmatch(token) is not None
    if not 1 <= letters <= (_OCR_LAID_OUT_MAX if laid_out else _OCR_MAX) or (
        not laid_out and _OCR_PAIR_RE.search(token) is not None
    ):
        return token
    text, at = m.string, m.start()
    if len(token) - token.count("-") - token.count(" ") - token.count("\n") not in _OCR_LENGTHS:
        # or a card number's layout, after a card word ("card: 4528 9835 l061 4524")
        card = _OCR_CARD_RE.fullmatch(token) is not None and not laid_out
        lo = max(0, at - CARD_WORDS_REACH)
        return fixed if card and CARD_WORDS_RE.search(latin_lower(text[lo:at])) else token
    cued = _cue_before(text, at) or _marked(m, len(token)) or _header_above(text, at)
    return fixed if cued else token


def _header_above(text: str, at: int) -> bool:
    """Is the first line above text[at]'s with no digit, within _OCR_HEADER_ROWS lines
    and _OCR_HEADER_REACH characters and with no blank line between, a header that
    names an identifier ("Member   FEIN   CT Reg No." over a row's "5O-5993193")?"""
    lo = max(0, at - _OCR_HEADER_REACH)
    end = text.rfind("\n", lo, at)
    for _ in range(_OCR_HEADER_ROWS):
        if end < 0:
            return False
        start = text.rfind("\n", lo, end) + 1
        if start == 0 and lo > 0:
            return False  # (a line longer than the reach)
        line = text[start:end]
        if not line.strip(" "):
            return False
        if not any("0" <= c <= "9" for c in line):
            low = latin_lower(line)
            return any(
                c.lastindex and CUE_KINDS[c.lastindex - 1] in ID_KINDS for c in CUE_RE.finditer(low)
            )
        end = start - 1
    return False


def _marked(m: re.Match, size: int) -> bool:
    """Is the token (the first size characters of m) set between two of the same MICR
    transit mark, a check line's routing field ("|:056l10041|: 811878S89611"): the
    marks are its cue."""
    text, s = m.string, m.start()
    e = s + size
    return any(text.startswith(k, e) and text.endswith(k, 0, s) for k in MICR_MARKS)


def _cue_before(text: str, at: int, digits: int = 0) -> bool:
    """Whether an identifier's cue ends in the CUE_WINDOW characters before text[at],
    with no other number between, which the cue labels instead ("CT Sales Tax Reg.
    5579087-000 | S1-0398122"; a time stamp's or a misread letter's digits are none).
    Given a number's digits, a cue of a kind that holds as many, not a name alone ("Bank
    shows two debits: CT DRS 01/16 $1,250.00" is a date and a sum)."""
    lo = max(0, at - CUE_WINDOW - MAX_CUE)
    window = latin_lower(text[lo:at])
    # (the cue may be misread too: "Federal Emp1oyer ID", "REGISTRATI0N N0.")
    read = _MIXED_TOKEN_RE.sub(_letters_back, window)
    for cue in CUE_RE.finditer(read):
        if (
            cue.lastindex
            and CUE_KINDS[cue.lastindex - 1] in ID_KINDS
            and (not digits or _cue_fits(cue, digits))
            and lo + cue.end() >= at - CUE_WINDOW
            and _THREE_DIGITS_RE.search(window, cue.end()) is None
        ):
            return True
    return False


def _cue_fits(cue: re.Match, digits: int) -> bool:
    """Is the cue more than a name, of a kind that holds this many digits?"""
    kind = CUE_KINDS[cue.lastindex - 1]  # type: ignore[operator]
    return cue.group() not in WEAK_CUES_AFTER and digits == (_CT_DIGITS if kind == "ct" else _NINE)


# the digits of a CT number (its 7-digit base and location code), and of the others
_CT_DIGITS, _NINE = CT_BASE_MIN + CT_LOC, 9


# a word an OCR read with a letter or two as digits ("Emp1oyer", "N0."), and those
# digits' letters
_MIXED_TOKEN_RE = re.compile("[a-z0-9]*(?:[a-z][0-9]|[0-9][a-z])[a-z0-9]*")
_LETTER_DIGITS = "0158"
_DIGIT_LETTERS = str.maketrans(_LETTER_DIGITS, "olsb")


def _letters_back(m: re.Match) -> str:
    """The word with its look-alike digits read as letters, when it holds no more digits
    than letters and each digit looks like one ("n0" no, "emp1oyer" employer; not "w2")."""
    word = m.group()
    digits = [c for c in word if "0" <= c <= "9"]
    if 2 * len(digits) > len(word) or any(c not in _LETTER_DIGITS for c in digits):
        return word
    return word.translate(_DIGIT_LETTERS)


# a number a voice recogniser wrote as a time, a sum, a phone number, a date or with a
# keypad's stars ("3:12 45 6089", "$3.18 09 5527", "(254) 781-3002", "6/06/51 0724",
# "896*79*4500") just after an identifier's cue
_TRANSCRIBED_RE = re.compile(_R["transcribed"])
_TRANSCRIBED_GATE_RE = re.compile(_R["transcribed_gate"])
_TRANSCRIBED_THOUSANDS_RE = re.compile(_R["transcribed_thousands"])
_TRANSCRIBED_LENGTHS = frozenset(_R["transcribed_lengths"])
_TRANSCRIBED_MARKS_RE = re.compile("[" + re.escape(_R["transcribed_marks"]) + "]")
_TRANSCRIBED_CLOCK_RE = re.compile(_R["transcribed_clock"])  # a time stamp's seconds
_NOT_DIGITS_RE = re.compile("[^0-9]+")
_AMEX_GROUPS = [4, 6, 5]


def _card_groups(token: str) -> bool:
    """Are the digit groups of token, its colons gone, a card's: each of four digits, or
    an Amex's 4-6-5?"""
    sizes = [len(g) for g in _NOT_DIGITS_RE.split(token.replace(":", "")) if g]
    return all(n == 4 for n in sizes) or sizes == _AMEX_GROUPS


def _transcribed(norm: str) -> list[Edit]:
    """Each such number: its digits in groups parted by single spaces, a "$" or "(" before
    its first digit part of that digit; a card's (fifteen or sixteen digits, which needs
    no cue) with its colons gone, so that its groups of four are whole again."""
    edits: list[Edit] = []
    if _TRANSCRIBED_GATE_RE.search(norm) is None:
        return edits
    for m in _TRANSCRIBED_RE.finditer(norm):
        token = m.group()
        if (
            _TRANSCRIBED_MARKS_RE.search(token) is None
            and _TRANSCRIBED_THOUSANDS_RE.search(token) is None
        ) or _TRANSCRIBED_CLOCK_RE.search(token):
            continue  # an ordinary number (the claims read it), or a time stamp
        s = m.start()
        gaps = list(_NOT_DIGITS_RE.finditer(token))
        digits = len(token) - sum(g.end() - g.start() for g in gaps)
        # (a card has no cue: its own checks decide, once its colon has gone)
        # a card's colon stands inside a group of four ("60:11 9497 …"): without its
        # colons, a card is in groups of four (or an Amex's 4-6-5); a date and a time
        # before a card ("01/27/2025 10:02  4869 …") are not
        card = digits > 10 and _card_groups(token)
        if digits not in _TRANSCRIBED_LENGTHS or not (card or _cue_before(norm, s, digits)):
            continue
        for g in gaps:
            a, b = s + g.start(), s + g.end()
            if a == s:
                edits.append((a, b + 1, norm[b], [(a, b + 1)]))
            elif card and g.group() == ":":
                edits.append((a, b, "", []))
            else:
                edits.append((a, b, " ", [(a, b)]))
    return edits


# What _gate_counts says of the words besides: a filler, a homophone, an English digit word.
_FILLER, _HOMOPHONE, _ENGLISH, _ZEROS = 1, 2, 4, 8
# (a filler pause by its last word: "then" of "and then"; "and" alone would let nearly
# every English text through)
_FILLER_TOKENS = frozenset(
    words.split()[-1].encode()
    for words in (*_FILLER_PAUSES, *_R["filler_words"], *_R["filler_words_es"])
)


# the fillers whose letters the gate's words cannot hold ("é", "hã"), as UTF-8 in the
# cases a text may write them: looked for in the text's bytes
_FILLER_RAW = _raw_forms((*_R["filler_words"], *_R["filler_words_es"]))


def _gate_counts(words: bytes) -> tuple[int, bool, int]:
    """How many of the gate's words are digit words (up to _RUN_WORDS), whether one is
    a run of o's, and which of _FILLER, _HOMOPHONE and _ENGLISH are among them."""
    digit = spoken = 0
    o_runs = False
    i, size = 0, len(words)
    while i < size and (digit < _RUN_WORDS or not o_runs or spoken != 7):
        j = words.find(b" ", i + _GATE_BLOCK) if size - i > _GATE_BLOCK else -1
        j = size if j < 0 else j
        block = (words[i:j] if i or j < size else words).split()  # most texts: one block
        # the block's distinct words, made once (a C loop): each test below then looks up
        # the few words of a small set in it
        distinct = set(block)
        if not _FILLER_TOKENS.isdisjoint(distinct):
            spoken |= _FILLER
        if not _ZEROS_TOKENS.isdisjoint(distinct):
            spoken |= _ZEROS
        if not _H_TOKENS.isdisjoint(distinct):
            spoken |= _HOMOPHONE
        # most texts have no digit word at all (a run of o's counts as one here: more
        # texts pass the gates, none is lost)
        if not _GATE_WORD_BYTES.isdisjoint(distinct):
            o_runs = o_runs or not _O_WORDS.isdisjoint(distinct)
            if not _E_TOKENS.isdisjoint(distinct):
                spoken |= _ENGLISH
            if digit < _RUN_WORDS:
                digit += sum(map(_GATE_WORD_BYTES.__contains__, block))
        i = j
    return min(digit, _RUN_WORDS), o_runs, spoken


def _spoken_dashes(norm: str, starts, ends, raw: bytes, words, dashed: bool):
    """Spoken dashes between numerals read (_numeral_dashes), where the text (its UTF-8
    bytes raw) may hold one: (norm, starts, ends, raw, the gate's words), the last two
    made again if anything changed."""
    if dashed or any(d in raw for d in _DASH_RAW) or any(a in raw for a in _LOC_RAW):
        edits = _numeral_dashes(norm)
        if edits:
            norm, starts, ends = _apply(norm, starts, ends, edits)
            raw = _utf8(norm)
            words = _gate_words(raw)[0]
    return norm, starts, ends, raw, words


def _close_up(norm: str, starts: list[int] | None, ends: list[int] | None):
    """The rewrites that close a number up: spoken dashes between numerals, fillers and
    homophones of digits (_spoken), and then a PDF's letter spacing: (norm, starts, ends,
    the digit-word gate's words, the hint bytes of norm or None if not made, and
    _gate_counts of the words or None if not made)."""
    raw = _utf8(norm)
    hint: bytes | None = None
    words, dashed = _gate_words(raw)
    # a spoken dash, maybe between numerals: "4 2 8 dash 1 5 dash ...", "226 guión 52"
    norm, starts, ends, raw, words = _spoken_dashes(norm, starts, ends, raw, words, dashed)
    if "-" in norm:  # a readback in hyphenated bursts: "0-2-8, 5-4, 0-2-1-1"
        edits = _burst_groups(norm)
        if edits:
            norm, starts, ends = _apply(norm, starts, ends, edits)
            raw = _utf8(norm)
            words = _gate_words(raw)[0]
    first = _gate_counts(words)
    if not first[2] & _FILLER and any(f in raw for f in _FILLER_RAW):
        first = (*first[:2], first[2] | _FILLER)  # "... três, é, um dois ..."
    counts: tuple[int, bool, int] | None = first
    if first[2] & (_FILLER | _HOMOPHONE | _ZEROS):
        norm, starts, ends, changed = _spoken(norm, starts, ends, first[2])
        if changed is not None:
            raw, words, counts = _utf8(norm), changed, None
            # a spoken dash that homophones made numerals beside ("9 4 dash to 0 6 to 4
            # 2 8": "to" was no numeral when the dashes were read)
            norm, starts, ends, raw, words = _spoken_dashes(norm, starts, ends, raw, words, dashed)
    if " " in norm:
        hint = raw.translate(_HINT_BYTES)
        if _spaced_hint(hint):
            edits = _letter_spaced(norm)
            if edits:
                norm, starts, ends = _apply(norm, starts, ends, edits)
                words = _gate_words(_utf8(norm))[0]
                hint = counts = None
    return norm, starts, ends, words, hint, counts


def _spaced_hint(hint: bytes) -> bool:
    """Could the text (its hint bytes) hold a letter-spaced run (letter_spaced_hint)?"""
    return b"0 0 " in hint or b"0 - " in hint or b"0, 0, " in hint


def _homophones(low: str) -> list[Edit]:
    """Each homophone of a digit inside a spoken number ("8 too 6"), as that digit: the
    matches of HOMOPHONE_SRC, found homophone by homophone (see above)."""
    out: list[Edit] = []
    rev = ""
    size = len(low)
    for m in _H_FIND_RE.finditer(low):
        s, e = m.span()
        word = m.group()
        if e < size and low[e] in _ALNUM:
            continue  # part of a longer word ("tomato", "forty")
        after = _H_NEXT_RE.match(low, e)
        if after is not None:  # an item after it
            rev = rev or low[::-1]
            at = size - s  # where the text before it starts, reversed
            before = _H_ITEM_BEFORE_RE.match(rev, at)
            if before is None:
                copula = _H_COPULA_BEFORE_RE.match(rev, at)
                if copula is None or (copula.group(1) and word == "to"):
                    continue
        elif word in _H_AFTER_ITEM:  # "won", "ate" after an item
            rev = rev or low[::-1]
            before = _H_ITEM_BEFORE_RE.match(rev, size - s)
            if before is None:
                continue
        elif word == "for" and _H_FOR_END_RE.match(low, e) is not None:
            # "... nine one for and I got": after a digit word, at a run's end
            rev = rev or low[::-1]
            before = _H_WORD_BEFORE_RE.match(rev, size - s)
            if before is None:
                continue
        else:
            continue
        # beside a digit word and no group of digits, the digit's word: one run of words
        # ("six ate five"); between a word and a group, the digit ("seven for 1,500")
        b = 0 if before is None else 1 + (rev[before.end() - 1] in _LETTERS)
        a = 0 if after is None else 1 + (low[after.end() - 1] in _LETTERS)
        wordy = 2 in (a, b) and 1 not in (a, b)
        digit = (_HOMOPHONE_WORDS if wordy else _HOMOPHONES)[word]
        out.append((s, e, digit, [(s, e)] * len(digit)))  # each character: the word
    return out


# numerals and homophones alone after a copula or an identifier's noun (homophone_chain)
_H_CHAIN_WORDS: dict[str, str] = _R["homophone_chain_words"]
_H_CHAIN_NOUNS = frozenset(_R["homophone_chain_nouns"])
_H_CHAIN_RE = re.compile(
    _R["homophone_chain"]
    .replace("<H>", _H_ALT)
    .replace("<W>", "|".join(sorted(_H_CHAIN_WORDS, key=len, reverse=True)))
    .replace("<N>", "|".join(sorted(_H_CHAIN_NOUNS, key=len, reverse=True)))
)
# (after a noun, more homophones: "number 84 won 2 8 8 0 2 0 for Hartford")
_H_NOUN_MIN: int = _R["homophone_chain_noun_homophones"]
_H_CHAIN_DIGITS = frozenset(_R["homophone_chain_digits"])
_H_CHAIN_ITEM_RE = re.compile("[a-z]+|[0-9]+")
_H_RANGE_WORDS = frozenset(("to", "too"))  # "one to five", "two to one"
_H_CHAIN_END_RE = re.compile(_R["homophone_chain_end"])  # "... six for the bakery"


def _homophone_chains(low: str) -> list[Edit]:
    """Each run of numerals and homophones after a copula or an identifier's noun, up
    to its longest start with two homophones (three after a noun) and an identifier's
    digits, closed up with its homophones as digits."""
    out: list[Edit] = []
    for m in _H_CHAIN_RE.finditer(low):
        items = list(_H_CHAIN_ITEM_RE.finditer(low, m.start(1), m.end(1)))
        need = _H_NOUN_MIN if low[m.start() : m.start(1) - 1] in _H_CHAIN_NOUNS else 2
        digits = homophones = others = 0
        best = -1
        groups = 0
        for i, item in enumerate(items):
            word = item.group()
            homophones += word in _HOMOPHONES
            others += word in _HOMOPHONES and word not in _H_RANGE_WORDS
            groups += word[0] in "0123456789"
            digits += len(word) if word[0] in "0123456789" else 1
            # two homophones beside a group of numerals, or three among words alone, one
            # of them no "to" ("is to for to, three five, ..."; not "was one to one,
            # two to one, ...", odds or a range)
            if (
                homophones >= need
                and (groups or (homophones >= 3 and others))
                and digits in _H_CHAIN_DIGITS
                and not (word in _HOMOPHONES and _H_CHAIN_END_RE.match(low, item.end()))
            ):
                best = i
        if best < 0:
            continue
        # closed up whole: its groups were a recogniser's, not the writer's (but for a
        # pause's comma, a space: "six one too, 48, one seven ate nine")
        chars: list[str] = []
        src: list[tuple[int, int]] = []
        for k, item in enumerate(items[: best + 1]):
            s, e = item.span()
            word = item.group()
            if k and low[s - 2] == ",":
                chars.append(" ")
                src.append((s - 2, s))
            if word[0] not in "0123456789":
                chars.append(_HOMOPHONES.get(word) or _H_CHAIN_WORDS[word])
                src.append((s, e))
            else:
                chars.append(item.group())
                src.extend((i, i + 1) for i in range(s, e))
        out.append((items[0].start(), items[best].end(), "".join(chars), src))
    return out


def _spoken(norm: str, starts, ends, spoken: int):
    """Zeros said by their count made 0s, fillers out of spoken numbers, then their
    homophones of digits made digits ("for zero six three won ate …"; another pass for
    those beside the ones before: "won tree ate"), before letter spacing closes up
    around them ("8 too 6 3 0 0 for 2 0"): (norm, starts, ends, the gate's words or None
    when nothing changed). spoken: _gate_counts's."""
    low = None
    edited = False
    for bit, find in ((_ZEROS, _counted_zeros), (_FILLER, _fillers)):
        if spoken & bit:
            low = low or latin_lower(norm)
            edits = find(low)
            if edits:
                norm, starts, ends = _apply(norm, starts, ends, edits)
                low, edited = None, True
    if spoken & _HOMOPHONE and (spoken & _ENGLISH or _digit_by_homophone(norm)):
        edits = _homophone_chains(low or latin_lower(norm))
        if edits:
            norm, starts, ends = _apply(norm, starts, ends, edits)
            low, edited = None, True
        # another pass for each homophone after one: "won" made 1 is the item before
        # "tree", and "tree" made 3 the one before "ate"
        for _ in range(_H_PASSES):
            edits = _homophones(low or latin_lower(norm))
            if not edits:
                break
            norm, starts, ends = _apply(norm, starts, ends, edits)
            low, edited = None, True
    if not edited:
        return norm, starts, ends, None
    return norm, starts, ends, _gate_words(_utf8(norm))[0]


def _digit_by_homophone(norm: str) -> bool:
    """With no English digit word, could a homophone stand beside a digit or after a
    spoken dash, a space between? (Then it could stand between digits: "8 too 6 3 0 0".)
    Looked for in the
    text's bytes made as for _mixed_pairs (digits "0", letters lower-cased), a space put
    at both ends: substring tests, C loops."""
    t = b" " + _utf8(norm).translate(_PAIR_BYTES) + b" "
    return any(h in t for h in _H_BESIDE_DIGIT)


_PAUSES = ",.…"


def _filler_edit(low: str, s: int, e: int) -> Edit:
    """The filler low[s:e] (a pause perhaps before it) goes with that pause when another
    follows it ("five, um, nine": one pause stays); else the pause before it stays
    ("zero four five, umm nine nine": the groups stay apart). A filler pause ("then")
    with no pause on either side becomes one ("... five seven and then one seven ...":
    a comma)."""
    p = -1
    i = s
    while i < e and low[i] in " ,.…":
        if low[i] in _PAUSES:
            p = i + 1
        i += 1
    j = e
    while j < len(low) and low[j] == " ":
        j += 1
    after = j < len(low) and low[j] in _PAUSES
    if p > 0 and not after:
        s = p
    elif p < 0 and not after and low.endswith(_FILLER_PAUSES, s, e):
        return (s, e, ",", [(s, e)])
    return (s, e, "", [])


def _counted_zeros(low: str) -> list[Edit]:
    """Each run of zeros said by its count ("three zeros"), as that many 0s."""
    out: list[Edit] = []
    for m in _ZEROS_RE.finditer(low):
        n = 2 if m.group(1) else 3
        out.append((m.start(), m.end(), "0" * n, [m.span()] * n))
    return out


def _fillers(low: str) -> list[Edit]:
    """Each filler between two items of a spoken number, with the pause before it when
    another pause follows: gone."""
    edits = [_filler_edit(low, m.start(1), m.end(1)) for m in _FILLER_RE.finditer(low)]
    spanish = [_filler_edit(low, m.start(1), m.end(1)) for m in _FILLER_ES_RE.finditer(low)]
    return sorted(edits + spanish) if spanish else edits


def _look_alikes(norm: str, o_runs: bool, hint: bytes | None) -> str:
    """Letters typed or read for digits, one character for one (the maps stay). Whether
    a look-alike letter touches a digit is asked of the text before its o's are made
    zeros, as the browser twin asks it: "31855O8-OOO" is still read for look-alikes once
    "31855O8" is "3185508"."""
    if hint is None:
        hint = _utf8(norm).translate(_HINT_BYTES)
    if o_runs:  # a word of o's: perhaps "7356276o4", an o typed for a zero
        norm = _O_FOR_ZERO_RE.sub(_o_for_zero, norm)
    if b"0L" in hint or b"L0" in hint:  # a look-alike letter touches a digit
        norm = _OCR_RE.sub(_ocr_digits, norm)
    return norm


# a group of a spoken number said wrong and at once said again ("056 725, I'm sorry, 722
# 277"): the wrong group and the correction go
_CORRECTION_RE = re.compile(_R["spoken_correction"], re.IGNORECASE)
_GROUP_BEFORE_RE = re.compile(r"[0-9],? \Z")


_CORRECTION_GATE: tuple[str, ...] = tuple(_R["spoken_correction_gate"])


def _corrections(norm: str) -> list[Edit]:
    """Each group of a spoken number said again at once, with its correction: gone."""
    edits: list[Edit] = []
    low = norm.lower()
    if not any(piece in low for piece in _CORRECTION_GATE):
        return edits
    for m in _CORRECTION_RE.finditer(norm):
        s = m.start()
        if len(m.group(2)) >= len(m.group(1)) and _GROUP_BEFORE_RE.search(norm, max(0, s - 3), s):
            edits.append((s, m.end(), "", []))
    return edits


def rewrite(norm: str, starts: list[int] | None, ends: list[int] | None):
    """Apply the rewrites in turn; returns (norm, starts, ends, low) like normalise(),
    with low the lower-cased copy of norm the cue search uses, or None when it was not
    needed here (made on first use by _cues._Text)."""
    norm, starts, ends, low = _rewrite(norm, starts, ends)
    edits = _corrections(norm)
    if edits:
        norm, starts, ends = _apply(norm, starts, ends, edits)
        low = None
    return norm, starts, ends, low


# a number a time-stamped transcript splits over two of its lines ("[0:09] my social
# security number is 628\n[0:13] 61 0496")
_STAMP_JOIN_RE = re.compile(_R["stamp_join"])
_STAMP_LINE_RE = re.compile(_R["stamp_line"])


def _stamp_joins(norm: str) -> list[Edit]:
    """Each line break and time stamp inside such a number: a pause, when the line it
    starts on begins with a stamp in the same brackets."""
    out: list[Edit] = []
    if "\n[" not in norm and "\n(" not in norm:
        return out
    low = None
    for m in _STAMP_JOIN_RE.finditer(norm):
        s, e = m.span()
        start = norm.rfind("\n", 0, s) + 1
        line = _STAMP_LINE_RE.match(norm, start)
        if line is None or line.group().lstrip(" ")[0] != m.group(1):
            continue
        numeral = "0" <= norm[s - 1] <= "9"
        if not (numeral and "0" <= norm[e] <= "9"):
            # a number read out in words: a digit or a digit word on either side
            low = low or latin_lower(norm)
            if not (_digit_item_before(low, line.end(), s) and _digit_item_at(low, e)):
                continue
        gap = " " if numeral else ", "  # (a pause between words)
        out.append((s, e, gap, [m.span()] * len(gap)))
    return out


# a number a transcript splits at a header line: a caption's timing, a recorder's speaker
# and time, or a time stamp at each line's start (header_join)
_HEADER_T = _R["header_time"]
_HEADER_LINE_RE = HEADER_LINE_LOW_RE
_HEADER_BARE_RE = re.compile(_R["header_bare"].replace("<T>", _HEADER_T))
_HEADER_SPEAKER_RE = re.compile(_R["header_speaker"])
_HEADER_LABEL_RE = re.compile(_R["header_label"].replace("<T>", _HEADER_T))
_HEADER_ALONE_RE = re.compile(_R["header_alone"].replace("<T>", _HEADER_T))
_HEADER_NAME_RE = re.compile(_R["header_name"])
_HEADER_INDEX_RE = re.compile(_R["header_index"])
_HEADER_REPLY_TURNS: int = _R["header_reply_turns"]
# the other side's short reply between two parts: backchannel words, one or more
_REPLY_SRC = "(?:" + "|".join(_R["turn_join_backchannel"]) + ")"
_HEADER_REPLY_RE = re.compile(_REPLY_SRC + "(?:[ ,.!?…]+" + _REPLY_SRC + ")*[ ,.!?…]*")
_HEADER_FIND_RE = CLOCK_RE
_BLANK = " \t\n"


def _header_joins(norm: str) -> list[Edit]:
    """Each number split at a transcript's header line: the break, the header and the
    speaker's name become a pause between its parts, when both are one speaker's."""
    out: list[Edit] = []
    if "\n" not in norm or ":" not in norm:
        return out
    done = -1  # each line is looked at once (a line of many times)
    for m in _HEADER_FIND_RE.finditer(norm):
        if m.start() < done:
            continue
        ls = norm.rfind("\n", 0, m.start()) + 1
        done = norm.find("\n", m.start())
        done = len(norm) if done < 0 else done
        if ls == 0:  # no line before
            continue
        low = _lower(norm)
        edit = _header_join(low, ls)
        if edit is not None and (not out or out[-1][1] <= edit[0]):
            out.append(edit)
    return out


def _line_before(low: str, at: int) -> tuple[int, int]:
    """The start and end (spaces off) of the last line before `at` that is not blank."""
    end = at
    while end > 0 and low[end - 1] in _BLANK:
        end -= 1
    return low.rfind("\n", 0, end) + 1, end


def _head(low: str, ls: int) -> tuple[str | None, int, int] | None:
    """The header whose time stands on the line at ls: the speaker it names (None for a
    caption's timing), where it starts and where its last line ends; or None."""
    end = low.find("\n", ls)
    if end < 0:
        return None
    h = _HEADER_LINE_RE.match(low, ls)
    if h is not None:
        name = h.group(1) or h.group(2)
        if name is not None:
            return name.strip(), ls, end
        qs = low.rfind("\n", 0, ls - 1) + 1 if ls > 0 else ls
        index = _HEADER_INDEX_RE.match(low, qs) if qs < ls else None
        if index is not None and index.end() == ls - 1:
            return None, qs, end  # (a caption's number above its timing)
        return None, ls, end
    h = _HEADER_LABEL_RE.match(low, ls)
    if h is not None:
        return h.group(1).strip(), ls, end
    if ls > 0 and _HEADER_ALONE_RE.match(low, ls) is not None:
        qs = low.rfind("\n", 0, ls - 1) + 1
        n = _HEADER_NAME_RE.match(low, qs)
        if n is not None and n.end() == ls - 1:
            return n.group(1).strip(), qs, end
    return None


def _speaker(m: re.Match) -> str:
    """The speaker a "Name:" or a caption's voice tag ("<v Marcus>") names."""
    return (m.group(1) or m.group(2)).strip()


_VOICE_END = "</v>"  # a caption's closing voice tag


def _words_end(low: str, ps: int, pe: int) -> int:
    """Where the words of the line low[ps:pe] end, before a caption's closing voice tag
    ("... it's 017-67-</v>")."""
    if low.endswith(_VOICE_END, ps, pe):
        pe -= len(_VOICE_END)
        while pe > ps and low[pe - 1] in " \t":
            pe -= 1
    return pe


def _same_speaker(low: str, a: int, b: int) -> tuple[int, int] | None:
    """Where the words of the lines at a and b start, after a "Name:" at either; None
    unless both name the same speaker or neither does, or only the first does (a
    caption's line goes on with the speaker above)."""
    sa, sb = _HEADER_SPEAKER_RE.match(low, a), _HEADER_SPEAKER_RE.match(low, b)
    if sb is None:
        return (a, b) if sa is None else (sa.end(), b)
    if sa is None or _speaker(sa) != _speaker(sb):
        return None
    return sa.end(), sb.end()


def _turn_above(low: str, name: str | None, hs: int, c: int) -> tuple[int, int, int] | None:
    """The turn above the header that starts at hs, when it is the same speaker's as the
    words at c: where its words start and end, and where the words at c start. The other
    side's short replies may stand between, each under its own header."""
    ps, pe = _line_before(low, hs)
    for _ in range(_HEADER_REPLY_TURNS + 1):
        pe = _words_end(low, ps, pe)
        qs, _e = _line_before(low, ps)
        above = _head(low, qs) if qs < ps else None
        sp = _HEADER_SPEAKER_RE.match(low, ps)
        if _HEADER_REPLY_RE.fullmatch(low, ps if sp is None else sp.end(), pe) is None:
            if name is None or (above is not None and above[0] == name):
                words = _same_speaker(low, ps, c)
                if words is not None:
                    return words[0], pe, words[1]
            return None
        # (another's short reply, under its own header: the turn above that one)
        if above is None or (name is not None and above[0] == name):
            return None
        sc = _HEADER_SPEAKER_RE.match(low, c)
        if sp is not None and sc is not None and _speaker(sp) == _speaker(sc):
            return None
        ps, pe = _line_before(low, above[1])
    return None


def _header_join(low: str, ls: int) -> Edit | None:
    """The pause that joins a number around the header at line start ls, if any."""
    head = _head(low, ls)
    if head is not None:  # a header: the number goes on after it
        c = head[2]
        while c < len(low) and low[c] in _BLANK:
            c += 1
        turn = _turn_above(low, head[0], head[1], c)
        if turn is None:
            return None
        lo, pe, c = turn
    else:  # a time stamp at the start of this line and of the one before
        ps, pe = _line_before(low, ls)
        b = _HEADER_BARE_RE.match(low, ls)
        first = _HEADER_BARE_RE.match(low, ps)
        if b is None or first is None or pe != ls - 1:
            return None
        lo, c = first.end(), b.end()
    # (a part that ends with its dash goes on at once: "it's 017-67-" / "8751.")
    dashed = pe - lo >= 2 and low[pe - 1] == "-" and "0" <= low[pe - 2] <= "9"
    if pe <= lo or not (
        (dashed or _digit_item_before(low, lo, pe))
        and (_digit_item_at(low, c) or _dash_item_at(low, c))
    ):
        return None
    pause = "0" <= low[pe - 1] <= "9" or low[pe - 1] in _TURN_TAIL
    gap = "" if dashed else " " if pause else ", "
    return (pe, c, gap, [(pe, c)] * len(gap))


# a turn that goes on with a spoken or written dash, then the digits ("dash zero zero
# three.", "and then dash 001")
_DASH_START_RE = re.compile("(?:(?:and )?then )?(?:-|" + _DASH_SRC + ")[ ,]+")


def _dash_item_at(low: str, c: int) -> bool:
    """Does low go on at c with a dash and then a digit or a digit word?"""
    m = _DASH_START_RE.match(low, c)
    return m is not None and _digit_item_at(low, m.end())


# (a homophone may be one of the words: "700 three too 3781"; or a one-digit word of any
# language: "041 tres siete 0363")
_SANDWICH_WORDS: dict[str, str] = {
    **{w: d for w, d in _WORDS.items() if len(d) == 1 and d.isdigit()},
    **_R["homophones"],
    **_R["homophone_chain_words"],
}
_SANDWICH_RE = re.compile(
    _R["numeral_sandwich"].replace("D", "|".join(sorted(_SANDWICH_WORDS, key=len, reverse=True)))
)
_SANDWICH_HINT_RE = re.compile("[0-9]{3} [a-z]")
_SANDWICH_TENS_RE = re.compile(_R["numeral_sandwich_tens"])
_SANDWICH_SPLIT_RE = re.compile(" y | e |[- ]")


def _numeral_sandwiches(norm: str) -> list[Edit]:
    """Each middle group of a 3-2-4 number said in two one-digit words between numerals
    ("803 nine one 5224"): its digits (numeral_sandwich)."""
    low = _lower(norm)
    if _SANDWICH_HINT_RE.search(low) is None:
        return []
    out: list[Edit] = []
    for m in _SANDWICH_RE.finditer(low):
        a, b = m.group(1), m.group(2)
        digits = _SANDWICH_WORDS[a] + _SANDWICH_WORDS[b]
        out.append((m.start(1), m.end(2), digits, [m.span(1), m.span(2)]))
    if out:
        return out
    for m in _SANDWICH_TENS_RE.finditer(low):
        two = _two_digits(_SANDWICH_SPLIT_RE.split(m.group(1)))
        if two is not None:
            out.append((m.start(1), m.end(1), two, [m.span(1)] * 2))
    return out


def _two_digits(words: list[str]) -> str | None:
    """The two digits a teen, or a tens word and perhaps a unit word, read as ("thirteen"
    13, "treinta", "cuatro" 34), or None."""
    first = _WORDS.get(words[0], "")
    if len(words) == 1:
        if first[:1] == "t":
            return first[1] + "0"
        return first if len(first) == 2 and first.isdigit() else None
    unit = _WORDS.get(words[1], "")
    return first[1] + unit if first[:1] == "t" and unit in _UNITS else None


_BRACKET_PAUSE_RE = re.compile(_R["bracket_pause"])


def _bracket_pauses(norm: str) -> list[Edit]:
    """Each time stamp or sound tag in square or angle brackets between two items of a
    spoken number (or a sound's name in parentheses): a pause (bracket_pause)."""
    if "[" not in norm and "<" not in norm and "(" not in norm:
        return []
    low = _lower(norm)
    return [
        (m.start(), m.end(), " ", [m.span()])
        for m in _BRACKET_PAUSE_RE.finditer(low)
        if _digit_item_before(low, max(0, m.start() - _PART_REACH), m.start())
        and _digit_item_at(low, m.end())
    ]


_SPACED_OH_RE = re.compile(_R["spaced_oh"])


def _spaced_ohs(norm: str) -> list[Edit]:
    """Each "oh" said for a zero in a run of single spaced numerals ("7 1 8 oh 9 7 9 9
    4"): a 0 (spaced_oh)."""
    low = _lower(norm)
    if "o " not in low and "oh " not in low:
        return []
    out: list[Edit] = []
    for m in _SPACED_OH_RE.finditer(low):
        pos = m.start()
        for token in m.group().split(" "):
            if token[0] == "o":
                out.append((pos, pos + len(token), "0", [(pos, pos + len(token))]))
            pos += len(token) + 1
    return out


_GROUPED_OH_RE = re.compile(_R["grouped_oh"])
_GROUPED_OH_MIN, _GROUPED_OH_MAX = _R["grouped_oh_digits"]
# the items of such a run, one by one: a digit, an "oh", a dash said or typed
_OH_RUN_TOKEN_RE = re.compile("[0-9]|oh?|dash|-")


def _grouped_ohs(norm: str) -> list[Edit]:
    """Each "oh" said for a zero among groups of numerals that hold an identifier's
    digits with it ("451 oh 1 99 31", "oh 62 47 39 35"): a 0 (grouped_oh). A run with
    a dash, said or typed, is read as dictation reads it: the dashes part its groups and
    the spaces go ("77 dash oh 66 oh 286" is 77-0660286)."""
    low = _lower(norm)
    if "o " not in low and "oh " not in low:
        return []
    out: list[Edit] = []
    for m in _GROUPED_OH_RE.finditer(low):
        s, e = m.span()
        tokens = list(_OH_RUN_TOKEN_RE.finditer(low, s, e))
        ohs = [t.span() for t in tokens if t.group()[0] == "o"]
        numerals = sum(t.group().isdigit() for t in tokens)
        if not ohs or not numerals < _GROUPED_OH_MIN <= numerals + len(ohs) <= _GROUPED_OH_MAX:
            continue
        if len(ohs) + numerals == len(tokens):  # no dash: only the "oh"s change
            out.extend((a, b, "0", [(a, b)]) for a, b in ohs)
            continue
        chars = [
            t.group() if t.group().isdigit() else "0" if t.group()[0] == "o" else "-"
            for t in tokens
        ]
        out.append((s, e, "".join(chars), [t.span() for t in tokens]))
    return out


_KEYPAD_GROUPS_RE = re.compile(_R["keypad_groups"])


def _keypad_groups(norm: str) -> list[Edit]:
    """The star or pound key keyed between a number's groups ("764#21#4902",
    "64*3476498"): a hyphen (keypad_groups)."""
    if "*" not in norm and "#" not in norm:
        return []
    out: list[Edit] = []
    for m in _KEYPAD_GROUPS_RE.finditer(norm):
        for at in range(m.start(), m.end()):
            if norm[at] in "*#":
                out.append((at, at + 1, "-", [(at, at + 1)]))
    return out


# the fewest digits of a group said again after a pause that begins a number over (a
# single digit spaced from the next says nothing: "9 0 7... 7 5... 1 7 4 6")
_RESTART_GROUP = 3


def _numeral_pauses(norm: str) -> list[Edit]:
    """A dictation's pause between numerals ("987... 82", "950 comma 85"): gone; not one
    before the same group said again, a number begun over ("Discover 6513 ... 6513 8543
    ...")."""
    if not any(hint in norm for hint in _NUMERAL_PAUSE_HINTS):
        return []
    out: list[Edit] = []
    for m in _NUMERAL_PAUSE_RE.finditer(norm):
        s, e = m.span()
        b = s
        while b > 0 and "0" <= norm[b - 1] <= "9":
            b -= 1
        a = e
        while a < len(norm) and norm[a] == " ":
            a += 1
        if (
            s - b >= _RESTART_GROUP
            and norm.startswith(norm[b:s], a)
            and not "0" <= norm[a + s - b : a + s - b + 1] <= "9"
        ):
            continue
        out.append((s, e, "", []))
    return out


_DOTTED_RE = re.compile(_R["dotted_digits"].replace("D", _DIGIT_WORD_ALT))


def _dotted_digits(norm: str) -> list[Edit]:
    """A number dictated one digit a sentence ("SSN 1. 1. 8. 9. 5. 5. 6. 6. 7."): each
    full stop between its digits a comma (dotted_digits)."""
    if norm.count(". ") < _R["dotted_digits_min"]:
        return []
    low = _lower(norm)
    return [
        (i, i + 1, ",", [(i, i + 1)])
        for m in _DOTTED_RE.finditer(low)
        for i in range(m.start(), m.end())
        if low[i] == "."
    ]


def _joins(norm: str, starts: list[int] | None, ends: list[int] | None):
    """The first rewrites, each where its mark is in the text: soft line breaks, quote
    prefixes, time stamps and transcript turns inside a number, a dictation's ellipsis between
    numerals, other scripts' digit words and numbers a recogniser wrote as a time, a sum,
    a phone number or a date."""
    steps = (
        _underscores,
        _bracket_boxes,
        _camel_keys,
        _spelled_letters,
        _boxed_digits,
        _soft_breaks,
        _quote_joins,
        _stamp_joins,
        _header_joins,
        _turn_joins,
        _part_joins,
        _word_corrections,
        _stutters,
        _restarts,
        _asides,
        _bracket_pauses,
        _spaced_ohs,
        _grouped_ohs,
        _keypad_groups,
        _numeral_pauses,
        _dotted_digits,
        _script_digits,
    )
    for step in steps:
        edits = step(norm)
        if edits:
            norm, starts, ends = _apply(norm, starts, ends, edits)
    edits = _transcribed(norm)
    if edits:
        norm, starts, ends = _apply(norm, starts, ends, edits)
    return norm, starts, ends


def _rewrite(norm: str, starts: list[int] | None, ends: list[int] | None):
    """The rewrites before corrections (rewrite())."""
    norm, starts, ends = _joins(norm, starts, ends)
    norm, starts, ends, words, hint, counts = _close_up(norm, starts, ends)
    digit, o_runs, _ = counts or _gate_counts(words)
    norm = _look_alikes(norm, o_runs, hint)
    if not digit:
        return norm, starts, ends, None
    edits = _numeral_sandwiches(norm)  # (only where a digit word is: "803 nine one 5224")
    if edits:
        norm, starts, ends = _apply(norm, starts, ends, edits)
    low = None
    if digit >= _RUN_WORDS:
        low = latin_lower(norm)
        edits = _digit_words(low)
        if edits:
            norm, starts, ends = _apply(norm, starts, ends, edits)
            low = None
    # two digit words (two strong ones, one among three, or weak ones dashed to a
    # numeral: _strong_enough), or a "double" or "triple"
    # (or one, among enough one-digit numerals: _said_singly, or right after a cue:
    # _cued_whole)
    pairs = _mixed_pairs(norm)
    if pairs is None:
        return norm, starts, ends, low
    low = low or latin_lower(norm)  # the same length: the pairs' places hold
    edits = _mixed_words(low, pairs)
    if edits:
        norm, starts, ends = _apply(norm, starts, ends, edits)
        return norm, starts, ends, None
    return norm, starts, ends, low


def _mixed_words(low: str, pairs: tuple[bytes, bytes]) -> list[Edit]:
    """Runs of digit words and digit groups ("229 97 three eight five one"), read like a
    run of digit words (a space joins: dictation puts pauses anywhere), that hold enough
    digit words other than the weak ones (_strong_enough) and a number's digits."""
    return _run_edits(low, _mixed_runs(low, pairs), _MIXED_MIN, _MIXED_MAX, 2)


def _mixed_reach() -> int:
    """How many runs of [a-z0-9] can stand in a mixed run before the one that holds the
    digit group of its first digit group and digit word side by side: the items before
    that pair (at most the repeat's maximum) and its first item, each with a separator
    after it (a spoken dash: one run), each item a digit word (up to two runs: "zéro") or
    a digit group (one)."""
    m = re.match(
        r"\(\?<!\[a-z0-9\]\)\(\?:\(\?:W\|\[0-9\]\{1,7\}\)(.*?)\)\{0,([0-9]+)\}\(\?:\[0-9\]",
        _R["digit_word_mixed_run"],
        re.S,
    )
    if m is None:
        raise ValueError("rewrites.digit_word_mixed_run changed: update _mixed_reach")
    word_runs = max(len(re.findall("[a-z0-9]+", w)) for w in _WORDS)
    return (int(m.group(2)) + 1) * (word_runs + 1)


# sre tries the mixed run's pattern (a leading lookbehind) at every word of a text that
# passes its gates, and in a flood of digit words each try reads the repeat's twenty
# items before it fails: 2.4 µs a character. A run starts where a run of [a-z0-9] starts
# and holds a digit group beside a digit word within _MIXED_REACH runs of its start, so
# the pattern is tried (match, in order) only at the starts of the runs up to
# _MIXED_REACH before each such digit group _mixed_pairs finds: the same runs as a
# search, in time bounded by the pairs (V8 compiles the shared source and searches).
_MIXED_REACH = _mixed_reach()
_ALNUM_RUN_RE = re.compile("[a-z0-9]+")


def _mixed_runs(low: str, pairs: tuple[bytes, bytes]):
    """The matches of MIXED_RUN_RE in low, as finditer would give them, found from the
    places of the pairs (_mixed_pairs)."""
    ahead, behind = pairs
    floor = 0  # every place before it is tried, or inside a run found
    after = 0  # where to look for the next pair
    a = b = -1  # the next pair of each kind at or after `after`, once looked for
    while True:
        if a < after:
            hit = _PAIR_AHEAD_RE.search(ahead, after)
            a = len(ahead) if hit is None else hit.start()
        if b < after:
            b = behind.find(b"P", after)
            b = len(behind) if b < 0 else b
        p = min(a, b)
        if p == len(ahead):
            return
        after = p + 1
        width = 16 * (_MIXED_REACH + 1)
        while True:  # the starts of the runs up to p's and the _MIXED_REACH before it
            lo = max(floor, p - width)
            starts = [m.start() for m in _ALNUM_RUN_RE.finditer(low, lo, p + 1)]
            if len(starts) > _MIXED_REACH or lo == floor:
                break
            width *= 4
        for x in starts[-_MIXED_REACH - 1 :]:
            if x < floor:
                continue
            m = MIXED_RUN_RE.match(low, x)
            floor = x + 1
            if m is not None:
                floor = m.end()
                after = max(after, floor)
                yield m


def _apply(norm: str, starts, ends, edits: list[Edit]):
    def start(i: int) -> int:
        return i if starts is None else starts[i]

    def end(i: int) -> int:  # end of norm character i in the original
        return start(i) + 1 if ends is None else ends[i]

    def keep(a: int, b: int) -> None:  # norm[a:b] unchanged: copy its maps in bulk
        if starts is None:
            ns.extend(range(a, b))
            ne.extend(range(a + 1, b + 1))
        else:
            ns.extend(starts[a:b])
            ne.extend(ends[a:b] if ends is not None else [x + 1 for x in starts[a:b]])

    parts: list[str] = []
    ns: list[int] = []
    ne: list[int] = []
    pos = 0
    for s, e, out, src in edits:
        parts.append(norm[pos:s])
        keep(pos, s)
        parts.append(out)
        for a, b in src:
            ns.append(start(a))
            ne.append(end(b - 1))
        pos = e
    parts.append(norm[pos:])
    keep(pos, len(norm))
    return "".join(parts), ns, ne
