"""Anonymity across rows: nothing orders or times an anonymous question against anyone's other actions.

The attacker here holds the whole database, the counters' store and the logs. A person logs in and asks
anonymously right after, between named questions and other audited changes; the tests then look for anything
written at that moment (a new or changed row, a sequence that moved, an audit entry, an outbox row, a log
record, a counter) that would place the anonymous question between the others closer than its day.
"""

from __future__ import annotations

import hashlib
import logging
import re
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa
import time_machine
from flask import Flask

from ethics_hr.core import day_counter
from ethics_hr.core.audit import AuditEntry, DeferredAuditEntry, anchor_chain, verify_chain
from ethics_hr.core.timeutil import local_bounds_utc, to_local
from ethics_hr.extensions import db
from ethics_hr.notifications.models import OutboxMessage
from ethics_hr.questions import numbering, services
from ethics_hr.questions.jobs import audit_anonymous_acts
from ethics_hr.questions.models import Question, QuestionCategory, QuestionMessage
from ethics_hr.scheduler import JOBS, run_job
from tests import factories

ADDRESS = "203.0.113.91"
# 10:15 in Bangkok on a working day: the asker logs in, asks at 10:16; someone asks by name at 10:17.
MORNING = datetime(2026, 12, 2, 3, 15, tzinfo=UTC)


def _category_id() -> int:
    return db.session.scalar(sa.select(QuestionCategory.id).where(QuestionCategory.code == "gifts"))


def _snapshot() -> dict[str, dict[tuple, tuple]]:
    """Every row of every table, by primary key."""
    tables = {}
    for table in db.metadata.sorted_tables:
        key = [c.name for c in table.primary_key.columns]
        rows = db.session.execute(sa.select(table)).mappings().all()
        tables[table.name] = {tuple(row[k] for k in key): tuple(row.values()) for row in rows}
    return tables


def _sequences() -> dict[str, Any]:
    """Where every id sequence stands (PostgreSQL's sequences, SQLite's sqlite_sequence where it exists)."""
    conn = db.session.connection()
    if conn.dialect.name == "postgresql":
        return dict(conn.execute(sa.text("SELECT sequencename, last_value FROM pg_sequences")).all())
    exists = conn.execute(sa.text("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'")).first()
    return dict(conn.execute(sa.text("SELECT name, seq FROM sqlite_sequence")).all()) if exists else {}


def _named_question(asker) -> Question:
    return services.ask(category_id=_category_id(), subject="ชื่อ", body="ถาม", asker=asker.person).question


def _is_a_day(value: Any) -> bool:
    """A stored time that says only the day: the start of a local day (how anonymous acts are stamped)."""
    if not isinstance(value, datetime):
        return True
    local = to_local(value.replace(tzinfo=value.tzinfo or UTC))
    return (local.hour, local.minute, local.second, local.microsecond) == (0, 0, 0, 0)


def _receipt(response) -> str:
    return "".join(re.findall(r'class="receipt-block">([^<]+)<', response.get_data(as_text=True)))


def test_an_anonymous_question_asked_right_after_a_login_cannot_be_placed_among_other_actions(
    app, client, caplog
):
    officer = factories.officer()
    asker = factories.user(email="kanya.asks@example.org", employee_number="EMP-ANON-7")
    other = factories.user()
    db.session.commit()
    caplog.set_level(logging.DEBUG)

    with time_machine.travel(MORNING, tick=False):
        before_named = _named_question(other)
        login = client.post(
            "/login",
            data={"login": asker.person.email, "password": factories.PASSWORD},
            environ_base={"REMOTE_ADDR": ADDRESS},
        )
        assert login.status_code == 302
    db.session.expire_all()
    rows_before, sequences_before = _snapshot(), _sequences()
    with client.session_transaction() as session:
        session_before = dict(session)
    counters_before = (_limiter_keys(app), dict(app.extensions[day_counter.EXTENSION].values))
    audit_before = db.session.scalar(sa.select(sa.func.max(AuditEntry.id)))
    caplog.clear()

    with time_machine.travel(MORNING + timedelta(minutes=1), tick=False):
        response = client.post(
            "/questions/new",
            data={"category_id": str(_category_id()), "subject": "ลับ", "body": "ของขวัญ", "anonymous": "y"},
            environ_base={"REMOTE_ADDR": ADDRESS},
        )
    assert response.status_code == 200
    receipt = _receipt(response)
    # The counters' store holds nothing new: no key, no time.
    assert (_limiter_keys(app), dict(app.extensions[day_counter.EXTENSION].values)) == counters_before
    # The session (a signed cookie in the browser; nothing of it is kept on the server) gains nothing.
    with client.session_transaction() as session:
        after = dict(session)
    # At most a CSRF token (random) for the receipt page's form; nothing that says who asked, or when.
    assert {k: v for k, v in after.items() if k != "csrf_token"} == {
        k: v for k, v in session_before.items() if k != "csrf_token"
    }
    records = [r.getMessage() for r in caplog.records]
    db.session.expire_all()
    rows_after, sequences_after = _snapshot(), _sequences()
    # No audit entry at the moment; nothing the log holds sits between the login and the next question.
    assert db.session.scalar(sa.select(sa.func.max(AuditEntry.id))) == audit_before

    anonymous = db.session.scalar(sa.select(Question).where(Question.anonymous))
    message = anonymous.messages[0]
    # Its ids and reference are drawn from ranges the sequences never reach, so they order nothing.
    assert numbering.RANDOM_ID_FLOOR <= anonymous.id < 2**31
    assert numbering.RANDOM_ID_FLOOR <= message.id < 2**31
    assert anonymous.number >= numbering.ANONYMOUS_NUMBER_FLOOR
    assert re.fullmatch(r"Q\d{4}-\d{6}", anonymous.reference)
    # No sequence moved: the next named question follows the one before it without a gap.
    assert sequences_after == sequences_before
    with time_machine.travel(MORNING + timedelta(minutes=2), tick=False):
        after_named = _named_question(other)
    assert after_named.number == before_named.number + 1
    assert after_named.id == before_named.id + 1
    assert after_named.messages[0].id == before_named.messages[0].id + 1
    assert after_named.id < numbering.RANDOM_ID_FLOOR

    # What the ask wrote, table by table: its own rows and the deferred audit acts, nothing else changed.
    changed = {}
    for table, rows in rows_after.items():
        new = {k: v for k, v in rows.items() if rows_before[table].get(k) != v}
        gone = set(rows_before[table]) - set(rows)
        assert not gone, table
        if new:
            changed[table] = new
    assert set(changed) == {"ethics_question", "ethics_question_message", "audit_deferred"}, set(changed)
    assert set(changed["ethics_question"]) == {(anonymous.id,)}
    assert set(changed["ethics_question_message"]) == {(message.id,)}
    for table, new in changed.items():
        columns = db.metadata.tables[table].columns
        for values in new.values():
            for column, value in zip(columns, values, strict=True):
                # No time of day, no number from a sequence: only the day, random ids, references, counts.
                assert _is_a_day(value), (table, column.name, value)
                if isinstance(value, int) and not isinstance(value, bool) and column.name in ("id",):
                    assert value >= numbering.RANDOM_ID_FLOOR, (table, column.name)
    # No message was queued for it (an anonymous question is announced the next morning).
    assert db.session.scalar(sa.select(sa.func.count(OutboxMessage.id))) == len(rows_before["outbox_message"])

    # No log record of the request names the asker, the address, the question or the receipt.
    for text in records:
        for secret in (ADDRESS, asker.person.email, "EMP-ANON-7", anonymous.reference, receipt, "ลับ"):
            assert secret not in text, text

    # An audited change by someone else, then the morning batch: the acts enter the chain once, stamped
    # with their day, after everything of that day, attributed to no one.
    with time_machine.travel(MORNING + timedelta(minutes=3), tick=False):
        officer.person.first_name_en = "Changed"
        db.session.commit()
    next_morning = MORNING + timedelta(days=1)
    assert audit_anonymous_acts(next_morning) == 2
    db.session.commit()
    assert audit_anonymous_acts(next_morning) == 0
    batch = db.session.scalars(sa.select(AuditEntry).where(AuditEntry.actor_label == "anonymous")).all()
    assert {(e.entity_type, e.entity_id) for e in batch} == {
        ("ethics_question", str(anonymous.id)),
        ("ethics_question_message", str(message.id)),
    }
    day_start = local_bounds_utc(to_local(MORNING).date(), to_local(MORNING).date())[0]
    assert all(e.actor_id is None and e.occurred_at == day_start for e in batch)
    assert min(e.id for e in batch) > db.session.scalar(
        sa.select(sa.func.max(AuditEntry.id)).where(AuditEntry.actor_label != "anonymous")
    )
    assert all(secret not in e.changes for e in batch for secret in ("EMP-ANON-7", asker.person.email))
    assert db.session.scalar(sa.select(sa.func.count()).select_from(DeferredAuditEntry)) == 0
    assert verify_chain().ok


def test_the_askers_follow_up_acts_wait_for_the_batch_which_writes_each_once(app, client):
    """The receipt's clarification and closing write no entry at the moment; two runs write them once."""
    member = factories.person()
    with time_machine.travel(MORNING, tick=False):
        asked = services.ask(category_id=_category_id(), subject="ลับ", body="คำถาม", asker=None)
        services.ask_clarification(asked.question, member, "รายละเอียด")
        form = {"reference": asked.question.reference, "code": asked.receipt}
        assert client.post("/ask/follow-up", data=form).status_code == 200
        assert client.post("/ask/follow-up/reply", data={**form, "body": "ตอบ"}).status_code == 200
        services.answer(asked.question, member, "คำตอบ")
        assert client.post("/ask/follow-up/close", data=form).status_code == 200
    db.session.expire_all()
    question = db.session.get(Question, asked.question.id)
    assert [m.kind for m in question.messages] == ["asker", "clarify", "asker", "answer"]
    assert [m.position for m in question.messages] == [1, 2, 3, 4]
    anonymous_entries = sa.select(AuditEntry).where(AuditEntry.actor_label == "anonymous")
    assert db.session.scalars(anonymous_entries).all() == []
    # Asking (question, message), the reply (message, status), closing (status, day closed).
    pending = db.session.scalar(sa.select(sa.func.count()).select_from(DeferredAuditEntry))
    assert pending == 5

    job = next(j for j in JOBS if j.id == "questions_anonymous_audit")
    with time_machine.travel(MORNING + timedelta(hours=1), tick=False):
        assert run_job(app, job) == 0  # the day has not ended
    with time_machine.travel(MORNING + timedelta(days=1), tick=False):
        assert run_job(app, job) == pending
        assert run_job(app, job) == 0
    with time_machine.travel(MORNING + timedelta(days=5), tick=False):
        assert run_job(app, job) == 0  # late runs find nothing left
    db.session.expire_all()
    entries = db.session.scalars(anonymous_entries.order_by(AuditEntry.id)).all()
    assert len(entries) == pending
    assert len({(e.entity_type, e.entity_id, e.action, e.changes) for e in entries}) == pending
    question_updates = [e for e in entries if e.entity_type == "ethics_question" and e.action == "update"]
    assert [sorted(e.changes_dict) for e in question_updates] == [["status"], ["closed_on", "status"]]
    result = verify_chain()
    assert result.ok, result
    # The anchor of the morning after holds the batch, and the command says the chain is intact.
    with time_machine.travel(MORNING + timedelta(days=6), tick=False):
        assert anchor_chain() is not None
        db.session.commit()
    output = app.test_cli_runner().invoke(args=["audit", "verify"])
    assert output.exit_code == 0, output.output
    assert "intact" in output.output


def _stored_throttle_values(site: Flask) -> dict[str, tuple[str, int]]:
    """Everything the per-day counters keep: {key: (value, expires at)}."""
    store = site.extensions[day_counter.EXTENSION]
    if isinstance(store, day_counter.RedisDays):
        prefix = site.config.get("RATELIMIT_KEY_PREFIX", "")
        return {
            key: (store.client.get(key), store.client.expiretime(key))
            for key in store.client.scan_iter(f"{prefix}ethics_hr:*")
        }
    return {key: (value, int(expires)) for key, (value, expires) in store.values.items()}


def _limiter_keys(site: Flask) -> str:
    """Every key and value of the login throttle's own store (moving windows), as one text."""
    storage = site.extensions["ethics_hr_throttle"].storage
    if hasattr(storage, "events"):
        return " ".join([*map(str, storage.events), *map(str, storage.storage)])
    client = storage.get_connection()
    return " ".join(str(k) for k in client.scan_iter(f"{storage.PREFIX}*"))


def test_the_public_form_counts_per_day_under_a_salt_of_the_day_and_keeps_no_time(behind_proxies):
    site = behind_proxies(1)
    web = site.test_client()
    with site.app_context():
        category = _category_id()
    form = {"category_id": str(category), "subject": "ของขวัญ", "body": "รับได้ไหม"}
    environ = {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": ADDRESS}
    # Tomorrow morning by the real clock: Redis expires keys by its own clock, so the day must not be over.
    tomorrow = datetime.now(UTC).date() + timedelta(days=1)
    start = local_bounds_utc(tomorrow, tomorrow)[0] + timedelta(hours=10)
    moments = [start + timedelta(minutes=m, seconds=s) for m, s in ((0, 7), (13, 41), (52, 3))]
    for moment in moments:
        with time_machine.travel(moment, tick=False):
            assert web.post("/ask/", data=form, environ_base=environ).status_code == 200
    stored = _stored_throttle_values(site)
    day = to_local(start).date()
    end = int(local_bounds_utc(day, day)[1].timestamp())
    # One salt and one counter, both ending at the end of the day: the same expiry whatever the moment.
    assert len(stored) == 2, stored
    assert {expires for _value, expires in stored.values()} == {end}
    counter = next(value for key, (value, _e) in stored.items() if not key.endswith(":salt"))
    assert counter == "3"
    text = " ".join(f"{k} {v}" for k, (v, _e) in stored.items())
    assert ADDRESS not in text
    for moment in moments:  # no time to the second, minute or hour of any question
        assert str(int(moment.timestamp())) not in text and moment.strftime("%H:%M") not in text
    # Nothing derived from the secret key: the old keyed hash of the address is nowhere.
    old = hashlib.sha256(f"{site.secret_key}:public-ask:{ADDRESS}".encode()).hexdigest()[:32]
    assert old not in text and old not in _limiter_keys(site)
    assert "public-ask" not in _limiter_keys(site)


def test_the_public_limit_holds_for_the_day_and_the_next_day_starts_afresh(app, client):
    form = {"category_id": str(_category_id()), "subject": "ของขวัญ", "body": "รับได้ไหม"}
    environ = {"REMOTE_ADDR": ADDRESS}
    with time_machine.travel(MORNING, tick=False):
        for _ in range(5):
            assert client.post("/ask/", data=form, environ_base=environ).status_code == 200
    with time_machine.travel(MORNING + timedelta(hours=8), tick=False):
        assert client.post("/ask/", data=form, environ_base=environ).status_code == 429
        assert (
            client.post("/ask/", data=form, environ_base={"REMOTE_ADDR": "203.0.113.92"}).status_code == 200
        )
    salt_key = next(k for k in app.extensions[day_counter.EXTENSION].values if k.endswith(":salt"))
    salt = app.extensions[day_counter.EXTENSION].values[salt_key][0]
    with time_machine.travel(MORNING + timedelta(days=1), tick=False):
        assert client.post("/ask/", data=form, environ_base=environ).status_code == 200
        # Yesterday's salt is gone with its counters: nothing left to try the addresses against.
        values = app.extensions[day_counter.EXTENSION].values
        assert salt_key not in values and all(v[0] != salt for v in values.values())


def test_named_questions_keep_their_sequential_references(app):
    """A named question's reference is the next of the year's named ones, whatever anonymous ones took."""
    asker = factories.user()
    first = _named_question(asker)
    services.ask(category_id=_category_id(), subject="นิรนาม", body="ข", asker=None)
    second = _named_question(asker)
    assert second.number == first.number + 1 and second.reference.endswith(f"-{second.number:04d}")
    assert db.session.scalar(sa.select(sa.func.count(QuestionMessage.id))) == 3


def test_rows_of_one_flush_take_distinct_sequential_ids_after_a_random_one(app):
    """SQLite would follow the random id; the named rows written together still count up below it."""
    services.ask(category_id=_category_id(), subject="นิรนาม", body="ข", asker=None)
    question = _named_question(factories.user())
    member = factories.person()
    first_id = question.messages[0].id
    for text in ("หนึ่ง", "สอง"):
        question.add_message(
            QuestionMessage(
                kind="note",
                body=text,
                author_person_id=member.id,
                written_on=question.asked_on,
                written_at=None,
            )
        )
    db.session.flush()
    assert [m.id for m in question.messages] == [first_id, first_id + 1, first_id + 2]
    assert [m.position for m in question.messages] == [1, 2, 3]
