"""Plan areas: data with Thai and English labels."""

from __future__ import annotations

from ethics_hr.extensions import db
from ethics_hr.plans.models import PlanArea

AREAS: tuple[tuple[str, str, str], ...] = (
    ("ethics", "ด้านคุณธรรมและจริยธรรม", "Ethics and integrity"),
    ("competency", "ด้านการพัฒนาสมรรถนะ", "Competency development"),
    ("welfare", "ด้านสวัสดิการและคุณภาพชีวิต", "Welfare and quality of life"),
    ("management", "ด้านการบริหารทรัพยากรบุคคล", "HR management"),
)


def ensure_reference_data() -> None:
    """Insert the plan areas that are missing."""
    existing = set(db.session.scalars(db.select(PlanArea.code)))
    for order, (code, name_th, name_en) in enumerate(AREAS, start=1):
        if code not in existing:
            db.session.add(PlanArea(code=code, name_th=name_th, name_en=name_en, sort_order=order))
    db.session.flush()
