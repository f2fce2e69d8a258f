"""Forms of the training screens."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_babel import lazy_pgettext
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import (
    BooleanField,
    DateField,
    FloatField,
    HiddenField,
    IntegerField,
    RadioField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
    TimeField,
    URLField,
)
from wtforms.validators import URL, DataRequired, InputRequired, Length, NumberRange, Optional

from ethics_hr.core.forms import REQUIRED, BaseForm, ShortCodeField, coerce_optional_int
from ethics_hr.people.forms import MultiCheckboxField
from ethics_hr.training.models import (
    CRITERIA,
    CRITERION_LABELS,
    EVALUATION_MODE_LABELS,
    RATINGS,
    EvaluationMode,
)


class TopicForm(BaseForm):
    code = ShortCodeField(_l("Short code"), max_length=40)
    name_th = StringField(_l("Name in Thai"), validators=[DataRequired(REQUIRED), Length(max=200)])
    name_en = StringField(_l("Name in English"), validators=[Optional(), Length(max=200)])
    is_ethics = BooleanField(_l("Ethics content"))
    active = BooleanField(_l("Active"), default=True)
    submit = SubmitField(_l("Save"))


class StatusForm(BaseForm):
    name_th = StringField(_l("Name in Thai"), validators=[DataRequired(REQUIRED), Length(max=100)])
    name_en = StringField(_l("Name in English"), validators=[Optional(), Length(max=100)])
    hours_factor = FloatField(
        _l("Share of the session's hours credited"),
        validators=[InputRequired(REQUIRED), NumberRange(0, 1, _l("Enter a share from 0 to 1."))],
    )
    active = BooleanField(_l("Active"), default=True)
    submit = SubmitField(_l("Save"))


class CourseForm(BaseForm):
    code = ShortCodeField(_l("Course code"), max_length=20)
    title_th = StringField(_l("Title in Thai"), validators=[DataRequired(REQUIRED), Length(max=300)])
    title_en = StringField(_l("Title in English"), validators=[Optional(), Length(max=300)])
    topic_id = SelectField(_l("Topic"), coerce=coerce_optional_int, validators=[InputRequired(REQUIRED)])
    is_ethics = BooleanField(_l("Counts as ethics content (toward the yearly hours required)"))
    default_hours = FloatField(
        _l("Hours of one session"),
        validators=[InputRequired(REQUIRED), NumberRange(0.25, 100, _l("Enter from 0.25 to 100 hours."))],
    )
    description_th = TextAreaField(_l("Description in Thai"), validators=[Optional(), Length(max=5000)])
    description_en = TextAreaField(_l("Description in English"), validators=[Optional(), Length(max=5000)])
    active = BooleanField(_l("Offered"), default=True)
    submit = SubmitField(_l("Save"))


STATUS_CHOICES = [
    ("planned", _l("Planned (announced, enrolment not open yet)")),
    ("open", _l("Open for enrolment")),
    ("completed", _l("Completed")),
]


class SessionForm(BaseForm):
    course_id = SelectField(_l("Course"), coerce=coerce_optional_int, validators=[InputRequired(REQUIRED)])
    day = DateField(_l("Date"), validators=[InputRequired(_l("Enter a date."))])
    start_time = TimeField(_l("Starts at"), validators=[InputRequired(_l("Enter a time."))])
    end_time = TimeField(_l("Ends at"), validators=[InputRequired(_l("Enter a time."))])
    place = StringField(_l("Place"), validators=[Optional(), Length(max=300)])
    online_url = URLField(
        _l("Online meeting link"),
        validators=[Optional(), Length(max=500), URL(message=_l("Enter a full web address (https://...)."))],
    )
    speakers = StringField(_l("Speakers"), validators=[Optional(), Length(max=500)])
    capacity = IntegerField(
        _l("Seats"),
        validators=[InputRequired(REQUIRED), NumberRange(1, 100_000, _l("Enter a number of seats from 1."))],
    )
    registration_deadline = DateField(_l("Registration deadline"), validators=[Optional()])
    mandatory = BooleanField(_l("Mandatory (invited people get a seat at once)"))
    status = SelectField(_l("Status"), choices=STATUS_CHOICES)
    hours = FloatField(
        _l("Hours credited (empty: the course's hours)"),
        validators=[Optional(), NumberRange(0.25, 100, _l("Enter from 0.25 to 100 hours."))],
    )
    notes = TextAreaField(_l("Notes"), validators=[Optional(), Length(max=2000)])
    evaluation = SelectField(
        _l("Evaluation by the participants"),
        choices=[(mode.value, label) for mode, label in EVALUATION_MODE_LABELS.items()],
        default=EvaluationMode.ANONYMOUS.value,
    )
    repeat_count = IntegerField(
        _l("Number of sessions"),
        default=1,
        validators=[Optional(), NumberRange(1, 12, _l("Enter from 1 to 12."))],
    )
    repeat_every_days = IntegerField(
        lazy_pgettext("recurring sessions", "Repeat every (days)"),
        default=7,
        validators=[Optional(), NumberRange(1, 60, _l("Enter from 1 to 60 days."))],
    )
    submit = SubmitField(_l("Save"))


class InviteForm(BaseForm):
    department_ids = MultiCheckboxField(_l("Departments"), coerce=int, choices=[])
    category_ids = MultiCheckboxField(_l("Staff categories"), coerce=int, choices=[])
    employee_numbers = TextAreaField(
        _l("Individuals: employee numbers, one per line or separated by commas"),
        validators=[Optional(), Length(max=20_000)],
    )
    submit = SubmitField(_l("Invite"))


class CancelSessionForm(BaseForm):
    reason = StringField(
        _l("Reason (told to those enrolled)"), validators=[DataRequired(REQUIRED), Length(max=500)]
    )
    submit = SubmitField(_l("Cancel the session"))


class WalkInForm(BaseForm):
    employee_number = StringField(_l("Employee number"), validators=[DataRequired(REQUIRED), Length(max=30)])
    status = SelectField(_l("Status"), choices=[])
    submit = SubmitField(_l("Add to the roster"))


class CheckInForm(BaseForm):
    code = StringField(
        _l("Check-in code"),
        validators=[DataRequired(_l("Enter the code shown in the room.")), Length(max=20)],
    )
    submit = SubmitField(_l("Check in"))
    enrol = SubmitField(_l("Enrol and check in"))


class AttendanceImportForm(BaseForm):
    file = FileField(
        _l("CSV or XLSX file"),
        validators=[
            FileRequired(_l("Choose a file.")),
            FileAllowed(["csv", "xlsx"], _l("Only CSV and XLSX files can be imported.")),
        ],
    )
    submit = SubmitField(_l("Check the file"))


class TestForm(BaseForm):
    """A session's pre-test or post-test: questions from the bank and the pass mark."""

    pass_percent = IntegerField(
        _l("Pass mark (per cent of the questions answered right)"),
        default=60,
        validators=[
            InputRequired(_l("Enter a pass mark of 0 to 100 per cent.")),
            NumberRange(0, 100, _l("Enter a pass mark of 0 to 100 per cent.")),
        ],
    )
    required_for_certificate = BooleanField(_l("Passing it is needed for the certificate"), default=True)
    question_ids = MultiCheckboxField(_l("Questions from the bank"), coerce=int, choices=[])
    submit = SubmitField(_l("Save the test"))


class TakeTestForm(BaseForm):
    """The answers are read from the request (one group of choices per question); this carries the order."""

    order = HiddenField()
    submit = SubmitField(_l("Check my answers"))


RATING_CHOICES = [(r, str(r)) for r in RATINGS]


def _rating(criterion: str) -> RadioField:
    return RadioField(
        CRITERION_LABELS[criterion],
        coerce=int,
        choices=RATING_CHOICES,
        validators=[InputRequired(_l("Give a rating from 1 to 5."))],
    )


class EvaluationForm(BaseForm):
    content = _rating("content")
    speaker = _rating("speaker")
    usefulness = _rating("usefulness")
    arrangements = _rating("arrangements")
    overall = _rating("overall")
    comment = TextAreaField(
        _l("What worked, and what would you change?"),
        validators=[Optional(), Length(max=2000, message=_l("Keep the comment to %(max)d characters."))],
    )
    submit = SubmitField(_l("Send my evaluation"))

    def rating_fields(self):
        return [self[c] for c in CRITERIA]
