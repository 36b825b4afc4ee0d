"""TaxIdentifiers: a free-text field gets the tax-number check by adding one validator."""

from werkzeug.datastructures import MultiDict
from wtforms import Form, StringField, TextAreaField
from wtforms.validators import Length

from app.validators import ChecksIdentifiers, TaxIdentifiers


class NoteForm(ChecksIdentifiers, Form):
    name = StringField(validators=[Length(max=40), TaxIdentifiers("Your name has a number")])
    note = TextAreaField(validators=[TaxIdentifiers("Your note has a number")])


def form_with(chosen=False, **fields) -> NoteForm:
    form = NoteForm(MultiDict(fields))
    form.identifiers_chosen = chosen
    return form


def test_a_number_stops_the_form_until_the_person_has_chosen():
    form = form_with(name="Pat", note="My SSN is 234-56-7891, EIN 12-3456789")
    assert not form.validate()
    assert form.held_for_identifiers()
    assert form.errors == {"note": ["Your note has a number"]}
    assert [f.kind for f in form.note.identifier_findings] == ["ssn", "fein"]
    assert [f.kind for f in form.identifier_findings] == ["ssn", "fein"]
    chosen = form_with(chosen=True, name="Pat", note="My SSN is 234-56-7891")
    assert chosen.validate()
    assert [f.last4 for f in chosen.identifier_findings] == ["7891"]


def test_findings_from_every_field_are_on_the_form():
    form = form_with(name="Pat 234-56-7891", note="routing number 021000021")
    assert not form.validate()
    assert [f.kind for f in form.identifier_findings] == ["ssn", "routing"]
    assert set(form.errors) == {"name", "note"}
    assert form.held_for_identifiers()


def test_a_field_in_error_shows_its_own_error_first():
    form = form_with(name="SSN 234-56-7891 " + "x" * 40, note="Hello")
    assert not form.validate()
    assert form.errors == {"name": ["Field cannot be longer than 40 characters."]}
    assert not form.held_for_identifiers()  # the name must be fixed, not decided on
    assert [f.kind for f in form.identifier_findings] == ["ssn"]


def test_clean_text_passes_and_finds_nothing():
    form = form_with(name="Pat", note="When is the sales tax holiday? Call 860-297-5962.")
    assert form.validate()
    assert form.identifier_findings == []
    assert not form.held_for_identifiers()
