"""Thai demo content for the fictional Ban Suan Town Municipality (pure data, no logic)."""

from __future__ import annotations

from datetime import date

ORGANISATION: dict[str, str] = {
    "name_th": "เทศบาลเมืองบ้านสวน",
    "name_en": "Ban Suan Town Municipality",
    # The mayor signs the certificates.
    "certificate_signatory": "นายประเสริฐ วงศ์ใหญ่",
    "certificate_signatory_title_th": "นายกเทศมนตรีเมืองบ้านสวน",
    "certificate_signatory_title_en": "Mayor of Ban Suan Town",
}

DEPARTMENTS: list[dict[str, str]] = [
    {"code": "PALAD", "name_th": "สำนักปลัดเทศบาล", "name_en": "Office of the Municipal Clerk"},
    {"code": "FIN", "name_th": "กองคลัง", "name_en": "Finance Division"},
    {"code": "ENG", "name_th": "กองช่าง", "name_en": "Public Works Division"},
    {"code": "EDU", "name_th": "กองการศึกษา", "name_en": "Education Division"},
    {
        "code": "HEALTH",
        "name_th": "กองสาธารณสุขและสิ่งแวดล้อม",
        "name_en": "Public Health and Environment Division",
    },
    {"code": "WELFARE", "name_th": "กองสวัสดิการสังคม", "name_en": "Social Welfare Division"},
]

STAFF_CATEGORIES: list[dict[str, str | int]] = [
    {"code": "executive", "name_th": "ผู้บริหารท้องถิ่น", "name_en": "Local executive", "sort_order": 1},
    {
        "code": "council_member",
        "name_th": "สมาชิกสภาท้องถิ่น",
        "name_en": "Local council member",
        "sort_order": 2,
    },
    {"code": "local_official", "name_th": "พนักงานเทศบาล", "name_en": "Municipal official", "sort_order": 3},
    {"code": "teacher", "name_th": "พนักงานครู", "name_en": "Municipal teacher", "sort_order": 4},
    {"code": "permanent_worker", "name_th": "ลูกจ้างประจำ", "name_en": "Permanent employee", "sort_order": 5},
    {
        "code": "mission_contract",
        "name_th": "พนักงานจ้างตามภารกิจ",
        "name_en": "Mission-based contract employee",
        "sort_order": 6,
    },
    {
        "code": "general_contract",
        "name_th": "พนักงานจ้างทั่วไป",
        "name_en": "General contract employee",
        "sort_order": 7,
    },
]

NAME_PREFIXES: list[tuple[str, str]] = [
    ("นาย", "Mr."),
    ("นาง", "Mrs."),
    ("นางสาว", "Ms."),
    ("ว่าที่ร้อยตรี", "Acting Sub-Lt."),
    ("ว่าที่ร้อยตรีหญิง", "Acting Sub-Lt."),
    ("ดร.", "Dr."),
]

# The first five rows are fixed roles used by the demo: administrator, personnel officer,
# committee member, employee one (no email) and employee two (a teacher).
# fmt: off
PEOPLE: list[dict[str, str | date]] = [
    {"employee_number": "EMP0001", "prefix_th": "นาย", "first_name_th": "ธนวัฒน์", "last_name_th": "ศรีสุวรรณ",
     "first_name_en": "Thanawat", "last_name_en": "Srisuwan", "position_th": "นักวิชาการคอมพิวเตอร์ปฏิบัติการ",
     "category": "local_official", "department": "PALAD", "email": "admin@bansuan.go.th",
     "start_date": date(2019, 6, 3)},
    {"employee_number": "EMP0002", "prefix_th": "นาง", "first_name_th": "สมศรี", "last_name_th": "บุญมา",
     "first_name_en": "Somsri", "last_name_en": "Boonma", "position_th": "นักทรัพยากรบุคคลชำนาญการ",
     "category": "local_official", "department": "PALAD", "email": "somsri@bansuan.go.th",
     "start_date": date(2012, 10, 1)},
    {"employee_number": "EMP0003", "prefix_th": "นางสาว", "first_name_th": "ปวีณา", "last_name_th": "ธรรมรักษ์",
     "first_name_en": "Paweena", "last_name_en": "Thammarak", "position_th": "นิติกรชำนาญการ",
     "category": "local_official", "department": "PALAD", "email": "paweena.t@bansuan.go.th",
     "start_date": date(2014, 2, 17)},
    {"employee_number": "EMP0004", "prefix_th": "นาย", "first_name_th": "สมหมาย", "last_name_th": "แก้วคำ",
     "first_name_en": "Sommai", "last_name_en": "Kaewkham", "position_th": "คนงานทั่วไป",
     "category": "general_contract", "department": "HEALTH", "email": "", "start_date": date(2021, 1, 4)},
    {"employee_number": "EMP0005", "prefix_th": "นางสาว", "first_name_th": "กนกวรรณ",
     "last_name_th": "พรหมมา", "first_name_en": "Kanokwan", "last_name_en": "Phromma", "position_th": "ครู",
     "category": "teacher", "department": "EDU", "email": "kanokwan.p@bansuan.go.th",
     "start_date": date(2016, 5, 16)},
    # Executives (term from the municipal election of 11 May 2025).
    {"employee_number": "EMP0006", "prefix_th": "นาย", "first_name_th": "ประเสริฐ", "last_name_th": "วงศ์ใหญ่",
     "first_name_en": "Prasert", "last_name_en": "Wongyai", "position_th": "นายกเทศมนตรี",
     "category": "executive", "department": "", "email": "prasert.w@bansuan.go.th",
     "start_date": date(2025, 6, 2)},
    {"employee_number": "EMP0007", "prefix_th": "นาง", "first_name_th": "วิไลวรรณ", "last_name_th": "ศักดิ์ดี",
     "first_name_en": "Wilaiwan", "last_name_en": "Sakdee", "position_th": "รองนายกเทศมนตรี",
     "category": "executive", "department": "", "email": "wilaiwan.s@bansuan.go.th",
     "start_date": date(2025, 6, 5)},
    {"employee_number": "EMP0008", "prefix_th": "นาย", "first_name_th": "บุญเลิศ", "last_name_th": "คำภู",
     "first_name_en": "Boonlert", "last_name_en": "Khamphu", "position_th": "รองนายกเทศมนตรี",
     "category": "executive", "department": "", "email": "", "start_date": date(2025, 6, 5)},
    {"employee_number": "EMP0009", "prefix_th": "นาย", "first_name_th": "ชาตรี", "last_name_th": "ทองสุข",
     "first_name_en": "Chatree", "last_name_en": "Thongsuk", "position_th": "เลขานุการนายกเทศมนตรี",
     "category": "executive", "department": "", "email": "chatree.t@bansuan.go.th",
     "start_date": date(2025, 6, 5)},
    {"employee_number": "EMP0010", "prefix_th": "นาย", "first_name_th": "สุรพล", "last_name_th": "มีชัย",
     "first_name_en": "", "last_name_en": "", "position_th": "ที่ปรึกษานายกเทศมนตรี", "category": "executive",
     "department": "", "email": "", "start_date": date(2025, 6, 5)},
    # Council members.
    {"employee_number": "EMP0011", "prefix_th": "นาย", "first_name_th": "อำนาจ", "last_name_th": "สุขเจริญ",
     "first_name_en": "Amnat", "last_name_en": "Sukcharoen", "position_th": "ประธานสภาเทศบาล",
     "category": "council_member", "department": "", "email": "amnat.s@bansuan.go.th",
     "start_date": date(2025, 5, 29)},
    {"employee_number": "EMP0012", "prefix_th": "นาง", "first_name_th": "ลำดวน", "last_name_th": "ภูมิสถาน",
     "first_name_en": "", "last_name_en": "", "position_th": "รองประธานสภาเทศบาล",
     "category": "council_member", "department": "", "email": "", "start_date": date(2025, 5, 29)},
    {"employee_number": "EMP0013", "prefix_th": "นาย", "first_name_th": "ทองใบ", "last_name_th": "ศรีบุญเรือง",
     "first_name_en": "Thongbai", "last_name_en": "Sriboonruang", "position_th": "สมาชิกสภาเทศบาล",
     "category": "council_member", "department": "", "email": "thongbai.s@bansuan.go.th",
     "start_date": date(2025, 5, 29)},
    {"employee_number": "EMP0014", "prefix_th": "นาย", "first_name_th": "สมพงษ์", "last_name_th": "ไชยวงศ์",
     "first_name_en": "Sompong", "last_name_en": "Chaiwong", "position_th": "สมาชิกสภาเทศบาล",
     "category": "council_member", "department": "", "email": "sompong.c@bansuan.go.th",
     "start_date": date(2025, 5, 29)},
    {"employee_number": "EMP0015", "prefix_th": "นางสาว", "first_name_th": "อรุณี", "last_name_th": "แสงทอง",
     "first_name_en": "Arunee", "last_name_en": "Saengthong", "position_th": "สมาชิกสภาเทศบาล",
     "category": "council_member", "department": "", "email": "arunee.s@bansuan.go.th",
     "start_date": date(2025, 5, 29)},
    {"employee_number": "EMP0016", "prefix_th": "นาย", "first_name_th": "เกษม", "last_name_th": "ปัญญาดี",
     "first_name_en": "", "last_name_en": "", "position_th": "สมาชิกสภาเทศบาล", "category": "council_member",
     "department": "", "email": "", "start_date": date(2025, 5, 29)},
    {"employee_number": "EMP0017", "prefix_th": "นาย", "first_name_th": "ไพโรจน์", "last_name_th": "จันทร์หอม",
     "first_name_en": "Pairoj", "last_name_en": "Chanhom", "position_th": "สมาชิกสภาเทศบาล",
     "category": "council_member", "department": "", "email": "pairoj.c@bansuan.go.th",
     "start_date": date(2025, 5, 29)},
    # สำนักปลัดเทศบาล
    {"employee_number": "EMP0018", "prefix_th": "นาย", "first_name_th": "วีระพงษ์", "last_name_th": "รัตนพันธ์",
     "first_name_en": "Weerapong", "last_name_en": "Rattanaphan", "position_th": "ปลัดเทศบาล",
     "category": "local_official", "department": "PALAD", "email": "weerapong.r@bansuan.go.th",
     "start_date": date(2020, 11, 2)},
    {"employee_number": "EMP0019", "prefix_th": "นาง", "first_name_th": "จิราพร", "last_name_th": "อินทร์แก้ว",
     "first_name_en": "Jiraporn", "last_name_en": "Inkaew", "position_th": "รองปลัดเทศบาล",
     "category": "local_official", "department": "PALAD", "email": "jiraporn.i@bansuan.go.th",
     "start_date": date(2015, 7, 1)},
    {"employee_number": "EMP0020", "prefix_th": "นาง", "first_name_th": "ศิริพร", "last_name_th": "มณีวงศ์",
     "first_name_en": "Siriporn", "last_name_en": "Maneewong", "position_th": "หัวหน้าสำนักปลัดเทศบาล",
     "category": "local_official", "department": "PALAD", "email": "siriporn.m@bansuan.go.th",
     "start_date": date(2011, 3, 1)},
    {"employee_number": "EMP0021", "prefix_th": "ว่าที่ร้อยตรี", "first_name_th": "ณัฐพล", "last_name_th": "ศรีทอง",
     "first_name_en": "Nattapon", "last_name_en": "Sritong", "position_th": "นักวิเคราะห์นโยบายและแผนชำนาญการ",
     "category": "local_official", "department": "PALAD", "email": "nattapon.s@bansuan.go.th",
     "start_date": date(2017, 9, 1)},
    {"employee_number": "EMP0022", "prefix_th": "นางสาว", "first_name_th": "พิมพ์ชนก", "last_name_th": "ใจบุญ",
     "first_name_en": "Pimchanok", "last_name_en": "Jaiboon", "position_th": "นักประชาสัมพันธ์ปฏิบัติการ",
     "category": "local_official", "department": "PALAD", "email": "pimchanok.j@bansuan.go.th",
     "start_date": date(2021, 8, 16)},
    {"employee_number": "EMP0023", "prefix_th": "นาง", "first_name_th": "บุษบา", "last_name_th": "คงสมบูรณ์",
     "first_name_en": "Busaba", "last_name_en": "Kongsomboon", "position_th": "เจ้าพนักงานธุรการชำนาญงาน",
     "category": "local_official", "department": "PALAD", "email": "busaba.k@bansuan.go.th",
     "start_date": date(2010, 5, 3)},
    {"employee_number": "EMP0024", "prefix_th": "นาย", "first_name_th": "อดิศักดิ์", "last_name_th": "พลายงาม",
     "first_name_en": "Adisak", "last_name_en": "Plaingam",
     "position_th": "เจ้าพนักงานป้องกันและบรรเทาสาธารณภัยชำนาญงาน", "category": "local_official",
     "department": "PALAD", "email": "adisak.p@bansuan.go.th", "start_date": date(2013, 4, 1)},
    {"employee_number": "EMP0025", "prefix_th": "นาย", "first_name_th": "สมบัติ", "last_name_th": "ดวงแก้ว",
     "first_name_en": "Sombat", "last_name_en": "Duangkaew", "position_th": "พนักงานขับรถยนต์",
     "category": "permanent_worker", "department": "PALAD", "email": "", "start_date": date(2004, 10, 1)},
    {"employee_number": "EMP0026", "prefix_th": "นาย", "first_name_th": "ยุทธนา", "last_name_th": "บุตรดี",
     "first_name_en": "", "last_name_en": "", "position_th": "พนักงานดับเพลิง", "category": "mission_contract",
     "department": "PALAD", "email": "", "start_date": date(2018, 10, 1)},
    {"employee_number": "EMP0027", "prefix_th": "นางสาว", "first_name_th": "สุภาวดี", "last_name_th": "คำแสน",
     "first_name_en": "Supawadee", "last_name_en": "Khamsaen", "position_th": "ผู้ช่วยเจ้าพนักงานธุรการ",
     "category": "mission_contract", "department": "PALAD", "email": "supawadee.k@bansuan.go.th",
     "start_date": date(2020, 2, 3)},
    {"employee_number": "EMP0028", "prefix_th": "นาย", "first_name_th": "ทองดี", "last_name_th": "ศรีภูมิ",
     "first_name_en": "", "last_name_en": "", "position_th": "ยาม", "category": "general_contract",
     "department": "PALAD", "email": "", "start_date": date(2019, 10, 1)},
    {"employee_number": "EMP0029", "prefix_th": "นาง", "first_name_th": "มาลัย", "last_name_th": "หอมจันทร์",
     "first_name_en": "", "last_name_en": "", "position_th": "แม่บ้าน", "category": "general_contract",
     "department": "PALAD", "email": "", "start_date": date(2022, 10, 3)},
    # กองคลัง
    {"employee_number": "EMP0030", "prefix_th": "นาง", "first_name_th": "อัญชลี", "last_name_th": "ประทุมวัน",
     "first_name_en": "Anchalee", "last_name_en": "Prathumwan", "position_th": "ผู้อำนวยการกองคลัง",
     "category": "local_official", "department": "FIN", "email": "anchalee.p@bansuan.go.th",
     "start_date": date(2013, 1, 7)},
    {"employee_number": "EMP0031", "prefix_th": "นางสาว", "first_name_th": "รัตนาภรณ์", "last_name_th": "สีดา",
     "first_name_en": "Rattanaporn", "last_name_en": "Seeda", "position_th": "นักวิชาการเงินและบัญชีชำนาญการ",
     "category": "local_official", "department": "FIN", "email": "rattanaporn.s@bansuan.go.th",
     "start_date": date(2015, 11, 2)},
    {"employee_number": "EMP0032", "prefix_th": "นาย", "first_name_th": "กิตติพงษ์", "last_name_th": "วงศ์สวัสดิ์",
     "first_name_en": "Kittipong", "last_name_en": "Wongsawat", "position_th": "นักวิชาการพัสดุปฏิบัติการ",
     "category": "local_official", "department": "FIN", "email": "kittipong.w@bansuan.go.th",
     "start_date": date(2022, 6, 1)},
    {"employee_number": "EMP0033", "prefix_th": "นาง", "first_name_th": "สุนันทา", "last_name_th": "แก้วมณี",
     "first_name_en": "Sunanta", "last_name_en": "Kaewmanee", "position_th": "เจ้าพนักงานจัดเก็บรายได้ชำนาญงาน",
     "category": "local_official", "department": "FIN", "email": "sunanta.k@bansuan.go.th",
     "start_date": date(2009, 8, 3)},
    {"employee_number": "EMP0034", "prefix_th": "นางสาว", "first_name_th": "ธิดารัตน์", "last_name_th": "บุญส่ง",
     "first_name_en": "Thidarat", "last_name_en": "Boonsong", "position_th": "ผู้ช่วยเจ้าพนักงานพัสดุ",
     "category": "mission_contract", "department": "FIN", "email": "thidarat.b@bansuan.go.th",
     "start_date": date(2021, 10, 1)},
    {"employee_number": "EMP0035", "prefix_th": "นางสาว", "first_name_th": "วรรณา", "last_name_th": "ทองมา",
     "first_name_en": "", "last_name_en": "", "position_th": "ผู้ช่วยเจ้าพนักงานจัดเก็บรายได้",
     "category": "mission_contract", "department": "FIN", "email": "", "start_date": date(2023, 10, 2)},
    # กองช่าง
    {"employee_number": "EMP0036", "prefix_th": "นาย", "first_name_th": "ชัยวัฒน์", "last_name_th": "พึ่งทอง",
     "first_name_en": "Chaiwat", "last_name_en": "Phuengthong", "position_th": "ผู้อำนวยการกองช่าง",
     "category": "local_official", "department": "ENG", "email": "chaiwat.p@bansuan.go.th",
     "start_date": date(2016, 2, 1)},
    {"employee_number": "EMP0037", "prefix_th": "นาย", "first_name_th": "ภาณุวัฒน์", "last_name_th": "สิทธิโชค",
     "first_name_en": "Panuwat", "last_name_en": "Sitthichok", "position_th": "วิศวกรโยธาชำนาญการ",
     "category": "local_official", "department": "ENG", "email": "panuwat.s@bansuan.go.th",
     "start_date": date(2018, 3, 1)},
    {"employee_number": "EMP0038", "prefix_th": "นาย", "first_name_th": "สุริยา", "last_name_th": "นาคสุข",
     "first_name_en": "Suriya", "last_name_en": "Naksuk", "position_th": "นายช่างโยธาชำนาญงาน",
     "category": "local_official", "department": "ENG", "email": "suriya.n@bansuan.go.th",
     "start_date": date(2012, 7, 2)},
    {"employee_number": "EMP0039", "prefix_th": "นาย", "first_name_th": "จักรพันธ์", "last_name_th": "อ่อนศรี",
     "first_name_en": "Jakkaphan", "last_name_en": "Onsri", "position_th": "นายช่างไฟฟ้าปฏิบัติงาน",
     "category": "local_official", "department": "ENG", "email": "jakkaphan.o@bansuan.go.th",
     "start_date": date(2023, 1, 16)},
    {"employee_number": "EMP0040", "prefix_th": "นาย", "first_name_th": "สมคิด", "last_name_th": "บัวแก้ว",
     "first_name_en": "Somkid", "last_name_en": "Buakaew", "position_th": "พนักงานขับเครื่องจักรกลขนาดกลาง",
     "category": "permanent_worker", "department": "ENG", "email": "", "start_date": date(2006, 4, 1)},
    {"employee_number": "EMP0041", "prefix_th": "นาย", "first_name_th": "อนุชา", "last_name_th": "ปานทอง",
     "first_name_en": "Anucha", "last_name_en": "Panthong", "position_th": "ผู้ช่วยนายช่างโยธา",
     "category": "mission_contract", "department": "ENG", "email": "anucha.p@bansuan.go.th",
     "start_date": date(2020, 10, 1)},
    {"employee_number": "EMP0042", "prefix_th": "นาย", "first_name_th": "บุญมี", "last_name_th": "สายทอง",
     "first_name_en": "", "last_name_en": "", "position_th": "คนงานทั่วไป", "category": "general_contract",
     "department": "ENG", "email": "", "start_date": date(2024, 4, 1)},
    # กองการศึกษา
    {"employee_number": "EMP0043", "prefix_th": "นาง", "first_name_th": "ปราณี", "last_name_th": "สุวรรณรัตน์",
     "first_name_en": "Pranee", "last_name_en": "Suwannarat", "position_th": "ผู้อำนวยการกองการศึกษา",
     "category": "local_official", "department": "EDU", "email": "pranee.s@bansuan.go.th",
     "start_date": date(2014, 10, 1)},
    {"employee_number": "EMP0044", "prefix_th": "นางสาว", "first_name_th": "ชลธิชา", "last_name_th": "วงศ์คำ",
     "first_name_en": "Chonticha", "last_name_en": "Wongkham", "position_th": "นักวิชาการศึกษาชำนาญการ",
     "category": "local_official", "department": "EDU", "email": "chonticha.w@bansuan.go.th",
     "start_date": date(2017, 5, 15)},
    {"employee_number": "EMP0045", "prefix_th": "นาง", "first_name_th": "นงลักษณ์", "last_name_th": "ศรีสะอาด",
     "first_name_en": "Nongluck", "last_name_en": "Srisaard", "position_th": "ผู้อำนวยการสถานศึกษา",
     "category": "teacher", "department": "EDU", "email": "nongluck.s@bansuan.go.th",
     "start_date": date(2009, 5, 18)},
    {"employee_number": "EMP0046", "prefix_th": "นาย", "first_name_th": "ธีรวัฒน์", "last_name_th": "กองแก้ว",
     "first_name_en": "Teerawat", "last_name_en": "Kongkaew", "position_th": "ครู", "category": "teacher",
     "department": "EDU", "email": "teerawat.k@bansuan.go.th", "start_date": date(2015, 5, 18)},
    {"employee_number": "EMP0047", "prefix_th": "นางสาว", "first_name_th": "อรอุมา", "last_name_th": "จันทร์ดี",
     "first_name_en": "Onuma", "last_name_en": "Chandee", "position_th": "ครู", "category": "teacher",
     "department": "EDU", "email": "onuma.c@bansuan.go.th", "start_date": date(2018, 5, 16)},
    {"employee_number": "EMP0048", "prefix_th": "นาง", "first_name_th": "สุกัญญา", "last_name_th": "ทองคำ",
     "first_name_en": "Sukanya", "last_name_en": "Thongkham", "position_th": "ครูผู้ช่วย", "category": "teacher",
     "department": "EDU", "email": "sukanya.t@bansuan.go.th", "start_date": date(2024, 5, 16)},
    {"employee_number": "EMP0049", "prefix_th": "นางสาว", "first_name_th": "เบญจมาศ",
     "last_name_th": "ศรีประเสริฐ", "first_name_en": "Benjamas", "last_name_en": "Sriprasert",
     "position_th": "ครู", "category": "teacher", "department": "EDU", "email": "benjamas.s@bansuan.go.th",
     "start_date": date(2019, 5, 16)},
    {"employee_number": "EMP0050", "prefix_th": "นาง", "first_name_th": "ลำไย", "last_name_th": "คำมูล",
     "first_name_en": "", "last_name_en": "", "position_th": "ผู้ดูแลเด็ก", "category": "mission_contract",
     "department": "EDU", "email": "", "start_date": date(2016, 10, 3)},
    {"employee_number": "EMP0051", "prefix_th": "นางสาว", "first_name_th": "ศุภลักษณ์", "last_name_th": "มาลัย",
     "first_name_en": "Supalak", "last_name_en": "Malai", "position_th": "ผู้ช่วยครูผู้ดูแลเด็ก",
     "category": "mission_contract", "department": "EDU", "email": "supalak.m@bansuan.go.th",
     "start_date": date(2022, 5, 16)},
    {"employee_number": "EMP0052", "prefix_th": "นาง", "first_name_th": "เพ็ญศรี", "last_name_th": "ทองอ่อน",
     "first_name_en": "", "last_name_en": "", "position_th": "แม่ครัว", "category": "general_contract",
     "department": "EDU", "email": "", "start_date": date(2021, 5, 17)},
    # กองสาธารณสุขและสิ่งแวดล้อม
    {"employee_number": "EMP0053", "prefix_th": "นาย", "first_name_th": "ธวัชชัย", "last_name_th": "นิลสุวรรณ",
     "first_name_en": "Tawatchai", "last_name_en": "Nilsuwan",
     "position_th": "ผู้อำนวยการกองสาธารณสุขและสิ่งแวดล้อม", "category": "local_official", "department": "HEALTH",
     "email": "tawatchai.n@bansuan.go.th", "start_date": date(2014, 6, 2)},
    {"employee_number": "EMP0054", "prefix_th": "นางสาว", "first_name_th": "ณัฐธิดา", "last_name_th": "พรมจันทร์",
     "first_name_en": "Natthida", "last_name_en": "Promjan", "position_th": "นักวิชาการสุขาภิบาลชำนาญการ",
     "category": "local_official", "department": "HEALTH", "email": "natthida.p@bansuan.go.th",
     "start_date": date(2016, 9, 1)},
    {"employee_number": "EMP0055", "prefix_th": "นาง", "first_name_th": "อุไรวรรณ", "last_name_th": "เรืองศรี",
     "first_name_en": "Uraiwan", "last_name_en": "Ruangsri", "position_th": "พยาบาลวิชาชีพชำนาญการ",
     "category": "local_official", "department": "HEALTH", "email": "uraiwan.r@bansuan.go.th",
     "start_date": date(2012, 1, 9)},
    {"employee_number": "EMP0056", "prefix_th": "นาย", "first_name_th": "สุเทพ", "last_name_th": "ใจกล้า",
     "first_name_en": "Suthep", "last_name_en": "Jaikla", "position_th": "พนักงานขับรถยนต์",
     "category": "permanent_worker", "department": "HEALTH", "email": "", "start_date": date(2005, 10, 3)},
    {"employee_number": "EMP0057", "prefix_th": "นาย", "first_name_th": "ประยุทธ", "last_name_th": "แสนคำ",
     "first_name_en": "Prayut", "last_name_en": "Saenkham", "position_th": "พนักงานขับรถยนต์ (รถบรรทุกขยะ)",
     "category": "mission_contract", "department": "HEALTH", "email": "", "start_date": date(2019, 4, 1)},
    {"employee_number": "EMP0058", "prefix_th": "นาย", "first_name_th": "สมศักดิ์", "last_name_th": "ภูผา",
     "first_name_en": "", "last_name_en": "", "position_th": "คนงานประจำรถขยะ",
     "category": "general_contract", "department": "HEALTH", "email": "", "start_date": date(2023, 4, 3)},
    # กองสวัสดิการสังคม
    {"employee_number": "EMP0059", "prefix_th": "นาง", "first_name_th": "กาญจนา", "last_name_th": "ศรีวิไล",
     "first_name_en": "Kanchana", "last_name_en": "Sriwilai", "position_th": "ผู้อำนวยการกองสวัสดิการสังคม",
     "category": "local_official", "department": "WELFARE", "email": "kanchana.s@bansuan.go.th",
     "start_date": date(2015, 3, 2)},
    {"employee_number": "EMP0060", "prefix_th": "นางสาว", "first_name_th": "จันทร์เพ็ญ",
     "last_name_th": "อินทร์ตา", "first_name_en": "Janpen", "last_name_en": "Inta",
     "position_th": "นักพัฒนาชุมชนชำนาญการ", "category": "local_official", "department": "WELFARE",
     "email": "janpen.i@bansuan.go.th", "start_date": date(2016, 8, 1)},
    {"employee_number": "EMP0061", "prefix_th": "นาย", "first_name_th": "วิทยา", "last_name_th": "บุญเรือง",
     "first_name_en": "Wittaya", "last_name_en": "Boonruang", "position_th": "เจ้าพนักงานพัฒนาชุมชนปฏิบัติงาน",
     "category": "local_official", "department": "WELFARE", "email": "wittaya.b@bansuan.go.th",
     "start_date": date(2022, 2, 1)},
    {"employee_number": "EMP0062", "prefix_th": "นางสาว", "first_name_th": "ปิยะนุช", "last_name_th": "แก้วใส",
     "first_name_en": "Piyanuch", "last_name_en": "Kaewsai", "position_th": "ผู้ช่วยนักพัฒนาชุมชน",
     "category": "mission_contract", "department": "WELFARE", "email": "piyanuch.k@bansuan.go.th",
     "start_date": date(2021, 6, 1)},
    {"employee_number": "EMP0063", "prefix_th": "นาย", "first_name_th": "เสถียร", "last_name_th": "มูลสาร",
     "first_name_en": "", "last_name_en": "", "position_th": "คนงานทั่วไป", "category": "general_contract",
     "department": "WELFARE", "email": "", "start_date": date(2024, 10, 1)},
]
# fmt: on

# --------------------------------------------------------------------------------------------------------
# Codes of ethics. Bodies are Markdown; clause numbers "ข้อ N" are referred to by the Dos & Don'ts.
# --------------------------------------------------------------------------------------------------------

_EXECUTIVE_CODE_2564_MD: str = """\
# ประมวลจริยธรรมผู้บริหารท้องถิ่นของเทศบาลเมืองบ้านสวน พ.ศ. 2564

อาศัยอำนาจตามพระราชบัญญัติมาตรฐานทางจริยธรรม พ.ศ. 2562 เทศบาลเมืองบ้านสวนจึงจัดทำประมวลจริยธรรมนี้
เพื่อให้ผู้บริหารท้องถิ่นใช้เป็นหลักในการปฏิบัติหน้าที่ด้วยความซื่อสัตย์สุจริต โปร่งใส
และเป็นที่ไว้วางใจของประชาชนในเขตเทศบาล

## หมวด 1 บททั่วไป

**ข้อ 1** ประมวลจริยธรรมนี้เรียกว่า “ประมวลจริยธรรมผู้บริหารท้องถิ่นของเทศบาลเมืองบ้านสวน พ.ศ. 2564”

**ข้อ 2** ประมวลจริยธรรมนี้ให้ใช้บังคับตั้งแต่วันที่ 1 มิถุนายน พ.ศ. 2564 เป็นต้นไป

**ข้อ 3** ในประมวลจริยธรรมนี้

- “ผู้บริหารท้องถิ่น” หมายความว่า นายกเทศมนตรี รองนายกเทศมนตรี เลขานุการนายกเทศมนตรี
  และที่ปรึกษานายกเทศมนตรีเมืองบ้านสวน
- “ผู้มีส่วนได้เสีย” หมายความว่า บุคคลหรือนิติบุคคลซึ่งได้รับหรืออาจได้รับประโยชน์หรือผลกระทบ
  จากการตัดสินใจหรือการปฏิบัติหน้าที่ของผู้บริหารท้องถิ่น

**ข้อ 4** ให้นายกเทศมนตรีเมืองบ้านสวนรักษาการตามประมวลจริยธรรมนี้

## หมวด 2 มาตรฐานทางจริยธรรม

**ข้อ 5** ผู้บริหารท้องถิ่นต้องยึดมั่นในสถาบันหลักของประเทศ อันได้แก่ ชาติ ศาสนา พระมหากษัตริย์
และการปกครองระบอบประชาธิปไตยอันมีพระมหากษัตริย์ทรงเป็นประมุข

**ข้อ 6** ผู้บริหารท้องถิ่นต้องซื่อสัตย์สุจริต มีจิตสำนึกที่ดี และรับผิดชอบต่อหน้าที่ ต่อประชาชน
และต่อผลของการตัดสินใจของตน

**ข้อ 7** ผู้บริหารท้องถิ่นต้องกล้าตัดสินใจและกระทำในสิ่งที่ถูกต้องชอบธรรม

**ข้อ 8** ผู้บริหารท้องถิ่นต้องยึดถือประโยชน์ของประเทศชาติและประชาชนในท้องถิ่นเหนือประโยชน์ส่วนตน
และไม่กระทำการอันเป็นการขัดกันระหว่างประโยชน์ส่วนตนกับประโยชน์ส่วนรวม

**ข้อ 9** ผู้บริหารท้องถิ่นต้องมุ่งผลสัมฤทธิ์ของงาน บริหารงบประมาณอย่างประหยัด คุ้มค่า และตรวจสอบได้

**ข้อ 10** ผู้บริหารท้องถิ่นต้องปฏิบัติหน้าที่อย่างเป็นธรรมและไม่เลือกปฏิบัติ
ไม่ว่าบุคคลนั้นจะเป็นผู้สนับสนุนทางการเมืองของตนหรือไม่

**ข้อ 11** ผู้บริหารท้องถิ่นต้องดำรงตนเป็นแบบอย่างที่ดีแก่พนักงานและประชาชน
และรักษาภาพลักษณ์ของเทศบาล

## หมวด 3 จริยธรรมของผู้บริหารท้องถิ่น

**ข้อ 12** ผู้บริหารท้องถิ่นต้องไม่ก้าวก่ายหรือแทรกแซงการสรรหา การบรรจุ การแต่งตั้ง การโยกย้าย
การเลื่อนขั้นเงินเดือน หรือการพิจารณาความดีความชอบของพนักงานเทศบาลโดยมิชอบ

**ข้อ 13** ผู้บริหารท้องถิ่นต้องไม่เป็นคู่สัญญาหรือมีส่วนได้เสียไม่ว่าโดยทางตรงหรือทางอ้อม
ในสัญญาที่ทำกับเทศบาลหรือในกิจการที่กระทำให้แก่เทศบาล

**ข้อ 14** ผู้บริหารท้องถิ่นต้องไม่เรียก รับ หรือยอมจะรับทรัพย์สินหรือประโยชน์อื่นใดจากผู้มีส่วนได้เสีย
เว้นแต่การรับโดยธรรมจรรยาตามหลักเกณฑ์ที่คณะกรรมการ ป.ป.ช. กำหนด

**ข้อ 15** ผู้บริหารท้องถิ่นต้องไม่ใช้ทรัพย์สิน บุคลากร หรืองบประมาณของเทศบาล
เพื่อประโยชน์ส่วนตน พวกพ้อง หรือประโยชน์ทางการเมือง

**ข้อ 16** ผู้บริหารท้องถิ่นต้องเปิดเผยข้อมูลข่าวสารของทางราชการตามกฎหมาย รับฟังความคิดเห็นของประชาชน
และตอบข้อร้องเรียนอย่างเป็นธรรม

## หมวด 4 กลไกและระบบการบังคับใช้

**ข้อ 17** ให้มีคณะกรรมการจริยธรรมทำหน้าที่ควบคุม กำกับ และส่งเสริมให้มีการปฏิบัติตามประมวลจริยธรรมนี้

**ข้อ 18** การฝ่าฝืนประมวลจริยธรรมนี้ให้ถือเป็นการประพฤติผิดจริยธรรม หากเป็นการฝ่าฝืนอย่างร้ายแรง
ให้รายงานผู้ว่าราชการจังหวัดในฐานะผู้กำกับดูแลเพื่อดำเนินการตามกฎหมายต่อไป

ประกาศ ณ วันที่ 17 พฤษภาคม พ.ศ. 2564

นายสมเกียรติ ธนากร
นายกเทศมนตรีเมืองบ้านสวน
"""

_COUNCIL_CODE_2564_MD: str = """\
# ประมวลจริยธรรมสมาชิกสภาท้องถิ่นของเทศบาลเมืองบ้านสวน พ.ศ. 2564

อาศัยอำนาจตามพระราชบัญญัติมาตรฐานทางจริยธรรม พ.ศ. 2562 สภาเทศบาลเมืองบ้านสวนจึงจัดทำประมวลจริยธรรมนี้
เพื่อให้สมาชิกสภาเทศบาลปฏิบัติหน้าที่ผู้แทนของประชาชนด้วยความซื่อสัตย์สุจริตและเป็นกลาง

## หมวด 1 บททั่วไป

**ข้อ 1** ประมวลจริยธรรมนี้เรียกว่า “ประมวลจริยธรรมสมาชิกสภาท้องถิ่นของเทศบาลเมืองบ้านสวน พ.ศ. 2564”

**ข้อ 2** ประมวลจริยธรรมนี้ให้ใช้บังคับตั้งแต่วันที่ 1 มิถุนายน พ.ศ. 2564 เป็นต้นไป

**ข้อ 3** ในประมวลจริยธรรมนี้ “สมาชิกสภาท้องถิ่น” หมายความว่า สมาชิกสภาเทศบาลเมืองบ้านสวน
รวมถึงประธานสภาและรองประธานสภาเทศบาล

**ข้อ 4** ให้ประธานสภาเทศบาลเมืองบ้านสวนรักษาการตามประมวลจริยธรรมนี้

## หมวด 2 มาตรฐานทางจริยธรรม

**ข้อ 5** สมาชิกสภาท้องถิ่นต้องยึดมั่นในสถาบันหลักของประเทศ อันได้แก่ ชาติ ศาสนา พระมหากษัตริย์
และการปกครองระบอบประชาธิปไตยอันมีพระมหากษัตริย์ทรงเป็นประมุข

**ข้อ 6** สมาชิกสภาท้องถิ่นต้องซื่อสัตย์สุจริต มีจิตสำนึกที่ดี และรับผิดชอบต่อประชาชนผู้เลือกตั้ง

**ข้อ 7** สมาชิกสภาท้องถิ่นต้องกล้าตัดสินใจและกระทำในสิ่งที่ถูกต้องชอบธรรม
รวมทั้งตรวจสอบการบริหารงานของฝ่ายบริหารอย่างตรงไปตรงมา

**ข้อ 8** สมาชิกสภาท้องถิ่นต้องยึดถือประโยชน์ของประเทศชาติและประชาชนในท้องถิ่นเหนือประโยชน์ส่วนตน
และไม่กระทำการอันเป็นการขัดกันระหว่างประโยชน์ส่วนตนกับประโยชน์ส่วนรวม

**ข้อ 9** สมาชิกสภาท้องถิ่นต้องมุ่งผลสัมฤทธิ์ของงาน พิจารณาร่างข้อบัญญัติและญัตติด้วยความรอบคอบ

**ข้อ 10** สมาชิกสภาท้องถิ่นต้องปฏิบัติหน้าที่อย่างเป็นธรรมและไม่เลือกปฏิบัติ

**ข้อ 11** สมาชิกสภาท้องถิ่นต้องดำรงตนเป็นแบบอย่างที่ดีและรักษาเกียรติของสภาเทศบาล

## หมวด 3 จริยธรรมของสมาชิกสภาท้องถิ่น

**ข้อ 12** สมาชิกสภาท้องถิ่นต้องเข้าร่วมประชุมสภาและคณะกรรมการสภาอย่างสม่ำเสมอ
ปฏิบัติตามข้อบังคับการประชุม และอภิปรายด้วยถ้อยคำสุภาพบนพื้นฐานของข้อเท็จจริง

**ข้อ 13** สมาชิกสภาท้องถิ่นต้องไม่ก้าวก่ายหรือแทรกแซงการปฏิบัติงานประจำของพนักงานเทศบาล
รวมทั้งการบรรจุ แต่งตั้ง และโยกย้ายพนักงาน

**ข้อ 14** สมาชิกสภาท้องถิ่นต้องไม่เป็นคู่สัญญาหรือมีส่วนได้เสียในสัญญาที่ทำกับเทศบาล
และเมื่อมีส่วนได้เสียในเรื่องที่สภาพิจารณา ต้องแจ้งต่อที่ประชุมและงดออกเสียงในเรื่องนั้น

**ข้อ 15** สมาชิกสภาท้องถิ่นต้องไม่นำข้อมูลที่ได้จากการปฏิบัติหน้าที่ซึ่งยังไม่เปิดเผยต่อสาธารณะ
ไปใช้เพื่อประโยชน์ของตนเองหรือผู้อื่น

**ข้อ 16** สมาชิกสภาท้องถิ่นต้องไม่เรียก รับ หรือยอมจะรับทรัพย์สินหรือประโยชน์อื่นใด
เพื่อแลกกับการอภิปราย การลงมติ หรือการใช้อิทธิพลในทางใด

## หมวด 4 กลไกและระบบการบังคับใช้

**ข้อ 17** ให้สภาเทศบาลแต่งตั้งคณะกรรมการจริยธรรมเพื่อควบคุม กำกับ
และส่งเสริมให้มีการปฏิบัติตามประมวลจริยธรรมนี้

**ข้อ 18** การฝ่าฝืนประมวลจริยธรรมนี้ให้ถือเป็นการประพฤติผิดจริยธรรม หากเป็นการฝ่าฝืนอย่างร้ายแรง
ให้ประธานสภาเทศบาลรายงานผู้ว่าราชการจังหวัดเพื่อดำเนินการตามกฎหมายต่อไป

ประกาศ ณ วันที่ 17 พฤษภาคม พ.ศ. 2564

นายวิชัย แก้วประเสริฐ
ประธานสภาเทศบาลเมืองบ้านสวน
"""

_OFFICIAL_CODE_2565_MD: str = """\
# ประมวลจริยธรรมพนักงานส่วนท้องถิ่นของเทศบาลเมืองบ้านสวน พ.ศ. 2565

อาศัยอำนาจตามพระราชบัญญัติมาตรฐานทางจริยธรรม พ.ศ. 2562 ประกอบกับประกาศคณะกรรมการมาตรฐาน
การบริหารงานบุคคลส่วนท้องถิ่น เรื่อง ประมวลจริยธรรมพนักงานส่วนท้องถิ่น เทศบาลเมืองบ้านสวนจึงประกาศใช้
ประมวลจริยธรรมนี้ เพื่อให้พนักงานส่วนท้องถิ่นปฏิบัติหน้าที่ด้วยความซื่อสัตย์สุจริต โปร่งใส
และได้รับความไว้วางใจจากประชาชน

## หมวด 1 บททั่วไป

**ข้อ 1** ประมวลจริยธรรมนี้เรียกว่า “ประมวลจริยธรรมพนักงานส่วนท้องถิ่นของเทศบาลเมืองบ้านสวน พ.ศ. 2565”

**ข้อ 2** ประมวลจริยธรรมนี้ให้ใช้บังคับตั้งแต่วันที่ 1 เมษายน พ.ศ. 2565 เป็นต้นไป

**ข้อ 3** ในประมวลจริยธรรมนี้

- “พนักงานส่วนท้องถิ่น” หมายความว่า พนักงานเทศบาล พนักงานครูเทศบาล ลูกจ้างประจำ
  และพนักงานจ้างของเทศบาลเมืองบ้านสวน
- “ผู้บังคับบัญชา” หมายความว่า ผู้บังคับบัญชาตามกฎหมายว่าด้วยระเบียบบริหารงานบุคคลส่วนท้องถิ่น
- “คณะกรรมการจริยธรรม” หมายความว่า คณะกรรมการจริยธรรมเทศบาลเมืองบ้านสวน

**ข้อ 4** ให้นายกเทศมนตรีเมืองบ้านสวนรักษาการตามประมวลจริยธรรมนี้

## หมวด 2 มาตรฐานทางจริยธรรม

**ข้อ 5** พนักงานส่วนท้องถิ่นต้องยึดมั่นในสถาบันหลักของประเทศ อันได้แก่ ชาติ ศาสนา พระมหากษัตริย์
และการปกครองระบอบประชาธิปไตยอันมีพระมหากษัตริย์ทรงเป็นประมุข

**ข้อ 6** พนักงานส่วนท้องถิ่นต้องซื่อสัตย์สุจริต มีจิตสำนึกที่ดี และรับผิดชอบต่อหน้าที่
ตรงต่อเวลา และใช้เวลาราชการให้เกิดประโยชน์ต่อทางราชการอย่างเต็มที่

**ข้อ 7** พนักงานส่วนท้องถิ่นต้องกล้าตัดสินใจและกระทำในสิ่งที่ถูกต้องชอบธรรม
ไม่ปฏิบัติตามคำสั่งที่ตนรู้ว่าขัดต่อกฎหมาย และรายงานการกระทำที่ไม่ถูกต้องต่อผู้บังคับบัญชา

**ข้อ 8** พนักงานส่วนท้องถิ่นต้องยึดถือประโยชน์ของประเทศชาติและประโยชน์ส่วนรวมเหนือประโยชน์ส่วนตน
ไม่กระทำการอันเป็นการขัดกันระหว่างประโยชน์ส่วนตนกับประโยชน์ส่วนรวม
หากมีส่วนได้เสียในเรื่องที่ตนปฏิบัติหน้าที่ ต้องแจ้งผู้บังคับบัญชาและถอนตัวจากการพิจารณาเรื่องนั้น

**ข้อ 9** พนักงานส่วนท้องถิ่นต้องมุ่งผลสัมฤทธิ์ของงาน ปฏิบัติงานอย่างมีคุณภาพ โปร่งใส และตรวจสอบได้

**ข้อ 10** พนักงานส่วนท้องถิ่นต้องปฏิบัติหน้าที่อย่างเป็นธรรมและไม่เลือกปฏิบัติ
ให้บริการประชาชนด้วยความสุภาพ เต็มใจ รวดเร็ว และเสมอภาค

**ข้อ 11** พนักงานส่วนท้องถิ่นต้องดำรงตนเป็นแบบอย่างที่ดีและรักษาภาพลักษณ์ของทางราชการ
ทั้งในเวลาราชการและนอกเวลาราชการ

## หมวด 3 แนวทางการประพฤติปฏิบัติ

**ข้อ 12** พนักงานส่วนท้องถิ่นต้องไม่เรียก รับ หรือยอมจะรับทรัพย์สินหรือประโยชน์อื่นใด
จากผู้มาติดต่อหรือผู้มีส่วนได้เสียกับการปฏิบัติหน้าที่ของตน
เว้นแต่การรับโดยธรรมจรรยาตามหลักเกณฑ์ที่คณะกรรมการ ป.ป.ช. กำหนด

**ข้อ 13** พนักงานส่วนท้องถิ่นต้องใช้ทรัพย์สินของทางราชการ รวมถึงรถยนต์ส่วนกลาง วัสดุ และครุภัณฑ์
อย่างประหยัด คุ้มค่า และเพื่อประโยชน์ของทางราชการเท่านั้น

**ข้อ 14** พนักงานส่วนท้องถิ่นต้องรักษาความลับของทางราชการและข้อมูลส่วนบุคคลของประชาชน
ที่ได้มาจากการปฏิบัติหน้าที่ และไม่นำไปใช้หรือเปิดเผยโดยไม่มีอำนาจหน้าที่

**ข้อ 15** พนักงานส่วนท้องถิ่นต้องไม่ใช้ตำแหน่งหน้าที่หรืออิทธิพลของตนเพื่อแสวงหาประโยชน์
ให้แก่ตนเอง ครอบครัว ญาติ หรือพวกพ้อง

## หมวด 4 กลไกและระบบการบังคับใช้

**ข้อ 16** ให้มีคณะกรรมการจริยธรรมเทศบาลเมืองบ้านสวน ทำหน้าที่ควบคุม กำกับ และส่งเสริม
ให้มีการปฏิบัติตามประมวลจริยธรรมนี้ ตลอดจนวินิจฉัยปัญหาการปรับใช้ประมวลจริยธรรม

**ข้อ 17** ให้งานการเจ้าหน้าที่ สำนักปลัดเทศบาล เผยแพร่ประมวลจริยธรรมนี้ให้พนักงานส่วนท้องถิ่นทุกคนทราบ
และจัดกิจกรรมหรือการฝึกอบรมเพื่อเสริมสร้างความรู้ความเข้าใจด้านจริยธรรม

**ข้อ 18** การฝ่าฝืนประมวลจริยธรรมนี้ให้ถือเป็นการกระทำผิดทางวินัย
โดยให้ผู้บังคับบัญชาพิจารณาดำเนินการตามความร้ายแรงแห่งการกระทำ

ประกาศ ณ วันที่ 15 มีนาคม พ.ศ. 2565

นายสมเกียรติ ธนากร
นายกเทศมนตรีเมืองบ้านสวน
"""

_OFFICIAL_CODE_2568_MD: str = """\
# ประมวลจริยธรรมพนักงานส่วนท้องถิ่นของเทศบาลเมืองบ้านสวน (ฉบับปรับปรุง) พ.ศ. 2568

อาศัยอำนาจตามพระราชบัญญัติมาตรฐานทางจริยธรรม พ.ศ. 2562 ประกอบกับประกาศคณะกรรมการมาตรฐาน
การบริหารงานบุคคลส่วนท้องถิ่น เรื่อง ประมวลจริยธรรมพนักงานส่วนท้องถิ่น เทศบาลเมืองบ้านสวนจึงปรับปรุง
ประมวลจริยธรรมนี้ให้สอดคล้องกับหลักเกณฑ์การรับทรัพย์สินโดยธรรมจรรยาและการใช้สื่อสังคมออนไลน์
เพื่อให้พนักงานส่วนท้องถิ่นปฏิบัติหน้าที่ด้วยความซื่อสัตย์สุจริต โปร่งใส และได้รับความไว้วางใจจากประชาชน

## หมวด 1 บททั่วไป

**ข้อ 1** ประมวลจริยธรรมนี้เรียกว่า “ประมวลจริยธรรมพนักงานส่วนท้องถิ่นของเทศบาลเมืองบ้านสวน
(ฉบับปรับปรุง) พ.ศ. 2568”

**ข้อ 2** ประมวลจริยธรรมนี้ให้ใช้บังคับตั้งแต่วันที่ 1 ตุลาคม พ.ศ. 2568 เป็นต้นไป
และให้ยกเลิกประมวลจริยธรรมพนักงานส่วนท้องถิ่นของเทศบาลเมืองบ้านสวน พ.ศ. 2565

**ข้อ 3** ในประมวลจริยธรรมนี้

- “พนักงานส่วนท้องถิ่น” หมายความว่า พนักงานเทศบาล พนักงานครูเทศบาล ลูกจ้างประจำ
  และพนักงานจ้างของเทศบาลเมืองบ้านสวน
- “ผู้บังคับบัญชา” หมายความว่า ผู้บังคับบัญชาตามกฎหมายว่าด้วยระเบียบบริหารงานบุคคลส่วนท้องถิ่น
- “คณะกรรมการจริยธรรม” หมายความว่า คณะกรรมการจริยธรรมเทศบาลเมืองบ้านสวน
- “สื่อสังคมออนไลน์” หมายความว่า ช่องทางสื่อสารทางอินเทอร์เน็ตที่ผู้ใช้เผยแพร่เนื้อหาได้เอง
  เช่น เฟซบุ๊ก ไลน์ ติ๊กต็อก และยูทูบ

**ข้อ 4** ให้นายกเทศมนตรีเมืองบ้านสวนรักษาการตามประมวลจริยธรรมนี้

## หมวด 2 มาตรฐานทางจริยธรรม

**ข้อ 5** พนักงานส่วนท้องถิ่นต้องยึดมั่นในสถาบันหลักของประเทศ อันได้แก่ ชาติ ศาสนา พระมหากษัตริย์
และการปกครองระบอบประชาธิปไตยอันมีพระมหากษัตริย์ทรงเป็นประมุข

**ข้อ 6** พนักงานส่วนท้องถิ่นต้องซื่อสัตย์สุจริต มีจิตสำนึกที่ดี และรับผิดชอบต่อหน้าที่
ตรงต่อเวลา และใช้เวลาราชการให้เกิดประโยชน์ต่อทางราชการอย่างเต็มที่

**ข้อ 7** พนักงานส่วนท้องถิ่นต้องกล้าตัดสินใจและกระทำในสิ่งที่ถูกต้องชอบธรรม
ไม่ปฏิบัติตามคำสั่งที่ตนรู้ว่าขัดต่อกฎหมาย และรายงานการกระทำที่ไม่ถูกต้องต่อผู้บังคับบัญชา
หรือคณะกรรมการจริยธรรม โดยผู้รายงานโดยสุจริตย่อมได้รับความคุ้มครอง

**ข้อ 8** พนักงานส่วนท้องถิ่นต้องยึดถือประโยชน์ของประเทศชาติและประโยชน์ส่วนรวมเหนือประโยชน์ส่วนตน
ไม่กระทำการอันเป็นการขัดกันระหว่างประโยชน์ส่วนตนกับประโยชน์ส่วนรวม
หากมีส่วนได้เสียในเรื่องที่ตนปฏิบัติหน้าที่ ต้องแจ้งผู้บังคับบัญชาเป็นหนังสือและถอนตัวจากการพิจารณาเรื่องนั้น

**ข้อ 9** พนักงานส่วนท้องถิ่นต้องมุ่งผลสัมฤทธิ์ของงาน ปฏิบัติงานอย่างมีคุณภาพ โปร่งใส และตรวจสอบได้

**ข้อ 10** พนักงานส่วนท้องถิ่นต้องปฏิบัติหน้าที่อย่างเป็นธรรมและไม่เลือกปฏิบัติ
ให้บริการประชาชนด้วยความสุภาพ เต็มใจ รวดเร็ว และเสมอภาค

**ข้อ 11** พนักงานส่วนท้องถิ่นต้องดำรงตนเป็นแบบอย่างที่ดีและรักษาภาพลักษณ์ของทางราชการ
ทั้งในเวลาราชการและนอกเวลาราชการ

## หมวด 3 แนวทางการประพฤติปฏิบัติ

**ข้อ 12** พนักงานส่วนท้องถิ่นต้องไม่เรียก รับ หรือยอมจะรับทรัพย์สินหรือประโยชน์อื่นใด
จากผู้มาติดต่อหรือผู้มีส่วนได้เสียกับการปฏิบัติหน้าที่ของตน
การรับโดยธรรมจรรยาจากบุคคลอื่นซึ่งมิใช่ญาติให้รับได้มีราคาหรือมูลค่าไม่เกิน 3,000 บาท
ต่อบุคคลต่อโอกาส หากจำเป็นต้องรับสิ่งที่มีมูลค่าเกินกว่านั้น ให้รายงานผู้บังคับบัญชาภายใน 30 วัน
เพื่อพิจารณาว่าสมควรคืนหรือส่งมอบเป็นของหน่วยงาน

**ข้อ 13** พนักงานส่วนท้องถิ่นต้องใช้ทรัพย์สินของทางราชการ รวมถึงรถยนต์ส่วนกลาง วัสดุ และครุภัณฑ์
อย่างประหยัด คุ้มค่า และเพื่อประโยชน์ของทางราชการเท่านั้น การใช้รถยนต์ส่วนกลางต้องได้รับอนุญาต
และบันทึกการใช้รถทุกครั้ง การยืมทรัพย์สินออกนอกสำนักงานให้เป็นไปตามระเบียบการยืมพัสดุ

**ข้อ 14** พนักงานส่วนท้องถิ่นต้องรักษาความลับของทางราชการและข้อมูลส่วนบุคคลของประชาชน
ที่ได้มาจากการปฏิบัติหน้าที่ และไม่นำไปใช้หรือเปิดเผยโดยไม่มีอำนาจหน้าที่
ตามกฎหมายว่าด้วยการคุ้มครองข้อมูลส่วนบุคคล

**ข้อ 14/1** พนักงานส่วนท้องถิ่นพึงใช้สื่อสังคมออนไลน์อย่างระมัดระวัง ไม่เผยแพร่ข้อมูลของทางราชการ
ที่ยังไม่เปิดเผย ภาพหรือข้อมูลของผู้มาติดต่อราชการ หรือข้อความที่สร้างความเกลียดชังหรือทำให้
ทางราชการเสื่อมเสีย และไม่ใช้ตำแหน่งหน้าที่รับรองหรือโฆษณาสินค้าหรือบริการ

**ข้อ 15** พนักงานส่วนท้องถิ่นต้องไม่ใช้ตำแหน่งหน้าที่หรืออิทธิพลของตนเพื่อแสวงหาประโยชน์
ให้แก่ตนเอง ครอบครัว ญาติ หรือพวกพ้อง

## หมวด 4 กลไกและระบบการบังคับใช้

**ข้อ 16** ให้มีคณะกรรมการจริยธรรมเทศบาลเมืองบ้านสวน ทำหน้าที่ควบคุม กำกับ และส่งเสริม
ให้มีการปฏิบัติตามประมวลจริยธรรมนี้ ตลอดจนวินิจฉัยปัญหาการปรับใช้ประมวลจริยธรรม
และให้มีคณะทำงานให้คำปรึกษาด้านจริยธรรม ตอบข้อซักถามของพนักงานภายใน 15 วันทำการ
และเผยแพร่คำถามคำตอบที่เป็นประโยชน์โดยไม่เปิดเผยตัวผู้ถาม

**ข้อ 17** ให้งานการเจ้าหน้าที่ สำนักปลัดเทศบาล เผยแพร่ประมวลจริยธรรมนี้ให้พนักงานส่วนท้องถิ่นทุกคนทราบ
โดยให้พนักงานส่วนท้องถิ่นลงนามรับทราบทุกครั้งที่มีการประกาศใช้หรือปรับปรุงประมวลจริยธรรม
และเข้ารับการฝึกอบรมที่มีสาระด้านจริยธรรมอย่างน้อยปีงบประมาณละหนึ่งครั้ง

**ข้อ 18** การฝ่าฝืนประมวลจริยธรรมนี้ให้ถือเป็นการกระทำผิดทางวินัย
โดยให้ผู้บังคับบัญชาพิจารณาดำเนินการตามความร้ายแรงแห่งการกระทำ

ประกาศ ณ วันที่ 15 กันยายน พ.ศ. 2568

นายประเสริฐ วงศ์ใหญ่
นายกเทศมนตรีเมืองบ้านสวน
"""

_OFFICIAL_AUDIENCE: list[str] = [
    "local_official",
    "teacher",
    "permanent_worker",
    "mission_contract",
    "general_contract",
]

# Dos & Don'ts of each code version; "clause" points into that version's body.
# fmt: off
_EXECUTIVE_2564_DOS_DONTS: list[dict[str, str]] = [
    {"kind": "dont", "clause": "ข้อ 12",
     "text_th": "ไม่ฝากหรือสั่งการให้รับบุคคลใดเข้าทำงานในเทศบาล นอกกระบวนการสรรหาตามระเบียบ",
     "text_en": "Do not push anyone into a municipal job outside the regular recruitment process.",
     "example_th": (
         "หัวคะแนนขอให้ช่วยฝากลูกชายเข้าเป็นพนักงานจ้างทั่วไปที่กองช่าง "
         "ควรแนะนำให้สมัครตามประกาศรับสมัครเหมือนผู้สมัครรายอื่น")},
    {"kind": "dont", "clause": "ข้อ 13",
     "text_th": "ไม่ให้คู่สมรส ญาติ หรือกิจการของตนเป็นคู่สัญญากับเทศบาล",
     "text_en": "Do not let your spouse, relatives or own business contract with the municipality.",
     "example_th": (
         "ร้านวัสดุก่อสร้างของภรรยารองนายกฯ ต้องการยื่นเสนอราคาโครงการซ่อมถนน "
         "แม้จะเสนอราคาต่ำสุด ก็เป็นการมีส่วนได้เสียโดยอ้อมที่ต้องห้าม")},
    {"kind": "dont", "clause": "ข้อ 14",
     "text_th": "ไม่รับของขวัญ เงิน หรือการเลี้ยงรับรองจากผู้รับเหมาหรือผู้ที่กำลังติดต่อกับเทศบาล",
     "text_en": (
         "Do not accept gifts, money or hospitality from "
         "contractors or others dealing with the municipality."),
     "example_th": "ในงานทำบุญวันเกิด ผู้รับเหมาที่กำลังรอตรวจรับงานนำซองเงินมาร่วมทำบุญ ควรปฏิเสธอย่างสุภาพ"},
    {"kind": "dont", "clause": "ข้อ 15",
     "text_th": "ไม่ใช้ทรัพย์สินหรือกิจกรรมของเทศบาลเพื่อประชาสัมพันธ์ตนเองทางการเมือง",
     "text_en": "Do not use municipal property or events for personal political promotion.",
     "example_th": "ติดป้ายรูปตนเองพร้อมข้อความหาเสียงบนเต็นท์ของเทศบาลที่ให้ชุมชนยืมไปจัดงานบุญ"},
    {"kind": "do", "clause": "ข้อ 16",
     "text_th": "เปิดเผยแผนและผลการจัดซื้อจัดจ้างให้ประชาชนตรวจสอบได้ทางเว็บไซต์ของเทศบาล",
     "text_en": "Publish procurement plans and results on the municipal website.",
     "example_th": ""},
    {"kind": "do", "clause": "ข้อ 11",
     "text_th": "ประกาศเจตนารมณ์ไม่รับของขวัญ (No Gift Policy) และปฏิบัติเป็นแบบอย่าง",
     "text_en": "Declare and personally follow the No Gift Policy.",
     "example_th": "ช่วงปีใหม่ แจ้งผ่านเพจเทศบาลว่าผู้บริหารงดรับกระเช้า และขอเชิญชวนให้นำไปบริจาคแก่ผู้ยากไร้แทน"},
    {"kind": "do", "clause": "ข้อ 10",
     "text_th": "ให้บริการและช่วยเหลือประชาชนทุกชุมชนอย่างเท่าเทียม ไม่ว่าจะสนับสนุนตนหรือไม่",
     "text_en": "Serve every community equally, whether or not it supported you.",
     "example_th": "จัดลำดับการซ่อมถนนตามความเดือดร้อนและแผนพัฒนาท้องถิ่น ไม่ใช่ตามคะแนนเสียงที่ได้รับในแต่ละชุมชน"},
]

_COUNCIL_2564_DOS_DONTS: list[dict[str, str]] = [
    {"kind": "do", "clause": "ข้อ 12",
     "text_th": "เข้าประชุมสภาอย่างสม่ำเสมอ หากติดภารกิจให้ลาเป็นหนังสือต่อประธานสภา",
     "text_en": "Attend council sessions regularly; request leave in writing when you cannot.",
     "example_th": ""},
    {"kind": "dont", "clause": "ข้อ 13",
     "text_th": "ไม่โทรศัพท์สั่งการพนักงานเทศบาลให้ทำงานให้ตนหรือผู้สนับสนุนก่อนผู้อื่น",
     "text_en": "Do not instruct municipal staff to serve you or your supporters first.",
     "example_th": "โทรหาผู้อำนวยการกองช่างให้ส่งรถไปเกรดถนนหน้าบ้านหัวคะแนนก่อนคิว ควรยื่นคำร้องตามช่องทางปกติแทน"},
    {"kind": "dont", "clause": "ข้อ 14",
     "text_th": "ไม่เป็นคู่สัญญาหรือถือหุ้นในกิจการที่รับงานจากเทศบาล",
     "text_en": "Do not be a party to, or hold shares in a business holding, a municipal contract.",
     "example_th": ""},
    {"kind": "do", "clause": "ข้อ 14",
     "text_th": "แจ้งต่อที่ประชุมและงดออกเสียง เมื่อตนหรือญาติมีส่วนได้เสียในญัตติที่พิจารณา",
     "text_en": "Declare your interest and abstain when you or a relative has a stake in a motion.",
     "example_th": "สภาพิจารณาโอนงบประมาณขยายเขตไฟฟ้าเข้าซอยที่ตนมีที่ดินอยู่ ควรแจ้งส่วนได้เสียและงดออกเสียง"},
    {"kind": "dont", "clause": "ข้อ 15",
     "text_th": "ไม่นำข้อมูลโครงการที่ยังไม่ประกาศไปซื้อที่ดินหรือบอกต่อให้ผู้อื่นหาประโยชน์",
     "text_en": "Do not use unannounced project information to buy land or tip off others.",
     "example_th": "ทราบจากการประชุมคณะกรรมการแปรญัตติว่าจะตัดถนนสายใหม่ แล้วรีบซื้อที่ดินแนวถนนไว้ก่อน"},
    {"kind": "do", "clause": "ข้อ 12",
     "text_th": "อภิปรายด้วยถ้อยคำสุภาพ อ้างอิงข้อเท็จจริง และเคารพความเห็นที่แตกต่าง",
     "text_en": "Debate courteously, rely on facts and respect differing views.",
     "example_th": ""},
]

_OFFICIAL_2565_DOS_DONTS: list[dict[str, str]] = [
    {"kind": "dont", "clause": "ข้อ 12",
     "text_th": "ไม่รับของขวัญหรือของกำนัลจากผู้มาติดต่อราชการหรือผู้รับเหมา (No Gift Policy)",
     "text_en": (
         "Do not accept gifts from people dealing with the "
         "office or from contractors (No Gift Policy)."),
     "example_th": "ผู้รับเหมาที่กำลังจะส่งมอบงานนำกระเช้าปีใหม่มาวางไว้ที่กองช่าง ควรปฏิเสธอย่างสุภาพ แม้จะเป็นเทศกาลก็ตาม"},
    {"kind": "do", "clause": "ข้อ 12",
     "text_th": "ปฏิเสธของขวัญอย่างสุภาพ หากปฏิเสธไม่ได้ให้แจ้งผู้บังคับบัญชาทราบ",
     "text_en": "Decline gifts politely; if you cannot, tell your supervisor.",
     "example_th": ""},
    {"kind": "dont", "clause": "ข้อ 13",
     "text_th": "ไม่ใช้รถยนต์ส่วนกลางไปทำธุระส่วนตัว",
     "text_en": "Do not use official vehicles for personal errands.",
     "example_th": (
         "ขับรถส่วนกลางกลับจากประชุมที่ศาลากลางจังหวัด "
         "แล้วแวะรับลูกที่โรงเรียนซึ่งอยู่ระหว่างทาง ก็ถือเป็นการใช้เพื่อประโยชน์ส่วนตน")},
    {"kind": "dont", "clause": "ข้อ 13",
     "text_th": "ไม่นำวัสดุสำนักงาน เช่น กระดาษ หมึกพิมพ์ ไปใช้ส่วนตัวหรือนำกลับบ้าน",
     "text_en": "Do not take office supplies such as paper or toner for private use.",
     "example_th": "พิมพ์รายงานการบ้านของลูกด้วยเครื่องพิมพ์และกระดาษของสำนักงาน"},
    {"kind": "do", "clause": "ข้อ 8",
     "text_th": "แจ้งผู้บังคับบัญชาและขอถอนตัว เมื่อตนหรือญาติมีส่วนได้เสียในเรื่องที่รับผิดชอบ",
     "text_en": "Tell your supervisor and step aside when you or a relative has an interest in your work.",
     "example_th": "ได้รับแต่งตั้งเป็นกรรมการตรวจรับพัสดุ แต่ผู้รับจ้างเป็นบริษัทของลูกพี่ลูกน้อง"},
    {"kind": "do", "clause": "ข้อ 10",
     "text_th": "ให้บริการประชาชนตามลำดับคิวอย่างเท่าเทียม",
     "text_en": "Serve the public in queue order, equally.",
     "example_th": "ญาติผู้ใหญ่มาชำระภาษีที่ดินและสิ่งปลูกสร้าง แล้วขอให้ช่วยทำให้ก่อนคนอื่น"},
    {"kind": "dont", "clause": "ข้อ 14",
     "text_th": "ไม่เปิดเผยข้อมูลส่วนบุคคลของประชาชนที่ได้มาจากการปฏิบัติหน้าที่",
     "text_en": "Do not disclose citizens' personal data obtained through your work.",
     "example_th": "เพื่อนขอเบอร์โทรศัพท์ของผู้สูงอายุที่มารับเบี้ยยังชีพ เพื่อไปเสนอขายประกัน"},
    {"kind": "do", "clause": "ข้อ 6",
     "text_th": "ลงเวลาปฏิบัติราชการด้วยตนเองตามเวลาจริง",
     "text_en": "Record your own working hours truthfully.",
     "example_th": "ฝากเพื่อนร่วมงานลงชื่อมาปฏิบัติงานแทนในวันที่ตนมาสาย"},
]

_OFFICIAL_2568_DOS_DONTS: list[dict[str, str]] = [
    {"kind": "dont", "clause": "ข้อ 12",
     "text_th": "ไม่รับของขวัญจากผู้มีส่วนได้เสียกับงานของตนทุกกรณี และไม่รับจากผู้อื่นที่มิใช่ญาติเกินมูลค่า 3,000 บาทต่อโอกาส",
     "text_en": (
         "Never accept gifts from anyone with a stake in your work, "
         "nor gifts over 3,000 baht per occasion from non-relatives."),
     "example_th": (
         "ผู้รับเหมาที่กำลังจะส่งมอบงานนำกระเช้าปีใหม่มูลค่าประมาณ 800 บาท มาให้ที่กองช่าง "
         "แม้มูลค่าไม่เกิน 3,000 บาท ก็ต้องปฏิเสธ เพราะเป็นผู้มีส่วนได้เสีย")},
    {"kind": "do", "clause": "ข้อ 12",
     "text_th": "หากจำเป็นต้องรับสิ่งที่มีมูลค่าเกิน 3,000 บาท ให้รายงานผู้บังคับบัญชาภายใน 30 วันตามแบบรายงานการรับของขวัญ",
     "text_en": (
         "If you must accept something worth over 3,000 "
         "baht, report it to your supervisor within 30 days."),
     "example_th": (
         "ไปศึกษาดูงานแล้วหน่วยงานเจ้าภาพมอบของที่ระลึกมูลค่าสูงต่อหน้าคณะ "
         "รับไว้ได้เพื่อรักษาไมตรี แต่ต้องรายงานและส่งมอบเป็นของเทศบาล")},
    {"kind": "dont", "clause": "ข้อ 13",
     "text_th": "ไม่ใช้รถยนต์ส่วนกลางโดยไม่ได้รับอนุญาตหรือไม่บันทึกการใช้รถ และไม่ใช้ทำธุระส่วนตัว",
     "text_en": (
         "Do not use an official vehicle without permission, "
         "without logging the trip, or for personal errands."),
     "example_th": (
         "ขับรถส่วนกลางกลับจากประชุมที่ศาลากลางจังหวัด "
         "แล้วแวะรับลูกที่โรงเรียนซึ่งอยู่ระหว่างทาง ก็ถือเป็นการใช้เพื่อประโยชน์ส่วนตน")},
    {"kind": "do", "clause": "ข้อ 13",
     "text_th": "ยืมทรัพย์สินของเทศบาลตามแบบคำขอยืมพัสดุ และคืนตามกำหนดในสภาพเรียบร้อย",
     "text_en": "Borrow municipal property only with the loan form and return it on time.",
     "example_th": "ยืมเต็นท์และเก้าอี้ของเทศบาลไปใช้ในงานบวชของลูก โดยไม่ได้ทำเรื่องขอยืม"},
    {"kind": "do", "clause": "ข้อ 8",
     "text_th": "แจ้งผู้บังคับบัญชาเป็นหนังสือและขอถอนตัว เมื่อตนหรือญาติมีส่วนได้เสียในเรื่องที่รับผิดชอบ",
     "text_en": (
         "Tell your supervisor in writing and step aside when "
         "you or a relative has an interest in your work."),
     "example_th": "ได้รับแต่งตั้งเป็นกรรมการตรวจรับพัสดุ แต่ผู้รับจ้างเป็นบริษัทของลูกพี่ลูกน้อง"},
    {"kind": "do", "clause": "ข้อ 10",
     "text_th": "ให้บริการประชาชนตามลำดับคิวอย่างเท่าเทียม",
     "text_en": "Serve the public in queue order, equally.",
     "example_th": "ญาติผู้ใหญ่มาชำระภาษีที่ดินและสิ่งปลูกสร้าง แล้วขอให้ช่วยทำให้ก่อนคนอื่น"},
    {"kind": "dont", "clause": "ข้อ 14",
     "text_th": "ไม่เปิดเผยข้อมูลส่วนบุคคลของประชาชนที่ได้มาจากการปฏิบัติหน้าที่",
     "text_en": "Do not disclose citizens' personal data obtained through your work.",
     "example_th": "เพื่อนขอเบอร์โทรศัพท์ของผู้สูงอายุที่มารับเบี้ยยังชีพ เพื่อไปเสนอขายประกัน"},
    {"kind": "dont", "clause": "ข้อ 14/1",
     "text_th": "ไม่โพสต์ภาพหรือข้อมูลของผู้มาติดต่อราชการ หรือเอกสารราชการที่ยังไม่เปิดเผย ลงสื่อสังคมออนไลน์",
     "text_en": (
         "Do not post photos or details of service users, or "
         "unreleased official documents, on social media."),
     "example_th": "ถ่ายรูปผู้ร้องเรียนที่มาโวยวายที่เคาน์เตอร์แล้วโพสต์ลงกลุ่มไลน์เพื่อนเพื่อระบาย แม้จะเป็นกลุ่มปิดก็ไม่ควรทำ"},
    {"kind": "dont", "clause": "ข้อ 14/1",
     "text_th": "ไม่ใช้ตำแหน่งหรือเครื่องแบบราชการรีวิวหรือโฆษณาสินค้าบนสื่อออนไลน์",
     "text_en": "Do not use your position or uniform to review or advertise products online.",
     "example_th": "ใส่ชุดปกติขาวไลฟ์ขายอาหารเสริมในเพจส่วนตัวนอกเวลาราชการ"},
    {"kind": "do", "clause": "ข้อ 17",
     "text_th": "ลงนามรับทราบประมวลจริยธรรมฉบับใหม่ และเข้ารับการอบรมด้านจริยธรรมอย่างน้อยปีละหนึ่งครั้ง",
     "text_en": "Acknowledge each new version of the code and attend ethics training at least once a year.",
     "example_th": ""},
]
# fmt: on

CODES: list[dict] = [
    {
        "code": "executive_code",
        "title_th": "ประมวลจริยธรรมผู้บริหารท้องถิ่น",
        "title_en": "Code of Ethics for Local Executives",
        "audience": ["executive"],
        "versions": [
            {
                "title_th": "ประมวลจริยธรรมผู้บริหารท้องถิ่นของเทศบาลเมืองบ้านสวน พ.ศ. 2564",
                "effective_date": date(2021, 6, 1),
                "body_md": _EXECUTIVE_CODE_2564_MD,
                "dos_donts": _EXECUTIVE_2564_DOS_DONTS,
            },
        ],
    },
    {
        "code": "council_code",
        "title_th": "ประมวลจริยธรรมสมาชิกสภาท้องถิ่น",
        "title_en": "Code of Ethics for Local Council Members",
        "audience": ["council_member"],
        "versions": [
            {
                "title_th": "ประมวลจริยธรรมสมาชิกสภาท้องถิ่นของเทศบาลเมืองบ้านสวน พ.ศ. 2564",
                "effective_date": date(2021, 6, 1),
                "body_md": _COUNCIL_CODE_2564_MD,
                "dos_donts": _COUNCIL_2564_DOS_DONTS,
            },
        ],
    },
    {
        "code": "official_code",
        "title_th": "ประมวลจริยธรรมพนักงานส่วนท้องถิ่น",
        "title_en": "Code of Ethics for Local Government Officials",
        "audience": _OFFICIAL_AUDIENCE,
        "versions": [
            {
                "title_th": "ประมวลจริยธรรมพนักงานส่วนท้องถิ่นของเทศบาลเมืองบ้านสวน พ.ศ. 2565",
                "effective_date": date(2022, 4, 1),
                "body_md": _OFFICIAL_CODE_2565_MD,
                "dos_donts": _OFFICIAL_2565_DOS_DONTS,
            },
            {
                "title_th": "ประมวลจริยธรรมพนักงานส่วนท้องถิ่นของเทศบาลเมืองบ้านสวน (ฉบับปรับปรุง) พ.ศ. 2568",
                "effective_date": date(2025, 10, 1),
                "body_md": _OFFICIAL_CODE_2568_MD,
                "dos_donts": _OFFICIAL_2568_DOS_DONTS,
            },
        ],
    },
]

# --------------------------------------------------------------------------------------------------------
# Committees and their appointment orders "คำสั่ง ที่ number/year_be". "replaces" is the index of an
# earlier order of the same committee; members refer to PEOPLE by employee_number or are outsiders.
# --------------------------------------------------------------------------------------------------------

_FORMER_MAYOR: str = "นายสมเกียรติ ธนากร"
_MAYOR: str = "นายประเสริฐ วงศ์ใหญ่"
_MAYOR_POSITION: str = "นายกเทศมนตรีเมืองบ้านสวน"

# fmt: off
COMMITTEES: list[dict] = [
    {
        "kind": "code_drafting",
        "name_th": "คณะกรรมการจัดทำประมวลจริยธรรมของพนักงานส่วนท้องถิ่น",
        "name_en": "Committee for Drafting the Code of Ethics of Local Government Officials",
        "mandate_th": (
            "ยกร่าง ทบทวน และปรับปรุงประมวลจริยธรรมพนักงานส่วนท้องถิ่นของเทศบาลเมืองบ้านสวน "
            "ให้สอดคล้องกับมาตรฐานทางจริยธรรมและประกาศคณะกรรมการมาตรฐานการบริหารงานบุคคลส่วนท้องถิ่น "
            "รับฟังความคิดเห็นของพนักงาน และเสนอร่างต่อนายกเทศมนตรีเพื่อพิจารณาประกาศใช้"),
        "orders": [
            {"number": 45, "year_be": 2565,
             "title_th": "แต่งตั้งคณะกรรมการจัดทำประมวลจริยธรรมของพนักงานส่วนท้องถิ่น",
             "signed_on": date(2022, 1, 24), "signed_by_name": _FORMER_MAYOR,
             "signed_by_position": _MAYOR_POSITION,
             "effective_on": date(2022, 1, 24), "ends_on": date(2022, 3, 31), "replaces": None,
             "members": [
                 {"employee_number": "EMP0018", "role": "chair"},
                 {"employee_number": "EMP0019", "role": "vice_chair"},
                 {"employee_number": "EMP0020", "role": "member"},
                 {"employee_number": "EMP0030", "role": "member"},
                 {"employee_number": "EMP0036", "role": "member"},
                 {"employee_number": "EMP0043", "role": "member"},
                 {"employee_number": "EMP0003", "role": "member"},
                 {"employee_number": "EMP0002", "role": "secretary"},
                 {"employee_number": "EMP0023", "role": "assistant_secretary"},
             ]},
            {"number": 76, "year_be": 2568,
             "title_th": "แต่งตั้งคณะกรรมการจัดทำประมวลจริยธรรมของพนักงานส่วนท้องถิ่น (ฉบับปรับปรุง)",
             "signed_on": date(2025, 3, 3), "signed_by_name": _FORMER_MAYOR,
             "signed_by_position": _MAYOR_POSITION,
             "effective_on": date(2025, 3, 3), "ends_on": date(2025, 9, 30), "replaces": None,
             "members": [
                 {"employee_number": "EMP0018", "role": "chair"},
                 {"employee_number": "EMP0019", "role": "vice_chair"},
                 {"employee_number": "EMP0003", "role": "member"},
                 {"employee_number": "EMP0020", "role": "member"},
                 {"employee_number": "EMP0031", "role": "member"},
                 {"employee_number": "EMP0045", "role": "member"},
                 {"employee_number": "EMP0053", "role": "member"},
                 {"outside_name": "นายบรรจง สุขประเสริฐ", "outside_organisation": "ข้าราชการบำนาญ",
                  "outside_position": "ผู้ทรงคุณวุฒิ (อดีตปลัดอำเภอ)", "role": "member"},
                 {"employee_number": "EMP0002", "role": "secretary"},
                 {"employee_number": "EMP0027", "role": "assistant_secretary"},
             ]},
        ],
    },
    {
        "kind": "ethics_committee",
        "name_th": "คณะกรรมการจริยธรรมเทศบาลเมืองบ้านสวน",
        "name_en": "Ban Suan Town Municipality Ethics Committee",
        "mandate_th": (
            "ควบคุม กำกับ ส่งเสริม และให้คำแนะนำในการใช้บังคับประมวลจริยธรรม "
            "สอดส่องดูแลให้มีการปฏิบัติตามประมวลจริยธรรม วินิจฉัยปัญหาหรือข้อสงสัยเกี่ยวกับการปรับใช้ "
            "และพิจารณาเรื่องร้องเรียนการฝ่าฝืนประมวลจริยธรรม แล้วรายงานผลต่อนายกเทศมนตรี"),
        "orders": [
            {"number": 215, "year_be": 2566, "title_th": "แต่งตั้งคณะกรรมการจริยธรรมเทศบาลเมืองบ้านสวน",
             "signed_on": date(2023, 6, 12), "signed_by_name": _FORMER_MAYOR,
             "signed_by_position": _MAYOR_POSITION,
             "effective_on": date(2023, 6, 12), "ends_on": date(2025, 7, 20), "replaces": None,
             "members": [
                 {"employee_number": "EMP0018", "role": "chair"},
                 {"employee_number": "EMP0019", "role": "vice_chair"},
                 {"employee_number": "EMP0030", "role": "member"},
                 {"employee_number": "EMP0036", "role": "member"},
                 {"employee_number": "EMP0043", "role": "member"},
                 {"outside_name": "นายบรรจง สุขประเสริฐ", "outside_organisation": "ข้าราชการบำนาญ",
                  "outside_position": "ผู้ทรงคุณวุฒิ (อดีตปลัดอำเภอ)", "role": "member"},
                 {"outside_name": "นางดวงใจ ศรีอ่อน",
                  "outside_organisation": "สำนักงานส่งเสริมการปกครองท้องถิ่นอำเภอบ้านสวน",
                  "outside_position": "ท้องถิ่นอำเภอบ้านสวน", "role": "member"},
                 {"employee_number": "EMP0020", "role": "secretary"},
                 {"employee_number": "EMP0002", "role": "assistant_secretary"},
             ]},
            {"number": 231, "year_be": 2568, "title_th": "แต่งตั้งคณะกรรมการจริยธรรมเทศบาลเมืองบ้านสวน",
             "signed_on": date(2025, 7, 21), "signed_by_name": _MAYOR, "signed_by_position": _MAYOR_POSITION,
             "effective_on": date(2025, 7, 21), "ends_on": None, "replaces": 0,
             "members": [
                 {"employee_number": "EMP0018", "role": "chair"},
                 {"employee_number": "EMP0019", "role": "vice_chair"},
                 {"employee_number": "EMP0003", "role": "member"},
                 {"employee_number": "EMP0031", "role": "member"},
                 {"employee_number": "EMP0037", "role": "member"},
                 {"employee_number": "EMP0045", "role": "member"},
                 {"outside_name": "นายบรรจง สุขประเสริฐ", "outside_organisation": "ข้าราชการบำนาญ",
                  "outside_position": "ผู้ทรงคุณวุฒิ (อดีตปลัดอำเภอ)", "role": "member"},
                 {"outside_name": "ดร.สุวิทย์ ทองประเสริฐ",
                  "outside_organisation": "คณะรัฐศาสตร์และรัฐประศาสนศาสตร์ มหาวิทยาลัยราชภัฏ",
                  "outside_position": "อาจารย์ประจำ (ผู้ทรงคุณวุฒิ)", "role": "member"},
                 {"employee_number": "EMP0020", "role": "secretary"},
                 {"employee_number": "EMP0002", "role": "assistant_secretary"},
             ]},
        ],
    },
    {
        "kind": "advisory_team",
        "name_th": "คณะทำงานให้คำปรึกษาด้านจริยธรรม",
        "name_en": "Ethics Advisory Team",
        "mandate_th": (
            "ให้คำปรึกษาและตอบข้อซักถามด้านจริยธรรมแก่บุคลากรของเทศบาลภายใน 15 วันทำการ "
            "เผยแพร่คำถามคำตอบที่พบบ่อยโดยไม่เปิดเผยตัวผู้ถาม "
            "และจัดทำแนวปฏิบัติ Dos & Don'ts เสนอคณะกรรมการจริยธรรม"),
        "orders": [
            {"number": 248, "year_be": 2568, "title_th": "แต่งตั้งคณะทำงานให้คำปรึกษาด้านจริยธรรม",
             "signed_on": date(2025, 8, 4), "signed_by_name": _MAYOR, "signed_by_position": _MAYOR_POSITION,
             "effective_on": date(2025, 8, 4), "ends_on": None, "replaces": None,
             "members": [
                 {"employee_number": "EMP0019", "role": "chair"},
                 {"employee_number": "EMP0003", "role": "member"},
                 {"employee_number": "EMP0020", "role": "member"},
                 {"employee_number": "EMP0044", "role": "member"},
                 {"employee_number": "EMP0054", "role": "member"},
                 # Transferred to another municipality from 16 January 2027: the term ends on the 15th.
                 {"employee_number": "EMP0061", "role": "member", "ends_on": date(2027, 1, 15)},
                 {"employee_number": "EMP0002", "role": "secretary"},
             ]},
        ],
    },
]
# fmt: on

# --------------------------------------------------------------------------------------------------------
# Training
# --------------------------------------------------------------------------------------------------------

COURSE_TOPICS: list[dict[str, str | bool]] = [
    {
        "code": "ethical_standards",
        "name_th": "มาตรฐานทางจริยธรรม",
        "name_en": "Ethical standards",
        "is_ethics": True,
    },
    {"code": "code_of_ethics", "name_th": "ประมวลจริยธรรม", "name_en": "Code of ethics", "is_ethics": True},
    {
        "code": "anti_corruption",
        "name_th": "การป้องกันและต่อต้านการทุจริต",
        "name_en": "Anti-corruption",
        "is_ethics": True,
    },
    {
        "code": "no_gift",
        "name_th": "นโยบายไม่รับของขวัญ (No Gift Policy)",
        "name_en": "No Gift Policy",
        "is_ethics": True,
    },
    {
        "code": "conflict_of_interest",
        "name_th": "ผลประโยชน์ทับซ้อน",
        "name_en": "Conflict of interest",
        "is_ethics": True,
    },
    {
        "code": "general_competency",
        "name_th": "สมรรถนะทั่วไป",
        "name_en": "General competency",
        "is_ethics": False,
    },
    {"code": "digital_skills", "name_th": "ทักษะดิจิทัล", "name_en": "Digital skills", "is_ethics": False},
]

# fmt: off
COURSES: list[dict[str, str | int | float]] = [
    {"code": "ETH101", "topic": "code_of_ethics", "default_hours": 3,
     "title_th": "มาตรฐานทางจริยธรรมและประมวลจริยธรรมของพนักงานส่วนท้องถิ่น",
     "title_en": "Ethical Standards and the Code of Ethics for Local Officials",
     "description_th": (
         "ทำความเข้าใจมาตรฐานทางจริยธรรมตามพระราชบัญญัติมาตรฐานทางจริยธรรม พ.ศ. 2562 "
         "สาระสำคัญของประมวลจริยธรรมฉบับปรับปรุง พ.ศ. 2568 และกรณีศึกษาพฤติกรรมในพื้นที่สีเทา")},
    {"code": "ETH102", "topic": "conflict_of_interest", "default_hours": 3,
     "title_th": "การป้องกันผลประโยชน์ทับซ้อนในงานจัดซื้อจัดจ้าง",
     "title_en": "Preventing Conflicts of Interest in Public Procurement",
     "description_th": (
         "รูปแบบของผลประโยชน์ทับซ้อนที่พบบ่อยในงานพัสดุและงานช่าง การแจ้งส่วนได้เสียและการถอนตัว "
         "ตามพระราชบัญญัติการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ พ.ศ. 2560")},
    {"code": "ETH103", "topic": "no_gift", "default_hours": 1.5,
     "title_th": "นโยบายไม่รับของขวัญ (No Gift Policy) และการรายงานการรับทรัพย์สิน",
     "title_en": "No Gift Policy and Reporting Gifts Received",
     "description_th": (
         "หลักเกณฑ์การรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยาตามประกาศคณะกรรมการ "
         "ป.ป.ช. วิธีปฏิเสธอย่างสุภาพ และการกรอกแบบรายงานการรับของขวัญ")},
    {"code": "ETH104", "topic": "anti_corruption", "default_hours": 6,
     "title_th": "ปลูกฝังวัฒนธรรมสุจริตและต่อต้านการทุจริต",
     "title_en": "Building an Integrity Culture and Fighting Corruption",
     "description_th": (
         "การคิดแยกแยะประโยชน์ส่วนตนและประโยชน์ส่วนรวม ความอายและความไม่ทนต่อการทุจริต "
         "ช่องทางแจ้งเบาะแสและการคุ้มครองผู้แจ้ง และความรู้เกี่ยวกับการประเมิน ITA")},
    {"code": "ETH105", "topic": "ethical_standards", "default_hours": 3,
     "title_th": "จริยธรรมสำหรับผู้บริหารท้องถิ่นและสมาชิกสภาท้องถิ่น",
     "title_en": "Ethics for Local Executives and Council Members",
     "description_th": (
         "ประมวลจริยธรรมผู้บริหารท้องถิ่นและสมาชิกสภาท้องถิ่น ข้อห้ามการเป็นคู่สัญญากับเทศบาล "
         "การไม่แทรกแซงงานบริหารบุคคล และบทบาทผู้นำในการสร้างองค์กรโปร่งใส")},
    {"code": "GEN201", "topic": "general_competency", "default_hours": 6,
     "title_th": "การบริการประชาชนด้วยใจ",
     "title_en": "Service with Heart for Citizens",
     "description_th": (
         "ทักษะการสื่อสารและการรับมือผู้มาติดต่อที่ไม่พอใจ "
         "การลดขั้นตอนการให้บริการ และมาตรฐานการให้บริการตามคู่มือประชาชน")},
    {"code": "DIG301", "topic": "digital_skills", "default_hours": 3,
     "title_th": "ระบบสารบรรณอิเล็กทรอนิกส์และความปลอดภัยไซเบอร์สำหรับบุคลากร",
     "title_en": "e-Correspondence and Cyber Security Basics for Staff",
     "description_th": (
         "การใช้ระบบสารบรรณอิเล็กทรอนิกส์ การตั้งรหัสผ่านที่ปลอดภัย "
         "การสังเกตอีเมลหลอกลวง และการคุ้มครองข้อมูลส่วนบุคคลในงานประจำวัน")},
]
# fmt: on

_COUNCIL_HALL: str = "ห้องประชุมสภาเทศบาลเมืองบ้านสวน"
_PALAD_ROOM: str = "ห้องประชุมสำนักปลัดเทศบาล ชั้น 2"
_SCHOOL_HALL: str = "หอประชุมโรงเรียนเทศบาลบ้านสวน"
_SCHOOL_LAB: str = "ห้องคอมพิวเตอร์ โรงเรียนเทศบาลบ้านสวน"
_LEGAL_OFFICER: str = "นางสาวปวีณา ธรรมรักษ์ นิติกรชำนาญการ"
_FINANCE_AND_LEGAL: str = "นางอัญชลี ประทุมวัน ผู้อำนวยการกองคลัง และนางสาวปวีณา ธรรมรักษ์ นิติกรชำนาญการ"
_IT_OFFICER: str = "นายธนวัฒน์ ศรีสุวรรณ นักวิชาการคอมพิวเตอร์ปฏิบัติการ"
_LEADERS: list[str] = ["executive", "council_member"]
_EVERYONE: list[str] = [*_LEADERS, *_OFFICIAL_AUDIENCE]

# Sessions of FY 2569 (1 Oct 2025 - 30 Sep 2026) and FY 2570 (from 1 Oct 2026). Times are Asia/Bangkok.
# A session invites either whole departments or whole staff categories.
# fmt: off
TRAINING_SESSIONS: list[dict] = [
    {"course": "ETH101", "starts_at_local": "2025-11-20 09:00", "ends_at_local": "2025-11-20 12:00",
     "place_th": _COUNCIL_HALL, "speakers_th": _LEGAL_OFFICER, "capacity": 80, "mandatory": True,
     "status": "completed", "invite_departments": [], "invite_categories": _OFFICIAL_AUDIENCE},
    {"course": "ETH103", "starts_at_local": "2025-12-15 13:30", "ends_at_local": "2025-12-15 15:00",
     "place_th": _PALAD_ROOM, "speakers_th": _LEGAL_OFFICER, "capacity": 60, "mandatory": True,
     "status": "completed", "invite_departments": [], "invite_categories": _EVERYONE},
    {"course": "ETH105", "starts_at_local": "2026-01-22 09:00", "ends_at_local": "2026-01-22 12:00",
     "place_th": _COUNCIL_HALL, "speakers_th": "ผู้แทนสำนักงาน ป.ป.ช. ประจำจังหวัด", "capacity": 30,
     "mandatory": True, "status": "completed", "invite_departments": [], "invite_categories": _LEADERS},
    {"course": "ETH102", "starts_at_local": "2026-03-12 09:00", "ends_at_local": "2026-03-12 12:00",
     "place_th": _PALAD_ROOM, "speakers_th": _FINANCE_AND_LEGAL,
     "capacity": 40, "mandatory": False, "status": "completed",
     "invite_departments": ["FIN", "ENG", "PALAD"], "invite_categories": []},
    {"course": "GEN201", "starts_at_local": "2026-04-23 09:00", "ends_at_local": "2026-04-23 16:00",
     "place_th": _COUNCIL_HALL, "speakers_th": "วิทยากรจากสถาบันพัฒนาบุคลากรท้องถิ่น", "capacity": 50,
     "mandatory": False, "status": "completed",
     "invite_departments": ["PALAD", "FIN", "HEALTH", "WELFARE"], "invite_categories": []},
    {"course": "DIG301", "starts_at_local": "2026-06-18 13:00", "ends_at_local": "2026-06-18 16:00",
     "place_th": _SCHOOL_LAB, "speakers_th": _IT_OFFICER, "capacity": 25, "mandatory": False,
     "status": "cancelled", "invite_departments": ["PALAD", "FIN"], "invite_categories": []},
    {"course": "DIG301", "starts_at_local": "2026-07-09 13:00", "ends_at_local": "2026-07-09 16:00",
     "place_th": _SCHOOL_LAB, "speakers_th": _IT_OFFICER, "capacity": 25, "mandatory": False,
     "status": "completed", "invite_departments": ["PALAD", "FIN"], "invite_categories": []},
    {"course": "ETH104", "starts_at_local": "2026-08-20 08:30", "ends_at_local": "2026-08-20 16:30",
     "place_th": _SCHOOL_HALL, "speakers_th": "ผู้แทนศูนย์ปฏิบัติการต่อต้านการทุจริต กระทรวงมหาดไทย",
     "capacity": 100, "mandatory": True, "status": "completed",
     "invite_departments": [], "invite_categories": _OFFICIAL_AUDIENCE},
    {"course": "ETH101", "starts_at_local": "2026-09-10 13:00", "ends_at_local": "2026-09-10 16:00",
     "place_th": _SCHOOL_HALL, "speakers_th": _LEGAL_OFFICER, "capacity": 40, "mandatory": True,
     "status": "completed", "invite_departments": ["EDU"], "invite_categories": []},
    {"course": "ETH101", "starts_at_local": "2026-10-29 09:00", "ends_at_local": "2026-10-29 12:00",
     "place_th": _COUNCIL_HALL, "speakers_th": _LEGAL_OFFICER, "capacity": 80, "mandatory": True,
     "status": "completed", "invite_departments": [], "invite_categories": _OFFICIAL_AUDIENCE},
    {"course": "ETH103", "starts_at_local": "2026-11-18 13:30", "ends_at_local": "2026-11-18 15:00",
     "place_th": _PALAD_ROOM, "speakers_th": _LEGAL_OFFICER, "capacity": 60, "mandatory": True,
     "status": "completed", "invite_departments": [], "invite_categories": _EVERYONE},
    {"course": "DIG301", "starts_at_local": "2026-12-01 13:00", "ends_at_local": "2026-12-01 16:00",
     "place_th": _SCHOOL_LAB, "speakers_th": _IT_OFFICER, "capacity": 35, "mandatory": True,
     "status": "open", "invite_departments": ["PALAD", "HEALTH", "EDU"], "invite_categories": []},
    {"course": "ETH102", "starts_at_local": "2026-12-17 09:00", "ends_at_local": "2026-12-17 12:00",
     "place_th": _PALAD_ROOM, "speakers_th": _FINANCE_AND_LEGAL,
     "capacity": 40, "mandatory": False, "status": "open",
     "invite_departments": ["FIN", "ENG"], "invite_categories": []},
    {"course": "ETH105", "starts_at_local": "2027-01-21 09:00", "ends_at_local": "2027-01-21 12:00",
     "place_th": _COUNCIL_HALL, "speakers_th": "ผู้แทนสำนักงาน ป.ป.ช. ประจำจังหวัด", "capacity": 30,
     "mandatory": True, "status": "open", "invite_departments": [], "invite_categories": _LEADERS},
    {"course": "GEN201", "starts_at_local": "2027-02-18 09:00", "ends_at_local": "2027-02-18 16:00",
     "place_th": _COUNCIL_HALL, "speakers_th": "วิทยากรจากสถาบันพัฒนาบุคลากรท้องถิ่น", "capacity": 50,
     "mandatory": False, "status": "planned",
     "invite_departments": ["PALAD", "HEALTH", "WELFARE"], "invite_categories": []},
    {"course": "ETH104", "starts_at_local": "2027-02-25 08:30", "ends_at_local": "2027-02-25 16:30",
     "place_th": _SCHOOL_HALL, "speakers_th": "ผู้แทนศูนย์ปฏิบัติการต่อต้านการทุจริต กระทรวงมหาดไทย",
     "capacity": 100, "mandatory": True, "status": "planned",
     "invite_departments": [], "invite_categories": _OFFICIAL_AUDIENCE},
]
# fmt: on

# --------------------------------------------------------------------------------------------------------
# HR management and development plan, fiscal years 2569-2571. Budgets are baht per fiscal year (B.E.).
# --------------------------------------------------------------------------------------------------------

AREAS: list[dict[str, str]] = [
    {"code": "ethics", "name_th": "ด้านคุณธรรมและจริยธรรม", "name_en": "Ethics and integrity"},
    {"code": "competency", "name_th": "ด้านการพัฒนาสมรรถนะ", "name_en": "Competency development"},
    {"code": "welfare", "name_th": "ด้านสวัสดิการและคุณภาพชีวิต", "name_en": "Welfare and quality of life"},
    {"code": "management", "name_th": "ด้านการบริหารทรัพยากรบุคคล", "name_en": "HR management"},
]

# fmt: off
PLAN: dict = {
    "title_th": "แผนการบริหารและพัฒนาทรัพยากรบุคคล เทศบาลเมืองบ้านสวน ประจำปีงบประมาณ พ.ศ. 2569–2571",
    "title_en": "Ban Suan Town Municipality HR Management and Development Plan, FY 2569–2571",
    "first_fiscal_year": 2569,
    "last_fiscal_year": 2571,
    "approved_on": date(2025, 9, 22),
    "approved_by": "นายประเสริฐ วงศ์ใหญ่ นายกเทศมนตรีเมืองบ้านสวน",
    "items": [
        {"name_th": "โครงการอบรมมาตรฐานทางจริยธรรมและประมวลจริยธรรมของพนักงานส่วนท้องถิ่น", "area": "ethics",
         "objective_th": "เพื่อให้บุคลากรทุกคนรู้และเข้าใจประมวลจริยธรรมฉบับปรับปรุง พ.ศ. 2568 และนำไปปฏิบัติได้",
         "target_participants": 45,
         "indicator_th": "ร้อยละ 90 ของพนักงานเข้ารับการอบรม และร้อยละ 80 ผ่านแบบทดสอบหลังการอบรม",
         "budget": {2569: 25000, 2570: 25000, 2571: 25000}, "fiscal_year": 2569, "quarter": 1,
         "department": "PALAD", "courses": ["ETH101"]},
        {"name_th": "กิจกรรมส่งเสริมนโยบายไม่รับของขวัญ (No Gift Policy)", "area": "ethics",
         "objective_th": "เพื่อสร้างวัฒนธรรมองค์กรที่ไม่รับของขวัญและของกำนัลจากการปฏิบัติหน้าที่",
         "target_participants": 60,
         "indicator_th": "บุคลากรร้อยละ 90 รับทราบประกาศ No Gift Policy และมีรายงานการรับของขวัญทุกไตรมาส",
         "budget": {2569: 5000, 2570: 5000, 2571: 5000}, "fiscal_year": 2569, "quarter": 1,
         "department": "PALAD", "courses": ["ETH103"]},
        {"name_th": "โครงการป้องกันผลประโยชน์ทับซ้อนในงานจัดซื้อจัดจ้าง", "area": "ethics",
         "objective_th": "เพื่อให้เจ้าหน้าที่พัสดุ กรรมการจัดซื้อจัดจ้าง และกรรมการตรวจรับ แยกแยะประโยชน์ส่วนตนได้",
         "target_participants": 25,
         "indicator_th": "ไม่มีเรื่องร้องเรียนเกี่ยวกับผลประโยชน์ทับซ้อนในงานจัดซื้อจัดจ้าง",
         "budget": {2569: 15000, 2570: 15000, 2571: 15000}, "fiscal_year": 2569, "quarter": 2,
         "department": "FIN", "courses": ["ETH102"]},
        {"name_th": "อบรมจริยธรรมสำหรับผู้บริหารท้องถิ่นและสมาชิกสภาท้องถิ่น", "area": "ethics",
         "objective_th": "เพื่อให้ผู้บริหารและสมาชิกสภาเทศบาลเป็นแบบอย่างที่ดีในการปฏิบัติตามประมวลจริยธรรม",
         "target_participants": 12,
         "indicator_th": "ผู้บริหารและสมาชิกสภาเทศบาลเข้ารับการอบรมไม่น้อยกว่าร้อยละ 80",
         "budget": {2569: 20000, 2570: 20000, 2571: 20000}, "fiscal_year": 2569, "quarter": 2,
         "department": "PALAD", "courses": ["ETH105"]},
        {"name_th": "โครงการปลูกฝังวัฒนธรรมสุจริตและต่อต้านการทุจริต", "area": "ethics",
         "objective_th": "เพื่อสร้างความตระหนักและความไม่ทนต่อการทุจริตในทุกระดับ",
         "target_participants": 45,
         "indicator_th": "ผลการประเมิน ITA ตัวชี้วัดการป้องกันการทุจริตไม่ต่ำกว่าร้อยละ 85",
         "budget": {2569: 40000, 2570: 40000, 2571: 45000}, "fiscal_year": 2569, "quarter": 4,
         "department": "PALAD", "courses": ["ETH104"]},
        {"name_th": "โครงการพัฒนาทักษะการบริการประชาชนด้วยใจ", "area": "competency",
         "objective_th": "เพื่อยกระดับคุณภาพการให้บริการและลดเรื่องร้องเรียนด้านพฤติกรรมการให้บริการ",
         "target_participants": 30,
         "indicator_th": "ความพึงพอใจของผู้รับบริการไม่ต่ำกว่าร้อยละ 85",
         "budget": {2569: 30000, 2570: 30000, 2571: 30000}, "fiscal_year": 2569, "quarter": 3,
         "department": "PALAD", "courses": ["GEN201"]},
        {"name_th": "โครงการพัฒนาทักษะดิจิทัลและความปลอดภัยไซเบอร์", "area": "competency",
         "objective_th": "เพื่อให้บุคลากรใช้ระบบสารบรรณอิเล็กทรอนิกส์และคุ้มครองข้อมูลส่วนบุคคลได้ถูกต้อง",
         "target_participants": 20,
         "indicator_th": "หนังสือราชการภายในร้อยละ 80 รับส่งผ่านระบบสารบรรณอิเล็กทรอนิกส์",
         "budget": {2569: 10000, 2570: 10000, 2571: 10000}, "fiscal_year": 2569, "quarter": 3,
         "department": "PALAD", "courses": ["DIG301"]},
        {"name_th": "ส่งบุคลากรเข้ารับการฝึกอบรมตามสายงานกับสถาบันพัฒนาบุคลากรท้องถิ่น", "area": "competency",
         "objective_th": "เพื่อพัฒนาความรู้และทักษะตามมาตรฐานตำแหน่งของพนักงานเทศบาลแต่ละสายงาน",
         "target_participants": 15,
         "indicator_th": "พนักงานเทศบาลได้รับการพัฒนาตามแผนพัฒนารายบุคคล (IDP) ไม่น้อยกว่าร้อยละ 80",
         "budget": {2569: 250000, 2570: 250000, 2571: 260000}, "fiscal_year": 2569, "quarter": 2,
         "department": "PALAD", "courses": []},
        {"name_th": "โครงการยกย่องเชิดชูเกียรติบุคลากรผู้มีคุณธรรมจริยธรรมดีเด่น", "area": "welfare",
         "objective_th": "เพื่อสร้างขวัญกำลังใจและแบบอย่างที่ดีด้านคุณธรรมจริยธรรมในองค์กร",
         "target_participants": 6,
         "indicator_th": "มีการคัดเลือกและประกาศเกียรติคุณบุคลากรดีเด่นปีละหนึ่งครั้งในวันเทศบาล",
         "budget": {2569: 12000, 2570: 12000, 2571: 12000}, "fiscal_year": 2569, "quarter": 2,
         "department": "PALAD", "courses": []},
        {"name_th": "กิจกรรมองค์กรแห่งความสุข (Happy Workplace)", "area": "welfare",
         "objective_th": "เพื่อส่งเสริมสุขภาวะ ความสัมพันธ์อันดี และความผูกพันของบุคลากรต่อองค์กร",
         "target_participants": 60,
         "indicator_th": "ผลสำรวจความผูกพันต่อองค์กรไม่ต่ำกว่าร้อยละ 75",
         "budget": {2569: 20000, 2570: 20000, 2571: 20000}, "fiscal_year": 2569, "quarter": 3,
         "department": "HEALTH", "courses": []},
        {"name_th": "ทบทวนแผนอัตรากำลังและมาตรฐานการประเมินผลการปฏิบัติงาน", "area": "management",
         "objective_th": "เพื่อให้การสรรหา แต่งตั้ง และประเมินผลเป็นไปอย่างโปร่งใส เป็นธรรม และตรวจสอบได้",
         "target_participants": 10,
         "indicator_th": "ประกาศหลักเกณฑ์การประเมินผลการปฏิบัติงานให้บุคลากรทราบก่อนเริ่มรอบการประเมินทุกรอบ",
         "budget": {2569: 0, 2570: 5000, 2571: 0}, "fiscal_year": 2570, "quarter": 1,
         "department": "PALAD", "courses": []},
    ],
}
# fmt: on

# --------------------------------------------------------------------------------------------------------
# Ethics questions. Anonymous questions have no asker (asked_by ""); unanswered ones have answer_th "".
# FAQ wording is anonymised: it names no person and no identifying detail.
# --------------------------------------------------------------------------------------------------------

QUESTION_CATEGORIES: list[dict[str, str]] = [
    {"code": "gifts", "name_th": "การรับของขวัญและประโยชน์อื่นใด", "name_en": "Gifts and benefits"},
    {"code": "conflict_of_interest", "name_th": "ผลประโยชน์ทับซ้อน", "name_en": "Conflict of interest"},
    {"code": "public_property", "name_th": "การใช้ทรัพย์สินของราชการ", "name_en": "Use of public property"},
    {"code": "conduct", "name_th": "ความประพฤติและการวางตน", "name_en": "Personal conduct"},
    {"code": "other", "name_th": "อื่น ๆ", "name_en": "Other"},
]

# fmt: off
QUESTIONS: list[dict] = [
    {"category": "gifts", "anonymous": False, "asked_by": "EMP0038", "asked_on": date(2025, 12, 22),
     "subject_th": "รับกระเช้าปีใหม่จากผู้รับเหมาได้หรือไม่",
     "body_th": (
         "ช่วงใกล้ปีใหม่ ผู้รับเหมาโครงการก่อสร้างรางระบายน้ำที่ผมเป็นผู้ควบคุมงานนำกระเช้าผลไม้มามอบให้ที่กองช่าง "
         "มูลค่าน่าจะไม่เกิน 1,000 บาท รับไว้แล้วแบ่งกันในกองได้หรือไม่ครับ"),
     "answered_by": "EMP0003", "answered_on": date(2025, 12, 24),
     "answer_th": (
         "ไม่ควรรับค่ะ แม้มูลค่าจะไม่เกิน 3,000 บาท แต่ผู้รับเหมารายนี้เป็นผู้มีส่วนได้เสียโดยตรงกับงานที่ท่านควบคุม "
         "การรับอาจทำให้เกิดข้อสงสัยในการตรวจรับงาน ขอให้ปฏิเสธอย่างสุภาพและแจ้งว่าเทศบาลถือปฏิบัตินโยบาย "
         "No Gift Policy หากผู้รับเหมาวางทิ้งไว้แล้ว ให้รายงานผู้อำนวยการกองช่างเพื่อส่งคืนหรือมอบเพื่อการกุศล "
         "และบันทึกไว้เป็นหลักฐาน (ประมวลจริยธรรม ข้อ 12)"),
     "faq": True,
     "faq_question_th": "ผู้รับเหมาที่อยู่ระหว่างทำงานให้เทศบาลนำกระเช้าปีใหม่มามอบให้ รับได้หรือไม่",
     "faq_answer_th": (
         "ไม่ได้ เพราะผู้รับเหมาเป็นผู้มีส่วนได้เสียกับงานของเจ้าหน้าที่ แม้มูลค่าไม่เกิน 3,000 บาทก็ต้องปฏิเสธอย่างสุภาพ "
         "หากปฏิเสธไม่ทัน ให้รายงานผู้บังคับบัญชาเพื่อส่งคืนหรือมอบเพื่อการกุศล และบันทึกไว้เป็นหลักฐาน")},
    {"category": "gifts", "anonymous": False, "asked_by": "EMP0047", "asked_on": date(2026, 1, 14),
     "subject_th": "ผู้ปกครองให้ของขวัญวันครู",
     "body_th": (
         "ในวันครูผู้ปกครองหลายคนฝากของขวัญมากับนักเรียน ส่วนใหญ่เป็นดอกไม้ การ์ด และขนม "
         "แต่มีผู้ปกครองรายหนึ่งให้บัตรกำนัลห้างสรรพสินค้ามูลค่า 2,000 บาท ควรทำอย่างไรคะ"),
     "answered_by": "EMP0003", "answered_on": date(2026, 1, 19),
     "answer_th": (
         "ดอกไม้ การ์ด และขนมที่ให้ตามประเพณีในวันครูมีมูลค่าเล็กน้อย รับได้โดยธรรมจรรยา ส่วนบัตรกำนัลมีลักษณะเทียบเท่าเงินสด "
         "และผู้ปกครองเป็นผู้มีส่วนได้เสียกับการวัดและประเมินผลบุตรของตน ขอให้ส่งคืนพร้อมกล่าวขอบคุณ "
         "โดยอาจส่งคืนผ่านผู้อำนวยการสถานศึกษาเพื่อไม่ให้เกิดความอึดอัดใจ"),
     "faq": True,
     "faq_question_th": "ครูรับของขวัญจากผู้ปกครองในวันครูได้หรือไม่",
     "faq_answer_th": (
         "ของที่ให้ตามประเพณีและมีมูลค่าเล็กน้อย เช่น ดอกไม้ การ์ด หรือขนม รับได้ แต่ไม่ควรรับเงินสด บัตรกำนัล "
         "หรือสิ่งของมูลค่าสูง เพราะผู้ปกครองเป็นผู้มีส่วนได้เสียกับการประเมินผลนักเรียน ให้ส่งคืนอย่างสุภาพ")},
    {"category": "gifts", "anonymous": True, "asked_by": "", "asked_on": date(2026, 2, 3),
     "subject_th": "บัตรกำนัลจากบริษัทที่มาสาธิตเครื่องถ่ายเอกสาร",
     "body_th": (
         "บริษัทที่มาสาธิตเครื่องถ่ายเอกสารรุ่นใหม่แจกบัตรกำนัลร้านกาแฟใบละ 300 บาท "
         "ให้ทุกคนที่เข้าฟัง ขณะนี้เทศบาลกำลังจะจัดซื้อเครื่องถ่ายเอกสาร รับไว้ได้หรือไม่"),
     "answered_by": "EMP0003", "answered_on": date(2026, 2, 9),
     "answer_th": (
         "ไม่ควรรับ แม้มูลค่าต่อคนจะไม่มาก แต่บริษัทอาจเป็นผู้เสนอราคาในการจัดซื้อที่กำลังจะเกิดขึ้น การรับจึงอาจถูกมองว่าเป็นการจูงใจ "
         "ผู้ที่รับไปแล้วให้ส่งคืนผ่านเจ้าหน้าที่พัสดุ กองคลังจะมีหนังสือแจ้งบริษัทว่าเทศบาลถือปฏิบัตินโยบาย No Gift Policy"),
     "faq": True,
     "faq_question_th": "บริษัทที่อาจเข้าเสนอราคาแจกบัตรกำนัลมูลค่าเล็กน้อยในการสาธิตสินค้า รับได้หรือไม่",
     "faq_answer_th": (
         "ไม่ควรรับ เพราะบริษัทอาจเป็นผู้เสนอราคาในการจัดซื้อของเทศบาล "
         "การรับแม้มูลค่าน้อยก็อาจถูกมองว่าเป็นการจูงใจ ให้ส่งคืนผ่านเจ้าหน้าที่พัสดุ")},
    {"category": "conflict_of_interest", "anonymous": False, "asked_by": "EMP0032",
     "asked_on": date(2025, 11, 5), "subject_th": "พี่สาวจะยื่นเสนอราคางานจ้างเหมาทำความสะอาด",
     "body_th": (
         "ผมเป็นนักวิชาการพัสดุ "
         "พี่สาวเปิดบริษัททำความสะอาดและอยากยื่นเสนอราคางานจ้างเหมาทำความสะอาดอาคารสำนักงานเทศบาล "
         "ปีงบประมาณ 2569 บริษัทของพี่สาวยื่นได้หรือไม่ และผมต้องทำอย่างไรบ้างครับ"),
     "answered_by": "EMP0018", "answered_on": date(2025, 11, 10),
     "answer_th": (
         "บริษัทของพี่สาวยื่นเสนอราคาได้ตามกฎหมาย แต่ท่านเป็นผู้มีส่วนได้เสีย "
         "จึงต้องแจ้งผู้อำนวยการกองคลังเป็นหนังสือ และไม่เข้าร่วมในทุกขั้นตอนของการจัดซื้อจัดจ้างรายการนี้ "
         "ตั้งแต่การจัดทำขอบเขตของงาน การพิจารณาผล จนถึงการตรวจรับ "
         "โดยให้ผู้อำนวยการกองคลังมอบหมายเจ้าหน้าที่อื่นดำเนินการแทน (ประมวลจริยธรรม ข้อ 8)"),
     "faq": True,
     "faq_question_th": "ญาติของเจ้าหน้าที่พัสดุยื่นเสนอราคางานของเทศบาลได้หรือไม่",
     "faq_answer_th": (
         "ยื่นได้ แต่เจ้าหน้าที่ผู้เป็นญาติต้องแจ้งผู้บังคับบัญชาเป็นหนังสือ "
         "และถอนตัวจากทุกขั้นตอนของการจัดซื้อจัดจ้างรายการนั้น โดยให้ผู้บังคับบัญชามอบหมายผู้อื่นปฏิบัติหน้าที่แทน")},
    {"category": "conflict_of_interest", "anonymous": True, "asked_by": "", "asked_on": date(2026, 3, 20),
     "subject_th": "ได้รับแต่งตั้งเป็นกรรมการตรวจรับงานของบริษัทเพื่อนสนิท",
     "body_th": (
         "ได้รับคำสั่งแต่งตั้งเป็นกรรมการตรวจรับงานก่อสร้างถนนคอนกรีตเสริมเหล็ก "
         "ซึ่งผู้รับจ้างเป็นบริษัทของเพื่อนสนิทสมัยเรียน ไม่ใช่ญาติ ต้องขอถอนตัวหรือไม่"),
     "answered_by": "EMP0003", "answered_on": date(2026, 3, 26),
     "answer_th": (
         "ความสัมพันธ์ใกล้ชิดส่วนตัว แม้มิใช่ญาติ ก็อาจกระทบความเป็นกลางหรือทำให้ถูกมองว่าไม่เป็นกลางได้ "
         "แนะนำให้แจ้งผู้บังคับบัญชาเป็นหนังสือถึงความสัมพันธ์ดังกล่าว "
         "เพื่อพิจารณาว่าควรแต่งตั้งผู้อื่นแทนหรือไม่ การเปิดเผยไว้ล่วงหน้าเป็นการคุ้มครองตัวท่านเองด้วย"),
     "faq": True,
     "faq_question_th": "ถ้าผู้รับจ้างเป็นเพื่อนสนิทแต่ไม่ใช่ญาติ ต้องถอนตัวจากการเป็นกรรมการตรวจรับหรือไม่",
     "faq_answer_th": (
         "ควรแจ้งผู้บังคับบัญชาเป็นหนังสือเพื่อพิจารณา เพราะความสัมพันธ์ส่วนตัวที่ใกล้ชิดอาจทำให้ถูกมองว่าไม่เป็นกลาง "
         "การเปิดเผยไว้ล่วงหน้าช่วยคุ้มครองทั้งเจ้าหน้าที่และหน่วยงาน")},
    {"category": "conflict_of_interest", "anonymous": False, "asked_by": "EMP0049",
     "asked_on": date(2026, 5, 11), "subject_th": "สอนพิเศษนักเรียนในชั้นเรียนของตนเอง",
     "body_th": "ผู้ปกครองนักเรียนชั้น ป.6 ที่ดิฉันเป็นครูประจำชั้น ขอให้สอนพิเศษที่บ้านช่วงเย็นโดยคิดค่าสอน ทำได้หรือไม่คะ",
     "answered_by": "EMP0003", "answered_on": date(2026, 5, 15),
     "answer_th": (
         "การสอนพิเศษโดยรับค่าตอบแทนจากนักเรียนที่ท่านสอนหรือประเมินผลโดยตรง "
         "เป็นการขัดกันระหว่างประโยชน์ส่วนตนกับประโยชน์ส่วนรวม "
         "เพราะอาจถูกมองว่านักเรียนที่เรียนพิเศษได้เปรียบในการวัดผล จึงไม่ควรรับ หากต้องการสอนพิเศษนอกเวลา "
         "ควรสอนเฉพาะนักเรียนที่ท่านไม่ได้สอนหรือประเมินผล และต้องไม่กระทบเวลาราชการ"),
     "faq": True,
     "faq_question_th": "ครูสอนพิเศษโดยรับค่าตอบแทนจากนักเรียนที่ตนสอนอยู่ได้หรือไม่",
     "faq_answer_th": (
         "ไม่ควร เพราะเป็นผลประโยชน์ทับซ้อนกับการวัดและประเมินผล หากจะสอนพิเศษนอกเวลา "
         "ให้สอนเฉพาะนักเรียนที่ตนไม่ได้สอนหรือประเมินผล และไม่กระทบเวลาราชการ")},
    {"category": "conflict_of_interest", "anonymous": True, "asked_by": "", "asked_on": date(2026, 6, 2),
     "subject_th": "ขายสินค้าออนไลน์นอกเวลาราชการ",
     "body_th": "ขายเสื้อผ้าออนไลน์ผ่านเพจส่วนตัวช่วงกลางคืนและวันหยุด ผิดประมวลจริยธรรมหรือไม่ และขายให้เพื่อนร่วมงานได้ไหม",
     "answered_by": "EMP0019", "answered_on": date(2026, 6, 8),
     "answer_th": (
         "การประกอบอาชีพเสริมนอกเวลาราชการทำได้ หากไม่ใช้เวลาราชการ ทรัพย์สินของราชการ "
         "หรือตำแหน่งหน้าที่ส่งเสริมการขาย ไม่ขายให้ผู้มาติดต่อราชการโดยอาศัยความสัมพันธ์จากงาน "
         "และไม่ใช้เครื่องแบบหรือชื่อเทศบาลในการโฆษณา การขายให้เพื่อนร่วมงานทำได้ "
         "แต่ต้องไม่เป็นการกดดันผู้ใต้บังคับบัญชาให้ซื้อ (ประมวลจริยธรรม ข้อ 14/1 และข้อ 15)"),
     "faq": True,
     "faq_question_th": "พนักงานขายสินค้าออนไลน์นอกเวลาราชการได้หรือไม่",
     "faq_answer_th": (
         "ได้ หากไม่ใช้เวลาราชการ ทรัพย์สินของราชการ ตำแหน่ง หรือเครื่องแบบในการขาย "
         "ไม่อาศัยความสัมพันธ์กับผู้มาติดต่อราชการ และไม่กดดันผู้ใต้บังคับบัญชาให้ซื้อ")},
    {"category": "public_property", "anonymous": True, "asked_by": "", "asked_on": date(2025, 10, 28),
     "subject_th": "แวะทำธุระระหว่างทางด้วยรถส่วนกลาง",
     "body_th": (
         "ขับรถส่วนกลางพาผู้บริหารไปประชุมที่ศาลากลางจังหวัด ขากลับส่งผู้บริหารที่บ้านแล้ว "
         "ผมแวะซื้อของใช้ส่วนตัวที่ห้างก่อนนำรถกลับเทศบาล แบบนี้ผิดหรือไม่"),
     "answered_by": "EMP0003", "answered_on": date(2025, 11, 3),
     "answer_th": (
         "การแวะทำธุระส่วนตัว แม้จะอยู่ระหว่างทาง ถือเป็นการใช้รถยนต์ส่วนกลางเพื่อประโยชน์ส่วนตน "
         "ขัดต่อระเบียบว่าด้วยการใช้รถและประมวลจริยธรรม ข้อ 13 "
         "เมื่อเสร็จภารกิจควรนำรถกลับเทศบาลทันทีและบันทึกการใช้รถตามจริง "
         "หากมีเหตุจำเป็นระหว่างทาง เช่น เติมน้ำมันหรือรถขัดข้อง ให้บันทึกไว้ในสมุดบันทึกการใช้รถ"),
     "faq": True,
     "faq_question_th": "ใช้รถส่วนกลางแวะทำธุระส่วนตัวระหว่างทางกลับจากราชการได้หรือไม่",
     "faq_answer_th": (
         "ไม่ได้ แม้จะอยู่ระหว่างทางก็ถือเป็นการใช้ทรัพย์สินของราชการเพื่อประโยชน์ส่วนตน "
         "เมื่อเสร็จภารกิจให้นำรถกลับทันทีและบันทึกการใช้รถตามจริง")},
    {"category": "public_property", "anonymous": False, "asked_by": "EMP0023", "asked_on": date(2026, 4, 7),
     "subject_th": "ยืมเต็นท์และเก้าอี้ของเทศบาลไปใช้ในงานบวชลูก",
     "body_th": (
         "จะจัดงานบวชลูกชายที่บ้านปลายเดือนเมษายน อยากยืมเต็นท์ 2 "
         "หลังและเก้าอี้ 50 ตัวของเทศบาล ทำได้หรือไม่ และต้องทำอย่างไรคะ"),
     "answered_by": "EMP0003", "answered_on": date(2026, 4, 10),
     "answer_th": (
         "เทศบาลให้ประชาชนและบุคลากรยืมเต็นท์และเก้าอี้ไปใช้ในงานประเพณีได้ตามระเบียบการยืมพัสดุ "
         "โดยยื่นแบบคำขอยืมต่องานพัสดุล่วงหน้า ได้รับอนุญาตก่อนนำออก "
         "ปฏิบัติตามเงื่อนไขและค่าขนย้ายตามประกาศเทศบาลเช่นเดียวกับประชาชนทั่วไป และคืนตามกำหนดในสภาพเรียบร้อย "
         "ทั้งนี้ไม่ควรใช้รถหรือคนงานของเทศบาลขนย้ายในเวลาราชการโดยไม่ได้รับอนุญาต"),
     "faq": True,
     "faq_question_th": "บุคลากรยืมเต็นท์และเก้าอี้ของเทศบาลไปใช้ในงานส่วนตัวได้หรือไม่",
     "faq_answer_th": (
         "ได้ตามระเบียบการยืมพัสดุ โดยยื่นแบบคำขอยืมล่วงหน้า ได้รับอนุญาตก่อน "
         "ปฏิบัติตามเงื่อนไขเดียวกับประชาชนทั่วไป และคืนตามกำหนด ห้ามใช้รถหรือคนงานของเทศบาลขนย้ายโดยไม่ได้รับอนุญาต")},
    {"category": "public_property", "anonymous": True, "asked_by": "", "asked_on": date(2026, 7, 15),
     "subject_th": "พิมพ์เอกสารส่วนตัวด้วยเครื่องพิมพ์ของสำนักงาน",
     "body_th": (
         "บางครั้งต้องพิมพ์สำเนาบัตรประชาชนหรือเอกสารสมัครเรียนของลูกหนึ่งถึงสองแผ่นด้วยเครื่องพิมพ์ของสำนักงาน "
         "ถือว่าผิดจริยธรรมหรือไม่"),
     "answered_by": "EMP0003", "answered_on": date(2026, 7, 20),
     "answer_th": (
         "การใช้ทรัพย์สินของราชการเพื่อประโยชน์ส่วนตัว แม้จำนวนน้อย "
         "ก็ไม่สอดคล้องกับประมวลจริยธรรม ข้อ 13 หากมีความจำเป็นเร่งด่วนเป็นครั้งคราว "
         "ควรขออนุญาตหัวหน้างานและชดใช้ค่าวัสดุตามอัตราที่สำนักปลัดเทศบาลกำหนด "
         "สำหรับเอกสารจำนวนมากควรใช้บริการร้านถ่ายเอกสารภายนอก"),
     "faq": True,
     "faq_question_th": "พิมพ์เอกสารส่วนตัวเล็กน้อยด้วยเครื่องพิมพ์ของสำนักงานได้หรือไม่",
     "faq_answer_th": (
         "ไม่ควร เพราะเป็นการใช้ทรัพย์สินของราชการเพื่อประโยชน์ส่วนตัว "
         "หากจำเป็นเร่งด่วนเป็นครั้งคราว ให้ขออนุญาตหัวหน้างานและชดใช้ค่าวัสดุตามอัตราที่กำหนด")},
    {"category": "conduct", "anonymous": True, "asked_by": "", "asked_on": date(2026, 2, 26),
     "subject_th": "โพสต์วิจารณ์นโยบายของผู้บริหารในเฟซบุ๊กส่วนตัว",
     "body_th": "ไม่เห็นด้วยกับนโยบายย้ายจุดทิ้งขยะของเทศบาล อยากโพสต์แสดงความเห็นในเฟซบุ๊กส่วนตัว จะผิดวินัยหรือจริยธรรมหรือไม่",
     "answered_by": "EMP0003", "answered_on": date(2026, 3, 4),
     "answer_th": (
         "พนักงานมีสิทธิแสดงความคิดเห็นในฐานะประชาชน แต่ควรใช้ถ้อยคำสุภาพ อยู่บนข้อเท็จจริง "
         "ไม่เปิดเผยข้อมูลภายในที่ได้มาจากการปฏิบัติหน้าที่ และไม่ใช้ถ้อยคำที่ทำให้หน่วยงานหรือบุคคลใดเสียหาย "
         "(ประมวลจริยธรรม ข้อ 14/1) ช่องทางที่เหมาะสมกว่าคือเสนอความเห็นผ่านผู้บังคับบัญชาหรือที่ประชุมประจำเดือน "
         "ซึ่งมีโอกาสทำให้นโยบายได้รับการทบทวนจริง"),
     "faq": True,
     "faq_question_th": "แสดงความเห็นไม่เห็นด้วยกับนโยบายของเทศบาลในสื่อสังคมออนไลน์ส่วนตัวได้หรือไม่",
     "faq_answer_th": (
         "ได้ในฐานะประชาชน โดยใช้ถ้อยคำสุภาพ อยู่บนข้อเท็จจริง ไม่เปิดเผยข้อมูลภายในที่ได้จากการปฏิบัติหน้าที่ "
         "และไม่ทำให้ผู้อื่นเสียหาย ช่องทางที่แนะนำคือเสนอผ่านผู้บังคับบัญชาหรือที่ประชุมประจำเดือน")},
    {"category": "conduct", "anonymous": True, "asked_by": "", "asked_on": date(2026, 1, 30),
     "subject_th": "ช่วยญาติหาเสียงเลือกตั้งในวันหยุด",
     "body_th": (
         "น้าชายลงสมัครรับเลือกตั้งสมาชิกสภาผู้แทนราษฎร "
         "หากช่วยแจกแผ่นพับหาเสียงในวันเสาร์อาทิตย์โดยไม่ใส่เครื่องแบบ จะผิดหรือไม่"),
     "answered_by": "EMP0003", "answered_on": date(2026, 2, 3),
     "answer_th": (
         "เจ้าหน้าที่ของรัฐต้องวางตัวเป็นกลางทางการเมืองในการปฏิบัติหน้าที่ การสนับสนุนผู้สมัครในฐานะส่วนตัวนอกเวลาราชการทำได้ "
         "แต่ต้องไม่ใช้ตำแหน่ง เวลา ทรัพย์สิน หรือข้อมูลของราชการ ไม่สวมเครื่องแบบ "
         "ไม่ชักชวนผู้มาติดต่อราชการหรือผู้ใต้บังคับบัญชา "
         "และต้องปฏิบัติตามประกาศของคณะกรรมการการเลือกตั้งเกี่ยวกับเจ้าหน้าที่ของรัฐอย่างเคร่งครัด "
         "หากไม่แน่ใจในกรณีเฉพาะ ให้สอบถามงานนิติการก่อน"),
     "faq": True,
     "faq_question_th": "พนักงานช่วยญาติหาเสียงเลือกตั้งนอกเวลาราชการได้หรือไม่",
     "faq_answer_th": (
         "ทำได้ในฐานะส่วนตัวนอกเวลาราชการ แต่ต้องไม่ใช้ตำแหน่ง เวลา ทรัพย์สิน หรือข้อมูลของราชการ ไม่สวมเครื่องแบบ "
         "ไม่ชักชวนผู้มาติดต่อราชการหรือผู้ใต้บังคับบัญชา และปฏิบัติตามประกาศของคณะกรรมการการเลือกตั้ง")},
    {"category": "conduct", "anonymous": True, "asked_by": "", "asked_on": date(2026, 9, 8),
     "subject_th": "ผู้บังคับบัญชาให้ลงวันที่ย้อนหลังในเอกสาร",
     "body_th": "หัวหน้าให้แก้วันที่ในบันทึกตรวจรับงานให้ย้อนหลังไปหนึ่งสัปดาห์ เพื่อให้ทันรอบเบิกจ่ายก่อนสิ้นปีงบประมาณ ควรทำอย่างไร",
     "answered_by": "EMP0003", "answered_on": date(2026, 9, 10),
     "answer_th": (
         "การลงวันที่ในเอกสารราชการไม่ตรงกับความจริงอาจเป็นความผิดฐานจัดทำเอกสารอันเป็นเท็จ "
         "ท่านมีสิทธิไม่ปฏิบัติตามคำสั่งที่รู้ว่าขัดต่อกฎหมาย (ประมวลจริยธรรม ข้อ 7) ควรทักท้วงเป็นหนังสือ "
         "และหากยังถูกกดดัน สามารถรายงานต่อคณะกรรมการจริยธรรมได้โดยตรง "
         "ผู้รายงานโดยสุจริตได้รับความคุ้มครองและข้อมูลจะถูกเก็บเป็นความลับ คณะทำงานได้ส่งเรื่องให้คณะกรรมการจริยธรรมพิจารณาแล้ว"),
     "faq": False, "faq_question_th": "", "faq_answer_th": ""},
    {"category": "conduct", "anonymous": False, "asked_by": "EMP0054", "asked_on": date(2026, 3, 3),
     "subject_th": "เพื่อนร่วมงานนำรูปจากการออกตรวจไปโพสต์ในกลุ่มไลน์ชุมชน",
     "body_th": (
         "ออกตรวจร้านอาหารที่ถูกร้องเรียนเรื่องปล่อยน้ำเสีย ถ่ายรูปหน้าร้านและเจ้าของร้านไว้เป็นหลักฐาน "
         "เพื่อนร่วมงานนำรูปไปโพสต์ในกลุ่มไลน์ชุมชนพร้อมข้อความตำหนิ ควรทำอย่างไรคะ"),
     "answered_by": "EMP0003", "answered_on": date(2026, 3, 6),
     "answer_th": (
         "ภาพที่ถ่ายเป็นหลักฐานการตรวจเป็นข้อมูลที่ได้มาจากการปฏิบัติหน้าที่และมีข้อมูลส่วนบุคคล "
         "ต้องใช้เพื่อการดำเนินการตามกฎหมายเท่านั้น การนำไปเผยแพร่ในกลุ่มไลน์ชุมชนขัดต่อประมวลจริยธรรม "
         "ข้อ 14 และข้อ 14/1 และอาจขัดต่อกฎหมายคุ้มครองข้อมูลส่วนบุคคล "
         "ขอให้แจ้งเพื่อนร่วมงานลบโพสต์โดยเร็ว รายงานหัวหน้างาน และเก็บภาพหลักฐานไว้ในระบบของกองเท่านั้น"),
     "faq": False, "faq_question_th": "", "faq_answer_th": ""},
    {"category": "other", "anonymous": False, "asked_by": "EMP0034", "asked_on": date(2025, 10, 20),
     "subject_th": "ต้องลงนามรับทราบประมวลจริยธรรมฉบับใหม่อีกหรือไม่",
     "body_th": (
         "หนูเคยลงนามรับทราบประมวลจริยธรรมไปแล้วเมื่อปี 2565 "
         "ฉบับปรับปรุงปี 2568 ต้องลงนามใหม่อีกหรือไม่คะ และพนักงานจ้างต้องลงนามด้วยไหม"),
     "answered_by": "EMP0003", "answered_on": date(2025, 10, 22),
     "answer_th": (
         "ต้องลงนามใหม่ค่ะ ประมวลจริยธรรม (ฉบับปรับปรุง) พ.ศ. 2568 ข้อ 17 "
         "กำหนดให้พนักงานส่วนท้องถิ่นลงนามรับทราบทุกครั้งที่มีการประกาศใช้หรือปรับปรุง "
         "ซึ่งรวมถึงพนักงานจ้างตามภารกิจและพนักงานจ้างทั่วไปด้วย ลงนามรับทราบผ่านระบบได้ที่เมนูประมวลจริยธรรม"),
     "faq": True,
     "faq_question_th": "เมื่อมีประมวลจริยธรรมฉบับปรับปรุง ต้องลงนามรับทราบใหม่หรือไม่",
     "faq_answer_th": (
         "ต้องลงนามใหม่ทุกครั้งที่มีการประกาศใช้หรือปรับปรุงประมวลจริยธรรม ทั้งพนักงานเทศบาล "
         "พนักงานครู ลูกจ้างประจำ และพนักงานจ้าง โดยลงนามรับทราบผ่านระบบได้ที่เมนูประมวลจริยธรรม")},
    {"category": "other", "anonymous": False, "asked_by": "EMP0004", "asked_on": date(2026, 8, 12),
     "subject_th": "พนักงานจ้างทั่วไปต้องเข้าอบรมจริยธรรมด้วยหรือไม่",
     "body_th": (
         "ผมเป็นคนงานทั่วไป ต้องออกงานแต่เช้า "
         "ได้รับแจ้งให้เข้าอบรมปลูกฝังวัฒนธรรมสุจริตทั้งวันในวันที่ 20 สิงหาคม ต้องเข้าด้วยหรือไม่ครับ"),
     "answered_by": "EMP0003", "answered_on": date(2026, 8, 14),
     "answer_th": (
         "ต้องเข้าค่ะ ประมวลจริยธรรมใช้กับพนักงานจ้างทุกประเภท และข้อ 17 "
         "กำหนดให้เข้ารับการอบรมที่มีสาระด้านจริยธรรมอย่างน้อยปีงบประมาณละหนึ่งครั้ง "
         "เวลาที่เข้าอบรมนับเป็นการปฏิบัติราชการ กองสาธารณสุขและสิ่งแวดล้อมจะจัดเวรงานช่วงเช้าให้เสร็จก่อนเวลาอบรม "
         "หากติดภารกิจจริงให้แจ้งหัวหน้างานเพื่อเข้าอบรมรุ่นถัดไป"),
     "faq": True,
     "faq_question_th": "พนักงานจ้างทั่วไปต้องเข้าอบรมด้านจริยธรรมหรือไม่",
     "faq_answer_th": (
         "ต้องเข้า ประมวลจริยธรรมใช้กับพนักงานจ้างทุกประเภท และกำหนดให้เข้ารับการอบรมด้านจริยธรรมอย่างน้อยปีละหนึ่งครั้ง "
         "เวลาอบรมนับเป็นเวลาปฏิบัติราชการ หากติดภารกิจให้แจ้งหัวหน้างานเพื่อเข้ารุ่นถัดไป")},
    {"category": "other", "anonymous": True, "asked_by": "", "asked_on": date(2026, 6, 22),
     "subject_th": "แจ้งเบาะแสการทุจริตโดยไม่เปิดเผยตัวได้หรือไม่",
     "body_th": (
         "พบเห็นพฤติกรรมที่อาจเป็นการทุจริตในการเบิกค่าน้ำมันเชื้อเพลิง "
         "แต่กลัวถูกกลั่นแกล้งหากเปิดเผยตัว จะแจ้งเรื่องได้ทางไหนบ้าง"),
     "answered_by": "EMP0003", "answered_on": date(2026, 6, 25),
     "answer_th": (
         "แจ้งได้โดยไม่ต้องเปิดเผยตัว ทั้งผ่านระบบนี้แบบไม่ระบุตัวตน ซึ่งไม่บันทึกข้อมูลที่ระบุตัวผู้ส่ง "
         "ผ่านช่องทางแจ้งเรื่องร้องเรียนการทุจริตบนเว็บไซต์เทศบาล หรือส่งถึงสำนักงาน ป.ป.ช. "
         "ประจำจังหวัดโดยตรง ขอให้ระบุข้อเท็จจริงให้มากที่สุด เช่น ช่วงเวลา ทะเบียนรถ และเอกสารที่เกี่ยวข้อง "
         "เพื่อให้ตรวจสอบได้ ผู้แจ้งโดยสุจริตได้รับความคุ้มครองตามประมวลจริยธรรม ข้อ 7"),
     "faq": True,
     "faq_question_th": "แจ้งเบาะแสการทุจริตโดยไม่เปิดเผยตัวได้ทางใดบ้าง",
     "faq_answer_th": (
         "แจ้งผ่านระบบนี้แบบไม่ระบุตัวตน ช่องทางร้องเรียนการทุจริตบนเว็บไซต์เทศบาล หรือสำนักงาน ป.ป.ช. ประจำจังหวัดได้ "
         "ควรให้ข้อเท็จจริงที่ตรวจสอบได้ เช่น ช่วงเวลาและเอกสารที่เกี่ยวข้อง ผู้แจ้งโดยสุจริตได้รับความคุ้มครอง")},
    {"category": "gifts", "anonymous": False, "asked_by": "EMP0020", "asked_on": date(2026, 10, 14),
     "subject_th": "ของที่ระลึกจากหน่วยงานที่ไปศึกษาดูงาน",
     "body_th": (
         "พาคณะไปศึกษาดูงานการบริหารจัดการขยะที่เทศบาลแห่งหนึ่ง "
         "เจ้าภาพมอบผ้าไหมทอมือเป็นของที่ระลึกให้หัวหน้าคณะ ราคาน่าจะประมาณ 4,500 บาท ต้องทำอย่างไรคะ"),
     "answered_by": "EMP0018", "answered_on": date(2026, 10, 16),
     "answer_th": (
         "การรับของที่ระลึกจากหน่วยงานเจ้าภาพในพิธีการถือเป็นการรับตามมารยาททางสังคม "
         "แต่เมื่อมูลค่าน่าจะเกิน 3,000 บาท ต้องรายงานนายกเทศมนตรีผ่านปลัดเทศบาลภายใน 30 วันนับแต่วันที่ได้รับ "
         "ตามแบบรายงานการรับของขวัญ (ประมวลจริยธรรม ข้อ 12) หากผู้บังคับบัญชาเห็นว่าไม่สมควรถือไว้เป็นของส่วนตัว "
         "ให้ส่งมอบเป็นทรัพย์สินของเทศบาล เช่น จัดแสดงที่ห้องรับรอง"),
     "faq": False, "faq_question_th": "", "faq_answer_th": ""},
    {"category": "gifts", "anonymous": True, "asked_by": "", "asked_on": date(2026, 11, 20),
     "subject_th": "ผู้รับเหมาเชิญไปงานเลี้ยงปีใหม่ที่ร้านอาหาร",
     "body_th": (
         "ผู้รับเหมาหลายรายร่วมกันจัดงานเลี้ยงปีใหม่ที่ร้านอาหารในตัวอำเภอ "
         "และส่งบัตรเชิญมาถึงเจ้าหน้าที่กองช่างทุกคน ไปร่วมงานได้หรือไม่ ถ้าจ่ายค่าอาหารเองจะได้ไหม"),
     "answered_by": "", "answered_on": None, "answer_th": "",
     "faq": False, "faq_question_th": "", "faq_answer_th": ""},
    {"category": "conflict_of_interest", "anonymous": False, "asked_by": "EMP0053",
     "asked_on": date(2026, 11, 23), "subject_th": "ลูกสาวจะสมัครเป็นพนักงานจ้างในกองที่ตนเป็นผู้อำนวยการ",
     "body_th": (
         "เทศบาลประกาศรับสมัครพนักงานจ้างตามภารกิจตำแหน่งผู้ช่วยเจ้าพนักงานสาธารณสุขในกองสาธารณสุขและสิ่งแวดล้อม "
         "ลูกสาวผมจบสาธารณสุขศาสตร์และอยากสมัคร ลูกสมัครได้หรือไม่ และผมต้องทำอย่างไรบ้างครับ"),
     "answered_by": "", "answered_on": None, "answer_th": "",
     "faq": False, "faq_question_th": "", "faq_answer_th": ""},
]
# fmt: on
