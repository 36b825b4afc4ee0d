"""Too many wrong attempts lock sign-in for a while, per account and per client."""

import time_machine

from app.clock import utcnow
from app.extensions import db
from app.models import AuditEvent
from tests.pages import page_of
from tests.support.desk import PASSWORD

LOCKED = "Too many attempts"


def actions(app) -> list[str]:
    with app.app_context():
        return list(db.session.scalars(db.select(AuditEvent.action).order_by(AuditEvent.id)))


def test_five_failures_lock_the_account_until_the_window_passes(app, desk):
    member = desk.create()
    start = utcnow()
    with time_machine.travel(start, tick=False) as traveller:
        for _ in range(4):
            assert desk.sign_in(member.email, "wrong password, wrong").status_code == 200
        fifth = desk.sign_in(member.email, "wrong password, wrong")
        assert fifth.status_code == 429
        page = page_of(fifth)
        assert LOCKED in page.get_text()
        assert "Try again in 15 minutes" in page.get_text()
        # even the right password and code are refused while locked
        refused = desk.sign_in(member.email, code=member.next_code())
        assert refused.status_code == 429
        traveller.shift(14 * 60)
        assert desk.sign_in(member.email, code=member.next_code()).status_code == 429
        traveller.shift(2 * 60)
        assert desk.sign_in(member.email, code=member.next_code()).status_code == 303
    assert actions(app).count("locked_out") == 1
    assert actions(app).count("sign_in_failed") == 7


def test_unknown_accounts_lock_the_same_way(desk):
    for _ in range(5):
        response = desk.sign_in("nobody@drs.example", PASSWORD)
    assert response.status_code == 429
    assert LOCKED in page_of(response).get_text()
    assert desk.sign_in("nobody@drs.example", PASSWORD).status_code == 429
    # the answer does not depend on the account existing: another address is not locked
    assert desk.sign_in("someone@drs.example", PASSWORD).status_code == 200


def test_one_client_is_limited_across_accounts(app, desk):
    member = desk.create()
    for n in range(20):
        desk.sign_in(f"guess{n}@drs.example", PASSWORD)
    response = desk.sign_in(member.email, code=member.next_code())
    assert response.status_code == 429
    assert actions(app).count("locked_out") == 1
    # another client address is not affected
    other = app.test_client()
    token = page_of(other.get("/staff/sign-in")).find("input", attrs={"name": "csrf_token"})
    response = other.post(
        "/staff/sign-in",
        data={
            "csrf_token": token["value"],
            "email": member.email,
            "password": PASSWORD,
            "code": member.next_code(),
        },
        environ_base={"REMOTE_ADDR": "192.0.2.7"},
    )
    assert response.status_code == 303


def test_success_starts_the_account_count_again(desk):
    member = desk.create()
    for _ in range(4):
        desk.sign_in(member.email, "wrong password, wrong")
    assert desk.sign_in(member.email, code=member.next_code()).status_code == 303
    desk.post("/staff/sign-out")
    for _ in range(4):
        assert desk.sign_in(member.email, "wrong password, wrong").status_code == 200
