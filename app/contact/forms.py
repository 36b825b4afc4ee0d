"""The contact form: what each field accepts and what it says when it does not."""

import functools
import re
import secrets

from babel import support
from flask import current_app
from flask_babel import LazyString, format_decimal, get_locale, gettext
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import Field, HiddenField, RadioField, SelectChoice, StringField, TextAreaField
from wtforms.i18n import messages_path
from wtforms.validators import (
    DataRequired,
    Email,
    Length,
    Optional,
    StopValidation,
    ValidationError,
)

from app.contact.identifiers import FieldFinding, in_fields
from app.models.submission import MESSAGE_MAX, TOPICS
from app.text import clean_line, clean_multiline
from app.validators import ChecksIdentifiers, TaxIdentifiers


class TopicField(RadioField):
    """Radios whose error for an unknown value says what to do, like the others."""

    def pre_validate(self, _form):
        if self.data not in {choice.value for choice in self.choices}:
            raise StopValidation(_l("Select what your message is about"))


class EmailAddress(Email):
    """Syntax checked by email-validator; DNS looked up only if EMAIL_CHECK_DELIVERABILITY."""

    def __call__(self, form, field):
        self.check_deliverability = current_app.config["EMAIL_CHECK_DELIVERABILITY"]
        super().__call__(form, field)
        # What the reply cannot be sent to is refused here, not discovered at the desk.
        from app.staff.mail import ReplyNotSent, safe_recipient

        try:
            safe_recipient(field.data)
        except ReplyNotSent:
            raise ValidationError(UNUSABLE_ADDRESS) from None


# Mail servers take an international domain (exämple.com), not letters outside English
# before the @ (ü@…): our replies could never reach such an address.
UNUSABLE_ADDRESS = _l(
    "We cannot reply to this address. Use one with only English letters, digits and "
    ". _ - + before the @, like name@example.com"
)


def _message_too_long() -> str:
    # The limit written as the page's language writes numbers (5,000; 5.000).
    return gettext(
        "Your message must be %(count)s characters or fewer", count=format_decimal(MESSAGE_MAX)
    )


SEND_KEY = re.compile(r"^[A-Za-z0-9_-]{22}$")


def new_send_key() -> str:
    return secrets.token_urlsafe(16)


def _valid_send_key(value: str | None) -> str:
    return value if value and SEND_KEY.match(value) else new_send_key()


def _strip_all_space(value: str | None) -> str | None:
    return None if value is None else "".join(clean_line(value).split())


@functools.cache
def _wtforms_catalogue(language: str) -> support.NullTranslations:
    return support.Translations.load(messages_path(), [language], domain="wtforms")


# Bound fields as WTForms first makes them, one per field, name and language: see
# ContactForm.Meta.bind_field.
_BOUND: dict[tuple, Field] = {}


class ContactForm(ChecksIdentifiers, FlaskForm):
    class Meta(FlaskForm.Meta):
        def bind_field(self, form, unbound_field, options):
            """Each field a copy of one bound once, instead of built again per request.

            WTForms builds every field of a form from its declaration each time a form
            is made (label, flags, validators checked, widget): ~100,000 instructions
            a field, six fields a send. What it builds depends only on the declaration,
            the field's name and prefix and the language's catalogue (the label of an
            unlabelled field is looked up in it), never on the request, so the first
            field built for those is kept, unused, and each form gets a shallow copy of
            it bound to itself. Everything a request sets on a field (its data, raw
            data, errors, what the detector found) is set on the copy.
            """
            translations = options.get("translations")
            key = (unbound_field, options["name"], options.get("prefix", ""), translations)
            kept = _BOUND.get(key)
            if kept is None:
                kept = super().bind_field(form, unbound_field, options)
                if len(_BOUND) < 256:  # (a Meta that made new catalogues each time)
                    kept._form, kept.meta = None, None
                    _BOUND[key] = kept
                else:
                    return kept
            field = object.__new__(type(kept))  # (Field.__new__ would make it unbound)
            field.__dict__.update(kept.__dict__)
            field._form, field.meta = form, form.meta
            return field

        def get_translations(self, form):
            """WTForms' own words in the page's language, read from disk once per process.

            Flask-WTF reads and parses WTForms' catalogue on every request that builds a
            form (for the label of the unlabelled send_key, if nothing else): 0.2 ms a
            send in English, 0.5 ms in Spanish (bench/README.md, "What a send costs").
            """
            if not current_app.config.get("WTF_I18N_ENABLED", True):
                return super().get_translations(form)
            return _wtforms_catalogue(str(get_locale()))

    # The CSRF check is made by the view so that a stale token shows the form again
    # with everything kept, instead of a bare 400. The tax-number check is the name's
    # and message's TaxIdentifiers: the views set identifiers_dismissed (the draft's
    # "not a tax number" fingerprints) and identifiers_chosen before validate().
    name = StringField(
        _l("Your name (optional)"),
        validators=[
            Optional(),
            Length(max=200, message=_l("Your name must be 200 characters or fewer")),
            TaxIdentifiers(),
        ],
        filters=[clean_line],
    )
    email = StringField(
        _l("Your e-mail address"),
        validators=[
            DataRequired(message=_l("Enter your e-mail address")),
            Length(max=254, message=_l("Your e-mail address must be 254 characters or fewer")),
            EmailAddress(
                message=_l("Enter an e-mail address in the correct format, like name@example.com")
            ),
        ],
        filters=[_strip_all_space],
    )
    topic = TopicField(
        _l("What is your message about?"),
        choices=[SelectChoice(value, label) for value, label in TOPICS],
        validators=[DataRequired(message=_l("Select what your message is about"))],
    )
    message = TextAreaField(
        _l("Your message"),
        validators=[
            DataRequired(message=_l("Enter your message")),
            Length(
                max=MESSAGE_MAX,
                message=LazyString(_message_too_long),
            ),
            TaxIdentifiers(),
        ],
        filters=[clean_multiline],
    )
    # A honeypot: hidden from people by CSS and from assistive technology; bots fill it.
    website = StringField(_l("Leave this field empty"), filters=[clean_line])
    # Names this one message across its steps, so that sending it twice (a retry after
    # a lost connection, a resubmitted page) stores it once. Random; never the visitor's.
    send_key = HiddenField(filters=[_valid_send_key])

    def free_text_fields(self) -> dict[str, str]:
        """The fields a visitor writes freely in, which the detector reads."""
        return {"name": self.name.data or "", "message": self.message.data or ""}

    @property
    def field_findings(self) -> list[FieldFinding]:
        """What validate() found, with the field each number is in and its fingerprint."""
        return in_fields(
            self.free_text_fields(),
            {
                "name": getattr(self.name, "identifier_findings", []),
                "message": getattr(self.message, "identifier_findings", []),
            },
        )
