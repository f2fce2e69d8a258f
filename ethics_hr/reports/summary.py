"""Summaries written from the data like the seed report's own lines: the HR row's, and the No Gift lines."""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import force_locale
from flask_babel import gettext as _

from ethics_hr.committees.services import gives_committee_rights
from ethics_hr.core.formatting import format_date, format_fiscal_year, format_number
from ethics_hr.gifts import services as gift_register
from ethics_hr.reports import sources
from ethics_hr.training import outcome as training_outcome

MAX_COURSES = 12  # the summary names each course once, so its length does not grow with the sessions held


@dataclass(frozen=True)
class Line:
    """One paragraph of a cell; a sub-item is indented under the line above it."""

    text: str
    sub: bool = False


def text_lines(text: str) -> list[Line]:
    """Split an officer's text into lines; a line starting with "- " is a sub-item."""
    lines = []
    for raw in (text or "").splitlines():
        stripped = raw.strip()
        if not stripped:
            continue
        if stripped.startswith(("- ", "• ")):
            lines.append(Line(stripped, sub=True))
        else:
            lines.append(Line(stripped))
    return lines


def _n(value: float | int, locale: str) -> str:
    return format_number(round(value, 1) if isinstance(value, float) else value, locale=locale)


def _plan_lines(fy: int, fy_name: str, locale: str) -> list[Line]:
    plan = sources.plan(fy, locale)
    if plan is None:
        return [Line(_("No HR management and development plan is in force in %(fy)s.", fy=fy_name))]
    approved = (
        _(" approved on %(date)s", date=format_date(plan.approved_on, "long", locale=locale))
        if plan.approved_on
        else ""
    )
    lines = [
        Line(
            _(
                "There is an HR management and development plan: %(title)s%(approved)s.",
                title=plan.title,
                approved=approved,
            )
        )
    ]
    if plan.items:
        lines.append(
            Line(
                _(
                    "- %(done)s of the %(total)s projects and activities planned for %(fy)s are done",
                    done=_n(plan.done, locale),
                    total=_n(len(plan.items), locale),
                    fy=fy_name,
                ),
                sub=True,
            )
        )
    return lines


def _training_lines(fy: int, fy_name: str, locale: str) -> list[Line]:
    training = sources.ethics_training(fy)
    if not training or not training.sessions:
        return [Line(_("No training with ethics content was held in %(fy)s.", fy=fy_name))]
    lines = [
        Line(
            _(
                "There were activities building knowledge and understanding of ethical standards and the "
                "codes of ethics of state officials: %(sessions)s sessions, %(participants)s participants, "
                "%(hours)s person-hours.",
                sessions=_n(len(training.sessions), locale),
                participants=_n(training.people_trained, locale),
                hours=_n(training.person_hours, locale),
            )
        )
    ]
    by_course: dict[str, list[sources.HeldSession]] = {}
    for session in training.sessions:
        by_course.setdefault(session.course_title(locale), []).append(session)
    for title, held in list(by_course.items())[:MAX_COURSES]:
        days = ", ".join(format_date(s.starts_at, "medium", locale=locale) for s in held[:4])
        if len(held) > 4:
            days += ", …"
        lines.append(
            Line(
                _(
                    "- %(course)s (%(days)s): %(participants)s participants",
                    course=title,
                    days=days,
                    participants=_n(sum(s.participants for s in held), locale),
                ),
                sub=True,
            )
        )
    if len(by_course) > MAX_COURSES:
        lines.append(
            Line(_("- and %(n)s other courses", n=_n(len(by_course) - MAX_COURSES, locale)), sub=True)
        )
    return lines


def _committee_lines(fy: int, fy_name: str, locale: str) -> list[Line]:
    committees = sources.committees(fy, locale=locale)
    questions = sources.questions(fy)
    # Only the bodies that answer ethics questions (not, say, the code-drafting committee): one rule.
    orders = [(c, o) for c in committees if gives_committee_rights(c.kind) for o in c.orders]
    if orders:
        headline = _(
            "There are working groups and committees that advise and answer questions on ethics and "
            "build awareness of ethical standards and the codes of ethics:"
        )
    else:
        headline = _(
            "No appointment order of an ethics committee or advisory team is recorded for %(fy)s.", fy=fy_name
        )
    lines = [Line(headline)]
    for committee, order in orders:
        lines.append(
            Line(
                _(
                    "- order %(label)s dated %(date)s: %(title)s",
                    label=order.label,
                    date=format_date(order.signed_on, "long", locale=locale) if order.signed_on else "—",
                    title=order.title or committee.name,
                ),
                sub=True,
            )
        )
    if questions.asked == 0:
        lines.append(Line(_("- no ethics question was asked in %(fy)s", fy=fy_name), sub=True))
    else:
        text = _(
            "- %(answered)s of the %(asked)s ethics questions asked were answered",
            answered=_n(questions.answered, locale),
            asked=_n(questions.asked, locale),
        )
        if questions.median_days is not None:
            text += _(" (median %(days)s days to answer)", days=_n(float(questions.median_days), locale))
        if questions.faq_published:
            text += _("; %(n)s answers are published as FAQ", n=_n(questions.faq_published, locale))
        lines.append(Line(text, sub=True))
    return lines


def _dos_donts_lines(codes: list[sources.CodeEvidence], locale: str) -> list[Line]:
    with_guidance = [c for c in codes if c.dos_donts]
    if not with_guidance:
        return [Line(_("No Dos & Don'ts are published yet."))]
    total = sum(len(c.dos_donts) for c in with_guidance)
    lines = [
        Line(
            _(
                "There are Dos & Don'ts guiding the ethical conduct of the organisation's people: "
                "%(n)s items.",
                n=_n(total, locale),
            )
        )
    ]
    for code in with_guidance:
        lines.append(
            Line(
                _(
                    "- %(code)s: %(n)s items",
                    code=code.version_title or code.code_title,
                    n=_n(len(code.dos_donts), locale),
                ),
                sub=True,
            )
        )
    return lines


def _codes_lines(codes: list[sources.CodeEvidence], fy_name: str, locale: str) -> list[Line]:
    if not codes:
        return [Line(_("No code of ethics is published as in force in %(fy)s.", fy=fy_name))]
    lines = [Line(_("The codes of ethics for state officials are enforced:"))]
    for code in codes:
        lines.append(
            Line(
                _(
                    "- %(title)s: acknowledged by %(done)s of %(total)s people (%(share)s%%)",
                    title=code.version_title or code.code_title,
                    done=_n(code.acknowledged, locale),
                    total=_n(code.applies_to, locale),
                    share=_n(round(code.share * 100, 1), locale),
                ),
                sub=True,
            )
        )
    return lines


def hr_summary(fy: int, locale: str) -> list[Line]:
    """Write the HR measure's summary of results for a fiscal year from the domains' data, numbered."""
    with force_locale(locale):
        fy_name = format_fiscal_year(fy, locale=locale)
        codes = sources.codes_in_force(fy, locale=locale)
        blocks = [
            _plan_lines(fy, fy_name, locale),
            _training_lines(fy, fy_name, locale),
            _committee_lines(fy, fy_name, locale),
            _dos_donts_lines(codes, locale),
            _codes_lines(codes, fy_name, locale),
        ]
    lines = []
    for number, block in enumerate(blocks, start=1):
        first, *rest = block
        lines.append(Line(f"{number}. {first.text}"))
        lines.extend(rest)
    return lines


def outcome_lines(fy: int, locale: str) -> list[Line]:
    """The HR row's outcome measured from the training tests: the scenarios before and after training."""
    sentence = training_outcome.headline(fy, locale)
    return [Line(sentence)] if sentence else []


def gift_lines(fy: int, locale: str) -> list[Line]:
    """The anti-corruption row's No Gift lines, from the gift register of the fiscal year."""
    figures = gift_register.year_figures(fy)
    with force_locale(locale):
        fy_name = format_fiscal_year(fy, locale=locale)
        lines = [Line(_("No Gift Policy, from the gift register of %(fy)s:", fy=fy_name))]
        if figures.announced_on:
            day = format_date(figures.announced_on, "long", locale=locale)
            lines.append(Line(_("- The No Gift announcement was published on %(day)s.", day=day), sub=True))
        else:
            lines.append(Line(_("- No No Gift announcement was published."), sub=True))
        if not figures.count:
            lines.append(Line(_("- No gift or benefit was recorded (a nil report)."), sub=True))
            return lines
        lines.append(
            Line(
                _(
                    "- %(n)s gifts or benefits recorded, worth %(total)s baht in all.",
                    n=_n(figures.count, locale),
                    total=format_number(figures.total, locale=locale),
                ),
                sub=True,
            )
        )
        lines.append(
            Line(
                _(
                    "- %(n)s above %(limit)s baht from one giver on one occasion, reported to the head: "
                    "%(decided)s decided, %(waiting)s waiting.",
                    n=_n(figures.reportable, locale),
                    limit=format_number(figures.rule.threshold, locale=locale),
                    decided=_n(figures.decided, locale),
                    waiting=_n(figures.waiting, locale),
                ),
                sub=True,
            )
        )
        lines.append(
            Line(
                _(
                    "- %(returned)s returned to the giver, %(handed)s handed to the organisation.",
                    returned=_n(figures.returned, locale),
                    handed=_n(figures.handed_over, locale),
                ),
                sub=True,
            )
        )
    return lines
