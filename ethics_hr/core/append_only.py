"""Database triggers that make evidence tables append-only on SQLite and PostgreSQL."""

from __future__ import annotations

import sqlalchemy as sa

PG_FUNCTION = """
CREATE OR REPLACE FUNCTION ethics_hr_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION USING MESSAGE = 'table ' || TG_TABLE_NAME || ' is append-only: ' || TG_OP || ' refused';
END
$$ LANGUAGE plpgsql
"""


def trigger_statements(table_name: str, dialect: str) -> list[str]:
    """Return the statements that forbid UPDATE, DELETE and TRUNCATE on a table for one dialect.

    SQLite has no TRUNCATE: its "DELETE FROM t" shortcut is off on a table with triggers, so the DELETE
    trigger holds. PostgreSQL's TRUNCATE fires no row trigger and needs its own statement trigger.
    """
    if dialect == "sqlite":
        return [
            f"CREATE TRIGGER {table_name}_no_update BEFORE UPDATE ON {table_name} "
            f"BEGIN SELECT RAISE(ABORT, '{table_name} is append-only: UPDATE refused'); END",
            f"CREATE TRIGGER {table_name}_no_delete BEFORE DELETE ON {table_name} "
            f"BEGIN SELECT RAISE(ABORT, '{table_name} is append-only: DELETE refused'); END",
        ]
    if dialect == "postgresql":
        return [
            PG_FUNCTION,
            f"CREATE TRIGGER {table_name}_append_only BEFORE UPDATE OR DELETE ON {table_name} "
            f"FOR EACH ROW EXECUTE FUNCTION ethics_hr_refuse_change()",
            truncate_trigger(table_name),
        ]
    raise NotImplementedError(f"append-only triggers are not written for {dialect}")


def truncate_trigger(table_name: str) -> str:
    """PostgreSQL: refuse TRUNCATE of a table (one statement trigger)."""
    return (
        f"CREATE TRIGGER {table_name}_no_truncate BEFORE TRUNCATE ON {table_name} "
        f"FOR EACH STATEMENT EXECUTE FUNCTION ethics_hr_refuse_change()"
    )


def append_only(table: sa.Table) -> sa.Table:
    """Attach the append-only triggers to a table created through metadata.create_all()."""

    @sa.event.listens_for(table, "after_create")
    def _create_triggers(target, connection, **kw):
        for statement in trigger_statements(target.name, connection.dialect.name):
            connection.exec_driver_sql(statement)

    return table


def create_triggers_in_migration(op, table_name: str) -> None:
    """Create the append-only triggers from an Alembic migration."""
    dialect = op.get_bind().dialect.name
    for statement in trigger_statements(table_name, dialect):
        op.execute(statement)
