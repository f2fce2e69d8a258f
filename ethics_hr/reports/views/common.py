"""What the report views share: the fiscal year asked for, checked."""

from __future__ import annotations

from flask import abort, request

from ethics_hr.core.formatting import format_fiscal_year
from ethics_hr.reports.services import current_fiscal_year, valid_fiscal_year


def fiscal_year_arg(default: int | None = None) -> int:
    """Read ?fy= (B.E.); a value that is not a fiscal year is a 404, a missing one the default."""
    raw = request.args.get("fy", "")
    if not raw:
        return default if default is not None else current_fiscal_year()
    if not raw.isdigit() or not valid_fiscal_year(int(raw)):
        abort(404)
    return int(raw)


def check_fiscal_year(fy: int) -> None:
    if not valid_fiscal_year(fy):
        abort(404)


def year_choices(around: int | None = None) -> list[tuple[int, str]]:
    """The fiscal years a picker offers: five before the current one and the next."""
    current = current_fiscal_year()
    years = set(range(current - 5, current + 2))
    if around is not None:
        years.add(around)
    return [(y, format_fiscal_year(y)) for y in sorted(years, reverse=True)]
