"""Tax-identifier detector: pure Python, no Flask.

    >>> from app.pii import scan, describe, remove
    >>> [f.kind for f in scan("My SSN is 078-05-1121")]
    ['ssn']

`scan(text)` returns Findings (kind, start, end, masked, last4) in text order, never
overlapping; offsets index the original string. The browser twin is
app/static/js/pii.mjs; both read the rules in app/static/js/pii-rules.json.
"""

from ._engine import (
    Finding,
    describe,
    explain,
    mask,
    removal_label,
    remove,
    replace_findings,
    scan,
)
from ._rules import KIND_LABELS, KINDS, WORDING, kind_label

__all__ = [
    "KINDS",
    "KIND_LABELS",
    "WORDING",
    "Finding",
    "describe",
    "explain",
    "kind_label",
    "mask",
    "removal_label",
    "remove",
    "replace_findings",
    "scan",
]
