"""The app's own font, Sarabun, as one TrueType font per weight for the documents that embed it.

The pages use it as web fonts, a Thai and a Latin subset per weight (static/fonts, SIL Open Font License);
a PDF writer and LibreOffice need one TrueType font instead, so the two subsets of a weight are merged once
per process.
"""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
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
