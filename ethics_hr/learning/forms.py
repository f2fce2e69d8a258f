"""The question form of the bank: the question, its explanation, and up to six choices."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    FieldList,
    Form,
    FormField,
    RadioField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from ethics_hr.core.forms import REQUIRED, BaseForm, coerce_optional_int
from ethics_hr.learning.models import TOPIC_LABELS, QuestionKind
from ethics_hr.learning.services import MAX_CHOICES


class ChoiceForm(Form):
    text_th = StringField(_l("Choice (Thai)"), validators=[Optional(), Length(max=500)])
    text_en = StringField(_l("Choice (English)"), validators=[Optional(), Length(max=500)])
    correct = BooleanField(_l("Right answer"))


class QuestionForm(BaseForm):
    kind = RadioField(
        _l("Kind"),
        choices=[
            (QuestionKind.SINGLE.value, _l("Single choice (one right answer)")),
            (QuestionKind.MULTIPLE.value, _l("Multiple choice (tick every right answer)")),
        ],
        default=QuestionKind.SINGLE.value,
        validators=[InputRequired(_l("Choose single or multiple choice."))],
    )
    topic = SelectField(
        _l("Topic"),
        choices=[(key.value, label) for key, label in TOPIC_LABELS.items()],
        validators=[InputRequired(_l("Choose a topic."))],
    )
    scenario = BooleanField(_l("A scenario: \u201cwhat would you do?\u201d in a grey-area situation"))
    prompt_th = TextAreaField(_l("Question (Thai)"), validators=[DataRequired(REQUIRED), Length(max=2000)])
    prompt_en = TextAreaField(_l("Question (English)"), validators=[Optional(), Length(max=2000)])
    choices = FieldList(FormField(ChoiceForm), min_entries=MAX_CHOICES, max_entries=MAX_CHOICES)
    explanation_th = TextAreaField(
        _l("Explanation shown after answering (Thai)"), validators=[Optional(), Length(max=3000)]
    )
    explanation_en = TextAreaField(
        _l("Explanation shown after answering (English)"), validators=[Optional(), Length(max=3000)]
    )
    clause = StringField(_l("Clause of the code it tests"), validators=[Optional(), Length(max=60)])
    dos_dont_id = SelectField(
        _l("The \u201cdo\u201d or \u201cdon\u2019t\u201d it tests"),
        coerce=coerce_optional_int,
        choices=[],
        validate_choice=False,
    )
    submit = SubmitField(_l("Save the question"))


class CertificateActionForm(BaseForm):
    reason = TextAreaField(
        _l("Why? (kept in the record, not shown on the public page)"),
        validators=[DataRequired(REQUIRED), Length(max=2000)],
    )
