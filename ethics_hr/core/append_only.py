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


PG_FROZEN_FUNCTION = """
CREATE OR REPLACE FUNCTION ethics_hr_refuse_change_of_{table}() RETURNS trigger AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM {guard} WHERE {column} = OLD.id) THEN
        RAISE EXCEPTION USING MESSAGE = '{table} row has a {guard}: ' || TG_OP || ' refused';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$ LANGUAGE plpgsql
"""


def frozen_once_statements(table_name: str, guard_table: str, guard_column: str, dialect: str) -> list[str]:
    """Return the statements that forbid UPDATE and DELETE of a row once another table refers to it.

    A gift may be corrected by the person until the head has decided on it; from the first decision on, the
    database itself keeps it as it was (TRUNCATE is refused through the decisions' foreign key and triggers).
    """
    exists = f"EXISTS (SELECT 1 FROM {guard_table} WHERE {guard_column} = OLD.id)"
    if dialect == "sqlite":
        return [
            f"CREATE TRIGGER {table_name}_frozen_no_{op.lower()} BEFORE {op} ON {table_name} WHEN {exists} "
            f"BEGIN SELECT RAISE(ABORT, '{table_name} row has a {guard_table}: {op} refused'); END"
            for op in ("UPDATE", "DELETE")
        ]
    if dialect == "postgresql":
        return [
            PG_FROZEN_FUNCTION.format(table=table_name, guard=guard_table, column=guard_column),
            f"CREATE TRIGGER {table_name}_frozen BEFORE UPDATE OR DELETE ON {table_name} "
            f"FOR EACH ROW EXECUTE FUNCTION ethics_hr_refuse_change_of_{table_name}()",
        ]
    raise NotImplementedError(f"frozen-row triggers are not written for {dialect}")


def frozen_once(table: sa.Table, guard_table: str, guard_column: str) -> sa.Table:
    """Attach the triggers of `frozen_once_statements` to a table created through metadata.create_all()."""

    @sa.event.listens_for(table, "after_create")
    def _create_triggers(target, connection, **kw):
        for statement in frozen_once_statements(
            target.name, guard_table, guard_column, connection.dialect.name
        ):
            connection.exec_driver_sql(statement)

    return table
