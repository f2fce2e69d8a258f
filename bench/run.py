"""The benchmark's command line: `python -m bench.run [--profile M L] [--only TEXT] [--repeat N]`.

Each profile gets a fresh database (SQLite, or PostgreSQL with --database-url);
--strict exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench import report
from bench.profiles import DEFAULT_PROFILES, PROFILES
from bench.runner import BenchFailure, ProfileResult, run_profile

RESULTS = Path(__file__).resolve().parent / "results" / "latest.json"


@dataclass
class BenchReport:
    results: list[ProfileResult]
    comparison: list[report.Comparison]

    @property
    def ok(self) -> bool:
        tasks_ok = all(t.ok for r in self.results for t in r.tasks)
        return tasks_ok and all(c.ok for c in self.comparison)


def run_benchmark(
    profiles: list[str] | tuple[str, ...] = DEFAULT_PROFILES,
    *,
    only: str | None = None,
    repeat: int | None = None,
    database_url: str | None = None,
    modules: list[str] | None = None,
    show_sql: bool = False,
    top: int = 0,
    results_path: Path | None = RESULTS,
    echo: Callable[[str], None] = print,
) -> BenchReport:
    """Run each profile on a fresh database, print its table, then compare the smallest with the largest."""
    results = []
    for profile in profiles:
        with tempfile.TemporaryDirectory(prefix=f"ethics-hr-bench-{profile}-") as workdir:
            echo(f"Generating profile {profile}…")
            result = run_profile(
                profile,
                Path(workdir),
                database_url=database_url,
                only=only,
                repeat=repeat,
                modules=modules,
                show_sql=show_sql,
                top=top,
                log=echo,
            )
        results.append(result)
        echo("\n" + report.profile_table(result) + "\n")
    comparison: list[report.Comparison] = []
    if len(results) >= 2:
        small, large = results[0], results[-1]
        comparison = report.compare(small, large)
        echo(report.comparison_table(small, large, comparison) + "\n")
    outcome = BenchReport(results, comparison)
    if results_path is not None:
        report.write_json(results_path, report.to_json(results, comparison, outcome.ok))
        echo(f"Results written to {results_path}")
    return outcome


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__)
    parser.add_argument(
        "--profile",
        action="extend",
        nargs="+",
        choices=sorted(PROFILES),
        help="profiles to run, smallest first (default: M L)",
    )
    parser.add_argument(
        "--only",
        metavar="SUBSTRING",
        help='measure only the pages and tasks whose name has this (several: "gifts|ITA")',
    )
    parser.add_argument("--repeat", type=int, metavar="N", help="requests per page after the warm-up")
    parser.add_argument(
        "--database-url", metavar="URL", help="a PostgreSQL database to use (its tables are dropped!)"
    )
    parser.add_argument(
        "--show-sql", action="store_true", help="print the SQL of each page's warm-up request"
    )
    parser.add_argument(
        "--top",
        type=int,
        default=0,
        metavar="N",
        help="after timing each page, profile one more request and print its N costliest functions; "
        "tasks run under the profiler (their time then includes its overhead)",
    )
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--output", type=Path, default=RESULTS, help=f"JSON results (default: {RESULTS})")
    args = parser.parse_args(argv)
    if args.repeat is not None and args.repeat < 1:
        parser.error("--repeat must be at least 1")
    try:
        outcome = run_benchmark(
            args.profile or DEFAULT_PROFILES,
            only=args.only,
            repeat=args.repeat,
            database_url=args.database_url,
            show_sql=args.show_sql,
            top=args.top,
            results_path=args.output,
        )
    except BenchFailure as failure:
        print(f"\nBENCH FAILED: {failure}", file=sys.stderr)
        return 2
    if not outcome.ok:
        print("\nFAIL: at least one target was missed (see above).", file=sys.stderr)
        return 1 if args.strict else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
