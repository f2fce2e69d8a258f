"""Load one profile into a fresh database, then time its generators, pages and tasks."""

from __future__ import annotations

import cProfile
import importlib
import io
import pstats
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from flask import Flask

from bench.context import WHO, BenchContext
from bench.profiles import PROFILES
from bench.registry import MODULES
from bench.statements import StatementCounter
from ethics_hr import create_app
from ethics_hr.extensions import db
from ethics_hr.people.models import User


class BenchFailure(Exception):
    """A page did not answer 200, a module is malformed, or a task raised."""


@dataclass
class PageResult:
    name: str
    url: str
    who: str
    median_ms: float
    min_ms: float
    max_ms: float
    sql: int
    sql_min: int
    runs: int
    grows: str | None = None  # why its time may grow with the organisation: then only its SQL is judged
    max_ratio: float | None = None  # the page's own target for the larger profile's time, if tighter


@dataclass
class TaskResult:
    name: str
    seconds: float
    sql: int
    limit_s: float | None
    mib: float | None = None  # memory the task reports it grew by (tracemalloc), if it measures it
    limit_mib: float | None = None

    @property
    def ok(self) -> bool:
        fast = self.limit_s is None or self.seconds < self.limit_s
        small = self.limit_mib is None or (self.mib is not None and self.mib < self.limit_mib)
        return fast and small


@dataclass
class ProfileResult:
    profile: str
    sizes: dict[str, int]
    database: str
    schema_s: float = 0.0
    generators: dict[str, float] = field(default_factory=dict)
    pages: list[PageResult] = field(default_factory=list)
    tasks: list[TaskResult] = field(default_factory=list)


def make_app(workdir: Path, database_url: str | None) -> Flask:
    """Create the app in testing mode on the bench database, with its instance folder in the work dir."""
    url = database_url or f"sqlite:///{workdir / 'bench.sqlite'}"
    return create_app(
        {
            "SQLALCHEMY_DATABASE_URI": url,
            "INSTANCE_PATH": str(workdir / "instance"),
            "UPLOAD_FOLDER": str(workdir / "instance" / "uploads"),
        },
        env="testing",
    )


def build_schema(app: Flask, *, drop_first: bool) -> None:
    from ethics_hr.reference import ensure_all_reference_data

    with app.app_context():
        if drop_first:
            db.drop_all()
        db.create_all()
        ensure_all_reference_data()
        db.session.commit()


def load_modules(names: list[str] | None = None) -> list[Any]:
    modules = []
    for name in names or MODULES:
        module = importlib.import_module(name)
        for required in ("generate", "pages"):
            if not callable(getattr(module, required, None)):
                raise BenchFailure(f"{name} has no {required}(ctx)")
        modules.append(module)
    return modules


def _reload_users(ctx: BenchContext) -> None:
    """Load the users again after the last commit, so they stay readable once the session is closed."""
    db.session.commit()
    for who in ("officer", "employee", "committee", "admin"):
        user = getattr(ctx, who)
        if user is None:
            continue
        fresh = db.session.get(User, user.id)
        _ = fresh.person.department, fresh.roles  # load what templates and get_id() read
        setattr(ctx, who, fresh)


def _client(app: Flask, user: User | None):
    client = app.test_client()
    if user is not None:
        with client.session_transaction() as session:
            session["_user_id"] = user.get_id()
            session["_fresh"] = True
    return client


def _get(client, profile: str, name: str, url: str, who: str):
    response = client.get(url)
    if response.status_code != 200:
        where = f" → {response.headers.get('Location')}" if response.headers.get("Location") else ""
        raise BenchFailure(f"[{profile}] {name}: GET {url} as {who} answered {response.status}{where}")
    return response


def measure_page(
    app: Flask,
    counter: StatementCounter,
    ctx: BenchContext,
    page: tuple,
    repeat: int,
    clients: dict[str, Any],
    show_sql: Callable[[str], None] | None = None,
    top: tuple[int, Callable[[str], None]] | None = None,
) -> PageResult:
    """Warm a page up once, then request it `repeat` times: median time and statements per request. With
    `top`, one more request runs under cProfile and its most expensive functions are printed."""
    name, url, who, *rest = page
    if who not in WHO:
        raise BenchFailure(f"{name}: unknown user {who!r}; use one of {', '.join(WHO)}")
    user = ctx.users[who]
    if who != "anonymous" and user is None:
        raise BenchFailure(f"{name}: no {who} user was generated")
    if who not in clients:
        clients[who] = _client(app, user)
    client = clients[who]
    counter.statements = [] if show_sql else None
    _get(client, ctx.profile, name, url, who)
    if show_sql:
        show_sql(f"-- [{ctx.profile}] {name}: GET {url} as {who}\n" + "\n".join(counter.statements or []))
        counter.statements = None
    times: list[float] = []
    counts: list[int] = []
    for _ in range(repeat):
        counter.count = 0
        start = time.perf_counter()
        _get(client, ctx.profile, name, url, who)
        times.append((time.perf_counter() - start) * 1000)
        counts.append(counter.count)
    if top:
        lines, print_out = top
        profiler = cProfile.Profile()
        profiler.runcall(_get, client, ctx.profile, name, url, who)
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(lines)
        heading = f"-- [{ctx.profile}] {name}: the {lines} functions with the most time, under cProfile"
        print_out(f"{heading}\n{out.getvalue()}")
    return PageResult(
        name=name,
        url=url,
        who=who,
        median_ms=statistics.median(times),
        min_ms=min(times),
        max_ms=max(times),
        sql=max(counts),
        sql_min=min(counts),
        runs=repeat,
        grows=next((item for item in rest if isinstance(item, str)), None),
        max_ratio=next((float(item) for item in rest if isinstance(item, int | float)), None),
    )


def _tasks_of(modules: list[Any], ctx: BenchContext) -> list[tuple]:
    """Each module's tasks as (name, function, seconds limit, MiB limit): a task is (name, function), then
    optionally its limit in seconds and its limit in MiB of memory growth (the function then returns a dict
    with the "mib" it measured)."""
    found = []
    for module in modules:
        provider = getattr(module, "tasks", None)
        for task in provider(ctx) if provider else []:
            name, function, *rest = task
            found.append((name, function, rest[0] if rest else None, rest[1] if len(rest) > 1 else None))
    return found


def _wanted(name: str, only: str | None) -> bool:
    """Whether a page or task is measured: `only` is one or more substrings, separated by "|"."""
    return not only or any(part in name for part in only.split("|"))


def run_profile(
    profile: str,
    workdir: Path,
    *,
    database_url: str | None = None,
    only: str | None = None,
    repeat: int | None = None,
    modules: list[str] | None = None,
    show_sql: bool = False,
    top: int = 0,
    log: Callable[[str], None] = print,
) -> ProfileResult:
    """Generate one profile in a fresh database and measure every page and task of every module."""
    sizes = PROFILES[profile]
    app = make_app(workdir, database_url)
    result = ProfileResult(profile, dict(sizes), "postgresql" if database_url else "sqlite")
    start = time.perf_counter()
    build_schema(app, drop_first=database_url is not None)
    result.schema_s = time.perf_counter() - start

    ctx = BenchContext(profile=profile, sizes=dict(sizes), app=app, workdir=workdir)
    loaded = load_modules(modules)
    with app.app_context():
        for module in loaded:
            start = time.perf_counter()
            module.generate(ctx)
            db.session.commit()
            result.generators[module.__name__] = time.perf_counter() - start
            log(f"  [{profile}] {module.__name__}: generated in {result.generators[module.__name__]:.2f} s")
        _reload_users(ctx)
        pages = [page for module in loaded for page in module.pages(ctx)]
        engine = db.engine
    if engine.dialect.name == "postgresql":
        # Autovacuum would have run on a real server by now: give the planner its statistics.
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM ANALYZE")
    names = [page[0] for page in pages]
    duplicates = {name for name in names if names.count(name) > 1}
    if duplicates:
        raise BenchFailure(f"two pages share a name: {', '.join(sorted(duplicates))}")

    counter = StatementCounter(engine)
    try:
        # No app context is pushed here: each request gets its own, with its own session, like a real server.
        clients: dict[str, Any] = {}
        for page in pages:
            if not _wanted(page[0], only):
                continue
            times = repeat or sizes["repeat"]
            result.pages.append(
                measure_page(
                    app,
                    counter,
                    ctx,
                    page,
                    times,
                    clients,
                    log if show_sql else None,
                    (top, log) if top else None,
                )
            )
        with app.app_context():
            tasks = [task for task in _tasks_of(loaded, ctx) if _wanted(task[0], only)]
        for name, function, limit, limit_mib in tasks:
            with app.app_context():  # each task in its own context and session, like a CLI command or a job
                counter.count = 0
                start = time.perf_counter()
                profiler = cProfile.Profile() if top else None
                try:
                    outcome = profiler.runcall(function) if profiler else function()
                    db.session.commit()
                except Exception as error:
                    raise BenchFailure(f"[{profile}] task {name} failed: {error!r}") from error
                seconds = time.perf_counter() - start
            if profiler:
                out = io.StringIO()
                pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(top)
                log(
                    f"-- [{profile}] task {name}: the {top} functions with the most time (run under cProfile)"
                )
                log(out.getvalue())
            mib = outcome.get("mib") if isinstance(outcome, dict) else None
            result.tasks.append(TaskResult(name, seconds, counter.count, limit, mib, limit_mib))
            log(f"  [{profile}] {name}: {seconds:.2f} s" + (f", {mib:.1f} MiB" if mib is not None else ""))
    finally:
        counter.close()
        with app.app_context():
            db.session.remove()
            db.engine.dispose()
    return result
