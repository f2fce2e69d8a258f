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

from ethics_hr.codes.acknowledgments import acknowledge, record_on_behalf
from ethics_hr.codes.models import CodeOfEthics, CodeVersion
from ethics_hr.codes.quiz import remove_quiz
from ethics_hr.codes.services import (
    DraftContent,
    StatementContent,
    delete_statement,
    publish_version,
    save_code,
    save_statement,
    start_draft,
    update_draft,
)
from ethics_hr.core.timeutil import add_months, as_of, local_today
from ethics_hr.demo import content, quizzes
from ethics_hr.demo.accounts import DEMO_PASSWORD
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
# Versions the office asks to be acknowledged again every N months: the officials' code since 2568.
# A third of those who acknowledged it have renewed it a few days after it fell due again; the rest are due.
REACKNOWLEDGE: dict[tuple[str, int], int] = {("official_code", 2): 12}
RENEWAL_NOTE = "ลงนามรับทราบประมวลจริยธรรมอีกครั้งตามรอบ 12 เดือน"
# The office wrote its question bank in May 2025; each version published since has a quiz.
QUIZ_BANK_WRITTEN = date(2025, 5, 20)
PAPER_NOTE = {
    1: "ลงนามในแบบรับทราบประมวลจริยธรรม ในการประชุมประจำเดือนของส่วนราชการ",
    2: "ลงนามในแบบรับทราบ ในการประชุมชี้แจงประมวลจริยธรรมฉบับปรับปรุง ณ ห้องประชุมสำนักปลัดเทศบาล",
}


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=BANGKOK).astimezone(UTC)


def load_demo(people: list[Person]) -> None:
    """Write, publish and acknowledge the three local codes as the office did, each step on its own day."""
    officer = people[1].account
    categories = {c.code: c.id for c in db.session.scalars(db.select(StaffCategory))}
    with as_of(_at(QUIZ_BANK_WRITTEN, 10)):
        bank = quizzes.load_bank(officer)
    for order, spec in enumerate(content.CODES, start=1):
        schedule = SCHEDULE[spec["code"]]
        with as_of(_at(schedule[0][0] - timedelta(days=14), 9)):
            code = save_code(None, name_th=spec["title_th"], name_en=spec["title_en"], sort_order=order)
        audience = [categories[key] for key in spec["audience"]]
        for number, (version_spec, (published_on, due)) in enumerate(
            zip(spec["versions"], schedule, strict=True), start=1
        ):
            months = REACKNOWLEDGE.get((spec["code"], number))
            quiz = spec["code"] if published_on >= QUIZ_BANK_WRITTEN else None
            version = _publish(code, version_spec, audience, published_on, due, officer, months, (quiz, bank))
            members = [
                p
                for p in people
                if p.staff_category.code in spec["audience"] and (p.start_date or date.min) <= due
            ]
            skip = PENDING.get((spec["code"], number), set())
            for index, person in enumerate(members):
                if person.employee_number not in skip:
                    day = _acknowledge(version, person, index, officer, published_on, due, number)
                    if months and index % 3 == 0:
                        _renew(version, person, index, officer, add_months(day, months) + timedelta(days=3))


def _publish(
    code: CodeOfEthics,
    spec: dict,
    audience: list[int],
    published_on: date,
    due: date,
    officer: User,
    months: int | None = None,
    quiz: tuple[str | None, dict] = (None, {}),
) -> CodeVersion:
    """Draft the version a week before, with its Dos & Don'ts (and its quiz, from the bank, once the office
    wrote one), and publish it on the morning of the day."""
    with as_of(_at(published_on - timedelta(days=7), 9)):
        version = start_draft(code, title=spec["title_th"], effective_date=spec["effective_date"])
        update_draft(
            version,
            DraftContent(
                title=spec["title_th"],
                effective_date=spec["effective_date"],
                body_md=spec["body_md"],
                category_ids=audience,
                department_ids=[],
                reacknowledge_months=months,
            ),
            by=officer,
        )
        for item in list(version.dos_donts):  # a new version starts from the previous one's list
            delete_statement(item)
        for item in spec["dos_donts"]:
            save_statement(
                version,
                None,
                StatementContent(
                    kind=item["kind"],
                    text_th=item["text_th"],
                    text_en=item.get("text_en", ""),
                    example_th=item.get("example_th", ""),
                    example_en=item.get("example_en", ""),
                    clause=item.get("clause", ""),
                ),
            )
        code_key, bank = quiz
        if code_key is not None:
            quizzes.set_quiz(version, code_key, bank)
        elif version.quiz is not None:
            remove_quiz(version)
    with as_of(_at(published_on, 10, 30)):
        return publish_version(version, major=True, due_date=due, by=officer)


def _acknowledge(
    version: CodeVersion,
    person: Person,
    index: int,
    officer: User,
    published_on: date,
    due: date,
    number: int,
) -> date:
    start = max(published_on, person.start_date or published_on)
    span = max((due - start).days, 1)
    # Spread over the weeks before the due date; one in nine is a little late.
    day = start + timedelta(days=(index * 7) % span + (12 if index % 9 == 4 else 0))
    # Only people with an account can acknowledge in the system, which the office began to use in 2025;
    # the others, and everyone before, signed a paper form that the officer recorded two days later.
    if person.account is None or published_on.year < 2025:
        with as_of(_at(day + timedelta(days=2), 14, 10 + index % 40)):
            record_on_behalf(
                version, person, by=officer, note=PAPER_NOTE.get(number, PAPER_NOTE[1]), signed_on=day
            )
    else:
        with as_of(_at(day, 8 + index % 9, (index * 13) % 60)):
            if version.quiz is not None:
                quizzes.pass_quiz(version, person, index)
            acknowledge(
                version,
                person.account,
                agreed=True,
                password=DEMO_PASSWORD,
                address="127.0.0.1",
                locale="th",
            )
    return day


def _renew(version: CodeVersion, person: Person, index: int, officer: User, day: date) -> None:
    """Acknowledge a version again once it has fallen due (in the system with an account, else on paper)."""
    if day >= local_today():
        return
    if person.account is not None:
        with as_of(_at(day, 9 + index % 8, (index * 7) % 60)):
            if version.quiz is not None:
                quizzes.pass_quiz(version, person, index + 1)
            acknowledge(
                version, person.account, agreed=True, password=DEMO_PASSWORD, address="127.0.0.1", locale="th"
            )
    else:
        with as_of(_at(day + timedelta(days=1), 14, index % 50)):
            record_on_behalf(version, person, by=officer, note=RENEWAL_NOTE, signed_on=day)
