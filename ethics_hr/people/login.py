"""Logging in: finding the account, checking the password, and throttling those who guess."""

from __future__ import annotations

import sqlalchemy as sa
from flask import current_app

from ethics_hr.core import throttle
from ethics_hr.core.audit import acting_as
from ethics_hr.core.db import transactional
from ethics_hr.core.errors import RuleViolation
from ethics_hr.core.models import utc_now
from ethics_hr.core.passwords import verify_password
from ethics_hr.extensions import db
from ethics_hr.people.devices import KnownDevice
from ethics_hr.people.models import Person, User
from ethics_hr.people.totp import MALFORMED_CODE, WRONG_CODE, spend_code


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
    """Too many failed attempts for this account from here, or from this address.

    `account_wide`: refused by the account's ceiling, which only a known device gets past.
    """

    def __init__(self, *, account_wide: bool = False) -> None:
        super().__init__()
        self.account_wide = account_wide


# The counters, each keyed by a keyed hash in the throttle's store (see core/throttle.py):
#   login-pair     one account from one address: the guesser at that address waits, nobody else
#   login-device   one account from one of its known browsers: only that browser can fill it
#   login-address  any names from one address: a flood of made-up names stops that address only
#   login-account  one account from everywhere not known to it: a high ceiling that keeps guessing hopeless
#   login-confirm  one signed-in account confirming its password (to sign an acknowledgment)
PAIR, DEVICE, ADDRESS, ACCOUNT, CONFIRM = (
    "login-pair",
    "login-device",
    "login-address",
    "login-account",
    "login-confirm",
)


def _limit(scope: str) -> str:
    cfg = current_app.config
    if scope == ADDRESS:
        return cfg["LOGIN_LIMIT_PER_ADDRESS"]
    if scope == ACCOUNT:
        return cfg["LOGIN_LIMIT_PER_ACCOUNT"]
    return cfg["LOGIN_LIMIT_PER_ACCOUNT_AND_ADDRESS"]


def _account_key(login: str, user: User | None) -> str:
    # One counter per account, whether it is reached by email (in any case) or by employee number.
    return f"user:{user.id}" if user is not None else "login:" + login.strip().lower()


def _counters(
    login: str, address: str, user: User | None, device: KnownDevice | None
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The counters an attempt must be under, and those a failure counts on.

    From a known device, only the device's own counter can refuse; its failures still count toward the
    account's ceiling, so that every guess at an account is counted somewhere.
    """
    account = _account_key(login, user)
    if user is not None and device is not None and device.knows(user.id):
        own = (DEVICE, f"{account}:{device.device_id}")
        return [own], [own, (ACCOUNT, account)]
    checked = [(PAIR, f"{account}:{address}"), (ADDRESS, address), (ACCOUNT, account)]
    return checked, checked


def _refuse_when_blocked(counters: list[tuple[str, str]]) -> None:
    blocked = [scope for scope, value in counters if throttle.is_blocked(scope, value, _limit(scope))]
    if blocked:
        raise LoginThrottled(account_wide=blocked == [ACCOUNT])


def _count(counters: list[tuple[str, str]]) -> None:
    for scope, value in counters:
        throttle.hit(scope, value, _limit(scope))


@transactional
def authenticate(
    login: str, password: str, *, address: str, device: KnownDevice | None = None
) -> User | None:
    """Return the account for a correct login and password; count failures; raise when throttled.

    The throttle is asked before the password is checked (a refused attempt tells nothing about the password),
    but which counters it asks depends on who is trying: a browser the account logged in on before is refused
    only by its own counter, never by what strangers elsewhere, or at the same address, have done.
    """
    user = find_user_by_login(login)
    checked, counted = _counters(login, address, user, device)
    _refuse_when_blocked(checked)
    ok = verify_password(user.password_hash if user else None, password)
    if not ok or user is None or not user.is_active:
        _count(counted)
        return None
    if user.two_factor_enabled:
        # The password is right, but nothing is forgotten before the second factor: else the password alone
        # would clear the counter between two rounds of guessed codes.
        return user
    _logged_in(user, checked[0])
    return user


def _logged_in(user: User, own: tuple[str, str]) -> None:
    own_scope, own_value = own  # the pair or the device: the user's own mistakes are forgotten
    throttle.reset(own_scope, own_value, _limit(own_scope))
    user.last_login_at = utc_now()
    with acting_as(user.id, user.audit_label):  # the person logging in, not a nameless visitor
        db.session.flush()


@transactional
def authenticate_second_factor(
    user: User, code: str, *, address: str, device: KnownDevice | None = None
) -> None:
    """Complete a login with a code from the authenticator app or a recovery code; raise when it fails.

    A wrong code counts on the same counters as a wrong password (the account's pair with the address, or its
    known device, the address, the account's ceiling): whoever holds the password guesses no faster.
    Something that is no code at all is refused without counting. Raises LoginThrottled when throttled.
    """
    checked, counted = _counters("", address, user, device)
    _refuse_when_blocked(checked)
    if not user.is_active:
        raise RuleViolation(str(WRONG_CODE), "code")
    try:
        spend_code(user, code)
    except RuleViolation as wrong:
        if wrong.message != str(MALFORMED_CODE):
            _count(counted)
        raise
    _logged_in(user, checked[0])


def confirm_password(user: User, password: str, *, address: str) -> bool:
    """Check a logged-in user's password again (to sign); failures count toward the login throttle.

    Refused only by the signed-in account's own counter, which strangers cannot reach; a failure also counts
    against the address and the account's ceiling, like a failed login.
    """
    own = (CONFIRM, f"user:{user.id}")
    _refuse_when_blocked([own])
    if verify_password(user.password_hash, password):
        return True
    count_confirm_failure(user, address=address)
    return False


def count_confirm_failure(user: User, *, address: str) -> None:
    """Count a signed-in account's wrong password or code, like a failed login."""
    _count([(CONFIRM, f"user:{user.id}"), (ADDRESS, address), (ACCOUNT, _account_key("", user))])
