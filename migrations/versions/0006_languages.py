"""Languages: notices gain their text in other languages; a submission its language.

`notice_translations` holds a notice's optional title, text and link text per language
(the two seeded notices get their Spanish). `submissions.language` records the language
of the page a message was sent from; every existing message was sent in English.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

SEEDED_SPANISH = {
    "NEW Highway Use Fee": {
        "title": "NUEVO Cargo por Uso de Carreteras",
        "body": "Ya está abierta la inscripción de ciertos transportistas para el nuevo "
        "Cargo por Uso de Carreteras (Highway Use Fee) de Connecticut.",
        "link_text": "Más información sobre el Cargo por Uso de Carreteras",
    },
    "IMPORTANT INFORMATION": {
        "title": "INFORMACIÓN IMPORTANTE",
        "body": "Los siguientes impuestos ya están disponibles en myconneCT: impuesto sobre "
        "la renta personal, impuesto ocupacional de abogados, impuesto unificado sobre "
        "donaciones y sucesiones, impuesto sobre la transferencia de participaciones de "
        "control e impuesto sobre bebidas alcohólicas.",
        "link_text": "La información más reciente sobre myconneCT",
    },
}


def upgrade():
    translations = op.create_table(
        "notice_translations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("notice_id", sa.Integer(), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("title", sa.String(length=120), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("link_text", sa.String(length=120), nullable=True),
        sa.ForeignKeyConstraint(
            ["notice_id"],
            ["notices.id"],
            name=op.f("fk_notice_translations_notice_id_notices"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notice_translations")),
        sa.UniqueConstraint("notice_id", "language", name="uq_notice_translations_language"),
    )
    op.create_index(op.f("ix_notice_translations_notice_id"), "notice_translations", ["notice_id"])
    notices = sa.table("notices", sa.column("id", sa.Integer), sa.column("title", sa.String))
    rows = op.get_bind().execute(sa.select(notices.c.id, notices.c.title)).all()
    op.bulk_insert(
        translations,
        [
            {"notice_id": id_, "language": "es", **SEEDED_SPANISH[title]}
            for id_, title in rows
            if title in SEEDED_SPANISH
        ],
    )

    # A plain ADD COLUMN with a constant default: no table rebuild (see 0005).
    op.add_column(
        "submissions",
        sa.Column("language", sa.String(length=8), server_default="en", nullable=False),
    )
    op.create_index(op.f("ix_submissions_language"), "submissions", ["language"])


def downgrade():
    op.drop_index(op.f("ix_submissions_language"), table_name="submissions")
    with op.batch_alter_table("submissions") as batch_op:
        batch_op.drop_column("language")
    op.drop_index(op.f("ix_notice_translations_notice_id"), table_name="notice_translations")
    op.drop_table("notice_translations")
