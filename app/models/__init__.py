"""The database models, one module per area; imported here so Alembic sees them all."""

from app.models.accesslog import AccessCount, AccessDay, AccessLogFile, AccessVisitor
from app.models.draft import ContactDraft, ReplyDraft
from app.models.notice import Notice, NoticeTranslation
from app.models.staff import AuditEvent, Reply, StaffMember, StaffSession
from app.models.submission import ContactCounter, ContactWarnedForm, Submission

__all__ = [
    "AccessCount",
    "AccessDay",
    "AccessLogFile",
    "AccessVisitor",
    "AuditEvent",
    "ContactCounter",
    "ContactDraft",
    "ContactWarnedForm",
    "Notice",
    "NoticeTranslation",
    "Reply",
    "ReplyDraft",
    "StaffMember",
    "StaffSession",
    "Submission",
]
