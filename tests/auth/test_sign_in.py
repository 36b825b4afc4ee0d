"""Signing in: one form, one answer for every kind of wrong, codes used once, enrolment."""

import time

import pyotp
import pytest

from app.extensions import db
from app.models import AuditEvent, StaffMember
from tests.pages import normalise, page_of
from tests.support.desk import PASSWORD

NOT_RIGHT = "The e-mail address, password or security code is not right"


def events(app, action=None) -> list[AuditEvent]:
    with app.app_context():
        query = db.select(AuditEvent).order_by(AuditEvent.id)
        if action:
            query = query.where(AuditEvent.action == action)
        return list(db.session.scalars(query))


def test_sign_in_page_has_the_three_fields(pages):
    page = pages.get("/staff/sign-in")
    form = page.find("form", action="/staff/sign-in")
    assert form.find("input", id="email")["autocomplete"] == "username"
    assert form.find("input", id="password")["type"] == "password"
    assert form.find("input", id="code")["autocomplete"] == "one-time-code"
    assert pages.last_response.headers["Cache-Control"] == "no-store"
    # the desk never shows the public site's notices
    assert not page.select(".site-notices")


def test_right_email_password_and_code_sign_in(app, desk, client):
    member = desk.create()
    response = desk.sign_in(member.email.upper(), code=member.next_code())
    assert response.status_code == 303
    assert response.headers["Location"] == "/staff/"
    page = page_of(client.get("/staff/"))
    assert page.h1.get_text() == "Inbox"
    [event] = events(app, "sign_in")
    assert event.staff_id == member.id


@pytest.mark.parametrize("case", ["unknown", "password", "code", "no code", "disabled"])
def test_every_kind_of_wrong_gets_the_same_answer(app, desk, runner, case):
    member = desk.create("pat@drs.example")
    email, password, code = member.email, PASSWORD, member.next_code()
    if case == "unknown":
        email = "nobody@drs.example"
    elif case == "password":
        password = "not the password at all"
    elif case == "code":
        code = "000000" if code != "000000" else "111111"
    elif case == "no code":
        code = ""
    else:
        runner.invoke(args=["staff", "disable", member.email])
    response = desk.sign_in(email, password, code)
    assert response.status_code == 200
    page = page_of(response)
    assert page.title.get_text().startswith("Error: Sign in")
    assert [a.get_text() for a in page.select(".site-error-summary a")] == [NOT_RIGHT]
    # nothing typed comes back but the e-mail address
    assert page.find("input", id="password")["value"] == ""
    assert page.find("input", id="code")["value"] == ""
    assert PASSWORD not in response.get_data(as_text=True)
    [failure] = events(app, "sign_in_failed")
    text = f"{failure.detail} {failure.target}"
    assert PASSWORD not in text
    assert "nobody" not in text
    assert not code or code not in text
    if case == "unknown":
        assert failure.staff_id is None
        assert failure.detail == "unknown account"
    else:
        assert failure.staff_id == member.id


def test_empty_fields_say_what_to_enter(desk):
    response = desk.sign_in("", "", "")
    page = page_of(response)
    assert [a.get_text() for a in page.select(".site-error-summary a")] == [
        "Enter your e-mail address",
        "Enter your password",
    ]


def test_a_code_already_used_is_refused(app, desk, client):
    member = desk.create()
    totp = pyotp.TOTP(member.secret)
    now = time.time()
    code_now, code_next = totp.at(now), totp.at(now + 30)
    assert desk.sign_in(member.email, code=code_now).status_code == 303
    desk.post("/staff/sign-out")
    # the same code again: refused, with the same answer as any wrong code
    response = desk.sign_in(member.email, code=code_now)
    assert NOT_RIGHT in normalise(response.get_data(as_text=True))
    assert client.get("/staff/").status_code == 303
    # the next step's code works; after it, the earlier (still in-window) one is refused
    assert desk.sign_in(member.email, code=code_next).status_code == 303
    desk.post("/staff/sign-out")
    assert desk.sign_in(member.email, code=code_now).status_code == 200
    assert len(events(app, "sign_in_failed")) == 2


def test_first_sign_in_sets_up_the_code_app(app, desk, client, pages):
    member = desk.create("new@drs.example", enrolled=False)
    response = desk.sign_in(member.email, code="")
    assert response.status_code == 303
    assert response.headers["Location"] == "/staff/sign-in/set-up"
    page = pages.get("/staff/sign-in/set-up")
    svg = page.find("svg")
    assert svg["role"] == "img"
    assert svg.find("title").get_text()
    assert not page.find(attrs={"style": True})
    assert "data:" not in str(page.find("main"))
    key = page.find(id="totp-key").get_text()
    groups = key.split()
    assert all(len(g) == 4 for g in groups[:-1])
    secret = "".join(groups)
    # the desk stays locked until the code is confirmed
    assert client.get("/staff/").status_code == 303
    token = page.find("input", attrs={"name": "csrf_token"})["value"]
    wrong = client.post("/staff/sign-in/set-up", data={"csrf_token": token, "code": "12345"})
    assert "That code is not right" in page_of(wrong).find(class_="site-error-summary").get_text()
    code = pyotp.TOTP(secret).now()
    done = client.post("/staff/sign-in/set-up", data={"csrf_token": token, "code": code})
    assert done.status_code == 303
    assert done.headers["Location"] == "/staff/"
    assert page_of(client.get("/staff/")).h1.get_text() == "Inbox"
    with app.app_context():
        stored = db.session.get(StaffMember, member.id)
        assert stored.mfa_enrolled
        assert stored.totp_secret == secret
    assert [e.action for e in events(app)][-2:] == ["enrolled", "sign_in"]
    # the code used to confirm cannot be used again to sign in
    desk.post("/staff/sign-out")
    assert desk.sign_in(member.email, code=code).status_code == 200


def test_set_up_page_needs_the_password_first(client):
    response = client.get("/staff/sign-in/set-up")
    assert response.status_code == 303
    assert response.headers["Location"] == "/staff/sign-in"


def test_password_hash_is_remade_when_parameters_change(app, desk):
    member = desk.create()
    with app.app_context():
        before = db.session.get(StaffMember, member.id).password_hash
    assert "m=8,t=1,p=1" in before
    app.config["STAFF_ARGON2_TIME_COST"] = 2
    assert desk.sign_in(member.email, code=member.next_code()).status_code == 303
    with app.app_context():
        after = db.session.get(StaffMember, member.id).password_hash
    assert after != before
    assert "t=2" in after


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("/staff/audit", "/staff/audit"),
        ("/staff/?status=new", "/staff/?status=new"),
        ("//evil.example/staff", "/staff/"),
        ("https://evil.example/staff", "/staff/"),
        ("\\\\evil.example", "/staff/"),
        ("/\\evil.example", "/staff/"),
        ("/contact", "/staff/"),
        ("", "/staff/"),
    ],
)
def test_next_is_only_ever_a_desk_page(desk, target, expected):
    member = desk.create()
    response = desk.sign_in(member.email, code=member.next_code(), next=target)
    assert response.headers["Location"] == expected


def test_signed_out_visit_comes_back_after_sign_in(client):
    response = client.get("/staff/notices?x=1")
    assert response.status_code == 303
    assert response.headers["Location"] == "/staff/sign-in?next=/staff/notices?x%3D1"
    page = page_of(client.get(response.headers["Location"]))
    assert page.find("input", attrs={"name": "next"})["value"] == "/staff/notices?x=1"


def test_a_stale_sign_in_page_starts_again_in_words(desk, client):
    member = desk.create()
    response = client.post(
        "/staff/sign-in",
        data={"csrf_token": "stale", "email": member.email, "password": PASSWORD, "code": ""},
    )
    assert response.status_code == 303
    page = page_of(client.get(response.headers["Location"]))
    assert "This page timed out. Sign in again." in page.get_text()
