"""Tables for people, a comparison against the targets, and the JSON for machines."""

from __future__ import annotations

import json
import os
import platform
import subprocess
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from bench.runner import ProfileResult

MAX_RATIO = 2.0  # a page at the larger profile must take less than twice its time at the smaller one


@dataclass
class Comparison:
    kind: str  # "page" or "task"
    name: str
    small: float | None  # ms for pages, s for tasks
    large: float | None
    sql_small: int | None
    sql_large: int | None
    problems: list[str]
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.small is None or self.large is None or self.small <= 0:
            return None
        return self.large / self.small

    @property
    def ok(self) -> bool:
        return not self.problems


def compare(small: ProfileResult, large: ProfileResult) -> list[Comparison]:
    """Hold each page of the larger profile against the smaller: same statements, under twice the time."""
    rows = []
    small_pages = {p.name: p for p in small.pages}
    large_pages = {p.name: p for p in large.pages}
    for name in list(small_pages) + [n for n in large_pages if n not in small_pages]:
        a, b = small_pages.get(name), large_pages.get(name)
        row = Comparison(
            "page",
            name,
            a.median_ms if a else None,
            b.median_ms if b else None,
            a.sql if a else None,
            b.sql if b else None,
            [],
        )
        if a and b:
            if a.sql != b.sql or a.sql_min != a.sql or b.sql_min != b.sql:
                row.problems.append(f"SQL {_sql(a.sql_min, a.sql)} → {_sql(b.sql_min, b.sql)}")
            grows = a.grows or b.grows
            target = b.max_ratio or a.max_ratio  # a page's own "at most so many times", else under MAX_RATIO
            if grows:
                row.note = f"time not judged: {grows}"
            elif row.ratio is not None and (row.ratio > target if target else row.ratio >= MAX_RATIO):
                row.problems.append(f"{row.ratio:.2f}× slower")
            if target and not grows:
                row.note = f"target: at most {target:g}×"
        rows.append(row)
    small_tasks = {t.name: t for t in small.tasks}
    for task in large.tasks:
        before = small_tasks.get(task.name)
        row = Comparison("task", task.name, before.seconds if before else None, task.seconds, None, None, [])
        if task.limit_s is not None and task.seconds >= task.limit_s:
            row.problems.append(f"over {task.limit_s:g} s")
        if task.limit_mib is not None and not (task.mib is not None and task.mib < task.limit_mib):
            row.problems.append(f"grew {task.mib or 0:.1f} MiB, over {task.limit_mib:g}")
        rows.append(row)
    return rows


def _sql(low: int, high: int) -> str:
    return str(high) if low == high else f"{low}–{high}"


def _table(header: list[str], rows: list[list[str]], right: set[int]) -> str:
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows, strict=True)]

    def line(cells: list[str]) -> str:
        return "  ".join(
            str(c).rjust(w) if i in right else str(c).ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    return "\n".join([line(header), line(["-" * w for w in widths]), *(line(r) for r in rows)])


def profile_table(result: ProfileResult) -> str:
    sizes = result.sizes
    out = [
        f"== Profile {result.profile}: {sizes['people']:,} people in {sizes['departments']} departments "
        f"({result.database}) ==",
        "generators: "
        + ", ".join(
            [f"schema {result.schema_s:.2f} s"] + [f"{m} {s:.2f} s" for m, s in result.generators.items()]
        ),
    ]
    if result.pages:
        rows = [
            [
                p.name,
                p.who,
                f"{p.median_ms:.1f}",
                f"{p.min_ms:.1f}",
                f"{p.max_ms:.1f}",
                _sql(p.sql_min, p.sql),
            ]
            for p in result.pages
        ]
        out += ["", _table(["page", "as", "median ms", "min ms", "max ms", "SQL"], rows, {2, 3, 4, 5})]
    if result.tasks:
        rows = [
            [
                t.name,
                f"{t.seconds:.2f}",
                str(t.sql),
                f"{t.mib:.1f}" if t.mib is not None else "",
                ", ".join(
                    target
                    for target in (
                        f"< {t.limit_s:g} s" if t.limit_s else "",
                        f"< {t.limit_mib:g} MiB" if t.limit_mib else "",
                    )
                    if target
                ),
                ("PASS" if t.ok else "FAIL") if t.limit_s or t.limit_mib else "",
            ]
            for t in result.tasks
        ]
        out += ["", _table(["task", "seconds", "SQL", "MiB", "target", "result"], rows, {1, 2, 3})]
    return "\n".join(out)


def comparison_table(small: ProfileResult, large: ProfileResult, rows: list[Comparison]) -> str:
    a, b = small.profile, large.profile
    out = [f"== {a} vs {b}: same SQL statements, {b} median under {MAX_RATIO:g}× {a} =="]
    pages = [r for r in rows if r.kind == "page"]
    if pages:
        body = [
            [
                r.name,
                _num(r.small),
                _num(r.large),
                f"{r.ratio:.2f}" if r.ratio is not None else "—",
                _num(r.sql_small, "d"),
                _num(r.sql_large, "d"),
                ("PASS" if r.ok else "FAIL: " + "; ".join(r.problems)) + (f" ({r.note})" if r.note else ""),
            ]
            for r in pages
        ]
        header = ["page", f"{a} ms", f"{b} ms", f"{b}/{a}", f"SQL {a}", f"SQL {b}", "result"]
        out += ["", _table(header, body, {1, 2, 3, 4, 5})]
    tasks = [r for r in rows if r.kind == "task"]
    if tasks:
        body = [
            [r.name, _num(r.small, ".2f"), _num(r.large, ".2f"), "PASS" if r.ok else "FAIL: " + r.problems[0]]
            for r in tasks
        ]
        out += ["", _table(["task", f"{a} s", f"{b} s", "result"], body, {1, 2})]
    failed = [r.name for r in rows if not r.ok]
    out += [
        "",
        f"FAIL: {len(failed)} target(s) missed: {', '.join(failed)}" if failed else "All targets met.",
    ]
    return "\n".join(out)


def _num(value: float | int | None, spec: str = ".1f") -> str:
    return "—" if value is None else format(value, spec)


def _git_commit() -> str:
    try:
        return subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True, timeout=5
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def to_json(results: list[ProfileResult], comparison: list[Comparison], ok: bool) -> dict:
    return {
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "commit": _git_commit(),
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
        },
        "ok": ok,
        "profiles": {r.profile: asdict(r) for r in results},
        "comparison": [asdict(c) | {"ratio": c.ratio, "ok": c.ok} for c in comparison],
    }


def write_json(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
