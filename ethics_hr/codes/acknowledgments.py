"""Acknowledging a version, by oneself or recorded on one's behalf, and what each person still has to do.

An acknowledgment is evidence: one row per person and version, inserted with ON CONFLICT DO NOTHING so that
two identical submissions at the same moment leave exactly one row and neither fails; the table refuses
UPDATE and DELETE. Acknowledgments carry over across minor versions (see `audience.counted_version_ids`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import sqlalchemy as sa
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import aliased, joinedload
from werkzeug.datastructures import FileStorage

from ethics_hr.codes import quiz, tally
from ethics_hr.codes.audience import (
    applies_to_person,
    counted_acknowledgments,
    counted_version_ids,
    current_since,
    due_again_on,
)
from ethics_hr.codes.models import AckMethod, Acknowledgment, CodeOfEthics, CodeVersion, VersionStatus
from ethics_hr.core import audit
from ethics_hr.core.db import insert_ignoring_conflict, unit_of_work
from ethics_hr.core.errors import RuleViolation
from ethics_hr.core.formatting import current_locale
from ethics_hr.core.models import utc_now
from ethics_hr.core.settings import get_settings
from ethics_hr.core.timeutil import local_today, to_local
from ethics_hr.core.uploads import SCANS, save_upload
from ethics_hr.extensions import db
from ethics_hr.people.models import Person, User
from ethics_hr.people.services import confirm_password

STATEMENT = _l("I have read this code of ethics and will abide by it.")


class NotApplicable(Exception):
    """The version is not published, or not for this person: the views answer 404."""


def statement_text(locale: str) -> str:
    """Return the statement of meaning in the given language, as it is shown and recorded."""
    with force_locale(locale):
        return _("I have read this code of ethics and will abide by it.")


# ---------------------------------------------------------------- who and what


def applies_to(version: CodeVersion, person: Person) -> bool:
    """Tell whether a version's audience includes an (active) person."""
    if not person.active:
        return False
    return bool(db.session.scalar(sa.select(applies_to_person(version.id, person))))


def acknowledgment_of(person: Person, version: CodeVersion) -> Acknowledgment | None:
    """Return a person's latest acknowledgment for this version (of it, or of an earlier one of its chain),
    current or due again."""
    if version.ack_basis_id is None:
        return None
    return db.session.scalar(
        counted_acknowledgments(version).where(Acknowledgment.person_id == person.id).limit(1)
    )


def is_current(
    version: CodeVersion, acknowledgment: Acknowledgment | None, today: date | None = None
) -> bool:
    """Tell whether an acknowledgment still counts for a version (it is not due to be renewed)."""
    if acknowledgment is None:
        return False
    since = current_since(version, today)
    return since is None or acknowledgment.acknowledged_at >= since


def current_acknowledgment_of(
    person: Person, version: CodeVersion, *, today: date | None = None
) -> Acknowledgment | None:
    """Return the acknowledgment that counts for this version today, or None (never made, or due again)."""
    row = acknowledgment_of(person, version)
    return row if is_current(version, row, today) else None


def personal_due_date(version: CodeVersion, person: Person) -> date | None:
    """Return the day a person must acknowledge by: the version's due date, or later for a newcomer.

    Someone who started after the version was published gets the same number of days from their start date.
    """
    if version.due_date is None:
        return None
    if person.start_date is None or version.published_at is None:
        return version.due_date
    window = max((version.due_date - to_local(version.published_at).date()).days, 0)
    return max(version.due_date, person.start_date + timedelta(days=window))


@dataclass
class Obligation:
    """A published version a person still has to acknowledge."""

    version: CodeVersion
    due: date | None
    overdue: bool
    acknowledged_before: int | None  # the id of the latest earlier version of the code they acknowledged
    due_again: bool = False  # acknowledged once, and the version asks for it again every N months


def pending_for(person: Person, *, today: date | None = None) -> list[Obligation]:
    """List the published versions that apply to a person and that they have not acknowledged yet, or whose
    acknowledgment is due again."""
    today = today or local_today()
    published = list(
        db.session.scalars(
            sa.select(CodeVersion)
            .where(CodeVersion.status == VersionStatus.PUBLISHED, applies_to_person(CodeVersion.id, person))
            .order_by(CodeVersion.due_date, CodeVersion.id)
        )
    )
    latest = _counted_for(person, published)
    versions = [v for v in published if not is_current(v, latest.get(v.id), today)]
    if not versions:
        return []
    earlier = db.session.execute(
        sa.select(CodeVersion.code_id, CodeVersion.number, CodeVersion.id)
        .join(Acknowledgment, Acknowledgment.version_id == CodeVersion.id)
        .where(Acknowledgment.person_id == person.id, CodeVersion.code_id.in_({v.code_id for v in versions}))
    ).all()
    obligations = []
    for version in versions:
        expired = latest.get(version.id)
        if expired is not None:  # due again: by the day the renewal fell due
            due = due_again_on(version, expired)
            obligations.append(
                Obligation(version, due, due is not None and due < today, None, due_again=True)
            )
            continue
        before = [row for row in earlier if row.code_id == version.code_id and row.number < version.number]
        previous = max(before, key=lambda row: row.number).id if before else None
        due = personal_due_date(version, person)
        obligations.append(Obligation(version, due, due is not None and due < today, previous))
    return obligations


@dataclass
class PersonVersion:
    """A published version that applies to a person, and the acknowledgment that counts for it, if any."""

    version: CodeVersion
    acknowledgment: Acknowledgment | None  # the one that counts today; None when never made or due again
    due: date | None
    in_force: bool
    due_again: bool = False


def versions_for(person: Person, *, today: date | None = None) -> list[PersonVersion]:
    """List the published versions that apply to a person (in force or coming into force), with status."""
    today = today or local_today()
    versions = list(
        db.session.scalars(
            sa.select(CodeVersion)
            .join(CodeOfEthics, CodeOfEthics.id == CodeVersion.code_id)
            .where(CodeVersion.status == VersionStatus.PUBLISHED, applies_to_person(CodeVersion.id, person))
            .order_by(CodeOfEthics.sort_order, CodeOfEthics.id)
        )
    )
    counted = _counted_for(person, versions)
    items = []
    for version in versions:
        row = counted.get(version.id)
        current = is_current(version, row, today)
        items.append(
            PersonVersion(
                version,
                row if current else None,
                due_again_on(version, row)
                if row is not None and not current
                else personal_due_date(version, person),
                version.effective_date <= today,
                due_again=row is not None and not current,
            )
        )
    return items


def _counted_for(person: Person, versions: list[CodeVersion]) -> dict[int, Acknowledgment]:
    """Return, per version id, the person's latest acknowledgment for it: one query for all of them."""
    if not versions:
        return {}
    target = aliased(CodeVersion)
    rows = db.session.execute(
        sa.select(target.id, Acknowledgment)
        .join(
            Acknowledgment,
            sa.and_(
                Acknowledgment.person_id == person.id,
                Acknowledgment.version_id.in_(counted_version_ids(target)),
            ),
        )
        .where(target.id.in_([v.id for v in versions]))
        .order_by(Acknowledgment.id.desc())
    )
    found: dict[int, Acknowledgment] = {}
    for version_id, row in rows:
        found.setdefault(version_id, row)
    return found


def history_of(person: Person) -> list[Acknowledgment]:
    """Return every acknowledgment a person has made or had recorded, newest first, with its version."""
    return list(
        db.session.scalars(
            sa.select(Acknowledgment)
            .options(
                joinedload(Acknowledgment.version),
                # The page shows who recorded it, never their roles: keep the statement count the same.
                joinedload(Acknowledgment.recorded_by).lazyload(User.role_links),
                joinedload(Acknowledgment.attachment),
            )
            .where(Acknowledgment.person_id == person.id)
            .order_by(Acknowledgment.acknowledged_at.desc(), Acknowledgment.id.desc())
        )
    )


def can_read(user: User, version: CodeVersion) -> bool:
    """Tell whether a user may read a version: officers always; others when it was published for them."""
    if user.is_officer:
        return True
    if version.is_published_or_superseded and applies_to(version, user.person):
        return True
    if not version.was_published:
        return False
    return (
        db.session.scalar(
            sa.select(Acknowledgment.id).where(
                Acknowledgment.person_id == user.person_id, Acknowledgment.version_id == version.id
            )
        )
        is not None
    )


def acknowledgment_for(user: User, acknowledgment_id: int) -> Acknowledgment | None:
    """Return an acknowledgment the user may see: their own, or anyone's for an officer."""
    row = db.session.get(Acknowledgment, acknowledgment_id)
    if row is None or (row.person_id != user.person_id and not user.is_officer):
        return None
    return row


# ---------------------------------------------------------------- recording


def _next_renewal(person: Person, version: CodeVersion) -> int:
    """The renewal number of a person's next acknowledgment of a version: 0 for the first, then 1, 2..."""
    latest = db.session.scalar(
        sa.select(sa.func.max(Acknowledgment.renewal)).where(
            Acknowledgment.person_id == person.id, Acknowledgment.version_id == version.id
        )
    )
    return 0 if latest is None else latest + 1


def _insert(values: dict) -> tuple[Acknowledgment, bool]:
    values = {"renewal": 0, **values}
    result = insert_ignoring_conflict(
        Acknowledgment.__table__, values, index_elements=["person_id", "version_id", "renewal"]
    )
    created = result.rowcount == 1
    row = db.session.scalar(
        sa.select(Acknowledgment).where(
            Acknowledgment.person_id == values["person_id"],
            Acknowledgment.version_id == values["version_id"],
            Acknowledgment.renewal == values["renewal"],
        )
    )
    if created:
        tally.note_acknowledgment(values["person_id"], values["version_id"])
        # A Core insert passes by the ORM's flush, so the audit entry is written here.
        details = {key: v.isoformat() if isinstance(v, date) else v for key, v in values.items()}
        audit.record("create", Acknowledgment.__tablename__, str(row.id), details)
    return row, created


def acknowledge(
    version: CodeVersion,
    user: User,
    *,
    agreed: bool,
    password: str | None,
    address: str,
    locale: str | None = None,
) -> tuple[Acknowledgment, bool]:
    """Record that a person has read and accepts a code version; return the row and whether it is new.

    Raises NotApplicable (404) when the version is not published or not for them, RuleViolation for a
    quiz still to pass (when the version's quiz is required), a missing tick or a wrong password (which
    counts toward the login throttle), LoginThrottled when throttled.
    """
    person = user.person
    if not version.is_published or not applies_to(version, person):
        raise NotApplicable()
    locale = locale or current_locale()
    if quiz.blocks_acknowledgment(version, person):
        raise RuleViolation(str(_l("Pass the quiz on this version before acknowledging it.")))
    if not agreed:
        raise RuleViolation(str(_l("Tick the statement to acknowledge the code.")), "agree")
    if get_settings().acknowledgment_requires_password and not confirm_password(
        user, password or "", address=address
    ):
        raise RuleViolation(str(_l("The password is not correct.")), "password")
    # The renewal number is read before the acknowledgment it renews: a submission that reads it after an
    # identical one has committed then also sees that one as current, so two at once leave one row.
    renewal = _next_renewal(person, version)
    existing = acknowledgment_of(person, version)
    if is_current(version, existing):
        return existing, False
    with unit_of_work():
        return _insert(
            {
                "person_id": person.id,
                "version_id": version.id,
                "renewal": renewal,
                "content_sha256": version.content_sha256,
                "statement": statement_text(locale),
                "locale": locale,
                "acknowledged_at": utc_now(),
                "method": AckMethod.SELF.value,
                "recorded_by_id": user.id,
                "signed_on": None,
                "note": "",
                "attachment_id": None,
            }
        )


def record_on_behalf(
    version: CodeVersion,
    person: Person,
    *,
    by: User,
    note: str,
    signed_on: date,
    scan: FileStorage | None = None,
) -> Acknowledgment:
    """Record a person's acknowledgment from a signed paper form, saying who recorded it, when and why."""
    if not version.is_published_or_superseded or not applies_to(version, person):
        raise NotApplicable()
    note = (note or "").strip()
    if not note:
        raise RuleViolation(
            str(_l("Say how the person acknowledged the code (for example the meeting).")), "note"
        )
    if signed_on > local_today():
        raise RuleViolation(str(_l("The date cannot be in the future.")), "signed_on")
    renewal = _next_renewal(person, version)  # before the check, as in `acknowledge`
    if current_acknowledgment_of(person, version) is not None:
        raise RuleViolation(str(_l("This person has already acknowledged this version.")))
    locale = get_settings().default_locale or "th"
    with unit_of_work():
        attachment = None
        if scan is not None and scan.filename:
            attachment = save_upload(scan, allowed=SCANS, field="scan", by_id=by.id)
            db.session.flush()
        row, created = _insert(
            {
                "person_id": person.id,
                "version_id": version.id,
                "content_sha256": version.content_sha256,
                "statement": statement_text(locale),
                "locale": locale,
                "acknowledged_at": utc_now(),
                "renewal": renewal,
                "method": AckMethod.ON_BEHALF.value,
                "recorded_by_id": by.id,
                "signed_on": signed_on,
                "note": note,
                "attachment_id": attachment.id if attachment else None,
            }
        )
        if not created:  # a second officer recorded it a moment ago: nothing of this one is kept
            raise RuleViolation(str(_l("This person has already acknowledged this version.")))
    return row
