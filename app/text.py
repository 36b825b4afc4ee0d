"""Cleaning what people type (visitors, staff) before anything else sees it."""

import re
from typing import overload

# C0 and C1 control characters except tab and newline, and the bidirectional embedding,
# override and isolate characters that can make text display differently from what it is.
_UNWANTED = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@overload
def clean_multiline(value: str) -> str: ...
@overload
def clean_multiline(value: None) -> None: ...
def clean_multiline(value: str | None) -> str | None:
    """Text with line breaks: normalise them to \\n and drop unwanted characters."""
    if value is None:
        return None
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return _UNWANTED.sub("", value).strip()


@overload
def clean_line(value: str) -> str: ...
@overload
def clean_line(value: None) -> None: ...
def clean_line(value: str | None) -> str | None:
    """One line of text (a name, an address): line breaks and tabs become spaces."""
    if value is None:
        return None
    value = re.sub(r"[\r\n\t]+", " ", value)
    return " ".join(_UNWANTED.sub("", value).split())
