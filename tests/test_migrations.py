"""The migrations build the same schema as the models, with the audit triggers, on SQLite and PostgreSQL."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import upgrade

from ethics_hr import MIGRATIONS_DIR, create_app
from ethics_hr.extensions import db

MIGRATIONS = MIGRATIONS_DIR
PG_MIGRATIONS_URL = os.environ.get("ETHICS_HR_TEST_MIGRATIONS_DATABASE_URL", "")


def _migrated_app(url: str, instance: Path):
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "INSTANCE_PATH": str(instance)}, env="testing")
    with app.app_context():
        upgrade(directory=MIGRATIONS)
    return app


def _differences(app) -> list:
    with app.app_context(), db.engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"compare_type": True, "compare_server_default": False}
        )
        return compare_metadata(context, db.metadata)


def _append_only_refuses_changes(app) -> None:
    with app.app_context():
        db.session.execute(
            sa.text(
                "INSERT INTO audit_entry (occurred_at, actor_label, action, entity_type, entity_id, changes, "
                "prev_hash, entry_hash) VALUES (CURRENT_TIMESTAMP, 'x', 'create', 't', '1', '{}', 'a', 'b')"
            )
        )
        db.session.commit()
        for statement in ("UPDATE audit_entry SET actor_label = 'y'", "DELETE FROM audit_entry"):
            with pytest.raises(sa.exc.DatabaseError, match="append-only"):
                db.session.execute(sa.text(statement))
            db.session.rollback()


def test_migrations_on_an_empty_sqlite_file_match_the_models(tmp_path):
    app = _migrated_app(f"sqlite:///{tmp_path / 'migrated.sqlite'}", tmp_path)
    assert _differences(app) == []
    with app.app_context():
        triggers = set(db.session.scalars(sa.text("SELECT name FROM sqlite_master WHERE type = 'trigger'")))
    assert {"audit_entry_no_update", "audit_entry_no_delete"} <= triggers
    _append_only_refuses_changes(app)
    with app.app_context():
        db.engine.dispose()


@pytest.fixture
def empty_postgres():
    if not PG_MIGRATIONS_URL:
        pytest.skip("ETHICS_HR_TEST_MIGRATIONS_DATABASE_URL is not set: migrations not tried on PostgreSQL")
    engine = sa.create_engine(PG_MIGRATIONS_URL)
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP SCHEMA public CASCADE")
        conn.exec_driver_sql("CREATE SCHEMA public")
    engine.dispose()
    return PG_MIGRATIONS_URL


def test_migrations_on_an_empty_postgresql_database_match_the_models(empty_postgres, tmp_path):
    app = _migrated_app(empty_postgres, tmp_path)
    assert _differences(app) == []
    with app.app_context():
        triggers = set(
            db.session.scalars(
                sa.text(
                    "SELECT tgname FROM pg_trigger "
                    "WHERE tgrelid = 'audit_entry'::regclass AND NOT tgisinternal"
                )
            )
        )
    assert "audit_entry_append_only" in triggers
    _append_only_refuses_changes(app)
    with app.app_context():
        db.session.remove()
        db.engine.dispose()
