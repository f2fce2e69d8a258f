"""The database itself keeps attendance append-only and seats within capacity."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError, IntegrityError

from ethics_hr.extensions import db
from ethics_hr.reference import ensure_all_reference_data
from ethics_hr.training.models import Attendance, AttendanceStatus, CourseTopic, TrainingSession
from tests import factories


def _attendance_row():
    s = factories.session()
    p = factories.person()
    status = db.session.scalar(sa.select(AttendanceStatus).where(AttendanceStatus.code == "present"))
    row = Attendance(session_id=s.id, person_id=p.id, status_id=status.id)
    db.session.add(row)
    db.session.commit()
    return row


def test_attendance_cannot_be_updated_in_place(app):
    row = _attendance_row()
    with pytest.raises(DBAPIError):
        db.session.execute(
            sa.text("UPDATE training_attendance SET note = 'changed' WHERE id = :id"), {"id": row.id}
        )
    db.session.rollback()


def test_attendance_cannot_be_deleted(app):
    row = _attendance_row()
    with pytest.raises(DBAPIError):
        db.session.execute(sa.text("DELETE FROM training_attendance WHERE id = :id"), {"id": row.id})
    db.session.rollback()


def test_seats_taken_can_never_pass_capacity_even_by_hand(app):
    s = factories.session(capacity=2)
    with pytest.raises(IntegrityError):
        db.session.execute(
            sa.text("UPDATE training_session SET seats_taken = 3 WHERE id = :id"), {"id": s.id}
        )
    db.session.rollback()


def test_a_session_cannot_end_before_it_starts_in_the_database(app):
    s = factories.session()
    with pytest.raises(IntegrityError):
        db.session.execute(
            sa.update(TrainingSession).where(TrainingSession.id == s.id).values(ends_at=s.starts_at)
        )
    db.session.rollback()


def test_reference_data_keeps_what_an_officer_changed(app):
    present = db.session.scalar(sa.select(AttendanceStatus).where(AttendanceStatus.code == "present"))
    present.hours_factor = 0.5
    present.name_en = "Here"
    db.session.delete(db.session.scalar(sa.select(CourseTopic).where(CourseTopic.code == "no_gift")))
    db.session.commit()
    ensure_all_reference_data()
    db.session.commit()
    assert present.hours_factor == 0.5 and present.name_en == "Here"
    assert db.session.scalar(sa.select(CourseTopic).where(CourseTopic.code == "no_gift")) is not None
    codes = set(db.session.scalars(sa.select(AttendanceStatus.code)))
    assert codes == {"present", "late", "excused", "absent"}
