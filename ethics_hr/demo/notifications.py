"""Demo notices: a welcome in the bell of every demo account."""

from __future__ import annotations

from flask import url_for
from flask_babel import gettext as _

from ethics_hr.notifications.services import Recipient, notify, render_message


def load_demo(people: list) -> None:
    """Welcome each person who has an account (people is in the order of content.PEOPLE)."""
    for person in people:
        account = person.account
        if account is None:
            continue
        recipient = Recipient(account.id, person.email, account.preferred_locale, person.full_name_th)

        def render(r: Recipient):
            return render_message(
                _("Welcome to the ethics programme"),
                "notifications/email/welcome",
                name=r.name,
                notice=_(
                    "Here you will find the codes of ethics that apply to you, your training, and the "
                    "answers of the ethics committee. Choose which reminders you receive."
                ),
            )

        notify(
            recipient,
            kind="welcome",
            target=f"user:{account.id}",
            render=render,
            link=_preferences_link(),
        )


def _preferences_link() -> str:
    from flask import current_app

    with current_app.test_request_context(base_url=current_app.config["BASE_URL"]):
        return url_for("notifications.preferences")
