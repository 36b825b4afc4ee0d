"""Flask extensions, created here and bound to the app in create_app()."""

import contextvars
import threading
import time
from typing import TYPE_CHECKING, Any, cast

from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect
from limits.storage import MemoryStorage
from sqlalchemy import MetaData, event
from sqlalchemy.engine import CursorResult, Engine, Result
from sqlalchemy.orm import Session

# Named constraints so that migrations are the same on SQLite and PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

db = SQLAlchemy(metadata=MetaData(naming_convention=NAMING_CONVENTION))

migrate = Migrate(render_as_batch=True)
csrf = CSRFProtect()


class _MemoryStorage(MemoryStorage):
    """limits' in-memory storage ("memory://", one host's default), less a thread a hit.

    The stock class forgets expired entries from a ``threading.Timer`` that it starts
    again on every hit that finds none running: in a busy worker, one thread started per
    send, and ``Thread.start()`` waits until the new thread has been scheduled (with
    four request threads sharing the GIL, milliseconds; see bench/README.md, "What a
    send costs"). Here the same clean-up runs on the hit that finds it due, at most once
    a second. Counting is the stock class's, unchanged. Registering this class under
    the "memory" scheme makes it the one ``storage_from_string("memory://")`` builds
    (the contact form's limits and the desk's sign-in throttle).
    """

    STORAGE_SCHEME = ["memory"]  # noqa: RUF012 (limits reads the class attribute)
    EXPIRE_EVERY = 1.0  # seconds

    def __init__(self, uri: str | None = None, wrap_exceptions: bool = False, **options):
        super().__init__(uri, wrap_exceptions=wrap_exceptions, **options)
        self._expire_lock = threading.Lock()
        self._expire_due = 0.0

    # The stock class calls this (name-mangled) before each change; it started the timer.
    def _MemoryStorage__schedule_expiry(self) -> None:
        now = time.time()
        if now < self._expire_due or not self._expire_lock.acquire(blocking=False):
            return
        try:
            self._expire_due = now + self.EXPIRE_EVERY
            self._MemoryStorage__expire_events()  # type: ignore[attr-defined]
        finally:
            self._expire_lock.release()


if TYPE_CHECKING:
    from sqlalchemy.orm import DeclarativeBase

    class Model(DeclarativeBase):
        """What a type checker sees of ``db.Model``: a typed SQLAlchemy declarative base
        (Flask-SQLAlchemy builds ``db.Model`` at run time, which mypy cannot follow)."""

else:
    Model = db.Model


def affected_rows(result: Result[Any]) -> int:
    """How many rows an UPDATE or DELETE run through the session changed (the session
    types every result as a plain Result; for these it is a CursorResult)."""
    return cast("CursorResult[Any]", result).rowcount


def _is_sqlite(dbapi_connection) -> bool:
    return type(dbapi_connection).__module__.startswith("sqlite3")


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection, _record) -> None:
    """Every SQLite connection: WAL so readers never wait on a writer, foreign keys on,
    and secure_delete so deleted content is overwritten in the file, not left behind.

    The driver's own transaction handling is switched off so that ``_sqlite_begin``
    decides how transactions start.
    """
    if _is_sqlite(dbapi_connection):
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.close()


# How a transaction starts on SQLite (see _sqlite_begin); call begin(...) before its first
# statement. WRITE_FIRST: its first statement writes. READ_ONLY: it never writes.
# READ_THEN_WRITE: it reads, then writes what it read, atomically (BEGIN IMMEDIATE).
# ONE_STATEMENT: it is one statement, which is its own transaction (see begin()).
WRITE_FIRST = {"drs_plain_begin": "write first"}
READ_ONLY = {"drs_plain_begin": "read only"}
READ_THEN_WRITE = {"drs_plain_begin": "read then write"}
ONE_STATEMENT = {"drs_plain_begin": "one statement"}

# Whether a transaction begun without begin(...) (SQLAlchemy's autobegin) reads only:
# set for a desk request (read_only_by_default()), which begins its writes itself.
_read_only_by_default: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "drs_read_only_by_default", default=False
)


def read_only_by_default() -> contextvars.Token[bool]:
    """From now on, a transaction that nothing began with begin(...) is READ_ONLY: on
    SQLite a snapshot, without the write lock. For the staff desk, whose pages mostly
    read: each write there begins its own transaction (begin(WRITE_FIRST) or
    begin(READ_THEN_WRITE)), which ends the read one first. Undo with the token."""
    return _read_only_by_default.set(True)


def reset_read_only_by_default(token: contextvars.Token[bool]) -> None:
    _read_only_by_default.reset(token)


def begin(options: dict[str, str]) -> None:
    """Start the session's transaction with ``options`` (WRITE_FIRST, READ_ONLY,
    READ_THEN_WRITE or ONE_STATEMENT).

    ONE_STATEMENT sends no BEGIN and no COMMIT: each statement commits itself (SQLite's
    autocommit; on PostgreSQL the connection's AUTOCOMMIT, reset when it goes back to
    the pool). For a transaction that is a single statement it is the same transaction
    with two statements fewer; on SQLite, moreover, the statement takes the write lock,
    writes and commits (the WAL synced as for a COMMIT) inside one call into SQLite, with
    Python's GIL released, so the lock is never held while the thread waits for the GIL
    between statements. The session's commit() afterwards sends nothing. Only for a
    statement that stands alone: anything run after it in the "transaction" commits on
    its own too.

    A read-only transaction still open (READ_ONLY, or begun on its own on the desk) is
    ended first when a writing one is asked for (end_reads()): on SQLite a snapshot
    that writes can fail at once, whatever the busy timeout, if another connection has
    committed since it began. Inside any other transaction already begun it changes
    nothing (that one began as it began).
    """
    session = db.session()
    if options is not READ_ONLY and session.info.get(_READING):
        end_reads()
    if not session.in_transaction():
        if options is ONE_STATEMENT and session.get_bind().dialect.name != "sqlite":
            options = {**options, "isolation_level": "AUTOCOMMIT"}
        session.connection(execution_options=options)


def execute_alone(statement, parameters: dict) -> Result[Any]:
    """Run one writing statement as its own transaction (ONE_STATEMENT) on a connection
    of its own, outside the session, and return its result (its row count kept by the
    statement's preserve_rowcount; see affected_rows()).

    The same statement and the same transaction as ``begin(ONE_STATEMENT)`` followed by
    the session's execute() and commit(), without the session: no session made for the
    request, no session transaction begun, flushed, committed and closed around a
    statement that commits itself (~300,000 instructions of a plain send). The
    connection goes back to the pool when the statement returns (on PostgreSQL its
    AUTOCOMMIT is reset then). For a caller whose session has no transaction open: one
    begun in the session stays the session's.
    """
    engine = db.engine
    options = dict(ONE_STATEMENT)
    if engine.dialect.name != "sqlite":
        options["isolation_level"] = "AUTOCOMMIT"
    with engine.connect() as connection:
        connection.execution_options(**options)
        result = connection.execute(statement, parameters)
        connection.commit()  # sends nothing: the statement committed itself
    return result


def session_in_transaction() -> bool:
    """Whether the request's session (if it has one yet) has a transaction open."""
    return db.session.registry.has() and db.session().in_transaction()


def end_reads() -> None:
    """End the session's read-only transaction, keeping what it loaded (a rollback would
    expire every object, and the next use of one would read it again). It has nothing
    to save: a change waiting in the session means a write was begun without begin()."""
    session = db.session()
    if not session.in_transaction():
        return
    if session.new or session.dirty or session.deleted:
        raise RuntimeError("a change was made in a read-only transaction: begin() its write")
    keep = session.expire_on_commit
    session.expire_on_commit = False
    try:
        session.commit()  # nothing to flush: on the database, the end of a read
    finally:
        session.expire_on_commit = keep


_READING = "drs_read_only"  # session.info: its transaction began read-only


@event.listens_for(Session, "after_begin")
def _note_read_only(session, _transaction, connection) -> None:
    session.info[_READING] = _begins_read_only(connection)


@event.listens_for(Session, "after_transaction_end")
def _forget_read_only(session, transaction) -> None:
    if transaction.parent is None:
        session.info.pop(_READING, None)


def _begins_read_only(connection) -> bool:
    plain = connection.get_execution_options().get("drs_plain_begin")
    if plain is None:
        return _read_only_by_default.get()
    return plain == READ_ONLY["drs_plain_begin"]


@event.listens_for(Engine, "begin")
def _sqlite_begin(connection) -> None:
    """Take SQLite's write lock when a transaction starts (BEGIN IMMEDIATE).

    A deferred transaction that reads and then writes must upgrade its lock, and two
    workers doing that at once fail with "database is locked" whatever the busy timeout.
    Taking the lock up front makes them queue instead, within the busy timeout.

    Two kinds of transaction start with a plain BEGIN instead. One whose first statement
    writes (WRITE_FIRST): that statement takes the write lock, waiting within the busy
    timeout just as BEGIN IMMEDIATE would (it has read nothing that could go stale), and
    the lock is held from the statement on rather than from one round trip before it.
    One that only reads (READ_ONLY): in WAL mode it reads a snapshot without the write
    lock, so it neither waits for writers nor makes them wait; on the staff desk every
    transaction not begun otherwise is one (read_only_by_default()). One statement alone
    (ONE_STATEMENT) starts none at all.
    """
    if connection.dialect.name == "sqlite":
        plain = connection.get_execution_options().get("drs_plain_begin")
        if plain == ONE_STATEMENT["drs_plain_begin"]:
            return  # no transaction around the statement: it is its own (see begin())
        immediate = plain == READ_THEN_WRITE["drs_plain_begin"] or (
            plain is None and not _read_only_by_default.get()
        )
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")
