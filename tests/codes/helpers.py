"""Test data for codes of ethics: codes, drafts and published versions with sensible defaults."""

from __future__ import annotations

from datetime import date, timedelta

from ethics_hr.codes import services
from ethics_hr.codes.models import CodeOfEthics, CodeVersion
from ethics_hr.core.timeutil import local_today
from ethics_hr.extensions import db
from ethics_hr.people.models import Department, StaffCategory, User
from tests import factories

BODY = """\
# ประมวลจริยธรรมทดสอบ

**ข้อ 1** พนักงานต้องซื่อสัตย์สุจริต

**ข้อ 2** พนักงานต้องไม่รับของขวัญจากผู้มีส่วนได้เสีย
"""


def code(name: str = "ประมวลจริยธรรมพนักงานส่วนท้องถิ่น") -> CodeOfEthics:
    return services.save_code(None, name_th=name, name_en="Code of Ethics for Local Officials")


def categories(*codes: str) -> list[int]:
    return list(db.session.scalars(db.select(StaffCategory.id).where(StaffCategory.code.in_(codes))))


def draft(
    of: CodeOfEthics | None = None,
    *,
    title: str = "ประมวลจริยธรรม ฉบับทดสอบ",
    body: str = BODY,
    audience: tuple[str, ...] = ("local_official",),
    departments: tuple[Department, ...] = (),
    effective: date | None = None,
    statements: tuple[tuple[str, str], ...] = (("dont", "ไม่รับของขวัญจากผู้รับเหมา"),),
) -> CodeVersion:
    """A draft (the next version of the code), with its content replaced by the given one."""
    of = of or code()
    version = services.start_draft(of)
    services.update_draft(
        version,
        services.DraftContent(
            title=title,
            effective_date=effective or local_today() - timedelta(days=1),
            body_md=body,
            category_ids=categories(*audience),
            department_ids=[d.id for d in departments],
        ),
    )
    for item in list(version.dos_donts):
        services.delete_statement(item)
    for kind, text in statements:
        content = services.StatementContent(kind=kind, text_th=text, clause="ข้อ 2")
        services.save_statement(version, None, content)
    return version


def published(
    of: CodeOfEthics | None = None,
    *,
    by: User | None = None,
    major: bool = True,
    due: date | None = None,
    **draft_kw,
) -> CodeVersion:
    """A published version of a code (a new code unless one is given)."""
    version = draft(of, **draft_kw)
    return services.publish_version(
        version, major=major, due_date=due or local_today() + timedelta(days=30), by=by or factories.officer()
    )
