"""Scopes wider than a sentence, read off the original text's lines.

- A table column: a header row (tab-, pipe-, comma- or space-aligned cells) whose cell
  names an identifier ("SSN", "Routing", "TIN", "Fed ID") governs the cells under it;
  a column named otherwise (amounts, dates, "Account Number") claims its cells as
  not identifiers.
- A list: a line that ends with ":" (or "below", "as follows") and names an
  identifier ("SSNs for everyone on the return:") governs the "label: value" or
  bullet items under it, unless an item's label has a cue of its own.
- A check line: a line holding only a check's bottom numbers typed out (routing,
  account and perhaps check number, "221417058 0091734452 2231"): the first is a
  routing number if it passes the routing checks.
- A back reference: a later sentence names a number by its place and says what it is
  ("... 246804358 and 198-502896. The first one is the routing").
- A mask: a number masked but for its last four digits (XXX-XX-7488) names the kind
  of a number of nine digits that ends in the same four.
- The topic: the subject line, the opening sentence and any quoted question name
  one kind of identifier; a number presented on a line of its own ("Here it is:",
  "Sure, it's 073914770.") with no cue of its own takes that kind (in a text of one
  line, only bare digits a later sentence presents after a colon).

scopes(text) returns (forced, fallback, notes): dicts from an original offset where a
number starts to the kind of cue it takes ("none" for a column that names no
identifier), and to the scope in words (for --explain; the browser twin has no notes).
The JavaScript twin (app/static/js/pii-scopes.mjs) follows it line by line.
"""

from __future__ import annotations

import re
import string
from bisect import bisect_left
from collections.abc import Callable
from itertools import pairwise

# the stdlib's own regex parser: how long a heading's mark can be (_HEADING_REACH)
from re import _parser  # type: ignore[attr-defined]

from ._checks import _fein_ok, _ssn_or_itin
from ._normalise import latin_lower
from ._rules import (
    BUSINESS_NAME_RE,
    CLOCK_RE,
    CT_BASE_MIN,
    CT_LOC,
    CUE_KINDS,
    CUE_RE,
    CUE_WINDOW,
    DIGITS_TO_ZERO,
    HEADER_LINE_RE,
    MIN_DIGITS,
    PLURAL_CUE_RE,
    RULES,
    SENTENCE_END_RE,
)

_S = RULES["scopes"]
_QUOTE_RE = re.compile(_S["quote_prefix"])
_ASCII_LETTER_RE = re.compile("[A-Za-z][A-Za-z]")  # a letter each side of a hard wrap
# a hard wrap between two letters, with the quote prefix after it: a space for the topic
_WRAP_RE = re.compile("(?<=[A-Za-z])\n(?:[ \t]*>)*[ \t]?(?=[A-Za-z])")
_QUOTE_HEADER_RE = re.compile(_S["quote_header"])  # matched against a lower-cased line
_COLUMN_LIST_RE = re.compile(_S["column_list"])  # so is this
_SLASHED_MIN = 2  # slashes between the column names a sentence lists
_HEADER_MONEY_RE = re.compile(_S["header_money"])
_HEADER_END_RE = re.compile("[-_:][ \t]*\r?(?:\n|$)")  # how every line it matches ends
_QUOTE_HEADER_ENDS = (":", "-", "_")
_DIGITS = frozenset("0123456789")
_ALIGNED_RE = re.compile(_S["aligned_gap"])
# could_be_scoped() and _mode() test the patterns below by what they must hold before
# running them; a change to one of them must update those tests
if _S["aligned_gap"] != " {2,}":
    raise ValueError("scopes.aligned_gap changed: update _ALIGNED_GAP")
_ALIGNED_GAP = "  "
# a thousands separator ("32,660.48"), no cell break in a space-aligned row
_THOUSANDS_COMMA_RE = re.compile("(?<=[0-9]),(?=[0-9]{3}(?![0-9]))")
_RULE_LINE_RE = re.compile(_S["rule_line"])
_ROW_TYPE_RE = re.compile(_S["row_type"])
_ROW_TYPES: dict[str, str] = _S["row_types"]
_ITEM_RE = re.compile(_S["list_item"])
_SHAPED_ITEM_RE = re.compile(_S["shaped_item"])
_BARE_ITEM_RE = re.compile(_S["bare_item"])
_SHAPED_CT_ITEM_RE = re.compile(_S["shaped_ct_item"])
_BARE_CT_ITEM_RE = re.compile(_S["bare_ct_item"])
_SHAPED_FEIN_ITEM_RE = re.compile(_S["shaped_fein_item"])
_LABEL_DASH_RE = re.compile(_S["label_dash"])
_ROSTER_NAME_RE = re.compile(_S["roster_name"])
# a roster's row with one space between the name and its number ("Smith J 795554036")
_SPACED_ROW_RE = re.compile(_S["spaced_row"].replace("NAME", _S["roster_name"]))
_ROSTER_WORD_RE = re.compile(_S["roster_word"])
_NINE_DIGITS_RE = re.compile("[0-9]{9}")
_GLUED_DASHES = frozenset("-–—")
# (or masked: "XXX-XX-5665" among "862527500" rows is an SSN's column)
_ROSTER_ID_RE = re.compile(
    "[0-9]{9}|[0-9]{3}-[0-9]{2}-[0-9]{4}|[0-9]{2}-[0-9]{7}|[Xx*•]{3}-[Xx*•]{2}-[0-9]{4}"
)
_SSN_WRITTEN, _FEIN_WRITTEN = 11, 10  # the lengths of 123-45-6789 and 12-3456789
_HEADING_RE = re.compile(_S["list_heading"], re.IGNORECASE)
DENIED_LIST_RE = re.compile(_S["denied_list"])
# the kind a denied list's items take: none, and their shape alone makes none of them one
DENIED = "denied"
# A heading's mark ends its line: in a line without trailing spaces a match starts at
# most this many characters before the end, where the search starts (Python only: sre
# would try the pattern at every character of the line)
if not _S["list_heading"].endswith("[ \\t]*$"):
    raise ValueError("scopes.list_heading no longer ends its line: update _HEADING_REACH")
_HEADING_REACH: int = _parser.parse(_S["list_heading"][: -len("[ \\t]*$")]).getwidth()[1]
_SUBJECT_RE = re.compile(_S["subject"], re.IGNORECASE)
_PRESENT_RE = re.compile(_S["presenting_line"])
_LEADING_RE = re.compile(_S["leading_line"])
# the same with a name run on to the number, as a form's row of values copied out of a
# PDF reads ("TamaraIyer228048210" under "... Last nameSocial Security Number")
_PRESENT_GLUED_SRC = _S["presenting_line"].replace(
    "{0,6}([0-9]", "{0,6}(?:[A-Za-z'’]*[a-z])?([0-9]", 1
)
if _S["presenting_line"] == _PRESENT_GLUED_SRC:
    raise ValueError("scopes.presenting_line changed: update _PRESENT_GLUED_SRC")
_PRESENT_GLUED_RE = re.compile(_PRESENT_GLUED_SRC)
# a turn's answer: a presenting line, perhaps a few words after its number
_ANSWER_RE = re.compile("(?:" + _S["presenting_line"] + ")(?:" + _S["answer_tail"] + ")?")
_SPEAKER_RE = re.compile(_S["speaker_turn"])
_PIECE_TURN_RE = re.compile(_S["piece_turn"])
_PIECE_GAP_TURNS: int = _S["piece_turn_gap"]
_PIECE_GAP_WORDS: int = _S["piece_turn_gap_words"]
_TURN_DIGIT_RE = re.compile("[ \t]*[0-9]")
_NOT_SPEAKERS = frozenset(_S["speaker_not"])
_PERSON_NUMBER_RE = re.compile(_S["person_number"])
# a turn that is nothing but a number read out in words: the words a spoken number is
# made of (digit words, spoken dashes, fillers, homophones), lower-cased
_W = RULES["rewrites"]
_SPOKEN_WORDS = frozenset(
    (*_W["digit_words"], *_W["digit_word_dashes"], *_W["filler_words"], *_W["homophones"])
)
_SPOKEN_MIN_WORDS: int = _S["spoken_turn_min_words"]
_LETTERS_RE = re.compile(r"[^\W\d_]+")
_SPOKEN_LEAD = frozenset(_S["spoken_turn_lead"])
_SPOKEN_TAIL = frozenset(_S["spoken_turn_tail"])
_SPOKEN_COPULA_RE = re.compile(_S["spoken_turn_copula"])
_SPOKEN_COPULA_WORDS: int = _S["spoken_turn_copula_words"]
_SPOKEN_GAPS = frozenset(" \t,.;!?…-–—")
_RELATION_LABEL_RE = re.compile(_S["relation_label"], re.IGNORECASE)
_PRESENT_SENTENCE_RE = re.compile(_S["presenting_sentence"])
_SENTENCE_BOUNDARY_RE = re.compile(_S["sentence_boundary"])
_CHECK_LINE_RE = re.compile(_S["check_line"])
_TXP_RE = re.compile(_S["txp_addenda"])
_BACK_RE = re.compile(_S["back_reference"])
# kinds named in a list and numbers listed "respectively" (scopes.in_order)
_IN_ORDER_RE = re.compile(_S["in_order"])
_IN_ORDER_HINTS: tuple[str, ...] = tuple(_S["in_order_hints"])
_IN_ORDER_JOINERS = "|".join(_S["in_order_joiners"])
_IN_ORDER_SEP_RE = re.compile(_S["in_order_separator"].replace("J", _IN_ORDER_JOINERS))
_IN_ORDER_BETWEEN_RE = re.compile(_S["in_order_between"].replace("J", _IN_ORDER_JOINERS))
# a number that may open with a few letters ("L2241827275"), and a sentence's end
_IN_ORDER_ITEM_RE = re.compile(_S["in_order_item"])
_ITEM_LETTERS = string.ascii_letters
_IN_ORDER_END_RE = re.compile(_S["in_order_end"])
# kinds named by the numbers' places in a sentence beside them (scopes.ordinal)
_ORDINAL_RE = re.compile(_S["ordinal"])
_ORDINAL_HINTS: tuple[str, ...] = tuple(_S["ordinal_hints"])
_ORDINAL_PLACES: dict[str, int | None] = _S["ordinal_places"]
_ORDINAL_END_RE = re.compile(_S["ordinal_end"])
_ORDINAL_MIN_DIGITS: int = _S["ordinal_min_digits"]
_ORDINAL_BETWEEN_RE = re.compile(_S["ordinal_between"].replace("J", _IN_ORDER_JOINERS))
_ORDINAL_BEFORE_RE = re.compile(_S["ordinal_before"])
_ORDINAL_REACH: int = _S["ordinal_reach"]
_FOOT_MIN_COLUMNS: int = _S[
    "foot_header_min_columns"
]  # a header at a table's foot  # how far back or on the numbers are looked for
_MASKED_RE = re.compile(_S["masked_last_four"])
_CAMEL_RE = re.compile("(?<=[a-z])(?=[A-Z])")
_FIELD_RE = re.compile(_S["field"])
# a field's name: also "CTTax" apart, and a digit before a capital ("W2Employer")
_FIELD_CAMEL_RE = re.compile("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_FIELD_TYPE_RE = re.compile(_S["field_type"])
_FIELD_TYPE_REACH: int = _S["field_type_reach"]
_FIELD_TYPE_KINDS = {"ssn": "ssn", "itin": "itin", "fein": "fein", "ein": "fein"}
_QUOTED_RE = re.compile('"[^"\n]*"')
# the words that place a number in a back reference
_BACK_PLACES = {
    "first": 0,
    "1st": 0,
    "top": 0,
    "second": 1,
    "2nd": 1,
    "third": 2,
    "3rd": 2,
    "last": -1,
    "bottom": -1,
}
_LONG_NUMBER_RE = re.compile("[0-9](?:[0-9]|[-. /][0-9])*")
# where the sentences of a back reference and of the numbers it counts end
_BACK_END_RE = re.compile("[.!?](?=[ \t\n])|\n")
_BACK_SENTENCE = 400  # characters a back reference reads each way
_ANAPHOR_RE = re.compile(_S["anaphor"])
# a header cell holds no number: five digits in it, joined or not, make it a data row
# ("097-32-7176   <- ssn (column D)" is a row with a note, not a header)
_HEADER_MAX_DIGITS = 4
_HEADER_FORM_RE = re.compile("(?<![0-9])(?:" + "|".join(RULES["form_numbers"]) + ")(?![0-9])")
_DIGIT_RE = re.compile("[0-9]")
_ITEM = (
    "[ \\t]*((?:[-*•·]|#?[0-9]{1,2}[.)]?(?=[ \\t]))[ \\t]*)?([^:=0-9\\t\\n]{0,LABEL}?)[ \\t]*"
    "(:|=|,|\\||[ \\t]?[-–—]|\\t|(?=[ \\t])|^)[ \\t]*([0-9])"
)
if _S["list_item"] != _ITEM.replace("LABEL", str(_S["max_label"])):
    raise ValueError("scopes.list_item changed: update _ITEM_MAX_INK")
_ITEM_MAX_INK = len("#12.") + _S["max_label"] + len(":")
# every anaphor ends in "is", "was", "es", "é", "be", "it's", "mine's", "está" or "tiene",
# or is "correct", "corrected", "correct one" or "correct number" before a colon, then
# spaces or a colon, then N
_ANAPHOR_ENDS = "sedtréaá"
if _S["anaphor"] != (
    "(?<![A-Za-z])(?:(?:(?:(?:[Tt]he|[Mm]y|[Oo]ur|[Tt]his) (?:correct|new|right|updated|real|"
    "actual|proper|old|previous|former|original|wrong|first)|(?:Correct|New|Right|Updated|Real|"
    "Actual|Proper|Old|Previous|Former|Original|Wrong)|(?<=[—–,;(-] )(?:correct|new|right|old|"
    "previous|former|wrong)) (?:one|number)|"
    "(?:[Hh]is|[Hh]er|[Tt]heir) (?:own )?(?:number|one)|"
    "(?:[Tt]he|[Oo]ur|[Mm]y) (?:new )?(?:company|business|corporation|corp|llc|church|store|"
    "shop|firm|restaurant|entity)['’]?s (?:new )?(?:number|one)|"
    "[Tt]he number|[Hh]is|"
    "[Hh]ers|[Tt]heirs|[Mm]ine|(?:[Mm]y|[Oo]ur) own|[Ss]u n[uú]mero|[Ii]t)(?: now)? "
    "(?:is|was|should be|would be|es)|"
    "(?:[Ee]l|[Ll]a) (?:m[ií][oa]|suy[oa]|correct[oa]|nuev[oa]|buen[oa]|de (?:mi|su) "
    "[a-zñáéíóú]{1,12}) es|(?:[Oo]|[Aa]) (?:meu|minha|dele|dela|correto|correta|certo|certa|"
    "novo|nova|(?:do|da) (?:meu|minha) [a-zçãõáéíóú]{1,12}) [eé]|"
    "[Aa]qu[ií] (?:est[aá]|(?:se )?(?:l[oa] )?tiene|segue)|[Ii]t['’]?s|"
    "[Mm]ine['’]s|[Cc]orrect(?:ed)?(?: (?:one|number))?(?=:))[ :]+([0-9])"
):
    raise ValueError("scopes.anaphor changed: update _ANAPHOR_ENDS")


def _anaphor_end(last: str, before: str) -> bool:
    """Could an anaphor end in the letter last, the three characters before being before?
    Its last letter is one of _ANAPHOR_ENDS, and an "a" or "á" only in "está" ("aquí
    está: N", the one anaphor ending so): a quick test before the pattern, which most
    numbers after a word in "a" would otherwise run."""
    return last in _ANAPHOR_ENDS and (last not in "aá" or before == "est")


# how many characters an anaphor takes before its spaces or colon and N
_ANAPHOR_REACH: int = _parser.parse(_S["anaphor"][: -len("[ :]+([0-9])")]).getwidth()[1]
if not (
    _S["presenting_line"].endswith("[ .!)]*") and _S["presenting_sentence"].endswith("[ .!)]*")
):
    raise ValueError("scopes.presenting_* changed: update the test before them in could_be_scoped")
_DIGITS = frozenset("0123456789")
_MAX_HEADER_CELL: int = _S["max_header_cell"]
# a header cell naming a column as a document's number ("claim_no", "parcel_id"), and the
# quick test that such a cell could be in a text (_cues._Text.may_deny): the same words as
# whole words, so that "po" in "report" does not make every text read its scopes
_NEGATIVE_COLUMN_RE = re.compile(_S["negative_column"])
NEGATIVE_COLUMN_GATE_RE = re.compile("(?<![a-z0-9])(?:" + _S["negative_column"] + ")(?![a-z])")
# the kind of a column a header of such columns leaves to the other rules
SKIP = "skip"
# a line holding only a number, under a one-cell header
_COLUMN_VALUE_RE = re.compile(_S["column_value"])
_MAX_LABEL: int = _S["max_label"]
# cue kinds that name an identifier (the others are "void", "neg" and "neg_bare")
ID_KINDS = frozenset(("ssn", "itin", "fein", "taxid", "ct", "routing"))
_VOID = CUE_KINDS.index("void") + 1
_TOPIC_IGNORE = frozenset(_S["topic_ignore"])
_HEADER_NAME_WORDS = 3
# a word that makes a header cell a number's name ("CT Withholding #", "ct Withholding Id")
_HEADER_ID_WORD_RE = re.compile(_S["header_id_word"])
_TOPIC_OWNER_RE = re.compile(_S["topic_owner"])
_TOPIC_OWNER_REACH: int = _S["topic_owner_reach"]
_TOPIC_STATE_NOUN_RE = re.compile(_S["topic_state_noun"])
_TOPIC_NEGATION_RE = re.compile(_S["topic_negation"])
_CLAUSE_BREAKS = ",;:!?.\n"


_low = latin_lower


def _cues(s: str, topic: bool = False, header: bool = False, negated: bool = False) -> list[str]:
    """Kinds of the cues in s, in order ("neg" for both negative kinds); for the topic,
    without the words common in addresses and signatures, nor a cue negated in its
    clause ("... registration number (not your federal EIN)") unless negated is set; for
    a header cell, without those words beside a word of money ("CT wages") or in a cell
    of three words or more with no word for a number ("CT DEPT OF REVENUE SVCS")."""
    out: list[str] = []
    low = _low(s)
    for m in CUE_RE.finditer(low):
        group = m.lastindex
        if group is None or group == _VOID:
            continue
        if topic and (_ignored(low, m) or (not negated and _negated(low, m.start()))):
            continue
        # (nor, in a header cell of three words or more, a name only: "CT DEPT OF REVENUE
        # SVCS" is a payee, no column's name)
        if (
            header
            and m.group() in _TOPIC_IGNORE
            and (
                _HEADER_MONEY_RE.search(low)
                or (len(low.split()) >= _HEADER_NAME_WORDS and not _HEADER_ID_WORD_RE.search(low))
            )
        ):
            continue
        k = CUE_KINDS[group - 1]
        # (a header cell's bare word after an identifier's name describes that column:
        # "tin_read_on_call" is still the TIN's)
        if header and k == "neg_bare" and any(kind in ID_KINDS for kind in out):
            continue
        out.append("neg" if k == "neg_bare" else k)
    return out


def _ignored(low: str, m: re.Match) -> bool:
    """Is the cue m a word too common to set the topic, with no owner just before it
    ("your social" sets it: scopes.topic_owner) or naming the state's taxes ("your ct
    taxes": scopes.topic_state_noun)?"""
    s = m.start()
    return m.group() in _TOPIC_IGNORE and (
        _TOPIC_OWNER_RE.search(low[max(0, s - _TOPIC_OWNER_REACH) : s]) is None
        or _TOPIC_STATE_NOUN_RE.match(low, m.end()) is not None
    )


def _negated(low: str, start: int) -> bool:
    """Does a negation come before low[start] in its clause (at most CUE_WINDOW
    characters back, which keeps a long opening sentence linear)?"""
    lo = max(0, start - CUE_WINDOW)
    cut = max(low.rfind(c, lo, start) for c in _CLAUSE_BREAKS)
    return _TOPIC_NEGATION_RE.search(low, max(cut + 1, lo), start) is not None


def _lines(text: str) -> list[tuple[int, str]]:
    """(offset, line) for each line, without its quote prefix and trailing CR."""
    out = []
    pos = 0
    n = len(text)
    while pos <= n:
        end = text.find("\n", pos)
        if end < 0:
            end = n
        line = text[pos:end]
        if line.endswith("\r"):
            line = line[:-1]
        m = _QUOTE_RE.match(line)
        off = m.end() if m else 0
        out.append((pos + off, line[off:]))
        pos = end + 1
    return out


def _split(line: str, sep: str) -> list[tuple[int, int]]:
    """(start, end) of each part of line between the separators sep."""
    bounds, start = [], 0
    i = line.find(sep)
    while i >= 0:
        bounds.append((start, i))
        start = i + len(sep)
        i = line.find(sep, start)
    bounds.append((start, len(line)))
    return bounds


def _unquoted(line: str) -> str:
    """line with the inside of each double-quoted field made "x" (same length): a CSV
    quotes a cell that holds its separator ('"Delgado, Ruben",113573855,6500.00')."""
    if '"' not in line:
        return line
    return _QUOTED_RE.sub(lambda m: '"' + "x" * (len(m.group()) - 2) + '"', line)


_ROW_LABEL_HEAD: int = _S["row_label_head"]  # a header's blank first cell heads row labels


def _cells(line: str, mode: str) -> list[tuple[int, str]]:
    """(offset in line, stripped text) of each cell when the line is split by mode
    (", " is a CSV pasted with a space after each comma: "Petrov, 646617143"); a
    separator inside double quotes separates nothing."""
    plain = _unquoted(line)
    if mode == "  ":
        bounds, start = [], 0
        for m in _ALIGNED_RE.finditer(plain):
            bounds.append((start, m.start()))
            start = m.end()
        bounds.append((start, len(line)))
    else:
        bounds = _split(plain, mode)
        if mode == "|":
            # (a blank first cell as wide as a column of row labels is one: "          |
            # Routing | Account" over "On return | 255966180 | 7838545277")
            if line[: bounds[0][1]].strip() == "" and bounds[0][1] < _ROW_LABEL_HEAD:
                bounds = bounds[1:]
            if bounds and line[bounds[-1][0] :].strip() == "":
                bounds = bounds[:-1]
    out = []
    for s, e in bounds:
        cell = line[s:e]
        stripped = cell.lstrip()
        out.append((s + len(cell) - len(stripped), stripped.rstrip()))
    return out


def _mode(line: str) -> str | None:
    line = _unquoted(line)
    if "\t" in line and "\t" in line.rstrip(" \t\r"):  # (a tab ending a CSV row splits nothing)
        return "\t"
    if line.count("|") >= 2:
        return "|"
    if line.count(";") >= 2:  # a CSV in a European locale: "name;tin;amount"
        return ";"
    aligned = _ALIGNED_GAP in line.strip()
    # (not a space-aligned row of amounts: "RUSSO H   348290833   32,660.48   1,480.46")
    if (
        line.count(",") >= 2
        and ", " not in line
        and (not aligned or _THOUSANDS_COMMA_RE.sub("", line).count(",") >= 2)
    ):
        return ","
    return "  " if aligned else None


def _row_mode(row: str, mode: str, width: int) -> bool:
    """Is row a row of a table split by mode, width cells wide? A row of ", " cells has
    as many as its header: a cell holding ", " would put the rest in the wrong column."""
    if mode == ", ":
        row = _unquoted(row)
        return row.count(", ") == width - 1 and "\t" not in row
    return _mode(row) == mode


def _header(line: str, mode: str) -> list[tuple[str, str]] | None:
    """The kind each column of a header row names, or None if the line is no header. A
    header that names no identifier but names a column as a document's number
    (negative_column) heads its table too: that column DENIED, the others SKIP."""
    cells = _cells(line, mode)
    if len(cells) < 2 or (mode == "  " and len(cells) == 2 and cells[0][1].endswith(":")):
        # (two cells, the first a label: a key-value line, "Station:   Route 6 Fuel")
        return None
    kinds: list[tuple[str, str]] = []
    named = False
    negative: list[bool] = []
    for _off, cell in cells:
        # (a form's number is no number of the row's: "NAME;SSN;1099-G BOX 1;CT SAYS")
        digits = _DIGIT_RE.findall(_HEADER_FORM_RE.sub("", cell))
        if len(cell) > _MAX_HEADER_CELL or len(digits) > _HEADER_MAX_DIGITS:
            return None
        # an export's "StateRegNo", "fed_tax_id": its words apart
        found = _cues(_CAMEL_RE.sub(" ", cell).replace("_", " "), header=True)
        kind = found[-1] if found else "none"
        if kind in ID_KINDS:
            named = True
        else:
            kind = "none"
        # (a cell that names an identifier is no document's column: "Permit #" heads CT
        # sales tax permits, the registration numbers)
        negative.append(
            kind == "none"
            and _NEGATIVE_COLUMN_RE.fullmatch(latin_lower(cell.strip('" '))) is not None
        )
        kinds.append((kind, cell.strip('"')))  # (the words of a CSV's quoted cell)
    if not any(negative):
        return kinds if named else None
    # (such a column's cells are denied, as a denied list's items are: even a number its
    # shape alone would make an identifier)
    return [
        (DENIED if neg else k if named else SKIP, name)
        for (k, name), neg in zip(kinds, negative, strict=True)
    ]


# a form's check box, ticked or not ("[X]", "[ ]", "☐")
_CHECKBOX_RE = re.compile("\\[[ xX✓✔]?\\]|[☐☑☒]")


def _key_values(line: str, mode: str, below: str | None) -> bool:
    """Are line and the line under it a label and its value each, aligned by spaces,
    the label under it an identifier's name ("Bank    Charter Oak FCU" over "Routing
    290698109"): key-value lines, not a header over a row?"""
    if mode != "  " or below is None:
        return False
    labels = [cell for _off, cell in _cells(below, mode) if cell]
    heads = [cell for _off, cell in _cells(line, mode) if cell]
    # (or a label and its colon over the other, the line above holding boxes: "Direct
    # deposit:  [X] Checking   [ ] Savings" over "Routing number:  261656879")
    colons = bool(heads) and heads[0].endswith(":") and labels[:1] != [] and labels[0].endswith(":")
    # (or boxes alone: "Direct Deposit   Checking [X]  Savings [ ]" over "Routing number
    # 211170101", a form's line of choices, no header)
    boxes = any(_CHECKBOX_RE.search(cell) is not None for cell in heads)
    if len(labels) != 2 or (len(heads) != 2 and not colons and not boxes):
        return False
    label = labels[0]
    return _DIGIT_RE.search(label) is None and any(k in ID_KINDS for k in _cues(label, header=True))


def _head_mode(line: str, below: str | None) -> tuple[str | None, str]:
    """How a table under line splits its cells, and the header line to read (line, or
    the column names a sentence of it lists), given the line its rows start on."""
    line = _slashed_columns(line)
    mode = _mode(line)
    commas = _unquoted(line).count(", ") if mode is None else 0
    if commas < 2 or below is None:
        return mode, line
    if _mode(below) == ",":
        # "Last name, first name, SSN, wages:" over rows of bare CSV, or "... upload.
        # Columns are last name, first name, SSN:"
        m = _COLUMN_LIST_RE.search(latin_lower(line))
        if m is not None:
            return ",", m.group(1)
        # (or the names after the line's last colon: "From our vendor master (no
        # headers, sorry): name, tax id, city")
        k = line.rfind(": ")
        return ",", line[k + 2 :] if k >= 0 and line.count(", ", k) >= 2 else line
    if _row_mode(below, ", ", commas + 1):
        return ", ", line  # a header and rows all written with ", " between cells
    if _mode(below) == "\t":
        m = _COLUMN_LIST_RE.search(latin_lower(line))
        if m is not None:  # "Columns are: line, last name, social, ..." over TSV rows
            return "\t", m.group(1).replace(", ", "\t")
    return mode, line


def _slashed_columns(line: str) -> str:
    """The line with the column names a sentence of it lists between slashes ("columns
    are client / FEIN / CT reg / last return filed:") listed between commas instead."""
    if " / " not in line:
        return line
    m = _COLUMN_LIST_RE.search(latin_lower(line))
    if m is None or m.group(1).count(" / ") < _SLASHED_MIN or ", " in m.group(1):
        return line
    return line[: m.start(1)] + line[m.start(1) : m.end(1)].replace(" / ", ", ") + line[m.end(1) :]


def _first_below(lines: list[tuple[int, str]], i: int) -> int:
    """The line a header or heading at line i stands over: the next, or the one after a
    blank line."""
    return i + 2 if i + 2 < len(lines) and not lines[i + 1][1].strip() else i + 1


def _table_at(lines: list[tuple[int, str]], k: int) -> bool:
    """Does a table whose header row names its columns start at line k?"""
    n = len(lines)
    if k >= n:
        return False
    below = _first_below(lines, k)
    row = lines[below][1] if below < n else None
    mode, named = _head_mode(lines[k][1], row)
    return (
        mode is not None and _header(named, mode) is not None and not _key_values(named, mode, row)
    )


def _structures(
    lines: list[tuple[int, str]], forced: dict[int, str], notes: dict[int, str]
) -> None:
    """Tables under their header rows, columns under a one-cell header, and lists under
    their headings."""
    n = len(lines)
    i = 0
    while i < n:
        line = lines[i][1]
        # a header or heading may stand one blank line above its rows or items
        first = _first_below(lines, i)
        row = lines[first][1] if first < n else None
        mode, named = _head_mode(line, row)
        cols = _header(named, mode) if mode is not None else None
        if mode is not None and cols is not None and not _key_values(named, mode, row):
            starts = [off for off, _cell in _cells(named, mode)] if mode == "  " else None
            i = _table_rows(lines, first, mode, cols, forced, notes, starts)
            continue
        if _label_row(lines[i], forced, notes):
            i += 1
            continue
        after = _column_rows(lines, i, forced, notes)
        if after is not None:
            i = after
            continue
        stripped = line.rstrip()
        # (not over a table whose header names its columns: "... for CT purposes:" over
        # "first_name,last_name,type,ssn"; nor a reply's "On ... DRS Taxpayer Services
        # <...> wrote:" over the quoted lines)
        if (
            _HEADING_RE.search(stripped, max(0, len(stripped) - _HEADING_REACH)) is not None
            and not _table_at(lines, first)
            and _QUOTE_HEADER_RE.fullmatch(latin_lower(stripped)) is None
        ):
            after = _heading_list(lines, first, stripped, forced, notes)
            if after is not None:
                i = after
                continue
        i += 1


def _headers_below(
    lines: list[tuple[int, str]], forced: dict[int, str], notes: dict[int, str]
) -> None:
    """Tables whose header row is their last line, a block's last before a blank line or
    the text's end (a register printed with its header at the foot, under a rule line):
    the rows above it, read upwards as the rows under a header are read downwards."""
    n = len(lines)
    for k in range(1, n):
        head = lines[k][1]
        # (a row of column names: no digit, no label's colon, "Bank:   Chase" under
        # "Account:   316100660648")
        if (
            (k + 1 < n and lines[k + 1][1].strip())
            or not head.strip()
            or _DIGIT_RE.search(head)
            or ":" in head
        ):
            continue
        j = k - 1
        while j > 0 and _RULE_LINE_RE.fullmatch(lines[j][1]):
            j -= 1
        if _DIGIT_RE.search(lines[j][1]) is None:
            continue
        mode, named = _head_mode(head, lines[j][1])
        cols = _header(named, mode) if mode is not None else None
        if mode is not None and cols is not None and len(cols) >= _FOOT_MIN_COLUMNS:
            starts = [off for off, _cell in _cells(named, mode)] if mode == "  " else None
            _table_rows(lines[k - 1 :: -1], k - 1 - j, mode, cols, forced, notes, starts)


def _columns_below(
    lines: list[tuple[int, str]], forced: dict[int, str], notes: dict[int, str]
) -> None:
    """Rows of bare CSV or tab-separated cells whose columns a sentence under them names
    (scopes.column_list: "^ that's our extension payment batch (fields: FEIN, period
    end, form, amount)", "that's the row we uploaded (ssn, routing, account, acct type,
    amount)"), as many as the first row above has cells: the rows above it, read
    upwards, as under a header."""
    for k in range(1, len(lines)):
        line = lines[k][1]
        j = k - 2 if k >= 2 and not lines[k - 1][1].strip() else k - 1
        above = lines[j][1]
        mode = _mode(above)
        if (
            mode not in (",", "\t")
            or _DIGIT_RE.search(above) is None
            or _COLUMN_LIST_RE.search(latin_lower(line)) is None
        ):
            continue
        head_mode, named = _head_mode(line, above)
        cols = _header(named, mode) if head_mode == mode and named != line else None
        if cols is None or len(_cells(above, mode)) != len(cols):
            continue
        # (only the run of rows above is read, upwards: no copy of every line above)
        top = j
        while top > 0 and (
            _mode(lines[top - 1][1]) == mode or _RULE_LINE_RE.fullmatch(lines[top - 1][1])
        ):
            top -= 1
        rows = lines[k - 1 : top - 1 if top else None : -1]
        _table_rows(rows, k - 1 - j, mode, cols, forced, notes)


def scopes(text: str) -> tuple[dict[int, str], dict[int, str], dict[int, str]]:
    forced: dict[int, str] = {}
    fallback: dict[int, str] = {}
    notes: dict[int, str] = {}
    lines = _lines(text)
    _headers_below(lines, forced, notes)
    _columns_below(lines, forced, notes)
    _structures(lines, forced, notes)
    # (a list of kinds said to go in order, over the one kind a list's heading names)
    _in_order_lists(text, forced, notes)
    _ordinal_lists(text, forced, notes)
    # the text's bytes with every digit made "0", one byte a character: byte searches
    # find where digits stand for _sibling_items and _anaphor_numbers
    zeroed = text.encode("latin-1", "replace").translate(DIGITS_TO_ZERO)
    _fields(text, forced, notes)
    _sibling_items(lines, zeroed, forced, notes)
    _roster_rows(lines, forced, notes)
    _back_references(text, forced, notes)
    _masked_numbers(text, forced, notes)
    for off, line in lines:
        m = _CHECK_LINE_RE.fullmatch(line)
        if m is not None and off + m.start(1) not in forced:
            forced[off + m.start(1)] = "routing"
            notes[off + m.start(1)] = (
                "it starts a line holding only a check's numbers (routing, account, check)"
            )
    if "TXP*" in text:
        for m in _TXP_RE.finditer(text):
            at = m.start(1)
            if at not in forced:
                forced[at] = "ct" if len(m.group(1)) == 10 else "fein"
                notes[at] = "it is the taxpayer ID of an ACH tax payment's TXP record"
    one_line = len(lines) == 1
    # a text of one line takes its opening sentence as the topic only when that sentence
    # holds no number ("My SSN is 412-08-3317. The refund was 412083318" is no topic)
    if not one_line or _DIGIT_RE.search(_opening_sentence(lines)) is None:
        topic = _topic(text, lines)
        if topic != (None, None):
            _topic_scope(text, zeroed, lines, topic, fallback, notes, one_line)
    _answered_turns(lines, fallback, notes)
    _person_numbers(lines, fallback, notes)
    _label_lines(lines, forced, fallback, notes)
    _keyed_numbers(text, fallback, notes)
    return forced, fallback, notes


_LAYOUT_GATE_RE = re.compile(_S["layout_gate"])
_LAYOUT_RANGE_RE = re.compile(_S["layout_range"])
_LAYOUT_WIDTH_RE = re.compile(_S["layout_width"])
_LAYOUT_WIDTHS_LIST_RE = re.compile(_S["layout_widths_list"])
_LAYOUT_MIN_RANGES: int = _S["layout_min_ranges"]
_LAYOUT_MIN_WIDTHS: int = _S["layout_min_widths"]
# the widths of a field that holds an identifier of the kind its name names, written bare
# or with its separators (123-45-6789, 12-3456789, a CT number's base alone, 1234567-000)
_LAYOUT_WIDTHS = {
    "ssn": (9, 11),
    "itin": (9, 11),
    "taxid": (9, 10, 11),
    "fein": (9, 10),
    "routing": (9,),
    "ct": (7, 10, 11),
}
# a field's value: digits, perhaps in groups a hyphen or a space apart
_LAYOUT_CELL_RE = re.compile("[0-9]+(?:[ -][0-9]+){0,2}")
_LAYOUT_BRACKETS_RE = re.compile("\\([^()]*\\)")
# a row's fields: (start, end, kind, name), start and end in the row
Fields = tuple[tuple[int, int, str, str], ...]
NO_LAYOUT: tuple[dict[int, int], Fields] = ({}, ())


def _layout_items(low: str) -> list[tuple[int, int, str]]:
    """The fields a lower-cased line lays out, (start, end, name), or []."""
    items = [(int(a) - 1, int(b), name) for a, b, name in _LAYOUT_RANGE_RE.findall(low)]
    if len(items) >= _LAYOUT_MIN_RANGES:
        return items
    listed = _LAYOUT_WIDTHS_LIST_RE.search(low)
    if listed is not None:
        widths = [int(w) for w in re.split("[,/]", listed.group(1).replace(" ", ""))]
        names = _LAYOUT_BRACKETS_RE.sub("", listed.group(2)).split(",")
        pairs = list(zip(names, widths, strict=False)) if len(names) == len(widths) else []
    else:
        pairs = [(name, int(width)) for name, width in _LAYOUT_WIDTH_RE.findall(low)]
        if len(pairs) < _LAYOUT_MIN_WIDTHS:
            return []
    items, at = [], 0
    for name, width in pairs:
        items.append((at, at + width, name))
        at += width
    return items


def _layout_fields(line: str) -> Fields:
    """The identifier fields a line lays out (scopes.layout_range, layout_width,
    layout_widths_list), or ()."""
    out = []
    for start, end, name in _layout_items(_low(line)):
        found = _cues(name, header=True)
        kind = found[-1] if found else None
        if kind in _LAYOUT_WIDTHS and end - start in _LAYOUT_WIDTHS[kind]:
            out.append((start, end, kind, name.strip()))
    return tuple(out)


def _layout_row(row: str, fields: Fields) -> bool:
    """Does row hold a value, digits perhaps grouped, all through each identifier field?"""
    return all(
        e <= len(row) and row[s:e].isascii() and _LAYOUT_CELL_RE.fullmatch(row[s:e]) is not None
        for s, e, _kind, _name in fields
    )


def layout(norm: str) -> tuple[dict[int, int], Fields]:
    """A fixed-width record a sentence lays out (scopes._layout): where each row under it
    starts, by where its line starts (a quote prefix before it), and the identifier
    fields of each row; NO_LAYOUT if none."""
    if _LAYOUT_GATE_RE.search(_low(norm)) is None:
        return NO_LAYOUT
    lines = _lines(norm)
    for i, (_off, line) in enumerate(lines):
        fields = _layout_fields(line) if _DIGIT_RE.search(line) is not None else ()
        if not fields:
            continue
        rows: dict[int, int] = {}
        j = _first_below(lines, i)
        while j < len(lines) and _layout_row(lines[j][1], fields):
            off = lines[j][0]
            rows[norm.rfind("\n", 0, off) + 1] = off
            j += 1
        if rows:
            return rows, fields
    return NO_LAYOUT


_KEYED_CONTEXT_RE = re.compile(_S["keyed_context"])
_KEYED_ENTRY_RE = re.compile(_S["keyed_entry"])
_KEYED_REACH: int = _S["keyed_reach"]
_CT_KEYED_DIGITS = 10  # a CT number with its location code


def _keyed_kind(number: str, named: set[str]) -> str | None:
    """The kind the phone line gives a number keyed into it: nine digits the kind of nine
    the text names, if one ("Your IVR asked for our FEIN, I put in N"), or else the SSN's
    (the digits tell an ITIN); ten with a location code the CT number's."""
    digits = "".join(c for c in number if "0" <= c <= "9")
    if len(digits) == MIN_DIGITS:  # an SSN's, ITIN's, EIN's or routing number's nine
        if len(named) > 1:
            return None
        return next(iter(named)) if named else "ssn"
    if len(digits) == _CT_KEYED_DIGITS and digits[-3:-1] == _CT_NO_CUE_LOCATION:
        return "ct"
    return None


def _keyed_numbers(text: str, fallback: dict[int, str], notes: dict[int, str]) -> None:
    """Each number keyed into the department's phone line (scopes.keyed_entry), in a text
    that speaks of the line's keys, prompts or recording (scopes.keyed_context)."""
    if not keyed_context(text):
        return
    low = latin_lower(text)
    named: set[str] | None = None
    for m in _KEYED_ENTRY_RE.finditer(low):
        if named is None:  # the kinds of nine digits the text names (an ITIN is an SSN's)
            kinds = {"ssn" if k == "itin" else k for k in _cues(text, True)}
            named = {k for k in kinds if k in ID_KINDS and k != "ct"}
        kind = _keyed_kind(m.group(1), named)
        # ten digits with a location code are a CT number's whatever the topic says (a
        # topic of nine digits, "... update the EIN", cannot fit them)
        if kind is not None and (kind == "ct" or m.start(1) not in fallback):
            fallback[m.start(1)] = kind
            notes[m.start(1)] = (
                "it was keyed into the phone line, which asks for this kind of number"
            )


def keyed_context(text: str) -> bool:
    """Does the text speak of the phone line's keys, prompts or recording
    (scopes.keyed_context)?"""
    return _KEYED_CONTEXT_RE.search(latin_lower(text)) is not None


def _keyed_at(text: str, o: int, context: Callable[[], bool] | None) -> bool:
    """Is the number at original offset o keyed into the phone line (_keyed_numbers)?
    context answers keyed_context(text), cached by the caller, asked only when keying
    words introduce the number (a text of many numbers is not searched whole for each)."""
    lo = max(0, o - _KEYED_REACH)
    window = latin_lower(text[lo : o + _KEYED_REACH])
    if not any(lo + m.start(1) == o for m in _KEYED_ENTRY_RE.finditer(window)):
        return False
    return context() if context is not None else keyed_context(text)


def _fields(text: str, forced: dict[int, str], notes: dict[int, str]) -> None:
    """An XML element or JSON field whose name names an identifier ("<PrimarySSN>",
    '"taxpayerSSN": ', a Python dict's "'reg_no': '", an HTML input's 'name="ownerSsn"
    value="'): its value, starting with a digit, takes that kind."""
    if "<" not in text and '"' not in text and "'" not in text:
        return
    for m in _FIELD_RE.finditer(text):
        name = m.group(1) or m.group(3) or m.group(4) or m.group(5)
        at = m.end()
        if at in forced:
            continue
        # the name's words, then its attributes' ('<TaxpayerID type="FEIN">': the last wins)
        words = _FIELD_CAMEL_RE.sub(" ", name + " " + (m.group(2) or "")).replace("_", " ")
        found = _cues(words, header=True)
        kind = found[-1] if found else None
        if kind == "taxid":
            kind = _field_type(text, m.start(), at) or kind
        if kind in ID_KINDS:
            forced[at] = kind
            notes[at] = f'the field "{name}"'


def _field_type(text: str, s: int, e: int) -> str | None:
    """The kind a type field of the same JSON object or dict names, near the field at
    text[s:e] and no brace between ('"taxIdType": "EIN", "taxId": "043712345"'), or
    None (scopes.field_type)."""
    lo, hi = max(0, s - _FIELD_TYPE_REACH), min(len(text), e + _FIELD_TYPE_REACH)
    a = max(text.rfind("{", lo, s), text.rfind("}", lo, s), lo - 1) + 1
    b = min(x for x in (text.find("}", e, hi), text.find("{", e, hi), hi) if x >= 0)
    m = _FIELD_TYPE_RE.search(latin_lower(text[a:b]))
    return None if m is None else _FIELD_TYPE_KINDS[m.group(1)]


def _person_numbers(
    lines: list[tuple[int, str]], fallback: dict[int, str], notes: dict[int, str]
) -> None:
    """A line of only a bare nine-digit number right under a line of only a person's
    name ("Sharon Kowalski" / "361476201") takes the SSN cue (scopes.person_number)."""
    for k in range(1, len(lines)):
        off, line = lines[k]
        number = line.strip()
        if _PERSON_NUMBER_RE.fullmatch(number) is None:
            continue
        name = lines[k - 1][1].strip()
        if _ROSTER_NAME_RE.fullmatch(name) is not None and not _cues(name):
            at = off + line.index(number)
            fallback.setdefault(at, "ssn")
            notes.setdefault(at, "it stands alone on the line under a person's name")


def _label_lines(
    lines: list[tuple[int, str]],
    forced: dict[int, str],
    fallback: dict[int, str],
    notes: dict[int, str],
) -> None:
    """A line that presents a number (a few words and the number: "GRACE L OYELOWO
    306625954", a form's row copied out of a PDF, its last word perhaps run on to the
    number) right under a line of no digit that ends with an identifier's name ("Your
    first name MI Last name Your Social Security Number") takes that kind. Labels stacked
    over as many values, as a PDF copy may lay them out ("ABA Routing Number" / "Account
    Number" over "639152895" / "89287754145"), pair in order, over the cue nearest each
    value (the last label's); a negative label denies its value."""
    values = [_PRESENT_GLUED_RE.fullmatch(line) for _off, line in lines]
    # (a line's cues are read only above a value line)
    labels: dict[int, re.Match | None] = {}

    def label(i: int) -> re.Match | None:
        if i not in labels:
            labels[i] = _label_cue(lines[i][1])
        return labels[i]

    k = 1
    while k < len(lines):
        if values[k] is None or label(k - 1) is None:
            k += 1
            continue
        # the run of label lines above k and of value lines from k
        j = k - 1
        while j > 0 and label(j - 1) is not None:
            j -= 1
        e = k
        while e < len(lines) and values[e] is not None:
            e += 1
        n = min(k - j, e - k)
        # (stacked values are bare: a key-value line names its own kind, "Routing: N")
        if n > 1 and any(_cues(line) for _off, line in lines[k : k + n]):
            n = 1
        for i in range(n):
            # (stacked: the i-th value under the i-th of the last n labels; else the one
            # label right above)
            cue = label(k - n + i) if n > 1 else label(k - 1)
            m = values[k + i]
            if cue is not None and m is not None:
                _label_value(lines[k + i][0] + m.start(1), cue, n > 1, forced, fallback, notes)
        k = e


def _label_value(
    at: int,
    cue: re.Match,
    stacked: bool,
    forced: dict[int, str],
    fallback: dict[int, str],
    notes: dict[int, str],
) -> None:
    """Give the value at original offset at its label's kind (_label_lines): a stacked
    label's over the cue nearest the value (a negative one denies it), the one label
    right above's as a fallback."""
    kind = CUE_KINDS[cue.lastindex - 1]  # type: ignore[operator]
    if stacked and (kind in ID_KINDS or kind in ("neg", "neg_bare")):
        if at not in forced:
            forced[at] = kind if kind in ID_KINDS else DENIED
            notes[at] = f'its line among the labels above ends with "{cue.group()}"'
    elif not stacked and kind in ID_KINDS:
        fallback.setdefault(at, kind)
        notes.setdefault(at, f'the line above ends with "{cue.group()}"')


def _label_cue(line: str) -> re.Match | None:
    """The cue a line of no digit ends with (a label line), or None."""
    # (its words apart where a PDF copy ran them together: "Last nameSocial Security")
    label = _low(_CAMEL_RE.sub(" ", line)).rstrip(" \t:")
    if not label or _DIGIT_RE.search(label) is not None:
        return None
    last = None
    for c in CUE_RE.finditer(label):
        last = c
    # (a word for a number may end it after the cue: "Account Number")
    if (
        last is None
        or _LABEL_TAIL_RE.fullmatch(label, last.end()) is None
        or last.lastindex in (None, _VOID)
    ):
        return None
    return last


_LABEL_TAIL_RE = re.compile("(?:" + _S["label_tail"] + ")?")


_SHORT_QUESTION: int = _S["short_question_words"]
_ANSWER_TURNS = _S["answer_turns"]


def _answered_turns(
    lines: list[tuple[int, str]], fallback: dict[int, str], notes: dict[int, str]
) -> None:
    """In a call transcript, a turn that presents a number and names no kind takes the
    one identifier kind the other speaker's turn above it names ("AGENT: sure can I get
    your social" / "CUSTOMER: 259523155"); scopes.speaker_turn. Turns that name no cue
    and hold no digit may stand between (scopes.answer_turns: "Dad: why" / "Me: it asks
    for it to log in" / "Dad: 3 5 0 4 9 5 0 1 2"). A transcript whose header lines name
    the speaker above the words ("Speaker 1  0:18" / "Can I have your social?") has its
    turns read the same way, as has one whose speaker's label and time stand alone on
    their line ("Speaker 1 (02:41):")."""
    # the last turn that named a cue: its speaker, the identifier kinds it asks for, the
    # turns since, and whether it asks for several numbers
    asked: tuple[str, set[str], int, bool] | None = None
    header: str | None = None  # the speaker a header line above names
    for i, (off, line) in enumerate(lines):
        if not line.strip():
            continue
        named = _header_speaker(line)
        if named is not None or _caption_line(lines, i):
            # (a caption's timing names no one: its speaker is on the caption's lines)
            header = named
            continue
        m = _SPEAKER_RE.match(line)
        if m is not None and m.group(1).lower() not in _NOT_SPEAKERS:
            speaker, pos = m.group(1).lower(), m.end()
        elif m is None and header is not None:
            speaker, pos = header, 0
        else:
            asked = None
            continue
        rest = line[pos:]
        found = _cues(rest)
        p = _ANSWER_RE.fullmatch(line, pos)  # (after a chat's time stamp and name)
        # (or a number read out in words)
        at = off + (p.start(1) if p is not None else _spoken_turn_at(line, pos))
        if (
            at < off
            and _PIECE_TURN_RE.fullmatch(line, pos) is not None
            and _piece_goes_on(lines, i, speaker)
        ):
            # (or the first piece of one the same speaker's next turn goes on with)
            at = off + _first_digit(line, pos)
        answer = at >= off and not found and asked is not None and asked[0] != speaker
        if answer and asked is not None:
            given = _answer_kind(asked[1], p)
            if given is not None:
                fallback[at], notes[at] = given
            if asked[3]:
                # (a question for several numbers stays open for the answers after:
                # "everybody's socials" / "mine N" / "my wife M" / "baby P")
                continue
        # (the kinds it asks for, without the names of the state or the department:
        # "mandame el numero de tu itin para la forma de connecticut" asks for an ITIN;
        # a short question asks with any cue word, "Social?", "And the social?"; a turn
        # that asks not to send one names it too: "Please don't share your full SSN in
        # chat." / "ok its N")
        short = rest.rstrip().endswith("?") and len(rest.split()) <= _SHORT_QUESTION
        ids = {k for k in _cues(rest, topic=not short, negated=True) if k in ID_KINDS}
        # (a turn that names only the state or the department asks nothing anew: "Mom:
        # for the connecticut return!! it asks on the first page")
        state = not ids and all(k == "ct" for k in found)
        if (found and not state) or ids or at >= off or _DIGIT_RE.search(rest) is not None:
            asked = (speaker, ids, 0, bool(ids) and PLURAL_CUE_RE.search(_low(rest)) is not None)
        elif asked is not None:
            asked = (
                (asked[0], asked[1], asked[2] + 1, asked[3])
                if asked[2] + 1 < _ANSWER_TURNS
                else None
            )


# a caption's timing line, and the caption's number (SRT) on the line above it
_CAPTION_RE = re.compile("[ \t]*<T>[ \t]*-->[ \t]*<T>".replace("<T>", _W["header_time"]))
_CAPTION_INDEX_RE = re.compile("[ \t]*[0-9]{1,5}[ \t]*")


def _caption_line(lines: list[tuple[int, str]], i: int) -> bool:
    """Is line i a caption's timing ("00:00:05,800 --> 00:00:11,400"), or the caption's
    number on the line above one ("2")?"""
    line = lines[i][1]
    if _CAPTION_RE.match(line) is not None:
        return True
    return (
        _CAPTION_INDEX_RE.fullmatch(line) is not None
        and i + 1 < len(lines)
        and _CAPTION_RE.match(lines[i + 1][1]) is not None
    )


def _header_speaker(line: str) -> str | None:
    """The speaker a header line names, above the words (the speaker's name and a time:
    "Speaker 2  0:20", "报税员 10:32"; or a speaker's label and time with nothing after
    them: "Speaker 1 (02:41):"), or None."""
    h = HEADER_LINE_RE.match(line + "\n")
    if h is not None and (h.group(1) or h.group(2)):
        return (h.group(1) or h.group(2)).strip().lower()
    m = _SPEAKER_RE.match(line)
    if (
        m is not None
        and not line[m.end() :].strip()
        and CLOCK_RE.search(line, 0, m.end()) is not None
        and m.group(1).lower() not in _NOT_SPEAKERS
    ):
        return m.group(1).lower()
    return None


def _answer_kind(ids: set[str], p: re.Match | None) -> tuple[str, str] | None:
    """The kind, and why, an answer turn takes from the kinds the turn above asks for: the
    one it names; of several, a CT registration number's for a number of ten digits
    ("confirm CT tax reg # and FEIN" / "Me: 7976964007" / "Me: EIN 16-6343224"); None."""
    if len(ids) == 1:
        return next(iter(ids)), "it answers the turn above, which asks for this kind of number"
    if p is not None and "ct" in ids and len(_DIGIT_RE.findall(p.group(1))) == _CT_DIGITS:
        return "ct", (
            "it answers the turn above, which asks for a CT registration number among "
            "others, with ten digits"
        )
    return None


_CT_DIGITS = CT_BASE_MIN + CT_LOC  # a CT registration number's 7-digit base and location


def _first_digit(line: str, pos: int) -> int:
    """Where the first digit of line from pos stands, or -1."""
    m = _DIGIT_RE.search(line, pos)
    return -1 if m is None else m.start()


def _turn_answer_at(line: str, end: int) -> int:
    """Where the number a turn answers with starts, the turn's words starting at end: a
    presenting turn's (perhaps a few words after it), or its first piece's
    (scopes.piece_turn; whether the next turns go on with it is not asked); -1 if
    neither."""
    a = _ANSWER_RE.fullmatch(line, end)
    if a is not None:
        return a.start(1)
    return -1 if _PIECE_TURN_RE.fullmatch(line, end) is None else _first_digit(line, end)


def _piece_goes_on(lines: list[tuple[int, str]], i: int, speaker: str) -> bool:
    """Does the speaker of lines[i] go on, in their next turn, with a digit, at most
    _PIECE_GAP_TURNS short turns of another's without a digit between (scopes.piece_turn)?"""
    gap = 0
    for _off, line in lines[i + 1 : i + 2 + 2 * _PIECE_GAP_TURNS]:
        if not line.strip():
            continue
        m = _SPEAKER_RE.match(line)
        if m is None:
            return False
        rest = line[m.end() :]
        if m.group(1).lower() == speaker:
            return _TURN_DIGIT_RE.match(rest) is not None
        gap += 1
        if gap > _PIECE_GAP_TURNS or _DIGIT_RE.search(rest) or len(rest.split()) > _PIECE_GAP_WORDS:
            return False
    return False


def _topic_scope(
    text: str,
    zeroed: bytes,
    lines: list[tuple[int, str]],
    topic: tuple[str | None, str | None],
    fallback: dict[int, str],
    notes: dict[int, str],
    one_line: bool,
) -> None:
    """The topic for the numbers presented on a line of their own, by a short last
    sentence or after an anaphor. In a text of one line, only by a last sentence that
    presents its number after a colon ("... paying withholding monthly. Here: 519024964";
    not "... The order was wrong. The correct one is 432189906")."""

    nine, longer = topic

    def put(at: int, note: str) -> None:
        m = _NUMBER_AT_RE.match(text, at)
        digits = "" if m is None else "".join(c for c in m.group() if "0" <= c <= "9")
        long = len(digits) > 9
        # a CT number has ten digits or more, the others nine
        kind = nine if nine == longer else (longer if long else nine)
        if kind == "ct" and long and digits[-3:-1] != _CT_NO_CUE_LOCATION:
            # (with the location code a writer gives with no cue of its own: not a store
            # card's "CARD #66395316936" under a receipt's "CT SALES TAX")
            kind = None
        if kind is not None:
            fallback[at] = kind
            notes.setdefault(at, note)

    for k, (off, line) in enumerate(lines):
        # a line of its own ends with its number; a sentence may end its line with it,
        # or stand in a series of sentences that present one each after a colon
        m = None if one_line or not _ends_in_number(line) else _PRESENT_RE.fullmatch(line)
        if m is not None and not _cues(line):
            put(  # the number (group 1; a chat's time stamp may come first)
                off + m.start(1),
                "it stands on a line of its own, and the subject line, opening sentence"
                " or quoted question names this kind of number",
            )
            continue
        # (or opens it, a few words after a dash or comma: "127774206 — sorry, left it
        # off last time.")
        m = None if one_line else _LEADING_RE.fullmatch(line)
        if m is not None and not _cues(line):
            put(
                off + m.start(1),
                "it opens a line of its own, and the subject line, opening sentence"
                " or quoted question names this kind of number",
            )
            continue
        # (or, in the line under a quoted question, presents it in its first sentence:
        # "> Can you confirm the routing number?" / "Yes — 323731917. The account ...")
        m = None if one_line else _answering_sentence(text, lines, k)
        if m is not None and not _cues(line[: m.end()]):
            put(
                off + m.start(1),
                "it opens the answer to a quoted question, and the subject line, opening"
                " sentence or quoted question names this kind of number",
            )
            continue
        for m in _presenting_sentences(line):
            if not _cues(m.string[m.start() : m.end()]) and (not one_line or _after_colon(line, m)):
                put(  # the sentence's first digit
                    off + m.start(1),
                    "a short sentence presents it, and the subject line, opening sentence"
                    " or quoted question names this kind of number",
                )
    # read in lower case, as cues are ("THE CORRECT ONE IS ...", a message in capitals)
    for at in () if one_line else _anaphor_numbers(latin_lower(text), zeroed):
        put(
            at,
            '"the correct one", "her number" and the like refer back to the kind of'
            " number the subject line, opening sentence or quoted question names",
        )


def _answering_sentence(text: str, lines: list[tuple[int, str]], k: int) -> re.Match | None:
    """The first sentence of lines[k] if it presents a number as a presenting line does
    and the line answers a quoted question: it has no quote prefix, and the last line
    above it that is not blank has one and ends with "?"."""
    off, line = lines[k]
    b = _SENTENCE_BOUNDARY_RE.search(line)
    if b is None or _quoted(text, off):
        return None
    i = k - 1
    while i >= 0 and not lines[i][1].strip():
        i -= 1
    if i < 0 or not _quoted(text, lines[i][0]) or not lines[i][1].rstrip().endswith("?"):
        return None
    return _PRESENT_RE.fullmatch(line, 0, b.end())


def _quoted(text: str, off: int) -> bool:
    """Had the line that _lines gives at off a quote prefix?"""
    return off > 0 and text[off - 1] != "\n"


def _anaphor_numbers(text: str, zeroed: bytes) -> list[int]:
    """Where the number of each match of _ANAPHOR_RE.finditer(text) starts, looked for
    only before a digit that follows a space or colon after an anaphor's last letter
    (found by byte searches in a copy with every digit made "0"), in the stretch an
    anaphor can take before it (sre would try the pattern, which starts with a
    lookbehind, at every character). The same numbers: a match holds no digit but its
    last character, so matches never overlap and each is found in its own stretch.
    zeroed is text's bytes with every digit made "0" (scopes)."""
    digits = []
    for mark in (b" 0", b":0"):
        i = zeroed.find(mark)
        while i >= 0:
            digits.append(i + 1)
            i = zeroed.find(mark, i + 2)
    out = []
    for d in sorted(digits):
        j = d
        while j > 0 and text[j - 1] in " :":
            j -= 1
        if j == 0 or not _anaphor_end(text[j - 1], text[max(0, j - 4) : j - 1]):
            continue
        for a in _ANAPHOR_RE.finditer(text, max(0, j - _ANAPHOR_REACH), d + 1):
            if a.start(1) == d:
                out.append(d)
                break
    return out


def _table_rows(
    lines: list[tuple[int, str]],
    j: int,
    mode: str,
    cols: list[tuple[str, str]],
    forced: dict[int, str],
    notes: dict[int, str],
    starts: list[int] | None = None,
) -> int:
    """Under a header row: each cell that starts with a digit takes its column's kind.
    A space-aligned row with fewer or more cells than its header (a fixed-width export
    puts one space between "863100270 DUBOIS MICHELLE") is read by position instead
    (starts: where each header cell starts): a word that starts with a digit exactly
    under the start of a header cell takes that column's kind.
    Returns the index of the first line after the table."""
    n = len(lines)
    while j < n:
        roff, row = lines[j]
        if _RULE_LINE_RE.fullmatch(row):
            j += 1
            continue
        cells = _cells(row, mode) if _row_mode(row, mode, len(cols)) else []
        if len(cells) < 2:
            break
        typed = _row_type(row)
        if starts is not None and len(cells) != len(cols):
            for k, at in enumerate(starts):
                if (
                    cols[k][0] != SKIP
                    and at < len(row)
                    and row[at : at + 1].isdecimal()
                    and (at == 0 or row[at - 1] == " ")
                ):
                    forced[roff + at], notes[roff + at] = _column_kind(cols[k], typed)
        else:
            keyed = _keyed_row(cells[0][1])
            # (the label's own kind, looked up once a row: _label_cell)
            label_kind = _head_kind(cells[0][1]) if keyed else None
            for k, (coff, cell) in enumerate(cells[: len(cols)]):
                # (a CSV's quotes, and a spreadsheet's formula or apostrophe that keeps
                # a number as text: "605689632", "=""605689632""", '605689632)
                q = len(cell) - len(cell.lstrip("\"='"))
                if cols[k][0] == SKIP:
                    continue
                if keyed and cols[k][0] == "none":
                    if k and label_kind is not None:
                        _label_cell(label_kind, cells[0][1], roff + coff, cell, forced, notes)
                    continue
                if cell[q : q + 1].isdecimal():
                    forced[roff + coff + q], notes[roff + coff + q] = _column_kind(cols[k], typed)
        j += 1
    return j


def _row_type(row: str) -> str | None:
    """The one kind of tax ID a table's row names in a cell of its own ("SSN", "EIN";
    scopes.row_type), or None."""
    found = {_ROW_TYPES[m.group(1)] for m in _ROW_TYPE_RE.finditer(_low(row))}
    return found.pop() if len(found) == 1 else None


def _column_kind(col: tuple[str, str], typed: str | None) -> tuple[str, str]:
    """The kind a cell of column col takes, and the note saying why: a column that names
    a tax ID of any kind takes the kind its row names (typed)."""
    if col[0] == "taxid" and typed is not None:
        return typed, f'the table column "{col[1]}", in a row that says its kind'
    return col[0], f'the table column "{col[1]}"'


def _head_kind(head: str) -> str | None:
    """The identifier kind of a cue that is the whole of head ("SSN", "Routing"), or
    None."""
    low = _low(head)
    cue = CUE_RE.match(low)  # (the first cue at its start, as the JavaScript twin reads it)
    if cue is not None and cue.end() == len(low) and cue.lastindex:
        kind = CUE_KINDS[cue.lastindex - 1]
        return kind if kind in ID_KINDS else None
    return None


def _label_cell(
    kind: str, label: str, at: int, cell: str, forced: dict[int, str], notes: dict[int, str]
) -> None:
    """A number alone in a cell of a row its first cell labels as an identifier of
    kind, under a header that names the cell's column otherwise ("| Routing | 654614033
    | 318830836 |" under "| Field | Old | New |"): it takes that kind."""
    if _COLUMN_VALUE_RE.fullmatch(cell) is not None:
        forced[at], notes[at] = kind, f'the row labelled "{label}"'


def _label_row(row: tuple[int, str], forced: dict[int, str], notes: dict[int, str]) -> bool:
    """A space-aligned, tab-split or pipe-split row whose first cell names an identifier
    and whose two or more other cells are numbers ("Routing   078006667   320344323"
    under "Entered   Correct", "| Routing | 654614033 | 318830836 |"): each number takes
    that kind. True if the row is one."""
    roff, line = row
    mode = _mode(line)
    if mode != "  " and mode != "\t" and mode != "|":
        return False
    cells = _cells(line, mode)
    if len(cells) < 3 or not all(_COLUMN_VALUE_RE.fullmatch(c) for _o, c in cells[1:]):
        return False
    head = cells[0][1]
    if not head or len(head) > _MAX_HEADER_CELL or _DIGIT_RE.search(head) is not None:
        return False
    kind = _head_kind(head)
    if kind is None:
        return False
    for off, _cell in cells[1:]:
        if roff + off not in forced:
            forced[roff + off] = kind
            notes[roff + off] = f'the row labelled "{head}"'
    return True


def _column_rows(
    lines: list[tuple[int, str]], i: int, forced: dict[int, str], notes: dict[int, str]
) -> int | None:
    """Under a one-cell header (a line that is only an identifier's name: "SSN") two or
    more lines holding only a number, a column copied out of a spreadsheet: each takes
    the header's kind. Returns the index of the first line after them, or None."""
    n = len(lines)
    if i + 2 >= n or _COLUMN_VALUE_RE.fullmatch(lines[i + 1][1]) is None:
        return None
    head = lines[i][1].strip()
    if not head or len(head) > _MAX_HEADER_CELL or _DIGIT_RE.search(head) is not None:
        return None
    kind = _head_kind(head)
    if kind is None or _COLUMN_VALUE_RE.fullmatch(lines[i + 2][1]) is None:
        return None
    j = i + 1
    while j < n and _COLUMN_VALUE_RE.fullmatch(lines[j][1]) is not None:
        off, row = lines[j]
        at = off + len(row) - len(row.lstrip(" \t"))
        if at not in forced:
            forced[at] = kind
            notes[at] = f'the column under "{head}"'
        j += 1
    return j


def _keyed_row(label: str) -> bool:
    """Does a row's first cell label it as an identifier ("Routing no.      247968921"
    under "Bank name        Chase": label and value, aligned), so that a column named
    otherwise does not claim its number?"""
    return not label[:1].isdecimal() and any(k in ID_KINDS for k in _cues(label))


def _denied_list(heading: str) -> bool:
    """Does a list heading say its items are not identifiers ("these are NOT social
    security numbers, they're the notice numbers ...:"), naming none it does not deny?"""
    low = _low(heading)
    m = DENIED_LIST_RE.search(low)
    if m is None:
        return False
    if m.group().startswith(("none", "neither")):
        return True
    return not any(k in ID_KINDS for k in _cues(heading, True))


def _heading_list(
    lines: list[tuple[int, str]],
    first: int,
    heading: str,
    forced: dict[int, str],
    notes: dict[int, str],
) -> int | None:
    """The items under a list heading: denied ("these are NOT social security numbers:"),
    or of the one kind its last sentence names ("SSNs for everyone on the return:").
    Returns the index of the first line after the list, or None for no such list."""
    note = f'the list under "{heading.strip()}"'
    last = _last_sentence(heading)
    if _denied_list(last):
        return _denied_items(lines, first, forced, notes, note)
    found = _cues(last)
    kind = found[-1] if found else None
    if kind in ID_KINDS:
        return _list_items(lines, first, kind, forced, notes, note)
    return None


def _denied_items(
    lines: list[tuple[int, str]], j: int, forced: dict[int, str], notes: dict[int, str], note: str
) -> int:
    """Under a denied list's heading: each item with no label of its own ("- 562-18-0394",
    "2) 230-51-7795", a bare number) is DENIED, whatever follows its value. Returns the
    index of the first line after the list."""
    n = len(lines)
    while j < n:
        roff, row = lines[j]
        m = _ITEM_RE.match(row)
        if m is None or m.group(2).strip():
            break
        forced[roff + m.start(4)] = DENIED
        notes[roff + m.start(4)] = note
        j += 1
    return j


def _list_items(
    lines: list[tuple[int, str]],
    j: int,
    kind: str,
    forced: dict[int, str],
    notes: dict[int, str],
    note: str,
) -> int:
    """Under a line ending in a cue and ":": each item's value takes that kind.
    Returns the index of the first line after the list."""
    n = len(lines)
    while j < n:
        roff, row = lines[j]
        m = _ITEM_RE.match(row)
        if m is None:
            break
        # an item labelled before or after its value keeps its own label
        if len(m.group(2)) <= _MAX_LABEL and not _cues(m.group(2)) and not _cues(row[m.start(4) :]):
            forced[roff + m.start(4)] = kind
            notes[roff + m.start(4)] = note
        j += 1
    return j


def _roster_rows(
    lines: list[tuple[int, str]], forced: dict[int, str], notes: dict[int, str]
) -> None:
    """Runs of two or more lines split alike into cells (scopes.roster_name), or each a
    name, one space and nine digits ("Smith J 795554036"): a roster of people with no
    header, whose bare nine-digit column takes the SSN cue, unless the line above names
    its columns otherwise."""
    n = len(lines)
    i = 0
    while i < n:
        mode = _mode(lines[i][1])
        j = i + 1
        if mode is None:
            rows = []
            for k in range(i, n):  # (not a copy of lines[i:] at every line: linear)
                m = _SPACED_ROW_RE.fullmatch(lines[k][1])
                if m is None:
                    break
                rows.append([(m.start(2), m.group(2)), (m.start(3), m.group(3))])
            j = i + max(1, len(rows))
            if len(rows) >= 2 and not _named_otherwise(lines, i):
                _roster(lines[i:j], rows, forced, notes, _above_kinds(lines, i))
        while mode is not None and j < n and _mode(lines[j][1]) == mode:
            j += 1
        if mode is not None and j - i >= 2 and not _named_otherwise(lines, i):
            _roster(
                lines[i:j],
                [[_bare_cell(c) for c in _cells(line, mode)] for _o, line in lines[i:j]],
                forced,
                notes,
                _above_kinds(lines, i),
            )
        i = j


def _line_above(lines: list[tuple[int, str]], i: int) -> str | None:
    """The line just above line i, or above a blank line there; None above the first."""
    k = i - 1
    if k > 0 and not lines[k][1].strip():
        k -= 1
    return lines[k][1] if k >= 0 else None


def _named_otherwise(lines: list[tuple[int, str]], i: int, heading: bool = False) -> bool:
    """Does the line just above line i (or above a blank line there) name something other
    than an identifier ("the columns are last name, first name, confirmation number")?
    heading: only a line that ends with a colon ("Invoices:"), in its last sentence ("…
    to claim everyone right. Our info:" names nothing), counts."""
    line = _line_above(lines, i)
    if line is None:
        return False
    if heading:
        if not line.rstrip().endswith(":"):
            return False
        line = _last_sentence(line)
    return any(kind in ("neg", "neg_bare") for kind in _cues(line))


def _roster(
    rows: list[tuple[int, str]],
    table: list[list[tuple[int, str]]],
    forced: dict[int, str],
    notes: dict[int, str],
    above: set[str],
) -> None:
    """The rows' cells (table: their offsets in the line and texts, a CSV's quotes aside:
    '"682321741"') as a roster, if they are one; above: the kinds the line above names."""
    width = len(table[0])
    if any(len(cells) != width for cells in table):
        return
    for col in range(width):
        # nine digits in every row (some may be written as SSNs: "Pham, Kevin\t296804077"
        # among "Dominguez, Ana\t331-22-8854" rows, or masked), beside a name
        if not all(
            _ROSTER_ID_RE.fullmatch(cells[col][1]) is not None and _has_name(cells, col)
            for cells in table
        ):
            continue
        kind = _roster_kind(table, col, above)
        for (off, _line), cells in zip(rows, table, strict=True):
            at = off + cells[col][0]
            if at not in forced and _NINE_DIGITS_RE.fullmatch(cells[col][1]) is not None:
                forced[at] = kind
                notes[at] = "a roster: rows of a name and nine digits"
    if "ct" in above:
        # (and a column of CT numbers, ten digits ending in a location code 00x, under a
        # line that names them: 'error "FEIN/registration mismatch":')
        for col in range(width):
            if all(_CT_CELL_RE.fullmatch(cells[col][1]) for cells in table):
                for (off, _line), cells in zip(rows, table, strict=True):
                    at = off + cells[col][0]
                    if at not in forced:
                        forced[at] = "ct"
                        notes[at] = "a roster under a line that names CT numbers"


_CT_CELL_RE = re.compile(_S["ct_cell"])


def _above_kinds(lines: list[tuple[int, str]], i: int) -> set[str]:
    """The kinds the last sentence of the line above line i names."""
    above = _line_above(lines, i)
    return set(_cues(_last_sentence(above))) if above is not None else set()


def _roster_kind(table: list[list[tuple[int, str]]], col: int, above: set[str]) -> str:
    """The kind of a roster's column of nine digits: the kind its written numbers show
    ("BluePeak IT Consulting,732987131" among "Ridgefield Tree Service,60-1455774"), else
    the one kind of person or business number the line above names, else a roster of
    businesses ("ACME FIRE PROTECTION LLC,397893934") lists EINs, one of people SSNs."""
    written = {len(cells[col][1]) for cells in table if "-" in cells[col][1]}
    if written == {_FEIN_WRITTEN}:
        return "fein"
    if written == {_SSN_WRITTEN}:
        return "ssn"
    named = above & _ROSTER_KINDS
    if len(named) == 1:
        return next(iter(named))
    firms = sum(any(BUSINESS_NAME_RE.search(_low(c)) for _o, c in cells) for cells in table)
    return "fein" if firms == len(table) else "ssn" if not firms else "taxid"


_ROSTER_KINDS = frozenset(("ssn", "itin", "fein"))


def _bare_cell(cell: tuple[int, str]) -> tuple[int, str]:
    """A cell without the double quotes a CSV put around it: its offset and text."""
    off, text = cell
    if len(text) >= 2 and text[0] == '"' and text[-1] == '"':
        return off + 1, text[1:-1]
    return cell


def _has_name(cells: list[tuple[int, str]], col: int) -> bool:
    """Does a cell other than col hold a person's name (or two side by side, one word
    each: "HARTLEY,JAMES"), a CSV's quotes aside ('"Keisha Nguyen",573-49-5187')?"""
    word = False
    for k, (_off, quoted) in enumerate(cells):
        cell = quoted.strip('"')
        if k == col or _cues(cell):
            word = False
            continue
        if _ROSTER_NAME_RE.fullmatch(cell) is not None:
            return True
        if _ROSTER_WORD_RE.fullmatch(cell) is not None:
            if word:
                return True
            word = True
        else:
            word = False
    return False


def _last_sentence(line: str) -> str:
    """The last sentence of a line: a heading's cue is in the sentence that ends with its
    colon ("... for the CT child tax credit. Our info:" names no kind)."""
    start = 0
    for m in SENTENCE_END_RE.finditer(line):
        start = m.end() - 1  # the pattern ends with the next sentence's capital
    return line[start:]


def _shaped_ssn(value: str) -> bool:
    """Is the value written as a valid SSN (shaped_item, 3-2-4)?"""
    return (
        _SHAPED_ITEM_RE.match(value) is not None
        and _ssn_or_itin(value[:3] + value[4:6] + value[7:11]) == "ssn"
    )


def _shaped_fein(value: str) -> bool:
    """Is the value written as a valid EIN (shaped_fein_item, 2-7)?"""
    return _SHAPED_FEIN_ITEM_RE.match(value) is not None and _fein_ok(value[:2] + value[3:10])


def _sibling_item(m: re.Match, line: str, after_item: bool) -> bool:
    """Is the line _ITEM_RE matched (m) an item among siblings, not a line of prose? It
    has a bullet, a "-"/":"/"=" or a tab between label and value, or a dash in its label
    ("wife - Lorraine 149515838"); after an item, a label of at most three words and a
    bare nine-digit value are enough ("son Jayden 641816878" under "daughter Mia - …")."""
    label = m.group(2)
    if len(label) > _MAX_LABEL:
        return False
    if m.group(3) in _GLUED_DASHES and m.end(3) == m.start(4) and label[-1:].isalnum():
        return False  # a code, not a label and its value ("the CT-1096 wants totals")
    if m.group(1) or m.group(3).strip() or m.group(3) == "\t" or _LABEL_DASH_RE.search(label):
        return True
    return (
        after_item
        and 0 < len(label.split()) <= 3
        and _BARE_ITEM_RE.match(line, m.start(4)) is not None
    )


def _sibling_items(
    lines: list[tuple[int, str]], zeroed: bytes, forced: dict[int, str], notes: dict[int, str]
) -> None:
    """In a run of two or more "label: value" lines whose labels name one kind of
    identifier ("1) Mia - SSN 412-08-3317" / "2) Leo - 523104428"), an item whose
    label names nothing takes that kind too (a label with a negative cue keeps it)."""
    # an item's value starts with a digit: a line without one (most lines) is no item,
    # known by a byte search in zeroed (the text's bytes with every digit made "0")
    n = len(lines)
    i = 0
    while i < n:
        items: list[tuple[int, str, str]] = []
        j = i
        while j < n:
            off, line = lines[j]
            if zeroed.find(b"0", off, off + len(line)) < 0:
                break
            m = _ITEM_RE.match(line)
            if m is None or not _sibling_item(m, line, bool(items)):
                break
            # the label with its colon: "SS:" is a cue where "SS" alone is not
            items.append((off + m.start(4), m.group(2) + m.group(3).strip(), line[m.start(4) :]))
            j += 1
        if len(items) >= 2:
            _siblings_kind(lines, i, items, forced, notes)
        i = max(j, i + 1)


def _siblings_kind(
    lines: list[tuple[int, str]],
    i: int,
    items: list[tuple[int, str, str]],
    forced: dict[int, str],
    notes: dict[int, str],
) -> None:
    """Give the items of a sibling run that starts at line i (_sibling_items) the kind
    their siblings' labels name; else, if none names one, SSN or EIN beside a sibling
    written as one (an EIN not under a person's label); else the one kind the sentence
    just above names ("They both have ITINs." / "Father: 971701562" / "Mother:
    992955617")."""
    # (or read with its value's first digit: "Reg:" is a cue only before one)
    labelled = [
        (o, _cues(label) or _cues(label + " " + value[:1]), value) for o, label, value in items
    ]
    kinds = {k for _o, found, _v in labelled for k in found if k in ID_KINDS}
    if len(kinds) == 1:
        named = kinds.pop()
        for off, found, _v in labelled:
            if not found and off not in forced:
                forced[off] = named
                notes[off] = "a list whose other items name this kind of number"
        return
    if kinds:
        return
    kind: str | None
    shaped = _shaped_kind([v for _o, _f, v in labelled])
    if shaped is not None:
        # no label names a kind, but a sibling is written as an SSN (a valid one, not
        # the example 123-45-6789) or an EIN, and no heading names something else: bare
        # nine digits beside it are that too ("Lucas - 412083317" / "Mia: 523-10-4428")
        if _named_otherwise(lines, i, heading=True):
            return
        kind, note = shaped, "a list whose other items are written as this kind"
    elif all(
        not found and _RELATION_LABEL_RE.fullmatch(_bare_label(label))
        for (_o, label, _v), (_o2, found, _v2) in zip(items, labelled, strict=True)
    ) and not _named_otherwise(lines, i):
        # "me: 485379386" / "my husband: 991765388": people's numbers (not under a line
        # that names them otherwise: "We paid for two orders.")
        kind, note = "ssn", "a list of people's numbers, labelled by relation"
    else:
        kind = _kind_above(lines, i)
        note = "a list under a sentence that names this kind of number"
    if kind is None:
        return
    bare = _BARE_CT_ITEM_RE if kind == "ct" else _BARE_ITEM_RE
    for (off, found, value), (_o, label, _v) in zip(labelled, items, strict=True):
        if not found and off not in forced and bare.match(value):
            # (a person's number is no EIN: "Mine: 270313312" / "His business: 88-…")
            if kind == "fein" and _RELATION_LABEL_RE.fullmatch(_bare_label(label)):
                continue
            forced[off] = kind
            notes[off] = note


def _shaped_kind(values: list[str]) -> str | None:
    """The one kind, ssn or fein, that sibling values are written as (3-2-4 or 2-7), or
    None if none is or both are; else ct if one is written as a CT number (7-3)."""
    ssn = any(_shaped_ssn(v) for v in values)
    fein = any(_shaped_fein(v) for v in values)
    if ssn != fein:
        return "ssn" if ssn else "fein"
    if not ssn and any(_SHAPED_CT_ITEM_RE.match(v) for v in values):
        return "ct"
    return None


def _bare_label(label: str) -> str:
    """A sibling item's label without its bullet, separator and spaces ("- my wife:")."""
    return label.strip(" \t-*•·:=,|–—")


def _kind_above(lines: list[tuple[int, str]], i: int) -> str | None:
    """The one identifier kind the last sentence of the line above line i (or above a
    blank line there) names, with no negative cue beside it, or None."""
    line = _line_above(lines, i)
    if line is None:
        return None
    found = _cues(_last_sentence(line.rstrip()))
    ids = set(found)
    if len(ids) != 1 or not ids <= ID_KINDS:
        return None
    return ids.pop()


# a note in brackets after a presented number ("A: 310411404 (Aleksandra)"), which the
# presenting patterns take before their closing "[ .!)]*"
_NOTE_END_RE = re.compile("(?: *\\([A-Za-z'’ ]{1,30}\\))?[ .!)]*$")
if not (
    _S["presenting_line"].endswith("(?: *\\([A-Za-z'’ ]{1,30}\\))?[ .!)]*")
    and _S["presenting_sentence"].endswith("(?: *\\([A-Za-z'’ ]{1,30}\\))?[ .!)]*")
):
    raise ValueError("scopes.presenting_* changed: update _NOTE_END_RE")


def _ends_in_number(line: str) -> bool:
    """Does line end with a digit, but for what may follow a presented number?"""
    if line.rstrip(" .!)")[-1:] in _DIGITS:
        return True
    if not line.rstrip(" .!").endswith(")"):
        return False
    m = _NOTE_END_RE.search(line)
    return m is not None and m.start() > 0 and line[m.start() - 1] in _DIGITS


def _presenting_sentences(line: str) -> list[re.Match]:
    """The sentences of the line that present a number, each a few words and the number:
    the last, if the number ends the line ("... I called twice. Here is the number:
    838090189"), and every other but the first that presents one after a colon beside
    another that does (a series under the opening sentence: "... with ITINs. The first:
    N. The second: M. Can I claim them?")."""
    bounds = list(_SENTENCE_BOUNDARY_RE.finditer(line))
    if not bounds:
        return []
    ends = [b.end() for b in bounds]
    spans = list(zip(ends, [*ends[1:], len(line)], strict=True))
    found = [_PRESENT_SENTENCE_RE.fullmatch(line, s, e) for s, e in spans]
    last = found[-1]
    # (each read once: "here" counts as a colon, and presents its sentence anywhere: "...
    # until I had a valid one. Here it is — 956869210. Thank you ...")
    here = [m is not None and _here(line[m.start() : m.start(1)]) for m in found]
    colon = [
        here[k] or (m is not None and line[m.start() : m.start(1)].rstrip().endswith(":"))
        for k, m in enumerate(found)
    ]
    out = [last] if last is not None else []
    # (colon[k] only where found[k] is a match; the last presents beside the one before it)
    beside = [*colon[:-1], last is not None]
    for k, m in enumerate(found[:-1]):
        if colon[k] and ((k > 0 and colon[k - 1]) or beside[k + 1] or here[k]):
            out.append(m)  # type: ignore[arg-type]
    return out


def _after_colon(line: str, m: re.Match) -> bool:
    """Does the sentence m present its number after a colon, or hand it over with "here"
    ("Here it is — 956869210.")?"""
    before = line[m.start() : m.start(1)]
    return before.rstrip().endswith(":") or _here(before)


def _here(before: str) -> bool:
    """Does a sentence hand its number over with "here" (scopes.presenting_here)?"""
    return _PRESENT_HERE_RE.fullmatch(latin_lower(before)) is not None


_PRESENT_HERE_RE = re.compile(_S["presenting_here"])


def has_reference(text: str) -> bool:
    """Does text hold a back reference, a masked number or a field named for an
    identifier (scopes() then reads even a text of one line: '<TaxpayerID>N</TaxpayerID>
    <BankRouting>M</BankRouting>')? One search each: sre skips from one "th" to the next
    (quicker than testing for each place word first, as the JavaScript twin does)."""
    return (
        _BACK_RE.search(_back_low(text)) is not None
        or _masked(text)
        or _id_field(text)
        or in_order(_low(text))
    )


def in_order(low: str) -> bool:
    """Does the lower-cased text say its numbers go in the order of a list of kinds
    ("respectively", "in order": scopes.in_order), or name numbers' kinds by their places
    ("first is the EIN, second is ...": scopes.ordinal, two place words at least)? A
    quick test of a few words."""
    return (any(h in low for h in _IN_ORDER_HINTS) and _IN_ORDER_RE.search(low) is not None) or (
        _ordinal(low) is not None
    )


def _ordinal(low: str) -> re.Match | None:
    """The first place word of the lower-cased text, if it holds two (scopes.ordinal)."""
    if not any(h in low for h in _ORDINAL_HINTS):
        return None
    m = _ORDINAL_RE.search(low)
    return m if m is not None and _ORDINAL_RE.search(low, m.end()) is not None else None


def _ordinal_lists(text: str, forced: dict[int, str], notes: dict[int, str]) -> None:
    """Numbers listed one after another beside a sentence that names each one's kind by
    its place ("N and M. First is the EIN, second is the CT registration number"):
    each takes its kind, DENIED for a negative one (scopes.ordinal)."""
    low = _low(text)
    m = _ordinal(low)
    while m is not None:
        e = _ORDINAL_END_RE.search(low, m.end())
        end = e.start() if e is not None else len(low)
        places = list(_ORDINAL_RE.finditer(low, m.start(), end))
        kinds = _place_kinds(low, places, end)
        items = _ordinal_items(text, low, m.start(), e)
        order = _places(places, len(items)) if kinds is not None else None
        if order is not None and kinds is not None:
            for at, kind, place in zip(order, kinds, places, strict=True):
                item = items[at]
                if kind in ID_KINDS or kind == "neg":
                    forced[item.start()] = kind if kind in ID_KINDS else DENIED
                    notes[item.start()] = f'its place, named "{place.group()}"'
        m = _ORDINAL_RE.search(low, end)


def _place_kinds(low: str, places: list[re.Match], end: int) -> list[str] | None:
    """The first cue's kind of each clause a place word opens (to the next one or end),
    or None when one names none."""
    kinds = []
    for m, nxt in zip(places, [*places[1:], None], strict=True):
        found = _cues(low[m.end() : nxt.start() if nxt is not None else end])
        if not found:
            return None
        kinds.append(found[0])
    return kinds


def _places(places: list[re.Match], n: int) -> list[int] | None:
    """The place of each place word among n numbers (ordinal_places: -1 the last, None
    the one after the place before), or None unless they are each of the n once."""
    out: list[int] = []
    for m in places:
        place = _ORDINAL_PLACES[m.group(1)]
        if place is None:
            if not out:
                return None
            place = out[-1] + 1
        out.append(n - 1 if place == -1 else place)
    return out if n >= 2 and sorted(out) == list(range(n)) else None


_ORDINAL_DASHES = ("-", "--", "—", "–")


def _ordinal_items(text: str, low: str, s: int, e: re.Match | None) -> list[re.Match]:
    """The numbers listed right before s (only spaces and punctuation between), or else
    right after the sentence's end e when that is a colon at a line's end."""
    items = [
        i
        for i in _IN_ORDER_ITEM_RE.finditer(text, max(0, s - _ORDINAL_REACH), s)
        if sum(c.isdigit() for c in i.group()) >= _ORDINAL_MIN_DIGITS
    ]
    if items and _ORDINAL_BEFORE_RE.fullmatch(low, items[-1].end(), s) is not None:
        k = len(items) - 1
        while k > 0 and _ORDINAL_BETWEEN_RE.fullmatch(low, items[k - 1].end(), items[k].start()):
            k -= 1
        return items[k:]
    # (after a colon, a dash, or a full stop ending its line: "First one is the federal,
    # second is the Connecticut one.\n\nN\nM", "the first is routing, the second the
    # account — N / M")
    line_end = e is not None and e.group() == "." and text.startswith("\n", e.end())
    dash = e is not None and e.group().strip(" \t") in _ORDINAL_DASHES
    if e is None or not (e.group().startswith(":") or line_end or dash):
        return []
    out: list[re.Match] = []
    pos = e.end() + line_end
    for i in _IN_ORDER_ITEM_RE.finditer(text, pos, min(len(text), pos + _ORDINAL_REACH)):
        if sum(c.isdigit() for c in i.group()) < _ORDINAL_MIN_DIGITS:
            continue
        if _ORDINAL_BETWEEN_RE.fullmatch(low, pos, i.start()) is None:
            break
        out.append(i)
        pos = i.end()
    return out


def _in_order_lists(text: str, forced: dict[int, str], notes: dict[int, str]) -> None:
    """Numbers listed in a sentence that says they go in the order of a list of kinds on
    one side of them ("The notice number and the letter ID are N and M respectively"):
    each takes its item's kind, DENIED for a negative one, over the kind of a table or
    a list's heading (scopes.in_order)."""
    low = _low(text)
    if not in_order(low):
        return
    for m in _IN_ORDER_RE.finditer(low):
        start = 0
        for b in _IN_ORDER_END_RE.finditer(low, 0, m.start()):
            start = b.end()
        e = _IN_ORDER_END_RE.search(low, m.end())
        end = e.start() if e is not None else len(low)
        items = [
            i
            for i in _IN_ORDER_ITEM_RE.finditer(text, start, end)
            if sum(c.isdigit() for c in i.group()) >= MIN_DIGITS
        ]
        if len(items) < 2 or any(
            _IN_ORDER_BETWEEN_RE.fullmatch(low, a.end(), b.start()) is None
            for a, b in pairwise(items)
        ):
            continue
        kinds = _listed_kinds(low[start : items[0].start()])
        if len(kinds) != len(items):
            kinds = _listed_kinds(low[items[-1].end() : end])
        if len(kinds) != len(items):
            continue
        for item, kind in zip(items, kinds, strict=True):
            # (its first digit: "L2241827275")
            at = item.start() + len(item.group()) - len(item.group().lstrip(_ITEM_LETTERS))
            if kind in ID_KINDS or kind == "neg":
                forced[at] = kind if kind in ID_KINDS else DENIED
                notes[at] = f'the list of kinds it is given "{m.group()}"'


def _listed_kinds(part: str) -> list[str]:
    """The kind of the first cue of each item of a list of kinds (parts split by
    scopes.in_order_separator; an item with no cue counts for none)."""
    out = []
    for item in _IN_ORDER_SEP_RE.split(part):
        found = _cues(item)
        if found:
            out.append(found[0])
    return out


def _id_field(text: str) -> bool:
    """Does text hold an XML element or JSON field whose name names an identifier?"""
    if "<" not in text and '"' not in text and "'" not in text:
        return False
    found: dict[int, str] = {}
    _fields(text, found, {})
    return bool(found)


def _masked(text: str) -> bool:
    """Does text hold a number masked but for its last four digits? (Two mask characters
    in a row first: most texts have none, and the search starts with a lookbehind.)"""
    if "XX" in text or "xx" in text or "**" in text or "••" in text:
        return _MASKED_RE.search(text) is not None
    return False


def _masked_numbers(text: str, forced: dict[int, str], notes: dict[int, str]) -> None:
    """A number masked but for its last four digits (XXX-XX-7488, XX-XXX7488) gives its
    kind to each number of nine digits in the text that ends in the same four."""
    if not _masked(text):
        return
    last4: dict[str, str] = {}
    for m in _MASKED_RE.finditer(text):
        last4.setdefault(m.group(3), "ssn" if m.group(1) is not None else "fein")
    if not last4:
        return
    for n in _LONG_NUMBER_RE.finditer(text):
        digits = n.group().replace("-", "").replace(".", "").replace(" ", "").replace("/", "")
        kind = last4.get(digits[-4:]) if len(digits) == MIN_DIGITS else None
        if kind is not None and n.start() not in forced:
            forced[n.start()] = kind
            notes[n.start()] = "a number masked but for the same last four digits names its kind"


def _back_low(text: str) -> str:
    """The Latin lower-casing of text (str.lower() when it is ASCII: the same, quicker)."""
    return text.lower() if text.isascii() else _low(text)


def _back_references(text: str, forced: dict[int, str], notes: dict[int, str]) -> None:
    """A sentence that names a number by its place and says what it is ("... 246804358
    and 198-502896. The first one is the routing"; "The account number above is our
    Connecticut tax registration number") gives that number the kind of its cue. The
    sentences are read at most _BACK_SENTENCE characters each way (linear)."""
    low = _back_low(text)
    numbers: list[int] | None = None  # where each number of MIN_DIGITS+ digits starts
    for m in _BACK_RE.finditer(low):
        cue = CUE_RE.match(low, m.end())
        if cue is None or cue.lastindex is None:
            continue
        kind = CUE_KINDS[cue.lastindex - 1]
        end = _BACK_END_RE.search(low, cue.end(), cue.end() + _BACK_SENTENCE)
        stop = end.start() if end is not None else min(len(low), cue.end() + _BACK_SENTENCE)
        # not "the first number is my SSN: N", which the cue before N answers
        if kind not in ID_KINDS or _DIGIT_RE.search(low, cue.end(), stop) is not None:
            continue
        if numbers is None:
            numbers = [
                n.start()
                for n in _LONG_NUMBER_RE.finditer(text)
                if sum(c in _DIGITS for c in n.group()) >= MIN_DIGITS
            ]
        place = m.group(1) or m.group(2) or m.group(3)
        k = bisect_left(numbers, m.start())
        if place == "above":
            picked = numbers[k - 1 : k] if k else []
        elif place == "below":
            picked = numbers[bisect_left(numbers, stop) :][:1]
        else:
            # the numbers of the sentence before, or of its own sentence before it
            j = m.start()
            while j > 0 and low[j - 1] in " \t":
                j -= 1
            own = j == 0 or low[j - 1] not in ".!?\n"
            end_at = m.start() if own else j - 1
            lo = max(0, end_at - _BACK_SENTENCE)
            for e in _BACK_END_RE.finditer(low, lo, end_at):
                lo = e.end()
            listed = numbers[bisect_left(numbers, lo) : k]
            at = _BACK_PLACES[place]
            picked = [listed[at]] if len(listed) >= 2 and at < len(listed) else []
        for o in picked:
            if o not in forced:
                forced[o] = kind
                notes[o] = f'the sentence "{text[m.start() : cue.end()]}", which names it'


def _anaphor_at(text: str, o: int) -> bool:
    """Does an anaphor present the number at o ("the correct one is N", wherever it
    stands)? It ends in "is", "es", "be" or "it's" and spaces or a colon before N (read
    in lower case, as _topic_scope reads it: "THE CORRECT ONE IS N")."""
    j = o
    while j > 0 and text[j - 1] in " :":
        j -= 1
    if not (
        j < o and j > 0 and _anaphor_end(text[j - 1].lower(), text[max(0, j - 4) : j - 1].lower())
    ):
        return False
    lo = max(0, o - 60)
    base = max(0, lo - 1)  # the lookbehind's character before lo
    low = latin_lower(text[base : o + 1])
    return any(base + a.start(1) == o for a in _ANAPHOR_RE.finditer(low, lo - base))


def _field_value(text: str, start: int, o: int) -> bool:
    """Does the number at o, on the line starting at start, start the value of an XML
    element or JSON field ("<PrimarySSN>N", '"ssn": "N')?"""
    if o == 0 or text[o - 1] not in '>" \t:':
        return False
    return any(f.end() == o for f in _FIELD_RE.finditer(text, start, o + 1))


def _spoken_turn_at(line: str, pos: int) -> int:
    """Where a number read out in words starts in the rest of a turn from pos, when the
    turn is nothing but that number ("Me: zero seven three four zero zero two three
    nine."): at least spoken_turn_min_words of _SPOKEN_WORDS, with only spaces and pauses
    between; -1 if not. A word of answer may open the turn ("No, seven one, five one
    ...": spoken_turn_lead), or a few words ending in an answer's copula ("yes gram it's
    five eight three ...": spoken_turn_copula), and one word may close it ("... nine three
    right": spoken_turn_tail)."""
    rest = line[pos:]
    words = list(_LETTERS_RE.finditer(rest))
    end = len(words)
    if end and words[-1].group().lower() in _SPOKEN_TAIL:
        end -= 1
    k = end
    while k > 0 and words[k - 1].group().lower() in _SPOKEN_WORDS:
        k -= 1
    if end - k < _SPOKEN_MIN_WORDS:
        return -1
    start = words[k].start()
    if not all(c in _SPOKEN_GAPS for c in _LETTERS_RE.sub("", rest[start:])):
        return -1  # (a digit among the words, or other signs)
    before = rest[:start]
    if k == 0 or (k == 1 and words[0].group().lower() in _SPOKEN_LEAD):
        if not all(c in _SPOKEN_GAPS for c in _LETTERS_RE.sub("", before)):
            return -1
    elif k > _SPOKEN_COPULA_WORDS or _SPOKEN_COPULA_RE.search(before) is None:
        return -1
    return pos + start


def _presenting_turn(line: str, off: int) -> bool:
    """Is the line a speaker's turn (after a chat's time stamp and name) presenting a
    number?"""
    sp = _SPEAKER_RE.match(line, off)
    return sp is not None and _PRESENT_RE.fullmatch(line, sp.end()) is not None


def could_be_scoped(text: str, o: int, keyed: Callable[[], bool] | None = None) -> bool:
    """Could scopes() give the number starting at original offset o a kind? Only on a
    line that could be a table row (it holds a cell separator), a list item whose value
    starts at o, or a line presenting the number alone. A quick test that spares most
    texts reading their scopes; the answer of scopes() itself is unchanged. keyed, if
    given, answers keyed_context(text) (the caller caches it)."""
    start = text.rfind("\n", 0, o) + 1
    # (or one keyed into the phone line)
    if _anaphor_at(text, o) or _field_value(text, start, o) or _keyed_at(text, o, keyed):
        return True
    end = text.find("\n", o)
    line = text[start : end if end >= 0 else len(text)]
    if line.endswith("\r"):
        line = line[:-1]
    q = _QUOTE_RE.match(line)
    off = q.end() if q else 0
    if _mode(line[off:]) is not None:  # a table row has its header's cell separator
        return True
    # a cell of a row written with ", " between cells starts the line or follows ", ",
    # perhaps after a quote ("VALUES (4471, 'Bella Napoli Pizzeria LLC', '443614341', …")
    if (
        o == start + off
        or text.startswith(", ", o - 2)
        or (text[o - 1 : o] in ("'", '"') and text.startswith(", ", o - 3))
    ) and line.count(", ") >= 2:
        return True
    # an item's bullet, label and separator hold at most _ITEM_MAX_INK characters
    # other than spaces and tabs before its value
    before = line[off : o - start]
    if len(before) - before.count(" ") - before.count("\t") <= _ITEM_MAX_INK:
        m = _ITEM_RE.match(line[off:])  # "^" in the pattern means the line's start
        if m is not None and start + off + m.start(4) == o:
            return True
    # a check's bottom line ("|: 219104535 |: 7806013696 ||' 4209")
    if _CHECK_LINE_RE.fullmatch(line, off) is not None:
        return True
    # the taxpayer ID of an ACH tax payment's TXP record
    if text.startswith("TXP*", o - 4):
        return True
    # a turn that is a number read out in words ("Me: zero seven three ..."), or a whole
    # line so, under a transcript's header line ("Speaker 2  0:20")
    sp = _SPEAKER_RE.match(line, off)
    if _spoken_turn_at(line, off if sp is None else sp.end()) == o - start:
        return True
    # a turn that answers with its number, perhaps a few words after it, or with the first
    # piece of it
    if sp is not None and start + _turn_answer_at(line, sp.end()) == o:
        return True
    # a presented number ends its line, or its sentence in a series of them
    if _ends_in_number(line) and (
        _PRESENT_GLUED_RE.fullmatch(line, off) is not None or _presenting_turn(line, off)
    ):
        return True
    return any(start + off + m.start(1) == o for m in _presenting_sentences(line[off:]))


def _topic(text: str, lines: list[tuple[int, str]]) -> tuple[str | None, str | None]:
    """The kind of identifier the subject line, the opening sentence and the quoted lines
    (with a quote prefix, or after an Outlook or Gmail reply header) give a number of nine
    digits and one of more (_topic_kinds)."""
    kinds: set[str] = set()
    first = next((line for _off, line in lines if line.strip()), "")
    if _SUBJECT_RE.fullmatch(first):
        kinds.update(k for k in _cues(first, True) if k in ID_KINDS)
    opening = _opening_sentence(lines)
    kinds.update(k for k in _cues(opening, True) if k in ID_KINDS)
    pos = 0
    # a quote header ends its line with ":", "-" or "_" and spaces: most texts have none
    headers = _HEADER_END_RE.search(text) is not None
    parts = text.split("\n")
    for i, line in enumerate(parts):
        pos += len(line) + 1
        if _QUOTE_RE.match(line):
            kinds.update(k for k in _cues(line, True) if k in ID_KINDS)
            # a cue a hard wrap split between two quoted lines ("> ... I need your
            # social\n> security number ..."): read across the wrap, as one line
            nxt = _QUOTE_RE.match(parts[i + 1]) if i + 1 < len(parts) else None
            if nxt is not None and _ASCII_LETTER_RE.match(line[-1:] + parts[i + 1][nxt.end() :]):
                joined = line + " " + parts[i + 1][nxt.end() :]
                kinds.update(k for k in _cues(joined, True) if k in ID_KINDS)
        elif (
            headers
            and line.rstrip().endswith(_QUOTE_HEADER_ENDS)
            and _QUOTE_HEADER_RE.fullmatch(latin_lower(line))
        ) or _outlook_header(parts, i):
            # a header that starts a quote without prefixes: all the rest is quoted
            rest = _WRAP_RE.sub(" ", text[pos:]) if "\n" in text[pos:] else text[pos:]
            kinds.update(k for k in _cues(rest, True) if k in ID_KINDS)
            break
    return _topic_kinds(kinds)


_NUMBER_AT_RE = re.compile(r"[0-9](?:[0-9]|[-. ][0-9])*")
_CT_NO_CUE_LOCATION = RULES["ct_tax_reg"]["no_cue_location_prefix"]
_OUTLOOK_FROM = tuple(_S["outlook_header"][0])
_OUTLOOK_NEXT = tuple(_S["outlook_header"][1])


def _outlook_header(parts: list[str], i: int) -> bool:
    """Does line i start Outlook's header with no separator above it ("From: …" over
    "Sent: …", scopes.outlook_header)?"""
    return (
        i + 1 < len(parts)
        and latin_lower(parts[i].lstrip(" \t")[:6]).startswith(_OUTLOOK_FROM)
        and latin_lower(parts[i + 1].lstrip(" \t")[:12]).startswith(_OUTLOOK_NEXT)
    )


def _topic_kinds(kinds: set[str]) -> tuple[str | None, str | None]:
    """The kinds a topic gives a number of nine digits and one of more: the kind it names
    if it names one; if several, the one that fits each length (the CT number has ten or
    more digits, the others nine; an SSN and an ITIN are one cue, the digits tell which)."""
    if len(kinds) == 1:
        kind = next(iter(kinds))
        return kind, kind
    nine = {"ssn" if k == "itin" else k for k in kinds if k != "ct"}
    if len(nine) == 2 and "taxid" in nine:
        nine.discard("taxid")  # "tax ID" and the kind it is: "taxpayer identification"
    return (nine.pop() if len(nine) == 1 else None), ("ct" if "ct" in kinds else None)


def _opening_sentence(lines: list[tuple[int, str]]) -> str:
    """The first sentence of the first paragraph of more than a greeting."""
    para: list[str] = []
    for _off, line in lines:
        if line.strip():
            para.append(line.strip())
            continue
        # a salutation of any length ("To whom it may concern,") is not the opening
        salutation = len(para) == 1 and para[0].endswith(",")
        if len(" ".join(para).split()) >= _S["min_opening_words"] and not salutation:
            break
        para = []
    words = " ".join(para)
    m = re.search(r"[.!?](?:\s|$)", words)
    return words[: m.start()] if m else words
