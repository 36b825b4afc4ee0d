"""The contact flow, end to end through the views, as a visitor without JavaScript."""

import logging
from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from app.extensions import db
from app.models import ContactCounter, Submission
from tests.pages import normalise, page_of
from tests.support.visitor import Visitor

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


def landed(response) -> str:
    """Where a followed POST ended up (it must have been redirected there with a 303)."""
    assert response.history, "a POST is answered with a redirect"
    assert all(r.status_code == 303 for r in response.history), "reached by GET after a 303"
    return response.request.path


def test_missing_fields_get_an_error_summary_and_keep_what_was_typed(visitor):
    response = visitor.send(follow=True, email="", topic="", message="", name="Pat Q")
    assert landed(response) == "/contact"
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
    assert all("usa-link" in a["class"] for a in summary.find_all("a"))
    for target, _ in links:
        assert page.find(id=target[1:])
    assert page.find("input", id="name")["value"] == "Pat Q"
    assert page.find("input", id="email")["aria-invalid"] == "true"


def test_reloading_the_error_page_shows_it_again(visitor):
    visitor.send(follow=True, email="pat@", message="Keep me")
    again = visitor.client.get("/contact")
    page = page_of(again)
    assert page.title.get_text().startswith("Error: Contact us")
    assert page.find("textarea", id="message").get_text() == "Keep me"


def test_bad_email_and_long_message_say_what_to_do(visitor):
    long_message = "x" * 5001
    response = visitor.send(follow=True, email="pat@", message=long_message)
    page = page_of(response)
    errors = [a.get_text() for a in page.select(".site-error-summary a")]
    assert errors == [
        "Enter an e-mail address in the correct format, like name@example.com",
        "Your message must be 5,000 characters or fewer",
    ]
    assert page.find("textarea", id="message").get_text() == long_message
    assert page.find("input", id="email")["value"] == "pat@"
    assert normalise(page.find(id="message-count").get_text()) == "1 character over limit"


def test_character_count_is_right_when_the_form_comes_back_filled(visitor):
    page = page_of(visitor.send(follow=True, email="pat@", message="x" * 1200))
    assert normalise(page.find(id="message-count").get_text()) == "3,800 characters left"


def test_unknown_topic_is_an_error_not_a_crash(visitor):
    page = page_of(visitor.send(follow=True, topic="<script>"))
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
    # nothing risky was sent: no word of numbers sent by mistake
    assert "If you sent a tax number by mistake" not in page.get_text()
    assert "removed" not in page.find("main").get_text()
    # Reload shows the same confirmation; it never sends again
    assert page_of(client.get("/contact/sent")).find(class_="site-reference").get_text() == (
        submission.reference
    )
    # Nothing to count: how many messages arrive a day is the number of rows stored.
    assert counters(app) == {}


def test_back_to_the_form_after_sending_says_it_was_sent(app, client, visitor):
    visitor.send(follow=True, message="Hello there")
    [submission] = stored(app)
    page = page_of(client.get("/contact"))
    assert "Your message has been sent" in page.get_text()
    assert submission.reference in page.get_text()
    assert page.find("textarea", id="message").get_text() == ""
    assert len(stored(app)) == 1


def test_identifier_shows_the_interruption_page(app, client, visitor):
    response = visitor.send(follow=True, message=f"My SSN is {SSN}, please help")
    assert landed(response) == "/contact/check"
    assert response.headers["Cache-Control"] == "no-store"
    page = page_of(response)
    assert page.h1.get_text() == "Your message may include a Social Security number"
    boxes = page.select("fieldset.site-findings input[type=checkbox]")
    assert len(boxes) == 1
    assert boxes[0]["name"] == "not_tax_number"
    label = normalise(page.find("label", attrs={"for": boxes[0]["id"]}).get_text(" "))
    assert label == "This is not a Social Security number Ending in 7788, in your message"
    visible = page.find("main").get_text()
    assert SSN not in visible
    assert "219" not in visible
    buttons = {b["value"]: b.get_text() for b in page.find_all("button", attrs={"name": "action"})}
    assert buttons == {
        "remove": "Remove the numbers and send",
        "as_written": "Send my message as written",
        "edit": "Go back and edit",
    }
    assert all("usa-button" in b["class"] for b in page.find_all("button"))
    # what "Remove the numbers and send" will send, before it is chosen
    preview = page.find(id="preview")
    assert preview.get_text() == "My SSN is [Social Security number removed], please help"
    why = page.find("details")
    assert why.summary.get_text() == "Why we ask"
    assert "We recommend that you do not send us your Social Security number" in why.get_text()
    # the decision comes before the reasons
    text = str(page.find("main"))
    assert text.index("Remove the numbers and send") < text.index("Why we ask")
    assert stored(app) == []
    assert counters(app) == {("warned", "ssn"): 1}
    # Reload shows the same page and counts nothing again
    assert page_of(client.get("/contact/check")).h1.get_text() == page.h1.get_text()
    assert counters(app) == {("warned", "ssn"): 1}


def test_no_site_notices_inside_the_flow(client, visitor):
    assert client.get("/privacy").get_data(as_text=True).count("site-notice") > 0
    assert "site-notice" not in client.get("/contact").get_data(as_text=True)
    check = visitor.send(follow=True, message=f"SSN {SSN}")
    assert "site-notice" not in check.get_data(as_text=True)
    sent = visitor.resubmit(check, follow=True, action="remove")
    assert landed(sent) == "/contact/sent"
    assert "site-notice" not in sent.get_data(as_text=True)


def test_remove_the_numbers_and_send(app, visitor):
    check = visitor.send(follow=True, message=f"SSN {SSN}\nand my card 4929 3817 5208 1111 thanks")
    response = visitor.resubmit(check, follow=True, action="remove")
    assert landed(response) == "/contact/sent"
    [submission] = stored(app)
    assert "[Social Security number removed]" in submission.message
    assert "7788" not in submission.message
    assert "1111" not in submission.message
    assert submission.message.startswith("SSN [Social Security number removed]\nand my card")
    assert page_of(check).find(id="preview").get_text() == submission.message
    assert submission.identifier_choice == "removed"
    assert submission.kinds == ["card", "ssn"]
    assert submission.has_identifiers is False
    c = counters(app)
    assert c[("removed", "ssn")] == 1
    assert c[("removed", "card")] == 1
    assert c[("warned", "ssn")] == 1
    assert len(c) == 4
    text = normalise(page_of(response).get_text(" "))
    assert "We removed 2 numbers before sending your message" in text
    assert "If you sent a tax number by mistake" not in text


def test_removing_one_number_says_so_in_the_singular(visitor):
    check = visitor.send(follow=True, message=f"SSN {SSN}")
    text = normalise(page_of(visitor.resubmit(check, follow=True, action="remove")).get_text(" "))
    assert "We removed the number before sending your message" in text


def test_send_as_written_keeps_the_text_and_flags_it(app, visitor):
    check = visitor.send(follow=True, message=f"SSN {SSN}")
    response = visitor.resubmit(check, follow=True, action="as_written")
    assert landed(response) == "/contact/sent"
    [submission] = stored(app)
    assert submission.message == f"SSN {SSN}"
    assert submission.identifier_choice == "sent_as_written"
    assert submission.has_identifiers is True
    assert counters(app)[("sent_as_written", "ssn")] == 1
    page = page_of(response)
    text = normalise(page.get_text(" "))
    assert "You chose to send your message with the numbers in it" in text
    assert "If you sent a tax number by mistake" in text
    assert page.find("a", href="tel:+18602975962")


def test_two_findings_one_dismissed_then_removed(app, visitor):
    check = visitor.send(follow=True, message=f"SSN {SSN} and card 4929 3817 5208 1111")
    page = page_of(check)
    boxes = page.select("input[name=not_tax_number]")
    labels = [normalise(page.find("label", attrs={"for": b["id"]}).get_text(" ")) for b in boxes]
    assert labels == [
        "This is not a Social Security number Ending in 7788, in your message",
        "This is not a payment card number Ending in 1111, in your message",
    ]
    assert "We found 2 numbers" in page.find("legend").get_text()
    sent = visitor.resubmit(check, follow=True, not_tax_number=boxes[1]["value"], action="remove")
    assert landed(sent) == "/contact/sent"
    [submission] = stored(app)
    assert submission.message == "SSN [Social Security number removed] and card 4929 3817 5208 1111"
    assert submission.kinds == ["ssn"]
    c = counters(app)
    assert c[("not_a_tax_number", "card")] == 1
    assert c[("removed", "ssn")] == 1
    text = normalise(page_of(sent).get_text(" "))
    assert "We removed the number before sending" in text
    assert "We left 1 number as you wrote it" in text


def test_two_findings_both_dismissed_then_edit_says_so_in_the_plural(app, visitor):
    message = f"SSN {SSN} and card 4929 3817 5208 1111"
    check = visitor.send(follow=True, message=message)
    marks = [b["value"] for b in page_of(check).select("input[name=not_tax_number]")]
    form = visitor.resubmit(check, follow=True, not_tax_number=marks, action="edit")
    assert landed(form) == "/contact"
    page = page_of(form)
    text = normalise(page.get_text(" "))
    assert "We will leave those 2 numbers as they are" in text
    textarea = page.find("textarea", id="message")
    assert textarea.get_text() == message
    # the live hint is told which numbers to leave alone (masked, never the digits)
    assert textarea["data-dismissed"].split("|") == ["ssn:***-**-7788", "card:**** **** **** 1111"]
    assert page.find(id="message-findings").has_attr("hidden")
    assert SSN not in textarea["data-dismissed"]
    assert counters(app)[("not_a_tax_number", "ssn")] == 1
    # and sending it now asks nothing again
    sent = visitor.resubmit(form, follow=True, action="send")
    assert landed(sent) == "/contact/sent"
    [submission] = stored(app)
    assert submission.message == message
    assert submission.identifier_choice == "none"


def test_dismissing_every_number_then_sending_sends_it_as_is(app, visitor):
    check = visitor.send(follow=True, message=f"Number {SSN}")
    mark = page_of(check).find("input", attrs={"name": "not_tax_number"})["value"]
    sent = visitor.resubmit(check, follow=True, not_tax_number=mark, action="remove")
    assert landed(sent) == "/contact/sent"
    [submission] = stored(app)
    assert submission.message == f"Number {SSN}"
    assert submission.identifier_choice == "none"
    text = normalise(page_of(sent).get_text(" "))
    assert "We left 1 number as you wrote it" in text
    assert "We removed" not in text


def test_a_forged_fingerprint_dismisses_nothing(app, visitor):
    check = visitor.send(follow=True, message=f"SSN {SSN}")
    visitor.resubmit(check, follow=True, not_tax_number="0" * 20, action="remove")
    [submission] = stored(app)
    assert submission.message == "SSN [Social Security number removed]"


def test_go_back_and_edit_keeps_everything_and_checks_again(app, visitor):
    check = visitor.send(follow=True, name="Pat", message=f"SSN {SSN}")
    edit = visitor.resubmit(check, follow=True, action="edit")
    assert landed(edit) == "/contact"
    page = page_of(edit)
    assert page.h1.get_text() == "Contact us"
    textarea = page.find("textarea", id="message")
    assert textarea.get_text() == f"SSN {SSN}"
    assert textarea.has_attr("autofocus")
    hint = page.find(id="message-findings")
    assert not hint.has_attr("hidden")
    assert "a Social Security number ending in 7788" in hint.get_text()
    # the hint comes after the text box, so it never pushes it down
    html = str(page.find("form"))
    assert html.index('id="message"') < html.index('id="message-findings"')
    assert page.find("input", id="name")["value"] == "Pat"
    assert page.find("input", attrs={"name": "topic", "checked": True})["value"] == "general"
    assert normalise(page.find(id="message-count").get_text()) == "4,985 characters left"
    again = visitor.resubmit(edit, follow=True, action="send")
    assert page_of(again).h1.get_text() == "Your message may include a Social Security number"
    assert stored(app) == []


def test_identifier_in_the_name_is_found_too(visitor):
    page = page_of(visitor.send(follow=True, name=f"Pat {SSN}", message="hello"))
    label = normalise(page.select_one("fieldset.site-findings label").get_text(" "))
    assert label.endswith("Ending in 7788, in your name")
    assert "in your name will be taken out too" in page.get_text()


@pytest.mark.parametrize("token", ["missing", "malformed", "expired"])
def test_a_bad_csrf_token_shows_the_form_with_text_kept(app, visitor, token):
    """A page left open too long, or sent without its token: the same to the visitor."""
    fields = {"name": "Pat", "message": "Keep me"}
    if token == "malformed":
        fields["csrf_token"] = "expired"
    elif token == "expired":
        with time_machine.travel(datetime.now(UTC) - timedelta(hours=6), tick=False):
            fields["csrf_token"] = visitor.token()
    response = visitor.send(follow=True, csrf=False, **fields)
    assert landed(response) == "/contact"
    page = page_of(response)
    assert "This page timed out" in page.get_text()
    assert page.find("textarea", id="message").get_text() == "Keep me"
    assert page.find("input", id="name")["value"] == "Pat"
    assert stored(app) == []
    # the page carries a fresh token: sending again works
    assert landed(visitor.resubmit(response, follow=True, action="send")) == "/contact/sent"


def test_a_stale_token_from_another_site_keeps_nothing(client):
    response = client.post(
        "/contact",
        data={"email": "pat@example.com", "topic": "general", "message": "Planted"},
        headers={"Sec-Fetch-Site": "cross-site", "Origin": "https://evil.example"},
    )
    assert response.status_code == 400
    assert "Planted" not in client.get("/contact").get_data(as_text=True)


def test_rate_limit_keeps_the_text_and_says_when(app, visitor):
    app.config["CONTACT_RATE_LIMIT"] = "2 per minute"
    assert landed(visitor.send(follow=True, message="one")) == "/contact/sent"
    assert landed(visitor.send(follow=True, message="two")) == "/contact/sent"
    response = visitor.send(follow=True, message="three, kept")
    assert landed(response) == "/contact"
    page = page_of(response)
    text = normalise(page.get_text(" "))
    assert "Please wait before sending again" in text
    assert "Wait 1 minute, then press Send message again" in text
    assert page.find("textarea", id="message").get_text() == "three, kept"
    assert len(stored(app)) == 2


def test_rate_limit_on_the_warning_page_keeps_the_choice_open(app, visitor):
    app.config["CONTACT_RATE_LIMIT"] = "2 per minute"
    check = visitor.send(follow=True, message=f"SSN {SSN}")
    # meanwhile, two messages are sent from the same connection
    others = Visitor(app.test_client())
    assert landed(others.send(follow=True, message="one")) == landed(
        others.send(follow=True, message="two")
    )
    response = visitor.resubmit(check, follow=True, action="remove")
    assert landed(response) == "/contact/check"
    assert "Please wait before sending again" in response.get_data(as_text=True)
    assert len(stored(app)) == 2


def test_warnings_do_not_use_up_the_rate_limit(app, visitor):
    app.config["CONTACT_RATE_LIMIT"] = "1 per minute"
    for _ in range(3):
        assert landed(visitor.send(follow=True, message=f"SSN {SSN}")) == "/contact/check"
    assert landed(visitor.send(follow=True, message="fine")) == "/contact/sent"


def test_honeypot_turns_bots_away_quietly(app, client, visitor):
    response = visitor.send(website="http://spam.example", message="Buy now")
    assert response.status_code == 303
    assert stored(app) == []
    assert client.get("/contact/sent").status_code == 200


def test_control_and_bidi_characters_are_dropped(app, visitor):
    visitor.send(follow=True, name="Pat\u202e\x07 Q", message="line one\r\nline\u2066 two\x00\tend")
    [submission] = stored(app)
    assert submission.name == "Pat Q"
    assert submission.message == "line one\nline two\tend"


def test_sent_page_without_a_message_goes_to_the_form(client):
    response = client.get("/contact/sent")
    assert response.status_code == 303
    assert response.headers["Location"] == "/contact"


def test_warning_page_without_a_message_goes_to_the_form(client):
    response = client.get("/contact/check")
    assert response.status_code == 303
    assert response.headers["Location"] == "/contact"


def test_account_topic_is_reminded_on_the_confirmation(client, visitor):
    visitor.send(follow=True, topic="account", message="Where is my refund?")
    text = client.get("/contact/sent").get_data(as_text=True)
    assert "We cannot answer questions about your own tax account by e-mail" in text


def test_phone_numbers_are_tel_links(pages, visitor):
    for path in ("/contact", "/privacy", "/"):
        page = pages.get(path)
        for text in page.find_all(string=lambda s: s and "860-297-5962" in s):
            assert text.parent.name == "a", path
            assert text.parent["href"] == "tel:+18602975962", path
    check = page_of(visitor.send(follow=True, message=f"SSN {SSN}"))
    assert check.find("a", href="tel:+18602975962")


@pytest.mark.usefixtures("app")
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


def _session_of(app, client) -> str:
    cookie = client.get_cookie("drs_public")
    if cookie is None:
        return ""
    return repr(app.session_interface.get_signing_serializer(app).loads(cookie.value))


def test_visitor_text_never_reaches_the_log_cookie_or_url(app, client, visitor, caplog):
    caplog.set_level(logging.DEBUG)
    canary = "Canary-Zebra-Quartz"
    responses = []
    check = visitor.send(
        follow=True, name=canary, email="canary@example.com", message=f"{canary} {SSN}"
    )
    responses.append(check)
    assert canary not in _session_of(app, client)
    assert "canary@" not in _session_of(app, client)
    edit = visitor.resubmit(check, follow=True, action="edit")
    responses.append(edit)
    assert canary not in _session_of(app, client)
    again = visitor.resubmit(edit, follow=True, action="send")
    final = visitor.resubmit(again, follow=True, action="as_written")
    responses += [again, final]
    for response in responses:
        for step in [*response.history, response]:
            assert canary not in step.headers.get("Location", "")
            assert canary not in step.request.url
    assert canary not in _session_of(app, client)
    assert canary not in caplog.text
    assert "7788" not in caplog.text


def test_the_unsent_text_is_held_encrypted_and_forgotten_at_send(app, visitor):
    canary = "Canary-Drafted-Words"
    check = visitor.send(follow=True, message=f"{canary} {SSN}")
    with app.app_context():
        rows = db.session.execute(db.text("SELECT content FROM contact_drafts")).all()
    assert len(rows) == 1
    assert canary not in rows[0][0]
    assert "7788" not in rows[0][0]
    assert rows[0][0].startswith("gAAAAA")  # a Fernet token
    visitor.resubmit(check, follow=True, action="remove")
    with app.app_context():
        assert db.session.execute(db.text("SELECT count(*) FROM contact_drafts")).scalar() == 0


def test_a_plain_message_never_waits_in_a_draft(app, visitor):
    visitor.send(follow=True, message="Nothing to warn about")
    with app.app_context():
        assert db.session.execute(db.text("SELECT count(*) FROM contact_drafts")).scalar() == 0


def test_the_unsent_text_is_forgotten_after_30_minutes(app, client, visitor, runner, monkeypatch):
    import time

    check = visitor.send(follow=True, message=f"Forget me {SSN}")
    assert landed(check) == "/contact/check"
    later = time.time() + 30 * 60 + 1
    monkeypatch.setattr(time, "time", lambda: later)
    # gone for the visitor at once …
    form = client.get("/contact", follow_redirects=True)
    page = page_of(form)
    assert "Your unsent message was not kept" in page.get_text()
    assert "Forget me" not in form.get_data(as_text=True)
    assert landed(client.get("/contact/check", follow_redirects=True)) == "/contact"
    # … and from the database with the next purge
    result = runner.invoke(args=["purge"])
    assert result.exit_code == 0, result.output
    assert "1 unsent draft(s)" in result.output
    with app.app_context():
        assert db.session.execute(db.text("SELECT count(*) FROM contact_drafts")).scalar() == 0


def test_a_draft_within_30_minutes_is_kept_by_the_purge(app, visitor, runner):
    visitor.send(follow=True, message=f"Keep me {SSN}")
    assert "0 unsent draft(s)" in runner.invoke(args=["purge"]).output
    with app.app_context():
        assert db.session.execute(db.text("SELECT count(*) FROM contact_drafts")).scalar() == 1


def test_every_save_forgets_other_visitors_expired_drafts(app, monkeypatch):
    import time

    first = Visitor(app.test_client())
    first.send(follow=True, message=f"Old {SSN}")
    later = time.time() + 31 * 60
    monkeypatch.setattr(time, "time", lambda: later)
    Visitor(app.test_client()).send(follow=True, message=f"New {SSN}")
    with app.app_context():
        assert db.session.execute(db.text("SELECT count(*) FROM contact_drafts")).scalar() == 1


def test_reload_on_each_page_shows_it_again_and_sends_nothing(app, client, visitor):
    form = client.get("/contact")
    assert form.status_code == 200
    check = visitor.send(follow=True, message=f"SSN {SSN}")
    for _ in range(2):
        again = client.get("/contact/check")
        assert again.status_code == 200
        assert page_of(again).h1.get_text() == page_of(check).h1.get_text()
    sent = visitor.resubmit(check, follow=True, action="remove")
    for _ in range(2):
        again = client.get("/contact/sent")
        assert again.status_code == 200
        assert "Message sent" in again.get_data(as_text=True)
    assert len(stored(app)) == 1
    assert counters(app)[("warned", "ssn")] == 1
    assert landed(sent) == "/contact/sent"


def test_back_after_sending_never_sends_again(app, client, visitor):
    check = visitor.send(follow=True, message=f"SSN {SSN}")
    visitor.resubmit(check, follow=True, action="remove")
    # Back: the warning page is a GET; with its message sent, it leads to the form
    back = client.get("/contact/check", follow_redirects=True)
    assert landed(back) == "/contact"
    assert "Your message has been sent" in back.get_data(as_text=True)
    # and pressing its button again (a page restored from memory) stores nothing more
    visitor.resubmit(check, follow=True, action="remove")
    assert len(stored(app)) == 1


def test_a_change_in_another_window_is_shown_before_anything_is_sent(app, client, visitor):
    first = visitor.send(follow=True, message=f"First window {SSN}")
    fresh = client.get("/contact")  # the same message, opened in another window
    other = visitor.resubmit(
        follow=True,
        response=fresh,
        email="pat@example.com",
        topic="general",
        message="Second window 4929 3817 5208 1111",
    )
    assert landed(other) == "/contact/check"
    response = visitor.resubmit(first, follow=True, action="as_written")
    assert landed(response) == "/contact/check"
    page = page_of(response)
    assert "It was changed in another window" in page.get_text()
    assert "payment card number" in page.h1.get_text()
    assert stored(app) == []


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
    visitor.send(follow=True, send_key="not a key", message="one")
    visitor.send(follow=True, send_key="not a key", message="two")
    assert sorted(s.message for s in stored(app)) == ["one", "two"]


def test_the_send_key_travels_through_the_warning(app, visitor):
    check = visitor.send(follow=True, message=f"SSN {SSN}")
    key = page_of(check).find("input", attrs={"name": "send_key"})["value"]
    visitor.resubmit(check, follow=True, action="remove")
    visitor.resubmit(check, follow=True, action="remove")  # the browser resends the same page
    assert len(stored(app)) == 1
    assert len(key) == 22
    assert counters(app) == {("warned", "ssn"): 1, ("removed", "ssn"): 1}


def test_rate_limited_while_the_database_fails_is_a_503_with_the_text(app, visitor, monkeypatch):
    """The rate-limit page saves a draft from inside an error handler, where an error
    would be a 500: a database failure there is answered as the form's own."""
    from sqlalchemy.exc import OperationalError

    from app.contact import drafts

    app.config["CONTACT_RATE_LIMIT"] = "1 per minute"
    app.testing = False  # as in production: nothing propagated to the test
    assert landed(visitor.send(follow=True, message="one")) == "/contact/sent"

    def database_gone(*_args, **_kwargs):
        raise OperationalError("INSERT", {}, Exception("disk I/O error"))

    monkeypatch.setattr(drafts, "save", database_gone)
    response = visitor.send(message="two, kept")
    assert response.status_code == 503
    assert page_of(response).find("textarea", id="message").get_text() == "two, kept"
