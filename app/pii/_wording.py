"""Wording: the Finding itself and what is shown or put in its place — the masked
form, the description ("a Social Security number ending in 6789", in the visitor's
language) and the removal label."""

from __future__ import annotations

from dataclasses import dataclass

from ._rules import (
    CT_BASE_MAX,
    CT_LOC,
    KIND_LABELS,
    MASKS,
    WORDING,
    kind_label,
    removed_template,
)


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


def mask(kind: str, digits: str) -> str:
    """Display form that keeps only the last four digits."""
    last4 = digits[-4:]
    template = MASKS.get(kind)
    if template is not None:
        return template.replace("{last4}", last4)
    n = len(digits)
    hidden = "*" * (n - 4) + last4
    if kind == "ct_tax_reg":
        if n <= CT_BASE_MAX:  # a base alone, with no location code
            return hidden
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
