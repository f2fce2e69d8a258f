"""Figures that add up the whole organisation, kept for a minute per process.

The dashboard and the public lists of trainings and committees are read many times a day and add up every
person's records; each process reuses the last minute's result. The store lives on the application object
and holds plain data, never a database object, so it is safe to share between requests.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from datetime import datetime
from typing import TypeVar

from flask import current_app

from ethics_hr.core.models import utc_now

T = TypeVar("T")
DEFAULT_SECONDS = 60


def remembered(key: Hashable, compute: Callable[[], T]) -> tuple[T, datetime]:
    """Return a value computed at most `EVIDENCE_CACHE_SECONDS` ago for this key, and when it was computed."""
    store: dict = current_app.extensions.setdefault("evidence.cache", {})
    seconds = current_app.config.get("EVIDENCE_CACHE_SECONDS", DEFAULT_SECONDS)
    now = utc_now()
    hit = store.get(key)
    if hit is not None and (now - hit[1]).total_seconds() < seconds:
        return hit
    fresh = (compute(), now)
    store[key] = fresh
    return fresh
