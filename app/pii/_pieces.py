"""Pieces: a chunk of digits and separators is cut into segments, and the pieces made
of whole segments (or two glued inside one digit run) are classified by their shape
and their cue; a small dynamic programme keeps the pieces covering most digits."""

from __future__ import annotations

import re
from itertools import accumulate, chain
from typing import TYPE_CHECKING

from ._checks import (
    CUE_FREE_FIRST_PAIRS,
    CUE_FREE_LAST_PAIRS,
    CUE_FREE_SHAPES,
    FIRST_PAIRS,
    LAST_PAIRS,
    MULTI_SHAPES,
    _all_same,
    _card_ok,
    _fein_ok,
    _fits,
    _itin_ok,
    _phone_like,
    _routing_ok,
    _shape_possible,
    _ssn_or_itin,
)
from ._cues import (
    _ABA_DIGITS,
    _CARD_WORD_GAP_RE,
    _LEFT_OUT,
    _NEG_KINDS,
    _OWN_PLACEHOLDER_RE,
    _between_marks,
    _card_word_before,
    _card_word_end,
    _corrected_at,
    _label_after,
    _labelled_at,
    _labelled_kind,
    _labelled_only,
)
from ._rules import (
    CARD_AFTER_RE,
    CARD_BRANDS,
    CARD_LAYOUTS,
    CARD_MAX,
    CARD_MIN,
    CARD_SEPARATORS,
    CT_ACCOUNT_AFTER_ROUTING_RE,
    CT_ACCOUNT_CELL_RE,
    CT_ACCOUNT_CELL_ROWS,
    CT_ACCOUNT_LABEL_RE,
    CT_BASE_ALONE_NEAR_REACH,
    CT_BASE_ALONE_NOT_AFTER_RE,
    CT_BASE_ALONE_NOT_NEAR_RE,
    CT_BASE_ALONE_REACH,
    CT_BASE_ALONE_WEAK_RE,
    CT_BASE_MAX,
    CT_BASE_MIN,
    CT_BASE_PERMIT_BESIDE,
    CT_BASE_PERMIT_NAMED_RE,
    CT_BASE_PERMIT_REACH,
    CT_BASE_STATE_BOX_RE,
    CT_BASE_STATE_BOX_REACH,
    CT_CUED_SEPARATORS,
    CT_GLUED_PREFIX_RE,
    CT_GLUED_PREFIX_REACH,
    CT_LOC,
    CT_MAX_BASE_GROUPS,
    CT_MIN_GROUP,
    CT_NO_CUE_LOC,
    CT_NO_CUE_SLASH,
    CT_PHONE_GUARD,
    CT_PLACEHOLDER_BASES,
    CT_SEPARATORS,
    CT_ZIP_LAYOUT_SEPS,
    CT_ZIP_PLUS4,
    CT_ZIP_PREFIX,
    CT_ZIP_STATE_RE,
    CUE_LAYOUTS,
    DENIAL_ANSWER_NOT_RE,
    DIGITS_RE,
    EFW2_DIGITS_AFTER,
    EFW2_RECORDS,
    FEIN_PREFIXES,
    GLUE_LEAD,
    GLUE_MIN_RUN,
    GLUE_TAIL,
    HINT_RE,
    MIN_DIGITS,
    NACHA_ENTRY_CODES,
    PADDED,
    PROSE_DASHES,
    RULES,
    SENTENCE_END_RE,
    SSN_BAD_AREA_FIRST,
    WEAK_CUES_AFTER,
    ZIP_STATE_REACH,
)
from ._scopes import DENIED, ID_KINDS

if TYPE_CHECKING:
    from ._cues import _Chunk, _Text

_MAX_PIECE_GROUPS = 6
_DOT_CUT_MIN = 2
_SLASH_CUT_MIN: int = RULES["cue_list_min_digits"]
_GLUE_PUNCT = "-/"
# _shape_possible by group lengths: a few hundred distinct tuples ever occur, so the
# answers are kept (bounded: group lengths are at most CARD_MAX and groups at most 6)
_SHAPES: dict[tuple[int, ...], bool] = {}


class _SepChars(dict):
    """_sep_char by raw separator, filled on first use (a few dozen distinct strings:
    the claim pattern bounds them), so a chunk's separators map in one C-level call."""

    def __missing__(self, raw: str) -> str:
        sp = self[raw] = _sep_char(raw)
        return sp


_SEPS = _SepChars()
# _glue_cuts by its arguments (group lengths are bounded by MAX_CHUNK; so is the cache)
_CUTS: dict[tuple, tuple[int, ...]] = {}
_CUTS_MAX = 65536
_NON_DIGITS_RE = re.compile("[^0-9]+")
# the group lengths _classify can accept for a piece of two or more groups: those
# _shape_possible takes, and a card laid out 4-4-4-3 (taken only as a whole chunk)
_WHOLE_SHAPES = MULTI_SHAPES | CARD_LAYOUTS


def _digits_source(strings: frozenset[str]) -> str:
    """A pattern for a set of digit strings of one length, grouped by all but the last
    digit: {"10", "11", "20"} gives (?:1[01]|20)."""
    by: dict[str, str] = {}
    for s in sorted(strings):
        by[s[:-1]] = by.get(s[:-1], "") + s[-1]
    return "(?:" + "|".join(h + (f"[{t}]" if len(t) > 1 else t) for h, t in by.items()) + ")"


def _card_prefixes(width: int) -> frozenset[str]:
    """Every string of `width` digits that some card number can start with."""
    out = set()
    for _name, ranges, _lengths in CARD_BRANDS:
        for lo, hi in ranges:
            for i in range(10**width):
                p = f"{i:0{width}d}"
                if len(lo) <= width:
                    ok = lo <= p[: len(lo)] <= hi
                else:  # does some longer string starting with p fall in [lo, hi]?
                    pad = len(lo) - width
                    ok = p + "0" * pad <= hi and lo <= p + "9" * pad
                if ok:
                    out.add(p)
    return frozenset(out)


def _cue_free_source() -> str:
    """Where a piece that needs no cue could start, and its shape: the pieces
    _scan_chunk can find in a chunk no cue reaches, read off the chunk's text in one
    search. Every finding is, or is glued after, a piece that starts a segment (a
    whole-segment piece, or the left one of two glued in a digit run), so a chunk with
    no match here yields nothing. A match is only a maybe: its separators may join
    rather than cut, its digits may fail their checks. Searched in " " + the chunk (the
    space stands for its start). The shapes are tried by the length of their first
    group, each digit read once: 2-7 with a hyphen, 3-2-4, the card layouts, a 7-digit
    CT base and a hyphen or one space, and one long run (group "run": a card, checked by
    _cue_free_run)."""

    def d(n: int) -> str:
        return f"[0-9]{{{n}}}"

    sep = "[^0-9]+"
    dash = "[ \\n]*-[ \\n]*"  # joined by a hyphen (_sep_char gives "-")
    # not joined by punctuation a card is not written with ("/"; "." unless it is one of
    # CARD_SEPARATORS)
    joins = "".join(c for c in "./" if c not in CARD_SEPARATORS)
    card_sep = (f"(?![{re.escape(joins)}][0-9])" if joins else "") + sep

    def end(size: int) -> str:
        # the piece's last group ends its segment (no digit, no joining punctuation
        # follows, or a slash that may cut: _listed_after), or is cut from a longer run
        # before a glued piece that could start an identifier itself (_glue_cuts with
        # no cue)
        alts = ["(?![0-9])(?=$|[^0-9]*[ \\n,]|\\.[0-9]{2}|/)"]
        for r, n in sorted(CUE_FREE_FIRST_PAIRS):
            if size + r >= GLUE_MIN_RUN and (size in GLUE_TAIL or r in GLUE_LEAD):
                alts.append(d(r) + sep + d(n))
        if size in GLUE_TAIL or max(GLUE_LEAD) >= CARD_MIN:
            alts.append(d(CARD_MIN))  # a card glued after it
        return "(?:" + "|".join(alts) + ")"

    def trie(layouts: list[tuple[int, ...]]) -> str:
        # the groups after the first of these card layouts, shared fronts read once
        alts = []
        for n in sorted({lay[0] for lay in layouts}):
            rest = [lay[1:] for lay in layouts if lay[0] == n]
            more = [r for r in rest if r]
            src = (
                d(n)
                + "(?:"
                + "|".join(
                    ([end(n)] if () in rest else []) + ([card_sep + trie(more)] if more else [])
                )
                + ")"
            )
            alts.append(src)
        return "(?:" + "|".join(alts) + ")"

    card2 = _digits_source(_card_prefixes(2))
    by_first: dict[int, str] = {
        2: f"(?<={_digits_source(FEIN_PREFIXES)})" + dash + d(7) + end(7),
        3: sep + d(2) + sep + d(4) + end(4),
        CT_BASE_MAX - 2: f"(?:{dash}| |{re.escape(CT_NO_CUE_SLASH)})"
        + re.escape(CT_NO_CUE_LOC)
        + d(CT_LOC - len(CT_NO_CUE_LOC))
        + end(CT_LOC),
    }
    written = {(2, 7), (3, 2, 4), (CT_BASE_MAX - 2, CT_LOC)}
    if written != CUE_FREE_SHAPES - CARD_LAYOUTS:
        raise ValueError("the shapes that need no cue changed: update _cue_free_source")
    first = {lay[0] for lay in CARD_LAYOUTS}
    if len(first) != 1 or first & set(by_first):
        raise ValueError("card layouts must share a first group length of their own")
    (n4,) = first
    by_first[n4] = (
        f"(?<={card2}{d(n4 - 2)})" + card_sep + trie(sorted(lay[1:] for lay in CARD_LAYOUTS))
    )
    # one long run: the whole run or its front cut off before a glued piece is a card;
    # at most CARD_MAX digits, or that and a lead cut off, unless a tail cut can leave one
    longest = "" if max(GLUE_TAIL) >= CARD_MIN else str(CARD_MAX + max(GLUE_LEAD))
    if max(by_first) >= CARD_MIN:
        raise ValueError("a shape's first group would be read as a long run")
    top = max(by_first)
    most = "" if not longest else int(longest) - top
    run = f"(?<={card2}{'[0-9]' * (top - 2)})[0-9]{{{CARD_MIN - top},{most}}}(?![0-9])(?P<run>)"
    # the first group's digits read once: after each length, its shapes or more digits
    body = run
    lengths = sorted(by_first)
    for i in range(len(lengths) - 1, -1, -1):
        n = lengths[i]
        step = n - (lengths[i - 1] if i else 0)
        body = d(step) + "(?:" + by_first[n] + "|" + body + ")"
    # a segment starts at the chunk's start or after a separator that can cut one:
    # with a space, line break or comma in it, or a "." or "/" (_sep_char, the dot and
    # slash cuts)
    return "[ \\n,./](?<![^0-9][ \\n,./])[^0-9]*(" + body + ")"


_CUE_FREE_RE = re.compile(_cue_free_source(), re.ASCII)


def _run_cuts(n: int) -> tuple[int, ...]:
    """The lengths of a card a run of n digits can start with: the whole run, or its
    front cut off before a glued piece (_glue_cuts)."""
    cuts = {n, *[n - r for r in GLUE_LEAD], *GLUE_TAIL}
    return tuple(sorted(k for k in cuts if CARD_MIN <= k <= min(n, CARD_MAX)))


_RUN_CUTS = [_run_cuts(n) for n in range(CARD_MAX + max(GLUE_LEAD) + 1)]


def _cue_free_run(run: str) -> bool:
    """Could a run of CARD_MIN+ digits at a segment start hold a card with no cue?"""
    n = len(run)
    cuts = _RUN_CUTS[n] if n < len(_RUN_CUTS) else _run_cuts(n)
    return any(_card_ok(run[:k]) for k in cuts)


def _cue_free_piece(bare: str) -> bool:
    """Could the chunk `bare` hold an identifier that needs no cue?"""
    s = " " + bare
    m = _CUE_FREE_RE.search(s)
    while m is not None:
        if m.start("run") < 0 or _cue_free_run(m.group(1)):
            return True
        m = _CUE_FREE_RE.search(s, m.end())
    return False


_EIN_PREFIX = 2  # an EIN's first group, before its hyphen
_SSN_GROUPS = (3, 2, 4)


def _ssn_written(texts: list[str], raw_seps: list[str], i: int) -> bool:
    """Do groups i-2..i of a chunk hold a number written as an SSN is (123-45-6789)?"""
    return (
        i >= 2
        and raw_seps[i - 2] == raw_seps[i - 1] == "-"
        and (len(texts[i - 2]), len(texts[i - 1]), len(texts[i])) == _SSN_GROUPS
    )


def _classify(parts: list[str], seps: list[str], ctx: _Chunk, first: bool | str, last: bool):
    """Kind of a piece made of digit groups `parts` joined by `seps` (each separator
    stripped of whitespace: "" for a space or line break, else "-", ".", "/" or ",").
    The cue is looked up (ctx.cue) only once the digits could be an identifier."""
    d = "".join(parts)
    n = len(d)
    if d.count(d[0]) == n or d[:-CT_LOC] in CT_PLACEHOLDER_BASES or d.startswith(PADDED):
        # (the instructions' example CT number, 1234567-000, is none either; nor a
        # padded field: "IND ID: 0000001182")
        return None
    if len(parts) == 1:
        if n == 9:
            cue = ctx.cue(first, last)
            if cue == "ssn" or cue == "itin" or cue == "taxid":
                # a business's tax ID or TIN (an ITIN cue's number that is no ITIN was
                # a "TIN"): "Northwind Electric LLC 049153005" under a "TIN" column
                if (
                    # (a 9 first is an ITIN's only when the rest is one: "North Shore
                    # Plumbing Inc,991206791")
                    (
                        cue == "taxid"
                        or (cue == "itin" and not (d[0] == SSN_BAD_AREA_FIRST and _itin_ok(d)))
                    )
                    and _fein_ok(d)
                    and ctx.business_line()
                ):
                    return "fein"
                kind = _ssn_or_itin(d)
                if kind is None and cue == "taxid" and _fein_ok(d):
                    return "fein"
                return kind
            if cue == "fein":
                return "fein" if _fein_ok(d) else None
            if cue == "routing":
                return "routing" if _routing_ok(d) else None
            return None
        if CT_BASE_MIN + CT_LOC <= n <= CT_BASE_MAX + CT_LOC:
            if CT_PHONE_GUARD and _phone_like(d) and d[-CT_LOC] != "0":
                return None
            return "ct_tax_reg" if _ct_cued(ctx, first, last, d, n == sum(_CT_SHAPE)) else None
        if CARD_MIN <= n <= CARD_MAX and _card_ok(d):
            denied = (first is True and ctx.introduced_by_neg()) or (
                last and ctx.denied_after("card")
            )
            return None if denied else "card"
        return None
    if "," in seps:
        return None
    lens = tuple(map(len, parts))
    if lens in CUE_LAYOUTS:
        # (not a ZIP+4, "Hartford 06106-4021", nor a ZIP and a year, "06511. 2023")
        if lens == CT_ZIP_PLUS4 and (
            seps[0] not in CT_ZIP_LAYOUT_SEPS
            or d.startswith(CT_ZIP_PREFIX)
            # (another state's: "CINCINNATI OH 45999-0023")
            or CT_ZIP_STATE_RE.search(ctx.text.norm, max(0, ctx.at - ZIP_STATE_REACH), ctx.at)
            is not None
        ):
            return None
        # nine digits grouped another way, one separator throughout (or an EIN's hyphen
        # after its prefix, then spaces, a fax's copy: "our EIN is 61-280 8939"): like
        # nine bare digits
        alike = seps.count(seps[0]) == len(seps) or (
            lens[0] == _EIN_PREFIX and seps[0] == "-" and seps.count("") == len(seps) - 1
        )
        return _classify([d], [], ctx, first, last) if alike else None
    kind = None
    if lens == (3, 2, 4):
        # (an EIN its writer's software prints 3-2-4 keeps its own label: "our federal
        # ID is 611-14-5348"), directly introduced by it
        # (and not corrected at once: "EIN: 376-34-0589 (actually that's my personal
        # social ...)")
        # (or, with no cue of another kind before it, labelled one at once after it by a
        # label that is not the next number's: "676-40-0318 - it's an EIN", not "ssn
        # 870-98-5073 fed id 25-5442309")
        fein = (
            first is True
            and _fein_ok(d)
            and ctx.introduced_as_fein_only()
            and not (last and _corrected_at(ctx.text.low, ctx.ce))
            # (nor said at once not to be one and named another: "EIN: 657-88-2253 —
            # that's not an EIN, it's my SSN")
            and not (last and ctx.own_cue_relabelled() is not None)
        ) or (
            last
            and _fein_ok(d)
            and _labelled_kind(ctx.text.low, ctx.ce) == "fein"
            and _labelled_only(ctx.text.low, ctx.ce)
            and ctx.cue_before() in (None, "fein")
        )
        kind = "fein" if fein else _ssn_or_itin(d)
        if kind != "fein" and first is True and _routing_introduced(ctx, d, last):
            kind = "routing"  # "Routing # 062 13 7319 (Chase)": its own cue's, in an SSN's groups
        elif kind is not None and _decimal_tail(seps) and ctx.cue(first, last) is None:
            return None  # an amount and a decimal, "19,540,003    21.0757%": only with a cue
    elif lens == (2, 7):
        if _fein_ok(d):
            if seps[0] == "-":
                kind = "fein"
            else:
                cue = ctx.cue(first, last)
                return "fein" if cue == "fein" or cue == "taxid" else None
    elif (
        lens[-1] == CT_LOC
        and len(lens) - 1 <= CT_MAX_BASE_GROUPS
        and CT_BASE_MIN <= n - CT_LOC <= CT_BASE_MAX
        and min(lens[:-1]) >= CT_MIN_GROUP
    ):
        if len(lens) == 2 and ctx.text.original_at(ctx.at + lens[0]) == "\t":
            return None  # two cells of a row ("2758310<TAB>001<TAB>12,480.00")
        if not all(s in CT_SEPARATORS for s in seps):
            # a dot or slash before the location code of a base in one group, only with
            # a CT cue ("Conn. ID 1853106.000"; not an IP address, 133.86.175.226)
            if len(seps) != 1 or seps[0] not in CT_CUED_SEPARATORS:
                return None
            if _ct_cued(ctx, first, last, d, lens == _CT_SHAPE):
                return "ct_tax_reg"
            # the slash alone, as letters print it: "filed under 2646656/000"
            if seps[0] != CT_NO_CUE_SLASH or not _ct_shape_alone(lens, d):
                return None
            kind = "ct_tax_reg"
        elif lens[:2] == CT_ZIP_PLUS4 and seps[0] == "-":  # "CT 06106-4021\n860 ..."
            return None
        elif lens[0] == CT_ZIP_PLUS4[0] and seps[0] == "" and d.startswith(CT_ZIP_PREFIX):
            return None  # "Hartford, CT 06171\n203 615 8846": a ZIP code, then a phone
        # (a tax ID's 7-digit base may come in groups of its own: "My tax number is
        # 576-9004-000"; no nine digits are a tax ID of ten)
        elif _ct_cued(
            ctx,
            first,
            last,
            d,
            lens == _CT_SHAPE or (n == sum(_CT_SHAPE) and ctx.cue(first, last) == "taxid"),
        ):
            return "ct_tax_reg"
        # 1234567-000 or 1234567 000: the shape alone, a 7-digit base, a hyphen or one
        # space and a location code 000-009
        elif _ct_shape_alone(lens, d) and (
            seps[0] == "-" or _one_space(ctx.text.norm, ctx.at + _CT_SHAPE[0])
        ):
            kind = "ct_tax_reg"
        else:
            return None
    elif (
        CARD_MIN <= n <= CARD_MAX
        and lens in CARD_LAYOUTS
        and all(s in CARD_SEPARATORS for s in seps)
        and _card_ok(d)
    ):
        kind = "card"
    if kind is not None and (
        # (not by a word of the cell before, under a header that names this column's
        # identifier: "name,role,tin" over "Jamal Whitaker,Managing Member,134-38-2583";
        # and a number listed after the first, written alike: "Lot # 221-09-4418,
        # 221-09-4419")
        (
            (first is True or (first == "listed" and _written_like_first(ctx, parts, seps)))
            and ctx.introduced_by_neg()
            and ctx.text.scoped(ctx.at, ctx)[0] not in ID_KINDS
            # (a CT number a bare "account" introduces is one: "a notice for account
            # 8255937-000")
            and not (kind == "ct_tax_reg" and ctx.account_before())
        )
        # (a CT number said to be "the account" is one: the portal's word for it)
        or (last and ctx.denied_after(kind) and not (kind == "ct_tax_reg" and ctx.account_after()))
        # an item of a list its heading denies ("these are NOT social security numbers:")
        or (ctx.text.may_deny() and ctx.text.scoped(ctx.at, ctx)[0] == DENIED)
    ):
        return None
    return kind


_CT_SHAPE = (CT_BASE_MAX - 2, CT_LOC)  # a 7-digit base and its location code


def _decimal_tail(seps: list[str]) -> bool:
    """Are an SSN's three groups joined by two different separators, the second a
    point: a number and a decimal ("540 21.0757"), not one number?"""
    return seps[1] == "." and seps[0] != "."


def _ct_shape_alone(lens: tuple[int, ...], d: str) -> bool:
    """A CT number by its shape alone: a 7-digit base and a location code 000-009."""
    return lens == _CT_SHAPE and d[-CT_LOC:].startswith(CT_NO_CUE_LOC)


# a date (YYYYMMDD) leading a longer number
_DATE_LEAD_RE = re.compile("(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])")
_ANY_DIGIT_RE = re.compile("[0-9]")


def _routing_introduced(ctx: _Chunk, d: str, last: bool) -> bool:
    """Is d a valid routing number that its own routing cue directly introduces?"""
    return _routing_ok(d) and ctx.cue(True, last) == "routing" and ctx.introduced_by_id()


def _written_like_first(ctx: _Chunk, parts: list[str], seps: list[str]) -> bool:
    """Is the piece (its groups and separators) written as the chunk's first number,
    before its first comma, is: the same groups with the same marks between?"""
    norm = ctx.text.norm
    comma = norm.find(",", ctx.cs, ctx.ce)
    head = norm[ctx.cs : comma] if comma > 0 else ""
    mine = parts[0] + "".join(s + p for s, p in zip(seps, parts[1:], strict=True))
    return _ANY_DIGIT_RE.sub("0", head) == _ANY_DIGIT_RE.sub("0", mine)


def _located_sibling(norm: str, at: int, d: str) -> bool:
    """Does the text hold, elsewhere than at, the same 7-digit base with another location
    code 00x ("6921973000\n6921973001\n\nthose are our 2 numbers": one business's two
    locations)?"""
    base, loc = d[:-CT_LOC], d[-CT_LOC:]
    i = norm.find(base)
    while i >= 0:
        j = i + len(base)
        j += norm[j : j + 1] in ("-", " ")
        other = norm[j : j + CT_LOC]
        if (
            i != at
            and not norm[i - 1 : i].isdigit()
            and other.isdigit()
            and len(other) == CT_LOC
            and other.startswith(CT_NO_CUE_LOC)
            and other != loc
            and not norm[j + CT_LOC : j + CT_LOC + 1].isdigit()
        ):
            return True
        i = norm.find(base, i + 1)
    return False


_PERSON_OR_FEIN = ("ssn", "itin", "fein")


def _ct_cued(ctx: _Chunk, first: bool | str, last: bool, d: str, shaped: bool) -> bool:
    """Does the number's cue make d a CT number? A CT cue does, but one that only names
    the state, the department or a tax only if d ends in a location code starting 00
    ("CT DRS TAXPYMT 1734878178" on a bank statement is a payment's reference), and so
    does a scope's fallback alone for a number shaped like a phone number; for a
    7-digit base and a location code (shaped) starting 00, so does a cue that does not
    name one alone: "tax number" / "tax ID" (a CT number is a tax number too), or a bare
    "Account" label introducing it (myconneCT's name for a registration: "Account ID:
    1838068000") or heading its column in a table (_under_account_cell); and with no cue
    at all, for a base another number of the text shares with another location code
    (_located_sibling)."""
    cue = ctx.cue(first, last)
    located = d[-CT_LOC:].startswith(CT_NO_CUE_LOC)
    if cue == "ct":
        # (a scope's fallback alone makes a phone-shaped number a CT number only with a
        # location code 00x: "... Small Business Accounting\n9594530036" signs a letter
        # about sales tax)
        if located:
            # (but not a base longer than seven digits that starts with a date, a bank
            # export's transaction ID: "<FITID>202404150001<NAME>CT DRS TAXPAYMNT")
            return len(d) == sum(_CT_SHAPE) or _DATE_LEAD_RE.match(d) is None
        # (a base longer than seven digits only with a location code 00x: "CT DEPT REVENUE
        # TAXPAYMENT IND ID:76596772705" is a payment's reference)
        return (
            len(d) == sum(_CT_SHAPE)
            and not ctx.named_only()
            and not (ctx.by_scope_only() and _phone_like(d))
        )
    if not shaped or not located:
        return False
    if cue == "taxid":
        return True
    if cue in _PERSON_OR_FEIN:
        # ten digits an identifier cue of another kind introduces, typed in numerals: a
        # CT number taken for one ("I always thought my EIN was 5289631001", "... into
        # the SSN field on the payment page — 5049235001"); not a scope's cue, nor a
        # number read out in words
        return ctx.cue_before() == cue and all(
            "0" <= ctx.text.original_at(i) <= "9" for i in (ctx.at, ctx.ce - 1)
        )
    at, low = ctx.at, ctx.text.low_lines
    if cue is None:  # (the header's label is no cue of a row below it)
        return _under_account_cell(low, at) or _located_sibling(ctx.text.norm, at, d)
    if cue != "neg":
        return False
    if _account_labelled(low, at):
        # (not a bank account under its routing number: "Routing: N\nAccount: M")
        # (the line above looked at within _ABOVE characters: a long line is no form's)
        ls = low.rfind("\n", max(0, at - _ABOVE), at)
        if ls < 0:
            return True
        lo = max(0, ls - _ABOVE)
        above = low[low.rfind("\n", lo, ls) + 1 or lo : ls]
        return CT_ACCOUNT_AFTER_ROUTING_RE.search(above) is None
    # or in an "Account ID" column (a pasted account summary)
    return _under_account_cell(low, at)


def _account_labelled(low: str, at: int) -> bool:
    """Does the portal's bare "Account" label introduce the number at `at`, at the start of
    a line, a sentence or a JSON field (ct_tax_reg.account_label; low is low_lines)?"""
    return CT_ACCOUNT_LABEL_RE.search(low[max(0, at - _ACCOUNT_REACH) : at]) is not None


_ACCOUNT_REACH = 40  # how far back account_label is looked for
_TABLE_SEPARATORS = ",;|"  # what parts the cells of a CSV, semicolon or pipe table
_INDENT_RE = re.compile("[ \t>]*")  # an indent, or an e-mail's quote prefix


def _under_account_cell(low: str, at: int) -> bool:
    """Does the number at `at` stand in an "Account ID" column of a table
    (ct.account_cell): first in its row under the header's first cell, or under a
    space-aligned header cell that starts where it does, or after as many CSV,
    semicolon or pipe separators as that header cell?"""
    ls = low.rfind("\n", 0, at) + 1
    row = low[ls:at]
    col = at - ls
    first = _INDENT_RE.fullmatch(row) is not None
    aligned = row.endswith("  ")
    seps = [row.count(c) for c in _TABLE_SEPARATORS]
    end = ls - 1
    for _ in range(CT_ACCOUNT_CELL_ROWS + 1):
        if end < 0:
            return False
        hs = low.rfind("\n", 0, end) + 1
        line = low[hs:end]
        if not line.strip(" \t"):
            return False
        for m in CT_ACCOUNT_CELL_RE.finditer(line):
            before = line[: m.start()]
            if first:
                if _INDENT_RE.fullmatch(before) is not None:
                    return True
            elif any(seps):
                if [before.count(c) for c in _TABLE_SEPARATORS] == seps:
                    return True
            elif aligned and m.start() == col and before.endswith("  "):
                return True
        end = hs - 1
    return False


_ABOVE = 200  # characters: how far back the line above a label is looked for


def _one_space(norm: str, i: int) -> bool:
    """Is the separator at norm[i] a single space ("1234567 003"; not a line break; a
    tab, two cells of a row, was ruled out before)?"""
    return norm[i] == " " and norm[i + 1] != " "


def _glue_cuts(size: int, prev: int, nxt: int, punct_before: bool, punct_after: bool, cued: bool):
    """Where a digit run of `size` digits may be cut between two glued identifiers, in
    order: before its last GLUE_LEAD digits when a punctuation separator follows it,
    after its first GLUE_TAIL digits when one precedes it. The piece after a cut starts
    with the digits after it, the piece before ends with those before it: each is one
    long group, or begins (ends) like a shape of groups, given the lengths of the groups
    before and after the run (prev, nxt; 0 for none) and whether a cue can reach it."""
    long_min, first_pairs, last_pairs = _limits(cued)
    cuts: set[int] = set()
    if punct_after:
        cuts.update(size - m for m in GLUE_LEAD if size - m > 0)
    if punct_before:
        cuts.update(m for m in GLUE_TAIL if m < size)
    return tuple(
        k
        for k in sorted(cuts)
        if (size - k >= long_min or (nxt and (size - k, nxt) in first_pairs))
        and (k >= long_min or (prev and (prev, k) in last_pairs))
    )


def _limits(cued: bool) -> tuple[int, frozenset, frozenset]:
    """The fewest digits of a one-group piece, and the first and last two group lengths
    of a piece of more groups, that can be an identifier with a cue or without one."""
    if cued:
        return MIN_DIGITS, FIRST_PAIRS, LAST_PAIRS
    return CARD_MIN, CUE_FREE_FIRST_PAIRS, CUE_FREE_LAST_PAIRS


def _is_word(c: str) -> bool:
    """A letter or digit that glues onto a number; CJK ideographs, kana and Hangul do
    not (Chinese, Japanese and Korean write numbers straight after a word: 号码是412083317,
    번호는 611-24-6906입니다), nor does "_", which parts a file name's words as a space
    does ("W2_2023_863-99-0525_Reyes.pdf", "ITIN_954837509_CT1040_2022.pdf")."""
    if "\u3000" <= c <= "\u9fff" or "\uac00" <= c <= "\ud7af":
        return False
    return c.isalnum()


def _sep_char(s: str) -> str:
    """The separator without its whitespace; "" (a cut, like a space) also for ", " and
    ". ", which end a clause or a sentence rather than group digits."""
    t = s.strip(" \n")
    if t == ",":  # "1,234,567" is an amount, "...,569305166,2012" a CSV row
        return ""
    if t == "." and s[-1] in " \n":
        return ""
    if t == "/" and s[0] in " \n" and s[-1] in " \n":  # "021000021 / 123456789"
        return ""
    # "...3317\n- 523104428": a bullet (a space after its mark; not a hard wrap's "Ours
    # is 91\n-4567210")
    if t and s[-1] in " \n" and "\n" in s and s.index("\n") < s.index(t):
        return ""
    return t


_AMOUNT_ENDS = (" ", "\n", ",")  # what may come after an amount, or before its token


def _amount_groups(texts: list[str], raw_seps: list[str]) -> list[bool] | None:
    """Which digit groups belong to a money amount: written with thousands commas and
    cents ("1,234.56", "12,345,678.00"), or a whole token of digits and cents ("612.00",
    "-612.00" on a bank statement, "157.78" in a CSV row). None of them is part of an
    identifier, so a piece cannot join cents to the next cell ("$1,234.56<tab>7828.00"
    is no 3-2-4), nor a statement's amount to the number before it ("0091821<tab>-612.00"
    is no CT number). None when the chunk holds no such amount."""
    marks: list[bool] | None = None
    last = len(texts) - 1
    for i in range(1, len(texts)):
        if not (
            len(texts[i]) == 2
            and raw_seps[i - 1] == "."
            and (i == last or raw_seps[i][:1] in _AMOUNT_ENDS)
        ):
            continue
        # the cents of "1,234.56", or of a token that starts after a space or a comma
        # ("612.00", "-612.00", a CSV row's "...,157.78,2559.55"): an identifier never
        # ends in a group of two after a dot
        grouped = i >= 2 and raw_seps[i - 2] == "," and len(texts[i - 1]) == 3
        if not grouped and i >= 2 and raw_seps[i - 2][:1] not in _AMOUNT_ENDS:
            continue
        if marks is None:
            marks = [False] * len(texts)
        marks[i] = marks[i - 1] = True
        k = i - 1
        # back over the thousands groups to the leading 1-3 digits ("...,14-9063018,607.09"
        # is a CSV cell before the amount, not part of it)
        while grouped and k >= 1 and raw_seps[k - 1] == "," and len(texts[k - 1]) <= 3:
            k -= 1
            marks[k] = True
            if len(texts[k]) != 3:
                break
    return marks


# a line break inside a number, as a hard wrap leaves it (CRLF is " \n" by then; a PDF's
# text may indent the next line, "SSN: 577-43-9\n  392"), and what the groups around it
# are joined by: nothing (the break is inside a group), or the dash glued on to the next
# group's digits ("674-63\n-9688")
_WRAP_INDENT = 3  # (as far as a chunk reads over a line break: a deeper indent parts it)
_WRAPS = {
    end + "\n" + " " * indent + dash: (dash or None)
    for end in ("", " ")
    for indent in range(_WRAP_INDENT + 1)
    for dash in ("", "-")
}
# the dashed shapes that need no cue (an SSN or ITIN, an EIN, a CT number with a location
# code 00x: _classify checks), whole again once unwrapped
_DASHED_ALONE = frozenset(((3, 2, 4), (2, 7), (CT_BASE_MAX - 2, CT_LOC)))


def _spaced_boxes(
    texts: list[str], raw_seps: list[str], at: int
) -> tuple[list[str], list[str]] | None:
    """A number typed one digit a box, single spaces between, that a hard wrap
    (raw_seps[at]) split ("3 1 6 4 4\n9 0 2 1", "4 3 6  6 3  8 2\n5 6"; the line before
    may be closed up already, "31644", "436 63 82"): the boxes on either side of the wrap
    joined to the group the wrap splits, the groups before it as they are; or None."""
    tail = texts[at + 1 :]
    if len(tail) < 2 or any(len(t) != 1 for t in tail) or any(r != " " for r in raw_seps[at + 1 :]):
        return None
    start = at
    while (
        start > 0
        and len(texts[start]) == 1
        and len(texts[start - 1]) == 1
        and raw_seps[start - 1] == " "
    ):
        start -= 1
    groups = [*texts[:start], "".join(texts[start:])]
    return groups, list(map(_SEPS.__getitem__, raw_seps[:start]))


def _unwrapped(texts: list[str], raw_seps: list[str], cs: int, ce: int, ctx):
    """The whole chunk as one identifier typed before a hard wrap split it, even inside
    a group ("employer identification number is 85-43\n15668"): one line break, the
    groups around it joined, a whole shape, and an identifier cue bound to the number
    (a wrap inside a group leaves no shape of its own to go by). None if not."""
    at = -1
    for i, r in enumerate(raw_seps):
        if "\n" in r:
            if at >= 0 or r not in _WRAPS:
                return None
            at = i
    if at < 0:
        return None
    boxes = _spaced_boxes(texts, raw_seps, at)
    if boxes is not None:
        texts, seps = boxes
    else:
        seps = list(map(_SEPS.__getitem__, raw_seps))
        sep = _WRAPS[raw_seps[at]]
        if sep is None:
            # a group a wrap splits is shorter than a number on either side ("CT
            # 067900372\n1 Wages": a ZIP+4 and a W-2 box number)
            if max(len(texts[at]), len(texts[at + 1])) >= MIN_DIGITS:
                return None
            texts = [*texts[:at], texts[at] + texts[at + 1], *texts[at + 2 :]]
            seps = [*seps[:at], *seps[at + 1 :]]
        else:
            seps = [*seps[:at], sep, *seps[at + 1 :]]
    if "/" in seps:
        return None  # a date the wrap left a number's tail before ("4.71E+15\n2/15/2025")
    if not (
        _shape_possible([len(texts[0])])
        if len(texts) == 1
        else tuple(map(len, texts)) in _WHOLE_SHAPES
    ):
        return None
    # an identifier cue of its own, before it or else after it (scopes are not read);
    # or, joined, a dashed shape that needs none ("... on file for Coastal Marine
    # Fabrication Corp is 2248\n> 423-000")
    dashed = all(x == "-" for x in seps) and tuple(map(len, texts)) in _DASHED_ALONE
    before = ctx.cue_before()
    if not dashed and (before if before is not None else ctx.cue_after()) not in ID_KINDS:
        return None
    ctx.look_at(cs)
    kind = _classify(texts, seps, ctx, True, True)
    return None if kind is None else (kind, cs, ce, "".join(texts), ctx.why)


def _stray_space(texts: list[str], raw_seps: list[str], cs: int, ce: int, ctx):
    """A dashed identifier with one stray space inside a group, as a scan's OCR leaves
    it ("ITIN 904-73-73 83", "federal identification number 54-233311 3", "My SSN on
    the notice is shown as 71 3-63-5870"): the groups either side of the space, joined,
    make a dashed shape that needs no cue (_DASHED_ALONE), and an identifier cue of its
    own stands before it. None if not."""
    if raw_seps.count(" ") != 1:
        return None
    at = raw_seps.index(" ")
    if any(r != "-" for i, r in enumerate(raw_seps) if i != at):
        return None
    joined = [*texts[:at], texts[at] + texts[at + 1], *texts[at + 2 :]]
    if tuple(map(len, joined)) not in _DASHED_ALONE or ctx.cue_before() not in ID_KINDS:
        return None
    ctx.look_at(cs)
    kind = _classify(joined, ["-"] * (len(joined) - 1), ctx, True, True)
    if kind is None:
        return None
    # (found by its shape once joined, and only with its cue: the cue says why)
    why = ctx.why or ("before", ctx.before_span, ctx.cue_before())
    return kind, cs, ce, "".join(joined), why


_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


_BASE_DIGITS = CT_BASE_MAX - 2  # the seven digits of a CT number's base
_BASE_LEFT = frozenset("-/.,$+")  # joined on before: part of a longer number or an amount


def _state_box(low: str, s: int, e: int) -> bool:
    """Is the weak label low[s:e] the state's code "ct" in a W-2's or a 1099's state box,
    after the box's label ("15 State  Employer's state ID number" over "CT  8894939")?"""
    return (
        low[s:e] == "ct"
        and CT_BASE_STATE_BOX_RE.search(low, max(0, s - CT_BASE_STATE_BOX_REACH), s) is not None
    )


def _permit_named(low: str, s: int) -> bool:
    """Is the weak label at low[s:] a bare permit, after the writer has named the sales
    tax permit in the CT_BASE_PERMIT_REACH characters before it ("I had a sales tax
    permit. The permit number is 3804634"), and no registration there?"""
    lo = max(0, s - CT_BASE_PERMIT_REACH)
    return (
        low.startswith("permit", s)
        and CT_BASE_PERMIT_NAMED_RE.search(low, lo, s) is not None
        and low.find(CT_BASE_PERMIT_BESIDE, lo, s) < 0
    )


def ct_base(ctx: _Chunk):
    """A CT number's seven-digit base alone, glued to nothing and directly introduced by
    its own CT label ("My registration number is 4517238", "CT reg # 6144674"; not one
    of base_alone_weak: "DRS 4517238", "permit 2210047"): (kind, start, end, digits,
    why), or None."""
    norm, cs, ce = ctx.text.norm, ctx.cs, ctx.ce
    # (not a placeholder, a form's example or one digit throughout, as for a whole CT
    # number: "prefills 'CT Tax Registration Number: 0000000'", "CT tax reg 1234567")
    base = norm[cs:ce]
    if base in CT_PLACEHOLDER_BASES or base.count(base[0]) == len(base):
        return None
    # (glued to nothing but its own CT label typed on to it: "ctreg1008811")
    typed_on = cs > 0 and _is_word(norm[cs - 1])
    if (ce < len(norm) and _is_word(norm[ce])) or (
        cs > 0 and norm[cs - 1] in _BASE_LEFT and not _csv_comma(norm, cs)
    ):
        return None
    if ce < len(norm) and (
        norm[ce] in _GLUE_PUNCT
        or (norm[ce] in ".," and ce + 1 < len(norm) and "0" <= norm[ce + 1] <= "9")
    ):
        return None
    ctx.look_at(cs)
    if typed_on and (
        ctx.cue_before() != "ct" or ctx.before_span is None or ctx.before_span[1] != cs
    ):
        return None
    # (directly, or as the answer to it on the next speaker's turn: "Boss: whats our ct
    # number" / "Me: 5034452")
    if (
        ctx.cue_before() != "ct"
        or not (ctx.introduced_by_id() or ctx.answers_turn())
        or ctx.before_span is None
    ):
        # or labelled at once after it by its own CT label ("9586215 is my CT tax
        # registration number", "4656384 (CT tax registration number)")
        label = _ct_label_after(ctx, cs, ce)
        if label is not None:
            return ("ct_tax_reg", cs, ce, norm[cs:ce], ("after", *label, "ct"))
        # or the value of an XML element or JSON field that names a CT number
        # ("<CTTaxRegistrationNum>6021513", '"ct_reg": "6021513"'), or a pipe or tab
        # table's cell under a CT column ("Store|CT Reg #" / "Main St|2653900|yes"), or a
        # list item's value under a CT heading ("CT tax registration numbers:" / "Pine
        # Hollow Farm Stand: 7525583"; or a CSV's cell, a line's last cell after an
        # aligned gap, or a line of its own, under one: "CT ID,Name" / "4010769,"Mystic
        # Knot"", "CT registration numbers:" / "Golden Wok  2664219")
        if cs == 0 or (ctx.text.original_at(cs - 1) not in '>"' and not _cell(ctx, cs, ce)):
            return None
        forced = ctx.text.scoped(cs, ctx)[0]
        if forced != "ct":
            return None
        return ("ct_tax_reg", cs, ce, norm[cs:ce], ("scope", cs, forced))
    s, e = ctx.before_span
    low = ctx.text.low
    if (
        CT_BASE_ALONE_WEAK_RE.fullmatch(low, s, e) is not None
        and not _state_box(low, s, e)
        and not _permit_named(low, s)
    ):
        # (but its own CT label after it: "I registered with DRS and they gave me 4529627
        # as my Connecticut tax registration number")
        label = _ct_label_after(ctx, cs, ce)
        return None if label is None else ("ct_tax_reg", cs, ce, base, ("after", *label, "ct"))
    if _base_label_barred(ctx, low, s):
        return None
    return ("ct_tax_reg", cs, ce, norm[cs:ce], ("before", ctx.before_span, ctx.before))


def _base_label_barred(ctx: _Chunk, low: str, at: int) -> bool:
    """Is a base alone's CT label (before it, or the base itself when the label is after
    it: at) no CT number's after all: the Labor Department's employer registration
    number or a vehicle's just before it, a vehicle's registration certificate pasted
    above it, or the number withdrawn at once ("for reg 0013121 — sorry that's my
    invoice number")?"""
    return (
        CT_BASE_ALONE_NOT_AFTER_RE.search(low, max(0, at - CT_BASE_ALONE_REACH), at) is not None
        or CT_BASE_ALONE_NOT_NEAR_RE.search(low, max(0, at - CT_BASE_ALONE_NEAR_REACH), at)
        is not None
        or ctx.denied_after()
    )


def _ct_label_after(ctx: _Chunk, cs: int, ce: int) -> tuple[int, int] | None:
    """The span of a CT label right after a base alone that is its own (_label_after),
    or None: not a weak one ("4517238 DRS"), nor one after the Labor Department's
    words or near a vehicle's (as for a label before it), nor one taken back."""
    low = ctx.text.low
    label = _label_after(low, ce)
    if label is None or label[2] != "ct":
        # (or named one instead of an identifier it is said not to be: "3490880 is NOT
        # part of my SSN, it's my Connecticut tax registration number")
        if ctx.cue_after() != "ct" or not ctx.after_relabelled():
            return None
        label = (ctx.after_start, ctx.after_end, "ct")
    s, e = label[0], label[1]
    if CT_BASE_ALONE_WEAK_RE.fullmatch(low, s, e) is not None or _base_label_barred(ctx, low, cs):
        return None
    return s, e


def _cell(ctx: _Chunk, cs: int, ce: int) -> bool:
    """Is norm[cs:ce] a pipe or tab table's whole cell, or a list item's whole value: a
    pipe, a tab or a colon before it and a pipe, a tab, or the line's end after it, but
    for spaces?"""
    at, size = ctx.text.original_at, len(ctx.text.norm)
    i = cs - 1
    while i > 0 and at(i) == " ":
        i -= 1
    j = ce
    while j < size and at(j) == " ":
        j += 1
    if at(i) == ":":
        # (a list item's key is a name, not a label of its own: "USDOT#: 6077803",
        # "Retiree ID: 8405252" are no CT numbers)
        norm = ctx.text.norm
        key = norm[norm.rfind("\n", 0, i) + 1 : i]
        if _OWN_LABEL_RE.search(ctx.text.low, i - len(key), i) is not None:
            return False
    end = j == size or at(j) in _CELL_ENDS
    if at(i) in _CELL_MARKS:
        return end
    if at(i) == "\n":  # a line's first cell: of a CSV, or the whole line
        return end or at(j) == ","
    if at(i) == ",":  # a CSV's cell (_csv_comma)
        return _csv_comma(ctx.text.norm, i + 1) and (end or at(j) == ",")
    return end and cs - i > _ALIGNED_GAP  # a line's last cell, after an aligned gap


def _csv_comma(norm: str, cs: int) -> bool:
    """Is the comma before norm[cs] a CSV's, between cells, not a thousands separator
    (no digit before it: "Mystic Knot",4010769; not 12,4010769)?"""
    return norm[cs - 1] == "," and (cs < 2 or not "0" <= norm[cs - 2] <= "9")


_ALIGNED_GAP = 2  # spaces that part a line's cells
# what opens a cell or a list item's value, and what closes it
_CELL_MARKS = "|\t:"
_CELL_ENDS = "|\t\r\n"
# a list item's key that labels its value itself (ct_tax_reg.base_cell_own_label)
_OWN_LABEL_RE = re.compile(RULES["ct_tax_reg"]["base_cell_own_label"])


def _glued(norm: str, cs: int, ce: int) -> bool:
    """Is a letter, digit or underscore glued on to the chunk norm[cs:ce]?"""
    return (cs > 0 and _is_word(norm[cs - 1])) or (ce < len(norm) and _is_word(norm[ce]))


def _comma_grouped(norm: str, bare: str, cs: int, ce: int, ctx: _Chunk):
    """Nine digits grouped by commas, as voice typing writes the pauses ("my social is
    175, 278, 413", "social sec. #608,22,0863"): the whole chunk, one comma separator
    throughout, grouped 3-2-4 or another way nine digits are (a cue layout), or ten
    digits in thousands ("1,019,440,000"), directly after its own identifier cue. Such a
    chunk is otherwise a list or an amount: no identifier joins groups with a comma.
    None if not."""
    raw_seps = _NON_DIGITS_RE.findall(bare)
    if raw_seps[0] not in _COMMA_SEPS or raw_seps.count(raw_seps[0]) != len(raw_seps):
        return None
    texts = DIGITS_RE.findall(bare)
    lens = tuple(map(len, texts))
    # ten digits in thousands ("1,019,440,000": voice typing writes a long number so) are
    # read as ten bare digits: a CT number under a CT cue
    thousands = lens == _THOUSANDS and raw_seps[0] == ","
    if raw_seps[0] == "," and len(lens) > len(_THOUSANDS) and _in_thousands(lens):
        # a card number voice typing wrote as an amount ("Card number
        # 4,492,057,609,743,908"), with a card word before it
        d = "".join(texts)
        if not (CARD_MIN <= len(d) <= CARD_MAX and _card_ok(d)) or _glued(norm, cs, ce):
            return None
        words = _card_word_before(ctx.text, cs)
        if words is None:
            return None
        return ("card", cs, ce, d, ("card word", words.start(), words.end(), None))
    if lens != (3, 2, 4) and lens not in CUE_LAYOUTS and not thousands:
        return None
    if _glued(norm, cs, ce):
        return None
    ctx.look_at(cs)
    # (or a transcript's answer to a turn that asked for an identifier: "Agent: What's the
    # SSN on the account?" / "Mom: Okay honey I have it, it's 497, 65, 2561")
    introduced = ctx.introduced_by_id()
    scoped = None if introduced else ctx.scope_kind()
    if not introduced and scoped is None:
        return None
    if thousands:
        texts = ["".join(texts)]
    kind = _classify(texts, ["-"] * (len(texts) - 1), ctx, True, True)
    if kind is None:
        return None
    why = ("before", ctx.before_span, ctx.before) if introduced else ("scope", cs, scoped)
    return (kind, cs, ce, "".join(texts), why)


# a card grouped another way has at most this many groups (voice typing reads its first
# four digits in pairs: "60 11 7946 3909 5225"), unless every group is a pair
_CARD_GROUPS = 5
_CARD_PAIRS_DIGITS = 16
_PAIRS_RE = re.compile("[0-9]{2}(?: [0-9]{2}){6,}")
# the last group of a 19-digit card number grouped in fours (4-4-4-4-3)
_TAIL_GROUP = 3
_FOUR = 4  # a group of a number grouped in fours
# the longest number of a list item's marker ("12- ")
_MARKER_MAX = 2


def _line_opens(norm: str, at: int) -> bool:
    """Is at the first character of its line but for spaces?"""
    i = at
    while i > 0 and norm[i - 1] in " \t":
        i -= 1
    return i == 0 or norm[i - 1] == "\n"


def _in_thousands(lens: tuple[int, ...]) -> bool:
    """Are the group lengths a number's written in thousands (1 to 3 digits, then 3s)?"""
    return lens[0] <= 3 and all(n == 3 for n in lens[1:])


# a space or a hyphen between a card's groups, or a comma's pause as read aloud ("Son
# read the Amex: 3473, 781237, 34982")
_CARD_READ_SEP = ", "
_CARD_GROUP_SEPS = (" ", "-", _CARD_READ_SEP)


def _card_grouped(ctx: _Chunk, texts: list[str], raw_seps: list[str], cs: int, ce: int):
    """A card number grouped another way ("visa 4135 11941092 1454", "card 48604064
    44814420", eight pairs read aloud): one separator, a space, a hyphen or (after a
    card word) a comma and a space, throughout, valid for its brand, and a card word
    (card.words) in the card.words_reach characters before the chunk ctx, with no
    negative cue after it that introduces the number. None if not."""
    sep = raw_seps[0]
    if sep not in _CARD_GROUP_SEPS:
        return None
    # the first groups, one separator between them (an expiry date may follow: "... 1454
    # 08/26")
    d, end, k = texts[0], cs + len(texts[0]), 1
    # (or eight pairs, a card's sixteen digits read two at a time: "fifty three, thirty
    # nine, forty nine, ...")
    pairs = len(texts[0]) == 2
    while (
        k < len(texts)
        and raw_seps[k - 1] == sep
        and (
            (k < _CARD_GROUPS and len(d) < CARD_MIN)
            or (pairs and len(texts[k]) == 2 and len(d) < _CARD_PAIRS_DIGITS)
            # (a number read out in threes reaches its brand's length only with a group
            # more: "my card 4283 398 274 309 440")
            or (k < _CARD_GROUPS and len(d) + len(texts[k]) <= CARD_MAX and not _card_ok(d))
        )
    ):
        pairs = pairs and len(texts[k]) == 2
        d += texts[k]
        end += len(sep) + len(texts[k])
        k += 1
    if k < 2 or not (CARD_MIN <= len(d) <= CARD_MAX and _card_ok(d)):
        return None
    if end < ce and raw_seps[k - 1] != sep:
        return None  # joined on to more digits by another mark: part of another number
    words = _card_word_before(ctx.text, cs)
    if words is None:
        # (or its expiry or code named right after it: "4627 63453768 5894 exp 04/27";
        # groups read aloud with a comma's pause only after a card word)
        after = CARD_AFTER_RE.match(ctx.text.low, end)
        if after is None or sep == _CARD_READ_SEP or ctx.introduced_by_neg():
            return None
        named = after.end() - len(after.group().lstrip(" ,;-"))
        return ("card", cs, end, d, ("card after", named, after.end(), None))
    # (nor when the card word is negated before it and the number said after it to be
    # something else: "the card number is not 4222 4738 4785 6039, that was the order
    # number")
    if _neg_after_card_word(ctx, words.end()) or (
        end == ce
        and DENIAL_ANSWER_NOT_RE.search(ctx.text.low, words.end(), cs) is not None
        and ctx.denied_after()
    ):
        return None
    return ("card", cs, end, d, ("card word", words.start(), words.end(), None))


def _neg_after_card_word(ctx: _Chunk, end: int) -> bool:
    """Does a negative cue that starts after the card word ending at end introduce the
    number ("... my debit card and got an error, order reference 8162 8223 2975 4794"),
    not one that reaches over the card word ("the transaction with card N")?"""
    return ctx.introduced_by_neg() and ctx.before_span is not None and ctx.before_span[0] >= end


_COMMA_SEPS = (",", ", ")
_THOUSANDS = (1, 3, 3, 3)
_VOICE_GROUPS = 6  # at most this many groups of digits read aloud as one number
# nine digits, or ten: a CT number's base and location code read aloud ("3 72 75 79 0 01")
_VOICE_DIGITS = (MIN_DIGITS, MIN_DIGITS + 1)


def _layout_grouped(norm: str, bare: str, cs: int, ce: int, ctx: _Chunk):
    """Nine digits grouped another way than the shape hint knows, 3-3-2-1 or 1-4-4 (a
    cue layout), by one punctuation mark throughout ("routing 327-892-47-0"): read like
    nine bare digits, with the cue. None if not."""
    raw_seps = _NON_DIGITS_RE.findall(bare)
    if raw_seps[0] not in _SEP_MARKS or raw_seps.count(raw_seps[0]) != len(raw_seps):
        return None
    texts = DIGITS_RE.findall(bare)
    if tuple(map(len, texts)) not in CUE_LAYOUTS or _glued(norm, cs, ce):
        return None
    ctx.look_at(cs)
    kind = _classify(texts, raw_seps, ctx, True, True)
    return None if kind is None else (kind, cs, ce, "".join(texts), ctx.why)


_SEP_MARKS = ("-", ".", "/")


def _marks(layout: tuple[int, ...]) -> tuple[int, ...]:
    """Where the one-character separators of a cue layout stand ((3, 3, 2, 1): 3, 7, 10)."""
    at = list(accumulate([n + 1 for n in layout[:-1]]))
    return tuple(a - 1 for a in at)


# a chunk of nine digits in a cue layout with one-character separators: by its length,
# where they stand (a quick test before the groups are found: most such chunks are
# phone numbers and dates)
_LAYOUT_MARKS: dict[int, list[tuple[int, ...]]] = {}
for _lay in sorted(CUE_LAYOUTS):
    _LAYOUT_MARKS.setdefault(sum(_lay) + len(_lay) - 1, []).append(_marks(_lay))


def _layout_marks(bare: str) -> bool:
    """Could bare be nine digits in a cue layout joined by one punctuation mark?"""
    for marks in _LAYOUT_MARKS.get(len(bare), ()):
        c = bare[marks[0]]
        if c in _SEP_MARKS and all(bare[m] == c for m in marks):
            return True
    return False


_SSN_PAIRED = (3, 2, 2, 2)  # an SSN read with its serial in pairs
_PERSON_IDS = ("ssn", "itin")


def _paired(lens: tuple[int, ...]) -> bool:
    """Are these the groups of a number read in pairs ("forty nine, thirty eight, fifty
    seven, twenty nine, four"; "sixty-three, eighty-one, ninety, seven nine three"): four
    groups or more, each of two digits but one of one or three?"""
    return len(lens) >= 4 and sum(n == 2 for n in lens) == len(lens) - 1 and max(lens) <= 3


def _stamp_marks(text: _Text, cs: int, ce: int, marks: str = "/:") -> bool:
    """Does the original of norm[cs:ce] hold a date's slash or a time's colon (or only
    the marks asked for)?"""
    return any(text.original_at(i) in marks for i in range(cs, ce))


def _voice_grouped(norm: str, bare: str, cs: int, ce: int, ctx: _Chunk):
    """Nine digits (or ten) in two to _VOICE_GROUPS groups joined by single spaces,
    however grouped, as voice typing writes a number read in bursts ("SSN 41420 163 9",
    "my social is 47 96 31 77 4", "Employer ID 66 32 562 72", "routing number is 2 49 7
    16 4 56", "sales and use tax number is 3 72 75 79 0 01"), directly after its own
    identifier cue, after one carried to another owner's number ("your social as 011 49 12
    03 and Marion's as 397 57 05 64") or directly before one ("361 0 4 11 84 that's my
    social"): read as
    bare digits with that cue (ten are a CT number's base and location code, under a CT
    cue). None if not."""
    if len(bare) > _VOICE_DIGITS[-1] + _VOICE_GROUPS - 1:
        return None  # more digits, or more spaces than groups can have
    texts = DIGITS_RE.findall(bare)
    if not 2 <= len(texts) <= _VOICE_GROUPS or bare.count(" ") != len(texts) - 1:
        return None
    d = "".join(texts)
    # the groups and one space between each, nothing else
    if len(d) not in _VOICE_DIGITS or len(bare) != len(d) + len(texts) - 1 or _glued(norm, cs, ce):
        return None
    ctx.look_at(cs)
    # (a date's slash never: "04/04/25 8:11")
    introduced = ctx.introduced_by_id() or (
        _clause_cued(ctx, cs) and not _stamp_marks(ctx.text, cs, ce, "/")
    )
    if not introduced and not ctx.carried_to_owner() and not ctx.labelled_by_id():
        # (or a Social Security number read as its area, its group and its serial in two
        # pairs, "cinco cinco nueve, ochenta, cuarenta, treinta", under any cue or scope
        # of its kind: no other reading groups it so; or any number read out in pairs
        # under any cue or scope, "forty nine, thirty eight, fifty seven, twenty nine,
        # four", "18 16 22 89 0", but not a date and a time, "04/04/25 8:11")
        lens = tuple(map(len, texts))
        if lens != _SSN_PAIRED and not (_paired(lens) and not _stamp_marks(ctx.text, cs, ce)):
            return None
        kind = _classify([d], [], ctx, True, True)
        if kind is None or (lens == _SSN_PAIRED and kind not in _PERSON_IDS):
            return None
        return (kind, cs, ce, d, ctx.why)
    kind = _classify([d], [], ctx, True, True)
    if kind is None:
        return None
    return (kind, cs, ce, d, ("before", ctx.before_span, ctx.before) if introduced else ctx.why)


def _clause_cued(ctx: _Chunk, cs: int) -> bool:
    """Is the number's own identifier cue before it in its clause, not carried from
    another number ("the last four of my social are ..., the whole thing is 675 3 3
    4528")?"""
    if ctx.cue_before() not in ID_KINDS or ctx.carried:
        return False
    return SENTENCE_END_RE.search(ctx.text.norm, ctx.before_end, cs) is None


def _dash_grouped(norm: str, bare: str, cs: int, ce: int, ctx: _Chunk):
    """Nine digits in three or four groups (or nine of one) joined by single hyphens,
    directly after their own identifier cue or directly before one, as speech
    recognition writes a number read in bursts ("He has the I-T-I-N number. It is
    9-95721-195."): read as bare digits with that cue, as _voice_grouped reads spaces.
    None if not."""
    texts = DIGITS_RE.findall(bare)
    n = len(texts)
    # (or nine single digits, each said apart: "routing 2-7-0-9-6-4-5-2-3")
    if not (3 <= n <= 4 or n == _NINE) or len(bare) != _NINE + n - 1 or bare.count("-") != n - 1:
        return None
    if _glued(norm, cs, ce):
        return None
    ctx.look_at(cs)
    introduced = ctx.introduced_by_id()
    # (and not taken back: "my SSN is 2025-118-44, that's not my SSN, that's the case
    # number")
    if (not introduced and not ctx.labelled_by_id()) or ctx.denied_after():
        return None
    d = "".join(texts)
    kind = _classify([d], [], ctx, True, True)
    if kind is None:
        return None
    return (kind, cs, ce, d, ("before", ctx.before_span, ctx.before) if introduced else ctx.why)


_NINE = 9  # the digits of an SSN, ITIN, EIN or routing number


def _ct_cue_spelled(ctx: _Chunk) -> bool:
    """Is the CT cue before the chunk more than the two letters "ct", and more than a name
    of the state or the department ("Bates numbered DRS7773441-001" is no registration)?"""
    span = ctx.before_span
    return (
        span is not None
        and span[1] - span[0] > 2
        and ctx.text.low[span[0] : span[1]] not in WEAK_CUES_AFTER
    )


# a label typed on to a number and its own value after it, the next field
_GLUED_FIELD_RE = re.compile("[a-z]{2,12}[ ]?[#:]?[ ]?[0-9]")
# the label of a next field typed on to a number: letters, then its value or a colon;
# or a word with a small letter typed on to it, a space lost ("ssn#369337823pls call"; not
# a code's capitals, "412083317ABC"), or a business's suffix or a field's short name in
# capitals ("EIN62-9821261LLC", "...DOB"); or a slash and the next field ("ein812087764/ct
# reg 2142311001"); or a pasted form's next field name in capitals, up to its colon
# ("SSN:469172933FECHA DE NAC:03/14/1979")
_LABEL_GLUED_RE = re.compile(
    "[A-Za-z]{2,12}(?=[0-9:#])|(?=[A-Za-z]{0,11}[a-z])[A-Za-z]{2,12}(?![A-Za-z0-9_])"
    "|(?:LLC|INC|CORP|LTD|DBA|DOB|EXP|TEL|PH|FAX)(?![A-Za-z0-9_])|/[A-Za-z]{2,12}(?![A-Za-z0-9_])"
    "|[A-Z]{2,12}(?=(?: [A-Z]{1,12}){1,3} ?:)|[A-Z]{2,12}['’]S(?![A-Za-z0-9_])"
)
# a next field's name in title case or a form's capitals with "'S" typed on to a number
# ("Number126111371Withholding Code D", "TIN502-57-7651RECIPIENT'S name"): a PDF's
# columns run together; a cue itself there names the next field, not this number
_TITLE_GLUED_RE = re.compile(RULES["glue"]["title_field"])


# how far before a chunk its EFW2 record's line may start: right before it, or at the
# column of a record's field when only the codes and blanks of the record stand between
# ("RS09     253709072Sarah": the state code and a blank taxing entity code), or a column
# next to it (a paste that lost or gained a blank: _efw2_start)
_EFW2_BACKS = (
    2,
    *sorted({c + d for c, _kind in EFW2_RECORDS.values() if c > 2 for d in (-1, 0, 1)}),
)


def _efw2_start(norm: str, s: int) -> int:
    """Where the field of column s starts: there, or a column before or after it where a
    digit follows a blank, as a paste that lost or gained a blank before it leaves it
    ("RS09    359271650MICHAEL")."""
    if "0" <= norm[s : s + 1] <= "9" and not "0" <= norm[s - 1 : s] <= "9":
        return s
    for at in (s - 1, s + 1):
        if norm[at - 1 : at] == " " and "0" <= norm[at : at + 1] <= "9":
            return at
    return s


def _efw2_field(norm: str, cs: int, ce: int):
    """The identifier of an EFW2 record whose line the chunk starting at cs starts, right
    after the record's identifier ("RW104050388MARIA": rules efw2_records) or at the
    field's own column after the record's codes and blanks ("RS09     253709072"), or
    None."""
    for back in _EFW2_BACKS:
        ls = cs - back
        if ls < 0 or norm[ls] != "R" or (ls > 0 and norm[ls - 1] != "\n"):
            continue
        record = norm[ls : ls + 2]
        field = EFW2_RECORDS.get(record)
        if field is None or (
            back > 2 and (abs(field[0] - back) > 1 or norm[ls + 2 : cs].strip("0123456789 "))
        ):
            continue
        s = _efw2_start(norm, ls + field[0])
        e = s + 9
        d = norm[s:e]
        glued = e < len(norm) and "0" <= norm[e] <= "9" and record not in EFW2_DIGITS_AFTER
        if e > ce or not (d.isascii() and d.isdigit()) or glued:
            return None
        kind = _ssn_or_itin(d) if field[1] == "ssn" else "fein" if _fein_ok(d) else None
        return None if kind is None else (kind, s, e, d, ("efw2", record))
    return None


_EFW2_CT_STATE: str = RULES["efw2_ct_state"]


def _efw2_state_id(norm: str, cs: int, ce: int):
    """The CT registration number on an EFW2 file's state record for Connecticut ("RS09
    ... 7679591000": rules efw2_ct_state), the chunk cs:ce its ten bare digits; or None."""
    ls = norm.rfind("\n", 0, cs) + 1
    d = norm[cs:ce]
    if (
        not norm.startswith(_EFW2_CT_STATE, ls)
        or len(d) != sum(_CT_SHAPE)
        or not (d.isascii() and d.isdigit())
        or _all_same(d[:_BASE_DIGITS])
        or not _fits("ct_tax_reg", d)
    ):
        return None
    return ("ct_tax_reg", cs, ce, d, ("efw2", "RS"))


_FIRE_B_RE = re.compile(RULES["fire_b_record"])


def _fire_b(norm: str, ls: int, cs: int, ce: int):
    """The payee's TIN of an IRS FIRE B record, the line starting at ls, that the chunk
    cs:ce holds, after the record's year, name control and type of TIN ("B2023
    HOLL2097983996000...": rules fire_b_record), or None."""
    m = _FIRE_B_RE.match(norm, ls)
    if m is None or not cs <= m.start(2) < m.end(2) <= ce:
        return None
    d = m.group(2)
    person = _ssn_or_itin(d)
    business = "fein" if _fein_ok(d) else None
    kind = (business or person) if m.group(1) == "1" else (person or business)
    return None if kind is None else (kind, m.start(2), m.end(2), d, ("fire b", None))


_X12_ID_RE = re.compile(RULES["x12_id"])
_X12_COMPANY_RE = re.compile(RULES["x12_company"])
_X12_COMPANY_OTHER_RE = re.compile(RULES["x12_company_other"])
_X12_COMPANY_REACH: int = RULES["x12_company_reach"]
# the qualifiers of x12_id that name a person's number, an organisation's, a bank's
_X12_PERSON = frozenset(("34", "SY"))
_X12_BUSINESS = frozenset(("24", "EI"))
_X12_BANK = "01"
_X12_STATE = "49"  # a number the state gave: a CT registration number if it fits


def _x12_id(norm: str, cs: int, ce: int):
    """The digits cs:ce right after an X12 segment's qualifier of a tax identifier or a
    bank ("NM1*IL*1*DOE*JANE****34*512551093~", "REF*EI*271234567~", "BPR*...*01*
    255940342*...": rules x12_id), as that identifier (nine digits, or a CT number's ten
    after "49"); or None."""
    ls = max(norm.rfind("\n", 0, cs), norm.rfind("~", 0, cs)) + 1
    d = norm[cs:ce]
    if len(d) == 10 and d[0] == "1" and _X12_COMPANY_RE.fullmatch(norm, ls, cs) is not None:
        return _x12_company(norm, cs, ce, d)
    m = _X12_ID_RE.fullmatch(norm, ls, cs)
    if m is None or not (d.isascii() and d.isdigit()):
        return None
    qualifier = m.group(2) or m.group(3) or m.group(4) or m.group(5)
    if qualifier == _X12_STATE:
        return ("ct_tax_reg", cs, ce, d, ("x12", qualifier)) if _fits("ct_tax_reg", d) else None
    if len(d) != 9:
        return None
    person = _ssn_or_itin(d)
    business = "fein" if _fein_ok(d) else None
    if qualifier == _X12_BANK:
        kind = "routing" if _routing_ok(d) else None
    elif qualifier in _X12_PERSON:
        kind = person
    elif qualifier in _X12_BUSINESS:
        kind = business
    else:  # FI, TJ, 30: either, an organisation's first unless NM102 says a person
        kind = (person or business) if m.group(1) == "1" else (business or person)
    return None if kind is None else (kind, cs, ce, d, ("x12", qualifier))


def _x12_company(norm: str, cs: int, ce: int, d: str):
    """The EIN in an X12 payment's originating company ID, "1" and the EIN (BPR10,
    TRN03: rules x12_company), unless a segment near it names another EIN; or None."""
    ein = d[1:]
    if not (ein.isascii() and ein.isdigit() and _fein_ok(ein)):
        return None
    lo, hi = max(0, cs - _X12_COMPANY_REACH), min(len(norm), ce + _X12_COMPANY_REACH)
    if any(m.group(1) != ein for m in _X12_COMPANY_OTHER_RE.finditer(norm, lo, hi)):
        return None
    return ("fein", cs + 1, ce, ein, ("x12 company",))


_TYPED_PAIR_RE = re.compile(RULES["routing_pair_typed"])
_TYPED_PAIR_AFTER_RE = re.compile(RULES["routing_pair_type_after"])


def _typed_pair(ctx: _Chunk, cs: int, ce: int):
    """The routing number of a bank's pair in one chunk, the account's type right after
    it ("use 688232533 / 3375002214 (checking, Chase)": rules routing_pair_typed), when
    no cue of another kind introduces it; or None."""
    norm = ctx.text.norm
    m = _TYPED_PAIR_RE.fullmatch(norm, cs, ce)
    if m is None or _TYPED_PAIR_AFTER_RE.match(ctx.text.low, ce) is None:
        return None
    d = m.group(1)
    if not _routing_ok(d):
        return None
    ctx.look_at(cs)
    if ctx.cue_before() not in (None, "routing"):
        return None
    return ("routing", cs, cs + len(d), d, ("typed pair",))


_NACHA_HEADER_RE = re.compile(RULES["nacha_batch_header"])
_NACHA_SEC_RE = re.compile(RULES["nacha_sec_code"])


def _nacha_batch(norm: str, cs: int, ce: int):
    """The EIN in an ACH file's batch header record whose line the chunk cs:ce ends its
    company ID in, right before the entry class code ("5200HUDSON RIVER HVAC ...
    1765119033CCD...": rules nacha_batch_header), or None."""
    ls = norm.rfind("\n", 0, cs) + 1
    if norm[ls : ls + 1] != "5" or _NACHA_HEADER_RE.fullmatch(norm, ls, cs) is None:
        return None
    if _NACHA_SEC_RE.match(norm, ce) is None:
        return None
    d = norm[cs:ce]
    if len(d) == 10 and d[0] == "1":
        cs, d = cs + 1, d[1:]
    if len(d) != 9 or not d.isdigit() or not _fein_ok(d):
        return None
    return ("fein", cs, ce, d, ("nacha batch", None))


_NACHA_FILE: str = RULES["nacha_file_header"]


# a BAI2 file's header records and the fields of each that name banks (rules _bai2)
_BAI2_ID_FIELDS: dict[str, list[int]] = {f"{k},": v for k, v in RULES["bai2_id_fields"].items()}
_BAI2_FILE_RECORDS = tuple(f"\n{r}," for r in RULES["bai2_file_records"])
_BAI2_MIN_RECORDS = 2


def _bai2_id(norm: str, ls: int, cs: int, ce: int):
    """A bank's routing number in a field of a BAI2 file's header record that starts the
    line at ls, held by the chunk cs:ce (rules _bai2), or None."""
    fields = _BAI2_ID_FIELDS.get(norm[ls : ls + 3])
    if fields is None or sum(r in norm for r in _BAI2_FILE_RECORDS) < _BAI2_MIN_RECORDS:
        return None
    field, start = 1, ls
    while True:
        comma = norm.find(",", start, ce)
        if comma < 0:
            return None
        start, field = comma + 1, field + 1
        if field not in fields or start < cs:
            continue
        end = norm.find(",", start)
        d = norm[start:end]
        if end < 0 or end > ce or not (d.isascii() and d.isdigit()):
            continue
        if len(d) == _ABA_DIGITS and _routing_ok(d):
            return ("routing", start, end, d, ("bai2", None))


_NACHA_FILE_RECORD_RE = re.compile(RULES["nacha_file_record"])


def _nacha_file(norm: str, cs: int) -> list:
    """The routing number of an ACH file's file header record whose line the chunk
    starting at cs starts ("101 310071363 3171471122...": rules nacha_file_header, then
    the immediate destination), and the EIN of its immediate origin when the record's
    fields are glued as the file writes them (nacha_file_record), or []."""
    if (cs > 0 and norm[cs - 1] != "\n") or not norm.startswith(_NACHA_FILE, cs):
        return []
    s = cs + len(_NACHA_FILE)
    d = norm[s : s + _ABA_DIGITS]
    if not (d.isascii() and d.isdigit() and len(d) == _ABA_DIGITS):
        return []
    record = None
    if "0" <= norm[s + _ABA_DIGITS : s + _ABA_DIGITS + 1] <= "9":
        record = _NACHA_FILE_RECORD_RE.match(norm, s)
        if record is None:
            return []
    out = [("routing", s, s + _ABA_DIGITS, d, ("nacha file", None))] if _routing_ok(d) else []
    if record is not None and record.group(1) is not None and _fein_ok(record.group(1)):
        out.append(("fein", *record.span(1), record.group(1), ("nacha origin", None)))
    return out


def _nacha_entry(norm: str, cs: int, ce: int):
    """The routing number of an ACH file's entry detail record whose line the chunk
    starting at cs starts ("627017944023551200…": rules nacha_entry_codes), or None."""
    if (cs > 0 and norm[cs - 1] != "\n") or ce - cs < _NACHA_MIN:
        return None
    head = norm[cs : cs + _NACHA_MIN]
    if not (head.isascii() and head.isdigit()) or head[1:3] not in NACHA_ENTRY_CODES:
        return None
    d = head[3:]
    if not _routing_ok(d):
        return None
    # the account number glued on (longer than any card), or masked ("…4023XXXXXXX4471"),
    # or the amount field after it
    run = DIGITS_RE.match(norm, cs)  # (head is digits: the run is at least that)
    if run is None:
        return None
    if (
        run.end() - cs <= CARD_MAX
        and _NACHA_AMOUNT_RE.match(norm, run.end()) is None
        and norm[run.end() : run.end() + 2] not in _NACHA_MASKS
    ):
        return None
    return ("routing", cs + 3, cs + _NACHA_MIN, d, ("nacha", "6"))


_NACHA_MIN = 12  # the record type, the transaction code and the nine routing digits
_NACHA_AMOUNT_RE = re.compile(" +[0-9]{10}(?![0-9])")  # the entry's amount, in cents
_NACHA_MASKS = ("XX", "xx")  # an account number masked when pasted, glued on


def _listed_after(sep: str, ctx: _Chunk, before: int) -> bool:
    """Is a piece after the separator sep, and a segment of `before` digits, listed
    after that segment, to take the chunk's cue softly: after ", " and a segment that
    could be an identifier itself, or after a slash, or a space when the cue before is
    one of a pair shared out in order ("routing and account: 232067468 498058767"), and
    a segment long enough to take a cue? (Or a space after a whole identifier when the cue
    is plural: "Employer EINs are 046947128 151435671", a spoken "and" gone.)"""
    if "," in sep:
        return before >= MIN_DIGITS
    if sep == " " and before >= MIN_DIGITS and ctx.cue_before() is not None and ctx.plural_before():
        return True
    return before >= _SLASH_CUT_MIN and (
        "/" in sep or (sep == " " and ctx.cue_before() is not None and ctx.carry_kind is not None)
    )


# a 7-digit base, a hyphen or a space, a location code 00x: "CT-7996295-002" prefixed
_CT_PREFIXED_RE = re.compile(f"[0-9]{{{_CT_SHAPE[0]}}}[- ]{CT_NO_CUE_LOC}[0-9]")


def _own_label_glued(ctx: _Chunk, ce: int) -> bool:
    """Is the number, with no cue before it, followed at once, with no space, by a cue
    of an identifier's kind that ends the word and has no number of its own after it, nor
    a removed one's placeholder ("028216246ssn sorry phone glitch"; not "234-56-7891SSN[SSN
    removed]": remove() leaves no number found)?"""
    low = ctx.text.low
    label = _label_after(low, ce)
    return (
        label is not None
        and label[0] == ce
        and label[2] in ID_KINDS
        and (label[1] == len(low) or not "a" <= low[label[1]] <= "z")
        and _OWN_PLACEHOLDER_RE.match(low, label[1]) is None
        and ctx.cue_before() is None
    )


# a phone number's extension right after a number ("860 55 5012 x41", "... ext. 204")
_PHONE_EXT_RE = re.compile(RULES["glue"]["phone_extension"])


def _form_value(ctx: _Chunk, cs: int) -> bool:
    """Is the chunk at cs glued to a name (a capital, then small letters: "Iyer",
    "Die") on a line that takes an identifier's kind from the line above, which ends
    with its name (_scopes._label_lines): a form's values copied out of a PDF under its
    labels, the spaces between the columns lost?"""
    norm = ctx.text.norm
    i = cs
    while i > 0 and "a" <= norm[i - 1] <= "z":
        i -= 1
    if i == cs or i == 0 or not "A" <= norm[i - 1] <= "Z":
        return False
    return ctx.text.scoped(cs, ctx)[1] in ID_KINDS


def _layout_kind(kind: str, d: str) -> str | None:
    """The kind of the digits d of a laid-out field named for kind, or None."""
    if kind in ("ssn", "itin", "taxid"):
        person = _ssn_or_itin(d)
        return person or ("fein" if kind == "taxid" and _fein_ok(d) else None)
    if kind == "ct" and len(d) == _BASE_DIGITS:
        # a CT number's base alone, in a field of its own
        alone = d not in CT_PLACEHOLDER_BASES and d.count(d[0]) != len(d)
        return "ct_tax_reg" if alone else None
    found = {"fein": "fein", "routing": "routing", "ct": "ct_tax_reg"}[kind]
    return found if _fits(found, d) else None


def _layout_fields(text: _Text, cs: int, ce: int) -> list:
    """The identifiers in the fields of a fixed-width row a sentence lays out
    (_scopes.layout) that the chunk cs:ce holds, whatever they are glued to."""
    rows, fields = text.layout()
    if not rows:
        return []
    norm = text.norm
    out = []
    # (a chunk may run on over a line break into the next row: "...041200\n246780506")
    ls = norm.rfind("\n", 0, cs) + 1
    while 0 <= ls <= ce:
        row = rows.get(ls)
        if row is not None:
            for s, e, kind, name in fields:
                if cs <= row + s and row + e <= ce:
                    d = norm[row + s : row + e].replace(" ", "").replace("-", "")
                    found = _layout_kind(kind, d)
                    if found is not None:
                        # (the name last but one: a reason's last item names a cue kind)
                        out.append((found, row + s, row + e, d, ("layout", name, None)))
        ls = norm.find("\n", max(ls, cs), ce) + 1 or -1
    return out


def _scan_chunk(text: _Text, cs: int, ce: int, ctx: _Chunk, out: list) -> None:
    """Append (kind, norm_start, norm_end, digits) for the identifiers in one chunk."""
    norm = text.norm
    if text.lines:
        # a fixed-width record's field, at the place a sentence gives it
        laid = _layout_fields(text, cs, ce)
        if laid:
            out.extend(laid)
            return
    if cs >= 2:
        f = _efw2_field(norm, cs, ce) or _efw2_state_id(norm, cs, ce)  # a W-2 file's record
        if f is not None:
            out.append(f)
            return
    # an IRS information return file's payee (B) record
    ls = norm.rfind("\n", 0, cs) + 1
    if norm[ls] == "B":
        f = _fire_b(norm, ls, cs, ce)
        if f is not None:
            out.append(f)
            return
    # an X12 segment's identifier, right after its qualifier
    if norm[cs - 1 : cs] == "*":
        f = _x12_id(norm, cs, ce)
        if f is not None:
            out.append(f)
            return
    # a BAI2 bank file's header record's banks
    if norm[ls : ls + 1] == "0":
        f = _bai2_id(norm, ls, cs, ce)
        if f is not None:
            out.append(f)
            return
    # an ACH file's file header record's immediate destination
    if norm[cs] == "1":
        header = _nacha_file(norm, cs)
        if header:
            out.extend(header)
            return
    # an ACH file's batch header record's company ID
    if "A" <= norm[ce : ce + 1] <= "Z" or norm[ce : ce + 1] == " ":
        f = _nacha_batch(norm, cs, ce)
        if f is not None:
            out.append(f)
            return
    # an ACH file's entry detail record, perhaps on the line after the record before it
    # (whose last digits a line break joins on: "...0000001\n62722680774...")
    at = cs if norm[cs] == "6" else norm.find("\n6", cs, ce) + 1
    if at > 0 or norm[cs] == "6":
        f = _nacha_entry(norm, at, ce)
        if f is not None:
            out.append(f)
            return
    # a bank's pair, the account's type after it ("688232533 / 3375002214 (checking)")
    if "/" in norm[cs:ce]:
        f = _typed_pair(ctx, cs, ce)
        if f is not None:
            out.append(f)
            return
    bare = norm[cs:ce]
    if bare.isdigit():
        texts = [bare]
    else:
        if HINT_RE.search(norm, cs, ce) is None:
            commas = bare.count(",")
            if commas:
                # nine digits in three or four groups: two or three commas (or ten in
                # thousands: three)
                digits = len(bare) - commas - bare.count(" ")
                nine = 2 <= commas <= 3 and digits in (9, 10)
                # or a card's digits in thousands ("4,492,057,609,743,908")
                card = commas >= 4 and CARD_MIN <= digits <= CARD_MAX
                f = _comma_grouped(norm, bare, cs, ce, ctx) if nine or card else None
                if f is None and _CARD_READ_SEP in bare and not _glued(norm, cs, ce):
                    # a card read aloud in its groups ("the Amex: 3473, 781237, 34982")
                    texts = DIGITS_RE.findall(bare)
                    f = _card_grouped(ctx, texts, _NON_DIGITS_RE.findall(bare), cs, ce)
            elif bare.count("\n") == 1 and not _glued(norm, cs, ce):
                f = _unwrapped(DIGITS_RE.findall(bare), _NON_DIGITS_RE.findall(bare), cs, ce, ctx)
            elif " " in bare:
                f = _voice_grouped(norm, bare, cs, ce, ctx)
                if f is None and _PAIRS_RE.fullmatch(bare) is not None:
                    # a card read two digits at a time ("... 53 39 49 33 66 62 48 39")
                    pairs = bare.split(" ")
                    f = _card_grouped(ctx, pairs, [" "] * (len(pairs) - 1), cs, ce)
                if f is None:  # a dashed identifier with a stray space: "ITIN 904-73-73 83"
                    f = _stray_space(
                        DIGITS_RE.findall(bare), _NON_DIGITS_RE.findall(bare), cs, ce, ctx
                    )
                if f is None and len(bare) - bare.count(" ") >= CARD_MIN:
                    # a card voice typing grouped its own way ("card number is 5425 61 76
                    # 7620 8850")
                    texts = DIGITS_RE.findall(bare)
                    f = _card_grouped(ctx, texts, _NON_DIGITS_RE.findall(bare), cs, ce)
            else:
                f = _layout_grouped(norm, bare, cs, ce, ctx) if _layout_marks(bare) else None
                if f is None:  # "He has the I-T-I-N number. It is 9-95721-195."
                    f = _dash_grouped(norm, bare, cs, ce, ctx)
            if f is not None:
                out.append(f)
            return
        # a chunk no cue can reach holds only identifiers that need none, and most runs
        # of digits and separators have no piece shaped like one: one search decides
        if (
            text.unscoped()
            and ctx.uncued()
            and not _cue_free_piece(bare)
            and not _card_word_before(text, cs)
        ):
            return
        texts = DIGITS_RE.findall(bare)
        if sum(map(len, texts)) < MIN_DIGITS:
            return
    # taint: what touches the chunk on the left and right
    j = cs - 1
    while j >= 0 and j >= cs - 2 and norm[j] == " ":
        j -= 1
    # a currency sign, or a "+" glued on (a country code: "+1 860 ..."; "a + 234-..." adds)
    phone_or_money = j >= 0 and norm[j] in _LEFT_OUT and (norm[j] != "+" or j == cs - 1)
    c1 = norm[cs - 1] if cs > 0 else " "
    # "CT-1040", "x/123..." are glued; "refund.123-45-6789" is a sentence end
    left_taint = _is_word(c1) or (c1 in _GLUE_PUNCT and cs >= 2 and _is_word(norm[cs - 2]))
    c1 = norm[ce] if ce < len(norm) else " "
    right_taint = _is_word(c1) or (
        c1 in _GLUE_PUNCT
        and ce + 1 < len(norm)
        and _is_word(norm[ce + 1])
        # "...-4440—is printed": an em dash is a sentence's punctuation
        and not (c1 == "-" and text.original_at(ce) in PROSE_DASHES)
    )
    if (left_taint or right_taint) and _between_marks(norm, cs, ce):
        left_taint = right_taint = False  # a check line's "A232769261A"
    elif (
        left_taint
        and CT_GLUED_PREFIX_RE.search(text.low, max(0, cs - CT_GLUED_PREFIX_REACH), cs) is not None
        and _CT_PREFIXED_RE.fullmatch(bare) is not None
        and (
            ctx.cue_before() in (None, "ct")
            or (ctx.cue_before() in _NEG_KINDS and _account_labelled(text.low_lines, cs))
        )
    ):
        # "Reg. No. CT-7996295-002", "Reg7050341-000": the state's or a registration's
        # letters typed on to one written whole (not a form's "CT-1040"), under a CT cue,
        # none, or the portal's bare "Account" label ("Acct CT-5707725-000")
        left_taint = False
    elif left_taint and norm[cs - 1] in _GLUE_PUNCT and ctx.cue_before() is not None:
        # "SSN-234567891", "EIN/12-3456789", "CT/3782609000": a cue word joined on, not
        # a longer token (nor a name only before a number no CT number is as long as,
        # which it prefixes: "notice number DRS-24-0119832")
        span = ctx.before_span
        name = span is not None and text.low[span[0] : span[1]] in WEAK_CUES_AFTER
        n = sum("0" <= c <= "9" for c in bare)
        ct_long = CT_BASE_MIN + CT_LOC <= n <= CT_BASE_MAX + CT_LOC
        left_taint = ctx.before_end != cs - 1 or (name and not ct_long)
    elif (
        left_taint
        and norm[cs - 1] in _ASCII_LETTERS
        and ctx.introduced_by_id()
        and (ctx.cue_before() != "ct" or _ct_cue_spelled(ctx))
    ):
        # "ssn418-02-9264", "my ssn is846320748": the number's own cue typed on to it
        # (not "CT", which prefixes other numbers: "confirmation CT0240064950"; a CT cue
        # longer than that may: "ctreg7541578003")
        left_taint = False
    elif left_taint and _form_value(ctx, cs):
        # "Your Social Security Number" over "TomaszMurphy893 80 1674": a PDF form's row
        # of values copied under its row of labels, a name run on to the number
        left_taint = False
    elif left_taint and norm[cs - 1] in _ASCII_LETTERS:
        # "visa4051400308274374": a card word typed on to a card number
        words = _card_word_before(text, cs)
        left_taint = words is None or words.end() != cs
    if (
        right_taint
        and not left_taint
        and _LABEL_GLUED_RE.match(norm, ce) is not None
        and (
            (ctx.introduced_by_id() and (ctx.cue_before() != "ct" or _ct_cue_spelled(ctx)))
            # "card#3488-964685-99925exp0828": a card word introduces it
            or _CARD_WORD_GAP_RE.fullmatch(norm, _card_word_end(text, cs), cs) is not None
        )
        and (
            not _labelled_at(ctx.text.low, ce)
            # (unless its own value follows it: "ein273364050ctreg7541578003")
            or _GLUED_FIELD_RE.match(ctx.text.low, ce) is not None
            or _TITLE_GLUED_RE.match(norm, ce) is not None
        )
    ):
        # "SSN#833783716DOB5/13/1997": a form's fields pasted with their spaces lost, the
        # next field's label (or the next word: "ssn#369337823pls") typed on to the
        # number its own cue introduces (a label that is a cue itself may be this
        # number's, written after it: no)
        right_taint = False
    elif right_taint and not left_taint and _own_label_glued(ctx, ce):
        # "028216246ssn sorry phone glitch": its own label typed on to it after it
        right_taint = False
    if (
        _PHONE_EXT_RE.match(norm, ce) is not None
        and not ctx.introduced_by_id()
        and not _card_ok("".join(texts))
        and text.original_at(ce) != "\t"
    ):
        # "860 55 5012 x41": a phone number, its extension after it (not "my SSN is
        # 234-56-7891 x2 copies", nor a card's digits, which no phone number has:
        # "chg'd 5155-9413-1740-5048 x2 for same client", nor a masked number in the
        # next cell of a table: "211463876<tab>x0345")
        right_taint = True
    ng = len(texts)
    tainted = left_taint or right_taint or phone_or_money
    if ng == 1:
        if not tainted:
            ctx.look_at(cs)
            kind = _classify([bare], [], ctx, True, True)
            if kind is not None:
                out.append((kind, cs, ce, bare, ctx.why))
        return
    raw_seps = _NON_DIGITS_RE.findall(bare)  # a chunk starts and ends with a digit
    if (
        ng >= _FOUR
        and not tainted
        and raw_seps.count(" ") == len(raw_seps)
        and ctx.named_by_neg()
        # (no card its first groups make: "... with card 4440 0172 9398 0086 2 times")
        and not any(_card_ok("".join(texts[:k])) for k in range(2, ng + 1))
    ):
        return  # "Account Number: 003 882 19 4761": one number its negative cue names
    seps = list(map(_SEPS.__getitem__, raw_seps))
    amount = _amount_groups(texts, raw_seps) if "." in bare else None
    if not tainted and amount is None and ng >= 2:
        f = _card_grouped(ctx, texts, raw_seps, cs, ce)  # "visa 4135 11941092 1454"
        if f is not None:
            out.append(f)
            return
    if (
        not tainted
        and ng <= _MAX_PIECE_GROUPS
        and amount is None
        and tuple(map(len, texts)) in _WHOLE_SHAPES
    ):
        # the whole chunk as one identifier covers every digit: nothing can beat it
        ctx.look_at(cs)
        kind = _classify(texts, seps, ctx, True, True)
        if kind is not None:
            out.append((kind, cs, ce, "".join(texts), ctx.why))
            return
    if not tainted and amount is None and ng <= _VOICE_GROUPS and " " in bare:
        f = _voice_grouped(norm, bare, cs, ce, ctx)  # "Employer ID 66 32 562 72"
        if f is not None:
            out.append(f)
            return
    if not tainted and amount is None and " " in raw_seps:
        f = _stray_space(texts, raw_seps, cs, ce, ctx)  # "ITIN 904-73-73 83"
        if f is not None:
            out.append(f)
            return
    if not tainted and amount is None and "\n" in bare:
        f = _unwrapped(texts, raw_seps, cs, ce, ctx)
        if f is None and raw_seps.count("\n") == 1:
            # a card grouped another way, a hard wrap for one space ("Card number is
            # 51395288\n52764185")
            spaced = [" " if r == "\n" else r for r in raw_seps]
            f = _card_grouped(ctx, texts, spaced, cs, ce)
        if f is not None:
            out.append(f)
            return
    # segments: maximal runs of groups joined by punctuation separators; whitespace,
    # ", " and a bare "." between two 3+ digit groups (a sentence end) separate them
    seg_of = [0] * ng
    seg_first = [0]
    # first segment after a sentence end, ", " or a line break (where "+1 860 ..." or an
    # amount stops: "$0.00\n723-19-5392" is a statement's last cell and the next row's)
    hard_cut = 0
    for i, sp in enumerate(seps):
        dot = raw_seps[i] == "." and len(texts[i]) >= _DOT_CUT_MIN <= len(texts[i + 1])
        # a slash between two runs each as long as most of an identifier, or after or
        # before a whole one, joins two numbers ("Acct/Routing 498058767/232067468",
        # "EIN/phone: 135368685/860-555-0107"; "ssn:402-90-7174/066-55-9598"), never
        # parts of one
        a, b = len(texts[i]), len(texts[i + 1])
        slash = raw_seps[i] == "/" and (
            min(a, b) >= _SLASH_CUT_MIN
            or max(a, b) >= MIN_DIGITS
            or _ssn_written(texts, raw_seps, i)
        )
        # punctuation with spaces around it may be a clause dash ("SSN 592-04-0849 -
        # 2023 - expected $612"): a cut, though a piece may span it ("234 - 56 - 7891");
        # so is a list item's number and hyphen opening the line ("2- 921973378 (ITIN)")
        if (
            sp == ""
            or dot
            or slash
            or (raw_seps[i][0] in " \n" and raw_seps[i][-1] in " \n")
            or (i == 0 and a <= _MARKER_MAX and raw_seps[0] == "- " and _line_opens(norm, cs))
        ):
            seg_first.append(i + 1)
            if (dot or any(c in raw_seps[i] for c in ",.\n")) and not hard_cut:
                hard_cut = len(seg_first) - 1
        seg_of[i + 1] = len(seg_first) - 1
    nseg = len(seg_first)
    seg_last = [seg_first[k + 1] - 1 for k in range(nseg - 1)] + [ng - 1]
    if phone_or_money:
        if not hard_cut:
            return
        lo_seg = hard_cut
    else:
        lo_seg = 1 if left_taint else 0
    hi_seg = nseg - 2 if right_taint else nseg - 1
    if lo_seg > hi_seg:
        return
    items: list[list] = [[] for _ in range(nseg)]

    glen = list(map(len, texts))
    pre = list(accumulate(glen, initial=0))  # pre[i]: digits in the groups before i
    # where each group starts and ends in norm: the group and separator lengths summed
    # (the last group has no separator after it: zip stops before it)
    lengths = chain.from_iterable(zip(glen, map(len, raw_seps), strict=False))
    bounds = list(accumulate(lengths, initial=cs))
    g_start = bounds[0::2]
    g_end = bounds[1::2]
    g_end.append(ce)

    def _in_fours(g0: int) -> bool:
        # a card cut from a longer number grouped in fours: a group of four before it,
        # joined the same way, itself the chunk's first or joined so too ("tracking 9400
        # 2561 3983 5388 1826 89"; not "234-56-7891 4111 1111 ...")
        sep = raw_seps[g0]
        return (
            g0 > 0
            and glen[g0 - 1] == 4
            and raw_seps[g0 - 1] == sep
            and (g0 == 1 or raw_seps[g0 - 2] == sep)
        )

    def _before_tail(g1: int) -> bool:
        # a card cut from a longer number, its next group joined the same way and no card
        # word before the chunk: a 19-digit one grouped 4-4-4-4-3 (a bank account: "账号
        # 6217 8500 0003 9184 726"), or one grouped in fours with a group of four after it
        # (an IBAN: "UA82 3052 9940 1765 8936 2846 9572 5")
        return (
            g1 + 1 < ng
            and (
                glen[g1] == glen[g1 + 1] == _FOUR or (g1 + 2 == ng and glen[g1 + 1] == _TAIL_GROUP)
            )
            and g1 > 0
            and raw_seps[g1] == raw_seps[g1 - 1]
            and _card_word_before(text, cs) is None
        )

    def _mid_spaced(g0: int, g1: int) -> bool:
        # a 3-2-4 cut from the middle of a longer run of groups each joined by one space,
        # with no identifier cue for the chunk ("Tracking 1Z 709 284 97 8971 4170")
        return (
            g0 > 0
            and g1 + 1 < ng
            and all(raw_seps[i] == " " for i in range(g0 - 1, g1 + 1))
            and ctx.cue_before() not in ID_KINDS
        )

    def piece(g0: int, off0: int, g1: int, off1: int | None, first: bool | str, last: bool):
        # groups g0..g1; off0 digits dropped from g0's front, g1 cut at off1 (None = whole)
        lens = glen[g0 : g1 + 1]
        if off1 is not None:
            lens[-1] = off1
        if off0:
            lens[0] -= off0
        key = tuple(lens)
        ok = _SHAPES.get(key)
        if ok is None:
            ok = _SHAPES[key] = _shape_possible(lens)
        if not ok:
            return None
        if amount is not None and True in amount[g0 : g1 + 1]:
            return None
        parts = texts[g0 : g1 + 1]
        if off1 is not None:
            parts[-1] = parts[-1][:off1]
        if off0:
            parts[0] = parts[0][off0:]
        s = g_start[g0] + off0
        ctx.look_at(s)
        kind = _classify(parts, seps[g0:g1], ctx, first, last)
        if kind is None or (
            kind == "card"
            and g1 > g0
            and not off0
            and (_in_fours(g0) or (off1 is None and _before_tail(g1)))
        ):
            return None
        if key == (3, 2, 4) and not off0 and off1 is None and _mid_spaced(g0, g1):
            return None
        e = g_end[g1] if off1 is None else g_start[g1] + off1
        return (kind, s, e, "".join(parts), ctx.why)

    # When no cue can reach the chunk (none bound before or after it, no scope in the
    # text), only the shapes that need none can be found: most random runs of digits
    # and separators are passed over here.
    cued = not text.unscoped() or ctx.cue_before() is not None or ctx.cue_after() is not None
    long_min, first_pairs, _last_pairs = _limits(cued)
    # pieces made of whole segments; a running digit count skips the pieces no shape
    # can take (fewer than MIN_DIGITS or more than CARD_MAX digits) without building them
    seg_digits = [pre[seg_last[k] + 1] - pre[seg_first[k]] for k in range(nseg)]
    for a in range(lo_seg, hi_seg + 1):
        g0 = seg_first[a]
        # one long group, or the first two groups of a shape
        if glen[g0] < long_min and (g0 + 1 == ng or (glen[g0], glen[g0 + 1]) not in first_pairs):
            continue
        n = 0
        for b in range(a, hi_seg + 1):
            g1 = seg_last[b]
            if g1 - g0 + 1 > _MAX_PIECE_GROUPS:
                break
            n += seg_digits[b]
            if n > CARD_MAX:
                break
            if n < MIN_DIGITS:
                continue
            # after ", " and a segment that could be an identifier itself: a list (or
            # a pair's second number after one long enough to take a cue: "Acct/Routing
            # 12345678/068414243")
            first = a == 0 or (
                "listed"
                if _listed_after(raw_seps[g0 - 1], ctx, pre[g0] - pre[seg_first[a - 1]])
                else False
            )
            f = piece(g0, 0, g1, None, first, b == nseg - 1)
            if f is not None:
                items[a].append((b, len(f[3]), (f,)))
    # two identifiers glued inside one digit run: a long enough run with punctuation
    # before or after it (no cut is made in a run with neither)
    runs = [
        gi
        for gi, size in enumerate(glen)
        if size >= GLUE_MIN_RUN
        and ((gi > 0 and seps[gi - 1] != "") or (gi + 1 < ng and seps[gi] != ""))
    ]
    for gi in runs:
        sg = seg_of[gi]
        if sg < lo_seg or sg > hi_seg:
            continue
        size = glen[gi]
        key = (
            size,
            glen[gi - 1] if gi > 0 else 0,
            glen[gi + 1] if gi + 1 < ng else 0,
            gi > 0 and seps[gi - 1] != "",
            gi + 1 < ng and seps[gi] != "",
            cued,
        )
        cuts = _CUTS.get(key)
        if cuts is None:
            cuts = _glue_cuts(*key)
            if len(_CUTS) < _CUTS_MAX:
                _CUTS[key] = cuts
        if not cuts:
            continue
        # digits of groups gi+1.. in gi's segment, and of gi's segment before gi
        tail = pre[seg_last[sg] + 1] - pre[gi + 1]
        head = pre[gi] - pre[seg_first[sg]]
        for k in cuts:
            rights = []
            n = size - k + tail - seg_digits[sg]
            for b in range(sg, hi_seg + 1):
                g1 = seg_last[b]
                if g1 - gi + 1 > _MAX_PIECE_GROUPS:
                    break
                n += seg_digits[b]
                if n > CARD_MAX:
                    break
                if n < MIN_DIGITS:
                    continue
                f = piece(gi, k, g1, None, False, b == nseg - 1)
                if f is not None:
                    rights.append((b, f))
            if not rights:
                continue
            n = k + head - seg_digits[sg]
            for a in range(sg, lo_seg - 1, -1):
                g0 = seg_first[a]
                if gi - g0 + 1 > _MAX_PIECE_GROUPS:
                    break
                n += seg_digits[a]
                if n > CARD_MAX:
                    break
                if n < MIN_DIGITS:
                    continue
                left = piece(g0, 0, gi, k, a == 0, False)
                if left is None:
                    continue
                for b, right in rights:
                    items[a].append((b, len(left[3]) + len(right[3]), (left, right)))
    # choose non-overlapping pieces covering the most digits (then the fewest pieces)
    best: list[tuple[int, int]] = [(0, 0)] * (nseg + 1)
    choice: list = [None] * (nseg + 1)
    for a in range(nseg - 1, -1, -1):
        bv, bc = best[a + 1], None
        for b, digits, finds in items[a]:
            nb = best[b + 1]
            v = (digits + nb[0], nb[1] - len(finds))
            if v > bv:
                bv, bc = v, (b, finds)
        best[a], choice[a] = bv, bc
    a = 0
    while a < nseg:
        c = choice[a]
        if c is None:
            a += 1
            continue
        out.extend(c[1])
        a = c[0] + 1
