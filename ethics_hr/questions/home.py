"""The questions card on the home page."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from ethics_hr.committees.services import is_committee_member
from ethics_hr.core.timeutil import local_today
from ethics_hr.extensions import db
from ethics_hr.questions.models import OPEN_STATUSES, Question, Recusal


@dataclass
class QuestionsSection:
    template: str = "questions/_home.html"
    width: str = "col-lg-6"
    member: bool = False
    open_count: int = 0
    overdue_count: int = 0
    mine_count: int = 0


def question_sections(user) -> list[QuestionsSection]:
    """Offer every user the way to ask; show committee members their queue at a glance."""
    section = QuestionsSection()
    if is_committee_member(user):
        section.member = True
        today = local_today()
        recused = db.select(Recusal.question_id).where(Recusal.person_id == user.person_id)
        row = db.session.execute(
            db.select(
                sa.func.count(Question.id),
                sa.func.coalesce(sa.func.sum(sa.case((Question.due_on < today, 1), else_=0)), 0),
                sa.func.coalesce(
                    sa.func.sum(sa.case((Question.assigned_person_id == user.person_id, 1), else_=0)), 0
                ),
            ).where(Question.status.in_(OPEN_STATUSES), Question.id.not_in(recused))
        ).one()
        section.open_count, section.overdue_count, section.mine_count = (int(v or 0) for v in row)
    return [section]
