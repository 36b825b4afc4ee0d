"""Creating and changing staff accounts (used by `flask staff …`)."""

from email_validator import EmailNotValidError, validate_email
from sqlalchemy import select

from app import audit
from app.auth import passwords, sessions
from app.clock import utcnow
from app.extensions import db
from app.models import StaffMember
from app.models.staff import ROLES


class AccountError(Exception):
    """Something about the request is wrong; the message says what, in words."""


def normalise_email(email: str) -> str:
    try:
        return validate_email(email.strip(), check_deliverability=False).normalized.lower()
    except EmailNotValidError as error:
        raise AccountError(f"That is not an e-mail address: {error}") from None


def find(email: str) -> StaffMember:
    member = db.session.scalar(
        select(StaffMember).where(StaffMember.email == email.strip().lower())
    )
    if member is None:
        raise AccountError(f"No member of staff has the e-mail address {email.strip()}")
    return member


def create(email: str, role: str, password: str) -> StaffMember:
    if role not in ROLES:
        raise AccountError(f"The role must be one of: {', '.join(ROLES)}")
    email = normalise_email(email)
    problem = passwords.password_problem(password)
    if problem:
        raise AccountError(problem)
    if db.session.scalar(select(StaffMember).where(StaffMember.email == email)):
        raise AccountError(f"There is already an account for {email}")
    member = StaffMember(
        email=email,
        role=role,
        password_hash=passwords.hash_password(password),
        mfa_enrolled=False,
        session_version=1,
        active=True,
        created_at=utcnow(),
    )
    db.session.add(member)
    db.session.flush()
    audit.record("account_created", target=email, detail=f"role {role}, by command line")
    db.session.commit()
    return member


def disable(email: str) -> StaffMember:
    member = find(email)
    member.active = False
    sessions.end_all(member)
    audit.record("account_disabled", target=member.email, detail="by command line")
    db.session.commit()
    return member


def reset_mfa(email: str) -> StaffMember:
    """Forget the member's code app: they set up a new one at their next sign-in."""
    member = find(email)
    member.totp_secret = None
    member.mfa_enrolled = False
    member.totp_last_step = None
    sessions.end_all(member)
    audit.record("mfa_reset", target=member.email, detail="by command line")
    db.session.commit()
    return member


def enable(email: str) -> StaffMember:
    member = find(email)
    member.active = True
    audit.record("account_enabled", target=member.email, detail="by command line")
    db.session.commit()
    return member


def reset_password(email: str, password: str) -> StaffMember:
    """A new password (forgotten, or possibly known to someone else): sessions end."""
    member = find(email)
    problem = passwords.password_problem(password)
    if problem:
        raise AccountError(problem)
    member.password_hash = passwords.hash_password(password)
    sessions.end_all(member)
    audit.record("password_reset", target=member.email, detail="by command line")
    db.session.commit()
    return member
