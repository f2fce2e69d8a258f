"""What the HR plan tells the personnel officers: monthly, the items that should have started but have not."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from flask import url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from ethics_hr.core.formatting import bilingual
from ethics_hr.notifications.services import (
    NotificationKind,
    Recipient,
    notify_many,
    register_kind,
    register_target,
    render_message,
)

LATE_ITEMS = "plans.late_items"

register_kind(
    NotificationKind(
        LATE_ITEMS,
        _l("HR plan: monthly list of items that should have started (to the personnel officers)"),
        mandatory=True,
        defaults={"hour": 8},
    )
)


@dataclass
class LateItem:
    name: str
    fiscal_year: int
    quarter: int
    department_th: str
    department_en: str

    def department(self, locale: str | None = None) -> str:
        return bilingual(self.department_th, self.department_en, locale)


def late_items(items: list[LateItem], officers: Iterable[Recipient], period: str) -> int:
    """Send the officers the month's list of plan items that should have started and have not."""

    def render(r: Recipient):
        return render_message(
            _("HR plan: items that should have started (%(n)d)", n=len(items)),
            "plans/mail/late_items",
            link=url_for("plans.index"),
            notice=", ".join(item.name for item in items),
            name=r.name,
            items=items,
        )

    return notify_many(
        officers,
        kind=LATE_ITEMS,
        target="hr_plan:late_items",
        period=period,
        render=render,
        link=lambda _r: url_for("plans.index"),
    )


register_target("hr_plan", _l("HR plan"))
