"""Benchmark data for codes of ethics: 3 codes x 4 versions, and acknowledgments by bulk insert.

Profile L gets about 100,000 acknowledgments, profile M about 10,000. Every code applies to every staff
category, so the compliance page of a version covers the whole organisation. The chain of each code is
major, minor, major, minor: the version in force (4) also counts the acknowledgments of version 3. The last
code's version in force (the one whose compliance page is measured) is acknowledged again every 12 months, so
part of its acknowledgments are due again.
The benchmark employee acknowledges nothing, so their home page lists three versions to acknowledge.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import insert, select

from bench.context import EXPORT_MAX_MIB, download_memory
from ethics_hr.codes import tally
from ethics_hr.codes.content import content_sha256
from ethics_hr.codes.models import (
    AckMethod,
    Acknowledgment,
    ChangeKind,
    CodeOfEthics,
    CodeVersion,
    DosDont,
    VersionStatus,
)
from ethics_hr.extensions import db
from ethics_hr.people.models import StaffCategory

TARGET = {"XS": 200, "M": 10_000, "L": 100_000, "XL": 500_000}
CODES = ("ประมวลจริยธรรมผู้บริหารท้องถิ่น", "ประมวลจริยธรรมสมาชิกสภาท้องถิ่น", "ประมวลจริยธรรมพนักงานส่วนท้องถิ่น")
KINDS = (ChangeKind.MAJOR, ChangeKind.MINOR, ChangeKind.MAJOR, ChangeKind.MINOR)
BATCH = 5_000
_state: dict[str, int] = {}


def _body(n: int) -> str:
    clauses = "\n\n".join(f"**ข้อ {i}** พนักงานต้องปฏิบัติหน้าที่ด้วยความซื่อสัตย์สุจริต ฉบับที่ {n}" for i in range(1, 19))
    return f"# ประมวลจริยธรรม ฉบับที่ {n}\n\n{clauses}\n"


def _publish(
    code: CodeOfEthics, number: int, previous: CodeVersion | None, categories, by_id: int
) -> CodeVersion:
    version = CodeVersion(
        code=code,
        number=number,
        status=VersionStatus.DRAFT,
        title=f"{code.name_th} ฉบับที่ {number}",
        effective_date=date(2022, 1, 1) + timedelta(days=365 * (number - 1)),
        body_md=_body(number),
        reacknowledge_months=12 if number == 4 and code.name_th == CODES[-1] else None,
        categories=list(categories),
        dos_donts=[
            DosDont(position=i, kind="do" if i % 2 else "dont", text_th=f"ข้อปฏิบัติที่ {i}", clause=f"ข้อ {i}")
            for i in range(1, 9)
        ],
    )
    db.session.add(version)
    db.session.flush()
    seal = content_sha256(version)
    published_at = datetime(2022, 1, 1, 3, tzinfo=UTC) + timedelta(days=365 * (number - 1))
    kind = KINDS[number - 1]
    with db.session.no_autoflush:
        if previous is not None:
            previous.status = VersionStatus.SUPERSEDED
            previous.ended_at = published_at
        version.status = VersionStatus.PUBLISHED
        version.change_kind = kind
        version.ack_basis_id = version.id if kind == ChangeKind.MAJOR else previous.ack_basis_id
        version.due_date = published_at.date() + timedelta(days=30)
        version.published_at = published_at
        version.published_by_id = by_id
        version.content_sha256 = seal
    db.session.flush()
    return version


def generate(ctx) -> None:
    """Create 3 codes with 4 versions each and the profile's number of acknowledgments."""
    categories = list(db.session.scalars(select(StaffCategory)))
    versions: list[CodeVersion] = []
    for order, name in enumerate(CODES, start=1):
        code = CodeOfEthics(name_th=name, name_en="", sort_order=order)
        db.session.add(code)
        previous = None
        for number in range(1, 5):
            previous = _publish(code, number, previous, categories, ctx.officer.id)
            versions.append(previous)
    db.session.commit()
    _state["compliance_version_id"] = versions[-1].id

    people = [pid for pid in ctx.people if pid != ctx.employee.person_id]
    share = min(0.95, TARGET[ctx.profile] / max(1, len(versions) * len(people)))
    rows: list[dict] = []
    for version in versions:
        for person_id in people:
            if ctx.rng.random() >= share:
                continue
            on_paper = ctx.rng.random() < 0.3
            rows.append(
                {
                    "person_id": person_id,
                    "version_id": version.id,
                    "content_sha256": version.content_sha256,
                    "statement": "ข้าพเจ้าได้อ่านประมวลจริยธรรมนี้แล้ว และจะยึดถือปฏิบัติตามโดยเคร่งครัด",
                    "locale": "th",
                    "acknowledged_at": version.published_at + timedelta(days=ctx.rng.randint(0, 40)),
                    "method": AckMethod.ON_BEHALF if on_paper else AckMethod.SELF,
                    "recorded_by_id": ctx.officer.id if on_paper else None,
                    "signed_on": version.published_at.date() if on_paper else None,
                    "note": "ลงนามในการประชุมประจำเดือน" if on_paper else "",
                    "attachment_id": None,
                }
            )
            if len(rows) >= BATCH:
                db.session.execute(insert(Acknowledgment), rows)
                rows = []
    if rows:
        db.session.execute(insert(Acknowledgment), rows)
    # Inserted in bulk, past the session's counting: count the published versions again, as a job would.
    for version in versions:
        if version.status == VersionStatus.PUBLISHED:
            tally.rebuild(version)
    db.session.commit()


def pages(ctx) -> list[tuple[str, str, str]]:
    """The compliance page of the version in force (first page of pending people) and an employee's home."""
    version_id = _state.get("compliance_version_id") or db.session.scalar(
        select(CodeVersion.id)
        .where(CodeVersion.status == VersionStatus.PUBLISHED)
        .order_by(CodeVersion.id.desc())
        .limit(1)
    )
    return [
        ("codes: compliance of a version", f"/codes/versions/{version_id}/compliance", "officer"),
        ("codes: employee home page", "/home", "employee"),
    ]


def tasks(ctx) -> list[tuple]:
    """The compliance list of the version in force, everyone in it, as XLSX: streamed, so flat in memory."""

    def export_compliance() -> dict:
        url = f"/codes/versions/{_state['compliance_version_id']}/compliance.xlsx?status=all"
        found = download_memory(ctx, url)
        print(
            f"codes: exported the compliance list as XLSX, {found['bytes']:,} bytes, grew {found['mib']} MiB"
        )
        return found

    large = ctx.profile in {"L", "XL"}
    return [
        (
            "codes: export a version's compliance as XLSX",
            export_compliance,
            None,
            EXPORT_MAX_MIB if large else None,
        )
    ]
