"""LibreOffice for the document tests: the shipped Sarabun font, a private profile, PDF text and pages."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
from html import unescape
from pathlib import Path

import pytest

from ethics_hr.core import fonts


def office() -> str:
    """The soffice command; skip without it, unless the run requires the documents (CI): then fail."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found and shutil.which("pdftotext") and importlib.util.find_spec("fontTools"):
        return found
    message = "LibreOffice (soffice), poppler-utils and fonttools (make install) are needed for the documents"
    if os.environ.get("ETHICS_HR_REQUIRE_E2E"):
        pytest.fail(message + " and ETHICS_HR_REQUIRE_E2E is set")
    pytest.skip(message)


def sarabun_ttfs(folder: Path) -> list[Path]:
    """Write the shipped Sarabun as TrueType files LibreOffice can use, one per weight.

    The application ships Sarabun as web fonts, a Thai and a Latin subset per weight; LibreOffice reads
    neither WOFF2 nor a family split over two files, so each weight's two subsets are merged into one TTF.
    """
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for weight in fonts.weights():
        target = folder / f"Sarabun-{weight}.ttf"
        if not target.exists():
            target.write_bytes(fonts.sarabun_ttf(weight))
        written.append(target)
    return written


def _environment(work: Path) -> dict[str, str]:
    """A fontconfig that knows the shipped Sarabun besides the system's fonts, and a home of its own."""
    fonts = work / "fonts"
    sarabun_ttfs(fonts)
    conf = work / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        f"  <dir>{fonts}</dir>\n  <cachedir>{work / 'fontcache'}</cachedir>\n</fontconfig>\n",
        encoding="utf-8",
    )
    return os.environ | {"FONTCONFIG_FILE": str(conf), "HOME": str(work)}


def convert(source: Path, to: str = "pdf") -> Path:
    """Convert a document with LibreOffice in a private profile (tests may run side by side)."""
    work = source.parent / "office"
    command = [
        office(),
        f"-env:UserInstallation={(work / 'profile').as_uri()}",
        "--headless",
        "--convert-to",
        to,
        "--outdir",
        str(source.parent),
        str(source),
    ]
    subprocess.run(command, check=True, timeout=180, capture_output=True, env=_environment(work))
    target = source.with_suffix("." + to)
    assert target.exists(), f"LibreOffice wrote no {to}"
    return target


def pdf_text(pdf: Path) -> str:
    """The PDF's text, its pages separated by form feeds."""
    args = ["pdftotext", "-enc", "UTF-8", str(pdf), "-"]
    return subprocess.run(args, check=True, capture_output=True, timeout=60).stdout.decode("utf-8")


def pdf_info(pdf: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, timeout=60).stdout.decode()
    return {k.strip(): v.strip() for k, v in (line.split(":", 1) for line in out.splitlines() if ":" in line)}


def pdf_pages(pdf: Path) -> int:
    return int(pdf_info(pdf)["Pages"])


def pdf_page_size_mm(pdf: Path) -> tuple[float, float]:
    """The first page's width and height in millimetres."""
    match = re.match(r"([\d.]+) x ([\d.]+) pts", pdf_info(pdf)["Page size"])
    assert match, "pdfinfo gave no page size"
    return float(match.group(1)) * 25.4 / 72, float(match.group(2)) * 25.4 / 72


def pdf_fonts(pdf: Path) -> str:
    return subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, timeout=60).stdout.decode()


# Thai vowel signs and tone marks drawn above or below a letter: pdftotext gives them as words of their own.
THAI_MARKS = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")


def bare(text: str) -> str:
    """A text without spaces and Thai marks, to compare what the PDF draws with what was written."""
    return THAI_MARKS.sub("", re.sub(r"\s+", "", text))


def pdf_cell_lines(pdf: Path, edges_mm: list[float]) -> list[list[str]]:
    """The lines of each table cell as drawn, bare (see `bare`), page after page.

    A cell is the part of one of pdftotext's text blocks between two column edges (mm from the page's left):
    pdftotext may make one block of neighbouring cells.
    """
    edges = [mm * 72 / 25.4 for mm in edges_mm]
    html = subprocess.run(
        ["pdftotext", "-bbox-layout", "-enc", "UTF-8", str(pdf), "-"],
        check=True,
        capture_output=True,
        timeout=60,
    ).stdout.decode("utf-8")
    word = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">(.*?)</word>')
    blocks = []
    for block in re.findall(r"<block .*?</block>", html, flags=re.S):
        by_column: dict[int, list[tuple[float, list[tuple[float, str]]]]] = {}
        for x, y, text in sorted(word.findall(block), key=lambda w: (float(w[1]), float(w[0]))):
            column = sum(1 for edge in edges if edge <= float(x))
            rows = by_column.setdefault(column, [])
            # A mark is drawn a little off its letter's line: within 3 pt it belongs to that line.
            if rows and abs(rows[-1][0] - float(y)) < 3:
                rows[-1][1].append((float(x), unescape(text)))
            else:
                rows.append((float(y), [(float(x), unescape(text))]))
        for _column, rows in sorted(by_column.items()):
            blocks.append([bare("".join(t for _x, t in sorted(words))) for _y, words in rows])
    return blocks
