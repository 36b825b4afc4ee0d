"""A member of staff using the desk the way a browser without JavaScript would."""

import time

import pyotp
import pytest
from bs4 import BeautifulSoup

from app.extensions import db
from tests.pages import check_page

PASSWORD = "correct horse battery staple"

# Cheap argon2 so that many sign-ins stay quick; mail kept in memory (mail.outbox).
DESK_CONFIG = {
    "MAIL_BACKEND": "locmem",
    "STAFF_ARGON2_TIME_COST": 1,
    "STAFF_ARGON2_MEMORY_KIB": 8,
    "STAFF_ARGON2_PARALLELISM": 1,
}


def page_of(response):
    return check_page(response.get_data(as_text=True))


def form_token(response) -> str:
    page = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    return page.find("input", attrs={"name": "csrf_token"})["value"]


class Member:
    def __init__(self, id, email, role, secret):
        self.id, self.email, self.role, self.secret = id, email, role, secret
        self._offset = -1

    def next_code(self) -> str:
        """A valid code not used before: steps -1, 0, +1 around now, in turn."""
        code = pyotp.TOTP(self.secret).at(time.time() + 30 * self._offset)
        self._offset += 1
        return code


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


@pytest.fixture
def app(make_app):
    return make_app(**DESK_CONFIG)


@pytest.fixture
def desk(app, client):
    return Desk(app, client)
