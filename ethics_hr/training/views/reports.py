"""The officer's hours report per department and staff category, its exports, and any person's record."""

from __future__ import annotations

from flask import abort, current_app, render_template, request

from ethics_hr.core.access import officer_required
from ethics_hr.core.args import fiscal_year_arg, fiscal_year_choices, id_arg, page_arg
from ethics_hr.core.exports import download, table_bytes
from ethics_hr.core.formatting import current_locale
from ethics_hr.core.timeutil import local_today
from ethics_hr.extensions import db
from ethics_hr.people.models import Person
from ethics_hr.training import reports, services
from ethics_hr.training.views.common import bp


def _filters() -> dict:
    met = request.args.get("met", "")
    return {
        "department_id": id_arg("department"),
        "category_id": id_arg("category"),
        "met": met if met in (reports.MET, reports.NOT_MET) else "",
    }


def _narrow(f: dict) -> dict:
    return {"department_id": f["department_id"], "category_id": f["category_id"]}


@bp.route("/reports/hours")
@officer_required
def hours_report():
    """Show who has met the yearly ethics hours, per department and staff category, and each person."""
    fy = fiscal_year_arg()
    f = _filters()
    page = db.paginate(
        reports.people_query(fy, **f),
        page=page_arg(),
        per_page=current_app.config["PER_PAGE"],
        error_out=False,
    )
    return render_template(
        "training/report.html",
        fy=fy,
        fys=fiscal_year_choices(),
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
    fy = fiscal_year_arg()
    rows = reports.export_rows(fy, locale=current_locale(), **_filters())
    stamp = local_today().isoformat()
    name = f"training-hours-{fy}-{stamp}.{fmt}"
    body = table_bytes(fmt, reports.export_header(), rows, title=f"FY{fy}", widths=reports.EXPORT_WIDTHS)
    return download(body, name)


@bp.route("/people/<int:person_id>/record")
@officer_required
def person_record(person_id: int):
    """Show one person's training record for a fiscal year."""
    person = db.get_or_404(Person, person_id)
    fy = fiscal_year_arg()
    return render_template(
        "training/record.html",
        person=person,
        fy=fy,
        fys=fiscal_year_choices(),
        lines=reports.person_record(person.id, fy),
        hours=reports.hours_for(fy, [person.id])[person.id],
        required=reports.required_hours(),
    )
