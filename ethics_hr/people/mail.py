"""Messages about accounts, written into the outbox in the reader's language."""

from __future__ import annotations

from flask import current_app, render_template, url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from ethics_hr.core.db import transactional
from ethics_hr.core.language import locale_of
from ethics_hr.core.settings import get_settings
from ethics_hr.extensions import db
from ethics_hr.notifications.services import queue_email, register_target
from ethics_hr.people.accounts import RESET, IssuedToken, issue_token
from ethics_hr.people.models import User


@transactional
def request_password_reset(user: User) -> IssuedToken:
    """Issue a reset link for an account and queue it to the person's email address, in one unit of work."""
    issued = issue_token(user, RESET, by=None)
    send_reset_link(issued)
    return issued


@transactional
def send_reset_link(issued: IssuedToken) -> None:
    """Queue the password reset link for a person with an email address."""
    user = issued.user
    locale = locale_of(user.preferred_locale)
    link = current_app.config["BASE_URL"].rstrip("/") + url_for("auth.activate", token=issued.token)
    with force_locale(locale):
        subject = _("Set a new password for %(org)s", org=get_settings().name(locale))
        body = render_template("auth/mail_reset.txt", user=user, link=link, issued=issued)
    queue_email(
        kind="password_reset",
        target=f"user:{user.id}",
        period=issued.expires_at.isoformat(),
        recipient=user.person.email,
        subject=subject,
        body_text=body,
        locale=locale,
    )


def _describe_users(ids: list[int]) -> dict[int, str]:
    from ethics_hr.core.locale import current_locale

    locale = current_locale()
    found = db.session.scalars(db.select(User).where(User.id.in_(ids)))  # the person comes joined
    return {u.id: u.person.display_name(locale) for u in found}


register_target("user", _l("User account"), _describe_users)
