"""The detector: find digit chunks, split them into identifier-shaped pieces, check them.

Outline (the JavaScript twin in app/static/js/pii.mjs follows it step by step):

1. Normalise a copy of the text (see _normalise) and give up early when it holds
   fewer than nine digits.
2. One linear regex finds every *claim*: a run of 4+ digits joined by separators
   (hyphen or any dash, dot, slash, comma, spaces, one line break) or a placeholder
   left by remove(). Claims decide which number a cue word belongs to: a cue binds
   to the first claim after it within the cue window, otherwise to the last claim
   before it. A number's own cue is the nearest cue bound to it from before, else
   from after; "confirmation number 123456789" is therefore a confirmation number
   even when "SSN" appears a sentence earlier.
3. Claims of 9+ characters are *chunks*. A chunk is cut into tight segments at
   whitespace separators (", " counts as whitespace); punctuation separators never
   separate two identifiers. Pieces made of whole segments, or two pieces glued
   inside one digit run, are classified by their digit-group shape and the cue, and
   a small dynamic programme picks the non-overlapping pieces covering most digits.
4. Letters or a digit glued to a chunk (CT-1040, HHD-CV-21-6012345-S, x123...), or a
   leading "+" or currency sign, rule the touching segment (or the chunk) out.
"""

from __future__ import annotations

from dataclasses import dataclass

from ._normalise import normalise
from ._rewrite import rewrite
from ._rules import (
    CARD_BRANDS,
    CARD_LAYOUTS,
    CARD_MAX,
    CARD_MIN,
    CARD_SEPARATORS,
    CARRY_GAP_RE,
    CARRY_MAX_GAP,
    CLAIM_RE,
    CT_BASE_MAX,
    CT_BASE_MIN,
    CT_LOC,
    CT_MAX_BASE_GROUPS,
    CT_MIN_GROUP,
    CT_NO_CUE_LOC,
    CT_PHONE_GUARD,
    CT_SEPARATORS,
    CUE_KINDS,
    CUE_LAYOUTS,
    CUE_LIST_GAP_RE,
    CUE_RE,
    CUE_WINDOW,
    DIGITS_RE,
    FEIN_PREFIXES,
    GLUE_LEAD,
    GLUE_MIN_RUN,
    GLUE_TAIL,
    HINT_RE,
    INTRO_RE,
    ITIN_GROUPS,
    KIND_LABELS,
    LATIN_LOWER,
    MASKS,
    MAX_CHUNK,
    MAX_CUE,
    MICR_MARKS,
    MIN_DIGITS,
    PARAGRAPH_RE,
    PLACEHOLDER_RE,
    ROUTING_PREFIXES,
    ROUTING_WEIGHTS,
    SENTENCE_END_RE,
    SENTENCE_SOFT_RE,
    SSN_ADVERTISING,
    SSN_BAD_AREA_FIRST,
    SSN_BAD_AREAS,
    TIGHT_RE,
    WORDING,
    kind_label,
    removed_template,
)
from ._scopes import could_be_scoped, scopes

_MAX_PIECE_GROUPS = 6
_DOT_CUT_MIN = 2
_GLUE_PUNCT = "-/"
_LEFT_OUT = "+$\u20ac\u00a3\u00a5"  # phone country code or currency before a chunk


@dataclass(frozen=True, slots=True)
class Finding:
    """One identifier: kind, [start, end) offsets into the original text, masked form."""

    kind: str
    start: int
    end: int
    masked: str
    last4: str

    @property
    def label(self) -> str:
        return KIND_LABELS[self.kind]


# --- number checks -------------------------------------------------------------------


def _ssn_ok(d: str) -> bool:
    return (
        d[:3] not in SSN_BAD_AREAS
        and d[0] != SSN_BAD_AREA_FIRST
        and d[3:5] != "00"
        and d[5:] != "0000"
    )


def _itin_ok(d: str) -> bool:
    return d[0] == "9" and d[3:5] in ITIN_GROUPS


def _ssn_or_itin(d: str) -> str | None:
    if d in SSN_ADVERTISING:  # 987-65-4320..4329 would otherwise pass as ITINs
        return None
    if d[0] == SSN_BAD_AREA_FIRST:
        return "itin" if _itin_ok(d) else None
    return "ssn" if _ssn_ok(d) else None


def _fein_ok(d: str) -> bool:
    return d[:2] in FEIN_PREFIXES


def _routing_ok(d: str) -> bool:
    if d[:2] not in ROUTING_PREFIXES:
        return False
    return sum(int(c) * w for c, w in zip(d, ROUTING_WEIGHTS, strict=True)) % 10 == 0


def _luhn_ok(d: str) -> bool:
    total = 0
    for i, c in enumerate(reversed(d)):
        v = ord(c) - 48
        if i & 1:
            v *= 2
            if v > 9:
                v -= 9
        total += v
    return total % 10 == 0


def _card_ok(d: str) -> bool:
    n = len(d)
    for _name, ranges, lengths in CARD_BRANDS:
        if n not in lengths:
            continue
        for lo, hi in ranges:
            if lo <= d[: len(lo)] <= hi:
                return _luhn_ok(d)
    return False


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


def _classify(parts: list[str], seps: list[str], ctx: _Chunk, first: bool | str, last: bool):
    """Kind of a piece made of digit groups `parts` joined by `seps` (each separator
    stripped of whitespace: "" for a space or line break, else "-", ".", "/" or ",").
    The cue is looked up (ctx.cue) only once the digits could be an identifier."""
    d = "".join(parts)
    n = len(d)
    if d.count(d[0]) == n:
        return None
    if len(parts) == 1:
        if n == 9:
            cue = ctx.cue(first, last)
            if cue == "ssn" or cue == "itin" or cue == "taxid":
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
            return "ct_tax_reg" if ctx.cue(first, last) == "ct" else None
        if CARD_MIN <= n <= CARD_MAX and _card_ok(d):
            return None if first is True and ctx.introduced_by_neg() else "card"
        return None
    if "," in seps:
        return None
    lens = tuple(map(len, parts))
    if lens in CUE_LAYOUTS:
        # nine digits grouped another way, one separator throughout: like nine bare digits
        return _classify([d], [], ctx, first, last) if seps.count(seps[0]) == len(seps) else None
    kind = None
    if lens == (3, 2, 4):
        kind = _ssn_or_itin(d)
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
        if not all(s in CT_SEPARATORS for s in seps):
            return None
        if ctx.cue(first, last) == "ct":
            return "ct_tax_reg"
        # 1234567-000: the shape alone, a 7-digit base and a location code 000-009
        if (
            lens == (CT_BASE_MAX - 2, CT_LOC)
            and seps[0] == "-"
            and d[-CT_LOC:].startswith(CT_NO_CUE_LOC)
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
    if kind is not None and first is True and ctx.introduced_by_neg():
        return None
    return kind


# --- masking and wording -------------------------------------------------------------


def mask(kind: str, digits: str) -> str:
    """Display form that keeps only the last four digits."""
    last4 = digits[-4:]
    template = MASKS.get(kind)
    if template is not None:
        return template.replace("{last4}", last4)
    n = len(digits)
    hidden = "*" * (n - 4) + last4
    if kind == "ct_tax_reg":
        return hidden[: n - CT_LOC] + "-" + hidden[n - CT_LOC :]
    layout: tuple[int, ...]
    if n == 15:
        layout = (4, 6, 5)
    elif n == 14:
        layout = (4, 6, 4)
    else:
        layout = tuple([4] * (n // 4) + ([n % 4] if n % 4 else []))
    out, i = [], 0
    for size in layout:
        out.append(hidden[i : i + size])
        i += size
    return " ".join(out)


def describe(finding: Finding, language: str = "en") -> str:
    """E.g. "a Social Security number ending in 6789"; in Spanish (language="es"),
    "un número de Seguro Social que termina en 6789"."""
    wording = WORDING.get(language)
    if wording is not None:
        return (
            wording["describe"]
            .replace("{article}", wording["articles"][finding.kind])
            .replace("{label}", wording["labels"][finding.kind])
            .replace("{last4}", finding.last4)
        )
    label = KIND_LABELS[finding.kind]
    article = "an" if label[0].lower() in "aeiou" else "a"
    return f"{article} {label} ending in {finding.last4}"


def removal_label(kind: str, language: str = "en") -> str:
    """E.g. "[Social Security number removed]", "[número de Seguro Social eliminado]"."""
    return removed_template(language).replace("{label}", kind_label(kind, language))


def replace_findings(text: str, findings, replacement) -> str:
    """``text`` with each finding's span replaced by ``replacement(finding)``;
    overlapping or out-of-range findings are skipped."""
    out: list[str] = []
    pos = 0
    for f in sorted(findings, key=lambda f: (f.start, f.end)):
        if f.start < pos or f.end > len(text) or f.start >= f.end:
            continue
        out.append(text[pos : f.start])
        out.append(replacement(f))
        pos = f.end
    out.append(text[pos:])
    return "".join(out)


def remove(text: str, findings, language: str = "en") -> str:
    """Replace each finding's span with a digit-free label like
    "[Social Security number removed]" (in ``language``); overlapping or out-of-range
    ones are skipped."""
    return replace_findings(text, findings, lambda f: removal_label(f.kind, language))


# --- scanning ------------------------------------------------------------------------


def _is_word(c: str) -> bool:
    """A letter, digit or "_" that glues onto a number; CJK ideographs and kana do not
    (Chinese and Japanese write numbers straight after a word: 号码是412083317)."""
    return (c.isalnum() or c == "_") and not "\u3000" <= c <= "\u9fff"


def _cue_kind(m) -> str:
    return CUE_KINDS[m.lastindex - 1]


_NEG_KINDS = ("neg", "neg_bare")
_VOID = CUE_KINDS.index("void") + 1  # group of the phrases that bind to nothing


def _next_cue(norm: str, pos: int, end: int):
    """The first cue in norm[pos:end] that is not a void phrase."""
    m = CUE_RE.search(norm, pos, end)
    while m is not None and m.lastindex == _VOID:
        m = CUE_RE.search(norm, m.end(), end)
    return m


class _Text:
    """The normalised text and, made on first use, its ASCII-lower-cased copy."""

    __slots__ = ("_low", "_scopes", "norm", "original", "starts")

    def __init__(self, norm: str, starts: list[int] | None, original: str) -> None:
        self.norm = norm
        self.starts = starts
        self.original = original
        self._low: str | None = None
        self._scopes: tuple[dict[int, str], dict[int, str], dict[int, str]] | None = None

    def note(self, s: int) -> str | None:
        """The words for the scope that governs a piece starting at norm index s."""
        o = s if self.starts is None else self.starts[s]
        return self._scopes[2].get(o) if self._scopes else None

    def scoped(self, s: int) -> tuple[str | None, str | None]:
        """(forced, fallback) kinds of a piece starting at norm index s. The scopes are
        read on the first question: most texts never ask (no piece needs a cue)."""
        o = s if self.starts is None else self.starts[s]
        if self._scopes is None:
            # scopes wider than a sentence need lines: a one-line text has none, and
            # a number on a line no scope can govern needs none of them read
            if "\n" not in self.original or not could_be_scoped(self.original, o):
                return None, None
            self._scopes = scopes(self.original)
        forced, fallback, _notes = self._scopes
        if not forced and not fallback:
            return None, None
        return forced.get(o), fallback.get(o)

    @property
    def low(self) -> str:
        if self._low is None:
            # Latin letters only, one character each: every index stays in place
            norm = self.norm
            self._low = norm.lower() if norm.isascii() else norm.translate(LATIN_LOWER)
        return self._low


class _Chunk:
    __slots__ = (
        *("after", "before", "before_end", "carry_kind", "ce", "cs", "nx", "nxe", "pe"),
        *("after_end", "after_start", "at", "before_span", "carried", "prev", "soft"),
        *("text", "why"),
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

    def cue_before(self) -> str | None:
        if self.before is False and _between_marks(self.text.norm, self.cs, self.ce):
            self.before, self.before_end, self.soft = "routing", self.cs, False
            self.before_span = None
        if self.before is False:
            norm, cs = self.text.low, self.cs
            last = prior = None
            for m in CUE_RE.finditer(norm, max(self.pe, cs - CUE_WINDOW - MAX_CUE), cs):
                if m.lastindex != _VOID:
                    last, prior = m, last
            self.before = None
            if (
                last is not None
                and cs - last.end() <= CUE_WINDOW
                and SENTENCE_END_RE.search(self.text.norm, last.end(), cs) is None
            ):
                self.before = _cue_kind(last)
                self.before_end = last.end()
                self.before_span = last.span()
                self.soft = None  # looked up by is_soft() when it matters
                # "SSN and EIN: 234567891 and 123456780": the cues are shared out in order
                if (
                    prior is not None
                    and CUE_LIST_GAP_RE.fullmatch(norm, prior.end(), last.start()) is not None
                    and self._joined_next()
                ):
                    self.carry_kind = self.before
                    self.before = _cue_kind(prior)
                    self.before_span = prior.span()
            elif last is None and self.prev is not None and self._joined(self.pe, cs):
                # "SSN 234567891 and my wife's is 345678912": the previous number's cue
                kind = self.prev.carry()
                if kind is not None:
                    self.before, self.before_end, self.soft = kind, self.pe, True
                    self.carried = True
        return self.before  # type: ignore[return-value]

    def is_soft(self) -> bool:
        """Does a soft sentence end come between the bound cue before and the number?"""
        if self.soft is None:
            # to cs + 1: a soft end comes just before the number ("back? 123...")
            m = SENTENCE_SOFT_RE.search(self.text.norm, self.before_end, self.cs + 1)
            self.soft = m is not None
        return self.soft

    def _joined(self, s: int, e: int) -> bool:
        return e - s <= CARRY_MAX_GAP and CARRY_GAP_RE.fullmatch(self.text.low, s, e) is not None

    def _joined_next(self) -> bool:
        """Is another number joined on after this one ("234567891 and 12345678")?"""
        norm, nx = self.text.norm, self.nx
        own = norm[self.cs : self.ce]
        if ", " in own or ",\n" in own or " / " in own:
            return True  # "234567891, 123456780" is one chunk
        return nx < len(norm) and self._joined(self.ce, nx)

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

    def introduced_by_neg(self) -> bool:
        """Is the number directly introduced by a 'neg' cue ("Order #", "case no. ")?"""
        return self.cue_before() == "neg" and (
            INTRO_RE.fullmatch(self.text.low, self.before_end, self.cs) is not None
        )

    def cue_after(self) -> str | None:
        if self.after is False:
            norm, ce, nx = self.text.low, self.ce, self.nx
            # a cue starting within the window ends within the window plus MAX_CUE
            m = _next_cue(norm, ce, min(nx, ce + CUE_WINDOW + MAX_CUE))
            kind = None
            # a cue after the number does not reach back over a paragraph break
            if (
                m is not None
                and m.start() - ce <= CUE_WINDOW
                and PARAGRAPH_RE.search(norm, ce, m.start()) is None
            ):
                # the cue belongs to the next number instead if it is that number's
                # nearest cue before it ("... is my SSN. ZIP 06106" keeps SSN here)
                bound_forward = (
                    nx < len(norm)
                    and nx - m.end() <= CUE_WINDOW
                    and _next_cue(norm, m.end(), nx) is None
                    and SENTENCE_END_RE.search(self.text.norm, m.end(), nx) is None
                    and SENTENCE_SOFT_RE.search(self.text.norm, m.end(), nx + 1) is None
                    # only a number that could be an identifier (or a placeholder) takes
                    # the cue: "... is my SSN my payment was $1,250.00" keeps the SSN
                    and _could_bind(self.text.norm, nx, self.nxe)
                )
                if not bound_forward:
                    kind = _cue_kind(m)
                    self.after_start = m.start()
                    self.after_end = m.end()
            self.after = kind
        return self.after  # type: ignore[return-value]

    def cue(self, first: bool | str, last: bool) -> str | None:
        """The number's own cue kind: the nearest bound cue before it, else after it;
        the two kinds of negative cue are one here. first is "listed" for a piece after
        ", " inside the chunk: it takes the chunk's cue softly, like a joined number."""
        forced, fallback = self.text.scoped(self.at)
        if forced is not None:
            self.why = ("scope", self.at, forced)
            return forced
        carried = first == "listed"
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
                kind = self.cue_after()
                if kind is not None:
                    self.why = ("after", self.after_start, self.after_end)
        elif soft:
            # a cue before a soft sentence end (or a carried one) yields to the number's
            # own cue after it in the same sentence ("... and 345678912. Call me" keeps it)
            after = self.cue_after()
            if (
                after is not None
                # a carried negative cue stays: "Invoices 123456789 and 234567891 were
                # paid, my SSN is on file"
                and not (carried and kind in _NEG_KINDS and after not in _NEG_KINDS)
                and SENTENCE_END_RE.search(self.text.norm, self.ce, self.after_start) is None
            ):
                kind = after
                self.why = ("after", self.after_start, self.after_end)
        if kind is None:
            self.why = ("topic", self.at, fallback)
            return fallback
        kind = "neg" if kind == "neg_bare" else kind
        self.why = (*self.why, kind) if self.why else None
        return kind


def _between_marks(norm: str, cs: int, ce: int) -> bool:
    """Is norm[cs:ce] set between two of the same MICR transit mark (a check line)?"""
    return any(norm.startswith(m, ce) and norm.endswith(m, 0, cs) for m in MICR_MARKS)


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
    if t and "\n" in s and s.index("\n") < s.index(t):  # "...3317\n- 523104428": a bullet
        return ""
    return t


def _could_bind(norm: str, s: int, e: int) -> bool:
    """Could the claim norm[s:e] take a cue? Not an amount or a date: fewer than
    MIN_DIGITS digits and a currency sign before it or a "/", "," or "." inside it.
    A short plain number still does ("SSN ending 1234", "xxx-xx-1234")."""
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
    j = s - 1
    while j >= 0 and j >= s - 2 and norm[j] == " ":
        j -= 1
    return not (punct or (j >= 0 and norm[j] in _LEFT_OUT and norm[j] != "+"))


def _scan_chunk(text: _Text, cs: int, ce: int, ctx: _Chunk, out: list) -> None:
    """Append (kind, norm_start, norm_end, digits) for the identifiers in one chunk."""
    norm = text.norm
    bare = norm[cs:ce]
    if bare.isdigit():
        gs = [(cs, ce)]
    else:
        if HINT_RE.search(norm, cs, ce) is None:
            return
        gs = [m.span() for m in DIGITS_RE.finditer(norm, cs, ce)]
        if sum(e - s for s, e in gs) < MIN_DIGITS:
            return
    # taint: what touches the chunk on the left and right
    j = cs - 1
    while j >= 0 and j >= cs - 2 and norm[j] == " ":
        j -= 1
    phone_or_money = j >= 0 and norm[j] in _LEFT_OUT
    c1 = norm[cs - 1] if cs > 0 else " "
    # "CT-1040", "x/123..." are glued; "refund.123-45-6789" is a sentence end
    left_taint = _is_word(c1) or (c1 in _GLUE_PUNCT and cs >= 2 and _is_word(norm[cs - 2]))
    c1 = norm[ce] if ce < len(norm) else " "
    right_taint = _is_word(c1) or (
        c1 in _GLUE_PUNCT and ce + 1 < len(norm) and _is_word(norm[ce + 1])
    )
    if left_taint and norm[cs - 1] in _GLUE_PUNCT and ctx.cue_before() is not None:
        # "SSN-234567891", "EIN/12-3456789": a cue word joined on, not a longer token
        left_taint = ctx.before_end != cs - 1
    ng = len(gs)
    tainted = left_taint or right_taint or phone_or_money
    if ng == 1:
        if not tainted:
            ctx.at, ctx.why = cs, None
            kind = _classify([bare], [], ctx, True, True)
            if kind is not None:
                out.append((kind, cs, ce, bare, ctx.why))
        return
    texts = [norm[s:e] for s, e in gs]
    raw_seps = [norm[gs[i][1] : gs[i + 1][0]] for i in range(ng - 1)]
    seps = [_sep_char(r) for r in raw_seps]
    if not tainted and ng <= _MAX_PIECE_GROUPS:
        # the whole chunk as one identifier covers every digit: nothing can beat it
        ctx.at, ctx.why = cs, None
        kind = _classify(texts, seps, ctx, True, True)
        if kind is not None:
            out.append((kind, cs, ce, "".join(texts), ctx.why))
            return
    # segments: maximal runs of groups joined by punctuation separators; whitespace,
    # ", " and a bare "." between two 3+ digit groups (a sentence end) separate them
    seg_of = [0] * ng
    seg_first = [0]
    hard_cut = 0  # first segment after a sentence end or ", " (where "+1 860 ..." stops)
    for i, sp in enumerate(seps):
        dot = raw_seps[i] == "." and len(texts[i]) >= _DOT_CUT_MIN <= len(texts[i + 1])
        if sp == "" or dot:
            seg_first.append(i + 1)
            if (dot or "," in raw_seps[i] or "." in raw_seps[i]) and not hard_cut:
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

    glen = [len(t) for t in texts]

    def piece(g0: int, off0: int, g1: int, off1: int | None, first: bool | str, last: bool):
        # groups g0..g1; off0 digits dropped from g0's front, g1 cut at off1 (None = whole)
        lens = glen[g0 : g1 + 1]
        if off1 is not None:
            lens[-1] = off1
        if off0:
            lens[0] -= off0
        if not _shape_possible(lens):
            return None
        parts = texts[g0 : g1 + 1]
        if off1 is not None:
            parts[-1] = parts[-1][:off1]
        if off0:
            parts[0] = parts[0][off0:]
        s = gs[g0][0] + off0
        ctx.at, ctx.why = s, None
        kind = _classify(parts, seps[g0:g1], ctx, first, last)
        if kind is None:
            return None
        e = gs[g1][1] if off1 is None else gs[g1][0] + off1
        return (kind, s, e, "".join(parts), ctx.why)

    # pieces made of whole segments; a running digit count skips the pieces no shape
    # can take (fewer than MIN_DIGITS or more than CARD_MAX digits) without building them
    seg_digits = [sum(glen[seg_first[k] : seg_last[k] + 1]) for k in range(nseg)]
    for a in range(lo_seg, hi_seg + 1):
        g0 = seg_first[a]
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
            # after ", " and a segment that could be an identifier itself: a list
            first = a == 0 or (
                "listed"
                if "," in raw_seps[g0 - 1] and sum(glen[seg_first[a - 1] : g0]) >= MIN_DIGITS
                else False
            )
            f = piece(g0, 0, g1, None, first, b == nseg - 1)
            if f is not None:
                items[a].append((b, len(f[3]), (f,)))
    # two identifiers glued inside one digit run
    for gi in range(ng):
        sg = seg_of[gi]
        if sg < lo_seg or sg > hi_seg:
            continue
        size = glen[gi]
        if size < GLUE_MIN_RUN:
            continue
        cuts: set[int] = set()
        if gi + 1 < ng and seps[gi] != "":
            cuts.update(size - m for m in GLUE_LEAD if size - m > 0)
        if gi > 0 and seps[gi - 1] != "":
            cuts.update(m for m in GLUE_TAIL if m < size)
        # digits of groups gi+1.. in gi's segment, and of gi's segment before gi
        tail = sum(glen[gi + 1 : seg_last[sg] + 1])
        head = sum(glen[seg_first[sg] : gi])
        for k in sorted(cuts):
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


def _repeats(norm: str, chunks: list[tuple[int, int]], raw: list) -> list:
    """The same number again in another form ("412-08-3317, i.e. 412083317"): a tight
    digit group (digits joined by single punctuation) elsewhere whose digits are a
    found identifier's is that identifier too. One sweep: chunks and raw are in order."""
    kinds: dict[str, str] = {}
    for kind, _s, _e, digits, _why in raw:
        kinds.setdefault(digits, kind)
    out: list = []
    j = 0
    n = len(raw)
    for cs, ce in chunks:
        for m in TIGHT_RE.finditer(norm, cs, ce):
            s, e = m.span()
            digits = m.group().replace("-", "").replace(".", "").replace("/", "")
            kind = kinds.get(digits)
            if kind is None:
                continue
            while j < n and raw[j][2] <= s:
                out.append(raw[j])
                j += 1
            if j < n and raw[j][1] < e:
                continue  # overlaps a finding
            if out and out[-1][2] > s:
                continue
            out.append((kind, s, e, digits, ("repeat",)))
    out.extend(raw[j:])
    return out


def explain(text: str) -> list[tuple[Finding, str]]:
    """scan(text), each finding with the reason it was found: the cue and its scope, or
    the shape alone (for `python -m app.pii --explain`)."""
    out: list[tuple[Finding, str]] = []
    scan(text, explain=out)
    return out


def scan(text: str, explain: list | None = None) -> list[Finding]:
    """Find tax identifiers in `text`: a list of Findings in text order, never overlapping,
    with offsets into the original string (code points)."""
    if not isinstance(text, str):
        raise TypeError("scan() expects a str")
    norm, starts = normalise(text)
    norm, starts, ends = rewrite(norm, starts, None)
    raw: list = []
    text_ctx = None
    size = len(norm)
    spans = [m.span() for m in CLAIM_RE.finditer(norm)]
    if "[" in norm:
        placeholders = [m.span() for m in PLACEHOLDER_RE.finditer(norm)]
        if placeholders:
            spans = sorted(spans + placeholders)
    last = len(spans) - 1
    prev = None
    chunks: list[tuple[int, int]] = []
    for i, (cs, ce) in enumerate(spans):
        # chunks of 9+ characters; placeholders ("[... removed]") only separate numbers
        if MIN_DIGITS <= ce - cs <= MAX_CHUNK and norm[cs] != "[":
            pe = spans[i - 1][1] if i else 0
            nx, nxe = spans[i + 1] if i < last else (size, size)
            if text_ctx is None:
                text_ctx = _Text(norm, starts, text)
            prev = _Chunk(text_ctx, cs, ce, pe, nx, nxe, prev)
            _scan_chunk(text_ctx, cs, ce, prev, out=raw)
            chunks.append((cs, ce))
        else:
            prev = None
    if raw and len(chunks) > 1:
        raw = _repeats(norm, chunks, raw)
    found = []
    for kind, s, e, digits, _why in raw:
        if starts is not None:
            s, e = starts[s], (starts[e - 1] + 1 if ends is None else ends[e - 1])
        found.append(Finding(kind, s, e, mask(kind, digits), digits[-4:]))
    if explain is not None:
        explain.extend((f, _reason(r[4], r[0], text_ctx)) for f, r in zip(found, raw, strict=True))
    return found


# what a cue kind lets a number be
_CUE_GIVES = {
    "ssn": ("ssn", "itin"),
    "itin": ("ssn", "itin"),
    "taxid": ("ssn", "itin", "fein"),
    "fein": ("fein",),
    "routing": ("routing",),
    "ct": ("ct_tax_reg",),
}
_SHAPES = {
    "ssn": "its shape alone: three, two and four digits, valid as a Social Security number",
    "itin": "its shape alone: three, two and four digits in the ITIN ranges",
    "fein": "its shape alone: two digits, a hyphen and seven, with a valid prefix",
    "card": "its shape alone: a card number's length and prefix and a valid check digit",
    "ct_tax_reg": "its shape alone: a 7-digit base, a hyphen and a location code 000-009",
}


def _reason(why: tuple | None, kind: str, text: _Text | None) -> str:
    """Why a finding was found, in words (cue words are quoted; numbers never are)."""
    if why is None or text is None or kind not in _CUE_GIVES.get(why[-1] or "", ()):
        if why and why[0] == "repeat":
            return "the same digits as an identifier found elsewhere in the message"
        return _SHAPES.get(kind, "its shape alone")
    norm = text.norm
    if why[0] == "before" and why[1] is not None:
        s, e = why[1]
        return f'the cue "{norm[s:e]}" ({why[-1]}) before it, in the same sentence or clause'
    if why[0] == "before":
        return "its place between two check-line transit marks (a MICR routing field)"
    if why[0] == "after":
        s, e = why[1], why[2]
        return f'the cue "{norm[s:e]}" ({why[-1]}) after it, in the same sentence or clause'
    if why[0] == "carried":
        return f"the cue ({why[-1]}) of the number it is listed with, just before it"
    note = text.note(why[1])
    if why[0] == "scope":
        return f"its scope: {note}" if note else "its scope"
    return f"the message's topic ({why[-1]}): {note}" if note else "the message's topic"
