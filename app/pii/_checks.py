"""Number checks: what the digits of an SSN, ITIN, FEIN, routing number, card or CT
number must satisfy (areas and groups, prefixes, check digits), and which digit-group
shapes could be an identifier at all. Pure functions of the digits; no context."""

from __future__ import annotations

from ._rules import (
    CARD_BRANDS,
    CARD_LAYOUTS,
    CARD_MAX,
    CARD_TEST_NUMBERS,
    CT_BASE_MAX,
    CT_BASE_MIN,
    CT_LOC,
    CT_MAX_BASE_GROUPS,
    CT_MIN_GROUP,
    CT_NO_CUE_LOC,
    CT_PLACEHOLDER_BASES,
    CUE_LAYOUTS,
    FEIN_PREFIXES,
    ITIN_GROUPS,
    MIN_DIGITS,
    ROUTING_PREFIXES,
    ROUTING_WEIGHTS,
    SSN_ADVERTISING,
    SSN_BAD_AREA_FIRST,
    SSN_BAD_AREAS,
)


def _ssn_ok(d: str) -> bool:
    return (
        d[:3] not in SSN_BAD_AREAS
        and d[0] != SSN_BAD_AREA_FIRST
        and d[3:5] != "00"
        and d[5:] != "0000"
    )


def _itin_ok(d: str) -> bool:
    return d[0] == "9" and d[3:5] in ITIN_GROUPS


def _all_same(d: str) -> bool:
    """One digit throughout (999-99-9999, 99-9999999): a form's or a test file's
    placeholder, never an issued number of any kind."""
    return d.count(d[0]) == len(d)


def _ssn_or_itin(d: str) -> str | None:
    if d in SSN_ADVERTISING or _all_same(d):  # 987-65-4320..4329 would pass as ITINs
        return None
    if d[0] == SSN_BAD_AREA_FIRST:
        return "itin" if _itin_ok(d) else None
    return "ssn" if _ssn_ok(d) else None


def _fein_ok(d: str) -> bool:
    # (a serial of seven zeros is a form's placeholder, never an issued number; the
    # advertising numbers are examples in any grouping: "12-3456789" is the IRS's)
    return (
        d[:2] in FEIN_PREFIXES
        and d[2:] != "0000000"
        and d not in SSN_ADVERTISING
        and not _all_same(d)
    )


def _routing_ok(d: str) -> bool:
    if d[:2] not in ROUTING_PREFIXES or _all_same(d):
        return False
    return sum(int(c) * w for c, w in zip(d, ROUTING_WEIGHTS, strict=True)) % 10 == 0


# a doubled digit's digit sum, 2d or 2d - 9, is one digit again: so a Luhn sum is the
# digits in odd places from the right, plus those in even places mapped by this table
_LUHN_DOUBLE = str.maketrans("0123456789", "0246813579")


def _luhn_ok(d: str) -> bool:
    # summed as ASCII codes (48 for "0"), less 48 for each digit: C loops, no int()
    odd = d[-1::-2].encode("ascii")
    even = d[-2::-2].translate(_LUHN_DOUBLE).encode("ascii")
    return (sum(odd) + sum(even) - 48 * len(d)) % 10 == 0


def _card_ok(d: str) -> bool:
    if d in CARD_TEST_NUMBERS:  # published test numbers: never issued
        return False
    n = len(d)
    for _name, ranges, lengths in CARD_BRANDS:
        if n not in lengths:
            continue
        for lo, hi in ranges:
            if lo <= d[: len(lo)] <= hi:
                return _luhn_ok(d)
    return False


# how many digits a mistyped copy of an identifier differs in (_typo_of)
_SLIPS = 2


def _fits(kind: str, d: str) -> bool:
    """Could the digits d be an identifier of this kind (its length and its checks)?"""
    if kind in ("ssn", "itin"):
        return len(d) == 9 and _ssn_or_itin(d) == kind
    if kind == "fein":
        return len(d) == 9 and _fein_ok(d)
    if kind == "routing":
        return len(d) == 9 and _routing_ok(d)
    if kind == "card":
        return _card_ok(d)
    base = d[:-CT_LOC]
    return (
        CT_BASE_MIN <= len(base) <= CT_BASE_MAX
        and d[-CT_LOC:].startswith(CT_NO_CUE_LOC)
        and base not in CT_PLACEHOLDER_BASES
    )


def _typo_of(a: str, b: str) -> bool:
    """Is b what a becomes by a slip: one or two digits changed (one mistyped, two
    neighbours swapped as in "554171825" for "551471825", or one mistyped and the
    check digit redone)? Both have the same length."""
    changed = 0
    for x, y in zip(a, b, strict=True):
        if x != y:
            changed += 1
            if changed > _SLIPS:
                return False
    return changed > 0


def _typo_keys(d: str) -> tuple[str, ...]:
    """Keys that d shares with every number _typo_of takes it for: d cut into _SLIPS + 1
    parts, each with its place and d's length. Two numbers of one length that differ in
    at most _SLIPS digits agree in at least one part, so a found number's slips are
    looked up by these keys instead of compared with every found number."""
    n = len(d)
    cuts = [n * i // (_SLIPS + 1) for i in range(_SLIPS + 2)]
    return tuple(f"{n}:{i}:{d[cuts[i] : cuts[i + 1]]}" for i in range(_SLIPS + 1))


def _phone_like(d: str) -> bool:
    """Ten digits shaped like a North American number: NXX NXX XXXX (N is 2-9), or
    eleven with the country code 1 in front."""
    if len(d) == 11 and d[0] == "1":
        d = d[1:]
    return len(d) == 10 and d[0] >= "2" and d[3] >= "2"


def _shape_possible(lens: list[int]) -> bool:
    """Cheap test on group lengths alone: could _classify accept this piece?"""
    n = sum(lens)
    if n < MIN_DIGITS or n > CARD_MAX:
        return False
    k = len(lens)
    if k == 1:
        return True
    if k == 2 and lens[0] == 2 and lens[1] == 7:
        return True
    if k == 3 and lens[0] == 3 and lens[1] == 2 and lens[2] == 4:
        return True
    if tuple(lens) in CUE_LAYOUTS:
        return True
    if lens[-1] == CT_LOC and k - 1 <= CT_MAX_BASE_GROUPS and min(lens) >= CT_MIN_GROUP:
        return CT_BASE_MIN <= n - CT_LOC <= CT_BASE_MAX
    return tuple(lens) in CARD_LAYOUTS


def _multi_group_shapes() -> frozenset[tuple[int, ...]]:
    """Every group-length tuple of two or more groups that _shape_possible accepts: of
    the fixed layouts, and the CT numbers (one to CT_MAX_BASE_GROUPS base groups of at least
    CT_MIN_GROUP digits, CT_BASE_MIN to CT_BASE_MAX in all, then the location code)."""
    shapes = {(2, 7), (3, 2, 4), *CUE_LAYOUTS, *CARD_LAYOUTS}

    def bases(left: int, groups: int):
        if left == 0:
            yield ()
        if groups == 0:
            return
        for g in range(CT_MIN_GROUP, left + 1):
            for rest in bases(left - g, groups - 1):
                yield (g, *rest)

    for total in range(CT_BASE_MIN, CT_BASE_MAX + 1):
        shapes.update((*b, CT_LOC) for b in bases(total, CT_MAX_BASE_GROUPS) if b)
    # (a card laid out 4-4-4-3 ends like a CT number and is only taken as a whole chunk)
    return frozenset(s for s in shapes if _shape_possible(list(s)))


MULTI_SHAPES = _multi_group_shapes()
# What a piece of two or more groups starts and ends with: a piece whose first (last)
# two group lengths are not among these is no identifier, whatever follows (precedes).
FIRST_PAIRS = frozenset(s[:2] for s in MULTI_SHAPES)
LAST_PAIRS = frozenset(s[-2:] for s in MULTI_SHAPES)
# The same for the shapes _classify takes without a cue: 3-2-4, 2-7 joined by a hyphen,
# a 7-digit base and a location code, and the card layouts. Without a cue a single group
# is only a card, of CARD_MIN digits or more.
CUE_FREE_SHAPES = frozenset(
    s
    for s in MULTI_SHAPES
    if s in ((3, 2, 4), (2, 7), (CT_BASE_MAX - 2, CT_LOC)) or s in CARD_LAYOUTS
)
CUE_FREE_FIRST_PAIRS = frozenset(s[:2] for s in CUE_FREE_SHAPES)
CUE_FREE_LAST_PAIRS = frozenset(s[-2:] for s in CUE_FREE_SHAPES)
