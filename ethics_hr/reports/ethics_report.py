"""The annual ethics report to the Ethical Standards Committee: its sections per fiscal year, and their data.

The sections are data: a year's report starts from the previous year's sections (or the defaults in
`ethics_defaults`), and the officer edits, adds, removes and orders them. A section may name a source in
`FILLS`, whose lines are written from the domains' data each time the report is built.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from ethics_hr.conflicts.compliance import year_counts
from ethics_hr.core.args import valid_fiscal_year
from ethics_hr.core.db import store_once, transactional
from ethics_hr.core.errors import RuleViolation
from ethics_hr.core.formatting import format_date, format_fiscal_year, format_number, thai_digits
from ethics_hr.core.settings import get_settings
from ethics_hr.extensions import db
from ethics_hr.pledges.evidence import pledge_evidence
from ethics_hr.reports import ethics_defaults, sources
from ethics_hr.reports.defaults import stored_text_locale
from ethics_hr.reports.models import EthicsReport, EthicsReportSection
from ethics_hr.reports.sources.people import people_by_category
from ethics_hr.reports.summary import Line, _committee_lines, _training_lines, gift_lines, text_lines

MAX_TEXT = 20_000


def _organisation_lines(fy: int, locale: str) -> list[Line]:
    settings = get_settings()
    counts = people_by_category(locale)
    total = sum(n for _name, n in counts)
    lines = [
        Line(
            _(
                "%(org)s has %(n)s active officials and employees:",
                org=settings.name(locale),
                n=format_number(total, locale=locale),
            )
        )
    ]
    for name, n in counts:
        lines.append(
            Line(
                _(
                    "- %(category)s: %(n)s people",
                    category=name or _("No staff category"),
                    n=format_number(n, locale=locale),
                ),
                sub=True,
            )
        )
    return lines


def _codes_lines(fy: int, locale: str) -> list[Line]:
    codes = sources.codes_in_force(fy, locale=locale)
    if not codes:
        fy_name = format_fiscal_year(fy, locale=locale)
        return [Line(_("No code of ethics is published as in force in %(fy)s.", fy=fy_name))]
    lines = [Line(_("The codes of ethics in force, whom each applies to and how many acknowledged it:"))]
    for code in codes:
        share = round(code.share * 100, 1) if code.applies_to else 0
        lines.append(
            Line(
                _(
                    "- %(title)s (in force from %(day)s; applies to %(audience)s): acknowledged by %(done)s "
                    "of %(total)s people (%(share)s%%)",
                    title=code.version_title or code.code_title,
                    day=_day(code.effective_date, locale),
                    audience=code.audience or _("everyone"),
                    done=format_number(code.acknowledged, locale=locale),
                    total=format_number(code.applies_to, locale=locale),
                    share=format_number(share, locale=locale),
                ),
                sub=True,
            )
        )
    return lines


def _day(value, locale: str) -> str:
    return format_date(value, "long", locale=locale) if value else "—"


def _training(fy: int, locale: str) -> list[Line]:
    return _training_lines(fy, format_fiscal_year(fy, locale=locale), locale)


def _committee_questions(fy: int, locale: str) -> list[Line]:
    return _committee_lines(fy, format_fiscal_year(fy, locale=locale), locale)


def _conflict_lines(fy: int, locale: str) -> list[Line]:
    counts = year_counts(fy)

    def n(value: int) -> str:
        return format_number(value, locale=locale)

    fy_name = format_fiscal_year(fy, locale=locale)
    lines = [
        Line(
            _(
                "Declarations of interests in %(fy)s: %(annual)s of %(audience)s people made the annual "
                "declaration; %(situational)s declarations when a situation arose.",
                fy=fy_name,
                annual=n(counts.annual_people),
                audience=n(counts.audience),
                situational=n(counts.situational),
            )
        ),
        Line(
            _(
                "- %(some)s declared interests, %(none)s declared none.",
                some=n(counts.with_interests),
                none=n(counts.without_interests),
            ),
            sub=True,
        ),
    ]
    decided = ", ".join(f"{o.label} {n(c)}" for o, c in counts.decisions.items())
    lines.append(
        Line(
            _("- Decisions: %(decided)s; waiting: %(waiting)s.", decided=decided, waiting=n(counts.waiting)),
            sub=True,
        )
    )
    return lines


def _pledge_lines(fy: int, locale: str) -> list[Line]:
    pledge, signed, audience = pledge_evidence(fy)
    fy_name = format_fiscal_year(fy, locale=locale)
    if pledge is None:
        return [Line(_("No integrity pledge was opened for signing in %(fy)s.", fy=fy_name))]
    return [
        Line(
            _(
                "The integrity pledge of %(fy)s, %(title)s: signed by %(signed)s of %(audience)s people.",
                fy=fy_name,
                title=pledge.title(locale),
                signed=format_number(signed, locale=locale),
                audience=format_number(audience, locale=locale),
            )
        )
    ]


@dataclass(frozen=True)
class Fill:
    """A source of lines a section may carry: its name on the form, and the function writing its lines."""

    label: object
    lines: Callable[[int, str], list[Line]]


# The sources a section may name. Add one here (a name and a function of fiscal year and locale) and the
# section form offers it; a stored key no longer here is shown as text only.
FILLS: dict[str, Fill] = {
    "organisation": Fill(_l("The organisation and its people by staff category"), _organisation_lines),
    "codes": Fill(_l("Codes of ethics in force and their acknowledgment"), _codes_lines),
    "training": Fill(_l("Ethics training held"), _training),
    "committee_questions": Fill(_l("Committees and ethics questions answered"), _committee_questions),
    "gifts": Fill(_l("The gift register's No Gift figures"), gift_lines),
    "conflicts": Fill(_l("Declarations of interests and the decisions on them"), _conflict_lines),
    "pledge": Fill(_l("The integrity pledge and its signatures"), _pledge_lines),
}


def fill_choices() -> list[tuple[str, str]]:
    """The sources a section may name, for the form: none first."""
    return [("", str(_l("None: the officer's text only")))] + [(k, str(f.label)) for k, f in FILLS.items()]


# ---------------------------------------------------------------- building


@dataclass
class BuiltSection:
    number: int
    heading: str
    body: list[Line]
    lines: list[Line]  # written from the data
    fill: str = ""
    source: EthicsReportSection | None = None


@dataclass
class EthicsReportDocument:
    fiscal_year: int
    locale: str
    title: str
    organisation: str
    intro: list[Line]
    sections: list[BuiltSection] = field(default_factory=list)
    stored: EthicsReport | None = None
    thai_numerals: bool = False
    # The language of the officer's texts: a stored report's is the organisation's, whoever reads it.
    text_locale: str = "th"

    def text(self, value: str) -> str:
        """Write a text as the document shows it: in Thai numerals where the organisation asks."""
        return thai_digits(value) if self.thai_numerals else value


def _lang(locale: str) -> str:
    return "en" if locale == "en" else "th"


def _fill_text(template: str, fy: int, org: str, locale: str) -> str:
    return template.replace("{fy}", format_fiscal_year(fy, locale=locale)).replace("{org}", org)


def stored_ethics_report(fy: int) -> EthicsReport | None:
    return db.session.scalar(db.select(EthicsReport).where(EthicsReport.fiscal_year == fy))


def build_ethics_report(fy: int, locale: str | None = None) -> EthicsReportDocument:
    """Assemble a year's annual ethics report: its sections (stored, or the defaults) and their data lines."""
    from ethics_hr.reports.services import document_locale

    locale = locale or document_locale()
    settings = get_settings()
    org = settings.name(locale)
    report = stored_ethics_report(fy)
    if report is not None:
        intro = report.intro
        parts = [(s.heading, s.body, s.fill, s) for s in report.sections]
    else:
        intro = _fill_text(ethics_defaults.INTRO[_lang(locale)], fy, org, locale)
        parts = [(t.heading, t.body, t.fill, None) for t in ethics_defaults.sections_for(locale)]
    with force_locale(locale):
        title = ethics_defaults.TITLE[_lang(locale)].replace("{year}", str(fy))
        document = EthicsReportDocument(
            fiscal_year=fy,
            locale=locale,
            title=title,
            organisation=org,
            intro=text_lines(intro),
            stored=report,
            thai_numerals=locale == "th" and settings.thai_numerals_in_documents,
            text_locale=stored_text_locale() if report is not None else _lang(locale),
        )
        for number, (heading, body, key, source) in enumerate(parts, start=1):
            fill = FILLS.get(key)
            document.sections.append(
                BuiltSection(
                    number=number,
                    heading=heading,
                    body=text_lines(body),
                    lines=fill.lines(fy, locale) if fill else [],
                    fill=key if fill else "",
                    source=source,
                )
            )
    return document


# ---------------------------------------------------------------- editing


def _seeded(fy: int) -> EthicsReport:
    """Build (unsaved) a year's report from the previous stored year's sections, or from the defaults."""
    locale = get_settings().default_locale or "th"
    org = get_settings().name(locale)
    previous = db.session.scalar(
        db.select(EthicsReport).where(EthicsReport.fiscal_year < fy).order_by(EthicsReport.fiscal_year.desc())
    )
    if previous is not None:
        intro = previous.intro.replace(str(previous.fiscal_year), str(fy))
        texts = [(s.heading, s.body, s.fill) for s in previous.sections]
    else:
        intro = _fill_text(ethics_defaults.INTRO[_lang(locale)], fy, org, locale)
        texts = [(t.heading, t.body, t.fill) for t in ethics_defaults.sections_for(locale)]
    report = EthicsReport(fiscal_year=fy, intro=intro)
    for position, (heading, body, fill) in enumerate(texts, start=1):
        report.sections.append(EthicsReportSection(position=position, heading=heading, body=body, fill=fill))
    return report


def start_ethics_report(fy: int) -> EthicsReport:
    """Store a year's report with the previous year's sections (or the defaults), to edit; once."""
    if not valid_fiscal_year(fy):
        raise RuleViolation(str(_l("This is not a fiscal year.")))
    return store_once(lambda: stored_ethics_report(fy), lambda: _seeded(fy))


@dataclass
class SectionInput:
    heading: str
    body: str = ""
    fill: str = ""


def _check(data: SectionInput) -> SectionInput:
    cleaned = SectionInput(
        heading=" ".join(data.heading.split()), body=data.body.strip(), fill=data.fill.strip()
    )
    if not cleaned.heading:
        raise RuleViolation(str(_l("Give the section a heading.")), "heading")
    if len(cleaned.heading) > 300:
        raise RuleViolation(str(_l("Keep the heading under 300 characters.")), "heading")
    if len(cleaned.body) > MAX_TEXT:
        raise RuleViolation(str(_l("This text is too long.")), "body")
    if cleaned.fill and cleaned.fill not in FILLS:
        raise RuleViolation(str(_l("Choose one of the data sources listed.")), "fill")
    return cleaned


@transactional
def save_section(section: EthicsReportSection, data: SectionInput) -> EthicsReportSection:
    """Change a section's heading, text and data source."""
    cleaned = _check(data)
    section.heading, section.body, section.fill = cleaned.heading, cleaned.body, cleaned.fill
    return section


@transactional
def add_section(report: EthicsReport, data: SectionInput) -> EthicsReportSection:
    """Add a section at the end of the report."""
    cleaned = _check(data)
    last = max((s.position for s in report.sections), default=0)
    section = EthicsReportSection(
        report=report, position=last + 1, heading=cleaned.heading, body=cleaned.body, fill=cleaned.fill
    )
    db.session.add(section)
    return section


@transactional
def delete_section(section: EthicsReportSection) -> None:
    """Remove a section from its report."""
    report = section.report
    report.sections.remove(section)
    for position, row in enumerate(report.sections, start=1):
        row.position = position


@transactional
def move_section(section: EthicsReportSection, step: int) -> None:
    """Move a section one place up (-1) or down (+1)."""
    rows = list(section.report.sections)
    index = rows.index(section)
    other = index + (1 if step > 0 else -1)
    if not 0 <= other < len(rows):
        return
    rows[index], rows[other] = rows[other], rows[index]
    for position, row in enumerate(rows, start=1):
        row.position = position


@transactional
def save_ethics_intro(report: EthicsReport, intro: str) -> None:
    """Change the addressee line and the opening paragraph."""
    intro = intro.strip()
    if len(intro) > MAX_TEXT:
        raise RuleViolation(str(_l("This text is too long.")), "intro")
    report.intro = intro
