"""/healthz: for load balancers and monitors. 200 when the database answers, else 503."""

from flask import Flask, Response, current_app
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from app.extensions import db
from app.security import no_store


def init_app(app: Flask) -> None:
    @app.get("/healthz")
    def healthz():
        try:
            db.session.execute(text("SELECT 1"))
            db.session.rollback()
        except SQLAlchemyError as error:
            db.session.rollback()
            current_app.logger.warning("Health check failed: %s", type(error).__name__)
            return no_store(Response("database unavailable", 503, mimetype="text/plain"))
        return no_store(Response("ok", 200, mimetype="text/plain"))
