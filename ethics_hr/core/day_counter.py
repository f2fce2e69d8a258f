"""Per-day counters for the pages where anonymity is promised (the public question form, receipts).

The login throttle's moving window keeps the time of every attempt to the second, under a hash of the address
made with the secret key: whoever holds the key and the store can try the 2^32 IPv4 addresses and learn who
asked, and when. These counters keep neither. Each is a number for one organisation's day, keyed by an HMAC of
the address with a salt drawn at random for that day, kept in the same store and never derived from the secret
key; the salt and every counter expire together at the end of the day (an absolute time, the same for all of
them), so the store says nothing of when in the day a key was made, and after the day nothing can be reversed.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
from datetime import date, datetime

from flask import Flask, current_app

from ethics_hr.core.models import utc_now
from ethics_hr.core.timeutil import local_bounds_utc, to_local

EXTENSION = "ethics_hr_day_counter"


class MemoryDays:
    """The counters of one process, for "memory://": {key: (value, expires at, a Unix time)}."""

    def __init__(self) -> None:
        self.values: dict[str, tuple[str, float]] = {}
        self._lock = threading.Lock()

    def _live(self, key: str) -> str | None:
        found = self.values.get(key)
        if found is None or found[1] <= utc_now().timestamp():
            self.values.pop(key, None)
            return None
        return found[0]

    def salt(self, key: str, expires: int) -> str:
        with self._lock:
            # A new day's salt: the ended days' salts and counters go, as Redis lets them go by themselves.
            now = utc_now().timestamp()
            for old in [k for k, (_v, ends) in self.values.items() if ends <= now]:
                del self.values[old]
            value = self._live(key)
            if value is None:
                value = secrets.token_hex(32)
                self.values[key] = (value, expires)
            return value

    def count(self, key: str) -> int:
        with self._lock:
            return int(self._live(key) or 0)

    def add(self, key: str, expires: int) -> None:
        with self._lock:
            self.values[key] = (str(int(self._live(key) or 0) + 1), expires)


class RedisDays:
    """The counters shared by every process, in Redis, each with EXPIREAT at the end of its day."""

    def __init__(self, url: str) -> None:
        import redis

        self.client = redis.Redis.from_url(url, decode_responses=True)

    def salt(self, key: str, expires: int) -> str:
        # The first process of the day draws the salt; the others read it (SET NX, then GET). Twice, for the
        # moment the day ends between the two.
        for _attempt in range(2):
            self.client.set(key, secrets.token_hex(32), nx=True, exat=expires)
            value = self.client.get(key)
            if value:
                return value
        raise RuntimeError("the counters' store lost the day's salt twice")

    def count(self, key: str) -> int:
        return int(self.client.get(key) or 0)

    def add(self, key: str, expires: int) -> None:
        with self.client.pipeline(transaction=True) as pipe:
            pipe.incr(key)
            pipe.expireat(key, expires)
            pipe.execute()


def init_app(app: Flask) -> None:
    """Give the application its per-day counters, on the store of RATELIMIT_STORAGE_URI."""
    uri = app.config["RATELIMIT_STORAGE_URI"]
    if uri.startswith("memory://"):
        app.extensions[EXTENSION] = MemoryDays()
    elif uri.startswith(("redis://", "rediss://", "redis+unix://")):
        app.extensions[EXTENSION] = RedisDays(uri.replace("redis+unix://", "unix://", 1))
    else:
        # Counting in memory instead would let every worker count on its own, silently.
        raise RuntimeError(
            "ETHICS_HR_RATELIMIT_STORAGE_URI: the per-day counters need memory:// or Redis, "
            f"not {uri.split(':')[0]}"
        )


def _store() -> MemoryDays | RedisDays:
    return current_app.extensions[EXTENSION]


def _day_and_end(now: datetime) -> tuple[date, int]:
    day = to_local(now).date()
    return day, int(local_bounds_utc(day, day)[1].timestamp())


def _key(scope: str, value: str, now: datetime) -> tuple[str, int]:
    day, end = _day_and_end(now)
    prefix = f"{current_app.config.get('RATELIMIT_KEY_PREFIX', '')}ethics_hr:day:{day.isoformat()}"
    salt = _store().salt(f"{prefix}:salt", end)
    digest = hmac.new(salt.encode(), f"{scope}:{value}".encode(), hashlib.sha256).hexdigest()[:32]
    return f"{prefix}:{scope}:{digest}", end


def is_blocked(scope: str, value: str, per_day: int) -> bool:
    """Tell whether (scope, value) has been counted `per_day` times today."""
    key, _end = _key(scope, value, utc_now())
    return _store().count(key) >= per_day


def hit(scope: str, value: str) -> None:
    """Count one against (scope, value) for today."""
    key, end = _key(scope, value, utc_now())
    _store().add(key, end)
