"""Every main page of the demo in Thai and English at 1440 px and 390 px: none scrolls sideways on a phone.

Set ETHICS_HR_SCREENSHOTS to a folder to keep a full-page screenshot of each (Thai and English, both
widths) to look at; without it the pages are only measured.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import time_machine

from ethics_hr.demo.loader import load_demo
from tests.demo_pages import PASSWORD, demo_logins, demo_pages
from tests.e2e.screenshots import walk

TODAY = "2026-11-25 10:00 +0700"  # the demo's today
# Paper, not pages: an A4 sheet shown as it will print.
SHEETS = ("/print", "/sign-in-sheet")


@pytest.mark.skipif(
    os.environ.get("ETHICS_HR_TEST_DB") == "postgres",
    reason="layout does not depend on the database: the SQLite pass walks every page, once is enough",
)
def test_no_page_of_the_demo_scrolls_sideways_on_a_phone(browser, live_server, app):
    out = os.environ.get("ETHICS_HR_SCREENSHOTS")
    with time_machine.travel(TODAY, tick=True):
        load_demo()
        paths = demo_pages(app)
        survey = walk(browser, live_server, paths, demo_logins(), PASSWORD, Path(out) if out else None)
    assert len(survey.seen) > 90
    too_wide = [page for page in survey.too_wide if not any(f"{sheet} " in page for sheet in SHEETS)]
    assert not too_wide, "\n".join(too_wide)
