"""Forms for logging in, accounts, people and departments."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import (
    BooleanField,
    DateField,
    EmailField,
    HiddenField,
    PasswordField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
)
from wtforms.validators import DataRequired, Email, EqualTo, InputRequired, Length, Optional, Regexp
from wtforms.widgets import CheckboxInput, ListWidget

from ethics_hr.core.forms import REQUIRED, BaseForm, ShortCodeField, coerce_optional_int


class LoginForm(BaseForm):
    login = StringField(_l("Email or employee number"), validators=[DataRequired(REQUIRED), Length(max=254)])
    password = PasswordField(_l("Password"), validators=[DataRequired(REQUIRED), Length(max=256)])
    submit = SubmitField(_l("Log in"))


class SetPasswordForm(BaseForm):
    password = PasswordField(_l("New password"), validators=[DataRequired(REQUIRED), Length(max=256)])
    confirm = PasswordField(
        _l("Repeat the new password"),
        validators=[DataRequired(REQUIRED), EqualTo("password", _l("The two passwords are not the same."))],
    )
    submit = SubmitField(_l("Set my password"))


class CodeForm(BaseForm):
    employee_number = StringField(_l("Employee number"), validators=[DataRequired(REQUIRED), Length(max=30)])
    code = StringField(_l("Code from your slip"), validators=[DataRequired(REQUIRED), Length(max=20)])
    submit = SubmitField(_l("Continue"))


class ForgotForm(BaseForm):
    login = StringField(_l("Email or employee number"), validators=[DataRequired(REQUIRED), Length(max=254)])
    submit = SubmitField(_l("Send me a link"))


class ChangePasswordForm(BaseForm):
    current_password = PasswordField(_l("Current password"), validators=[DataRequired(REQUIRED)])
    new_password = PasswordField(_l("New password"), validators=[DataRequired(REQUIRED), Length(max=256)])
    confirm = PasswordField(
        _l("Repeat the new password"),
        validators=[
            DataRequired(REQUIRED),
            EqualTo("new_password", _l("The two passwords are not the same.")),
        ],
    )
    submit = SubmitField(_l("Change password"))


class SecondFactorForm(BaseForm):
    """The login's second step: a code from the authenticator app, or a recovery code."""

    code = StringField(_l("Verification code"), validators=[DataRequired(REQUIRED), Length(max=40)])
    submit = SubmitField(_l("Log in"))


class TwoFactorSetupForm(BaseForm):
    code = StringField(
        _l("The 6-digit code your app shows"),
        validators=[DataRequired(REQUIRED), Length(max=20)],
    )
    submit = SubmitField(_l("Turn on two-step login"))


class TwoFactorConfirmForm(BaseForm):
    """The password and a current code: to turn two-step login off, or to replace the recovery codes."""

    password = PasswordField(_l("Password"), validators=[DataRequired(REQUIRED), Length(max=256)])
    code = StringField(_l("Verification code"), validators=[DataRequired(REQUIRED), Length(max=40)])


class RecoveryCodesFileForm(BaseForm):
    """The recovery codes, sent back by the user's own browser to be written as a file: stored nowhere."""

    codes = HiddenField(validators=[DataRequired(), Length(max=400)])


class DepartmentForm(BaseForm):
    code = ShortCodeField(_l("Short code"), max_length=20)
    name_th = StringField(_l("Name in Thai"), validators=[DataRequired(REQUIRED), Length(max=200)])
    name_en = StringField(_l("Name in English"), validators=[Optional(), Length(max=200)])
    head_employee_number = StringField(
        _l("Head of department (employee number)"), validators=[Optional(), Length(max=30)]
    )
    active = BooleanField(_l("Active"), default=True)
    submit = SubmitField(_l("Save"))


class PersonForm(BaseForm):
    employee_number = StringField(
        _l("Employee number"),
        validators=[
            DataRequired(REQUIRED),
            Length(max=30),
            Regexp(r"^\S+$", message=_l("An employee number has no spaces.")),
        ],
    )
    prefix = StringField(_l("Name prefix"), validators=[Optional(), Length(max=60)])
    first_name_th = StringField(_l("First name (Thai)"), validators=[DataRequired(REQUIRED), Length(max=100)])
    last_name_th = StringField(_l("Last name (Thai)"), validators=[DataRequired(REQUIRED), Length(max=100)])
    first_name_en = StringField(_l("First name (English)"), validators=[Optional(), Length(max=100)])
    last_name_en = StringField(_l("Last name (English)"), validators=[Optional(), Length(max=100)])
    position = StringField(_l("Position"), validators=[Optional(), Length(max=200)])
    staff_category_id = SelectField(
        _l("Staff category"), coerce=coerce_optional_int, validators=[InputRequired(REQUIRED)]
    )
    department_id = SelectField(_l("Department"), coerce=coerce_optional_int, validators=[Optional()])
    email = EmailField(
        _l("Email"), validators=[Optional(), Length(max=254), Email(_l("Enter a valid email address."))]
    )
    start_date = DateField(_l("Start date"), validators=[Optional()])
    submit = SubmitField(_l("Save"))


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class AccountForm(BaseForm):
    roles = MultiCheckboxField(_l("Roles"), choices=[])
    submit = SubmitField(_l("Save roles"))


class ImportForm(BaseForm):
    file = FileField(
        _l("CSV or XLSX file"),
        validators=[
            FileRequired(_l("Choose a file.")),
            FileAllowed(["csv", "xlsx"], _l("Only CSV and XLSX files can be imported.")),
        ],
    )
    submit = SubmitField(_l("Check the file"))
