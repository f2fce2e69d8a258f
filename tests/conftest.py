"""Fixtures: a fresh app and database per test, on SQLite by default and on PostgreSQL when asked."""

from __future__ import annotations

import contextlib
import contextvars
import os
import secrets
import shutil
from collections.abc import Iterator
from pathlib import Path

import jinja2
import jinja2.bccache
import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient
from flask_sqlalchemy.session import Session as FlaskSession
from hypothesis import HealthCheck, settings

from bench.statements import StatementCounter
from ethics_hr import create_app
from ethics_hr.extensions import db

# The one Hypothesis profile: examples share the test's app and database (function-scoped fixtures), and a
# request can take longer than Hypothesis's default deadline on a busy machine.
settings.register_profile(
    "ethics_hr",
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.load_profile("ethics_hr")

ON_POSTGRES = os.environ.get("ETHICS_HR_TEST_DB") == "postgres"
PG_URL = os.environ.get("ETHICS_HR_TEST_DATABASE_URL", "")
PG_MIGRATIONS_URL = os.environ.get("ETHICS_HR_TEST_MIGRATIONS_DATABASE_URL", "")


def postgres_migrations_url(what: str = "migrations") -> str:
    """The empty PostgreSQL database for migration tests, or skip.

    One pass tries migrations on it: the PostgreSQL pass when there is one (`make test` runs the two passes
    side by side, and two passes emptying the one database at once would break each other), else the SQLite
    pass.
    """
    if not PG_MIGRATIONS_URL:
        pytest.skip(f"ETHICS_HR_TEST_MIGRATIONS_DATABASE_URL is not set: {what} not tried on PostgreSQL")
    if PG_URL and not ON_POSTGRES:
        pytest.skip(f"the PostgreSQL pass tries the {what} on PostgreSQL")
    return PG_MIGRATIONS_URL


class IsolatedClient(FlaskClient):
    """A test client whose every request runs in its own contexts, like a real server.

    The test's own session first commits, so it holds no lock the request would wait for.
    """

    def open(self, *args, **kwargs):
        with contextlib.suppress(RuntimeError):  # no app context in the test
            db.session.commit()
        context = contextvars.Context()
        response = context.run(super().open, *args, **kwargs)
        if response.is_streamed:  # a streamed body is made as it is read: read it in the request's contexts
            context.run(response.make_sequence)
        return response


def _test_config(instance: Path, url: str) -> dict:
    config = {
        "SQLALCHEMY_DATABASE_URI": url,
        "INSTANCE_PATH": str(instance),
        "UPLOAD_FOLDER": str(instance / "uploads"),
    }
    if url.startswith("postgresql"):
        # A test database need not wait for the disk at each commit; what the tests check is unchanged.
        config["SQLALCHEMY_ENGINE_OPTIONS"] = {"connect_args": {"options": "-c synchronous_commit=off"}}
    return config


def _build_schema(app: Flask) -> None:
    from ethics_hr.reference import ensure_all_reference_data

    with app.app_context():
        db.drop_all()
        db.create_all()
        ensure_all_reference_data()
        db.session.commit()
        db.engine.dispose()


@pytest.fixture(scope="session")
def database_template(tmp_path_factory) -> Iterator[str]:
    """Create the schema once per run: a template SQLite file, or the tables of the PostgreSQL database."""
    if ON_POSTGRES:
        if not PG_URL:
            pytest.exit("ETHICS_HR_TEST_DB=postgres needs ETHICS_HR_TEST_DATABASE_URL", returncode=2)
        instance = tmp_path_factory.mktemp("pg-instance")
        _build_schema(_make_app(instance, PG_URL))
        yield PG_URL
        return
    folder = tmp_path_factory.mktemp("template")
    path = folder / "template.sqlite"
    _build_schema(_make_app(folder, f"sqlite:///{path}"))
    yield str(path)


class _SharedBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates kept for the whole run: every test builds a new app, none recompiles a template."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


TEMPLATE_CACHE = _SharedBytecodeCache()


def _make_app(instance: Path, url: str) -> Flask:
    app = create_app(_test_config(instance, url), env="testing")
    app.jinja_env.bytecode_cache = TEMPLATE_CACHE
    return app


def _truncate_all() -> None:
    """Empty every table and restart its ids: DELETE, much quicker than TRUNCATE on tables this small.

    The replica role switches triggers off for this transaction only: the append-only ones, and the foreign
    key checks (every table is emptied, so none is left dangling). It needs a superuser; other roles TRUNCATE.
    """
    try:
        _delete_all()
    except sa.exc.DBAPIError:
        names = ", ".join(f'"{t.name}"' for t in db.metadata.sorted_tables)
        with db.engine.begin() as conn:
            conn.execute(sa.text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))


def _delete_all() -> None:
    with db.engine.begin() as conn:
        conn.exec_driver_sql("SET LOCAL session_replication_role = replica")
        for table in reversed(db.metadata.sorted_tables):
            conn.exec_driver_sql(f'DELETE FROM "{table.name}"')
        sequences = conn.exec_driver_sql(
            "SELECT sequencename FROM pg_sequences "
            "WHERE schemaname = current_schema() AND last_value IS NOT NULL"
        ).scalars()
        for name in list(sequences):
            conn.exec_driver_sql(f'ALTER SEQUENCE "{name}" RESTART')


class _OneConnectionSession(FlaskSession):
    """A session on the test's one connection: Flask-SQLAlchemy's own sessions would take the engine's."""

    def get_bind(self, mapper=None, clause=None, bind=None, **kwargs):
        return bind or self.bind or super().get_bind(mapper=mapper, clause=clause, **kwargs)


@contextlib.contextmanager
def _rolled_back() -> Iterator[None]:
    """Run the test inside one transaction on one connection and roll it back afterwards (PostgreSQL).

    Every session of the test, its own and each request's (IsolatedClient runs a request in fresh contexts,
    so with a new scoped session), is bound to that connection; a commit releases a savepoint, a service's
    rollback returns to one. Ids are not reset between tests: no test relies on them.
    """
    from ethics_hr.core.settings import forget_cached_settings

    connection = db.engine.connect()
    outer = connection.begin()
    sessions = db.session
    db.session = db._make_scoped_session(
        {"class_": _OneConnectionSession, "bind": connection, "join_transaction_mode": "create_savepoint"}
    )
    try:
        yield
    finally:
        db.session.remove()
        db.session = sessions
        outer.rollback()
        connection.close()
        forget_cached_settings()  # the test's copy of the settings row is rolled back


def _cleaned_up() -> None:
    """Empty the tables a test committed to, then put the reference data back (PostgreSQL)."""
    from ethics_hr.core.settings import forget_cached_settings
    from ethics_hr.reference import ensure_all_reference_data

    db.session.rollback()
    db.session.remove()
    _truncate_all()
    forget_cached_settings()  # the test's copy of the settings row is gone with the tables
    ensure_all_reference_data()
    db.session.commit()
    db.session.remove()


def _needs_own_connections(request) -> bool:
    return any(request.node.get_closest_marker(name) for name in ("own_connections", "e2e"))


@pytest.fixture
def app(request, tmp_path, database_template) -> Iterator[Flask]:
    """A fresh app on a fresh database, with an app context pushed for the test's own code.

    SQLite: a copy of the template file per test. PostgreSQL: one database for the run; each test runs in a
    transaction rolled back at its end, except tests marked `own_connections` (threads racing, two schedulers,
    advisory locks held by separate connections, browser journeys), which commit for real and are cleaned up.
    """
    if ON_POSTGRES:
        url = database_template
    else:
        path = tmp_path / "test.sqlite"
        shutil.copyfile(database_template, path)
        url = f"sqlite:///{path}"
    application = _make_app(tmp_path, url)
    application.test_client_class = IsolatedClient
    with application.app_context():
        if ON_POSTGRES and not _needs_own_connections(request):
            with _rolled_back():
                yield application
        else:
            yield application
            if ON_POSTGRES:
                _cleaned_up()
            else:
                db.session.rollback()
                db.session.remove()
        db.engine.dispose()


class StatementCount:
    """The tests' one statement counter: `with count_statements() as seen:` then `len(seen)` (the statements,
    whitespace folded; an executemany counts once), or `count_statements.page(client, url)` for one page."""

    @contextlib.contextmanager
    def __call__(self) -> Iterator[list[str]]:
        with StatementCounter(db.engine) as counter:
            counter.statements = []
            yield counter.statements

    def page(self, client: FlaskClient, url: str) -> int:
        with self() as seen:
            assert client.get(url).status_code == 200
        return len(seen)


@pytest.fixture
def count_statements(app) -> StatementCount:
    return StatementCount()


@pytest.fixture
def client(app) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def login_as(client):
    """Log a user in for the client by putting their session id in the cookie session."""

    def login(user):
        with client.session_transaction() as session:
            session["_user_id"] = user.get_id()
            session["_fresh"] = True
        return user

    return login


@pytest.fixture
def in_english(app) -> None:
    """Show pages in English to visitors and to users without a preference, so tests can read messages."""
    from ethics_hr.core.settings import get_settings

    get_settings().default_locale = "en"
    db.session.commit()


@pytest.fixture
def smtp_server(app):
    """A real SMTP server on a free local port that the app sends to (see tests/smtp.py)."""
    from tests.smtp import LocalSMTPServer

    server = LocalSMTPServer()
    server.start()
    app.config.update(MAIL_SERVER=server.host, MAIL_PORT=server.port)
    yield server
    server.stop()


@pytest.fixture(params=["memory", "redis"])
def throttle_storage(request) -> str:
    """The store for tests that count attempts: memory, and the Redis of ETHICS_HR_TEST_REDIS_URL."""
    if request.param == "memory":
        return "memory://"
    url = os.environ.get("ETHICS_HR_TEST_REDIS_URL")
    if not url:
        pytest.skip(
            "ETHICS_HR_TEST_REDIS_URL is not set (e.g. redis://127.0.0.1:6379/14); Redis counters untested"
        )
    return url


@pytest.fixture
def behind_proxies(app, throttle_storage):
    """Build the application again on the test's database, deployed behind `hops` trusted reverse proxies.

    Its counters live in `throttle_storage`, under a secret key (and a key prefix) of this test only, so that
    a shared Redis holds nothing another test or run would count.
    """

    def build(hops: int, **config) -> Flask:
        other = create_app(
            {
                "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"],
                "SQLALCHEMY_ENGINE_OPTIONS": app.config["SQLALCHEMY_ENGINE_OPTIONS"],
                "INSTANCE_PATH": app.config["INSTANCE_PATH"],
                "UPLOAD_FOLDER": app.config["UPLOAD_FOLDER"],
                "SECRET_KEY": secrets.token_hex(16),
                "RATELIMIT_STORAGE_URI": throttle_storage,
                "RATELIMIT_KEY_PREFIX": secrets.token_hex(8),
                "TRUSTED_PROXIES": hops,
                **config,
            },
            env="testing",
        )
        other.jinja_env.bytecode_cache = TEMPLATE_CACHE
        other.test_client_class = app.test_client_class
        return other

    return build
