"""Transaction helpers that behave the same on both databases."""

from __future__ import annotations

import threading

import pytest
import sqlalchemy as sa

from ethics_hr.core.db import begin_write, dialect, insert_ignoring_conflict
from ethics_hr.core.settings import OrganisationSettings, forget_cached_settings, get_settings
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


@pytest.mark.own_connections
def test_the_settings_row_another_process_made_a_moment_ago_is_the_one_returned(app):
    # No settings row yet. This session finds none; another connection (the scheduler's first job at start,
    # a second request) commits one before this session writes its own: that row is read, nothing fails.
    db.session.execute(sa.delete(OrganisationSettings))
    db.session.commit()
    forget_cached_settings()

    made = []
    name = "เทศบาลจากงานตั้งเวลา"

    def the_other_first(session, flush_context, instances) -> None:
        if made:
            return
        made.append(name)
        with db.engine.connect() as other:
            other.execute(sa.insert(OrganisationSettings.__table__).values(id=1, name_th=name))
            other.commit()

    sa.event.listen(db.session(), "before_flush", the_other_first)
    try:
        assert get_settings().name_th == name and made
    finally:
        sa.event.remove(db.session(), "before_flush", the_other_first)
    db.session.commit()
    assert db.session.scalar(sa.select(sa.func.count()).select_from(OrganisationSettings)) == 1
