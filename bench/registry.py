"""The modules whose generators, pages and tasks the benchmark runs, in this order (people first)."""

from __future__ import annotations

# Each module has `generate(ctx)` and `pages(ctx)`, and may have `tasks(ctx)`. Append yours.
MODULES: list[str] = [
    "bench.people",
    "bench.committees",
    "bench.codes",
    "bench.pledges",
    "bench.training",
    "bench.plans",
    "bench.questions",
    "bench.notifications",
    "bench.reminders",
    "bench.gifts",
    "bench.conflicts",
    "bench.evidence",
    "bench.learning",
    "bench.assessment",
]
