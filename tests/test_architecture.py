"""The house's floors: imports run downward only, with no circle, and no domain imports the demo or a view."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "ethics_hr"

# STYLE.md "Floors: who may import whom": a module may import its own floor's package and the floors below.
FLOORS: dict[str, int] = {
    "core": 0,
    "extensions": 0,
    "i18n": 0,
    "config": 0,
    "people": 1,
    "learning": 1,
    "notifications": 1,
    "codes": 2,
    "committees": 2,
    "training": 2,
    "gifts": 2,
    "plans": 3,
    "questions": 3,
    "conflicts": 3,
    "pledges": 3,
    "scheduler": 4,
    "reports": 5,
    "transparency": 5,
    "admin": 5,
    "reference": 5,
    "home": 6,
    "__init__": 6,
    "cli": 7,
    "demo": 7,
}


# The top floor: the demo and the command line (cli.py's `demo` command loads the demo).
TOP_FLOOR = ("ethics_hr.demo", "ethics_hr.cli")
# The factory registers the command line; that is the one arrow allowed to point up.
ALLOWED_UPWARD = {("ethics_hr", "ethics_hr.cli")}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _resolve(node: ast.ImportFrom, current: str, is_package: bool) -> str:
    if not node.level:
        return node.module or ""
    base = current.split(".")
    base = base if is_package else base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, node.module] if node.module else base)


def imports_of(path: Path) -> set[str]:
    """Every ethics_hr module a file imports, at module level or inside a function."""
    current = module_name(path)
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            target = _resolve(node, current, path.name == "__init__.py")
            found.add(target)
            # "from ethics_hr.codes import views" imports the module ethics_hr.codes.views
            found.update(f"{target}.{alias.name}" for alias in node.names)
    return {name for name in found if name == "ethics_hr" or name.startswith("ethics_hr.")}


def graph() -> dict[str, set[str]]:
    modules = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    return {
        name: {t for t in imports_of(path) if t in modules and t != name} for name, path in modules.items()
    }


def floor_of(module: str) -> tuple[str, int] | None:
    parts = module.split(".")
    top = parts[1] if len(parts) > 1 else "__init__"
    return (top, FLOORS[top]) if top in FLOORS else None


def _parents(module: str) -> set[str]:
    parts = module.split(".")
    return {".".join(parts[:i]) for i in range(1, len(parts))}


def test_no_module_outside_the_demo_imports_the_demo():
    offenders = sorted(
        f"{name} imports {target}"
        for name, targets in graph().items()
        if not name.startswith(TOP_FLOOR)
        for target in targets
        if target.startswith("ethics_hr.demo")
    )
    assert offenders == []


def test_no_domain_imports_another_domains_views():
    offenders = []
    for name, targets in graph().items():
        mine = floor_of(name)
        for target in targets:
            theirs = floor_of(target)
            is_view = ".views" in target or target.endswith("_views")
            if is_view and theirs and mine and theirs[0] != mine[0] and mine[0] != "__init__":
                offenders.append(f"{name} imports {target}")
    assert sorted(offenders) == []


def test_there_is_no_circle_of_imports():
    edges = graph()
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles: list[list[str]] = []
    counter = [0]

    def visit(node: str) -> None:  # Tarjan's strongly connected components
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for target in edges[node] - _parents(node):  # a package's own __init__ always runs first
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                circles.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    assert circles == []


def test_imports_run_downward_only():
    upward = []
    for name, targets in graph().items():
        mine = floor_of(name)
        for target in targets:
            theirs = floor_of(target)
            if mine and theirs and theirs[1] > mine[1] and (name, target) not in ALLOWED_UPWARD:
                upward.append(f"{name} (floor {mine[1]}) imports {target} (floor {theirs[1]})")
    assert sorted(upward) == []
