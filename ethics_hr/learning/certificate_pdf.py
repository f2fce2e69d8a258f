"""A certificate as a one-page A4 PDF: the seal, the organisation, the holder, what for, the signatory, the
day, and a QR code to the public verification page.

fpdf2 lays the page out; with text shaping on, HarfBuzz (uharfbuzz) places Thai vowels and tone marks above
and below their consonants as the font's mark positioning says (plain fpdf2, like most PDF libraries, would
print them side by side). The font is the app's own Sarabun (`core.fonts`), embedded as the glyphs used.
Certificates are issued by the thousand, so the work that is the same for each is done once ("Quick
rendering" below).
"""

from __future__ import annotations

import copy
import io
import logging
import threading

import segno
from flask_babel import force_locale
from flask_babel import gettext as _
from fpdf import FPDF
from fpdf.enums import WrapMode
from fpdf.fonts import SubsetMap, TTFFont
from fpdf.output import CIDSystemInfo, OutputProducer, PDFFont, PDFFontStream
from fpdf.syntax import Name, PDFArray, PDFContentStream
from PIL import Image

from ethics_hr.core.fonts import sarabun_subset, sarabun_ttf_path
from ethics_hr.core.formatting import format_date, thai_digits
from ethics_hr.core.settings import get_settings, logo_file
from ethics_hr.core.uploads import read_stored
from ethics_hr.learning.certificates import display_code
from ethics_hr.learning.models import Certificate

WEIGHTS = {"": "400", "B": "700"}

log = logging.getLogger(__name__)


# --- Quick rendering --------------------------------------------------------------------------------------
#
# Plain fpdf2 spends most of a certificate's time (some 110 ms on the bench's 2-core machine) on work that
# is the same for every certificate: parsing both weights of the font (add_font), shaping and measuring the
# same strings again (its line breaker measures a line anew for each character it adds), and cutting the
# embedded subsets with fontTools' subsetter, tens of milliseconds a weight. Here the fonts are parsed once
# per thread, each measurement is made once per process, and HarfBuzz cuts the subsets. The pages come out
# the same, pixel for pixel (tests/learning/test_certificates.py renders one both ways).
#
# This leans on fpdf2's insides, as of 2.8 (pyproject keeps fpdf2 below 3): the fields of its TrueType font
# (`TTFFont`) that belong to one document, the two methods of it that measure and shape, and the method of its
# PDF writer that embeds the fonts (`OutputProducer._add_fonts`), with the PDF objects that one makes. The
# writer is fpdf2's public hook (`output(output_producer_class=...)`); the rest is marked where it is used.

# Each emptied when full (some 5 MB). A certificate measures a few dozen strings the one before did not (the
# line breaker's beginnings of the lines with the code in them); most of the others it shares with every one.
_WIDTHS: dict[tuple, tuple[int, float]] = {}
_SHAPES: dict[tuple, tuple] = {}
_WIDTHS_MAX, _SHAPES_MAX = 10_000, 1_000


def _frozen(params: dict | None) -> tuple | None:
    """fpdf2's shaping parameters as a key: their names, then their values (the font features a dict)."""
    if params is None:
        return None
    return tuple(params), tuple([tuple(v.items()) if type(v) is dict else v for v in params.values()])


class _Sarabun(TTFFont):
    """fpdf2's TrueType font, measuring and shaping each string at each size once per process: the result
    depends on nothing else (the font file's name carries a hash of its content)."""

    __slots__ = ()

    def _remembered(self, store: dict, most: int, compute, text: str, size: float, params: dict | None):
        try:
            key = (self.ttffile, text, size, _frozen(params))
            found = store.get(key)
        except TypeError:  # a shaping parameter that cannot be part of a key: no remembering
            return compute(text, size, params)
        if found is None:
            if len(store) >= most:
                store.clear()
            found = store[key] = compute(text, size, params)
        return found

    # fpdf2 internal: TTFFont's methods that measure (the line breaker calls this one for every character) and
    # shape (which measuring and drawing call).
    def get_text_width(self, text, font_size_pt, text_shaping_params):
        if font_size_pt > self.biggest_size_pt:  # what fpdf2's does besides measuring
            self.biggest_size_pt = font_size_pt
        measure = super().get_text_width
        return self._remembered(_WIDTHS, _WIDTHS_MAX, measure, text, font_size_pt, text_shaping_params)

    def perform_harfbuzz_shaping(self, text, font_size_pt, text_shaping_params):
        # HarfBuzz's glyphs and positions, which fpdf2 only reads.
        shape = super().perform_harfbuzz_shaping
        return self._remembered(_SHAPES, _SHAPES_MAX, shape, text, font_size_pt, text_shaping_params)


_parsed = threading.local()


def _parsed_fonts() -> dict[str, _Sarabun]:
    """This thread's two weights, parsed by fpdf2 once, by font key. Per thread because fpdf2 sets the size
    of the HarfBuzz font before each shaping."""
    fonts = getattr(_parsed, "fonts", None)
    if fonts is None:
        scratch = FPDF()
        for style, weight in WEIGHTS.items():
            scratch.add_font("Sarabun", style, sarabun_ttf_path(weight))
        fonts = dict(scratch.fonts)
        for font in fonts.values():
            font.__class__ = _Sarabun  # a subclass without fields of its own
            font.hbfont  # noqa: B018 - made now, so that the documents' copies share it
        _parsed.fonts = fonts
    return fonts


def _use_sarabun(pdf: FPDF) -> None:
    """Give the document the two weights, as add_font would, without parsing them again.

    fpdf2 internal: a TTFFont belongs to one document by its index and the glyphs used (`i`, `subset`,
    `missing_glyphs`, `biggest_size_pt`); the rest (the parsed font, the widths, the HarfBuzz font, the
    descriptor) fpdf2 only reads, and shares between copies itself (TTFFont.__deepcopy__). The embedding below
    leaves the parsed font as it is, where fontTools' subsetter would cut it down.
    """
    for key, parsed in _parsed_fonts().items():
        font = copy.copy(parsed)
        font.i = len(pdf.fonts) + 1
        font.subset = SubsetMap(font)
        font.missing_glyphs = []
        font.biggest_size_pt = 0
        pdf.fonts[key] = font


class _FontsByHarfBuzz(OutputProducer):
    """fpdf2's PDF writer, embedding the fonts from `_use_sarabun` with subsets cut by HarfBuzz.

    fpdf2 internal: this replaces `OutputProducer._add_fonts` and makes the objects fpdf2's makes for a
    TrueType font: a Type0 font over a CIDFontType2 with its widths, a ToUnicode map, the CID system info, the
    descriptor, the CIDToGIDMap and the font file, a subset of the same glyphs (`core.fonts.sarabun_subset`).
    """

    def _add_fonts(self, image_objects_per_index, gfxstate_objs_per_name, pattern_objs_per_name):
        fonts = sorted(self.fpdf.fonts.values(), key=lambda font: font.i)
        for font in fonts:
            if not isinstance(font, _Sarabun):
                raise TypeError(f"a certificate's fonts come from _use_sarabun, not {font!r}")
        return {font.i: self._add_font(font) for font in fonts}

    def _add_font(self, font: _Sarabun) -> PDFFont:
        if font.missing_glyphs:
            log.warning(
                "Font %s has no glyph for %s", font.name, ", ".join(f"U+{c:04X}" for c in font.missing_glyphs)
            )
        used = [(glyph, code) for glyph, code in font.subset.items() if glyph is not None]
        weight = next(weight for weight in WEIGHTS.values() if sarabun_ttf_path(weight) == font.ttffile)
        gid = font.ttfont.getGlyphID  # by name, as fpdf2 does: its .notdef entry has no glyph id of its own
        program, new_gid = sarabun_subset(weight, {gid(glyph.glyph_name) for glyph, _ in used})
        fontname = f"MPDFAA+{font.name}"

        composite = PDFFont(subtype="Type0", base_font=fontname, encoding="Identity-H")
        self._add_pdf_obj(composite, "fonts")
        widths = {code: glyph.glyph_width for glyph, code in used}
        cid_font = PDFFont(
            subtype="CIDFontType2", base_font=fontname, d_w=font.desc.missing_width, w=_widths(widths)
        )
        self._add_pdf_obj(cid_font, "fonts")
        composite.descendant_fonts = PDFArray([cid_font])

        # The characters each code stands for: the text can be searched and copied.
        to_unicode = PDFContentStream(_to_unicode(used).encode("latin-1"))
        self._add_pdf_obj(to_unicode, "fonts")
        composite.to_unicode = to_unicode

        system_info = CIDSystemInfo()
        self._add_pdf_obj(system_info, "fonts")
        cid_font.c_i_d_system_info = system_info

        descriptor = copy.copy(font.desc)  # the parsed font's, which every document shares
        descriptor.font_name = Name(fontname)
        self._add_pdf_obj(descriptor, "fonts")
        cid_font.font_descriptor = descriptor

        # Two bytes a code, up to the highest used (fpdf2 writes all 65,536 codes, and compressing those takes
        # longer than the rest of the font).
        cid_to_gid = bytearray(2 * (max(code for _, code in used) + 1))
        for glyph, code in used:
            cid_to_gid[2 * code : 2 * code + 2] = new_gid[gid(glyph.glyph_name)].to_bytes(2, "big")
        cid_to_gid_map = PDFContentStream(contents=bytes(cid_to_gid), compress=True)
        self._add_pdf_obj(cid_to_gid_map, "fonts")
        cid_font.c_i_d_to_g_i_d_map = cid_to_gid_map

        font_file = PDFFontStream(contents=program)
        self._add_pdf_obj(font_file, "fonts")
        descriptor.font_file2 = font_file
        # As fpdf2 does: its caches of the glyphs used, per method, would keep every document's font.
        font.subset.pick.cache_clear()
        font.subset.get_glyph.cache_clear()
        return composite


def _widths(widths: dict[int, int]) -> str:
    """A CID font's /W array: each run of consecutive codes as `first [w w ...]`."""
    runs: list[list[int]] = []
    for code in sorted(widths):
        if runs and code == runs[-1][0] + len(runs[-1]) - 1:
            runs[-1].append(widths[code])
        else:
            runs.append([code, widths[code]])
    return "[" + "".join(f" {run[0]} [ {' '.join(str(w) for w in run[1:])} ]\n" for run in runs) + "]"


def _to_unicode(used) -> str:
    def utf16(char: int) -> str:
        if char > 0xFFFF:
            char -= 0x10000
            return f"{0xD800 | char >> 10:04X}{0xDC00 | char & 0x3FF:04X}"
        return f"{char:04X}"

    entries = [
        f"<{code:04X}> <{''.join(utf16(char) for char in glyph.unicode)}>\n"
        for glyph, code in used
        if isinstance(glyph.unicode, tuple) and glyph.unicode
    ]
    blocks = "".join(  # at most 100 to a block (Adobe Technical Note #5014)
        f"{len(entries[i : i + 100])} beginbfchar\n{''.join(entries[i : i + 100])}endbfchar\n"
        for i in range(0, len(entries), 100)
    )
    return (
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo\n<</Registry (Adobe)\n/Ordering (UCS)\n/Supplement 0\n>> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
        f"{blocks}endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend"
    )


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


def _lines(pdf: FPDF, text: str, width: float) -> list[str]:
    """Break a text into lines no wider than `width` at its spaces (Thai puts them between phrases), as
    multi_cell's word wrapping does, measuring each line once rather than each character."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            candidate = f"{line} {word}" if line else word
            if line and pdf.get_string_width(candidate) > width:
                lines.append(line)
                line = word
            else:
                line = candidate
        lines.append(line)
    return lines


def _qr_image(url: str) -> Image.Image:
    """The QR code to the verification page as a black-and-white image, 8 pixels a module with a module of
    border: the pixels segno's PNG would have, made by Pillow (which fpdf2 needs anyway) instead of segno's
    pure-Python PNG writer, and handed to fpdf2 without a PNG to decode."""
    # One fixed mask pattern: choosing the best of the eight takes longer than the rest of the QR code, and a
    # code printed this large on white reads with any of them.
    qr = segno.make(url, error="m", mask=0)
    side = len(qr.matrix) + 2
    modules = bytes(0 if dark else 255 for row in qr.matrix_iter(scale=1, border=1) for dark in row)
    image = Image.frombytes("L", (side, side), modules).resize((8 * side, 8 * side), Image.NEAREST)
    return image.convert("1", dither=Image.NONE)


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
    _use_sarabun(pdf)
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
    if pdf.get_string_width(title) <= width - 60:  # one line: no line breaking to work out
        pdf.cell(width - 60, 10, title, align="C", new_x="LMARGIN", new_y="NEXT")
    else:
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
    pdf.image(_qr_image(verify_url), x=22, y=base - 4, w=32, h=32)
    pdf.set_font("Sarabun", "", 10)
    for n, text in enumerate(_lines(pdf, f"{code_line}\n{check}", width / 2 - 50)):
        pdf.set_xy(58, base + 10 + 5 * n)
        pdf.cell(width / 2 - 50, 5, text, align="L")
    return bytes(pdf.output(output_producer_class=_FontsByHarfBuzz))
