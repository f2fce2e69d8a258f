"""The report screens: dashboard, fiscal-year report, ITA evidence links and catalogue, a person's record."""

from ethics_hr.reports.views import dashboard, ethics, ita, record, report  # noqa: F401
from ethics_hr.reports.views.common import bp

__all__ = ["bp"]
