"""A person's notices and notification choices; the administrator's kinds, mail server and outbox."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, current_app, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ethics_hr.core.access import admin_required, is_safe_next, login_required
from ethics_hr.core.args import page_arg
from ethics_hr.core.errors import flashed, shown_on
from ethics_hr.core.forms import ConfirmForm
from ethics_hr.core.locale import current_locale
from ethics_hr.extensions import db
from ethics_hr.notifications import admin, notices, registry
from ethics_hr.notifications import kinds as _builtin_kinds  # noqa: F401  (registers the welcome notice)
from ethics_hr.notifications.forms import KindSettingsForm, OutboxFilterForm, SmtpSettingsForm, parse_days
from ethics_hr.notifications.models import OutboxMessage

bp = Blueprint("notifications", __name__)


@bp.app_context_processor
def bell() -> dict[str, Any]:
    """Offer the bell its unread count, computed only when the bell is drawn."""

    def unread_notices() -> int:
        if not current_user or not current_user.is_authenticated:
            return 0
        if "unread_notices" not in g:  # the phone and the desktop bell share one query
            g.unread_notices = notices.unread_count(current_user.id)
        return g.unread_notices

    return {"unread_notices": unread_notices}


@bp.route("/notifications/")
@login_required
def index():
    """List my notices, newest first."""
    unread_only = request.args.get("show") == "unread"
    query = notices.notices_query(current_user.id, unread_only=unread_only)
    page = db.paginate(query, page=page_arg(), per_page=current_app.config["PER_PAGE"], error_out=False)
    return render_template("notifications/index.html", page=page, unread_only=unread_only, form=ConfirmForm())


@bp.route("/notifications/<int:notice_id>/read", methods=["POST"])
@login_required
def read(notice_id: int):
    """Mark one of my notices as read, and open what it points to when asked."""
    notice = notices.notice_of(current_user.id, notice_id)
    if notice is None:
        abort(404)
    if ConfirmForm().validate_on_submit():
        notices.mark_read(notice)
        if request.form.get("open") and is_safe_next(notice.link):
            return redirect(notice.link)
    return redirect(url_for("notifications.index"))


@bp.route("/notifications/read-all", methods=["POST"])
@login_required
def read_all():
    """Mark all my notices as read."""
    if ConfirmForm().validate_on_submit():
        count = notices.mark_all_read(current_user.id)
        flash(_("%(n)d notices marked as read.", n=count), "success")
    return redirect(url_for("notifications.index"))


@bp.route("/notifications/preferences", methods=["GET", "POST"])
@login_required
def preferences():
    """Choose which optional notifications I receive."""
    form = ConfirmForm()
    if form.validate_on_submit():
        wanted = set(request.form.getlist("kind")) & set(registry.KINDS)
        registry.set_opt_outs(current_user.id, wanted)
        flash(_("Your choices have been saved."), "success")
        return redirect(url_for("notifications.preferences"))
    kinds = [s for s in registry.all_kind_settings() if s.enabled]
    return render_template(
        "notifications/preferences.html",
        kinds=kinds,
        off=registry.opted_out_kinds(current_user.id),
        form=form,
    )


@bp.route("/admin/notifications/")
@admin_required
def kind_list():
    """List the kinds of notification with the settings in force."""
    return render_template(
        "notifications/admin/kinds.html", kinds=registry.all_kind_settings(), form=ConfirmForm()
    )


@bp.route("/admin/notifications/kinds/<code>", methods=["GET", "POST"])
@admin_required
def kind_form(code: str):
    """Change whether a kind is on, mandatory, its channels and its timing."""
    if code not in registry.KINDS:
        abort(404)
    current = registry.kind_settings(code)
    form = KindSettingsForm(timing_keys=tuple(current.kind.defaults))
    if request.method == "GET":
        form.enabled.data, form.mandatory.data = current.enabled, current.mandatory
        form.email.data, form.inapp.data = current.email, current.inapp
        form.days_before.data = ", ".join(str(d) for d in current.days_before)
        form.repeat_days.data, form.hour.data = current.repeat_days, current.hour
    if form.validate_on_submit():
        with shown_on(form) as outcome:
            registry.save_kind_settings(
                code,
                enabled=form.enabled.data,
                mandatory=form.mandatory.data,
                email=form.email.data,
                inapp=form.inapp.data,
                days_before=parse_days(form.days_before.data) if form.days_before.data else (),
                repeat_days=form.repeat_days.data,
                hour=form.hour.data,
            )
        if outcome.ok:
            flash(_("The settings have been saved."), "success")
            return redirect(url_for("notifications.kind_list"))
    return render_template("notifications/admin/kind_form.html", form=form, settings=current)


@bp.route("/admin/notifications/kinds/<code>/reset", methods=["POST"])
@admin_required
def kind_reset(code: str):
    """Go back to a kind's default settings."""
    if code not in registry.KINDS:
        abort(404)
    if ConfirmForm().validate_on_submit():
        registry.reset_kind_settings(code)
        flash(_("The default settings are back."), "success")
    return redirect(url_for("notifications.kind_list"))


@bp.route("/admin/notifications/smtp", methods=["GET", "POST"])
@admin_required
def smtp():
    """Change the outgoing mail server."""
    stored = admin.smtp_settings()
    form = SmtpSettingsForm(obj=stored)
    if form.validate_on_submit():
        admin.save_smtp_settings(
            host=form.host.data or "",
            port=form.port.data,
            username=form.username.data or "",
            password=form.password.data or None,
            clear_password=form.clear_password.data,
            security=form.security.data,
            sender_address=form.sender.data,
        )
        flash(_("The mail settings have been saved."), "success")
        return redirect(url_for("notifications.smtp"))
    return render_template(
        "notifications/admin/smtp.html",
        form=form,
        has_password=bool(stored.password),
        test_form=ConfirmForm(),
    )


@bp.route("/admin/notifications/smtp/test", methods=["POST"])
@admin_required
def smtp_test():
    """Send a test email to me now and say whether it went."""
    if ConfirmForm().validate_on_submit():
        with flashed() as outcome:
            message = admin.send_test_email(
                user_id=current_user.id, email=current_user.person.email, locale=current_locale()
            )
        if outcome.ok:
            if message.is_sent:
                flash(_("The test email was sent to %(email)s.", email=message.email), "success")
            else:
                flash(_("The test email could not be sent: %(error)s", error=message.last_error), "danger")
    return redirect(url_for("notifications.smtp"))


@bp.route("/admin/notifications/outbox")
@admin_required
def outbox():
    """Show the outbox: pending, sent and failed messages, by status and kind."""
    form = OutboxFilterForm(request.args)
    status = form.status.data if form.validate() else None
    kind = form.kind.data if not form.kind.errors else None
    page = db.paginate(
        admin.outbox_query(status=status, kind=kind),
        page=page_arg(),
        per_page=current_app.config["PER_PAGE"],
        error_out=False,
    )
    return render_template(
        "notifications/admin/outbox.html",
        page=page,
        form=form,
        counts=admin.outbox_counts(),
        kinds=sorted(((k, admin.outbox_kind_label(k)) for k in admin.outbox_kinds()), key=lambda k: k[1]),
        kind_label=admin.outbox_kind_label,
        targets=admin.outbox_target_labels([m.target for m in page.items]),
        mail_configured=admin.sender.mail_config().configured,
        resend_form=ConfirmForm(),
    )


@bp.route("/admin/notifications/outbox/<int:message_id>")
@admin_required
def outbox_message(message_id: int):
    """Show one outbox message with its text and its last error."""
    message = db.get_or_404(OutboxMessage, message_id)
    return render_template(
        "notifications/admin/message.html",
        message=message,
        resend_form=ConfirmForm(),
        kind_label=admin.outbox_kind_label,
        targets=admin.outbox_target_labels([message.target]),
    )


@bp.route("/admin/notifications/outbox/<int:message_id>/resend", methods=["POST"])
@admin_required
def resend(message_id: int):
    """Put a failed message back in the queue."""
    db.get_or_404(OutboxMessage, message_id)
    if ConfirmForm().validate_on_submit():
        if admin.resend(message_id):
            flash(_("The message will be sent again."), "success")
        else:
            flash(_("Only a failed message can be sent again."), "warning")
    back = request.form.get("next")
    return redirect(back if is_safe_next(back) else url_for("notifications.outbox"))
