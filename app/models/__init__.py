"""The database models, one module per area; imported here so Alembic sees them all."""

from app.models.notice import Notice

__all__ = ["Notice"]
