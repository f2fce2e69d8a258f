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


def test_a_sessions_hours_are_its_own_or_its_courses_in_python_and_in_sql(app):
    from ethics_hr.training.models import Course

    own = factories.session(hours=1.5)
    default = factories.session(course_=factories.course(hours=6))
    assert (own.credited_hours, default.credited_hours) == (1.5, 6)
    in_sql = dict(
        db.session.execute(
            sa.select(TrainingSession.id, TrainingSession.credited_hours).join(
                Course, Course.id == TrainingSession.course_id
            )
        ).all()
    )
    assert in_sql == {own.id: 1.5, default.id: 6}


def test_the_current_attendance_is_the_newest_row_of_each_person_and_session(app):
    from ethics_hr.training.models import current_attendance_ids

    s, other = factories.session(), factories.session()
    p = factories.person()
    status = {st.code: st for st in db.session.scalars(sa.select(AttendanceStatus))}
    rows = [
        Attendance(session_id=s.id, person_id=p.id, status_id=status["absent"].id),
        Attendance(session_id=s.id, person_id=p.id, status_id=status["present"].id),
        Attendance(session_id=other.id, person_id=p.id, status_id=status["late"].id),
    ]
    db.session.add_all(rows)
    db.session.commit()
    newest = sa.select(current_attendance_ids().c.id)
    assert set(db.session.scalars(newest)) == {rows[1].id, rows[2].id}
    one_session = current_attendance_ids(
        session_ids=sa.select(TrainingSession.id).where(TrainingSession.id == s.id)
    )
    assert set(db.session.scalars(sa.select(one_session.c.id))) == {rows[1].id}


def test_what_a_person_may_do_on_a_session_follows_their_state_and_the_clock(app):
    from datetime import timedelta

    from ethics_hr.core.models import utc_now
    from ethics_hr.training.models import RegistrationState, SessionStatus

    s = factories.session(capacity=1)
    now = utc_now()
    assert s.actions_for(None, now) == s.actions_for(None, now).__class__()
    assert (
        s.actions_for(RegistrationState.INVITED, now).can_enrol
        and not s.actions_for(RegistrationState.INVITED, now).can_wait
    )
    s.seats_taken = 1
    assert (
        s.actions_for(RegistrationState.INVITED, now).can_wait
        and not s.actions_for(RegistrationState.INVITED, now).can_enrol
    )
    assert s.actions_for(RegistrationState.WAITLISTED, now).can_withdraw
    assert not s.actions_for(
        RegistrationState.ENROLLED, now
    ).can_check_in  # two weeks ahead: the window is shut
    during = s.starts_at + timedelta(minutes=5)
    assert (
        s.actions_for(RegistrationState.ENROLLED, during).can_check_in
        and not s.actions_for(RegistrationState.ENROLLED, during).can_withdraw
    )
    s.status = SessionStatus.CANCELLED
    assert s.actions_for(RegistrationState.ENROLLED, during) == s.actions_for(None, during)
