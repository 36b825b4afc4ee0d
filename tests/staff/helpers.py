"""Making submissions for the desk tests the way the contact form stores them."""

from app.contact.service import store_submission
from app.extensions import db
from app.models import AuditEvent

SSN = "219-56-7788"


def submission(app, message="When is the sales tax holiday?", **fields) -> str:
    """Store a submission through the contact service; returns its reference."""
    values = {
        "topic": "general",
        "name": "Pat Visitor",
        "email": "pat@example.com",
        "choice": "none",
        "kinds": [],
    }
    values.update(fields)
    with app.app_context():
        return store_submission(message=message, **values).reference


def audit(app) -> list[tuple[str, int | None, str | None, str | None]]:
    with app.app_context():
        return [
            (e.action, e.staff_id, e.target, e.detail)
            for e in db.session.scalars(db.select(AuditEvent).order_by(AuditEvent.id))
        ]
