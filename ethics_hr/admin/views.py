"""The administrator's screens: organisation settings and the audit log."""

from __future__ import annotations

from datetime import date

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from ethics_hr.admin.forms import AuditFilterForm, SettingsForm
from ethics_hr.core import audit as audit_log
from ethics_hr.core.access import admin_required
from ethics_hr.core.args import page_arg
from ethics_hr.core.audit import entity_types, entries_query, verify_chain
from ethics_hr.core.forms import ConfirmForm
from ethics_hr.core.settings import SETTABLE, get_settings, save_settings
from ethics_hr.extensions import db
from ethics_hr.notifications.admin import ADMIN_LINKS as NOTIFICATION_LINKS

bp = Blueprint("admin", __name__, url_prefix="/admin")

# Each domain's administration pages on the admin index, as (endpoint, label).
ADMIN_LINKS: list[tuple[str, str]] = [*NOTIFICATION_LINKS]


@bp.route("/")
@admin_required
def index():
    """Show the administrator's menu."""
    return render_template("admin/index.html", admin_links=ADMIN_LINKS)


@bp.route("/settings", methods=["GET", "POST"])
@admin_required
def settings():
    """Change the organisation's settings."""
    form = SettingsForm(obj=get_settings())
    if form.validate_on_submit():
        save_settings(**{key: form[key].data for key in SETTABLE})
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
        value_text=audit_log.value_text,
        when_text=audit_log.when_text,
        start=request.args.get("from", ""),
        end=request.args.get("to", ""),
    )


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
