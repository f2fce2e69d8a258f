"""A fresh `flask db upgrade` holds every reference list, and the demo loads on such a database, once."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from flask_migrate import upgrade

from ethics_hr import create_app
from ethics_hr.conflicts.models import InterestCategory
from ethics_hr.conflicts.reference import CATEGORIES as INTEREST_CATEGORIES
from ethics_hr.extensions import db
from ethics_hr.people.models import StaffCategory
from ethics_hr.people.reference import STAFF_CATEGORIES
from ethics_hr.plans.models import PlanArea
from ethics_hr.plans.reference import AREAS
from ethics_hr.questions.models import QuestionCategory
from ethics_hr.questions.reference import CATEGORIES
from ethics_hr.reports import ita
from ethics_hr.training.models import AttendanceStatus, CourseTopic
from ethics_hr.training.reference import STATUSES, TOPICS
from tests.conftest import postgres_migrations_url

REFERENCE_DATA_REVISION = "0010"


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_database(request, tmp_path) -> str:
    """The address of an empty database: a new SQLite file, or the PostgreSQL migrations database emptied."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'empty.sqlite'}"
    url = postgres_migrations_url()
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP SCHEMA public CASCADE")
        conn.exec_driver_sql("CREATE SCHEMA public")
    engine.dispose()
    return url


@pytest.fixture
def fresh_app(empty_database, tmp_path):
    app = create_app(
        {"SQLALCHEMY_DATABASE_URI": empty_database, "INSTANCE_PATH": str(tmp_path)}, env="testing"
    )
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


def _codes(model) -> set[str]:
    return set(db.session.scalars(sa.select(model.code)))


def test_a_fresh_upgrade_holds_all_reference_data(fresh_app):
    with fresh_app.app_context():
        upgrade()
        assert _codes(StaffCategory) == {code for code, *_ in STAFF_CATEGORIES}
        assert _codes(PlanArea) == {code for code, *_ in AREAS}
        assert _codes(QuestionCategory) == {code for code, *_ in CATEGORIES}
        assert _codes(InterestCategory) == {code for code, *_ in INTEREST_CATEGORIES}
        assert _codes(CourseTopic) == {code for code, *_ in TOPICS}
        assert _codes(AttendanceStatus) == {code for code, *_ in STATUSES}
        for year in ita.shipped_years():
            shipped = ita.read_shipped(year)
            assert [i.key for i in ita.items_of(year)] == [i["key"] for i in shipped]
            assert [i.topic_list for i in ita.items_of(year)] == [i["topics"] for i in shipped]
            assert [i.reconstructed for i in ita.items_of(year)] == [i["reconstructed"] for i in shipped]
            assert ita.catalogue_of(year).source_en == ita.shipped_source(year)[1]
        hours = {s.code: s.hours_factor for s in db.session.scalars(sa.select(AttendanceStatus))}
        assert hours == {code: factor for code, _th, _en, factor in STATUSES}
        ethics = {t.code for t in db.session.scalars(sa.select(CourseTopic).where(CourseTopic.is_ethics))}
        assert ethics == {code for code, _th, _en, is_ethics in TOPICS if is_ethics}


def test_the_reference_migration_leaves_rows_already_there_untouched(fresh_app):
    with fresh_app.app_context():
        upgrade(revision=f"{REFERENCE_DATA_REVISION}-1")
        db.session.add(StaffCategory(code="executive", name_th="ผู้บริหาร (แก้ไขแล้ว)", name_en="", sort_order=9))
        db.session.add(StaffCategory(code="volunteer", name_th="อาสาสมัคร", name_en="", sort_order=8))
        # Written as SQL: the model knows columns that later revisions add.
        db.session.execute(
            sa.text(
                "INSERT INTO ita_item (assessment_year, key, parent_key, position, title_th, title_en,"
                ' description_th, description_en, fiscal_year_offset, page, "check",'
                " created_at, updated_at)"
                " VALUES (2568, 'O99', '', 1, 'ข้อของผู้ดูแลระบบ', '', '', '', 0, 'plan', '',"
                " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
            )
        )
        db.session.commit()
        upgrade()
        edited = db.session.scalar(sa.select(StaffCategory).where(StaffCategory.code == "executive"))
        assert (edited.name_th, edited.sort_order) == ("ผู้บริหาร (แก้ไขแล้ว)", 9)
        assert "volunteer" in _codes(StaffCategory)
        assert _codes(StaffCategory) >= {code for code, *_ in STAFF_CATEGORIES}
        # The administrator's own 2568 catalogue is theirs: the shipped one is not merged into it.
        assert [i.key for i in ita.items_of(2568)] == ["O99"]
        assert ita.items_of(2568)[0].topics == "" and ita.catalogue_of(2568) is None
        # The years the administrator had not listed arrive with the later revision's lists.
        for year in (2566, 2567, 2569):
            assert [i.key for i in ita.items_of(year)] == [i["key"] for i in ita.read_shipped(year)]
            assert ita.catalogue_of(year).source_th == ita.shipped_source(year)[0]


def _table_counts() -> dict[str, int]:
    return {
        table.name: db.session.scalar(sa.select(sa.func.count()).select_from(table))
        for table in db.metadata.sorted_tables
    }


def test_the_demo_loads_on_a_freshly_migrated_database_and_a_second_run_changes_nothing(fresh_app):
    runner = fresh_app.test_cli_runner()
    with fresh_app.app_context():
        upgrade()
        first = runner.invoke(args=["demo"])
        assert first.exit_code == 0, first.output
        assert "demo municipality loaded" in first.output
        counts = _table_counts()
        assert counts["person"] and counts["code_acknowledgment"] and counts["training_attendance"]
        db.session.remove()
        second = runner.invoke(args=["demo"])
        assert second.exit_code == 0, second.output
        assert "already present" in second.output
        assert _table_counts() == counts
        db.session.remove()
        response = fresh_app.test_client().post(
            "/login", data={"login": "somsri@bansuan.go.th", "password": "bansuan-demo-2569"}
        )
        assert response.headers.get("Location") == "/home"


def test_the_migration_copy_of_the_reference_data_matches_the_package(fresh_app):
    """init-data, the repair command, adds nothing to a freshly migrated database."""
    from ethics_hr.reference import ensure_all_reference_data

    with fresh_app.app_context():
        upgrade()
        before = _table_counts()
        ensure_all_reference_data()
        db.session.commit()
        after = _table_counts()
    before.pop("audit_entry"), after.pop("audit_entry")
    before.pop("organisation_settings"), after.pop("organisation_settings")
    assert after == before
