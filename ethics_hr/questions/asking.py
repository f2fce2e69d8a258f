"""The asker's side of an ethics question: asking (by name or anonymously), following up, closing.

The rules of anonymity live here: an anonymous question holds no link to an account, an address or the
minute it arrived; its ids and reference are drawn at random (numbering.py), and everything written for it
enters the audit log, attributed to no one, in the next morning's batch (core/audit.py `release_deferred`).
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import IntegrityError

from ethics_hr.committees.services import committee_member_people
from ethics_hr.core import audit
from ethics_hr.core.db import unit_of_work
from ethics_hr.core.errors import RuleViolation
from ethics_hr.core.models import utc_now
from ethics_hr.core.settings import get_settings
from ethics_hr.core.timeutil import fiscal_year_of, local_today
from ethics_hr.extensions import db
from ethics_hr.people.models import Person
from ethics_hr.questions import notices, numbering
from ethics_hr.questions.models import (
    MessageKind,
    Question,
    QuestionCategory,
    QuestionMessage,
    QuestionStatus,
)

SUBJECT_MAX = 200
BODY_MAX = 5000
REFERENCE = re.compile(r"^\s*Q?(\d{4})-(\d{1,6})\s*$", re.IGNORECASE)
NUMBERING_ATTEMPTS = 5


def categories(*, active_only: bool = True) -> list[QuestionCategory]:
    """The question categories in their order (only the active ones unless told otherwise)."""
    query = db.select(QuestionCategory).order_by(QuestionCategory.sort_order, QuestionCategory.id)
    if active_only:
        query = query.where(QuestionCategory.active)
    return list(db.session.scalars(query))


def check_length(text: str, limit: int, field: str) -> None:
    """Refuse a text longer than the limit, next to its field."""
    if len(text) > limit:
        raise RuleViolation(str(_l("The text is longer than %(n)d characters.", n=limit)), field)


# A receipt code is read aloud, copied by hand and typed back: capitals and digits with none of the
# look-alikes (0/O, 1/I/L, U/V), in blocks of four. 28 characters of 29 give 136 random bits.
RECEIPT_ALPHABET = "ABCDEFGHJKMNPQRSTWXYZ23456789"
RECEIPT_LENGTH = 28
RECEIPT_BLOCK = 4


def new_receipt_code() -> str:
    return "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(RECEIPT_LENGTH))


def receipt_blocks(code: str) -> list[str]:
    """Cut a receipt code into blocks of four, as it is shown and read aloud."""
    return [code[i : i + RECEIPT_BLOCK] for i in range(0, len(code), RECEIPT_BLOCK)]


def _digest(code: str) -> str:
    return hashlib.sha256(code.strip().encode("utf-8")).hexdigest()


def _presented_forms(code: str) -> tuple[str, str]:
    """The code as typed without spaces, and in capitals without hyphens (how it is shown and read)."""
    typed = "".join((code or "").split())
    return typed, typed.replace("-", "").upper()


def _check_text(subject: str, body: str, category_id: int | None) -> tuple[str, str]:
    subject, body = (subject or "").strip(), (body or "").strip()
    if not subject:
        raise RuleViolation(str(_l("Write a short subject.")), "subject")
    if len(subject) > SUBJECT_MAX:
        raise RuleViolation(str(_l("The subject is longer than %(n)d characters.", n=SUBJECT_MAX)), "subject")
    if not body:
        raise RuleViolation(str(_l("Write your question.")), "body")
    check_length(body, BODY_MAX, "body")
    category = db.session.get(QuestionCategory, category_id) if category_id else None
    if category is None or not category.active:
        raise RuleViolation(str(_l("Choose a category from the list.")), "category_id")
    return subject, body


def _as_asker(question: Question | None = None, *, anonymous: bool | None = None):
    """Attribute what is written for an anonymous question to no one."""
    hidden = question.anonymous if question is not None else bool(anonymous)
    return audit.anonymous() if hidden else contextlib.nullcontext()


@dataclass
class Asked:
    question: Question
    receipt: str | None  # shown once to an anonymous asker, never stored


def ask(*, category_id: int | None, subject: str, body: str, clause: str = "", asker: Person | None) -> Asked:
    """Record a question: by name when an asker is given, else anonymously with a one-time receipt code."""
    # Two questions asked at the same moment may take the same number: the second tries the next one
    # (an anonymous one draws again).
    for attempt in range(NUMBERING_ATTEMPTS):
        try:
            with _as_asker(anonymous=asker is None), unit_of_work():
                return _ask(
                    category_id=category_id,
                    subject=subject,
                    body=body,
                    clause=clause,
                    asker=asker,
                    attempt=attempt,
                )
        except IntegrityError:
            continue
    raise RuntimeError("could not number the question")


def _ask(
    *, category_id: int | None, subject: str, body: str, clause: str, asker: Person | None, attempt: int
) -> Asked:
    subject, body = _check_text(subject, body, category_id)
    today = local_today()
    receipt = new_receipt_code() if asker is None else None
    fy = fiscal_year_of(today)
    anonymous = asker is None
    # An anonymous question's id and number are drawn at random (numbering.py): nothing orders it.
    question = Question(
        id=numbering.random_id(Question) if anonymous else None,
        fiscal_year=fy,
        number=numbering.anonymous_number(fy) if anonymous else numbering.next_named_number(fy) + attempt,
        category_id=category_id,
        subject=subject,
        clause=(clause or "").strip()[:200],
        anonymous=asker is None,
        asker_person_id=asker.id if asker else None,
        receipt_hash=_digest(receipt) if receipt else None,
        asked_on=today,
        due_on=today + timedelta(days=get_settings().question_answer_days),
    )
    question.add_message(
        QuestionMessage(
            id=numbering.random_id(QuestionMessage) if anonymous else None,
            kind=MessageKind.ASKER,
            body=body,
            author_person_id=asker.id if asker else None,
            written_on=today,
            written_at=utc_now() if asker else None,
        )
    )
    db.session.add(question)
    db.session.flush()
    if asker is not None:  # an anonymous question is announced only the next morning (jobs.py)
        notices.new_question(question, [p.id for p in committee_member_people() if p.id != asker.id])
    return Asked(question, receipt)


def find_by_receipt(reference: str, code: str) -> Question | None:
    """Return the anonymous question for a reference and receipt code; any mismatch gives None alike."""
    match = REFERENCE.match((reference or "").strip().upper())
    # Codes before blocks of capitals were mixed-case: the code as typed still opens those.
    presented = [_digest(form) for form in _presented_forms(code)]
    question = None
    if match:
        question = db.session.scalar(
            db.select(Question).where(
                Question.fiscal_year == int(match.group(1)), Question.number == int(match.group(2))
            )
        )
    stored = question.receipt_hash if question is not None and question.anonymous else None
    # Compare even when there is nothing to compare with, so timing does not tell the two cases apart.
    ok = [hmac.compare_digest(p, stored or "0" * 64) for p in presented]
    return question if any(ok) and stored else None


def reply_as_asker(question: Question, body: str) -> None:
    """Add the asker's clarification; the question goes back to the committee."""
    with _as_asker(question), unit_of_work():
        body = (body or "").strip()
        if not question.is_waiting:
            raise RuleViolation(str(_l("The committee has not asked for a clarification.")), "body")
        if not body:
            raise RuleViolation(str(_l("Write your answer.")), "body")
        check_length(body, BODY_MAX, "body")
        question.add_message(
            QuestionMessage(
                id=numbering.random_id(QuestionMessage) if question.anonymous else None,
                kind=MessageKind.ASKER,
                body=body,
                author_person_id=question.asker_person_id,
                written_on=local_today(),
                written_at=None if question.anonymous else utc_now(),
            )
        )
        question.status = QuestionStatus.ASSIGNED if question.assigned_person_id else QuestionStatus.NEW


def close_as_asker(question: Question) -> None:
    """Close the question: the asker has what they needed."""
    with _as_asker(question), unit_of_work():
        if question.is_closed:
            raise RuleViolation(str(_l("This question is already closed.")))
        question.status = QuestionStatus.CLOSED
        question.closed_on = local_today()


def asker_thread(question: Question) -> list[QuestionMessage]:
    """The messages the asker may read: never the committee's internal notes."""
    return [m for m in question.messages if not m.is_note]


def my_questions(person: Person) -> list[Question]:
    """The questions a person asked by name, newest first."""
    return list(
        db.session.scalars(
            db.select(Question).where(Question.asker_person_id == person.id).order_by(Question.id.desc())
        )
    )


def own_question_or_none(question_id: int, person: Person) -> Question | None:
    """A question the person asked by name, or None (an anonymous one is nobody's)."""
    question = db.session.get(Question, question_id)
    if question is None or question.anonymous or question.asker_person_id != person.id:
        return None
    return question
