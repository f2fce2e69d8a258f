"""What each person does: their sessions and record, enrolment, check-in, their calendar feed."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ethics_hr.core.access import client_address, login_required, public
from ethics_hr.core.args import fiscal_year_arg, fiscal_year_choices
from ethics_hr.core.errors import flashed, shown_on
from ethics_hr.core.exports import download
from ethics_hr.core.formatting import current_locale
from ethics_hr.core.forms import ConfirmForm
from ethics_hr.core.models import utc_now
from ethics_hr.extensions import db, limiter
from ethics_hr.training import assessments, calendar, checkin, enrolment, evaluations, reports, services
from ethics_hr.training.forms import CheckInForm
from ethics_hr.training.models import TrainingSession
from ethics_hr.training.views.common import bp


def _me():
    return current_user.person


@bp.route("/my")
@login_required
def my():
    """Show the user's own training record for a fiscal year."""
    fy = fiscal_year_arg()
    person = _me()
    lines = reports.person_record(person.id, fy)
    hours = reports.hours_for(fy, [person.id])[person.id]
    return render_template(
        "training/my.html",
        person=person,
        fy=fy,
        fys=fiscal_year_choices(),
        lines=lines,
        hours=hours,
        required=reports.required_hours(),
    )


@bp.route("/my/sessions/<int:session_id>")
@login_required
def my_session(session_id: int):
    """Show a session the user is invited to, with what they can do: enrol, wait, withdraw, check in."""
    s = db.get_or_404(TrainingSession, session_id)
    reg = services.registration_of(s.id, _me().id)
    if reg is None and not current_user.is_officer:
        abort(404)
    person_id = _me().id
    tests = {
        t.phase: (t, assessments.why_not(s, t.phase, person_id), assessments.attempts(s, t.phase, person_id))
        for t in s.tests
        if t.items
    }
    return render_template(
        "training/my_session.html",
        s=s,
        reg=reg,
        actions=s.actions_for(reg.state if reg else None, utc_now()),
        confirm=ConfirmForm(),
        tests=tests,
        evaluation_closed=evaluations.why_not(s, person_id) if s.evaluated else None,
        evaluated=s.evaluated and evaluations.has_evaluated(s, person_id),
        attended=assessments.attended(s, person_id),
        certificate=assessments.certificate_of(s, person_id),
    )


def _seat_action(session_id: int, action, done: str):
    s = db.get_or_404(TrainingSession, session_id)
    if services.registration_of(s.id, _me().id) is None:
        abort(404)
    if not ConfirmForm().validate_on_submit():
        flash(_("The form has expired. Please try again."), "warning")
    else:
        with flashed() as outcome:  # a full session and every other broken rule: a warning
            action(s, _me())
        if outcome.ok:
            flash(done, "success")
    target = request.form.get("next", "")
    if target == "home":
        return redirect(url_for("home.index"))
    return redirect(url_for("training.my_session", session_id=session_id))


@bp.route("/my/sessions/<int:session_id>/enrol", methods=["POST"])
@login_required
def enrol(session_id: int):
    """Take a seat in a session the user is invited to."""
    return _seat_action(session_id, enrolment.enrol, _("You are enrolled. A seat is kept for you."))


@bp.route("/my/sessions/<int:session_id>/waitlist", methods=["POST"])
@login_required
def waitlist(session_id: int):
    """Join the waiting list of a full session."""
    return _seat_action(
        session_id,
        enrolment.join_waitlist,
        _("You are on the waiting list. We will tell you when a seat frees."),
    )


@bp.route("/my/sessions/<int:session_id>/withdraw", methods=["POST"])
@login_required
def withdraw(session_id: int):
    """Give up a seat or a place on the waiting list."""
    return _seat_action(session_id, enrolment.withdraw, _("You have withdrawn from this session."))


@bp.route("/checkin", methods=["GET", "POST"])
@login_required
# Counted per account, not per address: a whole room checks in through the office's one Wi-Fi address.
@limiter.limit("30 per 10 minutes", methods=["POST"], key_func=lambda: f"checkin:{current_user.get_id()}")
def checkin_form():
    """Check in to a session with the code shown in the room."""
    form = CheckInForm()
    offer_seat = False
    if form.validate_on_submit():
        try:
            with shown_on(form) as outcome:
                s, _row = checkin.check_in(
                    form.code.data,
                    _me(),
                    by_user_id=current_user.id,
                    enrol=bool(form.enrol.data),
                    address=client_address(),
                )
        except checkin.CheckInThrottled:
            return _throttled(form)
        if outcome.ok:
            flash(
                _("You are checked in to %(title)s. Welcome!", title=s.course.title(current_locale())),
                "success",
            )
            return redirect(url_for("training.my_session", session_id=s.id))
        offer_seat = isinstance(outcome.error, checkin.NotEnrolled) and outcome.error.can_enrol
    return render_template("training/checkin.html", form=form, s=None, offer_seat=offer_seat)


@bp.route("/checkin/<code>", methods=["GET"])
@login_required
def checkin_code(code: str):
    """Open the check-in page from the QR code, with the code filled in (checking in is a button press)."""
    form = CheckInForm(code=checkin.normalise_code(code))
    try:
        s = checkin.look_up(code, person_id=_me().id, address=client_address())
    except checkin.CheckInThrottled:
        return _throttled(form)
    return render_template("training/checkin.html", form=form, s=s)


def _throttled(form: CheckInForm):
    form.form_errors.append(_("Too many wrong codes. Wait 10 minutes, or ask the organiser at the desk."))
    return render_template("training/checkin.html", form=form, s=None), 429


@bp.route("/calendar", methods=["GET"])
@login_required
def calendar_page():
    """Explain the private calendar feed and let the user create, renew or revoke it."""
    token = session.pop("training_feed_token", None)
    return render_template(
        "training/calendar.html",
        has_feed=calendar.has_feed(_me()),
        url=calendar.feed_url(token) if token else None,
        confirm=ConfirmForm(),
    )


@bp.route("/calendar/issue", methods=["POST"])
@login_required
def calendar_issue():
    """Give the user a new private feed address; any old one stops working."""
    if ConfirmForm().validate_on_submit():
        session["training_feed_token"] = calendar.issue_feed(_me())
        flash(_("Your new calendar address is below. Copy it now: it will not be shown again."), "success")
    return redirect(url_for("training.calendar_page"))


@bp.route("/calendar/revoke", methods=["POST"])
@login_required
def calendar_revoke():
    """Stop the user's private feed address from working."""
    if ConfirmForm().validate_on_submit() and calendar.revoke_feed(_me()):
        flash(_("Your calendar address no longer works."), "success")
    return redirect(url_for("training.calendar_page"))


@bp.route("/calendar/<token>.ics")
@public
# Counted per feed: calendar services fetch everyone's feeds from a few shared addresses.
@limiter.limit("120 per hour", key_func=lambda: "feed:" + (request.view_args or {}).get("token", "")[:64])
def calendar_feed(token: str):
    """Serve a person's private calendar feed to their calendar program (the token is the key)."""
    person = calendar.person_for_token(token)
    if person is None:
        abort(404)
    account = person.account
    feed_locale = account.preferred_locale if account and account.preferred_locale else "th"
    body = calendar.calendar_bytes(
        calendar.feed_sessions(person.id),
        name=_("Training: %(name)s", name=person.display_name(feed_locale)),
        locale=feed_locale,
    )
    return download(body, "training.ics", inline=True)
