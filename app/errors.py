"""Error pages in the site's look, in plain words, without internals."""

from flask import Flask, g, render_template
from flask_babel import format_decimal
from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import SQLAlchemyError
from werkzeug.exceptions import HTTPException, MethodNotAllowed

from app.extensions import db
from app.models.submission import MESSAGE_MAX

# What each error means to a visitor, and what they can do about it.
MESSAGES = {
    400: (_l("Sorry, there is a problem with that request"), _l("Go back and try again.")),
    403: (_l("You cannot see this page"), _l("If you followed a link on our site, tell us.")),
    404: (
        _l("Page not found"),
        _l(
            "If you typed the web address, check it is correct. "
            "If you pasted the web address, check you copied the entire address."
        ),
    ),
    405: (
        _l("Sorry, that did not work"),
        _l("This page cannot be used that way. Go back and try again."),
    ),
    413: (
        _l("What you sent is too large"),
        _l(
            "Messages can be up to %(count)s characters. "
            "Go back, shorten your message and send it again."
        ),
    ),
    429: (_l("Too many requests"), _l("Please wait a few minutes and try again.")),
    500: (
        _l("Sorry, there is a problem with the service"),
        _l("Try again later. Nothing you typed has been stored."),
    ),
    503: (
        _l("Sorry, the service is unavailable"),
        _l("Try again in a few minutes."),
    ),
}


def render_error(code: int):
    heading, advice = MESSAGES.get(code, MESSAGES[500] if code >= 500 else MESSAGES[400])
    g.error_page = True  # its language links go to the home pages, not to this URL
    advice = advice % {"count": format_decimal(MESSAGE_MAX)} if code == 413 else str(advice)
    return render_template("errors/error.html", code=code, heading=heading, advice=advice), code


def init_app(app: Flask) -> None:
    @app.errorhandler(HTTPException)
    def _http_error(error: HTTPException):
        response = render_error(error.code or 500)
        if isinstance(error, MethodNotAllowed) and error.valid_methods:
            return response[0], response[1], {"Allow": ", ".join(error.valid_methods)}
        return response

    @app.errorhandler(SQLAlchemyError)
    def _database_error(error):
        # The database is unreachable or refused: a plain 503, and the site recovers by
        # itself when it returns (pool_pre_ping replaces dead connections).
        db.session.rollback()
        app.logger.warning("Database error: %s", type(error).__name__)
        return render_error(503)
