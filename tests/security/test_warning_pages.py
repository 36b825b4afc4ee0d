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
