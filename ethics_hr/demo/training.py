"""Demo training of the municipality: courses, FY 2569 and early FY 2570 sessions, invitations, attendance.

Every step goes through the services the officer and the employees use, each on its own day: the officer
schedules a session a month before, invites departments or staff categories three weeks before (a mandatory
session seats the invitees at once), people enrol or join the waiting list, one session is cancelled, and
after each session held the officer marks the roster (some checked in themselves with the room's code),
completes the session and later corrects one absence.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from ethics_hr.core.timeutil import as_of
from ethics_hr.demo import content
from ethics_hr.extensions import db
from ethics_hr.people.models import Department, Person, StaffCategory
from ethics_hr.training import attendance, catalogue, checkin, enrolment, invitations, sessions
from ethics_hr.training.models import CourseTopic, RegistrationState, SessionStatus, TrainingSession

BANGKOK = ZoneInfo("Asia/Bangkok")
# The demo tells the municipality's story up to this morning; nothing is done after it.
DEMO_NOW = datetime(2026, 11, 25, 10, 0, tzinfo=BANGKOK)
CANCEL_REASON = "วิทยากรติดภารกิจเร่งด่วน จึงเลื่อนการอบรมไปเป็นวันที่ 9 กรกฎาคม 2569"
CORRECTION_NOTE = "ได้รับใบลาย้อนหลังจากผู้บังคับบัญชา"


def _local(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=BANGKOK)


def _past(moment: datetime) -> datetime:
    """Keep a step of the story from happening after the demo's today."""
    return min(moment, DEMO_NOW)


def load_demo(people: list[Person]) -> None:
    """Create the demo courses and sessions, invite people, and record attendance of the sessions held."""
    rng = random.Random(2569)
    courses = _courses()
    departments = {d.code: d.id for d in db.session.scalars(db.select(Department))}
    categories = {c.code: c.id for c in db.session.scalars(db.select(StaffCategory))}
    officer = people[1].account
    for spec in content.TRAINING_SESSIONS:
        s = _schedule(spec, courses[spec["course"]])
        with as_of(_past(s.starts_at - timedelta(days=21))):
            invitations.invite(
                s,
                department_ids=[departments[code] for code in spec["invite_departments"]],
                category_ids=[categories[code] for code in spec["invite_categories"]],
            )
        if not s.mandatory:
            _enrol(s, spec, rng)
        if spec["status"] == SessionStatus.CANCELLED:
            with as_of(s.starts_at - timedelta(days=10)):
                sessions.cancel_session(s, reason=CANCEL_REASON)
        elif spec["status"] == SessionStatus.COMPLETED:
            _attendance(s, officer.id, rng)


def _courses() -> dict:
    """Add the topics the demo needs that the reference data lacks, then the courses, as the officer would."""
    with as_of(_local("2025-10-01 09:00")):
        topics = {t.code: t for t in db.session.scalars(db.select(CourseTopic))}
        for t in content.COURSE_TOPICS:
            if t["code"] not in topics:
                topics[t["code"]] = catalogue.save_topic(
                    None,
                    code=t["code"],
                    name_th=t["name_th"],
                    name_en=t["name_en"],
                    is_ethics=t["is_ethics"],
                    active=True,
                )
        courses = {}
        for c in content.COURSES:
            topic = topics[c["topic"]]
            courses[c["code"]] = catalogue.save_course(
                None,
                {
                    "code": c["code"],
                    "title_th": c["title_th"],
                    "title_en": c["title_en"],
                    "topic_id": topic.id,
                    "is_ethics": topic.is_ethics,
                    "default_hours": c["default_hours"],
                    "description_th": c.get("description_th", ""),
                    "description_en": c.get("description_en", ""),
                },
            )
    return courses


def _schedule(spec: dict, course) -> TrainingSession:
    """Schedule the session a month ahead; enrolment in a voluntary one closes a week before."""
    starts, ends = _local(spec["starts_at_local"]), _local(spec["ends_at_local"])
    planned = spec["status"] == SessionStatus.PLANNED
    with as_of(_past(starts - timedelta(days=30))):
        (s,) = sessions.create_sessions(
            sessions.SessionInput(
                course_id=course.id,
                day=starts.date(),
                start=starts.time(),
                end=ends.time(),
                capacity=spec["capacity"],
                place=spec.get("place_th", ""),
                speakers=spec.get("speakers_th", ""),
                deadline=None if spec["mandatory"] else (starts - timedelta(days=7)).date(),
                mandatory=spec["mandatory"],
                status=SessionStatus.PLANNED if planned else SessionStatus.OPEN,
            )
        )
    return s


def _enrol(s: TrainingSession, spec: dict, rng: random.Random) -> None:
    """Let the invited people of a voluntary session enrol, or wait once it is full, on their own days."""
    if spec["status"] == SessionStatus.PLANNED:
        return
    share = 0.4 if spec["status"] == SessionStatus.OPEN else 0.75
    # In the session later cancelled, everyone enrolled before it was called off.
    latest = 11 if spec["status"] == SessionStatus.CANCELLED else 8
    invited = [
        r.person for r in db.session.scalars(sessions.roster_query(s.id, states=(RegistrationState.INVITED,)))
    ]
    choices = [(p, rng.random() < share, rng.randint(latest, 20)) for p in invited]
    for person, wants, days in sorted(choices, key=lambda c: -c[2]):
        if not wants:
            continue
        with as_of(_past(s.starts_at - timedelta(days=days, hours=rng.randint(0, 8)))):
            if s.seats_taken < s.capacity:
                enrolment.enrol(s, person)
            else:
                enrolment.join_waitlist(s, person)


def _attendance(s: TrainingSession, officer_id: int, rng: random.Random) -> None:
    """Record who came: most present, a few late, some on leave, a rare absence; one correction."""
    roster = [r.person for r in db.session.scalars(sessions.roster_query(s.id))]
    marks: dict[int, str] = {}
    corrected = None
    for person in roster:
        roll = rng.random()
        code = "present" if roll < 0.82 else "late" if roll < 0.89 else "excused" if roll < 0.96 else "absent"
        self_checkin = code in ("present", "late") and s.starts_at.year >= 2026 and rng.random() < 0.5
        minutes = rng.randint(-30, 10) if code == "present" else rng.randint(16, 40)
        if self_checkin:
            with as_of(s.starts_at + timedelta(minutes=minutes)):
                checkin.check_in(s.checkin_code, person, by_user_id=None)
        else:
            marks[person.id] = code
        if code == "absent" and corrected is None:
            corrected = person.id
    with as_of(s.ends_at + timedelta(minutes=15)):
        if marks:
            attendance.record_marks(s, marks, by_user_id=officer_id)
        sessions.complete_session(s)
    if corrected is not None:
        with as_of(s.ends_at + timedelta(days=2)):
            attendance.record_marks(s, {corrected: "excused"}, by_user_id=officer_id, note=CORRECTION_NOTE)
