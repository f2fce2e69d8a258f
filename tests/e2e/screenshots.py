"""Screenshots of the demo's pages in Thai and English at 1440 px and 390 px; the pages wider than a phone.

Used by tests/e2e/test_screenshots.py; also runnable against a served demo:
`python -m tests.e2e.screenshots http://127.0.0.1:5000 /tmp/shots` (the paths come from that demo's database).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

WIDTHS = {"desktop": 1440, "phone": 390}
LANGUAGES = ("th", "en")


@dataclass
class Survey:
    """What the walk saw: the screenshots written and the pages that scroll sideways on a phone."""

    shots: list[Path] = field(default_factory=list)
    too_wide: list[str] = field(default_factory=list)
    seen: dict[str, str] = field(default_factory=dict)  # path -> who saw it


def _name(path: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "_", path).strip("_") or "root"


def _log_in(page, base: str, login: str, password: str) -> None:
    page.goto(f"{base}/login")
    page.fill("input[name=login]", login)
    page.fill("input[name=password]", password)
    page.click("main form button[type=submit]")
    page.wait_for_url(f"{base}/home")


def _switch_to(page, language: str) -> None:
    if page.locator("html").get_attribute("lang") != language:
        page.click("[data-testid=language-switch]")
        page.wait_for_load_state()


def _overflow(page) -> int:
    """How many pixels the page is wider than the window (0 when nothing scrolls sideways)."""
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


def walk(
    browser, base: str, paths: list[str], logins: list[tuple[str, str]], password: str, out: Path | None
) -> Survey:
    """Open every path once per language as the first visitor allowed to see it; shoot it at both widths."""
    survey = Survey()
    visitors: list[tuple[str, str | None]] = [("visitor", None), *logins]
    for language in LANGUAGES:
        done: set[str] = set()
        for who, login in visitors:
            context = browser.new_context(
                viewport={"width": WIDTHS["desktop"], "height": 900},
                locale="th-TH",
                timezone_id="Asia/Bangkok",
            )
            page = context.new_page()
            page.set_default_timeout(15_000)
            page.goto(f"{base}/login")
            _switch_to(page, language)
            if login:
                _log_in(page, base, login, password)
                _switch_to(page, language)  # the account's own preference wins over the session's
            todo = [p for p in paths if p not in done] + (["/home"] if login else [])
            for path in todo:
                response = page.goto(f"{base}{path}")
                if response is None or response.status != 200:
                    continue
                if "text/html" not in response.headers.get("content-type", ""):
                    continue
                if urlparse(page.url).path == "/login" and path != "/login":
                    continue  # sent to log in: a later visitor sees it
                done.add(path)
                survey.seen.setdefault(path, who)
                for width_name, width in WIDTHS.items():
                    page.set_viewport_size({"width": width, "height": 900})
                    if width_name == "phone" and _overflow(page) > 2:
                        survey.too_wide.append(f"{language} {path} ({who}) +{_overflow(page)}px")
                    if out is not None:
                        role = re.sub(r"\W+", "-", who.split(" (")[0])
                        suffix = f"_{role}" if path == "/home" else ""
                        target = out / f"{language}_{width_name}_{_name(path)}{suffix}.png"
                        page.screenshot(path=str(target), full_page=True)
                        survey.shots.append(target)
                page.set_viewport_size({"width": WIDTHS["desktop"], "height": 900})
            context.close()
    return survey


def main(argv: list[str]) -> None:
    import os

    from playwright.sync_api import sync_playwright

    from ethics_hr import create_app
    from tests.demo_pages import PASSWORD, demo_logins, demo_pages

    base, out = argv[0], Path(argv[1])
    out.mkdir(parents=True, exist_ok=True)
    app = create_app(env="testing")
    with app.app_context():
        paths = demo_pages(app)
    only = os.environ.get("ONLY")
    if only:
        paths = [p for p in paths if re.search(only, p)]
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-dev-shm-usage",
            ],
        )
        survey = walk(browser, base, paths, demo_logins(), PASSWORD, out)
        browser.close()
    print(f"{len(survey.shots)} screenshots in {out}")
    print("seen by:", survey.seen)
    print("wider than a phone:", *survey.too_wide, sep="\n  ")


if __name__ == "__main__":
    import sys

    main(sys.argv[1:])
