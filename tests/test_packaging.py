"""The wheel is a whole installation: built, installed (not editable) into a fresh virtual environment and run
from an empty folder, it migrates its database and serves /healthz.

Marked `packaging` (deselect with `-m "not packaging"`); CI runs it. For speed the fresh environment reaches
the project's installed dependencies through a .pth file and the wheel is installed with --no-deps.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import sysconfig
import time
import urllib.error
import urllib.request
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.packaging

ROOT = Path(__file__).resolve().parents[1]


def _run(*args: str, cwd: Path, env: dict[str, str] | None = None, timeout: int = 300) -> str:
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"{' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


# What a build must not see: a build from the checkout itself would reuse a stale build/ folder.
NOT_SOURCES = shutil.ignore_patterns(
    ".git",
    ".venv",
    "build",
    "*.egg-info",
    "instance",
    "__pycache__",
    "node_modules",
    ".*_cache",
    ".hypothesis",
)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    source = tmp_path_factory.mktemp("source") / "ethics-hr"
    shutil.copytree(ROOT, source, ignore=NOT_SOURCES)
    out = tmp_path_factory.mktemp("wheel")
    _run(sys.executable, "-m", "pip", "wheel", str(source), "--no-deps", "--quiet", "-w", str(out), cwd=out)
    (built,) = out.glob("ethics_hr-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """A fresh virtual environment holding the wheel; its python is returned."""
    venv = tmp_path_factory.mktemp("venv")
    _run(sys.executable, "-m", "venv", "--without-pip", str(venv), cwd=venv)
    python = venv / "bin" / "python"
    site = Path(
        _run(str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))", cwd=venv).strip()
    )
    # The project's dependencies, not the project: a path in a .pth file does not run that folder's own .pth
    # files, so an editable install of the checkout stays out of sight.
    (site / "dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    _run(
        sys.executable,
        "-m",
        "pip",
        "--python",
        str(python),
        "install",
        "--no-deps",
        "--quiet",
        str(wheel),
        cwd=venv,
    )
    return python


def test_the_wheel_holds_templates_static_files_catalogues_migrations_and_data(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "ethics_hr/templates/base.html" in names
    assert any(n.startswith("ethics_hr/templates/") and n.endswith(".txt") for n in names)  # mail templates
    assert any(n.startswith("ethics_hr/static/css/") for n in names)
    assert any(n.startswith("ethics_hr/static/fonts/") and n.endswith(".woff2") for n in names)
    catalogues = {n for n in names if n.endswith("/LC_MESSAGES/messages.mo") and "/th/" in n}
    assert catalogues, "no compiled Thai catalogue"
    assert {n[:-3] + ".po" for n in catalogues} <= names
    assert "ethics_hr/core/wtforms_translations/th/LC_MESSAGES/wtforms.mo" in names
    for migration in ("env.py", "alembic.ini", "script.py.mako"):
        assert f"ethics_hr/migrations/{migration}" in names
    shipped = {n.rsplit("/", 1)[1] for n in names if n.startswith("ethics_hr/migrations/versions/")}
    assert shipped == {p.name for p in (ROOT / "ethics_hr/migrations/versions").glob("*.py")}
    assert any(n.startswith("ethics_hr/reports/ita/") and n.endswith(".json") for n in names)
    assert "ethics_hr/core/common_passwords.txt" in names
    assert not any(n.startswith(("tests/", "bench/")) for n in names)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _clean_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ETHICS_HR_", "PYTHON", "FLASK_"))}
    env["ETHICS_HR_ENV"] = "development"
    return env


def test_the_installed_wheel_migrates_and_serves_from_an_empty_folder(installed, tmp_path):
    folder = tmp_path / "empty"
    folder.mkdir()
    env = _clean_env()
    where = _run(str(installed), "-c", "import ethics_hr; print(ethics_hr.__file__)", cwd=folder, env=env)
    assert Path(where.strip()).is_relative_to(installed.parents[1]), where

    _run(str(installed), "-m", "flask", "--app", "ethics_hr", "db", "upgrade", cwd=folder, env=env)
    assert (folder / "instance" / "ethics_hr.sqlite").is_file()  # the default instance folder: ./instance

    port = _free_port()
    server = subprocess.Popen(
        [str(installed), "-m", "flask", "--app", "ethics_hr", "serve", "--port", str(port)],
        cwd=folder,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        body, status, deadline = b"", None, time.monotonic() + 60
        while time.monotonic() < deadline and server.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as answer:
                    status, body = answer.status, answer.read()
                break
            except OSError:
                time.sleep(0.3)
        assert status == 200, server.stderr.read().decode() if server.poll() is not None else "no answer"
        assert b'"database":"ok"' in body.replace(b" ", b"")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/login", timeout=10) as answer:
                page = answer.read().decode()
        except urllib.error.HTTPError as error:
            server.terminate()
            said = server.communicate(timeout=10)[1].decode()
            pytest.fail(f"/login answered {error.code}; the server said:\n{said}")
        assert "เข้าสู่ระบบ" in page  # a Thai page: templates and the compiled catalogue came with the wheel
    finally:
        server.terminate()
        server.wait(timeout=10)
