"""Load the shared rule data (app/static/js/pii-rules.json) and compile it for Python.

The JavaScript twin (app/static/js/pii.mjs) reads the same file, so every keyword,
prefix, range and regex source lives in one place.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

RULES_PATH = Path(__file__).resolve().parent.parent / "static" / "js" / "pii-rules.json"

with RULES_PATH.open(encoding="utf-8") as _fh:
    RULES: dict = json.load(_fh)

FLAGS = re.ASCII | re.IGNORECASE

CUE_WINDOW: int = RULES["cue_window"]
MAX_CUE: int = RULES["max_cue_length"]
MIN_DIGITS: int = RULES["min_digits"]
MAX_CHUNK: int = RULES["max_chunk_length"]

KIND_LABELS: dict[str, str] = dict(RULES["labels"])
KINDS: tuple[str, ...] = tuple(KIND_LABELS)
REMOVED_TEMPLATE: str = RULES["removed_template"]
# Each language's words for findings; English is the labels and template above.
WORDING: dict[str, dict] = {k: v for k, v in RULES["wording"].items() if not k.startswith("_")}


def kind_label(kind: str, language: str = "en") -> str:
    """A kind's name in ``language`` (English when the rules have none in it)."""
    wording = WORDING.get(language)
    return wording["labels"][kind] if wording else KIND_LABELS[kind]


def removed_template(language: str = "en") -> str:
    wording = WORDING.get(language)
    return wording["removed_template"] if wording else REMOVED_TEMPLATE


_chars = RULES["chars"]
ZERO_WIDTH = frozenset(_chars["zero_width"])
DASHES = frozenset(_chars["dashes"])
SPACES = frozenset(_chars["spaces"])
LINE_BREAKS = frozenset(_chars["line_breaks"])

SEP_SRC: str = RULES["separator"]

# Cue kinds in the order their alternatives are tried at one position.
CUE_KINDS: tuple[str, ...] = tuple(k for k in RULES["cues"] if not k.startswith("_"))


LANGUAGES: tuple[str, ...] = tuple(k for k in RULES["cue_lexicons"] if not k.startswith("_"))


# The cue kinds that name an identifier (what a language's negation words can negate).
IDENTIFIER_CUE_KINDS: tuple[str, ...] = ("ssn", "itin", "fein", "taxid", "ct", "routing")


def negated_cue_patterns(lang: str) -> list[str]:
    """A language's negated identifier cues: each of its 'negation' phrases ("não é meu",
    "nie jest mój", "不是我的") followed by any of its identifier cues."""
    lexicon = RULES["cue_lexicons"][lang]
    negations = lexicon.get("negation", ())
    cues = [p for kind in IDENTIFIER_CUE_KINDS for p in lexicon.get(kind, ())]
    if not negations or not cues:
        return []
    return ["(?:" + "|".join(negations) + ")(?:" + "|".join(cues) + ")"]


def cue_patterns(kind: str) -> list[str]:
    """The English cue patterns of one kind, then each language's, in rule-file order
    (a language's negated cues come first among its 'neg' patterns)."""
    out = list(RULES["cues"][kind])
    for lang in LANGUAGES:
        if kind == "neg":
            out.extend(negated_cue_patterns(lang))
        out.extend(RULES["cue_lexicons"][lang].get(kind, ()))
    return out


def _swaps(word: str) -> list[str]:
    """The word with each pair of neighbouring letters swapped (other than equal ones)."""
    return [
        word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        for i in range(len(word) - 1)
        if word[i] != word[i + 1]
    ]


def with_typos(pattern: str) -> str:
    """A cue pattern that also takes its long words with one swap of neighbouring
    letters ("scoial secuirty"): each whole word of cue_typo_words written in the
    pattern becomes an alternation of the word and its swaps. Cues are only ever
    matched in the windows around numbers, so the longer pattern costs little."""
    for word in RULES["cue_typo_words"]:
        if word not in pattern:
            continue
        variants = [word, *(v for v in _swaps(word) if v not in RULES["cue_typo_words"])]
        alt = "(?:" + "|".join(variants) + ")"
        pattern = re.sub(
            r"(?<![a-z\\\[])" + word + r"(?![a-z])", alt.replace("\\", "\\\\"), pattern
        )
    return pattern


def cue_source() -> str:
    """One alternation with a capturing group per cue kind (patterns use (?:...) only)."""
    parts = []
    for kind in CUE_KINDS:
        body = "|".join(with_typos(p) for p in cue_patterns(kind))
        parts.append(f"({body})")
    return RULES["cue_start"] + "(?<![a-z])(?:" + "|".join(parts) + ")(?![a-z])"


def placeholder_source() -> str:
    """A label left by remove(), in any language's words."""
    forms = []
    for language in ("en", *WORDING):
        labels = "|".join(re.escape(kind_label(k, language)) for k in KIND_LABELS)
        before, _, after = removed_template(language).partition("{label}")
        forms.append(re.escape(before) + "(?:" + labels + ")" + re.escape(after))
    return forms[0] if len(forms) == 1 else "(?:" + "|".join(forms) + ")"


def claim_source() -> str:
    """Every digit run (with separators) of 4+ digits: the numbers cue words attach to.
    (Placeholders left by remove() are looked for separately, with PLACEHOLDER_RE.)

    The repeat never needs to give anything back (a separator cannot start with a digit),
    so Python gets a possessive repeat: without it, sre keeps one backtracking entry per
    digit and a 1 MB digit run costs superlinear time. JavaScript has no possessive
    quantifiers and does not need them; the matches are the same."""
    sep = "(?:" + SEP_SRC + ")"
    return "[0-9](?:[0-9]|" + sep + "[0-9]){3,}+"


def hint_source() -> str:
    return RULES["shape_hint"]["source"].replace("{sep}", RULES["shape_hint"]["sep"])


# Cues are matched case-sensitively against an ASCII-lower-cased copy of the text
# (str.translate keeps offsets), which is several times faster than re.IGNORECASE.
CUE_RE = re.compile(cue_source(), re.ASCII)
HINT_RE = re.compile(hint_source(), re.ASCII)
INTRO_RE = re.compile(RULES["introducer"], re.ASCII)
SENTENCE_END_RE = re.compile(RULES["sentence_end"], re.ASCII)
SENTENCE_SOFT_RE = re.compile(RULES["sentence_end_soft"], re.ASCII)
CARRY_GAP_RE = re.compile(RULES["carry_gap"], re.ASCII)
CUE_LIST_GAP_RE = re.compile(RULES["cue_list_gap"], re.ASCII)
CARRY_MAX_GAP: int = RULES["carry_max_gap"]
PLURAL_CUE_RE = re.compile(RULES["plural_cue"], re.ASCII)
ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
# Latin letters A-Z and U+00C0-U+024F whose lower case is one character: the only
# lower-casing both twins share (cue patterns use no other upper-case letters).
LATIN_LOWER = {
    c: ord(low)
    for c in [*range(65, 91), *range(0xC0, 0x250)]
    if len(low := chr(c).lower()) == 1 and low != chr(c)
}
# Python looks for the digit claims and the placeholders separately: a pattern that
# starts with a character class lets sre skip text quickly, and most texts hold no "[".
CLAIM_RE = re.compile(claim_source(), re.ASCII)
PLACEHOLDER_RE = re.compile(placeholder_source())
DIGITS_RE = re.compile("[0-9]+", FLAGS)


def _ranges(pairs: list[list[int]], width: int) -> frozenset[str]:
    return frozenset(f"{n:0{width}d}" for lo, hi in pairs for n in range(lo, hi + 1))


ITIN_GROUPS = _ranges(RULES["itin_groups"], 2)
FEIN_PREFIXES = _ranges(RULES["fein_prefixes"], 2)
ROUTING_PREFIXES = _ranges(RULES["routing_prefixes"], 2)
ROUTING_WEIGHTS: tuple[int, ...] = tuple(RULES["routing_weights"])

SSN_BAD_AREAS = frozenset(RULES["ssn"]["bad_areas"])
SSN_BAD_AREA_FIRST = RULES["ssn"]["bad_area_first_digit"]
SSN_ADVERTISING = frozenset(RULES["ssn"]["advertising"])

_ct = RULES["ct_tax_reg"]
CT_BASE_MIN: int = _ct["base_min"]
CT_BASE_MAX: int = _ct["base_max"]
CT_LOC: int = _ct["location_length"]
CT_MAX_BASE_GROUPS: int = _ct["max_base_groups"]
CT_MIN_GROUP: int = _ct["min_group"]
CT_PHONE_GUARD: bool = _ct["phone_guard"]
CT_SEPARATORS = frozenset(_ct["separators"])
CT_ZIP_PLUS4: tuple[int, ...] = tuple(_ct["zip_plus4"])

_card = RULES["card"]
CARD_MIN: int = _card["min_length"]
CARD_MAX: int = _card["max_length"]
CARD_BRANDS: tuple[tuple[str, tuple[tuple[str, str], ...], frozenset[int]], ...] = tuple(
    (b["name"], tuple((lo, hi) for lo, hi in b["ranges"]), frozenset(b["lengths"]))
    for b in _card["brands"]
)
CARD_LAYOUTS = frozenset(tuple(x) for x in _card["layouts"])
CARD_SEPARATORS = frozenset(_card["separators"])

GLUE_MIN_RUN: int = RULES["glue"]["min_run"]
GLUE_LEAD: tuple[int, ...] = tuple(RULES["glue"]["lead_lengths"])
GLUE_TAIL: tuple[int, ...] = tuple(RULES["glue"]["tail_lengths"])

MASKS: dict[str, str] = dict(RULES["masks"])

CUE_LAYOUTS = frozenset(tuple(x) for x in RULES["cue_layouts"])
CT_NO_CUE_LOC: str = _ct["no_cue_location_prefix"]
MICR_MARKS: tuple[str, ...] = tuple(RULES["micr_marks"])
PARAGRAPH_RE = re.compile(RULES["paragraph_break"])
TIGHT_RE = re.compile(RULES["tight_group"])
