"""Rewrites of the normalised copy that undo what people and programs do to numbers.

- quote_join: "605 37\\n> > 6884" (a number split by a hard wrap inside a quoted
  reply) loses the quote prefix, so the line break joins the two halves as usual.
- letter_spaced: "S S N : 8 9 9 - 7 5 - 4 4 5 1" (a PDF copy) becomes
  "SSN : 899-75-4451": the space between two digits (or dashes) or two letters goes.
- digit_words: "zero nine five, two two, three three nine eight" and "cinco ocho
  ocho - ocho tres - ..." (voice dictation) become "095 22 3398" and "588-83-...".

Every rewritten character keeps the original [start, end) it came from, so findings
still cover exactly what the visitor typed. Each rewrite is one linear regex pass and
runs only when its pattern occurs. The JavaScript twin is app/static/js/pii-rewrite.mjs.
"""

from __future__ import annotations

import re

from ._rules import LATIN_LOWER, RULES

_R = RULES["rewrites"]
_WORDS: dict[str, str] = dict(_R["digit_words"])
# spoken dashes: separators of a run, written into its pattern ("four six dash one ...")
_DASH_WORDS = frozenset(_R["digit_word_dashes"])
if not all(w in _R["digit_word_run"] for w in _DASH_WORDS):
    raise ValueError("rewrites.digit_word_run must take each of digit_word_dashes as a separator")


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
    return first + src[len(lead) :].replace("W", _WORD_SRC)


DIGIT_RUN_SRC = _run_source()
QUOTE_JOIN_RE = re.compile(_R["quote_join"])
LETTER_SPACED_RE = re.compile(_R["letter_spaced"])


def _spaced_source() -> str:
    """The letter-spaced run for sre: the space or line break before the run is matched
    (a space is put before the text for a run at its start) and the run is group 1, so
    sre tries the pattern only at spaces and line breaks instead of at every character
    (the same runs; V8 compiles the shared source)."""
    src = _R["letter_spaced"]
    lead = "(?<![^ \n])"
    if not src.startswith(lead):
        raise ValueError("rewrites.letter_spaced must start with " + lead)
    return "[ \n](" + src[len(lead) :] + ")"


_LETTER_SPACED_PY_RE = re.compile(_spaced_source())
# The hint (a digit, a space, a digit or dash, a space) is searched from its space: sre
# finds a pattern's leading literal with a tight loop, but tests every character against
# a leading set, which cost more than the rest of the test (the same texts match; V8
# compiles the shared source).
if _R["letter_spaced_hint"] != "[0-9] [0-9-] ":
    raise ValueError("rewrites.letter_spaced_hint changed: rewrite LETTER_HINT_RE to match")
LETTER_HINT_RE = re.compile(" (?<=[0-9] )[0-9-] ")
DIGIT_RUN_RE = re.compile(DIGIT_RUN_SRC)
_WORD_RE = re.compile("[a-z]+")
_LS_MIN: int = _R["letter_spaced_min_digits"]
_LS_MAX: int = _R["letter_spaced_max"]
_DW_MIN: int = _R["digit_word_min_digits"]
_DW_MAX: int = _R["digit_word_max_chars"]

# An edit replaces norm[s:e] with out; src[i] is the norm range out[i] came from.
Edit = tuple[int, int, str, list[tuple[int, int]]]


def _quote_joins(norm: str) -> list[Edit]:
    return [
        (m.start(), m.end(), "\n", [(m.start(), m.end())]) for m in QUOTE_JOIN_RE.finditer(norm)
    ]


def _kind(c: str) -> int:
    if "0" <= c <= "9" or c == "-":
        return 1
    if c.isalpha():
        return 2
    return 0


def _letter_spaced(norm: str) -> list[Edit]:
    out: list[Edit] = []
    if LETTER_HINT_RE.search(norm) is None:
        return out
    for m in _LETTER_SPACED_PY_RE.finditer(" " + norm):
        s = m.start(1) - 1
        run = m.group(1)
        if len(run) > _LS_MAX or sum(1 for c in run if "0" <= c <= "9") < _LS_MIN:
            continue
        # spaces sit at odd offsets; drop those between two of a kind
        for i in range(1, len(run), 2):
            k = _kind(run[i - 1])
            if k and k == _kind(run[i + 1]):
                out.append((s + i, s + i + 1, "", []))
    return out


def _digit_words(low: str) -> list[Edit]:
    out: list[Edit] = []
    for m in DIGIT_RUN_RE.finditer(low):
        s, e = m.span()
        if e - s > _DW_MAX:
            continue
        chars: list[str] = []
        src: list[tuple[int, int]] = []
        times = 1
        ok = True
        pos = s
        for w in _WORD_RE.finditer(low, s, e):
            if w.group() in _DASH_WORDS:
                continue  # part of the separator before the next word
            if w.start() > pos:  # the separator before this word
                sep = low[pos : w.start()].strip(" ")
                if sep:
                    chars.append("-" if sep == "-" or sep in _DASH_WORDS else " ")
                    src.append((pos, w.start()))
            digit = _WORDS[w.group()]
            if digit[0] == "x":
                if times != 1:
                    ok = False
                    break
                times = int(digit[1])
            else:
                chars.extend(digit * times)
                src.extend([w.span()] * times)
                times = 1
            pos = w.end()
        if not ok or times != 1 or sum(1 for c in chars if c.isdigit()) < _DW_MIN:
            continue
        out.append((s, e, "".join(chars), src))
    return out


def rewrite(norm: str, starts: list[int] | None, ends: list[int] | None):
    """Apply the rewrites in turn; returns (norm, starts, ends, low) like normalise(),
    with low the lower-cased copy of norm the cue search uses (None when the digit
    words changed norm after it was made)."""
    for step, hint in ((_quote_joins, ">"), (_letter_spaced, " ")):
        if hint in norm:
            edits = step(norm)
            if edits:
                norm, starts, ends = _apply(norm, starts, ends, edits)
    low = norm.lower() if norm.isascii() else norm.translate(LATIN_LOWER)
    edits = _digit_words(low)
    if edits:
        norm, starts, ends = _apply(norm, starts, ends, edits)
        return norm, starts, ends, None
    return norm, starts, ends, low


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
