"""Importing people from a file: check every row first, then write all of them or none."""

from __future__ import annotations

import secrets
from pathlib import Path

from flask import flash, redirect, render_template, session, url_for
from flask_babel import gettext as _

from ethics_hr.core.access import officer_required
from ethics_hr.core.exports import download
from ethics_hr.core.forms import ConfirmForm
from ethics_hr.people import exports, importer
from ethics_hr.people.forms import ImportForm
from ethics_hr.people.views.common import bp, import_dir


@bp.route("/import", methods=["GET", "POST"])
@officer_required
def import_people():
    """Upload a CSV or XLSX file of people and see every problem before anything is written."""
    form = ImportForm()
    if form.validate_on_submit():
        upload = form.file.data
        data = upload.read()
        check = importer.check_file(data, upload.filename)
        if check.ok:
            key = secrets.token_hex(16)
            suffix = Path(upload.filename).suffix.lower()
            (import_dir() / f"{key}{suffix}").write_bytes(data)
            session["people_import"] = {"key": key, "suffix": suffix, "name": upload.filename}
        return render_template(
            "people/import.html", form=form, check=check, confirm=ConfirmForm(), filename=upload.filename
        )
    return render_template("people/import.html", form=form, check=None, confirm=None)


@bp.route("/import/confirm", methods=["POST"])
@officer_required
def import_confirm():
    """Write the checked file: all rows in one transaction, or none."""
    pending = session.pop("people_import", None)
    if not pending or not ConfirmForm().validate_on_submit():
        flash(_("Upload the file again."), "warning")
        return redirect(url_for("people.import_people"))
    path = import_dir() / f"{pending['key']}{pending['suffix']}"
    if not path.exists():
        flash(_("Upload the file again."), "warning")
        return redirect(url_for("people.import_people"))
    data = path.read_bytes()
    path.unlink()
    check = importer.check_file(data, pending["name"])
    if not check.ok:  # someone added a clashing person meanwhile: check again, write nothing
        return render_template(
            "people/import.html", form=ImportForm(), check=check, confirm=None, filename=pending["name"]
        )
    people = importer.import_rows(check)
    flash(_("%(n)d people have been imported.", n=len(people)), "success")
    return redirect(url_for("people.index"))


@bp.route("/import/template.csv")
@officer_required
def import_template():
    """Download an empty CSV with the expected columns."""
    return download(exports.people_table("csv", []), "people-template.csv")
