"""The desk's append-only audit log: who did what, to which record, when (UTC).

    record("revealed", staff=member, target="DRS-7K3Q-9MPX", detail="Visitor asked to check")

Never pass a visitor's words as ``detail``: a reason typed by staff, or a short note.
"""

from app.clock import utcnow
from app.extensions import db
from app.models import AuditEvent, StaffMember

# What each action is called in the admin view.
ACTIONS = {
    "sign_in": "Signed in",
    "sign_in_failed": "Sign-in refused",
    "enrolled": "Set up the security code app",
    "locked_out": "Sign-in locked after too many attempts",
    "sign_out": "Signed out",
    "sign_out_everywhere": "Signed out everywhere",
    "session_expired": "Session timed out",
    "viewed_submission": "Opened a message",
    "revealed": "Revealed identifiers",
    "replied": "Replied",
    "status_changed": "Changed status",
    "account_created": "Account created",
    "account_disabled": "Account disabled",
    "account_enabled": "Account enabled",
    "password_reset": "Password reset",
    "mfa_reset": "Security code app reset",
    "notice_created": "Notice created",
    "notice_changed": "Notice changed",
    "purge": "Purged old messages",
}

DETAIL_MAX = 500


def record(
    action: str,
    *,
    staff: StaffMember | int | None = None,
    target: str | None = None,
    detail: str | None = None,
) -> None:
    """Add an audit event to the session; the caller commits with its own change."""
    staff_id = staff.id if isinstance(staff, StaffMember) else staff
    db.session.add(
        AuditEvent(
            occurred_at=utcnow(),
            action=action,
            staff_id=staff_id,
            target=target[:80] if target else None,
            detail=detail[:DETAIL_MAX] if detail else None,
        )
    )


def label(action: str) -> str:
    return ACTIONS.get(action, action.replace("_", " ").capitalize())
