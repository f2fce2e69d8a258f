"""Attendance: marks, corrections as new rows, walk-ins, the CSV import, self check-in."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa
import time_machine

from ethics_hr.core.errors import RuleViolation
from ethics_hr.core.models import utc_now
from ethics_hr.extensions import db
from ethics_hr.training import attendance, checkin, services
from ethics_hr.training.models import (
    Attendance,
    AttendanceMethod,
    Registration,
    RegistrationState,
    SessionStatus,
    TrainingSession,
)
from tests import factories


def _started(**kw) -> TrainingSession:
    return factories.session(starts_at=utc_now() - timedelta(minutes=30), **kw)


def _rows() -> list[Attendance]:
    return list(db.session.scalars(sa.select(Attendance).order_by(Attendance.id)))


def test_marks_write_only_changes_and_a_change_points_at_what_it_corrects(app):
    s = _started()
    officer = factories.officer()
    a, b = factories.person(), factories.person()
    for p in (a, b):
        factories.register(s, p, RegistrationState.ENROLLED)
    assert attendance.record_marks(s, {a.id: "present", b.id: "absent"}, by_user_id=officer.id) == 2
    assert (
        attendance.record_marks(s, {a.id: "present", b.id: "excused"}, by_user_id=officer.id, note="ใบลา")
        == 1
    )
    rows = _rows()
    assert len(rows) == 3
    assert rows[2].corrects_id == rows[1].id and rows[2].note == "ใบลา"
    current = attendance.current_for(s.id)
    assert {pid: row.status.code for pid, row in current.items()} == {a.id: "present", b.id: "excused"}


def test_nobody_can_be_marked_present_before_the_session_opens(app):
    s = factories.session()
    p = factories.person()
    factories.register(s, p, RegistrationState.ENROLLED)
    with pytest.raises(RuleViolation, match="not started"):
        attendance.record_marks(s, {p.id: "present"}, by_user_id=factories.officer().id)
    attendance.record_marks(s, {p.id: "excused"}, by_user_id=factories.officer().id)  # leave is known ahead
    assert len(_rows()) == 1


def test_no_attendance_is_taken_on_a_cancelled_session(app):
    s = _started(status=SessionStatus.CANCELLED)
    p = factories.person()
    factories.register(s, p, RegistrationState.ENROLLED)
    with pytest.raises(RuleViolation, match="cancelled"):
        attendance.record_marks(s, {p.id: "present"}, by_user_id=factories.officer().id)


def test_only_people_on_the_roster_can_be_marked(app):
    s = _started()
    invited = factories.person()
    factories.register(s, invited)
    with pytest.raises(RuleViolation, match="roster"):
        attendance.record_marks(s, {invited.id: "present"}, by_user_id=factories.officer().id)
    assert _rows() == []


def test_mark_everyone_unmarked_leaves_marked_people_alone(app):
    s = _started()
    officer = factories.officer()
    people = [factories.person() for _ in range(3)]
    for p in people:
        factories.register(s, p, RegistrationState.ENROLLED)
    attendance.record_marks(s, {people[0].id: "absent"}, by_user_id=officer.id)
    assert attendance.mark_unmarked(s, "present", by_user_id=officer.id) == 2
    codes = {pid: row.status.code for pid, row in attendance.current_for(s.id).items()}
    assert codes == {people[0].id: "absent", people[1].id: "present", people[2].id: "present"}


def test_a_walk_in_joins_the_roster_with_their_attendance(app):
    s = _started(capacity=3)
    walker = factories.person()
    attendance.add_walk_in(s, walker.employee_number, "present", by_user_id=factories.officer().id)
    reg = db.session.scalar(sa.select(Registration).where(Registration.person_id == walker.id))
    assert reg.state == RegistrationState.ENROLLED and reg.source == "walk_in"
    assert db.session.get(TrainingSession, s.id).seats_taken == 1
    assert _rows()[0].method == "walk_in"


def test_a_walk_in_needs_a_free_seat_and_a_known_person(app):
    s = _started(capacity=1)
    factories.register(s, factories.person(), RegistrationState.ENROLLED)
    with pytest.raises(RuleViolation, match="full"):
        attendance.add_walk_in(
            s, factories.person().employee_number, "present", by_user_id=factories.officer().id
        )
    with pytest.raises(RuleViolation, match="employee number") as error:
        attendance.add_walk_in(s, "NOBODY", "present", by_user_id=factories.officer().id)
    assert error.value.field == "employee_number"
    assert _rows() == []


# ---------------------------------------------------------------- import


def _csv(*lines: str) -> bytes:
    return ("\n".join(lines) + "\n").encode("utf-8-sig")


def test_an_attendance_file_goes_in_whole(app):
    s = _started()
    a, b = factories.person(), factories.person()
    for p in (a, b):
        factories.register(s, p, RegistrationState.ENROLLED)
    check = attendance.check_import(
        s,
        _csv("employee_number,status", f"{a.employee_number},present", f"{b.employee_number},ลา"),
        "sheet.csv",
    )
    assert check.ok, check.errors
    assert attendance.apply_import(s, check, by_user_id=factories.officer().id) == 2
    assert {r.status.code for r in _rows()} == {"present", "excused"}
    assert {r.method for r in _rows()} == {"import"}


def test_an_attendance_file_with_any_bad_row_writes_nothing_and_lists_every_problem(app):
    s = _started()
    a = factories.person()
    outsider = factories.person()
    factories.register(s, a, RegistrationState.ENROLLED)
    check = attendance.check_import(
        s,
        _csv(
            "employee_number,status",
            f"{a.employee_number},present",
            f"{a.employee_number},late",
            f"{outsider.employee_number},present",
            "GHOST,present",
            f"{a.employee_number},sleeping",
            ",present",
        ),
        "sheet.csv",
    )
    assert not check.ok
    problems = {(e.row, e.column) for e in check.errors}
    assert problems == {
        (3, "employee_number"),
        (4, "employee_number"),
        (5, "employee_number"),
        (6, "employee_number"),
        (6, "status"),
        (7, "employee_number"),
    }
    with pytest.raises(ValueError):
        attendance.apply_import(s, check, by_user_id=1)
    assert _rows() == []


def test_an_attendance_file_without_the_columns_says_so(app):
    s = _started()
    check = attendance.check_import(s, _csv("name,signature", "x,y"), "sheet.csv")
    assert "employee_number" in check.file_error
    check = attendance.check_import(s, b"\xff\xfe\x00bad", "sheet.csv")
    assert check.file_error


# ---------------------------------------------------------------- self check-in


def test_checking_in_with_the_code_records_present_by_self(app):
    s = factories.session(starts_at=utc_now() + timedelta(minutes=30))
    p = factories.person()
    factories.register(s, p, RegistrationState.ENROLLED)
    _s, row = checkin.check_in(s.checkin_code.lower(), p, by_user_id=None)
    assert row.method == AttendanceMethod.BY_SELF and row.status.code == "present"


def test_checking_in_more_than_fifteen_minutes_late_records_late(app):
    s = factories.session(starts_at=utc_now() - timedelta(minutes=20))
    p = factories.person()
    factories.register(s, p, RegistrationState.ENROLLED)
    assert checkin.check_in(s.checkin_code, p, by_user_id=None)[1].status.code == "late"


@pytest.mark.parametrize(
    ("offset", "message"),
    [(timedelta(minutes=-61), "opens at"), (timedelta(hours=3, minutes=1), "closed at")],
)
def test_a_code_outside_its_window_says_when_it_opens_or_closed(app, offset, message):
    s = factories.session()
    p = factories.person()
    factories.register(s, p, RegistrationState.ENROLLED)
    with time_machine.travel(s.starts_at + offset, tick=False), pytest.raises(RuleViolation, match=message):
        checkin.check_in(s.checkin_code, p, by_user_id=None)
    assert _rows() == []


def test_the_window_opens_an_hour_before_the_start(app):
    s = factories.session()
    p = factories.person()
    factories.register(s, p, RegistrationState.ENROLLED)
    with time_machine.travel(s.starts_at - timedelta(minutes=59), tick=False):
        checkin.check_in(s.checkin_code, p, by_user_id=None)
    assert len(_rows()) == 1


def test_an_unknown_code_says_so(app):
    with pytest.raises(RuleViolation, match="No session has this code") as error:
        checkin.check_in("ZZZZZZ", factories.person(), by_user_id=None)
    assert error.value.field == "code"


def test_someone_not_on_the_roster_cannot_check_in(app):
    s = _started()
    with pytest.raises(RuleViolation, match="not on the roster") as error:
        checkin.check_in(s.checkin_code, factories.person(), by_user_id=None)
    assert not isinstance(error.value, checkin.NotEnrolled)
    assert _rows() == []


def test_an_invited_person_without_a_seat_is_offered_one_and_checks_in(app):
    s = _started(capacity=2)
    invited = factories.person()
    factories.register(s, invited)  # invited, never enrolled
    with pytest.raises(checkin.NotEnrolled, match="Enrol and check in") as error:
        checkin.check_in(s.checkin_code, invited, by_user_id=None)
    assert error.value.can_enrol and error.value.field == "code"
    assert _rows() == []
    _s, row = checkin.check_in(s.checkin_code, invited, by_user_id=None, enrol=True)
    assert row.method == AttendanceMethod.BY_SELF
    db.session.expire_all()
    assert services.registration_of(s.id, invited.id).state == RegistrationState.ENROLLED
    assert db.session.get(TrainingSession, s.id).seats_taken == 1


def test_an_invited_person_at_a_full_session_is_told_to_see_the_desk(app):
    s = _started(capacity=1)
    factories.register(s, factories.person(), RegistrationState.ENROLLED)
    invited = factories.person()
    factories.register(s, invited)
    for enrol in (False, True):
        with pytest.raises(checkin.NotEnrolled, match="ask the organiser at the desk") as error:
            checkin.check_in(s.checkin_code, invited, by_user_id=None, enrol=enrol)
        assert not error.value.can_enrol
    assert _rows() == []
    db.session.expire_all()
    assert services.registration_of(s.id, invited.id).state == RegistrationState.INVITED


def test_checking_in_twice_says_when_the_first_was(app):
    s = _started()
    p = factories.person()
    factories.register(s, p, RegistrationState.ENROLLED)
    checkin.check_in(s.checkin_code, p, by_user_id=None)
    with pytest.raises(RuleViolation, match="already"):
        checkin.check_in(s.checkin_code, p, by_user_id=None)
    assert len(_rows()) == 1


def test_a_cancelled_session_refuses_check_in(app):
    s = _started(status=SessionStatus.CANCELLED)
    p = factories.person()
    factories.register(s, p, RegistrationState.ENROLLED)
    with pytest.raises(RuleViolation, match="cancelled"):
        checkin.check_in(s.checkin_code, p, by_user_id=None)


def test_the_qr_code_is_inline_svg_pointing_at_the_check_in_address(app):
    with app.test_request_context():
        url = checkin.checkin_url("ABC234")
        svg = str(checkin.qr_svg(url))
    assert url.endswith("/training/checkin/ABC234")
    assert svg.startswith("<svg") and "<script" not in svg
