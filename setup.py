"""Build step: compile the message catalogues into the wheel (the project's metadata is in pyproject.toml).

The .mo files are not kept in git; a checkout compiles them with `python -m ethics_hr.i18n`, a wheel here,
with Babel alone (the build environment has no Flask, so it cannot import the package).
"""

from __future__ import annotations

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildPyWithCatalogues(build_py):
    """Copy the package, then write each catalogue's .mo beside its .po in the build folder."""

    def run(self) -> None:
        super().run()
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        for po_path in sorted(Path(self.build_lib, "ethics_hr").rglob("*.po")):
            with po_path.open("rb") as po_file:
                catalogue = read_po(po_file, locale=po_path.parent.parent.name)
            with po_path.with_suffix(".mo").open("wb") as mo_file:
                write_mo(mo_file, catalogue)  # fuzzy entries stay out, as they are not reviewed


setup(cmdclass={"build_py": BuildPyWithCatalogues})
