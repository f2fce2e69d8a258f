"""Migration 0017 on SQLite and PostgreSQL: the categories there, the evidence append-only, and back."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from flask_migrate import downgrade, upgrade

from ethics_hr import MIGRATIONS_DIR, create_app
from ethics_hr.conflicts.reference import CATEGORIES
from ethics_hr.extensions import db
from tests.conftest import postgres_migrations_url


@pytest.fixture(params=["sqlite", "postgresql"])
def fresh_app(request, tmp_path):
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'fresh.sqlite'}"
    else:
        url = postgres_migrations_url()
        engine = sa.create_engine(url)
        with engine.begin() as conn:
            conn.exec_driver_sql("DROP SCHEMA public CASCADE")
            conn.exec_driver_sql("CREATE SCHEMA public")
        engine.dispose()
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "INSTANCE_PATH": str(tmp_path)}, env="testing")
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


def test_the_migration_ships_the_categories_guards_the_evidence_and_goes_back(fresh_app):
    with fresh_app.app_context():
        upgrade(directory=MIGRATIONS_DIR, revision="0017")
        codes = set(db.session.scalars(sa.text("SELECT code FROM conflict_interest_category")))
        assert codes == {code for code, *_ in CATEGORIES}
        if db.engine.dialect.name == "sqlite":
            triggers = "SELECT tbl_name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_no_update'"
        else:
            triggers = "SELECT tgrelid::regclass::text FROM pg_trigger WHERE tgname LIKE '%_append_only'"
        guarded = set(db.session.scalars(sa.text(triggers)))
        assert {"conflict_declaration", "conflict_interest", "conflict_decision"} <= guarded
        db.session.rollback()
        downgrade(directory=MIGRATIONS_DIR, revision="0016")
        names = set(sa.inspect(db.engine).get_table_names())
        assert not {n for n in names if n.startswith("conflict_")} and "gift" in names
