"""Logging in: finding the account, checking the password, and throttling those who guess."""

from __future__ import annotations

import sqlalchemy as sa
from flask import current_app

from ethics_hr.core import throttle
from ethics_hr.core.audit import acting_as
from ethics_hr.core.db import transactional
from ethics_hr.core.models import utc_now
from ethics_hr.core.passwords import verify_password
from ethics_hr.extensions import db
from ethics_hr.people.models import Person, User


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
    """The per-account and per-address failure limits."""
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


@transactional
def authenticate(login: str, password: str, *, address: str) -> User | None:
    """Return the account for a correct login and password; count failures; raise when throttled."""
    user = find_user_by_login(login)
    check_throttle(login, address, user=user)
    ok = verify_password(user.password_hash if user else None, password)
    if not ok or user is None or not user.is_active:
        count_failure(login, address, user=user)
        return None
    user.last_login_at = utc_now()
    with acting_as(user.id, user.audit_label):  # the person logging in, not a nameless visitor
        db.session.flush()
    return user


def confirm_password(user: User, password: str, *, address: str) -> bool:
    """Check a logged-in user's password again (to sign); failures count toward the login throttle."""
    login = user.person.employee_number
    check_throttle(login, address, user=user)
    if verify_password(user.password_hash, password):
        return True
    count_failure(login, address, user=user)
    return False
