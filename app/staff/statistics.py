"""The desk's "Site statistics" page (all staff): the access log's summary."""

from datetime import date, timedelta

from flask import render_template, render_template_string, request
from markupsafe import Markup

from app.accesslog import charts
from app.accesslog.stats import Summary, fresh_summary, human_bytes
from app.clock import utcnow
from app.models.submission import CONTACT_EVENTS
from app.pii import KIND_LABELS
from app.staff import bp

DEFAULT_DAYS = 30
LONGEST_RANGE_DAYS = 366


@bp.record_once
def _summary_helpers(state) -> None:
    """What templates/accesslog/_summary.html calls, wherever it is rendered."""
    state.app.jinja_env.globals.update(
        accesslog_day_chart=charts.day_chart,
        accesslog_count_chart=charts.count_chart,
        accesslog_human_bytes=human_bytes,
        accesslog_contact_events=CONTACT_EVENTS,
        accesslog_kind_labels=KIND_LABELS,
    )


def render_summary(summary: Summary) -> Markup:
    """The statistics partial for ``summary``, as the desk page shows it."""
    # A rendered, autoescaped template: already safe HTML.
    return Markup(  # noqa: S704
        render_template_string(
            '{% from "accesslog/_summary.html" import site_statistics %}'
            "{{ site_statistics(summary) }}",
            summary=summary,
        )
    )


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
