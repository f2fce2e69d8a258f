"""Demo training of the municipality: courses, FY 2569 and early FY 2570 sessions, invitations, attendance."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import sqlalchemy as sa

from ethics_hr.demo import content
from ethics_hr.extensions import db
from ethics_hr.people.models import Department, Person, StaffCategory
from ethics_hr.training import hours
from ethics_hr.training.checkin import new_checkin_code
from ethics_hr.training.models import (
    BY_OFFICER,
    BY_SELF,
    CANCELLED,
    COMPLETED,
    ENROLLED,
    INVITED,
    OPEN,
    WAITLISTED,
    Attendance,
    AttendanceStatus,
    Course,
    CourseTopic,
    Registration,
    TrainingSession,
)

BANGKOK = ZoneInfo("Asia/Bangkok")
CANCEL_REASON = "วิทยากรติดภารกิจเร่งด่วน จึงเลื่อนการอบรมไปเป็นวันที่ 9 กรกฎาคม 2569"
CORRECTION_NOTE = "ได้รับใบลาย้อนหลังจากผู้บังคับบัญชา"


def _utc(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=BANGKOK).astimezone(ZoneInfo("UTC"))


def _topics() -> dict[str, CourseTopic]:

    existing = {t.code: t for t in db.session.scalars(sa.select(CourseTopic))}
    for order, t in enumerate(content.COURSE_TOPICS, start=1):
        if t["code"] not in existing:
            topic = CourseTopic(
                code=t["code"],
                name_th=t["name_th"],
                name_en=t["name_en"],
                is_ethics=t["is_ethics"],
                sort_order=order,
            )
            db.session.add(topic)
            existing[t["code"]] = topic
    return existing


def load_demo(people: list[Person]) -> None:
    """Create the demo courses and sessions, invite people, and record attendance of the sessions held."""

    rng = random.Random(2569)
    topics = _topics()
    courses = {}
    for c in content.COURSES:
        topic = topics[c["topic"]]
        course = Course(
            code=c["code"],
            title_th=c["title_th"],
            title_en=c["title_en"],
            topic=topic,
            is_ethics=topic.is_ethics,
            default_hours=float(c["default_hours"]),
            description_th=c.get("description_th", ""),
            description_en=c.get("description_en", ""),
        )
        db.session.add(course)
        courses[c["code"]] = course
    db.session.flush()

    statuses = {s.code: s for s in db.session.scalars(sa.select(AttendanceStatus))}
    departments = {d.code: d.id for d in db.session.scalars(sa.select(Department))}
    categories = {c.code: c for c in db.session.scalars(sa.select(StaffCategory))}
    officer = people[1].account
    officer_id = officer.id if officer is not None else None
    codes: set[str] = set()
    for spec in content.TRAINING_SESSIONS:
        code = new_checkin_code()
        while code in codes:
            code = new_checkin_code()
        codes.add(code)
        starts, ends = _utc(spec["starts_at_local"]), _utc(spec["ends_at_local"])
        s = TrainingSession(
            course=courses[spec["course"]],
            starts_at=starts,
            ends_at=ends,
            place=spec.get("place_th", ""),
            speakers=spec.get("speakers_th", ""),
            capacity=spec["capacity"],
            mandatory=spec["mandatory"],
            status=spec["status"],
            checkin_code=code,
            registration_deadline=starts - timedelta(days=7) if not spec["mandatory"] else None,
        )
        if spec["status"] == CANCELLED:
            s.cancelled_at = starts - timedelta(days=10)
            s.cancel_reason = CANCEL_REASON
        db.session.add(s)
        db.session.flush()
        invited = _invitees(people, spec, departments, categories)
        enrolled = _register(s, invited, spec, rng)
        if spec["status"] == COMPLETED:
            _attendance(s, enrolled, statuses, officer_id, rng)
    db.session.flush()
    hours.rebuild_all()


def _invitees(people, spec, departments, categories) -> list[Person]:
    dept_ids = {departments[code] for code in spec["invite_departments"]}
    cat_codes = set(spec["invite_categories"])
    chosen = [
        p for p in people if p.active and (p.department_id in dept_ids or p.staff_category.code in cat_codes)
    ]
    chosen.sort(key=lambda p: (categories[p.staff_category.code].sort_order, p.first_name_th))
    return chosen


def _register(s: TrainingSession, invited: list[Person], spec: dict, rng: random.Random) -> list[Person]:
    """Seat the invited people as they would have enrolled; return those on the roster."""
    enrolled: list[Person] = []
    for person in invited:
        state = INVITED
        if s.mandatory or s.status in (COMPLETED, CANCELLED):
            wants = s.mandatory or rng.random() < 0.75
            if wants:
                state = ENROLLED if len(enrolled) < s.capacity else WAITLISTED
        elif s.status == OPEN and rng.random() < 0.4:
            state = ENROLLED if len(enrolled) < s.capacity else WAITLISTED
        reg = Registration(
            session_id=s.id,
            person_id=person.id,
            state=state,
            source="department" if spec["invite_departments"] else "category",
            invited_at=s.starts_at - timedelta(days=21),
        )
        if state == ENROLLED:
            reg.enrolled_at = s.starts_at - timedelta(days=rng.randint(8, 20))
            enrolled.append(person)
        elif state == WAITLISTED:
            reg.waitlisted_at = s.starts_at - timedelta(days=8)
        db.session.add(reg)
    s.seats_taken = len(enrolled)
    return enrolled


def _attendance(s, enrolled, statuses, officer_id, rng: random.Random) -> None:
    """Record who came: most present, a few late, some on leave, a rare absence; one correction."""
    corrected = False
    for person in enrolled:
        roll = rng.random()
        code = "present" if roll < 0.82 else "late" if roll < 0.89 else "excused" if roll < 0.96 else "absent"
        self_checkin = code in ("present", "late") and s.starts_at.year >= 2026 and rng.random() < 0.5
        when = s.starts_at + timedelta(
            minutes=rng.randint(-30, 10) if code == "present" else rng.randint(16, 40)
        )
        first = Attendance(
            session_id=s.id,
            person_id=person.id,
            status=statuses[code],
            method=BY_SELF if self_checkin else BY_OFFICER,
            recorded_by_id=None if self_checkin else officer_id,
            recorded_at=when if self_checkin else s.ends_at + timedelta(minutes=15),
        )
        db.session.add(first)
        if code == "absent" and not corrected:
            db.session.flush()
            corrected = True
            db.session.add(
                Attendance(
                    session_id=s.id,
                    person_id=person.id,
                    status=statuses["excused"],
                    method=BY_OFFICER,
                    recorded_by_id=officer_id,
                    corrects_id=first.id,
                    note=CORRECTION_NOTE,
                    recorded_at=s.ends_at + timedelta(days=2),
                )
            )
