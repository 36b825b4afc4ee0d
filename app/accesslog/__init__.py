"""The automatic access log (W3C Extended Log File Format) and its summary statistics.

- middleware.py  one line per request, written by a WSGI middleware around the app
- w3c.py         the line format, escaping and parsing
- writer.py      day files, whole lines from many workers, purging
- ingest.py      reads what is new in the log into per-day aggregates in the database
- stats.py       summary(date_from, date_to): what `flask stats` and the staff desk show
- charts.py      server-rendered SVG bar charts
- cli.py         `flask stats`, `flask accesslog ingest|purge`

The desk page includes templates/accesslog/_summary.html with a Summary from stats.
"""

from datetime import datetime, timedelta
from pathlib import Path

from flask import Flask, render_template_string
from markupsafe import Markup

from app.accesslog.middleware import AccessLogMiddleware
from app.accesslog.writer import DailyLogWriter, purge_day_files
from app.pii import KIND_LABELS


def log_path(app: Flask) -> Path:
    """Where the access log is (ACCESS_LOG_PATH)."""
    return Path(app.config["ACCESS_LOG_PATH"])


def host_id(app: Flask) -> str:
    """The name under which this host's log files are tracked in the shared database."""
    return app.config["ACCESS_LOG_HOST"]


def init_app(app: Flask) -> None:
    """Wrap the WSGI app so that every request is written to the access log, and give
    templates what accesslog/_summary.html uses."""
    from app.accesslog import charts, stats

    app.add_template_global(charts.day_chart, "accesslog_day_chart")
    app.add_template_global(charts.count_chart, "accesslog_count_chart")
    app.add_template_global(stats.human_bytes, "accesslog_human_bytes")
    app.jinja_env.globals["accesslog_contact_events"] = stats.CONTACT_EVENTS
    app.jinja_env.globals["accesslog_kind_labels"] = KIND_LABELS
    writer = DailyLogWriter(log_path(app))
    app.extensions["accesslog"] = writer
    reported: list[type] = []

    def report(error: Exception) -> None:
        # Once per kind of failure: a full disk must not flood the application log.
        if type(error) not in reported:
            reported.append(type(error))
            app.logger.error("Access log not written: %s", type(error).__name__)

    # Flask types wsgi_app as a method; wrapping it is how WSGI layers are added.

    app.wsgi_app = AccessLogMiddleware(  # type: ignore[method-assign]
        app.wsgi_app,
        writer.write,
        app.config,
        on_error=report,
    )


class IngestFailed(Exception):
    """The statistics could not read what is new; the raw files were purged anyway."""


def purge_raw_logs(app: Flask, now: datetime) -> int:
    """Delete this host's raw log files older than ACCESS_LOG_RETENTION_DAYS (UTC days
    before ``now``); return how many. Needs an app context.

    Called by the top-level `flask purge` and by `flask accesslog purge`. What is new in
    the files is read into the statistics first, so nothing is lost from them; the
    hashed visitor keys of the purged days go too (each day's visitor count stays).

    The files hold visitors' addresses, and the policy promises they go after 30 days:
    if reading them into the statistics fails, they are deleted all the same (their
    lines are lost from the statistics, which is the lesser harm) and IngestFailed is
    raised afterwards, carrying how many files were removed.
    """
    from app.accesslog import ingest
    from app.extensions import db

    failure: Exception | None = None
    try:
        ingest.ingest_new()
    except Exception as error:  # any failure: the files go all the same
        db.session.rollback()
        app.logger.error("Access-log ingestion failed before the purge: %s", type(error).__name__)
        failure = error
    keep = app.config["ACCESS_LOG_RETENTION_DAYS"]
    removed = purge_day_files(log_path(app), now.date(), keep)
    ingest.forget_visitor_keys(before=now.date() - timedelta(days=keep))
    if failure is not None:
        raise IngestFailed(len(removed)) from failure
    return len(removed)


def render_summary(summary) -> Markup:
    """The statistics partial for ``summary``, as the desk page shows it."""
    # A rendered, autoescaped template: already safe HTML.
    return Markup(  # noqa: S704
        render_template_string(
            '{% from "accesslog/_summary.html" import site_statistics %}'
            "{{ site_statistics(summary) }}",
            summary=summary,
        )
    )
