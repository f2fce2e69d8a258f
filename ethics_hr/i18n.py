"""The one Thai message catalogue: msgids are English, msgctxt where an English word has two Thai meanings."""

from __future__ import annotations

import tempfile
from pathlib import Path

import click
from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po
from flask.cli import AppGroup

PACKAGE = Path(__file__).resolve().parent
ROOT = PACKAGE.parent
MAPPING = ROOT / "babel.cfg"
TRANSLATIONS = PACKAGE / "translations"  # Flask-Babel's default folder for the app
CATALOGUE = TRANSLATIONS / "th" / "LC_MESSAGES" / "messages.po"
# WTForms' own messages ("Not a valid date value.") keep their own domain: WTForms looks them up itself.
WTFORMS_TRANSLATIONS = PACKAGE / "core" / "wtforms_translations"
KEYWORDS = (
    "_",
    "_l",
    "gettext",
    "lazy_gettext",
    "ngettext:1,2",
    "pgettext:1c,2",
    "lazy_pgettext:1c,2",
    "npgettext:1c,2,3",
)

i18n_cli = AppGroup("i18n", help="Extract, update and compile the Thai catalogue.")


def _pybabel(*args: str) -> None:
    """Run a pybabel command in this process, printing only errors."""
    if CommandLineInterface().run(["pybabel", "--quiet", *args]):
        raise click.ClickException(f"pybabel {args[0]} failed")


def extract(pot: Path) -> None:
    """Extract every user-facing string of the package (Python and templates) into `pot`, with locations."""
    keywords = [arg for keyword in KEYWORDS for arg in ("-k", keyword)]
    _pybabel(
        "extract",
        "--no-default-keywords",
        *keywords,
        "-F",
        str(MAPPING),
        "--project",
        "ethics-hr",
        "-o",
        str(pot),
        str(PACKAGE.relative_to(ROOT)),
    )


def untranslated_entries() -> list[str]:
    """The msgids of the Thai catalogue that have no Thai yet (or only a fuzzy guess), with their msgctxt."""
    with CATALOGUE.open("rb") as po:
        catalogue = read_po(po)
    return [
        f"{message.context} | {_first(message.id)}" if message.context else _first(message.id)
        for message in catalogue
        if message.id and (message.fuzzy or not all(_strings(message.string)))
    ]


def _first(value: str | tuple[str, ...]) -> str:
    return value if isinstance(value, str) else value[0]


def _strings(value: str | tuple[str, ...]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else value


def compile_all() -> None:
    """Compile the Thai catalogue and WTForms' Thai messages to .mo files."""
    _pybabel("compile", "-d", str(TRANSLATIONS), "-l", "th")
    _pybabel("compile", "-D", "wtforms", "-d", str(WTFORMS_TRANSLATIONS), "-l", "th")


@i18n_cli.command("update")
def update() -> None:
    """Extract the strings of the whole package, merge them into the Thai catalogue and compile it."""
    with tempfile.TemporaryDirectory() as folder:
        pot = Path(folder) / "messages.pot"
        extract(pot)
        if CATALOGUE.exists():
            _pybabel(
                "update",
                "-i",
                str(pot),
                "-d",
                str(TRANSLATIONS),
                "-l",
                "th",
                "--no-fuzzy-matching",
                "--ignore-obsolete",
            )
        else:
            _pybabel("init", "-i", str(pot), "-d", str(TRANSLATIONS), "-l", "th")
    compile_all()
    untranslated = untranslated_entries()
    click.echo(f"{CATALOGUE.relative_to(ROOT)} updated; {len(untranslated)} entries to translate")
    for msgid in untranslated:
        click.echo(f"  {msgid}")
    if untranslated:
        click.echo("Translate them (a msgctxt says which meaning), then: flask --app ethics_hr i18n compile")


@i18n_cli.command("compile")
def compile_command() -> None:
    """Compile the catalogues to .mo files."""
    compile_all()


if __name__ == "__main__":
    compile_all()
