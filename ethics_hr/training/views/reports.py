"""The officer's hours report per department and staff category, its exports, and any person's record."""

from __future__ import annotations

from flask import Response, abort, current_app, render_template, request

from ethics_hr.core.access import officer_required
from ethics_hr.core.timeutil import local_today
from ethics_hr.extensions import db
from ethics_hr.people.models import Person
from ethics_hr.training import reports, services
from ethics_hr.training.views.common import arg_int, bp, fy_arg, fy_choices, locale


def _filters() -> dict:
    met = request.args.get("met", "")
    return {
        "department_id": arg_int("department"),
        "category_id": arg_int("category"),
        "met": met if met in (reports.MET, reports.NOT_MET) else "",
    }


def _narrow(f: dict) -> dict:
    return {"department_id": f["department_id"], "category_id": f["category_id"]}


@bp.route("/reports/hours")
@officer_required
def hours_report():
    """Show who has met the yearly ethics hours, per department and staff category, and each person."""
    fy = fy_arg()
    f = _filters()
    page = db.paginate(
        reports.people_query(fy, **f), per_page=current_app.config["PER_PAGE"], error_out=False
    )
    return render_template(
        "training/report.html",
        fy=fy,
        fys=fy_choices(),
        f=f,
        page=page,
        hours=reports.hours_for(fy, [p.id for p in page.items]),
        by_department=None if f["department_id"] else reports.summary(fy, by="department", **_narrow(f)),
        by_category=reports.summary(fy, by="category", **_narrow(f)),
        required=reports.required_hours(),
        departments=services.invitable_departments(),
        categories=services.invitable_categories(),
    )


@bp.route("/reports/hours.<fmt>")
@officer_required
def hours_export(fmt: str):
    """Download the hours report as CSV or XLSX."""
    if fmt not in ("csv", "xlsx"):
        abort(404)
    fy = fy_arg()
    rows = reports.export_rows(fy, locale=locale(), **_filters())
    stamp = local_today().isoformat()
    name = f"training-hours-{fy}-{stamp}.{fmt}"
    if fmt == "csv":
        return Response(
            reports.to_csv(rows),
            mimetype="text/csv; charset=utf-8",
            headers={"Content-Disposition": f"attachment; filename={name}"},
        )
    return Response(
        reports.to_xlsx(rows, title=f"FY{fy}"),
        mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        headers={"Content-Disposition": f"attachment; filename={name}"},
    )


@bp.route("/people/<int:person_id>/record")
@officer_required
def person_record(person_id: int):
    """Show one person's training record for a fiscal year."""
    person = db.get_or_404(Person, person_id)
    fy = fy_arg()
    return render_template(
        "training/record.html",
        person=person,
        fy=fy,
        fys=fy_choices(),
        lines=reports.person_record(person.id, fy),
        hours=reports.hours_for(fy, [person.id])[person.id],
        required=reports.required_hours(),
    )
