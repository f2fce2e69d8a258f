"""The one SQL statement counter, shared by the benchmark and the tests' `count_statements` fixture."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine


class StatementCounter:
    """Count the SQL statements an engine sends (an executemany counts once)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.count = 0
        self.statements: list[str] | None = None  # a list collects the statements themselves
        event.listen(engine, "before_cursor_execute", self._seen)

    def _seen(self, conn, cursor, statement: str, *args: Any) -> None:
        self.count += 1
        if self.statements is not None:
            self.statements.append(" ".join(statement.split()))

    def close(self) -> None:
        event.remove(self.engine, "before_cursor_execute", self._seen)

    def __enter__(self) -> StatementCounter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
