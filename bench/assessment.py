"""Benchmark data for the sessions' tests and evaluations and the year's outcome (issue 16).

Every session held gets a pre-test and a post-test of five scenario questions of the bank (`bench.learning`
wrote it); twenty of the people who attended each take both (the pre-test about half right, the post-test
mostly right). People who attended evaluate their sessions, anonymously: 50,000 evaluations at L, 5,000 at
M, about fifty per session at both sizes, as a session's size does not grow with the organisation. The kept
counts are then worked out once, as the services would have kept them.

A session's results page and the outcome page read the kept counts: the same statements at M and L. The
training results of a year make the same statements too, but add up the year's attendance per course, so
their time grows with the number of sessions held.
"""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa
from sqlalchemy import insert, select

from ethics_hr.extensions import db
from ethics_hr.learning import services as learning
from ethics_hr.learning.models import Answer, Attempt, BankChoice, BankQuestion
from ethics_hr.people.models import Person
from ethics_hr.training import evaluations, outcome
from ethics_hr.training.models import (
    CRITERIA,
    Attendance,
    AttendanceStatus,
    Evaluation,
    EvaluationMark,
    SessionStatus,
    SessionTest,
    SessionTestQuestion,
    TrainingSession,
    current_attendance_ids,
)

EVALUATIONS = {"XS": 200, "M": 5_000, "L": 50_000, "XL": 100_000}
TESTED_PER_SESSION = 20
QUESTIONS = 5
CHUNK = 5_000
COMMENTS = ["วิทยากรอธิบายเข้าใจง่าย", "ควรเพิ่มเวลาถามตอบ", "ห้องประชุมเย็นเกินไป", "นำไปใช้กับงานได้จริง"]
_state: dict[str, int] = {}


def _bulk(model, rows: list[dict]) -> None:
    for i in range(0, len(rows), CHUNK):
        db.session.execute(insert(model), rows[i : i + CHUNK])


def _attendees() -> dict[int, list[int]]:
    """Per session held (not cancelled), the people whose current attendance earns hours."""
    latest = current_attendance_ids()
    rows = db.session.execute(
        select(Attendance.session_id, Attendance.person_id)
        .join(latest, latest.c.id == Attendance.id)
        .join(AttendanceStatus, AttendanceStatus.id == Attendance.status_id)
        .join(TrainingSession, TrainingSession.id == Attendance.session_id)
        .where(AttendanceStatus.hours_factor > 0, TrainingSession.status != SessionStatus.CANCELLED)
        .order_by(Attendance.session_id, Attendance.person_id)
    )
    found: dict[int, list[int]] = {}
    for session_id, person_id in rows:
        found.setdefault(session_id, []).append(person_id)
    return found


def generate(ctx) -> None:
    rng = ctx.rng
    scenario_ids = db.session.scalars(
        select(BankQuestion.id)
        .where(BankQuestion.scenario.is_(True))
        .order_by(BankQuestion.id)
        .limit(QUESTIONS)
    ).all()
    db.session.execute(
        sa.update(BankQuestion).where(BankQuestion.id.in_(scenario_ids)).values(frozen_at=sa.func.now())
    )
    choices = {
        qid: db.session.scalars(
            select(BankChoice.id).where(BankChoice.question_id == qid).order_by(BankChoice.position)
        ).all()
        for qid in scenario_ids
    }
    attendees = _attendees()
    session_rows = {
        s.id: s
        for s in db.session.scalars(select(TrainingSession).where(TrainingSession.id.in_(list(attendees))))
    }
    people = {
        p.id: p for p in db.session.execute(select(Person.id, Person.department_id, Person.staff_category_id))
    }

    tests, items = [], []
    for session_id in attendees:
        for phase in ("pre", "post"):
            tests.append(
                {
                    "session_id": session_id,
                    "phase": phase,
                    "pass_percent": 60,
                    "required_for_certificate": phase == "post",
                }
            )
    _bulk(SessionTest, tests)
    for test_id in db.session.scalars(select(SessionTest.id)):
        items.extend(
            {"test_id": test_id, "question_id": qid, "position": n} for n, qid in enumerate(scenario_ids, 1)
        )
    _bulk(SessionTestQuestion, items)

    next_id = (db.session.scalar(select(sa.func.max(Attempt.id))) or 0) + 1
    attempts, answers = [], []
    order = ",".join(str(q) for q in scenario_ids)
    for session_id, ids in attendees.items():
        s = session_rows[session_id]
        for person_id in ids[:TESTED_PER_SESSION]:
            person = people[person_id]
            for purpose, share, moment in (
                ("pre_test", 0.55, s.starts_at - timedelta(hours=3)),
                ("post_test", 0.88, s.ends_at + timedelta(minutes=30)),
            ):
                wrong = {q for q in scenario_ids if rng.random() > share}
                right = QUESTIONS - len(wrong)
                attempts.append(
                    {
                        "id": next_id,
                        "person_id": person_id,
                        "purpose": purpose,
                        "subject_id": session_id,
                        "department_id": person.department_id,
                        "staff_category_id": person.staff_category_id,
                        "submitted_at": moment,
                        "question_order": order,
                        "correct_count": right,
                        "total": QUESTIONS,
                        "pass_percent": 60,
                        "passed": right * 100 >= 60 * QUESTIONS,
                        "locale": "th",
                    }
                )
                answers.extend(
                    {
                        "attempt_id": next_id,
                        "question_id": qid,
                        "position": n,
                        "choice_ids": str(choices[qid][1] if qid in wrong else choices[qid][0]),
                        "correct": qid not in wrong,
                    }
                    for n, qid in enumerate(scenario_ids, 1)
                )
                next_id += 1
        if len(answers) >= CHUNK:
            _bulk(Attempt, attempts)
            _bulk(Answer, answers)
            attempts, answers = [], []
    _bulk(Attempt, attempts)
    _bulk(Answer, answers)

    # Evaluations: round the sessions, one attendee of each at a time, until the profile's number.
    wanted = EVALUATIONS.get(ctx.profile, EVALUATIONS["M"])
    queues = {sid: list(ids) for sid, ids in attendees.items()}
    marks, rows = [], []
    while len(rows) < wanted and any(queues.values()):
        for session_id, queue in queues.items():
            if not queue or len(rows) >= wanted:
                continue
            person_id = queue.pop()
            marks.append(
                {
                    "session_id": session_id,
                    "person_id": person_id,
                    "evaluated_at": session_rows[session_id].ends_at,
                }
            )
            rows.append(
                {
                    "session_id": session_id,
                    "person_id": None,
                    "submitted_on": session_rows[session_id].ends_at.date(),
                    "comment": rng.choice(COMMENTS) if rng.random() < 0.3 else "",
                    **{c: rng.choice((3, 4, 4, 5, 5)) for c in CRITERIA},
                }
            )
    _bulk(EvaluationMark, marks)
    _bulk(Evaluation, rows)
    db.session.commit()
    learning.rebuild_tallies()
    evaluations.rebuild_tallies()
    outcome.rebuild()
    db.session.commit()
    busiest = max(attendees, key=lambda sid: len(attendees[sid]))
    _state["session_id"] = busiest
    _state["fiscal_year"] = session_rows[busiest].fiscal_year
    print(f"assessment: {len(attendees)} sessions tested, {len(rows)} evaluations")


def pages(ctx) -> list[tuple]:
    fy = _state["fiscal_year"]
    return [
        (
            "assessment: a session's tests and evaluation",
            f"/training/sessions/{_state['session_id']}/results",
            "officer",
            1.3,
        ),
        ("assessment: the year's outcome", f"/training/outcome?fy={fy}", "officer", 1.3),
        (
            "assessment: the year's results by course",
            f"/training/results?fy={fy}",
            "officer",
            1.3,
            "it adds up the attendance of the year's sessions per course (10 times more sessions at L)",
        ),
    ]
