"""The personnel officer's screens: codes, drafts, Dos & Don'ts, publishing, compliance, on-behalf records."""

from __future__ import annotations

from flask import Response, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user

from ethics_hr.codes import acknowledgments as acks
from ethics_hr.codes import compliance, services
from ethics_hr.codes.forms import (
    CodeForm,
    OnBehalfForm,
    PublishForm,
    StatementForm,
    VersionForm,
    WithdrawForm,
)
from ethics_hr.codes.models import MAJOR, CodeOfEthics, CodeVersion, DosDont
from ethics_hr.codes.views import bp
from ethics_hr.core.access import officer_required
from ethics_hr.core.errors import RuleViolation, apply_to_form
from ethics_hr.core.forms import ConfirmForm
from ethics_hr.core.timeutil import local_today
from ethics_hr.extensions import db
from ethics_hr.people import services as people
from ethics_hr.people.models import Person


def _locale() -> str:
    return str(get_locale() or "th")


def _me():
    return current_user._get_current_object()


# ---------------------------------------------------------------- codes


@bp.route("/manage")
@officer_required
def manage():
    """List the codes of ethics with the version in force and its acknowledgment share."""
    codes = services.all_codes()
    current = services.current_versions()
    departments, categories = people.all_departments(), people.staff_categories(active_only=False)
    shares = {
        code_id: compliance.summary(v, departments=departments, categories=categories).overall
        for code_id, v in current.items()
    }
    drafts = {
        v.code_id: v for v in db.session.scalars(db.select(CodeVersion).where(CodeVersion.status == "draft"))
    }
    return render_template("codes/manage.html", codes=codes, current=current, shares=shares, drafts=drafts)


@bp.route("/manage/new", methods=["GET", "POST"], defaults={"code_id": None})
@bp.route("/manage/<int:code_id>/edit", methods=["GET", "POST"])
@officer_required
def code_form(code_id: int | None):
    """Add a code of ethics or rename one."""
    code = db.get_or_404(CodeOfEthics, code_id) if code_id else None
    form = CodeForm(obj=code)
    if form.validate_on_submit():
        try:
            code = services.save_code(
                code,
                name_th=form.name_th.data,
                name_en=form.name_en.data or "",
                sort_order=form.sort_order.data or 0,
            )
        except RuleViolation as error:
            db.session.rollback()
            apply_to_form(form, error)
        else:
            flash(_("The code has been saved."), "success")
            return redirect(url_for("codes.code", code_id=code.id))
    return render_template("codes/code_form.html", form=form, code=code)


@bp.route("/manage/<int:code_id>")
@officer_required
def code(code_id: int):
    """Show a code and all its versions."""
    code = db.get_or_404(CodeOfEthics, code_id)
    return render_template(
        "codes/code.html", code=code, versions=services.versions_of(code), draft=services.draft_of(code)
    )


@bp.route("/manage/<int:code_id>/draft", methods=["POST"])
@officer_required
def start_draft(code_id: int):
    """Open the next version of a code as a draft."""
    code = db.get_or_404(CodeOfEthics, code_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    try:
        version = services.start_draft(code)
    except RuleViolation as error:
        db.session.rollback()
        flash(error.message, "warning")
        return redirect(url_for("codes.code", code_id=code.id))
    return redirect(url_for("codes.edit_version", version_id=version.id))


# ---------------------------------------------------------------- drafts


def _draft(version_id: int) -> CodeVersion:
    version = db.get_or_404(CodeVersion, version_id)
    if not version.is_draft:
        flash(_("A published version cannot be changed; start a new version instead."), "warning")
        abort(redirect(url_for("codes.version", version_id=version.id)))
    return version


def _version_form(version: CodeVersion) -> VersionForm:
    form = VersionForm(obj=version)
    locale = _locale()
    form.category_ids.choices = [(c.id, c.name(locale)) for c in people.staff_categories(active_only=False)]
    form.department_ids.choices = [(d.id, d.name(locale)) for d in people.all_departments()]
    if request.method == "GET":
        form.category_ids.data = [c.id for c in version.categories]
        form.department_ids.data = [d.id for d in version.departments]
    return form


@bp.route("/versions/<int:version_id>/edit", methods=["GET", "POST"])
@officer_required
def edit_version(version_id: int):
    """Edit a draft: title, effective date, text, audience, announcement; and its Dos & Don'ts."""
    version = _draft(version_id)
    form = _version_form(version)
    if form.validate_on_submit():
        try:
            services.update_draft(
                version,
                services.DraftContent(
                    title=form.title.data,
                    effective_date=form.effective_date.data,
                    body_md=form.body_md.data or "",
                    category_ids=form.category_ids.data or [],
                    department_ids=form.department_ids.data or [],
                ),
                announcement=form.announcement.data or None,
                remove_announcement=form.remove_announcement.data,
                by=_me(),
            )
        except RuleViolation as error:
            db.session.rollback()
            apply_to_form(form, error)
        else:
            flash(_("The draft has been saved."), "success")
            return redirect(url_for("codes.edit_version", version_id=version.id))
    return render_template("codes/version_form.html", form=form, version=version, confirm=ConfirmForm())


@bp.route("/versions/<int:version_id>/delete", methods=["POST"])
@officer_required
def delete_version(version_id: int):
    """Delete a draft."""
    version = _draft(version_id)
    code_id = version.code_id
    if ConfirmForm().validate_on_submit():
        services.delete_draft(version)
        flash(_("The draft has been deleted."), "success")
    return redirect(url_for("codes.code", code_id=code_id))


@bp.route("/versions/<int:version_id>/statements/new", methods=["GET", "POST"], defaults={"item_id": None})
@bp.route("/versions/<int:version_id>/statements/<int:item_id>/edit", methods=["GET", "POST"])
@officer_required
def statement_form(version_id: int, item_id: int | None):
    """Add a "do" or "don't" statement to a draft, or change one."""
    version = _draft(version_id)
    item = db.get_or_404(DosDont, item_id) if item_id else None
    if item is not None and item.version_id != version.id:
        abort(404)
    form = StatementForm(obj=item)
    if form.validate_on_submit():
        try:
            services.save_statement(
                version,
                item,
                services.StatementContent(
                    kind=form.kind.data,
                    text_th=form.text_th.data or "",
                    text_en=form.text_en.data or "",
                    example_th=form.example_th.data or "",
                    example_en=form.example_en.data or "",
                    clause=form.clause.data or "",
                ),
            )
        except RuleViolation as error:
            db.session.rollback()
            apply_to_form(form, error)
        else:
            flash(_("The statement has been saved."), "success")
            return redirect(url_for("codes.edit_version", version_id=version.id, _anchor="dos-donts"))
    return render_template("codes/statement_form.html", form=form, version=version, item=item)


@bp.route(
    "/versions/<int:version_id>/statements/<int:item_id>/<any(delete, up, down):action>", methods=["POST"]
)
@officer_required
def statement_action(version_id: int, item_id: int, action: str):
    """Remove a statement from a draft, or move it up or down."""
    version = _draft(version_id)
    item = db.get_or_404(DosDont, item_id)
    if item.version_id != version.id:
        abort(404)
    if ConfirmForm().validate_on_submit():
        if action == "delete":
            services.delete_statement(item)
            flash(_("The statement has been removed."), "success")
        else:
            services.move_statement(item, -1 if action == "up" else 1)
    return redirect(url_for("codes.edit_version", version_id=version.id, _anchor="dos-donts"))


# ---------------------------------------------------------------- publishing


@bp.route("/versions/<int:version_id>/publish", methods=["GET", "POST"])
@officer_required
def publish(version_id: int):
    """Publish a draft as a major or minor change, with a due date for acknowledgment."""
    version = _draft(version_id)
    previous = services.previous_version(version)
    form = PublishForm()
    if request.method == "GET":
        form.due_date.data = services.default_due_date()
        form.change_kind.data = MAJOR
    if form.validate_on_submit():
        try:
            services.publish_version(
                version, major=form.change_kind.data == MAJOR, due_date=form.due_date.data, by=_me()
            )
        except RuleViolation as error:
            db.session.rollback()
            apply_to_form(form, error)
        else:
            flash(_("The version has been published."), "success")
            return redirect(url_for("codes.compliance_page", version_id=version.id))
    return render_template("codes/publish.html", form=form, version=version, previous=previous)


@bp.route("/versions/<int:version_id>/withdraw", methods=["GET", "POST"])
@officer_required
def withdraw(version_id: int):
    """Withdraw the version in force, with the reason."""
    version = db.get_or_404(CodeVersion, version_id)
    if not version.is_published:
        abort(404)
    form = WithdrawForm()
    if form.validate_on_submit():
        try:
            services.withdraw_version(version, reason=form.reason.data, by=_me())
        except RuleViolation as error:
            db.session.rollback()
            apply_to_form(form, error)
        else:
            flash(_("The version has been withdrawn."), "success")
            return redirect(url_for("codes.code", code_id=version.code_id))
    return render_template("codes/withdraw.html", form=form, version=version)


# ---------------------------------------------------------------- compliance


def _published(version_id: int) -> CodeVersion:
    version = db.get_or_404(CodeVersion, version_id)
    if not version.was_published:
        abort(404)
    return version


def _compliance_filter() -> compliance.ComplianceFilter:
    status = request.args.get("status", "pending")
    category = request.args.get("category", "")
    return compliance.ComplianceFilter(
        status=status if status in compliance.STATUSES else "pending",
        department=request.args.get("department", "")[:10],
        staff_category_id=int(category) if category.isdigit() else None,
        q=request.args.get("q", "")[:100],
    )


@bp.route("/versions/<int:version_id>/compliance")
@officer_required
def compliance_page(version_id: int):
    """Show who has acknowledged a version: shares overall, per department and category; who is pending."""
    version = _published(version_id)
    f = _compliance_filter()
    today = local_today()
    departments = people.all_departments()
    categories = people.staff_categories(active_only=False)
    summary = compliance.summary(version, today=today, departments=departments, categories=categories)
    total = summary.count(f)  # known from the summary unless there is a search: no second counting query
    page = db.paginate(
        compliance.people_query(version, f, today=today),
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
        departments=departments,
        categories=categories,
    )


@bp.route("/versions/<int:version_id>/compliance.<any(csv, xlsx):fmt>")
@officer_required
def compliance_export(version_id: int, fmt: str):
    """Download the filtered compliance list as CSV or XLSX."""
    version = _published(version_id)
    rows = compliance.export_rows(version, _compliance_filter(), _locale())
    name = f"acknowledgments-v{version.id}-{local_today().isoformat()}.{fmt}"
    if fmt == "csv":
        return Response(
            compliance.as_csv(rows),
            mimetype="text/csv; charset=utf-8",
            headers={"Content-Disposition": f"attachment; filename={name}"},
        )
    return Response(
        compliance.as_xlsx(rows),
        mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        headers={"Content-Disposition": f"attachment; filename={name}"},
    )


@bp.route("/versions/<int:version_id>/on-behalf/<int:person_id>", methods=["GET", "POST"])
@officer_required
def on_behalf(version_id: int, person_id: int):
    """Record a person's acknowledgment from a signed paper form, with the scan."""
    version = _published(version_id)
    person = db.get_or_404(Person, person_id)
    if version.status not in ("published", "superseded") or not acks.applies_to(version, person):
        abort(404)
    existing = acks.acknowledgment_of(person, version)
    form = OnBehalfForm()
    if request.method == "GET":
        form.signed_on.data = local_today()
    if existing is None and form.validate_on_submit():
        try:
            acks.record_on_behalf(
                version,
                person,
                by=_me(),
                note=form.note.data,
                signed_on=form.signed_on.data,
                scan=form.scan.data or None,
            )
        except acks.NotApplicable:
            abort(404)
        except RuleViolation as error:
            db.session.rollback()
            apply_to_form(form, error)
        else:
            flash(
                _("The acknowledgment of %(name)s has been recorded.", name=person.display_name(_locale())),
                "success",
            )
            return redirect(url_for("codes.compliance_page", version_id=version.id))
    return render_template(
        "codes/on_behalf.html", form=form, version=version, person=person, existing=existing
    )
