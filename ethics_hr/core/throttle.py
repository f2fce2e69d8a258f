"""Counters for failed logins and codes, in the configured store so that processes can share them.

Each application keeps its own limiter on the storage named by RATELIMIT_STORAGE_URI ("memory://" for one
process, "redis://..." for several): Flask-Limiter's extension object is global to the process, and a
second application built in the same process (tests, scripts) must not swap the store under the first.
"""

from __future__ import annotations

import hashlib

from flask import Flask, current_app
from limits import parse
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter

EXTENSION = "ethics_hr_throttle"


def init_app(app: Flask) -> None:
    """Give the application its failure counters, on the configured storage."""
    storage = storage_from_string(app.config["RATELIMIT_STORAGE_URI"])
    # A moving window counts the failures of the last 15 minutes at every moment; a fixed one, opened by the
    # first failure, let nearly twice the limit through across its end (four at 10:14:58, five at 10:15:01).
    app.extensions[EXTENSION] = MovingWindowRateLimiter(storage)


def _limiter() -> MovingWindowRateLimiter:
    return current_app.extensions[EXTENSION]


def _key(scope: str, value: str) -> str:
    # Hash the value so a shared store never holds addresses or login names in the clear.
    digest = hashlib.sha256(f"{current_app.secret_key}:{scope}:{value}".encode()).hexdigest()[:32]
    return f"ethics_hr:{scope}:{digest}"


def is_blocked(scope: str, value: str, limit: str) -> bool:
    """Tell whether the counter for (scope, value) has reached its limit."""
    return not _limiter().test(parse(limit), _key(scope, value))


def hit(scope: str, value: str, limit: str) -> None:
    """Count one failure against (scope, value)."""
    _limiter().hit(parse(limit), _key(scope, value))


def reset(scope: str, value: str, limit: str) -> None:
    """Forget the failures counted against (scope, value)."""
    _limiter().clear(parse(limit), _key(scope, value))
