"""The model base: times stored in UTC, handed back aware, naive datetimes refused."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
import sqlalchemy as sa

from ethics_hr.extensions import db
from ethics_hr.people.models import Department
from tests import factories


def test_utc_datetime_refuses_a_naive_datetime(app):
    dept = factories.department()
    dept.created_at = datetime(2023, 9, 30, 12, 0)
    with pytest.raises(sa.exc.StatementError, match="naive datetime"):
        db.session.commit()
    db.session.rollback()


def test_utc_datetime_stores_utc_and_returns_an_aware_datetime(app):
    bangkok = timezone(timedelta(hours=7))
    dept = factories.department()
    dept.created_at = datetime(2023, 10, 1, 0, 30, tzinfo=bangkok)
    db.session.commit()
    db.session.expire_all()
    stored = db.session.get(Department, dept.id).created_at
    assert stored.tzinfo is not None
    assert stored == datetime(2023, 9, 30, 17, 30, tzinfo=UTC)
    raw = db.session.execute(sa.text("SELECT created_at FROM department WHERE id = :id"), {"id": dept.id})
    assert str(raw.scalar_one()).startswith("2023-09-30 17:30")


def test_timestamps_are_set_on_create_and_update(app):
    import time_machine

    with time_machine.travel(datetime(2026, 11, 25, 3, 0, tzinfo=UTC), tick=False):
        dept = factories.department()
    assert dept.created_at == datetime(2026, 11, 25, 3, 0, tzinfo=UTC)
    with time_machine.travel(datetime(2026, 11, 26, 3, 0, tzinfo=UTC), tick=False):
        dept.name_en = "Changed"
        db.session.commit()
    assert dept.updated_at == datetime(2026, 11, 26, 3, 0, tzinfo=UTC)
    assert dept.created_at == datetime(2026, 11, 25, 3, 0, tzinfo=UTC)
