"""Forms every domain uses."""

from __future__ import annotations

import unicodedata

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField, SubmitField
from wtforms.fields.core import UnboundField
from wtforms.validators import DataRequired, Length, ValidationError

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


SHORT_CODE_PUNCTUATION = ".-_"


def is_short_code(text: str) -> bool:
    """Tell whether a text is a short code: it starts with a letter or digit of any script (Thai too), then
    letters, digits, the marks Thai writes above and below letters, '.', '-' or '_'."""
    if not text or not text[0].isalnum():
        return False
    return all(ch.isalnum() or ch in SHORT_CODE_PUNCTUATION or _is_mark(ch) for ch in text)


def _is_mark(ch: str) -> bool:
    return unicodedata.category(ch).startswith("M")


class ShortCode:
    """Validator: the field holds a short code (see `is_short_code`)."""

    def __init__(self, message: str | None = None):
        self.message = message

    def __call__(self, form, field) -> None:
        if field.data and not is_short_code(field.data):
            raise ValidationError(self.message or _l("Use letters, digits, '.', '-' or '_' only."))


class ShortCodeField(StringField):
    """The short code of a department, topic, course...: required, at most `max_length` characters.

    Letters of any script are accepted (a department code "สป"), with digits, '.', '-' and '_'.
    """

    def __init__(self, label=None, validators=None, *, max_length: int = 20, **kwargs):
        checks = [DataRequired(REQUIRED), Length(max=max_length), ShortCode(), *(validators or [])]
        super().__init__(label if label is not None else _l("Short code"), checks, **kwargs)


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
