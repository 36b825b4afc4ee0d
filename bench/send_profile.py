"""What one send costs, in one process: its statements, and where its milliseconds go.

    .venv/bin/python -m bench.send_profile [--sends 300] [--db sqlite|postgresql]

No gunicorn and no concurrency (bench/http_bench.py --timing gives the figures under
load): the app on a fresh, migrated SQLite file or PostgreSQL database (created beside
the test database and dropped at the end, as the other benches do), driven by Flask's
test client.

1. The statements of each step — a plain send, the warning step (the count and the
   draft), the warning page (the draft read), a send as written from it, the same
   choice sent again — with each statement's time and how each transaction ended.
2. The wall time per plain send, then the same sends under cProfile split into the
   parts of a send (cProfile slows Python code more than C code, so the parts are
   shares, not absolute times), beside bench/hello_write.py's one INSERT.
"""

import argparse
import cProfile
import functools
import logging
import os
import pstats
import re
import sys
import tempfile
import time
from pathlib import Path

from cryptography.fernet import Fernet
from sqlalchemy import event

from tests.support.servers import PostgresDatabase

TOKEN = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
SEND_KEY = re.compile(r'name="send_key"[^>]*value="([^"]+)"')
FIELDS = {"name": "Bench Visitor", "email": "visitor@example.com", "topic": "general"}
SSN = "219-56-7788"

# (label, what in the profile: "file.py:function" or "module:function" substrings)
PARTS = [
    ("whole request (WSGI)", ["accesslog/middleware.py:__call__"]),
    ("  access-log line", ["accesslog/middleware.py:_log"]),
    ("  session cookie: read", ["cookies.py:open_session"]),
    ("  session cookie: write", ["flask/sessions.py:save_session"]),
    ("  the view", ["contact/views.py:send"]),
    ("    CSRF token", ["contact/views.py:_csrf_ok"]),
    ("    rate limit: test, count", ["rate_limits.py:check_send", "rate_limits.py:count_send"]),
    (
        "      of which expiring old entries",
        ["memory.py:__schedule_expiry", "extensions.py:_MemoryStorage__schedule_expiry"],
    ),
    ("    form: fields and validators", ["wtforms/form.py:validate"]),
    ("      detector", ["app/validators.py:__call__"]),
    ("    store_submission", ["contact/service.py:store_submission"]),
    ("      encryption (3 fields)", ["contact/service.py:_encrypt"]),
    (
        "      INSERT (statement)",
        ["extensions.py:execute_alone", "sqlalchemy/orm/scoping.py:execute"],
    ),
    ("      COMMIT (to disk)", ["sqlalchemy/engine/default.py:do_commit"]),
]


def make_app(folder: Path, url: str | None):
    from app import create_app

    return create_app(
        {
            "SQLALCHEMY_DATABASE_URI": url or f"sqlite:///{folder / 'profile.sqlite3'}",
            "SECRET_KEY": Fernet.generate_key().decode(),
            "DATA_KEYS": Fernet.generate_key().decode(),
            "RATELIMIT_STORAGE_URI": "memory://",
            "CONTACT_RATE_LIMIT": "100000 per minute",
            "ACCESS_LOG_PATH": str(folder / "logs" / "access.log"),
        },
        instance_path=str(folder / "instance"),
    )


class Trace:
    def __init__(self, engine):
        self.engine, self.lines = engine, []

    def _before(self, conn, _cursor, _statement, _params, _context, _many):
        conn.info["profile_started"] = time.perf_counter()

    def _after(self, conn, _cursor, statement, _params, _context, _many):
        took = time.perf_counter() - conn.info["profile_started"]
        self.lines.append(f"{took * 1000:8.3f} ms  {' '.join(statement.split())[:90]}")

    def _end(self, what):
        def end(conn):
            if conn.get_execution_options().get("drs_plain_begin") == "one statement":
                self.lines.append(f"{'':11}  (nothing sent: the statement was its own transaction)")
            else:
                self.lines.append(f"{'':11}  {what}")

        return end

    def __enter__(self):
        self.hooks = [
            ("before_cursor_execute", self._before),
            ("after_cursor_execute", self._after),
            ("commit", self._end("COMMIT")),
            ("rollback", self._end("ROLLBACK")),
        ]
        for name, hook in self.hooks:
            event.listen(self.engine, name, hook)
        return self

    def __exit__(self, *exc):
        for name, hook in self.hooks:
            event.remove(self.engine, name, hook)


def form(client) -> dict[str, str]:
    page = client.get("/contact").get_data(as_text=True)
    return {"csrf_token": TOKEN.search(page).group(1), "send_key": SEND_KEY.search(page).group(1)}


HIDDEN = re.compile(r'<input type="hidden" name="([a-z_]+)" value="([^"]*)"')


def statements(app) -> None:
    from app.extensions import db

    with app.app_context():
        engine = db.engine
    client = app.test_client()
    plain = {**form(client), **FIELDS, "message": "When is the sales tax holiday?"}
    warned = {**form(client), **FIELDS, "message": f"My SSN is {SSN}"}

    def choice() -> dict[str, str]:
        page = client.get("/contact/check").get_data(as_text=True)
        return {**dict(HIDDEN.findall(page)), "action": "as_written"}

    steps = [
        ("a plain send (POST /contact)", lambda: client.post("/contact", data=plain), 303),
        (
            "the warning step (POST /contact, an SSN)",
            lambda: client.post("/contact", data=warned),
            303,
        ),
        ("the warning page (GET /contact/check)", lambda: client.get("/contact/check"), 200),
        ("sent as written (POST /contact/check)", None, 303),
        ("the same choice sent again", None, 303),
    ]
    print("1. Statements per step (SQLite: BEGIN is a statement; PostgreSQL begins implicitly)")
    decision: dict[str, str] = {}
    for label, action, expected in steps:
        if action is None:
            decision = decision or choice()
            action = functools.partial(client.post, "/contact/check", data=decision)
        else:
            client.get("/contact")  # the page first, as a visitor would
        with Trace(engine) as trace:
            status = action().status_code
        assert status == expected, (label, status)
        count = sum(1 for line in trace.lines if "ms" in line and "BEGIN" not in line)
        print(f"   {label}: {status}, {count} statement(s)")
        for line in trace.lines:
            print(f"     {line}")


def sends(client, token: str, count: int, start: int = 0) -> None:
    for number in range(start, start + count):
        data = {"csrf_token": token, **FIELDS, "message": f"bench profile message {number}"}
        response = client.post("/contact", data=data)
        assert response.status_code == 303, response.status_code
        response.close()  # as a server does: the access-log line is written on close


def cumulative(profile: cProfile.Profile, needles: list[str]) -> float:
    total = 0.0
    for (filename, _line, name), (_cc, _nc, _tt, ct, _callers) in pstats.Stats(
        profile
    ).stats.items():
        where = f"{filename}:{name}"
        if any(_matches(where, needle) for needle in needles):
            total += ct
    return total


def _matches(where: str, needle: str) -> bool:
    path, _, function = needle.rpartition(":")
    return where.endswith(f":{function}") and path in where


def parts(app, count: int) -> float:
    client = app.test_client()
    token = form(client)["csrf_token"]
    sends(client, token, 30)  # warm: imports, templates, the statement cache
    started = time.perf_counter()
    cpu = time.process_time()
    sends(client, token, count, 30)
    wall = (time.perf_counter() - started) / count
    cpu = (time.process_time() - cpu) / count
    print(
        f"\n2. A plain send, {count} in a row: {wall * 1000:.2f} ms wall, {cpu * 1000:.2f} ms CPU"
    )
    profile = cProfile.Profile()
    profile.enable()
    sends(client, token, count, 30 + count)
    profile.disable()
    whole = cumulative(profile, PARTS[0][1]) or 1.0
    print("   under cProfile, share of the whole request:")
    for label, needles in PARTS:
        spent = cumulative(profile, needles)
        print(f"     {label:<42} {spent / count * 1000:7.2f} ms  {spent / whole:6.1%}")
    return wall


def hello_write(folder: Path, count: int, url: str | None) -> None:
    os.environ["DATABASE_URL"] = url or f"sqlite:///{folder / 'hello.sqlite3'}"
    from bench import hello_write as hello

    hello.create_table(os.environ["DATABASE_URL"])
    client = hello.app.test_client()
    data = {"csrf_token": "x" * 90, **FIELDS}

    def run(n: int) -> None:
        for number in range(n):
            response = client.post("/contact", data={**data, "message": f"hello {number}"})
            assert response.status_code == 303

    run(30)
    started, cpu = time.perf_counter(), time.process_time()
    run(count)
    wall = (time.perf_counter() - started) / count
    cpu = (time.process_time() - cpu) / count
    print(f"\n3. hello_write, {count} in a row: {wall * 1000:.2f} ms wall, {cpu * 1000:.2f} ms CPU")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sends", type=int, default=300)
    parser.add_argument("--db", choices=["sqlite", "postgresql"], default="sqlite")
    args = parser.parse_args()
    if not 10 <= args.sends <= 10_000:
        parser.error("--sends must be 10..10,000")
    logging.disable(logging.WARNING)
    with tempfile.TemporaryDirectory(prefix="drs-send-profile-") as tmp:
        folder = Path(tmp)
        databases = []
        if args.db == "postgresql":
            databases = [PostgresDatabase(folder), PostgresDatabase(folder)]
        urls = [d.url for d in databases] or [None, None]
        try:
            app = make_app(folder, urls[0])
            with app.app_context():
                from flask_migrate import upgrade

                upgrade()
            statements(app)
            parts(app, args.sends)
            with app.app_context():
                from app.extensions import db

                db.session.remove()
                db.engine.dispose()
            hello_write(folder, args.sends, urls[1])
        finally:
            for database in databases:
                database.drop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
