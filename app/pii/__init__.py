"""Tax-identifier detector: pure Python, no Flask.

    >>> from app.pii import scan, describe, remove
    >>> [f.kind for f in scan("My SSN is 078-05-1121")]
    ['ssn']

`scan(text)` returns Findings (kind, start, end, masked, last4) in text order, never
overlapping; offsets index the original string. The browser twin is
app/static/js/pii.mjs; both read the rules in app/static/js/pii-rules.json (the
browser through the generated pii-rules.mjs: python -m app.pii.build).

Modules, by meaning (each mirrored in the twin): _normalise and _rewrite (the text
as it is matched), _checks (number checks), _cues and _scopes (which cue a number
takes, and in what scope), _pieces (cutting digit chunks into identifier-shaped
pieces), _wording (Finding, mask, describe, remove) and _engine (scan, explain).
Where a current mypyc build of them exists (`make native`), _native loads it instead;
the findings are the same (see README.md, "Speed").
"""

from . import _native  # noqa: F401  (first: it decides where the modules below come from)
from ._engine import explain, scan
from ._rules import KIND_LABELS, KINDS, WORDING, kind_label
from ._wording import Finding, describe, mask, removal_label, remove, replace_findings

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
