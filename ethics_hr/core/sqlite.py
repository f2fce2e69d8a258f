"""SQLite as a serious database: foreign keys, WAL, a busy timeout, write transactions that begin at once.

Reads run outside transactions and take no lock; the driver opens a transaction with BEGIN IMMEDIATE right
before the first INSERT, UPDATE or DELETE, so writers queue (busy timeout) instead of failing half way.
A rule that reads and then writes on what it read starts the write first (`core.db.begin_write`).
"""

from __future__ import annotations

import sqlite3

from sqlalchemy import event
from sqlalchemy.engine import Engine

BUSY_TIMEOUT_MS = 15000


def _on_connect(dbapi_connection, connection_record) -> None:
    if not isinstance(dbapi_connection, sqlite3.Connection):
        return
    dbapi_connection.isolation_level = "IMMEDIATE"
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def install() -> None:
    """Install the listener once for every engine of the process."""
    if not event.contains(Engine, "connect", _on_connect):
        event.listen(Engine, "connect", _on_connect)
