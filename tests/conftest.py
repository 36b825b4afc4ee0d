"""Fixtures shared by every test: an app on a database built by the migrations."""

import os
import shutil
import threading
from pathlib import Path

import pytest
import sqlalchemy as sa
from hypothesis import settings
from sqlalchemy.engine import Engine
from sqlalchemy.pool import NullPool
from werkzeug.serving import make_server

from app import create_app, extensions
from tests.pages import PageClient
from tests.support.desk import Desk
from tests.support.visitor import Visitor

REPO = Path(__file__).resolve().parent.parent

# CI draws the property tests' examples from one fixed seed (derandomize): a landing is
# judged on what it changed, not on what a new random draw happens to find. Every
# other run draws anew, and a failure it finds becomes an @example of its test (as
# test_pii_properties.py's are), so CI keeps it for good.
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")


# How each transaction began, checked statement by statement (every test, both
# databases): on SQLite a READ_ONLY transaction that writes, or a WRITE_FIRST one that
# reads before its first write, holds a snapshot that a write can find stale, and fails
# at once with "database is locked" whatever the busy timeout -- but only when another
# connection committed in between, which a test on its own never sees. So the mistake
# fails here, every time.
_MODE = "drs_test_transaction"


@sa.event.listens_for(Engine, "begin")
def _note_how_it_began(connection) -> None:
    plain = connection.get_execution_options().get("drs_plain_begin")
    if plain is None:
        plain = "read only" if extensions._read_only_by_default.get() else None
    connection.info[_MODE] = plain if plain in ("read only", "write first") else None


@sa.event.listens_for(Engine, "commit")
@sa.event.listens_for(Engine, "rollback")
def _note_it_ended(connection) -> None:
    connection.info[_MODE] = None


@sa.event.listens_for(Engine, "before_cursor_execute")
def _check_statement(connection, _cursor, statement, _params, _context, _many) -> None:
    mode = connection.info.get(_MODE)
    if mode is None:
        return
    word = statement.lstrip().split(None, 1)[0].upper()
    if word in ("BEGIN", "PRAGMA"):
        return
    reads = word in ("SELECT", "WITH")
    if mode == "read only" and not reads:
        raise AssertionError(f"a write in a read-only transaction: {statement[:80]!r}")
    if mode == "write first":
        if reads:
            raise AssertionError(
                f"a read before the write in a WRITE_FIRST transaction: {statement[:80]!r}"
            )
        connection.info[_MODE] = None


def pytest_sessionstart(session):  # noqa: ARG001  (pytest passes it)
    """Compile the translation catalogues, as `make test` does, when pytest runs alone."""
    from tests.catalogues import compile_catalogues

    compile_catalogues()


def base_config(database_uri: str) -> dict:
    return {
        "TESTING": True,
        "SECRET_KEY": "test-secret-key-not-for-production",
        "SQLALCHEMY_DATABASE_URI": database_uri,
        "RATELIMIT_STORAGE_URI": "memory://",
        # Cheap argon2 so that many sign-ins stay quick; replies kept in memory
        # (app.extensions["mailman"].outbox).
        "MAIL_BACKEND": "locmem",
        "STAFF_ARGON2_TIME_COST": 1,
        "STAFF_ARGON2_MEMORY_KIB": 8,
        "STAFF_ARGON2_PARALLELISM": 1,
    }


# The suite runs on SQLite; with TEST_DATABASE_URL=postgresql+psycopg://… (make test sets
# it when PostgreSQL answers) it runs again, whole, on PostgreSQL.
TEST_DATABASE_URL = os.environ.get("TEST_DATABASE_URL", "")


class SQLiteDatabases:
    """Each test gets a copy of one file built by running every migration from empty."""

    def __init__(self, folder: Path):
        self.template = folder / "template.sqlite3"
        migrate_from_empty(f"sqlite:///{self.template}", folder)

    def new(self, tmp_path: Path) -> str:
        path = tmp_path / "test.sqlite3"
        shutil.copyfile(self.template, path)
        return f"sqlite:///{path}"

    def drop(self, url: str) -> None:
        pass


class PostgresDatabases:
    """Each test gets a new database copied from a migrated template (CREATE … TEMPLATE)."""

    def __init__(self, admin_url: str, folder: Path):
        self.admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
        self.base = sa.engine.make_url(admin_url)
        self.prefix = f"drs_test_{os.getpid()}"
        self.template = f"{self.prefix}_template"
        self.count = 0
        self._execute(f'DROP DATABASE IF EXISTS "{self.template}" WITH (FORCE)')
        self._execute(f'CREATE DATABASE "{self.template}"')
        migrate_from_empty(self._url(self.template), folder)

    def _execute(self, sql: str) -> None:
        with self.admin.connect() as connection:
            connection.exec_driver_sql(sql)

    def _url(self, name: str) -> str:
        return self.base.set(database=name).render_as_string(hide_password=False)

    def new(self, _tmp_path: Path) -> str:
        self.count += 1
        name = f"{self.prefix}_{self.count}"
        self._execute(f'CREATE DATABASE "{name}" TEMPLATE "{self.template}"')
        return self._url(name)

    def drop(self, url: str) -> None:
        name = sa.engine.make_url(url).database
        self._execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def close(self) -> None:
        self._execute(f'DROP DATABASE IF EXISTS "{self.template}" WITH (FORCE)')
        self.admin.dispose()


def migrate_from_empty(url: str, folder: Path) -> None:
    from flask_migrate import upgrade

    app = create_app(base_config(url), instance_path=str(folder / "instance"))
    with app.app_context():
        upgrade()
        from app.extensions import db

        db.engine.dispose()


@pytest.fixture(scope="session")
def databases(tmp_path_factory):
    folder = tmp_path_factory.mktemp("template-db")
    if TEST_DATABASE_URL.startswith("postgresql"):
        pg = PostgresDatabases(TEST_DATABASE_URL, folder)
        yield pg
        pg.close()
    else:
        yield SQLiteDatabases(folder)


@pytest.fixture
def make_app(databases, tmp_path):
    """Build apps on one fresh database with config overrides: make_app(TRUSTED_PROXIES=1)."""
    url = databases.new(tmp_path)
    built = []

    def make(**overrides):
        config = base_config(url) | overrides
        app = create_app(config, instance_path=str(tmp_path / "instance"))
        built.append(app)
        return app

    yield make
    for app in built:
        with app.app_context():
            from app.extensions import db

            db.session.remove()
            db.engine.dispose()
    databases.drop(url)


@pytest.fixture
def app(make_app):
    """A fresh app with its own database, built by the migrations."""
    return make_app()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def pages(client) -> PageClient:
    """Loads pages and checks each one the way GOV.UK Notify's client_request does."""
    return PageClient(client)


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def desk(app, client):
    """A member of staff at the desk, as flaskr's ``auth`` fixture: desk.sign_in_as("admin")."""
    return Desk(app, client)


@pytest.fixture
def visitor(client):
    """A visitor using the contact form without JavaScript: visitor.send(message=...)."""
    return Visitor(client)


@pytest.fixture
def fetch(client):
    """GET or POST through the test client and close the response, as a server would
    (the middleware writes the line when the response is closed)."""

    def fetch(url, method="GET", **kwargs):
        response = client.open(url, method=method, buffered=True, **kwargs)
        response.close()
        return response

    return fetch


def closed_before_sending(app):
    """Read each response whole and close it before werkzeug's dev server writes it.

    When a browser drops a request mid-response (a font it no longer needs after a
    navigation), werkzeug's `execute()` raises inside its `finally` before calling the
    body's `close()`, so a static file stays open until the garbage collector finds it, and
    pytest (warnings are errors) fails whichever test is running then. Test pages and
    assets are small, so holding one response in memory costs nothing.
    """

    def buffered(environ, start_response):
        body = app(environ, start_response)
        try:
            data = b"".join(body)
        finally:
            close = getattr(body, "close", None)
            if close is not None:
                close()
        return [data]

    return buffered


class LiveServer:
    def __init__(self, app):
        self.app = app
        self.server = make_server("127.0.0.1", 0, closed_before_sending(app), threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.thread.join(timeout=5)


@pytest.fixture
def live_server(app):
    """The app served over real HTTP on a free local port, for the browser tests."""
    with LiveServer(app) as server:
        yield server
