"""The notices shown above every public page."""

from flask import current_app
from sqlalchemy.exc import SQLAlchemyError

from app.clock import today
from app.extensions import db
from app.models import Notice


def current_notices() -> list[Notice]:
    """Today's notices; none if the database cannot be read.

    A page such as the privacy policy needs no database, so an outage must not take it
    down: the notices are left out and the failure is logged by type.
    """
    try:
        return Notice.current(today())
    except SQLAlchemyError as error:
        db.session.rollback()
        current_app.logger.warning("Notices not shown: %s", type(error).__name__)
        return []
