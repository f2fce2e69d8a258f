"""What every benchmark module receives: the profile, the generated people and the users to act as."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from flask import Flask

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
