"""What every benchmark module receives: the profile, the generated people and the users to act as."""

from __future__ import annotations

import gc
import random
import tracemalloc
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from flask import Flask

from ethics_hr.extensions import db
from ethics_hr.people.models import User

SEED = 2569
WHO = ("officer", "employee", "committee", "admin", "anonymous")


@dataclass
class BenchContext:
    profile: str
    sizes: dict[str, int]
    app: Flask
    workdir: Path
    rng: random.Random = field(default_factory=lambda: random.Random(SEED))
    people: list[int] = field(default_factory=list)
    departments: list[int] = field(default_factory=list)
    officer: User | None = None
    employee: User | None = None
    committee: User | None = None
    admin: User | None = None
    extras: dict[str, Any] = field(default_factory=dict)

    @property
    def users(self) -> dict[str, User | None]:
        """The users pages are requested as, by the name a page gives ("anonymous" is no one)."""
        return {
            "officer": self.officer,
            "employee": self.employee,
            "committee": self.committee,
            "admin": self.admin,
            "anonymous": None,
        }


# An export holds no more than a few hundred of its rows at a time: what it may grow by, however many rows.
EXPORT_MAX_MIB = 20.0


def download_memory(ctx: BenchContext, url: str) -> dict:
    """Download a file as the officer and measure how much memory the download grew by (tracemalloc's peak,
    from before the request to the last byte read): an export that streams stays flat as the rows grow."""
    officer = db.session.get(User, ctx.officer.id)
    client = ctx.app.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = officer.get_id()
        session["_fresh"] = True
    gc.collect()
    tracemalloc.start()
    try:
        response = client.get(url, buffered=False)
        if response.status_code != 200:
            raise AssertionError(f"GET {url} answered {response.status}")
        size = sum(len(piece) for piece in response.response)
        response.close()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return {"bytes": size, "mib": round(peak / 2**20, 2)}
