"""The staff desk: the inbox and its search, a message (masked; reveal for admins), the
reply and its e-mail, status changes, site statistics and keeping messages, and the
admin pages (audit log, site notices).

Every URL here needs a signed-in member of staff (app.auth.guard, locked by default).
"""

from flask import Blueprint, Flask

bp = Blueprint("staff", __name__, url_prefix="/staff")

from app.staff import admin, retention, statistics, views  # noqa: E402,F401  (registers the routes)


def init_app(app: Flask) -> None:
    from app.staff import mail

    mail.init_app(app)
    app.register_blueprint(bp)
