"""A page of items the caller fetches itself, with a total the caller counted (from kept counts, say)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask_sqlalchemy.pagination import Pagination


class FetchedPage(Pagination):
    """A Flask-SQLAlchemy pagination (what the `pager` macro reads) over `fetch(offset, limit)`.

    For a list that is not one SELECT: the queue's declarations waiting first, then the others.
    """

    def __init__(self, fetch: Callable[[int, int], list[Any]], total: int, *, page: int, per_page: int):
        self._fetch, self._total = fetch, total
        super().__init__(page=page, per_page=per_page, max_per_page=None, error_out=False)

    def _query_items(self) -> list[Any]:
        return self._fetch(self._query_offset, self.per_page)

    def _query_count(self) -> int:
        return self._total
