"""The contact views: validate → check for identifiers → let the visitor choose → store.

Every page the visitor lands on is reached by GET (Post/Redirect/Get): each POST saves
what it received as the visitor's draft (`app/contact/drafts.py`, encrypted, on the
server only) and redirects to the page that shows it. Back and Reload therefore never
re-post a form, and a message is stored once however often a send is repeated (the
form's random send key). The visitor's words never go into a URL, the session cookie,
a flash message or a log.

Send and the warning page's buttons each ask `app/contact/decision.py` what the press
means (store, warn, edit, ask again) and what it counts, then carry that out through
`app/contact/service.py` and the draft.
"""

import math
import time
from urllib.parse import urlsplit

from flask import current_app, redirect, render_template, request, session, url_for
from sqlalchemy.exc import SQLAlchemyError

from app.contact import bp, decision, drafts, rate_limits
from app.contact.decision import ASK_AGAIN, STORE, WARN, Decision
from app.contact.drafts import STEP_CHECK, STEP_FORM, Draft
from app.contact.forms import SEND_KEY, ContactForm
from app.contact.identifiers import (
    dismissed_signatures,
    heading_for,
    preview_removal,
    valid_fingerprints,
)
from app.contact.service import add_counts, sent_before, store_submission
from app.errors import render_error
from app.extensions import csrf, db
from app.i18n import current_language, localized_route
from app.models.submission import ACCOUNT_TOPIC, CHOICE_AS_WRITTEN, CHOICE_REMOVED
from app.public.notices import mark_database_unavailable
from app.security import no_store
from app.signing import csrf_token_ok

FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def _page(template: str, status: int = 200, **context):
    context.setdefault("account_topic", ACCOUNT_TOPIC)
    return no_store(current_app.make_response((render_template(template, **context), status)))


def _see(endpoint: str):
    return redirect(url_for(endpoint), 303)


def _form_page(form: ContactForm, status: int = 200, show_errors: bool = False, **context):
    errors = []
    if show_errors:
        # Each entry links to its field; for radios, the first radio.
        errors = [
            (f"{field.id}-0" if field is form.topic else field.id, field.errors[0])
            for field in (form.name, form.email, form.topic, form.message)
            if field.errors
        ]
    return _page("contact/form.html", status, form=form, errors=errors, **context)


def _csrf_ok() -> bool:
    """Missing, malformed or expired: all the same to the visitor (a timed-out page)."""
    return csrf_token_ok(request.form.get("csrf_token"))


def _same_site() -> bool:
    """Whether a POST came from our own pages (a stale token from another site is not kept)."""
    if request.headers.get("Sec-Fetch-Site", "same-origin") not in ("same-origin", "none"):
        return False
    origin = request.headers.get("Origin")
    return not origin or origin == "null" or urlsplit(origin).netloc == request.host


def _form_of(draft: Draft) -> ContactForm:
    """The draft as a form that knows which numbers the visitor said are not tax numbers.

    Numbers found do not stop its validate(): the visitor is editing, or deciding on
    the warning page. Only send() asks the form to stop for them.
    """
    form = ContactForm(formdata=draft.formdata(), meta={"csrf": False})
    form.identifiers_dismissed = frozenset(draft.dismissed)
    form.identifiers_chosen = True
    return form


# --- the form ----------------------------------------------------------------------


@localized_route(bp, "/contact", methods=["GET"])
def form():
    draft, forgotten = drafts.load()
    if draft is None:
        confirmation = session.get("sent") if not forgotten else None
        return _form_page(
            ContactForm(formdata=None),
            forgotten=forgotten,
            just_sent=(confirmation or {}).get("reference"),
        )
    # (A draft at the warning step shows here as after "Go back and edit": the visitor
    # followed a link to the form, and finds their message in it.)
    form = _form_of(draft)
    valid = form.validate()
    findings = []
    editing = draft.step == STEP_CHECK or draft.notice in ("edit", "left_alone")
    if valid and editing:
        findings = form.field_findings
    return _form_page(
        form,
        show_errors=not valid,
        findings=findings,
        dismissed_marks=dismissed_signatures(form.free_text_fields(), set(draft.dismissed)),
        timed_out=draft.notice == "timed_out",
        retry_minutes=_minutes_until(draft.retry_at) if draft.notice == "rate_limited" else 0,
        left_alone=draft.left_alone if draft.notice == "left_alone" else 0,
        editing=editing,
    )


@localized_route(bp, "/contact", methods=["POST"], endpoint="send")
@csrf.exempt  # checked below, so a stale token keeps what was typed
def send():
    rate_limits.check_send()
    if request.mimetype not in FORM_TYPES:
        # Not a browser's form (JSON, XML…): nothing to keep, and no page to return to.
        return _form_page(ContactForm(formdata=None), 400)
    form = ContactForm(meta={"csrf": False})

    if form.website.data:
        # A bot filled the honeypot: look successful, store nothing.
        drafts.forget()
        session["sent"] = {"reference": None, "topic": "other"}
        return _see("contact.sent")

    draft = _draft_from_request(form)

    if not _csrf_ok():
        if not _same_site():
            return render_error(400)
        draft.notice = "timed_out"
        drafts.save(draft)
        return _see("contact.form")
    # The name's and message's TaxIdentifiers stop the form for numbers the visitor has
    # not yet said are not tax numbers.
    form.identifiers_dismissed = frozenset(draft.dismissed)
    valid = form.validate()
    if not valid and not form.held_for_identifiers():
        draft.notice = "errors"
        drafts.save(draft)
        return _see("contact.form")

    # (Held for identifiers means valid but for the numbers found.)
    outcome = decision.on_send(form.free_text_fields(), form.field_findings)
    if outcome.next == WARN:
        rate_limits.check_warning()
        draft.step = STEP_CHECK
        add_counts(outcome.counts, send_key=draft.send_key)
        drafts.save(draft)  # commits the count with it
        rate_limits.count_warning()
        return _see("contact.check")
    return _store(form, outcome)


def _draft_from_request(form: ContactForm) -> Draft:
    """The text just received from the form, as the visitor's (next) draft."""
    earlier, _ = drafts.load()
    draft = Draft(
        fields={name: request.form.get(name, "") for name in drafts.FIELDS},
        send_key=form.send_key.data,
    )
    if earlier is not None:
        draft.revision = earlier.revision + 1
        if earlier.send_key == draft.send_key:
            # Numbers the visitor said are not tax numbers stay so for this message.
            draft.dismissed = earlier.dismissed
    return draft


# --- the warning page --------------------------------------------------------------


@localized_route(bp, "/contact/check", methods=["GET"])
def check():
    """The interruption page: what was found, masked, and the visitor's choices."""
    draft, _ = drafts.load()
    if draft is None or draft.step != STEP_CHECK:
        return _see("contact.form")
    form = _form_of(draft)
    if not form.validate():
        return _see("contact.form")
    fields = form.free_text_fields()
    findings = form.field_findings
    if not findings:
        return _see("contact.form")
    return _page(
        "contact/check.html",
        form=form,
        findings=findings,
        heading=heading_for(findings),
        preview=preview_removal(fields["message"], [f for f in findings if f.field == "message"]),
        name_findings=[f for f in findings if f.field == "name"],
        timed_out=draft.notice == "timed_out",
        changed=draft.notice == "changed",
        retry_minutes=_minutes_until(draft.retry_at) if draft.notice == "rate_limited" else 0,
        revision=draft.revision,
    )


@localized_route(bp, "/contact/check", methods=["POST"], endpoint="decide")
@csrf.exempt  # checked below: a stale page is shown again, not refused
def decide():
    rate_limits.check_send()
    draft, _ = drafts.load()
    send_key = request.form.get("send_key", "")
    if draft is None or draft.step != STEP_CHECK:
        # Pressed again after the message went (a double click, a resent page): it was
        # stored once; show its confirmation. Otherwise the draft was forgotten.
        if SEND_KEY.match(send_key) and (submission := sent_before(send_key)):
            session["sent"] = session.get("sent") or {
                "reference": submission.reference,
                "topic": submission.topic,
            }
            return _see("contact.sent")
        return _see("contact.form")
    if not _csrf_ok():
        if _same_site():
            draft.notice = "timed_out"
            drafts.save(draft)
        return _see("contact.check")
    if send_key != draft.send_key or request.form.get("revision") != str(draft.revision):
        # The message was changed in another window since this page was shown.
        draft.notice = "changed"
        drafts.save(draft)
        return _see("contact.check")

    form = _form_of(draft)
    if not form.validate():
        return _see("contact.form")
    outcome = decision.on_choice(
        form.free_text_fields(),
        form.field_findings,
        valid_fingerprints(request.form.getlist("not_tax_number")),
        request.form.get("action"),
        current_language(),
    )
    if outcome.next == STORE:
        return _store(form, outcome)

    if outcome.left_alone:
        draft.dismissed = sorted(set(draft.dismissed) | {f.fingerprint for f in outcome.left_alone})
    if outcome.next == ASK_AGAIN:
        draft.notice = None
    else:
        draft.step = STEP_FORM
        draft.notice = "left_alone" if outcome.left_alone else "edit"
        draft.left_alone = len(outcome.left_alone)
    add_counts(outcome.counts, send_key=draft.send_key)
    drafts.save(draft)  # commits the counts with it
    return _see("contact.check" if outcome.next == ASK_AGAIN else "contact.form")


def _store(form: ContactForm, outcome: Decision):
    """Keep the message as decided, with the decision's counts, and forget its draft."""
    submission = store_submission(
        topic=form.topic.data,
        name=outcome.fields["name"],
        email=form.email.data,
        message=outcome.fields["message"],
        choice=outcome.choice,
        kinds=outcome.kinds,
        counts=outcome.counts,
        send_key=form.send_key.data,
        language=current_language(),
        # Its draft is deleted in the same transaction.
        alongside=drafts.forget_statement(),
    )
    drafts.forgotten()
    rate_limits.count_send()  # (a retry found stored counts too: it is a send)
    # The reference is ours, not the visitor's words: it rides in the session cookie to
    # the confirmation page, which shows it again on Reload.
    session["sent"] = {
        "reference": submission.reference,
        "topic": submission.topic,
        "choice": outcome.choice,
        "removed": len(outcome.kinds) if outcome.choice == CHOICE_REMOVED else 0,
        "left_alone": len(outcome.left_alone),
    }
    return _see("contact.sent")


# --- the confirmation --------------------------------------------------------------


@localized_route(bp, "/contact/sent", methods=["GET"])
def sent():
    confirmation = session.get("sent")
    if not isinstance(confirmation, dict):
        return _see("contact.form")
    return _page(
        "contact/sent.html",
        reference=confirmation.get("reference"),
        account=confirmation.get("topic") == ACCOUNT_TOPIC,
        as_written=confirmation.get("choice") == CHOICE_AS_WRITTEN,
        removed=int(confirmation.get("removed") or 0),
        left_alone=int(confirmation.get("left_alone") or 0),
        reply_days=current_app.config["REPLY_WORKING_DAYS"],
    )


# --- when things go wrong ------------------------------------------------------------


@bp.errorhandler(SQLAlchemyError)
def database_unavailable(error: SQLAlchemyError):
    """The database is down: nothing was stored, so give the visitor their text back.

    The one page not reached by GET: with no database there is nowhere to keep the
    text, so it comes back in this response (and a Reload is the retry it should be).
    """
    db.session.rollback()
    mark_database_unavailable()
    current_app.logger.warning("Contact form: database error %s", type(error).__name__)
    if request.method != "POST" or request.endpoint != "contact.send":
        return render_error(503)
    form = ContactForm(meta={"csrf": False})
    form.identifiers_chosen = True  # the page shows the visitor's own errors only
    form.validate()
    return _form_page(form, 503, show_errors=True, unavailable=True)


@bp.errorhandler(rate_limits.RateLimited)
def too_many(error: rate_limits.RateLimited):
    """Too many messages (or warnings) from one place: the page again, text kept, and
    when to retry."""
    if not _same_site():
        return render_error(429)
    retry_at = int(time.time()) + 60 * _retry_minutes(error.reset_at)
    try:
        if request.endpoint == "contact.decide":
            draft, _ = drafts.load()
            if draft is None:
                return _see("contact.form")
            draft.notice, draft.retry_at = "rate_limited", retry_at
            drafts.save(draft)
            return _see("contact.check")
        draft = _draft_from_request(ContactForm(meta={"csrf": False}))
        draft.notice, draft.retry_at = "rate_limited", retry_at
        drafts.save(draft)
    except SQLAlchemyError as error:
        # (An error raised in an error handler would be a 500: the text comes back here.)
        return database_unavailable(error)
    return _see("contact.form")


def _retry_minutes(reset_at: float) -> int:
    # A few seconds' grace keeps "1 minute" honest.
    return max(1, math.ceil((reset_at - time.time() - 5) / 60))


def _minutes_until(moment: int) -> int:
    """Whole minutes left until ``moment``, at least 1; 0 once it has passed."""
    left = moment - time.time()
    return max(1, math.ceil(left / 60)) if left > 0 else 0
