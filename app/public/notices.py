"""The notices shown above every public page, kept briefly in each process.

Every public page shows them, so reading them from the database on every request would
make each page view a database transaction (on SQLite, one that takes the write lock).
Each process keeps today's notices for NOTICES_CACHE_SECONDS; a change made at the desk
clears this process's copy at once and reaches the other processes within that time.
"""

import threading
import time
from dataclasses import dataclass
from datetime import date, timedelta

from flask import Flask, current_app, g
from sqlalchemy.exc import SQLAlchemyError

from app import audit
from app.clock import today
from app.extensions import READ_ONLY, READ_THEN_WRITE, begin, db
from app.models import Notice, StaffMember


@dataclass(frozen=True)
class NoticeText:
    """A notice's words in one language."""

    language: str
    title: str
    body: str
    link_text: str | None


@dataclass(frozen=True)
class NoticeView:
    """What a page shows of a notice (plain values, safe to share between requests)."""

    title: str
    body: str
    link: str | None
    link_text: str | None
    translations: tuple[NoticeText, ...] = ()

    def text_in(self, language: str) -> NoticeText:
        """Its words in ``language``, or in English when it has none in that language."""
        for text in self.translations:
            if text.language == language:
                return text
        return NoticeText("en", self.title, self.body, self.link_text)

    @classmethod
    def of(cls, notice: Notice) -> "NoticeView":
        return cls(
            notice.title,
            notice.body,
            notice.link,
            notice.link_text,
            tuple(
                NoticeText(t.language, t.title, t.body, t.link_text) for t in notice.translations
            ),
        )


class NoticeCache:
    def __init__(self):
        self._lock = threading.Lock()
        self._day = None
        self._until = 0.0
        self._notices: tuple[NoticeView, ...] = ()

    def get(self, seconds: float) -> tuple[NoticeView, ...]:
        day, now = today(), time.monotonic()
        with self._lock:
            if day == self._day and now < self._until:
                return self._notices
        # A read alone (on SQLite a snapshot, not the write lock): a public page that
        # refreshes the notices never makes a visitor's send wait.
        begin(READ_ONLY)
        notices = tuple(NoticeView.of(n) for n in Notice.current(day))
        with self._lock:
            self._day, self._until, self._notices = day, now + seconds, notices
        return notices

    def clear(self) -> None:
        with self._lock:
            self._until = 0.0


def init_app(app: Flask) -> None:
    app.extensions["notice_cache"] = NoticeCache()


def forget_notices() -> None:
    """Call after changing notices, so that this process shows the change at once."""
    from app.public.page_cache import forget_pages

    current_app.extensions["notice_cache"].clear()
    forget_pages()


def save_notice(notice: Notice, staff: StaffMember) -> None:
    """Keep a notice created or edited at the desk (audited); this process shows the
    change at once, the others within NOTICES_CACHE_SECONDS."""
    begin(READ_THEN_WRITE)  # (the desk's views begin it before they change the notice)
    created = notice.id is None
    if created:
        db.session.add(notice)
        db.session.flush()
        audit.record("notice_created", staff=staff, target=f"notice {notice.id}")
    else:
        audit.record("notice_changed", staff=staff, target=f"notice {notice.id}", detail="edited")
    db.session.commit()
    forget_notices()


def expire_notice(notice: Notice, staff: StaffMember) -> tuple[date, date | None]:
    """Stop showing a notice from today (audited); returns its dates before, for undo."""
    begin(READ_THEN_WRITE)  # the page's reads end: the change and its record, under the lock
    before = (notice.starts_on, notice.ends_on)
    yesterday = today() - timedelta(days=1)
    notice.ends_on = yesterday
    notice.starts_on = min(notice.starts_on, yesterday)
    audit.record("notice_changed", staff=staff, target=f"notice {notice.id}", detail="expired")
    db.session.commit()
    forget_notices()
    return before


def restore_notice_dates(
    notice: Notice, staff: StaffMember, starts_on: date, ends_on: date | None
) -> None:
    """Undo an expiry: the notice's dates as they were (audited)."""
    begin(READ_THEN_WRITE)  # the page's reads end: the change and its record, under the lock
    notice.starts_on, notice.ends_on = starts_on, ends_on
    audit.record(
        "notice_changed", staff=staff, target=f"notice {notice.id}", detail="expiry undone"
    )
    db.session.commit()
    forget_notices()


def mark_database_unavailable() -> None:
    """For the rest of this request, show no notices rather than wait for the database."""
    g.database_unavailable = True


def current_notices() -> tuple[NoticeView, ...]:
    """Today's notices; none if the database cannot be read.

    A page such as the privacy policy needs no database, so an outage must not take it
    down: the notices are left out and the failure is logged by type.
    """
    if g.get("database_unavailable"):
        return ()
    try:
        return current_app.extensions["notice_cache"].get(
            current_app.config["NOTICES_CACHE_SECONDS"]
        )
    except SQLAlchemyError as error:
        db.session.rollback()
        mark_database_unavailable()
        current_app.logger.warning("Notices not shown: %s", type(error).__name__)
        return ()
