"""Access-log statistics: per-day aggregates and how far each host's log is read.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "accesslog_files",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("host", sa.String(length=255), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("position", sa.BigInteger(), nullable=False),
        sa.Column("lines", sa.BigInteger(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_accesslog_files")),
        sa.UniqueConstraint("host", "name", name=op.f("uq_accesslog_files_host")),
    )
    op.create_table(
        "accesslog_days",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("requests", sa.BigInteger(), nullable=False),
        sa.Column("visitors", sa.Integer(), nullable=False),
        sa.Column("bytes_sent", sa.BigInteger(), nullable=False),
        sa.Column("bytes_received", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_accesslog_days")),
    )
    op.create_table(
        "accesslog_counts",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("dimension", sa.String(length=16), nullable=False),
        sa.Column("key", sa.String(length=512), nullable=False),
        sa.Column("hits", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("day", "dimension", "key", name=op.f("pk_accesslog_counts")),
    )
    op.create_table(
        "accesslog_visitors",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("key", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("day", "key", name=op.f("pk_accesslog_visitors")),
    )


def downgrade():
    op.drop_table("accesslog_visitors")
    op.drop_table("accesslog_counts")
    op.drop_table("accesslog_days")
    op.drop_table("accesslog_files")
