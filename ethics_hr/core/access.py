"""Who may use a route: every view declares it, and a test walks the url map to prove it."""

from __future__ import annotations

import enum
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from flask import abort, current_app, request
from flask_login import current_user

F = TypeVar("F", bound=Callable[..., Any])


class Role(enum.StrEnum):
    """The roles an account may hold (stored by value in user_role.role)."""

    ADMIN = "admin"
    PERSONNEL = "personnel_officer"


ADMIN = Role.ADMIN
PERSONNEL = Role.PERSONNEL


def _mark(view: Callable, rule: str) -> None:
    view._access = rule  # type: ignore[attr-defined]


def public(view: F) -> F:
    """Open to everyone, logged in or not."""
    _mark(view, "public")
    return view


def login_required(view: F) -> F:
    """Any logged-in account."""

    @wraps(view)
    def wrapped(*args, **kwargs):
        if not current_user.is_authenticated:
            return current_app.login_manager.unauthorized()
        return view(*args, **kwargs)

    _mark(wrapped, "login")
    return wrapped  # type: ignore[return-value]


def roles_required(*roles: str) -> Callable[[F], F]:
    """Logged in and holding at least one of the roles; 403 otherwise."""

    def decorator(view: F) -> F:
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                return current_app.login_manager.unauthorized()
            if not current_user.has_any_role(*roles):
                abort(403)
            return view(*args, **kwargs)

        _mark(wrapped, "roles:" + ",".join(roles))
        return wrapped  # type: ignore[return-value]

    return decorator


def requires(predicate: Callable[[Any], bool], name: str) -> Callable[[F], F]:
    """Logged in and passing a predicate on the user (for rights that come from data, such as committees)."""

    def decorator(view: F) -> F:
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                return current_app.login_manager.unauthorized()
            if not predicate(current_user):
                abort(403)
            return view(*args, **kwargs)

        _mark(wrapped, f"predicate:{name}")
        return wrapped  # type: ignore[return-value]

    return decorator


officer_required = roles_required(ADMIN, PERSONNEL)
admin_required = roles_required(ADMIN)


def access_rule_of(view: Callable) -> str | None:
    return getattr(view, "_access", None)


def is_safe_next(target: str | None) -> bool:
    """Accept a next= address only when it stays inside this site."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return False
    return not any(ch in target for ch in "\r\n\t")


def client_address() -> str:
    return request.remote_addr or "unknown"
