"""What the contact form keeps: the message, for reply only, and counts for statistics.

A Submission holds nothing that links it to the automatic access data: no IP address,
user agent, session id or time of day — only the date it arrived.

The words that describe a message live here, beside it, and everything else imports
them from here: its reference, its topics, its statuses, the visitor's choices, and the
events the contact form counts.
"""

import re
import secrets
from datetime import date

from flask_babel import lazy_gettext as _l
from sqlalchemy import Boolean, Date, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.crypto import EncryptedText
from app.extensions import Model

# The most a visitor's message may hold, in characters (the form says so; the 413 page too).
MESSAGE_MAX = 5000

# A reference, e.g. DRS-7K3Q-9MPX: Crockford-style, no 0/O or 1/I/L to misread on the phone.
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
# How a reference looks anywhere it might be written (e.g. a desk URL in the access log).
REFERENCE_PATTERN = re.compile(
    rf"DRS-[{REFERENCE_ALPHABET}]{{4}}-[{REFERENCE_ALPHABET}]{{4}}", re.IGNORECASE
)


def new_reference() -> str:
    """A human-friendly random reference, e.g. DRS-7K3Q-9MPX."""
    chars = [secrets.choice(REFERENCE_ALPHABET) for _ in range(8)]
    return f"DRS-{''.join(chars[:4])}-{''.join(chars[4:])}"


def is_reference(text: str) -> bool:
    """``text`` is a reference as we write it (upper case), e.g. in a desk URL."""
    return text.isupper() and REFERENCE_PATTERN.fullmatch(text) is not None


# What a message is about, in the order the form offers them.
ACCOUNT_TOPIC = "account"  # the visitor's own tax account: answered differently
TOPICS = (
    ("website", _l("A question about the website")),
    ("forms", _l("Forms and publications")),
    ("myconnect", _l("myconneCT help")),
    ("general", _l("A general tax question")),
    (ACCOUNT_TOPIC, _l("My own tax account or a letter from DRS")),
    ("problem", _l("A problem with the site")),
    ("other", _l("Something else")),
)
TOPIC_LABELS = dict(TOPICS)

# Where a message is at the desk.
STATUS_LABELS = {"new": "New", "replied": "Replied", "closed": "Closed"}
STATUSES = tuple(STATUS_LABELS)

# The visitor's choice when the form found identifiers in their message.
CHOICE_NONE = "none"  # nothing was found (or every finding was reported not a tax number)
CHOICE_REMOVED = "removed"  # the numbers were replaced by a label before storing
CHOICE_AS_WRITTEN = "sent_as_written"  # stored as typed; the desk shows it masked
CHOICES = (CHOICE_NONE, CHOICE_REMOVED, CHOICE_AS_WRITTEN)


class Submission(Model):
    """One message. Indexed only where a query needs it (every index is written by every
    send): the reference and the send-key hash (unique), and the date (migration 0009)."""

    __tablename__ = "submissions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reference: Mapped[str] = mapped_column(String(16), unique=True)
    received_on: Mapped[date] = mapped_column(Date, index=True)
    topic: Mapped[str] = mapped_column(String(40))
    # Encrypted at rest; None once purged.
    name: Mapped[str | None] = mapped_column(EncryptedText)
    email: Mapped[str | None] = mapped_column(EncryptedText)
    message: Mapped[str | None] = mapped_column(EncryptedText)
    status: Mapped[str] = mapped_column(String(10), default="new")
    identifier_choice: Mapped[str] = mapped_column(String(20), default=CHOICE_NONE)
    # Kinds found, comma-separated (e.g. "ssn,fein"): never digits.
    identifier_kinds: Mapped[str] = mapped_column(String(80), default="")
    # True while the stored text still holds identifiers (sent as written).
    has_identifiers: Mapped[bool] = mapped_column(Boolean, default=False)
    replied_on: Mapped[date | None] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)
    purged_on: Mapped[date | None] = mapped_column(Date)
    # A keyed hash of the form's random send key: the same message sent twice is stored
    # once. It names a form, not a visitor; cleared by the purge.
    send_key_hash: Mapped[str | None] = mapped_column(String(64), unique=True, index=True)
    # The language of the page it was sent from ("en", "es"): staff reply in it.
    language: Mapped[str] = mapped_column(String(8), default="en", server_default="en")

    @property
    def kinds(self) -> list[str]:
        return [k for k in self.identifier_kinds.split(",") if k]


# What ContactCounter counts (per day and identifier kind), with the words the statistics
# use, in the order they are shown.
CONTACT_EVENTS = (
    ("warned", "Warned"),
    ("removed", "Removed"),
    ("sent_as_written", "Sent as written"),
    ("not_a_tax_number", "Reported not a tax number"),
)
EVENTS = tuple(event for event, _ in CONTACT_EVENTS)


class ContactCounter(Model):
    """How often the form warned, and what visitors chose: counts only, per day and kind."""

    __tablename__ = "contact_counters"
    __table_args__ = (UniqueConstraint("day", "event", "kind", name="uq_contact_counters_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[date] = mapped_column(Date)
    # One of EVENTS.
    event: Mapped[str] = mapped_column(String(20))
    # An identifier kind.
    kind: Mapped[str] = mapped_column(String(12), default="")
    count: Mapped[int] = mapped_column(Integer, default=0)


class ContactWarnedForm(Model):
    """A form (its random send key) already counted as warned about one kind today.

    A keyed hash of the send key and the kind: it names a form, never a visitor, and
    holds nothing typed. However often one form shows the warning page, its warning is
    counted once per kind. Rows older than yesterday are deleted by `flask purge`.
    """

    __tablename__ = "contact_warned_forms"

    key_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    day: Mapped[date] = mapped_column(Date, index=True)
