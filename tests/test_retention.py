"""Kept only as long as needed: `flask purge` deletes content on schedule, keeps stubs."""

from datetime import UTC, date, datetime

import time_machine

from app.contact.service import store_submission
from app.extensions import db
from app.models import AuditEvent, Reply, StaffMember, Submission
from app.retention import RetentionRules, due_counts, purge_expired
from tests.pages import normalise
from tests.rawdump import raw_database_bytes

ARRIVED = date(2026, 1, 5)
CANARY = "Canary-Heron-Pistachio"


def add(app, message, *, choice="none", kinds=(), replied_on=None, closed_on=None):
    """A message that arrived on ARRIVED, with a reply on ``replied_on`` if given."""
    with app.app_context(), time_machine.travel(datetime(2026, 1, 5, 15, tzinfo=UTC)):
        stored = store_submission(
            topic="general",
            name="Pat",
            email="pat@example.com",
            message=message,
            choice=choice,
            kinds=kinds,
        )
        submission = db.session.get(Submission, stored.id)
        if replied_on:
            member = db.session.scalar(db.select(StaffMember)) or StaffMember(
                email="staff@example.com",
                role="reader",
                password_hash="x",
                created_at=datetime(2026, 1, 1, tzinfo=UTC),
            )
            db.session.add(
                Reply(
                    submission_id=submission.id,
                    staff_id=_member_id(member),
                    sent_at=datetime.combine(replied_on, datetime.min.time(), UTC),
                    body=f"Reply about {message}",
                )
            )
            submission.status = "replied"
            submission.replied_on = replied_on
        if closed_on:
            submission.status = "closed"
            submission.closed_on = closed_on
        db.session.commit()
        return submission.reference


def _member_id(member):
    if member.id is None:
        db.session.add(member)
        db.session.flush()
    return member.id


def state(app):
    with app.app_context():
        return {
            s.message or s.reference: (s.purged_on, s.name, s.email)
            for s in db.session.scalars(db.select(Submission))
        }


def test_each_rule_deletes_content_at_its_time(app):
    add(app, "replied", replied_on=date(2026, 1, 10))
    add(app, "closed", closed_on=date(2026, 1, 10))
    add(app, "as written", choice="sent_as_written", kinds=["ssn"], replied_on=date(2026, 1, 10))
    add(app, "unanswered")
    rules = RetentionRules(replied_days=30, identifiers_days=7, unreplied_days=180)
    with app.app_context():
        assert purge_expired(date(2026, 1, 16), rules) == 0
        assert purge_expired(date(2026, 1, 17), rules) == 1  # identifiers: reply + 7
    assert "as written" not in state(app)
    with app.app_context():
        assert purge_expired(date(2026, 2, 8), rules) == 0
        assert purge_expired(date(2026, 2, 9), rules) == 2  # replied/closed: + 30
        assert purge_expired(date(2026, 7, 3), rules) == 0
        assert purge_expired(date(2026, 7, 4), rules) == 1  # unreplied: arrival + 180
        stubs = list(db.session.scalars(db.select(Submission)))
        assert all(s.message is None and s.name is None and s.email is None for s in stubs)
        assert all(s.reference and s.received_on == ARRIVED and s.topic for s in stubs)
        assert {s.identifier_kinds for s in stubs} == {"", "ssn"}
        assert all(r.body is None for r in db.session.scalars(db.select(Reply)))


def test_due_counts_show_what_is_due(app):
    add(app, "a", replied_on=date(2026, 1, 10))
    add(app, "b", choice="sent_as_written", kinds=["ssn"], replied_on=date(2026, 1, 10))
    add(app, "c")
    with app.app_context():
        rules = RetentionRules.from_config()
        counts = due_counts(date(2026, 3, 1), rules)
        assert (counts.identifiers, counts.replied, counts.unreplied) == (1, 1, 0)
        assert due_counts(date(2026, 7, 4), rules).total == 3


def test_flask_purge_uses_today_and_records_it(app, runner):
    add(app, "old and answered", replied_on=date(2026, 1, 10))
    add(app, "recent")
    with time_machine.travel(datetime(2026, 3, 1, 12, tzinfo=UTC)):
        result = runner.invoke(args=["purge"])
    assert result.exit_code == 0, result.output
    assert "Deleted the content of 1 message(s)" in result.output
    assert "recent" in state(app)
    with app.app_context():
        event = db.session.scalar(db.select(AuditEvent).where(AuditEvent.action == "purge"))
        assert event.detail.startswith("1 messages")


def test_purged_content_leaves_no_trace_in_the_raw_database(app):
    add(
        app,
        f"{CANARY} my SSN 219-56-7788",
        choice="sent_as_written",
        kinds=["ssn"],
        replied_on=date(2026, 1, 10),
    )
    with app.app_context():
        tokens = db.session.execute(db.text("SELECT message FROM submissions")).scalars().all()
        reply_tokens = db.session.execute(db.text("SELECT body FROM replies")).scalars().all()
        purge_expired(date(2026, 12, 31))
    raw = raw_database_bytes(app)
    assert CANARY.encode() not in raw
    assert b"219-56-7788" not in raw
    # not even the encrypted form survives: secure_delete overwrote it
    for token in tokens + reply_tokens:
        assert token.encode() not in raw


def test_privacy_page_says_what_the_purge_does(make_app):
    app = make_app(RETENTION_REPLIED_DAYS=45, RETENTION_IDENTIFIERS_DAYS=3)
    from tests.pages import check_page

    page = check_page(app.test_client().get("/privacy").get_data(as_text=True))
    section = normalise(page.find(id="keeping-messages").parent.get_text(" "))
    assert "45 days after we reply to you or close your message" in section
    assert "3 days after we reply, if you chose to send your message with a Social" in section
    assert "180 days after your message arrived" in section
