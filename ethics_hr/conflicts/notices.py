"""What conflict-of-interest declarations tell people: the reviewers, that a declaration with interests waits
for their decision; the person, that a decision was recorded. The messages name no interest: the page does,
to those who may see it."""

from __future__ import annotations

from flask import url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from ethics_hr.committees.services import committee_member_people
from ethics_hr.core.formatting import format_date, format_fiscal_year
from ethics_hr.core.locale import current_locale
from ethics_hr.core.timeutil import to_local
from ethics_hr.extensions import db
from ethics_hr.notifications.services import (
    NotificationKind,
    notify_many,
    register_kind,
    register_target,
    render_message,
)
from ethics_hr.people.contacts import personnel_officers, recipients_of

DECLARED = "conflicts.declared"
DECIDED = "conflicts.decided"
ANNUAL_DUE = "conflicts.annual_due"

register_kind(
    NotificationKind(
        DECLARED,
        _l(
            "Conflicts of interest: a declaration with interests waits for a decision "
            "(to department heads and committee members)"
        ),
        mandatory=True,
    )
)
register_kind(NotificationKind(DECIDED, _l("Conflicts of interest: a decision on my declaration")))
register_kind(
    NotificationKind(
        ANNUAL_DUE,
        _l("Conflicts of interest: reminder to make the annual declaration, until you do"),
        mandatory=True,
        defaults={"days_before": [14, 3], "repeat_days": 14, "hour": 8},
    )
)


def _what(declaration, locale: str) -> str:
    if declaration.is_annual:
        return _(
            "the annual declaration of %(fy)s", fy=format_fiscal_year(declaration.fiscal_year, locale=locale)
        )
    return _("a declaration on %(situation)s", situation=declaration.situation)


def declared(declaration) -> int:
    """Tell the person's department head and the committee members that a declaration waits for them."""
    person = declaration.person
    reviewers = {p.id for p in committee_member_people()}
    department = person.department
    if department is not None and department.head_person_id:
        reviewers.add(department.head_person_id)
    reviewers.discard(person.id)
    recipients = list(recipients_of(reviewers).values()) if reviewers else []
    if not recipients:  # nobody to decide yet: the personnel officers see that it waits
        recipients = [r for r in personnel_officers() if r.id != declaration.declared_by_id]

    def link(_r=None) -> str:  # built where notify_many gives a request context (a job has none)
        return url_for("conflicts.detail", declaration_id=declaration.id)

    def render(r):
        facts = {
            "person": person.display_name(r.locale),
            "what": _what(declaration, r.locale),
            "day": format_date(to_local(declaration.declared_at).date(), "long", locale=r.locale),
            "name": r.name,
        }
        subject = _("%(person)s has declared interests: a decision is needed", **facts)
        notice = _("%(person)s declared interests in %(what)s on %(day)s.", **facts)
        return render_message(subject, "conflicts/mail/declared", link=link(r), notice=notice, **facts)

    return notify_many(
        recipients, kind=DECLARED, target=f"conflict_declaration:{declaration.id}", render=render, link=link
    )


def decided(declaration, decision) -> int:
    """Tell the person that a decision on their declaration was recorded."""
    recipients = list(recipients_of([declaration.person_id]).values())

    def link(_r=None) -> str:  # built where notify_many gives a request context (a job has none)
        return url_for("conflicts.detail", declaration_id=declaration.id)

    def render(r):
        facts = {
            "what": _what(declaration, r.locale),
            "outcome": decision.outcome_enum.label,
            "name": r.name,
        }
        subject = _("A decision on your declaration of interests: %(outcome)s", **facts)
        notice = _("A decision on %(what)s: %(outcome)s.", **facts)
        return render_message(
            subject,
            "conflicts/mail/decided",
            link=link(r),
            notice=notice,
            measure=decision.measure,
            referred_to=decision.referred_to,
            note=decision.note,
            **facts,
        )

    return notify_many(
        recipients,
        kind=DECIDED,
        target=f"conflict_declaration:{declaration.id}",
        period=f"decision:{decision.id}",
        render=render,
        link=link,
    )


def annual_due(recipients, fy: int, due_on, period: str, *, overdue: bool) -> int:
    """Remind people that the annual declaration of a fiscal year is due on a day (or was)."""

    def link(_r=None) -> str:
        return url_for("conflicts.new")

    def render(r):
        facts = {
            "fy": format_fiscal_year(fy, locale=r.locale),
            "due": format_date(due_on, "long", locale=r.locale),
            "name": r.name,
        }
        if overdue:
            subject = _("Your annual declaration of interests of %(fy)s was due on %(due)s", **facts)
        else:
            subject = _("Make your annual declaration of interests of %(fy)s by %(due)s", **facts)
        return render_message(
            subject, "conflicts/mail/annual_due", link=link(r), notice=subject, overdue=overdue, **facts
        )

    return notify_many(
        recipients, kind=ANNUAL_DUE, target=f"conflict_annual:{fy}", period=period, render=render, link=link
    )


def _describe(ids: list[int]) -> dict[int, str]:
    from ethics_hr.conflicts.models import Declaration

    locale = current_locale()
    found = db.session.scalars(db.select(Declaration).where(Declaration.id.in_(ids)))
    return {d.id: f"{d.kind_enum.label}, {d.person.display_name(locale)}" for d in found}


register_target("conflict_declaration", _l("Declaration of interests"), _describe)
register_target("conflict_annual", _l("Annual declaration of interests"))
