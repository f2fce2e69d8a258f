"""Forms of the gift register: a gift as its receiver records it, the head's decision, the announcement."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import DateField, DecimalField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from ethics_hr.core.forms import REQUIRED, BaseForm, coerce_optional_int
from ethics_hr.gifts.models import DECIDED_OUTCOMES, GiftOutcome


def outcome_choices(outcomes) -> list[tuple[str, str]]:
    return [(o.value, o.label) for o in outcomes]


class GiftForm(BaseForm):
    received_on = DateField(
        _l("Day received"), validators=[InputRequired(REQUIRED)], render_kw={"type": "date"}
    )
    giver_name = StringField(_l("Giver"), validators=[DataRequired(REQUIRED), Length(max=200)])
    giver_organisation = StringField(
        _l("Giver's organisation or company (optional)"), validators=[Optional(), Length(max=200)]
    )
    description = StringField(_l("What was given"), validators=[DataRequired(REQUIRED), Length(max=500)])
    value_baht = DecimalField(
        _l("Estimated value (baht)"),
        places=2,
        validators=[InputRequired(REQUIRED)],
        render_kw={"inputmode": "decimal"},
    )
    occasion_id = SelectField(_l("Occasion"), coerce=coerce_optional_int, validate_choice=False)
    outcome = SelectField(_l("What was done with it"), validate_choice=False)
    note = TextAreaField(_l("Note (optional)"), validators=[Optional(), Length(max=2000)])
    submit = SubmitField(_l("Save"))

    def __init__(self, *args, occasions=(), locale=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.occasion_id.choices = [(None, "—")] + [(o.id, o.name(locale)) for o in occasions]
        self.outcome.choices = outcome_choices(
            (GiftOutcome.PENDING, GiftOutcome.KEPT, GiftOutcome.RETURNED, GiftOutcome.HANDED_OVER)
        )


class DecisionForm(BaseForm):
    outcome = SelectField(_l("Decision"), validate_choice=False)
    note = TextAreaField(_l("Note"), validators=[Optional(), Length(max=2000)])
    submit = SubmitField(_l("Record the decision"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.outcome.choices = [("", "—"), *outcome_choices(DECIDED_OUTCOMES)]


class AnnouncementForm(BaseForm):
    title_th = StringField(
        _l("Announcement title (Thai)"), validators=[DataRequired(REQUIRED), Length(max=300)]
    )
    title_en = StringField(_l("Announcement title (English)"), validators=[Optional(), Length(max=300)])
    body_th = TextAreaField(_l("Text (Thai)"), validators=[DataRequired(REQUIRED), Length(max=20000)])
    body_en = TextAreaField(_l("Text (English)"), validators=[Optional(), Length(max=20000)])
    announced_on = DateField(
        _l("Day announced"), validators=[InputRequired(REQUIRED)], render_kw={"type": "date"}
    )
    submit = SubmitField(_l("Publish"))
