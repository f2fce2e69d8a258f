"""The departments: their list and the form to add or change one."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _

from ethics_hr.core.access import officer_required
from ethics_hr.core.errors import shown_on
from ethics_hr.extensions import db
from ethics_hr.people import services
from ethics_hr.people.forms import DepartmentForm
from ethics_hr.people.models import Department
from ethics_hr.people.views.common import bp


@bp.route("/departments")
@officer_required
def departments():
    """List the departments."""
    return render_template(
        "people/departments.html",
        departments=services.departments_with_heads(),
        counts=services.active_people_per_department(),
    )


@bp.route("/departments/new", methods=["GET", "POST"], defaults={"department_id": None})
@bp.route("/departments/<int:department_id>/edit", methods=["GET", "POST"])
@officer_required
def department_form(department_id: int | None):
    """Add or change a department."""
    department = db.get_or_404(Department, department_id) if department_id else None
    form = DepartmentForm(obj=department)
    if department is not None and department.head is not None and not form.is_submitted():
        form.head_employee_number.data = department.head.employee_number
    if form.validate_on_submit():
        with shown_on(form) as outcome:
            services.save_department(
                department,
                code=form.code.data,
                name_th=form.name_th.data,
                name_en=form.name_en.data or "",
                active=form.active.data,
                head_employee_number=form.head_employee_number.data or "",
            )
        if outcome.ok:
            flash(_("The department has been saved."), "success")
            return redirect(url_for("people.departments"))
    return render_template("people/department_form.html", form=form, department=department)
