"""Fixtures shared by every test: an app on a database built by the migrations."""

import shutil
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from app import create_app
from tests.pages import PageClient

REPO = Path(__file__).resolve().parent.parent


def base_config(database_uri: str) -> dict:
    return {
        "TESTING": True,
        "SECRET_KEY": "test-secret-key-not-for-production",
        "SQLALCHEMY_DATABASE_URI": database_uri,
        "RATELIMIT_STORAGE_URI": "memory://",
    }


@pytest.fixture(scope="session")
def migrated_sqlite(tmp_path_factory) -> Path:
    """A SQLite file built once per run by applying every migration from empty."""
    from flask_migrate import upgrade

    folder = tmp_path_factory.mktemp("template-db")
    path = folder / "template.sqlite3"
    app = create_app(base_config(f"sqlite:///{path}"), instance_path=str(folder))
    with app.app_context():
        upgrade()
        from app.extensions import db

        db.engine.dispose()
    return path


@pytest.fixture
def app(migrated_sqlite, tmp_path):
    """A fresh app with its own copy of the migrated database."""
    path = tmp_path / "test.sqlite3"
    shutil.copyfile(migrated_sqlite, path)
    instance = tmp_path / "instance"
    app = create_app(base_config(f"sqlite:///{path}"), instance_path=str(instance))
    yield app
    with app.app_context():
        from app.extensions import db

        db.engine.dispose()


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


class LiveServer:
    def __init__(self, app):
        self.app = app
        self.server = make_server("127.0.0.1", 0, app, threaded=True)
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
