"""Migrations 0022, 0023 and 0027 on SQLite and PostgreSQL: the counts they work out from the rows already
there (the demo's people, pledge signatures, declarations and decisions, the outcome's sums) are the ones the
app kept while the demo was loaded."""

from __future__ import annotations

import sqlalchemy as sa
from flask_migrate import downgrade, upgrade

from ethics_hr import MIGRATIONS_DIR, create_app
from ethics_hr.conflicts.models import DeclarationTally, WaitingDeclaration
from ethics_hr.demo.loader import load_demo
from ethics_hr.extensions import db
from ethics_hr.learning.models import OutcomeTally
from ethics_hr.people.models import GroupTally, Headcount
from tests.test_migrations import empty_database as empty_database  # a fixture
from tests.test_migrations import empty_postgres as empty_postgres  # a fixture


def _counts() -> dict[str, set[tuple]]:
    return {
        model.__tablename__: {tuple(row) for row in db.session.execute(sa.select(model.__table__)) if row[-1]}
        for model in (Headcount, GroupTally, DeclarationTally, WaitingDeclaration)
    }


def _outcome() -> set[tuple]:
    return {tuple(row) for row in db.session.execute(sa.select(OutcomeTally.__table__))}


def test_0022_and_0023_work_out_the_counts_the_app_keeps(empty_database, tmp_path):
    app = create_app(
        {"SQLALCHEMY_DATABASE_URI": empty_database, "INSTANCE_PATH": str(tmp_path)}, env="testing"
    )
    with app.app_context():
        upgrade(directory=MIGRATIONS_DIR)
        load_demo()
        db.session.commit()
        kept = _counts()
        subjects = {row[0] for row in kept["group_tally"]}
        assert kept["headcount"] and subjects == {"pledge", "annual_declaration"}
        assert kept["conflict_tally"] and kept["conflict_waiting"]
        # 0027 adds the year's outcome up per topic, department, category and in all, as the app keeps it.
        outcome = _outcome()
        rows = {row for row in outcome if "*" not in row[:3] and -1 not in row[3:5]}
        assert rows and len(outcome) > len(rows)
        db.session.remove()
        downgrade(directory=MIGRATIONS_DIR, revision="0026")
        assert _outcome() == rows
        db.session.remove()
        upgrade(directory=MIGRATIONS_DIR)
        assert _outcome() == outcome
        db.session.remove()
        downgrade(directory=MIGRATIONS_DIR, revision="0021")
        upgrade(directory=MIGRATIONS_DIR)
        assert _counts() == kept
        db.session.remove()
        db.engine.dispose()
