"""The sender against a real SMTP server: each message once, retries with backoff, nothing lost."""

from __future__ import annotations

import itertools
import sqlite3
import threading
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa
import time_machine

from ethics_hr.extensions import db
from ethics_hr.notifications import sender
from ethics_hr.notifications.models import OutboxMessage, OutboxStatus, SmtpSettings
from ethics_hr.notifications.sender import BACKOFF, CLAIM_TIMEOUT, MAX_ATTEMPTS, deliver_due, mail_config
from ethics_hr.notifications.services import Attachment, notify, notify_many, queue_many
from tests import factories
from tests.conftest import ON_POSTGRES, PG_URL
from tests.notifications.conftest import hello, recipient

START = datetime(2026, 11, 25, 1, 0, tzinfo=UTC)


def queue_plain(n: int, kind: str = "plain") -> None:
    queue_many(
        {
            "kind": kind,
            "target": f"t{i}",
            "period": "",
            "email": f"person{i}@example.org",
            "subject": f"message {i}",
            "body_text": f"body {i}",
        }
        for i in range(n)
    )
    db.session.commit()


def statuses() -> dict[str, int]:
    rows = db.session.execute(sa.select(OutboxMessage.status, sa.func.count()).group_by(OutboxMessage.status))
    return dict(rows.all())


def text_of(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def test_each_message_arrives_once_in_the_recipients_language(app, org, people, smtp_server):
    notify_many([recipient(u) for u in people], kind="test_reminder", target="code:1", render=hello)
    db.session.commit()
    assert deliver_due() == 10
    assert deliver_due() == 0
    assert len(smtp_server.messages) == 10
    for user in people:
        (mail,) = smtp_server.to(user.person.email)
        if user.preferred_locale == "th":
            assert "เทศบาลเมืองบ้านสวน" in mail["Subject"] and "25 พฤศจิกายน 2569" in text_of(mail)
            # Python's address parser puts a space between two encoded words; mail clients do not.
            assert mail["From"].addresses[0].display_name.replace(" ", "") == "เทศบาลเมืองบ้านสวน"
        else:
            assert "Ban Suan Town Municipality" in mail["Subject"] and "25 November 2026" in text_of(mail)
        assert "<p>" in mail.get_body(preferencelist=("html",)).get_content()
    assert statuses() == {OutboxStatus.SENT: 10}


def test_attachments_go_with_the_plain_and_html_message(app, org, smtp_server):
    user = factories.user()
    ics = Attachment("session.ics", b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar; method=REQUEST")
    notify(recipient(user), kind="test_reminder", target="session:1", render=hello, attachments=[ics])
    db.session.commit()
    assert deliver_due() == 1
    (mail,) = smtp_server.messages
    assert mail.get_content_type() == "multipart/mixed"
    (attached,) = list(mail.iter_attachments())
    assert attached.get_filename() == "session.ics"
    assert attached.get_content_type() == "text/calendar" and attached.get_param("method") == "REQUEST"
    assert b"BEGIN:VCALENDAR" in attached.get_payload(decode=True)
    row = db.session.scalar(sa.select(OutboxMessage))
    assert mail["Message-ID"].startswith(f"<outbox.{row.id}.")


def test_a_sender_run_twice_sends_each_message_once(app, smtp_server):
    queue_plain(12)
    assert deliver_due(batch_size=5) == 12
    assert deliver_due(batch_size=5) == 0
    assert len({m["Message-ID"] for m in smtp_server.messages}) == len(smtp_server.messages) == 12


@pytest.mark.own_connections
def test_two_senders_at_once_send_each_message_once(app, org, smtp_server):
    queue_plain(40)
    barrier = threading.Barrier(2)
    results: list[int] = []
    errors: list[BaseException] = []

    def run():
        with app.app_context():
            try:
                barrier.wait()
                results.append(deliver_due(batch_size=5))
            except Exception as error:  # pragma: no cover - reported below
                errors.append(error)
            finally:
                db.session.remove()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sum(results) == 40
    ids = [m["Message-ID"] for m in smtp_server.messages]
    assert len(ids) == len(set(ids)) == 40
    assert statuses() == {OutboxStatus.SENT: 40}


class Crash(BaseException):
    """The process dies: no handler runs, nothing is recorded."""


def test_a_crash_after_3_of_10_then_a_rerun_sends_the_other_7(app, smtp_server, monkeypatch):
    with time_machine.travel(START, tick=False) as clock:
        queue_plain(10)
        built = []
        real_build = sender.build_email

        def build_then_crash(*args):
            if len(built) == 3:
                raise Crash
            built.append(1)
            return real_build(*args)

        monkeypatch.setattr(sender, "build_email", build_then_crash)
        with pytest.raises(Crash):
            deliver_due()
        monkeypatch.setattr(sender, "build_email", real_build)
        assert len(smtp_server.messages) == 3
        assert statuses() == {OutboxStatus.SENT: 3, OutboxStatus.SENDING: 7}

        # A second sender right away leaves the claimed rows alone: their sender might still be working.
        assert deliver_due() == 0
        clock.shift(CLAIM_TIMEOUT + timedelta(seconds=1))
        assert deliver_due() == 7
    subjects = sorted(m["Subject"] for m in smtp_server.messages)
    assert subjects == sorted(f"message {i}" for i in range(10))
    assert statuses() == {OutboxStatus.SENT: 10}


def test_smtp_down_then_up_everything_arrives_once(app, smtp_server):
    with time_machine.travel(START, tick=False) as clock:
        queue_plain(5)
        smtp_server.stop()
        assert deliver_due() == 0
        rows = list(db.session.scalars(sa.select(OutboxMessage)))
        assert {(r.status, r.attempts) for r in rows} == {(OutboxStatus.PENDING, 1)}
        assert all(r.next_attempt_at == START + BACKOFF[0] for r in rows)
        assert all("Error" in r.last_error for r in rows)

        assert deliver_due() == 0  # not due yet: nothing is tried
        assert db.session.scalar(sa.select(sa.func.max(OutboxMessage.attempts))) == 1

        clock.shift(BACKOFF[0])
        assert deliver_due() == 0
        db.session.expire_all()
        assert {r.attempts for r in db.session.scalars(sa.select(OutboxMessage))} == {2}

        smtp_server.start()
        clock.shift(BACKOFF[1] - timedelta(seconds=1))
        assert deliver_due() == 0  # the second delay has not passed yet
        clock.shift(timedelta(seconds=1))
        assert deliver_due() == 5
        assert deliver_due() == 0
    assert sorted(m["Subject"] for m in smtp_server.messages) == [f"message {i}" for i in range(5)]


def test_delays_grow_and_the_last_attempt_marks_the_row_failed(app, smtp_server):
    smtp_server.stop()
    with time_machine.travel(START, tick=False) as clock:
        queue_plain(1)
        waits = []
        for attempt in range(1, MAX_ATTEMPTS + 1):
            deliver_due()
            row = db.session.scalar(sa.select(OutboxMessage))
            assert row.attempts == attempt
            if attempt < MAX_ATTEMPTS:
                assert row.status == OutboxStatus.PENDING
                waits.append(row.next_attempt_at - datetime.now(UTC))
                clock.shift(waits[-1])
        assert row.status == OutboxStatus.FAILED and row.last_error
    assert waits == list(BACKOFF)
    assert all(a < b for a, b in itertools.pairwise(waits))
    assert deliver_due() == 0


def test_a_temporary_refusal_is_retried_and_a_permanent_one_fails_at_once(app, smtp_server):
    queue_plain(2)
    smtp_server.on_message = lambda m: "550 no such user" if m["Subject"] == "message 0" else "451 try later"
    assert deliver_due() == 0
    rows = {r.subject: r for r in db.session.scalars(sa.select(OutboxMessage))}
    assert rows["message 0"].status == OutboxStatus.FAILED and "550" in rows["message 0"].last_error
    assert rows["message 1"].status == OutboxStatus.PENDING and rows["message 1"].attempts == 1


def test_without_a_mail_server_messages_wait_untouched(app):
    app.config["MAIL_SERVER"] = ""
    queue_plain(3)
    assert deliver_due() == 0
    assert {(r.status, r.attempts) for r in db.session.scalars(sa.select(OutboxMessage))} == {
        (OutboxStatus.PENDING, 0)
    }


def test_stored_smtp_settings_win_over_the_environment(app, smtp_server):
    assert mail_config().host == smtp_server.host  # from the environment (the fixture)
    db.session.add(
        SmtpSettings(id=1, host=smtp_server.host, port=smtp_server.port, sender="hr@bansuan.go.th")
    )
    db.session.commit()
    app.config.update(MAIL_SERVER="unreachable.invalid", MAIL_PORT=1)
    queue_plain(1)
    assert deliver_due() == 1
    assert smtp_server.messages[0]["From"].addresses[0].addr_spec == "hr@bansuan.go.th"


@pytest.mark.own_connections
def test_no_database_transaction_is_open_while_the_server_is_talked_to(app, smtp_server):
    queue_plain(3)
    url = db.engine.url
    observed: list[str] = []

    def probe(message):
        if ON_POSTGRES:
            import psycopg

            with psycopg.connect(PG_URL.replace("+psycopg", "")) as conn:
                n = conn.execute(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                    "AND state LIKE 'idle in transaction%' AND pid <> pg_backend_pid()"
                ).fetchone()[0]
            observed.append("open" if n else "free")
        else:
            conn = sqlite3.connect(url.database, timeout=0)
            try:
                conn.execute("BEGIN IMMEDIATE")  # fails at once if anyone holds the write lock
                conn.rollback()
                observed.append("free")
            except sqlite3.OperationalError:
                observed.append("open")
            finally:
                conn.close()

    smtp_server.on_message = probe
    assert deliver_due() == 3
    assert observed == ["free", "free", "free"]
