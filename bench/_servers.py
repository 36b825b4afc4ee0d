"""Bench helpers: a contact-form client, canaries, and reading back what was stored.

The servers and databases themselves (gunicorn on a free port, SQLite and PostgreSQL
instances, the environment) are in tests/support/servers.py, shared with tests/hosts.
"""

import html
import http.client
import re
import secrets
import urllib.parse
from pathlib import Path

_TOKEN = re.compile(rb'name="csrf_token"[^>]*value="([^"]+)"')
_REFERENCE = re.compile(rb'<strong class="site-reference">([^<]+)</strong>')
_COOKIE = re.compile(r"drs_public=([^;]*)")


class ContactClient:
    """One visitor on one keep-alive connection: GET the form, POST it, read the reference.

    A failed connection is closed and reopened on the next call; the caller decides
    whether to try again (the benches never send the same message twice).
    """

    def __init__(self, port: int, timeout: float = 30):
        self.port = port
        self.timeout = timeout
        self.connection: http.client.HTTPConnection | None = None
        self.cookie = ""

    def _request(self, method: str, path: str, body: bytes | None = None, headers=None):
        if self.connection is None:
            self.connection = http.client.HTTPConnection(
                "127.0.0.1", self.port, timeout=self.timeout
            )
        headers = dict(headers or {})
        if self.cookie:
            headers["Cookie"] = f"drs_public={self.cookie}"
        try:
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
            data = response.read()
        except (OSError, http.client.HTTPException):
            self.close()
            raise
        for value in response.headers.get_all("Set-Cookie") or []:
            found = _COOKIE.search(value)
            if found:
                self.cookie = found.group(1)
        if response.will_close:
            self.close()
        return response.status, response.headers, data

    def token(self) -> str:
        status, _headers, body = self._request("GET", "/contact")
        found = _TOKEN.search(body)
        if status != 200 or not found:
            raise RuntimeError(f"GET /contact gave {status} without a token")
        return html.unescape(found.group(1).decode())

    def post(self, token: str, fields: dict[str, str]):
        body = urllib.parse.urlencode({"csrf_token": token, **fields}).encode()
        return self._request(
            "POST",
            "/contact",
            body,
            {"Content-Type": "application/x-www-form-urlencoded"},
        )

    def reference(self) -> str | None:
        status, _headers, body = self._request("GET", "/contact/sent")
        found = _REFERENCE.search(body)
        return found.group(1).decode().strip() if status == 200 and found else None

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None


_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def letters(number: int, width: int = 5) -> str:
    """A number written in letters only, so that no canary looks like a tax number."""
    out = []
    for _ in range(width):
        number, rest = divmod(number, 26)
        out.append(_LETTERS[rest])
    return "".join(reversed(out))


def run_tag() -> str:
    """Letters that tell this run's messages from any other's."""
    return "".join(secrets.choice(_LETTERS) for _ in range(6))


def canary(run: str, number: int) -> str:
    return f"bench canary {run}{letters(number)} asks about a form"


def contact_fields(run: str, number: int) -> dict[str, str]:
    return {
        "name": f"Bench Visitor {letters(number)}",
        "email": f"visitor.{letters(number)}@example.com",
        "topic": "general",
        "message": canary(run, number),
    }


def _bench_app(env: dict[str, str], folder: Path):
    """The app, on the bench server's database and keys, to read back what it did."""
    from app import create_app

    return create_app(
        {
            "SQLALCHEMY_DATABASE_URI": env["DATABASE_URL"],
            "SECRET_KEY": env["SECRET_KEY"],
            "DATA_KEYS": env["DATA_KEYS"],
            "ACCESS_LOG_PATH": str(folder / "logs" / "verify.log"),
            "RATELIMIT_STORAGE_URI": "memory://",
        },
        instance_path=str(folder / "instance"),
    )


def stored_messages(env: dict[str, str], folder: Path) -> list[tuple[str, str]]:
    """(reference, decrypted message) of every stored submission, read with the app's code."""
    from app.extensions import db
    from app.models import Submission

    app = _bench_app(env, folder)
    with app.app_context():
        rows = [(s.reference, s.message or "") for s in db.session.query(Submission).all()]
        db.session.remove()
        db.engine.dispose()
    return rows


def sent_reference(env: dict[str, str], folder: Path):
    """A function: a 303's Set-Cookie header → the reference it carries to /contact/sent.

    The site signs its session cookie with SECRET_KEY, which the bench set; the reference
    is ours (never the visitor's words), so it may ride there.
    """
    app = _bench_app(env, folder)
    with app.test_request_context("/contact"):
        serializer = app.session_interface.get_signing_serializer(app)

    def reference(set_cookie: str) -> str | None:
        found = _COOKIE.search(set_cookie)
        if not found:
            return None
        try:
            return serializer.loads(found.group(1)).get("sent", {}).get("reference")
        except Exception:  # a cookie the site did not sign: no reference
            return None

    return reference


def percentile(values: list[float], fraction: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def verdict(ok: bool, what: str, failures: list[str]) -> None:
    print(f"{'PASS' if ok else 'FAIL'}  {what}", flush=True)
    if not ok:
        failures.append(what)
