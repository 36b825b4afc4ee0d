"""Keeping a draft: encrypted text found by a key, forgotten after 30 minutes.

The contact form (`app/contact/drafts.py`) and the desk's replies (`app/staff/drafts.py`)
keep what was typed between their steps here; each decides what its draft holds and how
its key is derived from a random token (never from what was typed). The rows are models
with `DraftColumns` (`app/models/draft.py`).

Reads are transactions of their own that take no write lock (READ_ONLY), so a write
later in the request starts afresh. Each write is one short transaction, its content
encrypted before it starts: it deletes the table's expired drafts and saves this one.
"""

import time

import sqlalchemy as sa
from sqlalchemy import Delete, Text, delete, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from app.crypto import keyring
from app.extensions import READ_ONLY, WRITE_FIRST, affected_rows, begin, db
from app.models.draft import ContactDraft, ReplyDraft

DRAFT_SECONDS = 30 * 60

Table = type[ContactDraft] | type[ReplyDraft]


def _now() -> int:
    return int(time.time())


def read(model: Table, key: str) -> str | None:
    """The text kept under ``key`` (decrypted), unless there is none or it has expired."""
    # A read alone: on SQLite it starts with a plain BEGIN, without the write lock.
    begin(READ_ONLY)
    content = db.session.scalar(
        select(model.content).where(model.id == key, model.expires_at > _now())
    )
    # End the read here: a write then starts a transaction of its own (on SQLite, a
    # read transaction that later writes can fail at once if another writer committed
    # in between, without waiting for the lock).
    db.session.rollback()
    return content


def write(model: Table, key: str, text: str) -> None:
    """Keep ``text`` under ``key`` for another 30 minutes; forget everyone's expired
    drafts. Commits, with whatever the caller has added to the transaction (the warning
    step's counts: a warning is counted only if its page can be shown)."""
    moment = _now()
    # Encrypted here, bound as it is: no encryption while SQLite's write lock is held.
    content = sa.literal(keyring().encrypt(text), Text)
    dialect = db.session.get_bind().dialect.name
    insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
    statement = insert(model).values(id=key, content=content, expires_at=moment + DRAFT_SECONDS)
    statement = statement.on_conflict_do_update(
        index_elements=["id"],
        set_={"content": statement.excluded.content, "expires_at": statement.excluded.expires_at},
    )
    expired = delete(model).where(model.expires_at <= moment)
    begin(WRITE_FIRST)
    db.session.execute(expired)
    db.session.execute(statement)
    db.session.commit()


def delete_statement(model: Table, key: str) -> Delete:
    """The statement that forgets one draft, for a caller's own transaction."""
    return delete(model).where(model.id == key)


def forget(model: Table, key: str) -> None:
    """Forget one draft now. Commits."""
    begin(WRITE_FIRST)
    db.session.execute(delete_statement(model, key))
    db.session.commit()


def purge_expired(at: int | None = None) -> int:
    """Delete every draft past its time, of every kind (for `flask purge`). Commits;
    returns how many."""
    at = _now() if at is None else at
    deleted = 0
    for model in (ContactDraft, ReplyDraft):
        deleted += affected_rows(db.session.execute(delete(model).where(model.expires_at <= at)))
    db.session.commit()
    return deleted
