"""Submissions remember a keyed hash of their form's send key: a retry is stored once.

A plain ADD COLUMN and a unique index: no table rebuild, so existing rows, the replies
that refer to them and SQLite's triggers are untouched.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("submissions", sa.Column("send_key_hash", sa.String(length=64), nullable=True))
    op.create_index(
        op.f("ix_submissions_send_key_hash"), "submissions", ["send_key_hash"], unique=True
    )


def downgrade():
    op.drop_index(op.f("ix_submissions_send_key_hash"), table_name="submissions")
    with op.batch_alter_table("submissions") as batch_op:
        batch_op.drop_column("send_key_hash")
