"""Replying by e-mail: checked by the detector, sent, stored encrypted, audited."""

import socket
from email import message_from_bytes
from email.policy import default as default_policy

import pytest
from aiosmtpd.controller import Controller

from app.extensions import db
from app.models import Reply, ReplyDraft, Submission
from tests.pages import page_of
from tests.staff.helpers import SSN, audit, submission
from tests.support.desk import Desk

SUBJECT = "Your message to the Department of Revenue Services ({})"


def outbox(app) -> list:
    """What the in-memory backend sent (the tests' default): an empty list means nothing was."""
    assert app.config["MAIL_BACKEND"] == "locmem"
    return getattr(app.extensions["mailman"], "outbox", [])  # made at the first send


def stored(app, ref) -> tuple[Submission, list[str]]:
    with app.app_context():
        item = db.session.scalar(db.select(Submission).where(Submission.reference == ref))
        bodies = [
            r.body
            for r in db.session.scalars(db.select(Reply).where(Reply.submission_id == item.id))
        ]
        _ = (item.email, item.message)
        return item, bodies


def test_a_reply_is_sent_stored_and_marks_replied(app, desk, client):
    ref = submission(app, "When is the sales tax holiday?")
    member = desk.sign_in_as()
    body = "The sales tax holiday is in August.\n\nDepartment of Revenue Services"
    response = desk.post(f"/staff/messages/{ref}/reply", {"body": body, "action": "send"})
    assert response.status_code == 303
    [sent] = outbox(app)
    assert sent.to == ["pat@example.com"]
    assert sent.subject == SUBJECT.format(ref)
    assert sent.body == body
    assert not sent.cc
    assert not sent.bcc
    item, bodies = stored(app, ref)
    assert item.status == "replied"
    assert item.replied_on is not None
    assert bodies == [body]
    page = page_of(client.get(f"/staff/messages/{ref}"))
    assert "Your reply was sent" in page.get_text()
    assert "The sales tax holiday is in August." in page.select_one(".desk-reply").get_text()
    actions = [(a, s, t) for a, s, t, _ in audit(app)]
    assert ("replied", member.id, ref) in actions
    assert ("status_changed", member.id, ref) in actions


def test_identifiers_in_a_reply_warn_first(app, desk, client):
    ref = submission(app)
    desk.sign_in_as()
    body = f"We found your SSN {SSN} on file."
    response = desk.post(f"/staff/messages/{ref}/reply", {"body": body})
    # Post/Redirect/Get: the warning is a page of its own, safe to reload
    assert response.status_code == 303
    assert response.location == f"/staff/messages/{ref}/reply/check"
    page = page_of(client.get(response.location))
    assert page_of(client.get(response.location)).h1 == page.h1
    assert page.h1.get_text() == "Your reply may include tax identifiers"
    assert "Social Security number ending in 7788" in page.find(class_="site-findings").get_text()
    assert SSN not in page.find("main").get_text()
    assert outbox(app) == []
    buttons = {b["value"]: b.get_text() for b in page.find_all("button", attrs={"name": "action"})}
    assert buttons == {
        "remove": "Remove the numbers and send",
        "send_anyway": "Send anyway",
        "edit": "Edit",
    }
    # the reply shown with its findings masked, and what removing them will send
    assert page.find(id="reply-masked").get_text() == "We found your SSN ***-**-7788 on file."
    assert page.find(id="reply-removed").get_text() == (
        "We found your SSN [Social Security number removed] on file."
    )
    token = page.find("input", attrs={"name": "csrf_token"})["value"]
    carried = page.find("input", attrs={"name": "body"})["value"]

    edit = client.post(
        f"/staff/messages/{ref}/reply",
        data={"csrf_token": token, "body": carried, "action": "edit"},
    )
    assert edit.status_code == 303
    edit_page = page_of(client.get(edit.location))
    assert edit_page.find("textarea", id="body").get_text() == body
    assert edit_page.find("textarea", id="body").has_attr("autofocus")
    assert outbox(app) == []
    # the warning is gone once the reply is back in the editor
    assert client.get(f"/staff/messages/{ref}/reply/check").status_code == 303

    sent = client.post(
        f"/staff/messages/{ref}/reply",
        data={"csrf_token": token, "body": carried, "action": "send_anyway"},
    )
    assert sent.status_code == 303
    [mail] = outbox(app)
    assert mail.body == body
    assert [d for a, _, _, d in audit(app) if a == "replied"] == [
        "sent with identifiers after a warning"
    ]
    # sent: the draft is forgotten, the editor is empty again
    after = page_of(client.get(sent.location))
    assert after.find("textarea", id="body").get_text() == ""
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(ReplyDraft.id))) == 0


def test_a_reply_can_have_its_numbers_removed_and_be_sent(app, desk, client):
    ref = submission(app)
    desk.sign_in_as()
    body = f"Your SSN {SSN} and card 4929 3817 5208 1111 are on file."
    check = page_of(client.get(desk.post(f"/staff/messages/{ref}/reply", {"body": body}).location))
    token = check.find("input", attrs={"name": "csrf_token"})["value"]
    carried = check.find("input", attrs={"name": "body"})["value"]
    sent = client.post(
        f"/staff/messages/{ref}/reply",
        data={"csrf_token": token, "body": carried, "action": "remove"},
    )
    assert sent.status_code == 303
    [mail] = outbox(app)
    assert mail.body == (
        "Your SSN [Social Security number removed] and card "
        "[payment card number removed] are on file."
    )
    assert [d for a, _, _, d in audit(app) if a == "replied"] == [
        "identifiers removed after a warning"
    ]


def test_an_empty_reply_says_what_to_do(app, desk, client):
    ref = submission(app)
    desk.sign_in_as()
    response = desk.post(f"/staff/messages/{ref}/reply", {"body": "   "})
    assert response.status_code == 303
    page = page_of(client.get(response.location))
    assert [a.get_text() for a in page.select(".site-error-summary a")] == ["Enter your reply"]
    assert page.title.get_text().startswith("Error: ")
    assert outbox(app) == []


def test_a_reply_too_long_comes_back_whole_with_its_error(app, desk, client):
    ref = submission(app)
    desk.sign_in_as()
    body = "Thank you. " * 1000  # 11,000 characters
    response = desk.post(f"/staff/messages/{ref}/reply", {"body": body})
    page = page_of(client.get(response.location))
    assert "10,000 characters or fewer" in page.select_one(".site-error-summary").get_text()
    assert page.find("textarea", id="body").get_text() == body.strip()
    assert outbox(app) == []


def test_a_reply_draft_is_encrypted_and_private_to_the_sign_in(app, desk, client):
    ref = submission(app)
    desk.sign_in_as()
    desk.post(f"/staff/messages/{ref}/reply", {"body": f"Draft-Canary-Heron {SSN}"})
    with app.app_context():
        [raw] = db.session.execute(db.text("SELECT content FROM reply_drafts")).scalars()
    assert raw.startswith("gAAAA")
    assert "Heron" not in raw
    # another member, or the same one signed in again, does not see it
    other = app.test_client()
    other_desk = Desk(app, other)
    other_desk.sign_in_as("admin")
    assert "Heron" not in other.get(f"/staff/messages/{ref}").get_data(as_text=True)
    assert other.get(f"/staff/messages/{ref}/reply/check").status_code == 303
    desk.post("/staff/sign-out")
    assert client.get(f"/staff/messages/{ref}/reply/check").status_code == 303


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def smtp_desk(make_app, port) -> tuple:
    smtp = {"MAIL_BACKEND": "smtp", "MAIL_SERVER": "127.0.0.1", "MAIL_PORT": port}
    app = make_app(**smtp, MAIL_TIMEOUT=5)
    return app, Desk(app, app.test_client())


def test_mail_server_down_keeps_the_text_and_marks_nothing(make_app):
    app, desk = smtp_desk(make_app, free_port())
    ref = submission(app)
    desk.sign_in_as()
    response = desk.post(f"/staff/messages/{ref}/reply", {"body": "Thanks for writing."})
    assert response.status_code == 303
    page = page_of(desk.client.get(response.location))
    assert "could not be sent" in page.select_one(".site-error-summary").get_text()
    assert page.find("textarea", id="body").get_text() == "Thanks for writing."
    item, bodies = stored(app, ref)
    assert item.status == "new"
    assert bodies == []
    assert "replied" not in [a for a, *_ in audit(app)]


class Collector:
    def __init__(self):
        self.envelopes = []

    async def handle_DATA(self, _server, _session, envelope):
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp_server():
    handler = Collector()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller, handler
    controller.stop()


def test_a_real_smtp_server_receives_the_reply(make_app, smtp_server):
    controller, handler = smtp_server
    app, desk = smtp_desk(make_app, controller.port)
    ref = submission(app, "A question")
    desk.sign_in_as()
    body = "Here is our answer.\r\nBcc: someone@evil.example\r\n\r\nRegards"
    response = desk.post(f"/staff/messages/{ref}/reply", {"body": body})
    assert response.status_code == 303
    [envelope] = handler.envelopes
    assert envelope.rcpt_tos == ["pat@example.com"]
    message = message_from_bytes(envelope.content, policy=default_policy)
    assert message["Subject"] == SUBJECT.format(ref)
    assert message["To"] == "pat@example.com"
    assert message["Bcc"] is None
    assert message["Cc"] is None
    assert "Here is our answer." in message.get_content()
    assert "Bcc: someone@evil.example" in message.get_content()  # in the body, as text


@pytest.mark.parametrize(
    "email",
    [
        "pat@example.com\r\nBcc: evil@example.net",
        "pat@example.com\nBcc: evil@example.net",
        "pat@example.com, evil@example.net",
        "Pat <pat@example.com>",
        "pat@example.com\rSubject: hi",
    ],
)
def test_a_tampered_address_cannot_inject_headers(make_app, smtp_server, email):
    controller, handler = smtp_server
    app, desk = smtp_desk(make_app, controller.port)
    # built directly: the contact form would have cleaned these
    ref = submission(app, "A question", email=email, name="Pat\r\nBcc: evil@example.net")
    desk.sign_in_as()
    response = desk.post(f"/staff/messages/{ref}/reply", {"body": "Hello"})
    assert response.status_code == 303
    assert "cannot be used" in page_of(desk.client.get(response.location)).get_text()
    assert handler.envelopes == []
    assert stored(app, ref)[0].status == "new"


def test_a_name_with_line_breaks_never_reaches_the_headers(make_app, smtp_server):
    controller, handler = smtp_server
    app, desk = smtp_desk(make_app, controller.port)
    ref = submission(app, "A question", name="Pat\r\nBcc: evil@example.net")
    desk.sign_in_as()
    assert desk.post(f"/staff/messages/{ref}/reply", {"body": "Hello"}).status_code == 303
    [envelope] = handler.envelopes
    assert envelope.rcpt_tos == ["pat@example.com"]
    assert b"evil" not in envelope.content


def test_the_audit_log_never_holds_what_visitors_or_staff_wrote(app, desk, client):
    canary = "Audit-Canary-Okapi"
    ref = submission(
        app,
        f"{canary} question {SSN}",
        name=canary,
        email="okapi@example.com",
        choice="sent_as_written",
        kinds=["ssn"],
    )
    admin = desk.sign_in_as("admin")
    client.get(f"/staff/messages/{ref}")
    desk.post(f"/staff/messages/{ref}/reveal", {"reason": "Checking a record"})
    desk.post(f"/staff/messages/{ref}/reply", {"body": f"{canary} answer", "action": "send"})
    desk.post(f"/staff/messages/{ref}/status", {"status": "closed"})
    desk.post("/staff/sign-out")
    desk.sign_in(admin.email, "a wrong password typed here")
    events = audit(app)
    assert {a for a, *_ in events} >= {
        "viewed_submission",
        "revealed",
        "replied",
        "status_changed",
        "sign_out",
        "sign_in_failed",
    }
    text = repr(events)
    for secret in (canary, "okapi", "7788", "a wrong password"):
        assert secret not in text


def test_a_stale_page_keeps_the_reply_being_written(app, desk, client):
    ref = submission(app)
    desk.sign_in_as()
    response = client.post(
        f"/staff/messages/{ref}/reply", data={"csrf_token": "stale", "body": "Half written"}
    )
    assert response.status_code == 303
    page = page_of(client.get(response.location))
    assert "timed out" in page.select_one(".site-error-summary").get_text()
    assert page.find("textarea", id="body").get_text() == "Half written"
    assert outbox(app) == []
    stale_status = client.post(f"/staff/messages/{ref}/status", data={"status": "closed"})
    assert stale_status.status_code == 303
    assert stored(app, ref)[0].status == "new"


def test_an_unsent_reply_is_forgotten_after_30_minutes(app, desk, runner, monkeypatch):
    import time

    ref = submission(app)
    desk.sign_in_as()
    desk.post(f"/staff/messages/{ref}/reply", {"body": "   "})
    assert runner.invoke(args=["purge"]).output.count("0 unsent draft(s)") == 1
    later = time.time() + 30 * 60 + 1
    monkeypatch.setattr(time, "time", lambda: later)
    result = runner.invoke(args=["purge"])
    assert result.exit_code == 0, result.output
    assert "1 unsent draft(s)" in result.output
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(ReplyDraft.id))) == 0


def test_a_stale_reply_to_a_message_that_does_not_exist_is_not_a_server_error(app, desk, client):
    """An error raised inside the timed-out handler would be a 500: it must look up, not abort."""
    app.testing = False  # as in production: no exception is propagated to the test
    desk.sign_in_as()
    response = client.post(
        "/staff/messages/DRS-2345-6789/reply", data={"csrf_token": "stale", "body": "Hello"}
    )
    assert response.status_code == 303
    assert client.get(response.location).status_code == 404
