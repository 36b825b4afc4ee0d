"""Desk pages about the site as a whole: statistics (all staff) and retention (admins)."""

from datetime import date, timedelta

from flask import flash, g, redirect, render_template, request, url_for

from app import audit
from app.accesslog.stats import fresh_summary
from app.auth import admin_required
from app.clock import today, utcnow
from app.extensions import db
from app.retention import RetentionRules, due_counts, purge_expired
from app.staff import bp

DEFAULT_DAYS = 30
LONGEST_RANGE_DAYS = 366


def _parse_day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _period(args) -> tuple[date, date, list[tuple[str, str]]]:
    """The days asked for (?from=…&to=…, UTC days as in the access log), or the last 30."""
    last = utcnow().date()
    default_from = last - timedelta(days=DEFAULT_DAYS - 1)
    errors = []
    date_from = _parse_day(args.get("from"))
    date_to = _parse_day(args.get("to"))
    if args.get("from") and date_from is None:
        errors.append(("from", "Enter the first day as a date, like 2026-11-01"))
    if args.get("to") and date_to is None:
        errors.append(("to", "Enter the last day as a date, like 2026-11-30"))
    date_from, date_to = date_from or default_from, date_to or last
    if not errors and date_from > date_to:
        errors.append(("from", "The first day must be on or before the last day"))
    elif not errors and (date_to - date_from).days >= LONGEST_RANGE_DAYS:
        errors.append(("from", "Choose at most a year of days"))
    if errors:
        return default_from, last, errors
    return date_from, date_to, errors


@bp.get("/statistics")
def statistics():
    date_from, date_to, errors = _period(request.args)
    summary = fresh_summary(date_from, date_to)
    status = 400 if errors else 200
    return render_template(
        "staff/statistics.html",
        summary=summary,
        errors=errors,
        chosen_from=request.args.get("from", date_from.isoformat()),
        chosen_to=request.args.get("to", date_to.isoformat()),
    ), status


@bp.get("/retention")
@admin_required
def retention():
    rules = RetentionRules.from_config()
    return render_template(
        "staff/retention.html", rules=rules, due=due_counts(today(), rules), on=today()
    )


@bp.post("/retention/purge")
@admin_required
def purge_now():
    purged = purge_expired(today())
    audit.record("purge", staff=g.staff, detail=f"{purged} messages, from the desk")
    db.session.commit()
    flash(f"Deleted the content of {purged} message{'s' if purged != 1 else ''}.", "success")
    return redirect(url_for("staff.retention"), 303)
