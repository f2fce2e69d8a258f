"""A fiscal year's questions counted: by category and status, and the days it took to answer them."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field

import sqlalchemy as sa

from ethics_hr.core.timeutil import fiscal_year_range
from ethics_hr.extensions import db
from ethics_hr.questions.asking import categories
from ethics_hr.questions.models import Question, QuestionCategory, QuestionStatus


@dataclass
class QuestionStats:
    fiscal_year: int
    total: int = 0
    by_category: list[tuple[QuestionCategory, int]] = field(default_factory=list)
    by_status: dict[QuestionStatus, int] = field(default_factory=dict)
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
    by_status = dict(
        db.session.execute(
            db.select(Question.status, sa.func.count(Question.id)).where(in_year).group_by(Question.status)
        ).all()
    )
    result.by_status = {status: by_status.get(status.value, 0) for status in QuestionStatus}
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
    """The fiscal years in which questions were asked, newest first."""
    return list(
        db.session.scalars(db.select(Question.fiscal_year).distinct().order_by(Question.fiscal_year.desc()))
    )
