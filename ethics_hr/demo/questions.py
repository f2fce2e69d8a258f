"""A year of realistic questions for the demo: some anonymous, some answered, some published as FAQ.

Each question is asked on its day through the asking service (so it is numbered per fiscal year in the
order asked); a committee member takes it and answers it on the day of the answer, and the FAQ entries
are published two days later. Demo anonymous questions keep no receipt: nobody holds their code.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from ethics_hr.core.timeutil import as_of
from ethics_hr.demo import content
from ethics_hr.people.models import Person
from ethics_hr.questions import asking, faq, handling

BANGKOK = ZoneInfo("Asia/Bangkok")


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=BANGKOK).astimezone(UTC)


def load_demo(people: list[Person]) -> None:
    """Ask, answer and publish the demo questions of content.QUESTIONS, each step on its day."""
    by_number = {p.employee_number: p for p in people}
    categories = {c.code: c.id for c in asking.categories(active_only=False)}
    for row in sorted(content.QUESTIONS, key=lambda r: r["asked_on"]):
        asker = None if row["anonymous"] else by_number.get(row["asked_by"])
        with as_of(_at(row["asked_on"], 9)):
            question = asking.ask(
                category_id=categories[row["category"]],
                subject=row["subject_th"],
                body=row["body_th"],
                asker=asker,
            ).question
        answerer = by_number.get(row["answered_by"]) if row.get("answered_by") else None
        if not row["answer_th"] or answerer is None:
            continue
        with as_of(_at(row["answered_on"], 14)):
            handling.assign(question, answerer, to=answerer)
            handling.answer(question, answerer, row["answer_th"])
        if row.get("faq"):
            with as_of(_at(row["answered_on"] + timedelta(days=2), 10)):
                faq.publish_faq(
                    question, answerer, title=row["faq_question_th"], answer_text=row["faq_answer_th"]
                )
