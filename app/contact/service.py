"""The only code that writes submissions and the contact form's counters."""

import hashlib
import hmac
import re
import secrets
from collections.abc import Iterable

from flask import current_app
from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError

from app.clock import today
from app.extensions import db
from app.models import ContactCounter, Submission
from app.models.submission import CHOICE_AS_WRITTEN, CHOICES

# Crockford-style: no 0/O or 1/I/L to misread on the phone.
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"

# How a reference looks anywhere it might be written (e.g. a desk URL in the access log).
REFERENCE_PATTERN = re.compile(
    rf"DRS-[{REFERENCE_ALPHABET}]{{4}}-[{REFERENCE_ALPHABET}]{{4}}", re.IGNORECASE
)

EVENTS = ("warned", "removed", "sent_as_written", "not_a_tax_number", "sent")


def new_reference() -> str:
    """A human-friendly random reference, e.g. DRS-7K3Q-9MPX."""
    chars = [secrets.choice(REFERENCE_ALPHABET) for _ in range(8)]
    return f"DRS-{''.join(chars[:4])}-{''.join(chars[4:])}"


def new_id() -> int:
    """A random primary key: a sequence would number messages in arrival order, which
    staff (or anyone with the database) could match with the access log's times."""
    return secrets.randbelow(2**31 - 2) + 1


def _key_hash(send_key: str) -> str:
    secret = current_app.config["SECRET_KEY"].encode("utf-8")
    return hmac.new(secret, f"send:{send_key}".encode(), hashlib.sha256).hexdigest()


def store_submission(
    *,
    topic: str,
    name: str | None,
    email: str,
    message: str,
    choice: str,
    kinds: Iterable[str],
    send_key: str | None = None,
) -> Submission:
    """Keep a message for reply, and count it. Commits; returns the stored submission.

    Only the date is kept, never the time, the visitor's address or browser, so the
    message cannot be matched with the automatic access data. A message sent again
    with the same ``send_key`` (a retry) is not stored twice: the first is returned.
    """
    if choice not in CHOICES:
        raise ValueError(f"unknown choice {choice!r}")
    kinds = sorted(set(kinds))
    key_hash = _key_hash(send_key) if send_key else None
    if key_hash and (earlier := _sent_before(key_hash)):
        # Sent before: the caller's uncommitted counts are not committed here, so the
        # request's end rolls them back and a retry is counted once.
        return earlier
    for _attempt in range(5):
        submission = Submission(
            id=new_id(),
            reference=new_reference(),
            received_on=today(),
            topic=topic,
            name=name or None,
            email=email,
            message=message,
            status="new",
            identifier_choice=choice,
            identifier_kinds=",".join(kinds),
            has_identifiers=choice == CHOICE_AS_WRITTEN,
            send_key_hash=key_hash,
        )
        try:
            with db.session.begin_nested():
                db.session.add(submission)
        except IntegrityError:
            if key_hash:
                # The same message, stored meanwhile by another worker: keep that one and
                # drop this attempt's counts, as the early return above does.
                db.session.rollback()
                if earlier := _sent_before(key_hash):
                    return earlier
            continue  # the reference (or id) was taken: draw another
        count_events("sent", [""])
        db.session.commit()
        return submission
    raise RuntimeError("could not draw a free reference")


def sent_before(send_key: str) -> Submission | None:
    """The message stored with this send key, if there is one (a repeated send)."""
    return _sent_before(_key_hash(send_key))


def _sent_before(key_hash: str) -> Submission | None:
    return db.session.scalar(select(Submission).where(Submission.send_key_hash == key_hash))


def count_events(event: str, kinds: Iterable[str], *, commit: bool = False) -> None:
    """Add one to today's counter of ``event`` for each kind (counts only, never digits)."""
    if event not in EVENTS:
        raise ValueError(f"unknown event {event!r}")
    dialect = db.session.get_bind().dialect.name
    insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
    day = today()
    for kind in kinds:
        statement = insert(ContactCounter).values(day=day, event=event, kind=kind, count=1)
        statement = statement.on_conflict_do_update(
            index_elements=["day", "event", "kind"],
            set_={"count": ContactCounter.count + 1},
        )
        db.session.execute(statement)
    if commit:
        db.session.commit()
