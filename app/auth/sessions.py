"""Signed-in staff sessions: begun at sign-in, checked on every desk request, ended
server-side so a copy of an old cookie no longer works.

The cookie holds only the member's id, their session version and a random token; the
database holds the token's hash with when the session began and was last used. A session
ends when:
- its member signs out (that row is ended: other devices stay signed in);
- its member signs out everywhere, is disabled or has their security code app reset
  (the member's session_version is bumped: every cookie they hold stops working);
- it has been idle for STAFF_IDLE_MINUTES, or is older than STAFF_ABSOLUTE_HOURS.
"""

import hashlib
import secrets
from datetime import datetime, timedelta

from flask import current_app, session
from sqlalchemy import select, update

from app.clock import utcnow
from app.extensions import WRITE_FIRST, db
from app.extensions import begin as begin_transaction
from app.models import StaffMember, StaffSession

KEY = "staff"
# last_seen_at is written at most this often, not on every page.
SEEN_RESOLUTION = timedelta(seconds=60)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def _aware(moment: datetime) -> datetime:
    # SQLite hands back naive datetimes: they were stored in UTC.
    return moment if moment.tzinfo else moment.replace(tzinfo=utcnow().tzinfo)


def begin(member: StaffMember) -> None:
    """A new session: whatever the cookie held before is dropped (no fixation)."""
    token = secrets.token_urlsafe(32)
    now = utcnow()
    db.session.add(
        StaffSession(token_hash=_hash(token), staff_id=member.id, created_at=now, last_seen_at=now)
    )
    member.last_sign_in_at = now
    session.clear()
    session[KEY] = {"id": member.id, "v": member.session_version, "t": token}


def key_for(name: str) -> str | None:
    """``name`` (say a message's reference) made private to this sign-in: a hash of the
    session's random token and the name; None when no one is signed in. A row keyed by
    it (a reply draft) cannot be found from another sign-in, after signing out, or by
    anyone holding a copy of the database."""
    data = session.get(KEY)
    token = data.get("t") if isinstance(data, dict) else None
    if not isinstance(token, str):
        return None
    return _hash(f"{token}:{name}")


def _row(data: dict) -> StaffSession | None:
    token = data.get("t")
    if not isinstance(token, str):
        return None
    return db.session.scalar(select(StaffSession).where(StaffSession.token_hash == _hash(token)))


def current() -> tuple[StaffMember | None, str | None]:
    """The signed-in member for this request and None; or, when their session has just
    timed out, that member and the reason ("idle" or "expired"); or (None, None)."""
    data = session.get(KEY)
    if not isinstance(data, dict):
        return None, None
    member = (
        db.session.get(StaffMember, data.get("id")) if isinstance(data.get("id"), int) else None
    )
    row = _row(data)
    if (
        member is None
        or row is None
        or row.staff_id != member.id
        or row.ended_at is not None
        or not member.active
        or not member.mfa_enrolled
        or data.get("v") != member.session_version
    ):
        session.pop(KEY, None)
        return None, None
    now = utcnow()
    config = current_app.config
    reason = None
    if now - _aware(row.created_at) > timedelta(hours=config["STAFF_ABSOLUTE_HOURS"]):
        reason = "expired"
    elif now - _aware(row.last_seen_at) > timedelta(minutes=config["STAFF_IDLE_MINUTES"]):
        reason = "idle"
    # Each write below is a short transaction of its own, begun by its UPDATE (on the
    # desk, what was read above is a snapshot, ended first: see begin()).
    if reason:
        begin_transaction(WRITE_FIRST)
        row.ended_at = now
        db.session.commit()
        session.pop(KEY, None)
        return member, reason
    if now - _aware(row.last_seen_at) >= SEEN_RESOLUTION:
        begin_transaction(WRITE_FIRST)
        row.last_seen_at = now
        db.session.commit()
    return member, None


def end() -> None:
    """End this session only."""
    data = session.get(KEY)
    if isinstance(data, dict):
        row = _row(data)
        if row is not None and row.ended_at is None:
            begin_transaction(WRITE_FIRST)  # the read above ends: the UPDATE begins the write
            row.ended_at = utcnow()
    session.clear()


def end_all(member: StaffMember) -> None:
    """End every session this member has, on every device."""
    # Raised by the database, from what it holds (two of these at once each raise it),
    # in a write begun by that UPDATE (on the desk, the reads before it end first).
    begin_transaction(WRITE_FIRST)
    member.session_version = StaffMember.session_version + 1
    db.session.execute(
        update(StaffSession)
        .where(StaffSession.staff_id == member.id, StaffSession.ended_at.is_(None))
        .values(ended_at=utcnow())
    )
