"""The staff desk: members of staff, their signed-in sessions, replies, and the audit log."""

from datetime import datetime

from sqlalchemy import BigInteger, Boolean, DateTime, ForeignKey, Integer, String, event
from sqlalchemy.orm import Mapped, Session, mapped_column

from app.crypto import EncryptedText
from app.extensions import Model

ROLES = ("reader", "admin")


class StaffMember(Model):
    """Someone who reads and answers messages. Never deleted (the audit log names them):
    disabled instead."""

    __tablename__ = "staff_members"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # Stored lowercased: sign-in compares lowercased.
    email: Mapped[str] = mapped_column(String(254), unique=True)
    role: Mapped[str] = mapped_column(String(10), default="reader")
    password_hash: Mapped[str] = mapped_column(String(255))
    # The TOTP key, encrypted like visitors' text; set at enrolment, confirmed by a code.
    totp_secret: Mapped[str | None] = mapped_column(EncryptedText)
    mfa_enrolled: Mapped[bool] = mapped_column(Boolean, default=False)
    # The last TOTP time step accepted: a code from that step or earlier is refused.
    totp_last_step: Mapped[int | None] = mapped_column(BigInteger)
    # Bumped to end every session of this member at once (everywhere, disable, MFA reset).
    session_version: Mapped[int] = mapped_column(Integer, default=1)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    last_sign_in_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


class StaffSession(Model):
    """One sign-in on one browser. The cookie holds a random token; the row holds its hash,
    so signing out on one device ends that session only, on every app host."""

    __tablename__ = "staff_sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff_members.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    last_seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    ended_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class Reply(Model):
    """A reply sent to a visitor from the desk; its text is encrypted at rest."""

    __tablename__ = "replies"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submissions.id"), index=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff_members.id"))
    sent_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # None once purged with its submission's content.
    body: Mapped[str | None] = mapped_column(EncryptedText)


class AuditEvent(Model):
    """One thing that happened at the desk: when (UTC), who, what, to which record.

    Append-only: never updated or deleted (refused here in the ORM and by database
    triggers). ``detail`` is a reason or a short note, never a visitor's words.
    """

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    occurred_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    action: Mapped[str] = mapped_column(String(40), index=True)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_members.id"))
    target: Mapped[str | None] = mapped_column(String(80))
    detail: Mapped[str | None] = mapped_column(String(500))


class AuditLogIsAppendOnly(Exception):
    """Raised when code tries to change or delete an audit event."""


@event.listens_for(Session, "before_flush")
def _refuse_audit_changes(session: Session, _context, _instances) -> None:
    for obj in list(session.dirty) + list(session.deleted):
        if isinstance(obj, AuditEvent) and (obj in session.deleted or session.is_modified(obj)):
            raise AuditLogIsAppendOnly("audit events cannot be changed or deleted")
