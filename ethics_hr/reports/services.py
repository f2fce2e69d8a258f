"""The fiscal-year report: its rows, from the stored edits or the seed's text, and the rules to edit them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from ethics_hr.core.args import valid_fiscal_year
from ethics_hr.core.audit import latest_anchor
from ethics_hr.core.db import store_once, transactional
from ethics_hr.core.errors import RuleViolation
from ethics_hr.core.formatting import (
    current_locale,
    format_date,
    format_fiscal_year,
    format_number,
    thai_digits,
)
from ethics_hr.core.settings import get_settings
from ethics_hr.core.timeutil import fiscal_year_range, local_today
from ethics_hr.extensions import db
from ethics_hr.reports import defaults
from ethics_hr.reports.models import FiscalYearReport, MeasureKind, ReportMeasure
from ethics_hr.reports.summary import Line, gift_lines, hr_summary, outcome_lines, text_lines

MAX_TEXT = 20_000


def document_locale() -> str:
    """The language of the documents: the reader's in a request, the organisation's otherwise."""
    return current_locale()


def period_text(fy: int, locale: str) -> str:
    """Write a fiscal year as the seed's period column does: "ต.ค. 2565 – ก.ย. 2566"."""
    first, last = fiscal_year_range(fy)
    return f"{format_date(first, 'MMM y', locale=locale)} – {format_date(last, 'MMM y', locale=locale)}"


@dataclass
class ReportRow:
    kind: str
    measure: str
    methods: list[Line]
    responsible: str
    period: str
    summary: list[Line]
    outcome: list[Line]  # the officer's (or the seed's) text, in the stored texts' language
    source: ReportMeasure | None = None
    # The outcome measured from the data, in the document's language.
    measured: list[Line] = field(default_factory=list)

    @property
    def outcome_lines(self) -> list[Line]:
        """The outcome column as printed: the measured line first, then the officer's text."""
        return self.measured + self.outcome

    @property
    def is_hr(self) -> bool:
        return self.kind == MeasureKind.HR

    @property
    def has_gift_lines(self) -> bool:
        return self.kind == MeasureKind.ANTI_CORRUPTION


@dataclass
class ReportDocument:
    fiscal_year: int
    locale: str
    title: str
    subtitle: str
    intro: list[Line]
    rows: list[ReportRow] = field(default_factory=list)
    stored: FiscalYearReport | None = None
    thai_numerals: bool = False
    as_of: date | None = None  # set while the fiscal year is still running
    anchor: str = ""  # the audit log's newest anchor, printed under the table
    # The language of the officer's texts: a stored report's is the organisation's, whoever reads it.
    text_locale: str = "th"

    @property
    def headers(self) -> list[str]:
        with force_locale(self.locale):
            return [
                _("Measure"),
                _("Method"),
                _("Responsible"),
                _("Period"),
                _("Summary of results"),
                _("Outcome or success"),
            ]

    def text(self, value: str) -> str:
        """Write a text as the document shows it: in Thai numerals where the organisation asks."""
        return thai_digits(value) if self.thai_numerals else value


def _fill(template: str, fy: int, org: str, locale: str) -> str:
    return template.replace("{fy}", format_fiscal_year(fy, locale=locale)).replace("{org}", org)


def stored_report(fy: int) -> FiscalYearReport | None:
    return db.session.scalar(db.select(FiscalYearReport).where(FiscalYearReport.fiscal_year == fy))


def build_report(fy: int, locale: str | None = None) -> ReportDocument:
    """Assemble a fiscal year's report: the officer's rows (or the seed's), the HR summary from the data."""
    locale = locale or document_locale()
    settings = get_settings()
    org = settings.name(locale)
    first, last = fiscal_year_range(fy)
    today = local_today()
    with force_locale(locale):
        fy_name = format_fiscal_year(fy, locale=locale)
        subtitle = _(
            "of %(org)s, %(fy)s (12 months, %(first)s – %(last)s)",
            org=org,
            fy=fy_name,
            first=format_date(first, "long", locale=locale),
            last=format_date(last, "long", locale=locale),
        )
    report = stored_report(fy)
    if report is not None:
        intro = report.intro
        measures = [
            (m.kind, m.measure, m.methods, m.responsible, m.period, m.summary, m.outcome, m)
            for m in report.measures
        ]
    else:
        intro = _fill(defaults.INTRO["en" if locale == "en" else "th"], fy, org, locale)
        measures = [
            (
                t.kind,
                t.measure,
                _fill(t.methods, fy, org, locale),
                t.responsible,
                "",
                t.summary,
                t.outcome,
                None,
            )
            for t in defaults.measures_for(locale)
        ]
    document_lang = "en" if locale == "en" else "th"
    document = ReportDocument(
        fiscal_year=fy,
        locale=locale,
        title=defaults.TITLE["en" if locale == "en" else "th"],
        subtitle=subtitle,
        intro=text_lines(intro),
        stored=report,
        thai_numerals=locale == "th" and settings.thai_numerals_in_documents,
        as_of=today if first <= today <= last else None,
        anchor=_anchor_note(locale),
        text_locale=defaults.stored_text_locale() if report is not None else document_lang,
    )
    default_period = period_text(fy, locale)
    for kind, measure, methods, responsible, period, summary, outcome, source in measures:
        summary_lines = text_lines(summary)
        measured = []
        if kind == MeasureKind.HR:
            summary_lines = hr_summary(fy, locale) + summary_lines
            measured = outcome_lines(fy, locale)
        elif kind == MeasureKind.ANTI_CORRUPTION:
            summary_lines = summary_lines + gift_lines(fy, locale)
        document.rows.append(
            ReportRow(
                kind=kind,
                measure=measure,
                methods=text_lines(methods),
                responsible=responsible,
                period=period or default_period,
                summary=summary_lines,
                outcome=text_lines(outcome),
                source=source,
                measured=measured,
            )
        )
    return document


def _anchor_note(locale: str) -> str:
    """The audit log's newest anchor in words, so the printed report carries the chain's state of its day."""
    anchor = latest_anchor()
    if anchor is None:
        return ""
    with force_locale(locale):
        return _(
            "Audit log of the system on %(day)s: %(entries)s entries, last entry %(id)s, SHA-256 %(hash)s",
            day=format_date(anchor.anchored_on, "long", locale=locale),
            entries=format_number(anchor.entries, locale=locale),
            id=anchor.head_id,
            hash=anchor.head_hash,
        )


# ---------------------------------------------------------------- editing


def seeded_report(fy: int) -> FiscalYearReport:
    """Build (unsaved) a fiscal year's report with the seed's rows in the organisation's language."""
    locale = get_settings().default_locale or "th"
    org = get_settings().name(locale)
    report = FiscalYearReport(
        fiscal_year=fy, intro=_fill(defaults.INTRO["en" if locale == "en" else "th"], fy, org, locale)
    )
    for position, text in enumerate(defaults.measures_for(locale), start=1):
        report.measures.append(
            ReportMeasure(
                position=position,
                kind=text.kind,
                measure=text.measure,
                methods=_fill(text.methods, fy, org, locale),
                responsible=text.responsible,
                summary=text.summary,
                outcome=text.outcome,
            )
        )
    return report


def start_report(fy: int) -> FiscalYearReport:
    """Store a fiscal year's report with the seed's rows, so the officer can edit them; once only."""
    if not valid_fiscal_year(fy):
        raise RuleViolation(str(_l("This is not a fiscal year.")))
    return store_once(lambda: stored_report(fy), lambda: seeded_report(fy))


@dataclass
class MeasureInput:
    measure: str
    methods: str = ""
    responsible: str = ""
    period: str = ""
    summary: str = ""
    outcome: str = ""


def _check(data: MeasureInput) -> MeasureInput:
    cleaned = MeasureInput(
        measure=" ".join(data.measure.split()),
        methods=data.methods.strip(),
        responsible=" ".join(data.responsible.split()),
        period=" ".join(data.period.split()),
        summary=data.summary.strip(),
        outcome=data.outcome.strip(),
    )
    if not cleaned.measure:
        raise RuleViolation(str(_l("Name the measure.")), "measure")
    if len(cleaned.measure) > 300:
        raise RuleViolation(str(_l("Keep the measure under 300 characters.")), "measure")
    if len(cleaned.responsible) > 300:
        raise RuleViolation(str(_l("Keep the responsible unit under 300 characters.")), "responsible")
    if len(cleaned.period) > 100:
        raise RuleViolation(str(_l("Keep the period under 100 characters.")), "period")
    for name in ("methods", "summary", "outcome"):
        if len(getattr(cleaned, name)) > MAX_TEXT:
            raise RuleViolation(str(_l("This text is too long.")), name)
    return cleaned


@transactional
def save_measure(measure: ReportMeasure, data: MeasureInput) -> ReportMeasure:
    """Change a row of the report; the HR row's summary stays written from the data."""
    cleaned = _check(data)
    measure.measure = cleaned.measure
    measure.methods = cleaned.methods
    measure.responsible = cleaned.responsible
    measure.period = cleaned.period
    measure.summary = cleaned.summary
    measure.outcome = cleaned.outcome
    return measure


@transactional
def add_measure(report: FiscalYearReport, data: MeasureInput) -> ReportMeasure:
    """Add a measure the officer writes in full at the end of the report."""
    cleaned = _check(data)
    last = max((m.position for m in report.measures), default=0)
    measure = ReportMeasure(
        report=report,
        position=last + 1,
        kind=MeasureKind.FREE,
        measure=cleaned.measure,
        methods=cleaned.methods,
        responsible=cleaned.responsible,
        period=cleaned.period,
        summary=cleaned.summary,
        outcome=cleaned.outcome,
    )
    db.session.add(measure)
    return measure


@transactional
def delete_measure(measure: ReportMeasure) -> None:
    """Remove a free row; the HR row belongs to every report."""
    if measure.kind == MeasureKind.HR:
        raise RuleViolation(str(_l("The personnel management measure is part of every report.")))
    db.session.delete(measure)


@transactional
def move_measure(measure: ReportMeasure, step: int) -> None:
    """Move a row one place up (-1) or down (+1) in the table."""
    rows = list(measure.report.measures)
    index = rows.index(measure)
    other = index + (1 if step > 0 else -1)
    if not 0 <= other < len(rows):
        return
    rows[index], rows[other] = rows[other], rows[index]
    for position, row in enumerate(rows, start=1):
        row.position = position


@transactional
def save_intro(report: FiscalYearReport, intro: str) -> None:
    """Change the paragraph that opens the report."""
    intro = intro.strip()
    if len(intro) > MAX_TEXT:
        raise RuleViolation(str(_l("This text is too long.")), "intro")
    report.intro = intro
