"""Cues and their scopes: which cue word a number takes. A cue binds to the nearest
number in its sentence or clause (before it, else after it), a number joined on to
another takes that number's cue, a negated cue claims its number as something else,
and the wider scopes (table column, list, topic: _scopes) answer when asked."""

from __future__ import annotations

import re

from ._checks import _card_ok, _ssn_or_itin
from ._normalise import latin_lower
from ._rules import (
    ANAPHOR_CARRY_RE,
    ANAPHOR_CARRY_REACH,
    ANSWER_AFTER_CUE_RE,
    ARROW_LABEL_GAP_RE,
    ASIDE_PAUSE_RE,
    ASIDE_PAUSE_REACH,
    ASIDE_RE,
    ASIDE_REACH,
    BUSINESS_NAME_RE,
    BUSINESS_REACH,
    BUSINESS_TYPE_AFTER_RE,
    BUSINESS_TYPE_BEFORE_RE,
    BUSINESS_TYPE_BEFORE_REACH,
    CARD_WORDS_RE,
    CARD_WORDS_REACH,
    CARRY_GAP_RE,
    CARRY_MAX_GAP,
    CARRY_OWNER_RE,
    CORRECTION_GAP_RE,
    CT_BASE_MIN,
    CT_LOC,
    CT_PLACEHOLDER_BASES,
    CUE_CONTRAST_GAP_RE,
    CUE_KINDS,
    CUE_LIST_GAP_RE,
    CUE_RE,
    CUE_ROW_GAP_RE,
    CUE_START_RE,
    CUE_WINDOW,
    DENIAL_ANSWER_NO_RE,
    DENIAL_ANSWER_NOT_RE,
    DENIAL_ANSWER_OWNER_RE,
    DENIAL_ANSWER_SAID_RE,
    DENIAL_BRACKET_RE,
    DENIAL_BREAK_RE,
    DENIAL_CLAUSE_AND_RE,
    DENIAL_CONTRAST_RE,
    DENIAL_CONTRAST_SAID_RE,
    DENIAL_CONTRAST_SHAPES,
    DENIAL_COPULA_RE,
    DENIAL_CORRECTED_RE,
    DENIAL_HAS_NONE_RE,
    DENIAL_MISTAKE_RE,
    DENIAL_NEGATION_AFTER_LEAD_RE,
    DENIAL_NEGATION_AFTER_RE,
    DENIAL_NEGATION_RE,
    DENIAL_NEXT_CLAUSE_RE,
    DENIAL_OWN_COPULA_OWNER_RE,
    DENIAL_OWN_COPULA_RE,
    DENIAL_OWNER_RE,
    DENIAL_QUESTION_AFTER_RE,
    DENIAL_QUESTION_LINE_RE,
    DENIAL_QUOTE_REACH,
    DENIAL_QUOTED_LINE_RE,
    DENIAL_RELABEL_RE,
    DENIAL_RELATIVE_RE,
    DENIAL_RELATIVE_REACH,
    DENIAL_REPLY_HEADER_RE,
    DENIAL_REPLY_LINES,
    DENIAL_SHAPE_SPEAKS,
    DENIAL_TAKEN_BACK_LEAD_RE,
    DEPOSIT_PLACE_GAP_RE,
    DEPOSIT_PLACE_RE,
    DIGITS_RE,
    DOCUMENT_CUE_RE,
    DOCUMENT_OF_ID_RE,
    HEADER_LINE_LOW_RE,
    HINT_RE,
    INTRO_RE,
    LABEL_AFTER_CLAUSE_RE,
    LABEL_AFTER_GAP_RE,
    LABEL_LINE_END_RE,
    MAX_CUE,
    MICR_LETTERS,
    MICR_LETTERS_CONTEXT_RE,
    MICR_LETTERS_REACH,
    MICR_MARKS,
    MIN_DIGITS,
    PARAGRAPH_CARET_RE,
    PARAGRAPH_RE,
    PLACEHOLDER_RE,
    PLURAL_CUE_RE,
    RESTART_CORRECTED_RE,
    RESTART_MAX_GAP,
    RESTART_MIN_DIGITS,
    ROUTING_PAIR_AFTER_RE,
    RULES,
    SENTENCE_END_RE,
    SENTENCE_SOFT_RE,
    TURN_ANSWER_LEAD_RE,
    TURN_ANSWER_LEAD_REACH,
    TURN_BACK_RE,
    TURN_SPEAKER_RE,
    WEAK_CUE_BANK_RE,
    WEAK_CUE_OF_ID_RE,
    WEAK_CUE_QUALIFIES_RE,
    WEAK_CUES_AFTER,
)
from ._scopes import (
    DENIED_LIST_RE,
    ID_KINDS,
    NEGATIVE_COLUMN_GATE_RE,
    NO_LAYOUT,
    Fields,
    _anaphor_at,
    could_be_scoped,
    has_reference,
    in_order,
    keyed_context,
    layout,
    scopes,
)

_SSN_WRITTEN = len("123-45-6789")
_CT_WRITTEN = len("1234567-000")
_LEFT_OUT = "+$\u20ac\u00a3\u00a5"  # phone country code or currency before a chunk


def _cue_kind(m) -> str:
    return CUE_KINDS[m.lastindex - 1]


_NEG_KINDS = ("neg", "neg_bare")
_CLAUSE_JOIN_RE = re.compile("(?<![a-z])(?:and|but|so)(?![a-z])")  # a later clause's joint
_BARE_ACCOUNT = frozenset(("account", "accounts"))
_ACCOUNT_BEFORE_NOT_RE = re.compile(RULES["ct_tax_reg"]["account_before_not"])
_ACCOUNT_BEFORE_REACH = 16  # characters read before a bare "account" (account_before_not)
# how far back, over how many sentence ends, the cue an answer's anaphor ("the correct
# one is N": _scopes._anaphor_at) refers to may stand (_answer_far)
_ANSWER_FAR_REACH = 160
_ANSWER_FAR_SENTENCES = 2
_NUMBER_WORD_RE = re.compile(" ?(?:numbers?|nos?|num|#|id)(?![a-z])")
# what may lead a list's line before its number (a bullet), and stand between one line's
# number and the next's (a note in brackets)
_LIST_LEAD_RE = re.compile("[ \t]*(?:[-*•][ \t]*)?")
_LIST_BELOW_RE = re.compile("(?:[ \t]*\\([^()\n0-9]{1,40}\\))?[ \t]*\n[ \t]*(?:[-*•][ \t]*)?")
_STOP_RE = re.compile("[.!?]")  # a sentence's end, between a cue and its number
_NO_CUE_OR_NEG = (None, *_NEG_KINDS)
_PERSON_KINDS = ("ssn", "itin", "taxid")
_LIST_JOIN_RE = re.compile(", |,\n| / ")
_SHARED_MIN: int = RULES["cue_list_min_digits"]  # a house number takes no cue
# two numbers, each long enough to take a cue, with one space or slash between (the
# second perhaps grouped by dashes or dots): "routing and account: 232067468 498058767",
# "Acct/Routing 498058767/232067468", "EIN/phone: 135368685/860-555-0107"
_PAIR_RE = re.compile(
    f"[0-9]{{{_SHARED_MIN},}}(?: ?/ ?| )[0-9](?:[-.]?[0-9]){{{_SHARED_MIN - 1},}}"
)
# a negation word anywhere in a gap (DENIAL_NEGATION_RE matches where a cue starts)
_NEGATED_RE = re.compile("(?<![a-z])" + DENIAL_NEGATION_RE.pattern)
_VOID = CUE_KINDS.index("void") + 1  # group of the phrases that bind to nothing


# a negation right before a cue in a bracket ("(I'm a sole proprietor, no EIN)")
_BRACKET_NO_RE = re.compile(RULES["denial"]["bracket_no"] + "\\Z")


# the kinds a later denial may name for a number found as each kind by its shape
_LATER_KINDS: dict[str, tuple[str, ...]] = {
    k: tuple(v) for k, v in RULES["denial"]["later_kinds"].items()
}
_CLAUSE_MARKS = tuple(RULES["denial"]["later_clause_marks"])
_SENTENCE_MARKS = frozenset(RULES["denial"]["later_sentence_marks"])
_LATER_REACH: int = RULES["denial"]["later_reach"]
_LATER_REST: int = RULES["denial"]["later_rest"]
_LATER_LEAD_RE = re.compile(RULES["denial"]["later_lead"])
_LATER_CARD_RE = re.compile(RULES["denial"]["later_card"])
_LATER_OWNER_RE = re.compile(RULES["denial"]["later_owner"])
# a bank that names a bare "account" before a number a bank account's (account_bank)
_ACCOUNT_BANK_BEFORE_RE = re.compile("(?:" + RULES["account_bank_before"] + ")$")
_ACCOUNT_BANK_AFTER_RE = re.compile(RULES["account_bank_after"])
_ACCOUNT_BANK_REACH = 40  # characters read before the word


def _next_cue(norm: str, pos: int, end: int):
    """The first cue in norm[pos:end] that is not a void phrase."""
    m = CUE_START_RE.search(norm, pos, end)
    if m is None:
        return None
    m = CUE_RE.search(norm, m.start(), end)
    while m is not None and m.lastindex == _VOID:
        m = CUE_RE.search(norm, m.end(), end)
    return m


_AZ = frozenset("abcdefghijklmnopqrstuvwxyz")
_QUOTED_RE = re.compile("(?:[ \t]*>)+")


def _cue_lines(low: str) -> str:
    """low with each line break between two letters a space and each quote prefix after
    a line break spaces (the twin's two replace() calls; a loop over the lines, as a
    pattern that starts with a lookbehind is tried at every character by sre)."""
    lines = low.split("\n")
    out = [lines[0]]
    for i in range(1, len(lines)):
        line = lines[i]
        if lines[i - 1][-1:] in _AZ and line[:1] in _AZ:
            out.append(" ")
        else:
            out.append("\n")
            m = _QUOTED_RE.match(line)
            if m is not None:
                line = " " * m.end() + line[m.end() :]
        out.append(line)
    return "".join(out)


def _blank_placeholders(s: str) -> str:
    """s with the words inside each placeholder made spaces (same length)."""
    return PLACEHOLDER_RE.sub(lambda m: "[" + " " * (m.end() - m.start() - 2) + "]", s)


class _Text:
    """The normalised text and, made on first use, its ASCII-lower-cased copy."""

    __slots__ = (
        "_cue_norm",
        "_denies",
        "_keyed",
        "_layout",
        "_low",
        "_referred",
        "_scopes",
        "_wrapped",
        "lines",
        "norm",
        "original",
        "starts",
    )

    def __init__(
        self, norm: str, starts: list[int] | None, original: str, low: str | None = None
    ) -> None:
        self.norm = norm
        self.starts = starts
        self._cue_norm = norm
        if "[" in norm:
            # the words of a placeholder remove() left ("[Social Security number
            # removed]") are no cue, for the numbers beside it or in its scopes
            self._cue_norm = _blank_placeholders(norm)
            if self._cue_norm != norm:
                low = None
                original = _blank_placeholders(original)
        self.original = original
        self._low = low
        self._wrapped: str | None = None
        self._scopes: tuple[dict[int, str], dict[int, str], dict[int, str]] | None = None
        # scopes wider than a sentence need lines: a one-line text has none (asked once
        # per chunk, so not searched again in a long text)
        self.lines = "\n" in original
        self._referred: bool | None = None  # has_reference(original), on first use
        self._keyed: bool | None = None  # keyed_context(original), on first use
        self._denies: bool | None = None  # may_deny(), on first use
        self._layout: tuple[dict[int, int], Fields] | None = None  # layout(), on first use

    def may_deny(self) -> bool:
        """Could a list heading deny its items (scopes.denied_list), a table column its
        cells (scopes.negative_column), or a list of kinds its numbers in order
        (scopes.in_order)? Searches of the lower-cased text, so that a number its shape
        alone makes an identifier reads the scopes only where one could."""
        if self._denies is None:
            self._denies = (
                self.lines
                and (
                    DENIED_LIST_RE.search(self.low_lines) is not None
                    or NEGATIVE_COLUMN_GATE_RE.search(self.low_lines) is not None
                )
            ) or in_order(self.low_lines)
        return self._denies

    def layout(self) -> tuple[dict[int, int], Fields]:
        """The fixed-width record a sentence of the text lays out (_scopes.layout)."""
        if self._layout is None:
            self._layout = layout(self.norm) if self.lines else NO_LAYOUT
        return self._layout

    def original_at(self, s: int) -> str:
        """The character of the original text at norm index s."""
        return self.original[s if self.starts is None else self.starts[s]]

    def note(self, s: int) -> str | None:
        """The words for the scope that governs a piece starting at norm index s."""
        o = s if self.starts is None else self.starts[s]
        return self._scopes[2].get(o) if self._scopes else None

    def scoped(self, s: int, chunk: _Chunk) -> tuple[str | None, str | None]:
        """(forced, fallback) kinds of a piece of chunk starting at norm index s. The
        scopes are read on the first question: most texts never ask (no piece needs a
        cue). A text of one line has no table or list: only a number of bare digits no
        cue reaches takes its topic there ("Federal employer ID number - ... Here:
        519024964"), and any number a back reference ("the first one is the routing")."""
        if (
            not self.lines
            and (
                not self.norm[chunk.cs : chunk.ce].isdigit()
                or chunk.cue_before() is not None
                or chunk.cue_after() is not None
            )
            and not self.referred()
        ):
            return None, None
        o = s if self.starts is None else self.starts[s]
        if self._scopes is None:
            # a number on a line no scope can govern needs none of them read, but for a
            # back reference, which may name any number
            if not could_be_scoped(self.original, o, self.keyed) and not self.referred():
                return None, None
            self._scopes = scopes(self.original)
        forced, fallback, _notes = self._scopes
        if not forced and not fallback:
            return None, None
        return forced.get(o), fallback.get(o)

    def unscoped(self) -> bool:
        """Is it known that no scope gives a number of the text a kind? A text of one
        line has none for a number a cue reaches (scoped()), nor for one no cue reaches
        that scan_chunk passes over; another text only once its scopes have been read
        and hold nothing."""
        if self._scopes is None:
            return not self.lines and not self.referred()
        return not self._scopes[0] and not self._scopes[1]

    def keyed(self) -> bool:
        """Does the text speak of the phone line's keys, prompts or recording
        (scopes.keyed_context)? Asked of could_be_scoped, searched once."""
        if self._keyed is None:
            self._keyed = keyed_context(self.original)
        return self._keyed

    def referred(self) -> bool:
        """Does the text refer to one of its numbers from elsewhere (a back reference, or
        a number masked but for its last four digits)?"""
        if self._referred is None:
            self._referred = has_reference(self.original)
        return self._referred

    @property
    def low_lines(self) -> str:
        """The lower-cased copy with its line breaks, for what reads a line's start."""
        if self._low is None:
            # Latin letters only, one character each: every index stays in place
            self._low = latin_lower(self._cue_norm)
        return self._low

    @property
    def low(self) -> str:
        """The lower-cased copy cues are read in: a hard wrap between two letters is a
        space there ("my Social\nSecurity Number is ..."; in the text a line break
        before a capital ends a sentence, and would part the cue), and a quote prefix
        is spaces, so a quoted label reaches its number as it does unquoted ("> Account
        ID:\n> 2800249001")."""
        if self._wrapped is None:
            low = self.low_lines
            self._wrapped = _cue_lines(low) if "\n" in low else low
        return self._wrapped


def _answered_above(low: str, cs: int, ce: int) -> bool:
    """Is the number asked about on a quoted line ("> ... from the state, 303292763. Is
    that my social security number??") and the question answered "no", with a
    negation, in the reply above the quote ("No mom, that's not your social")?
    (denial.quoted_line, answer_not, reply_header; low keeps its quote prefixes.)"""
    start = low.rfind("\n", max(0, cs - _CHAT_LINE), cs)
    if start < 0:
        return False  # (the quote's first line opens the text: no reply above it)
    stop = min(len(low), ce + _CHAT_LINE)
    end = low.find("\n", ce, stop)
    if end < 0:
        if stop < len(low):
            return False
        end = stop
    q = DENIAL_QUOTED_LINE_RE.match(low, start + 1, end)
    if q is None:
        return False
    if (
        DENIAL_QUESTION_LINE_RE.match(low, q.end(), end) is None
        and DENIAL_QUESTION_AFTER_RE.match(low, ce, end) is None
    ):
        return False
    lines = low[max(0, start - DENIAL_QUOTE_REACH) : start].split("\n")
    k = len(lines) - 1
    while k >= 0 and DENIAL_QUOTED_LINE_RE.match(lines[k]) is not None:
        k -= 1  # the quote above the number's line
    read = 0
    while k >= 0 and read < DENIAL_REPLY_LINES:
        line = lines[k]
        k -= 1
        if (
            DENIAL_QUOTED_LINE_RE.match(line) is not None
            or DENIAL_REPLY_HEADER_RE.match(line) is not None
        ):
            return False
        if not line.strip(" \t\r"):
            continue
        read += 1
        m = DENIAL_ANSWER_NO_RE.match(line)
        if (
            m is not None
            and DENIAL_ANSWER_NOT_RE.search(line, m.end()) is not None
            and DENIAL_ANSWER_OWNER_RE.search(line, m.end()) is None
        ):
            return True
    return False


def _answered_no(low: str, cs: int, ce: int) -> bool:
    """Is the number asked about on its line ("Me: is this my social?? 722999496", "the
    letter has 641857001 at the top, is that my social??") and the question answered
    "no" on the next line that is not blank ("Marek: no thats your license number")?"""
    # (a chat line is short: looked for within _CHAT_LINE of the number, so that a long
    # text costs no scan to its ends for each number)
    start = low.rfind("\n", max(0, cs - _CHAT_LINE), cs)
    end = low.find("\n", ce, ce + _CHAT_LINE)
    if (start < 0 and cs > _CHAT_LINE) or end < 0 or low.find("?", start + 1, end) < 0:
        return False
    if (
        DENIAL_QUESTION_LINE_RE.match(low, start + 1, end) is None
        and DENIAL_QUESTION_AFTER_RE.match(low, ce, end) is None
    ):
        return False
    nxt = end
    while nxt < len(low) and low[nxt] in " \t\n" and nxt - end < _CHAT_LINE:
        nxt += 1
    m = DENIAL_ANSWER_NO_RE.match(low, low.rfind("\n", 0, nxt) + 1)
    if m is None:
        return False
    # (not a "no" that gives it another owner: "no that's the other one, thats mine")
    stop = low.find("\n", m.end())
    stop = stop if stop >= 0 else len(low)
    if not low[m.end() : stop].strip(" \t.,!"):
        # (a bare "no" says what it is on the lines after: "Dee: no" / "Dee: thats the
        # old one from when we were a partnership")
        stop = _lines_on(low, stop, _ANSWER_LINES)
    if DENIAL_ANSWER_OWNER_RE.search(low, m.end(), stop) is not None:
        return False
    # (nor one that gives a number of its own, a correction: "No!! we changed banks. New
    # one is 100123308")
    if _ANSWER_NUMBER_RE.search(low, m.end(), stop) is not None:
        return False
    # (nor one that says what it is but names no other kind of number: "no thats chase
    # NY", another bank's routing number; "no that's your employee number" denies it)
    said = DENIAL_ANSWER_SAID_RE.match(low, m.end(), stop)
    return (
        said is None
        or DENIAL_ANSWER_NOT_RE.search(low, said.end(), stop) is not None
        or _neg_cue_in(low, said.end(), stop)
    )


def _neg_cue_in(low: str, pos: int, end: int) -> bool:
    """Is there a negative cue in low[pos:end]?"""
    m = _next_cue(low, pos, end)
    while m is not None:
        if _cue_kind(m) in _NEG_KINDS:
            return True
        m = _next_cue(low, m.end(), end)
    return False


_CHAT_LINE = 200  # characters: the reach of a chat line from its number
_ANSWER_NUMBER_RE = re.compile("[0-9]{7}")  # a number an answer gives of its own
_ANSWER_LINES = 2  # the lines after a bare "no" read for what it says the number is


def _lines_on(low: str, pos: int, n: int) -> int:
    """The end of the n-th line after the line break at pos (or the text's end)."""
    for _ in range(n):
        if pos >= len(low):
            break
        nxt = low.find("\n", pos + 1)
        pos = nxt if nxt >= 0 else len(low)
    return pos


class _Chunk:
    __slots__ = (
        *("after", "before", "before_end", "carry_kind", "ce", "cs", "nx", "nxe", "pe"),
        *("after_end", "after_start", "at", "before_span", "carried", "prev", "soft"),
        *("aside_end", "text", "why"),
    )

    def __init__(self, text: _Text, cs: int, ce: int, pe: int, nx: int, nxe: int, prev) -> None:
        self.text, self.cs, self.ce, self.pe, self.nx, self.nxe = text, cs, ce, pe, nx, nxe
        self.prev: _Chunk | None = prev  # the chunk of the claim just before, if any
        self.carry_kind: str | None = None
        self.carried = False  # the cue before is the previous number's
        self.before: str | bool | None = False
        self.after: str | bool | None = False
        self.soft: bool | None = False
        self.at = cs  # where the piece being classified starts (its scopes' key)
        self.why: tuple | None = None  # where the last cue() answer came from (--explain)
        self.before_span: tuple[int, int] | None = None
        self.aside_end = -1  # where a cue an aside parts from the number ends (_aside_cue)

    def cue_before(self) -> str | None:
        if self.before is False and _between_marks(self.text.norm, self.cs, self.ce):
            self.before, self.before_end, self.soft = "routing", self.cs, False
            self.before_span = None
        if self.before is False:
            norm, cs = self.text.low, self.cs
            last, prior = _last_cues(
                norm, max(self._cue_floor(), cs - CUE_WINDOW - MAX_CUE), cs, self.ce
            )
            # (or one a relative clause between commas parts from it, over the cues in
            # that clause: "My SSN, which I gave the agent on the phone, is N")
            far = self._aside_cue(cs)
            aside = far is not None and (last is None or last.start() >= far.start())
            if far is not None and aside:
                last = far
                self.aside_end = far.end()
            self.before = None
            if (
                last is not None
                and self.prev is not None
                and _labelled_at(norm, self.ce)
                and self._taken_by_prev(last.start())
                and SENTENCE_END_RE.search(self.text.norm, last.end(), cs) is None
            ):
                pass  # "412083317 SSN 021000021 routing": SSN is the number's before
            elif last is not None and self._reaches(
                last, cs, aside or cs - last.end() <= CUE_WINDOW
            ):
                self.before = _cue_kind(last)
                self.before_end = last.end()
                self.before_span = last.span()
                self.soft = None  # looked up by is_soft() when it matters
                self._settle_before(last, prior)
                # "SSN and EIN: 234567891 and 123456780": the cues are shared out in order
                # (not a cue the number before took as its own, after it: "302-08-7630 is
                # my social, notice number 306129269, phone ...")
                # (nor when the next number has a cue of its own: "da minha conta,
                # roteamento 652637070, conta 8748291386")
                # (not a name only before it: "Connecticut DRS, confirmation numbers N and M")
                # (or two labels over two values, a PDF's rows run together: "Routing
                # number Account number 617958367 2871699970")
                if (
                    prior is not None
                    and prior.group() not in WEAK_CUES_AFTER
                    and (
                        CUE_LIST_GAP_RE.fullmatch(norm, prior.end(), last.start()) is not None
                        or (
                            CUE_ROW_GAP_RE.fullmatch(norm, prior.end(), last.start()) is not None
                            and _PAIR_RE.fullmatch(self.text.norm, cs, self.ce) is not None
                        )
                    )
                    and self._joined_next()
                    and not self._taken_by_prev(prior.start())
                    and not self._next_cued()
                    # (nor a negated identifier cue, which labels no number: "My husband
                    # has no SSN, his ITIN is 973-92-3064. Mine is 146-91-0824")
                    and not _negates_id(norm, prior)
                ):
                    self.carry_kind = self.before
                    self.before = _cue_kind(prior)
                    self.before_span = prior.span()
            elif (far := self._answer_far(cs)) is not None:
                self.before = _cue_kind(far)
                self.before_end = far.end()
                self.before_span = far.span()
                self.soft = None
            elif last is None:
                kind = self._carried_kind()
                if kind is not None:
                    self.before, self.before_end, self.soft = kind, self.pe, True
                    self.carried = True
        return self.before  # type: ignore[return-value]

    def _answer_far(self, cs: int):
        """The identifier cue an answer refers back to over one sentence more than
        _reaches allows, with no other cue between ("I used the wrong routing
        number on my return. I put my old credit union's number. The correct one is
        723-785-440"): the last cue within ANSWER_FAR_REACH characters, if the number
        follows an anaphor ("the correct one is") and at most two sentence ends stand
        between; or None."""
        low = self.text.low_lines
        # (nor a number labelled at once by a cue of its own: "For my ID it's 381064755
        # (social)")
        if not _anaphor_at(low, cs) or _labelled_at(self.text.low, self.ce):
            return None
        lo = max(self._cue_floor(), cs - _ANSWER_FAR_REACH)
        last = prior = None
        for m in CUE_RE.finditer(low, lo, self.ce + 1):
            if m.end() > cs:
                break
            if m.lastindex != _VOID:
                last, prior = m, last
        # ("... has an ITIN, not a social. The number is N": the identifier cue a negated
        # one sets apart from it)
        if (
            last is not None
            and prior is not None
            and _cue_kind(last) in _NEG_KINDS
            and self._contrasted(prior, last)
        ):
            last = prior
        # (nor the label the number before took after it: "... 315403525 is the routing")
        if last is None or _cue_kind(last) not in ID_KINDS or self._taken_by_prev(last.start()):
            return None
        ends = sum(1 for _ in SENTENCE_END_RE.finditer(self.text.norm, last.end(), cs))
        return last if ends <= _ANSWER_FAR_SENTENCES else None

    def _aside_cue(self, cs: int):
        """The cue a relative clause between commas parts from the number, which follows
        'is' at once ("Our federal employer identification number, which I think ...,
        is 625008071"): the cue that ends where the clause's comma starts, or None."""
        norm = self.text.low
        # (most numbers follow no "is", colon or bracket: the clause is looked for only after
        # one)
        tail = norm[max(0, cs - 12) : cs]
        m = None
        if tail.rstrip(" :").endswith(("is", "was", "be")) or tail.rstrip(" ").endswith(
            (":", ")", " -")
        ):
            lo = max(self._cue_floor(), cs - ASIDE_REACH)
            m = ASIDE_RE.search(norm, lo, cs)
        if m is None and tail.rstrip(" ").endswith((",", ".", "…", "-", ":")):
            # (or a hesitation of someone reading it out: "The federal ID, hang on, let me
            # get it, 65. Then 128. Then 0684")
            lo = max(self._cue_floor(), cs - ASIDE_PAUSE_REACH)
            m = ASIDE_PAUSE_RE.search(norm, lo, cs)
        if m is None:
            return None
        at = m.start()
        # (a bracket that names a kind itself says what the cue before it is: "Tax ID
        # (EIN): N")
        # (not one it negates: "My SSN (I'm a sole proprietor, no EIN): N"; and a negative
        # cue only if it opens the bracket, "my tax number (NIF) is N", not one that says
        # what the number is for: "Estate EIN (for the estate bank account): N")
        if norm[at:cs].lstrip(" ").startswith("("):
            named = _next_cue(norm, at, cs)
            if (
                named is not None
                and (
                    _cue_kind(named) not in _NEG_KINDS or norm[at : named.start()].strip(" ") == "("
                )
                and _BRACKET_NO_RE.search(norm, at, named.start()) is None
            ):
                return None
        found = None
        for c in CUE_RE.finditer(norm, max(lo, at - MAX_CUE), at):
            if c.end() == at and c.lastindex != _VOID:
                found = c
        return found

    def _settle_before(self, last, prior) -> None:
        """The kind of the cue before, last (prior, the one before it), as the words
        around it settle it."""
        norm, cs = self.text.low, self.cs
        if self.before == "neg" and prior is not None and self._contrasted(prior, last):
            # "it's an ITIN not a social 931-99-8699": the ITIN cue is the number's
            self.before = _cue_kind(prior)
            self.before_span = prior.span()
        elif self.before == "neg" and _OWNER_BEFORE_RE.fullmatch(norm, last.end(), cs):
            # "not my SSN, my husband's: N": the denial gives another owner, not another
            # kind (denial.owner, for a number before it)
            self.before = _negated_kind(norm, last) or "neg"
        elif self.before in ID_KINDS and _negated_after(norm, last.end(), cs):
            # negated right after it, as Bengali and Korean put it ("এটা আমার SSN
            # না — 713789456 হলো ...": "this is not my SSN")
            self.before = "neg"

    def _cue_floor(self) -> int:
        """Where the cues before the number may start: after the number before it, or,
        when that is a bare year or form number, before it ("My SSN for the 2022 return
        is 235946168", 'company EIN for my 1099 "414776373"': neither is ever an
        identifier, and takes no cue from it), but after any other digit."""
        norm, pe = self.text.norm, self.pe
        ys = pe - 4
        year = norm[ys:pe] if ys >= 0 else ""
        # (a form's name with its letters hyphened on is one too: "the routing number on
        # client Chen's CT-1040 — typed N")
        if _YEAR_RE.fullmatch(year) is None or (
            ys > 0
            and (
                _DIGIT_RE.match(norm, ys - 1) is not None
                or (norm[ys - 1] in _YEAR_GLUE and not _form_prefix(norm, ys))
            )
        ):
            # (nor is a chat's time stamp opening the number's line: "... me pide mi número
            # de seguro social otra vez\n[14/03/2024, 19:03] Rosa Medina: es 442069511")
            ys = _chat_stamp_start(norm, self.text.low, pe, self.cs)
            if ys < 0:
                return pe
        lo = max(0, self.cs - CUE_WINDOW - MAX_CUE)
        for i in range(ys - 1, lo - 1, -1):
            if "0" <= norm[i] <= "9":
                return i + 1
        return lo

    def _carried_kind(self) -> str | None:
        """The cue of the number before, carried to this one with no cue of its own."""
        if self.prev is not None:
            # "SSN 234567891 and my wife's is 345678912": the previous number's cue
            # (or "... (085261408) — they were acquired and the new number is N")
            if not (self._joined(self.pe, self.cs) or self._anaphor_carried()):
                return None
            kind = self.prev.carry()
            if kind is None and CARRY_OWNER_RE.search(self.text.low, self.pe, self.cs):
                # "Mine is 481340047 and Luis's is 488808839", the first under the
                # message's topic: another owner's number of the same kind
                kind = self.prev.scope_kind()
            return kind
        # "my social is 6 9 1 0 1, wait no let me start over, 6 9 1 0 1 9 5 6 5"
        return self._restarted()

    def _anaphor_carried(self) -> bool:
        """Does a correction's anaphor present the number (anaphor_carry) within reach
        after the previous number, in its paragraph?"""
        pe, cs = self.pe, self.cs
        return (
            cs - pe <= ANAPHOR_CARRY_REACH
            and PARAGRAPH_RE.search(self.text.norm, pe, cs) is None
            and ANAPHOR_CARRY_RE.search(self.text.low, max(pe, cs - MAX_CUE), cs) is not None
        )

    def _restarted(self) -> str | None:
        """The identifier cue of an abandoned start of this number just before it: digits,
        too few for an identifier, that begin this number's, in the same paragraph, with
        that cue before them and no other digit between."""
        norm, low, pe, cs = self.text.norm, self.text.low, self.pe, self.cs
        if pe == 0 or cs - pe > RESTART_MAX_GAP or PARAGRAPH_RE.search(norm, pe, cs):
            return None
        fs = _fragment_start(norm, pe)
        if fs < 0:
            return None
        start, own = digits_of(norm, fs, pe), digits_of(norm, cs, self.ce)
        if not (RESTART_MIN_DIGITS <= len(start) < MIN_DIGITS):
            return None
        # (or all but its last digit, said wrong and corrected: "2 9 1 3 0 no sorry 2 9
        # 1 3 7 2 2 8 1")
        if not own.startswith(start) and not (
            len(start) > RESTART_MIN_DIGITS
            and own.startswith(start[:-1])
            and RESTART_CORRECTED_RE.search(low, pe, cs) is not None
        ):
            return None
        last = None
        for m in CUE_RE.finditer(low, max(0, fs - CUE_WINDOW - MAX_CUE), fs):
            if m.lastindex != _VOID:
                last = m
        if last is None or fs - last.end() > CUE_WINDOW or _DIGIT_RE.search(low, last.end(), fs):
            return None
        kind = _cue_kind(last)
        return kind if kind in ID_KINDS else None

    def _contrasted(self, prior, last) -> bool:
        """Is the negative cue last a negated identifier cue that sets the identifier cue
        prior apart from it ("an ITIN not a social", "my EIN (not my SSN)")?"""
        low = self.text.low
        return (
            _cue_kind(prior) in ID_KINDS
            and DENIAL_NEGATION_RE.match(low, last.start()) is not None
            and CUE_CONTRAST_GAP_RE.fullmatch(low, prior.end(), last.start()) is not None
        )

    def _taken_by_prev(self, start: int) -> bool:
        """Did the previous number, which has no cue before it, take the cue starting at
        start as its cue after?"""
        p = self.prev
        return (
            p is not None
            # (a number with no identifier's shape in it takes no cue: "[2/11/24, 7:45:55
            # PM] Anna: yes routing 619680950 account ...")
            and HINT_RE.search(self.text.norm, p.cs, p.ce) is not None
            and p.cue_before() is None
            and p.cue_after() is not None
            and p.after_start == start
            # (in its own sentence: "... $130,183,276.51 but I got less.\nCT Tax
            # Registration No: 384306130 001 SSN: ..." leaves it to the number after it)
            and SENTENCE_END_RE.search(self.text.norm, p.ce, start + 1) is None
        )

    def _reaches(self, cue, cs: int, near: bool) -> bool:
        """Does the cue reach the number at cs: near it (within the window) with no
        sentence end between, or, for an identifier cue, with only the one before an
        answer right before the number ("... my social security number. It is
        730604390"), which may be further ("I typed my routing number wrong, I think I
        switched two digits. The correct one is 635543686")?"""
        norm, end = self.text.norm, cue.end()
        if near and SENTENCE_END_RE.search(norm, end, cs) is None:
            # (a negative cue does not reach over a blank line from prose: "... I gave this
            # to the lady on the phone but she said to put it in writing\n\n712079172";
            # a question's or a label's does: "> What is the confirmation number?\n\nN")
            if norm.find("\n", end, cs) < 0 or _cue_kind(cue) in ID_KINDS:
                return True
            # (nor over another speaker's turn that opens the number's line: "11:15
            # Agent: what's the registration # on the account?\n11:16 Customer: N")
            # (unless it answers that cue alone: "Agent: and then the account" / "Caller:
            # 0049 1182 3")
            if _turn_opens(self.text.low_lines, end, cs):
                return self._turn_answer(cue, lead=False)
            return PARAGRAPH_RE.search(norm, end, cs) is None or _ends_label_line(norm, end)
        if _cue_kind(cue) not in ID_KINDS:
            return False  # "... for my closed account. The new one is ...": no answer
        # (or the number opens the next speaker's turn, on the line under the cue's:
        # "Dana: whats your ssn\nMe: 376218845 I think. its on the card")
        # (a few words may open that turn: turn_answer_lead)
        if (near or cs - end <= CUE_WINDOW + TURN_ANSWER_LEAD_REACH) and self._turn_answer(cue):
            return True
        m = ANSWER_AFTER_CUE_RE.search(self.text.low, end, cs)
        return m is not None and SENTENCE_END_RE.search(norm, end, m.start()) is None

    def _turn_answer(self, cue, lead: bool = True) -> bool:
        """Does the number open a speaker's turn on the line right under its cue's line,
        which names no other kind ("Lena: what's your routing i'm doing the ct one now"
        is left to the topic) in the cue's sentence, the number labelled by no cue of its
        own ("Me: 234567891 is my case number")?"""
        low = self.text.low
        if not _turn_answers(self.text.low_lines, self.text.norm, cue.end(), self.cs, lead):
            return False
        kind = _cue_kind(cue)
        start = self.text.low_lines.rfind("\n", 0, cue.start()) + 1
        for mark in _TURN_SENTENCE_ENDS:
            at = low.rfind(mark, start, cue.start())
            if at >= 0:
                start = at + len(mark)
        other = _next_cue(low, start, cue.end())
        while other is not None and other.start() < cue.start():
            if _cue_kind(other) != kind:
                return False
            other = _next_cue(low, other.end(), cue.end())
        return not _labelled_at(low, self.ce)

    def uncued(self) -> bool:
        """Is it sure that no cue is bound to the chunk, before or after it (scopes
        aside)? True only where cue_before() and cue_after() would both be None: no
        letter near the chunk (a cue starts with one) and no number joined before it,
        one search. False when unsure: the cues themselves are not looked up here, as
        a chunk the piece search passes over never needs them."""
        if self.before is not False and self.after is not False:
            return self.before is None and self.after is None
        text = self.text
        if (
            self.before is False
            and self.after is False
            and not _between_marks(text.norm, self.cs, self.ce)
        ):
            cs, reach = self.cs, CUE_WINDOW + MAX_CUE
            letter = CUE_START_RE.search(text.low, max(self.pe, cs - reach), self.ce + reach)
            if (
                letter is None
                and (self.prev is None or not self._joined(self.pe, cs))
                # (nor a number written as an SSN or a CT number joined on after it,
                # whose kind a number with no cue takes: _sibling_kind)
                and not self._sibling_next()
            ):
                self.before = self.after = None
                return True
        return False

    def _sibling_next(self) -> bool:
        """Is the next number written as an SSN or a CT number, and joined on to this?"""
        return self._written_next(_written_ssn) or self._written_next(_written_ct)

    def is_soft(self) -> bool:
        """Does a soft sentence end come between the bound cue before and the number?"""
        if self.soft is None:
            # to cs + 1: a soft end comes just before the number ("back? 123...")
            m = SENTENCE_SOFT_RE.search(self.text.norm, self.before_end, self.cs + 1)
            self.soft = m is not None
        return self.soft

    def _joined(self, s: int, e: int) -> bool:
        return e - s <= CARRY_MAX_GAP and CARRY_GAP_RE.fullmatch(self.text.low, s, e) is not None

    def _next_cued(self) -> bool:
        """Does the next number, in a chunk of its own, have a cue between this number
        and it?"""
        return (
            self.nx < len(self.text.low) and _next_cue(self.text.low, self.ce, self.nx) is not None
        )

    def _joined_next(self) -> bool:
        """Is another number joined on after this one ("234567891 and 12345678")?"""
        norm, nx = self.text.norm, self.nx
        own = norm[self.cs : self.ce]
        if _PAIR_RE.fullmatch(own) is not None:
            return True
        if ", " in own or ",\n" in own or " / " in own:
            # "234567891, 123456780" is one chunk (not "447-15-9089, 412 Maple Hill Rd":
            # a house number is no number a cue is shared out to)
            rest = _LIST_JOIN_RE.split(own)[1:]
            return any(sum(c.isdigit() for c in p) >= _SHARED_MIN for p in rest)
        # (nor is a date: "unemployment, ssn 606954463, dob 5/9/92" keeps its SSN cue)
        return (
            nx < len(norm)
            and self._joined(self.ce, nx)
            and sum(c.isdigit() for c in norm[nx : self.nxe]) >= _SHARED_MIN
        )

    def scope_kind(self) -> str | None:
        """The identifier kind the scopes give the number (a table column, a list, the
        message's topic), or None."""
        forced, fallback = self.text.scoped(self.cs, self)
        kind = forced or fallback
        return kind if kind in ID_KINDS else None

    def carry(self) -> str | None:
        """The cue kind a number joined on after this one takes (none from a date or
        an amount: fewer than MIN_DIGITS digits)."""
        n = 0
        for c in self.text.norm[self.cs : self.ce]:
            if "0" <= c <= "9":
                n += 1
        if n < MIN_DIGITS:
            return None
        kind = self.cue_before()
        return self.carry_kind or kind

    def _sibling_ssn(self) -> bool:
        """Is the number, with no cue at all, joined on to a number written as a Social
        Security number, next ("Me: 568107376. Wife: 583-32-3754") or just before it
        ("Husband 850-45-3747, wife 241376297")? Such a list holds one kind of number,
        and the bare one is that kind too."""
        return self._sibling(_written_ssn)

    def _sibling_ct(self) -> bool:
        """The same for a number written as a CT number ("Enfield (9554330-000) and New
        London (2056241000)")."""
        return self._sibling(_written_ct)

    def _sibling_kind(self) -> str | None:
        """The kind, ssn or ct, of a number with no cue whose sibling is written as one."""
        if self._sibling_ssn():
            return "ssn"
        return "ct" if self._sibling_ct() else None

    def _sibling(self, written) -> bool:
        p = self.prev
        norm = self.text.norm
        if self._written_next(written) or (
            written(norm, self.nx, self.nxe) and self._listed(self.cs, self.ce, self.nx)
        ):
            return True
        return (
            p is not None
            and written(norm, p.cs, p.ce)
            and (self._joined(p.ce, self.cs) or self._listed(p.cs, p.ce, self.cs))
        )

    def _listed(self, s: int, e: int, nxt: int) -> bool:
        """Do the number at norm[s:e] and the next, starting at nxt, each lead their line,
        one line under the other, perhaps a note in brackets after the first (a list:
        "693 18 1885  (spouse)" / "606373949  (disabled adult son living with us)")?"""
        norm = self.text.norm
        ls = norm.rfind("\n", 0, s) + 1
        return (
            _LIST_LEAD_RE.fullmatch(norm, ls, s) is not None
            and _LIST_BELOW_RE.fullmatch(norm, e, nxt) is not None
        )

    def _written_next(self, written) -> bool:
        """Is the next number written so (written: _written_ssn, _written_ct) and joined
        on to this one?"""
        return written(self.text.norm, self.nx, self.nxe) and self._joined(self.ce, self.nx)

    def _introduced(self) -> bool:
        """Is the cue before directly before the number, but for introducing words, or
        parted from it only by an aside ("My social, the way the agent wanted it: N")?"""
        return (
            self.before_end == self.aside_end
            or INTRO_RE.fullmatch(self.text.low, self.before_end, self.cs) is not None
        )

    def _negated_before_sentence(self) -> bool:
        """Is the cue before the number a negated identifier cue that ends a sentence
        before it, and an identifier's cue after it ("That number isn't our CT tax
        registration number. 05-7575766 is the federal EIN": it says what another number
        is not)?"""
        span = self.before_span
        return (
            span is not None
            and DENIAL_NEGATION_RE.match(self.text.low, span[0]) is not None
            and _STOP_RE.search(self.text.norm, span[1], self.cs) is not None
            and self.cue_after() in ID_KINDS
        )

    def _denies_other_shape(self) -> bool:
        """Is the cue before the number a negated identifier cue of a kind its digit
        groups cannot be ("my tax id # (the one the IRS gave my LLC, not my social) is
        56-4530830": no SSN is written 2-7; denial.contrast_shapes)? It says what the
        number is not, and denies nothing."""
        span = self.before_span
        return span is not None and self._other_shape_negated(span[0], span[1])

    def _other_shape_negated(self, s: int, e: int) -> bool:
        """Is the cue at s:e a negated identifier cue of a kind the number's digit groups
        cannot be ("not my social" before a 2-7 number, "that's not an EIN" after a 3-2-4
        one; denial.contrast_shapes)?"""
        low = self.text.low
        # (or says the writer has none of that kind: "we never got an EIN")
        neg = DENIAL_NEGATION_RE.match(low, s, e) or DENIAL_HAS_NONE_RE.match(low, s, e)
        if neg is None:
            return False
        cue = _next_cue(low, neg.end(), e)
        return (
            cue is not None
            and _cue_kind(cue) in DENIAL_CONTRAST_SHAPES
            and not self._shaped_as(cue)
        )

    def _says_only_not(self, s: int, e: int) -> bool:
        """Does the negated cue at s:e after a number whose groups say what it is
        (denial.shape_speaks) only say what it is not, as _other_shape_negated, with no
        negative cue after it in the sentence for what it is instead ("It shows
        712-26-4984, that's not an EIN", "..., but that's not an EIN, that's my SSN"; not
        "..., it's the notice number")? Then it denies nothing, and the number is what
        its shape and other cues make it."""
        shape = self._shape()
        if shape not in DENIAL_SHAPE_SPEAKS or not self._other_shape_negated(s, e):
            return False
        end = self._relabel_end(e)
        if end < 0:
            return True
        low = self.text.low
        cue = _next_cue(low, end, min(len(low), end + CUE_WINDOW + MAX_CUE))
        return cue is None or cue.start() - end > CUE_WINDOW or _cue_kind(cue) not in _NEG_KINDS

    def _shape(self) -> tuple[int, ...]:
        """The lengths of the number's digit groups ((3, 2, 4) for 712-26-4984)."""
        return tuple(map(len, DIGITS_RE.findall(self.text.norm, self.cs, self.ce)))

    def _shaped_as(self, cue) -> bool:
        """Could the number's digit groups be an identifier of the cue's kind
        (denial.contrast_shapes: "is the one on file, not my EIN" is no 3-2-4 number's)?"""
        shape = self._shape()
        return shape in DENIAL_CONTRAST_SHAPES.get(_cue_kind(cue), ())

    def named_by_neg(self) -> bool:
        """Is the number directly introduced by a negative cue, bare or not ("Account
        Number: ")?"""
        return self.cue_before() in _NEG_KINDS and self._introduced()

    def introduced_by_neg(self) -> bool:
        """Is the number directly introduced by a 'neg' cue ("Order #", "case no. "), and
        not labelled an identifier right after ("My sin number is 103 43 6154 sorry I
        mean my social")?"""
        kind = self.cue_before()
        # (or carried on from a number its negative cue introduced: "file refs
        # 018-56-3271 and 136-58-4869")
        by_neg = kind == "neg" and (
            (
                self._introduced()
                and not self._negated_before_sentence()
                and not self._denies_other_shape()
            )
            or (self.carried and self._carried_neg())
        )
        return (
            (by_neg or (kind == "neg_bare" and (self._neg_over_bare() or self._bank_account())))
            and not (_labelled_at(self.text.low, self.ce) and self.cue_after() in ID_KINDS)
            # "My member number is 878-31-0067 - oh wait, sorry, I'm reading off my
            # social security card"
            and self._corrected_to(self.ce, mistake=True) is None
        )

    def after_relabelled(self) -> bool:
        """Is the cue after the number (cue_after()'s) what the writer names it instead
        of an identifier they deny at once ("3490880 is NOT part of my SSN, it's my
        Connecticut tax registration number")?"""
        if self.cue_after() is None:
            return False
        low = self.text.low
        m = _next_cue(low, self.ce, self.after_start)
        return (
            m is not None
            and _cue_kind(m) == "neg"
            and DENIAL_NEGATION_RE.match(low, m.start()) is not None
        )

    def _carried_neg(self) -> bool:
        """Was the number carried on from a number its negative cue introduced, in a list
        under a plural cue ("file refs 018-56-3271 and 136-58-4869") or as that number put
        right ("Case no. 24-0091822 -- sorry, 24-0091288")?"""
        p, low = self.prev, self.text.low
        if p is None:
            return False
        if CUE_LIST_GAP_RE.fullmatch(low, self.pe, self.cs) is not None:
            return p.introduced_by_neg() and p.plural_before()
        corrected = RESTART_CORRECTED_RE.search(low, self.pe, self.cs) is not None
        return corrected and p.introduced_by_neg()

    def account_after(self) -> bool:
        """Is the cue after the number (cue_after()'s) a bare "account" ("... 3732087-006
        which I now realize is the account for the old store"), the department's
        portal's word for a CT registration, no bank's, and no account's number?"""
        low = self.text.low
        return (
            self.cue_after() is not None
            and low[self.after_start : self.after_end] in _BARE_ACCOUNT
            # (not an account's number: "4924580-000 is my account number")
            and _NUMBER_WORD_RE.match(low, self.after_end) is None
        )

    def account_before(self) -> bool:
        """Is the cue that introduces the number a bare "account" ("a notice for account
        8255937-000"), the portal's word for a CT registration, and no bank's or other
        account's (ct_tax_reg.account_before_not)?"""
        span = self.before_span
        if span is None or not self._introduced():
            return False
        low, s = self.text.low, span[0]
        return (
            low[s : span[1]] in _BARE_ACCOUNT
            and _ACCOUNT_BEFORE_NOT_RE.search(low, max(0, s - _ACCOUNT_BEFORE_REACH), s) is None
        )

    def plural_before(self) -> bool:
        """Is the cue before the number plural ("file refs", "claim numbers")?"""
        span = self.before_span
        return span is not None and (
            PLURAL_CUE_RE.search(self.text.low[span[0] : span[1] + 9]) is not None
        )

    def _neg_over_bare(self) -> bool:
        """Does a 'neg' cue introduce the number over the bare negative name nearest it
        ("claim number (from DOL) is 109-21-9218")?"""
        if self.before_span is None:
            return False
        low, s = self.text.low, self.before_span[0]
        last = None
        for m in CUE_RE.finditer(low, max(0, s - MAX_CUE), s):
            last = m
        return (
            last is not None
            and _cue_kind(last) == "neg"
            and INTRO_RE.fullmatch(low, last.end(), self.cs) is not None
        )

    def _bank_account(self) -> bool:
        """Does the bare "account" cue introducing nine digits name a bank's account: a
        bank before the word ("bank says account 27-4412890") or right after the number
        ("account number 52-8841107 at Chelsea Groton Bank"; account_bank)?"""
        if self.before_span is None:
            return False
        low, (s, e) = self.text.low, self.before_span
        if not low.startswith("acc", s) or INTRO_RE.fullmatch(low, e, self.cs) is None:
            return False
        # (nine digits, as an EIN or an SSN has: a card's number on a credit union's
        # statement is still a card's)
        if sum(map(len, DIGITS_RE.findall(self.text.norm, self.cs, self.ce))) != 9:
            return False
        return (
            _ACCOUNT_BANK_BEFORE_RE.search(low[max(0, s - _ACCOUNT_BANK_REACH) : s]) is not None
            or _ACCOUNT_BANK_AFTER_RE.match(low, self.ce) is not None
        )

    def denied(self) -> bool:
        """Does the writer deny the number, with no identifier cue of its own before it:
        introduced by a negative label ("claim # from DOL: 401-60-7863") or denied after
        it ("306782193 is not my Social Security number")? (For a number that gave no
        finding: the same digits elsewhere give none either.)"""
        return self.introduced_by_neg() or self.denied_after()

    def introduced_as_fein_only(self) -> bool:
        """Is the number directly introduced by an EIN cue, with no SSN, ITIN or tax ID
        cue just before that ("our federal ID is ", not "Member's SSN or FEIN: ")?"""
        if self.cue_before() != "fein" or not self.introduced_by_id() or not self.before_span:
            return False
        s = self.before_span[0]
        return not any(
            _cue_kind(m) in _PERSON_KINDS for m in CUE_RE.finditer(self.text.low, max(0, s - 16), s)
        )

    def business_line(self) -> bool:
        """Does the number's line name a business before it, after any number before it
        ("Northwind Electric LLC 049153005"; not a business on the row before: a CSV's
        rows may have been joined into one line by then)? Or does a field right after it
        give its type as an EIN (`"tin": "543395541", "type": "EIN"`), or one just before
        it ("TIN Type: FEIN" over "TIN: 511299715")?"""
        low, at = self.text.low, self.at
        lo = max(low.rfind("\n", 0, at) + 1, at - BUSINESS_REACH, min(self.pe, at))
        return (
            BUSINESS_NAME_RE.search(low, lo, at) is not None
            or BUSINESS_TYPE_AFTER_RE.match(low, self.ce) is not None
            # ("TIN Type: FEIN" over "TIN: 511299715")
            # (after any number before it: '<Payee tinType="EIN" tin="N"/>' names no type
            # for the next row's number)
            or BUSINESS_TYPE_BEFORE_RE.search(
                low, max(0, at - BUSINESS_TYPE_BEFORE_REACH, min(self.pe, at)), at
            )
            is not None
        )

    def introduced_by_id(self) -> bool:
        """Is the number directly introduced by its own identifier cue ("my social is ",
        "SSN #")?"""
        return self.cue_before() in ID_KINDS and not self.carried and self._introduced()

    def answers_turn(self) -> bool:
        """Does the number open the next speaker's turn, answering the cue before it on
        the line above ("Boss: whats our ct number" / "Me: 5034452")?"""
        if self.cue_before() is None or self.before_span is None or self.carried:
            return False
        cue = _next_cue(self.text.low, *self.before_span)
        return cue is not None and self._turn_answer(cue)

    def carried_to_owner(self) -> bool:
        """Does the number take an identifier cue carried from the number before over a
        gap that names another owner ("your social as 011 49 12 03 and Marion's as ")?"""
        return (
            self.cue_before() in ID_KINDS
            and self.carried
            and CARRY_OWNER_RE.search(self.text.low, self.pe, self.cs) is not None
        )

    def labelled_by_id(self) -> bool:
        """Is the number followed at once by its own identifier cue ("... 361 0 4 11 84
        that's my social", "4880848 12 is my social"), and not negated after it ("444 78
        8081 सोसल सेक्युरिटी नम्बर होइन")?"""
        return (
            _labelled_at(self.text.low, self.ce)
            and self.cue_after() in ID_KINDS
            and not self._negated_after()
        )

    def by_scope_only(self) -> bool:
        """Did the last cue() answer come from a scope's fallback alone (the message's
        topic, a line of its own), no cue of the number's own?"""
        why = self.why
        return why is not None and why[0] == "topic"

    def named_only(self) -> bool:
        """Is the cue the last cue() answer came from, before or after the number, one
        that only names the state, the department, its portal or a tax
        (weak_cues_after: "CT", "DRS", "Connecticut" ...), not a label?"""
        why = self.why
        if not why:
            return False
        if why[0] == "before" and why[1] is not None:
            s, e = why[1]
        elif why[0] == "after":
            s, e = why[1], why[2]
        else:
            return False
        return self.text.low[s:e] in WEAK_CUES_AFTER

    def look_at(self, at: int) -> None:
        """The next cue() question is about the number at `at`; forget the last reason.
        (Not `ctx.at, ctx.why = at, None` at the call: mypyc would take `why` for None
        from then on in the caller.)"""
        self.at = at
        self.why = None

    def _denied_later(self, kind: str) -> bool:
        """Is the number, found as kind by its shape, denied that kind in a later clause
        that refers back to it, before any other number (denial.later: "... 602-77-5340
        was in the attachment I sent. Please note that number is the court docket, it is
        not his SSN", "LOL the 568 03 5862 in my earlier message was the garage door code.
        Not a social.", "... (4382 5194 6790 6169) is actually my library card. ... not my
        card")? Not when the clause goes on to give it an owner or another kind ("... not my
        SSN, it's my wife's", "... not an SSN, it's our EIN")."""
        low, ce = self.text.low, self.ce
        end = min(self.nx, ce + _LATER_REACH)
        if kind == "card":
            found = [(m.start(), m.end()) for m in _LATER_CARD_RE.finditer(low, ce, end)]
        else:
            kinds = _LATER_KINDS.get(kind, ())
            found = [
                (m.start(), m.end())
                for m in CUE_RE.finditer(low, ce, end)
                if _cue_kind(m) == "neg" and _negated_kind(low, m) in kinds
            ]
        for s, e in found:
            # (in a later clause: one of its own the rules before read; and a bare
            # negation only where a sentence starts, "Not a social.", not after a comma:
            # "The address is the problem, not the SSN")
            b = max(low.rfind(c, ce, s) for c in _CLAUSE_MARKS)
            lead = low[b + 1 : s]
            if b < ce or _LATER_LEAD_RE.fullmatch(lead) is None:
                continue
            if not lead.strip() and low[b] not in _SENTENCE_MARKS:
                continue
            rest = low[e : e + _LATER_REST]
            if _LATER_OWNER_RE.match(rest) is not None:
                continue  # "... not my SSN, it's my wife's"
            named = _next_cue(low, e, min(len(low), e + _LATER_REST))
            if named is not None and _cue_kind(named) in ID_KINDS:
                continue  # "... not an SSN, it's our EIN"
            return True
        return False

    def denied_after(self, kind: str | None = None) -> bool:
        """Is the number, with no identifier cue of its own before it, denied by a
        negative cue after it in its clause: a negated identifier cue ("412-08-3317
        isn't my SSN") or one it is said to be ("... on the letter is our case number")?
        A negated cue, or one the number is said to be, also reaches into the next
        clause when that starts with a pronoun for the number ("... number 116-66-5813.
        This is not my social", "... 514-62-3309. That's the claim number"). An
        identifier cue after it may be taken back too (_taken_back). A number its own
        cue introduces is denied only when withdrawn at once ("Our federal EIN is
        94-1878582\nCorrection — I just realized that's the policy number"), or when the
        next clause negates that same cue (_own_cue_denied)."""
        fix = _cue_after_gap(CORRECTION_GAP_RE, self.text.low, self.ce)
        if (
            fix is not None
            and _cue_kind(fix) in _NEG_KINDS
            and not self._says_only_not(fix.start(), fix.end())
        ):
            return True
        if _answered_no(self.text.low_lines, self.cs, self.ce):  # "is this my social?? N" / "no"
            return True
        # "> ... N. Is that my social security number??" under "No mom, that's not your social"
        if _answered_above(self.text.low_lines, self.cs, self.ce):
            return True
        if self.cue_before() not in _NO_CUE_OR_NEG:
            return self._own_cue_denied()
        after = self.cue_after()
        if after in ID_KINDS:
            return self._negated_after() or self._taken_back()
        if kind is not None and self._denied_later(kind):
            return True
        if self._relative_denied():
            return True
        # ("... is the IRS document locator, not our EIN": the negated cue after it is
        # the identifier set against what it is said to be)
        if after in _NO_CUE_OR_NEG and self._contrast_denied():
            return True
        if after not in _NEG_KINDS or self._says_only_not(self.after_start, self.after_end):
            return False
        low, ce, cue = self.text.low, self.ce, self.after_start
        if kind == "card" and after == "neg_bare" and self._card_named_apart(low, ce, cue):
            # a card word names it, as its own cue would: a bare negative name a later
            # clause says something is, not negated, is another thing's ("my own Visa
            # 4707124204605444 and that went through but it's charging her account")
            return False
        if DENIAL_BREAK_RE.search(low, ce, cue) is not None:
            # negated, or said to be the negative cue ("... 514-62-3309. That's the
            # claim number from the letter")
            return (
                (
                    DENIAL_NEGATION_RE.match(low, cue) is not None
                    or DENIAL_COPULA_RE.search(low, ce, cue) is not None
                )
                and DENIAL_NEXT_CLAUSE_RE.fullmatch(low, ce, cue) is not None
                and not self._relabelled(self.after_end)
            )
        denied = (
            DENIAL_NEGATION_RE.match(low, cue) is not None
            or DENIAL_COPULA_RE.search(low, ce, cue) is not None
            # "670-60-4372 (ticket #)"
            or DENIAL_BRACKET_RE.fullmatch(low, ce, cue) is not None
        )
        return denied and not self._relabelled(self.after_end)

    def _digits_could_be(self, kind: str | None) -> bool:
        """Could the number hold as many digits as an identifier of kind (the lengths of
        denial.contrast_shapes)? Yes for a kind they do not name."""
        shapes = DENIAL_CONTRAST_SHAPES.get(kind or "")
        if shapes is None:
            return True
        n = sum(map(len, DIGITS_RE.findall(self.text.norm, self.cs, self.ce)))
        return any(sum(shape) == n for shape in shapes)

    def _contrast_denied(self) -> bool:
        """Is the number, with no cue near it, said in its sentence to be something else
        and then set against an identifier its digit groups could be ("The number
        46-0098213 on our letter is the IRS document locator something or other, not
        our EIN"; denial.contrast)?"""
        low, ce = self.text.low, self.ce
        end = min(self.nx, len(low), ce + 2 * CUE_WINDOW)
        m = DENIAL_CONTRAST_RE.search(low, ce, end)
        if (
            m is None
            or DENIAL_CONTRAST_SAID_RE.search(low, ce, m.start()) is None
            or SENTENCE_END_RE.search(self.text.norm, ce, m.start()) is not None
        ):
            return False
        cue = _next_cue(low, m.end(), m.end() + MAX_CUE)
        if cue is None or cue.start() != m.end():
            return False
        return self._shaped_as(cue)

    def _negated_after(self) -> bool:
        """Is the identifier cue after the number, in its clause, negated after it, as
        Korean, Hindi, Nepali, Bengali, Urdu, Japanese and Turkish do ("711-04-2551 은 제
        사회보장번호가 아니라 …", "… मेरा सोशल सिक्योरिटी नंबर नहीं है"), and not relabelled?
        The cue may stand in the next clause when that starts with a pronoun for the
        number ("…, o benim sosyal güvenlik numaram değil")."""
        low = self.text.low
        if DENIAL_NEGATION_AFTER_RE.match(low, self.after_end) is None:
            return False
        brk = DENIAL_BREAK_RE.search(low, self.ce, self.after_start)
        return (
            brk is None
            or DENIAL_NEGATION_AFTER_LEAD_RE.fullmatch(low, brk.start(), self.after_start)
            is not None
        ) and not self._relabelled(self.after_end)

    def _relative_denied(self) -> bool:
        """Is the number denied after a relative clause that follows it ("The number
        512-33-8081 I gave to your agent on the phone is my insurance claim number",
        "номер 266-67-5858, который я указал ..., — это НЕ мой SSN"): the gap to a negative
        cue after it within DENIAL_RELATIVE_REACH, before any identifier cue, is such a
        clause, and that cue is negated or said to be, and not relabelled? (A negative cue
        passed on the way names a place: "... I gave to your agent on the phone is ...".)"""
        low, ce = self.text.low, self.ce
        if DENIAL_RELATIVE_RE.match(low, ce) is None:
            return False
        end = min(self.nx, len(low), ce + DENIAL_RELATIVE_REACH + MAX_CUE)
        cue = _next_cue(low, ce, end)
        while (
            cue is not None
            and cue.start() - ce <= DENIAL_RELATIVE_REACH
            and _cue_kind(cue) in _NEG_KINDS
        ):
            s = cue.start()
            if DENIAL_RELATIVE_RE.fullmatch(low, ce, s) is not None and (
                DENIAL_NEGATION_RE.match(low, s) is not None
                or DENIAL_COPULA_RE.search(low, ce, s) is not None
            ):
                return not self._relabelled(cue.end())
            cue = _next_cue(low, cue.end(), end)
        return False

    def _taken_back(self) -> bool:
        """Is the number, put under the identifier cue after it ("I wrote 51-3253576 in
        the EIN box", "I called 721556219 my SSN"), then said to be something else: a
        negative cue that the same clause, or the next one starting with a pronoun for
        the number, says it is ("... by accident — that's our workers comp policy
        number", "... by mistake. That's actually my credit union member number")? Not
        when that is negated ("... but it's not my policy number"), nor when the
        negative cue labels a number of its own ("That's the case number 2024-0877"). A
        clause denying the cue at once is passed over ("... was my SSN — it isn't,
        that's my driver's license number")."""
        low, pos = self.text.low, self.after_end
        # (the writer explains: twice the window, "... in the FEIN field on the exemption
        # form but that's our vendor's invoice number")
        # (the first negative one: a place named on the way is no relabelling, "... into
        # the FEIN box on the registration, but that's actually our client ID")
        end = min(len(low), pos + 2 * CUE_WINDOW + MAX_CUE)
        cue = _next_cue(low, pos, end)
        while cue is not None and _cue_kind(cue) not in _NEG_KINDS:
            cue = _next_cue(low, cue.end(), end)
        if cue is None or cue.start() - pos > 2 * CUE_WINDOW:
            return False
        s = cue.start()
        if self._denied_outright(cue):
            return True
        # (nor one negated after another kind it is said to be: "... but that is my
        # company's EIN not my social"; nor one that goes on to say what the number is
        # instead: "... you call 715-92-6988 my ITIN. That's not my ITIN, it's my social
        # security number")
        if _negated_kind(low, cue) is not None and (
            _other_id_cue(low, pos, s, self.cue_after()) or self._relabelled(cue.end())
        ):
            return False
        lead = DENIAL_TAKEN_BACK_LEAD_RE.match(low, pos, s)
        if lead is not None:
            pos = lead.end()
        if DENIAL_COPULA_RE.search(low, pos, s) is None or _NEGATED_RE.search(low, pos, s):
            return False
        if (
            DENIAL_BREAK_RE.search(low, pos, s) is not None
            and DENIAL_NEXT_CLAUSE_RE.fullmatch(low, pos, s) is None
        ):
            return False
        return self.nx >= len(low) or DENIAL_BREAK_RE.search(low, cue.end(), self.nx) is not None

    def _own_cue_denied(self, across_lines: bool = True) -> bool:
        """Is the number its own identifier cue introduces denied in the next clause,
        which starts with a pronoun for it, by that same cue negated ("The notice lists
        an SSN of 871-11-2206 — that is NOT my social security number"), and not handed
        to another owner? (One said at once to be something else after all, "...
        (091350374) is really my account number", its cue withdraws: correction_gap.)
        Without across_lines, only on the number's own line (a reply below a quoted
        number, "> my ssn is 219 56 7788\nThat is not my social security number, it is
        the notice number ...", speaks of another)."""
        low, ce = self.text.low, self.ce
        cue = _next_cue(low, ce, min(len(low), ce + CUE_WINDOW + MAX_CUE))
        if cue is None or cue.start() - ce > CUE_WINDOW:
            return False
        if not across_lines and "\n" in low[ce : cue.start()]:
            return False
        if _cue_kind(cue) in _NEG_KINDS and _negated_kind(low, cue) is None:
            return self._said_else_and_negated(cue)
        # or said in its clause not to be that kind, the negation after the cue, as
        # Korean and Japanese do ("양식 SSN 칸에 적은 502692659 는 제 SSN이 아니라 ...")
        if (
            _cue_kind(cue) == self.cue_before()
            and DENIAL_NEGATION_AFTER_RE.match(low, cue.end()) is not None
            and DENIAL_BREAK_RE.search(low, ce, cue.start()) is None
            # (not after "and" begins a new clause: "मेरा SSN N है और मेरी पत्नी के पास SSN
            # नहीं है", "my SSN is N and my wife has no SSN")
            and DENIAL_CLAUSE_AND_RE.search(low, ce, cue.start()) is None
        ):
            return not self._relabelled(cue.end())
        return self._own_cue_negated(cue) and not self._relabelled(cue.end())

    def _own_cue_negated(self, cue) -> bool:
        """Is cue, the first after the number, the number's own cue before it negated in
        the next clause, which starts with a pronoun for it, or in its own clause ("The
        FEIN your notice lists (34-8991286) is not our FEIN")?"""
        low, ce = self.text.low, self.ce
        return (
            DENIAL_NEXT_CLAUSE_RE.fullmatch(low, ce, cue.start()) is not None
            or (
                DENIAL_OWN_COPULA_RE.fullmatch(low, ce, cue.start()) is not None
                and DENIAL_OWN_COPULA_OWNER_RE.search(cue.group()) is None
            )
        ) and _negated_kind(low, cue) == self.cue_before()

    def own_cue_relabelled(self):
        """The identifier cue of another kind the number is named by instead, when the
        next clause negates its own cue before it on its line and goes on to say what it
        is ("I wrote \"EIN: 657-88-2253\" — that's not an EIN, it's my SSN"), or None."""
        low, ce = self.text.low, self.ce
        cue = _next_cue(low, ce, min(len(low), ce + CUE_WINDOW + MAX_CUE))
        if cue is None or cue.start() - ce > CUE_WINDOW or "\n" in low[ce : cue.start()]:
            return None
        if not self._own_cue_negated(cue):
            return None
        return self._relabelled_other(cue, self.cue_before())

    def _said_else_and_negated(self, cue) -> bool:
        """Does the next clause, which starts with a pronoun for the number, say it is
        the negative cue and then negate the number's own cue ("... I said my SSN was
        780745707. Sorry, that was the notice number off the letter, not my SSN")?"""
        low, ce = self.text.low, self.ce
        if DENIAL_NEXT_CLAUSE_RE.fullmatch(low, ce, cue.start()) is None:
            return False
        nxt = _next_cue(low, cue.end(), min(len(low), cue.end() + CUE_WINDOW + MAX_CUE))
        return (
            nxt is not None
            and nxt.start() - cue.end() <= CUE_WINDOW
            and SENTENCE_END_RE.search(self.text.norm, cue.end(), nxt.start()) is None
            and _negated_kind(low, nxt) == self.cue_before()
        )

    def _denied_outright(self, cue) -> bool:
        """Is the negative cue after the identifier cue after the number that same cue
        negated, in its clause or in the next one starting with a pronoun for the number
        ("654-64-6722 but she kept calling it my social. It is NOT my social security
        number, it's the claim number"), and not handed to another owner?"""
        low = self.text.low
        return (
            _negated_kind(low, cue) == self.after
            and _denial_gap(low, self.after_end, cue.start())
            and not self._relabelled(cue.end())
            # (not "... but that is my company's EIN not my social": the kind it is said
            # to be)
            and not _other_id_cue(low, self.after_end, cue.start(), self.cue_after())
        )

    def _relabelled(self, pos: int) -> bool:
        """Does the sentence go on to say what the number is instead, an identifier
        ("... is NOT a social security number, it's my ITIN"), or whose it is ("... it's
        my husband's")?"""
        end = self._relabel_end(pos)
        if end < 0:
            return False
        if DENIAL_OWNER_RE.match(self.text.low, end) is not None:
            return True  # "... NOT my SSN, it's my husband's": whose, not what
        return self._instead(end) is not None

    def _owner_relabelled(self, pos: int) -> bool:
        """Does the sentence go on to say whose the number is ("... it's my wife's")?"""
        end = self._relabel_end(pos)
        return end >= 0 and DENIAL_OWNER_RE.match(self.text.low, end) is not None

    def _relabel_end(self, pos: int) -> int:
        """Where a relabelling ("it's", "es") in the sentence after pos ends, or -1."""
        low = self.text.low
        m = DENIAL_RELABEL_RE.search(low, pos, min(len(low), pos + CUE_WINDOW))
        if m is None or SENTENCE_END_RE.search(self.text.norm, pos, m.start()) is not None:
            return -1
        return m.end()

    def _instead(self, pos: int):
        """The identifier cue a relabelling that ends at pos names ("it's my business
        EIN"), or None. Not a name alone ("... is NOT our EIN, it's the DRS reference
        number for the audit": weak_cues_after)."""
        low = self.text.low
        cue = _next_cue(low, pos, min(len(low), pos + CUE_WINDOW + MAX_CUE))
        if (
            cue is not None
            and cue.start() - pos <= CUE_WINDOW
            and _cue_kind(cue) in ID_KINDS
            and cue.group() not in WEAK_CUES_AFTER
            # (one character more: a sentence end is seen by the capital after it)
            and SENTENCE_END_RE.search(self.text.norm, pos, cue.start() + 1) is None
        ):
            return cue
        return None

    def _corrected_to(self, pos: int, mistake: bool = False):
        """The identifier cue a correction names the number by, within twice the window
        after the negative cue that ends at pos and before the next number ("... my case
        number. I was wrong — that's actually my social security number"), or None. With
        mistake, only a correction that names the mistake ("I mixed up my papers, that
        is my social security number")."""
        low = self.text.low
        pattern = DENIAL_MISTAKE_RE if mistake else DENIAL_CORRECTED_RE
        m = pattern.search(low, pos, min(self.nx, pos + 2 * CUE_WINDOW))
        return None if m is None else self._instead(m.end())

    def _retaken_as(self, kind: str | None) -> str | None:
        """kind, the cue after the number's, or the other identifier's the number, put
        under that cue by mistake, is then said to be ("I put 802880871 in the EIN box by
        accident (it's my bank routing)")."""
        fix = self._corrected_to(self.after_end, True) if kind in ID_KINDS else None
        if fix is None or _cue_kind(fix) == kind:
            return kind
        self.why = ("after", fix.start(), fix.end())
        return _cue_kind(fix)

    def _own_cue_after(self, first: bool | str, fallback: str | None = None) -> str | None:
        """cue_after(), but for the tail of a longer run of groups only a cue that labels
        it at once, in its own sentence ("Steuer-ID 47 036 892 816. Eine amerikanische SSN
        habe ich nicht"); and none of another kind in a later sentence when a scope gives
        the number's ten digits the CT number's kind (fallback: "Keyed 1024073008 then #.
        Please update the EIN ...", keyed into the phone line)."""
        kind = self.cue_after()
        norm, at = self.text.norm, self.at
        if (
            fallback == "ct"
            and kind in ID_KINDS
            and kind != "ct"
            and sum("0" <= c <= "9" for c in norm[at : self.ce]) == CT_BASE_MIN + CT_LOC
            and SENTENCE_END_RE.search(norm, self.ce, self.after_start) is not None
        ):
            return None
        if (
            kind is not None
            and first is False
            and norm[at - 1 : at] == " "  # a space joins it to the digits before
            and "0" <= norm[at - 2 : at - 1] <= "9"
            and (
                SENTENCE_END_RE.search(self.text.norm, self.ce, self.after_start) is not None
                # nor, in its own sentence, one that does not label it at once ("Steuer-ID
                # from Germany is 86 095 742 719 — I don't need a US ITIN")
                or not _labelled_at(self.text.low, self.ce)
            )
        ):
            return None
        return kind

    def _card_named_apart(self, low: str, ce: int, cue: int) -> bool:
        """Is the number a card its card word names (_card_named), and the copula before
        the negative cue at cue, not negated, in a later clause joined by "and", "but"
        or "so" ("... and that went through but it's charging her account"), so that the
        cue is no label of the number ("... 4707124204605444 - that's my account
        number" is)?"""
        if DENIAL_NEGATION_RE.match(low, cue) is not None:
            return False
        copula = DENIAL_COPULA_RE.search(low, ce, cue)
        return (
            copula is not None
            and _CLAUSE_JOIN_RE.search(low, ce, copula.start()) is not None
            and self._card_named()
        )

    def _card_named(self) -> bool:
        """Is the number a valid card number a card word (card.words) names right before
        it, one space, a "#" or a colon between ("my own Visa 4707124204605444")?"""
        norm, at = self.text.norm, self.at
        if not _card_ok(digits_of(norm, at, self.ce)):
            return False
        word = _card_word_before(self.text, at)
        return word is not None and _CARD_WORD_GAP_RE.fullmatch(norm, word.end(), at) is not None

    def _routing_pair(self, kind: str | None) -> str | None:
        """A bank's pair, its account labelled after a slash ("672966679 / acct
        0415980527"): the number with no cue of its own, or only the account's, before
        the account is the routing number (routing_pair_after); else kind."""
        if (kind is None or kind in _NEG_KINDS) and ROUTING_PAIR_AFTER_RE.match(
            self.text.low, self.ce
        ):
            self.why = ("routing pair",)
            return "routing"
        return kind

    def _mistaken_kind(self, kind: str | None, last: bool) -> str | None:
        """A negative kind the writer takes back at once, naming the mistake ("'case
        number 587-07-7072' - I mixed up my papers, that is my social security number"):
        the identifier's kind; an identifier's kind asked about and answered "no" on the
        next line: a negative one; else kind."""
        if not last:
            return kind
        if kind in ID_KINDS:
            # asked about and answered "no": "Me: is this my social?? 722999496\nMarek: no"
            asked = _answered_no(self.text.low_lines, self.cs, self.ce) or _answered_above(
                self.text.low_lines, self.cs, self.ce
            )
            if asked:
                return "neg"
            # said in its own clause not to be the kind its cue before it names ("The
            # FEIN your notice lists (348991286) is not our FEIN")
            if self.why and self.why[0] == "before":
                if self._own_cue_denied(across_lines=False):
                    return "neg"
                # or said not to be that kind and named another ("I wrote \"EIN:
                # 657-88-2253\" — that's not an EIN, it's my SSN")
                instead = self.own_cue_relabelled()
                if instead is not None:
                    self.why = ("after", instead.start(), instead.end())
                    return _cue_kind(instead)
            # called one kind after it, then corrected to another ("I called 633559836 my
            # CT registration number. It's actually our federal EIN")
            if self.cue_before() is None and self.cue_after() == kind:
                instead = self._corrected_to(self.after_end) or self._after_cue_relabelled()
                if instead is not None and _cue_kind(instead) in ID_KINDS:
                    self.why = ("after", instead.start(), instead.end())
                    return _cue_kind(instead)
            return kind
        if kind not in _NEG_KINDS:
            return kind
        instead = self._corrected_to(self.ce, mistake=True)
        if instead is None:
            return kind
        self.why = ("after", instead.start(), instead.end())
        return _cue_kind(instead)

    def _after_cue_relabelled(self):
        """The identifier cue of another kind the number is named by instead, when the
        identifier cue after it is negated at once, in its clause or the next one starting
        with a pronoun for the number, and the sentence goes on to say what it is
        ("929732390 — someone wrote \"EIN\" next to it. It's not an EIN, it's my ITIN"),
        or None."""
        low, pos = self.text.low, self.after_end
        cue = _next_cue(low, pos, min(len(low), pos + CUE_WINDOW + MAX_CUE))
        if (
            cue is None
            or cue.start() - pos > CUE_WINDOW
            or _negated_kind(low, cue) != self.after
            or not _denial_gap(low, pos, cue.start())
        ):
            return None
        return self._relabelled_other(cue, self.after)

    def _relabelled_other(self, cue, kind: str | None):
        """The identifier cue the sentence goes on to name the number by after the
        negated cue, when it is of another kind than kind, or None."""
        instead = self._relabel_cue(cue.end())
        return None if instead is None or _cue_kind(instead) == kind else instead

    def _relabel_cue(self, pos: int):
        """The identifier cue the sentence goes on to name the number by, after a negated
        cue that ends at pos ("... 666376661, is NOT my social, it's my business EIN"), or
        None."""
        end = self._relabel_end(pos)
        return None if end < 0 else self._instead(end)

    def cue_after(self) -> str | None:
        if self.after is False:
            norm, ce, nx = self.text.low, self.ce, self.nx
            # a cue starting within the window ends within the window plus MAX_CUE
            m = _weak_qualifier(norm, _next_cue(norm, ce, min(nx, ce + CUE_WINDOW + MAX_CUE)), nx)
            kind = None
            # a cue after the number does not reach back over a paragraph break (but from
            # a line pointing up at it: "447939120\n\n^ that's my husband's SSN")
            if (
                m is not None
                and m.start() - ce <= CUE_WINDOW
                and (
                    PARAGRAPH_RE.search(norm, ce, m.start()) is None
                    or PARAGRAPH_CARET_RE.match(norm, ce) is not None
                )
                # "> FEIN?\n371127297\n> CT Tax Registration Number (if any)?": a question
                # below asks for what comes under it
                and not _question_below(norm, ce, m.start(), m.end())
                # nor into another speaker's turn ("Me: 624328100" / "Hubby: and you used
                # your itin right")
                and not _turn_apart(self.text.low_lines, ce, m.start())
            ):
                # the cue belongs to the next number instead if it is that number's
                # nearest cue before it ("... is my SSN. ZIP 06106" keeps SSN here)
                bound_forward = (
                    nx < len(norm)
                    # "126469884   <- bank routing": an arrow's label is this number's
                    and ARROW_LABEL_GAP_RE.fullmatch(norm, ce, m.start()) is None
                    and nx - m.end() <= CUE_WINDOW
                    and _next_cue(norm, m.end(), nx) is None
                    and (
                        (
                            SENTENCE_END_RE.search(self.text.norm, m.end(), nx) is None
                            and SENTENCE_SOFT_RE.search(self.text.norm, m.end(), nx + 1) is None
                        )
                        # a label line over its number: "FEIN?\n4778... \nCT reg #?\n8570...",
                        # "Agent: And the account?\nCaller: 467177012"
                        or LABEL_LINE_END_RE.fullmatch(norm, m.end(), nx) is not None
                    )
                    # only a number that could be an identifier (or a placeholder) takes
                    # the cue: "... is my SSN my payment was $1,250.00" keeps the SSN
                    # (nor, an identifier's cue, a year before its noun: "N is my itin, I
                    # need my 2022 CT-1040")
                    # (nor any cue a copula after this number gives it: "702-33-9184 is my
                    # OLD confirmation number from the 2022 e-file")
                    and _could_bind(
                        self.text.norm,
                        nx,
                        self.nxe,
                        _cue_kind(m) in ID_KINDS or _COPULA_AFTER_RE.match(norm, ce) is not None,
                    )
                    # a number labelled after keeps the cue before it for the one before
                    # ("245797602 routing 123582401919 = acct"; not by a label with its
                    # own number after it: "... routing 309437772 acct 14200162900")
                    and not _labelled_only(norm, self.nxe)
                    # a line's label after its value ("629563951 social" over
                    # "06-15-1958 DOB") is the value's
                    and not _line_label(norm, ce, m.start(), m.end(), nx)
                    # a negated cue denying this number stays its own ("555-71-1567 is
                    # not my SSN, mine ends in 5919")
                    and not _denies_back(norm, ce, m)
                    # as does one it is said to be at once ("930902780 is my husband's
                    # ITIN and 947546854 is mine")
                    and not _said_to_be(norm, ce, m.start())
                )
                # a cue that is only a name ("Connecticut") stays in the number's sentence
                if not bound_forward and not (
                    m.group() in WEAK_CUES_AFTER
                    and SENTENCE_END_RE.search(self.text.norm, ce, m.start()) is not None
                ):
                    kind = _cue_kind(m)
                    if kind == "neg" and DENIAL_NEGATION_RE.match(norm, m.start()) is not None:
                        # "... is NOT my social, it's my business EIN": what it is instead
                        instead = self._relabel_cue(m.end())
                        if instead is not None:
                            m, kind = instead, _cue_kind(instead)
                        elif self._owner_relabelled(m.end()):
                            # "357556313 is not my ssn, it's my wife's": whose, not what
                            kind = _negated_kind(norm, m) or kind
                        elif not self._digits_could_be(_negated_kind(norm, m)):
                            # "1312447-000 is not my Social Security number": it could
                            # not be one, and is what its own shape says
                            kind = None
                    elif kind == "neg" or kind == "neg_bare":
                        # "I called 831493631 my case number. I was wrong — that's
                        # actually my social security number": what it is after all
                        instead = self._corrected_to(m.end())
                        if instead is not None:
                            m, kind = instead, _cue_kind(instead)
                    self.after_start = m.start()
                    self.after_end = m.end()
            elif m is None and nx < len(norm):
                # "Mine is N and my wife's is M (social security numbers)": a plural cue
                # after the list, in the same sentence, covers every number of it
                m = _next_cue(norm, nx, ce + CUE_WINDOW + MAX_CUE)
                if (
                    m is not None
                    and m.start() - ce <= CUE_WINDOW
                    and PLURAL_CUE_RE.search(norm[m.start() : m.end() + 9]) is not None
                    and SENTENCE_END_RE.search(self.text.norm, ce, m.start()) is None
                    and PARAGRAPH_RE.search(norm, ce, m.start()) is None
                ):
                    kind = _cue_kind(m)
                    self.after_start = m.start()
                    self.after_end = m.end()
            self.after = kind
        return self.after  # type: ignore[return-value]

    def _withdrawn_to(self, kind: str | None, unlabelled: bool) -> str | None:
        """The kind of the cue a number with no label after it (unlabelled) is withdrawn
        to at once past a blank line ("... is 572649574\n\nsorry!! that's my employee ID
        from work"), else kind."""
        fix = _cue_after_gap(CORRECTION_GAP_RE, self.text.low, self.ce) if unlabelled else None
        if fix is None:
            return kind
        self.why = ("after", fix.start(), fix.end())
        return _cue_kind(fix)

    def _scoped(self) -> tuple[str | None, str | None]:
        """The kind a scope gives the number, forced or as a fallback. A check line's
        transit field is a routing number whatever a scope says ("DRS cashed it
        twice:\n\n:687943975: 5500128441#", cue_before)."""
        if self.at == self.cs and _between_marks(self.text.norm, self.cs, self.ce):
            return None, None
        return self.text.scoped(self.at, self)

    def cue(self, first: bool | str, last: bool) -> str | None:
        """The number's own cue kind: the nearest bound cue before it, else after it;
        the two kinds of negative cue are one here. first is "listed" for a piece after
        ", " inside the chunk: it takes the chunk's cue softly, like a joined number."""
        forced, fallback = self._scoped()
        if forced is not None:
            self.why = ("scope", self.at, forced)
            return forced
        carried = first == "listed"
        corrected = False  # withdrawn at once by a correction (below)
        if first is True:
            kind = self.cue_before()
            soft = kind is not None and last and self.is_soft()
            carried = self.carried
            self.why = ("carried",) if carried else ("before", self.before_span)
        elif carried:
            kind = self.carry()
            soft = last
            self.why = ("carried",)
        else:
            kind, soft = None, False
            self.why = None
        if kind is None:
            if last:
                kind = self._own_cue_after(first, fallback)
                if kind is not None:
                    self.why = ("after", self.after_start, self.after_end)
                kind = self._retaken_as(kind)
                # put under that label, then said to be something else ("I called
                # 721556219 my SSN by mistake. That's actually my credit union member number")
                # or negated after it ("331608967 लिखा था वह मेरा सोशल सिक्योरिटी नंबर नहीं है")
                if kind in ID_KINDS and (self._taken_back() or self._negated_after()):
                    kind = "neg"
                kind = self._routing_pair(kind)
        elif (
            soft
            or (kind in _NEG_KINDS and last and _labelled_at(self.text.low, self.ce))
            # "SSN: 044980050 oops no that's the routing number": withdrawn at once
            or (corrected := last and _corrected_at(self.text.low, self.ce))
            # "In the box marked SSN I mistakenly put 088813662, which is my bank's
            # routing number": said what it is, under a cue that does not introduce it
            or (
                last
                and kind in ID_KINDS
                and not self._introduced()
                and _cue_across(LABEL_AFTER_CLAUSE_RE, self.text.low, self.ce)
            )
        ):
            # (and a negative cue before yields to an identifier's label right after the
            # number: "my account 675548978 — federal ID")
            # a cue before a soft sentence end (or a carried one) yields to the number's
            # own cue after it in the same sentence ("... and 345678912. Call me" keeps it)
            after = self.cue_after()
            kind = self._withdrawn_to(kind, after is None and last)
            if (
                after is not None
                # a carried negative cue stays ("Invoices 123456789 and 234567891 were
                # paid, my SSN is on file"), unless the number's label follows at once
                # ("la cuenta 902202782493 y el 311672509 que es el número de ruta")
                and not (
                    carried
                    and kind in _NEG_KINDS
                    and after not in _NEG_KINDS
                    and not _labelled_at(self.text.low, self.ce)
                )
                # (a correction may be the next sentence: "Tax ID on the form is N.
                # Correction - that's actually the business EIN")
                and (
                    corrected
                    or SENTENCE_END_RE.search(self.text.norm, self.ce, self.after_start) is None
                )
                # a bare negative name further on in the sentence is not the number's
                # label ("... and mine is 489558233 and we got two letters saying
                # different amounts"), unless a correction names it ("011300142 -- no
                # sorry, that's my account number")
                and not (
                    after == "neg_bare"
                    and kind in ID_KINDS
                    and not _labelled_at(self.text.low, self.ce)
                    and not corrected
                )
            ):
                kind = after
                self.why = ("after", self.after_start, self.after_end)
        if kind is None:
            sibling = self._sibling_kind() if fallback is None and first is True and last else None
            if sibling is not None:
                self.why = ("sibling", sibling)
                return sibling
            self.why = ("topic", self.at, fallback)
            return fallback
        kind = self._mistaken_kind(kind, last)
        kind = "neg" if kind == "neg_bare" else kind
        self.why = (*self.why, kind) if self.why else None
        return kind


# the characters a transit mark starts with: a chunk followed by none of them (most
# are) is on no check line, known at one set test
_MICR_FIRST = frozenset(m[0] for m in MICR_MARKS) | frozenset(MICR_LETTERS)
_SPACED_MARK = " " + MICR_MARKS[0]  # the transit symbol, set a space off its number
_ABA_DIGITS = 9  # a routing number's
_ASCII_ALNUM = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")


def _written_ssn(norm: str, s: int, e: int) -> bool:
    """Is norm[s:e] written as a Social Security number (123-45-6789, or with spaces or
    dots: 123 45 6789) and valid as one, or as an ITIN written so ("el número de él es
    909-92-5702 y el mío es 399425418")?"""
    if e - s != _SSN_WRITTEN or norm[s + 3] not in "-. " or norm[s + 6] != norm[s + 3]:
        return False
    digits = norm[s : s + 3] + norm[s + 4 : s + 6] + norm[s + 7 : e]
    return digits.isdigit() and _ssn_or_itin(digits) is not None


def _written_ct(norm: str, s: int, e: int) -> bool:
    """Is norm[s:e] written as a CT number, a 7-digit base, a hyphen and a location code
    00x (1234567-000), not the instructions' example?"""
    if e - s != _CT_WRITTEN or norm[s + 7] != "-" or not norm.startswith("00", s + 8):
        return False
    base = norm[s : s + 7]
    # (nor a placeholder of one digit: 0000000-000)
    return (
        (base + norm[e - 1]).isdigit()
        and base not in CT_PLACEHOLDER_BASES
        and base.count(base[0]) != len(base)
    )


def digits_of(norm: str, s: int, e: int) -> str:
    """The digits of norm[s:e]."""
    return "".join(c for c in norm[s:e] if "0" <= c <= "9")


# what an abandoned start of a number is written with ("69101", "691-01")
_FRAGMENT_CHARS = frozenset("0123456789 -.")
_FRAGMENT_REACH = 4 * MIN_DIGITS  # characters: fewer than MIN_DIGITS digits, spaced


def _fragment_start(norm: str, pe: int) -> int:
    """Where the run of digits and separators that ends at pe starts, or -1 when it is
    longer than _FRAGMENT_REACH: too long to be an abandoned start, and not read further
    (a text of nothing but digits and separators must not be read again at each chunk)."""
    fs, reach = pe, max(0, pe - _FRAGMENT_REACH)
    while fs > reach and norm[fs - 1] in _FRAGMENT_CHARS:
        fs -= 1
    if fs == reach and fs > 0 and norm[fs - 1] in _FRAGMENT_CHARS:
        return -1
    return fs


_DIGIT_RE = re.compile("[0-9]")
# what joins a year to a date or a longer number before it ("03/06/2022", "1-2022")
_YEAR_GLUE = "/-.,:'"


def _form_prefix(norm: str, ys: int) -> bool:
    """Is the form number at ys hyphened on to a form's letters ("CT-1040"; not a mask's
    "xxx-1040")?"""
    return ys >= 2 and norm[ys - 1] == "-" and norm[ys - 2] in _FORM_LETTERS


# the letters a form's name may end in before its hyphen (not a mask's x)
_FORM_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWYZabcdefghijklmnopqrstuvwyz")
# a chat's time stamp at the start of a line, what closes it, its longest (rules chat_stamp)
_CHAT_STAMP_RE = re.compile(RULES["chat_stamp"])
_CHAT_STAMP_END_RE = re.compile(RULES["chat_stamp_end"])
_CHAT_STAMP_MAX: int = RULES["chat_stamp_max"]


def _chat_stamp_start(norm: str, low: str, pe: int, cs: int) -> int:
    """Where the chat time stamp that opens its line and ends at pe starts ("[14/03/2024,
    19:03] ", "3/14/24, 7:03 PM - "), when the turn answers the one before up to the
    number at cs ("Rosa Medina: es ": answer_after_cue); or -1."""
    if _CHAT_STAMP_END_RE.match(norm, pe) is None:
        return -1
    br = norm.rfind("\n", max(0, pe - _CHAT_STAMP_MAX), pe)
    if (
        br < 0
        or _CHAT_STAMP_RE.fullmatch(norm, br + 1, pe) is None
        or ANSWER_AFTER_CUE_RE.match(low, br, cs) is None
    ):
        return -1
    return br + 1


# a year, or the number of a federal form a cue may stand before ("EIN for my 1099")
_YEAR_RE = re.compile("(?:19|20)[0-9]{2}|10(?:40|65|98|99)|1120")


def _ends_label_line(norm: str, end: int) -> bool:
    """Does the line holding norm[end - 1] end in "?" or ":" (a question or a label)?"""
    br = norm.find("\n", end)
    return norm[end : len(norm) if br < 0 else br].rstrip(" \t").endswith(("?", ":"))


def _question_below(low: str, ce: int, start: int, end: int) -> bool:
    """Is the cue low[start:end] on a line below the number ending at ce, a line with no
    digit that ends in "?" or ":" (a question or a label for what comes under it)?"""
    if "\n" not in low[ce:start]:
        return False
    br = low.find("\n", end)
    line = low[low.rfind("\n", 0, start) + 1 : len(low) if br < 0 else br].rstrip(" \t")
    return line.endswith(("?", ":")) and _DIGIT_RE.search(line) is None


_HEADER_ABOVE_LINES = 4  # how far above a number its speaker's header line is looked for


def _header_name(low: str, ls: int) -> str | None:
    """The speaker a header line starting at ls names ("okafor, chinedu   9:05 am"), or
    None if that line is none."""
    h = HEADER_LINE_LOW_RE.match(low, ls)
    return None if h is None else (h.group(1) or h.group(2) or "").strip() or None


def _header_apart(low: str, ce: int, start: int) -> bool:
    """In a transcript whose header lines name the speaker above the words ("Lee, Hannah
    9:05 AM" / "831730795" / "Okafor, Chinedu   9:05 AM" / "and the CT reg?"), does a
    header line naming another speaker stand between the number ending at ce, under
    its speaker's header, and the cue starting at start?"""
    own = None
    ls = ce
    for _ in range(_HEADER_ABOVE_LINES):
        ls = low.rfind("\n", 0, ls - 1) + 1 if ls > 1 else 0
        own = _header_name(low, ls)
        if own is not None or ls == 0:
            break
    if own is None:
        return False
    i = low.find("\n", ce, start)
    while i >= 0:
        other = _header_name(low, i + 1)
        if other is not None and other != own:
            return True
        i = low.find("\n", i + 1, start)
    return False


def _turn_opens(low: str, end: int, cs: int) -> bool:
    """Does a speaker's turn ("11:16 Customer: ") open the line of the number at cs, a
    line after end?"""
    ls = low.rfind("\n", end, cs)
    return ls >= 0 and TURN_SPEAKER_RE.match(low, ls + 1, cs) is not None


# what ends the sentence of a question turn's cue before it ("... for sales tax. Bank
# routing?")
_TURN_SENTENCE_ENDS = (". ", "? ", "! ")


def _turn_answers(low: str, norm: str, end: int, cs: int, lead: bool = True) -> bool:
    """Does the number at cs open a speaker's turn ("Me: ", "[10:16] You: ") on the line
    right under the cue ending at end, with no sentence end between them but that line's
    break (with lead, perhaps after a few words that open the turn)? (low: the copy with
    its line breaks)"""
    ls = low.rfind("\n", end, cs)
    if ls < 0 or low.find("\n", end, ls) >= 0:
        return False
    turn = TURN_SPEAKER_RE.match(low, ls + 1, cs)
    # (a few words may open the turn before it: "CALLER: Hang on, I'm getting the
    # checkbook. Okay, N": turn_answer_lead)
    return (
        turn is not None
        and (
            not low[turn.end() : cs].strip(" \t")
            or (
                lead
                and cs - turn.end() <= TURN_ANSWER_LEAD_REACH
                and TURN_ANSWER_LEAD_RE.fullmatch(low, turn.end(), cs) is not None
            )
        )
        and SENTENCE_END_RE.search(norm, end, ls) is None
    )


def _turn_apart(low: str, ce: int, start: int) -> bool:
    """Is the number ending at ce on a turn of one speaker ("Me: 624328100") and the
    cue starting at start on a later line, another speaker's turn? (low: the copy with
    its line breaks)"""
    if low.find("\n", ce, start) < 0:
        return False
    if _header_apart(low, ce, start):
        return True
    own = TURN_SPEAKER_RE.match(low, low.rfind("\n", 0, ce) + 1, ce)
    if own is None:
        return False
    other = TURN_SPEAKER_RE.match(low, low.rfind("\n", 0, start) + 1)
    if other is None or other.group(1).strip() == own.group(1).strip():
        return False
    # a cue in that speaker's name ("00:57  Agent (DRS): Thank you.") is apart, one in
    # the turn too, unless that turn speaks of the number ("And that's your sales and
    # use tax permit?")
    return start < other.end() or TURN_BACK_RE.match(low, other.end(), start) is None


def _line_label(low: str, ce: int, start: int, end: int, nx: int) -> bool:
    """Is the cue low[start:end] the label of the number ending at ce: right after it,
    and ending their line, with the next number on a later line?"""
    if low[ce:start].strip(" \t:=-"):
        return False
    rest = low[end:nx]
    br = rest.find("\n")
    return br >= 0 and not rest[:br].strip(" \t.:;,)")


def _cue_across(gap_re: re.Pattern, low: str, end: int) -> bool:
    """Does a cue (not a void phrase) start right after a gap gap_re matches at end?"""
    return _cue_after_gap(gap_re, low, end) is not None


def _cue_after_gap(gap_re: re.Pattern, low: str, end: int) -> re.Match | None:
    """The cue (not a void phrase) right after a gap gap_re matches at end, or None."""
    gap = gap_re.match(low, end)
    if gap is None:
        return None
    m = CUE_RE.match(low, gap.end())
    return m if m is not None and m.lastindex != _VOID else None


def _last_cues(low: str, floor: int, cs: int, ce: int) -> tuple[re.Match | None, re.Match | None]:
    """The last cue (not a void phrase) from floor to the number at cs-ce, and the one
    before it; a cue that only qualifies the one before it gives way (_qualifies)."""
    last = prior = None
    letter = CUE_START_RE.search(low, floor, cs)
    # (read on to the number's end: a cue may look ahead at the number's shape,
    # "sin(?= 184 876 915)", but only one that ends before it counts)
    for m in CUE_RE.finditer(low, letter.start(), ce + 1) if letter else ():
        if m.end() > cs:
            break
        if m.lastindex != _VOID:
            last, prior = m, last
    if _qualifies(low, last, prior):
        return prior, None
    return last, prior


def _qualifies(low: str, last: re.Match | None, prior: re.Match | None) -> bool:
    """Does the cue last only qualify the cue prior before it ("routing number for CT is
    N", "número de cliente del banco es N": the state's name or a bank word, joined by
    weak_cue_of_id; a document it is written on, _documents; a direct deposit it went
    to, _deposit_place), so that prior is the number's?"""
    if last is None or prior is None:
        return False
    kind = _cue_kind(prior)
    if _documents(low, last, prior) or _deposit_place(low, last, prior):
        return True
    return (
        (
            (last.group() in WEAK_CUES_AFTER and _cue_kind(last) == "ct")
            or WEAK_CUE_BANK_RE.fullmatch(last.group()) is not None
        )
        and (kind in ID_KINDS or kind in _NEG_KINDS)
        and WEAK_CUE_OF_ID_RE.fullmatch(low, prior.end(), last.start()) is not None
    )


def _documents(low: str, last: re.Match, prior: re.Match) -> bool:
    """Is the cue last a bare document word (document_cue), a negative cue or one of
    prior's kind, that only says where the identifier of prior's cue is written ("SSN on
    the claim 689-88-3210", "The EIN on the claim is 06-1234567")?"""
    kind = _cue_kind(prior)
    return (
        kind in ID_KINDS
        and (_cue_kind(last) in _NEG_KINDS or _cue_kind(last) == kind)
        and DOCUMENT_CUE_RE.fullmatch(last.group()) is not None
        and DOCUMENT_OF_ID_RE.fullmatch(low, prior.end(), last.start()) is not None
    )


def _deposit_place(low: str, last: re.Match, prior: re.Match) -> bool:
    """Is the cue last a direct deposit that only says where the number of prior's cue,
    an identifier's or a negative one, went ("The checking account number they put on my
    direct deposit is 619695110": deposit_place)?"""
    kind = _cue_kind(prior)
    return (
        (kind in ID_KINDS or kind in _NEG_KINDS)
        and DEPOSIT_PLACE_RE.fullmatch(last.group()) is not None
        and DEPOSIT_PLACE_GAP_RE.fullmatch(low, prior.end(), last.start()) is not None
    )


def _weak_qualifier(low: str, m: re.Match | None, nx: int) -> re.Match | None:
    """The cue m, or the negative cue after it that m, a name only (weak_cues_after),
    qualifies ("... is our myconneCT logon confirmation")."""
    if m is None or m.group() not in WEAK_CUES_AFTER:
        return m
    n = _next_cue(low, m.end(), min(nx, m.end() + CUE_WINDOW))
    if (
        n is not None
        and _cue_kind(n) in _NEG_KINDS
        and WEAK_CUE_QUALIFIES_RE.fullmatch(low, m.end(), n.start()) is not None
    ):
        return n
    return m


def _labelled_kind(low: str, end: int) -> str | None:
    """The kind of the number's own cue right after it (_labelled_at), or None."""
    cue = _cue_after_gap(LABEL_AFTER_GAP_RE, low, end)
    return None if cue is None else _cue_kind(cue)


def _label_after(low: str, end: int) -> tuple[int, int, str] | None:
    """The number's own cue right after it (_labelled_at) when it has no number of its
    own after it (_labelled_only), as (start, end, kind); or None."""
    cue = _cue_after_gap(LABEL_AFTER_GAP_RE, low, end)
    if cue is None or _OWN_NUMBER_RE.match(low, cue.end()) is not None:
        return None
    return cue.start(), cue.end(), _cue_kind(cue)


def _labelled_at(low: str, end: int) -> bool:
    """Is the number ending at end followed at once by a cue of its own ("... routing
    123582401919 = acct", "... 64-9072450 is the EIN")? (The gap may be empty.)"""
    return _cue_across(LABEL_AFTER_GAP_RE, low, end)


# what may stand between a label and a value of its own: a number, or a removed number's
# placeholder ("SSN[Social Security number removed]")
_OWN_VALUE_GAP = "[ ]?[#:=.]?[ ]?"
_OWN_NUMBER_RE = re.compile(_OWN_VALUE_GAP + "[0-9]")
_OWN_PLACEHOLDER_RE = re.compile(_OWN_VALUE_GAP + "\\[")


def _labelled_only(low: str, end: int) -> bool:
    """Is the number ending at end followed at once by a cue of its own that has no
    number of its own after it ("123582401919 = acct", not "309437772 acct 1420016")?"""
    return _label_after(low, end) is not None


def _corrected_at(low: str, end: int) -> bool:
    """Is the number ending at end corrected at once by a cue of its own ("... 044980050
    oops no that's the routing number")?"""
    return _cue_across(CORRECTION_GAP_RE, low, end)


def _between_marks(norm: str, cs: int, ce: int) -> bool:
    """Is norm[cs:ce] set between two of the same MICR transit mark (a check line)?"""
    if norm.startswith(_SPACED_MARK, ce) and norm.endswith(_SPACED_MARK[::-1], 0, cs):
        return True  # the transit symbol a space off on both sides ("⑆ 247168844 ⑆")
    if ce >= len(norm) or norm[ce] not in _MICR_FIRST:
        return False
    if any(norm.startswith(m, ce) and norm.endswith(m, 0, cs) for m in MICR_MARKS):
        return True
    # (or nine digits glued between two of one symbol's letter: "A232769261A")
    c = norm[ce]
    return (
        c in MICR_LETTERS
        and ce - cs == _ABA_DIGITS
        and cs >= 1
        and norm[cs - 1] == c
        and (cs < 2 or norm[cs - 2] not in _ASCII_ALNUM)
        and (ce + 1 >= len(norm) or norm[ce + 1] not in _ASCII_ALNUM)
        # (on a check named just before: not "Part no. A068414243A")
        and MICR_LETTERS_CONTEXT_RE.search(norm[max(0, cs - MICR_LETTERS_REACH) : cs]) is not None
    )


# a denial's owner, between a negated cue and its number ("not my SSN, my husband's: ")
_OWNER_BEFORE_RE = re.compile(RULES["denial"]["owner_before"])


def _negated_after(low: str, end: int, cs: int) -> bool:
    """Is the cue ending at end negated right after it, before the number at cs
    (denial.negation_after: "SSN না", "SSN이 아니라")?"""
    m = DENIAL_NEGATION_AFTER_RE.match(low, end, cs)
    return m is not None


def _card_word_before(text: _Text, cs: int) -> re.Match | None:
    """The last card word (card.words) in the card.words_reach characters before cs."""
    last = None
    for m in CARD_WORDS_RE.finditer(text.low, max(0, cs - CARD_WORDS_REACH), cs):
        last = m
    return last


def _card_word_end(text: _Text, cs: int) -> int:
    """Where the last card word before cs ends (0 if there is none)."""
    m = _card_word_before(text, cs)
    return 0 if m is None else m.end()


_CARD_WORD_GAP_RE = re.compile("[ ]?[#:]?[ ]?")  # a card word's gap to its number


def _negates_id(low: str, cue) -> bool:
    """Is the cue a negative one that holds an identifier's cue ("has no SSN")?"""
    if _cue_kind(cue) not in _NEG_KINDS:
        return False
    inner = _next_cue(low, cue.start() + 1, cue.end())
    return inner is not None and _cue_kind(inner) in ID_KINDS


def _negated_kind(low: str, cue) -> str | None:
    """The kind of the cue a negated cue negates ("not my social security number":
    ssn), or None if the cue is not negated."""
    neg = DENIAL_NEGATION_RE.match(low, cue.start())
    if neg is None:
        return None
    inner = _next_cue(low, neg.end(), cue.end())
    return None if inner is None else _cue_kind(inner)


def _said_to_be(low: str, ce: int, s: int) -> bool:
    """Is the number ending at ce said, by "is" or "was" right after it, to be what the
    cue starting at s names, that cue its label at once ("930902780 is my husband's
    ITIN")?"""
    if _COPULA_AFTER_RE.match(low, ce) is None:
        return False
    cue = _cue_after_gap(LABEL_AFTER_GAP_RE, low, ce)
    return cue is not None and cue.start() == s


def _denies_back(low: str, ce: int, m) -> bool:
    """Is the cue m, after a number ending at ce, a negated identifier cue that denies
    that number, in its clause or in the next one starting with a pronoun for it
    ("555-71-1567 is not my SSN, mine ends in 5919", "... 555-71-1567. That is NOT my
    social security number, mine ends in 5919")?"""
    s = m.start()
    return (
        _cue_kind(m) == "neg"
        and DENIAL_NEGATION_RE.match(low, s) is not None
        and _denial_gap(low, ce, s)
    )


def _other_id_cue(low: str, s: int, e: int, kind: str | None) -> bool:
    """Does an identifier cue of a kind other than kind stand in low[s:e]?"""
    cue = _next_cue(low, s, e)
    while cue is not None:
        k = _cue_kind(cue)
        if k in ID_KINDS and k != kind:
            return True
        cue = _next_cue(low, cue.end(), e)
    return False


def _denial_gap(low: str, s: int, e: int) -> bool:
    """Can a denial reach over low[s:e]: no clause break, or the next clause starting
    with a pronoun for the number?"""
    return (
        DENIAL_BREAK_RE.search(low, s, e) is None
        or DENIAL_NEXT_CLAUSE_RE.fullmatch(low, s, e) is not None
    )


_COPULA_AFTER_RE = re.compile(RULES["denial"]["copula_after"])  # right after a number
_YEAR_RE_PLAIN = re.compile("19[5-9][0-9]|20[0-4][0-9]")  # a year, 1950-2049
_WORD_AFTER_RE = re.compile(" [A-Za-z]")
_YEAR_PREP_RE = re.compile(RULES["year_preposition_before"].replace("$", "\\Z"))
_YEAR_PREP_REACH = len("ending since ")
_FORM_NUMBERS = frozenset(RULES["form_numbers"])
_FORM_NUMBER_BEFORE_RE = re.compile(RULES["form_number_before"])
_FORM_BEFORE_REACH = 6  # "form " and the character before it


def _form_number(norm: str, s: int, e: int) -> bool:
    """Is norm[s:e] a form's number after a determiner or "form" ("i need my 1099")?"""
    return norm[s:e] in _FORM_NUMBERS and (
        _FORM_NUMBER_BEFORE_RE.search(norm[max(0, s - _FORM_BEFORE_REACH) : s].lower()) is not None
    )


def _could_bind(norm: str, s: int, e: int, identifier: bool = False) -> bool:
    """Could the claim norm[s:e] take a cue? Not an amount or a date: fewer than
    MIN_DIGITS digits and a currency sign before it or a "/", "," or "." inside it; nor,
    for an identifier's cue, a year before a word or a form's number after its
    determiner ("my 1099"). A short plain number still does ("SSN ending 1234",
    "xxx-xx-1234")."""
    if norm[s] == "[":
        return True
    n = 0
    punct = False
    for c in norm[s:e]:
        if "0" <= c <= "9":
            n += 1
        elif c in "/,.":
            punct = True
    if n >= MIN_DIGITS:
        return True
    if identifier and e - s == 4 and _YEAR_RE_PLAIN.fullmatch(norm, s, e) is not None:
        # a year before its noun ("my 2022 CT-1040", "the 2023 return"), or after its
        # preposition ("... an individual taxpayer number, the IRS gave it in 2019"; not a
        # last four, "ending in 2019")
        if _WORD_AFTER_RE.match(norm, e) is not None:
            return False
        if _YEAR_PREP_RE.search(norm[max(0, s - _YEAR_PREP_REACH) : s].lower()) is not None:
            return False
    if identifier and _form_number(norm, s, e):
        return False  # a form's number ("... its my social security number, i need my 1099")
    j = s - 1
    while j >= 0 and j >= s - 2 and norm[j] == " ":
        j -= 1
    return not (punct or (j >= 0 and norm[j] in _LEFT_OUT and norm[j] != "+"))
