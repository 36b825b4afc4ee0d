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
