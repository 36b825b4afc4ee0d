"""What the desk changes in a message: a reply kept, a status changed.

Each saves, audits and commits in one place, so the views validate, call one of these
and redirect. (The visitor's side of a message is written by app/contact/service.py.)
"""

from app import audit
from app.clock import today, utcnow
from app.extensions import READ_THEN_WRITE, begin, db
from app.models import Reply, StaffMember, Submission
from app.models.submission import STATUS_LABELS


def _read_again(item: Submission) -> None:
    """Begin the change's transaction (on SQLite, with the write lock: BEGIN IMMEDIATE)
    and read ``item`` again inside it, so the status the change starts from (and the
    audit record names) is the current one, not a page's earlier snapshot. Whatever the
    caller read before is ended first (see begin())."""
    begin(READ_THEN_WRITE)
    db.session.refresh(item, ["status", "replied_on", "closed_on"])


def record_reply(item: Submission, staff: StaffMember, body: str, detail: str | None) -> None:
    """Keep a reply that has been sent (encrypted), and mark its message replied.

    ``detail`` is what the audit log says of how it was sent (e.g. "identifiers removed
    after a warning"), never the reply's words.
    """
    staff_id = staff.id
    _read_again(item)
    db.session.add(Reply(submission_id=item.id, staff_id=staff_id, sent_at=utcnow(), body=body))
    previous = item.status
    item.status = "replied"
    item.replied_on = today()
    audit.record("replied", staff=staff_id, target=item.reference, detail=detail)
    if previous != "replied":
        audit.record(
            "status_changed", staff=staff_id, target=item.reference, detail=f"{previous} to replied"
        )
    db.session.commit()


def change_status(item: Submission, staff: StaffMember, status: str) -> bool:
    """Mark a message new, replied or closed (audited); False if it already was."""
    if status not in STATUS_LABELS:
        raise ValueError(f"unknown status {status!r}")
    staff_id = staff.id
    _read_again(item)
    if status == item.status:
        db.session.rollback()  # nothing to change: give the lock back now
        return False
    previous = item.status
    item.status = status
    if status == "replied" and item.replied_on is None:
        item.replied_on = today()
    if status == "closed":
        item.closed_on = today()
    audit.record(
        "status_changed", staff=staff_id, target=item.reference, detail=f"{previous} to {status}"
    )
    db.session.commit()
    return True
