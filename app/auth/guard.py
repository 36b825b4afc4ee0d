"""Locked by default: every URL under /staff needs a signed-in member of staff, except
the short allow-list below. Enforced here, once, for the whole desk (SecureDrop's way),
not by a decorator each view could forget."""

from functools import wraps

from flask import Flask, abort, flash, g, redirect, request, url_for

from app.auth import sessions
from app.auth.cookies import is_staff_path
from app.extensions import WRITE_FIRST, begin, db, read_only_by_default, reset_read_only_by_default
from app.security import no_store

# Endpoints that work signed out: signing in and the first-time set-up of the code app.
OPEN_ENDPOINTS = frozenset({"auth.sign_in", "auth.sign_in_post", "auth.enrol"})

TIMEOUT_MESSAGES = {
    "idle": "You were signed out because you had not used the desk for a while. Sign in again.",
    "expired": "You were signed out because you had been signed in for a long time. Sign in again.",
}


# Dot segments as a browser reads them: "%2e" is a dot to it (the URL Standard).
_DOT = {".", "%2e"}
_DOTDOT = {"..", ".%2e", "%2e.", "%2e%2e"}


def _resolve_dots(path: str) -> str:
    """``path`` with "." and ".." segments resolved as the browser would resolve them
    (RFC 3986 remove_dot_segments): /staff/../../evil is /evil."""
    segments = path.split("/")[1:]
    out: list[str] = []
    for index, segment in enumerate(segments):
        folded = segment.lower()
        last = index == len(segments) - 1
        if folded in _DOT:
            if last:
                out.append("")
        elif folded in _DOTDOT:
            if out:
                out.pop()
            if last:
                out.append("")
        else:
            out.append(segment)
    return "/" + "/".join(out)


def safe_next(target: str | None) -> str | None:
    """A desk page to return to after sign-in, or None: never another site, and never
    a page of this site outside /staff/ (the path is read as the browser would read it,
    dot segments resolved, before it is checked)."""
    if not target or not target.startswith("/") or target.startswith("//"):
        return None
    if "\\" in target or any(ord(ch) < 32 or ord(ch) == 127 for ch in target):
        return None
    path, mark, query = target.partition("?")
    path = path.partition("#")[0]
    # Encoded slashes and backslashes would be read as separators by some servers and
    # browsers and not by others: no desk URL needs them.
    if any(code in path.lower() for code in ("%2f", "%5c")):
        return None
    path = _resolve_dots(path)
    if path.startswith("//") or not is_staff_path(path):
        return None
    return path + mark + query.partition("#")[0]


def _require_staff():
    if not is_staff_path(request.path):
        return None
    # The desk's pages read (on SQLite, snapshots without the write lock) and begin each
    # write themselves, so a visitor's send never waits on a page being read or drawn.
    g.read_only_by_default = read_only_by_default()
    member, reason = sessions.current()
    if reason:
        from app import audit

        staff_id = member.id if member is not None else None
        begin(WRITE_FIRST)
        audit.record("session_expired", staff=staff_id, detail=reason)
        db.session.commit()
        flash(TIMEOUT_MESSAGES[reason], "info")
        member = None
    g.staff = member
    if member is not None or request.endpoint in OPEN_ENDPOINTS:
        return None
    wanted = request.full_path.rstrip("?") if request.method == "GET" else None
    return redirect(url_for("auth.sign_in", next=safe_next(wanted)), 303)


def _back_to_default(_error=None) -> None:
    token = g.pop("read_only_by_default", None)
    if token is not None:
        reset_read_only_by_default(token)


def _no_store_on_desk(response):
    if is_staff_path(request.path):
        no_store(response)
    return response


def admin_required(view):
    """Only admins; readers get a plain 403 page. (Signing in is already required.)"""

    @wraps(view)
    def wrapped(*args, **kwargs):
        member = g.get("staff")
        if member is None or not member.is_admin:
            abort(403)
        return view(*args, **kwargs)

    return wrapped


def init_app(app: Flask) -> None:
    # First of all hooks, so a signed-out request never reaches anything else (not even
    # the CSRF check, which would answer 400 rather than send them to sign in).
    app.before_request_funcs.setdefault(None, []).insert(0, _require_staff)
    app.after_request(_no_store_on_desk)
    app.teardown_request(_back_to_default)
