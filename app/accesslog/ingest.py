"""Reading what is new in the access log into per-day aggregates in the database.

Each host reads its own day files from where it stopped (a byte offset per file, kept
in ``accesslog_files`` with a fingerprint of the file's header), so the work done is
proportional to what was logged since last time, never to the size of the log. The
offset moves in the same transaction as the aggregates it produced, and only if no one
else moved it first (compare-and-set), so two ingests at once never count a line twice.
"""

import hashlib
import re
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

from flask import Flask, current_app
from sqlalchemy import case, delete, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError

from app.accesslog import w3c
from app.accesslog.browsers import browser_family
from app.accesslog.writer import day_files, log_path
from app.extensions import WRITE_FIRST, affected_rows, begin, db
from app.models.accesslog import AccessCount, AccessDay, AccessLogFile, AccessVisitor

# Dimensions whose keys a client chooses (any URL can be asked for, any referrer sent):
# at most this many distinct keys per day are kept, the rest are counted as OTHER.
CAPPED = ("error", "referrer")
OTHER = "(other)"
MAX_KEY = 500
# The largest byte count one request can plausibly have (1 TiB; bodies over
# MAX_CONTENT_LENGTH are refused unread). A line claiming more, or less than nothing, is
# skipped and counted as not understood: it cannot be true, and a value past the
# database's 64-bit integers once stopped ingestion (and with it the purge) for good.
MAX_REQUEST_BYTES = 1 << 40
# Totals are kept in 64-bit columns; a day's total stops there rather than overflowing.
BIGINT_MAX = (1 << 63) - 1
CHUNK_BYTES = 8 * 1024 * 1024
STATIC_PREFIX = "/static/"
# The staff desk (its pages and sign-in) is counted apart: the policy's statistics are
# about the public's visits, and the desk's own use would otherwise be mixed into them.
DESK_PREFIX = "/staff"


def is_desk(stem: str, referrer: str) -> bool:
    """A desk page, or a file a desk page asked for (its referrer is a desk page)."""
    if stem == DESK_PREFIX or stem.startswith(DESK_PREFIX + "/"):
        return True
    if referrer == "-" or not stem.startswith(STATIC_PREFIX):
        return False
    path = urlsplit(unquote(referrer)).path
    return path == DESK_PREFIX or path.startswith(DESK_PREFIX + "/")


_STATUS = re.compile(r"[1-5][0-9]{2}")


@dataclass
class IngestResult:
    files: int = 0
    lines: int = 0
    skipped: int = 0  # lines that did not parse, or held values that cannot be true
    seconds: float = 0.0


@dataclass
class _Batch:
    days: dict = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0]))
    counts: Counter = field(default_factory=Counter)
    visitors: dict = field(default_factory=lambda: defaultdict(set))
    lines: int = 0
    skipped: int = 0


def host_id(app: Flask) -> str:
    """The name under which this host's log files are tracked in the shared database."""
    return app.config["ACCESS_LOG_HOST"]


def ingest_new(budget_seconds: float | None = None) -> IngestResult:
    """Read every new line of this host's log files (in an app context).

    With ``budget_seconds``, stop after about that long; the rest is read next time.
    """
    started = time.perf_counter()
    app = current_app
    path, host = log_path(app), host_id(app)
    secret = str(app.config["SECRET_KEY"]).encode()
    known = {
        row.name: row for row in db.session.scalars(select(AccessLogFile).filter_by(host=host))
    }
    result = IngestResult()
    for _day, file in day_files(path):
        try:
            size = file.stat().st_size
        except FileNotFoundError:
            continue
        row = known.get(file.name)
        if row is not None and row.position == size:
            continue
        result.files += 1
        deadline = None if budget_seconds is None else started + budget_seconds
        if not _ingest_file(host, file, row, secret, result, deadline):
            break  # the time budget ran out: the rest is read next time
    result.seconds = time.perf_counter() - started
    return result


def _fingerprint(first_line: bytes) -> str:
    return hashlib.sha256(first_line).hexdigest()[:32]


def _ingest_file(host, file: Path, row, secret, result, deadline) -> bool:
    """Read ``file`` from its recorded position; False if stopped before its end."""
    with file.open("rb") as stream:
        first = stream.readline()
        if not first.endswith(b"\n"):
            return True  # not even a header yet
        fingerprint = _fingerprint(first)
        if row is not None and row.fingerprint != fingerprint:
            # Another file now has this name: read it from the start under a new record.
            begin(WRITE_FIRST)
            db.session.execute(
                update(AccessLogFile)
                .where(AccessLogFile.id == row.id, AccessLogFile.position == row.position)
                .values(fingerprint=fingerprint, position=0, lines=0)
            )
            db.session.commit()
            row = db.session.get(AccessLogFile, row.id)
        position = row.position if row is not None else 0
        stream.seek(position)
        leftover = b""
        while True:
            chunk = stream.read(CHUNK_BYTES)
            if not chunk:
                return True
            data = leftover + chunk
            end = data.rfind(b"\n")
            if end == -1:
                leftover = data
                continue
            leftover = data[end + 1 :]
            batch = _aggregate(data[: end + 1], secret)
            # ``data`` starts at ``position``: the position moves past complete lines only.
            new_position = position + end + 1
            if not _store(host, file.name, fingerprint, row, position, new_position, batch):
                return True  # another ingest is reading this file; leave it to it
            row = db.session.scalar(select(AccessLogFile).filter_by(host=host, name=file.name))
            result.lines += batch.lines
            result.skipped += batch.skipped
            position = new_position
            if deadline is not None and time.perf_counter() > deadline:
                return False


@dataclass
class _Tally:
    """One chunk's lines counted by everything that tells them apart: the per-line work
    is a split and a few additions; the dimensions come from the far fewer tallies."""

    lines: Counter = field(default_factory=Counter)  # (day, status, URL, agent, referrer, protocol)
    sent: Counter = field(default_factory=Counter)  # bytes by day as written
    received: Counter = field(default_factory=Counter)
    seen: set = field(default_factory=set)  # (day, address, agent)
    desk: Counter = field(default_factory=Counter)  # (day, status, URL): the desk's own
    skipped: int = 0


def _aggregate(data: bytes, secret: bytes) -> _Batch:
    """Count the lines in ``data`` into a batch of per-day aggregates."""
    tally = _tally(data)
    dates = _dates(tally.sent)
    batch = _Batch(skipped=tally.skipped)
    _count_dimensions(batch, tally, dates)
    for text, day in dates.items():
        if day is not None and day in batch.days:
            batch.days[day][1] = min(batch.days[day][1] + tally.sent[text], BIGINT_MAX)
            batch.days[day][2] = min(batch.days[day][2] + tally.received[text], BIGINT_MAX)
    batch.visitors = _visitor_keys(tally.seen, dates, secret)
    return batch


def _tally(data: bytes) -> _Tally:
    tally = _Tally()
    split_line = w3c.split_line
    lines, sent, received, seen = tally.lines, tally.sent, tally.received, tally.seen
    for raw in data.decode("ascii", "replace").splitlines():
        if not raw or raw[0] == "#":
            continue
        try:
            f = split_line(raw)
            text = f[0]  # the day, as written
            # sc-bytes and cs-bytes are "-" on lines that must not give a size away
            # (/contact): they count as 0.
            out = 0 if f[7] == "-" else int(f[7])
            into = 0 if f[8] == "-" else int(f[8])
        except (ValueError, IndexError):
            tally.skipped += 1
            continue
        if not (0 <= out <= MAX_REQUEST_BYTES and 0 <= into <= MAX_REQUEST_BYTES):
            tally.skipped += 1
            continue
        if is_desk(f[5], f[10]):
            tally.desk[text, f[4], f[5]] += 1
            continue
        sent[text] += out
        received[text] += into
        lines[text, f[4], f[5], f[9], f[10], f[11][:MAX_KEY]] += 1
        seen.add((text, f[2], f[9]))
    return tally


def _dates(texts) -> dict[str, date | None]:
    """Each day as written, parsed; None for one that is not a date."""
    dates: dict[str, date | None] = {}
    for text in texts:
        try:
            dates[text] = date.fromisoformat(text)
        except ValueError:
            dates[text] = None
    return dates


def _count_desk(batch: _Batch, tally: _Tally) -> None:
    """The desk's requests, by desk page only: no visitors, bytes or browsers."""
    for (text, status_text, logged_stem), n in tally.desk.items():
        try:
            day = date.fromisoformat(text)
        except ValueError:
            day = None
        if day is None or not _STATUS.fullmatch(status_text):
            batch.skipped += n
            continue
        batch.lines += n
        batch.counts[day, "desk", unquote(logged_stem)[:MAX_KEY]] += n


def _count_dimensions(batch: _Batch, tally: _Tally, dates: dict[str, date | None]) -> None:
    _count_desk(batch, tally)
    families: dict[str, str] = {}
    referrer_hosts: dict[str, str | None] = {}
    counts, days = batch.counts, batch.days
    stems: dict[str, str] = {}
    for (text, status_text, logged_stem, agent, ref, protocol), n in tally.lines.items():
        # The log writes "%" in a URL as "%25" (w3c.token): undo that once, so a URL is
        # kept as it was requested ("/%3Cscript%3E"), not encoded twice ("/%253Cscript").
        stem = stems.get(logged_stem)
        if stem is None:
            stem = stems[logged_stem] = unquote(logged_stem)
        day = dates[text]
        if day is None or not _STATUS.fullmatch(status_text):
            batch.skipped += n
            continue
        batch.lines += n
        days[day][0] += n
        counts[day, "status", status_text] += n
        status = int(status_text)
        if status >= 400:
            counts[day, "error", f"{status} {stem[:MAX_KEY]}"] += n
        elif stem.startswith(STATIC_PREFIX):
            counts[day, "file", stem[:MAX_KEY]] += n
        else:
            counts[day, "page", stem[:MAX_KEY]] += n
        family = families.get(agent)
        if family is None:
            family = families[agent] = browser_family(unquote(agent) if agent != "-" else "")
        counts[day, "browser", family] += n
        counts[day, "protocol", protocol] += n
        if ref != "-":
            if ref not in referrer_hosts:
                referrer_hosts[ref] = _referrer_host(ref)
            if referrer_hosts[ref]:
                counts[day, "referrer", referrer_hosts[ref]] += n


def _visitor_keys(seen: set, dates: dict[str, date | None], secret: bytes):
    """Only keyed hashes leave here: addresses and agents stay in memory."""
    hasher = _visitor_hasher(secret)
    visitors: dict[date, set[str]] = defaultdict(set)
    for text, ip, agent in seen:
        day = dates[text]
        if day is None:
            continue
        h = hasher.copy()
        h.update(f"{text}\n{ip}\n{agent}".encode())
        visitors[day].add(h.hexdigest())
    return visitors


def _referrer_host(value: str) -> str | None:
    try:
        host = urlsplit(unquote(value)).hostname
    except ValueError:
        return None
    return host[:MAX_KEY] if host else None


def _visitor_hasher(secret: bytes):
    """A keyed BLAKE2b (a MAC, like HMAC, and several times faster in CPython) under a
    key derived from SECRET_KEY: without the key, no one can test guessed addresses."""
    return hashlib.blake2b(
        key=hashlib.sha256(b"accesslog-visitors\n" + secret).digest(), digest_size=16
    )


def _insert(model) -> postgresql.Insert | sqlite.Insert:
    if db.session.get_bind().dialect.name == "postgresql":
        return postgresql.insert(model)
    return sqlite.insert(model)


def _store(host, name, fingerprint, row, old_position, new_position, batch: _Batch) -> bool:
    """Add a batch to the aggregates and move the file's position, all or nothing."""
    session = db.session
    now = datetime.now(UTC)
    # A write of its own, begun by the file's row (on the desk's statistics page, the
    # reads before it end first; the position it moves from makes it safe to run twice).
    begin(WRITE_FIRST)
    try:
        if row is None:
            session.add(
                AccessLogFile(
                    host=host,
                    name=name,
                    fingerprint=fingerprint,
                    position=new_position,
                    lines=batch.lines,
                    updated_at=now,
                )
            )
            session.flush()
        else:
            moved = session.execute(
                update(AccessLogFile)
                .where(AccessLogFile.id == row.id, AccessLogFile.position == old_position)
                .values(
                    position=new_position, lines=AccessLogFile.lines + batch.lines, updated_at=now
                )
            )
            if affected_rows(moved) != 1:
                session.rollback()
                return False
        _add_days(batch)
        _add_counts(_capped(batch.counts))
        _add_visitors(batch.visitors)
        session.commit()
    except IntegrityError:
        session.rollback()
        return False
    except BaseException:
        session.rollback()
        raise
    return True


def _add_days(batch: _Batch) -> None:
    if not batch.days:
        return
    stmt = _insert(AccessDay)
    stmt = stmt.on_conflict_do_update(
        index_elements=["day"],
        set_={
            "requests": _capped_sum(AccessDay.requests, stmt.excluded.requests),
            "bytes_sent": _capped_sum(AccessDay.bytes_sent, stmt.excluded.bytes_sent),
            "bytes_received": _capped_sum(AccessDay.bytes_received, stmt.excluded.bytes_received),
        },
    )
    db.session.connection().execute(
        stmt,
        [
            {"day": d, "requests": r, "visitors": 0, "bytes_sent": s, "bytes_received": b}
            for d, (r, s, b) in batch.days.items()
        ],
    )


def _capped_sum(stored, added):
    """stored + added, stopping at the largest 64-bit integer instead of overflowing
    (PostgreSQL would refuse the row; SQLite would turn it into a float)."""
    return case((stored > BIGINT_MAX - added, BIGINT_MAX), else_=stored + added)


def _capped(counts: Counter) -> Counter:
    """Keep at most ACCESS_STATS_MAX_KEYS distinct keys per day in the capped dimensions."""
    limit = current_app.config["ACCESS_STATS_MAX_KEYS"]
    groups: dict[tuple, list] = defaultdict(list)
    for (day, dimension, key), hits in counts.items():
        if dimension in CAPPED:
            groups[day, dimension].append((hits, key))
    if not groups:
        return counts
    result = Counter({k: v for k, v in counts.items() if k[1] not in CAPPED})
    for (day, dimension), items in groups.items():
        existing = set(
            db.session.scalars(select(AccessCount.key).filter_by(day=day, dimension=dimension))
        )
        room = max(limit - sum(not key.endswith(OTHER) for key in existing), 0)
        for hits, key in sorted(items, key=lambda item: (-item[0], item[1])):
            if key in existing:
                result[day, dimension, key] += hits
            elif room > 0:
                result[day, dimension, key] += hits
                room -= 1
            elif dimension == "error":  # keep the status: "404 (other)"
                result[day, dimension, f"{key.partition(' ')[0]} {OTHER}"] += hits
            else:
                result[day, dimension, OTHER] += hits
    return result


def _add_counts(counts: Counter) -> None:
    if not counts:
        return
    stmt = _insert(AccessCount)
    stmt = stmt.on_conflict_do_update(
        index_elements=["day", "dimension", "key"],
        set_={"hits": AccessCount.hits + stmt.excluded.hits},
    )
    db.session.connection().execute(
        stmt,
        [
            {"day": day, "dimension": dimension, "key": key, "hits": hits}
            for (day, dimension, key), hits in counts.items()
        ],
    )


def _add_visitors(visitors: dict[date, set[str]]) -> None:
    if not visitors:
        return
    stmt = _insert(AccessVisitor).on_conflict_do_nothing(index_elements=["day", "key"])
    rows = [{"day": day, "key": key} for day, keys in visitors.items() for key in keys]
    db.session.connection().execute(stmt, rows)
    for day in visitors:
        count = db.session.scalar(
            select(func.count()).select_from(AccessVisitor).where(AccessVisitor.day == day)
        )
        db.session.execute(update(AccessDay).where(AccessDay.day == day).values(visitors=count))


def forget_visitor_keys(before: date) -> int:
    """Delete the hashed visitor keys of days before ``before`` (their count stays)."""
    deleted = db.session.execute(delete(AccessVisitor).where(AccessVisitor.day < before))
    db.session.commit()
    return affected_rows(deleted)
