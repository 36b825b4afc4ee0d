"""Sign-in in one step (e-mail, password, code), first-time enrolment, sign-out.

Unknown account, wrong password and wrong code get the same answer, take about as long
(a password hash is checked either way) and count towards the same lock.
"""

import time

from flask import current_app, flash, g, redirect, render_template, request, session, url_for
from flask_wtf.csrf import CSRFError
from sqlalchemy import select

from app import audit
from app.auth import bp, passwords, sessions, throttle, totp
from app.auth.forms import EnrolForm, SignInForm
from app.auth.guard import safe_next
from app.clock import utcnow
from app.extensions import WRITE_FIRST, begin, db
from app.models import StaffMember

NOT_RIGHT = "The e-mail address, password or security code is not right"
ENROL_KEY = "enrol"
ENROL_SECONDS = 600


def _client() -> str:
    return request.remote_addr or "unknown"


def _find(email: str) -> StaffMember | None:
    return db.session.scalar(select(StaffMember).where(StaffMember.email == email))


def _sign_in_page(form: SignInForm, status: int = 200, errors=None, locked=False):
    if errors is None:
        errors = [
            (field.id, field.errors[0]) for field in (form.email, form.password) if field.errors
        ]
    return (
        render_template(
            "auth/sign_in.html",
            form=form,
            errors=errors,
            locked=locked,
            lockout_minutes=throttle.lockout_minutes(),
            next=safe_next(request.values.get("next")),
        ),
        status,
    )


def _new_hash(member: StaffMember, password: str) -> str | None:
    """The password hashed anew when its hash has outdated settings (hashed before the
    write begins: not while SQLite's write lock is held)."""
    if passwords.needs_rehash(member.password_hash):
        return passwords.hash_password(password)
    return None


def _rehash(member: StaffMember, new_hash: str | None) -> None:
    if new_hash is not None:
        member.password_hash = new_hash


def _after_sign_in():
    return redirect(safe_next(request.form.get("next")) or url_for("staff.inbox"), 303)


@bp.get("/sign-in")
def sign_in():
    if g.get("staff") is not None:
        return redirect(url_for("staff.inbox"), 303)
    return _sign_in_page(SignInForm(formdata=None))


@bp.post("/sign-in")
def sign_in_post():
    form = SignInForm()
    if not form.validate():
        return _sign_in_page(form)

    email = form.email.data.strip().lower()
    password = form.password.data
    code = totp.normalise_code(form.code.data)
    client = _client()
    member = _find(email)
    known = member if member is not None and member.active else None

    if throttle.is_locked(email, client):
        begin(WRITE_FIRST)  # the reads above end; the audit record alone is the write
        audit.record("sign_in_failed", staff=known, detail="while locked")
        db.session.commit()
        return _sign_in_page(SignInForm(formdata=None), 429, errors=[], locked=True)

    password_ok = passwords.verify_password(known.password_hash if known else None, password)

    if password_ok and known is not None and not known.mfa_enrolled and not code:
        return _start_enrolment(known, password)

    step = None
    if password_ok and known is not None and known.mfa_enrolled and known.totp_secret:
        step = totp.matching_step(known.totp_secret, code, utcnow(), known.totp_last_step)
    new_hash = _new_hash(known, password) if step is not None and known is not None else None
    # The reads above end here. The write begins with the claim of the code's step (a
    # conditional UPDATE: atomic on its own) or, refused, with the audit record.
    begin(WRITE_FIRST)
    if known is None or step is None or not totp.claim_step(known, step):
        return _refuse(form, email, client, known, member, password_ok)

    _rehash(known, new_hash)
    throttle.clear_account(email)
    sessions.begin(known)
    audit.record("sign_in", staff=known)
    db.session.commit()
    return _after_sign_in()


@bp.errorhandler(CSRFError)
def _timed_out(_error):
    """A sign-in or set-up page left open too long: start again, in words, not a 400."""
    flash("This page timed out. Sign in again.", "info")
    return redirect(url_for("auth.sign_in"), 303)


def _refuse(form, email, client, known, member, password_ok):
    if known is None:
        detail = "account disabled" if member is not None else "unknown account"
    else:
        detail = "wrong security code" if password_ok else "wrong password"
    audit.record("sign_in_failed", staff=member, detail=detail)
    account_locked, client_locked = throttle.record_failure(email, client)
    if account_locked:
        audit.record("locked_out", staff=member, detail=None if member else "unknown account")
    if client_locked:
        # The address is not kept: the event says that it happened, and when.
        audit.record("locked_out", detail="too many attempts from one client address")
    db.session.commit()
    if account_locked or client_locked:
        return _sign_in_page(SignInForm(formdata=None), 429, errors=[], locked=True)
    form.password.data = ""
    form.code.data = ""
    return _sign_in_page(form, errors=[("email", NOT_RIGHT)])


def _start_enrolment(member: StaffMember, password: str):
    """Right e-mail and password, no code app yet: on to set one up (a new key each time
    until it is confirmed)."""
    secret, new_hash = totp.new_secret(), _new_hash(member, password)
    begin(WRITE_FIRST)
    member.totp_secret = secret
    _rehash(member, new_hash)
    db.session.commit()
    session.clear()
    session[ENROL_KEY] = {"id": member.id, "v": member.session_version, "at": int(time.time())}
    return redirect(url_for("auth.enrol"), 303)


def _enrolling() -> tuple[StaffMember, str] | None:
    """The member setting up their code app, and the key they are confirming."""
    data = session.get(ENROL_KEY)
    if not isinstance(data, dict) or not isinstance(data.get("id"), int):
        return None
    member = db.session.get(StaffMember, data["id"])
    if (
        member is None
        or not member.active
        or member.mfa_enrolled
        or member.totp_secret is None
        or data.get("v") != member.session_version
        or time.time() - data.get("at", 0) > ENROL_SECONDS
    ):
        session.pop(ENROL_KEY, None)
        return None
    return member, member.totp_secret


def _enrol_page(member: StaffMember, secret: str, form: EnrolForm, status: int = 200):
    errors = [("code", form.code.errors[0])] if form.code.errors else []
    uri = totp.provisioning_uri(secret, member.email)
    return (
        render_template(
            "auth/enrol.html",
            form=form,
            errors=errors,
            qr=totp.qr_svg(uri),
            key=totp.grouped(secret),
            issuer=totp.ISSUER,
            email=member.email,
        ),
        status,
    )


@bp.route("/sign-in/set-up", methods=["GET", "POST"])
def enrol():
    enrolling = _enrolling()
    if enrolling is None:
        flash("Sign in with your e-mail address and password to set up your code app.", "info")
        return redirect(url_for("auth.sign_in"), 303)
    member, secret = enrolling
    form = EnrolForm()
    if request.method == "GET":
        return _enrol_page(member, secret, EnrolForm(formdata=None))
    if not form.validate():
        return _enrol_page(member, secret, form)
    client = _client()
    if throttle.is_locked(member.email, client):
        session.pop(ENROL_KEY, None)
        return _sign_in_page(SignInForm(formdata=None), 429, errors=[], locked=True)
    step = totp.matching_step(secret, form.code.data, utcnow(), member.totp_last_step)
    begin(WRITE_FIRST)  # as at sign-in: the claim, or the refusal's audit record
    if step is None or not totp.claim_step(member, step):
        throttle.record_failure(member.email, client)
        audit.record("sign_in_failed", staff=member, detail="wrong code at set-up")
        db.session.commit()
        form.code.errors = [
            "That code is not right. Check the time on your phone is correct, "
            "then enter the newest code"
        ]
        return _enrol_page(member, secret, form)
    member.mfa_enrolled = True
    throttle.clear_account(member.email)
    sessions.begin(member)
    audit.record("enrolled", staff=member)
    audit.record("sign_in", staff=member)
    db.session.commit()
    flash("Your code app is set up. Use a new code from it each time you sign in.", "success")
    return redirect(url_for("staff.inbox"), 303)


@bp.get("/account")
def account():
    return render_template("auth/account.html", member=g.staff)


@bp.post("/sign-out")
def sign_out():
    member_id = g.staff.id
    sessions.end()
    begin(WRITE_FIRST)  # (begun already if end() had a session row to end)
    audit.record("sign_out", staff=member_id)
    db.session.commit()
    flash("You have signed out.", "success")
    return redirect(url_for("auth.sign_in"), 303)


@bp.post("/sign-out-everywhere")
def sign_out_everywhere():
    member = g.staff
    member_id = member.id  # (loaded now: the write below begins with its UPDATE)
    sessions.end_all(member)
    session.clear()
    audit.record("sign_out_everywhere", staff=member_id)
    db.session.commit()
    flash("You have signed out on every device.", "success")
    current_app.logger.info("Staff member %s signed out everywhere", member_id)
    return redirect(url_for("auth.sign_in"), 303)
