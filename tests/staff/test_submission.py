"""A submission at the desk: masked for everyone, revealed by admins with a reason."""

from sqlalchemy import func, select

from app.extensions import db
from app.models import ReplyDraft, Submission
from app.staff.views import REVEAL_REFUSED
from tests.pages import page_of
from tests.staff.helpers import SSN, audit, submission

FEIN = "12-3456780"


def test_message_is_shown_with_identifiers_masked(app, desk, client):
    ref = submission(app, f"My SSN is {SSN}, thanks", choice="sent_as_written", kinds=["ssn"])
    member = desk.sign_in_as("reader")
    response = client.get(f"/staff/messages/{ref}")
    assert response.headers["Cache-Control"] == "no-store"
    page = page_of(response)
    assert page.h1.get_text(" ", strip=True) == f"Message {ref}"
    text = page.find(id="message-text").get_text()
    assert text == "My SSN is ***-**-7788, thanks"
    assert SSN not in response.get_data(as_text=True)
    assert "pat@example.com" in page.get_text()
    # readers have no reveal form
    assert not page.find("form", action=f"/staff/messages/{ref}/reveal")
    assert ("viewed_submission", member.id, ref, None) in audit(app)


def test_numbers_the_visitor_called_not_tax_numbers_are_masked_too(app, desk, client):
    ref = submission(app, f"The number is {SSN}", choice="none", kinds=[])
    desk.sign_in_as("reader")
    page = page_of(client.get(f"/staff/messages/{ref}"))
    assert SSN not in page.get_text()
    assert "***-**-7788" in page.get_text()


def test_identifiers_in_the_name_are_masked(app, desk, client):
    ref = submission(app, "Hello", name=f"Pat {SSN}")
    desk.sign_in_as("reader")
    page = page_of(client.get(f"/staff/messages/{ref}"))
    assert SSN not in page.get_text()


def test_admin_reveals_with_a_reason_once(app, desk, client):
    ref = submission(app, f"My SSN is {SSN}", choice="sent_as_written", kinds=["ssn"])
    admin = desk.sign_in_as("admin")
    page = page_of(client.get(f"/staff/messages/{ref}"))
    form = page.find("form", action=f"/staff/messages/{ref}/reveal")
    assert form["method"] == "post"

    empty = desk.post(f"/staff/messages/{ref}/reveal", {"reason": "  "})
    # what is wrong is shown on the message's page, reached by GET (Post/Redirect/Get)
    assert empty.status_code == 303
    assert empty.headers["Location"] == f"/staff/messages/{ref}"
    shown = client.get(f"/staff/messages/{ref}")
    page = page_of(shown)
    assert page.title.get_text().startswith("Error: Message")
    assert [a.get_text() for a in page.select(".site-error-summary a")] == [
        "Enter why you need to see the numbers"
    ]
    assert page.find("details", class_="desk-reveal").has_attr("open")
    assert SSN not in shown.get_data(as_text=True)

    response = desk.post(
        f"/staff/messages/{ref}/reveal", {"reason": "Visitor asked us to check it"}
    )
    # shown on a page reached by GET, so a reload never posts the reveal again
    assert response.status_code == 303
    assert response.headers["Location"] == f"/staff/messages/{ref}/revealed"
    assert SSN not in response.get_data(as_text=True)
    shown = client.get(f"/staff/messages/{ref}/revealed")
    assert shown.headers["Cache-Control"] == "no-store"
    page = page_of(shown)
    assert page.find(id="message-text").get_text() == f"My SSN is {SSN}"
    mask_again = page.find("a", string="Mask the numbers again")
    assert mask_again["href"] == f"/staff/messages/{ref}"
    events = audit(app)
    assert ("revealed", admin.id, ref, "Visitor asked us to check it") in events
    # a reload shows them masked and records nothing
    reloaded = client.get(f"/staff/messages/{ref}/revealed")
    assert reloaded.status_code == 200
    assert SSN not in reloaded.get_data(as_text=True)
    assert "The numbers are masked again" in reloaded.get_data(as_text=True)
    assert audit(app) == events
    assert SSN not in client.get(f"/staff/messages/{ref}").get_data(as_text=True)


def test_a_refused_reason_is_kept_until_the_numbers_are_revealed(app, desk, client):
    ref = submission(app, f"My SSN is {SSN}", choice="sent_as_written", kinds=["ssn"])
    desk.sign_in_as("admin")
    too_long = ("The visitor rang to ask us to check the number they sent " * 6).strip()
    refused = desk.post(f"/staff/messages/{ref}/reveal", {"reason": too_long})
    assert refused.status_code == 303
    # kept on the server, not in the cookie; the page shows it again, and so does a reload
    assert "The visitor rang" not in refused.headers.get("Set-Cookie", "")
    for _ in range(2):
        page = page_of(client.get(f"/staff/messages/{ref}"))
        assert page.find(id="reason")["value"] == too_long
        assert page.find(id="reason")["aria-invalid"] == "true"
        assert [a.get_text() for a in page.select(".site-error-summary a")] == [
            "The reason must be 300 characters or fewer"
        ]
    # another message's page knows nothing of it
    other = submission(app, f"Mine is {SSN}", choice="sent_as_written", kinds=["ssn"])
    assert not page_of(client.get(f"/staff/messages/{other}")).find(id="reason")["value"]

    accepted = desk.post(f"/staff/messages/{ref}/reveal", {"reason": "Visitor asked us"})
    assert accepted.headers["Location"] == f"/staff/messages/{ref}/revealed"
    client.get(f"/staff/messages/{ref}/revealed")
    # once the numbers were revealed, the refused reason is gone
    page = page_of(client.get(f"/staff/messages/{ref}"))
    assert not page.find(id="reason")["value"]
    assert not page.select(".site-error-summary")
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(ReplyDraft)) == 0


def test_a_refused_reason_is_private_to_the_sign_in(app, desk, client):
    ref = submission(app, f"My SSN is {SSN}", choice="sent_as_written", kinds=["ssn"])
    desk.sign_in_as("admin")
    desk.post(f"/staff/messages/{ref}/reveal", {"reason": ""})
    assert page_of(client.get(f"/staff/messages/{ref}")).select(".site-error-summary")
    desk.post("/staff/sign-out")
    desk.sign_in_as("admin", email="other-admin@drs.example")
    # even pointed at the message, another sign-in cannot find the draft: its key is a
    # hash of the sign-in's own token
    with client.session_transaction() as cookie:
        cookie[REVEAL_REFUSED] = ref
    page = page_of(client.get(f"/staff/messages/{ref}"))
    assert not page.select(".site-error-summary")
    assert not page.find(id="reason")["value"]
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(ReplyDraft)) == 1


def test_the_revealed_page_shows_nothing_without_a_reveal(app, desk, client):
    ref = submission(app, f"My SSN is {SSN}", choice="sent_as_written", kinds=["ssn"])
    other = submission(app, f"Another {SSN}", choice="sent_as_written", kinds=["ssn"])
    desk.sign_in_as("admin")
    desk.post(f"/staff/messages/{other}/reveal", {"reason": "Checking the other one"})
    # a reveal of one message shows nothing of another
    assert SSN not in client.get(f"/staff/messages/{ref}/revealed").get_data(as_text=True)


def test_readers_cannot_open_the_revealed_page(app, desk, client):
    ref = submission(app, f"My SSN is {SSN}")
    desk.sign_in_as("reader")
    response = client.get(f"/staff/messages/{ref}/revealed")
    assert response.status_code in (403, 404)
    assert SSN not in response.get_data(as_text=True)


def test_reveal_is_a_post_only(app, desk, client):
    ref = submission(app, f"My SSN is {SSN}")
    desk.sign_in_as("admin")
    assert client.get(f"/staff/messages/{ref}/reveal").status_code == 405


def test_mark_replied_closed_and_reopen(app, desk, client):
    ref = submission(app)
    member = desk.sign_in_as("reader")
    url = f"/staff/messages/{ref}/status"
    response = desk.post(url, {"status": "replied"})
    assert response.status_code == 303
    assert response.headers["Location"] == f"/staff/messages/{ref}"
    assert "marked as replied" in page_of(client.get(f"/staff/messages/{ref}")).get_text()
    desk.post(url, {"status": "closed"})
    with app.app_context():
        item = db.session.scalar(db.select(Submission).where(Submission.reference == ref))
        assert item.status == "closed"
        assert item.replied_on
        assert item.closed_on
    desk.post(url, {"status": "new"})
    assert desk.post(url, {"status": "deleted"}).status_code == 400
    changes = [(a, d) for a, s, t, d in audit(app) if a == "status_changed"]
    assert changes == [
        ("status_changed", "new to replied"),
        ("status_changed", "replied to closed"),
        ("status_changed", "closed to new"),
    ]
    assert all(s == member.id for a, s, t, d in audit(app) if a == "status_changed")


def test_unknown_or_malformed_reference_is_404(desk, client):
    desk.sign_in_as()
    assert client.get("/staff/messages/DRS-AAAA-BBBB").status_code == 404
    assert client.get("/staff/messages/nonsense").status_code == 404


def test_status_buttons_say_what_they_do(app, desk, client):
    ref = submission(app)
    desk.sign_in_as("reader")
    page = page_of(client.get(f"/staff/messages/{ref}"))
    buttons = [b.get_text() for b in page.select(".desk-status-form button")]
    assert buttons == ["Mark as replied", "Close without reply"]
    desk.post(f"/staff/messages/{ref}/status", {"status": "closed"})
    page = page_of(client.get(f"/staff/messages/{ref}"))
    assert [b.get_text() for b in page.select(".desk-status-form button")] == ["Reopen as new"]
