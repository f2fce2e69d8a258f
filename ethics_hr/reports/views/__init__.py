"""The report screens: dashboard, fiscal-year report, ITA evidence links and catalogue, a person's record."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("reports", __name__, url_prefix="/reports")

from ethics_hr.reports.views import dashboard, ita, record, report  # noqa: E402, F401
