"""The codes blueprint and what its views share."""

from __future__ import annotations

from flask import Blueprint, abort
from flask_login import current_user

from ethics_hr.codes import acknowledgments as acks
from ethics_hr.codes.content import render_markdown
from ethics_hr.codes.models import CodeVersion
from ethics_hr.core.timeutil import local_today
from ethics_hr.extensions import db

bp = Blueprint("codes", __name__, url_prefix="/codes")

bp.add_app_template_filter(render_markdown, "markdown")
bp.add_app_template_global(local_today, "today_local")


def me():
    """The user behind the request, as the object the services record."""
    return current_user._get_current_object()


def readable_version(version_id: int) -> CodeVersion:
    """Load a version the user may read, or answer 404."""
    version = db.get_or_404(CodeVersion, version_id)
    if not acks.can_read(current_user, version):
        abort(404)
    return version


def published_version(version_id: int) -> CodeVersion:
    """Load a version that was published (in force, superseded or withdrawn), or answer 404."""
    version = db.get_or_404(CodeVersion, version_id)
    if not version.was_published:
        abort(404)
    return version
