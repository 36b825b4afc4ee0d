"""The write reference for bench/http_bench.py: one form POST, one INSERT, 303.

A minimal Flask + Flask-SQLAlchemy app under the same gunicorn settings as the site and
on the same kind of database, with the site's SQLite settings (WAL, the same busy
timeout): what storing a form's fields costs with nothing else around it — no CSRF, no
validation, no detector, no encryption, no counters, no duplicate-send key. POST
/contact stores name, e-mail, topic and message as one row and answers 303.

The table is made by ``create_table`` (the bench calls it before gunicorn starts, so the
workers never race to create it).
"""

import os

import sqlalchemy as sa
from flask import Flask, redirect, request
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy.orm import Mapped, mapped_column

DATABASE_URL = os.environ.get("DATABASE_URL", "sqlite://")
SQLITE = DATABASE_URL.startswith("sqlite")

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = DATABASE_URL
# The site's engine options: pool_pre_ping everywhere, SQLite's busy timeout.
options: dict = {"pool_pre_ping": True}
if SQLITE:
    options["connect_args"] = {"timeout": int(os.environ.get("SQLITE_BUSY_TIMEOUT") or 5)}
app.config["SQLALCHEMY_ENGINE_OPTIONS"] = options
db = SQLAlchemy(app)


@sa.event.listens_for(sa.engine.Engine, "connect")
def _wal(dbapi_connection, _record) -> None:
    if type(dbapi_connection).__module__.startswith("sqlite3"):
        dbapi_connection.execute("PRAGMA journal_mode=WAL")


class Message(db.Model):
    __tablename__ = "hello_write"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    email: Mapped[str] = mapped_column(sa.String(254))
    topic: Mapped[str] = mapped_column(sa.String(40))
    message: Mapped[str] = mapped_column(sa.Text)


@app.post("/contact")
def send():
    form = request.form
    db.session.add(
        Message(
            name=form.get("name", ""),
            email=form.get("email", ""),
            topic=form.get("topic", ""),
            message=form.get("message", ""),
        )
    )
    db.session.commit()
    return redirect("/contact/sent", 303)


@app.get("/")
def ready() -> str:
    return "ready"


def create_table(url: str) -> None:
    engine = sa.create_engine(url)
    try:
        Message.__table__.create(engine, checkfirst=True)
    finally:
        engine.dispose()


def stored_messages(url: str) -> list[str]:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as connection:
            return list(connection.scalars(sa.select(Message.__table__.c.message)))
    finally:
        engine.dispose()
