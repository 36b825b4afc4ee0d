"""Staff replies wait on the server, encrypted, between the desk's reply steps.

A new table only: nothing existing changes. Rows live at most 30 minutes.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "reply_drafts",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("expires_at", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reply_drafts")),
    )
    op.create_index(
        op.f("ix_reply_drafts_expires_at"), "reply_drafts", ["expires_at"], unique=False
    )


def downgrade():
    op.drop_index(op.f("ix_reply_drafts_expires_at"), table_name="reply_drafts")
    op.drop_table("reply_drafts")
