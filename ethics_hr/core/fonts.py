"""The app's own font, Sarabun, as one TrueType font per weight for the documents that embed it.

The pages use it as web fonts, a Thai and a Latin subset per weight (static/fonts, SIL Open Font License);
a PDF writer and LibreOffice need one TrueType font instead, so the two subsets of a weight are merged once
per process. A PDF embeds only the glyphs it shows: `sarabun_subset` cuts them out with HarfBuzz.
"""

from __future__ import annotations

import hashlib
import io
import itertools
import os
import struct
import tempfile
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

FONTS = Path(__file__).resolve().parent.parent / "static" / "fonts"


def weights() -> list[str]:
    """The weights shipped: "400", "600", "700"."""
    return sorted({p.name.split("-")[2] for p in FONTS.glob("sarabun-*-normal.woff2")})


@lru_cache(maxsize=4)
def sarabun_ttf(weight: str = "400") -> bytes:
    """Sarabun of one weight as a TrueType font: its Thai and Latin web subsets, merged."""
    from fontTools.merge import Merger
    from fontTools.ttLib import TTFont

    parts = []
    for subset in ("thai", "latin"):
        font = TTFont(FONTS / f"sarabun-{subset}-{weight}-normal.woff2")
        font.flavor = None
        buffer = io.BytesIO()
        font.save(buffer)
        buffer.seek(0)
        parts.append(buffer)
    out = io.BytesIO()
    Merger().merge(parts).save(out)
    return out.getvalue()


@lru_cache(maxsize=4)
def sarabun_ttf_path(weight: str = "400") -> Path:
    """The merged font as a file (for writers that read fonts from files), written once to the temp folder
    under a name that says its content."""
    data = sarabun_ttf(weight)
    folder = Path(tempfile.gettempdir()) / "ethics-hr-fonts"
    folder.mkdir(exist_ok=True)
    target = folder / f"Sarabun-{weight}-{hashlib.sha256(data).hexdigest()[:16]}.ttf"
    if not target.exists():
        partial = target.with_suffix(f".{os.getpid()}.part")
        partial.write_bytes(data)
        partial.replace(target)  # atomic: two processes may write it at once
    return target


# Tables a PDF viewer never reads from an embedded TrueType font: the text comes shaped and positioned already
# (the same ones fpdf2 drops when it subsets a font itself).
PDF_UNUSED_TABLES = ("GDEF", "GPOS", "GSUB", "MATH", "FFTM", "hdmx", "meta")


@lru_cache(maxsize=4)
def _sarabun_face(weight: str):
    """HarfBuzz's copy of the merged font, read once, to cut subsets from."""
    import uharfbuzz as hb

    return hb.Face(hb.Blob(sarabun_ttf(weight)))


def sarabun_subset(weight: str, glyph_ids: Iterable[int]) -> tuple[bytes, dict[int, int]]:
    """The merged font cut down to these glyphs (and those their outlines are built from), for embedding in a
    PDF, and each old glyph id's new one.

    HarfBuzz cuts it in well under a millisecond, where fontTools' subsetter (fpdf2's) takes tens. The cut
    keeps what fpdf2's keeps: the outlines, metrics and hinting, the .notdef box, the character map of the
    glyphs kept and names 0 to 6; no glyph names and no layout tables. And, as fontTools does, it gives the
    font the bounding box of the glyphs kept (HarfBuzz would leave the whole font's): poppler sizes the glyphs
    it draws by that box, so another one shifts them by a fraction of a pixel.
    """
    import uharfbuzz as hb

    request = hb.SubsetInput()
    request.glyph_set.update(glyph_ids)
    for tag in PDF_UNUSED_TABLES:
        request.drop_table_tag_set.add(int.from_bytes(tag.encode("ascii"), "big"))
    request.flags = hb.SubsetFlags.NOTDEF_OUTLINE | hb.SubsetFlags.NO_LAYOUT_CLOSURE
    plan = hb.SubsetPlan(_sarabun_face(weight), request)
    return _with_glyphs_bounds(plan.execute().blob.data), dict(plan.old_to_new_glyph_mapping.items())


def _with_glyphs_bounds(font: bytes) -> bytes:
    """A TrueType font with the bounding box in its `head` table made that of its glyphs, and the checksums
    that depend on it redone."""
    tables = {}  # tag: where its record in the table directory is, where the table is, its length
    for record in range(struct.unpack_from(">H", font, 4)[0]):
        tag, _, offset, length = struct.unpack_from(">4sIII", font, 12 + 16 * record)
        tables[tag] = (12 + 16 * record, offset, length)
    head_record, head_at, head_length = tables[b"head"]
    _, loca_at, loca_length = tables[b"loca"]
    glyf_at = tables[b"glyf"][1]
    if struct.unpack_from(">h", font, head_at + 50)[0]:  # indexToLocFormat: long offsets
        offsets = struct.unpack_from(f">{loca_length // 4}I", font, loca_at)
    else:
        offsets = [2 * half for half in struct.unpack_from(f">{loca_length // 2}H", font, loca_at)]
    # Each glyph with an outline starts with its number of contours, then xMin, yMin, xMax, yMax.
    boxes = [
        struct.unpack_from(">4h", font, glyf_at + start + 2)
        for start, end in itertools.pairwise(offsets)
        if end > start
    ]
    if not boxes:  # nothing drawn
        return bytes(font)
    out = bytearray(font)
    struct.pack_into(
        ">4h",
        out,
        head_at + 36,
        min(box[0] for box in boxes),
        min(box[1] for box in boxes),
        max(box[2] for box in boxes),
        max(box[3] for box in boxes),
    )
    struct.pack_into(">I", out, head_at + 8, 0)  # checkSumAdjustment, counted as 0
    struct.pack_into(">I", out, head_record + 4, _checksum(out[head_at : head_at + head_length]))
    struct.pack_into(">I", out, head_at + 8, (0xB1B0AFBA - _checksum(out)) & 0xFFFFFFFF)
    return bytes(out)


def _checksum(data: bytes | bytearray) -> int:
    """The OpenType checksum: the sum of the big-endian 32-bit words, the last padded with zeros."""
    padded = bytes(data) + b"\0" * (-len(data) % 4)
    return sum(struct.unpack(f">{len(padded) // 4}I", padded)) & 0xFFFFFFFF
