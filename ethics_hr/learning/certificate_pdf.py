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
from fpdf.enums import TextDirection
from fpdf.fonts import Glyph, SubsetMap, TTFFont
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
# is the same for every certificate: parsing both weights of the font (add_font), running each string through
# the machinery of its cell() for text that mixes fonts, markdown and right-to-left scripts, shaping it and
# measuring it again (its line breaker measures a line anew for each character it adds), and cutting the
# embedded subsets with fontTools' subsetter, tens of milliseconds a weight. Here the fonts are parsed once
# per thread, each string is shaped once per process and drawn as one line (`_line`), and HarfBuzz cuts the
# subsets. The pages come out the same, pixel for pixel (tests/learning/test_certificates.py renders one
# both ways).
#
# This leans on fpdf2's insides, as of 2.8 (pyproject keeps fpdf2 below 3): the fields of its TrueType font
# (`TTFFont`) that belong to one document, the text operators it writes for a shaped string, and the method
# of its PDF writer that embeds the fonts (`OutputProducer._add_fonts`), with the PDF objects that one makes.
# The writer is fpdf2's public hook (`output(output_producer_class=...)`); the rest is marked where it is
# used.

_parsed = threading.local()


def _parsed_fonts() -> dict[str, TTFFont]:
    """This thread's two weights, parsed by fpdf2 once, by font key. Per thread because fpdf2 sets the size
    of the HarfBuzz font before each shaping."""
    fonts = getattr(_parsed, "fonts", None)
    if fonts is None:
        scratch = FPDF()
        for style, weight in WEIGHTS.items():
            scratch.add_font("Sarabun", style, sarabun_ttf_path(weight))
        fonts = dict(scratch.fonts)
        for font in fonts.values():
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
            if not isinstance(font, TTFFont) or font.ttffile not in {
                sarabun_ttf_path(w) for w in WEIGHTS.values()
            }:
                raise TypeError(f"a certificate's fonts come from _use_sarabun, not {font!r}")
        return {font.i: self._add_font(font) for font in fonts}

    def _add_font(self, font: TTFFont) -> PDFFont:
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


# --- One line of text ----------------------------------------------------------------------------------
#
# Each line of a certificate is drawn here as fpdf2's cell() draws a single line of one font, without the
# machinery cell() runs first for text that mixes fonts, markdown and right-to-left scripts (which took
# most of a certificate's time). The glyphs and positions HarfBuzz gives a string at a size are the same in
# every document, so they are worked out once per process; what belongs to the document is the code each
# glyph gets in its font's subset.

_LTR = {"features": {}, "fragment_direction": TextDirection.LTR}
# A shaped string: each glyph (None where the font has none) with its offsets and advances in the
# document's units and whether the pen moves other than by the glyph's own width; and the string's width.
_Run = tuple[tuple[tuple[Glyph, float, float, float, float, bool], ...], float]
_RUNS: dict[tuple, _Run] = {}
_RUNS_MAX = 5_000  # emptied when full (a certificate adds the few strings the one before did not have)


def _run(pdf: FPDF, text: str) -> _Run:
    """A string shaped by HarfBuzz in the current font at the current size, as fpdf2's TTFFont.shape_text
    shapes it for cell()."""
    font, size = pdf.current_font, pdf.font_size_pt
    key = (font.ttffile, text, size, pdf.k)
    found = _RUNS.get(key)
    if found is not None:
        return found
    infos, positions = font.perform_harfbuzz_shaping(text, size, _LTR)
    units = font.scale * size / 1000 / pdf.k  # a font unit in the document's units
    # The characters each glyph stands for, for the text to be searched and copied: those from its cluster
    # (the index of its first character) up to the next cluster, as fpdf2's TTFFont.shape_text maps them.
    starts = sorted({info.cluster for info in infos})
    ends = dict(zip(starts, [*starts[1:], len(text)], strict=True))
    seen: set[int] = set()
    glyphs = []
    for info, position in zip(infos, positions, strict=True):
        chars = () if info.cluster in seen else tuple(map(ord, text[info.cluster : ends[info.cluster]]))
        seen.add(info.cluster)
        name = font.ttfont.getGlyphName(info.codepoint)
        width = round(font.scale * font.ttfont["hmtx"].metrics[name][0])
        moved = width != position.x_advance or position.x_offset or position.y_offset or position.y_advance
        glyph = Glyph(info.codepoint, chars, name, width) if info.codepoint else None
        glyphs.append(
            (
                glyph,
                position.x_offset * units,
                position.y_offset * units,
                position.x_advance * units,
                position.y_advance * units,
                bool(moved),
            )
        )
    advance = sum(round(font.scale * position.x_advance + 0.001) for position in positions)
    width = advance * size / 1000 / pdf.k  # as fpdf2's TTFFont.shaped_text_width adds it up
    if len(_RUNS) >= _RUNS_MAX:
        _RUNS.clear()
    found = _RUNS[key] = (tuple(glyphs), width)
    return found


def _width(pdf: FPDF, text: str) -> float:
    """The width of a string in the current font, as fpdf2's get_string_width measures it."""
    return _run(pdf, text)[1]


def _line(pdf: FPDF, x: float, y: float, w: float, h: float, text: str, align: str = "C") -> None:
    """Draw a string in the box at (x, y) of w by h, centred (or left, with fpdf2's cell margin) and
    vertically in the middle, in the current font and text colour: what `pdf.set_xy(x, y); pdf.cell(w, h,
    text, align=align)` draws."""
    glyphs, width = _run(pdf, text)
    font, k = pdf.current_font, pdf.k
    left = x + ((w - width) / 2 if align == "C" else pdf.c_margin)
    baseline = y + 0.5 * h + 0.3 * pdf.font_size
    # fpdf2 internal: the text operators of fpdf2's Fragment.render_with_text_shaping; the font is set on the
    # page as its cell() and text() set it.
    if not pdf.current_font_is_set_on_page:
        pdf._out(pdf._set_font_for_page(font, pdf.font_size_pt))
    ops = [f"BT {left * k:.2f} {(pdf.h - baseline) * k:.2f} Td"]
    coloured = pdf.text_color != pdf.fill_color
    if coloured:
        ops.append(pdf.text_color.serialize().lower())
    codes = ""
    pen_x, pen_y = left, baseline
    for glyph, x_offset, y_offset, x_advance, y_advance, moved in glyphs:
        if glyph is None:
            continue
        if x_offset or y_offset:
            if codes:
                ops.append(f"({codes}) Tj")
                codes = ""
            ops.append(f"1 0 0 1 {(pen_x + x_offset) * k:.2f} {(pdf.h - pen_y + y_offset) * k:.2f} Tm")
        codes += font.escape_text(chr(font.subset.pick_glyph(glyph)))
        pen_x += x_advance
        pen_y += y_advance
        if moved:
            if codes:
                ops.append(f"({codes}) Tj")
                codes = ""
            ops.append(f"1 0 0 1 {pen_x * k:.2f} {(pdf.h - pen_y) * k:.2f} Tm")
    if codes:
        ops.append(f"({codes}) Tj")
    ops.append("ET")
    pdf._out(f"q {' '.join(ops)} Q" if coloured else " ".join(ops))


def logo() -> bytes | None:
    """The organisation's logo, printed as the seal; None when it has none."""
    stored = logo_file()
    return read_stored(stored) if stored is not None else None


def _fitting(pdf: FPDF, text: str, width: float, *, size: int, smallest: int = 12) -> int:
    """The largest font size up to `size` at which each phrase (the text between spaces) fits on a line."""
    while size > smallest:
        pdf.set_font("Sarabun", "B", size)
        if max(_width(pdf, part) for part in text.split() or [""]) <= width:
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
            if line and _width(pdf, candidate) > width:
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
    _line(pdf, 15, top, width - 30, 10, settings.name(locale))
    pdf.set_font("Sarabun", "B", 34)
    _line(pdf, 15, top + 13, width - 30, 16, heading)
    pdf.set_text_color(30, 30, 30)
    pdf.set_font("Sarabun", "", 16)
    _line(pdf, 15, top + 33, width - 30, 9, given_to)
    pdf.set_font("Sarabun", "B", 26)
    _line(pdf, 15, top + 44, width - 30, 14, certificate.holder(locale))
    title = digits(certificate.title(locale))
    pdf.set_font("Sarabun", "B", _fitting(pdf, title, width - 60, size=20))
    # Thai writes no space between words: lines break only at the spaces between phrases, inside the cell
    # margins multi_cell would keep.
    title_lines = _lines(pdf, title, width - 60 - 2 * pdf.c_margin)
    for n, text in enumerate(title_lines):
        _line(pdf, 30, top + 64 + 10 * n, width - 60, 10, text)
    below_title = top + 64 + 10 * len(title_lines)
    pdf.set_font("Sarabun", "", 15)
    line = " · ".join(part for part in (hours_text, given_on) if part)
    _line(pdf, 15, below_title + 2, width - 30, 8, digits(line))
    # The signature block, right of centre; the QR code and the code on the left.
    base = pdf.h - 52
    if certificate.signatory:
        pdf.set_draw_color(120, 120, 120)
        pdf.line(width / 2 + 20, base + 14, width - 45, base + 14)
        pdf.set_font("Sarabun", "", 15)
        _line(pdf, width / 2 + 10, base + 16, width / 2 - 45, 8, f"({certificate.signatory})")
        _line(pdf, width / 2 + 10, base + 24, width / 2 - 45, 8, certificate.signatory_title(locale))
    pdf.image(_qr_image(verify_url), x=22, y=base - 4, w=32, h=32)
    pdf.set_font("Sarabun", "", 10)
    for n, text in enumerate(_lines(pdf, f"{code_line}\n{check}", width / 2 - 50)):
        _line(pdf, 58, base + 10 + 5 * n, width / 2 - 50, 5, text, align="L")
    return bytes(pdf.output(output_producer_class=_FontsByHarfBuzz))
