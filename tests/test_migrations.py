"""The migrations build exactly the schema the models describe, and go down again."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade

from app.extensions import db


def test_migrated_schema_equals_the_models(app):
    with app.app_context(), db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, db.metadata)
    assert differences == []


def test_migrations_downgrade_to_empty_and_up_again(app):
    with app.app_context():
        downgrade(revision="base")
        tables = set(db.inspect(db.engine).get_table_names()) - {"alembic_version"}
        assert tables == set()
        upgrade()
        assert "notices" in db.inspect(db.engine).get_table_names()


def test_notices_are_seeded(app):
    from app.models import Notice

    with app.app_context():
        titles = [n.title for n in db.session.scalars(db.select(Notice).order_by(Notice.position))]
    assert titles == ["NEW Highway Use Fee", "IMPORTANT INFORMATION"]


def _submission_indexes() -> dict[str, tuple[list[str], bool]]:
    inspector = db.inspect(db.engine)
    found = {
        ix["name"]: (ix["column_names"], bool(ix["unique"]))
        for ix in inspector.get_indexes("submissions")
    }
    # The reference's unique constraint is an index on SQLite, a constraint on PostgreSQL.
    for constraint in inspector.get_unique_constraints("submissions"):
        found.setdefault(constraint["name"], (constraint["column_names"], True))
    return found


LOW_CARDINALITY = {
    "ix_submissions_status": (["status"], False),
    "ix_submissions_has_identifiers": (["has_identifiers"], False),
    "ix_submissions_language": (["language"], False),
}


def test_submissions_keep_only_the_indexes_their_queries_need(app):
    """Every index is written by every send (0009): the unique ones and the date's stay."""
    with app.app_context():
        indexes = _submission_indexes()
    assert sorted(indexes.values()) == [
        (["received_on"], False),
        (["reference"], True),
        (["send_key_hash"], True),
    ]


def test_0009_drops_three_indexes_and_its_downgrade_restores_them(app):
    with app.app_context():
        db.session.execute(
            db.text(
                "INSERT INTO submissions (id, reference, received_on, topic, status,"
                " identifier_choice, identifier_kinds, has_identifiers, language)"
                " VALUES (7, 'DRS-2345-6789', '2026-12-01', 'general', 'new', 'none', '',"
                " false, 'es')"
            )
        )
        db.session.commit()
        downgrade(revision="0008")
        assert LOW_CARDINALITY.items() <= _submission_indexes().items()
        upgrade()
        assert not LOW_CARDINALITY.keys() & _submission_indexes().keys()
        row = db.session.execute(db.text("SELECT reference, language FROM submissions")).one()
        assert tuple(row) == ("DRS-2345-6789", "es")
