"""Two session cookies: the public side's and the desk's, never the same one.

The desk cookie is sent only to /staff (its path), only on same-site navigation
(SameSite=Strict), never to scripts (HttpOnly), and is signed with its own salt, so a
public cookie can never be replayed as a staff one.
"""

from flask import Flask
from flask.globals import _cv_request
from flask.sessions import SecureCookieSessionInterface

from app import signing

STAFF_PREFIX = "/staff"
STAFF_COOKIE = "drs_staff"


def is_staff_path(path: str) -> bool:
    return path == STAFF_PREFIX or path.startswith(STAFF_PREFIX + "/")


def _staff_request() -> bool:
    # Asked nine times a request (cookie name, path, flags, serializer, twice): worked
    # out once, and read from the request context itself rather than through the
    # `request` proxy.
    context = _cv_request.get(None)
    if context is None:
        return False
    environ = context.request.environ
    staff = environ.get("drs.staff_request")
    if staff is None:
        staff = environ["drs.staff_request"] = is_staff_path(context.request.path)
    return staff


class SiteSessionInterface(SecureCookieSessionInterface):
    """Flask's signed-cookie sessions, with the desk's cookie under /staff."""

    staff_salt = b"drs-staff-session"

    def get_cookie_name(self, app: Flask) -> str:
        return STAFF_COOKIE if _staff_request() else super().get_cookie_name(app)

    def get_cookie_path(self, app: Flask) -> str:
        return STAFF_PREFIX if _staff_request() else super().get_cookie_path(app)

    def get_cookie_samesite(self, app: Flask) -> str | None:
        return "Strict" if _staff_request() else super().get_cookie_samesite(app)

    def get_cookie_httponly(self, app: Flask) -> bool:
        return True if _staff_request() else super().get_cookie_httponly(app)

    def get_cookie_secure(self, app: Flask) -> bool:
        return (
            bool(app.config["SECURE_COOKIES"])
            if _staff_request()
            else super().get_cookie_secure(app)
        )

    def get_signing_serializer(self, app: Flask):
        """Flask's serializer for the cookie (the desk's with its own salt), built once
        per keys and salt instead of twice a request (app/signing.py)."""
        if not app.secret_key:
            return None
        keys = (*(app.config["SECRET_KEY_FALLBACKS"] or ()), app.secret_key)
        return signing.serializer(
            keys,
            self.staff_salt if _staff_request() else self.salt,
            self.serializer,
            self.key_derivation,
        )

    def open_session(self, app: Flask, request):
        # No cookie (most page views): an empty session, without building a serializer.
        if app.secret_key and not request.cookies.get(self.get_cookie_name(app)):
            return self.session_class()
        return super().open_session(app, request)
