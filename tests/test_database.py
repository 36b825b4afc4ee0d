"""The embedded database is safe with several workers; the health check tells the truth."""

import threading

import pytest
from sqlalchemy import text

from app.contact.service import store_submission
from app.extensions import db
from app.models import Submission


def sqlite_only(app):
    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql"):
        pytest.skip("SQLite settings")


def test_sqlite_runs_in_wal_with_secure_delete(app):
    sqlite_only(app)
    with app.app_context():
        assert db.session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert db.session.execute(text("PRAGMA secure_delete")).scalar() == 1
        assert db.session.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_concurrent_writers_do_not_lock_each_other_out(app):
    """Eight threads, each with its own connection, storing at once: all rows arrive."""
    errors: list[BaseException] = []

    def writer(n: int) -> None:
        try:
            with app.app_context():
                for i in range(10):
                    store_submission(
                        topic="general",
                        name=None,
                        email=f"w{n}@example.com",
                        message=f"message {n}-{i}",
                        choice="removed",
                        kinds=["ssn"],
                        counts=[("removed", ["ssn"])],
                    )
                db.session.remove()
        except BaseException as error:  # collected and asserted below
            errors.append(error)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Submission.id))) == 80
        counted = db.session.execute(
            text("SELECT count FROM contact_counters WHERE event = 'removed'")
        ).scalar()
        assert counted == 80


def test_healthz_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_data(as_text=True) == "ok"
    assert response.headers["Cache-Control"] == "no-store"


def broken_app(tmp_path):
    """The app pointed at a database that cannot be opened."""
    from app import create_app

    return create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "x",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/missing/dir/none.sqlite3",
            "RATELIMIT_STORAGE_URI": "memory://",
        },
        instance_path=str(tmp_path / "instance"),
    )


def test_healthz_503_when_the_database_is_unreachable(tmp_path):
    response = broken_app(tmp_path).test_client().get("/healthz")
    assert response.status_code == 503
    assert response.get_data(as_text=True) == "database unavailable"


def test_pages_without_the_database_still_render(tmp_path):
    client = broken_app(tmp_path).test_client()
    assert client.get("/privacy").status_code == 200
    assert client.get("/contact").status_code == 200


def test_database_down_keeps_what_the_visitor_typed(tmp_path):
    client = broken_app(tmp_path).test_client()
    from tests.support.visitor import Visitor

    response = Visitor(client).send(name="Pat", message="Please keep this text")
    assert response.status_code == 503
    body = response.get_data(as_text=True)
    assert "Please keep this text" in body
    assert "could not send your message" in body
    assert "Traceback" not in body
