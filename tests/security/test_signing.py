"""The session cookies and the contact form's CSRF token, signed by app/signing.py.

Built once instead of per request, with hashlib's SHA-1 called directly and small
payloads not compressed: the same signatures as Flask's and Flask-WTF's own code, so
cookies and tokens made by either are accepted by the other, and a forged, expired or
other session's token is still refused.
"""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from flask import session
from flask.sessions import SecureCookieSessionInterface
from flask_wtf.csrf import generate_csrf
from itsdangerous import BadSignature

from app.auth.cookies import SiteSessionInterface
from app.signing import COMPRESS_FROM, csrf_token_ok


def _stock(app):
    return SecureCookieSessionInterface().get_signing_serializer(app)


def test_a_session_cookie_reads_the_same_both_ways(app):
    ours = SiteSessionInterface()
    small = {"csrf_token": "a" * 40, "sent": {"reference": "DRS-ABCD-EFGH", "removed": 0}}
    large = {"csrf_token": "b" * 40, "notes": ["x" * 30] * 40}
    with app.test_request_context("/contact"):
        mine = ours.get_signing_serializer(app)
        for payload in (small, large):
            assert _stock(app).loads(mine.dumps(payload)) == payload
            assert mine.loads(_stock(app).dumps(payload)) == payload
        assert not mine.dumps(small).startswith(".")  # too small to be worth zlib
        assert mine.dumps(large).startswith(".")  # compressed, as itsdangerous would
        assert len(str(large)) > COMPRESS_FROM


def test_the_desk_cookie_is_signed_apart(app):
    ours = SiteSessionInterface()
    with app.test_request_context("/contact"):
        public = ours.get_signing_serializer(app).dumps({"member": 1})
    with app.test_request_context("/staff/inbox"):
        desk = ours.get_signing_serializer(app)
        assert desk.loads(desk.dumps({"member": 1})) == {"member": 1}
        with pytest.raises(BadSignature):
            desk.loads(public)


def test_the_csrf_token_flask_wtf_made_is_accepted_and_only_it(app):
    with app.test_request_context("/contact", method="POST"):
        token = generate_csrf()
        assert csrf_token_ok(token)
        assert not csrf_token_ok(None)
        assert not csrf_token_ok("")
        assert not csrf_token_ok(token[:-2] + ("AA" if not token.endswith("AA") else "BB"))
        assert not csrf_token_ok("not.a.token")
        session["csrf_token"] = "0" * 40  # another session's token
        assert not csrf_token_ok(token)
    with app.test_request_context("/contact", method="POST"):
        assert not csrf_token_ok(token)  # no token in this session at all


def test_an_expired_csrf_token_is_refused(app):
    limit = app.config["WTF_CSRF_TIME_LIMIT"]
    moment = datetime(2026, 3, 2, 9, tzinfo=UTC)
    with (
        time_machine.travel(moment, tick=False) as traveller,
        app.test_request_context("/contact", method="POST"),
    ):
        token = generate_csrf()
        traveller.shift(timedelta(seconds=limit - 5))
        assert csrf_token_ok(token)
        traveller.shift(timedelta(seconds=10))
        assert not csrf_token_ok(token)
