"""The staff desk: inbox, a submission, reply, and the admin pages (audit log, notices).

Every URL here needs a signed-in member of staff (app.auth.guard, locked by default).
"""

from flask import Blueprint, Flask

bp = Blueprint("staff", __name__, url_prefix="/staff")

from app.staff import admin, statistics, views  # noqa: E402,F401  (registers the routes)


def init_app(app: Flask) -> None:
    from app.staff import mail

    mail.init_app(app)
    app.register_blueprint(bp)
