"""Categories of interest a declaration lists: data with Thai and English names, arriving with the migrations;
the personnel officer adds, renames and retires them (one in use is never deleted)."""

from __future__ import annotations

from ethics_hr.conflicts.models import InterestCategory
from ethics_hr.extensions import db

# The headings of the Thai declaration forms (แบบแสดงความขัดแย้งระหว่างประโยชน์ส่วนตนและประโยชน์ส่วนรวม).
CATEGORIES: tuple[tuple[str, str, str], ...] = (
    (
        "relative_business",
        "คู่สมรสหรือญาติมีธุรกิจหรือทำสัญญากับหน่วยงาน",
        "Spouse or relatives in business with the organisation",
    ),
    (
        "outside_work",
        "การทำงานหรือดำรงตำแหน่งภายนอกหน่วยงาน",
        "Outside work or positions",
    ),
    (
        "shareholding",
        "การถือหุ้นหรือเป็นหุ้นส่วนในกิจการ",
        "Shareholdings or partnerships",
    ),
    (
        "procurement",
        "การมีส่วนเกี่ยวข้องกับการจัดซื้อจัดจ้างหรือสัญญา",
        "Involvement in a procurement or contract",
    ),
    ("other", "อื่น ๆ", "Other"),
)


def ensure_reference_data() -> None:
    """Insert the interest categories that are missing."""
    existing = set(db.session.scalars(db.select(InterestCategory.code)))
    for order, (code, name_th, name_en) in enumerate(CATEGORIES, start=1):
        if code not in existing:
            db.session.add(InterestCategory(code=code, name_th=name_th, name_en=name_en, sort_order=order))
    db.session.flush()
