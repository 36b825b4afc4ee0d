"""The database as an attacker with a copy of it would see it: raw bytes, no keys."""

import subprocess
from pathlib import Path

import sqlalchemy as sa

from app.extensions import db


def raw_database_bytes(app) -> bytes:
    """SQLite: the database file and its WAL. PostgreSQL: a pg_dump of the database."""
    url = sa.engine.make_url(app.config["SQLALCHEMY_DATABASE_URI"])
    with app.app_context():
        db.session.remove()
        db.engine.dispose()  # close connections so SQLite's files are complete
    if url.get_backend_name() == "sqlite":
        path = Path(url.database)
        files = [path, path.with_name(path.name + "-wal")]
        return b"".join(p.read_bytes() for p in files if p.exists())
    plain = url.set(drivername="postgresql").render_as_string(hide_password=False)
    return subprocess.run(
        ["pg_dump", "--no-owner", f"--dbname={plain}"], check=True, capture_output=True
    ).stdout
