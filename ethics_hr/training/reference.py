"""Reference data of training: course topics and attendance statuses, with Thai and English labels."""

from __future__ import annotations

from ethics_hr.extensions import db
from ethics_hr.training.models import AttendanceStatus, CourseTopic

# (code, Thai, English, counts as ethics content)
TOPICS: tuple[tuple[str, str, str, bool], ...] = (
    ("ethical_standards", "มาตรฐานทางจริยธรรม", "Ethical standards", True),
    ("code_of_ethics", "ประมวลจริยธรรม", "Code of ethics", True),
    ("anti_corruption", "การป้องกันและต่อต้านการทุจริต", "Anti-corruption", True),
    ("no_gift", "นโยบายไม่รับของขวัญ (No Gift Policy)", "No Gift Policy", True),
    ("conflict_of_interest", "ผลประโยชน์ทับซ้อน", "Conflict of interest", True),
    ("general_competency", "สมรรถนะทั่วไป", "General competency", False),
    ("digital_skills", "ทักษะดิจิทัล", "Digital skills", False),
)

# (code, Thai, English, share of the session's hours credited)
STATUSES: tuple[tuple[str, str, str, float], ...] = (
    ("present", "มาเข้าร่วม", "Present", 1.0),
    ("late", "มาสาย", "Late", 1.0),
    ("excused", "ลา", "Excused", 0.0),
    ("absent", "ขาด", "Absent", 0.0),
)
PRESENT = "present"
LATE = "late"


def ensure_reference_data() -> None:
    """Insert the topics and attendance statuses that are missing; never change ones an officer edited."""
    topics = set(db.session.scalars(db.select(CourseTopic.code)))
    for order, (code, name_th, name_en, is_ethics) in enumerate(TOPICS, start=1):
        if code not in topics:
            db.session.add(
                CourseTopic(
                    code=code, name_th=name_th, name_en=name_en, is_ethics=is_ethics, sort_order=order
                )
            )
    statuses = set(db.session.scalars(db.select(AttendanceStatus.code)))
    for order, (code, name_th, name_en, factor) in enumerate(STATUSES, start=1):
        if code not in statuses:
            db.session.add(
                AttendanceStatus(
                    code=code, name_th=name_th, name_en=name_en, hours_factor=factor, sort_order=order
                )
            )
    db.session.flush()
