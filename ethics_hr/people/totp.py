"""Second-factor codes: a TOTP authenticator app (RFC 6238, through pyotp) and one-time recovery codes.

The secret is stored as the app holds it (base32): the application has no key of its own apart from
SECRET_KEY, and a secret sealed with that would be lost at every change of the key. It never leaves the
server again after enrolment, and the audit log never records it. Recovery codes are kept only as SHA-256
hashes: they are long random codes (60 bits), so a fast hash is enough, and each is spent by one conditional
UPDATE. A TOTP code is accepted once: the account keeps the time step of the last code accepted and only a
later step passes, settled by one conditional UPDATE too, so that two requests with one code cannot both pass.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import time

import pyotp
import segno
import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from ethics_hr.core.errors import RuleViolation
from ethics_hr.core.models import utc_now
from ethics_hr.extensions import db
from ethics_hr.people.models import RecoveryCode, User

ISSUER = "Ethics HR"
RECOVERY_CODES = 10
# The alphabet of the activation slips: no 0/O, 1/I, read aloud and typed from paper.
RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
RECOVERY_LENGTH = 12  # 60 bits: hopeless to guess online, and too many to search from a copied hash
# The codes of the steps before and after the current one pass too: a clock a little off, a slow typist.
VALID_WINDOW = 1
THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
TOTP_CODE = re.compile(r"^[0-9]{6}$")

WRONG_CODE = _l("This code is not correct. Enter the code your app shows now, or an unused recovery code.")
MALFORMED_CODE = _l("Enter the 6-digit code from your app, or a recovery code of 12 letters and digits.")
USED_CODE = _l("This code has just been used. Wait for the next code in your app.")


def new_secret() -> str:
    """Return a new random shared secret (base32, 160 bits as RFC 4226 recommends)."""
    return pyotp.random_base32(32)


def is_valid_secret(secret: str | None) -> bool:
    return bool(secret) and re.fullmatch(r"[A-Z2-7]{32}", secret or "") is not None


def provisioning_uri(secret: str, user: User) -> str:
    """The otpauth:// address an authenticator app reads from the QR code."""
    return pyotp.TOTP(secret).provisioning_uri(name=user.person.employee_number, issuer_name=ISSUER)


def qr_data_uri(uri: str) -> str:
    """A PNG QR code of the address as a data: URI, inside the page itself: no image route keeps the
    secret, no third party sees it, and the Content-Security-Policy allows data: images."""
    return segno.make(uri, error="m").png_data_uri(scale=5, border=3)


def secret_groups(secret: str) -> list[str]:
    """The secret in groups of four, for typing it into an app by hand."""
    return [secret[i : i + 4] for i in range(0, len(secret), 4)]


def normalise_code(code: str | None) -> str:
    """The code as typed, without spaces or dashes, in capitals, Thai digits as Arabic ones."""
    return re.sub(r"[\s\-]", "", (code or "").translate(THAI_DIGITS)).upper()


def is_totp_code(code: str) -> bool:
    return TOTP_CODE.match(code) is not None


def is_recovery_code(code: str) -> bool:
    return len(code) == RECOVERY_LENGTH and all(ch in RECOVERY_ALPHABET for ch in code)


def check_code_form(code: str | None) -> str:
    """Return the normalised code, or raise for something that is no code at all (it counts as no guess)."""
    code = normalise_code(code)
    if not is_totp_code(code) and not is_recovery_code(code):
        raise RuleViolation(str(MALFORMED_CODE), "code")
    return code


def recovery_blocks(code: str) -> list[str]:
    """A recovery code in blocks of four, as it is shown and printed."""
    return [code[i : i + 4] for i in range(0, len(code), 4)]


def _digest(code: str) -> str:
    return hashlib.sha256(code.encode("ascii")).hexdigest()


def matching_step(secret: str, code: str, now: float) -> int | None:
    """The time step (within the window) whose code this is, or None."""
    totp = pyotp.TOTP(secret)
    current = int(now) // totp.interval
    for step in range(current + VALID_WINDOW, current - VALID_WINDOW - 1, -1):
        if hmac.compare_digest(totp.generate_otp(step), code):
            return step
    return None


def _spend_totp(user: User, code: str) -> bool | None:
    """Accept a TOTP code once: True, False for a wrong code, None for a right code already used."""
    step = matching_step(user.totp_secret or "", code, time.time())
    if step is None:
        return False
    table = User.__table__
    spent = db.session.execute(
        sa.update(table)
        .where(table.c.id == user.id)
        .where(sa.or_(table.c.totp_last_step.is_(None), table.c.totp_last_step < step))
        .values(totp_last_step=step)
        .execution_options(synchronize_session=False)
    )
    if spent.rowcount != 1:
        return None
    db.session.expire(user, ["totp_last_step"])
    return True


def _spend_recovery_code(user: User, code: str) -> bool:
    row_id = db.session.scalar(
        sa.select(RecoveryCode.id).where(
            RecoveryCode.user_id == user.id,
            RecoveryCode.code_hash == _digest(code),
            RecoveryCode.used_at.is_(None),
        )
    )
    if row_id is None:
        return False
    spent = db.session.execute(
        sa.update(RecoveryCode.__table__)
        .where(RecoveryCode.__table__.c.id == row_id, RecoveryCode.__table__.c.used_at.is_(None))
        .values(used_at=utc_now())
        .execution_options(synchronize_session=False)
    )
    return spent.rowcount == 1


def spend_code(user: User, code: str) -> None:
    """Accept a second-factor code for the account once, or raise with the reason next to the code field.

    The caller owns the unit of work: a spent code is written with the login it completes.
    """
    code = check_code_form(code)
    if not user.two_factor_enabled:
        raise RuleViolation(str(WRONG_CODE), "code")
    if is_totp_code(code):
        outcome = _spend_totp(user, code)
        if outcome is None:
            raise RuleViolation(str(USED_CODE), "code")
        if not outcome:
            raise RuleViolation(str(WRONG_CODE), "code")
    elif not _spend_recovery_code(user, code):
        raise RuleViolation(str(WRONG_CODE), "code")


def unused_recovery_codes(user: User) -> int:
    """How many of the account's recovery codes are left."""
    query = sa.select(sa.func.count(RecoveryCode.id)).where(
        RecoveryCode.user_id == user.id, RecoveryCode.used_at.is_(None)
    )
    return db.session.scalar(query) or 0


def _new_recovery_code() -> str:
    return "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_LENGTH))


def issue_recovery_codes(user: User) -> list[str]:
    """Give the account new recovery codes in place of any old ones; return them, to be shown once."""
    db.session.execute(sa.delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    codes = [_new_recovery_code() for _ in range(RECOVERY_CODES)]
    db.session.add_all(RecoveryCode(user_id=user.id, code_hash=_digest(code)) for code in codes)
    user.recovery_codes_issued_at = utc_now()
    return codes
