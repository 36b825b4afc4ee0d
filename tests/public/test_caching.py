"""Notices and policy pages are kept briefly in each process; desk changes show at once."""

import time
from datetime import date

from app.extensions import db
from app.models import Notice


def add_notice(app, title):
    with app.app_context():
        db.session.add(Notice(title=title, body="b", starts_on=date(2020, 1, 1), position=9))
        db.session.commit()


def test_pages_are_rendered_once_then_served_from_memory(app, client):
    first = client.get("/privacy").get_data(as_text=True)
    add_notice(app, "Written straight into the database")
    assert client.get("/privacy").get_data(as_text=True) == first


def test_a_change_reaches_every_process_within_the_cache_time(make_app):
    app = make_app(NOTICES_CACHE_SECONDS=1, PAGE_CACHE_SECONDS=1)
    client = app.test_client()
    client.get("/").close()
    add_notice(app, "Later notice")
    assert "Later notice" not in client.get("/").get_data(as_text=True)
    time.sleep(1.1)
    assert "Later notice" in client.get("/").get_data(as_text=True)


def test_caching_can_be_turned_off(make_app):
    app = make_app(NOTICES_CACHE_SECONDS=0, PAGE_CACHE_SECONDS=0)
    client = app.test_client()
    client.get("/privacy").close()
    add_notice(app, "Shown at once")
    assert "Shown at once" in client.get("/privacy").get_data(as_text=True)


def test_a_desk_change_clears_this_process_copy(app, client):
    from app.public.notices import forget_notices

    client.get("/").close()
    add_notice(app, "Changed at the desk")
    with app.app_context():
        forget_notices()
    assert "Changed at the desk" in client.get("/").get_data(as_text=True)


def test_public_page_views_do_not_touch_the_database_once_cached(app, client):
    from sqlalchemy import event

    client.get("/privacy").close()
    statements = []
    with app.app_context():
        engine = db.engine
    listener = lambda *args: statements.append(args[2])  # noqa: E731
    event.listen(engine, "before_cursor_execute", listener)
    try:
        for url in ("/privacy", "/", "/privacy"):
            client.get(url).close()
        client.get("/contact").close()
    finally:
        event.remove(engine, "before_cursor_execute", listener)
    assert statements == []


def test_a_repeat_view_is_answered_whole_from_memory_with_the_same_headers(app, client):
    first = client.get("/privacy")
    cached = app.extensions["response_cache"].get(("http", "/privacy", None))
    assert cached is not None
    assert cached[0] == "200 OK"
    second = client.get("/privacy")
    assert second.get_data() == first.get_data()
    assert second.headers["Content-Security-Policy"] == first.headers["Content-Security-Policy"]
    assert sorted(second.headers.keys()) == sorted(first.headers.keys())


def test_https_and_http_are_kept_apart(client):
    client.get("/", base_url="https://localhost").close()
    assert "Strict-Transport-Security" not in client.get("/").headers
    secure = client.get("/", base_url="https://localhost")
    assert "Strict-Transport-Security" in secure.headers


def test_cached_views_are_still_in_the_access_log(app, client):
    for _ in range(3):
        client.get("/privacy").close()
    from tests.support.logs import logged_fields

    stems = [f["cs-uri-stem"] for f in logged_fields(app)]
    assert stems.count("/privacy") == 3


def test_only_plain_policy_pages_are_kept(app, client):
    client.get("/privacy?x=1").close()
    client.get("/contact").close()
    client.get("/no-such-page").close()
    client.get("/leaving/nowhere").close()
    assert app.extensions["response_cache"].get(("http", "/privacy", None)) is None
    assert app.extensions["response_cache"].get(("http", "/contact", None)) is None
    assert app.extensions["response_cache"].get(("http", "/no-such-page", None)) is None
    assert app.extensions["response_cache"].get(("http", "/leaving/nowhere", None)) is None
