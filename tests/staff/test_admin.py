"""Admin pages: the audit log (append-only) and the site notices."""

from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from app.audit import record
from app.clock import today
from app.extensions import db
from app.models import AuditEvent, Notice
from app.models.draft import ReplyDraft
from app.models.staff import AuditLogIsAppendOnly
from tests.pages import page_of
from tests.rawdump import raw_database_bytes
from tests.staff.helpers import audit, submission


def test_audit_log_page_lists_events_newest_first(app, desk, client):
    ref = submission(app)
    admin = desk.sign_in_as("admin")
    client.get(f"/staff/messages/{ref}")
    page = page_of(client.get("/staff/audit"))
    rows = [
        [c.get_text(strip=True) for c in tr.find_all(["th", "td"])]
        for tr in page.select("tbody tr")
    ]
    assert rows[0][1:4] == [admin.email, "Opened a message", ref]
    assert rows[-1][2] == "Account created"
    assert "When is the sales tax holiday" not in page.get_text()


def test_audit_log_pages(app, desk, client):
    desk.sign_in_as("admin")
    with app.app_context():
        for n in range(60):
            record("status_changed", target=f"DRS-AAAA-{n:04d}")
        db.session.commit()
    first = page_of(client.get("/staff/audit"))
    assert len(first.select("tbody tr")) == 50
    second = page_of(client.get(first.find("a", string="Older entries")["href"]))
    assert len(second.select("tbody tr")) == 12


def test_audit_events_cannot_be_changed_or_deleted(app):
    with app.app_context():
        record("sign_in", detail="first")
        db.session.commit()
        event = db.session.scalar(db.select(AuditEvent))
        event.detail = "rewritten"
        with pytest.raises(AuditLogIsAppendOnly):
            db.session.commit()
        db.session.rollback()
        db.session.delete(db.session.scalar(db.select(AuditEvent)))
        with pytest.raises(AuditLogIsAppendOnly):
            db.session.commit()
        db.session.rollback()
        # and the database itself refuses, whatever the code path
        for statement in ("UPDATE audit_events SET detail = 'x'", "DELETE FROM audit_events"):
            with pytest.raises(sa.exc.DatabaseError):
                db.session.execute(sa.text(statement))
            db.session.rollback()
        assert db.session.scalar(db.select(AuditEvent.detail)) == "first"


NOTICE = {
    "title": "Office closed",
    "body": "Our offices are closed on Friday.",
    "link": "drs-contact",
    "link_text": "Other ways to contact us",
    "position": "0",
}


def test_admin_creates_a_scheduled_notice_shown_on_its_day(app, desk, client):
    admin = desk.sign_in_as("admin")
    form = page_of(client.get("/staff/notices/new"))
    assert form.find("input", id="starts_on")["type"] == "date"
    with app.app_context():
        start = today() + timedelta(days=2)
    data = NOTICE | {"starts_on": start.isoformat(), "ends_on": ""}
    response = desk.post("/staff/notices/new", data)
    assert response.status_code == 303
    page = page_of(client.get("/staff/notices"))
    scheduled = page.find("h2", string="Scheduled").find_next("table")
    assert "Office closed" in scheduled.get_text()
    assert "Office closed" not in client.get("/").get_data(as_text=True)
    with app.app_context():
        notice = db.session.scalar(db.select(Notice).where(Notice.title == "Office closed"))
        assert notice.is_current(start)
        assert notice.link == "drs-contact"
    assert ("notice_created", admin.id, f"notice {notice.id}", None) in audit(app)


def test_notice_errors_say_what_to_do(desk, client):
    desk.sign_in_as("admin")
    data = NOTICE | {
        "title": "",
        "link": "https://evil.example",
        "starts_on": "2026-13-45",
        "ends_on": "",
        "position": "x",
    }
    response = desk.post("/staff/notices/new", data)
    # Post/Redirect/Get: the form comes back by GET, as it was typed, with what is wrong
    assert (response.status_code, response.location) == (303, "/staff/notices/new")
    page = page_of(client.get("/staff/notices/new"))
    assert page.title.get_text().startswith("Error: Create a notice")
    assert page.find("textarea", id="body").get_text() == NOTICE["body"]  # nothing lost
    assert [a.get_text() for a in page.select(".site-error-summary a")] == [
        "Enter a title",
        "Choose a link from the list",
        "Enter first day shown as a date, like 2026-12-01",
        "Enter a whole number from 0 to 999",
    ]
    data = NOTICE | {"starts_on": "2026-12-10", "ends_on": "2026-12-01"}
    desk.post("/staff/notices/new", data)
    page = page_of(client.get("/staff/notices/new"))
    assert [a["href"] for a in page.select(".site-error-summary a")] == ["#ends_on"]
    assert "same as or after the first day" in page.select_one(".site-error-summary").get_text()


def test_a_notice_with_errors_comes_back_by_get_until_it_is_saved(app, desk, client):
    """Post/Redirect/Get on the notice form: Reload shows the same page without posting
    again, the typed text is kept on the server (encrypted, private to this sign-in), and
    saving the notice forgets it."""
    desk.sign_in_as("admin")
    data = NOTICE | {"title": "Snow day closing", "starts_on": "2026-12-10", "ends_on": "x"}
    assert desk.post("/staff/notices/new", data).location == "/staff/notices/new"
    assert b"Snow day" not in raw_database_bytes(app)  # encrypted
    for _reload in range(2):
        page = page_of(client.get("/staff/notices/new"))
        assert page.find("input", id="title")["value"] == "Snow day closing"
        assert [a["href"] for a in page.select(".site-error-summary a")] == ["#ends_on"]
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(ReplyDraft.id))) == 1
        titles = db.session.scalars(db.select(Notice.title)).all()
        assert "Snow day closing" not in titles
    desk.post("/staff/sign-out")
    desk.sign_in_as("admin", "other-admin@drs.example")
    page = page_of(client.get("/staff/notices/new"))  # another sign-in: a fresh form
    assert page.find("input", id="title").get("value", "") == ""
    assert not page.select(".site-error-summary")
    assert desk.post("/staff/notices/new", data | {"ends_on": ""}).status_code == 303
    assert desk.post("/staff/notices/new", data | {"ends_on": ""}).status_code == 303
    assert not page_of(client.get("/staff/notices/new")).select(".site-error-summary")


def test_an_edited_notice_with_errors_keeps_the_changes(app, desk, client):
    desk.sign_in_as("admin")
    desk.post("/staff/notices/new", NOTICE | {"starts_on": "2026-12-01", "ends_on": ""})
    with app.app_context():
        notice_id = db.session.scalar(db.select(Notice.id).where(Notice.title == "Office closed"))
    url = f"/staff/notices/{notice_id}"
    changed = NOTICE | {"title": "Office closed early", "starts_on": "2026-12-01", "position": "-4"}
    assert desk.post(url, changed).location == url
    page = page_of(client.get(url))
    assert page.title.get_text().startswith("Error: Edit a notice")
    assert page.find("input", id="title")["value"] == "Office closed early"
    assert page.find("input", id="position")["value"] == "-4"
    with app.app_context():
        assert db.session.get(Notice, notice_id).title == "Office closed"
    assert desk.post(url, changed | {"position": "4"}).status_code == 303
    page = page_of(client.get(url))
    assert not page.select(".site-error-summary")
    assert page.find("input", id="position")["value"] == "4"


def test_a_notice_form_that_timed_out_keeps_what_was_typed(app, desk, client):
    app.testing = False  # as in production
    desk.sign_in_as("admin")
    data = NOTICE | {"csrf_token": "stale", "title": "Half written", "starts_on": "2026-12-01"}
    response = client.post("/staff/notices/new", data=data)
    assert (response.status_code, response.location) == (303, "/staff/notices/new")
    page = page_of(client.get("/staff/notices/new"))
    assert "timed out" in page.select_one(".site-error-summary").get_text()
    assert page.find("input", id="title")["value"] == "Half written"
    with app.app_context():
        assert "Half written" not in db.session.scalars(db.select(Notice.title)).all()


def test_admin_edits_and_expires_a_notice(app, desk, client):
    admin = desk.sign_in_as("admin")
    with app.app_context():
        notice = db.session.scalar(db.select(Notice).order_by(Notice.position))
        notice_id, title = notice.id, notice.title
    assert title in client.get("/").get_data(as_text=True)
    form = page_of(client.get(f"/staff/notices/{notice_id}"))
    assert form.find("input", id="title")["value"] == title
    data = NOTICE | {"title": "Changed title", "starts_on": "2020-01-01", "ends_on": ""}
    assert desk.post(f"/staff/notices/{notice_id}", data).status_code == 303
    assert "Changed title" in client.get("/").get_data(as_text=True)
    assert desk.post(f"/staff/notices/{notice_id}/expire").status_code == 303
    assert "Changed title" not in client.get("/").get_data(as_text=True)
    page = page_of(client.get("/staff/notices"))
    assert "Changed title" in page.find("h2", string="Expired").find_next("table").get_text()
    with app.app_context():
        assert db.session.get(Notice, notice_id).ends_on == today() - timedelta(days=1)
    changes = [d for a, s, t, d in audit(app) if a == "notice_changed" and s == admin.id]
    assert changes == ["edited", "expired"]
    assert client.get("/staff/notices/999").status_code == 404


def test_expiring_a_scheduled_notice_keeps_its_dates_in_order(app, desk):
    desk.sign_in_as("admin")
    with app.app_context():
        notice = Notice(title="Later", body="x", starts_on=date(2999, 1, 1), position=5)
        db.session.add(notice)
        db.session.commit()
        notice_id = notice.id
    desk.post(f"/staff/notices/{notice_id}/expire")
    with app.app_context():
        notice = db.session.get(Notice, notice_id)
        assert notice.starts_on <= notice.ends_on < today()


def test_expire_now_asks_first_then_offers_to_undo(app, desk, client):
    admin = desk.sign_in_as("admin")
    with app.app_context():
        notice = db.session.scalar(db.select(Notice).order_by(Notice.position))
        notice_id, title = notice.id, notice.title
        before = (notice.starts_on, notice.ends_on)
    listing = page_of(client.get("/staff/notices"))
    link = listing.find("a", href=f"/staff/notices/{notice_id}/expire")
    assert link.get_text(" ", strip=True).startswith("Expire now")
    # following the link changes nothing: it asks
    confirm = page_of(client.get(f"/staff/notices/{notice_id}/expire"))
    assert confirm.h1.get_text() == f"Stop showing “{title}”?"
    assert confirm.find("form", action=f"/staff/notices/{notice_id}/expire")["method"] == "post"
    assert confirm.find("a", string="No, keep showing it")["href"] == "/staff/notices"
    assert title in client.get("/").get_data(as_text=True)
    # confirmed: gone, and the next page offers to undo it, once
    desk.post(f"/staff/notices/{notice_id}/expire")
    assert title not in client.get("/").get_data(as_text=True)
    page = page_of(client.get("/staff/notices"))
    assert f"The notice “{title}” is no longer shown." in page.get_text()
    undo = page.find("form", action=f"/staff/notices/{notice_id}/undo-expire")
    assert undo.button.get_text() == f"Undo: show “{title}” again"
    assert not page_of(client.get("/staff/notices")).find(
        "form", action=f"/staff/notices/{notice_id}/undo-expire"
    )
    desk.post(f"/staff/notices/{notice_id}/undo-expire", token_from="/staff/notices")
    assert title in client.get("/").get_data(as_text=True)
    with app.app_context():
        notice = db.session.get(Notice, notice_id)
        assert (notice.starts_on, notice.ends_on) == before
    changes = [d for a, s, t, d in audit(app) if a == "notice_changed" and s == admin.id]
    assert changes == ["expired", "expiry undone"]
    # and undoing twice does nothing more
    desk.post(f"/staff/notices/{notice_id}/undo-expire", token_from="/staff/notices")
    assert "That can no longer be undone" in client.get("/staff/notices").get_data(as_text=True)
