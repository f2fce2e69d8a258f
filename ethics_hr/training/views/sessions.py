"""Sessions: the list, scheduling, invitations, cancelling, the check-in screen, the sign-in sheet."""

from __future__ import annotations

import re
from datetime import timedelta

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_login import current_user

from ethics_hr.core.access import login_required, officer_required
from ethics_hr.core.args import fiscal_year_arg, fiscal_year_choices, id_arg, page_arg
from ethics_hr.core.errors import flashed, shown_on
from ethics_hr.core.exports import download
from ethics_hr.core.formatting import current_locale
from ethics_hr.core.forms import ConfirmForm
from ethics_hr.core.timeutil import to_local
from ethics_hr.extensions import db
from ethics_hr.training import attendance, calendar, checkin, services
from ethics_hr.training.forms import CancelSessionForm, InviteForm, SessionForm, WalkInForm
from ethics_hr.training.models import RegistrationState, TrainingSession
from ethics_hr.training.views.common import bp

ROSTER_PAGE = 50


@bp.route("/")
@login_required
def index():
    """Send officers to the sessions and everyone else to their own training."""
    if current_user.is_officer:
        return redirect(url_for("training.sessions"))
    return redirect(url_for("training.my"))


@bp.route("/sessions")
@officer_required
def sessions():
    """List sessions of a fiscal year, filtered by status and course."""
    fy = fiscal_year_arg()
    status = request.args.get("status", "")
    course_id = id_arg("course")
    query = services.sessions_query(fy=fy, status=status, course_id=course_id)
    page = db.paginate(query, page=page_arg(), per_page=current_app.config["PER_PAGE"], error_out=False)
    return render_template(
        "training/sessions.html",
        page=page,
        fy=fy,
        fys=fiscal_year_choices(),
        status=status,
        course_id=course_id,
        courses=services.courses(),
        counts=services.registration_counts([s.id for s in page.items]),
    )


def _session_form(s: TrainingSession | None = None) -> SessionForm:
    if s is not None and request.method == "GET":
        start, end = to_local(s.starts_at), to_local(s.ends_at)
        deadline = to_local(s.registration_deadline) if s.registration_deadline else None
        form = SessionForm(
            obj=s,
            day=start.date(),
            start_time=start.time(),
            end_time=end.time(),
            registration_deadline=_deadline_day(deadline, s),
        )
    else:
        form = SessionForm(course_id=id_arg("course"))
    form.course_id.choices = [(None, "—")] + [
        (c.id, f"{c.code} · {c.title(current_locale())}")
        for c in services.courses()
        if c.active or (s is not None and s.course_id == c.id)
    ]
    return form


def _deadline_day(deadline, s: TrainingSession):
    if deadline is None:
        return None
    # Stored as the end of the deadline day (local midnight after it), or the start if that came first.
    if s.registration_deadline == s.starts_at:
        return deadline.date()
    return (deadline - timedelta(seconds=1)).date()


def _input(form: SessionForm) -> services.SessionInput:
    return services.SessionInput(
        course_id=form.course_id.data,
        day=form.day.data,
        start=form.start_time.data,
        end=form.end_time.data,
        capacity=form.capacity.data,
        place=form.place.data or "",
        online_url=form.online_url.data or "",
        speakers=form.speakers.data or "",
        deadline=form.registration_deadline.data,
        mandatory=form.mandatory.data,
        status=form.status.data,
        hours=form.hours.data,
        notes=form.notes.data or "",
        evaluation=form.evaluation.data,
        repeat_count=form.repeat_count.data or 1,
        repeat_every_days=form.repeat_every_days.data or 7,
    )


@bp.route("/sessions/new", methods=["GET", "POST"])
@officer_required
def session_new():
    """Schedule a session, or a series of the same session on several days."""
    form = _session_form()
    if form.validate_on_submit():
        with shown_on(form) as outcome:
            created = services.create_sessions(_input(form))
        if outcome.ok:
            flash(_("%(n)d session(s) scheduled. Now invite people.", n=len(created)), "success")
            return redirect(url_for("training.invite", session_id=created[0].id))
    return render_template("training/session_form.html", form=form, s=None)


@bp.route("/sessions/<int:session_id>/edit", methods=["GET", "POST"])
@officer_required
def session_edit(session_id: int):
    """Change a session: time, place, seats, status."""
    s = db.get_or_404(TrainingSession, session_id)
    if s.is_cancelled:
        flash(_("A cancelled session cannot be changed."), "warning")
        return redirect(url_for("training.session", session_id=s.id))
    form = _session_form(s)
    if form.validate_on_submit():
        with shown_on(form) as outcome:
            services.update_session(s, _input(form))
        if outcome.ok:
            flash(_("The changes have been saved."), "success")
            return redirect(url_for("training.session", session_id=s.id))
    return render_template("training/session_form.html", form=form, s=s)


@bp.route("/sessions/<int:session_id>")
@officer_required
def session(session_id: int):
    """Show a session with its roster, each person's current attendance, and the bulk marking form."""
    s = db.get_or_404(TrainingSession, session_id)
    state = request.args.get("state", RegistrationState.ENROLLED)
    state = state if state in set(RegistrationState) else RegistrationState.ENROLLED
    page = db.paginate(
        services.roster_query(s.id, states=(state,)), page=page_arg(), per_page=ROSTER_PAGE, error_out=False
    )
    person_ids = [r.person_id for r in page.items]
    walk_in = WalkInForm()
    statuses = services.attendance_statuses()
    walk_in.status.choices = [(st.code, st.name(current_locale())) for st in statuses]
    return render_template(
        "training/session.html",
        s=s,
        state=state,
        page=page,
        current=attendance.current_for(s.id, person_ids),
        counts=services.registration_counts([s.id])[s.id],
        attended=attendance.attended_count(s.id),
        statuses=statuses,
        status_options=[(st.id, st.code, st.name(current_locale())) for st in statuses],
        confirm=ConfirmForm(),
        walk_in=walk_in,
        cancel_form=CancelSessionForm(),
    )


@bp.route("/sessions/<int:session_id>/invite", methods=["GET", "POST"])
@officer_required
def invite(session_id: int):
    """Invite whole departments, staff categories or individuals to a session."""
    s = db.get_or_404(TrainingSession, session_id)
    form = InviteForm()
    form.department_ids.choices = [(d.id, d.name(current_locale())) for d in services.invitable_departments()]
    form.category_ids.choices = [(c.id, c.name(current_locale())) for c in services.invitable_categories()]
    if form.validate_on_submit():
        with shown_on(form) as outcome:
            result = services.invite(
                s,
                department_ids=form.department_ids.data or [],
                category_ids=form.category_ids.data or [],
                employee_numbers=re.split(r"[\s,;]+", form.employee_numbers.data or ""),
            )
        if outcome.ok:
            flash(
                _(
                    "%(n)d people invited (%(already)d were already on the list); %(enrolled)d given a seat, "
                    "%(waiting)d on the waiting list.",
                    n=result.invited,
                    already=result.already,
                    enrolled=result.enrolled,
                    waiting=result.waitlisted,
                ),
                "success",
            )
            return redirect(url_for("training.session", session_id=s.id))
    return render_template("training/invite.html", form=form, s=s)


@bp.route("/sessions/<int:session_id>/cancel", methods=["POST"])
@officer_required
def session_cancel(session_id: int):
    """Cancel a session; its roster is kept and those on it are told."""
    s = db.get_or_404(TrainingSession, session_id)
    form = CancelSessionForm()
    if not form.validate_on_submit():
        flash(form.reason.errors[0] if form.reason.errors else _("Give a reason."), "danger")
        return redirect(url_for("training.session", session_id=s.id))
    with flashed() as outcome:
        told = services.cancel_session(s, reason=form.reason.data)
    if outcome.ok:
        flash(_("The session has been cancelled; %(n)d people will be told.", n=told), "success")
    return redirect(url_for("training.session", session_id=s.id))


@bp.route("/sessions/<int:session_id>/checkin-screen")
@officer_required
def checkin_screen(session_id: int):
    """Show the check-in code and its QR code big enough for the room's screen."""
    s = db.get_or_404(TrainingSession, session_id)
    url = checkin.checkin_url(s.checkin_code)
    return render_template(
        "training/checkin_screen.html",
        s=s,
        entry=checkin.checkin_url(),
        qr=checkin.qr_svg(url),
        window=s.checkin_window,
    )


@bp.route("/sessions/<int:session_id>/sign-in-sheet")
@officer_required
def sign_in_sheet(session_id: int):
    """Print the sign-in sheet of a session, in Thai, A4, with a signature column."""
    s = db.get_or_404(TrainingSession, session_id)
    regs = db.session.scalars(services.roster_query(s.id)).all()
    with force_locale("th"):
        html = render_template("training/sign_in_sheet.html", s=s, regs=regs, blank_rows=5, locale="th")
    return html


@bp.route("/sessions/<int:session_id>.ics")
@login_required
def session_ics(session_id: int):
    """Download one session as a calendar file (for officers and people invited to it)."""
    s = db.get_or_404(TrainingSession, session_id)
    if not current_user.is_officer and services.registration_of(s.id, current_user.person_id) is None:
        abort(404)
    return download(calendar.session_bytes(s, current_locale()), f"training-session-{s.id}.ics")


@bp.route("/sessions/<int:session_id>/complete", methods=["POST"])
@officer_required
def session_complete(session_id: int):
    """Mark a session that has taken place as completed."""
    s = db.get_or_404(TrainingSession, session_id)
    if ConfirmForm().validate_on_submit():
        with flashed() as outcome:
            services.complete_session(s)
        if outcome.ok:
            flash(_("The session is marked as completed."), "success")
    return redirect(url_for("training.session", session_id=s.id))
