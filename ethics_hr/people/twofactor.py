"""Turning two-factor login on and off, new recovery codes, the administrator's reset (the codes: totp.py)."""

from __future__ import annotations

import time
from dataclasses import dataclass

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from ethics_hr.core.db import transactional
from ethics_hr.core.errors import RuleViolation
from ethics_hr.core.models import utc_now
from ethics_hr.extensions import db
from ethics_hr.people.login import confirm_password, count_confirm_failure
from ethics_hr.people.models import RecoveryCode, User
from ethics_hr.people.totp import (
    MALFORMED_CODE,
    is_totp_code,
    is_valid_secret,
    issue_recovery_codes,
    matching_step,
    normalise_code,
    spend_code,
)

NO_MATCH = _l(
    "This code does not match. Check that the app shows this account and that the phone's clock is right."
)


@dataclass
class Enrolment:
    """Two-factor login just turned on: the recovery codes, shown this once."""

    user: User
    recovery_codes: list[str]


@transactional
def enable_two_factor(user: User, secret: str, code: str) -> Enrolment:
    """Turn two-factor login on with the secret the user's app now holds, proven by a current code."""
    if user.two_factor_enabled:
        raise RuleViolation(str(_l("Two-step login is already on for this account.")))
    if not is_valid_secret(secret):
        raise RuleViolation(str(_l("The setup has expired. Start again.")))
    normalised = normalise_code(code)
    if not is_totp_code(normalised):
        raise RuleViolation(str(_l("Enter the 6-digit code your app shows.")), "code")
    step = matching_step(secret, normalised, time.time())
    if step is None:
        raise RuleViolation(str(NO_MATCH), "code")
    user.totp_secret = secret
    user.totp_enabled_at = utc_now()
    user.totp_last_step = step  # the code that proved it cannot log anyone in again
    return Enrolment(user, issue_recovery_codes(user))


def _confirm(user: User, password: str, code: str, *, address: str) -> None:
    """Check the password and a current code (or a recovery code) of the signed-in account."""
    if not confirm_password(user, password, address=address):
        raise RuleViolation(str(_l("The password is not correct.")), "password")
    try:
        spend_code(user, code)
    except RuleViolation as wrong:
        if wrong.message != str(MALFORMED_CODE):
            count_confirm_failure(user, address=address)
        raise


@transactional
def regenerate_recovery_codes(user: User, password: str, code: str, *, address: str) -> list[str]:
    """Replace the account's recovery codes (the old ones stop working); needs the password and a code."""
    if not user.two_factor_enabled:
        raise RuleViolation(str(_l("Two-step login is not on for this account.")))
    _confirm(user, password, code, address=address)
    return issue_recovery_codes(user)


def _clear(user: User) -> None:
    # The codes first: the DELETE flushes the session, and the account's change is then one audit entry.
    db.session.execute(sa.delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    user.totp_secret = None
    user.totp_enabled_at = None
    user.totp_last_step = None
    user.recovery_codes_issued_at = None


@transactional
def disable_two_factor(user: User, password: str, code: str, *, address: str) -> None:
    """Turn two-factor login off for one's own account; needs the password and a code."""
    if not user.two_factor_enabled:
        raise RuleViolation(str(_l("Two-step login is not on for this account.")))
    _confirm(user, password, code, address=address)
    _clear(user)


@transactional
def reset_two_factor(user: User, *, by: User | None) -> None:
    """Turn someone's two-factor login off (a lost phone); their sessions end, and they enrol again.

    `by` None: from the server's command line, for the only administrator's own lost phone.
    """
    if by is not None and not by.is_admin:
        raise RuleViolation(str(_l("Only an administrator can reset two-step login.")))
    if by is not None and user.id == by.id:
        raise RuleViolation(str(_l("You cannot reset your own two-step login; ask another administrator.")))
    if not user.two_factor_enabled:
        raise RuleViolation(str(_l("Two-step login is not on for this account.")))
    _clear(user)
    user.session_version += 1
