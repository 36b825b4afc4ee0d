"""The automatic access log (W3C Extended Log File Format) and its summary statistics.

- middleware.py  one line per request, written by a WSGI middleware around the app
- w3c.py         the line format, escaping and parsing
- writer.py      where the log is (log_path), day files, whole lines from many workers
- ingest.py      reads what is new in this host's log into per-day aggregates
- purge.py       deletes raw files past ACCESS_LOG_RETENTION_DAYS (after reading them)
- stats.py       summary(date_from, date_to): what `flask stats` and the staff desk show
- charts.py      server-rendered SVG bar charts
- cli.py         `flask stats`, `flask accesslog ingest|purge`

The desk's statistics page (app/staff/statistics.py) renders
templates/accesslog/_summary.html with a Summary from stats.
"""

from flask import Flask

from app.accesslog.middleware import AccessLogMiddleware
from app.accesslog.writer import DailyLogWriter, log_path


def init_app(app: Flask) -> None:
    """Wrap the WSGI app so that every request is written to the access log."""
    writer = DailyLogWriter(log_path(app))
    app.extensions["accesslog"] = writer
    reported: list[type] = []

    def report(error: Exception) -> None:
        # Once per kind of failure: a full disk must not flood the application log.
        if type(error) not in reported:
            reported.append(type(error))
            app.logger.error("Access log not written: %s", type(error).__name__)

    # Flask types wsgi_app as a method; wrapping it is how WSGI layers are added.
    middleware = AccessLogMiddleware(app.wsgi_app, writer.write, app.config, on_error=report)
    app.extensions["accesslog_middleware"] = middleware
    app.wsgi_app = middleware  # type: ignore[method-assign]
