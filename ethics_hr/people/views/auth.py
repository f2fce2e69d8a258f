"""Logging in and out, activation, forgotten and changed passwords, the language switch."""

from __future__ import annotations

import time

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_user, logout_user

from ethics_hr.core import throttle
from ethics_hr.core.access import client_address, is_safe_next, login_required, public
from ethics_hr.core.errors import shown_on
from ethics_hr.people import devices, services
from ethics_hr.people.forms import ChangePasswordForm, CodeForm, ForgotForm, LoginForm, SetPasswordForm
from ethics_hr.people.mail import request_password_reset

bp = Blueprint("auth", __name__)

# Between the password and the code: who is logging in, on which session version, since when.
PENDING_LOGIN = "two_factor_login"

CODE_LIMIT = "10 per hour"
THROTTLED = _l("Too many failed attempts. Wait 15 minutes, or ask the personnel office.")
# The account's ceiling: filled from many addresses, it holds up to a day, but never for known devices.
ACCOUNT_THROTTLED = _l(
    "Too many failed attempts at this account today. Log in from a device where you have logged in before, "
    "or ask the personnel office."
)


def _this_device() -> devices.KnownDevice | None:
    return devices.read_device(request.cookies.get(devices.COOKIE))


def _remember_device(response, user):
    """Mark this browser as known to the account that just logged in (see people/devices.py)."""
    device = devices.remember_login(_this_device(), user.id)
    response.set_cookie(
        devices.COOKIE,
        devices.device_cookie(device),
        max_age=devices.max_age_seconds(),
        secure=current_app.config["SESSION_COOKIE_SECURE"],
        httponly=True,
        samesite="Lax",
    )
    return response


@bp.route("/login", methods=["GET", "POST"])
@public
def login():
    """Log in with an email or employee number and a password."""
    if current_user.is_authenticated:
        return redirect(url_for("home.index"))
    form = LoginForm()
    if form.validate_on_submit():
        try:
            user = services.authenticate(
                form.login.data, form.password.data, address=client_address(), device=_this_device()
            )
        except services.LoginThrottled as throttled:
            form.form_errors.append(str(ACCOUNT_THROTTLED if throttled.account_wide else THROTTLED))
            return render_template("auth/login.html", form=form), 429
        if user is None:
            form.form_errors.append(_("The login or the password is not correct."))
        elif user.two_factor_enabled:
            return start_second_step(user, request.args.get("next"))
        else:
            return complete_login(user, request.args.get("next"))
    return render_template("auth/login.html", form=form)


def complete_login(user, target: str | None):
    """Log the account in on a fresh session and go where the visitor was heading."""
    locale = session.get("locale")
    session.clear()  # a fresh session at login: nothing carries over from before
    login_user(user)
    if locale and not user.preferred_locale:
        services.set_locale(user, locale)
    return _remember_device(redirect(target if is_safe_next(target) else url_for("home.index")), user)


def start_second_step(user, target: str | None):
    """The password was right: remember who is logging in, for a few minutes, and ask for the code."""
    locale = session.get("locale")
    session.clear()
    if locale:
        session["locale"] = locale
    session[PENDING_LOGIN] = {
        "user": user.id,
        "version": user.session_version,
        "at": int(time.time()),
        "next": target if is_safe_next(target) else None,
    }
    return redirect(url_for("auth.login_code"))


@bp.route("/logout", methods=["POST"])
@login_required
def logout():
    """End this user's sessions, here and on every other device."""
    services.end_sessions(current_user._get_current_object())
    logout_user()
    session.clear()
    flash(_("You have logged out."), "info")
    return redirect(url_for("auth.login"))


@bp.route("/account/password", methods=["GET", "POST"])
@login_required
def change_password():
    """Change one's own password."""
    form = ChangePasswordForm()
    if form.validate_on_submit():
        user = current_user._get_current_object()
        try:
            with shown_on(form) as outcome:
                services.change_password(
                    user, form.current_password.data, form.new_password.data, address=client_address()
                )
        except services.LoginThrottled:
            form.form_errors.append(str(THROTTLED))
            return render_template("auth/change_password.html", form=form), 429
        if outcome.ok:
            login_user(user)  # keep this session, on the new version; the others have ended
            flash(_("Your password has been changed. Other sessions have been logged out."), "success")
            return redirect(url_for("home.index"))
    return render_template("auth/change_password.html", form=form)


@bp.route("/activate/<token>", methods=["GET", "POST"])
@public
def activate(token: str):
    """Set a password from a one-time activation or reset link."""
    row = services.find_token(token)
    if row is None:
        return render_template("auth/token_invalid.html"), 404
    return _set_password(row, "auth.activate", token=token)


@bp.route("/activate", methods=["GET", "POST"])
@public
def activate_with_code():
    """Set a password with the employee number and the short code printed on a slip."""
    form = CodeForm()
    if form.validate_on_submit():
        address = client_address()
        if throttle.is_blocked("activation-code", address, CODE_LIMIT):
            form.form_errors.append(_("Too many wrong codes. Wait an hour, or ask the personnel office."))
            return render_template("auth/activate_code.html", form=form), 429
        row = services.find_token_by_code(form.employee_number.data, form.code.data)
        if row is None:
            throttle.hit("activation-code", address, CODE_LIMIT)
            form.code.errors = [
                _("This code is not valid or has expired. Ask the personnel office for a new one.")
            ]
        else:
            session["activation_token_id"] = row.id
            return redirect(url_for("auth.activate_code_password"))
    return render_template("auth/activate_code.html", form=form)


@bp.route("/activate/password", methods=["GET", "POST"])
@public
def activate_code_password():
    """Choose a password after a valid code was entered."""
    row = services.usable_token(session.get("activation_token_id"))
    if row is None:
        session.pop("activation_token_id", None)
        return redirect(url_for("auth.activate_with_code"))
    return _set_password(row, "auth.activate_code_password")


def _set_password(row, endpoint: str, **values):
    form = SetPasswordForm()
    if form.validate_on_submit():
        with shown_on(form) as outcome:
            user = services.redeem_token(row, form.password.data)
        if outcome.ok:
            session.clear()
            login_user(user)
            flash(_("Your password is set. Welcome!"), "success")
            return _remember_device(redirect(url_for("home.index")), user)
    return render_template(
        "auth/set_password.html", form=form, person=row.user.person, action=url_for(endpoint, **values)
    )


@bp.route("/forgot", methods=["GET", "POST"])
@public
def forgot():
    """Ask for a password reset link; the answer is the same whether or not the account exists."""
    form = ForgotForm()
    if form.validate_on_submit():
        address = client_address()
        if not throttle.is_blocked("forgot", address, CODE_LIMIT):
            throttle.hit("forgot", address, CODE_LIMIT)
            user = services.find_user_by_login(form.login.data)
            if user is not None and user.is_active and user.person.email:
                request_password_reset(user)
        flash(
            _(
                "If an account with an email address matches, a link is on its way. "
                "Without an email address, ask the personnel office for a new code."
            ),
            "info",
        )
        return redirect(url_for("auth.login"))
    return render_template("auth/forgot.html", form=form)


@bp.route("/language/<locale>", methods=["POST"])
@public
def set_language(locale: str):
    """Switch the interface language; remembered for the account."""
    if locale not in services.LOCALES:
        abort(404)
    session["locale"] = locale
    if current_user.is_authenticated:
        services.set_locale(current_user._get_current_object(), locale)
    target = request.form.get("next")
    return redirect(target if is_safe_next(target) else url_for("home.index"))


@bp.app_context_processor
def inject_login_limits():
    return {"activation_days": current_app.config["ACTIVATION_DAYS"]}
