"""The personnel officer's screens: codes, drafts, Dos & Don'ts, publishing and withdrawal."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from ethics_hr.codes import compliance, services
from ethics_hr.codes.forms import CodeForm, PublishForm, StatementForm, VersionForm, WithdrawForm
from ethics_hr.codes.models import ChangeKind, CodeOfEthics, CodeVersion, DosDont
from ethics_hr.codes.views.common import bp, me
from ethics_hr.core.access import officer_required
from ethics_hr.core.errors import flashed, shown_on
from ethics_hr.core.formatting import current_locale
from ethics_hr.core.forms import ConfirmForm
from ethics_hr.extensions import db
from ethics_hr.people import services as people

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
    return render_template(
        "codes/manage.html", codes=codes, current=current, shares=shares, drafts=services.drafts()
    )


@bp.route("/manage/new", methods=["GET", "POST"], defaults={"code_id": None})
@bp.route("/manage/<int:code_id>/edit", methods=["GET", "POST"])
@officer_required
def code_form(code_id: int | None):
    """Add a code of ethics or rename one."""
    code = db.get_or_404(CodeOfEthics, code_id) if code_id else None
    form = CodeForm(obj=code)
    if form.validate_on_submit():
        with shown_on(form) as outcome:
            code = services.save_code(
                code,
                name_th=form.name_th.data,
                name_en=form.name_en.data or "",
                sort_order=form.sort_order.data or 0,
            )
        if outcome.ok:
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
    with flashed() as outcome:
        version = services.start_draft(code)
    if not outcome.ok:
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
    locale = current_locale()
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
        with shown_on(form) as outcome:
            services.update_draft(
                version,
                services.DraftContent(
                    title=form.title.data,
                    effective_date=form.effective_date.data,
                    body_md=form.body_md.data or "",
                    category_ids=form.category_ids.data or [],
                    department_ids=form.department_ids.data or [],
                    reacknowledge_months=form.reacknowledge_months.data,
                ),
                announcement=form.announcement.data or None,
                remove_announcement=form.remove_announcement.data,
                by=me(),
            )
        if outcome.ok:
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
        with shown_on(form) as outcome:
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
        if outcome.ok:
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
        form.change_kind.data = ChangeKind.MAJOR.value
    if form.validate_on_submit():
        with shown_on(form) as outcome:
            services.publish_version(
                version, major=form.change_kind.data == ChangeKind.MAJOR, due_date=form.due_date.data, by=me()
            )
        if outcome.ok:
            flash(_("The version has been published."), "success")
            return redirect(url_for("codes.compliance_page", version_id=version.id))
    return render_template(
        "codes/publish.html", form=form, version=version, previous=previous, minor=ChangeKind.MINOR.value
    )


@bp.route("/versions/<int:version_id>/withdraw", methods=["GET", "POST"])
@officer_required
def withdraw(version_id: int):
    """Withdraw the version in force, with the reason."""
    version = db.get_or_404(CodeVersion, version_id)
    if not version.is_published:
        abort(404)
    form = WithdrawForm()
    if form.validate_on_submit():
        with shown_on(form) as outcome:
            services.withdraw_version(version, reason=form.reason.data, by=me())
        if outcome.ok:
            flash(_("The version has been withdrawn."), "success")
            return redirect(url_for("codes.code", code_id=version.code_id))
    return render_template("codes/withdraw.html", form=form, version=version)
