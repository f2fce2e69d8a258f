"""The dashboard: the fiscal year's figures at a glance."""

from __future__ import annotations

from flask import render_template

from ethics_hr.core.access import officer_required
from ethics_hr.core.args import fiscal_year_arg
from ethics_hr.core.formatting import current_locale, format_fiscal_year
from ethics_hr.reports import dashboard as panels
from ethics_hr.reports.views.common import bp, year_choices


@bp.route("/dashboard")
@officer_required
def dashboard():
    """Show the share acknowledged, training hours, questions and plan items of a fiscal year as charts."""
    fy = fiscal_year_arg()
    locale = current_locale()
    found, computed_at = panels.cached_panels(fy, format_fiscal_year(fy, locale=locale), locale)
    return render_template(
        "reports/dashboard.html", fy=fy, years=year_choices(fy), panels=found, computed_at=computed_at
    )
