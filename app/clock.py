"""The site's idea of "now" and "today", in one place so tests can move time."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from flask import current_app


def utcnow() -> datetime:
    """The current time, timezone-aware, in UTC."""
    return datetime.now(UTC)


def today() -> date:
    """Today's date where the department is (SITE_TIMEZONE, Hartford by default)."""
    return utcnow().astimezone(ZoneInfo(current_app.config["SITE_TIMEZONE"])).date()
