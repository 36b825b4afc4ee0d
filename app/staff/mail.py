"""Replies to visitors by e-mail (Flask-Mailman).

MAIL_BACKEND is "console" by default, so `make run` needs no mail server; "smtp" with
MAIL_SERVER etc. in production. Headers hold only our own words and the visitor's
address, checked to be one plain address: nothing a visitor typed can add a header.
"""

import re
import smtplib
from email.errors import HeaderParseError
from email.headerregistry import Address
from email.utils import parseaddr

from flask import Flask, current_app
from flask_babel import force_locale, gettext
from flask_mailman import EmailMessage, Mail
from flask_mailman.message import BadHeaderError

from app.models import Submission

mail = Mail()


class ReplyNotSent(Exception):
    """The reply could not be sent; the message says why in plain words."""


def init_app(app: Flask) -> None:
    mail.init_app(app)


def subject_for(submission: Submission) -> str:
    """The reply's subject, in the language the visitor wrote in."""
    with force_locale(submission.language or "en"):
        return gettext(
            "Your message to the Department of Revenue Services (%(reference)s)",
            reference=submission.reference,
        )


# Two dot-atoms of letters, digits and _ + - around one @ (what nearly every visitor
# types): exactly one plain address as it stands, which the parse below would return
# unchanged (tests/security/test_unusable_addresses.py checks that it does). The parse costs
# ~300,000 instructions, a twentieth of a whole send; this match a few hundred.
_PLAIN_ADDRESS = re.compile(
    r"[A-Za-z0-9_+-]+(?:\.[A-Za-z0-9_+-]+)*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
)


def safe_recipient(address: str | None) -> str:
    """The visitor's address if it is exactly one plain address; else ReplyNotSent."""
    if address and len(address) <= 254 and _PLAIN_ADDRESS.fullmatch(address):
        return address
    return parsed_recipient(address)


def parsed_recipient(address: str | None) -> str:
    """safe_recipient() for any address, by the e-mail package's own parser."""
    if not address or any(ch in address for ch in '\r\n\0,;<>"') or len(address) > 254:
        raise ReplyNotSent("The visitor's e-mail address cannot be used, so no reply was sent.")
    name, parsed = parseaddr(address)
    local, _, domain = parsed.rpartition("@")
    if name or parsed != address.strip() or not local or not domain:
        raise ReplyNotSent("The visitor's e-mail address cannot be used, so no reply was sent.")
    try:
        return str(Address(addr_spec=parsed))
    except (ValueError, IndexError, HeaderParseError):  # ("pat@example.com." is the last)
        raise ReplyNotSent(
            "The visitor's e-mail address cannot be used, so no reply was sent."
        ) from None


def send_reply(submission: Submission, body: str) -> None:
    """Send ``body`` to the visitor who wrote ``submission``. Raises ReplyNotSent."""
    recipient = safe_recipient(submission.email)
    message = EmailMessage(
        subject=subject_for(submission),
        body=body,
        from_email=current_app.config["MAIL_DEFAULT_SENDER"],
        to=[recipient],
    )
    try:
        sent = message.send(fail_silently=False)
    except (smtplib.SMTPException, OSError, BadHeaderError) as error:
        current_app.logger.warning("Reply not sent: %s", type(error).__name__)
        raise ReplyNotSent(
            "The reply could not be sent because the mail server did not accept it. "
            "Nothing has been marked as replied. Try again in a few minutes."
        ) from None
    if not sent:
        raise ReplyNotSent("The reply could not be sent. Try again in a few minutes.")
