"""Forms of the administrator's screens."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import BooleanField, FloatField, IntegerField, SelectField, StringField, SubmitField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from ethics_hr.core.formatting import month_name
from ethics_hr.core.forms import REQUIRED, BaseForm, ShortCodeField
from ethics_hr.core.locale import LOCALES
from ethics_hr.core.settings import time_zone_choices

LANGUAGES = list(zip(LOCALES, ("ไทย", "English"), strict=True))


class SettingsForm(BaseForm):
    name_th = StringField(
        _l("Organisation name (Thai)"), validators=[DataRequired(REQUIRED), Length(max=200)]
    )
    # Optional, as in the first-run step: without one, English pages show the Thai name.
    name_en = StringField(_l("Organisation name (English)"), validators=[Optional(), Length(max=200)])
    fiscal_year_start_month = IntegerField(
        _l("Fiscal year starts in month"),
        validators=[DataRequired(REQUIRED), NumberRange(1, 12, _l("Enter a month from 1 to 12."))],
    )
    timezone = SelectField(_l("Time zone"), choices=[])
    default_locale = SelectField(_l("Default language"), choices=LANGUAGES)
    thai_numerals_in_documents = BooleanField(_l("Use Thai numerals in official documents"))
    acknowledgment_requires_password = BooleanField(
        _l("Ask for the password when acknowledging a code of ethics")
    )
    ethics_hours_required = FloatField(
        _l("Hours of ethics training each person needs per fiscal year"),
        validators=[
            InputRequired(REQUIRED),
            NumberRange(0, 1000, _l("Enter a number of hours from 0 to 1,000.")),
        ],
    )
    gift_report_threshold = IntegerField(
        _l("Gifts above this value (baht) from one giver on one occasion are reported to the head"),
        validators=[
            InputRequired(REQUIRED),
            NumberRange(0, 10_000_000, _l("Enter a value in baht from 0 to 10,000,000.")),
        ],
    )
    gift_report_days = IntegerField(
        _l("Days to report such a gift"),
        validators=[InputRequired(REQUIRED), NumberRange(1, 365, _l("Enter days from 1 to 365."))],
    )
    conflict_declaration_days = IntegerField(
        _l("Days from the start of the fiscal year to make the annual declaration of interests"),
        validators=[InputRequired(REQUIRED), NumberRange(1, 365, _l("Enter days from 1 to 365."))],
    )
    certificate_signatory = StringField(
        _l("Who signs the certificates (name)"), validators=[Optional(), Length(max=200)]
    )
    certificate_signatory_title_th = StringField(
        _l("Their title on the certificates (Thai)"), validators=[Optional(), Length(max=200)]
    )
    certificate_signatory_title_en = StringField(
        _l("Their title on the certificates (English)"), validators=[Optional(), Length(max=200)]
    )
    submit = SubmitField(_l("Save"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.timezone.choices = time_zone_choices(kwargs["obj"].timezone if kwargs.get("obj") else None)


class SetupNameForm(BaseForm):
    name_th = StringField(
        _l("Organisation name (Thai)"), validators=[DataRequired(REQUIRED), Length(max=200)]
    )
    name_en = StringField(_l("Organisation name (English)"), validators=[Optional(), Length(max=200)])
    submit = SubmitField(_l("Save and continue"))


class SetupLogoForm(BaseForm):
    logo = FileField(
        _l("Logo (PNG or JPEG)"),
        validators=[
            FileRequired(_l("Choose a file.")),
            FileAllowed(["png", "jpg", "jpeg"], _l("Only PNG and JPEG images can be used as a logo.")),
        ],
    )
    submit = SubmitField(_l("Upload and continue"))


class SetupCalendarForm(BaseForm):
    fiscal_year_start_month = SelectField(
        _l("The fiscal year starts on the 1st of"), coerce=int, validators=[InputRequired(REQUIRED)]
    )
    timezone = SelectField(_l("Time zone"), choices=[])
    default_locale = SelectField(_l("Default language"), choices=LANGUAGES)
    thai_numerals_in_documents = BooleanField(_l("Use Thai numerals in official documents"))
    submit = SubmitField(_l("Save and continue"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fiscal_year_start_month.choices = [(m, month_name(m)) for m in range(1, 13)]
        self.timezone.choices = time_zone_choices(kwargs["obj"].timezone if kwargs.get("obj") else None)


class SetupDepartmentForm(BaseForm):
    code = ShortCodeField(_l("Short code"), max_length=20)
    name_th = StringField(_l("Name in Thai"), validators=[DataRequired(REQUIRED), Length(max=200)])
    name_en = StringField(_l("Name in English"), validators=[Optional(), Length(max=200)])
    submit = SubmitField(_l("Add the department"))


class AuditFilterForm(BaseForm):
    class Meta:
        csrf = False

    who = StringField(_l("Who"), validators=[Optional(), Length(max=100)])
    what = StringField(_l("Record type"), validators=[Optional(), Length(max=64)])
    entity_id = StringField(_l("Record id"), validators=[Optional(), Length(max=64)])
