"""What every employee sees: the codes that apply to them, Dos & Don'ts, what changed, and acknowledging."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ethics_hr.codes import acknowledgments as acks
from ethics_hr.codes import quiz as quizzes
from ethics_hr.codes import services
from ethics_hr.codes.audience import due_again_on
from ethics_hr.codes.diff import version_diff
from ethics_hr.codes.forms import AcknowledgeForm
from ethics_hr.codes.models import CodeVersion
from ethics_hr.codes.views.common import bp, me, readable_version
from ethics_hr.core.access import client_address, login_required, officer_required
from ethics_hr.core.args import id_arg
from ethics_hr.core.errors import shown_on
from ethics_hr.core.settings import get_settings
from ethics_hr.core.uploads import send_stored
from ethics_hr.extensions import db
from ethics_hr.people.services import LoginThrottled


@bp.route("/")
@login_required
def index():
    """List the codes of ethics that apply to the user, and whether they have acknowledged each."""
    return render_template("codes/index.html", items=acks.versions_for(current_user.person))


@bp.route("/dos-and-donts")
@login_required
def dos_donts():
    """Show the Dos & Don'ts of every code that applies to the user."""
    return render_template("codes/dos_donts.html", items=acks.versions_for(current_user.person))


@bp.route("/versions/<int:version_id>")
@login_required
def version(version_id: int):
    """Read a version of a code, with its Dos & Don'ts and the user's acknowledgment."""
    version = readable_version(version_id)
    person = current_user.person
    latest = acks.acknowledgment_of(person, version)
    acknowledgment = latest if acks.is_current(version, latest) else None
    pending = (
        acknowledgment is None and version.is_published and person.active and acks.applies_to(version, person)
    )
    expired = latest if pending and latest is not None else None  # acknowledged once, due again now
    return render_template(
        "codes/version.html",
        version=version,
        acknowledgment=acknowledgment,
        pending=pending,
        expired=expired,
        due=(due_again_on(version, expired) if expired else acks.personal_due_date(version, person))
        if pending
        else None,
        previous=services.previous_version(version) if version.was_published else None,
    )


@bp.route("/versions/<int:version_id>/acknowledge", methods=["GET", "POST"])
@login_required
def acknowledge(version_id: int):
    """Read a version and acknowledge it: tick the statement, confirm with the password."""
    version = db.get_or_404(CodeVersion, version_id)
    person = current_user.person
    if not version.is_published or not acks.applies_to(version, person):
        abort(404)
    existing = acks.current_acknowledgment_of(person, version)
    if existing is not None:
        flash(_("You have already acknowledged this version."), "info")
        return redirect(url_for("codes.receipt", acknowledgment_id=existing.id))
    form = AcknowledgeForm()
    status = 200
    if form.validate_on_submit():
        try:
            with shown_on(form) as outcome:
                row, _created = acks.acknowledge(
                    version,
                    me(),
                    agreed=form.agree.data,
                    password=form.password.data,
                    address=client_address(),
                )
        except acks.NotApplicable:
            abort(404)
        except LoginThrottled:
            form.form_errors.append(
                _("Too many failed attempts. Wait 15 minutes, or ask the personnel office.")
            )
            status = 429
        else:
            if outcome.ok:
                flash(_("Thank you. Your acknowledgment has been recorded."), "success")
                return redirect(url_for("codes.receipt", acknowledgment_id=row.id))
    obligation = next((o for o in acks.pending_for(person) if o.version.id == version.id), None)
    return (
        render_template(
            "codes/acknowledge.html",
            version=version,
            form=form,
            needs_password=get_settings().acknowledgment_requires_password,
            obligation=obligation,
            quiz_needed=quizzes.blocks_acknowledgment(version, person),
            quiz_passed=quizzes.passed(version, person) if version.quiz else None,
        ),
        status,
    )


@bp.route("/versions/<int:version_id>/changes")
@login_required
def changes(version_id: int):
    """Show what changed in a version since an earlier one of the same code (the previous one by default)."""
    new = readable_version(version_id)
    since = id_arg("since")
    old = db.session.get(CodeVersion, since) if since is not None else services.previous_version(new)
    if old is None or old.code_id != new.code_id or old.number >= new.number or not old.was_published:
        abort(404)
    if not acks.can_read(current_user, old):
        abort(404)
    return render_template("codes/changes.html", diff=version_diff(old, new))


@bp.route("/versions/<int:version_id>/announcement")
@login_required
def announcement(version_id: int):
    """Send the version's official announcement (PDF) to those who may read the version."""
    version = readable_version(version_id)
    if version.announcement is None:
        abort(404)
    return send_stored(version.announcement)


@bp.route("/acknowledgments/<int:acknowledgment_id>")
@login_required
def receipt(acknowledgment_id: int):
    """Show one acknowledgment as recorded: one's own, or anyone's for the personnel office."""
    row = acks.acknowledgment_for(current_user, acknowledgment_id)
    if row is None:
        abort(404)
    return render_template("codes/receipt.html", ack=row)


@bp.route("/acknowledgments/<int:acknowledgment_id>/scan")
@officer_required
def scan(acknowledgment_id: int):
    """Send the scanned paper form of an acknowledgment recorded on someone's behalf."""
    row = acks.acknowledgment_for(current_user, acknowledgment_id)
    if row is None or row.attachment is None:
        abort(404)
    return send_stored(row.attachment)
