"""The outcome of a fiscal year's training, measured: the share of scenario questions answered right before
training (the pre-tests) and after it (the post-tests), in all, per topic, department and staff category.

It reads the counts kept with each first try (`learning.OutcomeTally`), so the page costs the same whatever
the number of answers. The year-end report's HR row and the dashboard cite the headline from here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import sqlalchemy as sa
from flask_babel import force_locale
from flask_babel import gettext as _

from ethics_hr.core.formatting import format_number
from ethics_hr.learning import services as learning
from ethics_hr.learning.models import TOPIC_LABELS, Topic
from ethics_hr.people.departments import all_departments, staff_categories
from ethics_hr.people.headcount import NO_DEPARTMENT_KEY
from ethics_hr.training.models import TrainingSession

Outcome = learning.Outcome


@dataclass
class Line:
    label: str
    outcome: Outcome


@dataclass
class YearOutcome:
    fiscal_year: int
    total: Outcome
    topics: list[Line] = field(default_factory=list)
    departments: list[Line] = field(default_factory=list)
    categories: list[Line] = field(default_factory=list)

    @property
    def measured(self) -> bool:
        return self.total.measured


def year_outcome(fy: int, locale: str | None = None) -> YearOutcome:
    """The year's outcome in all and per topic, department and staff category (each group in one query)."""
    total = learning.outcome(fy).get(None, Outcome())
    by_topic = learning.outcome(fy, by="topic")
    by_department = learning.outcome(fy, by="department")
    by_category = learning.outcome(fy, by="category")
    names = {d.id: d.name(locale) for d in all_departments()}
    names[NO_DEPARTMENT_KEY] = _("No department")
    categories = {c.id: c.name(locale) for c in staff_categories(active_only=False)}
    return YearOutcome(
        fy,
        total,
        topics=[Line(str(TOPIC_LABELS[t]), by_topic[t.value]) for t in Topic if t.value in by_topic],
        departments=sorted(
            (Line(names.get(key, str(key)), row) for key, row in by_department.items()),
            key=lambda line: line.label,
        ),
        categories=sorted(
            (Line(categories.get(key, str(key)), row) for key, row in by_category.items()),
            key=lambda line: line.label,
        ),
    )


def headline(fy: int, locale: str) -> str | None:
    """One sentence for the year-end report: the conflict-of-interest scenarios before and after training
    when both were measured, else all the scenarios; None when the year has no before and after."""
    coi = learning.outcome(fy, topic=Topic.CONFLICT_OF_INTEREST.value).get(None)
    with force_locale(locale):
        if coi is not None and coi.measured:
            text = _("Staff answering conflict-of-interest scenarios correctly: %(before)s → %(after)s")
            row = coi
        else:
            row = learning.outcome(fy).get(None)
            if row is None or not row.measured:
                return None
            text = _("Staff answering the ethics scenarios correctly: %(before)s → %(after)s")
        return (
            text % {"before": _percent(row.before, locale), "after": _percent(row.after, locale)}
            + " "
            + _(
                "(before and after training, %(n)s answers)",
                n=format_number(row.answered_before + row.answered_after, locale=locale),
            )
        )


def _percent(value: float, locale: str) -> str:
    return format_number(round(value), locale=locale) + "%"


def rebuild() -> None:
    """Count the outcome again from the answers (the benchmark's generators call it)."""
    learning.rebuild_outcome(
        sa.select(TrainingSession.id.label("subject_id"), TrainingSession.fiscal_year).subquery()
    )
