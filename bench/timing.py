"""Where a transaction's time goes, measured inside gunicorn's workers (http_bench --timing).

``install(folder)`` runs in each worker (bench/gunicorn_timing.py's post_worker_init)
and writes one JSON line per transaction to ``folder``/timing-<pid>.jsonl:

* ``what`` — the first statement's first three words ("INSERT INTO submissions");
* ``statements`` — the statements sent, BEGIN not counted;
* ``wait`` — on SQLite, the time spent getting the write lock: BEGIN IMMEDIATE's own
  time, or, after a plain BEGIN, the first writing statement's (its execution is a few
  tens of µs; the rest is the wait); on PostgreSQL, None (there is no database lock);
* ``held`` — on SQLite, from the moment the lock was had to the end of COMMIT (or
  ROLLBACK); on PostgreSQL, from the first statement to the end of COMMIT;
* ``commit`` — COMMIT's own time (the write to disk);
* ``total`` — from sending the first writing statement to the end of COMMIT: on SQLite
  the lock wait and hold together, the one figure that can be compared with a statement
  that is its own transaction (below);
* ``alone`` — true for a statement that is its own transaction (the app's
  ONE_STATEMENT): on SQLite its wait for the lock, its write and its commit happen
  inside the one call, so only ``total`` is known; on either database the COMMIT the
  session asks for afterwards sends nothing.

A worker handles a request on one thread, and a transaction runs on one connection on
that thread, so the record in progress is kept per thread. Bench code only: nothing
here is imported by the app.
"""

import json
import os
import threading
import time
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.engine.default import DefaultDialect

_WRITES = ("INSERT", "UPDATE", "DELETE")


class _Recorder:
    def __init__(self, folder: str):
        self.out = (Path(folder) / f"timing-{os.getpid()}.jsonl").open("a", buffering=1)
        self.write_lock = threading.Lock()
        self.local = threading.local()

    def before(self, _conn, _cursor, _statement, _params, _context, _many) -> None:
        self.local.statement_start = time.perf_counter()

    def after(self, conn, _cursor, statement, _params, _context, _many) -> None:
        now = time.perf_counter()
        started = self.local.statement_start
        record = getattr(self.local, "record", None)
        if record is None:
            record = self.local.record = {"statements": 0, "what": None}
        words = statement.split()
        sqlite = conn.dialect.name == "sqlite"
        record["sqlite"] = sqlite
        if words and words[0] == "BEGIN":
            if sqlite and words[1:2] == ["IMMEDIATE"]:
                record["wait"], record["locked"] = now - started, now
                record["writing"] = started
            return
        record["statements"] += 1
        if record["what"] is None:
            record["what"], record["first"] = " ".join(words[:3]), started
        if "writing" not in record and words[0] in _WRITES:
            record["writing"] = started
            # A statement that is its own transaction: on SQLite none is open once it
            # has returned (the driver's implicit BEGIN, as hello_write's, leaves one
            # open); on PostgreSQL the connection is in autocommit.
            driver = conn.connection.driver_connection
            record["alone"] = (
                not driver.in_transaction if sqlite else bool(getattr(driver, "autocommit", False))
            )
            if sqlite and "locked" not in record:
                record["wait"], record["locked"] = now - started, now

    def finish(self, ended: str, took: float) -> None:
        record = getattr(self.local, "record", None)
        self.local.record = None
        if record is None or record["what"] is None:
            return
        now = time.perf_counter()
        since = record.get("locked") if record["sqlite"] else record["first"]
        alone = record.get("alone", False)
        line = {
            "what": record["what"],
            "statements": record["statements"],
            "ended": ended,
            "alone": alone,
            "wait": record.get("wait") if record["sqlite"] and not alone else None,
            "held": None if since is None or (alone and record["sqlite"]) else now - since,
            "commit": took if ended == "commit" and not alone else None,
            "total": now - record["writing"] if "writing" in record else None,
        }
        with self.write_lock:
            self.out.write(json.dumps(line) + "\n")


def install(folder: str) -> None:
    recorder = _Recorder(folder)
    event.listen(Engine, "before_cursor_execute", recorder.before)
    event.listen(Engine, "after_cursor_execute", recorder.after)
    do_commit, do_rollback = DefaultDialect.do_commit, DefaultDialect.do_rollback

    def timed_commit(self, dbapi_connection):
        started = time.perf_counter()
        do_commit(self, dbapi_connection)
        recorder.finish("commit", time.perf_counter() - started)

    def timed_rollback(self, dbapi_connection):
        started = time.perf_counter()
        do_rollback(self, dbapi_connection)
        recorder.finish("rollback", time.perf_counter() - started)

    DefaultDialect.do_commit = timed_commit
    DefaultDialect.do_rollback = timed_rollback


_read_up_to: dict[Path, int] = {}


def read(folder: Path) -> list[dict]:
    """The records written under ``folder`` since the last call (the workers keep
    appending to their files, so each file is read on from where the last call ended)."""
    records = []
    for path in sorted(folder.glob("timing-*.jsonl")):
        with path.open("rb") as fh:
            fh.seek(_read_up_to.get(path, 0))
            data = fh.read()
        complete = data[: data.rfind(b"\n") + 1]
        _read_up_to[path] = _read_up_to.get(path, 0) + len(complete)
        records += [json.loads(line) for line in complete.splitlines() if line]
    return records
