"""What the form found in a visitor's text, how it is named, and how it is taken out.

The detector (app.pii) finds the numbers; this module adds what the contact flow needs
across requests: which field a number is in, a keyed fingerprint so a visitor can say
"this is not a tax number" about one finding without its digits travelling anywhere but
in the message itself, and the words used on the page.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass

from flask_babel import gettext

from app import detection
from app.i18n import current_language
from app.pii import (
    WORDING,
    Finding,
    describe,
    kind_label,
    removal_label,
    remove,
    replace_findings,
)
from app.validators import fingerprint_of

_FINGERPRINT = re.compile(r"^[0-9a-f]{20}$")


@dataclass(frozen=True)
class FieldFinding:
    field: str
    finding: Finding
    fingerprint: str

    @property
    def kind(self) -> str:
        return self.finding.kind

    @property
    def label(self) -> str:
        """What it is, e.g. "Social Security number", in the page's language."""
        return kind_label(self.kind, current_language())

    @property
    def named(self) -> str:
        """E.g. "a Social Security number", "un número de Seguro Social"."""
        return with_article(self.kind, current_language())

    @property
    def where(self) -> str:
        """E.g. "Ending in 6789, in your message"."""
        if self.field == "name":
            return gettext("Ending in %(last4)s, in your name", last4=self.finding.last4)
        return gettext("Ending in %(last4)s, in your message", last4=self.finding.last4)

    @property
    def description(self) -> str:
        """E.g. "a Social Security number ending in 6789" (+ "in your name" off the message)."""
        text = describe(self.finding, current_language())
        if self.field == "message":
            return text
        return gettext("%(finding)s in your name", finding=text)


def valid_fingerprints(values: list[str]) -> set[str]:
    return {v for v in values if _FINGERPRINT.match(v)}


def in_fields(fields: dict[str, str], findings: dict[str, list[Finding]]) -> list[FieldFinding]:
    """The findings of each free-text field (the form's TaxIdentifiers validator found
    them, dismissed numbers already left out), named by field and fingerprinted."""
    return [
        FieldFinding(field, finding, fingerprint_of(text, finding))
        for field, text in fields.items()
        for finding in findings.get(field, [])
    ]


def remove_identifiers(
    fields: Mapping[str, str], findings: list[FieldFinding], language: str
) -> dict[str, str]:
    """The fields with each finding replaced by a plain label in ``language``.

    For example "[Social Security number removed]": nothing of the number is left.
    """
    return {
        field: remove(text, [f.finding for f in findings if f.field == field], language)
        for field, text in fields.items()
    }


def with_article(kind: str, language: str) -> str:
    """ "a Social Security number", "un número de Seguro Social"."""
    label = kind_label(kind, language)
    wording = WORDING.get(language)
    if wording is not None:
        return f"{wording['articles'][kind]} {label}"
    return ("an " if label[0].lower() in "aeiou" else "a ") + label


def in_words(items: list[str]) -> str:
    """ "a, b and c", in the page's language."""
    if len(items) == 1:
        return items[0]
    return gettext("%(items)s and %(last)s", items=", ".join(items[:-1]), last=items[-1])


def heading_for(findings: list[FieldFinding]) -> str:
    """E.g. "Your message may include a Social Security number and a bank routing number"."""
    language = current_language()
    kinds = list(dict.fromkeys(f.kind for f in findings))
    listed = in_words([with_article(k, language) for k in kinds])
    return gettext("Your message may include %(findings)s", findings=listed)


def dismissed_signatures(fields: dict[str, str], dismissed: set[str]) -> list[str]:
    """Kind and masked form ("ssn:***-**-6789") of each number in the message that the
    visitor said is not a tax number: the live hint leaves these alone. Masked, so the
    page carries nothing of the number beyond its last four digits."""
    text = fields.get("message", "")
    marks = []
    for finding in detection.findings(text):
        if fingerprint_of(text, finding) in dismissed:
            marks.append(f"{finding.kind}:{finding.masked}")
    return marks


@dataclass(frozen=True)
class PreviewPart:
    text: str
    finding: FieldFinding | None = None  # set on a removal label


def preview_removal(text: str, findings: list[FieldFinding]) -> list[PreviewPart]:
    """The message as "Remove the numbers and send" would send it, in parts: the
    visitor's text, and each removal label with the finding it replaces. Joined, the
    parts are exactly what remove_identifiers stores."""
    by_finding = {id(f.finding): f for f in findings}
    labels: list[FieldFinding] = []

    def placeholder(finding: Finding) -> str:
        labels.append(by_finding[id(finding)])
        return f"\x00{len(labels) - 1}\x00"

    # The cleaned text holds no NUL (clean_multiline drops control characters).
    marked = replace_findings(text, [f.finding for f in findings], placeholder)
    parts = []
    for i, piece in enumerate(marked.split("\x00")):
        if i % 2 == 0:
            if piece:
                parts.append(PreviewPart(piece))
        else:
            finding = labels[int(piece)]
            parts.append(PreviewPart(removal_label(finding.kind, current_language()), finding))
    return parts
