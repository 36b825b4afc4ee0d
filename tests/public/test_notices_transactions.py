"""Refreshing the notices cache reads without SQLite's write lock."""

from tests.support.statements import Statements, is_sqlite


def test_a_page_that_refreshes_the_notices_takes_no_write_lock(app, client):
    app.config["PAGE_CACHE_SECONDS"] = 0
    with app.app_context():
        app.extensions["notice_cache"].clear()
    with Statements(app) as seen:
        assert client.get("/privacy").status_code == 200
    assert any(s.startswith("SELECT") and "notices" in s for s in seen.sql)
    if is_sqlite(app):
        assert seen.begins
        assert "BEGIN IMMEDIATE" not in seen.begins
