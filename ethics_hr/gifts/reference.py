"""Gift occasions: data with Thai and English labels, arriving with the migrations."""

from __future__ import annotations

from ethics_hr.extensions import db
from ethics_hr.gifts.models import GiftOccasion

# The occasions on which Thai custom gives gifts (the NACC notification's "ตามประเพณี"), and the rest.
OCCASIONS: tuple[tuple[str, str, str], ...] = (
    ("new_year", "เทศกาลปีใหม่", "New Year"),
    ("songkran", "เทศกาลสงกรานต์", "Songkran"),
    ("chinese_new_year", "เทศกาลตรุษจีน", "Chinese New Year"),
    ("birthday", "วันเกิด", "Birthday"),
    ("promotion_transfer", "การเลื่อนตำแหน่งหรือย้ายตำแหน่ง", "Promotion or transfer"),
    ("retirement", "การเกษียณอายุราชการ", "Retirement"),
    ("wedding_ordination_funeral", "งานมงคลหรืองานอวมงคล", "Wedding, ordination or funeral"),
    ("official_visit", "การต้อนรับหรือศึกษาดูงาน", "Official visit or study visit"),
    ("contract_work", "การติดต่อราชการหรืองานจัดซื้อจัดจ้าง", "Official business or procurement"),
    ("other", "อื่น ๆ", "Other"),
)


def ensure_reference_data() -> None:
    """Insert the gift occasions that are missing."""
    existing = set(db.session.scalars(db.select(GiftOccasion.code)))
    for order, (code, name_th, name_en) in enumerate(OCCASIONS, start=1):
        if code not in existing:
            db.session.add(GiftOccasion(code=code, name_th=name_th, name_en=name_en, sort_order=order))
    db.session.flush()
