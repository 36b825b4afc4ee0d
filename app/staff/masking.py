"""What readers see of a visitor's text: every identifier masked (***-**-6789).

Masked at display time whatever the visitor chose, so a number they reported as "not a
tax number" is masked too; an admin may reveal the text, with a reason.
"""

from app import detection


def masked(text: str | None) -> str | None:
    if not text:
        return text
    return detection.masked(text)
