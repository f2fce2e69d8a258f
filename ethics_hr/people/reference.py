"""Reference data the app needs before anyone types a thing: the staff categories of a local body."""

from __future__ import annotations

from ethics_hr.extensions import db
from ethics_hr.people.models import StaffCategory

STAFF_CATEGORIES: tuple[tuple[str, str, str], ...] = (
    ("executive", "ผู้บริหารท้องถิ่น", "Local executive"),
    ("council_member", "สมาชิกสภาท้องถิ่น", "Local council member"),
    ("local_official", "พนักงานส่วนท้องถิ่น", "Local official"),
    ("teacher", "พนักงานครู", "Teacher"),
    ("permanent_worker", "ลูกจ้างประจำ", "Permanent worker"),
    ("mission_contract", "พนักงานจ้างตามภารกิจ", "Mission contract employee"),
    ("general_contract", "พนักงานจ้างทั่วไป", "General contract employee"),
)


def ensure_reference_data() -> None:
    """Insert the staff categories that are missing; never change ones an officer has edited."""
    existing = set(db.session.scalars(db.select(StaffCategory.code)))
    for order, (code, name_th, name_en) in enumerate(STAFF_CATEGORIES, start=1):
        if code not in existing:
            db.session.add(StaffCategory(code=code, name_th=name_th, name_en=name_en, sort_order=order))
    db.session.flush()
