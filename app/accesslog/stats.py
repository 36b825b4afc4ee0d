"""The summary statistics: what `flask stats` prints and the staff desk shows.

``summary()`` reads only the per-day aggregates (never the raw log), so it costs the
same whatever the size of the log. Call ``ingest_new()`` first to include the newest
lines; `flask stats` does.
"""

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select

from app.extensions import db
from app.models.accesslog import AccessCount, AccessDay
from app.models.submission import CONTACT_EVENTS, ContactCounter


@dataclass(frozen=True)
class DayTotals:
    day: date
    requests: int
    visitors: int
    bytes_sent: int
    bytes_received: int


@dataclass(frozen=True)
class Count:
    label: str
    hits: int


@dataclass(frozen=True)
class ErrorCount:
    status: int
    url: str
    hits: int


@dataclass(frozen=True)
class ContactRow:
    kind: str
    counts: tuple[int, ...]  # in the order of CONTACT_EVENTS


@dataclass(frozen=True)
class Summary:
    date_from: date
    date_to: date
    days: tuple[DayTotals, ...]  # every day of the range, oldest first, zeros included
    requests: int
    visitor_days: int  # distinct visitors per day, summed over the days
    bytes_sent: int
    bytes_received: int
    top_pages: tuple[Count, ...]
    least_pages: tuple[Count, ...]
    top_files: tuple[Count, ...]
    statuses: tuple[Count, ...]  # by status code, ascending
    errors: tuple[ErrorCount, ...]  # 4xx and 5xx URLs, most frequent first
    referrers: tuple[Count, ...]  # referring hosts
    browsers: tuple[Count, ...]
    protocols: tuple[Count, ...]
    contact: tuple[ContactRow, ...] | None  # None when no counts were given
    # The staff desk's own requests (its pages, sign-in and the files they load), kept
    # out of every figure above: those are about the public's visits.
    desk_requests: int = 0
    desk_pages: tuple[Count, ...] = ()


def summary(
    date_from: date,
    date_to: date,
    *,
    contact_counts: Mapping[str, Mapping[str, int]] | None = None,
    top: int = 10,
    top_errors: int = 50,
) -> Summary:
    """Statistics for the UTC days ``date_from`` to ``date_to``, both included.

    ``contact_counts`` is the contact form's warning counters for the same days, by
    identifier kind then event (CONTACT_EVENTS), e.g. {"ssn": {"warned": 3, ...}};
    the caller reads them from the contact form's counters and they are shown as given.
    Lists of pages, files and referrers hold ``top`` rows; errors ``top_errors``.
    """
    if date_to < date_from:
        date_from, date_to = date_to, date_from
    stored = {
        row.day: row
        for row in db.session.scalars(
            select(AccessDay).where(AccessDay.day.between(date_from, date_to))
        )
    }
    days = []
    day = date_from
    while day <= date_to:
        row = stored.get(day)
        days.append(
            DayTotals(day, row.requests, row.visitors, row.bytes_sent, row.bytes_received)
            if row
            else DayTotals(day, 0, 0, 0, 0)
        )
        day += timedelta(days=1)

    by_dimension: dict[str, list[Count]] = defaultdict(list)
    query = (
        select(AccessCount.dimension, AccessCount.key, func.sum(AccessCount.hits))
        .where(AccessCount.day.between(date_from, date_to))
        .group_by(AccessCount.dimension, AccessCount.key)
    )
    for dimension, key, hits in db.session.execute(query):
        by_dimension[dimension].append(Count(key, int(hits)))
    for counts in by_dimension.values():
        counts.sort(key=lambda c: (-c.hits, c.label))

    pages = by_dimension["page"]
    errors = []
    for count in by_dimension["error"]:
        status, _, url = count.label.partition(" ")
        errors.append(ErrorCount(int(status) if status.isdigit() else 0, url, count.hits))
    return Summary(
        date_from=date_from,
        date_to=date_to,
        days=tuple(days),
        requests=sum(d.requests for d in days),
        visitor_days=sum(d.visitors for d in days),
        bytes_sent=sum(d.bytes_sent for d in days),
        bytes_received=sum(d.bytes_received for d in days),
        top_pages=tuple(pages[:top]),
        least_pages=tuple(sorted(pages, key=lambda c: (c.hits, c.label))[:top]),
        top_files=tuple(by_dimension["file"][:top]),
        statuses=tuple(sorted(by_dimension["status"], key=lambda c: c.label)),
        errors=tuple(errors[:top_errors]),
        referrers=tuple(by_dimension["referrer"][:top]),
        browsers=tuple(by_dimension["browser"]),
        protocols=tuple(by_dimension["protocol"]),
        contact=_contact_rows(contact_counts),
        desk_requests=sum(c.hits for c in by_dimension["desk"]),
        desk_pages=tuple(by_dimension["desk"][:top]),
    )


def contact_counts_between(date_from: date, date_to: date) -> dict[str, dict[str, int]]:
    """The contact form's warning counters (app.models.ContactCounter) for those days, by
    kind then event: the ``contact_counts`` that summary() takes.

    The form counts by the site's local day (SITE_TIMEZONE), the log by UTC day: over a
    range of whole days the two differ by at most a few hours at each end.
    """
    events = [event for event, _ in CONTACT_EVENTS]
    query = (
        select(ContactCounter.kind, ContactCounter.event, func.sum(ContactCounter.count))
        .where(
            ContactCounter.day.between(date_from, date_to),
            ContactCounter.event.in_(events),
        )
        .group_by(ContactCounter.kind, ContactCounter.event)
    )
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    for kind, event, total in db.session.execute(query):
        counts[kind or "any"][event] = int(total)
    return dict(counts)


def fresh_summary(
    date_from: date,
    date_to: date,
    *,
    budget_seconds: float = 0.5,
    with_contact_counts: bool = True,
) -> Summary:
    """What the staff desk's statistics page shows: read what is new in this host's log
    (for at most ``budget_seconds``; the rest is read next time or by cron), then the
    summary with the contact form's counters."""
    from flask import current_app

    from app.accesslog.ingest import ingest_new

    try:
        ingest_new(budget_seconds=budget_seconds)
    except Exception as error:  # show what is stored; cron reads the rest
        db.session.rollback()
        current_app.logger.error("Access-log ingestion failed: %s", type(error).__name__)
    counts = contact_counts_between(date_from, date_to) if with_contact_counts else None
    return summary(date_from, date_to, contact_counts=counts)


def _contact_rows(counts: Mapping[str, Mapping[str, int]] | None):
    if counts is None:
        return None
    return tuple(
        ContactRow(kind, tuple(int(by_event.get(event, 0)) for event, _ in CONTACT_EVENTS))
        for kind, by_event in sorted(counts.items())
    )


def human_bytes(count: int) -> str:
    value = float(count)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{int(value):,} bytes" if unit == "bytes" else f"{value:,.1f} {unit}"
        value /= 1024
    return f"{count:,} bytes"


def format_text(s: Summary) -> str:
    """The summary as plain text, for `flask stats`."""
    out = [
        f"Access statistics {s.date_from.isoformat()} to {s.date_to.isoformat()} (UTC days)",
        "",
        f"Requests: {s.requests:,}   Visitors (daily, summed): {s.visitor_days:,}",
        f"Bytes sent: {human_bytes(s.bytes_sent)}   "
        f"Bytes received: {human_bytes(s.bytes_received)}",
        "",
        "Per day:            requests   visitors",
    ]
    out += [f"  {d.day.isoformat()}  {d.requests:>12,} {d.visitors:>10,}" for d in s.days]

    def section(title: str, rows) -> None:
        out.append("")
        out.append(title + ":")
        if not rows:
            out.append("  (none)")
        out.extend(f"  {row.hits:>10,}  {row.label}" for row in rows)

    section("Most requested pages", s.top_pages)
    section("Least requested pages", s.least_pages)
    section("Most requested files", s.top_files)
    section("Status codes", s.statuses)
    out.append("")
    out.append("URLs behind errors:")
    if not s.errors:
        out.append("  (none)")
    out.extend(f"  {e.hits:>10,}  {e.status}  {e.url}" for e in s.errors)
    section("Top referrers", s.referrers)
    section("Browser families", s.browsers)
    section("Protocol versions", s.protocols)
    out.append("")
    out.append(f"The staff desk's own requests (not counted above): {s.desk_requests:,}")
    out.extend(f"  {row.hits:>10,}  {row.label}" for row in s.desk_pages)
    if s.contact is not None:
        out.append("")
        out.append("Contact form warnings: kind, " + ", ".join(t for _, t in CONTACT_EVENTS))
        if not s.contact:
            out.append("  (none)")
        out.extend(f"  {r.kind}: " + ", ".join(f"{n:,}" for n in r.counts) for r in s.contact)
    return "\n".join(out) + "\n"
