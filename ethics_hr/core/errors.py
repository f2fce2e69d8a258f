"""The error a service raises when input breaks a rule, and the view helpers that show it to the user."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass


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


@dataclass
class Outcome:
    """Whether the service calls inside `shown_on` / `flashed` went through without breaking a rule."""

    ok: bool = False
    error: RuleViolation | None = None


@contextmanager
def shown_on(form) -> Iterator[Outcome]:
    """Run service calls for a form; a broken rule becomes the message next to its field, input kept.

        with shown_on(form) as outcome:
            service(...)
        if outcome.ok:
            return redirect(...)
        return render_template(..., form=form)

    The service has already rolled its unit of work back, so nothing was written.
    """
    outcome = Outcome()
    try:
        yield outcome
    except RuleViolation as error:
        outcome.error = error
        apply_to_form(form, error)
    else:
        outcome.ok = True


@contextmanager
def flashed() -> Iterator[Outcome]:
    """Run service calls for a button without a form; a broken rule is flashed as a warning."""
    from flask import flash

    outcome = Outcome()
    try:
        yield outcome
    except RuleViolation as error:
        outcome.error = error
        flash(error.message, "warning")
    else:
        outcome.ok = True
