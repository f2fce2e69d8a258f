"""Factories for test data, for every domain: plain functions with sensible defaults and keyword overrides.

People and accounts first, then each domain's data. Most functions add rows directly (quick, no rules); the
"evidence" ones near the end go through the domains' own services, as an officer would.
"""

from __future__ import annotations

import itertools
from datetime import date, datetime, timedelta
from decimal import Decimal

from ethics_hr.codes import quiz as code_quiz
from ethics_hr.codes import services as code_services
from ethics_hr.codes.models import CodeOfEthics, CodeVersion
from ethics_hr.committees.models import AppointmentOrder, Committee, Membership
from ethics_hr.core.models import utc_now
from ethics_hr.core.passwords import hash_password
from ethics_hr.core.timeutil import be_year, local_today
from ethics_hr.extensions import db
from ethics_hr.learning import services as learning_services
from ethics_hr.learning.models import BankQuestion
from ethics_hr.people.models import Department, Person, StaffCategory, User, UserRole
from ethics_hr.plans import services as plan_services
from ethics_hr.plans.models import Plan, PlanArea, PlanStatus
from ethics_hr.training.checkin import new_checkin_code
from ethics_hr.training.models import (
    Course,
    CourseTopic,
    Registration,
    RegistrationState,
    SessionStatus,
    TrainingSession,
)

PASSWORD = "correct horse battery"
_seq = itertools.count(1)


def category(code: str = "local_official") -> StaffCategory:
    return db.session.scalar(db.select(StaffCategory).where(StaffCategory.code == code))


_category = category  # for functions whose `category` parameter hides this one


def department(**kw) -> Department:
    n = next(_seq)
    values = {"code": f"D{n}", "name_th": f"กองทดสอบ {n}", "name_en": f"Test division {n}"} | kw
    dept = Department(**values)
    db.session.add(dept)
    db.session.commit()
    return dept


def person(*, category_code: str = "local_official", dept: Department | None = None, **kw) -> Person:
    n = next(_seq)
    values = {
        "employee_number": f"T{n:05d}",
        "prefix": "นาย",
        "first_name_th": f"ทดสอบ{n}",
        "last_name_th": "ใจดี",
        "first_name_en": f"Test{n}",
        "last_name_en": "Jaidee",
        "position": "นักทรัพยากรบุคคล",
        "email": f"person{n}@example.org",
        "start_date": date(2020, 1, 1),
    } | kw
    p = Person(staff_category=category(category_code), department=dept, **values)
    db.session.add(p)
    db.session.commit()
    return p


def user(*roles: str, password: str | None = PASSWORD, locale: str | None = None, **person_kw) -> User:
    """A person with an account, the given roles, and a password (None: opened but not activated)."""
    p = person(**person_kw)
    u = User(person=p, password_hash=hash_password(password) if password else None, preferred_locale=locale)
    for role in roles:
        u.role_links.append(UserRole(role=role))
    db.session.add(u)
    db.session.commit()
    return u


def officer(**kw) -> User:
    return user("personnel_officer", **kw)


def admin(**kw) -> User:
    return user("admin", **kw)


# ---------------------------------------------------------------- committees


PDF_BYTES = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def committee(kind: str = "ethics_committee", **kw) -> Committee:
    n = next(_seq)
    values = {"name_th": f"คณะกรรมการทดสอบ {n}", "name_en": f"Test committee {n}", "kind": kind} | kw
    c = Committee(**values)
    db.session.add(c)
    db.session.commit()
    return c


def order(
    committee: Committee,
    members: list = (),
    *,
    effective_on: date = date(2026, 1, 5),
    signed_on: date | None = None,
    number: int | None = None,
    **kw,
) -> AppointmentOrder:
    """An order listing members given as Person, (Person, role), (Person, role, start, end) or dicts."""
    signed_on = signed_on or effective_on
    o = AppointmentOrder(
        committee=committee,
        number=number or next(_seq),
        year_be=be_year(signed_on.year),
        title=f"แต่งตั้ง{committee.name_th}",
        signed_on=signed_on,
        signed_by_name="นายประเสริฐ วงศ์ใหญ่",
        signed_by_position="นายกเทศมนตรี",
        effective_on=effective_on,
        **kw,
    )
    for index, spec in enumerate(members):
        o.members.append(_membership(spec, index))
    db.session.add(o)
    db.session.commit()
    return o


def _membership(spec, index: int) -> Membership:
    if isinstance(spec, Membership):
        return spec
    if isinstance(spec, dict):
        return Membership(sort_order=index, **spec)
    if isinstance(spec, Person):
        spec = (spec, "member")
    person, role, *term = spec
    starts_on, ends_on = [*term, None, None][:2]
    return Membership(person=person, role=role, starts_on=starts_on, ends_on=ends_on, sort_order=index)


def outsider(name: str = "นายบรรจง สุขประเสริฐ", role: str = "member", **kw) -> dict:
    return {
        "outside_name": name,
        "outside_organisation": "ข้าราชการบำนาญ",
        "position": "ผู้ทรงคุณวุฒิ",
        "role": role,
    } | kw


# ---------------------------------------------------------------- codes of ethics


BODY = """\
# ประมวลจริยธรรมทดสอบ

**ข้อ 1** พนักงานต้องซื่อสัตย์สุจริต

**ข้อ 2** พนักงานต้องไม่รับของขวัญจากผู้มีส่วนได้เสีย
"""


def code(name: str = "ประมวลจริยธรรมพนักงานส่วนท้องถิ่น") -> CodeOfEthics:
    return code_services.save_code(None, name_th=name, name_en="Code of Ethics for Local Officials")


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
    version = code_services.start_draft(of)
    code_services.update_draft(
        version,
        code_services.DraftContent(
            title=title,
            effective_date=effective or local_today() - timedelta(days=1),
            body_md=body,
            category_ids=categories(*audience),
            department_ids=[d.id for d in departments],
        ),
    )
    for item in list(version.dos_donts):
        code_services.delete_statement(item)
    for kind, text in statements:
        content = code_services.StatementContent(kind=kind, text_th=text, clause="ข้อ 2")
        code_services.save_statement(version, None, content)
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
    return code_services.publish_version(
        version, major=major, due_date=due or local_today() + timedelta(days=30), by=by or officer()
    )


def bank_question(
    prompt: str = "ผู้รับเหมานำของขวัญมามอบให้ ควรทำอย่างไร",
    *,
    right: tuple[int, ...] = (0,),
    choices: int = 3,
    kind: str = "single",
    topic: str = "gifts",
    scenario: bool = True,
    by: User | None = None,
) -> BankQuestion:
    """A question of the bank with `choices` choices, those at the positions in `right` being right."""
    content = learning_services.QuestionContent(
        prompt_th=prompt,
        prompt_en="What should you do?",
        kind=kind,
        topic=topic,
        scenario=scenario,
        explanation_th="คำอธิบาย",
        explanation_en="Because the code says so.",
        clause="ข้อ 12",
        choices=[
            learning_services.ChoiceContent(f"ตัวเลือก {n + 1}", f"Choice {n + 1}", n in right)
            for n in range(choices)
        ],
    )
    return learning_services.save_question(None, content, by=by or officer())


def quizzed(
    *, questions: int = 4, pass_percent: int = 75, required: bool = True, **published_kw
) -> CodeVersion:
    """A published version whose quiz has `questions` single-choice questions (the first choice right)."""
    version = draft(**{k: v for k, v in published_kw.items() if k not in {"by", "due"}})
    bank = [bank_question(f"คำถามที่ {n + 1}") for n in range(questions)]
    code_quiz.save_quiz(
        version, pass_percent=pass_percent, required=required, question_ids=[q.id for q in bank]
    )
    return code_services.publish_version(
        version,
        major=True,
        due_date=published_kw.get("due") or local_today() + timedelta(days=30),
        by=published_kw.get("by") or officer(),
    )


def quiz_answers(version: CodeVersion, *, wrong: int = 0) -> dict[int, list[int]]:
    """Ticks for a version's quiz: the right choice, except for the first `wrong` questions."""
    ticked = {}
    for n, question in enumerate(version.quiz.questions):
        pick = [c for c in question.choices if c.correct != (n < wrong)][:1]
        ticked[question.id] = [c.id for c in pick]
    return ticked


def pass_quiz(version: CodeVersion, person: Person):
    order = [q.id for q in version.quiz.questions]
    return code_quiz.take(version, person, order=order, ticked=quiz_answers(version))


# ---------------------------------------------------------------- training


def topic(code: str = "code_of_ethics") -> CourseTopic:
    return db.session.scalar(db.select(CourseTopic).where(CourseTopic.code == code))


def course(*, is_ethics: bool = True, hours: float = 3.0, **kw) -> Course:
    n = next(_seq)
    values = {
        "code": f"C{n:03d}",
        "title_th": f"หลักสูตรทดสอบ {n}",
        "title_en": f"Test course {n}",
        "topic": topic("code_of_ethics" if is_ethics else "digital_skills"),
        "is_ethics": is_ethics,
        "default_hours": hours,
    } | kw
    c = Course(**values)
    db.session.add(c)
    db.session.commit()
    return c


def session(
    *, course_: Course | None = None, starts_at: datetime | None = None, hours_long: float = 3, **kw
) -> TrainingSession:
    starts = starts_at or (utc_now() + timedelta(days=14)).replace(microsecond=0)
    values = {
        "course": course_ or course(),
        "starts_at": starts,
        "ends_at": starts + timedelta(hours=hours_long),
        "capacity": 10,
        "status": SessionStatus.OPEN,
        "place": "ห้องประชุมสภา",
        "checkin_code": new_checkin_code(),
    } | kw
    s = TrainingSession(**values)
    db.session.add(s)
    db.session.commit()
    return s


def register(s: TrainingSession, person, state: str = "invited") -> Registration:
    """Put a person on a session directly (seat counted when enrolled)."""
    reg = Registration(session_id=s.id, person_id=person.id, state=state)
    if state == RegistrationState.ENROLLED:
        reg.enrolled_at = utc_now()
        s.seats_taken += 1
    if state == "waitlisted":
        reg.waitlisted_at = utc_now()
    db.session.add(reg)
    db.session.commit()
    return reg


# ---------------------------------------------------------------- plans


def area_id(code: str = "ethics") -> int:
    return db.session.scalar(db.select(PlanArea.id).where(PlanArea.code == code))


def plan(first: int = 2569, last: int = 2571, *, approved: bool = False) -> Plan:
    p = plan_services.save_plan(
        None,
        title_th="แผนทดสอบ",
        title_en="Test plan",
        first_fiscal_year=first,
        last_fiscal_year=last,
        approved_on=None,
        approved_by="",
    )
    if approved:
        p.status = PlanStatus.APPROVED
        p.approved_on = date(2025, 9, 22)
        p.approved_by = "นายกเทศมนตรี"
        db.session.commit()
    return p


def item_input(**kw) -> plan_services.ItemInput:
    values = {
        "name": "โครงการอบรมจริยธรรม",
        "area_id": area_id(),
        "objective": "",
        "target_participants": 40,
        "indicator": "",
        "indicator_target": None,
        "responsible_department_id": None,
        "fiscal_year": 2569,
        "quarter": 1,
        "department_ids": [],
        "category_ids": [category().id],
        "budgets": {2569: Decimal("25000")},
    } | kw
    return plan_services.ItemInput(**values)


# ---------------------------------------------------------------- evidence, through the services


def committee_with_order(
    *,
    kind: str = "ethics_committee",
    name: str = "คณะกรรมการจริยธรรมเทศบาลทดสอบ",
    number: int = 231,
    signed_on: date = date(2025, 7, 21),
    ends_on: date | None = None,
):
    """Record a committee and its appointment order: a chair from the staff and an outside member."""
    from ethics_hr.committees import orders, services

    chair = person(first_name_th="วีระพงษ์", last_name_th="รัตนพันธ์", position="ปลัดเทศบาล")
    committee = services.save_committee(None, name_th=name, name_en="", kind=kind, mandate="ให้คำปรึกษา")
    draft = orders.OrderDraft(
        number=number,
        title=f"แต่งตั้ง{name}",
        signed_on=signed_on,
        signed_by_name="นายประเสริฐ วงศ์ใหญ่",
        signed_by_position="นายกเทศมนตรี",
        effective_on=signed_on,
        ends_on=ends_on,
        members=[
            orders.MemberEntry(person_ref=chair.employee_number, role="chair", row=0),
            orders.MemberEntry(
                outside_name="นายบรรจง สุขประเสริฐ",
                outside_organisation="ข้าราชการบำนาญ",
                position="ผู้ทรงคุณวุฒิ",
                role="member",
                row=1,
            ),
        ],
    )
    order = orders.save_order(committee, None, draft)
    return committee, order, chair


def answered_question(subject: str, *, asker=None, publish: str | None = None):
    """Ask a question (anonymously unless an asker is given), answer it, and publish it as FAQ if asked."""
    from ethics_hr.questions import services

    category = services.categories()[0]
    asked = services.ask(category_id=category.id, subject=subject, body="รายละเอียดของคำถาม", asker=asker)
    member = person(first_name_th="กรรมการ")
    services.answer(asked.question, member, "คำตอบของคณะกรรมการ")
    entry = None
    if publish:
        # Outside a request the cached settings row is expired by the commits above; reading it would
        # flush the half-made entry (a request reads it once, before any commit).
        with db.session.no_autoflush:
            entry = services.publish_faq(
                asked.question, member, title=publish, answer_text="ตอบโดยไม่ระบุตัวบุคคล"
            )
    return asked.question, entry


def published_code(
    name: str = "ประมวลจริยธรรมพนักงานส่วนท้องถิ่น",
    *,
    title: str = "ประมวลจริยธรรมพนักงานส่วนท้องถิ่น พ.ศ. 2568",
    category: str = "local_official",
    effective: date = date(2025, 10, 1),
    dos: tuple[str, ...] = ("แจ้งส่วนได้เสียก่อนพิจารณาเรื่อง",),
    donts: tuple[str, ...] = ("ไม่รับของขวัญจากผู้รับเหมา",),
    publish: bool = True,
):
    """Create a code with one version for a staff category and its Dos & Don'ts; publish it if asked."""
    from ethics_hr.codes import services

    by = officer()
    code = services.save_code(None, name_th=name, name_en="")
    version = services.start_draft(code, title=title, effective_date=effective)
    services.update_draft(
        version,
        services.DraftContent(
            title=title,
            effective_date=effective,
            body_md="## หมวด 1\n\n**ข้อ 1** ต้องซื่อสัตย์สุจริต",
            category_ids=[_category(category).id],
            department_ids=[],
        ),
    )
    for text in dos:
        services.save_statement(
            version, None, services.StatementContent(kind="do", text_th=text, clause="ข้อ 1")
        )
    for text in donts:
        services.save_statement(version, None, services.StatementContent(kind="dont", text_th=text))
    if publish:
        services.publish_version(version, major=True, due_date=date(2099, 1, 1), by=by)
    return version, by


def acknowledge(version, person, officer) -> None:
    """Record a person's acknowledgment as the officer does from a signed paper form."""
    from ethics_hr.codes import acknowledgments

    acknowledgments.record_on_behalf(
        version, person, by=officer, note="ลงนามในที่ประชุมประจำเดือน", signed_on=date(2025, 10, 15)
    )


def held_session(
    *,
    code: str,
    title: str,
    ethics: bool,
    day: date,
    attendees: list,
    status_code: str = "present",
    hours: float = 3.0,
    cancel: bool = False,
):
    """Record a course and a session on a past day, then the attendance of each attendee (walk-ins)."""
    from datetime import time

    from ethics_hr.training import attendance, services

    by = officer()
    topic_code = "code_of_ethics" if ethics else "digital_skills"
    topic_row = topic(topic_code)
    course = services.save_course(
        None,
        {
            "code": code,
            "title_th": title,
            "topic_id": topic_row.id,
            "is_ethics": ethics,
            "default_hours": hours,
        },
    )
    (session,) = services.create_sessions(
        services.SessionInput(
            course_id=course.id, day=day, start=time(9), end=time(12), capacity=100, status="open"
        )
    )
    for person in attendees:
        attendance.add_walk_in(session, person.employee_number, status_code, by_user_id=by.id)
    if cancel:
        services.cancel_session(session, reason="วิทยากรติดภารกิจ")
    return session
