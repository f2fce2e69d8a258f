"""The integrity pledge: drafting, opening (which seals its text), signing, closing, and who has signed.

A pledge belongs to one fiscal year and asks the active people of some staff categories to sign it between
two days. Signing is done like acknowledging a code: the person reads the text, ticks the statement of
meaning and re-enters their password; the signature stores the SHA-256 of the sealed text. Signatures are
evidence: one per person and pledge, inserted with ON CONFLICT DO NOTHING, never changed.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date

import sqlalchemy as sa
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import joinedload

from ethics_hr.codes.content import normalise_text
from ethics_hr.core import audit
from ethics_hr.core.args import valid_fiscal_year
from ethics_hr.core.db import insert_ignoring_conflict, transactional, unit_of_work
from ethics_hr.core.errors import RuleViolation
from ethics_hr.core.formatting import current_locale, format_date
from ethics_hr.core.models import utc_now
from ethics_hr.core.settings import get_settings
from ethics_hr.core.timeutil import fiscal_year_range, local_today
from ethics_hr.extensions import db
from ethics_hr.people import headcount
from ethics_hr.people.audience import chosen_groups, members
from ethics_hr.people.login import confirm_password
from ethics_hr.people.models import Person, User
from ethics_hr.pledges.models import (
    SIGNED_PLEDGE,
    Pledge,
    PledgeSignature,
    PledgeStatus,
    SignatureMethod,
    pledge_category,
)

STATEMENT = _l("I have read this integrity pledge and pledge to act by it.")


def statement_text(locale: str) -> str:
    """Return the statement of meaning in a language, as it is shown and recorded."""
    with force_locale(locale):
        return _("I have read this integrity pledge and pledge to act by it.")


# ---------------------------------------------------------------- the seal


def canonical_content(pledge: Pledge) -> dict:
    """Return what a pledge's seal covers: its year, title, text in both languages and its audience."""
    return {
        "fiscal_year": pledge.fiscal_year,
        "title_th": pledge.title_th,
        "title_en": pledge.title_en,
        "body_th": normalise_text(pledge.body_th),
        "body_en": normalise_text(pledge.body_en),
        "audience": {"staff_categories": sorted(c.code for c in pledge.categories)},
    }


def content_sha256(pledge: Pledge) -> str:
    """Return the SHA-256 of a pledge's canonical content (sorted keys, no spaces, UTF-8)."""
    text = json.dumps(canonical_content(pledge), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# ---------------------------------------------------------------- the officer's side


@dataclass(frozen=True)
class PledgeInput:
    title_th: str
    body_th: str
    opens_on: date | None
    closes_on: date | None
    category_ids: list[int] = field(default_factory=list)
    title_en: str = ""
    body_en: str = ""


def _checked(fy: int, data: PledgeInput):
    if not data.title_th.strip():
        raise RuleViolation(_("Enter the title in Thai."), "title_th")
    if not data.body_th.strip():
        raise RuleViolation(_("Enter the text of the pledge in Thai."), "body_th")
    first, last = fiscal_year_range(fy)
    if data.opens_on is None:
        raise RuleViolation(_("Enter the day signing opens."), "opens_on")
    if data.closes_on is None:
        raise RuleViolation(_("Enter the day signing closes."), "closes_on")
    for name, day in (("opens_on", data.opens_on), ("closes_on", data.closes_on)):
        if not first <= day <= last:
            raise RuleViolation(
                _(
                    "Choose a day in the fiscal year, %(first)s to %(last)s.",
                    first=format_date(first, "long"),
                    last=format_date(last, "long"),
                ),
                name,
            )
    if data.closes_on < data.opens_on:
        raise RuleViolation(_("Signing cannot close before it opens."), "closes_on")
    groups = chosen_groups(data.category_ids, [])
    if not groups.categories:
        raise RuleViolation(_("Choose at least one staff category."), "category_ids")
    return groups.categories


def _fill(pledge: Pledge, data: PledgeInput) -> Pledge:
    categories = _checked(pledge.fiscal_year, data)
    pledge.title_th = " ".join(data.title_th.split())
    pledge.title_en = " ".join(data.title_en.split())
    pledge.body_th = normalise_text(data.body_th)
    pledge.body_en = normalise_text(data.body_en)
    pledge.opens_on = data.opens_on
    pledge.closes_on = data.closes_on
    pledge.categories = categories
    return pledge


@transactional
def create_pledge(fy: int, data: PledgeInput, *, by: User) -> Pledge:
    """Draft the integrity pledge of a fiscal year (one per year)."""
    if not valid_fiscal_year(fy):
        raise RuleViolation(_("Choose a fiscal year."), "fiscal_year")
    if pledge_of_year(fy) is not None:
        raise RuleViolation(_("The fiscal year already has a pledge."), "fiscal_year")
    pledge = _fill(Pledge(fiscal_year=fy), data)
    db.session.add(pledge)
    db.session.flush()
    return pledge


@transactional
def update_pledge(pledge: Pledge, data: PledgeInput, *, by: User) -> Pledge:
    """Change a draft pledge; once opened, its text and audience stay as they were sealed."""
    if not pledge.is_draft:
        raise RuleViolation(_("The pledge is open for signing: its text can no longer change."))
    return _fill(pledge, data)


@transactional
def open_pledge(pledge: Pledge, *, by: User) -> Pledge:
    """Open a draft pledge for signing: seal its text and audience with their SHA-256."""
    if not pledge.is_draft:
        raise RuleViolation(_("The pledge has already been opened."))
    if pledge.closes_on < local_today():
        raise RuleViolation(_("The signing window has already passed: change the days first."))
    if not pledge.categories:
        raise RuleViolation(_("Choose at least one staff category."))
    pledge.content_sha256 = content_sha256(pledge)
    pledge.status = PledgeStatus.OPEN.value
    pledge.opened_at = utc_now()
    pledge.opened_by_id = by.id
    return pledge


@transactional
def extend_window(pledge: Pledge, closes_on: date | None, *, by: User) -> Pledge:
    """Move the closing day of an open pledge (its text stays sealed)."""
    if pledge.status != PledgeStatus.OPEN:
        raise RuleViolation(_("Only an open pledge's closing day can change."), "closes_on")
    if closes_on is None:
        raise RuleViolation(_("Enter the day signing closes."), "closes_on")
    last = fiscal_year_range(pledge.fiscal_year)[1]
    if closes_on < max(pledge.opens_on, local_today()) or closes_on > last:
        raise RuleViolation(
            _(
                "Choose a day from today to the end of the fiscal year, %(last)s.",
                last=format_date(last, "long"),
            ),
            "closes_on",
        )
    pledge.closes_on = closes_on
    return pledge


@transactional
def close_pledge(pledge: Pledge, *, by: User) -> Pledge:
    """Close an open pledge: nobody can sign it any more; the signatures stay."""
    if pledge.status != PledgeStatus.OPEN:
        raise RuleViolation(_("Only an open pledge can be closed."))
    pledge.status = PledgeStatus.CLOSED.value
    pledge.closed_at = utc_now()
    pledge.closed_by_id = by.id
    return pledge


# ---------------------------------------------------------------- reading


def pledge_of_year(fy: int) -> Pledge | None:
    """Return the pledge of a fiscal year, draft or not."""
    return db.session.scalar(sa.select(Pledge).where(Pledge.fiscal_year == fy))


def all_pledges() -> list[Pledge]:
    """Return every pledge, newest fiscal year first."""
    return list(db.session.scalars(sa.select(Pledge).order_by(Pledge.fiscal_year.desc())))


def in_audience(pledge: Pledge) -> sa.ColumnElement[bool]:
    """The condition on Person "active and of one of the pledge's staff categories"."""
    return members(category_ids=[c.id for c in pledge.categories])


def applies_to(pledge: Pledge, person: Person) -> bool:
    """Tell whether a pledge asks an (active) person to sign."""
    return person.active and person.staff_category_id in {c.id for c in pledge.categories}


def signature_of(person: Person, pledge: Pledge) -> PledgeSignature | None:
    """Return a person's signature of a pledge, if any."""
    return db.session.scalar(
        sa.select(PledgeSignature).where(
            PledgeSignature.pledge_id == pledge.id, PledgeSignature.person_id == person.id
        )
    )


def signature_for(user: User, signature_id: int) -> PledgeSignature | None:
    """Return a signature the user may see: their own, or anyone's for an officer."""
    row = db.session.get(PledgeSignature, signature_id)
    if row is None or (row.person_id != user.person_id and not user.is_officer):
        return None
    return row


def can_read(user: User, pledge: Pledge) -> bool:
    """Officers read every pledge; others an opened one that asks them to sign or that they signed."""
    if user.is_officer:
        return True
    if not pledge.was_opened:
        return False
    return applies_to(pledge, user.person) or signature_of(user.person, pledge) is not None


def to_sign(person: Person, *, today: date | None = None) -> list[Pledge]:
    """List the pledges open today that ask a person to sign and that they have not signed."""
    today = today or local_today()
    if not person.active:
        return []
    signed = sa.exists().where(PledgeSignature.pledge_id == Pledge.id, PledgeSignature.person_id == person.id)
    category = sa.exists().where(
        pledge_category.c.pledge_id == Pledge.id,
        pledge_category.c.staff_category_id == person.staff_category_id,
    )
    return list(
        db.session.scalars(
            sa.select(Pledge)
            .where(
                Pledge.status == PledgeStatus.OPEN,
                Pledge.opens_on <= today,
                Pledge.closes_on >= today,
                category,
                ~signed,
            )
            .order_by(Pledge.closes_on)
        )
    )


def signatures_of_person(person: Person) -> list[PledgeSignature]:
    """Return every pledge a person signed, newest first."""
    return list(
        db.session.scalars(
            sa.select(PledgeSignature)
            .options(joinedload(PledgeSignature.pledge))
            .where(PledgeSignature.person_id == person.id)
            .order_by(PledgeSignature.signed_at.desc(), PledgeSignature.id.desc())
        )
    )


# ---------------------------------------------------------------- signing


def _insert(values: dict, person: Person) -> tuple[PledgeSignature, bool]:
    # The insert flushes what is pending first: a move of the person is counted before the signature is.
    result = insert_ignoring_conflict(
        PledgeSignature.__table__, values, index_elements=["pledge_id", "person_id"]
    )
    created = result.rowcount == 1
    row = db.session.scalar(
        sa.select(PledgeSignature).where(
            PledgeSignature.pledge_id == values["pledge_id"], PledgeSignature.person_id == values["person_id"]
        )
    )
    if created:
        # A Core insert passes by the ORM's flush, so the audit entry is written here.
        details = {key: v.isoformat() if isinstance(v, date) else v for key, v in values.items()}
        audit.record("create", PledgeSignature.__tablename__, str(row.id), details)
        headcount.count_in(SIGNED_PLEDGE, row.pledge_id, person)
    return row, created


ALREADY_SIGNED = _l("You have already signed this pledge.")


def check_signable(pledge: Pledge, person: Person, *, today: date | None = None) -> None:
    """Raise a RuleViolation saying why a person cannot sign a pledge now; nothing when they can."""
    today = today or local_today()
    if not applies_to(pledge, person):
        raise RuleViolation(
            _("This pledge is not for your staff category: there is nothing for you to sign.")
        )
    if pledge.status != PledgeStatus.OPEN or today > pledge.closes_on:
        raise RuleViolation(
            _("Signing this pledge closed on %(day)s.", day=format_date(pledge.closes_on, "long"))
        )
    if today < pledge.opens_on:
        raise RuleViolation(
            _("Signing this pledge opens on %(day)s.", day=format_date(pledge.opens_on, "long"))
        )


def sign(
    pledge: Pledge,
    user: User,
    *,
    agreed: bool,
    password: str | None,
    address: str,
    locale: str | None = None,
) -> PledgeSignature:
    """Record that a person has read and signs the integrity pledge.

    RuleViolation outside the window, outside the audience, for a second signature, a missing tick or a
    wrong password (which counts toward the login throttle); LoginThrottled when throttled.
    """
    person = user.person
    check_signable(pledge, person)
    if signature_of(person, pledge) is not None:
        raise RuleViolation(str(ALREADY_SIGNED))
    if not agreed:
        raise RuleViolation(_("Tick the statement to sign the pledge."), "agree")
    if get_settings().acknowledgment_requires_password and not confirm_password(
        user, password or "", address=address
    ):
        raise RuleViolation(_("The password is not correct."), "password")
    locale = locale or current_locale()
    with unit_of_work():
        row, created = _insert(
            {
                "pledge_id": pledge.id,
                "person_id": person.id,
                "content_sha256": pledge.content_sha256,
                "statement": statement_text(locale),
                "locale": locale,
                "signed_at": utc_now(),
                "method": SignatureMethod.SELF.value,
                "recorded_by_id": user.id,
                "signed_on": None,
                "note": "",
            },
            person,
        )
        if not created:  # the same form sent twice at once: the first one is the signature
            raise RuleViolation(str(ALREADY_SIGNED))
    return row


def record_on_behalf(
    pledge: Pledge, person: Person, *, by: User, note: str, signed_on: date | None
) -> PledgeSignature:
    """Record a person's signature from the signed paper form, saying who recorded it, when and why."""
    if not pledge.was_opened:
        raise RuleViolation(_("The pledge has not been opened for signing."))
    if not applies_to(pledge, person):
        raise RuleViolation(_("This pledge is not for this person's staff category."))
    note = (note or "").strip()
    if not note:
        raise RuleViolation(_("Say how the person signed (for example the meeting)."), "note")
    if signed_on is None:
        raise RuleViolation(_("Enter the date on the signed form."), "signed_on")
    if signed_on > local_today():
        raise RuleViolation(_("The date cannot be in the future."), "signed_on")
    if not pledge.opens_on <= signed_on <= pledge.closes_on:
        raise RuleViolation(
            _(
                "The form must be signed while signing was open, %(first)s to %(last)s.",
                first=format_date(pledge.opens_on, "long"),
                last=format_date(pledge.closes_on, "long"),
            ),
            "signed_on",
        )
    if signature_of(person, pledge) is not None:
        raise RuleViolation(_("This person has already signed this pledge."))
    locale = get_settings().default_locale or "th"
    with unit_of_work():
        row, created = _insert(
            {
                "pledge_id": pledge.id,
                "person_id": person.id,
                "content_sha256": pledge.content_sha256,
                "statement": statement_text(locale),
                "locale": locale,
                "signed_at": utc_now(),
                "method": SignatureMethod.ON_BEHALF.value,
                "recorded_by_id": by.id,
                "signed_on": signed_on,
                "note": note,
            },
            person,
        )
        if not created:  # another officer recorded it a moment ago
            raise RuleViolation(_("This person has already signed this pledge."))
    return row
