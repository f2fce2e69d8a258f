"""The benchmark runs end to end on a tiny organisation, so it cannot rot between `make bench` runs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench import report
from bench.context import BenchContext
from bench.profiles import PROFILES
from bench.run import run_benchmark
from bench.runner import (
    BenchFailure,
    PageResult,
    ProfileResult,
    StatementCounter,
    TaskResult,
    build_schema,
    make_app,
    measure_page,
)
from ethics_hr.extensions import db


@pytest.fixture(scope="module")
def xs_run(tmp_path_factory):
    results = tmp_path_factory.mktemp("bench") / "latest.json"
    lines: list[str] = []
    outcome = run_benchmark(["XS"], repeat=1, results_path=results, echo=lines.append)
    return outcome, results, "\n".join(lines)


def test_bench_generates_the_tiny_profile_and_measures_every_people_page(xs_run):
    outcome, _, printed = xs_run
    (result,) = outcome.results
    assert result.generators.keys() >= {"bench.people"}
    names = {p.name for p in result.pages}
    assert {"people: list, filtered, page 2", "people: list", "people: departments", "home: officer"} <= names
    assert all(p.sql > 0 and p.median_ms > 0 for p in result.pages)
    assert "people: list" in printed and "median ms" in printed


def test_bench_imports_the_csv_file_through_the_importer(xs_run):
    outcome, _, _ = xs_run
    (task,) = [t for t in outcome.results[0].tasks if t.name == "people: import CSV"]
    assert task.ok and task.sql > 0


def test_bench_writes_its_results_as_json(xs_run):
    _, path, _ = xs_run
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["profiles"]["XS"]["sizes"]["people"] == PROFILES["XS"]["people"]
    assert data["ok"] is True


def _result(
    profile: str,
    sql: int,
    ms: float,
    *,
    grows: str | None = None,
    task_s: float = 1.0,
    max_ratio: float | None = None,
) -> ProfileResult:
    page = PageResult("people: list", "/people/", "officer", ms, ms, ms, sql, sql, 1, grows, max_ratio)
    task = TaskResult("people: import CSV", task_s, 1, 20.0 if profile == "L" else None)
    return ProfileResult(profile, dict(PROFILES[profile]), "sqlite", pages=[page], tasks=[task])


def test_comparison_fails_a_page_whose_statements_grow_with_the_organisation():
    (row, _) = report.compare(_result("M", 8, 10.0), _result("L", 33, 11.0))
    assert not row.ok and "SQL 8 → 33" in row.problems[0]


def test_comparison_fails_a_page_twice_as_slow_unless_it_says_why_it_grows():
    (row, _) = report.compare(_result("M", 8, 10.0), _result("L", 8, 25.0))
    assert not row.ok and "2.50×" in row.problems[0]
    (row, _) = report.compare(_result("M", 8, 10.0), _result("L", 8, 25.0, grows="lists every department"))
    assert row.ok and "lists every department" in row.note


def test_a_page_with_its_own_target_is_held_to_it():
    (row, _) = report.compare(_result("M", 8, 10.0, max_ratio=1.3), _result("L", 8, 13.5, max_ratio=1.3))
    assert not row.ok and "1.35×" in row.problems[0] and "at most 1.3×" in row.note
    (row, _) = report.compare(_result("M", 8, 10.0, max_ratio=1.3), _result("L", 8, 13.0, max_ratio=1.3))
    assert row.ok


def test_comparison_fails_an_import_over_its_time_limit():
    (_, task) = report.compare(_result("M", 8, 10.0), _result("L", 8, 10.0, task_s=21.0))
    assert not task.ok and "over 20 s" in task.problems[0]


def test_an_export_is_judged_by_the_memory_it_grew_by():
    def with_export(profile: str, mib: float | None) -> ProfileResult:
        result = _result(profile, 8, 10.0)
        limit = 20.0 if profile == "L" else None
        result.tasks.append(TaskResult("people: export", 30.0, 4, None, mib, limit))
        return result

    (_, _, export) = report.compare(with_export("M", 3.0), with_export("L", 25.0))
    assert not export.ok and "grew 25.0 MiB, over 20" in export.problems[0]
    (_, _, export) = report.compare(with_export("M", 3.0), with_export("L", 4.0))
    assert export.ok  # and its time is not judged
    (_, _, export) = report.compare(with_export("M", 3.0), with_export("L", None))
    assert not export.ok  # a limit with no measure fails


def test_the_exports_of_the_tiny_profile_report_their_memory(xs_run):
    outcome, _, printed = xs_run
    tasks = {t.name: t for t in outcome.results[0].tasks}
    assert tasks["people: export everyone as CSV"].mib > 0
    assert tasks["codes: export a version's compliance as XLSX"].mib > 0
    assert "MiB" in printed


def test_a_page_that_does_not_answer_200_stops_the_bench(tmp_path: Path):
    app = make_app(tmp_path, None)
    build_schema(app, drop_first=False)
    ctx = BenchContext(profile="XS", sizes=dict(PROFILES["XS"]), app=app, workdir=tmp_path)
    with app.app_context():
        counter = StatementCounter(db.engine)
    try:
        with pytest.raises(BenchFailure, match="/nowhere as anonymous answered 404"):
            measure_page(app, counter, ctx, ("missing", "/nowhere", "anonymous"), 1, {})
        with pytest.raises(BenchFailure, match="no officer user"):
            measure_page(app, counter, ctx, ("people", "/people/", "officer"), 1, {})
    finally:
        counter.close()
        with app.app_context():
            db.engine.dispose()
