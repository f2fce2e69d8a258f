"""Demo data: the three codes of Ban Suan Town Municipality and who has acknowledged them, as of 25 Nov 2026.

- Local officials' code: the 2565 version (2022), acknowledged by most on paper, superseded by the
  revised 2568 version (major, published Sep 2025, due 31 Oct 2025): most acknowledged, some still
  pending and so overdue, among them the demo employees EMP0004 (who signed the 2565 version) and EMP0005.
- Executives' code: published for the new executive team in June 2025; two of them are overdue.
- Council members' code: published for the council on 2 Nov 2026, due 15 Dec 2026; most still pending.
People with an account acknowledged in the system themselves; the others signed a paper form that the
personnel officer recorded on their behalf.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from ethics_hr.codes.acknowledgments import statement_text
from ethics_hr.codes.content import content_sha256, normalise_text
from ethics_hr.codes.models import (
    DRAFT,
    MAJOR,
    ON_BEHALF,
    PUBLISHED,
    SELF,
    SUPERSEDED,
    Acknowledgment,
    CodeOfEthics,
    CodeVersion,
    DosDont,
)
from ethics_hr.demo import content
from ethics_hr.extensions import db
from ethics_hr.people.models import Person, StaffCategory, User

BANGKOK = ZoneInfo("Asia/Bangkok")

# Per code (by its key in content.CODES), per version: when it was published and by when to acknowledge.
SCHEDULE: dict[str, list[tuple[date, date]]] = {
    "executive_code": [(date(2025, 6, 9), date(2025, 7, 9))],
    "council_code": [(date(2026, 11, 2), date(2026, 12, 15))],
    "official_code": [(date(2022, 3, 16), date(2022, 4, 30)), (date(2025, 9, 16), date(2025, 10, 31))],
}
# Who has not acknowledged (employee numbers), per code and version number.
PENDING: dict[tuple[str, int], set[str]] = {
    ("executive_code", 1): {"EMP0008", "EMP0010"},
    ("council_code", 1): {"EMP0012", "EMP0014", "EMP0015", "EMP0016", "EMP0017"},
    ("official_code", 1): {"EMP0005", "EMP0027", "EMP0046"},
    ("official_code", 2): {
        "EMP0004",
        "EMP0005",
        "EMP0024",
        "EMP0033",
        "EMP0042",
        "EMP0050",
        "EMP0058",
        "EMP0063",
    },
}
PAPER_NOTE = {
    1: "ลงนามในแบบรับทราบประมวลจริยธรรม ในการประชุมประจำเดือนของส่วนราชการ",
    2: "ลงนามในแบบรับทราบ ในการประชุมชี้แจงประมวลจริยธรรมฉบับปรับปรุง ณ ห้องประชุมสำนักปลัดเทศบาล",
}


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=BANGKOK).astimezone(UTC)


def load_demo(people: list[Person]) -> None:
    """Create the three local codes with their Dos & Don'ts, versions and acknowledgments."""

    officer = people[1].account
    categories = {c.code: c for c in db.session.scalars(db.select(StaffCategory))}
    for order, spec in enumerate(content.CODES, start=1):
        code = CodeOfEthics(name_th=spec["title_th"], name_en=spec["title_en"], sort_order=order)
        db.session.add(code)
        audience = [categories[key] for key in spec["audience"]]
        previous: CodeVersion | None = None
        for number, (version_spec, (published_on, due)) in enumerate(
            zip(spec["versions"], SCHEDULE[spec["code"]], strict=True), start=1
        ):
            version = _publish(code, number, version_spec, audience, published_on, due, officer, previous)
            members = [
                p
                for p in people
                if p.staff_category.code in spec["audience"] and (p.start_date or date.min) <= due
            ]
            skip = PENDING.get((spec["code"], number), set())
            for index, person in enumerate(members):
                if person.employee_number not in skip:
                    _acknowledge(version, person, index, officer, published_on, due, number)
            previous = version
    db.session.flush()


def _publish(
    code: CodeOfEthics,
    number: int,
    spec: dict,
    audience: list[StaffCategory],
    published_on: date,
    due: date,
    officer: User,
    previous: CodeVersion | None,
) -> CodeVersion:
    version = CodeVersion(
        code=code,
        number=number,
        status=DRAFT,
        title=spec["title_th"],
        effective_date=spec["effective_date"],
        body_md=normalise_text(spec["body_md"]),
        categories=list(audience),
        dos_donts=[
            DosDont(
                position=position,
                kind=item["kind"],
                text_th=item["text_th"],
                text_en=item.get("text_en", ""),
                example_th=item.get("example_th", ""),
                example_en=item.get("example_en", ""),
                clause=item.get("clause", ""),
            )
            for position, item in enumerate(spec["dos_donts"], start=1)
        ],
    )
    db.session.add(version)
    db.session.flush()
    seal = content_sha256(version)
    with db.session.no_autoflush:
        published_at = _at(published_on, 10, 30)
        if previous is not None:
            previous.status = SUPERSEDED
            previous.ended_at = published_at
            previous.ended_by_id = officer.id
        version.status = PUBLISHED
        version.change_kind = MAJOR
        version.ack_basis_id = version.id
        version.due_date = due
        version.published_at = published_at
        version.published_by_id = officer.id
        version.content_sha256 = seal
    db.session.flush()
    return version


def _acknowledge(
    version: CodeVersion,
    person: Person,
    index: int,
    officer: User,
    published_on: date,
    due: date,
    number: int,
) -> None:
    start = max(published_on, person.start_date or published_on)
    span = max((due - start).days, 1)
    # Spread over the weeks before the due date; one in nine is a little late.
    day = start + timedelta(days=(index * 7) % span + (12 if index % 9 == 4 else 0))
    # Only people with an account can acknowledge in the system, which the office began to use in 2025;
    # the others, and everyone before, signed a paper form.
    if person.account is None or published_on.year < 2025:
        db.session.add(
            Acknowledgment(
                person=person,
                version=version,
                content_sha256=version.content_sha256,
                statement=statement_text("th"),
                locale="th",
                acknowledged_at=_at(day + timedelta(days=2), 14, 10 + index % 40),
                method=ON_BEHALF,
                recorded_by_id=officer.id,
                signed_on=day,
                note=PAPER_NOTE.get(number, PAPER_NOTE[1]),
            )
        )
    else:
        db.session.add(
            Acknowledgment(
                person=person,
                version=version,
                content_sha256=version.content_sha256,
                statement=statement_text("th"),
                locale="th",
                acknowledged_at=_at(day, 8 + index % 9, (index * 13) % 60),
                method=SELF,
                recorded_by_id=person.account.id,
            )
        )
