"""The dashboard for the personnel officer and the executives: the year's figures as charts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from flask_babel import gettext as _
from markupsafe import Markup

from ethics_hr.core.formatting import format_number
from ethics_hr.questions.models import QuestionStatus
from ethics_hr.reports import sources
from ethics_hr.reports.cache import remembered
from ethics_hr.reports.charts import Bar, Slice, bar_chart, donut_chart
from ethics_hr.training import outcome as training_outcome


def plan_status_labels() -> dict[str, str]:
    return {
        "not_started": _("Not started"),
        "in_progress": _("In progress"),
        "done": _("Done"),
        "cancelled": _("Cancelled"),
    }


CHART_ROWS = 20


@dataclass
class Panel:
    """One chart of the dashboard, or the honest sentence that says there is nothing to draw."""

    title: str
    chart: Markup | None
    empty: str
    figures: list[tuple[str, str]]
    link: tuple[str, dict] | None = None  # the domain's own page with every figure


def _of(part: float, whole: float, locale: str) -> str:
    return f"{format_number(part, locale=locale)} / {format_number(whole, locale=locale)}"


def _pct(share: float, locale: str) -> str:
    return format_number(round(share * 100), locale=locale) + "%"


def codes_panel(fy: int, locale: str) -> Panel:
    codes = sources.codes_in_force(fy, locale=locale)
    title = _("Share of people who acknowledged each code in force")
    if not codes:
        return Panel(title, None, _("No code of ethics is published as in force."), [])
    bars = [Bar(c.version_title or c.code_title, c.share * 100, _pct(c.share, locale)) for c in codes]
    figures = [
        (
            c.version_title or c.code_title,
            f"{format_number(c.acknowledged, locale=locale)} / {format_number(c.applies_to, locale=locale)}",
        )
        for c in codes
    ]
    return Panel(title, bar_chart(bars, title=title, maximum=100), "", figures)


def training_panel(fy: int, fy_name: str, locale: str) -> Panel:
    rows = sources.hours_by_department(fy, locale)
    required = sources.required_hours()
    title = _("Average ethics training hours per person, by department")
    if not rows or not any(r.ethics_hours for r in rows):
        return Panel(title, None, _("No trainings recorded for %(fy)s.", fy=fy_name), [])
    # The departments furthest from the requirement first; a large body's chart stops at CHART_ROWS of them
    # (the training report lists them all), so the page stays the same size whatever the organisation's.
    drawn = sorted(rows, key=lambda r: (r.average, r.name(locale)))[:CHART_ROWS]
    bars = [Bar(r.name(locale), r.average, format_number(round(r.average, 1), locale=locale)) for r in drawn]
    chart = bar_chart(
        bars,
        title=title,
        target=required,
        target_label=_("required: %(h)s h", h=format_number(required or 0, locale=locale))
        if required
        else "",
    )
    figures = [
        (
            r.name(locale),
            _(
                "%(met)s of %(people)s met the requirement",
                met=format_number(r.met, locale=locale),
                people=format_number(r.people, locale=locale),
            ),
        )
        for r in drawn
    ]
    if len(rows) > len(drawn):
        figures.append(
            (_("Other departments"), _("%(n)s more in the training report", n=len(rows) - len(drawn)))
        )
    return Panel(title, chart, "", figures, link=("training.hours_report", {"fy": fy}))


def questions_panel(fy: int, fy_name: str, locale: str) -> Panel:
    stats = sources.questions(fy)
    title = _("Ethics questions by status")
    if not stats.asked:
        return Panel(title, None, _("No ethics question was asked in %(fy)s.", fy=fy_name), [])
    slices = [
        Slice(QuestionStatus(status).label, count, format_number(count, locale=locale))
        for status, count in stats.by_status.items()
        if count
    ]
    figures = [
        (_("Asked"), format_number(stats.asked, locale=locale)),
        (_("Answered"), format_number(stats.answered, locale=locale)),
    ]
    if stats.median_days is not None:
        figures.append((_("Median days to answer"), format_number(stats.median_days, locale=locale)))
    return Panel(
        title, donut_chart(slices, title=title, centre=format_number(stats.asked, locale=locale)), "", figures
    )


def plan_panel(fy: int, fy_name: str, locale: str) -> Panel:
    plan = sources.plan(fy, locale)
    title = _("Plan items of the year by status")
    if plan is None or not plan.items:
        return Panel(title, None, _("No HR plan items are planned for %(fy)s.", fy=fy_name), [])
    labels = plan_status_labels()
    counts = plan.by_status
    slices = [
        Slice(labels[status], counts.get(status, 0), format_number(counts.get(status, 0), locale=locale))
        for status in labels
    ]
    totals = plan.totals
    figures = [
        (_("Plan"), plan.title),
        (
            _("Participants against target"),
            _of(totals["participants"], totals["target"], locale),
        ),
    ]
    return Panel(
        title,
        donut_chart(slices, title=title, centre=format_number(len(plan.items), locale=locale)),
        "",
        figures,
    )


def outcome_panel(fy: int, fy_name: str, locale: str) -> Panel:
    """The scenario questions answered right before and after training, in all and per topic."""
    year = training_outcome.year_outcome(fy, locale)
    title = _("Scenario questions answered right, before and after training")
    if not year.measured:
        return Panel(
            title, None, _("No pre-test and post-test with scenario questions in %(fy)s.", fy=fy_name), []
        )
    bars = []
    for label, row in [(_("All scenarios"), year.total), *((t.label, t.outcome) for t in year.topics)]:
        if not row.measured:
            continue
        for side, value in ((_("before"), row.before), (_("after"), row.after)):
            bars.append(Bar(f"{label}: {side}", value, _pct(value / 100, locale)))
    figures = [
        (_("Before training"), _pct(year.total.before / 100, locale)),
        (_("After training"), _pct(year.total.after / 100, locale)),
    ]
    return Panel(
        title,
        bar_chart(bars[: CHART_ROWS * 2], title=title, maximum=100),
        "",
        figures,
        link=("training.outcome_page", {"fy": fy}),
    )


def cached_panels(fy: int, fy_name: str, locale: str) -> tuple[list[Panel], datetime]:
    """Return the panels and when they were added up: at most once a minute per process (see cache.py)."""
    return remembered(("dashboard", fy, locale), lambda: panels(fy, fy_name, locale))


def panels(fy: int, fy_name: str, locale: str) -> list[Panel]:
    """Build the dashboard's panels for a fiscal year."""
    return [
        codes_panel(fy, locale),
        training_panel(fy, fy_name, locale),
        questions_panel(fy, fy_name, locale),
        plan_panel(fy, fy_name, locale),
        outcome_panel(fy, fy_name, locale),
    ]
