"""How long messages are kept, and the purge that deletes their content on schedule.

The same rules drive `flask purge`, the admin pages' "due for deletion" figures and the
privacy page's section on keeping messages, so what we say is what we do.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from flask import current_app
from sqlalchemy import and_, func, or_, select, update

from app.contact.service import forget_warned_forms
from app.extensions import db
from app.models import Reply, Submission


@dataclass(frozen=True)
class RetentionRules:
    """Days a message's content is kept, counted from the reply (or closing) or arrival."""

    replied_days: int  # replied or closed
    identifiers_days: int  # sent with identifiers ("as written"), after the reply
    unreplied_days: int  # never replied to

    @classmethod
    def from_config(cls, config=None) -> "RetentionRules":
        config = config if config is not None else current_app.config
        return cls(
            replied_days=int(config["RETENTION_REPLIED_DAYS"]),
            identifiers_days=int(config["RETENTION_IDENTIFIERS_DAYS"]),
            unreplied_days=int(config["RETENTION_UNREPLIED_DAYS"]),
        )


@dataclass(frozen=True)
class DueCounts:
    replied: int
    identifiers: int
    unreplied: int

    @property
    def total(self) -> int:
        return self.replied + self.identifiers + self.unreplied


def _answered_on():
    return func.coalesce(Submission.replied_on, Submission.closed_on)


def _conditions(rules: RetentionRules, on: date) -> dict:
    answered = _answered_on()
    return {
        "identifiers": and_(
            Submission.has_identifiers.is_(True),
            answered <= on - timedelta(days=rules.identifiers_days),
        ),
        "replied": and_(
            Submission.status.in_(("replied", "closed")),
            answered <= on - timedelta(days=rules.replied_days),
        ),
        "unreplied": and_(
            answered.is_(None),
            Submission.received_on <= on - timedelta(days=rules.unreplied_days),
        ),
    }


def due_counts(on: date, rules: RetentionRules | None = None) -> DueCounts:
    """How many messages' content is due for deletion on ``on``, by rule (for admins)."""
    rules = rules or RetentionRules.from_config()
    conditions = _conditions(rules, on)
    live = Submission.purged_on.is_(None)

    def count(*where) -> int:
        return db.session.scalar(select(func.count(Submission.id)).where(live, *where)) or 0

    identifiers = count(conditions["identifiers"])
    # each message is counted under the first rule that applies to it
    replied = count(conditions["replied"], ~conditions["identifiers"])
    unreplied = count(conditions["unreplied"])
    return DueCounts(replied=replied, identifiers=identifiers, unreplied=unreplied)


def purge_expired(on: date, rules: RetentionRules | None = None) -> int:
    """Delete the content of every message past its time; keep a content-free stub.

    The name, e-mail, message and reply texts are set to NULL (with SQLite's
    secure_delete the old bytes are overwritten, not left in free pages); reference,
    dates, topic, status and kinds stay for statistics. Returns how many were purged.
    Commits.
    """
    rules = rules or RetentionRules.from_config()
    due = select(Submission.id).where(
        Submission.purged_on.is_(None), or_(*_conditions(rules, on).values())
    )
    ids = list(db.session.scalars(due))
    if ids:
        db.session.execute(update(Reply).where(Reply.submission_id.in_(ids)).values(body=None))
        db.session.execute(
            update(Submission)
            .where(Submission.id.in_(ids))
            .values(
                name=None,
                email=None,
                message=None,
                has_identifiers=False,
                send_key_hash=None,
                purged_on=on,
            )
        )
    # The contact form's "already counted" markers are only needed for the day.
    forget_warned_forms(before=on - timedelta(days=1))
    db.session.commit()
    if ids and db.engine.dialect.name == "sqlite":
        # Fold the write-ahead log into the file so no old page lingers beside it.
        # (Outside any transaction: a raw connection, which on SQLite is in autocommit.)
        connection = db.engine.raw_connection()
        try:
            connection.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            connection.close()
    return len(ids)
