"""The committee's side of an ethics question: the queue, assigning, notes, clarifications and answers."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from flask_babel import lazy_pgettext

from ethics_hr.core.db import transactional
from ethics_hr.core.errors import RuleViolation
from ethics_hr.core.models import utc_now
from ethics_hr.core.timeutil import local_today
from ethics_hr.extensions import db
from ethics_hr.people.models import Person
from ethics_hr.questions import notices
from ethics_hr.questions.asking import BODY_MAX, check_length
from ethics_hr.questions.models import (
    OPEN_STATUSES,
    MessageKind,
    Question,
    QuestionMessage,
    QuestionStatus,
    Recusal,
)

# The queue's filters besides a single status: every open question, or all of them.
OPEN_FILTER = "open"
ALL_FILTER = "all"


def _recused_ids(person_id: int) -> sa.Select:
    return db.select(Recusal.question_id).where(Recusal.person_id == person_id)


def has_stepped_aside(question_id: int, person_id: int) -> bool:
    """Whether the person stepped aside from the question."""
    return bool(
        db.session.scalar(
            db.select(Recusal.id).where(Recusal.question_id == question_id, Recusal.person_id == person_id)
        )
    )


def visible_question(question_id: int, member: Person) -> Question | None:
    """A question as a member may see it: None when the member stepped aside from it."""
    question = db.session.get(Question, question_id)
    if question is None or has_stepped_aside(question_id, member.id):
        return None
    return question


def queue_filters() -> list[tuple[str, str]]:
    """The queue's tabs: every open question, each status, all."""
    return [
        (OPEN_FILTER, str(lazy_pgettext("question", "Open"))),
        *((s.value, s.label) for s in QuestionStatus),
        (ALL_FILTER, str(_l("All"))),
    ]


def queue_query(member: Person, *, status: str | None = None, mine: bool = False) -> sa.Select:
    """The committee's queue for a member: overdue first, then by due date; stepped-aside ones left out."""
    today = local_today()
    overdue = sa.and_(Question.status.in_(OPEN_STATUSES), Question.due_on < today)
    query = db.select(Question).where(Question.id.not_in(_recused_ids(member.id)))
    if status in tuple(QuestionStatus):
        query = query.where(Question.status == status)
    elif status == OPEN_FILTER:
        query = query.where(Question.status.in_(OPEN_STATUSES))
    if mine:
        query = query.where(Question.assigned_person_id == member.id)
    return query.order_by(sa.case((overdue, 0), else_=1), Question.due_on, Question.id)


def named_asker(question: Question) -> Person | None:
    """The person who asked by name, as the committee may see them; None for an anonymous question."""
    if question.anonymous or question.asker_person_id is None:
        return None
    return db.session.get(Person, question.asker_person_id)


def is_overdue(question: Question, today: date | None = None) -> bool:
    """Whether an open question is past its due date."""
    return question.is_open and question.due_on < (today or local_today())


def _member_message(question: Question, member: Person, kind: MessageKind, body: str) -> QuestionMessage:
    body = (body or "").strip()
    if not body:
        raise RuleViolation(str(_l("Write the text.")), "body")
    check_length(body, BODY_MAX, "body")
    message = QuestionMessage(
        kind=kind, body=body, author_person_id=member.id, written_on=local_today(), written_at=utc_now()
    )
    return question.add_message(message)


def _require_open(question: Question) -> None:
    if not question.is_open:
        raise RuleViolation(str(_l("This question is no longer open.")))


@transactional
def assign(question: Question, member: Person, *, to: Person) -> None:
    """Give the question to a member (a member may take it for themselves)."""
    _require_open(question)
    if has_stepped_aside(question.id, to.id):
        raise RuleViolation(str(_l("This member stepped aside from the question.")), "member_id")
    if question.assigned_person_id == to.id:
        return
    question.assigned_person_id = to.id
    if question.status == QuestionStatus.NEW:
        question.status = QuestionStatus.ASSIGNED
    if to.id != member.id:  # a member who takes it knows already
        db.session.flush()
        notices.assigned(question, to.id, by=member)


@transactional
def add_note(question: Question, member: Person, body: str) -> None:
    """Write an internal note that only the committee sees."""
    _member_message(question, member, MessageKind.NOTE, body)


@transactional
def ask_clarification(question: Question, member: Person, body: str) -> None:
    """Ask the asker for more; the question waits for them."""
    _require_open(question)
    message = _member_message(question, member, MessageKind.CLARIFY, body)
    question.status = QuestionStatus.WAITING
    if question.assigned_person_id is None:
        question.assigned_person_id = member.id
    db.session.flush()
    notices.to_asker(question, kind=notices.CLARIFICATION, period=f"clarify:{message.id}")


@transactional
def answer(question: Question, member: Person, body: str) -> None:
    """Answer the question."""
    _require_open(question)
    message = _member_message(question, member, MessageKind.ANSWER, body)
    question.status = QuestionStatus.ANSWERED
    question.answered_on = local_today()
    if question.assigned_person_id is None:
        question.assigned_person_id = member.id
    db.session.flush()
    notices.to_asker(question, kind=notices.ANSWERED, period=f"answer:{message.id}")


@transactional
def step_aside(question: Question, member: Person, reason: str) -> None:
    """Step aside from a question (conflict of interest): the member no longer sees it."""
    db.session.add(Recusal(question_id=question.id, person_id=member.id, reason=(reason or "").strip()[:500]))
    if question.assigned_person_id == member.id:
        question.assigned_person_id = None
        if question.status == QuestionStatus.ASSIGNED:
            question.status = QuestionStatus.NEW
