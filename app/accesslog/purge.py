"""Deleting raw access-log files past ACCESS_LOG_RETENTION_DAYS, after reading them."""

from datetime import datetime, timedelta

from flask import Flask

from app.accesslog import ingest
from app.accesslog.writer import log_path, purge_day_files
from app.extensions import db


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
