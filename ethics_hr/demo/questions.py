"""A year of realistic questions for the demo: some anonymous, some answered, some published as FAQ."""

from __future__ import annotations

from datetime import timedelta

from ethics_hr.core import audit
from ethics_hr.core.timeutil import fiscal_year_of
from ethics_hr.demo import content
from ethics_hr.extensions import db
from ethics_hr.people.models import Person
from ethics_hr.questions.models import (
    ANSWER,
    ANSWERED,
    ASKER,
    NEW,
    FaqEntry,
    Question,
    QuestionCategory,
    QuestionMessage,
)


def load_demo(people: list[Person]) -> None:
    """Create the demo questions from content.QUESTIONS, numbered per fiscal year in the order asked."""

    by_number = {p.employee_number: p for p in people}
    categories = {c.code: c for c in db.session.scalars(db.select(QuestionCategory))}
    numbers: dict[int, int] = {}
    for row in sorted(content.QUESTIONS, key=lambda r: r["asked_on"]):
        fy = fiscal_year_of(row["asked_on"], start_month=10)
        numbers[fy] = numbers.get(fy, 0) + 1
        asker = None if row["anonymous"] else by_number.get(row["asked_by"])
        answerer = by_number.get(row["answered_by"]) if row.get("answered_by") else None
        question = Question(
            fiscal_year=fy,
            number=numbers[fy],
            category_id=categories[row["category"]].id,
            subject=row["subject_th"],
            anonymous=asker is None,
            asker_person_id=asker.id if asker else None,
            # Demo anonymous questions have no receipt: nobody holds their code.
            receipt_hash=None,
            status=ANSWERED if row["answer_th"] else NEW,
            assigned_person_id=answerer.id if answerer else None,
            asked_on=row["asked_on"],
            due_on=row["asked_on"] + timedelta(days=15),
            answered_on=row["answered_on"],
        )
        question.messages.append(
            QuestionMessage(
                kind=ASKER,
                body=row["body_th"],
                author_person_id=question.asker_person_id,
                written_on=row["asked_on"],
            )
        )
        if row["answer_th"]:
            question.messages.append(
                QuestionMessage(
                    kind=ANSWER,
                    body=row["answer_th"],
                    author_person_id=answerer.id if answerer else None,
                    written_on=row["answered_on"],
                )
            )
        with audit.acting_as(None, "demo"):
            db.session.add(question)
            db.session.flush()
        if row.get("faq") and row["answer_th"]:
            db.session.add(
                FaqEntry(
                    question_id=question.id,
                    category_id=question.category_id,
                    title=row["faq_question_th"],
                    answer=row["faq_answer_th"],
                    published_on=row["answered_on"] + timedelta(days=2),
                    published_by_id=answerer.id if answerer else None,
                )
            )
    db.session.flush()
