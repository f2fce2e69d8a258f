"""Ethics questions' periodic jobs: anonymous acts entered in the audit log the next morning, new questions
announced the next morning, reminders before and after the due date to the assigned member, and overdue
questions to the committee chair.

Each reconciles from the database and commits after each question: a repeated, late or concurrent run
queues nothing twice, and a run that dies half way leaves the rest to the next one.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

import sqlalchemy as sa

from ethics_hr.committees.services import committee_chair_people, committee_member_people
from ethics_hr.core import audit
from ethics_hr.core.db import unit_of_work
from ethics_hr.core.timeutil import local_datetime_to_utc, to_local
from ethics_hr.extensions import db
from ethics_hr.notifications.services import due_after, due_around, kind_settings
from ethics_hr.questions import notices
from ethics_hr.questions.models import OPEN_STATUSES, Question, QuestionMessage, QuestionStatus, Recusal

ANNOUNCE_DAYS = 7  # a question not announced within a week (the scheduler was off) is in the queue anyway
# Reminders wait while the committee waits for the asker's clarification.
COMMITTEE_TURN = (QuestionStatus.NEW, QuestionStatus.ASSIGNED)


def _recused(question_ids: list[int]) -> dict[int, set[int]]:
    found: dict[int, set[int]] = {}
    if question_ids:
        for question_id, person_id in db.session.execute(
            sa.select(Recusal.question_id, Recusal.person_id).where(Recusal.question_id.in_(question_ids))
        ):
            found.setdefault(question_id, set()).add(person_id)
    return found


def audit_anonymous_acts(now: datetime) -> int:
    """Enter the anonymous askers' acts of the days that have ended in the audit log, in one batch.

    Asking, an asker's clarification and closing by receipt write no entry at the moment (an entry then would
    sit between other people's logins and changes); the first run after their day ends writes them all.
    """
    today = to_local(now).date()
    deferred = audit.DeferredAuditEntry
    touched = db.session.execute(
        sa.select(deferred.entity_type, deferred.entity_id).where(deferred.day < today).distinct()
    ).all()
    released = audit.release_deferred(now)
    if released:
        _rewrite_rows(touched)
    return released


REWRITTEN = {"ethics_question": Question, "ethics_question_message": QuestionMessage}


def _rewrite_rows(records: list[tuple[str, str]]) -> None:
    """Write the released rows again, unchanged, in the batch's transaction.

    On PostgreSQL a row's `xmin` is the id of the transaction that wrote it, which orders it against every
    other row; written again here, the anonymous rows of the day carry the batch's transaction instead (the
    old versions go at the next VACUUM). No column changes, so no audit entry is written.
    """
    for table, model in REWRITTEN.items():
        ids = [int(entity_id) for entity_type, entity_id in records if entity_type == table]
        if ids:
            db.session.execute(sa.update(model).where(model.id.in_(ids)).values(id=model.id))


def announce_new_questions(now: datetime) -> int:
    """Tell the committee, the morning after the day a question arrived, of each question still open.

    This is how anonymous questions are announced, so that no message tells the minute they arrived;
    a named question was announced when it was asked, so it is found done already.
    """
    settings = kind_settings(notices.NEW_QUESTION)
    if not settings.enabled:
        return 0
    today = to_local(now).date()
    hour = time(settings.hour or 0)
    questions = [
        q
        for q in db.session.scalars(
            sa.select(Question)
            .where(
                Question.status.in_(OPEN_STATUSES),
                Question.asked_on >= today - timedelta(days=ANNOUNCE_DAYS),
                Question.asked_on < today,
            )
            .order_by(Question.id)
        )
        if local_datetime_to_utc(q.asked_on + timedelta(days=1), hour) <= now
    ]
    if not questions:
        return 0
    members = [p.id for p in committee_member_people(today)]
    recused = _recused([q.id for q in questions])
    told = 0
    for q in questions:
        skip = recused.get(q.id, set()) | {q.asker_person_id}
        with unit_of_work():
            told += notices.new_question(q, [m for m in members if m not in skip])
    return told


def assignee_reminders(now: datetime) -> int:
    """Remind the assigned member before the due date (default 3 and 1 days) and every week after it."""
    settings = kind_settings(notices.ASSIGNEE_REMINDER)
    if not settings.enabled:
        return 0
    today = to_local(now).date()
    horizon = today + timedelta(days=max(settings.days_before, default=0))
    questions = db.session.scalars(
        sa.select(Question)
        .where(
            Question.status == QuestionStatus.ASSIGNED,
            Question.assigned_person_id.is_not(None),
            Question.due_on <= horizon,
        )
        .order_by(Question.due_on, Question.id)
    ).all()
    told = 0
    for q in questions:
        period, overdue = due_around(q.due_on, now, settings.days_before, settings.repeat_days, settings.hour)
        if period is None:
            continue
        with unit_of_work():
            told += notices.assignee_reminder(q, q.assigned_person_id, period, overdue=overdue)
    return told


def overdue_to_chair(now: datetime) -> int:
    """Tell the committee chair of each question past its due date, then every week while it stays so."""
    settings = kind_settings(notices.OVERDUE_CHAIR)
    if not settings.enabled:
        return 0
    today = to_local(now).date()
    questions = db.session.scalars(
        sa.select(Question)
        .where(Question.status.in_(COMMITTEE_TURN), Question.due_on < today)
        .order_by(Question.due_on, Question.id)
    ).all()
    if not questions:
        return 0
    chairs = committee_chair_people(today)
    names = {p.id: p for p in committee_member_people(today)}
    recused = _recused([q.id for q in questions])
    told = 0
    for q in questions:
        period = due_after(q.due_on, now, settings.repeat_days, settings.hour)
        if period is None:
            continue
        ids = [c.id for c in chairs if c.id not in recused.get(q.id, set())]
        with unit_of_work():
            told += notices.overdue_to_chairs(q, ids, period, names.get(q.assigned_person_id))
    return told
