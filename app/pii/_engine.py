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

import re

from ._checks import _fits, _ssn_or_itin, _typo_keys, _typo_of
from ._cues import _Chunk, _Text, digits_of
from ._normalise import normalise
from ._pieces import _ASCII_LETTERS, _BASE_DIGITS, _scan_chunk, ct_base
from ._rewrite import rewrite
from ._rules import (
    CT_NO_CUE_LOC,
    INSTITUTION_BETWEEN_RE,
    INSTITUTION_OWNER_RE,
    INSTITUTION_REACH,
    LAST_FOUR_OTHER_RE,
    LAST_FOUR_RE,
    LAST_FOUR_REACH,
    MAX_CHUNK,
    MIN_DIGITS,
    PAYER_AGENCY_RE,
    PAYER_AGENCY_REACH,
    PAYER_FORM_AFTER,
    PAYER_FORM_BEFORE,
    PAYER_FORM_RE,
    PAYER_OWN_RE,
    PAYER_REACH,
    PAYER_SSN_WRITTEN_RE,
    PAYER_WORD,
    PLACEHOLDER_RE,
    SENTENCE_END_RE,
    TIGHT_RE,
    claim_spans,
)
from ._wording import Finding, mask, removal_label

# what a tight group's digits are joined by (rules.tight_group), taken out of it
_TIGHT_SEPARATORS = str.maketrans("", "", "-./ ,")


def _tight_digits(norm: str, cs: int, ce: int) -> list[str]:
    """The digits of each tight group of norm[cs:ce], in two C-level passes."""
    return "\n".join(TIGHT_RE.findall(norm, cs, ce)).translate(_TIGHT_SEPARATORS).split("\n")


def _sibling(digits: str, bases: set[str]) -> bool:
    """Is digits another location's number of a CT registration found in the message: a
    found CT number's 7-digit base and a location code starting 00 ("Downtown is
    5531087 000 and the Hamden store 5531087001")?"""
    return (
        len(digits) == _BASE_DIGITS + 3
        and digits[:_BASE_DIGITS] in bases
        and digits[_BASE_DIGITS:].startswith(CT_NO_CUE_LOC)
    )


def _last_fours(text_ctx: _Text, chunks: list[tuple[int, int]], raw: list) -> list:
    """raw with each chunk of nine digits no finding holds that ends in the four digits
    the writer gave as a Social Security number's last four added as that SSN (or ITIN,
    by its digits): "the last four of my social are 9841 ... you probably need the whole
    thing it's 489749841" (last_four; not a card's or an account's last four:
    last_four_other)."""
    low, norm = text_ctx.low, text_ctx.norm
    if not chunks or ("last" not in low and "end" not in low):  # (last_four's words)
        return raw
    tails: set[str] = set()
    for m in LAST_FOUR_RE.finditer(low):
        if LAST_FOUR_OTHER_RE.search(low, max(0, m.start() - LAST_FOUR_REACH), m.start(1)) is None:
            tails.add(m.group(1))
    if not tails:
        return raw
    added = []
    k, n = 0, len(raw)  # raw and chunks are in order: the first finding not before cs
    for cs, ce in chunks:
        while k < n and raw[k][2] <= cs:
            k += 1
        if k < n and raw[k][1] < ce:
            continue  # a finding holds it
        digits = digits_of(norm, cs, ce)
        if len(digits) != MIN_DIGITS or digits[-4:] not in tails:
            continue
        kind = _ssn_or_itin(digits)
        if kind is not None:
            added.append((kind, cs, ce, digits, ("last four",)))
    return sorted(raw + added, key=lambda r: r[1]) if added else raw


def _lone_bases(norm: str, lone: list[tuple[int, int]], raw: list) -> list:
    """raw with each 7-digit base alone (lone) that is a found CT registration's base
    added as that registration ("The certificate just says 6136496. So Hamden would be
    6136496-000")."""
    bases = {
        r[3][:_BASE_DIGITS] for r in raw if r[0] == "ct_tax_reg" and len(r[3]) == _BASE_DIGITS + 3
    }
    added = [
        ("ct_tax_reg", cs, ce, norm[cs:ce], ("base",)) for cs, ce in lone if norm[cs:ce] in bases
    ]
    return sorted(raw + added, key=lambda r: r[1]) if added else raw


def _known(
    digits: str, kinds: dict[str, str], bases: set[str], typos: _Typos
) -> tuple[str, str] | None:
    """The kind of a tight group's digits by the identifiers found (kinds: their digits;
    bases: the found CT numbers' bases; typos: _typo_index(kinds)), and why: the same
    number again, or another location of a found CT registration."""
    kind = kinds.get(digits)
    if kind is not None:
        return kind, "repeat"
    if _sibling(digits, bases):
        return "ct_tax_reg", "location"
    kind = _mistyped(digits, kinds, typos)
    return (kind, "typo") if kind is not None else None


# each _typo_keys key of the found numbers: the numbers that have it, with their places
# in kinds
_Typos = dict[str, list[tuple[int, str]]]


def _typo_index(kinds: dict[str, str]) -> _Typos:
    """The found identifiers' digits by their _typo_keys, each with its place in kinds."""
    typos: _Typos = {}
    for i, found in enumerate(kinds):
        for key in _typo_keys(found):
            typos.setdefault(key, []).append((i, found))
    return typos


def _mistyped(digits: str, kinds: dict[str, str], typos: _Typos) -> str | None:
    """The kind of the first found identifier whose digits these are with one or two
    digits changed (_typo_of), if they pass that kind's checks too: the wrong number and
    the right one side by side ("The payment memo shows 7322536002 instead of our
    registration number 7362536002"). Only the found numbers that share a _typo_keys key
    with digits can be such a one, so a message of many numbers is not quadratic."""
    first = len(kinds)
    kind: str | None = None
    for key in _typo_keys(digits):
        for i, found in typos.get(key, ()):
            if i < first and _typo_of(found, digits) and _fits(kinds[found], digits):
                first = i
                kind = kinds[found]
    return kind


def _any_known(groups: list[str], kinds: dict[str, str], bases: set[str], typos: _Typos) -> bool:
    """Are any of the tight groups' digits a found identifier's, or another location of
    a found CT registration's?"""
    if not kinds.keys().isdisjoint(groups):
        return True
    if bases and any(_sibling(d, bases) for d in groups):
        return True
    return any(_mistyped(d, kinds, typos) for d in groups)


def _repeats(norm: str, chunks: list[tuple[int, int]], raw: list) -> list:
    """The same number again in another form ("412-08-3317, i.e. 412083317"): a tight
    digit group (digits joined by single punctuation) elsewhere whose digits are a
    found identifier's is that identifier too, one that is another location of a
    found CT registration (_sibling) is a CT number, and one that is a found
    identifier mistyped (_mistyped) is of its kind. One sweep: chunks and raw are in
    order."""
    kinds: dict[str, str] = {}
    bases: set[str] = set()
    for kind, _s, _e, digits, _why in raw:
        kinds.setdefault(digits, kind)
        if kind == "ct_tax_reg" and len(digits) == _BASE_DIGITS + 3:
            bases.add(digits[:_BASE_DIGITS])
    typos = _typo_index(kinds)
    shortest = min(map(len, kinds))  # a group shorter than that holds fewer digits
    out: list = []
    j = 0
    n = len(raw)
    k = 0  # the first finding not before the chunk
    for cs, ce in chunks:
        while k < n and raw[k][2] <= cs:
            k += 1
        # no finding in the chunk: its tight groups' digits at once, and most chunks hold
        # no found number (none shorter than the shortest found number)
        if (k == n or raw[k][1] >= ce) and (
            ce - cs < shortest or not _any_known(_tight_digits(norm, cs, ce), kinds, bases, typos)
        ):
            continue
        for m in TIGHT_RE.finditer(norm, cs, ce):
            s, e = m.span()
            if e - s < shortest:
                continue
            digits = m.group().translate(_TIGHT_SEPARATORS)
            known = _known(digits, kinds, bases, typos)
            if known is None:
                continue
            kind, why = known
            while j < n and raw[j][2] <= s:
                out.append(raw[j])
                j += 1
            if j < n and raw[j][1] < e:
                continue  # overlaps a finding
            if out and out[-1][2] > s:
                continue
            out.append((kind, s, e, digits, (why,)))
    out.extend(raw[j:])
    return out


def explain(text: str) -> list[tuple[Finding, str]]:
    """scan(text), each finding with the reason it was found: the cue and its scope, or
    the shape alone (for `python -m app.pii --explain`)."""
    out: list[tuple[Finding, str]] = []
    scan(text, explain=out)
    return out


# what follows a digit in a keycap emoji ("4\ufe0f\u20e3"), dropped by the normaliser
_KEYCAP = "\ufe0f\u20e3"


def scan(text: str, explain: list | None = None) -> list[Finding]:
    """Find tax identifiers in `text`: a list of Findings in text order, never overlapping,
    with offsets into the original string (code points)."""
    if not isinstance(text, str):
        raise TypeError("scan() expects a str")
    found = _scan_once(text, explain)
    if found and any(_glued(text, f) for f in found):
        found = _uncovered(text, found, explain)
    return found


# how far from a finding another digit makes its removal worth a second look
_GLUE_REACH = 2


def _glued(text: str, f: Finding) -> bool:
    """Does a digit stand within _GLUE_REACH of the finding ("234-56-7891.234567891")?"""
    return any(c.isdecimal() for c in text[max(0, f.start - _GLUE_REACH) : f.start]) or any(
        c.isdecimal() for c in text[f.end : f.end + _GLUE_REACH]
    )


def _uncovered(text: str, found: list[Finding], explain: list | None) -> list[Finding]:
    """found, with the numbers its removal uncovers added.

    A number glued to one that was found can read as part of it ("SSN\n234-56-7891.
    234567891": a decimal tail) and stands alone only once the first is removed. What
    remove() would leave is scanned again, and each new finding is mapped back to the
    text, until no more appear: so a text with its findings removed holds none (the
    contact form's promise when a visitor chooses "Remove the numbers"). Each round finds
    digits outside every finding so far, so the rounds end."""
    while True:
        out: list[str] = []
        shifts: list[tuple[int, int, int]] = []  # (start in out, end in out, shift)
        pos = shift = 0
        for f in found:
            out.append(text[pos : f.start])
            label = removal_label(f.kind)
            at = f.start - shift
            out.append(label)
            shift += f.end - f.start - len(label)
            shifts.append((at, at + len(label), shift))
            pos = f.end
        out.append(text[pos:])
        rest = "".join(out)
        more_explained: list | None = [] if explain is not None else None
        more = _scan_once(rest, more_explained)
        added = []
        for i, m in enumerate(more):
            shift = 0
            inside = False
            for ls, le, after in shifts:
                if m.end <= ls:
                    break
                if m.start < le:
                    inside = True  # over a label: not a number of the text
                    break
                shift = after
            if inside:
                continue
            g = Finding(m.kind, m.start + shift, m.end + shift, m.masked, m.last4)
            added.append(g)
            if explain is not None and more_explained is not None:
                explain.append((g, more_explained[i][1] + ", once the number beside it is removed"))
        if not added:
            if explain is not None:
                explain.sort(key=lambda pair: pair[0].start)
            return found
        found = sorted(found + added, key=lambda f: f.start)


def _scan_once(text: str, explain: list | None) -> list[Finding]:
    """scan(text) without a second look at what removing its findings uncovers."""
    norm, starts = normalise(text)
    norm, starts, ends, low = rewrite(norm, starts, None)
    raw: list = []
    size = len(norm)
    spans = _lines_of_long(norm, claim_spans(norm))
    if "\t" in text:
        spans = _tab_cut(text, norm, starts, spans)
    if "[" in norm:
        placeholders = [m.span() for m in PLACEHOLDER_RE.finditer(norm)]
        if placeholders:
            spans = sorted(spans + placeholders)
    text_ctx = _Text(norm, starts, text, low)
    nexts = _next_numbers(norm, spans, size)
    prev = None
    chunks: list[tuple[int, int]] = []
    denied: set[str] = set()
    lone: list[tuple[int, int]] = []  # bases alone no label made CT numbers
    for i, (cs, ce) in enumerate(spans):
        pe = spans[i - 1][1] if i else 0
        nx, nxe = nexts[i]
        # chunks of 9+ characters; placeholders ("[... removed]") only separate numbers
        if MIN_DIGITS <= ce - cs <= MAX_CHUNK and norm[cs] != "[":
            prev = _Chunk(text_ctx, cs, ce, pe, nx, nxe, prev)
            before = len(raw)
            _scan_chunk(text_ctx, cs, ce, prev, out=raw)
            _base_before_item(text_ctx, cs, ce, (pe, nx, nxe), raw, before)
            # (a code that holds the number and a letter, an SSA claim number
            # "873-42-6965A", is denied as itself: the number alone is not)
            if len(raw) == before and not _letter_at(norm, ce) and prev.denied():
                denied.add(digits_of(norm, cs, ce))
            chunks.append((cs, ce))
        else:
            if ce - cs == _BASE_DIGITS and norm[cs:ce].isdigit():
                # a CT number's base alone, under its own label
                f = ct_base(_Chunk(text_ctx, cs, ce, pe, nx, nxe, None))
                if f is not None:
                    raw.append(f)
                else:
                    lone.append((cs, ce))
            prev = None
    raw = _last_fours(text_ctx, chunks, raw)
    if raw:
        raw = _settled(text_ctx, chunks, raw, denied)
        if lone:
            raw = _lone_bases(norm, lone, raw)
    found = _findings(text, raw, starts, ends)
    if explain is not None:
        explain.extend(
            (f, _reason(r[4], r[0], text_ctx, r[1])) for f, r in zip(found, raw, strict=True)
        )
    return found


def _form_code(norm: str, s: int, e: int) -> bool:
    """Is norm[s:e] the number of a form's name, three or four digits with letters
    hyphened on ("1099-G", "1040-ES", "CT-1040"; not a mask's "xxx-xx-6789")? A cue
    reaches over it."""
    if not 3 <= e - s <= 4 or not norm[s:e].isdigit():
        return False
    if s >= 2 and norm[s - 1] == "-" and norm[s - 2] in _ASCII_LETTERS:
        return norm[s - 2] not in "xX"
    return (
        e + 1 < len(norm)
        and norm[e] == "-"
        and norm[e + 1] in _ASCII_LETTERS
        and not norm[e + 2 : e + 3].isdigit()
    )


def _before_clock(norm: str, s: int, e: int) -> int:
    """Where the span s:e ends when the next line's clock is not taken in: before the
    line break when the span's last line is the hour of a time stamp (a transcript's
    "...ITIN, 938 56 6 0 3 1.\n14:22:31 Agent"), else e."""
    b = norm.rfind("\n", s, e)
    if b < 0 or e - b > 3 or not norm[b + 1 : e].isdigit() or not norm[e + 1 : e + 2].isdigit():
        return e
    while b > s and not "0" <= norm[b - 1] <= "9":
        b -= 1
    return b


def _tab_cut(
    text: str, norm: str, starts: list[int] | None, spans: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The spans cut at each tab of the original text, each piece from its first digit
    to its last, where other separators stand beside the tabs: a tab there parts a row's
    cells (a spreadsheet's, a TSV export's), not the digit groups of one number
    ("C4007\t4117 8073 8109 2865" is a client's code and a card number). Groups parted
    by tabs alone may be one number a cell each ("363\t89\t8270"). The normalised copy
    has made each tab a space."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        tabs: list[int] = []
        other = False
        for i in range(s, e):
            if _tab_at(text, norm, starts, i):
                tabs.append(i)
            elif not "0" <= norm[i] <= "9":
                other = True
        if not tabs or not other:
            out.append((s, e))
            continue
        _digit_pieces(norm, s, [*tabs, e], out)
    return out


def _digit_pieces(norm: str, s: int, cuts: list[int], out: list[tuple[int, int]]) -> None:
    """Append to out the pieces of norm from s cut at each of cuts (the last one the
    end; each cut character dropped), each from its first digit to its last."""
    a = s
    for i in cuts:
        lo, hi = a, i
        while lo < hi and not "0" <= norm[lo] <= "9":
            lo += 1
        while hi > lo and not "0" <= norm[hi - 1] <= "9":
            hi -= 1
        if hi > lo:
            out.append((lo, hi))
        a = i + 1


def _tab_at(text: str, norm: str, starts: list[int] | None, i: int) -> bool:
    """Is norm[i] a tab of the original text?"""
    return norm[i] == " " and text[i if starts is None else starts[i]] == "\t"


def _lines_of_long(norm: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans, each longer than MAX_CHUNK that holds a line break cut into its lines
    (a CSV pasted row under row is one claim, the line break joining them: read whole it
    would be too long to read at all), each line from its first digit to its last; and
    none taking in the hour of a time stamp on the next line (_before_clock)."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if norm.startswith(":", e):
            e = _before_clock(norm, s, e)
        if e - s <= MAX_CHUNK or norm.find("\n", s, e) < 0:
            out.append((s, e))
            continue
        breaks = []
        b = norm.find("\n", s, e)
        while b >= 0:
            breaks.append(b)
            b = norm.find("\n", b + 1, e)
        _digit_pieces(norm, s, [*breaks, e], out)
    return out


def _next_numbers(norm: str, spans: list[tuple[int, int]], size: int) -> list[tuple[int, int]]:
    """For each span, the next one that is not a form's name (_form_code), or (size,
    size): the number a cue after it may belong to instead ("823-60-9787 written on my
    1099-G is not my social security number")."""
    out = [(size, size)] * len(spans)
    nxt = (size, size)
    for i in range(len(spans) - 1, -1, -1):
        out[i] = nxt
        if not _form_code(norm, *spans[i]):
            nxt = spans[i]
    return out


def _letter_at(norm: str, i: int) -> bool:
    """Is norm[i] an ASCII letter?"""
    return i < len(norm) and ("a" <= norm[i] <= "z" or "A" <= norm[i] <= "Z")


def _settled(text_ctx: _Text, chunks: list[tuple[int, int]], raw: list, denied: set[str]):
    """The raw findings with the same number again in another form added, and without
    the numbers the writer denies or a 1099-G's payer's."""
    # (one chunk may hold it twice: "298-92-0116. 298920116")
    raw = _repeats(text_ctx.norm, chunks, raw)
    if denied:
        # a number the writer denies ("No, 306782193 is not my Social Security number")
        # is none wherever it stands, a quoted question's "The SSN you provided
        # (306782193)" included
        raw = [r for r in raw if r[3] not in denied]
    low = text_ctx.low
    raw = [
        r
        for r in raw
        if r[0] != "fein"
        or not (_department_payer(low, r[1], r[2]) or _institution_ein(low, r[1], r[2]))
    ]
    return _writers_kinds(text_ctx.norm, raw) if ">" in text_ctx.norm else raw


def _quoted_line(norm: str, s: int) -> bool:
    """Does the line holding norm[s] start with a quote prefix ("> ")?"""
    j = norm.rfind("\n", 0, s) + 1
    while j < s and norm[j] in " \t":
        j += 1
    return norm[j : j + 1] == ">"


def _writers_kinds(norm: str, raw: list) -> list:
    """The raw findings, a number found on a quoted line as one kind and on the writer's
    own lines as one other kind only taking the writer's kind: the reply corrects what
    it quotes ("> Please confirm your EIN: 996-82-1375" / "That's my ITIN ... The ITIN
    996-82-1375 is the only number I have")."""
    quoted = [_quoted_line(norm, r[1]) for r in raw]
    own: dict[str, set[str]] = {}
    for r, q in zip(raw, quoted, strict=True):
        if not q:
            own.setdefault(r[3], set()).add(r[0])
    out = []
    for r, q in zip(raw, quoted, strict=True):
        kinds = own.get(r[3], ())
        if q and len(kinds) == 1 and r[0] not in kinds:
            out.append((*kinds, r[1], r[2], r[3], ("repeat",)))
        else:
            out.append(r)
    return out


def _department_payer(low: str, s: int, e: int) -> bool:
    """Is the EIN at low[s:e] the payer's on a Form 1099-G, a government agency's ("the
    1099-G you sent lists the payer's federal ID as 23-7430452")? rules: department_payer."""
    if PAYER_SSN_WRITTEN_RE.fullmatch(low, s, e) is not None:
        return False  # (one written as an SSN is the recipient's: labels under values)
    lo, hi = max(0, s - PAYER_FORM_BEFORE), min(len(low), e + PAYER_FORM_AFTER)
    if PAYER_FORM_RE.search(low, lo, hi) is None:
        return False
    lo, hi = max(0, s - PAYER_AGENCY_REACH), min(len(low), e + PAYER_AGENCY_REACH)
    if PAYER_AGENCY_RE.search(low, lo, hi) is None:
        return False  # a pasted form's "PAYER'S TIN", whoever's it is
    before = low[max(0, s - PAYER_REACH) : s]
    if PAYER_OWN_RE.search(before) is not None:
        return False  # "... shows the wrong payer TIN. Ours is 74-5856793"
    i = before.rfind(PAYER_WORD)
    if i >= 0 and not any("0" <= c <= "9" for c in before[i:]):
        return True
    after = low[e : e + PAYER_REACH]
    j = after.find(PAYER_WORD)
    return j >= 0 and not any("0" <= c <= "9" for c in after[:j])


def _institution_ein(low: str, s: int, e: int) -> bool:
    """Is the EIN at low[s:e] an institution's, a bank's or a lender's, by the writer's
    words ("the bank's EIN, 16-0743209", "lender EIN 94-2871665", "41-7720319 <- that's
    the credit union's number")? The owner named within INSTITUTION_REACH before it (the
    last) or after it (the first), with no other number or the writer's own word
    between. rules: institution_ein."""
    last = None
    for m in INSTITUTION_OWNER_RE.finditer(low, max(0, s - INSTITUTION_REACH), s):
        last = m
    if last is not None and INSTITUTION_BETWEEN_RE.search(low, last.end(), s) is None:
        return True
    first = INSTITUTION_OWNER_RE.search(low, e, min(len(low), e + INSTITUTION_REACH))
    return first is not None and INSTITUTION_BETWEEN_RE.search(low, e, first.start()) is None


def _findings(text: str, raw: list, starts, ends) -> list[Finding]:
    """The raw findings (offsets into the normalised copy) as Findings of text."""
    found = []
    for kind, s, e, digits, _why in raw:
        if starts is not None:
            s, e = starts[s], (starts[e - 1] + 1 if ends is None else ends[e - 1])
            while e < len(text) and text[e] in _KEYCAP:
                e += 1  # "1\ufe0f\u20e3", a keycap emoji: all of the last digit
        found.append(Finding(kind, s, e, mask(kind, digits), digits[-4:]))
    return found


# a base alone, a line break and the next numbered item's number ("2139231\n2. ")
_BASE_BEFORE_ITEM_RE = re.compile("[0-9]{7}\n[0-9]{1,2}[.)][ \t]")


def _base_before_item(
    text_ctx: _Text, cs: int, ce: int, around: tuple[int, int, int], raw: list, before: int
) -> None:
    """Add to raw the CT base alone that ends a numbered item, when the chunk at cs-ce
    joined the next item's number to it over the line break and nothing was found in it
    (raw held `before` findings: "1. CT Registration #: 2139231\n2. Location code:
    ..."); around is the chunk's (pe, nx, nxe)."""
    if len(raw) == before and _BASE_BEFORE_ITEM_RE.fullmatch(text_ctx.norm, cs, ce + 2):
        pe, nx, nxe = around
        f = ct_base(_Chunk(text_ctx, cs, cs + _BASE_DIGITS, pe, nx, nxe, None))
        if f is not None:
            raw.append(f)


# what a cue kind lets a number be
_CUE_GIVES = {
    "ssn": ("ssn", "itin"),
    "itin": ("ssn", "itin"),
    "taxid": ("ssn", "itin", "fein", "ct_tax_reg"),  # (a CT number is a tax number too)
    "fein": ("fein",),
    "routing": ("routing",),
    "ct": ("ct_tax_reg",),
}
_SHAPES = {
    "ssn": "its shape alone: three, two and four digits, valid as a Social Security number",
    "itin": "its shape alone: three, two and four digits in the ITIN ranges",
    "fein": "its shape alone: two digits, a hyphen and seven, with a valid prefix",
    "card": "its shape alone: a card number's length and prefix and a valid check digit",
    "ct_tax_reg": (
        "its shape alone: a 7-digit base, a hyphen, a slash or a space, a location code 000-009"
    ),
}


# why a finding no cue gave was found, by its reason's tag: another finding of the
# message, or its place in a record
_ELSEWHERE = {
    "repeat": "the same digits as an identifier found elsewhere in the message",
    "typo": "an identifier found elsewhere in the message with one or two digits changed",
    "location": "another location code of a CT registration found elsewhere in the message",
    "base": "the base of a CT registration found elsewhere in the message",
    "last four": (
        "its last four digits, which the message gives as a Social Security number's last four"
    ),
    "nacha": "its place in an ACH file's entry detail (6) record",
    "fire b": "its place in the payee (B) record of an IRS information return file",
    "nacha file": "its place in an ACH file's file header (1) record, the immediate destination",
    "nacha origin": "its place in an ACH file's file header (1) record, the immediate origin",
    "bai2": "its place in a BAI2 bank file's header record, a bank's identification",
    "nacha batch": "its place in an ACH file's batch header (5) record, the company ID",
    "x12 company": "its place in an X12 payment's originating company ID, 1 and the company's EIN",
    "typed pair": "its place before a bank account number and the account's type, a bank's pair",
}


def _uncued_reason(why: tuple | None, kind: str, text: _Text | None) -> str:
    """Why a finding no cue gave was found: its place in a record, or its shape."""
    if why and why[0] in _ELSEWHERE:
        return _ELSEWHERE[why[0]]
    if why and why[0] == "efw2":
        return f"its place in the {why[1]} record of an EFW2 W-2 file"
    if why and why[0] == "layout":
        return f'its place in the field "{why[1]}" of a fixed-width record a sentence lays out'
    if why and why[0] == "x12":
        return f'its place after the qualifier "{why[1]}" of an X12 EDI segment'
    if why and why[0] == "card word" and text is not None:
        word = text.norm[why[1] : why[2]]
        return f'its length, prefix and check digit, and the card word "{word}" before it'
    if why and why[0] == "card after" and text is not None:
        word = text.norm[why[1] : why[2]]
        return f'its length, prefix and check digit, and the card\'s "{word}" after it'
    return _SHAPES.get(kind, "its shape alone")


def _reason(why: tuple | None, kind: str, text: _Text | None, at: int) -> str:
    """Why a finding was found, in words (cue words are quoted; numbers never are)."""
    if why is None or text is None or kind not in _CUE_GIVES.get(why[-1] or "", ()):
        return _uncued_reason(why, kind, text)
    norm = text.norm
    if why[0] == "before" and why[1] is not None:
        s, e = why[1]
        if SENTENCE_END_RE.search(norm, e, at) is not None:
            return f'the cue "{norm[s:e]}" ({why[-1]}) in the sentence before, which it answers'
        return f'the cue "{norm[s:e]}" ({why[-1]}) before it, in the same sentence or clause'
    if why[0] == "before":
        return "its place between two check-line transit marks (a MICR routing field)"
    if why[0] == "after":
        s, e = why[1], why[2]
        return f'the cue "{norm[s:e]}" ({why[-1]}) after it, in the same sentence or clause'
    if why[0] == "sibling":
        written = "a Social Security number" if why[1] == "ssn" else "a CT registration number"
        return f"the number it is listed with, written as {written}"
    if why[0] == "carried":
        return f"the cue ({why[-1]}) of the number it is listed with, just before it"
    if why[0] == "routing pair":
        return "its place before a bank account number labelled after it, a bank's pair"
    note = text.note(why[1])
    if why[0] == "scope":
        return f"its scope: {note}" if note else "its scope"
    return f"the message's topic ({why[-1]}): {note}" if note else "the message's topic"
