"""TaxIdentifiers: a free-text field gets the tax-number check by adding one validator."""

from werkzeug.datastructures import MultiDict
from wtforms import Form, StringField, TextAreaField
from wtforms.validators import Length

from app.validators import ChecksIdentifiers, TaxIdentifiers, fingerprint_of


class NoteForm(ChecksIdentifiers, Form):
    name = StringField(validators=[Length(max=40), TaxIdentifiers("Your name has a number")])
    note = TextAreaField(validators=[TaxIdentifiers("Your note has a number")])


def form_with(chosen=False, **fields) -> NoteForm:
    form = NoteForm(MultiDict(fields))
    form.identifiers_chosen = chosen
    return form


def test_a_number_stops_the_form_until_the_person_has_chosen():
    form = form_with(name="Pat", note="My SSN is 234-56-7891, EIN 12-3456780")
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


def test_a_number_the_person_dismissed_is_not_found_again(app):
    with app.test_request_context():
        text = "SSN 234-56-7891, and my EIN is 12-3456780"
        first = form_with(name="Pat", note=text)
        assert not first.validate()
        ssn = next(f for f in first.note.identifier_findings if f.kind == "ssn")
        # "This is not a Social Security number": its fingerprint is kept, not its digits.
        form = form_with(name="Pat", note=text)
        form.identifiers_dismissed = {fingerprint_of(text, ssn)}
        assert not form.validate()  # the FEIN still stops the form
        assert [f.kind for f in form.identifier_findings] == ["fein"]
        assert form.held_for_identifiers()
        # The same digits written another way are the same number, still dismissed.
        respaced = "SSN 234 56 7891, and my EIN is 12-3456780"
        undismissed = form_with(name="Pat", note=respaced)
        undismissed.validate()
        assert [f.kind for f in undismissed.identifier_findings] == ["ssn", "fein"]
        form = form_with(name="Pat", note=respaced)
        form.identifiers_dismissed = {fingerprint_of(text, ssn)}
        form.validate()
        assert [f.kind for f in form.identifier_findings] == ["fein"]


def test_with_every_number_dismissed_the_form_passes(app):
    with app.test_request_context():
        text = "Account 234-56-7891"
        first = form_with(note=text)
        assert not first.validate()
        form = form_with(note=text)
        form.identifiers_dismissed = {fingerprint_of(text, f) for f in first.identifier_findings}
        assert form.validate()
        assert form.identifier_findings == []
        assert not form.held_for_identifiers()
        # Another number in the same place is not covered by the dismissal.
        other = form_with(note="Account 345-67-8912")
        other.identifiers_dismissed = form.identifiers_dismissed
        assert not other.validate()
        assert [f.last4 for f in other.identifier_findings] == ["8912"]


def test_the_default_message_is_in_the_page_language(app):
    with app.test_request_context():
        form = NoteForm(MultiDict({"note": "SSN 234-56-7891"}))
        form.note.validators = [TaxIdentifiers()]
        assert not form.validate()
        assert form.errors["note"] == ["This may include a tax number"]
