"""Numbers in paths and query strings, read and bounded in one place: a bad one is a 404, never a 500."""

from __future__ import annotations

from flask import abort, request
from werkzeug.routing import IntegerConverter, Map

from ethics_hr.core.timeutil import fiscal_year_of, local_today

# Ids are positive and fit the smallest integer column of both databases (PostgreSQL's INTEGER).
MAX_ID = 2**31 - 1
FIRST_FY = 2500
LAST_FY = 2700


class IdConverter(IntegerConverter):
    """Every route's `int`: ASCII digits for 1 to MAX_ID; a larger, Thai-digit or negative one is a 404.

    Werkzeug's own reads any Unicode digit (``\\d``) and has no bound: 2^31 overflowed PostgreSQL's INTEGER
    (a 500) and ``/people/๑๒๓`` opened person 123.
    """

    regex = r"[0-9]{1,10}"

    def __init__(self, url_map: Map, **bounds: int) -> None:
        bounds = {"min": 1, "max": MAX_ID, **bounds}
        super().__init__(url_map, min=max(bounds["min"], 1), max=min(bounds["max"], MAX_ID))


def current_fiscal_year() -> int:
    """The fiscal year (B.E.) that today falls in, in the organisation's time zone."""
    return fiscal_year_of(local_today())


def valid_fiscal_year(fy: int) -> bool:
    return FIRST_FY <= fy <= LAST_FY


def int_arg(name: str, *, default: int | None = None, low: int = 1, high: int = MAX_ID) -> int | None:
    """Read ?name= as a whole number in [low, high]; missing or empty is the default, anything else a 404."""
    raw = request.args.get(name, "")
    if raw == "":
        return default
    # str.isdigit() accepts Thai and other digits that int() reads; a query number is ASCII only.
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 12:
        abort(404)
    value = int(raw)
    if not low <= value <= high:
        abort(404)
    return value


def id_arg(name: str) -> int | None:
    """Read an optional id filter (?department=, ?category=...); a malformed or impossible id is a 404."""
    return int_arg(name)


def page_arg() -> int:
    """Read ?page=; the first page when it is missing."""
    return int_arg("page", default=1) or 1


def fiscal_year_arg(default: int | None = None) -> int:
    """Read ?fy= (B.E.): missing is the default (this year); a value that is no fiscal year, a 404."""
    fy = int_arg("fy", low=FIRST_FY, high=LAST_FY)
    if fy is None:
        return default if default is not None else current_fiscal_year()
    return fy


def check_fiscal_year(fy: int) -> None:
    """404 for a fiscal year in a path that no organisation can have."""
    if not valid_fiscal_year(fy):
        abort(404)


def fiscal_year_choices(around: int | None = None) -> list[int]:
    """The fiscal years a picker offers, newest first: five before the current one and the next."""
    current = current_fiscal_year()
    years = set(range(current - 5, current + 2))
    if around is not None:
        years.add(around)
    return sorted(years, reverse=True)
