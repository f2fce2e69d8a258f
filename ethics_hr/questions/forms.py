"""Forms for asking, following up and answering ethics questions."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, HiddenField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from ethics_hr.core.forms import REQUIRED, BaseForm, coerce_optional_int
from ethics_hr.questions.asking import BODY_MAX, SUBJECT_MAX


class AskForm(BaseForm):
    category_id = SelectField(_l("Category"), coerce=coerce_optional_int, validate_choice=False)
    subject = StringField(_l("Subject"), validators=[DataRequired(REQUIRED), Length(max=SUBJECT_MAX)])
    body = TextAreaField(_l("Your question"), validators=[DataRequired(REQUIRED), Length(max=BODY_MAX)])
    clause = StringField(_l("Code clause it concerns (optional)"), validators=[Optional(), Length(max=200)])
    anonymous = BooleanField(_l("Ask anonymously"))
    submit = SubmitField(_l("Send the question"))


class PublicAskForm(AskForm):
    """The form of the public page: always anonymous, so no choice to make."""

    anonymous = None


class FollowUpForm(BaseForm):
    reference = StringField(_l("Question reference"), validators=[DataRequired(REQUIRED), Length(max=20)])
    code = StringField(_l("Receipt code"), validators=[DataRequired(REQUIRED), Length(max=64)])
    submit = SubmitField(_l("Open my question"))


class ReceiptActionForm(BaseForm):
    """A follow-up action: carries the reference and code again, so nothing links the visits together."""

    reference = HiddenField(validators=[DataRequired()])
    code = HiddenField(validators=[DataRequired()])
    body = TextAreaField(_l("Your answer to the committee"), validators=[Optional(), Length(max=BODY_MAX)])


class ReceiptFileForm(BaseForm):
    """The receipt, sent back by the asker's own browser to be written as a file: it is stored nowhere."""

    reference = HiddenField(validators=[DataRequired(), Length(max=20)])
    code = HiddenField(validators=[DataRequired(), Length(max=64)])


class MessageForm(BaseForm):
    body = TextAreaField(_l("Text"), validators=[DataRequired(REQUIRED), Length(max=BODY_MAX)])


class AssignForm(BaseForm):
    member_id = SelectField(_l("Member"), coerce=coerce_optional_int, validate_choice=False)


class StepAsideForm(BaseForm):
    reason = StringField(_l("Reason (only the committee sees it)"), validators=[Optional(), Length(max=500)])


class FaqForm(BaseForm):
    title = StringField(
        _l("Question as the public reads it"), validators=[DataRequired(REQUIRED), Length(max=300)]
    )
    answer = TextAreaField(_l("Public answer"), validators=[DataRequired(REQUIRED), Length(max=BODY_MAX)])
    submit = SubmitField(_l("Publish in the FAQ"))
