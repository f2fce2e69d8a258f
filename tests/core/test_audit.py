"""The audit log: every change recorded with who and what, append-only, hash-chained and verifiable."""

from __future__ import annotations

import itertools
import json
import threading

import pytest
import sqlalchemy as sa

from ethics_hr.core.append_only import trigger_statements
from ethics_hr.core.audit import REDACTED, AuditEntry, acting_as, anonymous, verify_chain
from ethics_hr.core.passwords import hash_password
from ethics_hr.extensions import db
from ethics_hr.people.models import Department
from ethics_hr.people.services import change_password
from tests import factories


def entries(entity_type: str | None = None) -> list[AuditEntry]:
    query = db.select(AuditEntry).order_by(AuditEntry.id)
    if entity_type:
        query = query.where(AuditEntry.entity_type == entity_type)
    return list(db.session.scalars(query))


def test_creating_a_record_is_audited_with_its_id_and_values(app):
    with acting_as(7, "T7 ผู้ทดสอบ"):
        dept = factories.department(code="KLG", name_th="กองคลัง")
    [entry] = entries("department")
    assert entry.action == "create"
    assert entry.entity_id == str(dept.id)
    assert (entry.actor_id, entry.actor_label) == (7, "T7 ผู้ทดสอบ")
    assert entry.changes_dict["code"] == "KLG"
    assert entry.changes_dict["name_th"] == "กองคลัง"
    assert entry.occurred_at.tzinfo is not None


def test_an_update_records_old_and_new_value_of_changed_fields_only(app):
    dept = factories.department(name_th="กองช่าง", name_en="Engineering")
    dept.name_th = "กองช่างโยธา"
    db.session.commit()
    update = entries("department")[-1]
    assert update.action == "update"
    assert update.entity_id == str(dept.id)
    assert update.changes_dict == {"name_th": ["กองช่าง", "กองช่างโยธา"]}


def test_a_delete_is_audited_with_the_values_it_had(app):
    dept = factories.department(code="GONE", name_th="กองที่ยุบ")
    dept_id = dept.id
    db.session.expire_all()
    db.session.delete(db.session.get(Department, dept_id))
    db.session.commit()
    delete = entries("department")[-1]
    assert delete.action == "delete"
    assert delete.entity_id == str(dept_id)
    assert delete.changes_dict["code"] == "GONE"


def test_deleting_an_expired_record_is_audited_too(app):
    dept = factories.department(code="OLD")
    db.session.delete(dept)  # expired by the factory's commit
    db.session.commit()
    assert entries("department")[-1].changes_dict["code"] == "OLD"


def test_a_password_hash_never_reaches_the_audit_log(app):
    user = factories.user()
    created = entries("user_account")[-1]
    assert created.changes_dict["password_hash"] == REDACTED
    change_password(user, factories.PASSWORD, "a brand new secret 42", address="192.0.2.1")
    updated = entries("user_account")[-1]
    assert updated.changes_dict["password_hash"] == [REDACTED, REDACTED]
    everything = " ".join(e.changes for e in entries())
    assert "scrypt" not in everything


def test_activation_token_hashes_never_reach_the_audit_log(app):
    from ethics_hr.people.services import open_account

    issued = open_account(factories.person(), by=None)
    token_entry = entries("account_token")[-1]
    assert token_entry.changes_dict["token_hash"] == REDACTED
    assert token_entry.changes_dict["code_hash"] == REDACTED
    everything = " ".join(e.changes for e in entries())
    assert issued.token not in everything and issued.code not in everything


def test_a_change_made_in_a_request_is_attributed_to_the_logged_in_user(app, client, login_as):
    officer = login_as(factories.officer())
    dept = factories.department()
    client.post(
        f"/people/departments/{dept.id}/edit", data={"code": dept.code, "name_th": "ชื่อใหม่", "active": "y"}
    )
    update = entries("department")[-1]
    assert update.action == "update"
    assert update.actor_id == officer.id
    assert officer.person.employee_number in update.actor_label


def test_changes_outside_requests_are_attributed_to_the_system(app):
    factories.department()
    assert entries("department")[-1].actor_label == "system"


def test_anonymous_changes_carry_no_actor(app, client, login_as):
    login_as(factories.officer())
    with anonymous():
        factories.department()
    entry = entries("department")[-1]
    assert (entry.actor_id, entry.actor_label) == (None, "anonymous")


def test_models_can_opt_out_of_the_audit(app):
    from ethics_hr.notifications.services import queue_email

    queue_email(kind="k", target="t", period="p", recipient="a@example.org", subject="s", body_text="b")
    db.session.commit()
    assert entries("outbox_message") == []
    assert entries("audit_entry") == []


def test_reference_data_is_audited_too(app):
    assert {"staff_category", "organisation_settings"} <= {e.entity_type for e in entries()}


def test_each_entry_carries_the_hash_of_the_one_before(app):
    factories.department()
    factories.department()
    chain = entries()
    assert len(chain) >= 2
    assert chain[0].prev_hash == "0" * 64
    for before, after in itertools.pairwise(chain):
        assert after.prev_hash == before.entry_hash


@pytest.mark.parametrize(
    "statement",
    ["UPDATE audit_entry SET actor_label = 'someone else'", "DELETE FROM audit_entry"],
)
def test_the_database_refuses_to_change_or_remove_audit_entries(app, statement):
    factories.department()
    before = [(e.id, e.actor_label) for e in entries()]
    with pytest.raises(sa.exc.DatabaseError, match="append-only"):
        db.session.execute(sa.text(statement))
        db.session.commit()
    db.session.rollback()
    assert [(e.id, e.actor_label) for e in entries()] == before


# ---------------------------------------------------------------- verifying the chain


@pytest.fixture
def tamperable(app):
    """Drop the append-only triggers for one test, and put them back afterwards."""
    dialect = db.engine.dialect.name
    with db.engine.begin() as conn:
        if dialect == "sqlite":
            conn.exec_driver_sql("DROP TRIGGER audit_entry_no_update")
            conn.exec_driver_sql("DROP TRIGGER audit_entry_no_delete")
        else:
            conn.exec_driver_sql("DROP TRIGGER audit_entry_append_only ON audit_entry")
    yield
    db.session.rollback()
    with db.engine.begin() as conn:
        for statement in trigger_statements("audit_entry", dialect):
            conn.exec_driver_sql(statement)


def _five_entries() -> list[int]:
    """Add five entries to the chain (which may already hold the reference data's) and return all ids."""
    for _ in range(5):
        factories.department()
    return [e.id for e in entries()]


def test_audit_verify_passes_on_an_intact_chain(app, runner):
    ids = _five_entries()
    result = runner.invoke(args=["audit", "verify"])
    assert result.exit_code == 0, result.output
    assert f"intact: {len(ids)} entries checked" in result.output


@pytest.mark.own_connections
def test_audit_verify_names_the_first_altered_entry(app, runner, tamperable):
    ids = _five_entries()
    db.session.execute(
        sa.text("UPDATE audit_entry SET changes = :c WHERE id IN (:a, :b)"),
        {"c": json.dumps({"code": "FORGED"}), "a": ids[-3], "b": ids[-2]},
    )
    db.session.commit()
    result = runner.invoke(args=["audit", "verify"])
    assert result.exit_code == 1
    assert f"broken at entry {ids[-3]}" in result.output
    assert "altered" in result.output


@pytest.mark.own_connections
def test_audit_verify_names_the_entry_after_a_removed_one(app, runner, tamperable):
    ids = _five_entries()
    db.session.execute(sa.text("DELETE FROM audit_entry WHERE id = :id"), {"id": ids[-3]})
    db.session.commit()
    result = runner.invoke(args=["audit", "verify"])
    assert result.exit_code == 1
    assert f"broken at entry {ids[-2]}" in result.output
    assert "removed" in result.output


@pytest.mark.own_connections
def test_audit_verify_notices_a_rewritten_hash(app, tamperable):
    ids = _five_entries()
    db.session.execute(
        sa.text("UPDATE audit_entry SET actor_label = 'x', entry_hash = :h WHERE id = :id"),
        {"h": "f" * 64, "id": ids[0]},
    )
    db.session.commit()
    result = verify_chain(batch=2)
    assert (result.ok, result.first_bad_id) == (False, ids[0])


def test_the_chain_continues_across_verification_batches(app):
    ids = _five_entries()
    assert verify_chain(batch=2).ok
    assert verify_chain(batch=2).checked == len(ids)


def test_recording_an_event_that_is_not_a_row_change(app):
    from ethics_hr.core.audit import record

    record("export", "person", "", {"rows": 3})
    db.session.commit()
    entry = entries()[-1]
    assert (entry.action, entry.changes_dict) == ("export", {"rows": 3})
    assert verify_chain().ok


def test_hash_password_is_not_a_plain_text(app):
    assert hash_password("x" * 10) != "x" * 10


@pytest.mark.own_connections
def test_two_writers_at_once_never_fork_the_chain(app):
    from ethics_hr.core.audit import record

    barrier = threading.Barrier(2)
    failures: list[BaseException] = []

    def write(n: int) -> None:
        with app.app_context():
            try:
                barrier.wait()
                for i in range(10):
                    if i % 2:
                        record("login", "user_account", str(n), {"i": i})
                        db.session.commit()
                    else:
                        factories.department()
            except BaseException as error:  # reported below, in the test's thread
                failures.append(error)
            finally:
                db.session.remove()

    threads = [threading.Thread(target=write, args=(n,)) for n in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not failures
    result = verify_chain()
    assert result.ok, result
    hashes = [e.prev_hash for e in entries()]
    assert len(hashes) == len(set(hashes))
