"""Message catalogues: one per domain, so each domain's strings live beside its code."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import click
from flask.cli import AppGroup

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ("th", "en")
# Which sources feed which domain's catalogue.
SOURCES: dict[str, tuple[str, ...]] = {
    "core": (
        "ethics_hr/core",
        "ethics_hr/__init__.py",
        "ethics_hr/cli.py",
        "ethics_hr/scheduler.py",
        "ethics_hr/templates/base.html",
        "ethics_hr/templates/macros",
        "ethics_hr/templates/errors",
    ),
    "people": ("ethics_hr/people", "ethics_hr/templates/people", "ethics_hr/templates/auth"),
    "home": ("ethics_hr/home", "ethics_hr/templates/home"),
    "admin": ("ethics_hr/admin", "ethics_hr/templates/admin"),
    "committees": ("ethics_hr/committees", "ethics_hr/templates/committees"),
    "questions": ("ethics_hr/questions", "ethics_hr/templates/questions"),
    "codes": ("ethics_hr/codes", "ethics_hr/templates/codes"),
    "training": ("ethics_hr/training", "ethics_hr/templates/training"),
    "notifications": ("ethics_hr/notifications", "ethics_hr/templates/notifications"),
    "plans": ("ethics_hr/plans", "ethics_hr/templates/plans"),
    "reports": ("ethics_hr/reports", "ethics_hr/templates/reports"),
    "transparency": ("ethics_hr/transparency", "ethics_hr/templates/transparency"),
}

i18n_cli = AppGroup("i18n", help="Extract, update and compile the message catalogues.")


def _pybabel(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", *args], check=True, cwd=ROOT)


def catalogue_dir(domain: str) -> Path:
    return ROOT / "ethics_hr" / domain / "translations"


@i18n_cli.command("update")
def update() -> None:
    """Extract the strings of each domain and merge them into its th and en catalogues."""
    for domain, sources in SOURCES.items():
        pot = ROOT / "instance" / f"{domain}.pot"
        pot.parent.mkdir(exist_ok=True)
        existing = [s for s in sources if (ROOT / s).exists()]
        _pybabel(
            "extract",
            "-F",
            "babel.cfg",
            "-k",
            "_l",
            "-k",
            "lazy_gettext",
            "--no-location",
            "--sort-output",
            "-o",
            str(pot),
            *existing,
        )
        target = catalogue_dir(domain)
        for locale in LOCALES:
            po = target / locale / "LC_MESSAGES" / "messages.po"
            if po.exists():
                _pybabel(
                    "update",
                    "-i",
                    str(pot),
                    "-d",
                    str(target),
                    "-l",
                    locale,
                    "--no-fuzzy-matching",
                    "--ignore-obsolete",
                )
            else:
                _pybabel("init", "-i", str(pot), "-d", str(target), "-l", locale)
        pot.unlink()
    click.echo("catalogues updated")


def compile_all() -> None:
    wtforms_dir = ROOT / "ethics_hr" / "core" / "wtforms_translations"
    _pybabel("compile", "-D", "wtforms", "-d", str(wtforms_dir), "--statistics")
    for domain in SOURCES:
        target = catalogue_dir(domain)
        if target.exists():
            _pybabel("compile", "-d", str(target), "--use-fuzzy", "--statistics")


@i18n_cli.command("compile")
def compile_command() -> None:
    """Compile every catalogue to .mo files."""
    compile_all()


if __name__ == "__main__":
    compile_all()
