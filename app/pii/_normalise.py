"""Normalise a copy of the text for matching and keep a map back to original offsets.

Per character: drop zero-width characters and soft hyphens, apply NFKC, then turn
every dash into "-", every Unicode space into " ", every line break into "\\n", every
decimal digit into its ASCII digit, and any other astral character into U+FFFD (so
the normalised copy has the same length in code points and in UTF-16 units, which
keeps the JavaScript twin's arithmetic identical). The work is per character, so
it is linear, and ASCII text without tabs or carriage returns is returned as is.
"""

from __future__ import annotations

import re
import unicodedata

from ._rules import DASHES, LINE_BREAKS, SPACES, ZERO_WIDTH

_ASCII_TABLE = {ord(c): " " for c in SPACES if ord(c) < 128}
_ASCII_TABLE.update({ord(c): "\n" for c in LINE_BREAKS if ord(c) < 128 and c != "\n"})
assert set(_ASCII_TABLE) == {ord(c) for c in "\t\r\v\f"}, "update the ASCII fast path"

_cache: dict[str, str] = {}


def _map_one(c: str) -> str:
    if c in DASHES:
        return "-"
    if c in SPACES:
        return " "
    if c in LINE_BREAKS:
        return "\n"
    if c in ZERO_WIDTH:
        return ""
    if c.isdecimal():
        return str(unicodedata.decimal(c))
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


def normalise(text: str) -> tuple[str, list[int] | None]:
    """Return (normalised copy, starts) where starts[i] is the original index of the
    character that produced normalised character i; None means the identity map."""
    if text.isascii():
        # four substring tests are much cheaper than a regex search on short texts
        if "\t" in text or "\r" in text or "\v" in text or "\f" in text:
            return text.translate(_ASCII_TABLE), None
        return text, None
    table: dict[int, str] = {}
    odd: list[str] = []
    for ch in set(text):
        if ch < "\x80":
            continue
        out = map_char(ch)
        if len(out) != 1:
            odd.append(ch)
        table[ord(ch)] = out
    table.update(_ASCII_TABLE)
    if not odd:
        return text.translate(table), None
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
