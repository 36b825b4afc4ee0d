"""The contact flow, end to end through the views, as a visitor without JavaScript."""

import logging

import pytest

from app.extensions import db
from app.models import ContactCounter, Submission
from tests.contact.conftest import page_of
from tests.pages import normalise

SSN = "219-56-7788"


def stored(app) -> list[Submission]:
    with app.app_context():
        items = list(db.session.scalars(db.select(Submission)))
        for s in items:  # read the encrypted fields inside the context
            _ = (s.name, s.email, s.message)
        return items


def counters(app) -> dict[tuple[str, str], int]:
    with app.app_context():
        return {(c.event, c.kind): c.count for c in db.session.scalars(db.select(ContactCounter))}


def test_form_has_every_field_and_the_advice(pages):
    page = pages.get("/contact")
    assert pages.last_response.headers["Cache-Control"] == "no-store"
    form = page.find("form", action="/contact")
    assert form.get("novalidate") is not None
    for name in ("name", "email", "topic", "message", "csrf_token"):
        assert form.find(attrs={"name": name}), name
    assert len(form.find_all("input", attrs={"name": "topic"})) == 7
    message = form.find("textarea", id="message")
    advice = page.find(id="message-advice")
    assert "message-advice" in message["aria-describedby"].split()
    assert "Do not include your Social Security number" in advice.get_text()
    assert "860-297-5962" in advice.get_text()
    assert "450 Columbus Blvd" in advice.get_text()
    assert "You can enter up to 5,000 characters" in page.find(id="message-count").get_text()


def test_account_topic_explains_we_do_not_answer_account_questions(pages):
    page = pages.get("/contact")
    notice = normalise(page.find(id="account-notice").get_text(" "))
    assert "We cannot answer questions about your own tax account by e-mail" in notice
    assert "860-297-5962" in notice
    assert "Hartford, CT 06103" in notice
    assert "You can still send us a general question" in notice


def test_missing_fields_get_an_error_summary_and_keep_what_was_typed(visitor):
    response = visitor.send(email="", topic="", message="", name="Pat Q")
    assert response.status_code == 200
    page = page_of(response)
    assert page.title.get_text().startswith("Error: Contact us")
    summary = page.find(class_="site-error-summary")
    assert summary.h2.get_text() == "There is a problem"
    links = [(a["href"], a.get_text()) for a in summary.find_all("a")]
    assert links == [
        ("#email", "Enter your e-mail address"),
        ("#topic-0", "Select what your message is about"),
        ("#message", "Enter your message"),
    ]
    for target, _ in links:
        assert page.find(id=target[1:])
    assert page.find("input", id="name")["value"] == "Pat Q"
    assert page.find("input", id="email")["aria-invalid"] == "true"


def test_bad_email_and_long_message_say_what_to_do(visitor):
    long_message = "x" * 5001
    response = visitor.send(email="pat@", message=long_message)
    page = page_of(response)
    errors = [a.get_text() for a in page.select(".site-error-summary a")]
    assert errors == [
        "Enter an e-mail address in the correct format, like name@example.com",
        "Your message must be 5,000 characters or fewer",
    ]
    assert page.find("textarea", id="message").get_text() == long_message
    assert page.find("input", id="email")["value"] == "pat@"


def test_unknown_topic_is_an_error_not_a_crash(visitor):
    page = page_of(visitor.send(topic="<script>"))
    assert [a.get_text() for a in page.select(".site-error-summary a")] == [
        "Select what your message is about"
    ]


def test_plain_message_is_stored_and_confirmed(app, client, visitor):
    response = visitor.send(name="Pat", message="When is the sales tax holiday?")
    assert response.status_code == 303
    assert response.headers["Location"] == "/contact/sent"
    [submission] = stored(app)
    assert submission.message == "When is the sales tax holiday?"
    assert submission.identifier_choice == "none"
    assert submission.status == "new"
    assert submission.reference.startswith("DRS-")
    confirmation = client.get("/contact/sent")
    assert confirmation.headers["Cache-Control"] == "no-store"
    page = page_of(confirmation)
    assert page.find(class_="site-reference").get_text() == submission.reference
    assert "working days" in page.get_text()
    # the confirmation is shown once; the reference does not stay in the cookie
    assert client.get("/contact/sent").status_code == 303
    # Nothing to count: how many messages arrive a day is the number of rows stored.
    assert counters(app) == {}


def test_identifier_shows_the_interruption_page(app, visitor):
    response = visitor.send(message=f"My SSN is {SSN}, please help")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    page = page_of(response)
    assert page.h1.get_text() == "Your message may include a Social Security number"
    findings = [normalise(li.get_text(" ")) for li in page.select(".site-findings li")]
    assert len(findings) == 1
    assert "a Social Security number ending in 7788" in findings[0]
    visible = page.find("main").get_text()
    assert SSN not in visible
    assert "219" not in visible
    buttons = {b["value"]: b.get_text() for b in page.find_all("button", attrs={"name": "action"})}
    assert buttons == {
        "remove": "Remove the numbers and send",
        "as_written": "Send my message as written",
        "edit": "Go back and edit",
    }
    assert "We recommend that you do not send us your Social Security number" in page.get_text()
    assert stored(app) == []
    assert counters(app) == {("warned", "ssn"): 1}


def test_remove_the_numbers_and_send(app, visitor):
    check = visitor.send(message=f"SSN {SSN}\nand my card 4111 1111 1111 1111 thanks")
    response = visitor.resubmit(check, action="remove")
    assert response.status_code == 303
    [submission] = stored(app)
    assert "[Social Security number removed]" in submission.message
    assert "7788" not in submission.message
    assert "1111" not in submission.message
    assert submission.message.startswith("SSN [Social Security number removed]\nand my card")
    assert submission.identifier_choice == "removed"
    assert submission.kinds == ["card", "ssn"]
    assert submission.has_identifiers is False
    c = counters(app)
    assert c[("removed", "ssn")] == 1
    assert c[("removed", "card")] == 1
    assert c[("warned", "ssn")] == 1
    assert len(c) == 4


def test_send_as_written_keeps_the_text_and_flags_it(app, client, visitor):
    check = visitor.send(message=f"SSN {SSN}")
    response = visitor.resubmit(check, action="as_written")
    assert response.status_code == 303
    [submission] = stored(app)
    assert submission.message == f"SSN {SSN}"
    assert submission.identifier_choice == "sent_as_written"
    assert submission.has_identifiers is True
    assert counters(app)[("sent_as_written", "ssn")] == 1
    assert "You chose to send your message with the numbers in it" in client.get(
        "/contact/sent"
    ).get_data(as_text=True)


def test_not_a_tax_number_leaves_that_finding_alone(app, visitor):
    check = visitor.send(message=f"SSN {SSN} and EIN 12-3456789")
    page = page_of(check)
    marks = [b["value"] for b in page.find_all("button", attrs={"name": "not_tax_number"})]
    assert len(marks) == 2
    after = visitor.resubmit(check, not_tax_number=marks[1])
    assert after.status_code == 200
    page = page_of(after)
    assert page.h1.get_text() == "Your message may include a Social Security number"
    assert counters(app)[("not_a_tax_number", "fein")] == 1
    # removing the remaining one leaves the reported one as it was
    visitor.resubmit(after, action="remove")
    [submission] = stored(app)
    assert submission.message == "SSN [Social Security number removed] and EIN 12-3456789"


def test_reporting_the_last_finding_returns_to_the_form_then_sends(app, visitor):
    check = visitor.send(message=f"Number {SSN}")
    mark = page_of(check).find("button", attrs={"name": "not_tax_number"})["value"]
    form = visitor.resubmit(check, not_tax_number=mark)
    page = page_of(form)
    assert page.h1.get_text() == "Contact us"
    assert "We have left that number as it is" in page.get_text()
    assert page.find("textarea", id="message").get_text() == f"Number {SSN}"
    sent = visitor.resubmit(form, action="send")
    assert sent.status_code == 303
    [submission] = stored(app)
    assert submission.message == f"Number {SSN}"
    assert submission.identifier_choice == "none"


def test_go_back_and_edit_keeps_everything_and_checks_again(app, visitor):
    check = visitor.send(name="Pat", message=f"SSN {SSN}")
    edit = visitor.resubmit(check, action="edit")
    page = page_of(edit)
    assert page.h1.get_text() == "Contact us"
    textarea = page.find("textarea", id="message")
    assert textarea.get_text() == f"SSN {SSN}"
    assert textarea.has_attr("autofocus")
    hint = page.find(id="message-findings")
    assert not hint.has_attr("hidden")
    assert "a Social Security number ending in 7788" in hint.get_text()
    assert page.find("input", id="name")["value"] == "Pat"
    assert page.find("input", attrs={"name": "topic", "checked": True})["value"] == "general"
    again = visitor.resubmit(edit, action="send")
    assert page_of(again).h1.get_text() == "Your message may include a Social Security number"
    assert stored(app) == []


def test_identifier_in_the_name_is_found_too(visitor):
    page = page_of(visitor.send(name=f"Pat {SSN}", message="hello"))
    assert "in your name" in page.select_one(".site-findings li").get_text()


def test_stale_csrf_token_shows_the_form_with_text_kept(app, visitor):
    response = visitor.send(csrf=False, csrf_token="expired", name="Pat", message="Keep me")
    assert response.status_code == 400
    page = page_of(response)
    assert "This page timed out" in page.get_text()
    assert page.find("textarea", id="message").get_text() == "Keep me"
    assert page.find("input", id="name")["value"] == "Pat"
    assert stored(app) == []
    # the page carries a fresh token: sending again works
    assert visitor.resubmit(response, action="send").status_code == 303


def test_missing_csrf_token_too(visitor):
    response = visitor.send(csrf=False, message="Keep me")
    assert response.status_code == 400
    assert "Keep me" in response.get_data(as_text=True)


def test_rate_limit_keeps_the_text_and_says_when(app, visitor):
    app.config["CONTACT_RATE_LIMIT"] = "2 per minute"
    assert visitor.send(message="one").status_code == 303
    assert visitor.send(message="two").status_code == 303
    response = visitor.send(message="three, kept")
    assert response.status_code == 429
    page = page_of(response)
    text = normalise(page.get_text(" "))
    assert "Please wait before sending again" in text
    assert "Wait 1 minute, then press Send message again" in text
    assert page.find("textarea", id="message").get_text() == "three, kept"
    assert len(stored(app)) == 2


def test_warnings_do_not_use_up_the_rate_limit(app, visitor):
    app.config["CONTACT_RATE_LIMIT"] = "1 per minute"
    for _ in range(3):
        assert visitor.send(message=f"SSN {SSN}").status_code == 200
    assert visitor.send(message="fine").status_code == 303


def test_honeypot_turns_bots_away_quietly(app, client, visitor):
    response = visitor.send(website="http://spam.example", message="Buy now")
    assert response.status_code == 303
    assert stored(app) == []
    assert client.get("/contact/sent").status_code == 200


def test_control_and_bidi_characters_are_dropped(app, visitor):
    visitor.send(name="Pat\u202e\x07 Q", message="line one\r\nline\u2066 two\x00\tend")
    [submission] = stored(app)
    assert submission.name == "Pat Q"
    assert submission.message == "line one\nline two\tend"


def test_oversized_body_gets_a_plain_413(visitor):
    response = visitor.send(message="x" * 200_000)
    assert response.status_code == 413
    assert "What you sent is too large" in response.get_data(as_text=True)


def test_sent_page_without_a_message_goes_to_the_form(client):
    response = client.get("/contact/sent")
    assert response.status_code == 303
    assert response.headers["Location"] == "/contact"


def test_account_topic_is_reminded_on_the_confirmation(client, visitor):
    visitor.send(topic="account", message="Where is my refund?")
    text = client.get("/contact/sent").get_data(as_text=True)
    assert "We cannot answer questions about your own tax account by e-mail" in text


def test_submission_has_nothing_that_links_it_to_the_access_log():
    """'The automatic data recorded is not matched with any of that PII.'"""
    columns = set(Submission.__table__.columns.keys())
    assert columns == {
        "id",
        "reference",
        "received_on",
        "topic",
        "name",
        "email",
        "message",
        "status",
        "identifier_choice",
        "identifier_kinds",
        "has_identifiers",
        "replied_on",
        "closed_on",
        "purged_on",
        "send_key_hash",
        "language",  # of the page it was sent from: two values, shared by many messages
    }
    assert str(Submission.__table__.c.received_on.type) == "DATE"


def test_visitor_text_never_reaches_the_log_cookie_or_url(app, client, visitor, caplog):
    caplog.set_level(logging.DEBUG)
    canary = "Canary-Zebra-Quartz"
    check = visitor.send(name=canary, email="canary@example.com", message=f"{canary} {SSN}")
    visitor.resubmit(check, action="edit")
    final = visitor.resubmit(check, action="as_written")
    assert canary not in final.headers.get("Location", "")
    cookie = client.get_cookie("drs_public")
    if cookie is not None:
        data = app.session_interface.get_signing_serializer(app).loads(cookie.value)
        assert canary not in repr(data)
        assert "canary@" not in repr(data)
    assert canary not in caplog.text
    assert "7788" not in caplog.text


@pytest.mark.parametrize("method", ["put", "delete", "patch"])
def test_other_methods_are_405(client, method):
    assert getattr(client, method)("/contact").status_code == 405


def test_the_same_message_sent_twice_is_stored_once(app, client, visitor):
    """A retry after a lost connection, or a resubmitted page, repeats the send key."""
    form = visitor.client.get("/contact")
    token = form.get_data(as_text=True).split('name="send_key" value="')[1].split('"')[0]
    data = {"email": "pat@example.com", "topic": "general", "message": "Once only"}
    first = visitor.send(send_key=token, **data)
    page_one = client.get("/contact/sent").get_data(as_text=True)
    second = visitor.send(send_key=token, **data)
    page_two = client.get("/contact/sent").get_data(as_text=True)
    assert first.status_code == second.status_code == 303
    [submission] = stored(app)
    assert submission.reference in page_one
    assert submission.reference in page_two
    assert counters(app) == {}


def test_a_forged_send_key_is_replaced(app, visitor):
    visitor.send(send_key="not a key", message="one")
    visitor.send(send_key="not a key", message="two")
    assert sorted(s.message for s in stored(app)) == ["one", "two"]


def test_the_send_key_travels_through_the_warning(app, visitor):
    check = visitor.send(message=f"SSN {SSN}")
    key = page_of(check).find("input", attrs={"name": "send_key"})["value"]
    visitor.resubmit(check, action="remove")
    visitor.resubmit(check, action="remove")  # the browser resends the same page
    assert len(stored(app)) == 1
    assert len(key) == 22
    assert counters(app) == {("warned", "ssn"): 1, ("removed", "ssn"): 1}
