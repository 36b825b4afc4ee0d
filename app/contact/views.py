"""The contact views: validate → check for identifiers → let the visitor choose → store.

Between steps the visitor's text travels only in the POST body (hidden fields beside
the CSRF token): never in a URL, the session cookie, a flash message or a log.
"""

import math
import time

from flask import current_app, redirect, render_template, request, session, url_for
from flask_limiter import RateLimitExceeded
from flask_wtf.csrf import validate_csrf
from sqlalchemy.exc import SQLAlchemyError
from wtforms import ValidationError

from app.contact import bp
from app.contact.forms import ContactForm
from app.contact.identifiers import (
    find_identifiers,
    heading_for,
    remove_identifiers,
    valid_fingerprints,
)
from app.contact.service import count_events, store_submission
from app.errors import render_error
from app.extensions import csrf, db, limiter
from app.i18n import current_language
from app.models.submission import ACCOUNT_TOPIC, CHOICE_AS_WRITTEN, CHOICE_NONE, CHOICE_REMOVED
from app.public.notices import mark_database_unavailable
from app.security import no_store


def contact_limit() -> str:
    return current_app.config["CONTACT_RATE_LIMIT"]


def _page(template: str, status: int = 200, **context):
    context.setdefault("account_topic", ACCOUNT_TOPIC)
    return no_store(current_app.make_response((render_template(template, **context), status)))


def _form_page(form: ContactForm, status: int = 200, **context):
    # Each entry links to its field; for radios, the first radio.
    errors = [
        (f"{field.id}-0" if field is form.topic else field.id, field.errors[0])
        for field in (form.name, form.email, form.topic, form.message)
        if field.errors
    ]
    return _page("contact/form.html", status, form=form, errors=errors, **context)


def _csrf_ok() -> bool:
    """Missing, malformed or expired: all the same to the visitor (a timed-out page)."""
    try:
        validate_csrf(request.form.get("csrf_token"))
    except ValidationError:
        return False
    return True


@bp.get("/contact")
def form():
    return _form_page(ContactForm())


@bp.post("/contact")
@csrf.exempt  # checked below, so a stale token keeps what was typed
@limiter.limit(contact_limit, deduct_when=lambda response: response.status_code == 303)
def send():
    form = ContactForm(meta={"csrf": False})
    dismissed = valid_fingerprints(request.form.getlist("dismissed"))

    if form.website.data:
        # A bot filled the honeypot: look successful, store nothing.
        session["sent"] = {"reference": None, "topic": "other"}
        return redirect(url_for("contact.sent"), 303)

    if not _csrf_ok():
        form.validate()
        return _form_page(form, 400, dismissed=dismissed, timed_out=True)
    if not form.validate():
        return _form_page(form, dismissed=dismissed)

    fields = form.free_text_fields()
    findings = find_identifiers(fields, dismissed)
    action = request.form.get("action", "send")

    reported = request.form.get("not_tax_number")
    if reported:
        left_alone = [f for f in findings if f.fingerprint == reported]
        if left_alone:
            dismissed.add(reported)
            count_events("not_a_tax_number", [left_alone[0].kind])
            findings = [f for f in findings if f.fingerprint != reported]
        if findings:
            return _check_page(form, findings, dismissed)
        return _form_page(form, dismissed=dismissed, left_alone=True)

    if action == "edit":
        return _form_page(form, dismissed=dismissed, findings=findings, editing=True)

    if findings and action == "remove":
        cleaned = remove_identifiers(fields, findings)
        return _store(form, cleaned, CHOICE_REMOVED, [f.kind for f in findings])

    if findings and action == "as_written":
        return _store(form, fields, CHOICE_AS_WRITTEN, [f.kind for f in findings])

    if findings:
        count_events("warned", [f.kind for f in findings])
        return _check_page(form, findings, dismissed)

    return _store(form, fields, CHOICE_NONE, [])


def _check_page(form: ContactForm, findings, dismissed: set[str]):
    """The interruption page: what was found, masked, and the visitor's choices."""
    return _page(
        "contact/check.html",
        form=form,
        findings=findings,
        heading=heading_for(findings),
        dismissed=dismissed,
    )


def _store(form: ContactForm, fields: dict[str, str], choice: str, kinds: list[str]):
    submission = store_submission(
        topic=form.topic.data,
        name=fields["name"],
        email=form.email.data,
        message=fields["message"],
        choice=choice,
        kinds=kinds,
        send_key=form.send_key.data,
        language=current_language(),
    )
    # The reference is ours, not the visitor's words: it may ride in the session cookie
    # to the confirmation page, which removes it.
    session["sent"] = {
        "reference": submission.reference,
        "topic": submission.topic,
        "as_written": choice == CHOICE_AS_WRITTEN,
    }
    return redirect(url_for("contact.sent"), 303)


@bp.get("/contact/sent")
def sent():
    confirmation = session.pop("sent", None)
    if confirmation is None:
        return redirect(url_for("contact.form"), 303)
    return _page(
        "contact/sent.html",
        reference=confirmation.get("reference"),
        account=confirmation.get("topic") == ACCOUNT_TOPIC,
        as_written=confirmation.get("as_written", False),
        reply_days=current_app.config["REPLY_WORKING_DAYS"],
    )


@bp.errorhandler(SQLAlchemyError)
def database_unavailable(error: SQLAlchemyError):
    """The database is down: nothing was stored, so give the visitor their text back."""
    db.session.rollback()
    mark_database_unavailable()
    current_app.logger.warning("Contact form: database error %s", type(error).__name__)
    if request.method != "POST":
        return render_error(503)
    form = ContactForm(meta={"csrf": False})
    form.validate()
    return _form_page(
        form, 503, dismissed=valid_fingerprints(request.form.getlist("dismissed")), unavailable=True
    )


@bp.errorhandler(RateLimitExceeded)
def too_many(_error: RateLimitExceeded):
    """Too many messages from one place: the form again, text kept, and when to retry."""
    form = ContactForm(meta={"csrf": False})
    form.validate()
    return _form_page(
        form,
        429,
        dismissed=valid_fingerprints(request.form.getlist("dismissed")),
        retry_minutes=_retry_minutes(),
    )


def _retry_minutes() -> int:
    current = limiter.current_limit
    if current is None:
        return 1
    # reset_at is rounded up by the limiter: a few seconds' grace keeps "1 minute" honest.
    return max(1, math.ceil((current.reset_at - time.time() - 5) / 60))
