"""Forms for committees, their dissolution, and appointment orders with their member rows."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField
from wtforms import (
    BooleanField,
    DateField,
    FieldList,
    Form,
    FormField,
    IntegerField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from ethics_hr.committees.labels import KIND_LABELS, role_choices
from ethics_hr.committees.models import MemberRole
from ethics_hr.core.forms import REQUIRED, BaseForm, coerce_optional_int

DATE_MESSAGE = _l("Enter a date.")
NEW_ORDER_ROWS = 8
SPARE_ROWS = 3
ADD_ROWS = 5
MAX_ROWS = 100


class WholeNumberField(IntegerField):
    """An integer field whose parse error is translated; blank is left to the validators."""

    def process_formdata(self, valuelist):
        if valuelist and not str(valuelist[0]).strip():
            self.data = None
            return
        try:
            super().process_formdata(valuelist)
        except ValueError as error:
            raise ValueError(str(_l("Enter a whole number."))) from error


class LocalDateField(DateField):
    """A date field (the browser's date picker) with a translated parse error; blank is left to validators."""

    def process_formdata(self, valuelist):
        if valuelist and not " ".join(valuelist).strip():
            self.data = None
            return
        try:
            super().process_formdata(valuelist)
        except ValueError as error:
            raise ValueError(str(DATE_MESSAGE)) from error


class CommitteeForm(BaseForm):
    name_th = StringField(_l("Name in Thai"), validators=[DataRequired(REQUIRED), Length(max=300)])
    name_en = StringField(_l("Name in English"), validators=[Optional(), Length(max=300)])
    kind = SelectField(_l("Kind"), choices=list(KIND_LABELS.items()), validators=[InputRequired(REQUIRED)])
    mandate = TextAreaField(_l("Mandate"), validators=[Optional(), Length(max=5000)])
    submit = SubmitField(_l("Save"))


class DissolveForm(BaseForm):
    dissolved_on = LocalDateField(_l("Dissolved from"), validators=[InputRequired(DATE_MESSAGE)])
    note = StringField(_l("By (order or decision)"), validators=[Optional(), Length(max=300)])
    submit = SubmitField(_l("Dissolve the committee"))


class MemberForm(Form):
    """One member row; a blank row is ignored."""

    person = StringField(_l("Staff member"), validators=[Optional(), Length(max=300)])
    outside_name = StringField(_l("or outside member: name"), validators=[Optional(), Length(max=200)])
    outside_organisation = StringField(
        _l("Organisation (outside member)"), validators=[Optional(), Length(max=300)]
    )
    position = StringField(_l("Position"), validators=[Optional(), Length(max=200)])
    role = SelectField(_l("Role in the committee"), choices=role_choices(), default=MemberRole.MEMBER.value)
    starts_on = LocalDateField(_l("Term from"), validators=[Optional()])
    ends_on = LocalDateField(_l("Term to"), validators=[Optional()])


class OrderForm(BaseForm):
    number = WholeNumberField(
        _l("Order number"),
        validators=[
            InputRequired(REQUIRED),
            NumberRange(min=1, max=99999, message=_l("An order number is a whole number from 1.")),
        ],
    )
    title = StringField(_l("Subject of the order"), validators=[DataRequired(REQUIRED), Length(max=500)])
    signed_on = LocalDateField(_l("Signed on"), validators=[InputRequired(DATE_MESSAGE)])
    signed_by_name = StringField(_l("Signed by"), validators=[DataRequired(REQUIRED), Length(max=200)])
    signed_by_position = StringField(_l("Position of the signer"), validators=[Optional(), Length(max=200)])
    effective_on = LocalDateField(_l("Takes effect on"), validators=[InputRequired(DATE_MESSAGE)])
    ends_on = LocalDateField(_l("Ends on"), validators=[Optional()])
    replaces_id = SelectField(_l("Replaces the order"), coerce=coerce_optional_int, validators=[Optional()])
    document = FileField(_l("Scanned order (PDF)"))
    members = FieldList(FormField(MemberForm), min_entries=0, max_entries=MAX_ROWS)
    accept_without_chair = BooleanField(_l("Save without a chair"))
    submit = SubmitField(_l("Save the order"))
    add_rows = SubmitField(_l("More member rows"))
