"""What every training view shares: the blueprint and the vocabulary its templates compare with."""

from __future__ import annotations

from flask import Blueprint

from ethics_hr.training.models import (
    ATTENDANCE_METHOD_LABELS,
    REGISTRATION_STATE_CSS,
    REGISTRATION_STATE_LABELS,
    SESSION_STATUS_CSS,
    SESSION_STATUS_LABELS,
    AttendanceMethod,
    RegistrationSource,
    RegistrationState,
    SessionStatus,
)

bp = Blueprint("training", __name__, url_prefix="/training")


@bp.app_context_processor
def training_vocabulary() -> dict:
    """Give templates the statuses and their labels, so none spells a status out (the home card too)."""
    return {
        "SessionStatus": SessionStatus,
        "RegistrationState": RegistrationState,
        "RegistrationSource": RegistrationSource,
        "AttendanceMethod": AttendanceMethod,
        "session_status_labels": SESSION_STATUS_LABELS,
        "session_status_css": SESSION_STATUS_CSS,
        "registration_state_labels": REGISTRATION_STATE_LABELS,
        "registration_state_css": REGISTRATION_STATE_CSS,
        "attendance_method_labels": ATTENDANCE_METHOD_LABELS,
    }
