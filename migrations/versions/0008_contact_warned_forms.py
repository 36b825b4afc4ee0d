"""A form's warning is counted once: keyed hashes of the forms already counted today.

A new table only: nothing existing changes. Rows are deleted by `flask purge` after a day.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "contact_warned_forms",
        sa.Column("key_hash", sa.String(length=64), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("key_hash", name=op.f("pk_contact_warned_forms")),
    )
    op.create_index(
        op.f("ix_contact_warned_forms_day"), "contact_warned_forms", ["day"], unique=False
    )


def downgrade():
    op.drop_index(op.f("ix_contact_warned_forms_day"), table_name="contact_warned_forms")
    op.drop_table("contact_warned_forms")
