"""Finding a domain: each lands on its own, and a missing one makes its sections say "nothing recorded"."""

from __future__ import annotations

import importlib
from types import ModuleType


def domain(module: str) -> ModuleType | None:
    """Import a domain module, or return None when that domain is not part of this installation."""
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as error:
        missing = error.name or ""
        if module == missing or module.startswith(missing + "."):
            return None
        raise
