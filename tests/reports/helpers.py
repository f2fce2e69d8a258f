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
