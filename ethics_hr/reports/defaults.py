"""The seed report's wording: the text a new fiscal-year report starts from, which the officer then edits.

The measures, methods and outcomes below are those of a real municipality's year-end report
(รายงานผลการดำเนินการมาตรการส่งเสริมคุณธรรมและความโปร่งใส). They are document content in the
organisation's language, not interface text, so they are kept here in Thai and English rather than in
the message catalogues. Digits are Arabic; documents turn them into Thai numerals when the organisation asks.
A line starting with "- " is a sub-item of the line above it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ethics_hr.core.settings import get_settings
from ethics_hr.reports.models import MeasureKind


@dataclass(frozen=True)
class MeasureText:
    kind: str
    measure: str
    methods: str
    responsible: str
    summary: str
    outcome: str


TITLE = {
    "th": "รายงานผลการดำเนินการมาตรการส่งเสริมคุณธรรมและความโปร่งใส",
    "en": "Report on the measures promoting integrity and transparency",
}

INTRO = {
    "th": (
        "ตามที่ {org} ได้ดำเนินการวิเคราะห์ผลการประเมิน ITA และได้กำหนดมาตรการ/แนวทางในการส่งเสริมคุณธรรม"
        "และความโปร่งใสขององค์กรปกครองส่วนท้องถิ่นใน{fy} โดยได้มีการดำเนินการขับเคลื่อนมาตรการส่งเสริมคุณธรรม"
        "และความโปร่งใสขององค์กรปกครองส่วนท้องถิ่น ประจำ{fy} ดังต่อไปนี้"
    ),
    "en": (
        "Having analysed its ITA assessment results, {org} set measures to promote integrity and "
        "transparency for {fy}. The measures were carried out in {fy} as follows."
    ),
}

_TH: tuple[MeasureText, ...] = (
    MeasureText(
        MeasureKind.FREE,
        "การปฏิบัติหน้าที่",
        "1. จัดคู่มือมาตรฐานการปฏิบัติงาน โดยระบุขั้นตอนและระยะเวลาที่ใช้ในการปฏิบัติงานหรือการให้บริการ\n"
        "2. กำชับให้เจ้าหน้าที่ผู้ปฏิบัติ หรือให้บริการประชาชน ถือปฏิบัติตามคู่มือปฏิบัติงานโดยเคร่งครัด\n"
        "3. ประชาสัมพันธ์หรือเผยแพร่คู่มือมาตรฐานการปฏิบัติงานในช่องทางที่หลากหลาย",
        "ทุกสำนัก/กอง",
        "1. มีคู่มือหรือมาตรฐานการปฏิบัติงาน โดยระบุขั้นตอนและระยะเวลาที่ใช้ในการปฏิบัติงานหรือการให้บริการ\n"
        "2. เจ้าหน้าที่ผู้ปฏิบัติ หรือให้บริการประชาชนถือปฏิบัติตามคู่มือดังกล่าวโดยเคร่งครัด\n"
        "3. มีช่องทางที่หลากหลายในการประชาสัมพันธ์หรือเผยแพร่คู่มือหรือมาตรฐานในการปฏิบัติงาน\n"
        "4. มีการบริการในรูปแบบออนไลน์ หรือ e-service ในเว็บไซต์ของหน่วยงาน",
        "การปฏิบัติหรือให้บริการแก่บุคคลภายนอก เป็นไปตามขั้นตอนและระยะเวลาที่กำหนด มีความเท่าเทียม"
        "ไม่เลือกปฏิบัติ มุ่งผลสัมฤทธิ์ของงาน และรับผิดชอบต่อหน้าที่",
    ),
    MeasureText(
        MeasureKind.FREE,
        "การใช้งบประมาณ",
        "1. การจัดทำแผนการดำเนินงานและแผนการใช้จ่ายงบประมาณประจำปี\n"
        "2. จัดทำแผนจัดซื้อจัดจ้างฯ ของหน่วยงานตามพระราชบัญญัติการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ"
        " พ.ศ. 2560\n"
        "3. จัดทำประกาศจัดซื้อจัดจ้างตามพระราชบัญญัติการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ พ.ศ. 2560",
        "กองคลัง",
        "1. มีแผนการดำเนินงานและแผนการใช้จ่ายงบประมาณประจำปี\n"
        "2. มีประกาศการจัดซื้อจัดจ้างฯ ของปีงบประมาณ ตามพระราชบัญญัติการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ"
        " พ.ศ. 2560",
        "การจัดซื้อจัดจ้างในหน่วยงานมีความโปร่งใสในการใช้งบประมาณ",
    ),
    MeasureText(
        MeasureKind.HR,
        "การใช้อำนาจและการบริหารงานบุคคล",
        "1. จัดทำแผนการบริหารและพัฒนาทรัพยากรบุคคลที่มีผลบังคับใช้ใน{fy}\n"
        "2. จัดให้มีกิจกรรมเสริมสร้างความรู้ความเข้าใจ หรือจัดการฝึกอบรมที่มีสาระด้านมาตรฐานทางจริยธรรม"
        " และประมวลจริยธรรมของเจ้าหน้าที่ของรัฐ\n"
        "3. กำหนดแนวปฏิบัติ Dos & Don'ts ที่เป็นแนวทางในการประพฤติตนทางจริยธรรมของหน่วยงาน\n"
        "4. บังคับใช้ประมวลจริยธรรมสำหรับเจ้าหน้าที่ของรัฐ ได้แก่\n"
        "- ประมวลจริยธรรมผู้บริหารท้องถิ่น\n"
        "- ประมวลจริยธรรมสมาชิกสภาท้องถิ่น\n"
        "- ประกาศคณะกรรมการมาตรฐานการบริหารงานบุคคลส่วนท้องถิ่น เรื่อง ประมวลจริยธรรมพนักงานส่วนท้องถิ่น\n"
        "5. จัดทำคำสั่งแต่งตั้งคณะกรรมการจัดทำประมวลจริยธรรมของพนักงานส่วนท้องถิ่น\n"
        "6. จัดทำคำสั่งแต่งตั้งคณะกรรมการจริยธรรม{org}",
        "งานการเจ้าหน้าที่ สำนักปลัด",
        "",
        "บุคลากรในหน่วยงานสามารถแยกแยะระหว่างผลประโยชน์ส่วนตนและผลประโยชน์ส่วนรวม"
        " เพื่อสร้างความโปร่งใสและเป็นธรรมให้แก่หน่วยงาน",
    ),
    MeasureText(
        MeasureKind.FREE,
        "การใช้ทรัพย์สินของราชการ",
        "1. จัดทำคู่มือหรือแนวปฏิบัติที่เกี่ยวกับการใช้ทรัพย์สินของราชการ โดยมีการกำหนดขั้นตอนในการยืม"
        "ทรัพย์สินของทางราชการตามประเภทงานด้านต่าง ๆ ไว้ในคู่มือหรือมาตรฐานการให้บริการ\n"
        "2. จัดให้มีการควบคุม การขออนุญาตในการยืม คืน ทรัพย์สินของราชการอย่างถูกต้อง\n"
        "3. จัดให้มีการตรวจสอบ ทำหนังสือคุมวัสดุและครุภัณฑ์ของหน่วยงานเป็นระยะ\n"
        "4. จัดทำประเมินความเสี่ยงการทุจริตที่อาจเกิดขึ้นจากการใช้ทรัพย์สินของทางราชการเพื่อประโยชน์ส่วนตัว"
        " และมีการกำหนดมาตรการจัดการความเสี่ยง และการดำเนินการตามมาตรการที่กำหนดไว้\n"
        "5. ประชาสัมพันธ์คู่มือหรือแนวปฏิบัติดังกล่าวให้บุคลากรและประชาชนรับทราบและถือปฏิบัติอย่างเคร่งครัด",
        "ทุกสำนัก/กอง",
        "1. มีการจัดทำคู่มือการใช้ทรัพย์สินของราชการ โดยกำหนดขั้นตอนในการขอยืมทรัพย์สินของทางราชการ"
        "ตามประเภทงานด้านต่าง ๆ\n"
        "2. มีแบบฟอร์มในการขออนุญาตการยืมทรัพย์สินของราชการ\n"
        "3. มีการตรวจสอบวัสดุและครุภัณฑ์ของหน่วยงานเป็นระยะ\n"
        "4. มีการประเมินความเสี่ยงการทุจริตที่อาจเกิดขึ้นจากการใช้ทรัพย์สินของทางราชการเพื่อประโยชน์ส่วนตัว"
        " และมีการกำหนดมาตรการจัดการความเสี่ยง และการดำเนินการตามมาตรการที่ได้กำหนด\n"
        "5. ประชาสัมพันธ์คู่มือดังกล่าวให้บุคลากรและประชาชนได้ทราบ",
        "มีการป้องกันการนำทรัพย์สินราชการไปใช้เพื่อประโยชน์ส่วนตนหรือพวกพ้อง",
    ),
    MeasureText(
        MeasureKind.ANTI_CORRUPTION,
        "การแก้ไขและป้องกันการทุจริตภายในหน่วยงาน",
        "1. จัดทำคู่มือหรือแนวทางการดำเนินการต่อเรื่องร้องเรียนการทุจริตและประพฤติมิชอบของเจ้าหน้าที่หน่วยงาน"
        " โดยมีรายละเอียด ดังนี้\n"
        "- รายละเอียดของข้อมูลผู้ร้อง เช่น ชื่อ-สกุล ข้อมูลติดต่อของผู้ร้อง\n"
        "- รายละเอียดข้อมูลของผู้ที่ถูกร้อง เช่น ชื่อ-สกุล ช่วงเวลาที่กระทำผิด พฤติการณ์การทุจริตและประพฤติมิชอบ\n"
        "- ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ\n"
        "- ขั้นตอนหรือวิธีการในการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ\n"
        "- ส่วนงานที่รับผิดชอบ\n"
        "- ระยะเวลาดำเนินการ\n"
        "2. จัดให้มีช่องทางออนไลน์ที่บุคคลภายนอกสามารถแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบของเจ้าหน้าที่"
        "หน่วยงาน โดยแยกจากช่องทางหลักจากเรื่องร้องเรียนทั่วไป โดยเป็นช่องทางที่คุ้มครองข้อมูลส่วนบุคคล"
        "ของผู้แจ้งเบาะแส\n"
        "3. มีการจัดทำข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบของเจ้าหน้าที่\n"
        "4. จัดทำประกาศ No Gift Policy จากการปฏิบัติหน้าที่ ตามนโยบายของรัฐ\n"
        "5. รายงานการรับของขวัญและของกำนัลตามนโยบาย No Gift Policy จากการปฏิบัติหน้าที่",
        "งานนิติการ สำนักปลัด",
        "1. มีคู่มือการดำเนินการต่อเรื่องร้องเรียนการทุจริตและประพฤติมิชอบของเจ้าหน้าที่\n"
        "2. มีช่องทางออนไลน์ที่บุคคลภายนอกสามารถแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบของเจ้าหน้าที่\n"
        "3. มีข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
        "1. นำมาเป็นกรอบแนวทางในการดำเนินการป้องกันและปราบปรามการทุจริตของหน่วยงาน\n"
        "2. มุ่งเน้นให้การดำเนินการป้องกันและปราบปรามการทุจริตของหน่วยงานเป็นไปอย่างต่อเนื่อง\n"
        "3. สร้างระบบราชการที่มีความโปร่งใส จัดระบบการตรวจสอบและประเมินผลสัมฤทธิ์ตามมาตรฐานคุณธรรม จริยธรรม"
        " ความคุ้มค่า\n"
        "4. มีการเปิดเผยข้อมูลข่าวสาร ปรับปรุงระบบการปฏิบัติงานให้เกิดความโปร่งใส มีประสิทธิภาพ\n"
        "5. มีการเผยแพร่ประชาสัมพันธ์ ประกาศ No Gift Policy จากการปฏิบัติหน้าที่ และมีการเน้นกำชับ"
        "ในการประชุมหัวหน้าส่วนอยู่เป็นประจำ",
    ),
)

_EN: tuple[MeasureText, ...] = (
    MeasureText(
        MeasureKind.FREE,
        "Performance of duties",
        "1. Keep a manual of operating standards stating the steps and time of each task or service\n"
        "2. Require officials who serve the public to follow the manual strictly\n"
        "3. Publish the manual of operating standards through several channels",
        "Every office and division",
        "1. A manual of operating standards states the steps and time of each task or service\n"
        "2. Officials who serve the public follow the manual strictly\n"
        "3. The manual is published through several channels\n"
        "4. Services are offered online (e-service) on the organisation's website",
        "Services to the public follow the set steps and times, treat everyone equally, aim at results and "
        "are accountable",
    ),
    MeasureText(
        MeasureKind.FREE,
        "Use of the budget",
        "1. Prepare the annual operating plan and budget spending plan\n"
        "2. Prepare the procurement plan under the Public Procurement and Supplies Administration Act "
        "B.E. 2560\n"
        "3. Publish procurement announcements under the same Act",
        "Finance Division",
        "1. The annual operating plan and budget spending plan exist\n"
        "2. The fiscal year's procurement announcements were published under the Act",
        "Procurement in the organisation is transparent in its use of the budget",
    ),
    MeasureText(
        MeasureKind.HR,
        "Use of authority and personnel management",
        "1. Prepare the HR management and development plan in force in {fy}\n"
        "2. Hold activities or training with content on ethical standards and the codes of ethics of state "
        "officials\n"
        "3. Set Dos & Don'ts guiding the ethical conduct of the organisation's people\n"
        "4. Enforce the codes of ethics for state officials:\n"
        "- Code of ethics for local executives\n"
        "- Code of ethics for local council members\n"
        "- Code of ethics for local government officials\n"
        "5. Issue the order appointing the committee that drafts the officials' code of ethics\n"
        "6. Issue the order appointing the ethics committee of {org}",
        "Personnel section, Office of the Clerk",
        "",
        "The organisation's people can tell personal interest from the public interest, making the "
        "organisation transparent and fair",
    ),
    MeasureText(
        MeasureKind.FREE,
        "Use of public property",
        "1. Keep a manual on the use of public property, with the steps for borrowing it by kind of work\n"
        "2. Control requests to borrow and return public property\n"
        "3. Check materials and equipment periodically and keep their registers\n"
        "4. Assess the risk of public property being used for private benefit and set measures against it\n"
        "5. Publish the manual to staff and the public",
        "Every office and division",
        "1. A manual on the use of public property exists\n"
        "2. A form to request borrowing public property exists\n"
        "3. Materials and equipment are checked periodically\n"
        "4. The risk of private use of public property was assessed and measures were taken\n"
        "5. The manual was published to staff and the public",
        "Public property is protected from use for private benefit",
    ),
    MeasureText(
        MeasureKind.ANTI_CORRUPTION,
        "Preventing and correcting corruption",
        "1. Keep a manual for handling complaints of corruption and misconduct by officials\n"
        "2. Offer an online channel for outside complaints of corruption, separate from general complaints "
        "and protecting the whistle-blower's personal data\n"
        "3. Keep statistics of complaints of corruption and misconduct\n"
        "4. Announce a No Gift Policy\n"
        "5. Report gifts received under the No Gift Policy",
        "Legal affairs, Office of the Clerk",
        "1. A manual for handling complaints of corruption exists\n"
        "2. An online channel for complaints of corruption exists\n"
        "3. Statistics of complaints of corruption are kept",
        "1. A framework for preventing and suppressing corruption\n"
        "2. Continuous prevention of corruption\n"
        "3. A transparent administration with checks on results",
    ),
)

MEASURES: dict[str, tuple[MeasureText, ...]] = {"th": _TH, "en": _EN}


def measures_for(locale: str) -> tuple[MeasureText, ...]:
    """Return the seed's measures in the organisation's document language (Thai unless English)."""
    return MEASURES["en" if locale == "en" else "th"]


def stored_text_locale() -> str:
    """The language a stored report's texts were started in: the organisation's, whoever reads them."""
    return "en" if get_settings().default_locale == "en" else "th"
