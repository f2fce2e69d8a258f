"""The published FAQ: the anonymised public version of answered questions."""

from __future__ import annotations

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from ethics_hr.core.db import transactional
from ethics_hr.core.errors import RuleViolation
from ethics_hr.core.timeutil import local_today
from ethics_hr.extensions import db
from ethics_hr.people.models import Person
from ethics_hr.questions.asking import BODY_MAX, check_length
from ethics_hr.questions.models import FaqEntry, Question, QuestionCategory

TITLE_MAX = 300


def faq_entry_of(question: Question) -> FaqEntry | None:
    """The FAQ entry made from a question, published or withdrawn, or None."""
    return db.session.scalar(db.select(FaqEntry).where(FaqEntry.question_id == question.id))


@transactional
def publish_faq(question: Question, member: Person, *, title: str, answer_text: str) -> FaqEntry:
    """Publish the anonymised public version of an answered question."""
    if not question.is_answered or question.answered_on is None:
        raise RuleViolation(str(_l("Only an answered question can become an FAQ.")))
    title, answer_text = (title or "").strip(), (answer_text or "").strip()
    if not title:
        raise RuleViolation(str(_l("Write the question as the public will read it.")), "title")
    check_length(title, TITLE_MAX, "title")
    if not answer_text:
        raise RuleViolation(str(_l("Write the public answer.")), "answer")
    check_length(answer_text, BODY_MAX, "answer")
    entry = faq_entry_of(question)
    if entry is None:
        entry = FaqEntry(question_id=question.id)
        db.session.add(entry)
    entry.category_id = question.category_id
    entry.title = title
    entry.answer = answer_text
    entry.published = True
    entry.published_on = local_today()
    entry.published_by_id = member.id
    return entry


@transactional
def withdraw_faq(entry: FaqEntry) -> None:
    """Take an FAQ entry off the public list."""
    entry.published = False


def faq_query(q: str = "", category_id: int | None = None) -> sa.Select:
    """Published FAQ entries, searchable, grouped by category order."""
    query = (
        db.select(FaqEntry)
        .join(QuestionCategory)
        .where(FaqEntry.published)
        .order_by(QuestionCategory.sort_order, FaqEntry.published_on.desc(), FaqEntry.id.desc())
    )
    if q:
        like = f"%{q.strip().lower()}%"
        query = query.where(
            sa.or_(sa.func.lower(FaqEntry.title).like(like), sa.func.lower(FaqEntry.answer).like(like))
        )
    if category_id:
        query = query.where(FaqEntry.category_id == category_id)
    return query


def published_faq(q: str = "", category_id: int | None = None) -> list[FaqEntry]:
    """The published FAQ entries, searchable (see `faq_query`)."""
    return list(db.session.scalars(faq_query(q, category_id)))


def faq_count() -> int:
    """How many FAQ entries are published, counted in SQL."""
    query = faq_query().with_only_columns(sa.func.count()).order_by(None)
    return int(db.session.scalar(query) or 0)
