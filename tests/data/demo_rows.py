"""Every table's rows of a database, written to and read from a gzipped JSON file, with SQLAlchemy Core only.

The migration test (tests/test_migrations.py) fills a database at an earlier revision with these rows and
upgrades it. Make the file once per "previous head", from today's demo at today's head:

    python -m tests.data.demo_rows            # writes tests/data/demo_<head>.json.gz

The file is history: it is not regenerated when the demo or the models change later.
"""

from __future__ import annotations

import base64
import datetime as dt
import decimal
import gzip
import json
import sys
import tempfile
from pathlib import Path

import sqlalchemy as sa

HERE = Path(__file__).resolve().parent
SKIPPED = {"alembic_version"}


def _plain(value):
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, bytes | memoryview):
        return {"base64": base64.b64encode(bytes(value)).decode()}
    return value


def _python_type(column: sa.Column):
    try:
        return column.type.python_type
    except NotImplementedError:
        return None


def _typed(value, kind):
    if value is None or kind is None:
        return value
    if isinstance(value, dict) and set(value) == {"base64"}:
        return base64.b64decode(value["base64"])
    if kind is dt.datetime:
        return dt.datetime.fromisoformat(value)
    if kind is dt.date:
        return dt.date.fromisoformat(value)
    if kind is dt.time:
        return dt.time.fromisoformat(value)
    if kind is decimal.Decimal:
        return decimal.Decimal(value)
    return value


def dump(connection: sa.Connection) -> dict[str, list[dict]]:
    """Every table's rows, ordered by primary key, as JSON-ready dicts."""
    metadata = sa.MetaData()
    metadata.reflect(connection)
    tables = {}
    for table in _ordered(metadata):
        if table.name in SKIPPED:
            continue
        rows = connection.execute(sa.select(table).order_by(*table.primary_key.columns)).mappings()
        tables[table.name] = [{k: _plain(v) for k, v in row.items()} for row in rows]
    return tables


def _ordered(metadata: sa.MetaData) -> list[sa.Table]:
    """Parents first; the foreign keys of a cycle (department.head ↔ person.department) are left out of the
    order, and `load` sets them after the rows."""
    cyclic = {
        fkc
        for table, fkcs in sa.schema.sort_tables_and_constraints(metadata.tables.values())
        if table is None
        for fkc in fkcs
    }
    return sa.schema.sort_tables(
        metadata.tables.values(), skip_fn=lambda fk: fk.constraint in cyclic and fk.parent.nullable
    )


def load(connection: sa.Connection, tables: dict[str, list[dict]]) -> None:
    """Insert the rows into the reflected tables, parents first, then move PostgreSQL's id sequences on.

    A foreign key to a table not filled yet (a cycle) is inserted empty and set afterwards, so the load needs
    no deferred constraints and no superuser. Rows go in by primary key, so a row referring to an earlier
    row of its own table (an append-only correction) finds it.
    """
    metadata = sa.MetaData()
    metadata.reflect(connection)
    filled: set[str] = set()
    later: list[tuple[sa.Table, dict, dict]] = []
    for table in _ordered(metadata):
        rows = tables.get(table.name)
        filled.add(table.name)
        if not rows:
            continue
        kinds = {c.name: _python_type(c) for c in table.columns}
        deferred = {
            fk.parent.name
            for fk in table.foreign_keys
            if fk.column.table.name not in filled and fk.parent.nullable
        }
        typed = [{k: _typed(v, kinds[k]) for k, v in row.items()} for row in rows]
        for row in typed:
            late = {k: row[k] for k in deferred if row.get(k) is not None}
            if late:
                later.append((table, {c.name: row[c.name] for c in table.primary_key.columns}, late))
                row.update(dict.fromkeys(late))
        connection.execute(table.insert(), typed)
    for table, key, values in later:
        where = [table.c[name] == value for name, value in key.items()]
        connection.execute(table.update().where(*where).values(values))
    if connection.dialect.name == "postgresql":
        for table in metadata.tables.values():
            if "id" in table.columns and tables.get(table.name):
                connection.execute(
                    sa.text(
                        "SELECT setval(pg_get_serial_sequence(:name, 'id'), (SELECT max(id) FROM "
                        f'"{table.name}"))'
                    ).bindparams(name=f'"{table.name}"')
                )


def write(path: Path, revision: str, tables: dict[str, list[dict]]) -> None:
    body = json.dumps({"revision": revision, "tables": tables}, ensure_ascii=False, sort_keys=True, indent=0)
    # mtime=0: the same rows give the same bytes, so a regenerated file shows no spurious change.
    path.write_bytes(gzip.compress(body.encode(), mtime=0))


def read(path: Path) -> tuple[str, dict[str, list[dict]]]:
    data = json.loads(gzip.decompress(path.read_bytes()))
    return data["revision"], data["tables"]


def main() -> None:
    from flask_migrate import upgrade

    from ethics_hr import MIGRATIONS_DIR, create_app
    from ethics_hr.demo.loader import load_demo
    from ethics_hr.extensions import db

    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'demo.sqlite'}"
        app = create_app({"SQLALCHEMY_DATABASE_URI": url, "INSTANCE_PATH": folder}, env="testing")
        with app.app_context():
            upgrade(directory=MIGRATIONS_DIR)
            load_demo()
            db.session.commit()
            with db.engine.connect() as connection:
                revision = connection.execute(sa.text("SELECT version_num FROM alembic_version")).scalar_one()
                tables = dump(connection)
            db.engine.dispose()
    target = HERE / f"demo_{revision}.json.gz"
    write(target, revision, tables)
    print(f"{target.name}: {sum(map(len, tables.values()))} rows in {len(tables)} tables", file=sys.stderr)


if __name__ == "__main__":
    main()
