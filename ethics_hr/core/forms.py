"""Forms every domain uses."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField, SubmitField
from wtforms.fields.core import UnboundField

REQUIRED = _l("This field is required.")


def coerce_optional_int(value):
    """Read a select's value as an id; empty or malformed is None, for the rule behind it to refuse."""
    if value in (None, "", "None"):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def strip_text(value):
    """Drop the spaces around a typed text (pasted emails and codes often carry some).

    NUL characters go too: PostgreSQL refuses them in text and nobody types one.
    """
    return value.replace("\x00", "").strip() if isinstance(value, str) else value


class BaseForm(FlaskForm):
    """The base of the app's forms: text fields (not passwords) lose their surrounding spaces."""

    class Meta:
        def bind_field(self, form, unbound_field: UnboundField, options: dict):
            cls = unbound_field.field_class
            if issubclass(cls, StringField) and not issubclass(cls, PasswordField):
                kwargs = dict(unbound_field.kwargs)
                kwargs["filters"] = [strip_text, *kwargs.get("filters", ())]
                unbound_field = UnboundField(cls, *unbound_field.args, **kwargs)
            return unbound_field.bind(form=form, **options)


class ConfirmForm(BaseForm):
    """A button that changes something: it carries the CSRF token and nothing else."""

    submit = SubmitField(_l("Confirm"))
