"""Password rules: 8 to 128 characters, no composition rules, common passwords refused."""

from __future__ import annotations

from functools import cache
from importlib import resources

from flask import current_app
from flask_babel import lazy_gettext as _l
from werkzeug.security import check_password_hash, generate_password_hash

MIN_LENGTH = 8
MAX_LENGTH = 128


@cache
def _common() -> frozenset[str]:
    text = resources.files("ethics_hr.core").joinpath("common_passwords.txt").read_text("utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip())


def password_problems(password: str, *, personal: tuple[str, ...] = ()) -> list[str]:
    """List what is wrong with a new password, in the user's language."""
    problems = []
    if len(password) < MIN_LENGTH:
        problems.append(str(_l("Use at least %(n)d characters.", n=MIN_LENGTH)))
    if len(password) > MAX_LENGTH:
        problems.append(str(_l("Use at most %(n)d characters.", n=MAX_LENGTH)))
    lowered = password.lower()
    if lowered in _common() or len(set(password)) <= 2:
        problems.append(str(_l("This password is too common; choose another.")))
    elif any(p and lowered == p.lower() for p in personal):
        problems.append(str(_l("Do not use your own name, email or employee number as a password.")))
    return problems


def hash_password(password: str) -> str:
    return generate_password_hash(password, method=current_app.config.get("PASSWORD_HASH_METHOD", "scrypt"))


def verify_password(stored: str | None, password: str) -> bool:
    if not stored:
        # Spend comparable time on unknown accounts so timing does not reveal which logins exist.
        check_password_hash(_DUMMY_HASH, password)
        return False
    return check_password_hash(stored, password)


_DUMMY_HASH = generate_password_hash("not-a-real-password", method="scrypt:16384:8:1")
