"""The desk's forms: reply, reveal, and site notices."""

import functools

from babel import Locale
from flask_wtf import FlaskForm
from wtforms import (
    DateField,
    IntegerField,
    SelectChoice,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from app.public.destinations import DESTINATIONS
from app.text import clean_line, clean_multiline
from app.validators import ChecksIdentifiers, TaxIdentifiers

REPLY_MAX = 10000


class PlainDateField(DateField):
    """A date (YYYY-MM-DD, what a date input sends) whose error says what to do."""

    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError:
            raise ValueError(
                f"Enter {self.label.text.lower()} as a date, like 2026-12-01"
            ) from None


class WholeNumberField(IntegerField):
    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError:
            raise ValueError("Enter a whole number from 0 to 999") from None


class ReplyForm(ChecksIdentifiers, FlaskForm):
    body = TextAreaField(
        "Your reply",
        validators=[
            DataRequired(message="Enter your reply"),
            Length(max=REPLY_MAX, message=f"Your reply must be {REPLY_MAX:,} characters or fewer"),
            TaxIdentifiers("Your reply may include tax identifiers"),
        ],
        filters=[clean_multiline],
    )


class RevealForm(FlaskForm):
    reason = StringField(
        "Why do you need to see the numbers?",
        validators=[
            DataRequired(message="Enter why you need to see the numbers"),
            Length(max=300, message="The reason must be 300 characters or fewer"),
        ],
        filters=[clean_line],
    )


class NoticeForm(FlaskForm):
    title = StringField(
        "Title",
        validators=[
            DataRequired(message="Enter a title"),
            Length(max=120, message="The title must be 120 characters or fewer"),
        ],
        filters=[clean_line],
    )
    body = TextAreaField(
        "Text",
        validators=[
            DataRequired(message="Enter the text of the notice"),
            Length(max=1000, message="The text must be 1,000 characters or fewer"),
        ],
        filters=[clean_multiline],
    )
    link = SelectField(
        "Link to (optional)",
        choices=[
            SelectChoice("", "No link"),
            *(SelectChoice(d.name, d.title) for d in DESTINATIONS.values()),
        ],
        validate_choice=False,
    )
    link_text = StringField(
        "Link text (optional)",
        validators=[
            Optional(),
            Length(max=120, message="The link text must be 120 characters or fewer"),
        ],
        filters=[clean_line],
    )
    starts_on = PlainDateField(
        "First day shown",
        validators=[InputRequired(message="Enter the first day to show the notice")],
        format="%Y-%m-%d",
    )
    ends_on = PlainDateField("Last day shown", validators=[Optional()], format="%Y-%m-%d")
    position = WholeNumberField(
        "Order on the page",
        default=0,
        validators=[
            InputRequired(message="Enter the order, a whole number such as 0"),
            NumberRange(min=0, max=999, message="Enter a whole number from 0 to 999"),
        ],
    )

    def validate(self, extra_validators=None) -> bool:
        ok = super().validate(extra_validators)
        if self.link.data and self.link.data not in DESTINATIONS:
            self.link.errors = ["Choose a link from the list"]
            ok = False
        if (
            self.starts_on.data
            and self.ends_on.data
            and not self.ends_on.errors
            and self.ends_on.data < self.starts_on.data
        ):
            self.ends_on.errors = ["The last day must be the same as or after the first day"]
            ok = False
        return ok


class TranslatedNoticeForm(NoticeForm):
    """A notice with its optional text in each other language of the site."""

    languages: tuple[str, ...] = ()

    def translation_fields(self, language: str):
        return (
            self[f"title_{language}"],
            self[f"body_{language}"],
            self[f"link_text_{language}"],
        )

    def validate(self, extra_validators=None) -> bool:
        ok = super().validate(extra_validators)
        for language in self.languages:
            title, body, _link_text = self.translation_fields(language)
            name = language_name(language)
            if title.data and not body.data and not body.errors:
                body.errors = [f"Enter the text in {name}, or leave the {name} title empty"]
                ok = False
            if body.data and not title.data and not title.errors:
                title.errors = [f"Enter the title in {name}, or leave the {name} text empty"]
                ok = False
        return ok


def language_name(language: str) -> str:
    """A language's name in English, for the desk ("Spanish")."""
    return Locale.parse(language).get_display_name("en") or language


@functools.cache
def notice_form_class(languages: tuple[str, ...]) -> type[TranslatedNoticeForm]:
    """NoticeForm with title, text and link text fields for each language given."""
    fields: dict[str, object] = {"languages": languages}
    for language in languages:
        name = language_name(language)
        fields[f"title_{language}"] = StringField(
            f"Title in {name} (optional)",
            validators=[
                Optional(),
                Length(max=120, message=f"The {name} title must be 120 characters or fewer"),
            ],
            filters=[clean_line],
        )
        fields[f"body_{language}"] = TextAreaField(
            f"Text in {name} (optional)",
            validators=[
                Optional(),
                Length(max=1000, message=f"The {name} text must be 1,000 characters or fewer"),
            ],
            filters=[clean_multiline],
        )
        fields[f"link_text_{language}"] = StringField(
            f"Link text in {name} (optional)",
            validators=[
                Optional(),
                Length(max=120, message=f"The {name} link text must be 120 characters or fewer"),
            ],
            filters=[clean_line],
        )
    return type("NoticeFormWithTranslations", (TranslatedNoticeForm,), fields)
