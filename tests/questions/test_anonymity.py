"""Anonymous means unidentifiable: nothing about the asker is stored or logged while handling the question."""

from __future__ import annotations

import logging
import re
from datetime import timedelta

import pytest
import sqlalchemy as sa
import time_machine

from ethics_hr.core.audit import AuditEntry, DeferredAuditEntry, release_deferred
from ethics_hr.core.models import utc_now
from ethics_hr.core.privacy import RedactPrivateRequests
from ethics_hr.core.timeutil import to_local
from ethics_hr.extensions import db
from ethics_hr.notifications.models import OutboxMessage
from ethics_hr.questions.models import Question, QuestionCategory
from tests import factories

ADDRESS = "203.0.113.77"
AGENT = "SecretBrowser/9.9 (identifying)"


def _category_id() -> int:
    return db.session.scalar(sa.select(QuestionCategory.id).where(QuestionCategory.code == "gifts"))


def _everything_stored() -> str:
    """Every value of every row of every table, as one text."""
    chunks = []
    for table in db.metadata.sorted_tables:
        for row in db.session.execute(sa.select(table)).all():
            chunks.append(" ".join(str(value) for value in row))
    return "\n".join(chunks)


def _submit(client, url, *, forwarded_for: str | None = None, **extra):
    """Ask from ADDRESS: the client's own, or a reverse proxy's forwarding for `forwarded_for`."""
    form = {"category_id": str(_category_id()), "subject": "ของขวัญจากผู้รับเหมา", "body": "รับได้ไหม", **extra}
    environ = {"REMOTE_ADDR": ADDRESS, "HTTP_USER_AGENT": AGENT}
    if forwarded_for:
        environ["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return client.post(url, data=form, environ_base=environ)


def test_anonymous_question_from_an_account_stores_and_logs_nothing_identifying(
    app, client, login_as, caplog
):
    user = factories.user(email="somchai.secret@example.org", employee_number="EMP-SECRET-42")
    login_as(user)
    with client.session_transaction() as session:
        session_cookie_values = {str(v) for v in session.values()}
    last_audit = db.session.scalar(sa.select(sa.func.max(AuditEntry.id))) or 0
    caplog.set_level(logging.DEBUG)

    response = _submit(client, "/questions/new", anonymous="y")

    assert response.status_code == 200
    receipt = "".join(re.findall(r'class="receipt-block">([^<]+)<', response.get_data(as_text=True)))
    assert len(receipt) == 28
    question = db.session.scalar(sa.select(Question))
    assert question.anonymous and question.asker_person_id is None
    assert question.receipt_hash and question.receipt_hash != receipt
    logs = "\n".join(r.getMessage() for r in caplog.records)
    stored = _everything_stored()
    secrets = [
        ADDRESS,
        AGENT,
        user.person.email,
        user.person.employee_number,
        receipt,
        *session_cookie_values,
    ]
    for secret in secrets:
        assert secret not in logs
        new_audit = (
            db.session.execute(sa.select(AuditEntry).where(AuditEntry.id > last_audit)).scalars().all()
        )
        assert all(secret not in (e.changes + e.actor_label) for e in new_audit), [
            (e.entity_type, e.action, e.actor_label, e.changes) for e in new_audit
        ]
    for secret in (ADDRESS, AGENT, receipt):
        assert secret not in stored
    # Nothing enters the chain at the moment: an entry then would sit between the login and what follows.
    assert db.session.scalars(sa.select(AuditEntry).where(AuditEntry.id > last_audit)).all() == []
    assert db.session.scalar(sa.select(sa.func.count()).select_from(DeferredAuditEntry)) == 2
    # The next morning's batch writes them, attributed to no one.
    with time_machine.travel(utc_now() + timedelta(days=1), tick=False):
        assert release_deferred() == 2
    new_entries = db.session.scalars(sa.select(AuditEntry).where(AuditEntry.id > last_audit)).all()
    assert new_entries, "the question itself is audited"
    for entry in new_entries:
        assert entry.actor_id is None and entry.actor_label == "anonymous"
        assert all(secret not in (entry.changes + entry.actor_label) for secret in secrets)
        # the day only (the organisation's day): an exact time could be matched with a login
        local = to_local(entry.occurred_at)
        assert (local.hour, local.minute, local.second, local.microsecond) == (0, 0, 0, 0)
    assert db.session.scalar(sa.select(sa.func.count(OutboxMessage.id))) == 0


def test_public_page_takes_questions_without_an_account(app, client, caplog):
    caplog.set_level(logging.DEBUG)
    response = _submit(client, "/ask/")
    assert response.status_code == 200
    assert 'data-testid="receipt"' in response.get_data(as_text=True)
    assert ADDRESS not in _everything_stored()
    assert ADDRESS not in "\n".join(r.getMessage() for r in caplog.records)


def test_public_page_is_throttled_without_writing_the_address(app, client):
    for _ in range(5):
        assert _submit(client, "/ask/").status_code == 200
    response = _submit(client, "/ask/")
    assert response.status_code == 429
    assert db.session.scalar(sa.select(sa.func.count(Question.id))) == 5
    assert ADDRESS not in _everything_stored()


@pytest.mark.parametrize("hops", [1, 0])
def test_the_public_question_limit_counts_each_client_behind_the_proxy(behind_proxies, hops):
    site = behind_proxies(hops)
    for _ in range(5):
        assert _submit(site.test_client(), "/ask/", forwarded_for="198.51.100.61").status_code == 200
    assert _submit(site.test_client(), "/ask/", forwarded_for="198.51.100.61").status_code == 429
    # Behind a trusted proxy another client asks; with none, the header is anyone's and counts for nothing.
    other = _submit(site.test_client(), "/ask/", forwarded_for="198.51.100.62")
    assert other.status_code == (200 if hops else 429)
    stored = _everything_stored()
    assert "198.51.100.61" not in stored and "198.51.100.62" not in stored


def test_access_log_lines_of_private_paths_are_dropped():
    keep = logging.LogRecord(
        "werkzeug", logging.INFO, "", 0, '%s - - "%s" 200 -', (ADDRESS, "GET /people/ HTTP/1.1"), None
    )
    drop = logging.LogRecord(
        "werkzeug", logging.INFO, "", 0, '%s - - "%s" 200 -', (ADDRESS, "POST /ask/ HTTP/1.1"), None
    )
    drop2 = logging.LogRecord(
        "werkzeug", logging.INFO, "", 0, '%s - - "%s" 302 -', (ADDRESS, "POST /questions/new HTTP/1.1"), None
    )
    f = RedactPrivateRequests()
    assert f.filter(keep) and not f.filter(drop) and not f.filter(drop2)
