"""Two-step login: the code after the password, enrolment, recovery codes, and the guard that requires it."""

from __future__ import annotations

import time

from flask import abort, current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ethics_hr.core.access import client_address, login_required, public
from ethics_hr.core.errors import shown_on
from ethics_hr.core.exports import download
from ethics_hr.extensions import db
from ethics_hr.people import services
from ethics_hr.people.forms import (
    RecoveryCodesFileForm,
    SecondFactorForm,
    TwoFactorConfirmForm,
    TwoFactorSetupForm,
)
from ethics_hr.people.models import User
from ethics_hr.people.views.auth import (
    ACCOUNT_THROTTLED,
    PENDING_LOGIN,
    THROTTLED,
    _this_device,
    bp,
    complete_login,
)

# The code must follow the password within this many seconds; then the password is asked again.
PENDING_SECONDS = 5 * 60
SETUP_SECRET = "two_factor_setup_secret"
# What an account that must enrol first may still reach.
OPEN_WHILE_ENROLLING = {
    "auth.two_factor",
    "auth.two_factor_setup",
    "auth.recovery_codes_file",
    "auth.logout",
    "auth.set_language",
}


def two_factor_required(user) -> bool:
    """Whether this account must use two-step login before anything else (administrators, officers)."""
    return bool(current_app.config.get("REQUIRE_TWO_FACTOR")) and user.is_officer


@bp.before_app_request
def require_enrolment():
    """Send an administrator or personnel officer without two-step login to enrol, when it is required."""
    endpoint = request.endpoint or ""
    if endpoint in OPEN_WHILE_ENROLLING or endpoint == "static" or endpoint.endswith(".static"):
        return None
    if not current_app.config.get("REQUIRE_TWO_FACTOR") or not current_user.is_authenticated:
        return None
    if current_user.two_factor_enabled or not two_factor_required(current_user):
        return None
    return redirect(url_for("auth.two_factor_setup"))


def _pending_user() -> User | None:
    """The account whose password was right a moment ago, if it is still waiting for its code."""
    pending = session.get(PENDING_LOGIN)
    if not isinstance(pending, dict):
        return None
    started, user_id, version = pending.get("at"), pending.get("user"), pending.get("version")
    if not all(isinstance(v, int) for v in (started, user_id, version)):
        return None
    if not 0 <= time.time() - started <= PENDING_SECONDS:
        return None
    user = db.session.get(User, user_id)
    if user is None or user.session_version != version or not user.is_active or not user.two_factor_enabled:
        return None
    return user


@bp.route("/login/code", methods=["GET", "POST"])
@public
def login_code():
    """Finish logging in with the code from the authenticator app, or a recovery code."""
    if current_user.is_authenticated:
        return redirect(url_for("home.index"))
    user = _pending_user()
    if user is None:
        if PENDING_LOGIN in session:
            session.pop(PENDING_LOGIN)
            flash(_("More than 5 minutes passed after the password. Log in again."), "warning")
        return redirect(url_for("auth.login"))
    form = SecondFactorForm()
    if form.validate_on_submit():
        try:
            with shown_on(form) as outcome:
                services.authenticate_second_factor(
                    user, form.code.data, address=client_address(), device=_this_device()
                )
        except services.LoginThrottled as throttled:
            form.form_errors.append(str(ACCOUNT_THROTTLED if throttled.account_wide else THROTTLED))
            return render_template("auth/login_code.html", form=form), 429
        if outcome.ok:
            return complete_login(user, session[PENDING_LOGIN].get("next"))
    return render_template("auth/login_code.html", form=form)


@bp.route("/account/two-factor")
@login_required
def two_factor():
    """Show whether two-step login is on, with the means to turn it off or replace the recovery codes."""
    return _status_page()


def _status_page(codes_form=None, off_form=None, status: int = 200):
    user = current_user._get_current_object()
    return (
        render_template(
            "auth/two_factor.html",
            user=user,
            required=two_factor_required(user),
            unused=services.unused_recovery_codes(user) if user.two_factor_enabled else 0,
            codes_form=codes_form or TwoFactorConfirmForm(prefix="codes", formdata=None),
            off_form=off_form or TwoFactorConfirmForm(prefix="off", formdata=None),
        ),
        status,
    )


def _setup_secret() -> str:
    # Kept in the signed session until the first code proves the app holds it: the database stores only a
    # secret that works, and the page shows the same one when it is reloaded.
    secret = session.get(SETUP_SECRET)
    if not isinstance(secret, str) or len(secret) != 32:
        secret = services.new_secret()
        session[SETUP_SECRET] = secret
    return secret


@bp.route("/account/two-factor/setup", methods=["GET", "POST"])
@login_required
def two_factor_setup():
    """Set up two-step login: scan the QR code, confirm with a code, keep the recovery codes."""
    user = current_user._get_current_object()
    if user.two_factor_enabled:
        return redirect(url_for("auth.two_factor"))
    secret = _setup_secret()
    form = TwoFactorSetupForm()
    if form.validate_on_submit():
        with shown_on(form) as outcome:
            enrolment = services.enable_two_factor(user, secret, form.code.data)
        if outcome.ok:
            session.pop(SETUP_SECRET, None)
            flash(_("Two-step login is on."), "success")
            return _show_recovery_codes(enrolment.recovery_codes)
    uri = services.provisioning_uri(secret, user)
    return render_template(
        "auth/two_factor_setup.html",
        form=form,
        qr=services.qr_data_uri(uri),
        groups=services.secret_groups(secret),
        required=two_factor_required(user),
    )


def _show_recovery_codes(codes: list[str]):
    """Show new recovery codes, this once, with the means to keep them."""
    return render_template(
        "auth/recovery_codes.html",
        codes=[" ".join(services.recovery_blocks(code)) for code in codes],
        file_form=RecoveryCodesFileForm(formdata=None, codes=" ".join(codes)),
    )


def _confirmed(prefix: str, action):
    """Run a change that needs the password and a code: (result, None) when done, (None, page) otherwise.

    The page is the two-step login page with this form's errors, a 429 when the login throttle refuses.
    """
    form = TwoFactorConfirmForm(prefix=prefix)
    if form.validate_on_submit():
        try:
            with shown_on(form) as outcome:
                result = action(
                    current_user._get_current_object(),
                    form.password.data,
                    form.code.data,
                    address=client_address(),
                )
        except services.LoginThrottled:
            form.form_errors.append(str(THROTTLED))
            return None, _status_page(**{f"{prefix}_form": form}, status=429)
        if outcome.ok:
            return result, None
    return None, _status_page(**{f"{prefix}_form": form})


@bp.route("/account/two-factor/recovery-codes", methods=["POST"])
@login_required
def regenerate_recovery_codes():
    """Replace the recovery codes (the old ones stop working); needs the password and a code."""
    codes, page = _confirmed("codes", services.regenerate_recovery_codes)
    if page is not None:
        return page
    flash(_("New recovery codes: the old ones no longer work."), "success")
    return _show_recovery_codes(codes)


@bp.route("/account/two-factor/off", methods=["POST"])
@login_required
def two_factor_off():
    """Turn two-step login off; needs the password and a code."""
    page = _confirmed("off", services.disable_two_factor)[1]
    if page is not None:
        return page
    flash(_("Two-step login is off."), "info")
    return redirect(url_for("auth.two_factor"))


@bp.route("/account/two-factor/recovery-codes.txt", methods=["POST"])
@login_required
def recovery_codes_file():
    """Write the recovery codes the user's browser sends back as a text file; nothing is looked up."""
    form = RecoveryCodesFileForm()
    codes = (form.codes.data or "").split()
    if not form.validate_on_submit() or not all(services.is_recovery_code(code) for code in codes):
        abort(400)
    text = render_template(
        "auth/recovery_codes.txt",
        user=current_user,
        codes=[" ".join(services.recovery_blocks(code)) for code in codes],
        link=url_for("auth.login", _external=True),
    )
    return download(text.replace("\n", "\r\n").encode("utf-8"), "recovery-codes.txt")
