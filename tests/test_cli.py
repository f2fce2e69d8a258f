"""Command-line tools: the demo municipality, the first administrator, reference data."""

from __future__ import annotations

import sqlalchemy as sa

from ethics_hr.core.audit import ANONYMOUS, AuditEntry, DeferredAuditEntry, verify_chain
from ethics_hr.demo import content
from ethics_hr.demo.loader import DEMO_ACCOUNTS, DEMO_PASSWORD
from ethics_hr.extensions import db
from ethics_hr.people.models import Department, Person, StaffCategory, User
from tests import factories


def table_counts() -> dict[str, int]:
    return {
        t.name: db.session.scalar(sa.select(sa.func.count()).select_from(t))
        for t in db.metadata.sorted_tables
    }


def test_demo_loads_the_municipality_once_and_a_second_run_changes_nothing(runner):
    first = runner.invoke(args=["demo"])
    assert first.exit_code == 0, first.output
    assert "demo municipality loaded" in first.output
    counts = table_counts()
    assert counts["person"] == len(content.PEOPLE)
    assert counts["department"] == len(content.DEPARTMENTS)
    assert counts["user_account"] == len(DEMO_ACCOUNTS)
    second = runner.invoke(args=["demo"])
    assert second.exit_code == 0, second.output
    assert "already present" in second.output
    assert table_counts() == counts
    assert verify_chain().ok


def test_demo_prints_logins_that_work(app, runner):
    output = runner.invoke(args=["demo"]).output
    client = app.test_client()
    for index, roles, _label in DEMO_ACCOUNTS:
        person = content.PEOPLE[index]
        login = person["email"] or person["employee_number"]
        assert login in output
        response = client.post("/login", data={"login": login, "password": DEMO_PASSWORD})
        assert response.headers.get("Location") == "/home", login
        user = db.session.scalar(
            sa.select(User).join(Person).where(Person.employee_number == person["employee_number"])
        )
        assert user.roles == set(roles)
        client.post("/logout")


def test_demo_is_attributed_to_the_demo_loader_in_the_audit_log(runner):
    runner.invoke(args=["demo"])
    labels = set(
        db.session.scalars(sa.select(AuditEntry.actor_label).where(AuditEntry.entity_type == "person"))
    )
    assert labels == {"demo"}


def test_the_demos_anonymous_acts_of_past_days_are_in_the_chain_attributed_to_no_one(runner):
    runner.invoke(args=["demo"])
    anonymous = [q for q in content.QUESTIONS if q["anonymous"]]
    assert anonymous
    assert db.session.scalar(sa.select(sa.func.count()).select_from(DeferredAuditEntry)) == 0
    entries = db.session.scalars(
        sa.select(AuditEntry).where(
            AuditEntry.entity_type == "ethics_question", AuditEntry.actor_label == ANONYMOUS
        )
    ).all()
    assert len({e.entity_id for e in entries}) >= len(anonymous)
    assert verify_chain().ok


def test_demo_does_not_touch_an_organisation_with_people(runner):
    factories.person()
    result = runner.invoke(args=["demo"])
    assert "already present" in result.output
    assert table_counts()["person"] == 1


def test_create_admin_makes_an_administrator_who_can_log_in(app, runner):
    result = runner.invoke(
        args=[
            "create-admin",
            "--employee-number",
            "ADM-0001",
            "--first-name",
            "ผู้ดูแล",
            "--last-name",
            "ระบบ",
            "--email",
            " Admin@Example.org ",
            "--password",
            "a long admin secret",
        ]
    )
    assert result.exit_code == 0, result.output
    user = db.session.scalar(sa.select(User).join(Person).where(Person.employee_number == "ADM-0001"))
    assert user.roles == {"admin"}
    assert user.person.email == "admin@example.org"
    response = app.test_client().post(
        "/login", data={"login": "admin@example.org", "password": "a long admin secret"}
    )
    assert response.headers["Location"] == "/home"


def _create_admin(runner, number: str, password: str):
    return runner.invoke(
        args=[
            "create-admin",
            "--employee-number",
            number,
            "--first-name",
            "ก",
            "--last-name",
            "ข",
            "--password",
            password,
        ]
    )


def test_create_admin_refuses_an_existing_employee_number(runner):
    factories.person(employee_number="ADM-0002")
    result = _create_admin(runner, "ADM-0002", "a long admin secret")
    assert result.exit_code != 0
    assert "exists already" in result.output
    assert db.session.scalar(sa.select(sa.func.count(User.id))) == 0


def test_create_admin_refuses_a_poor_password(runner):
    for password in ("short", "password", "ADM-00003"):
        result = _create_admin(runner, "ADM-00003", password)
        assert result.exit_code != 0, password
    assert db.session.scalar(sa.select(sa.func.count(Person.id))) == 0


def test_init_data_restores_missing_reference_data_and_keeps_edits(runner):
    teacher = factories.category("teacher")
    teacher.name_th = "ครูผู้ช่วย (แก้ไขแล้ว)"
    db.session.delete(factories.category("executive"))
    db.session.commit()
    result = runner.invoke(args=["init-data"])
    assert result.exit_code == 0, result.output
    codes = dict(db.session.execute(sa.select(StaffCategory.code, StaffCategory.name_th)).all())
    assert "executive" in codes
    assert codes["teacher"] == "ครูผู้ช่วย (แก้ไขแล้ว)"
    assert len(codes) == 7
    again = table_counts()
    runner.invoke(args=["init-data"])
    assert table_counts() == again


def test_the_departments_of_the_demo_are_the_ones_of_a_municipality(runner):
    runner.invoke(args=["demo"])
    names = set(db.session.scalars(sa.select(Department.name_th)))
    assert {"สำนักปลัดเทศบาล", "กองคลัง", "กองช่าง"} <= names
