"""The desk's "Site statistics" (any member of staff) and "Keeping messages" (admins)."""

from datetime import date

import pytest

from app.extensions import db
from app.models import Submission
from tests.pages import normalise, page_of
from tests.staff.helpers import audit, submission


def test_any_member_of_staff_sees_the_statistics(desk, client):
    desk.sign_in_as("reader")
    # a line is written when the server closes the response, as every real server does
    for url in ("/privacy", "/privacy", "/no-such-page"):
        client.get(url).close()
    response = client.get("/staff/statistics")
    assert response.headers["Cache-Control"] == "no-store"
    page = page_of(response)
    assert page.h1.get_text() == "Site statistics"
    text = normalise(page.get_text(" "))
    assert "/privacy" in text
    assert "/no-such-page" in text
    # three charts, each an image with a title, beside a table with the same numbers
    charts = {svg.find("title").get_text().split(",")[0]: svg for svg in page.find_all("svg")}
    assert sorted(charts) == ["Requests by status code", "Requests per day", "Visitors per day"]
    assert all(svg.get("role") == "img" for svg in charts.values())
    statuses = [row.th.get_text() for row in page.select("#stats-statuses tbody tr")]
    assert statuses == ["200", "404"]
    bars = [t.get_text() for t in charts["Requests by status code"].find_all("text")]
    assert set(statuses) <= set(bars)
    assert all(table.caption for table in page.find_all("table"))
    nav = [a.get_text() for a in page.select("nav[aria-label='Staff desk'] a")]
    assert "Site statistics" in nav
    assert "Keeping messages" not in nav


def test_statistics_count_the_contact_warnings(app, desk, client):
    from tests.support.visitor import Visitor

    visitor = Visitor(app.test_client())
    visitor.send(message="My SSN is 219-56-7788")
    desk.sign_in_as("reader")
    text = normalise(page_of(client.get("/staff/statistics")).get_text(" "))
    rows = {
        normalise(tr.th.get_text()): [td.get_text(strip=True) for td in tr.find_all("td")]
        for tr in page_of(client.get("/staff/statistics")).select("table tbody tr")
        if tr.th
    }
    assert "Warned" in text
    assert rows["Social Security number"][0] == "1"


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?from=yesterday", "Enter the first day as a date, like 2026-11-01"),
        ("?to=2026-13-45", "Enter the last day as a date, like 2026-11-30"),
        ("?from=2026-11-30&to=2026-11-01", "The first day must be on or before the last day"),
        ("?from=2020-01-01&to=2026-01-01", "Choose at most a year of days"),
    ],
)
def test_bad_periods_say_what_to_do(desk, client, query, message):
    desk.sign_in_as("reader")
    response = client.get("/staff/statistics" + query)
    assert response.status_code == 400
    page = page_of(response)
    assert page.title.get_text().startswith("Error: Site statistics")
    assert [a.get_text() for a in page.select(".site-error-summary a")] == [message]


def test_a_chosen_period_is_shown(desk, client):
    desk.sign_in_as("reader")
    page = page_of(client.get("/staff/statistics?from=2026-11-01&to=2026-11-07"))
    assert "2026-11-01 to 2026-11-07" in normalise(page.get_text(" "))


def test_readers_cannot_see_or_run_the_purge(desk, client):
    desk.sign_in_as("reader")
    assert client.get("/staff/retention").status_code == 403
    assert desk.post("/staff/retention/purge").status_code == 403


def test_admins_see_what_is_due_and_can_purge_now(app, desk, client):
    ref = submission(app)
    with app.app_context():
        row = db.session.scalar(db.select(Submission).where(Submission.reference == ref))
        row.status, row.replied_on = "replied", date(2020, 1, 1)
        db.session.commit()
    admin = desk.sign_in_as("admin")
    page = page_of(client.get("/staff/retention"))
    cells = [normalise(td.get_text()) for td in page.select("tbody td")]
    assert cells[0] == "30 days after the reply or closing"
    assert cells[1] == "1"
    response = desk.post("/staff/retention/purge", token_from="/staff/retention")
    assert response.status_code == 303
    assert "Deleted the content of 1 message." in client.get("/staff/retention").get_data(
        as_text=True
    )
    with app.app_context():
        row = db.session.scalar(db.select(Submission).where(Submission.reference == ref))
        assert row.message is None
        assert row.purged_on is not None
    assert ("purge", admin.id, None, "1 messages, from the desk") in audit(app)


def test_no_purge_button_when_nothing_is_due_and_no_talk_of_command_lines(app, desk, client):
    submission(app)  # new today: not due
    desk.sign_in_as("admin")
    response = client.get("/staff/retention")
    page = page_of(response)
    assert not page.find("form", action="/staff/retention/purge")
    assert "Nothing is due for deletion today" in page.get_text()
    text = page.find("main").get_text().lower()
    for word in ("flask", "cron", "readme", "command"):
        assert word not in text
