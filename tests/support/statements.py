"""What the app's engine runs, recorded: the statements a request costs, and how its
transactions begin and end (tests/contact/test_send_cost.py,
tests/staff/test_desk_transactions.py)."""

from sqlalchemy import event

from app.extensions import db

WRITES = ("INSERT", "UPDATE", "DELETE")
ENDS = ("commit", "rollback")


def is_sqlite(app) -> bool:
    return app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite")


class Statements:
    """Every statement (its first three words) and transaction end the app's engine sees
    while recording, in order. On PostgreSQL the driver sends BEGIN itself, unseen here."""

    def __init__(self, app):
        with app.app_context():
            self.engine = db.engine
        self.stream: list[str] = []

    def _statement(self, _conn, _cursor, statement, *_args):
        self.stream.append(" ".join(statement.split()[:3]))

    def _commit(self, _conn):
        self.stream.append("commit")

    def _rollback(self, _conn):
        self.stream.append("rollback")

    def __enter__(self):
        event.listen(self.engine, "before_cursor_execute", self._statement)
        event.listen(self.engine, "commit", self._commit)
        event.listen(self.engine, "rollback", self._rollback)
        return self

    def __exit__(self, *exc):
        event.remove(self.engine, "before_cursor_execute", self._statement)
        event.remove(self.engine, "commit", self._commit)
        event.remove(self.engine, "rollback", self._rollback)

    @property
    def sql(self) -> list[str]:
        """The statements, BEGIN left out."""
        return [s for s in self.stream if s not in ENDS and not s.startswith("BEGIN")]

    @property
    def begins(self) -> list[str]:
        return [s for s in self.stream if s.startswith("BEGIN")]

    @property
    def ends(self) -> list[str]:
        return [s for s in self.stream if s in ENDS]

    @property
    def all(self) -> list[list[str]]:
        """Cut into transactions: each a list of its statements (its BEGIN too, on
        SQLite) ending "commit" or "rollback"."""
        found, current = [], []
        for item in self.stream:
            current.append(item)
            if item in ENDS:
                found.append(current)
                current = []
        return found + ([current] if current else [])

    @property
    def writing(self) -> list[list[str]]:
        return [t for t in self.all if any(s.startswith(WRITES) for s in t)]
