"""The inbox: newest first, filters, search over encrypted text, pages of 25."""

from datetime import timedelta

from app import clock
from app.extensions import db
from app.models import Submission
from tests.pages import page_of
from tests.staff.helpers import SSN, submission


def references(page) -> list[str]:
    return [a.get_text() for a in page.select("table a.site-reference")]


def test_inbox_lists_newest_first_with_status_and_identifiers(app, desk, client):
    old = submission(app, "Old question")
    new = submission(app, f"My SSN {SSN}", choice="sent_as_written", kinds=["ssn"])
    with app.app_context():
        item = db.session.scalar(db.select(Submission).where(Submission.reference == old))
        item.received_on = item.received_on - timedelta(days=3)
        db.session.commit()
    desk.sign_in_as()
    page = page_of(client.get("/staff/"))
    assert references(page) == [new, old]
    rows = [
        [c.get_text(" ", strip=True) for c in tr.find_all(["th", "td"])]
        for tr in page.select("tbody tr")
    ]
    assert rows[0][3] == "New"
    assert rows[0][4] == "Yes: Social Security number"
    assert rows[1][4] == "No"
    # the inbox never shows message text
    assert "Old question" not in page.get_text()
    assert "7788" not in page.get_text()


def test_filters_and_search(app, desk, client):
    a = submission(app, "Question about the sales tax holiday", name="Robin Hood")
    b = submission(
        app,
        f"My SSN is {SSN}",
        topic="forms",
        email="sam@example.org",
        choice="sent_as_written",
        kinds=["ssn"],
    )
    c = submission(app, "Website is slow", topic="problem")
    with app.app_context():
        item = db.session.scalar(db.select(Submission).where(Submission.reference == c))
        item.status = "closed"
        db.session.commit()
    desk.sign_in_as()

    def found(query: str) -> set[str]:
        return set(references(page_of(client.get(f"/staff/?{query}"))))

    assert found("status=closed") == {c}
    assert found("status=new") == {a, b}
    assert found("topic=forms") == {b}
    assert found("identifiers=yes") == {b}
    assert found("identifiers=no") == {a, c}
    assert found("q=holiday") == {a}
    assert found("q=ROBIN") == {a}
    assert found("q=sam%40example.org") == {b}
    assert found(f"q={b}") == {b}
    assert found(f"q={b.lower()}") == {b}
    assert found("q=sales+holiday") == {a}
    assert found("q=nothing+like+this") == set()
    assert found("status=bogus&topic=<x>") == {a, b, c}
    page = page_of(client.get("/staff/?q=holiday"))
    assert page.find("input", id="q")["value"] == "holiday"
    assert "1 message found" in page.get_text()


def test_pagination_25_a_page(app, desk, client):
    made = [submission(app, f"Question number {n}") for n in range(27)]
    desk.sign_in_as()
    first = page_of(client.get("/staff/?q=question"))
    assert len(references(first)) == 25
    assert first.title.get_text().startswith("Inbox (page 1 of 2)")
    next_link = first.find("a", string="Next page")["href"]
    assert "q=question" in next_link
    assert "page=2" in next_link
    second = page_of(client.get(next_link))
    assert len(references(second)) == 2
    assert set(references(first)) | set(references(second)) == set(made)
    assert page_of(client.get("/staff/?page=99")).title.get_text().startswith("Inbox (page 2")


def test_purged_content_is_not_searched(app, desk, client):
    ref = submission(app, "Holiday question")
    with app.app_context():
        item = db.session.scalar(db.select(Submission).where(Submission.reference == ref))
        item.message = item.name = item.email = None
        item.purged_on = clock.today()
        db.session.commit()
    desk.sign_in_as()
    assert references(page_of(client.get("/staff/?q=holiday"))) == []
    page = page_of(client.get("/staff/"))
    assert references(page) == [ref]
    assert "content deleted" in page.get_text()
