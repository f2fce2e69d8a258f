"""Migration 0018 on SQLite and PostgreSQL: the acknowledgments keep their rows and stay append-only through
the change of their unique constraint, take renewals, and go back to one row per person and version."""

from __future__ import annotations

import sqlalchemy as sa
from flask_migrate import downgrade, upgrade

from ethics_hr import MIGRATIONS_DIR, create_app
from ethics_hr.extensions import db
from tests.data import demo_rows
from tests.test_migrations import DEMO_ROWS
from tests.test_migrations import empty_database as empty_database  # a fixture
from tests.test_migrations import empty_postgres as empty_postgres  # a fixture


def _refuses(statement: str) -> bool:
    try:
        with db.engine.begin() as conn:
            conn.exec_driver_sql(statement)
    except sa.exc.DatabaseError:
        return True
    return False


def _copy_of_first_acknowledgment(renewal: int | None) -> str:
    columns = (
        "person_id, version_id, content_sha256, statement, locale, acknowledged_at, method, recorded_by_id, "
        "signed_on, note, attachment_id"
    )
    extra = (", renewal", f", {renewal}") if renewal is not None else ("", "")
    return (
        f"INSERT INTO code_acknowledgment ({columns}{extra[0]}) SELECT {columns}{extra[1]} "
        "FROM code_acknowledgment WHERE id = (SELECT min(id) FROM code_acknowledgment)"
    )


def test_0018_keeps_the_acknowledgments_append_only_and_goes_back(empty_database, tmp_path):
    revision, tables = demo_rows.read(DEMO_ROWS)
    app = create_app(
        {"SQLALCHEMY_DATABASE_URI": empty_database, "INSTANCE_PATH": str(tmp_path)}, env="testing"
    )
    with app.app_context():
        upgrade(directory=MIGRATIONS_DIR, revision=revision)
        with db.engine.begin() as conn:
            demo_rows.load(conn, tables)
        upgrade(directory=MIGRATIONS_DIR, revision="0016")
        with db.engine.connect() as conn:
            before = conn.exec_driver_sql("SELECT count(*) FROM code_acknowledgment").scalar()
        assert before == len(tables["code_acknowledgment"]) > 0
        upgrade(directory=MIGRATIONS_DIR, revision="0018")
        with db.engine.connect() as conn:
            renewals = conn.exec_driver_sql(
                "SELECT renewal, count(*) FROM code_acknowledgment GROUP BY renewal"
            )
            assert renewals.all() == [(0, before)]
        assert _refuses("UPDATE code_acknowledgment SET note = 'x'")
        assert _refuses("DELETE FROM code_acknowledgment")
        assert _refuses(_copy_of_first_acknowledgment(0))  # the same renewal twice
        assert not _refuses(_copy_of_first_acknowledgment(1))  # a renewal is a new row
        assert _refuses("UPDATE pledge_signature SET note = 'x'") is False  # no row: nothing to refuse
        downgrade(directory=MIGRATIONS_DIR, revision="0016")
        with db.engine.connect() as conn:
            after = conn.exec_driver_sql("SELECT count(*) FROM code_acknowledgment").scalar()
            names = set(sa.inspect(conn).get_table_names())
        assert after == before and "pledge" not in names and "pledge_signature" not in names
        assert _refuses("UPDATE code_acknowledgment SET note = 'x'")
        assert _refuses(_copy_of_first_acknowledgment(None))  # one row per person and version again
        upgrade(directory=MIGRATIONS_DIR)
        db.session.remove()
        db.engine.dispose()
