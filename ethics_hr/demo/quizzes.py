"""Demo data: the question bank the personnel office wrote in May 2025, and the quiz of each code's version.

Twelve questions, seven of them grey-area scenarios ("what would you do?"); the clauses are those of the
officials' code of 2568. Each code version published from 2025 on carries a required quiz of five questions
with a pass mark of 80 per cent; people answer it before they acknowledge (see `demo.codes`), a few of them
getting one or two wrong at the first try.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa

from ethics_hr.codes.models import CodeVersion
from ethics_hr.codes.quiz import save_quiz, take
from ethics_hr.extensions import db
from ethics_hr.learning.models import BankQuestion
from ethics_hr.learning.services import ChoiceContent, QuestionContent, save_question
from ethics_hr.people.models import Person, User

PASS_PERCENT = 80


def _q(key, topic, scenario, prompt, choices, explanation, clause="", kind="single"):
    return {
        "key": key,
        "content": QuestionContent(
            prompt_th=prompt[0],
            prompt_en=prompt[1],
            kind=kind,
            topic=topic,
            scenario=scenario,
            explanation_th=explanation[0],
            explanation_en=explanation[1],
            clause=clause,
            choices=[ChoiceContent(th, en, right) for th, en, right in choices],
        ),
    }


QUESTIONS = [
    _q(
        "contractor_gift",
        "gifts",
        True,
        (
            "ผู้รับจ้างที่เพิ่งส่งมอบงานก่อสร้างถนนให้เทศบาล นำกระเช้าของขวัญมูลค่าประมาณ 2,500 บาทมามอบให้คุณ"
            "ในช่วงปีใหม่ คุณควรทำอย่างไร",
            "A contractor who has just handed over a road to the municipality brings you a New Year hamper "
            "worth about 2,500 baht. What should you do?",
        ),
        [
            ("รับไว้ได้ เพราะมูลค่าไม่เกิน 3,000 บาท", "Accept it: it is worth less than 3,000 baht", False),
            (
                "ปฏิเสธอย่างสุภาพ หากปฏิเสธไม่ได้ให้รายงานผู้บังคับบัญชาและบันทึกในทะเบียนของขวัญ",
                "Decline politely; if you cannot, report it to your supervisor and record it in the "
                "gift register",
                True,
            ),
            ("รับไว้แล้วแบ่งให้เพื่อนร่วมงานทุกคน", "Accept it and share it with all your colleagues", False),
        ],
        (
            "ผู้รับจ้างเป็นผู้มีส่วนได้เสียกับงานของเทศบาล ห้ามรับของขวัญจากผู้มีส่วนได้เสียทุกกรณีไม่ว่ามูลค่าเท่าใด "
            "เพดาน 3,000 บาทใช้กับผู้อื่นที่ไม่มีส่วนได้เสียเท่านั้น",
            "The contractor has a stake in the municipality's work: gifts from anyone with a stake are never "
            "accepted, whatever their value. The 3,000 baht ceiling is for others only.",
        ),
        "ข้อ 12",
    ),
    _q(
        "relative_tender",
        "conflict_of_interest",
        True,
        (
            "บริษัทของพี่เขยคุณยื่นซองประกวดราคาโครงการที่คุณได้รับแต่งตั้งเป็นกรรมการพิจารณาผล คุณควรทำอย่างไร",
            "Your brother-in-law's company bids in a tender whose evaluation committee you sit on. "
            "What should you do?",
        ),
        [
            (
                "พิจารณาต่อไปตามปกติ เพราะตนจะให้คะแนนอย่างเป็นธรรม",
                "Carry on as usual: you will score fairly",
                False,
            ),
            (
                "แจ้งผู้บังคับบัญชาเป็นหนังสือ ขอถอนตัวจากการเป็นกรรมการ และยื่นแบบแสดงผลประโยชน์ทับซ้อน",
                "Tell your supervisor in writing, step down from the committee and declare the conflict",
                True,
            ),
            (
                "บอกพี่เขยให้ถอนซอง โดยไม่ต้องแจ้งใคร",
                "Ask your brother-in-law to withdraw the bid, without telling anyone",
                False,
            ),
        ],
        (
            "เมื่อตนหรือญาติมีส่วนได้เสียในเรื่องที่รับผิดชอบ ต้องแจ้งเป็นหนังสือและถอนตัว แม้ตั้งใจจะพิจารณาอย่างเป็นธรรม "
            "เพราะความเป็นกลางต้องปรากฏให้เห็นด้วย",
            "When you or a relative has a stake in a matter you handle, you declare it in writing and step "
            "aside, even if you mean to be fair: impartiality must also be seen.",
        ),
        "ข้อ 8",
    ),
    _q(
        "official_car",
        "public_property",
        True,
        (
            "หลังเลิกงาน คุณต้องไปรับลูกที่โรงเรียนซึ่งอยู่ทางผ่านกลับบ้าน จะขับรถยนต์ส่วนกลางของเทศบาลไปได้หรือไม่",
            "After work you must pick up your child from a school on your way home. "
            "May you drive the municipality's car?",
        ),
        [
            ("ได้ ถ้าเติมน้ำมันเอง", "Yes, if you pay for the fuel", False),
            ("ได้ ถ้าเป็นทางผ่านและไม่เสียเวลา", "Yes, if it is on the way and takes no extra time", False),
            (
                "ไม่ได้ รถส่วนกลางใช้เพื่องานราชการที่ได้รับอนุญาตและบันทึกการใช้เท่านั้น",
                "No: the official car is for authorised, logged official business only",
                True,
            ),
        ],
        (
            "ทรัพย์สินของทางราชการใช้เพื่องานราชการเท่านั้น การใช้ทำธุระส่วนตัว แม้ทางผ่านหรือจ่ายค่าน้ำมันเอง "
            "ก็เป็นการใช้ทรัพย์สินของรัฐเพื่อประโยชน์ส่วนตน",
            "Public property is for official business only. Using it for a personal errand, even on the "
            "way or with your own fuel, is using public property for private benefit.",
        ),
        "ข้อ 13",
    ),
    _q(
        "queue_friend",
        "impartiality",
        True,
        (
            "เพื่อนสนิทมาขออนุญาตก่อสร้างอาคาร และขอให้คุณช่วยพิจารณาให้ก่อนคำขอที่ยื่นไว้ก่อนหน้า คุณควรทำอย่างไร",
            "A close friend applies for a building permit and asks you to handle it before applications "
            "filed earlier. What should you do?",
        ),
        [
            (
                "พิจารณาตามลำดับที่ยื่น และแจ้งระยะเวลาตามคู่มือประชาชน",
                "Handle it in the order filed, and give the time the citizens' manual states",
                True,
            ),
            ("ช่วยเพื่อนก่อน เพราะเอกสารครบแล้ว", "Help your friend first, since the papers are complete", False),
            ("ให้เพื่อนยื่นใหม่ในชื่อญาติ", "Ask the friend to apply again in a relative's name", False),
        ],
        (
            "ประชาชนทุกคนได้รับบริการตามลำดับอย่างเท่าเทียม การเลื่อนคิวให้คนรู้จักคือการเลือกปฏิบัติ",
            "Everyone is served in turn, equally: moving an acquaintance up the queue is discrimination.",
        ),
        "ข้อ 10",
    ),
    _q(
        "road_plan",
        "information",
        True,
        (
            "เพื่อนที่เป็นนายหน้าที่ดินถามว่าเทศบาลจะตัดถนนเส้นใหม่ผ่านที่ดินแปลงใด ซึ่งยังไม่ได้ประกาศ คุณควรตอบอย่างไร",
            "A friend who is a land broker asks which plots a new municipal road will cross; the plan has "
            "not been announced. What should you answer?",
        ),
        [
            (
                "ไม่บอก และแจ้งว่าจะทราบได้เมื่อเทศบาลประกาศอย่างเป็นทางการ",
                "Say nothing, and tell them it will be known when the municipality announces it",
                True,
            ),
            ("บอกคร่าว ๆ โดยไม่ระบุเลขแปลง", "Give a rough idea without plot numbers", False),
            ("บอกได้ ถ้าเพื่อนไม่นำไปบอกต่อ", "Tell them, if they keep it to themselves", False),
        ],
        (
            "ข้อมูลที่ได้จากหน้าที่และยังไม่เปิดเผย ห้ามนำไปใช้หรือบอกผู้อื่นเพื่อประโยชน์ส่วนตน "
            "การบอกนายหน้าล่วงหน้าเปิดโอกาสเก็งกำไรจากข้อมูลภายใน",
            "Information you hold through your work and not yet public is never used or passed on for "
            "private gain; telling a broker early lets them speculate on inside information.",
        ),
        "ข้อ 14",
    ),
    _q(
        "office_printer",
        "public_property",
        True,
        (
            "ใกล้วันแต่งงานของคุณ เพื่อนร่วมงานแนะนำให้พิมพ์การ์ดเชิญด้วยเครื่องพิมพ์สีของสำนักงานหลังเลิกงาน ทำได้หรือไม่",
            "Your wedding is near; a colleague suggests printing the invitations on the office colour "
            "printer after hours. May you?",
        ),
        [
            ("ได้ เพราะทำนอกเวลางาน", "Yes, because it is after hours", False),
            ("ได้ ถ้าซื้อกระดาษเอง", "Yes, if you buy the paper", False),
            ("ไม่ได้ เป็นการใช้ทรัพย์สินของราชการเพื่อประโยชน์ส่วนตน", "No: it uses public property privately", True),
        ],
        (
            "หมึก เครื่อง และค่าไฟเป็นของราชการ ไม่ว่าจะทำในหรือนอกเวลางาน",
            "The ink, the machine and the power belong to the public, in or out of working hours.",
        ),
        "ข้อ 13",
    ),
    _q(
        "which_conflicts",
        "conflict_of_interest",
        False,
        (
            "ข้อใดเป็นผลประโยชน์ทับซ้อน (เลือกทุกข้อที่ถูก)",
            "Which of these are conflicts of interest? (tick every right answer)",
        ),
        [
            ("จัดซื้อวัสดุสำนักงานจากร้านของคู่สมรสตนเอง", "Buying office supplies from your spouse's shop", True),
            (
                "รับเป็นที่ปรึกษาให้บริษัทที่เป็นคู่สัญญากับเทศบาล",
                "Advising a company that holds a contract with the municipality",
                True,
            ),
            ("เข้าร่วมอบรมจริยธรรมที่เทศบาลจัด", "Attending the ethics training the municipality runs", False),
            (
                "ซื้อที่ดินตามแนวถนนที่รู้จากงานก่อนประกาศโครงการ",
                "Buying land along a road you know of from work before it is announced",
                True,
            ),
        ],
        (
            "ผลประโยชน์ทับซ้อนคือเมื่อประโยชน์ส่วนตนหรือของคนใกล้ชิดอาจมีผลต่อการทำหน้าที่ การอบรมที่หน่วยงานจัดเป็นงานในหน้าที่",
            "A conflict of interest is when your own or a close person's interest may sway how you do "
            "your job; training your employer runs is part of the job.",
        ),
        "ข้อ 8",
        kind="multiple",
    ),
    _q(
        "breach_is_disciplinary",
        "conduct",
        False,
        (
            "การฝ่าฝืนหรือไม่ปฏิบัติตามประมวลจริยธรรมมีผลอย่างไร",
            "What does breaching the code of ethics amount to?",
        ),
        [
            ("เป็นเพียงข้อแนะนำ ไม่มีผล", "Nothing: the code is only advice", False),
            ("ถือเป็นการกระทำผิดทางวินัย", "A disciplinary offence", True),
            ("เป็นความผิดทางอาญาทุกกรณี", "Always a criminal offence", False),
        ],
        (
            "พระราชบัญญัติมาตรฐานทางจริยธรรม พ.ศ. 2562 มาตรา 29 กำหนดให้การฝ่าฝืนประมวลจริยธรรมถือเป็นการกระทำผิดทางวินัย",
            "Under section 29 of the Ethical Standards Act B.E. 2562 (2019), breaching the code is a "
            "disciplinary offence.",
        ),
    ),
    _q(
        "council_motion_money",
        "conflict_of_interest",
        True,
        (
            "ผู้ประกอบการรายหนึ่งเสนอเงินสนับสนุนการจัดงานในชุมชนของคุณ หากคุณสนับสนุนญัตติที่เป็นประโยชน์ต่อกิจการของเขา "
            "คุณควรทำอย่างไร",
            "A business owner offers to fund an event in your community if you back a motion that favours "
            "their business. What should you do?",
        ),
        [
            ("รับได้ เพราะเงินใช้เพื่อชุมชน", "Accept: the money goes to the community", False),
            (
                "ปฏิเสธ และพิจารณาญัตติตามประโยชน์ส่วนรวมเท่านั้น",
                "Refuse, and weigh the motion on the public interest alone",
                True,
            ),
            ("รับไว้ แต่งดออกเสียง", "Accept, but abstain from the vote", False),
        ],
        (
            "การรับประโยชน์แลกกับการลงมติ แม้จะนำไปใช้เพื่อชุมชน คือการใช้ตำแหน่งแสวงหาประโยชน์ และต้องปฏิเสธ",
            "Taking a benefit in return for a vote, even one spent on the community, is trading on your "
            "office: refuse it.",
        ),
    ),
    _q(
        "executive_relative_adviser",
        "conflict_of_interest",
        True,
        (
            "นายกเทศมนตรีต้องการแต่งตั้งหลานชายซึ่งไม่มีประสบการณ์เป็นที่ปรึกษานายกเทศมนตรี ข้อใดถูกต้อง",
            "The mayor wants to appoint an inexperienced nephew as an adviser. Which is right?",
        ),
        [
            (
                "ทำได้ เพราะเป็นอำนาจของนายกเทศมนตรี",
                "Fine: the appointment is within the mayor's power",
                False,
            ),
            (
                "ควรแต่งตั้งผู้มีความรู้ความสามารถตามหลักคุณธรรม ไม่ใช่เพราะความเป็นญาติ",
                "Appoint on merit, for knowledge and ability, not kinship",
                True,
            ),
            ("ทำได้ ถ้าไม่รับค่าตอบแทน", "Fine, if the nephew is unpaid", False),
        ],
        (
            "ผู้บริหารใช้อำนาจแต่งตั้งตามหลักคุณธรรม การแต่งตั้งเพราะความเป็นญาติเป็นการเอื้อประโยชน์แก่คนใกล้ชิด",
            "An executive appoints on merit; appointing for kinship favours a close person.",
        ),
    ),
    _q(
        "campaigning",
        "conduct",
        False,
        (
            "ในช่วงเลือกตั้งท้องถิ่น พนักงานเทศบาลควรวางตัวอย่างไร",
            "How should a municipal employee behave during a local election?",
        ),
        [
            ("ช่วยผู้สมัครที่ตนชอบหาเสียงในเวลางาน", "Campaign for a preferred candidate during work", False),
            (
                "วางตัวเป็นกลาง ไม่ใช้ตำแหน่งหรือทรัพย์สินราชการสนับสนุนผู้สมัคร",
                "Stay neutral: never use the position or public property for a candidate",
                True,
            ),
            ("ติดป้ายหาเสียงในสำนักงานได้", "Put campaign posters up in the office", False),
        ],
        (
            "เจ้าหน้าที่ของรัฐต้องเป็นกลางทางการเมืองในการปฏิบัติหน้าที่",
            "Public officials are politically neutral in their work.",
        ),
    ),
    _q(
        "complaint_post",
        "information",
        True,
        (
            "ประชาชนร้องเรียนเพื่อนบ้านเรื่องเสียงดัง คุณอยากโพสต์ภาพหนังสือร้องเรียนในกลุ่มไลน์ชุมชนเพื่อเตือนทุกคน ทำได้หรือไม่",
            "A citizen complains about a noisy neighbour; you want to post a photo of the complaint in the "
            "community LINE group as a reminder. May you?",
        ),
        [
            ("ได้ ถ้าเบลอเฉพาะเบอร์โทรศัพท์", "Yes, if you blur the phone number", False),
            (
                "ไม่ได้ ข้อมูลผู้ร้องเรียนเป็นข้อมูลส่วนบุคคลที่ได้จากหน้าที่",
                "No: the complainant's details are personal data you hold through your work",
                True,
            ),
            ("ได้ เพราะเป็นเรื่องของชุมชน", "Yes, it concerns the whole community", False),
        ],
        (
            "ข้อมูลส่วนบุคคลที่ได้จากการปฏิบัติหน้าที่ต้องเก็บรักษา และเปิดเผยได้เฉพาะตามกฎหมาย",
            "Personal data obtained through your work is kept safe and disclosed only as the law allows.",
        ),
        "ข้อ 14",
    ),
]

# The five questions of each code's quiz (by key), in their order.
QUIZZES: dict[str, list[str]] = {
    "official_code": [
        "contractor_gift",
        "relative_tender",
        "official_car",
        "queue_friend",
        "which_conflicts",
    ],
    "executive_code": [
        "executive_relative_adviser",
        "relative_tender",
        "contractor_gift",
        "breach_is_disciplinary",
        "which_conflicts",
    ],
    "council_code": [
        "council_motion_money",
        "contractor_gift",
        "campaigning",
        "breach_is_disciplinary",
        "which_conflicts",
    ],
}


# The pre-test and post-test of the ethics sessions: the same five questions, mostly scenarios.
TRAINING_TEST = [
    "relative_tender",
    "contractor_gift",
    "official_car",
    "executive_relative_adviser",
    "queue_friend",
]
TRAINING_PASS_PERCENT = 60


def bank_by_key() -> dict[str, BankQuestion]:
    """The bank's questions the demo wrote, by key (found by their Thai prompt)."""
    by_prompt = {spec["content"].prompt_th: spec["key"] for spec in QUESTIONS}
    rows = db.session.scalars(sa.select(BankQuestion).where(BankQuestion.prompt_th.in_(list(by_prompt))))
    return {by_prompt[q.prompt_th]: q for q in rows}


def load_bank(officer: User) -> dict[str, BankQuestion]:
    """Write the bank's questions as the officer did; return them by key."""
    return {spec["key"]: save_question(None, spec["content"], by=officer) for spec in QUESTIONS}


def set_quiz(version: CodeVersion, code_key: str, bank: dict[str, BankQuestion]) -> None:
    """Put the code's quiz on a draft."""
    save_quiz(
        version,
        pass_percent=PASS_PERCENT,
        required=True,
        question_ids=[bank[key].id for key in QUIZZES[code_key]],
    )


def _ticks(questions: Sequence[BankQuestion], wrong: set[int]) -> dict[int, list[int]]:
    """The right choices, except for the questions at the positions in `wrong`: their first wrong choice."""
    ticked = {}
    for position, question in enumerate(questions):
        right = [c.id for c in question.choices if c.correct]
        other = [c.id for c in question.choices if not c.correct]
        ticked[question.id] = other[:1] if position in wrong and other else right
    return ticked


def pass_quiz(version: CodeVersion, person: Person, index: int) -> None:
    """Answer a version's quiz as person number `index` did: one in three gets two wrong and tries again,
    one in four of the others gets one wrong and passes anyway."""
    questions = version.quiz.questions
    order = [q.id for q in questions]
    count = len(questions)
    if index % 3 == 1:
        first = {index % count, (index + 2) % count}
        take(version, person, order=order[::-1], ticked=_ticks(questions, first), locale="th")
        take(version, person, order=order, ticked=_ticks(questions, set()), locale="th")
    else:
        wrong = {(index // 3) % count} if index % 4 == 0 else set()
        take(version, person, order=order, ticked=_ticks(questions, wrong), locale="th")
