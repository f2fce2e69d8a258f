"""The rules for recording an appointment order: its number, dates, members, chair, replacement and scan."""

from __future__ import annotations

import io
import threading
from datetime import date

import pytest
from werkzeug.datastructures import FileStorage

from ethics_hr.committees import orders
from ethics_hr.committees.models import AppointmentOrder, Committee, Membership
from ethics_hr.committees.orders import MemberEntry, NoChairInForce, OrderDraft
from ethics_hr.core.errors import RuleViolation
from ethics_hr.core.uploads import StoredFile
from ethics_hr.extensions import db
from tests import factories

D = date(2026, 1, 5)


def draft(members: list[MemberEntry], **kw) -> OrderDraft:
    values = {
        "number": 12,
        "title": "แต่งตั้งคณะกรรมการจริยธรรม",
        "signed_on": D,
        "signed_by_name": "นายประเสริฐ วงศ์ใหญ่",
        "signed_by_position": "นายกเทศมนตรี",
        "effective_on": D,
    } | kw
    return OrderDraft(members=members, **values)


def row(person=None, role: str = "member", **kw) -> MemberEntry:
    return MemberEntry(person_ref=person.employee_number if person is not None else "", role=role, **kw)


def rows(*entries: MemberEntry) -> list[MemberEntry]:
    for index, entry in enumerate(entries):
        entry.row = index
    return list(entries)


def _count(model) -> int:
    return db.session.scalar(db.select(db.func.count()).select_from(model))


def _violation(committee, d: OrderDraft, order=None, **kw) -> RuleViolation:
    with pytest.raises(RuleViolation) as error:
        orders.save_order(committee, order, d, **kw)
    db.session.rollback()
    return error.value


# ---------------------------------------------------------------- a good order


def test_an_order_is_saved_with_its_members_and_the_year_of_its_signing_date(app):
    chair, secretary = factories.person(), factories.person(position="นักทรัพยากรบุคคล")
    c = factories.committee()
    d = draft(
        rows(
            row(chair, "chair"),
            row(secretary, "secretary"),
            MemberEntry(outside_name="ดร.สุวิทย์  ทองประเสริฐ", outside_organisation="มหาวิทยาลัยราชภัฏ"),
            MemberEntry(),  # an empty row is ignored
        ),
        signed_on=date(2023, 6, 12),
        effective_on=date(2023, 6, 12),
    )

    order = orders.save_order(c, None, d)

    assert (order.number, order.year_be) == (12, 2566)
    assert [(m.person_id, m.role) for m in order.members] == [
        (chair.id, "chair"),
        (secretary.id, "secretary"),
        (None, "member"),
    ]
    assert order.members[1].position == "นักทรัพยากรบุคคล"  # the position at the time of the order
    assert order.members[2].outside_name == "ดร.สุวิทย์ ทองประเสริฐ"


def test_a_member_may_be_picked_as_number_and_name_from_the_list(app):
    chair = factories.person()
    c = factories.committee()

    order = orders.save_order(
        c, None, draft([MemberEntry(person_ref=f"{chair.employee_number} · ชื่อ", role="chair")])
    )

    assert order.members[0].person_id == chair.id


def test_next_order_number_runs_per_calendar_year_and_restarts_on_1_january(app):
    c = factories.committee()
    factories.order(c, [factories.person()], number=41, signed_on=date(2025, 12, 31))
    factories.order(c, [factories.person()], number=44, signed_on=date(2025, 3, 1))

    assert orders.next_order_number(2568) == 45
    assert orders.next_order_number(2569) == 1


# ---------------------------------------------------------------- refused


def test_an_order_number_already_used_that_year_is_refused(app):
    c = factories.committee()
    factories.order(c, [factories.person()], number=12, signed_on=date(2026, 3, 1))
    d = draft(rows(row(factories.person(), "chair")), number=12)

    error = _violation(c, d)

    assert error.field == "number"
    assert "12/2569" in error.message
    assert _count(AppointmentOrder) == 1


def test_the_same_number_in_another_year_is_accepted(app):
    c = factories.committee()
    factories.order(c, [factories.person()], number=12, signed_on=date(2025, 3, 1))

    order = orders.save_order(c, None, draft(rows(row(factories.person(), "chair")), number=12))

    assert order.year_be == 2569


def test_an_end_before_the_effective_date_is_refused(app):
    c = factories.committee()
    error = _violation(c, draft(rows(row(factories.person(), "chair")), ends_on=date(2026, 1, 4)))
    assert error.field == "ends_on"


def test_an_order_with_no_members_is_refused(app):
    c = factories.committee()
    error = _violation(c, draft(rows(MemberEntry(), MemberEntry())))
    assert error.field is None
    assert _count(AppointmentOrder) == 0


def test_a_person_listed_twice_is_refused_on_the_second_row(app):
    person = factories.person()
    c = factories.committee()
    error = _violation(c, draft(rows(row(person, "chair"), row(factories.person()), row(person))))
    assert error.field == "members-2-person"
    assert _count(Membership) == 0


def test_an_outside_member_listed_twice_is_refused(app):
    c = factories.committee()
    d = draft(
        rows(
            row(factories.person(), "chair"),
            MemberEntry(outside_name="นายบรรจง สุขประเสริฐ"),
            MemberEntry(outside_name=" นายบรรจง  สุขประเสริฐ "),
        )
    )
    assert _violation(c, d).field == "members-2-outside_name"


def test_an_unknown_employee_number_is_refused_next_to_its_row(app):
    c = factories.committee()
    error = _violation(c, draft(rows(MemberEntry(person_ref="NOBODY", role="chair"))))
    assert error.field == "members-0-person"
    assert "NOBODY" in error.message


def test_a_row_with_both_a_person_and_an_outsider_is_refused(app):
    c = factories.committee()
    d = draft(rows(row(factories.person(), "chair", outside_name="นายบรรจง สุขประเสริฐ")))
    assert _violation(c, d).field == "members-0-person"


def test_a_row_with_only_a_position_asks_for_the_member(app):
    c = factories.committee()
    d = draft(rows(row(factories.person(), "chair"), MemberEntry(position="ผู้ทรงคุณวุฒิ")))
    assert _violation(c, d).field == "members-1-person"


def test_an_unknown_role_is_refused(app):
    c = factories.committee()
    assert _violation(c, draft(rows(row(factories.person(), "king")))).field == "members-0-role"


def test_a_term_outside_the_order_is_refused(app):
    c = factories.committee()
    early = draft(rows(row(factories.person(), "chair", starts_on=date(2026, 1, 4))))
    late = draft(rows(row(factories.person(), "chair", ends_on=date(2027, 1, 1))), ends_on=date(2026, 12, 31))
    backwards = draft(
        rows(row(factories.person(), "chair", starts_on=date(2026, 3, 1), ends_on=date(2026, 2, 1)))
    )

    assert _violation(c, early).field == "members-0-starts_on"
    assert _violation(c, late).field == "members-0-ends_on"
    assert _violation(c, backwards).field == "members-0-ends_on"


def test_an_order_of_a_dissolved_committee_cannot_take_effect_after_the_dissolution(app):
    c = factories.committee(dissolved_on=date(2026, 1, 1))
    assert _violation(c, draft(rows(row(factories.person(), "chair")))).field == "effective_on"


# ---------------------------------------------------------------- the chair


def test_an_order_leaving_the_committee_without_a_chair_is_a_warning(app):
    c = factories.committee()
    d = draft(rows(row(factories.person(), "member"), row(factories.person(), "secretary")))

    with pytest.raises(NoChairInForce):
        orders.save_order(c, None, d)
    db.session.rollback()
    assert _count(AppointmentOrder) == 0


def test_the_no_chair_warning_can_be_accepted(app):
    c = factories.committee()
    d = draft(rows(row(factories.person(), "member")))

    order = orders.save_order(c, None, d, accept_without_chair=True)

    assert order.id is not None


def test_a_chair_in_force_from_an_earlier_order_counts(app):
    c = factories.committee()
    factories.order(c, [(factories.person(), "chair")], effective_on=date(2025, 7, 21))

    order = orders.save_order(c, None, draft(rows(row(factories.person(), "member"))))

    assert order.id is not None


def test_the_chair_of_the_order_being_replaced_does_not_count(app):
    c = factories.committee()
    first = factories.order(c, [(factories.person(), "chair")], effective_on=date(2025, 7, 21))

    with pytest.raises(NoChairInForce):
        orders.save_order(c, None, draft(rows(row(factories.person(), "member")), replaces_id=first.id))


def test_a_chair_whose_term_starts_later_is_not_in_force(app):
    c = factories.committee()
    d = draft(rows(row(factories.person(), "chair", starts_on=date(2026, 2, 1))))
    with pytest.raises(NoChairInForce):
        orders.save_order(c, None, d)


# ---------------------------------------------------------------- replacing


def test_an_order_replaces_an_earlier_order_of_the_same_committee(app):
    c = factories.committee()
    first = factories.order(c, [(factories.person(), "chair")], effective_on=date(2025, 7, 21))

    second = orders.save_order(c, None, draft(rows(row(factories.person(), "chair")), replaces_id=first.id))

    assert second.replaces.id == first.id
    assert first.replaced_by.id == second.id
    assert orders.replaceable_orders(c) == [second]


def test_replacing_an_order_of_another_committee_or_a_later_order_is_refused(app):
    c, other = factories.committee(), factories.committee()
    foreign = factories.order(other, [(factories.person(), "chair")], effective_on=date(2025, 7, 21))
    later = factories.order(c, [(factories.person(), "chair")], effective_on=date(2026, 6, 1))

    assert (
        _violation(c, draft(rows(row(factories.person(), "chair")), replaces_id=foreign.id)).field
        == "replaces_id"
    )
    assert (
        _violation(c, draft(rows(row(factories.person(), "chair")), replaces_id=later.id)).field
        == "replaces_id"
    )


def test_an_order_already_replaced_cannot_be_replaced_again(app):
    c = factories.committee()
    first = factories.order(c, [(factories.person(), "chair")], effective_on=date(2025, 1, 6))
    factories.order(c, [(factories.person(), "chair")], effective_on=date(2025, 7, 21), replaces=first)

    error = _violation(c, draft(rows(row(factories.person(), "chair")), replaces_id=first.id))

    assert error.field == "replaces_id"


# ---------------------------------------------------------------- correcting and deleting


def test_correcting_an_order_keeps_the_rows_of_members_still_listed(app):
    chair, leaves, joins = factories.person(), factories.person(), factories.person()
    c = factories.committee()
    order = factories.order(c, [(chair, "member"), leaves], effective_on=D, number=12)
    kept_id = order.members[0].id

    orders.save_order(c, order, draft(rows(row(chair, "chair"), row(joins))))

    db.session.expire_all()
    members = db.session.get(AppointmentOrder, order.id).members
    assert [(m.person_id, m.role) for m in members] == [(chair.id, "chair"), (joins.id, "member")]
    assert members[0].id == kept_id


def test_correcting_an_order_may_keep_its_own_number(app):
    c = factories.committee()
    order = factories.order(c, [(factories.person(), "chair")], effective_on=D, number=12)

    orders.save_order(c, order, draft(rows(row(factories.person(), "chair")), title="แก้ไขชื่อคำสั่ง"))

    assert order.title == "แก้ไขชื่อคำสั่ง"


def test_deleting_an_order_removes_its_members(app):
    c = factories.committee()
    order = factories.order(c, [(factories.person(), "chair")], effective_on=D)

    orders.delete_order(order)

    assert _count(AppointmentOrder) == 0
    assert _count(Membership) == 0


def test_an_order_that_another_order_replaces_cannot_be_deleted(app):
    c = factories.committee()
    first = factories.order(c, [(factories.person(), "chair")], effective_on=D)
    factories.order(c, [(factories.person(), "chair")], effective_on=date(2026, 6, 1), replaces=first)

    with pytest.raises(RuleViolation):
        orders.delete_order(first)


# ---------------------------------------------------------------- the scanned order


def _file(data: bytes, name: str = "order.pdf") -> FileStorage:
    return FileStorage(io.BytesIO(data), filename=name)


def test_the_scanned_pdf_is_stored_with_the_order(app):
    c = factories.committee()
    order = orders.save_order(
        c, None, draft(rows(row(factories.person(), "chair"))), document=_file(factories.PDF_BYTES)
    )
    assert order.document.content_type == "application/pdf"
    assert order.document.original_name == "order.pdf"


def test_a_file_that_is_not_a_pdf_is_refused_and_nothing_is_written(app):
    c = factories.committee()
    fake = _file(b"\x89PNG\r\n\x1a\n0000", name="order.pdf")

    error = _violation(c, draft(rows(row(factories.person(), "chair"))), document=fake)

    assert error.field == "document"
    assert _count(AppointmentOrder) == 0
    assert _count(StoredFile) == 0


# ---------------------------------------------------------------- at the same time


@pytest.mark.own_connections
def test_two_officers_recording_the_same_number_at_once_get_one_order(app):
    committee_id = factories.committee().id
    people = [factories.person().employee_number for _ in range(2)]
    barrier = threading.Barrier(2)
    results: list[str] = []

    def record(employee_number: str) -> None:
        with app.app_context():
            committee = db.session.get(Committee, committee_id)
            d = draft([MemberEntry(person_ref=employee_number, role="chair")])
            orders._check_header(committee, None, d)  # both pass the check before either writes
            barrier.wait()
            try:
                orders.save_order(committee, None, d)
                results.append("saved")
            except RuleViolation as error:
                results.append(error.field or "")
            finally:
                db.session.remove()

    threads = [threading.Thread(target=record, args=(n,)) for n in people]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)

    assert sorted(results) == ["number", "saved"]
    assert _count(AppointmentOrder) == 1


def test_an_order_being_corrected_may_keep_the_order_it_replaces(app):
    c = factories.committee()
    first = factories.order(c, [(factories.person(), "chair")], effective_on=date(2025, 1, 6))
    second = factories.order(
        c, [(factories.person(), "chair")], effective_on=date(2025, 7, 21), replaces=first
    )
    third = factories.order(c, [(factories.person(), "chair")], effective_on=date(2026, 1, 5))

    assert orders.replaceable_orders(c, second) == [third, first]
    assert orders.replaceable_orders(c, third) == [second]
