"""Helpers of the pledge's tests: a pledge input with sensible defaults, an open pledge, a clock."""

from __future__ import annotations

from datetime import UTC, date, datetime

from ethics_hr.pledges import services
from tests import factories

# 20 November 2026 (B.E. 2569), 10:00 in Bangkok: fiscal year 2570 (1 Oct 2026 to 30 Sep 2027).
NOW = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)
FY = 2570
TEXT = "ข้าพเจ้าจะยึดมั่นในความซื่อสัตย์สุจริต\n\n1. ไม่รับสินบน\n2. แยกเรื่องส่วนตัวออกจากตำแหน่งหน้าที่"


def pledge_input(**kw) -> services.PledgeInput:
    values = {
        "title_th": "ปฏิญญาคุณธรรมของเทศบาลเมืองบ้านสวน ประจำปีงบประมาณ พ.ศ. 2570",
        "title_en": "Integrity pledge of Ban Suan Town Municipality, FY 2570",
        "body_th": TEXT,
        "body_en": "I will uphold honesty.",
        "opens_on": date(2026, 11, 1),
        "closes_on": date(2026, 11, 30),
        "category_ids": factories.categories("local_official"),
    } | kw
    return services.PledgeInput(**values)


def open_pledge(fy: int = FY, by=None, **kw):
    by = by or factories.officer()
    pledge = services.create_pledge(fy, pledge_input(**kw), by=by)
    return services.open_pledge(pledge, by=by)
