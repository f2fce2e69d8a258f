"""Hours: credited in SQL from current attendance x status share x session hours; the officer's report."""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
import time_machine

from ethics_hr.core.settings import get_settings
from ethics_hr.extensions import db
from ethics_hr.training import attendance, reports
from ethics_hr.training.models import AttendanceStatus, RegistrationState, SessionStatus
from tests import factories

FY = 2570  # 1 Oct 2026 - 30 Sep 2027


def _held(when: datetime, **kw):
    return factories.session(starts_at=when, status=SessionStatus.COMPLETED, **kw)


def _attend(s, person, code, officer):
    factories.register(s, person, RegistrationState.ENROLLED)
    attendance.record_marks(s, {person.id: code}, by_user_id=officer.id)


def test_hours_count_current_attendance_times_share_times_session_hours(app):
    officer = factories.officer()
    p = factories.person()
    ethics = factories.course(hours=3)
    other = factories.course(is_ethics=False, hours=6)
    _attend(_held(datetime(2026, 10, 5, 2, tzinfo=UTC), course_=ethics), p, "present", officer)
    _attend(_held(datetime(2026, 11, 5, 2, tzinfo=UTC), course_=ethics, hours=1.5), p, "late", officer)
    _attend(_held(datetime(2026, 11, 6, 2, tzinfo=UTC), course_=ethics), p, "absent", officer)
    _attend(_held(datetime(2026, 11, 7, 2, tzinfo=UTC), course_=other), p, "present", officer)
    _attend(_held(datetime(2026, 9, 20, 2, tzinfo=UTC), course_=ethics), p, "present", officer)  # FY 2569
    h = reports.hours_for(FY, [p.id])[p.id]
    assert (h.ethics, h.all) == (4.5, 10.5)
    assert reports.hours_for(2569, [p.id])[p.id].ethics == 3


def test_a_correction_changes_the_hours_and_the_old_entry_stays(app):
    officer = factories.officer()
    p = factories.person()
    s = _held(datetime(2026, 10, 5, 2, tzinfo=UTC))
    _attend(s, p, "present", officer)
    attendance.record_marks(s, {p.id: "absent"}, by_user_id=officer.id)
    assert reports.hours_for(FY, [p.id])[p.id].ethics == 0
    assert len(attendance.history(s.id, p.id)) == 2


def test_the_share_a_status_earns_is_data(app):
    officer = factories.officer()
    p = factories.person()
    _attend(_held(datetime(2026, 10, 5, 2, tzinfo=UTC)), p, "late", officer)
    late = db.session.scalar(sa.select(AttendanceStatus).where(AttendanceStatus.code == "late"))
    late.hours_factor = 0.5
    db.session.commit()
    assert reports.hours_for(FY, [p.id])[p.id].ethics == 1.5


def test_a_cancelled_session_credits_nothing(app):
    officer = factories.officer()
    p = factories.person()
    s = _held(datetime(2026, 10, 5, 2, tzinfo=UTC))
    _attend(s, p, "present", officer)
    s.status = SessionStatus.CANCELLED
    db.session.commit()
    assert reports.hours_for(FY, [p.id])[p.id].all == 0


def test_the_fiscal_year_starts_on_1_october_bangkok_time(app):
    officer = factories.officer()
    p = factories.person()
    # 30 Sep 2026 at 17:30 UTC is 1 Oct 2026 00:30 in Bangkok: FY 2570.
    _attend(_held(datetime(2026, 9, 30, 17, 30, tzinfo=UTC)), p, "present", officer)
    assert reports.hours_for(FY, [p.id])[p.id].ethics == 3
    assert reports.hours_for(2569, [p.id])[p.id].ethics == 0


def test_the_report_counts_who_met_the_requirement_per_department_and_category(app):
    settings = get_settings()
    settings.ethics_hours_required = 3
    db.session.commit()
    officer = factories.officer()
    dept = factories.department()
    met = factories.person(dept=dept)
    short = factories.person(dept=dept)
    factories.person(dept=dept, category_code="teacher")
    s = _held(datetime(2026, 10, 5, 2, tzinfo=UTC))
    _attend(s, met, "present", officer)
    _attend(s, short, "excused", officer)
    rows = reports.summary(FY, by="category", department_id=dept.id)
    by_category = {r.group.code: (r.people, r.met, r.not_met) for r in rows}
    assert by_category == {"local_official": (2, 1, 1), "teacher": (1, 0, 1)}
    by_department = {
        r.group.id if r.group else None: (r.people, r.met) for r in reports.summary(FY, by="department")
    }
    assert by_department[dept.id] == (3, 1)
    listed = db.session.scalars(reports.people_query(FY, department_id=dept.id, met=reports.MET)).all()
    assert [p.id for p in listed] == [met.id]
    not_met = db.session.scalars(reports.people_query(FY, department_id=dept.id, met=reports.NOT_MET)).all()
    assert len(not_met) == 2


def test_a_persons_record_lists_their_sessions_with_status_and_hours(app):
    officer = factories.officer()
    p = factories.person()
    held = _held(datetime(2026, 10, 5, 2, tzinfo=UTC))
    _attend(held, p, "present", officer)
    upcoming = factories.session(starts_at=datetime(2027, 1, 5, 2, tzinfo=UTC))
    factories.register(upcoming, p)
    factories.session(starts_at=datetime(2027, 1, 6, 2, tzinfo=UTC))  # not theirs
    lines = reports.person_record(p.id, FY)
    assert [(line.session.id, line.registration_state, line.hours) for line in lines] == [
        (held.id, RegistrationState.ENROLLED, 3.0),
        (upcoming.id, "invited", 0.0),
    ]
    assert lines[0].status.code == "present"


def test_the_export_has_every_row_and_opens_as_a_workbook(app):
    from io import BytesIO

    from flask_babel import force_locale
    from openpyxl import load_workbook

    from ethics_hr.core.exports import csv_bytes, xlsx_bytes

    officer = factories.officer()
    p = factories.person(first_name_th="สมหญิง")
    _attend(_held(datetime(2026, 10, 5, 2, tzinfo=UTC)), p, "present", officer)
    rows = reports.export_rows(FY)
    assert any(r[0] == p.employee_number and r[5] == 3.0 for r in rows)
    with force_locale("th"):
        header = reports.export_header()
    text = csv_bytes(header, rows).decode("utf-8-sig")
    assert text.splitlines()[0].startswith("รหัสพนักงาน,ชื่อ-สกุล,ตำแหน่ง")  # not employee_number,name
    assert "สมหญิง" in text
    wb = load_workbook(BytesIO(xlsx_bytes(header, rows, title="FY2570")))
    assert wb.active.max_row == len(rows) + 1


def _kept(fy=FY) -> dict[int, tuple[float, float]]:
    from ethics_hr.training.models import PersonHours

    rows = db.session.scalars(sa.select(PersonHours).where(PersonHours.fiscal_year == fy))
    return {r.person_id: (r.all_hours, r.ethics_hours) for r in rows if r.all_hours or r.ethics_hours}


def _live(people, fy=FY) -> dict[int, tuple[float, float]]:
    live = reports.hours_for(fy, [p.id for p in people])
    return {pid: (h.all, h.ethics) for pid, h in live.items() if h.all or h.ethics}


def test_the_kept_totals_follow_every_change_that_moves_hours(app):
    from datetime import date, time

    from ethics_hr.training import checkin, services
    from ethics_hr.training.models import TrainingSession

    officer = factories.officer()
    people = [factories.person() for _ in range(3)]
    s = factories.session(starts_at=datetime(2026, 11, 25, 2, tzinfo=UTC), capacity=5)
    for p in people[:2]:
        factories.register(s, p, RegistrationState.ENROLLED)
    attendance.record_marks(s, {people[0].id: "present", people[1].id: "late"}, by_user_id=officer.id)
    assert _kept() == _live(people) == {people[0].id: (3, 3), people[1].id: (3, 3)}
    attendance.add_walk_in(s, people[2].employee_number, "present", by_user_id=officer.id)
    assert _kept() == _live(people) and people[2].id in _kept()
    # The status "late" now earns half; the session is given 2 hours; then it moves to the next fiscal year.
    services.save_status(
        db.session.scalar(sa.select(AttendanceStatus).where(AttendanceStatus.code == "late")),
        name_th="มาสาย",
        name_en="Late",
        hours_factor=0.5,
        active=True,
    )
    assert _kept()[people[1].id] == (1.5, 1.5)
    data = services.SessionInput(
        course_id=s.course_id,
        day=date(2026, 11, 25),
        start=time(9),
        end=time(11),
        capacity=5,
        hours=2,
        status="open",
    )
    services.update_session(db.session.get(TrainingSession, s.id), data)
    assert _kept() == _live(people) and _kept()[people[0].id] == (2, 2)
    data.day = date(2027, 10, 5)
    services.update_session(db.session.get(TrainingSession, s.id), data)
    assert _kept() == {} and _kept(2571) == _live(people, 2571)
    data.day = date(2026, 11, 25)
    services.update_session(db.session.get(TrainingSession, s.id), data)
    services.cancel_session(db.session.get(TrainingSession, s.id), reason="x")
    assert _kept() == _live(people) == {}
    # A course that stops counting as ethics content.
    s2 = factories.session(starts_at=datetime(2026, 11, 25, 2, tzinfo=UTC))
    factories.register(s2, people[0], RegistrationState.ENROLLED)
    with time_machine.travel(s2.starts_at, tick=False):
        checkin.check_in(s2.checkin_code, people[0], by_user_id=None)
    assert _kept()[people[0].id] == (3, 3)
    course = s2.course
    services.save_course(
        course,
        {
            "code": course.code,
            "title_th": course.title_th,
            "topic_id": course.topic_id,
            "is_ethics": False,
            "default_hours": 3,
        },
    )
    assert _kept() == _live(people) == {people[0].id: (3, 0)}
