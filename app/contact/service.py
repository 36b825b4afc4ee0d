"""The only code that writes submissions and the contact form's counters."""

import functools
import hashlib
import hmac
import secrets
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from flask import current_app
from sqlalchemy import Text
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.sql.expression import Executable

from app.clock import today
from app.crypto import keyring
from app.extensions import (
    ONE_STATEMENT,
    READ_ONLY,
    WRITE_FIRST,
    affected_rows,
    begin,
    db,
    execute_alone,
    session_in_transaction,
)
from app.models import ContactCounter, ContactWarnedForm, Submission
from app.models.submission import (
    CHOICE_AS_WRITTEN,
    CHOICES,
    EVENTS,
    new_reference,
)

# A decision's counts (app/contact/decision.py): (event, kinds), one kind per number.
Counts = Iterable[tuple[str, Iterable[str]]]


@dataclass(frozen=True)
class StoredSubmission:
    """What the caller needs of a stored message: plain values, no database object."""

    id: int
    reference: str
    topic: str


def new_id() -> int:
    """A random primary key: a sequence would number messages in arrival order, which
    staff (or anyone with the database) could match with the access log's times."""
    return secrets.randbelow(2**31 - 2) + 1


def _key_hash(send_key: str) -> str:
    secret = current_app.config["SECRET_KEY"].encode("utf-8")
    return hmac.new(secret, f"send:{send_key}".encode(), hashlib.sha256).hexdigest()


def _insert(dialect: str):
    return postgresql_insert if dialect == "postgresql" else sqlite_insert


@functools.cache
def _insert_submission(dialect: str):
    """INSERT … ON CONFLICT DO NOTHING, with the texts bound as they are.

    The encrypted columns are bound as plain text: the caller encrypts before the
    transaction, so nothing but the statement itself runs while SQLite's write lock is
    held. A conflict on the id, the reference or the send key inserts nothing (its row
    count says which happened). No RETURNING: the id is drawn by the caller, and a
    statement that returns rows is not finished (nor, alone, committed) until they have
    been fetched, back in Python.
    """
    table = Submission.__table__
    encrypted = {"name", "email", "message"}
    values = {
        name: sa.bindparam(name, type_=Text) if name in encrypted else sa.bindparam(name)
        for name in (
            "id",
            "reference",
            "received_on",
            "topic",
            "name",
            "email",
            "message",
            "status",
            "identifier_choice",
            "identifier_kinds",
            "has_identifiers",
            "send_key_hash",
            "language",
        )
    }
    statement = _insert(dialect)(table).values(values).on_conflict_do_nothing()
    # The row count of an INSERT is kept by every driver only if asked (psycopg's is
    # otherwise gone with its cursor).
    return statement.execution_options(preserve_rowcount=True)


def _encrypt(text: str | None) -> str | None:
    return None if text is None else keyring().encrypt(text)


def store_submission(
    *,
    topic: str,
    name: str | None,
    email: str,
    message: str,
    choice: str,
    kinds: Iterable[str],
    counts: Counts = (),
    send_key: str | None = None,
    language: str = "en",
    alongside: Executable | None = None,
) -> StoredSubmission:
    """Keep a message for reply, and count the visitor's choice. Commits.

    Only the date is kept, never the time, the visitor's address or browser, so the
    message cannot be matched with the automatic access data. A message sent again
    with the same ``send_key`` (a retry) is not stored or counted twice: the first is
    returned. ``kinds`` are the kinds of the numbers it is stored with or had removed;
    ``counts`` (the decision's, app/contact/decision.py) are added in the same
    transaction as the message, and only if it is stored now.

    Everything that can be done before the transaction is: the texts are encrypted, the
    key hashed and the id and reference drawn first, so that a plain send is one INSERT and a
    send that counts something an INSERT and one counter statement. A plain send's INSERT
    is its own transaction (ONE_STATEMENT: no BEGIN or COMMIT sent; on SQLite the write
    lock is taken, the row written and the WAL synced in one call into SQLite).
    Otherwise the transaction starts with that INSERT (on SQLite a deferred BEGIN: the
    INSERT takes the write lock, which is held for the statements and the commit only).
    How many messages arrive a day is the count of rows by ``received_on`` (stubs stay
    after the purge): no counter.

    ``alongside`` is a statement to run in the same transaction, once the message is
    stored (or found stored before): the contact flow deletes the visitor's draft with
    it, so that storing the message and forgetting its draft are one commit.
    """
    if choice not in CHOICES:
        raise ValueError(f"unknown choice {choice!r}")
    kinds = list(kinds)
    key_hash = _key_hash(send_key) if send_key else None
    day = today()
    values = {
        "received_on": day,
        "topic": topic,
        "name": _encrypt(name or None),
        "email": _encrypt(email),
        "message": _encrypt(message),
        "status": "new",
        "identifier_choice": choice,
        "identifier_kinds": ",".join(sorted(set(kinds))),
        "has_identifiers": choice == CHOICE_AS_WRITTEN,
        "send_key_hash": key_hash,
        "language": language,
    }
    counts = [(event, list(kinds)) for event, kinds in counts]
    _check_events(counts)
    counter = _counts_statement(counts, day)
    statement = _insert_submission(db.session.get_bind().dialect.name)
    # Nothing else to write with the message: the INSERT alone is the transaction.
    alone = counter is None and alongside is None
    if alone and not session_in_transaction():
        return _store_alone(statement, values, key_hash, topic)
    for _attempt in range(5):
        id_, reference = new_id(), new_reference()
        drawn = {"id": id_, "reference": reference}
        begin(ONE_STATEMENT if alone else WRITE_FIRST)
        rows = affected_rows(db.session.execute(statement, {**drawn, **values}))
        if rows not in (0, 1):
            # A driver that does not say whether the row went in: "not inserted" would
            # look for the message, find this very row and roll it back.
            db.session.rollback()
            raise RuntimeError(f"the INSERT's row count is unknown ({rows})")
        if rows == 0:
            # Nothing inserted: the same message stored before (a retry, or another
            # worker a moment ago), or, once in a great while, the id or reference was
            # taken.
            earlier = _sent_before(key_hash) if key_hash else None
            if earlier is not None and alongside is not None:
                db.session.execute(alongside)
                db.session.commit()
            else:
                db.session.rollback()
            if earlier is not None:
                return earlier
            continue  # the id or reference was taken: draw others
        if counter is not None:
            db.session.execute(counter)
        if alongside is not None:
            db.session.execute(alongside)
        db.session.commit()
        return StoredSubmission(id_, reference, topic)
    raise RuntimeError("could not draw a free reference")


def _store_alone(statement, values: dict, key_hash: str | None, topic: str) -> StoredSubmission:
    """A plain send when nothing is begun in the session: the INSERT, its own
    transaction, on a connection of its own (execute_alone: the same statement and
    commit without the session's machinery around it)."""
    for _attempt in range(5):
        id_, reference = new_id(), new_reference()
        rows = affected_rows(
            execute_alone(statement, {"id": id_, "reference": reference, **values})
        )
        if rows == 1:
            return StoredSubmission(id_, reference, topic)
        if rows != 0:
            raise RuntimeError(f"the INSERT's row count is unknown ({rows})")
        # Nothing inserted: the same message stored before, or the id or reference
        # taken (then draw others).
        earlier = sent_before_hash(key_hash) if key_hash else None
        if earlier is not None:
            return earlier
    raise RuntimeError("could not draw a free reference")


def sent_before(send_key: str) -> StoredSubmission | None:
    """The message stored with this send key, if there is one (a repeated send).

    A read alone, ended here: on SQLite it takes no write lock (READ_ONLY).
    """
    return sent_before_hash(_key_hash(send_key))


def sent_before_hash(key_hash: str) -> StoredSubmission | None:
    """sent_before() for the send key's hash: a read alone, ended here."""
    begin(READ_ONLY)
    found = _sent_before(key_hash)
    db.session.rollback()
    return found


def _sent_before(key_hash: str) -> StoredSubmission | None:
    table = Submission.__table__
    row = db.session.execute(
        sa.select(table.c.id, table.c.reference, table.c.topic).where(
            table.c.send_key_hash == key_hash
        )
    ).first()
    return StoredSubmission(row.id, row.reference, row.topic) if row else None


def _counts_statement(counts: Counts, day: date):
    """One statement adding to today's counters, once per kind listed under each event
    (None when there is nothing to count)."""
    listed = [(event, list(kinds)) for event, kinds in counts]
    rows = [
        {"day": day, "event": event, "kind": kind, "count": n}
        for event, kinds in listed
        for kind, n in sorted(Counter(kinds).items())
    ]
    if not rows:
        return None
    table = ContactCounter.__table__
    statement = _insert(db.session.get_bind().dialect.name)(table).values(rows)
    return statement.on_conflict_do_update(
        index_elements=["day", "event", "kind"],
        set_={"count": table.c.count + statement.excluded.count},
    )


def _check_events(counts: Counts) -> None:
    for event, _kinds in counts:
        if event not in EVENTS:
            raise ValueError(f"unknown event {event!r}")


def add_counts(counts: Counts, *, send_key: str) -> None:
    """Add a decision's counts (counts only, never digits) to the transaction, which
    they start (a write); the caller's next commit takes them, with the draft whose
    page they belong to, so a warning is counted only if its page can be shown.

    A warning is counted once per form (``send_key``) and kind, the first time the form
    warns about that kind: a form shown its warning again (a reload, a resend, a script
    posting it sixty times) adds nothing. A keyed hash of the form and kind is
    remembered for the day (one INSERT … ON CONFLICT DO NOTHING RETURNING); the other
    events, and the kinds not warned about yet, are then one counter statement.
    """
    listed = [(event, list(kinds)) for event, kinds in counts if kinds]
    _check_events(listed)
    if not listed:
        return
    day = today()
    begin(WRITE_FIRST)
    counter = _counts_statement(
        [
            (event, _first_warnings(send_key, kinds, day) if event == "warned" else kinds)
            for event, kinds in listed
        ],
        day,
    )
    if counter is not None:
        db.session.execute(counter)


def _first_warnings(send_key: str, kinds: list[str], day: date) -> list[str]:
    """Of ``kinds``, those this form has not warned about before today."""
    hashes = {kind: _warned_hash(send_key, kind) for kind in sorted(set(kinds))}
    table = ContactWarnedForm.__table__
    marker = (
        _insert(db.session.get_bind().dialect.name)(table)
        .values([{"key_hash": h, "day": day} for h in hashes.values()])
        .on_conflict_do_nothing()
        .returning(table.c.key_hash)
    )
    first_time = set(db.session.scalars(marker))
    return [kind for kind in kinds if hashes[kind] in first_time]


def _warned_hash(send_key: str, kind: str) -> str:
    secret = current_app.config["SECRET_KEY"].encode("utf-8")
    return hmac.new(secret, f"warned:{kind}:{send_key}".encode(), hashlib.sha256).hexdigest()


def forget_warned_forms(before: date) -> int:
    """Delete the counted-form markers of days before ``before`` (for `flask purge`)."""
    result = db.session.execute(sa.delete(ContactWarnedForm).where(ContactWarnedForm.day < before))
    return affected_rows(result)
