"""The request class: submitted text never carries control characters into the application."""

from __future__ import annotations

import re
from typing import Any

from flask import Request
from werkzeug.datastructures import ImmutableMultiDict, MultiDict

# C0 controls and DEL, except tab, line feed and carriage return; PostgreSQL refuses NUL in text outright.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def without_controls(value: Any) -> Any:
    """Remove control characters from a text; leave other values (uploaded files) alone."""
    return CONTROL_CHARACTERS.sub("", value) if isinstance(value, str) else value


class CleanMultiDict(ImmutableMultiDict):
    """Query arguments and form fields, with control characters removed from names and values."""

    def __init__(self, mapping: Any = None) -> None:
        pairs = MultiDict(mapping).items(multi=True) if mapping is not None else ()
        super().__init__([(without_controls(k), without_controls(v)) for k, v in pairs])


class CleanRequest(Request):
    parameter_storage_class = CleanMultiDict
