"""The personnel officer's HR development plan: plans, items, linked sessions, plan against actual."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ethics_hr.core.access import login_required, officer_required
from ethics_hr.core.args import fiscal_year_arg, id_arg
from ethics_hr.core.errors import RuleViolation, apply_to_form, flashed, shown_on
from ethics_hr.core.exports import download
from ethics_hr.core.formatting import current_locale, format_fiscal_year
from ethics_hr.core.forms import ConfirmForm
from ethics_hr.core.timeutil import local_today
from ethics_hr.core.uploads import StoredFile, send_stored
from ethics_hr.extensions import db
from ethics_hr.people import services as people
from ethics_hr.plans import actuals, exports, services
from ethics_hr.plans.forms import ApproveForm, ItemForm, LinkSessionForm, PlanForm, ProgressForm
from ethics_hr.plans.labels import period_labels, quarter_label, status_labels, target_field_labels
from ethics_hr.plans.models import ItemStatus, Period, Plan, PlanItem

bp = Blueprint("plans", __name__, url_prefix="/plans")


@bp.app_context_processor
def inject_labels():
    return {
        "plan_status_labels": status_labels,
        "plan_period_labels": period_labels,
        "quarter_label": quarter_label,
        "target_field_labels": target_field_labels,
    }


@bp.route("/")
@officer_required
def index():
    """List the plans and the items that should have started."""
    late = list(db.session.scalars(services.late_items_query().limit(50)))
    return render_template("plans/index.html", plans=services.plans(), late=late)


@bp.route("/new", methods=["GET", "POST"], defaults={"plan_id": None})
@bp.route("/<int:plan_id>/edit", methods=["GET", "POST"])
@officer_required
def plan_form(plan_id: int | None):
    """Create or change a plan's header and its approved document."""
    plan = db.get_or_404(Plan, plan_id) if plan_id else None
    form = PlanForm(obj=plan)
    was_approved = plan is not None and plan.is_approved
    if form.validate_on_submit():
        with shown_on(form) as outcome:
            saved = services.save_plan(
                plan,
                title_th=form.title_th.data,
                title_en=form.title_en.data or "",
                first_fiscal_year=form.first_fiscal_year.data,
                last_fiscal_year=form.last_fiscal_year.data,
                approved_on=form.approved_on.data,
                approved_by=form.approved_by.data or "",
                document=form.document.data,
                uploaded_by_id=current_user.id,
            )
        if outcome.ok:
            approved_now = saved.is_approved and not was_approved
            flash(_("The plan is approved.") if approved_now else _("The plan has been saved."), "success")
            return redirect(url_for("plans.detail", plan_id=saved.id))
    return render_template("plans/plan_form.html", form=form, plan=plan), (
        400 if request.method == "POST" else 200
    )


@bp.route("/<int:plan_id>")
@officer_required
def detail(plan_id: int):
    """Show a plan with its items by fiscal year."""
    plan = db.get_or_404(Plan, plan_id)
    return render_template(
        "plans/detail.html",
        plan=plan,
        approve_form=ApproveForm(obj=plan),
        today=local_today(),
        is_late=services.is_late,
    )


@bp.route("/<int:plan_id>/approve", methods=["POST"])
@officer_required
def approve(plan_id: int):
    """Record the plan's approval; an earlier approved plan of the same years becomes superseded."""
    plan = db.get_or_404(Plan, plan_id)
    form = ApproveForm()
    if form.validate_on_submit():
        with flashed() as outcome:
            services.approve(plan, approved_on=form.approved_on.data, approved_by=form.approved_by.data)
        if outcome.ok:
            flash(_("The plan is approved."), "success")
    else:
        for errors in form.errors.values():
            for message in errors:
                flash(message, "danger")
    return redirect(url_for("plans.detail", plan_id=plan.id))


@bp.route("/<int:plan_id>/document")
@login_required
def document(plan_id: int):
    """Download the approved plan's PDF (any logged-in person: the plan is a public document)."""
    plan = db.get_or_404(Plan, plan_id)
    if not plan.document_id:
        abort(404)
    return send_stored(db.get_or_404(StoredFile, plan.document_id))


def _item_form(plan: Plan, item: PlanItem | None) -> ItemForm:
    form = ItemForm(obj=item)
    locale = current_locale()
    form.area_id.choices = [(None, "—")] + [(a.id, a.name(locale)) for a in services.areas()]
    departments = people.all_departments()
    form.department_ids.choices = [(d.id, d.name(locale)) for d in departments]
    form.category_ids.choices = [(c.id, c.name(locale)) for c in people.staff_categories()]
    form.responsible_department_id.choices = [(None, "—")] + [(d.id, d.name(locale)) for d in departments]
    form.fiscal_year.choices = [(fy, format_fiscal_year(fy)) for fy in plan.fiscal_years]
    if item is not None and request.method == "GET":
        form.department_ids.data = [d.id for d in item.departments]
        form.category_ids.data = [c.id for c in item.categories]
    return form


@bp.route("/<int:plan_id>/items/new", methods=["GET", "POST"], defaults={"item_id": None})
@bp.route("/<int:plan_id>/items/<int:item_id>/edit", methods=["GET", "POST"])
@officer_required
def item_form(plan_id: int, item_id: int | None):
    """Add or change a project or activity of the plan."""
    plan = db.get_or_404(Plan, plan_id)
    item = db.get_or_404(PlanItem, item_id) if item_id else None
    if item is not None and item.plan_id != plan.id:
        abort(404)
    form = _item_form(plan, item)
    budget_values = {fy: request.form.get(f"budget_{fy}", "") for fy in plan.fiscal_years}
    if request.method == "GET" and item is not None:
        budget_values = {fy: f"{item.budget_for(fy):,.2f}" for fy in plan.fiscal_years}
    budget_errors: dict[int, str] = {}
    if form.validate_on_submit():
        budgets = {}
        for fy in plan.fiscal_years:
            try:
                budgets[fy] = services.parse_money(budget_values[fy])
            except RuleViolation as error:
                budget_errors[fy] = error.message
        if not budget_errors:
            data = services.ItemInput(
                name=form.name.data,
                area_id=form.area_id.data,
                objective=form.objective.data or "",
                target_participants=form.target_participants.data,
                indicator=form.indicator.data or "",
                indicator_target=form.indicator_target.data,
                responsible_department_id=form.responsible_department_id.data,
                fiscal_year=form.fiscal_year.data,
                quarter=form.quarter.data,
                department_ids=form.department_ids.data or [],
                category_ids=form.category_ids.data or [],
                budgets=budgets,
            )
            try:
                saved = services.save_item(plan, item, data)
            except RuleViolation as error:  # the service has rolled back; a budget error goes by its year
                if error.field and error.field.startswith("budget_"):
                    budget_errors[int(error.field.split("_")[1])] = error.message
                else:
                    apply_to_form(form, error)
            else:
                flash(_("The item has been saved."), "success")
                return redirect(url_for("plans.item", item_id=saved.id))
    return render_template(
        "plans/item_form.html",
        form=form,
        plan=plan,
        item=item,
        budget_values=budget_values,
        budget_errors=budget_errors,
    ), (400 if request.method == "POST" else 200)


@bp.route("/items/<int:item_id>")
@officer_required
def item(item_id: int):
    """Show an item: its targets, progress, linked sessions and the changes made to its targets."""
    item = db.get_or_404(PlanItem, item_id)
    progress = ProgressForm(obj=item)
    progress.status.choices = [(s.value, status_labels()[s]) for s in ItemStatus]
    progress.spent.data = f"{item.spent:,.2f}"
    link = LinkSessionForm()
    link.session_choices = exports.linkable_sessions(item)
    link.session_id.choices = [(s.id, label) for s, label in link.session_choices]
    report = actuals.plan_against_actual(item.plan, item.fiscal_year)
    actual = next((r for r in report.rows if r.item.id == item.id), None)
    return render_template(
        "plans/item.html",
        item=item,
        progress=progress,
        link=link,
        actual=actual,
        sessions=exports.linked_sessions(item),
        learning=exports.learning_of(item),
        changes=services.target_changes(item),
        confirm=ConfirmForm(),
        late=services.is_late(item),
    )


@bp.route("/items/<int:item_id>/progress", methods=["POST"])
@officer_required
def progress(item_id: int):
    """Record an item's status, progress note and budget spent."""
    item = db.get_or_404(PlanItem, item_id)
    form = ProgressForm()
    form.status.choices = [(s.value, status_labels()[s]) for s in ItemStatus]
    if form.validate_on_submit():
        with flashed() as outcome:
            services.record_progress(
                item,
                status=form.status.data,
                progress_note=form.progress_note.data or "",
                spent=services.parse_money(form.spent.data),
            )
        if outcome.ok:
            flash(_("The progress has been saved."), "success")
    return redirect(url_for("plans.item", item_id=item.id))


@bp.route("/items/<int:item_id>/sessions", methods=["POST"])
@officer_required
def link_session(item_id: int):
    """Count a training session toward the item."""
    item = db.get_or_404(PlanItem, item_id)
    form = LinkSessionForm()
    if form.validate_on_submit():
        with flashed() as outcome:
            services.link_session(item, form.session_id.data or 0)
        if outcome.ok:
            flash(_("The session now counts toward this item."), "success")
    return redirect(url_for("plans.item", item_id=item.id))


@bp.route("/items/<int:item_id>/sessions/<int:session_id>/unlink", methods=["POST"])
@officer_required
def unlink_session(item_id: int, session_id: int):
    """Stop counting a session toward the item."""
    item = db.get_or_404(PlanItem, item_id)
    if ConfirmForm().validate_on_submit():
        services.unlink_session(item, session_id)
        flash(_("The session no longer counts toward this item."), "info")
    return redirect(url_for("plans.item", item_id=item.id))


def _report_args():
    fy = fiscal_year_arg()
    period = request.args.get("period", Period.WHOLE_YEAR)
    if period not in set(Period):
        period = Period.WHOLE_YEAR
    plan_id = id_arg("plan")
    plan = db.session.get(Plan, plan_id) if plan_id else services.plan_in_force(fy)
    return fy, period, plan


@bp.route("/report")
@officer_required
def report():
    """Plan against actual for a fiscal year, for the first six months or the whole year."""
    fy, period, plan = _report_args()
    return render_template(
        "plans/report.html",
        report=actuals.plan_against_actual(plan, fy, period),
        plans=services.plans(),
    )


@bp.route("/report.xlsx")
@officer_required
def report_xlsx():
    """Download plan against actual as XLSX."""
    fy, period, plan = _report_args()
    data = exports.report_xlsx(actuals.plan_against_actual(plan, fy, period), locale=current_locale())
    return download(data, f"hr-plan-{fy}-{period}.xlsx")
