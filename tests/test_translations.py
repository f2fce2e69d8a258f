"""The Thai catalogues are complete: every string translated, no fuzzy entries, the same placeholders."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from ethics_hr.i18n import SOURCES, catalogue_dir

PLACEHOLDER = re.compile(r"%\((\w+)\)[sdf]")
CATALOGUES = [catalogue_dir(domain) / "th" / "LC_MESSAGES" / "messages.po" for domain in SOURCES]
CATALOGUES.append(
    Path(__file__).resolve().parents[1] / "ethics_hr/core/wtforms_translations/th/LC_MESSAGES/wtforms.po"
)


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.parent.parent.parent.parent.name)
def test_thai_catalogue_is_complete(path: Path):
    assert path.exists(), f"{path} is missing: run flask --app ethics_hr i18n update"
    catalogue = read_po(path.open("rb"))
    problems = []
    for message in catalogue:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(strings) or message.fuzzy:
            problems.append(f"untranslated or fuzzy: {ids[0]!r}")
            continue
        if set(PLACEHOLDER.findall(ids[0])) != set(PLACEHOLDER.findall(strings[0])):
            problems.append(f"placeholders differ: {ids[0]!r}")
    assert not problems, "\n".join(problems)


def test_compiled_catalogues_exist():
    for path in CATALOGUES:
        assert path.with_suffix(".mo").exists(), f"{path.with_suffix('.mo')} not compiled: run make install"
