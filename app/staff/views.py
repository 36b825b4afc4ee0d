"""The inbox, a submission, reveal, reply and status: validate → one service → redirect."""

from typing import Any

from flask import (
    abort,
    current_app,
    flash,
    g,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_wtf.csrf import CSRFError
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from werkzeug.datastructures import MultiDict

from app import audit
from app.auth import admin_required
from app.errors import render_error
from app.extensions import WRITE_FIRST, begin, db
from app.models import Reply, StaffMember, Submission
from app.models.submission import STATUS_LABELS, TOPIC_LABELS, is_reference
from app.pii import KIND_LABELS, describe, remove
from app.request_guard import page_number
from app.staff import bp, drafts, search
from app.staff.admin import keep_notice_draft
from app.staff.forms import ReplyForm, RevealForm, language_name
from app.staff.mail import ReplyNotSent, send_reply, subject_for
from app.staff.masking import masked
from app.staff.service import change_status, record_reply


@bp.app_context_processor
def _desk_words():
    return {
        "topic_labels": TOPIC_LABELS,
        "status_labels": STATUS_LABELS,
        "kind_labels": KIND_LABELS,
        "kind_names": lambda kinds: ", ".join(KIND_LABELS.get(k, k) for k in kinds),
        "reply_subject": subject_for,
        # The languages of the public site, named in English for the desk.
        "language_labels": {
            language: language_name(language) for language in current_app.config["LANGUAGES"]
        },
    }


@bp.get("/")
def inbox():
    filters = search.Filters.from_args(request.args, TOPIC_LABELS, current_app.config["LANGUAGES"])
    page = search.search(filters, page_number(request.args.get("page")))
    return render_template("staff/inbox.html", page=page, filters=filters)


def _submission(reference: str) -> Submission:
    if not is_reference(reference):
        abort(404)
    submission = db.session.scalar(select(Submission).where(Submission.reference == reference))
    if submission is None:
        abort(404)
    return submission


def _replies(submission: Submission) -> list[tuple[Reply, str]]:
    rows = db.session.execute(
        select(Reply, StaffMember.email)
        .join(StaffMember, Reply.staff_id == StaffMember.id)
        .where(Reply.submission_id == submission.id)
        .order_by(Reply.sent_at)
    )
    return [(reply, email) for reply, email in rows]


def _page(submission: Submission, status: int = 200, **context):
    context.setdefault("reply_form", ReplyForm(formdata=None))
    context.setdefault("reveal_form", RevealForm(formdata=None))
    errors = list(context.pop("errors", ()))
    for form in (context["reply_form"], context["reveal_form"]):
        for field in form:
            if field.errors and field.type != "CSRFTokenField":
                errors.append((field.id, field.errors[0]))
    message, name = masked(submission.message), masked(submission.name)
    return (
        render_template(
            "staff/submission.html",
            submission=submission,
            message=message,
            name=name,
            # something was masked: the text shown differs from the text kept
            maskable=(message, name) != (submission.message, submission.name),
            replies=[(r, masked(r.body), email) for r, email in _replies(submission)],
            errors=errors,
            **context,
        ),
        status,
    )


TIMED_OUT = (
    "This page timed out, so your reply has not been sent. Check it and press Send reply again."
)


@bp.errorhandler(CSRFError)
def _timed_out(_error):
    """A desk page left open too long (or from before the last sign-in): keep a reply
    being written, and otherwise go back to where the member of staff was."""
    reference = (request.view_args or {}).get("reference", "")
    if request.endpoint == "staff.reply" and is_reference(reference):
        # (Signed in, so from our own pages: the desk's cookie is not sent cross-site.)
        # An error raised in an error handler is a 500: look up without abort(), and
        # answer a database failure here.
        try:
            item = db.session.scalar(select(Submission).where(Submission.reference == reference))
            if item is not None and item.message is not None:
                body = ReplyForm(meta={"csrf": False}).body.data or ""
                drafts.save(item.reference, drafts.Draft(body, notice="timed_out"))
                return _to_submission(item)
        except SQLAlchemyError:
            db.session.rollback()
            return render_error(503)
    if request.endpoint in ("staff.notice_new", "staff.notice_edit"):
        try:
            return keep_notice_draft(
                (request.view_args or {}).get("notice_id"), drafts.NOTICE_TIMED_OUT
            )
        except SQLAlchemyError:
            db.session.rollback()
            return render_error(503)
    flash("That page had timed out, so nothing was done. Try again.", "info")
    if is_reference(reference):
        return redirect(url_for("staff.submission", reference=reference), 303)
    return redirect(url_for("staff.inbox"), 303)


@bp.get("/messages/<reference>")
def submission(reference: str):
    item = _submission(reference)
    staff_id = g.staff.id
    begin(WRITE_FIRST)  # the reads above end: the audit record alone is the write
    audit.record("viewed_submission", staff=staff_id, target=item.reference)
    db.session.commit()
    context: dict[str, Any] = {}
    reveal_form = _reveal_form_of(item)
    if reveal_form is not None:
        context["reveal_form"] = reveal_form
    draft = drafts.load(item.reference) if item.message is not None else None
    if draft is None:
        return _page(item, **context)
    # A reply on its way back to this page (Post/Redirect/Get): with what was wrong.
    form = _reply_form_of(draft)
    if draft.notice == "errors":
        form.validate()
    elif draft.notice == "not_sent":
        context["errors"] = [("body", draft.error)]
    elif draft.notice == "timed_out":
        context["errors"] = [("body", TIMED_OUT)]
    return _page(item, reply_form=form, editing=draft.notice == "edit", **context)


# The reference whose reveal was refused (its reason is a draft): the cookie carries
# only which message, so the page looks the reason up only when there is one.
REVEAL_REFUSED = "reveal_refused"


def _reveal_form_of(item: Submission) -> RevealForm | None:
    """A reason for revealing ``item``'s numbers that was not accepted, with what is
    wrong with it (Post/Redirect/Get), if this admin has one waiting."""
    if session.get(REVEAL_REFUSED) != item.reference or not g.staff.is_admin:
        return None
    reason = drafts.load_reason(item.reference)
    if reason is None:  # expired (30 minutes)
        session.pop(REVEAL_REFUSED, None)
        return None
    form = RevealForm(formdata=MultiDict({"reason": reason}), meta={"csrf": False})
    form.validate()
    return form


@bp.post("/messages/<reference>/reveal")
@admin_required
def reveal(reference: str):
    item = _submission(reference)
    reference = item.reference
    form = RevealForm()
    if not form.validate():
        # Shown on the message's page, reached by GET: Reload never posts it again, and
        # what was typed is kept on the server (a reason may be long), not in the cookie.
        drafts.save_reason(reference, request.form.get("reason", ""))
        session[REVEAL_REFUSED] = reference
        return redirect(url_for("staff.submission", reference=reference), 303)
    staff_id = g.staff.id
    refused = session.pop(REVEAL_REFUSED, None) == reference
    begin(WRITE_FIRST)
    audit.record("revealed", staff=staff_id, target=reference, detail=form.reason.data)
    if refused:  # the reason refused before goes with the same commit
        drafts.forget_reason(reference, commit=False)
    db.session.commit()
    # One showing, on a page reached by GET: the desk cookie carries which message and
    # why (staff's words, never the message), and the page takes it out as it shows it.
    session["revealed"] = {"reference": reference, "reason": form.reason.data}
    return redirect(url_for("staff.revealed", reference=reference), 303)


@bp.get("/messages/<reference>/revealed")
@admin_required
def revealed(reference: str):
    """The numbers, shown once; a reload shows them masked and records nothing."""
    item = _submission(reference)
    shown = session.pop("revealed", None)
    if not isinstance(shown, dict) or shown.get("reference") != item.reference:
        return _page(item, masked_again=True)
    return _page(
        item,
        revealed_message=item.message,
        revealed_name=item.name,
        reason=str(shown.get("reason", "")),
    )


def _to_submission(item: Submission):
    return redirect(url_for("staff.submission", reference=item.reference), 303)


def _reply_form_of(draft: drafts.Draft) -> ReplyForm:
    """The unsent reply as a form whose numbers no longer stop it (the page shows them)."""
    form = ReplyForm(formdata=MultiDict({"body": draft.body}), meta={"csrf": False})
    form.identifiers_chosen = True
    return form


@bp.post("/messages/<reference>/reply")
def reply(reference: str):
    item = _submission(reference)
    if item.purged_on is not None or item.message is None:
        drafts.forget(item.reference)
        flash("This message has been deleted, so it cannot be replied to.", "info")
        return _to_submission(item)
    action = request.form.get("action", "send")
    form = ReplyForm()
    # The warning's three choices: once one is made, the numbers no longer stop the reply.
    form.identifiers_chosen = action in ("edit", "remove", "send_anyway")
    body = form.body.data or ""
    if not form.validate():
        if form.held_for_identifiers():
            drafts.save(item.reference, drafts.Draft(body, step=drafts.STEP_CHECK))
            return redirect(url_for("staff.reply_check", reference=item.reference), 303)
        drafts.save(item.reference, drafts.Draft(body, notice="errors"))
        return _to_submission(item)  # the error summary, at the top, says what to do
    if action == "edit":
        # (No fragment in the URL: it would keep the browser from the text box's autofocus.)
        drafts.save(item.reference, drafts.Draft(body, notice="edit"))
        return _to_submission(item)
    findings = form.identifier_findings
    detail = "sent with identifiers after a warning" if findings else None
    if findings and action == "remove":
        # As the public check offers: each number replaced by a label, then sent.
        form.body.data = remove(form.body.data, findings)
        detail = "identifiers removed after a warning"
    try:
        send_reply(item, form.body.data)
    except ReplyNotSent as error:
        drafts.save(item.reference, drafts.Draft(body, notice="not_sent", error=str(error)))
        return _to_submission(item)
    record_reply(item, g.staff, form.body.data, detail)
    drafts.forget(item.reference)
    flash(
        f"Your reply was sent to the visitor, and {item.reference} is marked as replied.", "success"
    )
    return _to_submission(item)


@bp.get("/messages/<reference>/reply/check")
def reply_check(reference: str):
    """The warning about the numbers in a reply not sent yet, and the three choices."""
    item = _submission(reference)
    draft = drafts.load(item.reference) if item.message is not None else None
    if draft is None or draft.step != drafts.STEP_CHECK:
        return _to_submission(item)
    form = _reply_form_of(draft)
    form.validate()
    findings = form.identifier_findings
    if not findings:
        return _to_submission(item)
    return render_template(
        "staff/reply_check.html",
        submission=item,
        form=form,
        findings=[describe(f) for f in findings],
        masked_reply=masked(form.body.data),
        removed_reply=remove(form.body.data, findings),
    )


@bp.post("/messages/<reference>/status")
def set_status(reference: str):
    item = _submission(reference)
    status = request.form.get("status", "")
    if status not in STATUS_LABELS:
        abort(400)
    if change_status(item, g.staff, status):
        flash(f"{item.reference} is now marked as {STATUS_LABELS[status].lower()}.", "success")
    return _to_submission(item)
