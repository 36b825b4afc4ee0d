"""The policy's promises, proved over the whole story.

A visitor sends a fake SSN "as written", staff read and reply, the purge runs; then
every file under instance/, every log and a raw dump of the database are searched:
the visitor's words appear nowhere in plain text. ("We keep confidential…", "secure
from unauthorized access", "only used to respond", "not matched with personal
information".)
"""

import logging
from datetime import UTC, datetime
from pathlib import Path

import time_machine

from app.extensions import db
from app.models import Submission
from tests.pages import page_of
from tests.rawdump import raw_database_bytes
from tests.support.desk import Desk
from tests.support.visitor import Visitor

CANARY = "Zebracanary Quillfeather"
CANARY_SSN = "219-56-7788"
CANARY_EMAIL = "zebracanary@example.com"


def everything_on_disk(app) -> bytes:
    """Every file under the instance folder (keys, logs, SQLite files) and the database."""
    files = [p for p in Path(app.instance_path).rglob("*") if p.is_file()]
    assert any(p.name.startswith("access") for p in files), "the access log is there"
    return b"".join(p.read_bytes() for p in files) + raw_database_bytes(app)


def assert_nowhere(blob: bytes, caplog) -> None:
    for secret in (CANARY, CANARY_SSN, CANARY_EMAIL):
        assert secret.encode() not in blob, secret
        assert secret not in caplog.text, secret


def test_the_whole_story_leaves_no_plain_text_behind(app, client, caplog):
    caplog.set_level(logging.DEBUG)
    visitor = Visitor(client)
    desk = Desk(app, app.test_client())

    with time_machine.travel(datetime(2026, 3, 2, 14, tzinfo=UTC), tick=False):
        check = visitor.send(
            name=CANARY, email=CANARY_EMAIL, message=f"{CANARY} my SSN is {CANARY_SSN}"
        )
        assert visitor.resubmit(check, action="as_written").status_code == 303
        sent = client.get("/contact/sent").get_data(as_text=True)
        with app.app_context():
            reference = db.session.scalar(db.select(Submission.reference))
        assert reference in sent

        # the access log never holds the visitor's words or the reference
        access = b"".join(
            p.read_bytes() for p in (Path(app.instance_path) / "logs").glob("access-*.log")
        )
        assert b"/contact" in access
        assert reference.encode() not in access

        # staff read it (masked) and reply
        desk.sign_in_as("reader")
        page = page_of(desk.client.get(f"/staff/messages/{reference}"))
        assert CANARY_SSN not in page.get_text()
        assert "***-**-7788" in page.get_text()
        response = desk.post(
            f"/staff/messages/{reference}/reply",
            {"body": "Thank you. We have answered your question.", "action": "send"},
        )
        assert response.status_code == 303
        assert_nowhere(everything_on_disk(app), caplog)

    # after the purge, not even the encrypted text is left
    with app.app_context():
        tokens = db.session.execute(db.text("SELECT message, name, email FROM submissions")).one()
    with time_machine.travel(datetime(2026, 3, 12, 4, tzinfo=UTC), tick=False):
        result = app.test_cli_runner().invoke(args=["purge"])
    assert "Deleted the content of 1 message(s)" in result.output
    blob = everything_on_disk(app)
    assert_nowhere(blob, caplog)
    for token in tokens:
        assert token.encode() not in blob
    with app.app_context():
        stub = db.session.scalar(db.select(Submission))
        assert (stub.reference, stub.kinds, stub.message) == (reference, ["ssn"], None)
