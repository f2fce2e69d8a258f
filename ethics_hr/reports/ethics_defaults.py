"""The annual ethics report's starting text: the sections a year copies when no earlier report exists.

The Ethical Standards Act B.E. 2562 asks agencies to report yearly on ethics, through their central personnel
body (ก.ถ. for local staff), to the Ethical Standards Committee, under the committee's regulation of 2565. The
official form of that report is not shipped here: the sections below are this product's reading of what such a
report covers, and the officer edits them per year. Document content, so kept in Thai and English here rather
than in the message catalogues. A section's `fill` names the lines written from the data after its text.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SectionText:
    heading: str
    body: str
    fill: str = ""


# Two lines, as official reports set their title: the report, then its year.
TITLE = {
    "th": "รายงานผลการดำเนินการตามประมวลจริยธรรม\nประจำปีงบประมาณ พ.ศ. {year}",
    "en": "Report on the implementation of the code of ethics\nfiscal year {year} B.E.",
}

INTRO = {
    "th": (
        "เรียน ประธานคณะกรรมการมาตรฐานทางจริยธรรม (ผ่าน ก.ถ.)\n"
        "ตามพระราชบัญญัติมาตรฐานทางจริยธรรม พ.ศ. 2562 และระเบียบคณะกรรมการมาตรฐานทางจริยธรรม"
        "ว่าด้วยการรายงานผลการดำเนินการตามประมวลจริยธรรม พ.ศ. 2565 {org} ขอรายงานผลการดำเนินการ"
        "ตามประมวลจริยธรรมของเจ้าหน้าที่ของรัฐ ประจำ{fy} ดังนี้"
    ),
    "en": (
        "To: the Chair of the Ethical Standards Committee (through the Local Personnel Standards Committee)\n"
        "Under the Ethical Standards Act B.E. 2562 and the Ethical Standards Committee's regulation of "
        "2565 on reporting, {org} reports what it did under the code of ethics of state officials in {fy}, "
        "as follows."
    ),
}

# The signature block under the report, for the head of the organisation to sign.
SIGNATURE = {
    "th": "(ลงชื่อ) ....................................................\n"
    "(....................................................)\n"
    "ตำแหน่ง ....................................................",
    "en": "(Signed) ....................................................\n"
    "(....................................................)\n"
    "Position ....................................................",
}

_TH: tuple[SectionText, ...] = (
    SectionText("ข้อมูลทั่วไปของหน่วยงาน", "", "organisation"),
    SectionText(
        "ประมวลจริยธรรมที่ใช้บังคับและการรับทราบ",
        "หน่วยงานได้ประกาศใช้ประมวลจริยธรรมของเจ้าหน้าที่ของรัฐ เผยแพร่ให้บุคลากรทุกคนทราบ และให้ลงนามรับทราบผ่านระบบ",
        "codes",
    ),
    SectionText(
        "การส่งเสริมและพัฒนาให้เจ้าหน้าที่ของรัฐปฏิบัติตามประมวลจริยธรรม",
        "หน่วยงานได้จัดการอบรมและกิจกรรมเสริมสร้างความรู้ความเข้าใจด้านมาตรฐานทางจริยธรรมให้แก่บุคลากร",
        "training",
    ),
    SectionText(
        "การลงนามปฏิญญาคุณธรรม",
        "หน่วยงานได้จัดให้บุคลากรลงนามปฏิญญาคุณธรรมประจำปี",
        "pledge",
    ),
    SectionText(
        "กลไกการให้คำปรึกษาและตอบข้อสงสัยเกี่ยวกับจริยธรรม",
        "หน่วยงานได้แต่งตั้งคณะทำงานหรือผู้รับผิดชอบให้คำปรึกษาแนะนำและตอบข้อสงสัยด้านจริยธรรม",
        "committee_questions",
    ),
    SectionText(
        "การป้องกันการมีผลประโยชน์ทับซ้อน",
        "หน่วยงานได้ประกาศนโยบายไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่ (No Gift Policy)",
        "gifts",
    ),
    SectionText(
        "การแสดงส่วนได้เสียและการพิจารณา",
        "บุคลากรแสดงส่วนได้เสียที่อาจขัดกับการปฏิบัติหน้าที่เป็นประจำทุกปีและเมื่อมีกรณีเกิดขึ้น "
        "โดยผู้บังคับบัญชาหรือคณะกรรมการจริยธรรมพิจารณา",
        "conflicts",
    ),
    SectionText("การฝ่าฝืนประมวลจริยธรรมและการดำเนินการ", ""),
    SectionText("ปัญหา อุปสรรค และข้อเสนอแนะ", ""),
)

_EN: tuple[SectionText, ...] = (
    SectionText("General information about the organisation", "", "organisation"),
    SectionText(
        "Codes of ethics in force and their acknowledgment",
        "The organisation has put the code of ethics of state officials in force, published it to all its "
        "people and had them acknowledge it in the system.",
        "codes",
    ),
    SectionText(
        "Promoting and developing ethical conduct",
        "The organisation held training and activities building knowledge of ethical standards.",
        "training",
    ),
    SectionText(
        "Signing of the integrity pledge",
        "The organisation had its people sign the integrity pledge of the year.",
        "pledge",
    ),
    SectionText(
        "The mechanism that advises and answers ethics questions",
        "The organisation appointed a working group or officers to advise on and answer ethics questions.",
        "committee_questions",
    ),
    SectionText(
        "Preventing conflicts of interest",
        "The organisation announced that it accepts no gift or benefit of any kind given for its work "
        "(No Gift Policy).",
        "gifts",
    ),
    SectionText(
        "Declarations of interests and their review",
        "Its people declare the interests that could conflict with their duty every year and whenever a "
        "situation arises; the head of their department or the ethics committee reviews them.",
        "conflicts",
    ),
    SectionText("Breaches of the code of ethics and what was done", ""),
    SectionText("Problems, obstacles and suggestions", ""),
)


def sections_for(locale: str) -> tuple[SectionText, ...]:
    """The starting sections in a language: Thai, or English."""
    return _EN if locale == "en" else _TH
