"""Several hosts: two gunicorn instances on different ports share PostgreSQL and Redis.

They agree on the contact rate limit, a staff session made on one works on the other,
signing out on one ends it on the other, and a message sent to one is in the inbox of
the other. Needs PostgreSQL on 127.0.0.1:5432 and Redis on 127.0.0.1:6379 (CI has both;
elsewhere the test is skipped with the reason).
"""

import html
import http.client
import os
import re
import socket
import urllib.parse
from http.cookies import SimpleCookie

import pyotp
import pytest

from tests.support.desk import PASSWORD
from tests.support.servers import Gunicorn, PostgresDatabase, base_env, migrate

pytestmark = pytest.mark.postgres

REDIS_DB = 14
TOKEN = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
REFERENCE = re.compile(r'<strong class="site-reference">([^<]+)</strong>')


def reachable(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=2):
            return True
    except OSError:
        return False


class Browser:
    """Cookies shared across ports, as a browser shares them across 127.0.0.1's ports."""

    def __init__(self):
        self.cookies: dict[str, str] = {}

    def request(self, port, method, path, fields=None, cookies=None):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        jar = self.cookies if cookies is None else cookies
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in jar.items())} if jar else {}
        body = None
        if fields is not None:
            body = urllib.parse.urlencode(fields).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode()
        finally:
            connection.close()
        for value in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(value).items():
                if morsel.value:
                    jar[name] = morsel.value
                else:
                    jar.pop(name, None)
        return response.status, response.headers, text

    def token(self, port, path):
        status, _headers, text = self.request(port, "GET", path)
        assert status == 200, (path, status)
        return html.unescape(TOKEN.search(text).group(1))

    def send_message(self, port, message):
        token = self.token(port, "/contact")
        fields = {"csrf_token": token, "email": "pat@example.com", "topic": "general"}
        return self.request(port, "POST", "/contact", {**fields, "message": message})


@pytest.fixture
def hosts(tmp_path):
    if os.environ.get("TEST_DATABASE_URL"):
        pytest.skip("run once, in the first pass: it uses PostgreSQL whatever the pass")
    if not (reachable(5432) and reachable(6379)):
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL and Redis are needed for the several-hosts test in CI")
        pytest.skip("PostgreSQL on :5432 and Redis on :6379 are not both reachable")
    import redis

    redis.Redis(host="127.0.0.1", port=6379, db=REDIS_DB).flushdb()
    database = PostgresDatabase(tmp_path)
    env = base_env(tmp_path, database.url)
    env.update(
        REDIS_URL=f"redis://127.0.0.1:6379/{REDIS_DB}",
        RATELIMIT_STORAGE_URI=f"redis://127.0.0.1:6379/{REDIS_DB}",
        CONTACT_RATE_LIMIT="3 per minute",
        WEB_CONCURRENCY="2",
        GUNICORN_THREADS="2",
        STAFF_ARGON2_TIME_COST="1",
        STAFF_ARGON2_MEMORY_KIB="8",
        STAFF_ARGON2_PARALLELISM="1",
    )
    servers = []
    try:
        migrate(env)
        secret = create_staff(env, tmp_path)
        for name in ("host-a", "host-b"):
            folder = tmp_path / name
            folder.mkdir()
            host_env = dict(env, ACCESS_LOG_HOST=name, ACCESS_LOG_PATH=str(folder / "access.log"))
            servers.append(Gunicorn(folder, host_env).start())
        yield servers[0].port, servers[1].port, secret
    finally:
        for server in servers:
            server.stop()
        database.drop()
        redis.Redis(host="127.0.0.1", port=6379, db=REDIS_DB).flushdb()


def create_staff(env, folder) -> str:
    from app import create_app
    from app.auth import accounts
    from app.extensions import db

    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": env["DATABASE_URL"],
            "SECRET_KEY": env["SECRET_KEY"],
            "DATA_KEYS": env["DATA_KEYS"],
            "ACCESS_LOG_PATH": str(folder / "setup.log"),
            "RATELIMIT_STORAGE_URI": "memory://",
            "STAFF_ARGON2_TIME_COST": 1,
            "STAFF_ARGON2_MEMORY_KIB": 8,
            "STAFF_ARGON2_PARALLELISM": 1,
        },
        instance_path=str(folder / "instance"),
    )
    with app.app_context():
        member = accounts.create("reader@drs.example", "reader", PASSWORD)
        member.totp_secret = pyotp.random_base32()
        member.mfa_enrolled = True
        db.session.commit()
        secret = member.totp_secret
        db.session.remove()
        db.engine.dispose()
    return secret


def test_two_hosts_share_limits_sessions_and_messages(hosts):
    a, b, secret = hosts
    visitor = Browser()

    # the contact rate limit counts across both hosts (Redis)
    assert visitor.send_message(a, "first from host a")[0] == 303
    _status, _headers, sent = visitor.request(a, "GET", "/contact/sent")
    reference = REFERENCE.search(sent).group(1)
    assert visitor.send_message(b, "second from host b")[0] == 303
    assert visitor.send_message(a, "third from host a")[0] == 303
    status, headers, _page = visitor.send_message(b, "fourth, kept")
    # limited: back to the form (by GET, on either host), which keeps the text
    assert status == 303
    assert headers["Location"] == "/contact"
    _status, _headers, page = visitor.request(a, "GET", "/contact")
    assert "fourth, kept" in page
    assert "Please wait before sending again" in page

    # a staff session made on host a works on host b
    staff = Browser()
    token = staff.token(a, "/staff/sign-in")
    status, headers, _ = staff.request(
        a,
        "POST",
        "/staff/sign-in",
        {
            "csrf_token": token,
            "email": "reader@drs.example",
            "password": PASSWORD,
            "code": pyotp.TOTP(secret).now(),
        },
    )
    assert status == 303, headers
    status, _headers, inbox = staff.request(b, "GET", "/staff/")
    assert status == 200
    # the message sent to host a is in host b's inbox
    assert reference in inbox

    # signing out on host b ends the session on host a, even for a copy of the cookie
    copy = dict(staff.cookies)
    token = staff.token(b, "/staff/account")
    assert staff.request(b, "POST", "/staff/sign-out", {"csrf_token": token})[0] == 303
    status, headers, _ = staff.request(a, "GET", "/staff/", cookies=dict(copy))
    assert status in (302, 303)
    assert "/staff/sign-in" in headers["Location"]
