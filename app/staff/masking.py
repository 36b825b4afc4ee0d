"""What readers see of a visitor's text: every identifier masked (***-**-6789).

Masked at display time whatever the visitor chose, so a number they reported as "not a
tax number" is masked too; an admin may reveal the text, with a reason.
"""

from app.pii import scan


def masked(text: str | None) -> str | None:
    if not text:
        return text
    out, last = [], 0
    for finding in scan(text):
        out.append(text[last : finding.start])
        out.append(finding.masked)
        last = finding.end
    out.append(text[last:])
    return "".join(out)


def found_in(text: str | None) -> bool:
    return bool(text) and bool(scan(text))
