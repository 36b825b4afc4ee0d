"""Finding submissions for the inbox: filters in SQL, words searched after decryption.

Names, e-mail addresses and messages are encrypted, so the database cannot search them:
they are decrypted and matched here, over the messages not yet purged (few, because
content is deleted on schedule).

Search sees exactly what the desk shows — names and messages with every identifier
masked — for every role: otherwise a search for "0-6789", "1-6789", … would tell a
reader the digits the mask hides, one at a time. An admin who needs the whole text
reveals it, with a reason, on the message's page.

Within a day, messages are listed by their random reference, never in arrival order:
nothing the desk shows may tell when in the day a message came (it would match it with
the access log).
"""

import math
from dataclasses import dataclass

from sqlalchemy import select

from app.extensions import db
from app.models import Submission
from app.models.submission import STATUSES
from app.staff.masking import masked

PAGE_SIZE = 25


@dataclass(frozen=True)
class Filters:
    status: str = ""
    topic: str = ""
    identifiers: str = ""  # "", "yes" or "no"
    language: str = ""  # "" or a language of the public site
    q: str = ""

    @classmethod
    def from_args(cls, args, topics, languages=()) -> "Filters":
        status = args.get("status", "")
        topic = args.get("topic", "")
        identifiers = args.get("identifiers", "")
        language = args.get("language", "")
        return cls(
            status=status if status in STATUSES else "",
            topic=topic if topic in topics else "",
            identifiers=identifiers if identifiers in ("yes", "no") else "",
            language=language if language in languages else "",
            q=" ".join(args.get("q", "").split())[:200],
        )

    @property
    def active(self) -> bool:
        return bool(self.status or self.topic or self.identifiers or self.language or self.q)


@dataclass(frozen=True)
class Page:
    items: list[Submission]
    number: int
    pages: int
    total: int


def _matches(submission: Submission, words: list[str]) -> bool:
    shown = (
        submission.reference,
        masked(submission.name),
        submission.email,
        masked(submission.message),
    )
    haystack = " ".join(part.casefold() for part in shown if part)
    return all(word in haystack for word in words)


def search(filters: Filters, page: int = 1) -> Page:
    """Newest day first (by reference within a day), filtered, cut into pages."""
    query = select(Submission).order_by(Submission.received_on.desc(), Submission.reference)
    if filters.status:
        query = query.where(Submission.status == filters.status)
    if filters.topic:
        query = query.where(Submission.topic == filters.topic)
    if filters.identifiers:
        query = query.where(Submission.has_identifiers.is_(filters.identifiers == "yes"))
    if filters.language:
        query = query.where(Submission.language == filters.language)
    items = list(db.session.scalars(query))
    words = filters.q.casefold().split()
    if words:
        items = [s for s in items if s.purged_on is None and _matches(s, words)]
    total = len(items)
    pages = max(1, math.ceil(total / PAGE_SIZE))
    number = min(max(1, page), pages)
    start = (number - 1) * PAGE_SIZE
    return Page(items[start : start + PAGE_SIZE], number, pages, total)
