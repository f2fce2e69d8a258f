"""ITA of every year: topics and "reconstructed" on items, each year's source, the 2566, 2567 and 2569 lists;
the year-end report's anti-corruption row, which carries the gift register's figures.

Each item gains the topics the year roll carries it by, and whether it was rebuilt from agencies' published
evidence rather than taken from the official manual; each assessment year gains a row saying where its list came
from. The shipped lists of 2566, 2567 and 2569 are loaded for a year that has no item at all, as
`ethics_hr.reports.ita.ensure_reference_data` does; the 2568 items as 0010 shipped them get their topics (an item
the administrator changed keeps what it has).

Revision ID: 0019
Revises: 0018
"""

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

import ethics_hr.core.models

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None

# The catalogues of ethics_hr/reports/ita/*.json as this revision shipped them.
CATALOGUES = {2566: {'source_th': 'สร้างขึ้นใหม่ ไม่ใช่รายการทางการ: ข้อด้านการบริหารทรัพยากรบุคคลและ No Gift Policy '
                     'ตามที่หน่วยงานเผยแพร่หลักฐาน ITA ไว้บนเว็บไซต์ในช่วงปี 2565–2567 '
                     'ยังไม่ได้ตรวจกับคู่มือ ITA ประจำปี 2566 ฉบับทางการ ความแน่นอน: ต่ำ '
                     'ผู้ดูแลระบบควรตรวจเลขข้อกับคู่มือของปีนั้นแล้วแก้ไขที่นี่',
        'source_en': 'Reconstructed, not the official list: the HR and No Gift Policy items as agencies '
                     'published their ITA evidence on their websites in 2565–2567; not checked against the '
                     'official ITA 2566 manual. Certainty: low. An administrator should check the item '
                     "numbers against that year's manual and edit them here.",
        'items': [{'key': 'O23',
                   'parent_key': '',
                   'title_th': 'นโยบายการบริหารทรัพยากรบุคคล',
                   'title_en': 'HR management policy',
                   'description_th': 'นโยบายการบริหารทรัพยากรบุคคลของหน่วยงานที่ใช้ในปีงบประมาณ พ.ศ. {fy}',
                   'description_en': "The organisation's HR management policy in FY {fy}.",
                   'fiscal_year_offset': 0,
                   'page': 'plan',
                   'check': 'plan_in_force',
                   'topics': 'hr_policy',
                   'reconstructed': True},
                  {'key': 'O24',
                   'parent_key': '',
                   'title_th': 'การดำเนินการตามนโยบายการบริหารทรัพยากรบุคคล',
                   'title_en': 'Action under the HR policy',
                   'description_th': 'การดำเนินการตามแผนหรือนโยบายการบริหารทรัพยากรบุคคลในปีงบประมาณ พ.ศ. '
                                     '{fy}: โครงการและกิจกรรมตามแผน',
                   'description_en': 'What the organisation did under its HR plan or policy in FY {fy}: '
                                     'the projects and activities of the plan.',
                   'fiscal_year_offset': 0,
                   'page': 'plan',
                   'check': 'plan_results',
                   'topics': 'hr_plan',
                   'reconstructed': True},
                  {'key': 'O25',
                   'parent_key': '',
                   'title_th': 'หลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล',
                   'title_en': 'HR management and development criteria',
                   'description_th': 'หลักเกณฑ์การสรรหา การพัฒนา การประเมินผล '
                                     'และการให้คุณให้โทษบุคลากรที่ใช้ในปีงบประมาณ พ.ศ. {fy}',
                   'description_en': 'The criteria for recruiting, developing, appraising, rewarding and '
                                     'disciplining staff in FY {fy}.',
                   'fiscal_year_offset': 0,
                   'page': 'plan',
                   'check': '',
                   'topics': 'hr_criteria',
                   'reconstructed': True},
                  {'key': 'O26',
                   'parent_key': '',
                   'title_th': 'รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี',
                   'title_en': 'Annual HR management and development results report',
                   'description_th': 'ผลการดำเนินการตามแผนการบริหารและพัฒนาทรัพยากรบุคคลของปีงบประมาณ พ.ศ. '
                                     '{fy}',
                   'description_en': 'The results of the HR management and development plan of FY {fy}.',
                   'fiscal_year_offset': -1,
                   'page': 'plan_results',
                   'check': 'plan_results',
                   'topics': 'hr_results',
                   'reconstructed': True},
                  {'key': 'O32',
                   'parent_key': '',
                   'title_th': 'ประกาศเจตนารมณ์นโยบายไม่รับของขวัญ (No Gift Policy)',
                   'title_en': 'No Gift Policy announcement',
                   'description_th': 'ประกาศของผู้บริหารสูงสุดว่าบุคลากรทุกคนจะไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่ '
                                     'ในปีงบประมาณ พ.ศ. {fy}',
                   'description_en': "The head's announcement that no one in the organisation accepts "
                                     'gifts because of their duty, for FY {fy}.',
                   'fiscal_year_offset': 0,
                   'page': 'gifts',
                   'check': 'no_gift_announcement',
                   'topics': 'no_gift_announcement',
                   'reconstructed': True},
                  {'key': 'O33',
                   'parent_key': '',
                   'title_th': 'การสร้างวัฒนธรรมไม่รับของขวัญ (No Gift Policy)',
                   'title_en': 'Building a No Gift culture',
                   'description_th': 'กิจกรรมที่สร้างวัฒนธรรมไม่รับของขวัญในปีงบประมาณ พ.ศ. {fy}',
                   'description_en': 'The activities that built a No Gift culture in FY {fy}.',
                   'fiscal_year_offset': 0,
                   'page': 'gifts',
                   'check': '',
                   'topics': 'no_gift_culture',
                   'reconstructed': True},
                  {'key': 'O34',
                   'parent_key': '',
                   'title_th': 'รายงานผลการดำเนินการตามนโยบายไม่รับของขวัญ (No Gift Policy)',
                   'title_en': 'No Gift Policy results report',
                   'description_th': 'รายงานการรับของขวัญและประโยชน์อื่นใดของปีงบประมาณ พ.ศ. {fy} '
                                     '(ไม่มีการรับก็รายงานว่าไม่มี)',
                   'description_en': 'The report of the gifts and benefits received in FY {fy} (a nil '
                                     'report is a report).',
                   'fiscal_year_offset': -1,
                   'page': 'gifts',
                   'check': 'no_gift_report',
                   'topics': 'no_gift_report',
                   'reconstructed': True}]},
 2567: {'source_th': 'สร้างขึ้นใหม่ ไม่ใช่รายการทางการ: ข้อด้านการบริหารทรัพยากรบุคคลและ No Gift Policy '
                     'ตามที่หน่วยงานเผยแพร่หลักฐาน ITA ไว้บนเว็บไซต์ในช่วงปี 2565–2567 '
                     'ยังไม่ได้ตรวจกับคู่มือ ITA ประจำปี 2567 ฉบับทางการ ความแน่นอน: ต่ำ '
                     'ผู้ดูแลระบบควรตรวจเลขข้อกับคู่มือของปีนั้นแล้วแก้ไขที่นี่',
        'source_en': 'Reconstructed, not the official list: the HR and No Gift Policy items as agencies '
                     'published their ITA evidence on their websites in 2565–2567; not checked against the '
                     'official ITA 2567 manual. Certainty: low. An administrator should check the item '
                     "numbers against that year's manual and edit them here.",
        'items': [{'key': 'O23',
                   'parent_key': '',
                   'title_th': 'นโยบายการบริหารทรัพยากรบุคคล',
                   'title_en': 'HR management policy',
                   'description_th': 'นโยบายการบริหารทรัพยากรบุคคลของหน่วยงานที่ใช้ในปีงบประมาณ พ.ศ. {fy}',
                   'description_en': "The organisation's HR management policy in FY {fy}.",
                   'fiscal_year_offset': 0,
                   'page': 'plan',
                   'check': 'plan_in_force',
                   'topics': 'hr_policy',
                   'reconstructed': True},
                  {'key': 'O24',
                   'parent_key': '',
                   'title_th': 'การดำเนินการตามนโยบายการบริหารทรัพยากรบุคคล',
                   'title_en': 'Action under the HR policy',
                   'description_th': 'การดำเนินการตามแผนหรือนโยบายการบริหารทรัพยากรบุคคลในปีงบประมาณ พ.ศ. '
                                     '{fy}: โครงการและกิจกรรมตามแผน',
                   'description_en': 'What the organisation did under its HR plan or policy in FY {fy}: '
                                     'the projects and activities of the plan.',
                   'fiscal_year_offset': 0,
                   'page': 'plan',
                   'check': 'plan_results',
                   'topics': 'hr_plan',
                   'reconstructed': True},
                  {'key': 'O25',
                   'parent_key': '',
                   'title_th': 'หลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล',
                   'title_en': 'HR management and development criteria',
                   'description_th': 'หลักเกณฑ์การสรรหา การพัฒนา การประเมินผล '
                                     'และการให้คุณให้โทษบุคลากรที่ใช้ในปีงบประมาณ พ.ศ. {fy}',
                   'description_en': 'The criteria for recruiting, developing, appraising, rewarding and '
                                     'disciplining staff in FY {fy}.',
                   'fiscal_year_offset': 0,
                   'page': 'plan',
                   'check': '',
                   'topics': 'hr_criteria',
                   'reconstructed': True},
                  {'key': 'O26',
                   'parent_key': '',
                   'title_th': 'รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี',
                   'title_en': 'Annual HR management and development results report',
                   'description_th': 'ผลการดำเนินการตามแผนการบริหารและพัฒนาทรัพยากรบุคคลของปีงบประมาณ พ.ศ. '
                                     '{fy}',
                   'description_en': 'The results of the HR management and development plan of FY {fy}.',
                   'fiscal_year_offset': -1,
                   'page': 'plan_results',
                   'check': 'plan_results',
                   'topics': 'hr_results',
                   'reconstructed': True},
                  {'key': 'O32',
                   'parent_key': '',
                   'title_th': 'ประกาศเจตนารมณ์นโยบายไม่รับของขวัญ (No Gift Policy)',
                   'title_en': 'No Gift Policy announcement',
                   'description_th': 'ประกาศของผู้บริหารสูงสุดว่าบุคลากรทุกคนจะไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่ '
                                     'ในปีงบประมาณ พ.ศ. {fy}',
                   'description_en': "The head's announcement that no one in the organisation accepts "
                                     'gifts because of their duty, for FY {fy}.',
                   'fiscal_year_offset': 0,
                   'page': 'gifts',
                   'check': 'no_gift_announcement',
                   'topics': 'no_gift_announcement',
                   'reconstructed': True},
                  {'key': 'O33',
                   'parent_key': '',
                   'title_th': 'การสร้างวัฒนธรรมไม่รับของขวัญ (No Gift Policy)',
                   'title_en': 'Building a No Gift culture',
                   'description_th': 'กิจกรรมที่สร้างวัฒนธรรมไม่รับของขวัญในปีงบประมาณ พ.ศ. {fy}',
                   'description_en': 'The activities that built a No Gift culture in FY {fy}.',
                   'fiscal_year_offset': 0,
                   'page': 'gifts',
                   'check': '',
                   'topics': 'no_gift_culture',
                   'reconstructed': True},
                  {'key': 'O34',
                   'parent_key': '',
                   'title_th': 'รายงานผลการดำเนินการตามนโยบายไม่รับของขวัญ (No Gift Policy)',
                   'title_en': 'No Gift Policy results report',
                   'description_th': 'รายงานการรับของขวัญและประโยชน์อื่นใดของปีงบประมาณ พ.ศ. {fy} '
                                     '(ไม่มีการรับก็รายงานว่าไม่มี)',
                   'description_en': 'The report of the gifts and benefits received in FY {fy} (a nil '
                                     'report is a report).',
                   'fiscal_year_offset': -1,
                   'page': 'gifts',
                   'check': 'no_gift_report',
                   'topics': 'no_gift_report',
                   'reconstructed': True}]},
 2568: {'source_th': 'คู่มือการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) '
                     'ประจำปีงบประมาณ พ.ศ. 2568 ตัวชี้วัดการเปิดเผยข้อมูล (OIT): '
                     'เฉพาะข้อที่ระบบนี้จัดเก็บหลักฐาน ความแน่นอน: ตามคู่มือ',
        'source_en': 'ITA 2568 assessment manual, open-data indicators (OIT): only the items whose '
                     'evidence this system keeps. Certainty: as the manual gives them.',
        'items': [{'key': 'O14',
                   'parent_key': '',
                   'title_th': 'แผนการบริหารและพัฒนาทรัพยากรบุคคล',
                   'title_en': 'HR management and development plan',
                   'description_th': 'แผนการบริหารและพัฒนาทรัพยากรบุคคลของหน่วยงานที่มีผลบังคับใช้ในปีงบประมาณ '
                                     'พ.ศ. {fy} มีนโยบายการบริหารทรัพยากรบุคคล และโครงการ/กิจกรรมตามแผน',
                   'description_en': "The organisation's HR management and development plan in force in FY "
                                     '{fy}, with its HR policy and the projects and activities of the '
                                     'plan.',
                   'fiscal_year_offset': 0,
                   'page': 'plan',
                   'check': 'plan_in_force',
                   'topics': 'hr_plan,hr_policy',
                   'reconstructed': False},
                  {'key': 'O15',
                   'parent_key': '',
                   'title_th': 'รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี',
                   'title_en': 'Annual HR management and development results report',
                   'description_th': 'ผลการดำเนินการตามแผนการบริหารและพัฒนาทรัพยากรบุคคลของปีงบประมาณ พ.ศ. '
                                     '{fy} เทียบกับเป้าหมายของแต่ละโครงการ/กิจกรรม',
                   'description_en': 'The results of the HR management and development plan in FY {fy}, '
                                     'against the target of each project and activity.',
                   'fiscal_year_offset': -1,
                   'page': 'plan_results',
                   'check': 'plan_results',
                   'topics': 'hr_results',
                   'reconstructed': False},
                  {'key': 'O16',
                   'parent_key': '',
                   'title_th': 'ประมวลจริยธรรมสำหรับเจ้าหน้าที่ของรัฐ และการขับเคลื่อนจริยธรรม',
                   'title_en': 'Code of ethics for state officials and driving ethics',
                   'description_th': 'ประมวลจริยธรรมที่ใช้บังคับกับเจ้าหน้าที่ของรัฐในหน่วยงาน '
                                     'และการดำเนินการขับเคลื่อนจริยธรรมในปีงบประมาณ พ.ศ. {fy}',
                   'description_en': "The codes of ethics that apply to the organisation's officials, and "
                                     'what it did in FY {fy} to drive ethics.',
                   'fiscal_year_offset': 0,
                   'page': 'codes',
                   'check': 'codes_in_force',
                   'topics': 'code_of_ethics',
                   'reconstructed': False},
                  {'key': 'O16.1',
                   'parent_key': 'O16',
                   'title_th': 'คณะทำงานหรือผู้รับผิดชอบให้คำปรึกษาและตอบข้อซักถามด้านจริยธรรม',
                   'title_en': 'Team that advises on and answers ethics questions',
                   'description_th': 'คำสั่งแต่งตั้งคณะทำงาน คณะกรรมการ หรือผู้รับผิดชอบ '
                                     'ที่สามารถให้คำปรึกษาและตอบข้อซักถามทางคุณธรรมจริยธรรม พร้อมรายชื่อ',
                   'description_en': 'The order appointing the team, committee or person who advises on '
                                     'and answers ethics questions, with its members.',
                   'fiscal_year_offset': 0,
                   'page': 'committees',
                   'check': 'advisory_team',
                   'topics': 'advisory_team',
                   'reconstructed': False},
                  {'key': 'O16.2',
                   'parent_key': 'O16',
                   'title_th': "แนวปฏิบัติ Dos & Don'ts สำหรับพฤติกรรมในพื้นที่สีเทา",
                   'title_en': "Dos & Don'ts for grey-area behaviour",
                   'description_th': "แนวทางการประพฤติตนทางจริยธรรมของเจ้าหน้าที่ในหน่วยงาน (Dos & Don'ts) "
                                     'ที่เผยแพร่ต่อสาธารณะ',
                   'description_en': 'The published guidance on what officials should and should not do '
                                     "(Dos & Don'ts).",
                   'fiscal_year_offset': 0,
                   'page': 'dos_donts',
                   'check': 'dos_donts',
                   'topics': 'dos_donts',
                   'reconstructed': False},
                  {'key': 'O16.3',
                   'parent_key': 'O16',
                   'title_th': 'ผลการฝึกอบรมหรือกิจกรรมที่มีเนื้อหาด้านจริยธรรม',
                   'title_en': 'Results of training or activities with ethics content',
                   'description_th': 'การฝึกอบรมหรือกิจกรรมเสริมสร้างความรู้ด้านมาตรฐานทางจริยธรรมและประมวลจริยธรรมที่จัดขึ้นในปีงบประมาณ '
                                     'พ.ศ. {fy} พร้อมจำนวนผู้เข้าร่วม',
                   'description_en': 'The training or activities on ethical standards and the codes of '
                                     'ethics held in FY {fy}, with the number of participants.',
                   'fiscal_year_offset': 0,
                   'page': 'training',
                   'check': 'ethics_training',
                   'topics': 'ethics_training',
                   'reconstructed': False}]},
 2569: {'source_th': 'สร้างขึ้นใหม่จากหลักฐาน ITA 2569 ที่หน่วยงานภาครัฐเผยแพร่บนเว็บไซต์ ไม่พบคู่มือ ITA '
                     '2569 ฉบับทางการ: เลขข้อหลัก (O13 O14 O15 O20) ตรงกันในหลายหน่วยงาน ส่วนข้อย่อยของ '
                     'O15 และ O20 เป็นการจัดกลุ่มของระบบนี้ ความแน่นอน: ปานกลาง',
        'source_en': 'Reconstructed from the ITA 2569 evidence that public agencies published on their '
                     'websites; no official ITA 2569 manual was found. The main numbers (O13, O14, O15, '
                     "O20) agree across several agencies; the sub-items of O15 and O20 are this system's "
                     'grouping. Certainty: medium.',
        'items': [{'key': 'O13',
                   'parent_key': '',
                   'title_th': 'หลักเกณฑ์และแผนการบริหารและพัฒนาทรัพยากรบุคคล',
                   'title_en': 'HR criteria and the HR management and development plan',
                   'description_th': 'หลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล '
                                     'และแผนการบริหารและพัฒนาทรัพยากรบุคคลที่มีผลบังคับใช้ในปีงบประมาณ '
                                     'พ.ศ. {fy} (รวมข้อหลักเกณฑ์และข้อแผนของปีก่อน ๆ ไว้ในข้อเดียว)',
                   'description_en': 'The HR criteria and the HR management and development plan in force '
                                     "in FY {fy} (earlier years' criteria and plan items merged into one).",
                   'fiscal_year_offset': 0,
                   'page': 'plan',
                   'check': 'plan_in_force',
                   'topics': 'hr_criteria,hr_plan,hr_policy',
                   'reconstructed': True},
                  {'key': 'O14',
                   'parent_key': '',
                   'title_th': 'รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี',
                   'title_en': 'Annual HR management and development results report',
                   'description_th': 'ผลการดำเนินการตามแผนการบริหารและพัฒนาทรัพยากรบุคคลของปีงบประมาณ พ.ศ. '
                                     '{fy} (ปีที่ผ่านมา) เทียบกับเป้าหมายของแต่ละโครงการ/กิจกรรม',
                   'description_en': 'The results of the HR management and development plan of FY {fy} '
                                     '(the previous year), against the target of each project and '
                                     'activity.',
                   'fiscal_year_offset': -1,
                   'page': 'plan_results',
                   'check': 'plan_results',
                   'topics': 'hr_results',
                   'reconstructed': True},
                  {'key': 'O15',
                   'parent_key': '',
                   'title_th': 'ประมวลจริยธรรมและการขับเคลื่อนจริยธรรม',
                   'title_en': 'The code of ethics and the ethics drive',
                   'description_th': 'ประมวลจริยธรรมที่ใช้บังคับกับเจ้าหน้าที่ของรัฐในหน่วยงาน '
                                     'และการขับเคลื่อนจริยธรรมในปีงบประมาณ พ.ศ. {fy}',
                   'description_en': "The codes of ethics that apply to the organisation's officials, and "
                                     'the ethics drive in FY {fy}.',
                   'fiscal_year_offset': 0,
                   'page': 'codes',
                   'check': 'codes_in_force',
                   'topics': 'code_of_ethics',
                   'reconstructed': True},
                  {'key': 'O15.1',
                   'parent_key': 'O15',
                   'title_th': 'ข้อกำหนดหรือแนวทางว่าด้วยการรักษาจริยธรรม',
                   'title_en': 'Rules on maintaining ethics',
                   'description_th': 'ข้อกำหนดจริยธรรม หรือแนวทางการรักษาจริยธรรมของเจ้าหน้าที่ในหน่วยงาน '
                                     'ที่ใช้ในปีงบประมาณ พ.ศ. {fy}',
                   'description_en': "The organisation's rules or guidance on maintaining ethics in FY "
                                     '{fy}.',
                   'fiscal_year_offset': 0,
                   'page': 'codes',
                   'check': 'codes_in_force',
                   'topics': 'ethics_rules',
                   'reconstructed': True},
                  {'key': 'O15.2',
                   'parent_key': 'O15',
                   'title_th': 'คำสั่งแต่งตั้งคณะทำงานขับเคลื่อนจริยธรรม',
                   'title_en': 'Order appointing the ethics working group',
                   'description_th': 'คำสั่งแต่งตั้งคณะทำงานหรือคณะกรรมการที่ขับเคลื่อนจริยธรรม '
                                     'ให้คำปรึกษาและตอบข้อซักถามด้านจริยธรรม พร้อมรายชื่อ',
                   'description_en': 'The order appointing the working group or committee that drives '
                                     'ethics and answers ethics questions, with its members.',
                   'fiscal_year_offset': 0,
                   'page': 'committees',
                   'check': 'advisory_team',
                   'topics': 'advisory_team',
                   'reconstructed': True},
                  {'key': 'O15.3',
                   'parent_key': 'O15',
                   'title_th': 'การลงนามปฏิญญาคุณธรรม',
                   'title_en': 'Signing of the integrity pledge',
                   'description_th': 'ปฏิญญาคุณธรรมของหน่วยงานประจำปีงบประมาณ พ.ศ. {fy} '
                                     'และจำนวนบุคลากรที่ลงนาม',
                   'description_en': "The organisation's integrity pledge of FY {fy} and how many of its "
                                     'people signed it.',
                   'fiscal_year_offset': 0,
                   'page': 'pledge',
                   'check': 'integrity_pledge',
                   'topics': 'integrity_pledge',
                   'reconstructed': True},
                  {'key': 'O15.4',
                   'parent_key': 'O15',
                   'title_th': "สื่อเผยแพร่ Do & Don't",
                   'title_en': "Do & Don't media",
                   'description_th': "แนวทางการประพฤติตนทางจริยธรรมของเจ้าหน้าที่ในหน่วยงาน (Do & Don't) "
                                     'ที่เผยแพร่ต่อสาธารณะ',
                   'description_en': 'The published guidance on what officials should and should not do '
                                     "(Do & Don't).",
                   'fiscal_year_offset': 0,
                   'page': 'dos_donts',
                   'check': 'dos_donts',
                   'topics': 'dos_donts',
                   'reconstructed': True},
                  {'key': 'O15.5',
                   'parent_key': 'O15',
                   'title_th': 'การฝึกอบรมด้านจริยธรรม',
                   'title_en': 'Ethics training',
                   'description_th': 'การฝึกอบรมหรือกิจกรรมเสริมสร้างความรู้ด้านมาตรฐานทางจริยธรรมและประมวลจริยธรรมที่จัดขึ้นในปีงบประมาณ '
                                     'พ.ศ. {fy} พร้อมจำนวนผู้เข้าร่วม',
                   'description_en': 'The training or activities on ethical standards and the codes of '
                                     'ethics held in FY {fy}, with the number of participants.',
                   'fiscal_year_offset': 0,
                   'page': 'training',
                   'check': 'ethics_training',
                   'topics': 'ethics_training',
                   'reconstructed': True},
                  {'key': 'O20',
                   'parent_key': '',
                   'title_th': 'การขับเคลื่อนนโยบายไม่รับของขวัญ (No Gift Policy)',
                   'title_en': 'The No Gift Policy drive',
                   'description_th': 'การประกาศและขับเคลื่อนนโยบายไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่ในปีงบประมาณ '
                                     'พ.ศ. {fy}',
                   'description_en': 'Announcing and driving the policy that no one accepts gifts because '
                                     'of their duty in FY {fy}.',
                   'fiscal_year_offset': 0,
                   'page': 'gifts',
                   'check': 'no_gift_announcement',
                   'topics': 'no_gift_announcement,no_gift_culture',
                   'reconstructed': True},
                  {'key': 'O20.1',
                   'parent_key': 'O20',
                   'title_th': 'ประกาศนโยบายไม่รับของขวัญ (No Gift Policy)',
                   'title_en': 'No Gift Policy announcement',
                   'description_th': 'ประกาศของผู้บริหารสูงสุดว่าด้วยนโยบายไม่รับของขวัญ ประจำปีงบประมาณ '
                                     'พ.ศ. {fy}',
                   'description_en': "The head's No Gift Policy announcement of FY {fy}.",
                   'fiscal_year_offset': 0,
                   'page': 'gifts',
                   'check': 'no_gift_announcement',
                   'topics': 'no_gift_announcement',
                   'reconstructed': True},
                  {'key': 'O20.2',
                   'parent_key': 'O20',
                   'title_th': 'รายงานผลการดำเนินการตามนโยบายไม่รับของขวัญของปีที่ผ่านมา',
                   'title_en': 'No Gift Policy results report of the previous year',
                   'description_th': 'รายงานการรับของขวัญและประโยชน์อื่นใดของปีงบประมาณ พ.ศ. {fy} '
                                     '(ไม่มีการรับก็รายงานว่าไม่มี)',
                   'description_en': 'The report of the gifts and benefits received in FY {fy} (a nil '
                                     'report is a report).',
                   'fiscal_year_offset': -1,
                   'page': 'gifts',
                   'check': 'no_gift_report',
                   'topics': 'no_gift_report',
                   'reconstructed': True}]}}


MEASURE_KINDS = "kind IN ('hr', 'free', 'anticorr')"
# The seed's anti-corruption row, in Thai and English: a stored report's row of that name gets the gift lines.
ANTI_CORRUPTION = ("การแก้ไขและป้องกันการทุจริตภายในหน่วยงาน", "Preventing and correcting corruption")


def _measure_kinds(kinds: str) -> None:
    with op.batch_alter_table("report_measure") as batch:
        batch.drop_constraint(batch.f("ck_report_measure_kind"), type_="check")
        batch.create_check_constraint(batch.f("ck_report_measure_kind"), kinds)


def upgrade():
    _measure_kinds(MEASURE_KINDS)
    measure = sa.table("report_measure", sa.column("kind", sa.String), sa.column("measure", sa.String))
    op.execute(
        measure.update()
        .where(measure.c.kind == "free", measure.c.measure.in_(ANTI_CORRUPTION))
        .values(kind="anticorr")
    )
    with op.batch_alter_table("ita_item") as batch:
        batch.add_column(sa.Column("topics", sa.String(400), nullable=False, server_default=""))
        batch.add_column(sa.Column("reconstructed", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.create_table(
        "ita_catalogue",
        sa.Column("assessment_year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("source_th", sa.Text(), nullable=False),
        sa.Column("source_en", sa.Text(), nullable=False),
        sa.Column("created_at", ethics_hr.core.models.UTCDateTime(), nullable=False),
        sa.Column("updated_at", ethics_hr.core.models.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("assessment_year", name=op.f("pk_ita_catalogue")),
    )
    conn = op.get_bind()
    item = sa.table(
        "ita_item",
        sa.column("assessment_year", sa.Integer),
        sa.column("key", sa.String),
        sa.column("parent_key", sa.String),
        sa.column("position", sa.Integer),
        sa.column("title_th", sa.String),
        sa.column("title_en", sa.String),
        sa.column("description_th", sa.Text),
        sa.column("description_en", sa.Text),
        sa.column("fiscal_year_offset", sa.Integer),
        sa.column("page", sa.String),
        sa.column("check", sa.String),
        sa.column("topics", sa.String),
        sa.column("reconstructed", sa.Boolean),
        sa.column("created_at", sa.DateTime),
        sa.column("updated_at", sa.DateTime),
    )
    catalogue = sa.table(
        "ita_catalogue",
        sa.column("assessment_year", sa.Integer),
        sa.column("source_th", sa.Text),
        sa.column("source_en", sa.Text),
        sa.column("created_at", sa.DateTime),
        sa.column("updated_at", sa.DateTime),
    )
    # Stored as naive UTC, as the app's UTCDateTime column type does.
    now = datetime.now(UTC).replace(tzinfo=None)
    present = set(conn.execute(sa.select(item.c.assessment_year).distinct()).scalars())
    for year, data in CATALOGUES.items():
        if year not in present:
            conn.execute(
                item.insert(),
                [
                    row | {"assessment_year": year, "position": position, "created_at": now, "updated_at": now}
                    for position, row in enumerate(data["items"], start=1)
                ],
            )
            conn.execute(
                catalogue.insert().values(
                    assessment_year=year,
                    source_th=data["source_th"],
                    source_en=data["source_en"],
                    created_at=now,
                    updated_at=now,
                )
            )
        elif year == 2568:
            # The list 0010 shipped: an item still as shipped gets its topics; the year gets its source
            # only if every shipped item is still there as it was.
            unchanged = 0
            for row in data["items"]:
                done = conn.execute(
                    item.update()
                    .where(
                        item.c.assessment_year == year,
                        item.c.key == row["key"],
                        item.c.title_th == row["title_th"],
                    )
                    .values(topics=row["topics"])
                )
                unchanged += done.rowcount
            if unchanged == len(data["items"]):
                conn.execute(
                    catalogue.insert().values(
                        assessment_year=year,
                        source_th=data["source_th"],
                        source_en=data["source_en"],
                        created_at=now,
                        updated_at=now,
                    )
                )


def downgrade():
    measure = sa.table("report_measure", sa.column("kind", sa.String))
    op.execute(measure.update().where(measure.c.kind == "anticorr").values(kind="free"))
    _measure_kinds("kind IN ('hr', 'free')")
    op.drop_table("ita_catalogue")
    with op.batch_alter_table("ita_item") as batch:
        batch.drop_column("reconstructed")
        batch.drop_column("topics")
