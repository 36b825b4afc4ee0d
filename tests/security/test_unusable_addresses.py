"""Item 10: addresses the form accepted but no reply could use.

`ü@exämple.com` passed the form's syntax check, so the message was stored, and the desk
then answered 503 to every reply: the visitor was promised an answer that could not
reach them. The form now refuses, in plain words, what the reply cannot use.
"""

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st
from sqlalchemy import select

from app.extensions import db
from app.models import Submission
from app.staff.mail import _PLAIN_ADDRESS, ReplyNotSent, parsed_recipient, safe_recipient
from tests.pages import page_of
from tests.support.visitor import Visitor


def stored(app) -> list[str]:
    with app.app_context():
        return [s.email for s in db.session.scalars(select(Submission))]


@pytest.mark.parametrize("address", ["ü@exämple.com", "josé@example.com", "日本@example.jp"])
def test_the_form_refuses_what_the_reply_cannot_use(app, address):
    client = app.test_client()
    response = Visitor(client).send(email=address, message="Please keep my words")
    if response.status_code == 303:  # the form again, by GET (Post/Redirect/Get)
        assert response.headers["Location"].endswith("/contact")
        response = client.get(response.headers["Location"])
    assert response.status_code == 200
    page = page_of(response)
    error = page.find(id="email-error")
    assert error is not None
    text = " ".join(error.get_text().split())
    assert "before the @" in text
    assert "Please keep my words" in response.get_data(as_text=True)
    assert stored(app) == []


def test_an_international_domain_is_accepted_and_replied_to(app, desk):
    visitor = Visitor(app.test_client())
    assert visitor.send(email="pat@exämple.com").status_code == 303
    [reference] = _references(app)
    desk.sign_in_as("reader")
    response = desk.post(f"/staff/messages/{reference}/reply", {"body": "Thank you"})
    assert response.status_code == 303
    [sent] = app.extensions["mailman"].outbox
    assert sent.to == ["pat@exämple.com"]


def _references(app) -> list[str]:
    with app.app_context():
        return [s.reference for s in db.session.scalars(select(Submission))]


def _outcome(check, address):
    try:
        return check(address)
    except ReplyNotSent:
        return ReplyNotSent


@given(st.from_regex(_PLAIN_ADDRESS, fullmatch=True))
@example("pat@example.com")
@example("a.b+c_d-e@x-y.example.co")
def test_a_plain_address_is_taken_as_the_parser_would_take_it(address):
    """The shortcut for plain addresses (a regular expression instead of the e-mail
    package's parser) gives what the parser gives: the address itself."""
    assume(len(address) <= 254)
    assert safe_recipient(address) == parsed_recipient(address) == address


@given(st.text(alphabet=st.sampled_from('ab.@_+-"<>, \\\r\nü1()[]:;'), max_size=30))
@example("pat@example")
@example(".pat@example.com")
@example("pat..q@example.com")
@example("pat@example.com.")
@example("pat@-example.com")
@example("pat@example.com ")
def test_any_address_is_judged_as_the_parser_judges_it(address):
    assert _outcome(safe_recipient, address) == _outcome(parsed_recipient, address)
