"""A year of gifts for the demo (FY 2569): small customary ones, some above the limit decided by the head,
gifts of one giver that add up, and one still waiting for a decision long after its due date.

Each gift is recorded on its day through the register's service (by the person, or keyed in by the personnel
officer for someone without an account), each decision on its day by the administrator, who is the head's
account here; the No Gift announcements are published on the first day of their fiscal year.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from decimal import Decimal
from zoneinfo import ZoneInfo

from ethics_hr.core.timeutil import as_of
from ethics_hr.extensions import db
from ethics_hr.gifts import services
from ethics_hr.gifts.models import GiftOccasion
from ethics_hr.people.models import Person, User

BANGKOK = ZoneInfo("Asia/Bangkok")

ANNOUNCEMENT_TH = (
    "เทศบาลเมืองบ้านสวนขอประกาศเจตนารมณ์ให้ผู้บริหาร สมาชิกสภา พนักงานเทศบาล ลูกจ้าง และพนักงานจ้าง "
    "ทุกคนงดให้และงดรับของขวัญและประโยชน์อื่นใด (No Gift Policy) จากการปฏิบัติหน้าที่ ในทุกเทศกาลและทุกโอกาส\n"
    "หากมีความจำเป็นต้องรับตามธรรมจรรยา ให้รับได้ไม่เกิน 3,000 บาท ต่อผู้ให้หนึ่งรายในแต่ละโอกาส "
    "ตามมาตรา 128 แห่งพระราชบัญญัติประกอบรัฐธรรมนูญว่าด้วยการป้องกันและปราบปรามการทุจริต พ.ศ. 2561 "
    "หากเกินกว่านั้นต้องรายงานนายกเทศมนตรีภายใน 30 วันนับแต่วันที่ได้รับ "
    "เพื่อวินิจฉัยว่าจะให้เก็บไว้ ส่งคืน หรือมอบเป็นของเทศบาล"
)
ANNOUNCEMENT_EN = (
    "Ban Suan Town Municipality declares that its executives, council members, officials and workers neither "
    "give nor accept gifts or other benefits because of their duty (No Gift Policy), on any festival or "
    "occasion.\nWhere custom makes it unavoidable, a gift of up to 3,000 baht from one giver on one occasion "
    "may be accepted (section 128 of the Organic Act on Anti-Corruption B.E. 2561); above that it is "
    "reported to the mayor within 30 days of receipt, who decides whether it is kept, returned or handed to "
    "the municipality."
)

# (employee number, day received, giver, giver's organisation, what, baht, occasion, recorded outcome,
#  head's decision or None, day decided, note)
GIFTS: list[tuple] = [
    (
        "EMP0005",
        date(2025, 12, 29),
        "คณะกรรมการสถานศึกษา",
        "โรงเรียนเทศบาลบ้านสวน",
        "กระเช้าผลไม้",
        "850",
        "new_year",
        "kept",
        None,
        None,
        "",
    ),
    (
        "EMP0038",
        date(2025, 12, 26),
        "นายวิชัย รุ่งเรือง",
        "บริษัท รุ่งเรืองการโยธา จำกัด",
        "กระเช้าของขวัญพร้อมไวน์นำเข้า",
        "4500",
        "new_year",
        "pending",
        "returned",
        date(2026, 1, 8),
        "ผู้ให้เป็นคู่สัญญางานก่อสร้างถนนของเทศบาล ให้ส่งคืนพร้อมหนังสือขอบคุณ",
    ),
    (
        "EMP0010",
        date(2026, 1, 2),
        "นางสมพร วัสดุดี",
        "ห้างหุ้นส่วนจำกัด สมบูรณ์วัสดุ",
        "ชุดเครื่องครัวสแตนเลส",
        "2000",
        "new_year",
        "pending",
        "handed_over",
        date(2026, 1, 20),
        "ของขวัญจากผู้ให้รายเดียวกันในเทศกาลเดียวกันรวมเกิน 3,000 บาท มอบเป็นของเทศบาลเพื่อใช้ในงานส่วนรวม",
    ),
    (
        "EMP0010",
        date(2026, 1, 9),
        "นางสมพร  วัสดุดี",
        "ห้างหุ้นส่วนจำกัด สมบูรณ์วัสดุ",
        "บัตรกำนัลห้างสรรพสินค้า",
        "1800",
        "new_year",
        "pending",
        "handed_over",
        date(2026, 1, 20),
        "ของขวัญจากผู้ให้รายเดียวกันในเทศกาลเดียวกันรวมเกิน 3,000 บาท มอบเป็นของเทศบาลเพื่อใช้ในงานส่วนรวม",
    ),
    (
        "EMP0021",
        date(2026, 2, 17),
        "สมาคมผู้ค้าตลาดสดบ้านสวน",
        "",
        "ซองอั่งเปา",
        "1200",
        "chinese_new_year",
        "returned",
        None,
        None,
        "ส่งคืนผู้ให้ในวันเดียวกัน",
    ),
    (
        "EMP0004",
        date(2026, 4, 12),
        "ชุมชนบ้านสวนใต้",
        "",
        "ผ้าขาวม้าและน้ำอบไทย",
        "350",
        "songkran",
        "kept",
        None,
        None,
        "",
    ),
    (
        "EMP0005",
        date(2026, 5, 14),
        "ผู้ปกครองนักเรียนชั้น ป.6",
        "",
        "ปากกาสลักชื่อ",
        "600",
        "other",
        "kept",
        None,
        None,
        "วันครบรอบการสอน",
    ),
    (
        "EMP0047",
        date(2026, 6, 3),
        "นายก อบต.หนองแก",
        "องค์การบริหารส่วนตำบลหนองแก",
        "ของที่ระลึกการศึกษาดูงาน",
        "3500",
        "official_visit",
        "pending",
        "handed_over",
        date(2026, 6, 20),
        "มอบเป็นของเทศบาล จัดแสดงที่ห้องประชุมสภา",
    ),
    (
        "EMP0012",
        date(2026, 8, 20),
        "นายสุรชัย ค้าขาย",
        "บริษัท สยามคอมพิวเตอร์ซัพพลาย จำกัด",
        "หูฟังไร้สาย",
        "5200",
        "contract_work",
        "pending",
        None,
        None,
        "ได้รับหลังตรวจรับครุภัณฑ์คอมพิวเตอร์",
    ),
    (
        "EMP0030",
        date(2026, 9, 25),
        "ชมรมผู้สูงอายุบ้านสวน",
        "",
        "สร้อยคอทองคำหนัก 1 สลึง",
        "12000",
        "retirement",
        "pending",
        "kept",
        date(2026, 9, 29),
        "ของที่ระลึกตามประเพณีในโอกาสเกษียณอายุราชการ ให้เก็บไว้ได้",
    ),
]


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=BANGKOK).astimezone(UTC)


def load_demo(people: list[Person]) -> None:
    """Record the demo year's gifts, decide on those the head decided, and publish the announcements."""
    by_number = {p.employee_number: p for p in people}
    accounts = {u.person_id: u for u in db.session.scalars(db.select(User))}
    admin = next(u for u in accounts.values() if u.is_admin)
    officer = next(u for u in accounts.values() if u.has_role("personnel_officer"))
    occasions = {o.code: o.id for o in db.session.scalars(db.select(GiftOccasion))}
    for fy, first_day in ((2569, date(2025, 10, 1)), (2570, date(2026, 10, 1))):
        with as_of(_at(first_day, 10)):
            services.save_announcement(
                fy,
                title_th=f"ประกาศเทศบาลเมืองบ้านสวน เรื่อง นโยบายไม่รับของขวัญ (No Gift Policy) ประจำปีงบประมาณ {fy}",
                title_en=f"No Gift Policy of Ban Suan Town Municipality, FY {fy - 543}",
                body_th=ANNOUNCEMENT_TH,
                body_en=ANNOUNCEMENT_EN,
                announced_on=first_day,
            )
    for number, day, giver, organisation, what, baht, occasion, outcome, decision, decided_on, note in GIFTS:
        person = by_number[number]
        by = accounts.get(person.id, officer)
        with as_of(_at(day, 16)):
            gift = services.record_gift(
                person,
                services.GiftInput(
                    received_on=day,
                    giver_name=giver,
                    giver_organisation=organisation,
                    description=what,
                    value_baht=Decimal(baht),
                    occasion_id=occasions[occasion],
                    outcome=outcome,
                    note="" if decision else note,
                ),
                by=by,
            )
        if decision:
            with as_of(_at(decided_on, 11)):
                services.decide(gift, decision, note, by=admin)
