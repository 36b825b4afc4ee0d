"""Unsent contact messages wait on the server, encrypted, between the form's steps.

A new table only: nothing existing changes. Rows live at most 30 minutes.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "contact_drafts",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("expires_at", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_drafts")),
    )
    op.create_index(
        op.f("ix_contact_drafts_expires_at"), "contact_drafts", ["expires_at"], unique=False
    )


def downgrade():
    op.drop_index(op.f("ix_contact_drafts_expires_at"), table_name="contact_drafts")
    op.drop_table("contact_drafts")
