"""Error pages in the site's look, in plain words, without internals."""

from flask import Flask, render_template
from sqlalchemy.exc import SQLAlchemyError
from werkzeug.exceptions import HTTPException, MethodNotAllowed

from app.extensions import db

# What each error means to a visitor, and what they can do about it.
MESSAGES = {
    400: ("Sorry, there is a problem with that request", "Go back and try again."),
    403: ("You cannot see this page", "If you followed a link on our site, tell us."),
    404: (
        "Page not found",
        "If you typed the web address, check it is correct. "
        "If you pasted the web address, check you copied the entire address.",
    ),
    405: ("Sorry, that did not work", "This page cannot be used that way. Go back and try again."),
    413: (
        "What you sent is too large",
        "Messages can be up to 5,000 characters. Go back, shorten your message and send it again.",
    ),
    429: ("Too many requests", "Please wait a few minutes and try again."),
    500: (
        "Sorry, there is a problem with the service",
        "Try again later. Nothing you typed has been stored.",
    ),
    503: (
        "Sorry, the service is unavailable",
        "Try again in a few minutes.",
    ),
}


def render_error(code: int):
    heading, advice = MESSAGES.get(code, MESSAGES[500] if code >= 500 else MESSAGES[400])
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
