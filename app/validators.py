"""Form validators shared by the site's forms.

TaxIdentifiers is the design's "form validators detect SSNs, FEINs and CT tax
registration numbers and warn the user before sending": a free-text field gets the
check by adding one validator, and the form (a ChecksIdentifiers) says what was found
and whether it stopped for it.
"""

import hashlib
import hmac
import unicodedata
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from typing import cast

from flask import current_app
from flask_babel import lazy_gettext as _l
from wtforms import Field, ValidationError

from app import detection
from app.pii import Finding


def _digits(text: str) -> str:
    return "".join(str(unicodedata.digit(ch)) for ch in text if ch.isdigit())


def fingerprint(kind: str, digits: str) -> str:
    """A keyed hash that names one number without showing it (HMAC with SECRET_KEY)."""
    key = current_app.config["SECRET_KEY"].encode("utf-8")
    return hmac.new(key, f"{kind}:{digits}".encode(), hashlib.sha256).hexdigest()[:20]


def fingerprint_of(text: str, finding: Finding) -> str:
    """The fingerprint of one finding in the text it was found in."""
    return fingerprint(finding.kind, _digits(text[finding.start : finding.end]))


class TaxIdentifiers:
    """Find tax identifiers (app.pii) in the field's text.

    What it finds is kept on the field (``field.identifier_findings``) and, for every
    field, on the form (``form.identifier_findings``). Numbers the person has said are
    not tax numbers (their fingerprints in the form's ``identifiers_dismissed``) are
    neither kept nor reported again. It stops the form, with ``message``, only while the
    person has not chosen what to do about them (the form's ``identifiers_chosen`` is
    false). A field already in error is left alone: its own error comes first, as it did
    before the numbers were looked for.
    """

    def __init__(self, message: str | None = None) -> None:
        self.message = message if message is not None else _l("This may include a tax number")

    def __call__(self, form, field: Field) -> None:
        text = field.data or ""
        found = detection.findings(text)
        dismissed: AbstractSet[str] = getattr(form, "identifiers_dismissed", frozenset())
        if found and dismissed:
            found = [f for f in found if fingerprint_of(text, f) not in dismissed]
        field.identifier_findings = found
        field.held_for_identifiers = False
        if found and not field.errors and not getattr(form, "identifiers_chosen", False):
            field.held_for_identifiers = True
            raise ValidationError(self.message)


class ChecksIdentifiers:
    """Mixed into a form whose fields use TaxIdentifiers."""

    # Set by the view before validate(): the person has already chosen (send anyway,
    # remove the numbers, edit), so findings are recorded but do not stop the form.
    identifiers_chosen = False
    # Set by the view before validate(): fingerprints (see fingerprint()) of numbers the
    # person said are not tax numbers; they are not found again.
    identifiers_dismissed: AbstractSet[str] = frozenset()

    def _each_field(self) -> Iterable[Field]:
        return cast("Iterable[Field]", self)  # mixed into a form, which yields its fields

    @property
    def identifier_findings(self) -> list[Finding]:
        return [
            f for field in self._each_field() for f in getattr(field, "identifier_findings", [])
        ]

    def held_for_identifiers(self) -> bool:
        """validate() failed only because of tax identifiers the person has to decide on."""
        fields = list(self._each_field())
        held = [field for field in fields if getattr(field, "held_for_identifiers", False)]
        others = [field for field in fields if field.errors and field not in held]
        return bool(held) and not others and all(len(field.errors) == 1 for field in held)
