"""Replies and code-app keys are encrypted at rest like visitors' messages."""

from app.extensions import db
from app.models import Reply, StaffMember
from tests.rawdump import raw_database_bytes
from tests.staff.helpers import submission

CANARY = "Reply-Canary-Pangolin-Quince"


def test_reply_text_and_totp_keys_are_not_in_the_raw_database(app, desk, runner):
    ref = submission(app)
    member = desk.sign_in_as()
    assert desk.post(f"/staff/messages/{ref}/reply", {"body": CANARY}).status_code == 303
    raw = raw_database_bytes(app)
    assert CANARY.encode() not in raw
    assert member.secret.encode() not in raw

    result = runner.invoke(args=["keys", "rotate", "--drop-old"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        assert db.session.scalar(db.select(Reply.body)) == CANARY
        assert db.session.get(StaffMember, member.id).totp_secret == member.secret
    # signing in still works after rotation (the TOTP key was re-encrypted too)
    desk.post("/staff/sign-out")
    assert desk.sign_in(member.email, code=member.next_code()).status_code == 303
