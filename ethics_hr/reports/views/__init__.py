"""The report screens: dashboard, fiscal-year report, ITA evidence links and catalogue, a person's record."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("reports", __name__, url_prefix="/reports")

from ethics_hr.people.views import PERSON_SECTION_PROVIDERS  # noqa: E402
from ethics_hr.reports.home import person_sections  # noqa: E402
from ethics_hr.reports.views import dashboard, ita, record, report  # noqa: E402, F401

PERSON_SECTION_PROVIDERS.append(person_sections)
