"""The demo's integrity pledges (ปฏิญญาคุณธรรม): FY 2569, opened in October 2568 and signed by most of the
staff, and FY 2570, open now with the signatures still coming in.

Each step goes through the pledge's services on its own day: the officer drafts and opens the pledge; the
people with an account sign it in the system; the others signed the paper form at the signing ceremony, which
the officer recorded on their behalf the next working day; a few have not signed.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from ethics_hr.core.timeutil import as_of
from ethics_hr.demo.accounts import DEMO_PASSWORD
from ethics_hr.extensions import db
from ethics_hr.people.models import Person, StaffCategory, User
from ethics_hr.pledges import services

BANGKOK = ZoneInfo("Asia/Bangkok")

AUDIENCE = (
    "executive",
    "local_official",
    "teacher",
    "permanent_worker",
    "mission_contract",
    "general_contract",
)

BODY_TH = """ข้าพเจ้า ในฐานะผู้บริหาร พนักงานเทศบาล พนักงานครู ลูกจ้างประจำ และพนักงานจ้างของเทศบาลเมืองบ้านสวน
ขอประกาศเจตนารมณ์ร่วมกันว่า

1. จะยึดมั่นในสถาบันชาติ ศาสนา พระมหากษัตริย์ และการปกครองระบอบประชาธิปไตยอันมีพระมหากษัตริย์ทรงเป็นประมุข
2. จะปฏิบัติหน้าที่ด้วยความซื่อสัตย์สุจริต มีจิตสำนึกที่ดี และรับผิดชอบต่อหน้าที่ ประชาชน และสังคม
3. จะไม่รับ ไม่เรียก และไม่ให้สินบนหรือประโยชน์อื่นใด และจะแยกเรื่องส่วนตัวออกจากตำแหน่งหน้าที่
4. จะปฏิบัติตามประมวลจริยธรรมของเทศบาลเมืองบ้านสวน และนโยบายไม่รับของขวัญ (No Gift Policy)
5. จะให้บริการประชาชนอย่างเท่าเทียม โปร่งใส ตรวจสอบได้ และต่อต้านการทุจริตทุกรูปแบบ"""

BODY_EN = """We, the executives, officials, teachers and workers of Ban Suan Town Municipality,
declare together that we will:

1. uphold the nation, religion, the monarchy and democratic government with the King as Head of State;
2. perform our duties honestly, conscientiously and responsibly towards the public and society;
3. neither accept, ask for nor give bribes or other benefits, and keep personal interest apart
   from public duty;
4. follow the municipality's codes of ethics and its No Gift Policy;
5. serve the public equally, openly and accountably, and oppose corruption in every form."""

# (fiscal year, drafted, opened, closes, the ceremony's day or None, people who have not signed)
PLEDGES = (
    (2569, date(2025, 10, 1), date(2025, 10, 6), date(2025, 11, 28), date(2025, 10, 8),
     {"EMP0024", "EMP0046", "EMP0058", "EMP0063"}),
    (2570, date(2026, 10, 26), date(2026, 11, 2), date(2026, 12, 25), None, set()),
)  # fmt: skip
# FY 2570: those who have signed on paper so far, at their division's monthly meeting (10 November 2569).
SIGNED_2570_ON_PAPER = ("EMP0020", "EMP0021", "EMP0022", "EMP0023", "EMP0025", "EMP0026")
# FY 2570: account holders who have not signed yet (the officer, and the two employees' demo accounts).
NOT_YET_2570 = ("EMP0002", "EMP0004", "EMP0005")
CEREMONY_NOTE = "ลงนามในพิธีลงนามปฏิญญาคุณธรรม ณ ห้องประชุมสำนักปลัดเทศบาล"
MEETING_NOTE = "ลงนามในการประชุมประจำเดือนของกองช่าง"


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=BANGKOK).astimezone(UTC)


def load_demo(people: list[Person]) -> None:
    """Draft, open and sign the integrity pledges of FY 2569 and 2570, each step on its day."""
    officer = people[1].account
    categories = [
        c.id for c in db.session.scalars(db.select(StaffCategory).where(StaffCategory.code.in_(AUDIENCE)))
    ]
    accounts = {u.person_id: u for u in db.session.scalars(db.select(User))}
    for fy, drafted, opened, closes, ceremony, unsigned in PLEDGES:
        with as_of(_at(drafted, 9)):
            pledge = services.create_pledge(
                fy,
                services.PledgeInput(
                    title_th=f"ปฏิญญาคุณธรรมของเทศบาลเมืองบ้านสวน ประจำปีงบประมาณ พ.ศ. {fy}",
                    title_en=f"Integrity pledge of Ban Suan Town Municipality, fiscal year {fy - 543}",
                    body_th=BODY_TH,
                    body_en=BODY_EN,
                    opens_on=opened,
                    closes_on=closes,
                    category_ids=categories,
                ),
                by=officer,
            )
        with as_of(_at(opened, 9, 30)):
            services.open_pledge(pledge, by=officer)
        asked = [p for p in people if services.applies_to(pledge, p)]
        for index, person in enumerate(asked):
            account = accounts.get(person.id)
            if person.employee_number in unsigned:
                continue
            if ceremony is not None and person.start_date and person.start_date > ceremony:
                continue  # joined after the ceremony and has not signed yet
            if account is not None:
                if fy == 2570 and person.employee_number in NOT_YET_2570:
                    continue
                with as_of(_at(opened, 10 + index % 6, (index * 17) % 60)):
                    services.sign(
                        pledge, account, agreed=True, password=DEMO_PASSWORD, address="127.0.0.1", locale="th"
                    )
            elif ceremony is not None:
                with as_of(_at(ceremony, 15, index % 60)):
                    services.record_on_behalf(
                        pledge, person, by=officer, note=CEREMONY_NOTE, signed_on=ceremony
                    )
            elif person.employee_number in SIGNED_2570_ON_PAPER:
                with as_of(_at(date(2026, 11, 11), 14, index % 60)):
                    services.record_on_behalf(
                        pledge, person, by=officer, note=MEETING_NOTE, signed_on=date(2026, 11, 10)
                    )
