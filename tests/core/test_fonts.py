"""The app's Sarabun as TrueType, and the subsets of it a PDF embeds."""

from __future__ import annotations

import io
import struct

from fontTools.ttLib import TTFont

from ethics_hr.core.fonts import sarabun_subset, sarabun_ttf


def test_a_subset_keeps_the_glyphs_asked_for_and_those_they_are_built_from():
    full = TTFont(io.BytesIO(sarabun_ttf("700")))
    order = full.getGlyphOrder()
    glyf = full["glyf"]
    composite = next(name for name in order if glyf[name].isComposite())
    asked = {order.index(name) for name in ("uni0E01", "uni0E34", "A", composite)}
    program, new_ids = sarabun_subset("700", asked)
    # The font's checksum is right, and each table's (fontTools checks those as it reads the tables).
    padded = program + b"\0" * (-len(program) % 4)
    assert sum(struct.unpack(f">{len(padded) // 4}I", padded)) & 0xFFFFFFFF == 0xB1B0AFBA
    subset = TTFont(io.BytesIO(program), checkChecksums=2)
    kept = subset.getGlyphOrder()
    assert len(kept) == len(new_ids) < len(order)
    assert asked <= set(new_ids) and 0 in new_ids  # and .notdef
    components = {order.index(name) for name in glyf[composite].getComponentNames(glyf)}
    assert components <= set(new_ids)
    for old, new in new_ids.items():
        assert subset["hmtx"][kept[new]] == full["hmtx"][order[old]]
    assert not {"GSUB", "GPOS", "GDEF"} & set(subset.keys())
    # The bounding box is the kept glyphs', as fontTools works it out.
    expected = TTFont(io.BytesIO(program), recalcBBoxes=True)
    expected["maxp"].recalc(expected)
    head = subset["head"]
    assert (head.xMin, head.yMin, head.xMax, head.yMax) == (
        expected["head"].xMin,
        expected["head"].yMin,
        expected["head"].xMax,
        expected["head"].yMax,
    )
