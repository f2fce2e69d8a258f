"""How kinds and roles are named: a working group has a head and members (คณะทำงาน), a committee a chair."""

from __future__ import annotations

from datetime import date

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import pgettext

from ethics_hr.committees.models import CommitteeKind, MemberRole
from ethics_hr.core.formatting import current_locale, format_date, thai_digits
from ethics_hr.core.settings import get_settings

KIND_LABELS = {
    CommitteeKind.ETHICS_COMMITTEE.value: _l("Ethics committee"),
    CommitteeKind.CODE_DRAFTING.value: _l("Code-drafting committee"),
    CommitteeKind.ADVISORY_TEAM.value: _l("Ethics working group or advisory team"),
    CommitteeKind.OTHER.value: _l("Other"),
}

ROLE_LABELS = {
    MemberRole.CHAIR.value: _l("Chair"),
    MemberRole.VICE_CHAIR.value: _l("Vice-chair"),
    MemberRole.MEMBER.value: _l("Member"),
    MemberRole.SECRETARY.value: _l("Member and secretary"),
    MemberRole.ASSISTANT_SECRETARY.value: _l("Member and assistant secretary"),
}


def kind_label(kind: str) -> str:
    return str(KIND_LABELS.get(kind, kind))


def role_label(role: str, kind: str | None = None) -> str:
    """Name a role as an order of this kind of body writes it."""
    if kind == CommitteeKind.ADVISORY_TEAM.value:
        team = {
            MemberRole.CHAIR.value: pgettext("working group", "Head of the team"),
            MemberRole.VICE_CHAIR.value: pgettext("working group", "Deputy head of the team"),
            MemberRole.MEMBER.value: pgettext("working group", "Member"),
            MemberRole.SECRETARY.value: pgettext("working group", "Member and secretary"),
            MemberRole.ASSISTANT_SECRETARY.value: pgettext("working group", "Member and assistant secretary"),
        }
        return team.get(role, role)
    return str(ROLE_LABELS.get(role, role))


def role_choices() -> list[tuple[str, str]]:
    return [(role.value, ROLE_LABELS[role.value]) for role in MemberRole]


def order_number(order, *, official: bool = False) -> str:
    """Write an order's number as "123/2566"; Thai numerals on official documents if the organisation asks."""
    text = f"{order.number}/{order.year_be}"
    if official and current_locale() == "th" and get_settings().thai_numerals_in_documents:
        return thai_digits(text)
    return text


def order_status(order, today: date) -> tuple[str, str]:
    """Say where an order stands today, as (Bootstrap colour, text): in force, replaced, ended or to come."""
    successor = order.replaced_by
    dissolved_on = order.committee.dissolved_on
    if successor is not None and successor.effective_on <= today:
        return "secondary", _("Replaced by order No. %(number)s", number=order_number(successor))
    if dissolved_on is not None and dissolved_on <= today:
        return "secondary", _("Committee dissolved")
    if order.ends_on is not None and order.ends_on < today:
        return "secondary", _("Ended on %(date)s", date=format_date(order.ends_on))
    if order.effective_on > today:
        return "info", _("Takes effect on %(date)s", date=format_date(order.effective_on))
    return "success", _("In force")
