"""Normalise a copy of the text for matching and keep a map back to original offsets.

Per character: drop zero-width characters and soft hyphens, apply NFKC, then turn
every dash into "-", every Unicode space into " ", every line break into "\\n", every
decimal digit and Chinese numeral (二三六) into its ASCII digit, and any other astral
character into U+FFFD (so the normalised copy has the same length in code points and
in UTF-16 units, which keeps the JavaScript twin's arithmetic identical). The work is
per character, so it is linear, and ASCII text without tabs or carriage returns is
returned as is.
"""

from __future__ import annotations

import re
import unicodedata

from ._rules import (
    CJK_DIGITS,
    COMMAS,
    DASHES,
    LATIN_LOWER,
    LINE_BREAKS,
    SPACES,
    ZERO_WIDTH,
    ZERO_WIDTH_SHAPES,
)

_ASCII_TABLE = {ord(c): " " for c in SPACES if ord(c) < 128}
_ASCII_TABLE.update({ord(c): "\n" for c in LINE_BREAKS if ord(c) < 128 and c != "\n"})
assert set(_ASCII_TABLE) == {ord(c) for c in "\t\r\v\f"}, "update the ASCII fast path"

_cache: dict[str, str] = {}


def _map_one(c: str) -> str:
    if c in DASHES:
        return "-"
    if c in SPACES:
        return " "
    if c in COMMAS:
        return ","
    if c in LINE_BREAKS:
        return "\n"
    if c in ZERO_WIDTH:
        return ""
    if c.isdecimal():
        return str(unicodedata.decimal(c))
    if c in CJK_DIGITS:
        return CJK_DIGITS[c]
    if ord(c) > 0xFFFF:
        return "\ufffd"
    return c


def map_char(ch: str) -> str:
    """The normalised form of one original character (may be empty or several chars)."""
    out = _cache.get(ch)
    if out is None:
        if ch in ZERO_WIDTH:
            out = ""
        else:
            out = "".join(_map_one(c) for c in unicodedata.normalize("NFKC", ch))
        if len(_cache) < 65536:
            _cache[ch] = out
    return out


# The non-ASCII characters of a text: found by one regex pass (a tight loop over ASCII),
# a fraction of the cost of set() over every character of it.
_NON_ASCII_RE = re.compile("[^\x00-\x7f]")
# At most this many distinct characters are changed by str.replace, one pass each;
# more take one str.translate (which looks every character of the text up in a dict).
_MAX_REPLACED = 16


# A Japanese input method types a dash between digits as the long-vowel mark ("２３５ー
# ４９ー１７０６"): between two digits (after they are made ASCII) it is a dash.
_KANA_DASH_RE = re.compile("(?<=[0-9])\u30fc(?=[0-9])")


# digit groups parted by one zero-width character each ("338\u200b23\u200b2810")
_ZW_CLASS = "[" + "".join(sorted(ZERO_WIDTH)) + "]"
_ZW_GROUPS_RE = re.compile(f"(?<![0-9])[0-9]+(?:{_ZW_CLASS}[0-9]+)+(?![0-9])")
_ZW_RE = re.compile(_ZW_CLASS)


def _zero_width_dash(m: re.Match) -> str:
    """The groups with a dash for each zero-width character that parts an identifier's
    shape (chars.zero_width_shapes), else as they are."""
    run = m.group()
    shape = tuple(len(g) for g in _ZW_RE.split(run))
    return _ZW_RE.sub("-", run) if shape in ZERO_WIDTH_SHAPES else run


# digit groups parted by one underscore each, no letter or digit touching them
# ("709_43_0311"): a dash for each when the groups are an identifier's shape
_UNDERSCORE_GROUPS_RE = re.compile("(?<![0-9A-Za-z])[0-9]+(?:_[0-9]+)+(?![0-9A-Za-z])")


def _underscore_dash(m: re.Match) -> str:
    run = m.group()
    shape = tuple(len(g) for g in run.split("_"))
    return run.replace("_", "-") if shape in ZERO_WIDTH_SHAPES else run


def normalise(text: str) -> tuple[str, list[int] | None]:
    """Return (normalised copy, starts) where starts[i] is the original index of the
    character that produced normalised character i; None means the identity map."""
    # (one character for one in both: the offsets are the original's)
    if not text.isascii() and _ZW_RE.search(text) is not None:
        text = _ZW_GROUPS_RE.sub(_zero_width_dash, text)
    if "_" in text:
        text = _UNDERSCORE_GROUPS_RE.sub(_underscore_dash, text)
    norm, starts = _normalise(text)
    if "\u30fc" in norm:
        norm = _KANA_DASH_RE.sub("-", norm)  # one character for one: starts stay
    return norm, starts


def _normalise(text: str) -> tuple[str, list[int] | None]:
    if text.isascii():
        # four substring tests are much cheaper than a regex search on short texts
        if "\t" in text or "\r" in text or "\v" in text or "\f" in text:
            return text.translate(_ASCII_TABLE), None
        return text, None
    # only the characters that change are mapped: most non-ASCII text (accented
    # letters, CJK) keeps every character as it is
    table: dict[int, str] = {}
    odd: list[str] = []
    for ch in set(_NON_ASCII_RE.findall(text)):
        out = map_char(ch)
        if out != ch:
            if len(out) != 1:
                odd.append(ch)
            table[ord(ch)] = out
    for code, out in _ASCII_TABLE.items():
        if chr(code) in text:
            table[code] = out
    if odd:
        return _map_odd(text, table, odd)
    return _replace(text, table), None


def _replace(text: str, table: dict[int, str]) -> str:
    """text.translate(table) for a table of one character for one."""
    # replacing each in turn is the same when no replacement is itself replaced
    if len(table) <= _MAX_REPLACED and all(ord(out) not in table for out in table.values()):
        for code, out in table.items():
            text = text.replace(chr(code), out)
        return text
    return text.translate(table)


def _map_odd(text: str, table: dict[int, str], odd: list[str]) -> tuple[str, list[int]]:
    """The copy and its starts when some characters become none or several."""
    parts: list[str] = []
    starts: list[int] = []
    pos = 0
    for m in re.finditer("[" + re.escape("".join(odd)) + "]", text):
        i = m.start()
        if i > pos:
            parts.append(text[pos:i].translate(table))
            starts.extend(range(pos, i))
        out = table[ord(text[i])]
        parts.append(out)
        starts.extend([i] * len(out))
        pos = i + 1
    if pos < len(text):
        parts.append(text[pos:].translate(table))
        starts.extend(range(pos, len(text)))
    return "".join(parts), starts


# Characters whose str.lower() is what LATIN_LOWER gives (themselves, for most), and
# those whose is not (Greek and Vietnamese capitals, U+0130 ...): learnt as texts
# bring them, bounded like the map above.
_LOWER_SAME: set[str] = set()
_LOWER_OTHER: set[str] = set()


def latin_lower(s: str) -> str:
    """s with A-Z, U+00C0-U+024F and Cyrillic U+0400-U+04FF lower-cased, one character
    for one (s.translate(LATIN_LOWER), which both twins share). That translate looks
    every character up in a dict; str.lower() gives the same string, far faster, when
    every non-ASCII character of s lower-cases the same way in both."""
    if s.isascii():
        return s.lower()
    chars = set(_NON_ASCII_RE.findall(s))
    if not chars.isdisjoint(_LOWER_OTHER):
        return s.translate(LATIN_LOWER)
    for ch in chars - _LOWER_SAME:
        if ch.lower() == chr(LATIN_LOWER.get(ord(ch), ord(ch))):
            if len(_LOWER_SAME) < 65536:
                _LOWER_SAME.add(ch)
        else:
            if len(_LOWER_OTHER) < 65536:
                _LOWER_OTHER.add(ch)
            return s.translate(LATIN_LOWER)
    return s.lower()
