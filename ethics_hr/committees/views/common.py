"""The committees blueprint, the template helpers its pages share, and reading a date from the query."""

from __future__ import annotations

from datetime import date

from flask import Blueprint, request

from ethics_hr.committees import labels
from ethics_hr.committees.models import AppointmentOrder

bp = Blueprint("committees", __name__, url_prefix="/committees")


@bp.app_template_filter("order_number")
def order_number_filter(order: AppointmentOrder, official: bool = False) -> str:
    return labels.order_number(order, official=official)


@bp.app_template_global("role_label")
def role_label_global(role: str, kind: str | None = None) -> str:
    return labels.role_label(role, kind)


@bp.app_template_global("order_status")
def order_status_global(order: AppointmentOrder, today: date) -> tuple[str, str]:
    return labels.order_status(order, today)


@bp.app_template_global("kind_label")
def kind_label_global(kind: str) -> str:
    return labels.kind_label(kind)


def date_arg(name: str) -> date | None:
    """Read ?name= as an ISO date; missing or malformed is None (the caller's default applies)."""
    try:
        return date.fromisoformat(request.args.get(name, ""))
    except ValueError:
        return None
