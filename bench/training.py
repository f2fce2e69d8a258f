"""Training at scale: courses, sessions over two fiscal years, rosters and attendance (L: 1,000 sessions and
150,000 attendance entries); the pages are a session roster, a person's record and the hours report."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, insert, select

from ethics_hr.core.timeutil import fiscal_year_of, fiscal_year_range
from ethics_hr.extensions import db
from ethics_hr.training import hours
from ethics_hr.training.checkin import CODE_ALPHABET
from ethics_hr.training.models import (
    Attendance,
    AttendanceStatus,
    Course,
    CourseTopic,
    Registration,
    RegistrationState,
    SessionStatus,
    TrainingSession,
)

# (sessions, attendance entries) per profile; about 5 % of the entries are corrections of an earlier one.
SIZES = {"XS": (8, 160), "M": (100, 15_000), "L": (1_000, 150_000), "XL": (3_000, 500_000)}
CORRECTED_SHARE = 0.05
EMPLOYEE_SESSIONS = 24
CHUNK = 10_000
BANGKOK = ZoneInfo("Asia/Bangkok")
TODAY = date(2026, 11, 25)  # the demo's "today": FY 2570 began on 1 Oct 2026


def _fy() -> int:
    return fiscal_year_of(TODAY, start_month=10)


def _code(n: int) -> str:
    """A distinct check-in code for the n-th session (base-31 digits of the code alphabet)."""
    base = len(CODE_ALPHABET)
    digits = []
    for _ in range(6):
        n, r = divmod(n, base)
        digits.append(CODE_ALPHABET[r])
    return "".join(digits)


def _bulk(model, rows: list[dict]) -> None:
    for i in range(0, len(rows), CHUNK):
        db.session.execute(insert(model), rows[i : i + CHUNK])


def generate(ctx) -> None:
    """Create the courses, the sessions of the last and the current fiscal year, rosters and attendance."""
    from ethics_hr.demo import content

    rng = ctx.rng
    n_sessions, n_entries = SIZES.get(ctx.profile, SIZES["M"])
    topics = dict(db.session.execute(select(CourseTopic.code, CourseTopic.id)).all())
    ethics_topics = set(db.session.scalars(select(CourseTopic.code).where(CourseTopic.is_ethics)))
    now = datetime.now(UTC)
    _bulk(
        Course,
        [
            {
                "code": c["code"],
                "title_th": c["title_th"],
                "title_en": c["title_en"],
                "topic_id": topics[c["topic"]],
                "is_ethics": c["topic"] in ethics_topics,
                "default_hours": float(c["default_hours"]),
                "description_th": c.get("description_th", ""),
                "created_at": now,
                "updated_at": now,
            }
            for c in content.COURSES
        ],
    )
    courses = list(db.session.scalars(select(Course.id).order_by(Course.id)))
    statuses = dict(db.session.execute(select(AttendanceStatus.code, AttendanceStatus.id)).all())

    # Sessions spread over the previous fiscal year and the current one up to "today"; a few still ahead.
    first, _ = fiscal_year_range(_fy() - 1, start_month=10)
    span = (TODAY - first).days
    roster = max(1, round(n_entries / (1 + CORRECTED_SHARE) / n_sessions))
    session_rows = []
    for n in range(n_sessions):
        upcoming = n >= n_sessions - max(1, n_sessions // 50)
        day = TODAY + timedelta(days=7 + n % 60) if upcoming else first + timedelta(days=rng.randrange(span))
        starts = datetime.combine(day, time(9 if n % 2 else 13, 0), tzinfo=BANGKOK).astimezone(UTC)
        session_rows.append(
            {
                "course_id": courses[n % len(courses)],
                "series_key": "",
                "starts_at": starts,
                "ends_at": starts + timedelta(hours=3),
                "place": "ห้องประชุมสภาเทศบาล",
                "online_url": "",
                "speakers": "",
                "capacity": roster + 20,
                "seats_taken": roster,
                "mandatory": n % 3 == 0,
                "status": SessionStatus.OPEN if upcoming else SessionStatus.COMPLETED,
                "checkin_code": _code(n),
                "fiscal_year": fiscal_year_of(day, start_month=10),
                "notes": "",
                "cancel_reason": "",
                "created_at": now,
                "updated_at": now,
            }
        )
    _bulk(TrainingSession, session_rows)
    sessions = db.session.execute(
        select(TrainingSession.id, TrainingSession.starts_at, TrainingSession.status).order_by(
            TrainingSession.id
        )
    ).all()

    people = ctx.people
    employee_id = ctx.employee.person_id if ctx.employee is not None else people[0]
    registrations, entries = [], []
    codes, weights = ["present", "late", "excused", "absent"], [82, 7, 7, 4]
    # Like any one person, the employee the pages are requested as attends a couple of sessions a month,
    # whatever the size of the organisation.
    theirs = {sid for sid, *_ in rng.sample(sessions, min(EMPLOYEE_SESSIONS, len(sessions)))}
    for sid, starts, status in sessions:
        chosen = set(rng.sample(people, min(roster, len(people))))
        if sid in theirs:
            chosen.add(employee_id)
        else:
            chosen.discard(employee_id)
        for pid in chosen:
            registrations.append(
                {
                    "session_id": sid,
                    "person_id": pid,
                    "state": RegistrationState.ENROLLED,
                    "source": "category",
                    "invited_at": starts - timedelta(days=21),
                    "enrolled_at": starts - timedelta(days=14),
                    "created_at": now,
                    "updated_at": now,
                }
            )
            if status == SessionStatus.COMPLETED:
                code = rng.choices(codes, weights)[0]
                entries.append(
                    {
                        "session_id": sid,
                        "person_id": pid,
                        "status_id": statuses[code],
                        "method": "officer",
                        "recorded_at": starts + timedelta(hours=3, minutes=15),
                        "note": "",
                    }
                )
    _bulk(Registration, registrations)
    _bulk(Attendance, entries)

    # Corrections: a later entry for some (session, person), pointing at the first one.
    corrections = []
    first_ids = db.session.execute(select(Attendance.id, Attendance.session_id, Attendance.person_id)).all()
    for aid, sid, pid in rng.sample(first_ids, int(len(first_ids) * CORRECTED_SHARE)):
        corrections.append(
            {
                "session_id": sid,
                "person_id": pid,
                "status_id": statuses["excused"],
                "method": "officer",
                "recorded_at": now,
                "corrects_id": aid,
                "note": "ใบลาย้อนหลัง",
            }
        )
    _bulk(Attendance, corrections)
    hours.rebuild_all()  # bulk inserts bypass the services that keep the totals
    db.session.commit()
    busiest = db.session.scalar(
        select(Registration.session_id)
        .join(TrainingSession, TrainingSession.id == Registration.session_id)
        .where(TrainingSession.status == SessionStatus.COMPLETED)
        .group_by(Registration.session_id)
        .order_by(func.count(Registration.id).desc(), Registration.session_id)
        .limit(1)
    )
    ctx.extras["training_session"] = busiest


def pages(ctx) -> list[tuple]:
    """The session roster, a person's own record, the fiscal-year hours report of a department and of all."""
    fy = _fy()
    session_id = ctx.extras.get("training_session", 1)
    department = ctx.departments[0] if ctx.departments else ""
    return [
        ("training: session roster", f"/training/sessions/{session_id}", "officer"),
        ("training: my record", f"/training/my?fy={fy}", "employee"),
        (
            "training: hours report, one department",
            f"/training/reports/hours?fy={fy}&department={department}",
            "officer",
        ),
        (
            "training: hours report, whole organisation",
            f"/training/reports/hours?fy={fy}",
            "officer",
            "counts every active person of the organisation in grouped queries (ten times more people at L)",
        ),
        ("training: sessions of the year", f"/training/sessions?fy={fy}", "officer"),
    ]
