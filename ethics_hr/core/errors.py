"""The error a service raises when input breaks a rule; views show it next to the field."""

from __future__ import annotations


class RuleViolation(Exception):
    """A rule was broken; `field` names the form field the message belongs to (or None for the whole form)."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


def apply_to_form(form, error: RuleViolation) -> None:
    """Show a service's rule violation next to its field, or at the top of the form."""
    field = getattr(form, error.field, None) if error.field else None
    if field is not None:
        field.errors = [*list(field.errors or []), error.message]
    else:
        form.form_errors.append(error.message)
