"""A year of conflict-of-interest declarations for the demo (FY 2569): most people declare that they have
nothing to declare, several declare interests that the ethics committee decides on (no conflict, manage,
refer), one corrects an earlier declaration, one declares for a procurement with the named question they
asked the committee about it, and one declaration still waits for a decision. A few people have not declared.

Each declaration is made on its day through the service: by the person where they have an account, else keyed
in by the personnel officer from the signed paper form; each decision on its day by a committee member.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import sqlalchemy as sa

from ethics_hr.conflicts import services
from ethics_hr.conflicts.compliance import in_audience
from ethics_hr.conflicts.models import InterestCategory
from ethics_hr.core.timeutil import as_of
from ethics_hr.extensions import db
from ethics_hr.people.models import Person, User

BANGKOK = ZoneInfo("Asia/Bangkok")
FY = 2569
# Who has not made the annual declaration of the year (the compliance page's list).
NOT_DECLARED = ("EMP0026", "EMP0028", "EMP0041", "EMP0052", "EMP0058", "EMP0063", "EMP0008")
COMMITTEE_MEMBER = "EMP0003"
REFER_TO = "นายกเทศมนตรี (ผู้บังคับบัญชาสูงสุด)"

# (employee number, day, interests [(category, what, other party, relation)], decision or None)
# A decision: (day, outcome, measure or referred to, note).
WITH_INTERESTS: list[tuple] = [
    (
        "EMP0036",
        date(2025, 10, 14),
        [
            (
                "relative_business",
                "น้องภรรยาเป็นหุ้นส่วนผู้จัดการ ห้างหุ้นส่วนจำกัด พึ่งทองก่อสร้าง ซึ่งยื่นเสนอราคางานจ้างก่อสร้างของเทศบาล",
                "ห้างหุ้นส่วนจำกัด พึ่งทองก่อสร้าง",
                "น้องภรรยา",
            )
        ],
        (
            date(2025, 10, 28),
            "manage",
            "ไม่ร่วมเป็นคณะกรรมการพิจารณาผลการประกวดราคาและคณะกรรมการตรวจรับพัสดุในงานที่ห้างหุ้นส่วนจำกัด "
            "พึ่งทองก่อสร้างเป็นผู้เสนอราคา ให้รองปลัดเทศบาลกำกับงานแทน",
            "",
        ),
    ),
    (
        "EMP0049",
        date(2025, 10, 17),
        [
            (
                "outside_work",
                "สอนพิเศษวิชาคณิตศาสตร์ที่สถาบันกวดวิชาในตัวอำเภอ วันเสาร์และวันอาทิตย์",
                "สถาบันกวดวิชาบ้านสวนวิทยา",
                "ผู้สอน (รับค่าตอบแทน)",
            )
        ],
        (
            date(2025, 11, 3),
            "manage",
            "สอนพิเศษได้นอกเวลาราชการ แต่ไม่สอนพิเศษนักเรียนในชั้นเรียนที่ตนสอนโดยรับค่าตอบแทน "
            "และไม่นำข้อสอบหรือเนื้อหาการวัดผลของโรงเรียนไปใช้",
            "",
        ),
    ),
    (
        "EMP0031",
        date(2025, 10, 21),
        [
            (
                "relative_business",
                "สามีเป็นเจ้าของร้านเครื่องเขียนที่เสนอขายวัสดุสำนักงานให้เทศบาลโดยวิธีเฉพาะเจาะจง",
                "ร้านสีดาเครื่องเขียน",
                "คู่สมรส",
            ),
            (
                "shareholding",
                "ถือหุ้นร้อยละ 10 ในบริษัท สีดาการค้า จำกัด ซึ่งยังไม่เคยเป็นคู่สัญญากับเทศบาล",
                "บริษัท สีดาการค้า จำกัด",
                "ผู้ถือหุ้น",
            ),
        ],
        (date(2025, 11, 12), "refer", REFER_TO, "ผู้เปิดเผยเป็นกรรมการจริยธรรม ให้ผู้บังคับบัญชาสูงสุดพิจารณา"),
    ),
    (
        "EMP0060",
        date(2025, 11, 4),
        [
            (
                "outside_work",
                "เป็นกรรมการกองทุนหมู่บ้านบ้านสวนใต้ (ไม่มีค่าตอบแทน)",
                "กองทุนหมู่บ้านบ้านสวนใต้",
                "กรรมการ",
            )
        ],
        (date(2025, 11, 20), "no_conflict", "", "กองทุนไม่ได้รับเงินอุดหนุนหรือทำสัญญากับเทศบาล"),
    ),
    (
        "EMP0044",
        date(2026, 9, 15),
        [
            (
                "relative_business",
                "คู่สมรสถือหุ้นในบริษัทผู้จัดหาอาหารกลางวันให้ศูนย์พัฒนาเด็กเล็กของเทศบาล",
                "บริษัท ครัวบ้านสวน จำกัด",
                "คู่สมรส",
            )
        ],
        None,  # waits for the committee's decision
    ),
]


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=BANGKOK).astimezone(UTC)


def _interests(rows, categories) -> list[services.InterestInput]:
    return [services.InterestInput(categories[c], what, party, relation) for c, what, party, relation in rows]


def load_demo(people: list[Person]) -> None:
    """Make the demo year's declarations, corrections and decisions, each on its day."""
    by_number = {p.employee_number: p for p in people}
    accounts = {u.person_id: u for u in db.session.scalars(db.select(User))}
    officer = next(u for u in accounts.values() if u.has_role("personnel_officer"))
    member = accounts[by_number[COMMITTEE_MEMBER].id]
    categories = {c.code: c.id for c in db.session.scalars(sa.select(InterestCategory))}
    asked = set(db.session.scalars(sa.select(Person.id).where(in_audience())))
    special = {row[0] for row in WITH_INTERESTS} | {"EMP0037"}

    def declare(person, day, data):
        with as_of(_at(day, 10)):
            return services.declare(person, data, by=accounts.get(person.id, officer))

    # The annual declarations of "nothing to declare", handed in over October and November.
    plain = [p for p in people if p.id in asked and p.employee_number not in (*NOT_DECLARED, *special)]
    for n, person in enumerate(plain):
        day = date(2025, 10, 6 + n % 40) if n % 40 < 26 else date(2025, 11, 1 + n % 40 - 26)
        declare(person, day, services.DeclarationInput("annual", FY, has_interests=False, confirmed=True))
    for number, day, rows, decision in WITH_INTERESTS:
        declaration = declare(
            by_number[number],
            day,
            services.DeclarationInput(
                "annual", FY, has_interests=True, interests=_interests(rows, categories), confirmed=True
            ),
        )
        if decision is not None:
            decided_on, outcome, detail, note = decision
            with as_of(_at(decided_on, 14)):
                services.decide(
                    declaration,
                    services.DecisionInput(
                        outcome,
                        measure=detail if outcome == "manage" else "",
                        referred_to=detail if outcome == "refer" else "",
                        note=note,
                    ),
                    by=member,
                )
    # A correction: nothing to declare in October; in January the engineer remembers the family partnership.
    engineer = by_number["EMP0037"]
    first = declare(
        engineer,
        date(2025, 10, 20),
        services.DeclarationInput("annual", FY, has_interests=False, confirmed=True),
    )
    with as_of(_at(date(2026, 1, 15), 9)):
        corrected = services.correct(
            first,
            services.DeclarationInput(
                "annual",
                FY,
                has_interests=True,
                interests=_interests(
                    [
                        (
                            "shareholding",
                            "เป็นหุ้นส่วนในห้างหุ้นส่วนจำกัด สิทธิโชคการช่าง (กิจการของครอบครัว) ซึ่งไม่เคยเป็นคู่สัญญากับเทศบาล",
                            "ห้างหุ้นส่วนจำกัด สิทธิโชคการช่าง",
                            "หุ้นส่วน",
                        )
                    ],
                    categories,
                ),
                confirmed=True,
                correction_reason="เพิ่มการเป็นหุ้นส่วนในกิจการของครอบครัวที่ไม่ได้แจ้งไว้",
            ),
            by=accounts.get(engineer.id, officer),
        )
    with as_of(_at(date(2026, 1, 22), 14)):
        services.decide(
            corrected,
            services.DecisionInput(
                "no_conflict", note="กิจการไม่ได้เสนอราคาหรือเป็นคู่สัญญากับเทศบาล ให้แจ้งใหม่หากจะยื่นเสนอราคา"
            ),
            by=member,
        )
    # A situation: the procurement officer's sister bids for the cleaning contract; he asked the committee
    # by name (the demo's question of 5 Nov 2025) and declares with it.
    buyer = by_number["EMP0032"]
    question = next(
        (q for q in services.own_named_questions(buyer) if "ทำความสะอาด" in q.subject),
        None,
    )
    situation = declare(
        buyer,
        date(2025, 11, 10),
        services.DeclarationInput(
            "situational",
            situation="การจ้างเหมาทำความสะอาดอาคารสำนักงานเทศบาล ประจำปีงบประมาณ 2569",
            situation_on=date(2025, 11, 10),
            has_interests=True,
            interests=_interests(
                [
                    (
                        "procurement",
                        "พี่สาวเป็นเจ้าของกิจการรับจ้างทำความสะอาดที่จะยื่นเสนอราคา ข้าพเจ้าได้รับมอบหมายให้จัดทำร่างขอบเขตงาน",
                        "ร้านนาคสุขคลีนนิ่ง",
                        "พี่สาว",
                    )
                ],
                categories,
            ),
            question_id=question.id if question else None,
            confirmed=True,
        ),
    )
    with as_of(_at(date(2025, 11, 13), 11)):
        services.decide(
            situation,
            services.DecisionInput(
                "manage",
                measure="ไม่ร่วมจัดทำขอบเขตงาน ไม่เป็นคณะกรรมการพิจารณาผลและตรวจรับพัสดุในการจ้างครั้งนี้ "
                "ให้ผู้ช่วยเจ้าพนักงานพัสดุรับผิดชอบแทน",
            ),
            by=member,
        )
    # Two who are not yet declared today: the annual declaration of the new year (FY 2570) has begun.
    for number, day in (("EMP0005", date(2026, 10, 8)), ("EMP0020", date(2026, 10, 9))):
        declare(
            by_number[number],
            day,
            services.DeclarationInput("annual", FY + 1, has_interests=False, confirmed=True),
        )
