"""Contact submissions (content encrypted) and the contact form's daily counters.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "submissions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(length=16), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("topic", sa.String(length=40), nullable=False),
        sa.Column("name", sa.Text(), nullable=True),
        sa.Column("email", sa.Text(), nullable=True),
        sa.Column("message", sa.Text(), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("identifier_choice", sa.String(length=20), nullable=False),
        sa.Column("identifier_kinds", sa.String(length=80), nullable=False),
        sa.Column("has_identifiers", sa.Boolean(), nullable=False),
        sa.Column("replied_on", sa.Date(), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("purged_on", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_submissions")),
        sa.UniqueConstraint("reference", name=op.f("uq_submissions_reference")),
    )
    with op.batch_alter_table("submissions") as batch_op:
        batch_op.create_index(batch_op.f("ix_submissions_received_on"), ["received_on"])
        batch_op.create_index(batch_op.f("ix_submissions_status"), ["status"])
        batch_op.create_index(batch_op.f("ix_submissions_has_identifiers"), ["has_identifiers"])

    op.create_table(
        "contact_counters",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("event", sa.String(length=20), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_counters")),
        sa.UniqueConstraint("day", "event", "kind", name="uq_contact_counters_key"),
    )


def downgrade():
    op.drop_table("contact_counters")
    with op.batch_alter_table("submissions") as batch_op:
        batch_op.drop_index(batch_op.f("ix_submissions_has_identifiers"))
        batch_op.drop_index(batch_op.f("ix_submissions_status"))
        batch_op.drop_index(batch_op.f("ix_submissions_received_on"))
    op.drop_table("submissions")
