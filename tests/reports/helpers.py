"""Domain data for the evidence tests, made through each domain's own services (as an officer would)."""

from __future__ import annotations

from datetime import date

from tests import factories


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

    chair = factories.person(first_name_th="วีระพงษ์", last_name_th="รัตนพันธ์", position="ปลัดเทศบาล")
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
    member = factories.person(first_name_th="กรรมการ")
    services.answer(asked.question, member, "คำตอบของคณะกรรมการ")
    entry = None
    if publish:
        from ethics_hr.extensions import db

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

    officer = factories.officer()
    code = services.save_code(None, name_th=name, name_en="")
    version = services.start_draft(code, title=title, effective_date=effective)
    services.update_draft(
        version,
        services.DraftContent(
            title=title,
            effective_date=effective,
            body_md="## หมวด 1\n\n**ข้อ 1** ต้องซื่อสัตย์สุจริต",
            category_ids=[factories.category(category).id],
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
        services.publish_version(version, major=True, due_date=date(2099, 1, 1), by=officer)
    return version, officer


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

    from ethics_hr.extensions import db
    from ethics_hr.training import attendance, services
    from ethics_hr.training.models import CourseTopic

    officer = factories.officer()
    topic_code = "code_of_ethics" if ethics else "digital_skills"
    topic = db.session.scalar(db.select(CourseTopic).where(CourseTopic.code == topic_code))
    course = services.save_course(
        None,
        {"code": code, "title_th": title, "topic_id": topic.id, "is_ethics": ethics, "default_hours": hours},
    )
    (session,) = services.create_sessions(
        services.SessionInput(
            course_id=course.id, day=day, start=time(9), end=time(12), capacity=100, status="open"
        )
    )
    for person in attendees:
        attendance.add_walk_in(session, person.employee_number, status_code, by_user_id=officer.id)
    if cancel:
        services.cancel_session(session, reason="วิทยากรติดภารกิจ")
    return session
