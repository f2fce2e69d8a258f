"""The evidence pages: each public page and the dashboard, and the DOCX report at the profile's size."""

from __future__ import annotations

from bench.context import BenchContext
from ethics_hr.core.args import current_fiscal_year
from ethics_hr.reports import exports, services


def generate(ctx: BenchContext) -> None:
    """Store the last fiscal year's report rows; every other figure comes from the other modules' data."""
    fy = current_fiscal_year()
    ctx.extras["evidence_fy"] = fy
    services.start_report(fy - 1)


def pages(ctx: BenchContext) -> list[tuple]:
    """Each public evidence page as an anonymous visitor, and the officer's dashboard."""
    fy = ctx.extras["evidence_fy"]
    return [
        ("evidence: public index", "/public/", "anonymous"),
        ("evidence: public codes", "/public/codes", "anonymous"),
        # These two list everything the year holds (L: 40 committees and ~500 ethics sessions, M: 12 and ~50);
        # their data is added up once a minute, only the rendering of the longer list grows.
        ("evidence: public committees", "/public/committees", "anonymous", "lists every committee's members"),
        ("evidence: public plan", f"/public/plan/{fy}", "anonymous"),
        (
            "evidence: public training",
            f"/public/training/{fy}",
            "anonymous",
            "lists every ethics session held",
        ),
        ("evidence: public FAQ", "/public/faq", "anonymous"),
        ("evidence: dashboard", f"/reports/dashboard?fy={fy}", "officer"),
        # The HR summary adds up the whole year's attendance and acknowledgments: it grows with the data.
        (
            "evidence: fiscal-year report",
            f"/reports/fiscal-year/{fy - 1}",
            "officer",
            "adds up the year's data",
        ),
    ]


def tasks(ctx: BenchContext) -> list[tuple]:
    """Produce the DOCX report of the last fiscal year, as the officer's download does."""
    fy = ctx.extras["evidence_fy"] - 1

    def docx_report() -> None:
        data = exports.to_docx(services.build_report(fy, "th"))
        if not data.startswith(b"PK"):
            raise AssertionError("the report is not a DOCX (zip) file")

    # The target: the DOCX report at L in under 3 s on this machine.
    return [("evidence: DOCX report", docx_report, 3.0 if ctx.profile == "L" else None)]
