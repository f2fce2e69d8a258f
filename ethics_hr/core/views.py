"""Health check for operators and load balancers."""

from __future__ import annotations

from flask import Blueprint, jsonify

from ethics_hr.core.access import public
from ethics_hr.extensions import db

bp = Blueprint("core", __name__)


@bp.route("/healthz")
@public
def healthz():
    """Report whether the database answers: 200 when it does, 503 when it does not."""
    try:
        db.session.execute(db.text("SELECT 1"))
    except Exception:
        db.session.rollback()
        return jsonify(status="error", database="unreachable"), 503
    return jsonify(status="ok", database="ok")
