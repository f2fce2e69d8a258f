"""Counters for failed logins and codes, kept in the limiter's storage so processes can share them."""

from __future__ import annotations

import hashlib

from flask import current_app
from limits import parse

from ethics_hr.extensions import limiter


def _key(scope: str, value: str) -> str:
    # Hash the value so a shared store never holds addresses or login names in the clear.
    digest = hashlib.sha256(f"{current_app.secret_key}:{scope}:{value}".encode()).hexdigest()[:32]
    return f"ethics_hr:{scope}:{digest}"


def is_blocked(scope: str, value: str, limit: str) -> bool:
    """Tell whether the counter for (scope, value) has reached its limit."""
    return not limiter.limiter.test(parse(limit), _key(scope, value))


def hit(scope: str, value: str, limit: str) -> None:
    """Count one failure against (scope, value)."""
    limiter.limiter.hit(parse(limit), _key(scope, value))


def reset(scope: str, value: str, limit: str) -> None:
    limiter.limiter.clear(parse(limit), _key(scope, value))
