"""Every branch of the contact flow's decision, as a plain function call.

What the visitor pressed, with what the form found, decides what happens next and what
the statistics count; the flow tests (test_contact_flow.py) prove the views carry it out.
"""

import pytest

from app.contact.decision import ASK_AGAIN, EDIT, STORE, WARN, on_choice, on_send
from app.contact.identifiers import FieldFinding
from app.models.submission import CHOICE_AS_WRITTEN, CHOICE_NONE, CHOICE_REMOVED
from app.pii import scan

FIELDS = {
    "name": "Pat Doe",
    "message": "My SSN is 301-72-1188 and my card is 4929 3817 5208 1111. Please help.",
}


def found(fields=FIELDS):
    """The form's findings (fingerprints stand-ins: the real ones are keyed hashes)."""
    return [
        FieldFinding(field, finding, f"{field}{i}".ljust(20, "0"))
        for field, text in fields.items()
        for i, finding in enumerate(scan(text))
    ]


def test_a_send_with_nothing_found_stores_the_message_and_counts_nothing():
    clean = {"name": "", "message": "When is my refund coming?"}
    outcome = on_send(clean, [])
    assert outcome.next == STORE
    assert outcome.fields == clean
    assert outcome.choice == CHOICE_NONE
    assert outcome.counts == ()


def test_a_send_with_numbers_warns_and_counts_one_warning_per_number():
    outcome = on_send(FIELDS, found())
    assert outcome.next == WARN
    assert outcome.counts == (("warned", ("ssn", "card")),)
    assert outcome.fields == {}  # nothing is stored yet


def test_remove_stores_the_message_without_the_numbers():
    outcome = on_choice(FIELDS, found(), set(), "remove", "en")
    assert outcome.next == STORE
    assert outcome.choice == CHOICE_REMOVED
    assert outcome.kinds == ("ssn", "card")
    assert outcome.fields["message"] == (
        "My SSN is [Social Security number removed] and my card is "
        "[payment card number removed]. Please help."
    )
    assert outcome.fields["name"] == "Pat Doe"
    assert outcome.counts == (("removed", ("ssn", "card")),)


def test_remove_writes_its_labels_in_the_visitors_language():
    outcome = on_choice(FIELDS, found(), set(), "remove", "es")
    assert outcome.fields["message"].startswith(
        "My SSN is [número de Seguro Social eliminado] and my card is ["
    )
    assert "1188" not in outcome.fields["message"]


def test_send_as_written_stores_the_text_as_typed_and_counts_it():
    outcome = on_choice(FIELDS, found(), set(), "as_written", "en")
    assert outcome.next == STORE
    assert outcome.choice == CHOICE_AS_WRITTEN
    assert outcome.fields == FIELDS
    assert outcome.counts == (("sent_as_written", ("ssn", "card")),)


def test_numbers_ticked_not_a_tax_number_are_counted_apart_and_left_as_typed():
    findings = found()
    card = next(f for f in findings if f.kind == "card")
    outcome = on_choice(FIELDS, findings, {card.fingerprint}, "remove", "en")
    assert outcome.next == STORE
    assert outcome.left_alone == (card,)
    assert "4929 3817 5208 1111" in outcome.fields["message"]
    assert "301-72-1188" not in outcome.fields["message"]
    assert outcome.counts == (("not_a_tax_number", ("card",)), ("removed", ("ssn",)))


@pytest.mark.parametrize("action", ["remove", "as_written"])
def test_every_number_ticked_stores_the_message_as_one_with_none(action):
    findings = found()
    outcome = on_choice(FIELDS, findings, {f.fingerprint for f in findings}, action, "en")
    assert outcome.next == STORE
    assert outcome.choice == CHOICE_NONE
    assert outcome.kinds == ()
    assert outcome.fields == FIELDS
    assert outcome.counts == (("not_a_tax_number", ("ssn", "card")),)


def test_edit_goes_back_to_the_form_and_keeps_the_ticks():
    findings = found()
    outcome = on_choice(FIELDS, findings, {findings[0].fingerprint}, "edit", "en")
    assert outcome.next == EDIT
    assert outcome.left_alone == (findings[0],)
    assert outcome.counts == (("not_a_tax_number", ("ssn",)),)


def test_ticks_alone_ask_again_while_numbers_remain():
    findings = found()
    outcome = on_choice(FIELDS, findings, {findings[0].fingerprint}, None, "en")
    assert outcome.next == ASK_AGAIN
    assert outcome.counts == (("not_a_tax_number", ("ssn",)),)


def test_ticks_that_cover_every_number_go_back_to_the_form():
    findings = found()
    outcome = on_choice(FIELDS, findings, {f.fingerprint for f in findings}, None, "en")
    assert outcome.next == EDIT
    assert len(outcome.left_alone) == 2


@pytest.mark.parametrize("action", [None, "", "delete", "REMOVE"])
def test_an_unknown_button_stores_nothing(action):
    outcome = on_choice(FIELDS, found(), set(), action, "en")
    assert outcome.next == ASK_AGAIN
    assert outcome.counts == ()


def test_a_tick_that_names_no_number_found_changes_nothing():
    outcome = on_choice(FIELDS, found(), {"0" * 20}, "as_written", "en")
    assert outcome.left_alone == ()
    assert outcome.kinds == ("ssn", "card")
