"""Health check for operators and load balancers."""

from __future__ import annotations

from flask import Blueprint, jsonify

from ethics_hr.core.access import public
from ethics_hr.core.db import database_answers

bp = Blueprint("core", __name__)


@bp.route("/healthz")
@public
def healthz():
    """Report whether the database answers: 200 when it does, 503 when it does not."""
    if not database_answers():
        return jsonify(status="error", database="unreachable"), 503
    return jsonify(status="ok", database="ok")
