"""The audit log: every change recorded with who and what, append-only, hash-chained and verifiable."""

from __future__ import annotations

import itertools
import json
import threading
from datetime import timedelta

import pytest
import sqlalchemy as sa
import time_machine

from ethics_hr.core.append_only import trigger_statements
from ethics_hr.core.audit import (
    REDACTED,
    AuditAnchor,
    AuditEntry,
    acting_as,
    anchor_chain,
    anchor_file_text,
    anonymous,
    read_anchor_file,
    release_deferred,
    verify_chain,
)
from ethics_hr.core.models import utc_now
from ethics_hr.core.passwords import hash_password
from ethics_hr.extensions import db
from ethics_hr.people.models import Department
from ethics_hr.people.services import change_password
from tests import factories
from tests.conftest import ON_POSTGRES


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


def test_anonymous_changes_carry_no_actor_and_wait_for_the_next_days_batch(app, client, login_as):
    login_as(factories.officer())
    with anonymous():
        department = factories.department()
    assert [e for e in entries("department") if e.entity_id == str(department.id)] == []
    with time_machine.travel(utc_now() + timedelta(days=1), tick=False):
        assert release_deferred() == 1
    entry = entries("department")[-1]
    assert entry.entity_id == str(department.id)
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
            conn.exec_driver_sql("DROP TRIGGER audit_entry_no_truncate ON audit_entry")
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


# ---------------------------------------------------------------- anchors and TRUNCATE


@pytest.mark.skipif(not ON_POSTGRES, reason="TRUNCATE is PostgreSQL's; SQLite's DELETE trigger holds there")
@pytest.mark.parametrize(
    "table", ["audit_entry", "code_acknowledgment", "training_attendance", "audit_anchor"]
)
def test_truncate_of_an_evidence_table_is_refused(app, table):
    with pytest.raises(sa.exc.DatabaseError, match="append-only: TRUNCATE refused"):
        db.session.execute(sa.text(f"TRUNCATE {table} CASCADE"))
    db.session.rollback()


def _anchor_now() -> AuditAnchor:
    anchor = anchor_chain()
    db.session.commit()
    return anchor


@pytest.mark.own_connections
def test_audit_verify_finds_entries_removed_from_the_end_after_an_anchor(app, runner, tamperable):
    ids = _five_entries()
    anchor = _anchor_now()
    assert (anchor.entries, anchor.head_id) == (len(ids), ids[-1])
    assert runner.invoke(args=["audit", "verify"]).exit_code == 0
    db.session.execute(sa.text("DELETE FROM audit_entry WHERE id >= :id"), {"id": ids[-5]})
    db.session.commit()
    result = runner.invoke(args=["audit", "verify"])
    assert result.exit_code == 1
    assert f"broken at entry {ids[-1]}" in result.output and "removed from the end" in result.output
    assert f"after entry {ids[-6] if len(ids) > 5 else 0}" in result.output


@pytest.mark.own_connections
def test_audit_verify_against_an_anchor_file_finds_an_emptied_chain(app, runner, tamperable, tmp_path):
    _five_entries()
    _anchor_now()
    anchors = runner.invoke(args=["audit", "anchors"])
    assert anchors.exit_code == 0 and anchors.output.startswith("# Ethics HR audit anchors")
    kept = tmp_path / "anchors.txt"
    kept.write_text(anchors.output, encoding="utf-8")
    # A database administrator empties the log and the anchors: the copy kept outside still tells.
    db.session.execute(sa.text("DELETE FROM audit_entry"))
    db.session.commit()
    assert runner.invoke(args=["audit", "verify", "--anchors", str(kept)]).exit_code == 1
    assert "removed from the end" in runner.invoke(args=["audit", "verify", "--anchors", str(kept)]).output


def test_an_anchor_file_that_is_not_one_is_refused_with_its_line(app, runner, tmp_path):
    bad = tmp_path / "anchors.txt"
    bad.write_text("# header\n2026-12-01 5 7 nothex\n", encoding="utf-8")
    result = runner.invoke(args=["audit", "verify", "--anchors", str(bad)])
    assert result.exit_code == 2 and "line 2" in result.output


def test_an_anchor_file_round_trips(app):
    _five_entries()
    anchor = _anchor_now()
    (back,) = read_anchor_file(anchor_file_text([anchor]))
    assert (back.anchored_on, back.entries, back.head_id, back.head_hash) == (
        anchor.anchored_on,
        anchor.entries,
        anchor.head_id,
        anchor.head_hash,
    )
    assert anchor_chain() is None  # once a day


def test_an_altered_anchored_head_does_not_match_its_anchor(app):
    ids = _five_entries()
    anchor = _anchor_now()
    forged = AuditAnchor(
        anchored_on=anchor.anchored_on, entries=anchor.entries, head_id=ids[-1], head_hash="0" * 64
    )
    result = verify_chain(anchors=[forged])
    assert not result.ok and result.first_bad_id == ids[-1] and "does not match" in result.reason


def test_the_daily_anchor_is_mailed_to_the_administrators_once(app):
    from ethics_hr.notifications.models import OutboxMessage
    from ethics_hr.people.anchors import AUDIT_ANCHOR, anchor_the_audit_chain
    from tests.reminders import at

    admin = factories.admin()
    factories.officer()  # an officer is not an administrator: no mail
    db.session.commit()
    now = at("2026-12-02 00:15")
    assert anchor_the_audit_chain(now) == 1
    db.session.commit()
    assert anchor_the_audit_chain(now) == 0
    (mail,) = db.session.scalars(sa.select(OutboxMessage).where(OutboxMessage.kind == AUDIT_ANCHOR))
    anchor = db.session.scalar(sa.select(AuditAnchor))
    assert mail.email == admin.person.email and anchor.line in mail.body_text
    assert anchor.anchored_on.isoformat() == "2026-12-02"
