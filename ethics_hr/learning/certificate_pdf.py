"""A certificate as a one-page A4 PDF: the seal, the organisation, the holder, what for, the signatory, the
day, and a QR code to the public verification page.

fpdf2 lays the page out; with text shaping on, HarfBuzz (uharfbuzz) places Thai vowels and tone marks above
and below their consonants as the font's mark positioning says (plain fpdf2, like most PDF libraries, would
print them side by side). The font is the app's own Sarabun (`core.fonts`), embedded as the glyphs used.
"""

from __future__ import annotations

import io

import segno
from flask_babel import force_locale
from flask_babel import gettext as _
from fpdf import FPDF
from fpdf.enums import WrapMode

from ethics_hr.core.fonts import sarabun_ttf_path
from ethics_hr.core.formatting import format_date, thai_digits
from ethics_hr.core.settings import get_settings, logo_file
from ethics_hr.core.uploads import read_stored
from ethics_hr.learning.certificates import display_code
from ethics_hr.learning.models import Certificate

WEIGHTS = {"": "400", "B": "700"}


def logo() -> bytes | None:
    """The organisation's logo, printed as the seal; None when it has none."""
    stored = logo_file()
    return read_stored(stored) if stored is not None else None


def _fitting(pdf: FPDF, text: str, width: float, *, size: int, smallest: int = 12) -> int:
    """The largest font size up to `size` at which each phrase (the text between spaces) fits on a line."""
    while size > smallest:
        pdf.set_font("Sarabun", "B", size)
        if max(pdf.get_string_width(part) for part in text.split() or [""]) <= width:
            break
        size -= 1
    return size


def render(
    certificate: Certificate, *, verify_url: str, locale: str = "th", logo: bytes | None = None
) -> bytes:
    """Lay a certificate out on an A4 landscape page and return the PDF."""
    settings = get_settings()
    digits = thai_digits if locale == "th" and settings.thai_numerals_in_documents else str
    pdf = FPDF(orientation="L", unit="mm", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_title(certificate.title(locale))
    pdf.set_creator("Ethics HR")
    for style, weight in WEIGHTS.items():
        pdf.add_font("Sarabun", style, sarabun_ttf_path(weight))
    pdf.set_text_shaping(True)
    pdf.add_page()
    width = pdf.w
    # A double frame.
    pdf.set_draw_color(31, 78, 121)
    pdf.set_line_width(1.2)
    pdf.rect(8, 8, width - 16, pdf.h - 16)
    pdf.set_line_width(0.3)
    pdf.rect(11, 11, width - 22, pdf.h - 22)
    top = 24
    if logo:
        pdf.image(io.BytesIO(logo), x=(width - 28) / 2, y=top, h=28)
        top += 32
    with force_locale(locale):
        heading = _("Certificate")
        given_to = _("This certifies that")
        hours_text = (
            _("%(hours)s hours", hours=f"{certificate.hours:g}") if certificate.hours is not None else ""
        )
        given_on = _("Given on %(date)s", date=format_date(certificate.achieved_on, "long", locale=locale))
        check = _("Check this certificate: scan the code or open %(url)s", url=verify_url)
        code_line = _("Verification code %(code)s", code=display_code(certificate.code))
    pdf.set_text_color(31, 78, 121)
    pdf.set_font("Sarabun", "B", 20)
    pdf.set_xy(15, top)
    pdf.cell(width - 30, 10, settings.name(locale), align="C")
    pdf.set_font("Sarabun", "B", 34)
    pdf.set_xy(15, top + 13)
    pdf.cell(width - 30, 16, heading, align="C")
    pdf.set_text_color(30, 30, 30)
    pdf.set_font("Sarabun", "", 16)
    pdf.set_xy(15, top + 33)
    pdf.cell(width - 30, 9, given_to, align="C")
    pdf.set_font("Sarabun", "B", 26)
    pdf.set_xy(15, top + 44)
    pdf.cell(width - 30, 14, certificate.holder(locale), align="C")
    title = digits(certificate.title(locale))
    pdf.set_font("Sarabun", "B", _fitting(pdf, title, width - 60, size=20))
    pdf.set_xy(30, top + 64)
    # Thai writes no space between words: lines break only at the spaces between phrases.
    pdf.multi_cell(width - 60, 10, title, align="C", wrapmode=WrapMode.WORD)
    pdf.set_font("Sarabun", "", 15)
    line = " · ".join(part for part in (hours_text, given_on) if part)
    pdf.set_xy(15, pdf.get_y() + 2)
    pdf.cell(width - 30, 8, digits(line), align="C")
    # The signature block, right of centre; the QR code and the code on the left.
    base = pdf.h - 52
    if certificate.signatory:
        pdf.set_draw_color(120, 120, 120)
        pdf.line(width / 2 + 20, base + 14, width - 45, base + 14)
        pdf.set_font("Sarabun", "", 15)
        pdf.set_xy(width / 2 + 10, base + 16)
        pdf.cell(width / 2 - 45, 8, f"({certificate.signatory})", align="C")
        pdf.set_xy(width / 2 + 10, base + 24)
        pdf.cell(width / 2 - 45, 8, certificate.signatory_title(locale), align="C")
    qr = segno.make(verify_url, error="m")
    image = io.BytesIO()
    qr.save(image, kind="png", scale=8, border=1)
    image.seek(0)
    pdf.image(image, x=22, y=base - 4, w=32, h=32)
    pdf.set_font("Sarabun", "", 10)
    pdf.set_xy(58, base + 10)
    pdf.multi_cell(width / 2 - 50, 5, f"{code_line}\n{check}", align="L")
    return bytes(pdf.output())
