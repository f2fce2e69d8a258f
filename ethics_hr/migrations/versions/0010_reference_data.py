"""reference data: staff categories, plan areas, course topics, attendance statuses, question categories, ITA items

A new installation has its reference lists from `flask db upgrade` alone; before this, they came only from
`flask init-data`, which nothing told a newcomer to run. Rows already there (from init-data, a demo or an
officer's edits) are left untouched: a list gets only the codes it lacks, and the ITA catalogue of 2568 is
loaded only when that assessment year has no item at all, as `ethics_hr.reports.ita.ensure_reference_data` does.

The data is a copy, frozen as of this revision: a migration must not import the app's models or read files
that later versions may change. `init-data` stays as the repair command and reads the package's own lists.

Revision ID: 0010
Revises: 0008
Create Date: 2026-11-26 10:00:00

"""

from datetime import UTC, datetime

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "0010"
down_revision = "0008"
branch_labels = None
depends_on = None

# (code, Thai, English)
STAFF_CATEGORIES = [
    ("executive", "ผู้บริหารท้องถิ่น", "Local executive"),
    ("council_member", "สมาชิกสภาท้องถิ่น", "Local council member"),
    ("local_official", "พนักงานส่วนท้องถิ่น", "Local official"),
    ("teacher", "พนักงานครู", "Teacher"),
    ("permanent_worker", "ลูกจ้างประจำ", "Permanent worker"),
    ("mission_contract", "พนักงานจ้างตามภารกิจ", "Mission contract employee"),
    ("general_contract", "พนักงานจ้างทั่วไป", "General contract employee"),
]
# (code, Thai, English)
PLAN_AREAS = [
    ("ethics", "ด้านคุณธรรมและจริยธรรม", "Ethics and integrity"),
    ("competency", "ด้านการพัฒนาสมรรถนะ", "Competency development"),
    ("welfare", "ด้านสวัสดิการและคุณภาพชีวิต", "Welfare and quality of life"),
    ("management", "ด้านการบริหารทรัพยากรบุคคล", "HR management"),
]
# (code, Thai, English)
QUESTION_CATEGORIES = [
    ("gifts", "การรับของขวัญและประโยชน์อื่นใด", "Gifts and benefits"),
    ("conflict_of_interest", "ผลประโยชน์ทับซ้อน", "Conflict of interest"),
    ("public_property", "การใช้ทรัพย์สินของราชการ", "Use of public property"),
    ("conduct", "ความประพฤติและการวางตน", "Personal conduct"),
    ("other", "อื่น ๆ", "Other"),
]
# (code, Thai, English, counts as ethics content)
COURSE_TOPICS = [
    ("ethical_standards", "มาตรฐานทางจริยธรรม", "Ethical standards", True),
    ("code_of_ethics", "ประมวลจริยธรรม", "Code of ethics", True),
    ("anti_corruption", "การป้องกันและต่อต้านการทุจริต", "Anti-corruption", True),
    ("no_gift", "นโยบายไม่รับของขวัญ (No Gift Policy)", "No Gift Policy", True),
    ("conflict_of_interest", "ผลประโยชน์ทับซ้อน", "Conflict of interest", True),
    ("general_competency", "สมรรถนะทั่วไป", "General competency", False),
    ("digital_skills", "ทักษะดิจิทัล", "Digital skills", False),
]
# (code, Thai, English, share of the session's hours credited)
ATTENDANCE_STATUSES = [
    ("present", "มาเข้าร่วม", "Present", 1.0),
    ("late", "มาสาย", "Late", 1.0),
    ("excused", "ลา", "Excused", 0.0),
    ("absent", "ขาด", "Absent", 0.0),
]
ITA_YEAR = 2568
# The items of ethics_hr/reports/ita/2568.json as this revision shipped it.
ITA_ITEMS = [
    {
        "key": "O14",
        "parent_key": "",
        "title_th": "แผนการบริหารและพัฒนาทรัพยากรบุคคล",
        "title_en": "HR management and development plan",
        "description_th": "แผนการบริหารและพัฒนาทรัพยากรบุคคลของหน่วยงานที่มีผลบังคับใช้ในปีงบประมาณ พ.ศ. {fy} "
        "มีนโยบายการบริหารทรัพยากรบุคคล และโครงการ/กิจกรรมตามแผน",
        "description_en": "The organisation's HR management and development plan in force in FY {fy}, with its HR "
        "policy and the projects and activities of the plan.",
        "fiscal_year_offset": 0,
        "page": "plan",
        "check": "plan_in_force",
    },
    {
        "key": "O15",
        "parent_key": "",
        "title_th": "รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี",
        "title_en": "Annual HR management and development results report",
        "description_th": "ผลการดำเนินการตามแผนการบริหารและพัฒนาทรัพยากรบุคคลของปีงบประมาณ พ.ศ. {fy} "
        "เทียบกับเป้าหมายของแต่ละโครงการ/กิจกรรม",
        "description_en": "The results of the HR management and development plan in FY {fy}, against the target of "
        "each project and activity.",
        "fiscal_year_offset": -1,
        "page": "plan_results",
        "check": "plan_results",
    },
    {
        "key": "O16",
        "parent_key": "",
        "title_th": "ประมวลจริยธรรมสำหรับเจ้าหน้าที่ของรัฐ และการขับเคลื่อนจริยธรรม",
        "title_en": "Code of ethics for state officials and driving ethics",
        "description_th": "ประมวลจริยธรรมที่ใช้บังคับกับเจ้าหน้าที่ของรัฐในหน่วยงาน "
        "และการดำเนินการขับเคลื่อนจริยธรรมในปีงบประมาณ พ.ศ. {fy}",
        "description_en": "The codes of ethics that apply to the organisation's officials, and what it did in FY "
        "{fy} to drive ethics.",
        "fiscal_year_offset": 0,
        "page": "codes",
        "check": "codes_in_force",
    },
    {
        "key": "O16.1",
        "parent_key": "O16",
        "title_th": "คณะทำงานหรือผู้รับผิดชอบให้คำปรึกษาและตอบข้อซักถามด้านจริยธรรม",
        "title_en": "Team that advises on and answers ethics questions",
        "description_th": "คำสั่งแต่งตั้งคณะทำงาน คณะกรรมการ หรือผู้รับผิดชอบ "
        "ที่สามารถให้คำปรึกษาและตอบข้อซักถามทางคุณธรรมจริยธรรม พร้อมรายชื่อ",
        "description_en": "The order appointing the team, committee or person who advises on and answers ethics "
        "questions, with its members.",
        "fiscal_year_offset": 0,
        "page": "committees",
        "check": "advisory_team",
    },
    {
        "key": "O16.2",
        "parent_key": "O16",
        "title_th": "แนวปฏิบัติ Dos & Don'ts สำหรับพฤติกรรมในพื้นที่สีเทา",
        "title_en": "Dos & Don'ts for grey-area behaviour",
        "description_th": "แนวทางการประพฤติตนทางจริยธรรมของเจ้าหน้าที่ในหน่วยงาน (Dos & Don'ts) ที่เผยแพร่ต่อสาธารณะ",
        "description_en": "The published guidance on what officials should and should not do (Dos & Don'ts).",
        "fiscal_year_offset": 0,
        "page": "dos_donts",
        "check": "dos_donts",
    },
    {
        "key": "O16.3",
        "parent_key": "O16",
        "title_th": "ผลการฝึกอบรมหรือกิจกรรมที่มีเนื้อหาด้านจริยธรรม",
        "title_en": "Results of training or activities with ethics content",
        "description_th": "การฝึกอบรมหรือกิจกรรมเสริมสร้างความรู้ด้านมาตรฐานทางจริยธรรมและประมวลจริยธรรมที่จัดขึ้นในปีงบประมาณ "
        "พ.ศ. {fy} พร้อมจำนวนผู้เข้าร่วม",
        "description_en": "The training or activities on ethical standards and the codes of ethics held in FY "
        "{fy}, with the number of participants.",
        "fiscal_year_offset": 0,
        "page": "training",
        "check": "ethics_training",
    },
]


def _reference_table(name, *extra):
    return sa.table(
        name,
        sa.column("id", sa.Integer),
        sa.column("code", sa.String),
        sa.column("name_th", sa.String),
        sa.column("name_en", sa.String),
        sa.column("sort_order", sa.Integer),
        sa.column("active", sa.Boolean),
        *extra,
    )


def _insert_missing(conn, table, rows, extra=()):
    """Insert the rows whose code the table lacks; sort order is the row's place in the list, from 1."""
    present = set(conn.execute(sa.select(table.c.code)).scalars())
    missing = []
    for order, row in enumerate(rows, start=1):
        code, name_th, name_en, *values = row
        if code in present:
            continue
        missing.append(
            {"code": code, "name_th": name_th, "name_en": name_en, "sort_order": order, "active": True}
            | dict(zip(extra, values, strict=True))
        )
    if missing:
        conn.execute(table.insert(), missing)


def upgrade():
    conn = op.get_bind()
    _insert_missing(conn, _reference_table("staff_category"), STAFF_CATEGORIES)
    _insert_missing(conn, _reference_table("plan_area"), PLAN_AREAS)
    _insert_missing(conn, _reference_table("question_category"), QUESTION_CATEGORIES)
    _insert_missing(
        conn,
        _reference_table("course_topic", sa.column("is_ethics", sa.Boolean)),
        COURSE_TOPICS,
        ("is_ethics",),
    )
    _insert_missing(
        conn,
        _reference_table("attendance_status", sa.column("hours_factor", sa.Float)),
        ATTENDANCE_STATUSES,
        ("hours_factor",),
    )
    ita_item = sa.table(
        "ita_item",
        *(
            sa.column(name, sa.Integer)
            for name in ("id", "assessment_year", "position", "fiscal_year_offset")
        ),
        *(
            sa.column(name, sa.String)
            for name in ("key", "parent_key", "title_th", "title_en", "description_th", "description_en")
        ),
        sa.column("page", sa.String),
        sa.column("check", sa.String),
        sa.column("created_at", sa.DateTime),
        sa.column("updated_at", sa.DateTime),
    )
    year_present = conn.execute(
        sa.select(ita_item.c.id).where(ita_item.c.assessment_year == ITA_YEAR).limit(1)
    ).first()
    if year_present is None:
        # Stored as naive UTC, as the app's UTCDateTime column type does.
        now = datetime.now(UTC).replace(tzinfo=None)
        conn.execute(
            ita_item.insert(),
            [
                item
                | {"assessment_year": ITA_YEAR, "position": position, "created_at": now, "updated_at": now}
                for position, item in enumerate(ITA_ITEMS, start=1)
            ],
        )


def downgrade():
    # Nothing to undo safely: the rows may have been there before, and later rows point at them.
    pass
