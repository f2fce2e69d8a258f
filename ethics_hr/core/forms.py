"""Forms every domain uses."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SubmitField


class ConfirmForm(FlaskForm):
    """A button that changes something: it carries the CSRF token and nothing else."""

    submit = SubmitField(_l("Confirm"))
