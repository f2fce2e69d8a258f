"""Forms of the integrity pledge: drafting it, moving its closing day, signing, recording a paper form."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, DateField, PasswordField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from ethics_hr.core.forms import REQUIRED, BaseForm
from ethics_hr.people.forms import MultiCheckboxField
from ethics_hr.pledges.services import STATEMENT

VALID_DATE = _l("Enter a date.")


class PledgeForm(BaseForm):
    title_th = StringField(_l("Title (Thai)"), validators=[DataRequired(REQUIRED), Length(max=300)])
    title_en = StringField(_l("Title (English)"), validators=[Optional(), Length(max=300)])
    body_th = TextAreaField(
        _l("Text of the pledge (Thai, Markdown)"), validators=[DataRequired(REQUIRED), Length(max=50_000)]
    )
    body_en = TextAreaField(
        _l("Text of the pledge (English, Markdown)"), validators=[Optional(), Length(max=50_000)]
    )
    opens_on = DateField(_l("Signing opens on"), validators=[InputRequired(VALID_DATE)])
    closes_on = DateField(_l("Signing closes on"), validators=[InputRequired(VALID_DATE)])
    category_ids = MultiCheckboxField(_l("Asks these staff categories to sign"), coerce=int, choices=[])
    submit = SubmitField(_l("Save the draft"))


class ExtendForm(BaseForm):
    closes_on = DateField(_l("Signing closes on"), validators=[InputRequired(VALID_DATE)])
    submit = SubmitField(_l("Change the closing day"))


class SignForm(BaseForm):
    agree = BooleanField(STATEMENT)
    password = PasswordField(_l("Your password"), validators=[Length(max=256)])
    submit = SubmitField(_l("Sign the pledge"))


class OnBehalfForm(BaseForm):
    signed_on = DateField(_l("Date on the signed form"), validators=[InputRequired(VALID_DATE)])
    note = TextAreaField(
        _l("How and where was it signed?"), validators=[DataRequired(REQUIRED), Length(max=2000)]
    )
    submit = SubmitField(_l("Record the signature"))


class ButtonForm(BaseForm):
    """A button that acts (open, close, save the receipt): only the CSRF token."""
