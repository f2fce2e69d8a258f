"""Keeping codes: drafts, Dos & Don'ts, publishing (major or minor) and withdrawal."""

from __future__ import annotations

from datetime import timedelta

import pytest

from ethics_hr.codes import services
from ethics_hr.codes.models import CodeVersion
from ethics_hr.core.errors import RuleViolation
from ethics_hr.core.timeutil import local_today
from ethics_hr.extensions import db
from tests import factories


def test_a_new_version_starts_as_a_copy_of_the_latest(app):
    first = factories.published(audience=("local_official", "teacher"), statements=(("do", "ลงเวลาตามจริง"),))
    draft = services.start_draft(first.code)
    assert draft.number == 2
    assert draft.status == "draft"
    assert draft.body_md == first.body_md
    assert [c.code for c in draft.categories] == [c.code for c in first.categories]
    assert [d.text_th for d in draft.dos_donts] == ["ลงเวลาตามจริง"]


def test_a_code_has_at_most_one_draft(app):
    code = factories.code()
    services.start_draft(code)
    with pytest.raises(RuleViolation):
        services.start_draft(code)


def test_publishing_seals_the_version_and_supersedes_the_one_in_force(app):
    officer = factories.officer()
    first = factories.published(by=officer)
    second = factories.published(first.code, by=officer, effective=first.effective_date + timedelta(days=1))
    db.session.refresh(first)
    assert (first.status, second.status) == ("superseded", "published")
    assert first.ended_by_id == officer.id
    assert len(second.content_sha256) == 64
    assert second.published_by_id == officer.id
    assert second.ack_basis_id == second.id  # a major version starts its own chain


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"body": "   \n"}, "body_md"),
        ({"audience": ()}, "category_ids"),
    ],
)
def test_publishing_needs_a_text_and_an_audience(app, change, field):
    version = factories.draft(**change)
    with pytest.raises(RuleViolation) as error:
        services.publish_version(version, major=True, due_date=local_today(), by=factories.officer())
    assert error.value.field == field
    db.session.rollback()
    assert db.session.get(CodeVersion, version.id).status == "draft"


def test_publishing_refuses_an_effective_date_before_the_previous_versions(app):
    first = factories.published()
    draft = factories.draft(first.code, effective=first.effective_date - timedelta(days=1))
    with pytest.raises(RuleViolation) as error:
        services.publish_version(draft, major=True, due_date=local_today(), by=factories.officer())
    assert error.value.field == "effective_date"


def test_publishing_refuses_a_due_date_in_the_past(app):
    draft = factories.draft()
    with pytest.raises(RuleViolation) as error:
        services.publish_version(
            draft, major=True, due_date=local_today() - timedelta(days=1), by=factories.officer()
        )
    assert error.value.field == "due_date"


def test_the_first_version_cannot_be_a_minor_change(app):
    draft = factories.draft()
    with pytest.raises(RuleViolation) as error:
        services.publish_version(draft, major=False, due_date=local_today(), by=factories.officer())
    assert error.value.field == "change_kind"


def test_a_minor_version_joins_the_chain_of_the_version_it_corrects(app):
    first = factories.published()
    minor = factories.published(first.code, major=False)
    again = factories.published(first.code, major=False)
    assert minor.change_kind == "minor"
    assert minor.ack_basis_id == first.id
    assert again.ack_basis_id == first.id
    major = factories.published(first.code, major=True)
    assert major.ack_basis_id == major.id


def test_a_published_version_cannot_be_edited_through_the_services(app):
    version = factories.published()
    teachers = factories.categories("teacher")
    content = services.DraftContent("ใหม่", version.effective_date, "ข้อความ", teachers, [])
    with pytest.raises(RuleViolation):
        services.update_draft(version, content)
    with pytest.raises(RuleViolation):
        services.save_statement(version, None, services.StatementContent(kind="do", text_th="ใหม่"))
    with pytest.raises(RuleViolation):
        services.delete_draft(version)


def test_a_statement_needs_a_kind_and_a_text(app):
    draft = factories.draft(statements=())
    with pytest.raises(RuleViolation) as error:
        services.save_statement(draft, None, services.StatementContent(kind="maybe", text_th="ข้อความ"))
    assert error.value.field == "kind"
    with pytest.raises(RuleViolation) as error:
        services.save_statement(draft, None, services.StatementContent(kind="do", text_th="  "))
    assert error.value.field == "text_th"


def test_statements_keep_their_order_and_move(app):
    draft = factories.draft(statements=(("do", "หนึ่ง"), ("dont", "สอง"), ("do", "สาม")))
    assert [d.text_th for d in draft.dos_donts] == ["หนึ่ง", "สอง", "สาม"]
    services.move_statement(draft.dos_donts[2], -1)
    db.session.refresh(draft)
    assert [d.text_th for d in draft.dos_donts] == ["หนึ่ง", "สาม", "สอง"]
    services.move_statement(draft.dos_donts[0], -1)  # already first: nothing moves
    db.session.refresh(draft)
    assert [d.text_th for d in draft.dos_donts] == ["หนึ่ง", "สาม", "สอง"]


def test_withdrawing_needs_a_reason_and_ends_the_version(app):
    version = factories.published()
    officer = factories.officer()
    with pytest.raises(RuleViolation) as error:
        services.withdraw_version(version, reason=" ", by=officer)
    assert error.value.field == "reason"
    services.withdraw_version(version, reason="ประกาศผิดฉบับ", by=officer)
    assert version.status == "withdrawn"
    assert version.withdrawal_reason == "ประกาศผิดฉบับ"
    with pytest.raises(RuleViolation):
        services.withdraw_version(version, reason="อีกครั้ง", by=officer)


def test_a_draft_can_be_deleted(app):
    draft = factories.draft()
    services.delete_draft(draft)
    assert db.session.scalar(db.select(CodeVersion).where(CodeVersion.status == "draft")) is None


def test_code_names_are_unique(app):
    factories.code("ประมวลจริยธรรมผู้บริหารท้องถิ่น")
    with pytest.raises(RuleViolation) as error:
        services.save_code(None, name_th="ประมวลจริยธรรมผู้บริหารท้องถิ่น", name_en="")
    assert error.value.field == "name_th"
