"""Benchmark data for the question bank, a code's quiz, attempts and certificates (issue 16).

The bank holds 200 questions at every size; the quiz of the code version in force has five of them. People
attempt it (100,000 attempts at L, ten per person at M), inserted in bulk with their answers; the kept counts
are then worked out once (`rebuild_tallies`), as the services would have kept them. 1,000 of the passes have
their certificate, for the task that renders 1,000 certificate PDFs.

The quiz's results page reads the kept counts: the same statements at M and L.
"""

from __future__ import annotations

import time
from datetime import UTC, date, datetime, timedelta

from flask import url_for
from sqlalchemy import insert, select

from ethics_hr.codes.models import CodeQuiz, CodeVersion, QuizQuestion, VersionStatus
from ethics_hr.core.models import utc_now
from ethics_hr.extensions import db
from ethics_hr.learning import certificate_pdf
from ethics_hr.learning.certificates import new_code
from ethics_hr.learning.models import Answer, Attempt, BankChoice, BankQuestion, Certificate, Topic
from ethics_hr.learning.services import rebuild_tallies
from ethics_hr.people.models import Person

BANK = 200
QUIZ = 5
CERTIFICATES = 1_000
BATCH = 5_000
_state: dict[str, int] = {}


def _bank(ctx) -> list[int]:
    topics = [t.value for t in Topic]
    now = utc_now()
    questions = []
    for n in range(BANK):
        question = BankQuestion(
            kind="single",
            topic=topics[n % len(topics)],
            scenario=n % 3 == 0,
            prompt_th=f"สถานการณ์ที่ {n + 1}: ผู้รับเหมานำของขวัญมามอบให้ ควรทำอย่างไร",
            prompt_en=f"Scenario {n + 1}: a contractor brings a gift. What should you do?",
            explanation_th="ผู้รับเหมาเป็นผู้มีส่วนได้เสีย",
            clause=f"ข้อ {n % 20 + 1}",
            created_by_id=ctx.officer.id,
            frozen_at=now if n < QUIZ else None,
            choices=[BankChoice(position=k + 1, text_th=f"ตัวเลือก {k + 1}", correct=k == 0) for k in range(3)],
        )
        questions.append(question)
    db.session.add_all(questions)
    db.session.flush()
    return [q.id for q in questions]


def generate(ctx) -> None:
    """The bank, a quiz on the version in force, attempts with answers, and certificates."""
    version = db.session.scalar(
        select(CodeVersion)
        .where(CodeVersion.status == VersionStatus.PUBLISHED)
        .order_by(CodeVersion.id.desc())
        .limit(1)
    )
    ids = _bank(ctx)
    quiz_ids = ids[:QUIZ]
    # The version was published by the codes generator: its quiz goes in beside it, as if it had been there.
    db.session.execute(insert(CodeQuiz), [{"version_id": version.id, "pass_percent": 80, "required": False}])
    db.session.execute(
        insert(QuizQuestion),
        [{"version_id": version.id, "question_id": qid, "position": n} for n, qid in enumerate(quiz_ids, 1)],
    )
    choices = {
        qid: [c.id for c in db.session.scalars(select(BankChoice).where(BankChoice.question_id == qid))]
        for qid in quiz_ids
    }
    people = db.session.execute(select(Person.id, Person.department_id, Person.staff_category_id)).all()
    attempts = {"L": 100_000, "XL": 200_000}.get(ctx.profile, max(10 * len(people), 100))
    start = datetime(2025, 10, 1, 2, tzinfo=UTC)
    next_id = (db.session.scalar(select(Attempt.id).order_by(Attempt.id.desc()).limit(1)) or 0) + 1
    rows: list[dict] = []
    answers: list[dict] = []
    passes: list[tuple[int, int, date]] = []
    certified: set[int] = set()
    for n in range(attempts):
        person = people[n % len(people)]
        wrong = {q for q in quiz_ids if ctx.rng.random() < 0.15 + 0.1 * (quiz_ids.index(q) % 3)}
        right = QUIZ - len(wrong)
        submitted = start + timedelta(minutes=n)
        attempt_id = next_id + n
        rows.append(
            {
                "id": attempt_id,
                "person_id": person.id,
                "purpose": "code_quiz",
                "subject_id": version.id,
                "department_id": person.department_id,
                "staff_category_id": person.staff_category_id,
                "submitted_at": submitted,
                "question_order": ",".join(str(q) for q in quiz_ids),
                "correct_count": right,
                "total": QUIZ,
                "pass_percent": 80,
                "passed": right * 100 >= 80 * QUIZ,
                "locale": "th",
            }
        )
        for position, qid in enumerate(quiz_ids, 1):
            pick = choices[qid][1] if qid in wrong else choices[qid][0]
            answers.append(
                {
                    "attempt_id": attempt_id,
                    "question_id": qid,
                    "position": position,
                    "choice_ids": str(pick),
                    "correct": qid not in wrong,
                }
            )
        if rows[-1]["passed"] and len(passes) < CERTIFICATES and person.id not in certified:
            certified.add(person.id)
            passes.append((person.id, attempt_id, submitted.date()))
        if len(answers) >= BATCH:
            db.session.execute(insert(Attempt), rows)
            db.session.execute(insert(Answer), answers)
            rows, answers = [], []
    if rows:
        db.session.execute(insert(Attempt), rows)
        db.session.execute(insert(Answer), answers)
    names = {p.id: p for p in db.session.scalars(select(Person).where(Person.id.in_([p[0] for p in passes])))}
    db.session.execute(
        insert(Certificate),
        [
            {
                "code": new_code(),
                "person_id": person_id,
                "purpose": "code_quiz",
                "subject_id": version.id,
                "edition": 0,
                "title_th": f"ผ่านแบบทดสอบความเข้าใจ {version.title}",
                "title_en": "Passed the comprehension quiz on the code of ethics",
                "hours": None,
                "achieved_on": day,
                "holder_th": names[person_id].full_name_th,
                "holder_en": names[person_id].full_name_en,
                "signatory": "นายประเสริฐ วงศ์ใหญ่",
                "signatory_title_th": "นายกเทศมนตรี",
                "signatory_title_en": "Mayor",
                "issued_at": start,
            }
            for person_id, _attempt, day in passes
        ],
    )
    db.session.commit()
    rebuild_tallies()
    _state["version_id"] = version.id
    _state["department_id"] = ctx.departments[0] if ctx.departments else 0


def pages(ctx) -> list[tuple]:
    version_id = _state["version_id"]
    return [
        ("learning: quiz results", f"/codes/versions/{version_id}/quiz/results", "officer", 1.3),
        (
            "learning: quiz results of a department",
            f"/codes/versions/{version_id}/quiz/results?department={_state['department_id']}",
            "officer",
            1.3,
        ),
        ("learning: question bank", "/learning/questions", "officer", 1.3),
    ]


def tasks(ctx) -> list[tuple]:
    def render_certificates() -> dict:
        rows = list(db.session.scalars(select(Certificate).order_by(Certificate.id).limit(CERTIFICATES)))
        started = time.perf_counter()
        size = 0
        with ctx.app.test_request_context(base_url="https://ethics.example.go.th"):
            for row in rows:
                body = certificate_pdf.render(
                    row, verify_url=url_for("verify.check", code=row.code, _external=True), locale="th"
                )
                size += len(body)
        seconds = time.perf_counter() - started
        each = size / max(len(rows), 1)
        print(f"learning: {len(rows)} certificate PDFs in {seconds:.1f} s ({each:.0f} bytes each)")
        return {"pdfs": len(rows), "seconds": round(seconds, 2)}

    return [("learning: 1,000 certificate PDFs", render_certificates, 20.0)]
