"""Staff sign-in: accounts, passwords (argon2id), codes (TOTP), throttling, sessions.

from app.auth import admin_required   # on desk views only admins may use
"""

from flask import Blueprint, Flask

bp = Blueprint("auth", __name__, url_prefix="/staff")

from app.auth import views  # noqa: E402,F401  (registers the routes)
from app.auth.guard import admin_required  # noqa: E402


def init_app(app: Flask) -> None:
    """The desk's cookie, the sign-in throttle, the lock on /staff, and the routes."""
    from app.auth import guard, throttle
    from app.auth.cookies import SiteSessionInterface

    app.session_interface = SiteSessionInterface()
    throttle.init_app(app)
    guard.init_app(app)
    app.register_blueprint(bp)


__all__ = ["admin_required", "bp", "init_app"]
