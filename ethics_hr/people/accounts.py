"""Accounts: opening one, one-time activation and reset tokens, passwords, roles, sessions, language."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from flask import current_app
from flask_babel import lazy_gettext as _l

from ethics_hr.core.audit import acting_as
from ethics_hr.core.db import transactional
from ethics_hr.core.errors import RuleViolation
from ethics_hr.core.locale import LOCALES
from ethics_hr.core.models import utc_now
from ethics_hr.core.passwords import hash_password, password_problems
from ethics_hr.extensions import db
from ethics_hr.people.directory import save_person
from ethics_hr.people.login import confirm_password
from ethics_hr.people.models import ADMIN, ROLES, AccountToken, Person, TokenPurpose, User, UserRole

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud and typed from paper
ACTIVATE = TokenPurpose.ACTIVATE
RESET = TokenPurpose.RESET


def _digest(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def _new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))


@dataclass
class IssuedToken:
    user: User
    token: str
    code: str
    expires_at: Any


@transactional
def open_account(person: Person, *, by: User | None, roles: tuple[str, ...] = ()) -> IssuedToken:
    """Open an account for a person and issue the one-time activation link and code."""
    if person.account is not None:
        raise RuleViolation(str(_l("This person already has an account.")))
    if not person.active:
        raise RuleViolation(str(_l("Reactivate this person before opening an account.")))
    user = User(person=person)
    db.session.add(user)
    for role in roles:
        user.role_links.append(UserRole(role=role))
    return _issue(user, ACTIVATE, by=by)


@transactional
def add_person_with_account(data: dict[str, Any], *, by: User | None, roles: tuple[str, ...]) -> IssuedToken:
    """Add a person and open their account with these roles, all or nothing; return the activation slip."""
    person = save_person(None, data)
    db.session.flush()
    return open_account(person, by=by, roles=roles)


@transactional
def open_accounts(people: list[Person], *, by: User | None) -> list[IssuedToken]:
    """Open accounts for the active people among these who have none, all in one unit of work."""
    return [open_account(p, by=by) for p in people if p.active and p.account is None]


def _issue(user: User, purpose: str, *, by: User | None) -> IssuedToken:
    now = utc_now()
    # A new link replaces the old ones of the same purpose.
    for old in db.session.scalars(
        db.select(AccountToken).where(
            AccountToken.user_id == user.id, AccountToken.purpose == purpose, AccountToken.used_at.is_(None)
        )
    ):
        old.used_at = now
    token = secrets.token_urlsafe(32)
    code = _new_code()
    expires = now + timedelta(days=current_app.config["ACTIVATION_DAYS"])
    db.session.add(
        AccountToken(
            user=user,
            purpose=purpose,
            token_hash=_digest(token),
            code_hash=_digest(f"{user.person.employee_number}:{code}"),
            expires_at=expires,
            created_by_id=by.id if by else None,
        )
    )
    db.session.flush()
    return IssuedToken(user, token, code, expires)


@transactional
def issue_token(user: User, purpose: str, *, by: User | None) -> IssuedToken:
    """Issue a fresh activation or reset link and code for an account."""
    return _issue(user, purpose, by=by)


@transactional
def reissue_token(user: User, *, by: User | None) -> IssuedToken:
    """Issue a new code for an account: a reset once it is activated, an activation before."""
    return _issue(user, RESET if user.is_activated else ACTIVATE, by=by)


def is_usable(row: AccountToken | None) -> bool:
    """Tell whether a token may still set a password: not used and not expired."""
    return row is not None and row.used_at is None and row.expires_at > utc_now()


def find_token(token: str) -> AccountToken | None:
    """Return the unused, unexpired token for a link, or None."""
    row = db.session.scalar(db.select(AccountToken).where(AccountToken.token_hash == _digest(token)))
    return row if is_usable(row) else None


def usable_token(token_id: int | None) -> AccountToken | None:
    """Return the token with this id if it may still set a password, else None."""
    row = db.session.get(AccountToken, token_id) if token_id else None
    return row if is_usable(row) else None


def find_token_by_code(employee_number: str, code: str) -> AccountToken | None:
    """Return the usable token that matches an employee number and the short code from a printed slip."""
    code = code.strip().upper().replace("-", "").replace(" ", "")
    digest = _digest(f"{employee_number.strip()}:{code}")
    row = db.session.scalar(
        db.select(AccountToken)
        .where(AccountToken.code_hash == digest, AccountToken.used_at.is_(None))
        .order_by(AccountToken.id.desc())
    )
    return row if is_usable(row) else None


@transactional
def redeem_token(row: AccountToken, password: str) -> User:
    """Set the account's password from a one-time token, then spend the token."""
    if not is_usable(row):
        raise RuleViolation(str(_l("This link is no longer valid")))
    user = row.user
    problems = password_problems(password, personal=personal_words(user))
    if problems:
        raise RuleViolation(problems[0], "password")
    user.password_hash = hash_password(password)
    user.password_changed_at = utc_now()
    user.session_version += 1
    row.used_at = utc_now()
    with acting_as(user.id, user.audit_label):  # the account's own person, holding the one-time link
        db.session.flush()
    return user


def personal_words(user: User) -> tuple[str, ...]:
    """The words of a person's own record that a password must not be built from."""
    p = user.person
    return (
        p.employee_number,
        p.email or "",
        p.first_name_th,
        p.last_name_th,
        p.first_name_en,
        p.last_name_en,
    )


@transactional
def change_password(user: User, current: str, new: str, *, address: str) -> None:
    """Change a password after checking the current one; every other session ends.

    A wrong current password counts toward the login throttle, as when signing: a borrowed session is no
    way round it. Raises LoginThrottled when throttled.
    """
    if not confirm_password(user, current, address=address):
        raise RuleViolation(str(_l("The current password is not correct.")), "current_password")
    problems = password_problems(new, personal=personal_words(user))
    if problems:
        raise RuleViolation(problems[0], "new_password")
    user.password_hash = hash_password(new)
    user.password_changed_at = utc_now()
    user.session_version += 1


@transactional
def end_sessions(user: User) -> None:
    """End every session of the account on the server side (logout)."""
    user.session_version += 1


@transactional
def set_roles(user: User, roles: set[str], *, by: User) -> None:
    """Give an account exactly these roles; an administrator cannot remove their own administrator role."""
    unknown = roles - set(ROLES)
    if unknown:
        raise RuleViolation(str(_l("Unknown role.")), "roles")
    if (ADMIN in roles) != (ADMIN in user.roles) and not by.is_admin:
        raise RuleViolation(
            str(_l("Only an administrator can grant or remove the administrator role.")), "roles"
        )
    if user.id == by.id and ADMIN in user.roles and ADMIN not in roles:
        raise RuleViolation(str(_l("You cannot remove your own administrator role.")), "roles")
    for link in list(user.role_links):
        if link.role not in roles:
            user.role_links.remove(link)
    for role in roles - user.roles:
        user.role_links.append(UserRole(role=role))


def someone_holds_role(role: str) -> bool:
    """Tell whether an account of an active person holds this role."""
    query = (
        db.select(UserRole.id)
        .join(User, UserRole.user_id == User.id)
        .join(Person, User.person_id == Person.id)
        .where(UserRole.role == role, Person.active)
        .limit(1)
    )
    return db.session.scalar(query) is not None


@transactional
def set_locale(user: User, locale: str) -> None:
    """Remember the account's interface language."""
    if locale in LOCALES and user.preferred_locale != locale:
        user.preferred_locale = locale


def load_user_from_session(session_id: str) -> User | None:
    """Return the account for a Flask-Login id "user:version" if that version is still current."""
    try:
        user_id, version = (int(part) for part in session_id.split(":", 1))
    except ValueError:
        return None
    user = db.session.get(User, user_id)
    if user is None or user.session_version != version or not user.is_active:
        return None
    return user
