"""Admin pages: the audit log, and the site notices (create, edit, schedule, expire)."""

import math
from datetime import date

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
from sqlalchemy import func, select
from werkzeug.datastructures import MultiDict
from werkzeug.wrappers import Response

from app import audit
from app.auth import admin_required
from app.clock import today
from app.extensions import READ_THEN_WRITE, begin, db
from app.models import AuditEvent, Notice, NoticeTranslation, StaffMember
from app.public.destinations import DESTINATIONS
from app.public.notices import expire_notice, restore_notice_dates, save_notice
from app.request_guard import page_number
from app.staff import bp, drafts
from app.staff.forms import TranslatedNoticeForm, language_name, notice_form_class

AUDIT_PAGE_SIZE = 50


@bp.get("/audit")
@admin_required
def audit_log():
    total = db.session.scalar(select(func.count()).select_from(AuditEvent)) or 0
    pages = max(1, math.ceil(total / AUDIT_PAGE_SIZE))
    number = min(page_number(request.args.get("page")), pages)
    rows = db.session.execute(
        select(AuditEvent, StaffMember.email)
        .outerjoin(StaffMember, AuditEvent.staff_id == StaffMember.id)
        .order_by(AuditEvent.occurred_at.desc(), AuditEvent.id.desc())
        .limit(AUDIT_PAGE_SIZE)
        .offset((number - 1) * AUDIT_PAGE_SIZE)
    ).all()
    return render_template(
        "staff/audit.html", rows=rows, number=number, pages=pages, total=total, label=audit.label
    )


def _notice_state(notice: Notice, on: date) -> str:
    if notice.is_current(on):
        return "current"
    return "scheduled" if notice.starts_on > on else "expired"


@bp.get("/notices")
@admin_required
def notices():
    on = today()
    groups: dict[str, list[Notice]] = {"current": [], "scheduled": [], "expired": []}
    for notice in db.session.scalars(select(Notice).order_by(Notice.position, Notice.id)):
        groups[_notice_state(notice, on)].append(notice)
    # Offered once, on the page right after "Expire now".
    undo_id = session.pop("notice_undo_offer", None)
    undo = db.session.get(Notice, undo_id) if isinstance(undo_id, int) else None
    return render_template(
        "staff/notices.html", groups=groups, destinations=DESTINATIONS, undo=undo
    )


def _notice_form(**kwargs) -> TranslatedNoticeForm:
    """The notice form, with optional fields for each language besides English."""
    languages = tuple(lang for lang in current_app.config["LANGUAGES"] if lang != "en")
    return notice_form_class(languages)(**kwargs)


NOTICE_TIMED_OUT = "This page timed out, so the notice was not saved. Check it and save it again."


def _notice_form_page(form: TranslatedNoticeForm, notice: Notice | None, errors=()):
    fields = ["title", "body", "link", "link_text", "starts_on", "ends_on", "position"]
    for language in form.languages:
        fields += [f"title_{language}", f"body_{language}", f"link_text_{language}"]
    errors = [*errors, *((name, form[name].errors[0]) for name in fields if form[name].errors)]
    return render_template(
        "staff/notice_form.html",
        form=form,
        notice=notice,
        errors=errors,
        language_name=language_name,
    )


def _draft_name(notice_id: int | None) -> str:
    """The name a notice's draft is kept under: "new", or the notice's id."""
    return "new" if notice_id is None else str(notice_id)


def keep_notice_draft(notice_id: int | None, notice: str) -> Response:
    """Keep what was typed into a notice's form (on the server, as a reply's draft is)
    and go back to the form by GET: Back and Reload never post a notice again."""
    form = _notice_form(meta={"csrf": False})
    fields = {field.name: request.form.get(field.name, "") for field in form}
    drafts.save_notice(_draft_name(notice_id), drafts.NoticeDraft(fields, notice))
    if notice_id is None:
        return redirect(url_for("staff.notice_new"), 303)
    return redirect(url_for("staff.notice_edit", notice_id=notice_id), 303)


def _draft_page(notice: Notice | None):
    """The form as it was left, if this member has an unsaved draft of it; else None."""
    draft = drafts.load_notice(_draft_name(notice.id if notice else None))
    if draft is None:
        return None
    form = _notice_form(formdata=MultiDict(draft.fields), meta={"csrf": False})
    if draft.notice == drafts.NOTICE_TIMED_OUT:
        return _notice_form_page(form, notice, errors=[("title", NOTICE_TIMED_OUT)])
    form.validate()
    return _notice_form_page(form, notice)


def _fill_translations(form: TranslatedNoticeForm, notice: Notice) -> None:
    for language in form.languages:
        translation = notice.translation(language)
        if translation is not None:
            title, body, link_text = form.translation_fields(language)
            title.data, body.data = translation.title, translation.body
            link_text.data = translation.link_text


def _apply_translations(form: TranslatedNoticeForm, notice: Notice) -> None:
    for language in form.languages:
        title, body, link_text = (field.data for field in form.translation_fields(language))
        translation = notice.translation(language)
        if not title:
            if translation is not None:
                notice.translations.remove(translation)
            continue
        if translation is None:
            translation = NoticeTranslation(language=language)
            notice.translations.append(translation)
        translation.title, translation.body = title, body
        translation.link_text = (link_text or None) if notice.link else None


def _apply(form: TranslatedNoticeForm, notice: Notice) -> None:
    notice.title = form.title.data
    notice.body = form.body.data
    notice.link = form.link.data or None
    notice.link_text = (form.link_text.data or None) if notice.link else None
    notice.starts_on = form.starts_on.data
    notice.ends_on = form.ends_on.data
    notice.position = form.position.data
    _apply_translations(form, notice)


@bp.route("/notices/new", methods=["GET", "POST"])
@admin_required
def notice_new():
    if request.method == "GET":
        page = _draft_page(None)
        if page is not None:
            return page
        form = _notice_form(formdata=None)
        form.starts_on.data = today()
        return _notice_form_page(form, None)
    form = _notice_form()
    if not form.validate():
        return keep_notice_draft(None, drafts.NOTICE_ERRORS)
    notice = Notice()
    begin(READ_THEN_WRITE)  # the page's reads end: the notice is made under the lock
    _apply(form, notice)
    save_notice(notice, g.staff)
    drafts.forget_notice(_draft_name(None))
    flash(f"The notice “{notice.title}” was created.", "success")
    return redirect(url_for("staff.notices"), 303)


def _notice(notice_id: int) -> Notice:
    notice = db.session.get(Notice, notice_id)
    if notice is None:
        abort(404)
    return notice


@bp.route("/notices/<int(max=2147483647):notice_id>", methods=["GET", "POST"])
@admin_required
def notice_edit(notice_id: int):
    notice = _notice(notice_id)
    if request.method == "GET":
        page = _draft_page(notice)
        if page is not None:
            return page
        form = _notice_form(formdata=None, obj=notice)
        _fill_translations(form, notice)
        return _notice_form_page(form, notice)
    form = _notice_form()
    if not form.validate():
        return keep_notice_draft(notice.id, drafts.NOTICE_ERRORS)
    begin(READ_THEN_WRITE)  # the page's reads end: the notice is changed under the lock
    _apply(form, notice)
    save_notice(notice, g.staff)
    drafts.forget_notice(_draft_name(notice.id))
    flash(f"The notice “{notice.title}” was saved.", "success")
    return redirect(url_for("staff.notices"), 303)


@bp.get("/notices/<int(max=2147483647):notice_id>/expire")
@admin_required
def notice_expire_confirm(notice_id: int):
    """Expiring takes a notice off every public page at once: ask first."""
    notice = _notice(notice_id)
    return render_template("staff/notice_expire.html", notice=notice)


@bp.post("/notices/<int(max=2147483647):notice_id>/expire")
@admin_required
def notice_expire(notice_id: int):
    notice = _notice(notice_id)
    starts_on, ends_on = expire_notice(notice, g.staff)
    # The next page offers to undo it: the notice's dates before, kept in the desk cookie.
    session["notice_undo"] = {
        "id": notice.id,
        "starts_on": starts_on.isoformat(),
        "ends_on": ends_on.isoformat() if ends_on else "",
    }
    session["notice_undo_offer"] = notice.id
    flash(f"The notice “{notice.title}” is no longer shown.", "success")
    return redirect(url_for("staff.notices"), 303)


@bp.post("/notices/<int(max=2147483647):notice_id>/undo-expire")
@admin_required
def notice_undo_expire(notice_id: int):
    notice = _notice(notice_id)
    undo = session.pop("notice_undo", None)
    if not isinstance(undo, dict) or undo.get("id") != notice.id:
        flash("That can no longer be undone. Edit the notice to change its dates.", "info")
        return redirect(url_for("staff.notices"), 303)
    try:
        starts_on = date.fromisoformat(undo["starts_on"])
        ends_on = date.fromisoformat(undo["ends_on"]) if undo["ends_on"] else None
    except (KeyError, TypeError, ValueError):
        abort(400)
    restore_notice_dates(notice, g.staff, starts_on, ends_on)
    flash(f"The notice “{notice.title}” is back as it was.", "success")
    return redirect(url_for("staff.notices"), 303)
