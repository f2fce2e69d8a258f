"""Forms of the declarations: a declaration (with rows of interests), a reviewer's decision, a category."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    DateField,
    FieldList,
    Form,
    FormField,
    RadioField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, Optional

from ethics_hr.conflicts.models import DecisionOutcome, DeclarationKind
from ethics_hr.conflicts.services import MAX_INTERESTS
from ethics_hr.core.formatting import format_date, format_fiscal_year
from ethics_hr.core.forms import REQUIRED, BaseForm, coerce_optional_int, strip_text

ROWS = 3  # empty rows of interests a new form offers; "add a row" gives more


class InterestRow(Form):
    """One interest: a row of the declaration form (no CSRF of its own: the declaration form carries it)."""

    category_id = SelectField(_l("Category"), coerce=coerce_optional_int, validate_choice=False)
    description = TextAreaField(
        _l("The interest"), filters=[strip_text], validators=[Optional(), Length(max=1000)]
    )
    other_party = StringField(
        _l("The other party (company, person, organisation)"),
        filters=[strip_text],
        validators=[Optional(), Length(max=300)],
    )
    relation = StringField(
        _l("Your relation to them (optional)"), filters=[strip_text], validators=[Optional(), Length(max=300)]
    )


class DeclarationForm(BaseForm):
    kind = RadioField(_l("Declaration"), default=DeclarationKind.ANNUAL.value, validate_choice=False)
    fiscal_year = SelectField(_l("Fiscal year"), coerce=coerce_optional_int, validate_choice=False)
    situation = StringField(
        _l("The situation (e.g. the procurement or the decision it is about)"),
        validators=[Optional(), Length(max=300)],
    )
    situation_on = DateField(
        _l("Day the situation arose"), validators=[Optional()], render_kw={"type": "date"}
    )
    has_interests = RadioField(
        _l("Interests"),
        choices=[
            ("no", _l("I have no interests to declare")),
            ("yes", _l("I have interests to declare (below)")),
        ],
        validate_choice=False,
    )
    interests = FieldList(FormField(InterestRow), min_entries=ROWS, max_entries=MAX_INTERESTS)
    question_id = SelectField(
        _l("Goes with my ethics question (optional)"), coerce=coerce_optional_int, validate_choice=False
    )
    note = TextAreaField(_l("Note (optional)"), validators=[Optional(), Length(max=2000)])
    correction_reason = TextAreaField(
        _l("What the correction changes"), validators=[Optional(), Length(max=2000)]
    )
    confirmed = BooleanField(
        _l("I confirm that what I declare is true and complete, and I will declare again if it changes.")
    )
    more_rows = SubmitField(_l("Add a row"))
    submit = SubmitField(_l("Submit the declaration"))

    def __init__(self, *args, years=(), categories=(), questions=(), locale=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind.choices = [(k.value, k.label) for k in DeclarationKind]  # in the reader's language
        self.fiscal_year.choices = [(y, format_fiscal_year(y, locale=locale)) for y in years]
        options = [(None, "—")] + [(c.id, c.name(locale)) for c in categories]
        for row in self.interests:
            row.form.category_id.choices = options
        self._category_options = options
        self.question_id.choices = [(None, "—")] + [
            (q.id, f"{q.subject} ({format_date(q.asked_on, locale=locale)})") for q in questions
        ]

    def add_row(self) -> None:
        if len(self.interests.entries) < MAX_INTERESTS:
            self.interests.append_entry()
            self.interests.entries[-1].form.category_id.choices = self._category_options

    def __getattr__(self, name: str):
        # A rule broken in a row of interests names the row's field ("interests-1-other_party"), so that
        # core.errors shows it next to that field.
        if name.startswith("interests-"):
            for row in self._fields["interests"].entries:
                for sub in row.form:
                    if sub.name == name:
                        return sub
        raise AttributeError(name)


class DecisionForm(BaseForm):
    outcome = RadioField(_l("Decision"), validate_choice=False)
    measure = TextAreaField(
        _l("How the conflict is managed (manage)"), validators=[Optional(), Length(max=2000)]
    )
    referred_to = StringField(_l("Referred to (refer)"), validators=[Optional(), Length(max=300)])
    note = TextAreaField(_l("Note"), validators=[Optional(), Length(max=2000)])
    submit = SubmitField(_l("Record the decision"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.outcome.choices = [(o.value, o.label) for o in DecisionOutcome]  # in the reader's language


class CategoryForm(BaseForm):
    name_th = StringField(_l("Name (Thai)"), validators=[DataRequired(REQUIRED), Length(max=200)])
    name_en = StringField(_l("Name (English)"), validators=[Optional(), Length(max=200)])
    submit = SubmitField(_l("Save"))
