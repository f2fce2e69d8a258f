"""People, departments and accounts: the rules, in one place, for views, CLI and jobs alike."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import sqlalchemy as sa
from flask import current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import selectinload

from ethics_hr.core import throttle
from ethics_hr.core.errors import RuleViolation
from ethics_hr.core.models import utc_now
from ethics_hr.core.passwords import hash_password, password_problems, verify_password
from ethics_hr.extensions import db
from ethics_hr.people.models import ROLES, AccountToken, Department, Person, StaffCategory, User, UserRole

PERSON_FIELDS = (
    "employee_number",
    "prefix",
    "first_name_th",
    "last_name_th",
    "first_name_en",
    "last_name_en",
    "position",
    "staff_category_id",
    "department_id",
    "email",
    "start_date",
)
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud and typed from paper
ACTIVATE = "activate"
RESET = "reset"


# ---------------------------------------------------------------- departments and categories


def active_departments() -> list[Department]:
    return list(db.session.scalars(db.select(Department).where(Department.active).order_by(Department.code)))


def all_departments() -> list[Department]:
    return list(db.session.scalars(db.select(Department).order_by(Department.active.desc(), Department.code)))


def staff_categories(*, active_only: bool = True) -> list[StaffCategory]:
    query = db.select(StaffCategory).order_by(StaffCategory.sort_order, StaffCategory.id)
    if active_only:
        query = query.where(StaffCategory.active)
    return list(db.session.scalars(query))


def save_department(
    department: Department | None,
    *,
    code: str,
    name_th: str,
    name_en: str,
    active: bool,
    head_employee_number: str = "",
) -> Department:
    """Create or change a department; its short code stays unique; its head is an active person."""
    code = code.strip().upper()
    clash = db.session.scalar(db.select(Department.id).where(sa.func.upper(Department.code) == code))
    if clash is not None and (department is None or clash != department.id):
        raise RuleViolation(str(_l("Another department already uses this code.")), "code")
    head_id = None
    number = (head_employee_number or "").strip()
    if number:
        head_id = db.session.scalar(
            db.select(Person.id).where(Person.employee_number == number, Person.active)
        )
        if head_id is None:
            raise RuleViolation(str(_l("No active person has this employee number.")), "head_employee_number")
    if department is None:
        department = Department()
        db.session.add(department)
    department.code = code
    department.name_th = name_th.strip()
    department.name_en = name_en.strip()
    department.active = active
    department.head_person_id = head_id
    db.session.commit()
    return department


def departments_with_heads() -> list[Department]:
    """Return every department, active first, with its head loaded."""
    return list(
        db.session.scalars(
            db.select(Department)
            .options(selectinload(Department.head))
            .order_by(Department.active.desc(), Department.code)
        )
    )


# ---------------------------------------------------------------- people


@dataclass
class PeopleFilter:
    q: str = ""
    department_id: int | None = None
    staff_category_id: int | None = None
    active: bool | None = True


def people_query(f: PeopleFilter, *, with_accounts: bool = False) -> sa.Select:
    """Build the filtered, ordered query of people used by the list and its exports."""
    query = db.select(Person)
    if with_accounts:  # the list shows each account's state: one query for the page, not one per row
        query = query.options(selectinload(Person.account).lazyload(User.role_links))
    if f.q:
        like = f"%{f.q.strip().lower()}%"
        query = query.where(
            sa.or_(
                sa.func.lower(Person.employee_number).like(like),
                sa.func.lower(Person.first_name_th).like(like),
                sa.func.lower(Person.last_name_th).like(like),
                sa.func.lower(Person.first_name_en).like(like),
                sa.func.lower(Person.last_name_en).like(like),
                sa.func.lower(Person.email).like(like),
                sa.func.lower(Person.position).like(like),
            )
        )
    if f.department_id:
        query = query.where(Person.department_id == f.department_id)
    if f.staff_category_id:
        query = query.where(Person.staff_category_id == f.staff_category_id)
    if f.active is not None:
        query = query.where(Person.active == f.active)
    return query.order_by(Person.first_name_th, Person.last_name_th, Person.id)


def normalise_email(email: str | None) -> str | None:
    email = (email or "").strip().lower()
    return email or None


def _check_unique(person: Person | None, employee_number: str, email: str | None) -> None:
    clash = db.session.scalar(db.select(Person.id).where(Person.employee_number == employee_number))
    if clash is not None and (person is None or clash != person.id):
        raise RuleViolation(str(_l("Another person already has this employee number.")), "employee_number")
    if email:
        clash = db.session.scalar(db.select(Person.id).where(sa.func.lower(Person.email) == email))
        if clash is not None and (person is None or clash != person.id):
            raise RuleViolation(str(_l("Another person already uses this email address.")), "email")


def save_person(person: Person | None, data: dict[str, Any]) -> Person:
    """Create or change a person; employee number and email stay unique."""
    values = {key: data.get(key) for key in PERSON_FIELDS}
    values["employee_number"] = (values["employee_number"] or "").strip()
    values["email"] = normalise_email(values["email"])
    for key in ("prefix", "first_name_th", "last_name_th", "first_name_en", "last_name_en", "position"):
        values[key] = (values[key] or "").strip()
    values["department_id"] = values["department_id"] or None
    _check_unique(person, values["employee_number"], values["email"])
    category_id = values["staff_category_id"]
    if category_id is None or db.session.get(StaffCategory, category_id) is None:
        raise RuleViolation(str(_l("Choose a staff category.")), "staff_category_id")
    if values["department_id"] and db.session.get(Department, values["department_id"]) is None:
        raise RuleViolation(str(_l("Choose a department from the list.")), "department_id")
    if person is None:
        person = Person()
        db.session.add(person)
    for key, value in values.items():
        setattr(person, key, value)
    db.session.commit()
    return person


def set_person_active(person: Person, active: bool) -> None:
    """Deactivate (or reactivate) a person; deactivation ends their sessions at once."""
    person.active = active
    if not active and person.account is not None:
        person.account.session_version += 1
    db.session.commit()


# ---------------------------------------------------------------- accounts


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
    issued = _issue(user, ACTIVATE, by=by)
    db.session.commit()
    return issued


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


def issue_token(user: User, purpose: str, *, by: User | None) -> IssuedToken:
    """Issue a fresh activation or reset link and code for an account."""
    issued = _issue(user, purpose, by=by)
    db.session.commit()
    return issued


def is_usable(row: AccountToken | None) -> bool:
    """Tell whether a token may still set a password: not used and not expired."""
    return row is not None and row.used_at is None and row.expires_at > utc_now()


def find_token(token: str) -> AccountToken | None:
    """Return the unused, unexpired token for a link, or None."""
    row = db.session.scalar(db.select(AccountToken).where(AccountToken.token_hash == _digest(token)))
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


def redeem_token(row: AccountToken, password: str) -> User:
    """Set the account's password from a one-time token, then spend the token."""
    if not is_usable(row):
        raise RuleViolation(str(_l("This link is no longer valid")))
    user = row.user
    problems = password_problems(password, personal=_personal_words(user))
    if problems:
        raise RuleViolation(problems[0], "password")
    user.password_hash = hash_password(password)
    user.password_changed_at = utc_now()
    user.session_version += 1
    row.used_at = utc_now()
    db.session.commit()
    return user


def _personal_words(user: User) -> tuple[str, ...]:
    p = user.person
    return (
        p.employee_number,
        p.email or "",
        p.first_name_th,
        p.last_name_th,
        p.first_name_en,
        p.last_name_en,
    )


def find_user_by_login(login: str) -> User | None:
    """Find an account by email (any case) or by employee number."""
    login = login.strip()
    if not login:
        return None
    person = db.session.scalar(
        db.select(Person).where(
            sa.or_(Person.employee_number == login, sa.func.lower(Person.email) == login.lower())
        )
    )
    return person.account if person is not None else None


class LoginThrottled(Exception):
    """Too many failed attempts for this account or this address."""


def login_limits() -> tuple[str, str]:
    cfg = current_app.config
    return cfg["LOGIN_LIMIT_PER_ACCOUNT"], cfg["LOGIN_LIMIT_PER_ADDRESS"]


def _account_key(login: str, user: User | None) -> str:
    # One counter per account, whether it is reached by email (in any case) or by employee number.
    if user is None:
        user = find_user_by_login(login)
    return f"user:{user.id}" if user is not None else "login:" + login.strip().lower()


def check_throttle(login: str, address: str, *, user: User | None = None) -> None:
    """Raise LoginThrottled when the account or the address has failed too often."""
    per_account, per_address = login_limits()
    if throttle.is_blocked("login-account", _account_key(login, user), per_account) or throttle.is_blocked(
        "login-address", address, per_address
    ):
        raise LoginThrottled()


def count_failure(login: str, address: str, *, user: User | None = None) -> None:
    """Count a failed password against both the account and the address."""
    per_account, per_address = login_limits()
    throttle.hit("login-account", _account_key(login, user), per_account)
    throttle.hit("login-address", address, per_address)


def authenticate(login: str, password: str, *, address: str) -> User | None:
    """Return the account for a correct login and password; count failures; raise when throttled."""
    user = find_user_by_login(login)
    check_throttle(login, address, user=user)
    ok = verify_password(user.password_hash if user else None, password)
    if not ok or user is None or not user.is_active:
        count_failure(login, address, user=user)
        return None
    user.last_login_at = utc_now()
    db.session.commit()
    return user


def confirm_password(user: User, password: str, *, address: str) -> bool:
    """Check a logged-in user's password again (to sign); failures count toward the login throttle."""
    login = user.person.employee_number
    check_throttle(login, address, user=user)
    if verify_password(user.password_hash, password):
        return True
    count_failure(login, address, user=user)
    return False


def change_password(user: User, current: str, new: str) -> None:
    """Change a password after checking the current one; every other session ends."""
    if not verify_password(user.password_hash, current):
        raise RuleViolation(str(_l("The current password is not correct.")), "current_password")
    problems = password_problems(new, personal=_personal_words(user))
    if problems:
        raise RuleViolation(problems[0], "new_password")
    user.password_hash = hash_password(new)
    user.password_changed_at = utc_now()
    user.session_version += 1
    db.session.commit()


def end_sessions(user: User) -> None:
    """End every session of the account on the server side (logout)."""
    user.session_version += 1
    db.session.commit()


def set_roles(user: User, roles: set[str], *, by: User) -> None:
    """Give an account exactly these roles; an administrator cannot remove their own administrator role."""
    unknown = roles - set(ROLES)
    if unknown:
        raise RuleViolation(str(_l("Unknown role.")), "roles")
    if ("admin" in roles) != ("admin" in user.roles) and not by.is_admin:
        raise RuleViolation(
            str(_l("Only an administrator can grant or remove the administrator role.")), "roles"
        )
    if user.id == by.id and "admin" in user.roles and "admin" not in roles:
        raise RuleViolation(str(_l("You cannot remove your own administrator role.")), "roles")
    for link in list(user.role_links):
        if link.role not in roles:
            user.role_links.remove(link)
    for role in roles - user.roles:
        user.role_links.append(UserRole(role=role))
    db.session.commit()


def set_locale(user: User, locale: str) -> None:
    if locale in ("th", "en") and user.preferred_locale != locale:
        user.preferred_locale = locale
        db.session.commit()


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


def people_count() -> int:
    return db.session.scalar(db.select(sa.func.count(Person.id)).where(Person.active)) or 0
