"""What the report views share: the blueprint and the fiscal-year picker."""

from __future__ import annotations

from flask import Blueprint

from ethics_hr.core.args import fiscal_year_choices
from ethics_hr.core.formatting import format_fiscal_year

bp = Blueprint("reports", __name__, url_prefix="/reports")


def year_choices(around: int | None = None) -> list[tuple[int, str]]:
    """The fiscal years a picker offers (see core.args), each with its name in the reader's language."""
    return [(y, format_fiscal_year(y)) for y in fiscal_year_choices(around)]
