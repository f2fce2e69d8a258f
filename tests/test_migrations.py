"""The migrations build the same schema as the models, with the audit triggers, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import upgrade

from ethics_hr import MIGRATIONS_DIR, create_app
from ethics_hr.extensions import db
from tests.conftest import postgres_migrations_url
from tests.data import demo_rows

MIGRATIONS = MIGRATIONS_DIR


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
    url = postgres_migrations_url()
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP SCHEMA public CASCADE")
        conn.exec_driver_sql("CREATE SCHEMA public")
    engine.dispose()
    return url


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


# The demo's rows at the previous head (the newest file: make one with `python -m tests.data.demo_rows`).
DEMO_ROWS = sorted((Path(__file__).resolve().parent / "data").glob("demo_*.json.gz"))[-1]
# Pages a user meets first, read by the administrator and by the personnel officer of the demo.
PAGES = ("/home", "/people/", "/codes/", "/committees/", "/training/", "/plans/", "/questions/", "/reports/")


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_database(request, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'upgraded.sqlite'}"
    return request.getfixturevalue("empty_postgres")


def _keys(conn, table: sa.Table) -> set[tuple]:
    return {tuple(map(str, row)) for row in conn.execute(sa.select(*table.primary_key.columns))}


def test_a_database_holding_the_demo_at_the_previous_head_upgrades_to_head_and_keeps_its_rows(
    empty_database, tmp_path
):
    from ethics_hr.people.models import Person, User

    revision, tables = demo_rows.read(DEMO_ROWS)
    app = create_app(
        {"SQLALCHEMY_DATABASE_URI": empty_database, "INSTANCE_PATH": str(tmp_path)}, env="testing"
    )
    with app.app_context():
        upgrade(directory=MIGRATIONS, revision=revision)
        with db.engine.begin() as conn:
            demo_rows.load(conn, tables)
        upgrade(directory=MIGRATIONS)  # to the head of today, whichever it is
        assert _differences(app) == []
        metadata = sa.MetaData()
        with db.engine.connect() as conn:
            metadata.reflect(conn)
            for name, rows in tables.items():
                table = metadata.tables[name]
                before = {tuple(str(row[c.name]) for c in table.primary_key.columns) for row in rows}
                # A data migration may add rows (missing reference data) but none of the old ones goes.
                assert before <= _keys(conn, table), name

        for email in ("admin@bansuan.go.th", "somsri@bansuan.go.th"):
            user = db.session.scalar(sa.select(User).join(Person).where(Person.email == email))
            client = app.test_client()
            with client.session_transaction() as session:
                session["_user_id"] = user.get_id()
                session["_fresh"] = True
            for url in PAGES:
                response = client.get(url, follow_redirects=True)
                assert response.status_code == 200, (email, url, response.status_code)
        db.session.remove()
        db.engine.dispose()
