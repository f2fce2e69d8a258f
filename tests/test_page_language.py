"""Every page of the demo reads in one language: no English interface text in Thai, no Thai one in English.

The pages are the demo's (tests/demo_pages.py), each opened by the first demo account allowed to see it.
A visible text node equal to an English msgid of the catalogue (translated to something else) is a leak on
a Thai page; one equal to a Thai msgstr is a leak on an English page. Data (names, titles typed by
users) is not compared: it matches no msgid.
"""

from __future__ import annotations

import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import pytest
import time_machine
from babel.messages.pofile import read_po

from ethics_hr.demo.loader import load_demo
from tests.demo_pages import PASSWORD, demo_logins, demo_pages

CATALOGUE = Path(__file__).resolve().parents[1] / "ethics_hr/translations/th/LC_MESSAGES/messages.po"
TODAY = "2026-11-25 10:00 +0700"  # the demo's today (tests/reports/test_demo.py)
THAI = re.compile(r"[\u0E01-\u0E5B]")
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]")
# Leaks this check found that are not fixed yet (remove each line when its fix is merged):
BEING_FIXED: tuple[str, ...] = ()
# Words that read the same in both languages' interfaces (names of formats and standards, symbols).
SAME_IN_BOTH = {"CSV", "XLSX", "DOCX", "PDF", "Excel", "QR", "ITA", "SMTP", "Email", "OK"}


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _VisibleText(HTMLParser):
    """Collect the text a reader sees, each node with its language: the nearest `lang` around it.

    Skipped: script, style, template, the head (the window title repeats the page's heading), and content
    marked `translate="no"` (what users wrote, shown as written: a code's text in a diff).
    """

    HIDDEN = {"script", "style", "template", "noscript", "head"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None, bool]] = []  # (tag, lang, hidden)
        self.texts: list[tuple[str, str]] = []

    def _lang(self) -> str:
        return next((lang for _, lang, _ in reversed(self.stack) if lang), "")

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        attributes = dict(attrs)
        hidden = tag in self.HIDDEN or attributes.get("translate") == "no"
        self.stack.append((tag, (attributes.get("lang") or "")[:2] or None, hidden))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):  # tolerate unclosed elements (p, li, td)
            if self.stack[i][0] == tag:
                del self.stack[i:]
                return

    def handle_data(self, data):
        text = " ".join(data.split())
        if text and not any(hidden for _, _, hidden in self.stack):
            self.texts.append((self._lang(), text))


def visible_texts(html: str, language: str | None = None) -> list[str]:
    """The visible text nodes, only those in `language` when given."""
    parser = _VisibleText()
    parser.feed(html)
    return [text for lang, text in parser.texts if language is None or lang == language]


def _pattern(text: str) -> re.Pattern | None:
    """A message as a whole-text pattern; None when its fixed words are too few to tell it from data."""
    pieces = PLACEHOLDER.split(text)
    if sum(len(re.sub(r"\W", "", p)) for p in pieces) < 4:
        return None
    return re.compile(r"\s*".join([]) + ".+?".join(re.escape(" ".join(p.split())) for p in pieces) + r"\Z")


@cache
def interface_texts() -> tuple[dict[str, str], list[re.Pattern], set[str], list[re.Pattern]]:
    """(English msgid -> Thai, English patterns, Thai msgstrs, Thai patterns) of the one catalogue."""
    with CATALOGUE.open("rb") as f:
        catalogue = read_po(f)
    english, english_patterns, thai, thai_patterns = {}, [], set(), []
    for message in catalogue:
        if not message.id or not message.string:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for msgid in ids:
            msgid = " ".join(msgid.split())
            if msgid in SAME_IN_BOTH or msgid in strings or not re.search(r"[A-Za-z]{2}", msgid):
                continue
            if PLACEHOLDER.search(msgid):
                if (pattern := _pattern(msgid)) is not None:
                    english_patterns.append(pattern)
            else:
                english[msgid] = strings[0]
        for msgstr in strings:
            msgstr = " ".join(msgstr.split())
            if not THAI.search(msgstr):
                continue
            if PLACEHOLDER.search(msgstr):
                if (pattern := _pattern(msgstr)) is not None:
                    thai_patterns.append(pattern)
            else:
                thai.add(msgstr)
    return english, english_patterns, thai, thai_patterns


def english_leaks(texts: list[str]) -> list[str]:
    english, patterns, _, _ = interface_texts()
    return [t for t in texts if t in english or any(p.match(t) for p in patterns)]


def thai_leaks(texts: list[str]) -> list[str]:
    _, _, thai, patterns = interface_texts()
    return [t for t in texts if THAI.search(t) and (t in thai or any(p.match(t) for p in patterns))]


def test_the_leak_check_finds_a_leak_and_lets_data_through():
    assert english_leaks(["Log out", "นายสมชาย ใจดี", "Q2570-0002"]) == ["Log out"]
    assert thai_leaks(["ออกจากระบบ", "นายสมชาย ใจดี", "Somchai"]) == ["ออกจากระบบ"]
    assert visible_texts("<p>Log <b>out</b></p><script>var a = 'Log out';</script>") == ["Log", "out"]
    page = '<html lang="en"><p>Log out</p><p lang="th">ออกจากระบบ</p><p translate="no">Log out</p></html>'
    assert visible_texts(page, "en") == ["Log out"] and visible_texts(page, "th") == ["ออกจากระบบ"]


def _pages_by_visitor(client, app) -> dict[str, tuple[str, str]]:
    """Each page's HTML per language, opened by the first visitor allowed to see it."""
    with app.app_context():
        paths = demo_pages(app)
    seen: dict[str, dict[str, str]] = {"th": {}, "en": {}}
    for language in ("th", "en"):
        for login in [None, *(login for _, login in demo_logins())]:
            client.post(f"/language/{language}")  # before logging out: the goodbye is in this language
            client.post("/logout")
            if login:
                response = client.post("/login", data={"login": login, "password": PASSWORD})
                assert response.status_code == 302, login
                client.post(f"/language/{language}")
            for path in [p for p in paths if p not in seen[language]] + (["/home"] if login else []):
                response = client.get(path)
                if response.status_code != 200 or response.mimetype != "text/html":
                    continue
                seen[language][f"{path} ({login or 'visitor'})" if path == "/home" else path] = (
                    response.get_data(as_text=True)
                )
    return seen


@pytest.fixture
def demo_pages_html(app, client):
    with time_machine.travel(TODAY, tick=False):
        load_demo()
        yield _pages_by_visitor(client, app)


def test_no_page_of_the_demo_mixes_the_languages(demo_pages_html):
    leaks = []
    for path, html in [*demo_pages_html["th"].items(), *demo_pages_html["en"].items()]:
        # A page's parts say their language (`lang`): a Thai document printed from an English page is Thai.
        leaks += [f"th {path}: {text!r}" for text in english_leaks(visible_texts(html, "th"))]
        leaks += [f"en {path}: {text!r}" for text in thai_leaks(visible_texts(html, "en"))]
    leaks = [leak for leak in leaks if not any(re.search(known, leak) for known in BEING_FIXED)]
    assert len(demo_pages_html["th"]) > 90 and len(demo_pages_html["en"]) > 90
    assert not leaks, "\n".join(leaks)
