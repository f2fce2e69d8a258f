"""Taking attendance: marks from the roster, everyone at once, walk-ins, history, CSV import."""

from __future__ import annotations

import secrets
from pathlib import Path

from flask import abort, current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ethics_hr.core.access import officer_required
from ethics_hr.core.errors import flashed
from ethics_hr.core.exports import csv_bytes, download
from ethics_hr.core.formatting import current_locale
from ethics_hr.core.forms import ConfirmForm
from ethics_hr.extensions import db
from ethics_hr.people.models import Person
from ethics_hr.training import attendance, services
from ethics_hr.training.forms import AttendanceImportForm, WalkInForm
from ethics_hr.training.models import TrainingSession
from ethics_hr.training.reference import PRESENT
from ethics_hr.training.views.common import bp


def _back(s: TrainingSession):
    return redirect(url_for("training.session", session_id=s.id, **request.args))


@bp.route("/sessions/<int:session_id>/attendance", methods=["POST"])
@officer_required
def attendance_marks(session_id: int):
    """Record the statuses chosen on this page of the roster; unchanged ones write nothing."""
    s = db.get_or_404(TrainingSession, session_id)
    if not ConfirmForm().validate_on_submit():
        flash(_("The form has expired. Please try again."), "warning")
        return _back(s)
    marks: dict[int, str] = {}
    for key, value in request.form.items():
        if key.startswith("status-") and key[7:].isdigit() and value:
            marks[int(key[7:])] = value
    if not marks:
        flash(_("Choose a status for at least one person."), "warning")
        return _back(s)
    with flashed() as outcome:
        n = attendance.record_marks(s, marks, by_user_id=current_user.id, note=request.form.get("note", ""))
    if outcome.ok:
        flash(_("Attendance saved: %(n)d change(s) recorded.", n=n), "success")
    return _back(s)


@bp.route("/sessions/<int:session_id>/attendance/all", methods=["POST"])
@officer_required
def attendance_all(session_id: int):
    """Mark everyone on the roster who has no status yet with one status (usually present)."""
    s = db.get_or_404(TrainingSession, session_id)
    code = request.form.get("status", PRESENT)
    if ConfirmForm().validate_on_submit():
        with flashed() as outcome:
            n = attendance.mark_unmarked(s, code, by_user_id=current_user.id)
        if outcome.ok:
            flash(_("Attendance saved: %(n)d change(s) recorded.", n=n), "success")
    return _back(s)


@bp.route("/sessions/<int:session_id>/walk-in", methods=["POST"])
@officer_required
def walk_in(session_id: int):
    """Add someone who came without being on the roster, with their attendance."""
    s = db.get_or_404(TrainingSession, session_id)
    form = WalkInForm()
    form.status.choices = [(st.code, st.name(current_locale())) for st in services.attendance_statuses()]
    if not form.validate_on_submit():
        for errors in form.errors.values():
            flash(errors[0], "danger")
        return _back(s)
    with flashed() as outcome:
        person = attendance.add_walk_in(
            s, form.employee_number.data, form.status.data, by_user_id=current_user.id
        )
    if outcome.ok:
        flash(
            _("%(name)s has been added to the roster.", name=person.display_name(current_locale())), "success"
        )
    return _back(s)


@bp.route("/sessions/<int:session_id>/attendance/<int:person_id>")
@officer_required
def attendance_history(session_id: int, person_id: int):
    """Show every attendance entry of one person on a session: who recorded what, when, and how."""
    s = db.get_or_404(TrainingSession, session_id)
    person = db.get_or_404(Person, person_id)
    rows = attendance.history(s.id, person.id)
    if not rows:
        abort(404)
    return render_template("training/history.html", s=s, person=person, rows=rows)


def _import_dir() -> Path:
    path = Path(current_app.instance_path) / "imports"
    path.mkdir(parents=True, exist_ok=True)
    return path


@bp.route("/sessions/<int:session_id>/attendance/import", methods=["GET", "POST"])
@officer_required
def attendance_import(session_id: int):
    """Upload a CSV or XLSX of attendance and see every problem before anything is written."""
    s = db.get_or_404(TrainingSession, session_id)
    form = AttendanceImportForm()
    check = None
    if form.validate_on_submit():
        upload = form.file.data
        data = upload.read()
        check = attendance.check_import(s, data, upload.filename)
        if check.ok:
            key = secrets.token_hex(16)
            suffix = Path(upload.filename).suffix.lower()
            (_import_dir() / f"attendance-{key}{suffix}").write_bytes(data)
            session["attendance_import"] = {
                "key": key,
                "suffix": suffix,
                "name": upload.filename,
                "session": s.id,
            }
    return render_template("training/import.html", form=form, s=s, check=check, confirm=ConfirmForm())


@bp.route("/sessions/<int:session_id>/attendance/import/confirm", methods=["POST"])
@officer_required
def attendance_import_confirm(session_id: int):
    """Write the checked attendance file: every row in one transaction, or none."""
    s = db.get_or_404(TrainingSession, session_id)
    pending = session.pop("attendance_import", None)
    if not pending or pending.get("session") != s.id or not ConfirmForm().validate_on_submit():
        flash(_("Upload the file again."), "warning")
        return redirect(url_for("training.attendance_import", session_id=s.id))
    path = _import_dir() / f"attendance-{pending['key']}{pending['suffix']}"
    if not path.exists():
        flash(_("Upload the file again."), "warning")
        return redirect(url_for("training.attendance_import", session_id=s.id))
    data = path.read_bytes()
    path.unlink()
    check = attendance.check_import(s, data, pending["name"])
    if not check.ok:  # the roster changed meanwhile: check again, write nothing
        return render_template(
            "training/import.html", form=AttendanceImportForm(), s=s, check=check, confirm=ConfirmForm()
        )
    n = attendance.apply_import(s, check, by_user_id=current_user.id)
    flash(_("Attendance imported: %(n)d change(s) recorded.", n=n), "success")
    return redirect(url_for("training.session", session_id=s.id))


@bp.route("/attendance-template.csv")
@officer_required
def attendance_template():
    """Download an empty attendance CSV with the expected columns."""
    return download(csv_bytes(attendance.IMPORT_TEMPLATE_HEADER, []), "attendance-template.csv")
