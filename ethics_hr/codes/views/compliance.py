"""The personnel officer's view of who has acknowledged a version: shares, lists, exports, signed forms."""

from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from ethics_hr.codes import acknowledgments as acks
from ethics_hr.codes import compliance
from ethics_hr.codes.compliance import NO_DEPARTMENT, ComplianceStatus
from ethics_hr.codes.forms import OnBehalfForm
from ethics_hr.codes.models import CodeVersion
from ethics_hr.codes.views.common import bp, me, published_version
from ethics_hr.core.access import officer_required
from ethics_hr.core.args import id_arg, page_arg
from ethics_hr.core.errors import shown_on
from ethics_hr.core.exports import streamed_download, table_chunks
from ethics_hr.core.formatting import current_locale
from ethics_hr.core.timeutil import local_today
from ethics_hr.extensions import db
from ethics_hr.people import services as people
from ethics_hr.people.models import Person


def _compliance_filter() -> compliance.ComplianceFilter:
    status = request.args.get("status", ComplianceStatus.PENDING)
    department = request.args.get("department", "")
    if department != NO_DEPARTMENT:
        department_id = id_arg("department")
        department = str(department_id) if department_id is not None else ""
    return compliance.ComplianceFilter(
        status=status if status in set(ComplianceStatus) else ComplianceStatus.PENDING,
        department=department,
        staff_category_id=id_arg("category"),
        q=request.args.get("q", "")[:100],
    )


@bp.route("/versions/<int:version_id>/compliance")
@officer_required
def compliance_page(version_id: int):
    """Show who has acknowledged a version: shares overall, per department and category; who is pending."""
    version = published_version(version_id)
    f = _compliance_filter()
    today = local_today()
    departments = people.all_departments()
    categories = people.staff_categories(active_only=False)
    summary = compliance.summary(version, today=today, departments=departments, categories=categories)
    total = summary.count(f)  # known from the summary unless there is a search: no second counting query
    page = db.paginate(
        compliance.people_query(version, f, today=today),
        page=page_arg(),
        per_page=current_app.config["PER_PAGE"],
        error_out=False,
        count=total is None,
    )
    if total is not None:
        page.total = total
    rows = compliance.statuses(
        version, page.items, compliance.acknowledgments_of(version, [p.id for p in page.items]), today=today
    )
    return render_template(
        "codes/compliance.html",
        version=version,
        summary=summary,
        page=page,
        rows=rows,
        f=f,
        status_choices=list(compliance.FILTER_LABELS.items()),
        no_department=NO_DEPARTMENT,
        departments=departments,
        categories=categories,
    )


@bp.route("/versions/<int:version_id>/compliance.<any(csv, xlsx):fmt>")
@officer_required
def compliance_export(version_id: int, fmt: str):
    """Download the filtered compliance list as CSV or XLSX."""
    version = published_version(version_id)
    version_id, f, locale = version.id, _compliance_filter(), current_locale()

    def table():  # made as it goes out, in the streaming's own session
        rows = compliance.export_rows(db.session.get(CodeVersion, version_id), f, locale)
        return table_chunks(fmt, None, rows, title="compliance", widths=compliance.EXPORT_WIDTHS)

    return streamed_download(table, f"acknowledgments-v{version_id}-{local_today().isoformat()}.{fmt}")


@bp.route("/versions/<int:version_id>/on-behalf/<int:person_id>", methods=["GET", "POST"])
@officer_required
def on_behalf(version_id: int, person_id: int):
    """Record a person's acknowledgment from a signed paper form, with the scan."""
    version = published_version(version_id)
    person = db.get_or_404(Person, person_id)
    if not version.is_published_or_superseded or not acks.applies_to(version, person):
        abort(404)
    existing = acks.current_acknowledgment_of(person, version)
    form = OnBehalfForm()
    if request.method == "GET":
        form.signed_on.data = local_today()
    if existing is None and form.validate_on_submit():
        try:
            with shown_on(form) as outcome:
                acks.record_on_behalf(
                    version,
                    person,
                    by=me(),
                    note=form.note.data,
                    signed_on=form.signed_on.data,
                    scan=form.scan.data or None,
                )
        except acks.NotApplicable:
            abort(404)
        if outcome.ok:
            flash(
                _(
                    "The acknowledgment of %(name)s has been recorded.",
                    name=person.display_name(current_locale()),
                ),
                "success",
            )
            return redirect(url_for("codes.compliance_page", version_id=version.id))
    return render_template(
        "codes/on_behalf.html", form=form, version=version, person=person, existing=existing
    )
