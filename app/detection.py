"""The site's use of the detector (app.pii), with a safety net.

scan() is built and tested never to raise (tests/pii/test_pii_properties.py, the seeded
parity tests), but a visitor must not pay for a fault in it with their message, nor a
reader see a number because of one. If it raises, the exception's type and the line it
came from are logged (never the text), and:

- checking what someone typed (the contact form, a reply) goes on as if nothing had
  been found: the browser's live check has already had its say, and the message is kept
  for reply only, encrypted, as every message is;
- masking for readers fails closed: every digit of the text is masked.
"""

import re

from flask import current_app

from app import raised_at
from app.pii import Finding, replace_findings, scan

_DIGIT_RE = re.compile(r"\d")


def findings(text: str) -> list[Finding]:
    """scan(text), or no findings (logged) if the detector fails."""
    try:
        return scan(text)
    except Exception as error:  # any fault: see the module's docstring
        _log(error, "checked as if it held no tax number")
        return []


def masked(text: str) -> str:
    """text with every identifier masked (***-**-6789), or every digit if the detector
    fails (logged)."""
    try:
        found = scan(text)
    except Exception as error:  # any fault
        _log(error, "every digit masked")
        return _DIGIT_RE.sub("*", text)
    return replace_findings(text, found, lambda finding: finding.masked)


def _log(error: Exception, outcome: str) -> None:
    current_app.logger.error(
        "The tax-number detector failed (%s at %s): the text was %s",
        type(error).__name__,
        raised_at(error),
        outcome,
    )
