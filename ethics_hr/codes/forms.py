"""Forms for codes, drafts, Dos & Don'ts, publishing, acknowledging and recording on someone's behalf."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileAllowed, FileField
from wtforms import (
    BooleanField,
    DateField,
    HiddenField,
    IntegerField,
    PasswordField,
    RadioField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from ethics_hr.codes.acknowledgments import STATEMENT
from ethics_hr.codes.models import ChangeKind, StatementKind
from ethics_hr.core.forms import REQUIRED, BaseForm
from ethics_hr.people.forms import MultiCheckboxField

VALID_DATE = _l("Enter a date.")


class CodeForm(BaseForm):
    name_th = StringField(_l("Name (Thai)"), validators=[DataRequired(REQUIRED), Length(max=300)])
    name_en = StringField(_l("Name (English)"), validators=[Optional(), Length(max=300)])
    sort_order = IntegerField(
        _l("Order in lists"), default=0, validators=[Optional(), NumberRange(0, 999, _l("Enter 0 to 999."))]
    )
    submit = SubmitField(_l("Save"))


class VersionForm(BaseForm):
    title = StringField(_l("Title"), validators=[DataRequired(REQUIRED), Length(max=300)])
    effective_date = DateField(_l("Effective date"), validators=[InputRequired(VALID_DATE)])
    body_md = TextAreaField(_l("Text of the code (Markdown)"), validators=[Optional(), Length(max=200_000)])
    category_ids = MultiCheckboxField(_l("Applies to these staff categories"), coerce=int, choices=[])
    department_ids = MultiCheckboxField(
        _l("Only in these departments (leave empty for every department)"), coerce=int, choices=[]
    )
    announcement = FileField(
        _l("Official announcement (PDF)"),
        validators=[FileAllowed(["pdf"], _l("Only PDF files are accepted."))],
    )
    remove_announcement = BooleanField(_l("Remove the attached announcement"))
    reacknowledge_months = IntegerField(
        _l("Acknowledge again every (months)"),
        validators=[Optional(), NumberRange(1, 60, _l("Enter 1 to 60 months, or leave it empty."))],
    )
    submit = SubmitField(_l("Save the draft"))


class StatementForm(BaseForm):
    kind = RadioField(
        _l("Kind"),
        choices=[(StatementKind.DO.value, _l("Do")), (StatementKind.DONT.value, _l("Don't"))],
        validators=[InputRequired(_l("Choose \u201cdo\u201d or \u201cdon't\u201d."))],
    )
    text_th = TextAreaField(_l("Statement (Thai)"), validators=[DataRequired(REQUIRED), Length(max=1000)])
    text_en = TextAreaField(_l("Statement (English)"), validators=[Optional(), Length(max=1000)])
    example_th = TextAreaField(_l("Grey-area example (Thai)"), validators=[Optional(), Length(max=2000)])
    example_en = TextAreaField(_l("Grey-area example (English)"), validators=[Optional(), Length(max=2000)])
    clause = StringField(_l("Clause"), validators=[Optional(), Length(max=60)])
    submit = SubmitField(_l("Save the statement"))


class PublishForm(BaseForm):
    change_kind = RadioField(
        _l("What kind of change is this?"),
        choices=[
            (ChangeKind.MAJOR.value, _l("Major: everyone in the audience must acknowledge again")),
            (ChangeKind.MINOR.value, _l("Minor (a correction): earlier acknowledgments carry over")),
        ],
        default=ChangeKind.MAJOR.value,
        validators=[InputRequired(REQUIRED)],
    )
    due_date = DateField(_l("Acknowledge by"), validators=[InputRequired(VALID_DATE)])
    submit = SubmitField(_l("Publish"))


class WithdrawForm(BaseForm):
    reason = TextAreaField(_l("Why is it withdrawn?"), validators=[DataRequired(REQUIRED), Length(max=2000)])
    submit = SubmitField(_l("Withdraw"))


class AcknowledgeForm(BaseForm):
    agree = BooleanField(STATEMENT)
    password = PasswordField(_l("Your password"), validators=[Length(max=256)])
    submit = SubmitField(_l("Acknowledge"))


class OnBehalfForm(BaseForm):
    signed_on = DateField(_l("Date on the signed form"), validators=[InputRequired(VALID_DATE)])
    note = TextAreaField(
        _l("How and where was it signed?"), validators=[DataRequired(REQUIRED), Length(max=2000)]
    )
    scan = FileField(
        _l("Scanned form (PDF, JPEG or PNG)"),
        validators=[
            FileAllowed(["pdf", "jpg", "jpeg", "png"], _l("Only PDF, JPEG or PNG files are accepted."))
        ],
    )
    submit = SubmitField(_l("Record the acknowledgment"))


class QuizForm(BaseForm):
    pass_percent = IntegerField(
        _l("Pass mark (per cent of the questions answered right)"),
        default=80,
        validators=[
            InputRequired(_l("Enter a pass mark of 1 to 100 per cent.")),
            NumberRange(1, 100, _l("Enter a pass mark of 1 to 100 per cent.")),
        ],
    )
    required = BooleanField(_l("People must pass the quiz before they can acknowledge"), default=True)
    question_ids = MultiCheckboxField(_l("Questions from the bank"), coerce=int, choices=[])
    submit = SubmitField(_l("Save the quiz"))


class TakeQuizForm(BaseForm):
    """The answers are read from the request (one group of choices per question); this carries the order."""

    order = HiddenField()
    submit = SubmitField(_l("Check my answers"))
