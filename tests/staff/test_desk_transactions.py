"""The desk holds SQLite's write lock only for its writes.

A desk page reads in read-only transactions (on SQLite a plain BEGIN: a snapshot, no
lock), drawn and rendered with no lock held; each write is a short transaction of its
own, begun by its first write (WRITE_FIRST), or, when it must read what it changes, a
BEGIN IMMEDIATE around just that. So a visitor's send never waits while a member of
staff reads a page. (tests/conftest.py fails any write made in a read-only
transaction, and any read before the write in a WRITE_FIRST one.)
"""

import threading
import time

import time_machine
from flask import before_render_template

from app.clock import utcnow
from app.extensions import db
from app.models import Submission
from tests.staff.helpers import SSN, audit, submission
from tests.support.statements import Statements, is_sqlite
from tests.support.visitor import Visitor


def without_begin(transaction: list[str]) -> list[str]:
    return [s for s in transaction if not s.startswith("BEGIN")]


def test_an_inbox_page_reads_without_the_write_lock(app, desk, client):
    submission(app, f"My SSN {SSN}", choice="sent_as_written", kinds=["ssn"])
    submission(app, "When is the sales tax holiday?")
    with time_machine.travel(utcnow(), tick=False):
        desk.sign_in_as()
        with Statements(app) as seen:
            response = client.get("/staff/?q=holiday")  # decrypts every message to search
    assert response.status_code == 200
    assert seen.stream, "nothing recorded"
    assert seen.writing == []
    if is_sqlite(app):
        assert seen.begins
        assert set(seen.begins) == {"BEGIN"}


def test_a_message_page_writes_its_audit_record_alone(app, desk, client):
    reference = submission(app, f"My SSN {SSN}", choice="sent_as_written", kinds=["ssn"])
    with time_machine.travel(utcnow(), tick=False):
        member = desk.sign_in_as()
        with Statements(app) as seen:
            response = client.get(f"/staff/messages/{reference}")
    assert response.status_code == 200
    assert "7788" in response.get_data(as_text=True)  # (masked: ***-**-7788)
    [write] = seen.writing
    assert without_begin(write) == ["INSERT INTO audit_events", "commit"]
    if is_sqlite(app):
        assert write[0] == "BEGIN"  # begun by the INSERT: the lock for it and the commit
        assert "BEGIN IMMEDIATE" not in seen.begins
    assert audit(app)[-1] == ("viewed_submission", member.id, reference, None)


def test_the_last_seen_time_is_a_write_of_its_own(app, desk, client):
    """Once a minute a desk page notes that its session is in use: that UPDATE is its
    own short transaction, and the page's reads are not in it."""
    with time_machine.travel(utcnow(), tick=False) as traveller:
        desk.sign_in_as()
        traveller.shift(90)
        with Statements(app) as seen:
            assert client.get("/staff/").status_code == 200
        with Statements(app) as again:  # a moment later: not written again
            assert client.get("/staff/").status_code == 200
    [write] = seen.writing
    assert without_begin(write) == ["UPDATE staff_sessions SET", "commit"]
    assert again.writing == []
    if is_sqlite(app):
        assert "BEGIN IMMEDIATE" not in seen.begins + again.begins


def test_a_status_change_reads_and_writes_under_one_short_lock(app, desk):
    """Changing a status reads the status it changes from (for the audit record) under
    the lock: BEGIN IMMEDIATE around that read and the writes, and nothing else."""
    reference = submission(app)
    with time_machine.travel(utcnow(), tick=False):
        member = desk.sign_in_as()
        token_page = f"/staff/messages/{reference}"
        data = {"status": "closed"}
        with Statements(app) as seen:
            response = desk.post(f"/staff/messages/{reference}/status", data, token_page)
    assert response.status_code == 303
    change = seen.writing[-1]
    words = [s.split()[0] for s in without_begin(change)]
    # the status read again, then the row changed and the audit record (in either order)
    assert words[0] == "SELECT"
    assert sorted(words[1:3]) == ["INSERT", "UPDATE"]
    assert words[3:] == ["commit"]
    if is_sqlite(app):
        assert change[0] == "BEGIN IMMEDIATE"
        assert seen.begins.count("BEGIN IMMEDIATE") == 1
    assert audit(app)[-1] == ("status_changed", member.id, reference, "new to closed")


def test_a_visitor_sends_while_a_desk_page_is_being_drawn(app, desk, client):
    """While a message page renders (its read transaction open, after its audit write),
    a visitor's send on another connection is stored at once: it does not wait for the
    desk (before, it waited, and after the busy timeout failed)."""
    reference = submission(app)
    member = desk.sign_in_as()
    visitor = Visitor(app.test_client())
    token = visitor.token()
    outcome: dict = {}

    def send():
        started = time.perf_counter()
        response = visitor.send(csrf_token=token, message="Is my refund on its way?")
        outcome["status"] = response.status_code
        outcome["seconds"] = time.perf_counter() - started

    def while_drawing(_sender, template, **_extra):
        if template.name != "staff/submission.html" or outcome:
            return
        # The desk's page is reading: a transaction open on its connection.
        session = db.session()
        outcome["desk_reading"] = session.in_transaction() and (
            not is_sqlite(app) or session.connection().connection.dbapi_connection.in_transaction
        )
        sending = threading.Thread(target=send)
        sending.start()
        sending.join(timeout=30)

    with before_render_template.connected_to(while_drawing, app):
        response = client.get(f"/staff/messages/{reference}")
    assert response.status_code == 200
    assert outcome["desk_reading"]
    assert outcome["status"] == 303
    busy_timeout = app.config["SQLITE_BUSY_TIMEOUT"]
    assert outcome["seconds"] < busy_timeout / 2
    with app.app_context():
        messages = [s.reference for s in db.session.scalars(db.select(Submission))]
    assert len(messages) == 2
    assert audit(app)[-1] == ("viewed_submission", member.id, reference, None)
