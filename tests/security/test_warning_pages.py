"""Item 7: warning pages were not rate-limited, and each one wrote a counter.

Sixty posts of a message with an SSN in 0.4 s raised `warned/ssn` by sixty and took
SQLite's write lock sixty times. A form (its send key) now counts one warning per kind
however often it is shown, and warnings from one address are rate-limited.
"""

import secrets

from sqlalchemy import func, select

from app.extensions import db
from app.models import ContactCounter
from tests.support.visitor import Visitor

SSN_MESSAGE = "My SSN is 219-56-7788, when is my refund coming?"


def warned(app, kind="ssn") -> int:
    with app.app_context():
        return db.session.scalar(
            select(func.coalesce(func.sum(ContactCounter.count), 0)).where(
                ContactCounter.event == "warned", ContactCounter.kind == kind
            )
        )


def test_one_form_is_counted_once_however_often_it_warns(make_app):
    app = make_app(CONTACT_WARNING_RATE_LIMIT="1000 per minute")
    client = app.test_client()
    visitor = Visitor(client)
    send_key = secrets.token_urlsafe(16)
    token = visitor.token()
    for _ in range(60):
        response = visitor.send(message=SSN_MESSAGE, send_key=send_key, csrf_token=token)
        assert response.headers["Location"].endswith("/contact/check")
    assert warned(app) == 1
    # the same form warning about another kind counts that kind once
    for _ in range(5):
        visitor.send(
            message=SSN_MESSAGE + " Our FEIN is 06-1234567.", send_key=send_key, csrf_token=token
        )
    assert warned(app) == 1
    assert warned(app, "fein") == 1
    # another form is another warning
    visitor.send(message=SSN_MESSAGE, send_key=secrets.token_urlsafe(16), csrf_token=token)
    assert warned(app) == 2


def test_warning_pages_are_rate_limited(app):
    client = app.test_client()
    visitor = Visitor(client)
    token = visitor.token()
    places = []
    for _ in range(15):
        # no send key: the form makes a new one each time, as a script would
        response = visitor.send(message=SSN_MESSAGE, csrf_token=token)
        places.append(response.headers["Location"].rsplit("/", 1)[-1])
    assert places[:10] == ["check"] * 10
    assert places[10:] == ["contact"] * 5  # the form again, saying when to retry
    assert warned(app) == 10
    page = client.get("/contact").get_data(as_text=True)
    assert "minute" in page
    assert SSN_MESSAGE.split(",")[1].strip() in page  # nothing the visitor typed is lost


def test_the_warning_limit_holds_back_warnings_only(app):
    """The warning limit guards warning pages (each a counter and a draft); a message
    without a tax number, which shows none, is held back by the send limit alone."""
    visitor = Visitor(app.test_client())
    token = visitor.token()
    for _ in range(11):  # ten warnings a minute, then the form saying when to retry
        response = visitor.send(message=SSN_MESSAGE, csrf_token=token)
    assert response.headers["Location"].endswith("/contact")
    response = visitor.send(message="When is my refund coming?", csrf_token=token)
    assert response.headers["Location"].endswith("/contact/sent")
    assert warned(app) == 10


def test_a_warning_whose_page_was_not_kept_is_not_counted(app, monkeypatch):
    """A warning counts against the limit once its page is there to be shown: if its
    draft cannot be saved (the database is down), the visitor is not charged for it."""
    from sqlalchemy.exc import OperationalError

    from app.contact import drafts

    visitor = Visitor(app.test_client())
    token = visitor.token()
    save = drafts.save

    def database_gone(*_args, **_kwargs):
        raise OperationalError("INSERT", {}, Exception("disk I/O error"))

    monkeypatch.setattr(drafts, "save", database_gone)
    for _ in range(3):
        assert visitor.send(message=SSN_MESSAGE, csrf_token=token).status_code == 503
    monkeypatch.setattr(drafts, "save", save)
    places = [
        visitor.send(message=SSN_MESSAGE, csrf_token=token).headers["Location"].rsplit("/", 1)[-1]
        for _ in range(11)
    ]
    assert places == ["check"] * 10 + ["contact"]
