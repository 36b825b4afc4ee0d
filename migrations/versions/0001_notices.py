"""Site notices, seeded with the two notices that stood above the policy.

Revision ID: 0001
Revises:
Create Date: 2026-11-30
"""

from datetime import date

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    notices = op.create_table(
        "notices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=120), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("link", sa.String(length=60), nullable=True),
        sa.Column("link_text", sa.String(length=120), nullable=True),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notices")),
    )
    op.bulk_insert(
        notices,
        [
            {
                "title": "NEW Highway Use Fee",
                "body": "Registration is now open for certain carriers to register for the "
                "new Connecticut Highway Use Fee.",
                "link": "highway-use-fee",
                "link_text": "More information about the Highway Use Fee",
                "starts_on": date(2022, 10, 1),
                "ends_on": None,
                "position": 1,
            },
            {
                "title": "IMPORTANT INFORMATION",
                "body": "The following tax types are now available in myconneCT: Individual "
                "Income Tax, Attorney Occupational Tax, Unified Gift and Estate Tax, "
                "Controlling Interest Transfer Tax, and Alcoholic Beverage Tax.",
                "link": "myconnect-news",
                "link_text": "The latest information about myconneCT",
                "starts_on": date(2022, 10, 1),
                "ends_on": None,
                "position": 2,
            },
        ],
    )


def downgrade():
    op.drop_table("notices")
