"""What a send costs the database: the statements it needs for its guarantees, no more.

A message is stored once (its send key), counted once (in the same transaction) and
committed before the 303. Everything else — encryption, the detector, the reference,
rendering — happens outside the transaction, so SQLite's write lock is held for as
little as the data allows (figures in bench/README.md).
"""

import threading
from datetime import UTC, datetime

import pytest
import time_machine
from sqlalchemy import create_engine, event, text
from sqlalchemy.pool import NullPool

from app.contact import rate_limits, service
from app.contact.service import store_submission
from app.extensions import READ_ONLY, _MemoryStorage, db
from app.models import ContactCounter, Submission
from tests.contact.test_contact_flow import SSN, counters, stored
from tests.support.statements import Statements, is_sqlite


def test_a_plain_send_is_one_insert_that_commits_itself(app, visitor):
    """A plain send's transaction is its INSERT: no BEGIN, and the row is committed —
    seen by another connection — the moment the statement returns, before the 303."""
    token = visitor.token()
    elsewhere = create_engine(app.config["SQLALCHEMY_DATABASE_URI"], poolclass=NullPool)
    seen_elsewhere: list[int] = []

    def look_from_another_connection(_conn, _cursor, statement, _params, _context, _many):
        if statement.startswith("INSERT INTO submissions"):
            with elsewhere.connect().execution_options(**READ_ONLY) as other:
                seen_elsewhere.append(other.scalar(text("SELECT count(*) FROM submissions")))

    with app.app_context():
        event.listen(db.engine, "after_cursor_execute", look_from_another_connection)
    try:
        with Statements(app) as seen:
            response = visitor.send(csrf_token=token, message="When is the sales tax holiday?")
    finally:
        with app.app_context():
            event.remove(db.engine, "after_cursor_execute", look_from_another_connection)
        elsewhere.dispose()
    assert response.status_code == 303
    assert seen.sql == ["INSERT INTO submissions"]
    assert seen_elsewhere == [1]
    assert seen.begins == []  # (on PostgreSQL never any: the driver begins implicitly)
    [submission] = stored(app)
    assert submission.message == "When is the sales tax holiday?"
    assert counters(app) == {}


def test_a_plain_send_retried_is_found_not_stored_again(app):
    """The INSERT that is its own transaction inserts nothing for a send key stored
    before, and the first message is returned."""
    with app.app_context():
        kwargs = {"topic": "general", "name": None, "email": "a@example.com",
                  "choice": "none", "kinds": [], "send_key": "k" * 22}  # fmt: skip
        first = store_submission(message="one", **kwargs)
        db.session.remove()
        again = store_submission(message="one, sent again", **kwargs)
        assert again == first
        db.session.remove()
        assert [s.message for s in db.session.scalars(db.select(Submission))] == ["one"]


# The warning page's text waits in a draft: read (and the read ended) before the send,
# deleted in the transaction that stores the message.
READ_DRAFT = "SELECT contact_drafts.content FROM"


def test_a_send_with_a_choice_adds_one_counter_statement(app, client, visitor):
    visitor.send(message=f"SSN {SSN} and again {SSN}, card 4929 3817 5208 1111")
    check = client.get("/contact/check")
    with Statements(app) as seen:
        response = visitor.resubmit(check, action="as_written")
    assert response.status_code == 303
    assert seen.sql == [
        READ_DRAFT,
        "INSERT INTO submissions",
        "INSERT INTO contact_counters",
        "DELETE FROM contact_drafts",
    ]
    assert seen.ends == ["rollback", "commit"]
    if is_sqlite(app):
        # The read takes no write lock; the write transaction starts with its INSERT.
        assert seen.begins == ["BEGIN", "BEGIN"]
    assert client.get("/contact/check").headers["Location"] == "/contact"  # draft gone
    # Counted once per number found, as the warning was: two SSNs, one card.
    c = counters(app)
    assert c == {
        ("warned", "ssn"): 2,
        ("warned", "card"): 1,
        ("sent_as_written", "ssn"): 2,
        ("sent_as_written", "card"): 1,
    }


def test_the_warning_step_is_one_counter_statement(app, visitor):
    token = visitor.token()
    with Statements(app) as seen:
        response = visitor.send(csrf_token=token, message=f"SSN {SSN}, EIN 12-3456780")
    assert response.status_code == 303
    # the count (once per form: its marker, then the counter) and the draft for the
    # warning page, in one short transaction
    assert seen.sql == [
        "INSERT INTO contact_warned_forms",
        "INSERT INTO contact_counters",
        "DELETE FROM contact_drafts",
        "INSERT INTO contact_drafts",
    ]
    assert seen.ends == ["commit"]
    if is_sqlite(app):
        assert seen.begins == ["BEGIN"]
    assert counters(app) == {("warned", "ssn"): 1, ("warned", "fein"): 1}
    assert stored(app) == []


def test_a_retried_send_commits_nothing_and_shows_the_first_reference(app, client, visitor):
    visitor.send(message=f"SSN {SSN}")
    check = client.get("/contact/check")
    first = visitor.resubmit(check, action="as_written")
    reference = client.get("/contact/sent").get_data(as_text=True)
    with Statements(app) as seen:
        again = visitor.resubmit(check, action="as_written")  # the same page, sent again
    assert first.status_code == 303
    assert again.status_code == 303
    assert again.headers["Location"] == "/contact/sent"
    assert "commit" not in seen.ends
    assert not [s for s in seen.sql if s.split()[0] in ("INSERT", "UPDATE", "DELETE")]
    if is_sqlite(app):
        # Reads alone (the draft, the earlier message): no write lock taken.
        assert "BEGIN IMMEDIATE" not in seen.begins
    [submission] = stored(app)
    assert submission.reference in reference
    assert submission.reference in client.get("/contact/sent").get_data(as_text=True)
    assert counters(app) == {("warned", "ssn"): 1, ("sent_as_written", "ssn"): 1}


@pytest.mark.parametrize("counted", [False, True])
def test_an_unknown_row_count_is_an_error_not_a_lost_message(app, monkeypatch, counted):
    """Without preserve_rowcount psycopg reports -1: taken for "not inserted", the
    message was found (its own row) and rolled back, and a 303 shown for nothing."""
    monkeypatch.setattr(service, "affected_rows", lambda _result: -1)
    with app.app_context(), pytest.raises(RuntimeError, match="row count"):
        store_submission(
            topic="general", name=None, email="a@example.com", message="x",
            choice="removed" if counted else "none", kinds=["ssn"] if counted else [],
            counts=[("removed", ["ssn"])] if counted else (), send_key="r" * 22,
        )  # fmt: skip


@pytest.mark.parametrize("counted", [True, False])
@pytest.mark.parametrize("taken", ["reference", "id"])
def test_a_taken_id_or_reference_is_drawn_again(app, monkeypatch, taken, counted):
    """Drawn again whether the send is a transaction with its counts or a plain INSERT
    on a connection of its own."""
    with app.app_context():
        first = store_submission(
            topic="general", name=None, email="a@example.com", message="one",
            choice="none", kinds=[], send_key="a" * 22,
        )  # fmt: skip
        db.session.remove()
        draw = "new_reference" if taken == "reference" else "new_id"
        fresh = "DRS-2345-6789" if taken == "reference" else first.id + 1
        draws = iter([getattr(first, taken), getattr(first, taken), fresh])
        monkeypatch.setattr(service, draw, lambda: next(draws))
        second = store_submission(
            topic="general", name=None, email="b@example.com", message="two",
            choice="removed" if counted else "none", kinds=["ssn"] if counted else [],
            counts=[("removed", ["ssn"])] if counted else (), send_key="b" * 22,
        )  # fmt: skip
        assert getattr(second, taken) == fresh
        assert second.id != first.id
        assert second.reference != first.reference
        assert db.session.scalar(db.select(db.func.count(Submission.id))) == 2
        if counted:
            [counter] = db.session.scalars(db.select(ContactCounter))
            assert (counter.event, counter.kind, counter.count) == ("removed", "ssn", 1)


def test_the_texts_are_stored_encrypted_once(app):
    """Encrypted before the transaction and bound as they are: readable, not doubled."""
    with app.app_context():
        stored_one = store_submission(
            topic="general", name="Pat", email="pat@example.com", message="Hello",
            choice="none", kinds=[],
        )  # fmt: skip
        raw = db.session.execute(
            db.text("SELECT name, email, message FROM submissions WHERE id = :id"),
            {"id": stored_one.id},
        ).one()
        assert all(value.startswith("gAAAA") for value in raw)
        assert "Pat" not in "".join(raw)
        db.session.remove()
        submission = db.session.get(Submission, stored_one.id)
        assert (submission.name, submission.email, submission.message) == (
            "Pat",
            "pat@example.com",
            "Hello",
        )


@pytest.mark.parametrize("choice", ["bogus", ""])
def test_an_unknown_choice_is_refused_before_anything_is_written(app, choice):
    with app.app_context(), Statements(app) as seen, pytest.raises(ValueError, match="choice"):
        store_submission(
            topic="general", name=None, email="a@example.com", message="x",
            choice=choice, kinds=[],
        )  # fmt: skip
    assert seen.sql == []
    assert seen.ends == []


def test_an_unknown_event_is_refused_before_anything_is_written(app):
    with app.app_context(), Statements(app) as seen, pytest.raises(ValueError, match="event"):
        store_submission(
            topic="general", name=None, email="a@example.com", message="x",
            choice="removed", kinds=["ssn"], counts=[("deleted", ["ssn"])],
        )  # fmt: skip
    assert seen.sql == []
    assert seen.ends == []


def test_a_retried_send_counts_nothing_again(app):
    """The counts ride with the message: a send stored before adds none."""

    def send():
        return store_submission(
            topic="general", name=None, email="a@example.com", message="x", choice="removed",
            kinds=["ssn"], counts=[("not_a_tax_number", ["card"]), ("removed", ["ssn"])],
            send_key="c" * 22,
        )  # fmt: skip

    with app.app_context():
        assert send() == send()
    assert counters(app) == {("not_a_tax_number", "card"): 1, ("removed", "ssn"): 1}


def test_a_draft_is_stored_encrypted_once(app, client, visitor):
    """Encrypted before its transaction and bound as it is: readable, and not doubled."""
    visitor.send(message=f"SSN {SSN} for Canary-Puffin")
    with app.app_context():
        [raw] = db.session.execute(db.text("SELECT content FROM contact_drafts")).scalars()
    assert raw.startswith("gAAAA")
    assert "Canary-Puffin" not in raw
    page = client.get("/contact/check").get_data(as_text=True)
    assert "Your message may include a Social Security number" in page


def test_reading_a_draft_takes_no_write_lock(app, client, visitor):
    visitor.send(message=f"SSN {SSN}")
    with Statements(app) as seen:
        assert client.get("/contact/check").status_code == 200
    assert seen.sql == [READ_DRAFT]
    assert seen.ends == ["rollback"]
    if is_sqlite(app):
        assert seen.begins == ["BEGIN"]


def test_the_rate_limit_starts_no_thread_per_send(app, visitor, monkeypatch):
    """limits' stock in-memory storage started a thread on every counted send."""
    with app.app_context():
        assert type(rate_limits.strategy().storage) is _MemoryStorage
    started: list[threading.Thread] = []
    start = threading.Thread.start

    def counting_start(thread):
        started.append(thread)
        start(thread)

    token = visitor.token()
    monkeypatch.setattr(threading.Thread, "start", counting_start)
    for number in range(3):
        response = visitor.send(csrf_token=token, message=f"Question {number}")
        assert response.status_code == 303
    assert started == []


def test_expired_rate_limit_entries_are_still_forgotten(app):
    with app.app_context():
        storage = rate_limits.strategy().storage
    with time_machine.travel(datetime(2026, 1, 5, 12, tzinfo=UTC), tick=False):
        assert storage.acquire_entry("visitor", 5, 60)
        assert storage.get_moving_window("visitor", 5, 60)[1] == 1
    with time_machine.travel(datetime(2026, 1, 5, 12, 2, tzinfo=UTC), tick=False):
        assert storage.acquire_entry("another", 5, 60)  # the clean-up is due: it runs
        assert storage.events["visitor"] == []
        assert len(storage.events["another"]) == 1


def test_wtforms_own_words_are_read_from_disk_once_per_language(app, monkeypatch):
    """Flask-WTF parsed WTForms' catalogue on every request that built a form."""
    from babel import support

    from app.contact import forms

    forms._wtforms_catalogue.cache_clear()
    loads: list[list[str]] = []
    load = support.Translations.load

    def counting_load(dirname=None, locales=None, domain=None):
        if domain == "wtforms":
            loads.append([str(locale) for locale in locales or []])
        return load(dirname, locales, domain)

    monkeypatch.setattr(support.Translations, "load", counting_load)
    client = app.test_client()
    for _ in range(3):
        assert client.get("/contact").status_code == 200
        assert client.get("/es/contacto").status_code == 200
    assert loads == [["en"], ["es"]]
    with app.test_request_context("/es/contacto"):
        form = forms.ContactForm(formdata=None)
        assert form.meta.get_translations(form).gettext("Not a valid choice.") != (
            "Not a valid choice."
        )  # Spanish


def test_forms_built_from_kept_fields_share_nothing_a_request_sets(app):
    """Each form's fields are copies of fields bound once (not built again per request):
    what one request's form holds — data, errors, numbers found — is its own."""
    from app.contact.forms import ContactForm

    first_data = {"email": "not-an-address", "topic": "general", "message": f"SSN {SSN}"}
    with app.test_request_context("/contact", method="POST", data=first_data):
        first = ContactForm(meta={"csrf": False})
        assert not first.validate()
        assert [f.kind for f in first.field_findings] == ["ssn"]
    second_data = {"email": "pat@example.com", "topic": "general", "message": "Hello"}
    with app.test_request_context("/contact", method="POST", data=second_data):
        second = ContactForm(meta={"csrf": False})
        assert second.validate()
        assert second.field_findings == []
    with app.test_request_context("/es/contacto", method="POST", data=second_data):
        spanish = ContactForm(meta={"csrf": False})
        assert spanish.message.gettext("Not a valid choice.") != "Not a valid choice."
    assert first.email.errors
    assert first.email.data == "not-an-address"
    assert [f.kind for f in first.message.identifier_findings] == ["ssn"]
    assert second.message.identifier_findings == []
    assert second.email.errors == []
    assert second.email.data == "pat@example.com"
    for mine, theirs in zip(first, second, strict=True):
        assert mine is not theirs
        assert mine._form is first
        assert theirs._form is second
    assert second.message.gettext("Not a valid choice.") == "Not a valid choice."
