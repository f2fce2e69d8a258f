"""Keep the development server's access log from writing who visited pages where anonymity is promised."""

from __future__ import annotations

import logging

PRIVATE_PREFIXES: tuple[str, ...] = ("/ask", "/questions/new")


class RedactPrivateRequests(logging.Filter):
    """Drop access-log lines of private paths: such a line carries the visitor's address and time."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        return not any(f" {prefix}" in message for prefix in PRIVATE_PREFIXES)


def install() -> None:
    logger = logging.getLogger("werkzeug")
    if not any(isinstance(f, RedactPrivateRequests) for f in logger.filters):
        logger.addFilter(RedactPrivateRequests())
