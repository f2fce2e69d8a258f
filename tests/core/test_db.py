"""Transaction helpers that behave the same on both databases."""

from __future__ import annotations

import threading

import pytest

from ethics_hr.core.db import begin_write, dialect, insert_ignoring_conflict
from ethics_hr.core.settings import OrganisationSettings, get_settings
from ethics_hr.extensions import db
from ethics_hr.notifications.models import OutboxMessage


def _message(**kw) -> dict:
    return {
        "kind": "reminder",
        "target": "person:1",
        "period": "2570",
        "recipient": "email:a@example.org",
        "email": "a@example.org",
        "subject": "s",
        "body_text": "b",
        "body_html": "",
        "locale": "th",
        "status": "pending",
        "attempts": 0,
        "last_error": "",
    } | kw


def count() -> int:
    return db.session.scalar(db.select(db.func.count(OutboxMessage.id)))


def test_an_insert_that_clashes_with_a_unique_key_is_skipped(app):
    from ethics_hr.core.models import utc_now

    row = _message(next_attempt_at=utc_now(), created_at=utc_now())
    keys = ["kind", "target", "period", "recipient"]
    assert insert_ignoring_conflict(OutboxMessage.__table__, row, index_elements=keys).rowcount == 1
    assert insert_ignoring_conflict(OutboxMessage.__table__, row, index_elements=keys).rowcount == 0
    rows = [row, _message(target="person:2", next_attempt_at=utc_now(), created_at=utc_now())]
    assert insert_ignoring_conflict(OutboxMessage.__table__, rows, index_elements=keys).rowcount == 1
    db.session.commit()
    assert count() == 2


@pytest.mark.own_connections
def test_two_threads_inserting_the_same_row_at_once_make_one(app):
    from ethics_hr.core.models import utc_now

    barrier = threading.Barrier(2)
    keys = ["kind", "target", "period", "recipient"]

    def insert() -> None:
        with app.app_context():
            barrier.wait()
            row = _message(next_attempt_at=utc_now(), created_at=utc_now())
            insert_ignoring_conflict(OutboxMessage.__table__, row, index_elements=keys)
            db.session.commit()
            db.session.remove()

    threads = [threading.Thread(target=insert) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert count() == 1


def test_begin_write_starts_a_transaction_that_still_commits(app):
    get_settings()
    db.session.commit()
    begin_write(OrganisationSettings.__table__, 1)
    settings = db.session.get(OrganisationSettings, 1)
    settings.name_en = "Changed"
    db.session.commit()
    db.session.expire_all()
    assert db.session.get(OrganisationSettings, 1).name_en == "Changed"
    assert dialect() in {"sqlite", "postgresql"}
