"""What every training view shares: the blueprint, the locale, the fiscal year asked for."""

from __future__ import annotations

from flask import Blueprint, request
from flask_babel import get_locale

from ethics_hr.core.timeutil import fiscal_year_of, local_today

bp = Blueprint("training", __name__, url_prefix="/training")


def locale() -> str:
    return str(get_locale() or "th")


def arg_int(name: str) -> int | None:
    value = request.args.get(name, "")
    return int(value) if value.isdigit() and len(value) < 10 else None


def current_fy() -> int:
    return fiscal_year_of(local_today())


def fy_arg() -> int:
    """Return the fiscal year asked for in ?fy=, or the current one."""
    fy = arg_int("fy")
    return fy if fy and 2400 <= fy <= 2700 else current_fy()


def fy_choices() -> list[int]:
    now = current_fy()
    return list(range(now + 1, now - 5, -1))
