"""Certificates: issued once for what a person achieved, checked in public by their code, revoked or reissued.

A domain issues a certificate when a person earns one (`issue`, in the same unit of work as what earned it):
one per person, purpose and subject, so issuing again returns the one there is. What it says is copied in at
issue time (the holder's name, the signatory), so a certificate prints the same for ever. The public
verification page shows only the name, the title and the day, and whether it still holds.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from ethics_hr.core import audit
from ethics_hr.core.db import insert_ignoring_conflict, transactional
from ethics_hr.core.errors import RuleViolation
from ethics_hr.core.models import utc_now
from ethics_hr.core.settings import get_settings
from ethics_hr.extensions import db
from ethics_hr.learning.models import Certificate, CertificateRevocation
from ethics_hr.people.models import Person, User

# Crockford's base 32 without the letters people misread (I, L, O, U): 12 of them, about 60 bits.
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 12


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def display_code(code: str) -> str:
    """The code in groups of four, as printed: ABCD-EFGH-JKMN."""
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def normalise_code(text: str) -> str:
    """Read a typed code: any case, with or without dashes and spaces; O and I read as 0 and 1."""
    cleaned = "".join(ch for ch in (text or "").upper() if ch.isalnum())
    return cleaned.replace("O", "0").replace("I", "1").replace("L", "1")


@dataclass(frozen=True)
class Achievement:
    """What a certificate is for, as the domain that issues it words it."""

    purpose: str
    subject_id: int
    title_th: str
    title_en: str
    achieved_on: date
    hours: float | None = None


def _values(person: Person, what: Achievement, *, edition: int, by: User | None) -> dict:
    settings = get_settings()
    return {
        "code": new_code(),
        "person_id": person.id,
        "purpose": what.purpose,
        "subject_id": what.subject_id,
        "edition": edition,
        "title_th": what.title_th,
        "title_en": what.title_en,
        "hours": what.hours,
        "achieved_on": what.achieved_on,
        "holder_th": person.full_name_th,
        "holder_en": person.full_name_en,
        "signatory": settings.certificate_signatory,
        "signatory_title_th": settings.certificate_signatory_title_th,
        "signatory_title_en": settings.certificate_signatory_title_en,
        "issued_at": utc_now(),
        "issued_by_id": by.id if by else None,
        "reissue_of_id": None,
    }


def _latest(person_id: int, purpose: str, subject_id: int) -> Certificate | None:
    """The latest edition of a person's certificate for a subject."""
    return db.session.scalar(
        sa.select(Certificate)
        .where(
            Certificate.person_id == person_id,
            Certificate.purpose == purpose,
            Certificate.subject_id == subject_id,
        )
        .order_by(Certificate.edition.desc())
        .limit(1)
    )


def latest(person_id: int, purpose: str, subject_id: int) -> Certificate | None:
    """The latest edition of a person's certificate for a subject, revoked or not; None if none."""
    return _latest(person_id, purpose, subject_id)


def issue(person: Person, what: Achievement, *, by: User | None = None) -> Certificate:
    """Issue the certificate a person earned (inside the caller's unit of work); the one there is if any.

    A certificate the domain withdrew by itself (`withdraw`: what earned it was corrected away) comes back
    as its next edition when it is earned again; one an officer revoked stays revoked.
    """
    existing = _latest(person.id, what.purpose, what.subject_id)
    if existing is not None and existing.is_revoked and existing.revocation.automatic:
        values = _values(person, what, edition=existing.edition + 1, by=by)
        values["reissue_of_id"] = existing.id
        fresh = Certificate(**values)
        db.session.add(fresh)
        db.session.flush()
        return fresh
    if existing is not None:
        return existing
    values = _values(person, what, edition=0, by=by)
    result = insert_ignoring_conflict(
        Certificate.__table__, values, index_elements=["purpose", "subject_id", "person_id", "edition"]
    )
    row = _latest(person.id, what.purpose, what.subject_id)
    if result.rowcount == 1:
        audit.record(
            "create", Certificate.__tablename__, str(row.id), {"code": row.code, "title": row.title_th}
        )
    return row


def _revoke(certificate: Certificate, reason: str, by_id: int | None, *, automatic: bool = False) -> None:
    db.session.add(
        CertificateRevocation(
            certificate_id=certificate.id, reason=reason, revoked_by_id=by_id, automatic=automatic
        )
    )
    db.session.flush()
    db.session.expire(certificate, ["revocation"])


def withdraw(person_id: int, purpose: str, subject_id: int, *, reason: str, by_user_id: int | None) -> bool:
    """Revoke a person's certificate because what earned it was corrected (inside the caller's unit);
    return whether there was a valid one. Earning it again issues the next edition."""
    current = _latest(person_id, purpose, subject_id)
    if current is None or current.is_revoked:
        return False
    _revoke(current, reason, by_user_id, automatic=True)
    return True


@transactional
def revoke(certificate: Certificate, *, reason: str, by: User) -> Certificate:
    """Revoke a certificate: the public page says so from now on. The reason is kept, not shown in public."""
    reason = (reason or "").strip()
    if not reason:
        raise RuleViolation(str(_l("Say why the certificate is revoked.")), "reason")
    if certificate.is_revoked:
        raise RuleViolation(str(_l("This certificate has already been revoked.")))
    _revoke(certificate, reason, by.id)
    return certificate


@transactional
def reissue(certificate: Certificate, *, reason: str, by: User) -> Certificate:
    """Issue the next edition of a certificate (the name or the signatory corrected), with a new code; the
    old one is revoked when it was not already."""
    reason = (reason or "").strip()
    if not reason:
        raise RuleViolation(str(_l("Say why the certificate is reissued.")), "reason")
    latest = _latest(certificate.person_id, certificate.purpose, certificate.subject_id)
    if latest.id != certificate.id:
        raise RuleViolation(str(_l("A later edition of this certificate exists; reissue that one.")))
    if not certificate.is_revoked:
        _revoke(certificate, reason, by.id)
    what = Achievement(
        certificate.purpose,
        certificate.subject_id,
        certificate.title_th,
        certificate.title_en,
        certificate.achieved_on,
        certificate.hours,
    )
    person = db.session.get(Person, certificate.person_id)
    values = _values(person, what, edition=certificate.edition + 1, by=by)
    values["reissue_of_id"] = certificate.id
    fresh = Certificate(**values)
    db.session.add(fresh)
    db.session.flush()
    return fresh


def certificates_of(person: Person) -> list[Certificate]:
    """A person's certificates, newest first."""
    return list(
        db.session.scalars(
            sa.select(Certificate).where(Certificate.person_id == person.id).order_by(Certificate.id.desc())
        )
    )


def by_code(text: str) -> Certificate | None:
    code = normalise_code(text)
    if len(code) != CODE_LENGTH:
        return None
    return db.session.scalar(sa.select(Certificate).where(Certificate.code == code))


def certificate_for(user: User, certificate_id: int) -> Certificate | None:
    """A certificate the user may see: their own, or anyone's for an officer."""
    row = db.session.get(Certificate, certificate_id)
    if row is None or (row.person_id != user.person_id and not user.is_officer):
        return None
    return row
