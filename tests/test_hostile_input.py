"""Hostile input: every case gets its expected status and a plain page, never a 500,
and nothing is stored wrongly."""

import io
import json

import pytest
from werkzeug.datastructures import MultiDict

from app.extensions import db
from app.models import Submission
from tests.pages import check_page, language_of
from tests.support.visitor import Visitor

SCRIPT = '<script>alert("x")</script>'


def messages(app):
    with app.app_context():
        return [(s.name, s.email, s.message) for s in db.session.scalars(db.select(Submission))]


def post_form(client, data, **kwargs):
    return client.post("/contact", data=data, **kwargs)


def valid(visitor, **overrides):
    data = {
        "csrf_token": visitor.token(),
        "email": "pat@example.com",
        "topic": "general",
        "message": "Hello",
    }
    data.update(overrides)
    return data


# (description, fields to override, expected status, what is stored (name, email, message));
# 200: the form comes back with its errors (reached by GET, after a 303 to /contact).
FIELD_CASES = [
    ("NUL bytes in the message", {"message": "a\x00b"}, 303, (None, "pat@example.com", "ab")),
    ("NUL bytes in the name", {"name": "P\x00at"}, 303, ("Pat", "pat@example.com", "Hello")),
    (
        "CR/LF in the name",
        {"name": "Pat\r\nBcc: x@evil.example"},
        303,
        ("Pat Bcc: x@evil.example", "pat@example.com", "Hello"),
    ),
    ("CR/LF in the e-mail", {"email": "pat@example.com\r\nBcc: x@evil.example"}, 200, None),
    ("script in the name", {"name": SCRIPT}, 303, (SCRIPT, "pat@example.com", "Hello")),
    ("script in the message", {"message": SCRIPT}, 303, (None, "pat@example.com", SCRIPT)),
    ("script in the e-mail", {"email": SCRIPT}, 200, None),
    ("script in the topic", {"topic": SCRIPT}, 200, None),
    (
        "SQL in the message",
        {"message": "'; DROP TABLE submissions; --"},
        303,
        (None, "pat@example.com", "'; DROP TABLE submissions; --"),
    ),
    (
        "SQL in the name",
        {"name": "Robert'); DROP TABLE students;--"},
        303,
        ("Robert'); DROP TABLE students;--", "pat@example.com", "Hello"),
    ),
    (
        "bidi override in the message",
        {"message": "abc\u202edcba\u202c"},
        303,
        (None, "pat@example.com", "abcdcba"),
    ),
    (
        "bidi isolate in the name",
        {"name": "\u2067Pat\u2069"},
        303,
        ("Pat", "pat@example.com", "Hello"),
    ),
    ("name too long", {"name": "x" * 201}, 200, None),
    ("e-mail too long", {"email": "a" * 250 + "@example.com"}, 200, None),
    ("message too long", {"message": "x" * 5001}, 200, None),
    ("message of spaces", {"message": "   \n\t "}, 200, None),
    (
        "emoji and accents kept",
        {"message": "Olá 👋 café"},
        303,
        (None, "pat@example.com", "Olá 👋 café"),
    ),
    # an international domain can be replied to; letters outside English before the @
    # cannot (mail servers refuse them), so the form refuses them (issue #11, item 10)
    (
        "internationalised domain",
        {"email": "pat@exämple.com"},
        303,
        (None, "pat@exämple.com", "Hello"),
    ),
    ("internationalised local part", {"email": "josé@exämple.com"}, 200, None),
    ("unknown action", {"action": "explode"}, 303, (None, "pat@example.com", "Hello")),
    (
        "garbage dismissed marks",
        {"dismissed": "../../etc/passwd"},
        303,
        (None, "pat@example.com", "Hello"),
    ),
    (
        "garbage not-a-tax-number",
        {"not_tax_number": "<b>"},
        303,
        (None, "pat@example.com", "Hello"),
    ),
    ("C1 control characters", {"message": "a\x85b\x9bc"}, 303, (None, "pat@example.com", "abc")),
]


@pytest.mark.parametrize(
    ("overrides", "status", "expected"),
    [case[1:] for case in FIELD_CASES],
    ids=[case[0] for case in FIELD_CASES],
)
def test_hostile_fields(app, client, overrides, status, expected):
    visitor = Visitor(client)
    response = post_form(client, valid(visitor, **overrides))
    if status == 200:
        assert response.status_code == 303
        assert response.headers["Location"] == "/contact"
        response = client.get("/contact")
    assert response.status_code == status
    if status == 200:
        check_page(response.get_data(as_text=True))
        assert "<script>alert" not in response.get_data(as_text=True)
    assert messages(app) == ([expected] if expected else [])


def test_invalid_utf8_in_the_body_is_not_a_500(app, client):
    token = Visitor(client).token()
    body = (
        b"csrf_token=" + token.encode() + b"&email=pat%40example.com&topic=general"
        b"&message=bad%FF%FEbytes"
    )
    response = client.post("/contact", data=body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 303  # sent, like any message
    assert response.headers["Location"] == "/contact/sent"
    [(_name, _email, message)] = messages(app)
    message.encode("utf-8")  # stored as valid text, with the words around the bad bytes
    assert message.startswith("bad")
    assert message.endswith("bytes")


def test_invalid_utf8_in_the_path_is_a_404(client):
    assert client.get(b"/privacy\xff".decode("latin-1")).status_code == 404


def test_thousands_of_extra_fields_are_ignored(app, client):
    visitor = Visitor(client)
    data = MultiDict([*valid(visitor).items(), *((f"f{i}", "x") for i in range(5000))])
    assert client.post("/contact", data=data).status_code == 303
    assert messages(app) == [(None, "pat@example.com", "Hello")]


def test_thousands_of_multipart_parts_are_refused_plainly(app, client):
    from werkzeug.test import EnvironBuilder

    # more parts than Werkzeug's max_form_parts (1,000), in a body under the size limit
    data = MultiDict([(f"f{i}", "x") for i in range(1100)])
    builder = EnvironBuilder(
        path="/contact", method="POST", data=data, content_type="multipart/form-data"
    )
    try:
        response = client.open(builder)
        assert response.status_code == 413
        check_page(response.get_data(as_text=True))
    finally:
        builder.close()
    assert messages(app) == []


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("application/json", b'{"email": "pat@example.com", "message": "hi"}'),
        ("text/plain", b"email=pat@example.com&message=hi"),
        ("application/xml", b"<a>hi</a>"),
    ],
)
def test_wrong_content_types_get_the_form_back(app, client, content_type, body):
    response = client.post("/contact", data=body, content_type=content_type)
    assert response.status_code == 400
    check_page(response.get_data(as_text=True))
    assert messages(app) == []


def test_multipart_form_is_fine(client):
    visitor = Visitor(client)
    response = client.post("/contact", data=valid(visitor), content_type="multipart/form-data")
    assert response.status_code == 303


def test_duplicate_fields_use_the_first(app, client):
    visitor = Visitor(client)
    data = MultiDict([*valid(visitor).items(), ("message", "second")])
    assert client.post("/contact", data=data).status_code == 303
    assert messages(app)[0][2] == "Hello"


@pytest.mark.parametrize(
    ("method", "url", "status"),
    [
        ("TRACE", "/contact", 405),
        ("PUT", "/contact", 405),
        ("DELETE", "/privacy", 405),
        ("PATCH", "/", 405),
        ("TRACE", "/", 405),
        ("POST", "/privacy", 405),
        ("PUT", "/contact/sent", 405),
    ],
)
def test_unusual_methods(client, method, url, status):
    response = client.open(url, method=method)
    assert response.status_code == status
    assert "Traceback" not in response.get_data(as_text=True)


@pytest.mark.parametrize(
    "url",
    [
        "/static/../app/config.py",
        "/static/%2e%2e/config.py",
        "/static/..%2f..%2fetc%2fpasswd",
        "/static/css/../../__init__.py",
        "/static/%2e%2e%2f%2e%2e%2finstance/secret_key",
        "/privacy%00",
    ],
)
def test_path_traversal_under_static_is_404(client, url):
    response = client.get(url)
    assert response.status_code == 404
    body = response.get_data(as_text=True)
    assert "SECRET_KEY" not in body
    assert "root:" not in body


@pytest.mark.parametrize(
    "path",
    [
        "/leaving/https://evil.example",
        "/leaving/%2F%2Fevil.example",
        "/leaving/evil.example",
        "/leaving/",
        "//evil.example",
        "//evil.example/%2F..",
        "/\\evil.example",
        "/leaving/myconnect/../../evil",
    ],
)
def test_exit_notice_is_no_open_redirect(client, path):
    # PATH_INFO as a browser would send it (the test client would read "//x" as a host)
    response = client.get("/", environ_overrides={"PATH_INFO": path})
    assert response.status_code in (404, 308)
    location = response.headers.get("Location", "")
    assert "evil.example" not in location.split("/")[2:3], location
    if location:
        assert location.startswith(("/", "http://localhost/"))


# Every form of the site meets every malformed shape (issue #11, item 6): the routes are
# read from the app itself, so a form added later meets them too.
FIELD_NAMES = [
    "csrf_token",
    "message",
    "email",
    "name",
    "topic",
    "website",
    "send_key",
    "action",
    "dismissed",
    "not_tax_number",
    "body",
    "reason",
    "status",
    "title",
    "link",
    "link_text",
    "starts_on",
    "ends_on",
    "position",
    "password",
    "code",
    "next",
]


def _malformed_requests(token: str):
    """(description, keyword arguments for client.post) for each shape."""
    json_object = dict.fromkeys(FIELD_NAMES, 5) | {"csrf_token": token}
    yield "JSON numbers", {"data": json.dumps(json_object), "content_type": "application/json"}
    nulls = dict.fromkeys(FIELD_NAMES) | {"csrf_token": token}
    yield "JSON nulls", {"data": json.dumps(nulls), "content_type": "application/json"}
    lists = {name: ["a", "b"] for name in FIELD_NAMES} | {"csrf_token": token}
    yield "JSON lists", {"data": json.dumps(lists), "content_type": "application/json"}
    yield "JSON top-level list", {"data": "[1, 2]", "content_type": "application/json"}
    surrogates = dict.fromkeys(FIELD_NAMES, "text \ud800 more") | {"csrf_token": token}
    yield (
        "JSON lone surrogates",
        {"data": json.dumps(surrogates), "content_type": "application/json"},
    )
    for name in FIELD_NAMES:
        data = {"csrf_token": token, name: (io.BytesIO(b"file body"), "file.txt")}
        yield (
            f"file part named {name}",
            {"data": data, "content_type": "multipart/form-data"},
        )


def _form_urls(app, reference: str, notice_id: int) -> list[str]:
    values = {"reference": reference, "notice_id": notice_id}
    urls = []
    for rule in app.url_map.iter_rules():
        if "POST" not in (rule.methods or ()):
            continue
        arguments = {name: values.get(name, "x") for name in rule.arguments}
        urls.append(rule.build(arguments)[1] if rule.arguments else rule.rule)
    return sorted(set(urls))


def test_every_form_meets_every_malformed_shape(make_app):
    from tests.staff.helpers import submission
    from tests.support.desk import Desk

    app = make_app()
    client = app.test_client()
    desk = Desk(app, client)
    reference = submission(app)
    with app.app_context():
        from app.clock import today
        from app.models import Notice

        notice = Notice(title="A notice", body="Words", starts_on=today(), position=0)
        db.session.add(notice)
        db.session.commit()
        notice_id = notice.id
    desk.sign_in_as("admin")
    token = desk.token("/staff/account")
    urls = _form_urls(app, reference, notice_id)
    assert "/contact" in urls
    assert f"/staff/messages/{reference}/reply" in urls
    refused = []
    for url in urls:
        for description, request in _malformed_requests(token):
            response = client.post(url, **request)
            body = response.get_data(as_text=True)
            assert response.status_code in (400, 404), (url, description, response.status_code)
            assert "Traceback" not in body
            check_page(body, language_of(url))  # /es/contacto answers in Spanish
            refused.append((url, description))
    assert len(refused) == len(urls) * (5 + len(FIELD_NAMES))
    with app.app_context():
        assert [s.reference for s in db.session.scalars(db.select(Submission))] == [reference]
