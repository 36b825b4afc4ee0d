"""A member of staff using the desk the way a browser without JavaScript would."""

import time

import pyotp
from bs4 import BeautifulSoup

from app.extensions import db

PASSWORD = "correct horse battery staple"
SAFE_SECONDS = 15


def form_token(response) -> str:
    page = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    return page.find("input", attrs={"name": "csrf_token"})["value"]


class Member:
    def __init__(self, id, email, role, secret):
        self.id, self.email, self.role, self.secret = id, email, role, secret
        self._last_step: int | None = None

    def next_code(self) -> str:
        """A valid code not used before.

        The server accepts the steps around its own now (-1, 0, +1) and none at or before
        the last one used. The previous step is handed out only while at least
        SAFE_SECONDS of the current one remain: on a loaded machine the server may check the
        code after the next step boundary, and a code two steps old is refused, which made
        sign-in fail at random. A step too far ahead waits for the boundary (rare: three
        codes inside one step's last seconds).
        """
        for _ in range(2 * SAFE_SECONDS):
            now = time.time()
            now_step, into = divmod(int(now), 30)
            earliest = now_step - 1 if 30 - into >= SAFE_SECONDS else now_step
            step = earliest if self._last_step is None else max(earliest, self._last_step + 1)
            if step <= now_step + 1:
                break
            time.sleep(0.5)
        self._last_step = step
        return pyotp.TOTP(self.secret).at(step * 30)


class Desk:
    def __init__(self, app, client):
        self.app, self.client = app, client

    def create(self, email="reader@drs.example", role="reader", enrolled=True) -> Member:
        from app.auth import accounts

        with self.app.app_context():
            member = accounts.create(email, role, PASSWORD)
            secret = None
            if enrolled:
                secret = pyotp.random_base32()
                member.totp_secret = secret
                member.mfa_enrolled = True
                db.session.commit()
            return Member(member.id, member.email, role, secret)

    def token(self, url="/staff/sign-in") -> str:
        return form_token(self.client.get(url))

    def sign_in(self, email, password=PASSWORD, code="", next=None):
        data = {"csrf_token": self.token(), "email": email, "password": password, "code": code}
        if next is not None:
            data["next"] = next
        return self.client.post("/staff/sign-in", data=data)

    def sign_in_as(self, role="reader", email=None) -> Member:
        member = self.create(email or f"{role}@drs.example", role)
        response = self.sign_in(member.email, code=member.next_code())
        assert response.status_code == 303, response.get_data(as_text=True)[:500]
        return member

    def post(self, url, data=None, token_from="/staff/account"):
        data = dict(data or {})
        data.setdefault("csrf_token", self.token(token_from))
        return self.client.post(url, data=data)
