"""Question categories: data with Thai and English labels, editable later."""

from __future__ import annotations

from ethics_hr.extensions import db
from ethics_hr.questions.models import QuestionCategory

CATEGORIES: tuple[tuple[str, str, str], ...] = (
    ("gifts", "การรับของขวัญและประโยชน์อื่นใด", "Gifts and benefits"),
    ("conflict_of_interest", "ผลประโยชน์ทับซ้อน", "Conflict of interest"),
    ("public_property", "การใช้ทรัพย์สินของราชการ", "Use of public property"),
    ("conduct", "ความประพฤติและการวางตน", "Personal conduct"),
    ("other", "อื่น ๆ", "Other"),
)


def ensure_reference_data() -> None:
    """Insert the question categories that are missing."""
    existing = set(db.session.scalars(db.select(QuestionCategory.code)))
    for order, (code, name_th, name_en) in enumerate(CATEGORIES, start=1):
        if code not in existing:
            db.session.add(QuestionCategory(code=code, name_th=name_th, name_en=name_en, sort_order=order))
    db.session.flush()
