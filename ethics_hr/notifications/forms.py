"""Forms: a kind's settings, the SMTP settings, the outbox filter."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, IntegerField, PasswordField, SelectField, StringField, SubmitField
from wtforms.validators import (
    DataRequired,
    Email,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    Regexp,
    ValidationError,
)

from ethics_hr.core.forms import REQUIRED, BaseForm
from ethics_hr.notifications.models import STATUSES, SmtpSecurity

MAX_DAYS = 365


def parse_days(text: str | None) -> tuple[int, ...]:
    """Read "7, 1" as (7, 1); raise ValueError on anything else."""
    parts = [p.strip() for p in (text or "").replace(";", ",").split(",") if p.strip()]
    days = tuple(int(p) for p in parts if p.isdigit() and len(p) <= 3)
    if len(days) != len(parts) or any(d > MAX_DAYS for d in days) or len(days) > 10:
        raise ValueError(text)
    return days


class KindSettingsForm(BaseForm):
    enabled = BooleanField(_l("On"))
    mandatory = BooleanField(_l("Mandatory: people cannot turn it off"))
    email = BooleanField(_l("By email"))
    inapp = BooleanField(_l("As an in-app notice"))
    days_before = StringField(
        _l("Days before"), validators=[Optional(), Length(max=60)], description=_l("For example: 7, 1")
    )
    repeat_days = IntegerField(
        _l("Repeat every (days)"),
        validators=[Optional(), NumberRange(1, MAX_DAYS, _l("Enter a number of days from 1 to 365."))],
    )
    hour = IntegerField(
        _l("Hour of day"),
        validators=[Optional(), NumberRange(0, 23, _l("Enter an hour from 0 to 23."))],
    )
    submit = SubmitField(_l("Save"))

    def __init__(self, *args, timing_keys=(), **kwargs):
        super().__init__(*args, **kwargs)
        if "hour" in timing_keys:
            self.hour.validators = [
                InputRequired(REQUIRED),
                NumberRange(0, 23, _l("Enter an hour from 0 to 23.")),
            ]

    def validate_days_before(self, field):
        try:
            parse_days(field.data)
        except ValueError:
            raise ValidationError(_l("Enter whole days from 0 to 365, separated by commas.")) from None

    def validate_inapp(self, field):
        if not (self.email.data or field.data):
            raise ValidationError(_l("Choose email, in-app notice, or both."))


class SmtpSettingsForm(BaseForm):
    host = StringField(
        _l("Mail server"),
        validators=[
            Optional(),
            Length(max=200),
            Regexp(r"^[A-Za-z0-9.\-\[\]:]+$", message=_l("Enter a host name or an IP address.")),
        ],
    )
    port = IntegerField(
        _l("Port"),
        validators=[DataRequired(REQUIRED), NumberRange(1, 65535, _l("Enter a port from 1 to 65535."))],
    )
    security = SelectField(
        _l("Security"),
        choices=[
            (SmtpSecurity.NONE, _l("None")),
            (SmtpSecurity.STARTTLS, _l("STARTTLS")),
            (SmtpSecurity.SSL, _l("SSL/TLS")),
        ],
    )
    username = StringField(_l("User name"), validators=[Optional(), Length(max=200)])
    password = PasswordField(
        _l("Password"),
        validators=[Optional(), Length(max=200)],
        description=_l("Leave empty to keep the stored password."),
    )
    clear_password = BooleanField(_l("Remove the stored password"))
    sender = StringField(
        _l("Sender address"),
        validators=[DataRequired(REQUIRED), Length(max=254), Email(_l("Enter a valid email address."))],
    )
    submit = SubmitField(_l("Save"))


class OutboxFilterForm(BaseForm):
    class Meta:
        csrf = False

    status = SelectField(_l("Status"), choices=[], validate_choice=False)
    kind = StringField(_l("Kind"), validators=[Optional(), Length(max=60)])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.status.choices = [("", _l("All"))] + [(s.value, s.label) for s in STATUSES]
