"""What codes of ethics tell people, through `notifications`: a version published, reminders, overdue digests.

The publication notice is written in the transaction that publishes; the reminders and digests are written
by `codes.jobs`. Messages are rendered in each recipient's language from `templates/codes/mail/`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import sqlalchemy as sa
from flask import url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from ethics_hr.codes.audience import acknowledged_people, people_in_audience
from ethics_hr.codes.models import CodeVersion
from ethics_hr.core.formatting import bilingual, format_date, format_number
from ethics_hr.extensions import db
from ethics_hr.notifications.services import (
    NotificationKind,
    Recipient,
    addressed_by_name,
    notify_many,
    register_kind,
    register_target,
    render_message,
)
from ethics_hr.people.contacts import recipients_of
from ethics_hr.people.models import Person

VERSION_PUBLISHED = "codes.version_published"
ACK_REMINDER = "codes.ack_reminder"
OVERDUE_DIGEST = "codes.overdue_digest"
DIGEST_NAMES = 100  # a head's digest names at most this many people; the rest are counted

register_kind(
    NotificationKind(
        VERSION_PUBLISHED, _l("Codes of ethics: a version that applies to you is published"), mandatory=True
    )
)
register_kind(
    NotificationKind(
        ACK_REMINDER,
        _l("Codes of ethics: reminder to acknowledge, until you do"),
        mandatory=True,
        defaults={"repeat_days": 7, "hour": 8},
    )
)
register_kind(
    NotificationKind(
        OVERDUE_DIGEST,
        _l("Codes of ethics: people late to acknowledge (to department heads and personnel officers)"),
        mandatory=True,
        defaults={"repeat_days": 7, "hour": 8},
    )
)


def target_of(version: CodeVersion) -> str:
    return f"code_version:{version.id}"


def _acknowledge_link(version: CodeVersion) -> str:
    return url_for("codes.acknowledge", version_id=version.id)


def _facts(version: CodeVersion, locale: str) -> dict:
    return {
        "code_name": version.code.name(locale),
        "title": version.title,
        "number": version.number,
        "effective": format_date(version.effective_date, "long", locale=locale),
        "due": format_date(version.due_date, "long", locale=locale) if version.due_date else "",
    }


def published(version: CodeVersion) -> int:
    """Tell the whole audience of a newly published version, in bulk; return how many were told."""
    audience = sa.select(Person.id).where(people_in_audience(version))
    done: set[int] = set()
    if version.is_minor:  # earlier acknowledgments of the chain still count
        done = set(
            db.session.scalars(
                sa.select(Person.id).where(
                    people_in_audience(version), Person.id.in_(acknowledged_people(version))
                )
            )
        )
    people = recipients_of(audience)
    to_do = [r for pid, r in people.items() if pid not in done]
    carried = [r for pid, r in people.items() if pid in done]

    def render(r: Recipient, *, still_counts: bool = False):
        facts = _facts(version, r.locale)
        return render_message(
            _("New code of ethics to acknowledge: %(code)s", code=facts["code_name"])
            if not still_counts
            else _("Corrected code of ethics: %(code)s", code=facts["code_name"]),
            "codes/mail/published",
            link=_acknowledge_link(version)
            if not still_counts
            else url_for("codes.version", version_id=version.id),
            notice=_("Your earlier acknowledgment still counts.")
            if still_counts
            else _("Please read it and acknowledge it by %(due)s.", due=facts["due"]),
            name=r.name,
            still_counts=still_counts,
            **facts,
        )

    told = notify_many(
        to_do,
        kind=VERSION_PUBLISHED,
        target=target_of(version),
        render=addressed_by_name(render),
        link=lambda _r: _acknowledge_link(version),
    )
    if carried:
        told += notify_many(
            carried,
            kind=VERSION_PUBLISHED,
            target=target_of(version),
            render=addressed_by_name(lambda r: render(r, still_counts=True)),
            link=lambda _r: url_for("codes.version", version_id=version.id),
        )
    return told


def ack_reminder(version: CodeVersion, recipients: Iterable[Recipient], period: str, *, overdue: bool) -> int:
    """Remind people who have not acknowledged a version yet; return how many were newly told."""

    def render(r: Recipient):
        facts = _facts(version, r.locale)
        subject = (
            _("Overdue: please acknowledge %(code)s", code=facts["code_name"])
            if overdue
            else _("Reminder: please acknowledge %(code)s", code=facts["code_name"])
        )
        return render_message(
            subject,
            "codes/mail/ack_reminder",
            link=_acknowledge_link(version),
            notice=_(
                "%(title)s: please acknowledge it; it was due on %(due)s.",
                title=facts["title"],
                due=facts["due"],
            )
            if overdue
            else _("%(title)s: please acknowledge it by %(due)s.", title=facts["title"], due=facts["due"]),
            name=r.name,
            overdue=overdue,
            **facts,
        )

    return notify_many(
        recipients,
        kind=ACK_REMINDER,
        target=target_of(version),
        period=period,
        render=addressed_by_name(render),
        link=lambda _r: _acknowledge_link(version),
    )


@dataclass
class OverduePerson:
    name_th: str
    name_en: str
    position: str

    def name(self, locale: str | None = None) -> str:
        return bilingual(self.name_th, self.name_en, locale)


@dataclass
class DepartmentCount:
    name_th: str
    name_en: str
    count: int

    def name(self, locale: str | None = None) -> str:
        return bilingual(self.name_th, self.name_en, locale)


@dataclass
class Digest:
    total: int
    people: list[OverduePerson] = field(default_factory=list)
    departments: list[DepartmentCount] = field(default_factory=list)


def overdue_digest(
    version: CodeVersion, recipient: Recipient, digest: Digest, period: str, *, target: str, for_officer: bool
) -> int:
    """Send one digest of the people late to acknowledge a version (a head's department, or everyone)."""

    def link(_r: Recipient | None = None) -> str:
        if for_officer:
            return url_for("codes.compliance_page", version_id=version.id, status="overdue")
        return url_for("codes.version", version_id=version.id)

    def render(r: Recipient):
        facts = _facts(version, r.locale)
        return render_message(
            _("%(code)s: late acknowledgments (%(n)d)", n=digest.total, code=facts["code_name"]),
            "codes/mail/overdue_digest",
            link=link(),
            notice=_digest_notice(digest, r.locale),
            name=r.name,
            digest=digest,
            for_officer=for_officer,
            shown=min(len(digest.people), DIGEST_NAMES),
            **facts,
        )

    return notify_many(
        [recipient], kind=OVERDUE_DIGEST, target=target, period=period, render=render, link=link
    )


def _digest_notice(digest: Digest, locale: str) -> str:
    if digest.departments:
        return ", ".join(
            f"{d.name(locale) or _('No department')}: {format_number(d.count, locale=locale)}"
            for d in digest.departments
        )
    return ", ".join(p.name(locale) for p in digest.people)


def _describe_versions(ids: list[int]) -> dict[int, str]:
    rows = db.session.execute(db.select(CodeVersion.id, CodeVersion.title).where(CodeVersion.id.in_(ids)))
    return dict(rows.all())


register_target("code_version", _l("Code of ethics version"), _describe_versions)
