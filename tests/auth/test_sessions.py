"""Staff sessions: their own cookie, ended on the server, timed out when idle or old."""

import re

import pytest
import time_machine

from app.auth.guard import OPEN_ENDPOINTS
from app.clock import utcnow
from app.extensions import db
from app.models import AuditEvent
from tests.pages import page_of
from tests.support.desk import Desk


def cookie_header(response, name: str) -> str:
    [header] = [h for h in response.headers.getlist("Set-Cookie") if h.startswith(f"{name}=")]
    return header


def flags(header: str) -> dict[str, str]:
    parts = [p.strip() for p in header.split(";")[1:]]
    return {p.split("=", 1)[0].lower(): (p.split("=", 1)[1] if "=" in p else "") for p in parts}


def test_staff_and_public_cookies_are_separate(client):
    public = client.get("/contact")
    staff = client.get("/staff/sign-in")
    public_flags = flags(cookie_header(public, "drs_public"))
    staff_flags = flags(cookie_header(staff, "drs_staff"))
    assert public_flags == {"httponly": "", "path": "/", "samesite": "Lax"}
    assert staff_flags == {"httponly": "", "path": "/staff", "samesite": "Strict"}
    assert not any(h.startswith("drs_public=") for h in staff.headers.getlist("Set-Cookie"))
    assert not any(h.startswith("drs_staff=") for h in public.headers.getlist("Set-Cookie"))


def test_cookies_are_secure_when_configured(make_app):
    client = make_app(SECURE_COOKIES=True).test_client()
    staff = flags(cookie_header(client.get("/staff/sign-in"), "drs_staff"))
    public = flags(cookie_header(client.get("/contact"), "drs_public"))
    assert "secure" in staff
    assert "secure" in public
    assert staff["samesite"] == "Strict"
    assert staff["path"] == "/staff"


def test_a_public_cookie_is_not_a_staff_cookie(app, desk, client):
    member = desk.sign_in_as()
    value = client.get_cookie("drs_staff", path="/staff").value
    other = app.test_client()
    other.set_cookie("drs_public", value, path="/")
    other.set_cookie("drs_staff", value, path="/staff")
    inbox = other.get("/staff/")
    assert inbox.status_code == 200
    assert member.email in inbox.get_data(as_text=True)  # signed in as them
    forged = app.test_client()
    forged.set_cookie("drs_public", value, path="/staff")
    response = forged.get("/staff/")
    assert response.status_code == 303
    assert response.headers["Location"].startswith("/staff/sign-in")


def staff_rules(app):
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/staff"):
            yield rule


def sample_url(rule) -> str:
    return re.sub(
        r"<(?:int:)?(\w+)>", lambda m: "1" if "int:" in m.group(0) else "DRS-AAAA-BBBB", rule.rule
    )


def test_every_desk_url_sends_the_signed_out_to_sign_in(app, client):
    checked = 0
    for rule in staff_rules(app):
        if rule.endpoint in OPEN_ENDPOINTS:
            continue
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            response = client.open(sample_url(rule), method=method)
            assert response.status_code == 303, (rule.rule, method, response.status_code)
            assert response.headers["Location"].startswith("/staff/sign-in"), rule.rule
            checked += 1
    assert checked >= 14
    # and a URL nobody has made yet is locked too
    assert client.get("/staff/not-made-yet").status_code == 303


def test_the_allow_list_is_short():
    assert frozenset({"auth.sign_in", "auth.sign_in_post", "auth.enrol"}) == OPEN_ENDPOINTS


def test_after_sign_out_a_copy_of_the_old_cookie_fails(app, desk, client):
    desk.sign_in_as()
    copied = client.get_cookie("drs_staff", path="/staff").value
    response = desk.post("/staff/sign-out")
    assert response.status_code == 303
    assert response.headers["Location"] == "/staff/sign-in"
    assert "You have signed out" in page_of(client.get("/staff/sign-in")).get_text()
    thief = app.test_client()
    thief.set_cookie("drs_staff", copied, path="/staff")
    assert thief.get("/staff/").status_code == 303
    assert client.get("/staff/").status_code == 303


def test_sign_out_ends_this_session_only_and_everywhere_ends_all(app, desk, client):
    member = desk.sign_in_as()
    laptop = Desk(app, app.test_client())
    assert laptop.sign_in(member.email, code=member.next_code()).status_code == 303
    phone = Desk(app, app.test_client())
    assert phone.sign_in(member.email, code=member.next_code()).status_code == 303
    desk.post("/staff/sign-out")
    assert client.get("/staff/").status_code == 303
    assert laptop.client.get("/staff/").status_code == 200
    assert phone.client.get("/staff/").status_code == 200
    response = laptop.post("/staff/sign-out-everywhere")
    assert response.status_code == 303
    assert laptop.client.get("/staff/").status_code == 303
    assert phone.client.get("/staff/").status_code == 303
    with app.app_context():
        actions = list(db.session.scalars(db.select(AuditEvent.action)))
    assert actions.count("sign_out") == 1
    assert actions.count("sign_out_everywhere") == 1


def test_idle_for_30_minutes_signs_out(desk, client):
    start = utcnow()
    with time_machine.travel(start, tick=False) as traveller:
        desk.sign_in_as()
        traveller.shift(29 * 60)
        assert client.get("/staff/").status_code == 200
        traveller.shift(29 * 60)
        assert client.get("/staff/").status_code == 200
        traveller.shift(31 * 60)
        response = client.get("/staff/")
        assert response.status_code == 303
        page = page_of(client.get(response.headers["Location"]))
        assert "had not used the desk for a while" in page.get_text()
        assert client.get("/staff/").status_code == 303


def test_twelve_hours_after_sign_in_signs_out_even_when_busy(desk, client):
    start = utcnow()
    with time_machine.travel(start, tick=False) as traveller:
        desk.sign_in_as()
        for _ in range(30):
            traveller.shift(29 * 60)
            if client.get("/staff/").status_code != 200:
                break
        assert client.get("/staff/").status_code == 303
        elapsed = (utcnow() - start).total_seconds() / 3600
        assert 11.5 < elapsed <= 12.5


@pytest.mark.parametrize("url", ["/staff/audit", "/staff/notices", "/staff/notices/new"])
def test_readers_cannot_use_admin_pages(desk, client, url):
    desk.sign_in_as("reader")
    assert client.get(url).status_code == 403


def test_readers_cannot_post_admin_actions(desk):
    desk.sign_in_as("reader")
    assert desk.post("/staff/notices/1/expire").status_code == 403
    assert desk.post("/staff/notices/new", {"title": "x"}).status_code == 403
    assert desk.post("/staff/messages/DRS-AAAA-BBBB/reveal", {"reason": "x"}).status_code == 403


def test_desk_pages_are_never_cached(desk, client):
    desk.sign_in_as("admin")
    for url in ("/staff/", "/staff/account", "/staff/audit", "/staff/notices"):
        assert client.get(url).headers["Cache-Control"] == "no-store", url
