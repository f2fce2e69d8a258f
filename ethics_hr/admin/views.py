"""The administrator's screens: the first-run checklist, organisation settings and the audit log."""

from __future__ import annotations

from datetime import date

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ethics_hr.admin import setup
from ethics_hr.admin.forms import (
    AuditFilterForm,
    SettingsForm,
    SetupCalendarForm,
    SetupDepartmentForm,
    SetupLogoForm,
    SetupNameForm,
)
from ethics_hr.core import audit as audit_log
from ethics_hr.core.access import PERSONNEL, admin_required
from ethics_hr.core.args import page_arg
from ethics_hr.core.audit import entity_types, entries_query, verify_chain
from ethics_hr.core.errors import shown_on
from ethics_hr.core.exports import download
from ethics_hr.core.formatting import current_locale
from ethics_hr.core.forms import ConfirmForm
from ethics_hr.core.settings import (
    SETTABLE,
    confirm_setup_step,
    get_settings,
    remove_logo,
    save_settings,
    set_logo,
)
from ethics_hr.extensions import db
from ethics_hr.notifications.admin import ADMIN_LINKS as NOTIFICATION_LINKS
from ethics_hr.people import anchors as _anchors  # noqa: F401  (its notification kind, for the outbox labels)
from ethics_hr.people import services as people
from ethics_hr.people.forms import PersonForm

bp = Blueprint("admin", __name__, url_prefix="/admin")

# Each domain's administration pages on the admin index, as (endpoint, label).
ADMIN_LINKS: list[tuple[str, str]] = [*NOTIFICATION_LINKS]


@bp.route("/")
@admin_required
def index():
    """Show the administrator's menu."""
    return render_template("admin/index.html", admin_links=ADMIN_LINKS, setup_left=setup.steps_left())


@bp.route("/setup")
@admin_required
def setup_checklist():
    """Show the first-run steps, the ones done ticked, each a link to its page."""
    steps = setup.setup_steps()
    return render_template("admin/setup/index.html", steps=steps, left=setup.steps_left(steps))


def _next_step():
    return redirect(url_for(setup.next_step_endpoint()))


@bp.route("/setup/name", methods=["GET", "POST"])
@admin_required
def setup_name():
    """Set the organisation's name in Thai and English."""
    settings = get_settings()
    form = SetupNameForm(obj=settings)
    if form.validate_on_submit():
        save_settings(name_th=form.name_th.data, name_en=form.name_en.data or "")
        flash(_("The organisation's name has been saved."), "success")
        return _next_step()
    return render_template("admin/setup/name.html", form=form)


@bp.route("/setup/logo", methods=["GET", "POST"])
@admin_required
def setup_logo():
    """Upload the organisation's logo, or skip the step."""
    form = SetupLogoForm()
    if form.validate_on_submit():
        with shown_on(form) as outcome:
            set_logo(form.logo.data, by_id=current_user.id)
        if outcome.ok:
            flash(_("The logo has been saved."), "success")
            return _next_step()
    return render_template("admin/setup/logo.html", form=form)


@bp.route("/setup/logo/skip", methods=["POST"])
@admin_required
def setup_logo_skip():
    """Go on without a logo (one can be added later)."""
    if not ConfirmForm().validate_on_submit():
        abort(400)
    confirm_setup_step(setup.LOGO)
    return _next_step()


@bp.route("/setup/logo/remove", methods=["POST"])
@admin_required
def setup_logo_remove():
    """Stop showing the logo."""
    if not ConfirmForm().validate_on_submit():
        abort(400)
    remove_logo()
    flash(_("The logo has been removed."), "success")
    return redirect(url_for("admin.setup_logo"))


@bp.route("/setup/calendar", methods=["GET", "POST"])
@admin_required
def setup_calendar():
    """Confirm the fiscal year's first month, the time zone, the language and Thai numerals."""
    form = SetupCalendarForm(obj=get_settings())
    if form.validate_on_submit():
        save_settings(
            fiscal_year_start_month=form.fiscal_year_start_month.data,
            timezone=form.timezone.data,
            default_locale=form.default_locale.data,
            thai_numerals_in_documents=form.thai_numerals_in_documents.data,
        )
        confirm_setup_step(setup.CALENDAR)
        flash(_("The settings have been saved."), "success")
        return _next_step()
    return render_template("admin/setup/calendar.html", form=form)


@bp.route("/setup/departments", methods=["GET", "POST"])
@admin_required
def setup_departments():
    """Add the first departments, one after another, and see those already there."""
    form = SetupDepartmentForm()
    if form.validate_on_submit():
        with shown_on(form) as outcome:
            department = people.save_department(
                None,
                code=form.code.data,
                name_th=form.name_th.data,
                name_en=form.name_en.data or "",
                active=True,
            )
        if outcome.ok:
            flash(_("%(name)s has been added.", name=department.name(current_locale())), "success")
            return redirect(url_for("admin.setup_departments"))
    return render_template(
        "admin/setup/departments.html",
        form=form,
        departments=people.active_departments(),
        next_url=url_for(setup.next_step_endpoint()),
    )


@bp.route("/setup/officer", methods=["GET", "POST"])
@admin_required
def setup_officer():
    """Add the first personnel officer: a person with an account and the personnel officer role."""
    form = _officer_form()
    if form.validate_on_submit():
        with shown_on(form) as outcome:
            issued = people.add_person_with_account(
                form.data, by=current_user._get_current_object(), roles=(PERSONNEL,)
            )
        if outcome.ok:
            return render_template(
                "people/slips.html",
                slips=[issued],
                back_url=url_for(setup.next_step_endpoint()),
                back_label=_("Continue the first-run steps"),
            )
    return render_template("admin/setup/officer.html", form=form)


def _officer_form() -> PersonForm:
    form = PersonForm()
    locale = current_locale()
    form.staff_category_id.choices = [(None, "—")] + [
        (c.id, c.name(locale)) for c in people.staff_categories()
    ]
    form.department_id.choices = [(None, _("No department"))] + [
        (d.id, f"{d.code} · {d.name(locale)}") for d in people.active_departments()
    ]
    return form


@bp.route("/settings", methods=["GET", "POST"])
@admin_required
def settings():
    """Change the organisation's settings."""
    form = SettingsForm(obj=get_settings())
    if form.validate_on_submit():
        save_settings(**({key: form[key].data for key in SETTABLE} | {"name_en": form.name_en.data or ""}))
        flash(_("The settings have been saved."), "success")
        return redirect(url_for("admin.settings"))
    return render_template("admin/settings.html", form=form)


@bp.route("/audit")
@admin_required
def audit():
    """Browse the audit log with filters: who, what, when."""
    form = AuditFilterForm(request.args)
    filters = {}
    if form.validate():
        filters = {"who": form.who.data, "entity_type": form.what.data, "entity_id": form.entity_id.data}
    query = entries_query(
        **filters, start=_parse_day(request.args.get("from")), end=_parse_day(request.args.get("to"))
    )
    page = db.paginate(query, page=page_arg(), per_page=current_app.config["PER_PAGE"], error_out=False)
    return render_template(
        "admin/audit.html",
        page=page,
        form=form,
        types=sorted(((t, audit_log.record_type_label(t)) for t in entity_types()), key=lambda t: t[1]),
        record_type_label=audit_log.record_type_label,
        action_label=audit_log.action_label,
        actor_name=audit_log.actor_name,
        field_label=audit_log.field_label,
        change_value_text=audit_log.change_value_text,
        when_text=audit_log.when_text,
        anchor=audit_log.latest_anchor(),
        start=request.args.get("from", ""),
        end=request.args.get("to", ""),
    )


@bp.route("/audit/anchors.txt")
@admin_required
def audit_anchors():
    """The anchor file: every day's head of the chain, to keep outside the database."""
    text = audit_log.anchor_file_text(audit_log.stored_anchors())
    return download(text.encode("utf-8"), "audit-anchors.txt")


@bp.route("/audit/verify", methods=["POST"])
@admin_required
def audit_verify():
    """Check the audit chain and say whether it is intact."""
    if ConfirmForm().validate_on_submit():
        result = verify_chain()
        if result.ok:
            flash(_("The audit log is intact: %(n)d entries checked.", n=result.checked), "success")
        else:
            flash(
                _("The audit log has been tampered with at entry %(id)s.", id=result.first_bad_id), "danger"
            )
    return redirect(url_for("admin.audit"))


def _parse_day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None
