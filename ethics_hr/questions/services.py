"""Asking, following up, answering and publishing ethics questions; the rules of anonymity live here."""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import re
import secrets
import statistics
from dataclasses import dataclass, field
from datetime import date, timedelta

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import IntegrityError

from ethics_hr.committees.services import committee_member_people
from ethics_hr.core import audit
from ethics_hr.core.errors import RuleViolation
from ethics_hr.core.models import utc_now
from ethics_hr.core.settings import get_settings
from ethics_hr.core.timeutil import fiscal_year_of, fiscal_year_range, local_today
from ethics_hr.extensions import db
from ethics_hr.people.models import Person
from ethics_hr.questions import notices
from ethics_hr.questions.models import (
    ANSWER,
    ANSWERED,
    ASKER,
    ASSIGNED,
    CLARIFY,
    CLOSED,
    NEW,
    NOTE,
    OPEN_STATUSES,
    STATUSES,
    WAITING,
    FaqEntry,
    Question,
    QuestionCategory,
    QuestionMessage,
    Recusal,
)

SUBJECT_MAX = 200
BODY_MAX = 5000
REFERENCE = re.compile(r"^\s*Q?(\d{4})-(\d{1,6})\s*$", re.IGNORECASE)


def categories(*, active_only: bool = True) -> list[QuestionCategory]:
    query = db.select(QuestionCategory).order_by(QuestionCategory.sort_order, QuestionCategory.id)
    if active_only:
        query = query.where(QuestionCategory.active)
    return list(db.session.scalars(query))


def _digest(code: str) -> str:
    return hashlib.sha256(code.strip().encode("utf-8")).hexdigest()


def _check_text(subject: str, body: str, category_id: int | None) -> tuple[str, str]:
    subject, body = (subject or "").strip(), (body or "").strip()
    if not subject:
        raise RuleViolation(str(_l("Write a short subject.")), "subject")
    if len(subject) > SUBJECT_MAX:
        raise RuleViolation(str(_l("The subject is longer than %(n)d characters.", n=SUBJECT_MAX)), "subject")
    if not body:
        raise RuleViolation(str(_l("Write your question.")), "body")
    if len(body) > BODY_MAX:
        raise RuleViolation(str(_l("The text is longer than %(n)d characters.", n=BODY_MAX)), "body")
    category = db.session.get(QuestionCategory, category_id) if category_id else None
    if category is None or not category.active:
        raise RuleViolation(str(_l("Choose a category from the list.")), "category_id")
    return subject, body


@dataclass
class Asked:
    question: Question
    receipt: str | None  # shown once to an anonymous asker, never stored


def ask(*, category_id: int | None, subject: str, body: str, clause: str = "", asker: Person | None) -> Asked:
    """Record a question: by name when an asker is given, else anonymously with a one-time receipt code."""
    # Everything written while recording an anonymous question is attributed to no one.
    with audit.anonymous() if asker is None else contextlib.nullcontext():
        return _ask(category_id=category_id, subject=subject, body=body, clause=clause, asker=asker)


def _ask(*, category_id: int | None, subject: str, body: str, clause: str, asker: Person | None) -> Asked:
    subject, body = _check_text(subject, body, category_id)
    today = local_today()
    receipt = secrets.token_urlsafe(18) if asker is None else None  # 144 random bits
    fy = fiscal_year_of(today)
    due = today + timedelta(days=get_settings().question_answer_days)
    for attempt in range(5):
        number = (
            (
                db.session.scalar(db.select(sa.func.max(Question.number)).where(Question.fiscal_year == fy))
                or 0
            )
            + 1
            + attempt
        )
        question = Question(
            fiscal_year=fy,
            number=number,
            category_id=category_id,
            subject=subject,
            clause=(clause or "").strip()[:200],
            anonymous=asker is None,
            asker_person_id=asker.id if asker else None,
            receipt_hash=_digest(receipt) if receipt else None,
            asked_on=today,
            due_on=due,
        )
        question.messages.append(
            QuestionMessage(
                kind=ASKER,
                body=body,
                author_person_id=asker.id if asker else None,
                written_on=today,
                written_at=utc_now() if asker else None,
            )
        )
        db.session.add(question)
        try:
            db.session.flush()
            if asker is not None:  # an anonymous question is announced only the next morning (jobs.py)
                notices.new_question(question, [p.id for p in committee_member_people() if p.id != asker.id])
            db.session.commit()
        except IntegrityError:  # another question took this number at the same moment
            db.session.rollback()
            continue
        return Asked(question, receipt)
    raise RuntimeError("could not number the question")


def find_by_receipt(reference: str, code: str) -> Question | None:
    """Return the anonymous question for a reference and receipt code; any mismatch gives None alike."""
    match = REFERENCE.match(reference or "")
    presented = _digest(code or "")
    question = None
    if match:
        question = db.session.scalar(
            db.select(Question).where(
                Question.fiscal_year == int(match.group(1)), Question.number == int(match.group(2))
            )
        )
    stored = question.receipt_hash if question is not None and question.anonymous else None
    # Compare even when there is nothing to compare with, so timing does not tell the two cases apart.
    ok = hmac.compare_digest(presented, stored or "0" * 64)
    return question if ok and stored else None


def reply_as_asker(question: Question, body: str) -> None:
    """Add the asker's clarification; the question goes back to the committee."""
    body = (body or "").strip()
    if question.status != WAITING:
        raise RuleViolation(str(_l("The committee has not asked for a clarification.")), "body")
    if not body:
        raise RuleViolation(str(_l("Write your answer.")), "body")
    if len(body) > BODY_MAX:
        raise RuleViolation(str(_l("The text is longer than %(n)d characters.", n=BODY_MAX)), "body")
    question.messages.append(
        QuestionMessage(
            kind=ASKER,
            body=body,
            author_person_id=question.asker_person_id,
            written_on=local_today(),
            written_at=None if question.anonymous else utc_now(),
        )
    )
    question.status = ASSIGNED if question.assigned_person_id else NEW
    _commit(question)


def close_as_asker(question: Question) -> None:
    """Close the question: the asker has what they needed."""
    if question.status == CLOSED:
        raise RuleViolation(str(_l("This question is already closed.")))
    question.status = CLOSED
    question.closed_on = local_today()
    _commit(question)


def _commit(question: Question) -> None:
    if question.anonymous:
        with audit.anonymous():
            db.session.commit()
    else:
        db.session.commit()


def asker_thread(question: Question) -> list[QuestionMessage]:
    """The messages the asker may read: never the committee's internal notes."""
    return [m for m in question.messages if m.kind != NOTE]


def my_questions(person: Person) -> list[Question]:
    return list(
        db.session.scalars(
            db.select(Question).where(Question.asker_person_id == person.id).order_by(Question.id.desc())
        )
    )


def own_question_or_none(question_id: int, person: Person) -> Question | None:
    question = db.session.get(Question, question_id)
    if question is None or question.anonymous or question.asker_person_id != person.id:
        return None
    return question


# ---------------------------------------------------------------- the committee's side


def _recused_ids(person_id: int) -> sa.Select:
    return db.select(Recusal.question_id).where(Recusal.person_id == person_id)


def visible_question(question_id: int, member: Person) -> Question | None:
    """A question as a member may see it: None when the member stepped aside from it."""
    question = db.session.get(Question, question_id)
    if question is None:
        return None
    recused = db.session.scalar(
        db.select(Recusal.id).where(Recusal.question_id == question_id, Recusal.person_id == member.id)
    )
    return None if recused else question


def queue_query(member: Person, *, status: str | None = None, mine: bool = False) -> sa.Select:
    """The committee's queue for a member: overdue first, then by due date; stepped-aside ones left out."""
    today = local_today()
    overdue = sa.and_(Question.status.in_(OPEN_STATUSES), Question.due_on < today)
    query = db.select(Question).where(Question.id.not_in(_recused_ids(member.id)))
    if status in STATUSES:
        query = query.where(Question.status == status)
    elif status == "open":
        query = query.where(Question.status.in_(OPEN_STATUSES))
    if mine:
        query = query.where(Question.assigned_person_id == member.id)
    return query.order_by(sa.case((overdue, 0), else_=1), Question.due_on, Question.id)


def is_overdue(question: Question, today: date | None = None) -> bool:
    return question.status in OPEN_STATUSES and question.due_on < (today or local_today())


def _member_message(question: Question, member: Person, kind: str, body: str) -> QuestionMessage:
    body = (body or "").strip()
    if not body:
        raise RuleViolation(str(_l("Write the text.")), "body")
    if len(body) > BODY_MAX:
        raise RuleViolation(str(_l("The text is longer than %(n)d characters.", n=BODY_MAX)), "body")
    message = QuestionMessage(
        kind=kind, body=body, author_person_id=member.id, written_on=local_today(), written_at=utc_now()
    )
    question.messages.append(message)
    return message


def _require_open(question: Question) -> None:
    if question.status not in OPEN_STATUSES:
        raise RuleViolation(str(_l("This question is no longer open.")))


def assign(question: Question, member: Person, *, to: Person) -> None:
    """Give the question to a member (a member may take it for themselves)."""
    _require_open(question)
    recused = db.session.scalar(
        db.select(Recusal.id).where(Recusal.question_id == question.id, Recusal.person_id == to.id)
    )
    if recused:
        raise RuleViolation(str(_l("This member stepped aside from the question.")), "member_id")
    question.assigned_person_id = to.id
    if question.status == NEW:
        question.status = ASSIGNED
    db.session.commit()


def add_note(question: Question, member: Person, body: str) -> None:
    """Write an internal note that only the committee sees."""
    _member_message(question, member, NOTE, body)
    db.session.commit()


def ask_clarification(question: Question, member: Person, body: str) -> None:
    """Ask the asker for more; the question waits for them."""
    _require_open(question)
    message = _member_message(question, member, CLARIFY, body)
    question.status = WAITING
    if question.assigned_person_id is None:
        question.assigned_person_id = member.id
    db.session.flush()
    notices.to_asker(question, kind=notices.CLARIFICATION, period=f"clarify:{message.id}")
    db.session.commit()


def answer(question: Question, member: Person, body: str) -> None:
    """Answer the question."""
    _require_open(question)
    message = _member_message(question, member, ANSWER, body)
    question.status = ANSWERED
    question.answered_on = local_today()
    if question.assigned_person_id is None:
        question.assigned_person_id = member.id
    db.session.flush()
    notices.to_asker(question, kind=notices.ANSWERED, period=f"answer:{message.id}")
    db.session.commit()


def step_aside(question: Question, member: Person, reason: str) -> None:
    """Step aside from a question (conflict of interest): the member no longer sees it."""
    db.session.add(Recusal(question_id=question.id, person_id=member.id, reason=(reason or "").strip()[:500]))
    if question.assigned_person_id == member.id:
        question.assigned_person_id = None
        if question.status == ASSIGNED:
            question.status = NEW
    db.session.commit()


def publish_faq(question: Question, member: Person, *, title: str, answer_text: str) -> FaqEntry:
    """Publish the anonymised public version of an answered question."""
    if question.status not in (ANSWERED, CLOSED) or question.answered_on is None:
        raise RuleViolation(str(_l("Only an answered question can become an FAQ.")))
    title, answer_text = (title or "").strip(), (answer_text or "").strip()
    if not title:
        raise RuleViolation(str(_l("Write the question as the public will read it.")), "title")
    if len(title) > 300:
        raise RuleViolation(str(_l("The text is longer than %(n)d characters.", n=300)), "title")
    if not answer_text:
        raise RuleViolation(str(_l("Write the public answer.")), "answer")
    if len(answer_text) > BODY_MAX:
        raise RuleViolation(str(_l("The text is longer than %(n)d characters.", n=BODY_MAX)), "answer")
    entry = db.session.scalar(db.select(FaqEntry).where(FaqEntry.question_id == question.id))
    if entry is None:
        entry = FaqEntry(question_id=question.id)
        db.session.add(entry)
    entry.category_id = question.category_id
    entry.title = title
    entry.answer = answer_text
    entry.published = True
    entry.published_on = local_today()
    entry.published_by_id = member.id
    db.session.commit()
    return entry


def withdraw_faq(entry: FaqEntry) -> None:
    """Take an FAQ entry off the public list."""
    entry.published = False
    db.session.commit()


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


# ---------------------------------------------------------------- statistics


@dataclass
class QuestionStats:
    fiscal_year: int
    total: int = 0
    by_category: list[tuple[QuestionCategory, int]] = field(default_factory=list)
    by_status: dict[str, int] = field(default_factory=dict)
    answered: int = 0
    median_days: float | None = None
    p90_days: float | None = None


def stats(fy: int) -> QuestionStats:
    """Count a fiscal year's questions by category and status; median and 90th-percentile days to answer."""
    first, last = fiscal_year_range(fy)
    in_year = sa.and_(Question.asked_on >= first, Question.asked_on <= last)
    result = QuestionStats(fy)
    counts = dict(
        db.session.execute(
            db.select(Question.category_id, sa.func.count(Question.id))
            .where(in_year)
            .group_by(Question.category_id)
        ).all()
    )
    result.by_category = [(c, counts.get(c.id, 0)) for c in categories(active_only=False)]
    result.by_status = dict.fromkeys(STATUSES, 0) | dict(
        db.session.execute(
            db.select(Question.status, sa.func.count(Question.id)).where(in_year).group_by(Question.status)
        ).all()
    )
    result.total = sum(counts.values())
    durations = sorted(
        (answered - asked).days
        for asked, answered in db.session.execute(
            db.select(Question.asked_on, Question.answered_on).where(
                in_year, Question.answered_on.is_not(None)
            )
        )
    )
    result.answered = len(durations)
    if durations:
        result.median_days = statistics.median(durations)
        result.p90_days = _percentile(durations, 0.9)
    return result


def _percentile(values: list[int], fraction: float) -> float:
    """Nearest-rank percentile of sorted values (what a spreadsheet's PERCENTILE.INC gives, interpolated)."""
    if len(values) == 1:
        return float(values[0])
    position = fraction * (len(values) - 1)
    low = int(position)
    high = min(low + 1, len(values) - 1)
    return values[low] + (values[high] - values[low]) * (position - low)


def fiscal_years_with_questions() -> list[int]:
    return list(
        db.session.scalars(db.select(Question.fiscal_year).distinct().order_by(Question.fiscal_year.desc()))
    )
