"""What the form found in a visitor's text, how it is named, and how it is taken out.

The detector (app.pii) finds the numbers; this module adds what the contact flow needs
across requests: which field a number is in, a keyed fingerprint so a visitor can say
"this is not a tax number" about one finding without its digits travelling anywhere but
in the message itself, and the words used on the page.
"""

import hashlib
import hmac
import re
import unicodedata
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from flask import current_app

from app.pii import KIND_LABELS, Finding, describe, remove, scan

FIELD_PLACES = {"name": "in your name", "message": "in your message"}
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
    def description(self) -> str:
        """E.g. "a Social Security number ending in 6789" (+ "in your name" off the message)."""
        text = describe(self.finding)
        return text if self.field == "message" else f"{text} {FIELD_PLACES[self.field]}"


def _digits(text: str) -> str:
    return "".join(str(unicodedata.digit(ch)) for ch in text if ch.isdigit())


def fingerprint(kind: str, digits: str) -> str:
    """A keyed hash that names one number without showing it (HMAC with SECRET_KEY)."""
    key = current_app.config["SECRET_KEY"].encode("utf-8")
    return hmac.new(key, f"{kind}:{digits}".encode(), hashlib.sha256).hexdigest()[:20]


def valid_fingerprints(values: list[str]) -> set[str]:
    return {v for v in values if _FINGERPRINT.match(v)}


def find_identifiers(
    fields: dict[str, str], dismissed: AbstractSet[str] = frozenset()
) -> list[FieldFinding]:
    """Every identifier in the free-text fields, except those the visitor said are not."""
    found = []
    for field, text in fields.items():
        for finding in scan(text):
            mark = fingerprint(finding.kind, _digits(text[finding.start : finding.end]))
            if mark not in dismissed:
                found.append(FieldFinding(field, finding, mark))
    return found


def remove_identifiers(fields: dict[str, str], findings: list[FieldFinding]) -> dict[str, str]:
    """The fields with each finding replaced by a plain label.

    For example "[Social Security number removed]": nothing of the number is left.
    """
    return {
        field: remove(text, [f.finding for f in findings if f.field == field])
        for field, text in fields.items()
    }


def with_article(label: str) -> str:
    return ("an " if label[0].lower() in "aeiou" else "a ") + label


def heading_for(findings: list[FieldFinding]) -> str:
    """E.g. "Your message may include a Social Security number and a bank routing number"."""
    kinds = list(dict.fromkeys(f.kind for f in findings))
    names = [with_article(KIND_LABELS[k]) for k in kinds]
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return f"Your message may include {listed}"
