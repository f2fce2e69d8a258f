"""Codes' periodic jobs: reminders to acknowledge, and the digests of who is late.

Both reconcile from the database, one unit of work per version, so a run that dies half way keeps what it
queued and the next run queues only the rest; the outbox's key (kind, target, period, recipient) makes a
repeated or concurrent run queue nothing twice.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, timedelta

import sqlalchemy as sa

from ethics_hr.codes import notices
from ethics_hr.codes.audience import acknowledged_people, counted_version_ids, people_in_audience
from ethics_hr.codes.compliance import ComplianceFilter, ComplianceStatus, people_query
from ethics_hr.codes.models import Acknowledgment, CodeVersion, VersionStatus
from ethics_hr.core.db import unit_of_work
from ethics_hr.core.timeutil import to_local
from ethics_hr.extensions import db
from ethics_hr.notifications.services import already_told, due_after, due_repeat, kind_settings
from ethics_hr.people.contacts import department_heads, personnel_officers, recipients_of
from ethics_hr.people.models import Department, Person, User

OVERDUE = ComplianceFilter(status=ComplianceStatus.OVERDUE)


def _published_versions() -> list[CodeVersion]:
    return list(
        db.session.scalars(
            sa.select(CodeVersion)
            .where(CodeVersion.status == VersionStatus.PUBLISHED, CodeVersion.ack_basis_id.is_not(None))
            .order_by(CodeVersion.id)
        )
    )


def ack_reminders(now: datetime) -> int:
    """Remind everyone who has not acknowledged a version in force, every N days from its publication.

    A newcomer's reminders count from their start date, like their personal due date.
    """
    settings = kind_settings(notices.ACK_REMINDER)
    if not settings.enabled or not settings.repeat_days:
        return 0
    today = to_local(now).date()
    told = 0
    for version in _published_versions():
        with unit_of_work():
            pending = (
                sa.select(Person.id)
                .where(people_in_audience(version), Person.id.not_in(acknowledged_people(version)))
                .scalar_subquery()
            )
            # Each pending person's start date, account and address (the latter two to leave out those
            # already reminded this time before anyone's message is built: a run with nothing new is cheap).
            pending_people = db.session.execute(
                sa.select(Person.id, Person.start_date, User.id, Person.email)
                .outerjoin(User, User.person_id == Person.id)
                .where(Person.id.in_(pending))
            ).all()
            if not pending_people:
                continue
            # Those acknowledging again (every N months) are not late on the first due date.
            renewing = (
                set(
                    db.session.scalars(
                        sa.select(Acknowledgment.person_id).where(
                            Acknowledgment.version_id.in_(counted_version_ids(version)),
                            Acknowledgment.person_id.in_(pending),
                        )
                    )
                )
                if version.reacknowledge_months
                else set()
            )
            published = to_local(version.published_at).date()
            window = max((version.due_date - published).days, 0) if version.due_date else None
            # Most people count from the publication, the newcomers from a few start dates: each day's
            # reminder is worked out once.
            by_since: dict[date, list[tuple]] = defaultdict(list)
            for row in pending_people:
                by_since[max(published, row.start_date) if row.start_date else published].append(row)
            periods = {day: due_repeat(day, now, settings.repeat_days, settings.hour) for day in by_since}
            told_already = already_told(
                notices.ACK_REMINDER, notices.target_of(version), filter(None, periods.values())
            )
            groups: dict[tuple[str, bool], list[int]] = defaultdict(list)
            for since, rows in by_since.items():
                period = periods[since]
                if period is None:
                    continue
                late = window is not None and since + timedelta(days=window) < today
                for person_id, _start, user_id, email in rows:
                    if not told_already(user_id, email, period):
                        groups[(period, late and person_id not in renewing)].append(person_id)
            if not groups:
                continue
            contacts = recipients_of([i for ids in groups.values() for i in ids])
            for (period, overdue), ids in sorted(groups.items()):
                people = [contacts[i] for i in sorted(ids) if i in contacts]
                told += notices.ack_reminder(version, people, period, overdue=overdue)
    return told


def overdue_digests(now: datetime) -> int:
    """Send each department head the people of their department late to acknowledge, and the officers all."""
    settings = kind_settings(notices.OVERDUE_DIGEST)
    if not settings.enabled:
        return 0
    today = to_local(now).date()
    versions = [v for v in _published_versions() if v.due_date is not None and v.due_date < today]
    if not versions:
        return 0
    heads = department_heads()
    head_contacts = recipients_of(heads.values())
    officers = personnel_officers()
    departments = {d.id: d for d in db.session.scalars(sa.select(Department))}
    told = 0
    for version in versions:
        with unit_of_work():
            period = due_after(version.due_date, now, settings.repeat_days, settings.hour)
            if period is None:
                continue
            late = db.session.execute(
                people_query(
                    version, ComplianceFilter(status=ComplianceStatus.OVERDUE), today=today
                ).with_only_columns(
                    Person.department_id,
                    Person.prefix,
                    Person.first_name_th,
                    Person.last_name_th,
                    Person.first_name_en,
                    Person.last_name_en,
                    Person.position,
                )
            ).all()
            if not late:
                continue
            by_department: dict[int | None, list[notices.OverduePerson]] = defaultdict(list)
            for row in late:
                by_department[row.department_id].append(
                    notices.OverduePerson(
                        f"{row.prefix}{row.first_name_th} {row.last_name_th}".strip(),
                        f"{row.first_name_en} {row.last_name_en}".strip(),
                        row.position,
                    )
                )
            target = notices.target_of(version)
            for department_id, people in by_department.items():
                head = head_contacts.get(heads.get(department_id, -1))
                if head is None:
                    continue
                digest = notices.Digest(len(people), people[: notices.DIGEST_NAMES])
                told += notices.overdue_digest(
                    version,
                    head,
                    digest,
                    period,
                    target=f"{target}:department:{department_id}",
                    for_officer=False,
                )
            counts = sorted(
                (
                    notices.DepartmentCount(
                        departments[d].name_th if d in departments else "",
                        departments[d].name_en if d in departments else "",
                        len(people),
                    )
                    for d, people in by_department.items()
                ),
                key=lambda c: (-c.count, c.name_th),
            )
            digest = notices.Digest(len(late), departments=counts)
            for officer in officers:
                told += notices.overdue_digest(
                    version, officer, digest, period, target=target, for_officer=True
                )
    return told
