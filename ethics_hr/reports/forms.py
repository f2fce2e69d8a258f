"""Forms of the report screens: a row of the report, its opening paragraph, the ITA catalogue."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import IntegerField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from ethics_hr.core.forms import REQUIRED, BaseForm

LINES_HELP = _l('One item per line; start a line with "- " to make it a sub-item.')


class MeasureForm(BaseForm):
    measure = StringField(_l("Measure"), validators=[DataRequired(REQUIRED), Length(max=300)])
    methods = TextAreaField(_l("Method"), validators=[Optional(), Length(max=20_000)])
    responsible = StringField(_l("Responsible"), validators=[Optional(), Length(max=300)])
    period = StringField(_l("Period"), validators=[Optional(), Length(max=100)])
    summary = TextAreaField(_l("Summary of results"), validators=[Optional(), Length(max=20_000)])
    outcome = TextAreaField(_l("Outcome or success"), validators=[Optional(), Length(max=20_000)])
    submit = SubmitField(_l("Save"))


class IntroForm(BaseForm):
    intro = TextAreaField(_l("Opening paragraph"), validators=[Optional(), Length(max=20_000)])
    submit = SubmitField(_l("Save"))


class CatalogueForm(BaseForm):
    catalogue = TextAreaField(_l("Catalogue (JSON)"), validators=[DataRequired(REQUIRED)])
    submit = SubmitField(_l("Save the catalogue"))


class CopyCatalogueForm(BaseForm):
    year = IntegerField(
        _l("New assessment year (B.E.)"),
        validators=[DataRequired(REQUIRED), NumberRange(2560, 2700, _l("Give a year from 2560 to 2700."))],
    )
    source_year = SelectField(_l("Copy the items of"), coerce=int, choices=[])
    submit = SubmitField(_l("Create"))


class RollForm(BaseForm):
    """The year roll's button: nothing to fill in, the form carries the CSRF token."""

    submit = SubmitField(_l("Start next year"))


class EthicsSectionForm(BaseForm):
    heading = StringField(_l("Heading"), validators=[DataRequired(REQUIRED), Length(max=300)])
    body = TextAreaField(_l("Text"), validators=[Optional(), Length(max=20_000)])
    # Choices are set by the view from ethics_report.FILLS; the service checks the key again.
    fill = SelectField(_l("Lines written from the data"), choices=[], validate_choice=False)
    submit = SubmitField(_l("Save"))


class EthicsIntroForm(BaseForm):
    intro = TextAreaField(_l("Addressee and opening paragraph"), validators=[Optional(), Length(max=20_000)])
    submit = SubmitField(_l("Save"))
