"""The second factor: time-based codes (TOTP, RFC 6238) with a replay guard.

A code is accepted for its own 30-second step and one step either side (clock drift),
and only if its step is later than the last one this member used: a code seen over
someone's shoulder, or replayed from a captured request, is refused.
"""

import hmac
from datetime import datetime

import pyotp
import segno
from markupsafe import Markup
from sqlalchemy import or_, update

from app.extensions import affected_rows, db
from app.models import StaffMember

ISSUER = "Connecticut DRS staff desk"
DRIFT_STEPS = 1


def new_secret() -> str:
    return pyotp.random_base32()


def grouped(secret: str) -> str:
    """The key as people type it: groups of four ("ABCD EFGH …")."""
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def provisioning_uri(secret: str, email: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=email, issuer_name=ISSUER)


def qr_svg(uri: str) -> Markup:
    """The QR code as inline SVG markup: no style attributes, no data: URI (the CSP)."""
    svg = segno.make(uri, error="m").svg_inline(
        scale=5, dark="#000", light="#fff", title="QR code for your authenticator app"
    )
    svg = svg.replace("<svg ", '<svg role="img" aria-labelledby="qr-title" ', 1).replace(
        "<title>", '<title id="qr-title">', 1
    )
    return Markup(svg)  # noqa: S704  (segno's own markup; the URI is escaped by segno)


def normalise_code(code: str | None) -> str:
    return "".join((code or "").split())


def matching_step(secret: str, code: str, now: datetime, last_step: int | None) -> int | None:
    """The time step ``code`` belongs to, if it is right and not used before; else None."""
    code = normalise_code(code)
    if len(code) != 6 or not code.isdigit():
        return None
    totp = pyotp.TOTP(secret)
    current = totp.timecode(now)
    for step in range(current - DRIFT_STEPS, current + DRIFT_STEPS + 1):
        if hmac.compare_digest(totp.generate_otp(step), code):
            if last_step is not None and step <= last_step:
                return None
            return step
    return None


def claim_step(member: StaffMember, step: int) -> bool:
    """Record ``step`` as used, atomically: False if it (or a later one) already was.

    A conditional UPDATE, so two requests racing with the same code on two hosts cannot
    both succeed.
    """
    result = db.session.execute(
        update(StaffMember)
        .where(
            StaffMember.id == member.id,
            or_(StaffMember.totp_last_step.is_(None), StaffMember.totp_last_step < step),
        )
        .values(totp_last_step=step)
        .execution_options(synchronize_session=False)
    )
    if affected_rows(result) != 1:
        return False
    member.totp_last_step = step
    return True
