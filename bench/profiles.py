"""Sizes of the organisations the benchmark generates, one profile per size."""

from __future__ import annotations

PROFILES: dict[str, dict[str, int]] = {
    # A tiny organisation for the test that keeps the benchmark itself from rotting.
    "XS": {"people": 30, "departments": 3, "import_rows": 30, "repeat": 2},
    # A town municipality.
    "M": {"people": 1_000, "departments": 20, "import_rows": 1_000, "repeat": 15},
    # A large city or a provincial administrative organisation.
    "L": {"people": 10_000, "departments": 60, "import_rows": 10_000, "repeat": 15},
    # A province's or a large city's whole staff, for the growth checks (issue 17): run it after M and L.
    "XL": {"people": 50_000, "departments": 150, "import_rows": 50_000, "repeat": 10},
}

DEFAULT_PROFILES: tuple[str, ...] = ("M", "L")
