"""Reports read other domains through their services, with imports a reader can see."""

from __future__ import annotations

import ast
from pathlib import Path

import ethics_hr.reports
from ethics_hr.core.args import current_fiscal_year
from ethics_hr.reports.sections import person_sections
from tests import factories

REPORTS = Path(ethics_hr.reports.__file__).parent


def _imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_reports_never_import_a_domain_by_name_at_run_time():
    for path in REPORTS.rglob("*.py"):
        assert "importlib" not in _imported_modules(path), path


def test_person_page_section_links_the_current_fiscal_year(app):
    person = factories.person()
    (link,) = person_sections(person)
    assert (link.person_id, link.fiscal_year) == (person.id, current_fiscal_year())
    assert link.template == "reports/_person_section.html"
