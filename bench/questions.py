"""Benchmark data for ethics questions: profile L has 3,000 questions over five fiscal years."""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa
from sqlalchemy import insert

from ethics_hr.committees.models import AppointmentOrder, Committee, Membership
from ethics_hr.core.timeutil import be_year, fiscal_year_of, fiscal_year_range, local_today
from ethics_hr.extensions import db
from ethics_hr.questions.models import (
    MessageKind,
    Question,
    QuestionCategory,
    QuestionMessage,
    QuestionStatus,
)

SIZES = {"XS": 40, "M": 600, "L": 3000, "XL": 5000}
YEARS = 5


def _make_committee_member(ctx) -> None:
    """Give the benchmark's committee user an appointment in force, so the queue is theirs to see."""
    today = local_today()
    committee = Committee(
        name_th="คณะกรรมการจริยธรรม (ทดสอบประสิทธิภาพ)",
        name_en="Ethics committee (bench)",
        kind="ethics_committee",
        mandate="",
        dissolution_note="",
    )
    order = AppointmentOrder(
        committee=committee,
        number=9999,
        year_be=be_year(today.year),
        title="แต่งตั้งคณะกรรมการจริยธรรม",
        signed_on=today - timedelta(days=30),
        signed_by_name="นายกเทศมนตรี",
        signed_by_position="นายกเทศมนตรี",
        effective_on=today - timedelta(days=30),
    )
    order.members.append(Membership(person_id=ctx.committee.person_id, role="chair", sort_order=0))
    db.session.add(committee)
    db.session.commit()


def generate(ctx) -> None:
    """Spread the profile's questions over five fiscal years; most answered, the recent ones open."""
    _make_committee_member(ctx)
    rng = ctx.rng
    count = SIZES[ctx.profile]
    categories = list(db.session.scalars(sa.select(QuestionCategory.id)))
    this_year = fiscal_year_of(local_today())
    first_day = fiscal_year_range(this_year - YEARS + 1)[0]
    span = (local_today() - first_day).days
    rows, numbers = [], {}
    for _ in range(count):
        asked = first_day + timedelta(days=rng.randrange(span))
        fy = fiscal_year_of(asked, start_month=10)
        numbers[fy] = numbers.get(fy, 0) + 1
        age = (local_today() - asked).days
        answered = asked + timedelta(days=rng.randint(1, 30)) if age > 30 or rng.random() < 0.5 else None
        anonymous = rng.random() < 0.4
        rows.append(
            {
                "fiscal_year": fy,
                "number": numbers[fy],
                "category_id": rng.choice(categories),
                "subject": f"คำถามด้านจริยธรรม {numbers[fy]}",
                "clause": "",
                "anonymous": anonymous,
                "asker_person_id": None if anonymous else rng.choice(ctx.people),
                "receipt_hash": None,
                "status": (QuestionStatus.CLOSED if rng.random() < 0.3 else QuestionStatus.ANSWERED)
                if answered
                else rng.choice([QuestionStatus.NEW, QuestionStatus.ASSIGNED]),
                "assigned_person_id": ctx.committee.person_id if answered else None,
                "asked_on": asked,
                "due_on": asked + timedelta(days=15),
                "answered_on": answered,
                "closed_on": None,
            }
        )
    ids = list(
        db.session.scalars(insert(Question).returning(Question.id, sort_by_parameter_order=True), rows)
    )
    messages = []
    for qid, row in zip(ids, rows, strict=True):
        messages.append(
            {
                "question_id": qid,
                "kind": MessageKind.ASKER,
                "body": "รายละเอียดของคำถาม",
                "author_person_id": row["asker_person_id"],
                "written_on": row["asked_on"],
                "written_at": None,
            }
        )
        if row["answered_on"]:
            messages.append(
                {
                    "question_id": qid,
                    "kind": MessageKind.ANSWER,
                    "body": "คำตอบของคณะกรรมการ",
                    "author_person_id": ctx.committee.person_id,
                    "written_on": row["answered_on"],
                    "written_at": None,
                }
            )
    db.session.execute(insert(QuestionMessage), messages)
    db.session.commit()
    ctx.extras["question_fiscal_year"] = this_year - 1


def pages(ctx) -> list[tuple[str, str, str]]:
    fy = ctx.extras["question_fiscal_year"]
    return [
        ("questions: committee queue", "/questions/committee", "committee"),
        ("questions: statistics", f"/questions/statistics?fy={fy}", "committee"),
        ("questions: FAQ", "/questions/faq", "employee"),
    ]
