"""Forms of the HR development plan."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField
from wtforms import (
    DateField,
    DecimalField,
    IntegerField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from ethics_hr.core.forms import REQUIRED, BaseForm, coerce_optional_int


class PlanForm(BaseForm):
    title_th = StringField(_l("Title (Thai)"), validators=[DataRequired(REQUIRED), Length(max=300)])
    title_en = StringField(_l("Title (English)"), validators=[Optional(), Length(max=300)])
    first_fiscal_year = IntegerField(
        _l("First fiscal year (B.E.)"),
        validators=[InputRequired(REQUIRED), NumberRange(2500, 2700, _l("Enter a B.E. year such as 2569."))],
    )
    last_fiscal_year = IntegerField(
        _l("Last fiscal year (B.E.)"),
        validators=[InputRequired(REQUIRED), NumberRange(2500, 2700, _l("Enter a B.E. year such as 2569."))],
    )
    approved_on = DateField(_l("Date approved"), validators=[Optional()])
    approved_by = StringField(_l("Approved by (name and position)"), validators=[Optional(), Length(max=300)])
    document = FileField(_l("Approved plan (PDF)"))


class ApproveForm(BaseForm):
    approved_on = DateField(_l("Date approved"), validators=[InputRequired(REQUIRED)])
    approved_by = StringField(
        _l("Approved by (name and position)"), validators=[DataRequired(REQUIRED), Length(max=300)]
    )


class ItemForm(BaseForm):
    name = StringField(_l("Project or activity"), validators=[DataRequired(REQUIRED), Length(max=300)])
    area_id = SelectField(_l("Area"), coerce=coerce_optional_int, validate_choice=False)
    objective = TextAreaField(_l("Objective"), validators=[Optional(), Length(max=3000)])
    department_ids = SelectMultipleField(_l("Target departments"), coerce=int, validate_choice=False)
    category_ids = SelectMultipleField(_l("Target staff categories"), coerce=int, validate_choice=False)
    target_participants = IntegerField(
        _l("Target number of participants"),
        validators=[
            InputRequired(REQUIRED),
            NumberRange(min=0, message=_l("The target cannot be negative.")),
        ],
    )
    indicator = TextAreaField(_l("Indicators"), validators=[Optional(), Length(max=3000)])
    indicator_target = DecimalField(
        _l("Numeric target of the indicator (optional)"),
        places=2,
        validators=[Optional(), NumberRange(min=0, message=_l("The target cannot be negative."))],
    )
    responsible_department_id = SelectField(
        _l("Responsible department"), coerce=coerce_optional_int, validate_choice=False
    )
    fiscal_year = SelectField(_l("Planned fiscal year"), coerce=coerce_optional_int, validate_choice=False)
    quarter = SelectField(
        _l("Planned quarter"),
        coerce=coerce_optional_int,
        choices=[
            (1, _l("Q1 (Oct–Dec)")),
            (2, _l("Q2 (Jan–Mar)")),
            (3, _l("Q3 (Apr–Jun)")),
            (4, _l("Q4 (Jul–Sep)")),
        ],
        validate_choice=False,
    )


class ProgressForm(BaseForm):
    status = SelectField(_l("Status"), validate_choice=False)
    progress_note = TextAreaField(_l("Progress note"), validators=[Optional(), Length(max=3000)])
    spent = StringField(_l("Budget spent (baht)"), validators=[Optional(), Length(max=20)])


class LinkSessionForm(BaseForm):
    session_id = SelectField(_l("Training session"), coerce=coerce_optional_int, validate_choice=False)
