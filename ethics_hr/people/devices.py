"""Known devices: browsers where an account has logged in before, named by a signed cookie.

The login throttle counts a known device's failures on a counter of its own, so that guesses from strangers,
however many, never keep a user out of their own browser. The cookie is signed with the secret key (nobody can
make one up for an account), names a random device id and the few accounts that logged in there, and holds
no password, session or personal data. It outlives logout: that is its purpose.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from flask import current_app
from itsdangerous import BadSignature, URLSafeTimedSerializer

COOKIE = "ethics_hr_device"
SALT = "ethics-hr-known-device"
# A shared office computer is known for the last few accounts that logged in on it.
MAX_ACCOUNTS = 5


@dataclass(frozen=True)
class KnownDevice:
    """A browser and the accounts that have logged in on it."""

    device_id: str
    user_ids: tuple[int, ...]

    def knows(self, user_id: int) -> bool:
        """Tell whether this account has logged in on this browser."""
        return user_id in self.user_ids


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.secret_key, salt=SALT)


def max_age_seconds() -> int:
    """How long a browser stays known after its last login there."""
    return current_app.config["KNOWN_DEVICE_DAYS"] * 24 * 3600


def read_device(value: str | None) -> KnownDevice | None:
    """Return the device a cookie names, or None for no cookie, a forged or expired one."""
    if not value or len(value) > 1024:
        return None
    try:
        data = _serializer().loads(value, max_age=max_age_seconds())
    except BadSignature:  # also an expired signature
        return None
    if not isinstance(data, dict):
        return None
    device_id, user_ids = data.get("d"), data.get("u")
    if not isinstance(device_id, str) or not isinstance(user_ids, list):
        return None
    if not all(isinstance(u, int) and not isinstance(u, bool) for u in user_ids):
        return None
    return KnownDevice(device_id, tuple(user_ids[:MAX_ACCOUNTS]))


def remember_login(device: KnownDevice | None, user_id: int) -> KnownDevice:
    """Return the device after a successful login on it: new if unknown, this account first."""
    if device is None:
        device = KnownDevice(secrets.token_urlsafe(16), ())
    others = [u for u in device.user_ids if u != user_id]
    return KnownDevice(device.device_id, (user_id, *others)[:MAX_ACCOUNTS])


def device_cookie(device: KnownDevice) -> str:
    """Sign the device for its cookie (the signature's time restarts the cookie's life)."""
    return _serializer().dumps({"d": device.device_id, "u": list(device.user_ids)})
