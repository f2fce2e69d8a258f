"""The README's first steps for an officer name only commands, options and make targets that exist."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import click

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def first_steps() -> str:
    start = README.index("## เริ่มต้นใช้งาน")
    return README[start : README.index("\n## ", start + 1)]


def test_the_first_steps_section_comes_right_after_the_two_commands():
    assert README.index("make run") < README.index("make test") < README.index("## เริ่มต้นใช้งาน")
    assert README.index("\n## ", README.index("make test")) + 1 == README.index("## เริ่มต้นใช้งาน")


def test_every_flask_command_of_the_first_steps_exists_with_its_options(app):
    named = re.findall(r"flask --app ethics_hr ([^`\n#]+)", first_steps())
    assert len(named) >= 5
    for line in named:
        words = shlex.split(line)
        command: click.Command = app.cli
        while isinstance(command, click.Group) and words and not words[0].startswith("-"):
            found = command.get_command(click.Context(command), words[0])
            assert found is not None, f"README names a command that does not exist: {line}"
            command, words = found, words[1:]
        known = {opt for param in command.params for opt in getattr(param, "opts", [])}
        for word in words:
            if word.startswith("--"):
                assert word in known, f"README names an option {word} that {command.name} does not have"


def test_every_make_target_of_the_first_steps_exists():
    targets = set(re.findall(r"^([a-z-]+):", (ROOT / "Makefile").read_text(), re.MULTILINE))
    for target in re.findall(r"^make ([a-z-]+)", first_steps(), re.MULTILINE):
        assert target in targets
