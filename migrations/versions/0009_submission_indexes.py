"""Submissions keep only the indexes a query needs: status, has_identifiers and language go.

Every index is written by every send: on SQLite each one is at least one more page in
the WAL at each commit, while the send holds the one write lock (bench/README.md, "What
a send costs": 9.9 pages a send with the six indexes, 6.7 with these three gone). These
three have two or three values each and serve no query that needs them: the desk's
inbox reads every message of the filter anyway (it sorts by date and searches the
decrypted text in Python), and the purge runs once a day. The unique indexes
(reference, send-key hash: a message is stored once) and the date's (the inbox's
order, the purge, the daily counts) stay.

Dropping an index touches no row: no table rebuild on SQLite.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01
"""

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

DROPPED = {
    "ix_submissions_status": "status",
    "ix_submissions_has_identifiers": "has_identifiers",
    "ix_submissions_language": "language",
}


def upgrade():
    for name in DROPPED:
        op.drop_index(name, table_name="submissions")


def downgrade():
    for name, column in DROPPED.items():
        op.create_index(name, "submissions", [column])
