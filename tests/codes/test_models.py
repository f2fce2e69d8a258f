"""The records themselves: acknowledgments append-only and unique, published versions frozen and sealed."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from ethics_hr.codes.content import canonical_json, content_sha256, render_markdown
from ethics_hr.codes.models import Acknowledgment, DosDont, FrozenVersionError
from ethics_hr.codes.services import seal_is_intact
from ethics_hr.extensions import db
from tests import factories


def _acknowledgment(version, person) -> Acknowledgment:
    row = Acknowledgment(
        person=person,
        version=version,
        content_sha256=version.content_sha256,
        statement="อ่านแล้ว",
        method="self",
    )
    db.session.add(row)
    db.session.commit()
    return row


def test_acknowledgment_table_refuses_update_and_delete(app):
    version = factories.published()
    row = _acknowledgment(version, factories.person())
    for statement in (
        sa.text("UPDATE code_acknowledgment SET note = 'changed' WHERE id = :id"),
        sa.text("DELETE FROM code_acknowledgment WHERE id = :id"),
    ):
        with pytest.raises(sa.exc.DatabaseError):
            db.session.execute(statement, {"id": row.id})
            db.session.flush()
        db.session.rollback()
    assert db.session.scalar(sa.select(Acknowledgment.note).where(Acknowledgment.id == row.id)) == ""


def test_a_person_acknowledges_a_version_only_once(app):
    version = factories.published()
    person = factories.person()
    _acknowledgment(version, person)
    with pytest.raises(sa.exc.IntegrityError):
        _acknowledgment(version, person)


def test_published_version_text_cannot_change(app):
    version = factories.published()
    version.body_md = "ข้อความใหม่"
    with pytest.raises(FrozenVersionError):
        db.session.flush()
    db.session.rollback()


def test_published_version_dos_donts_and_audience_cannot_change(app):
    version = factories.published()
    version.dos_donts[0].text_th = "แก้ไขภายหลัง"
    with pytest.raises(FrozenVersionError):
        db.session.flush()
    db.session.rollback()
    version.dos_donts.append(DosDont(kind="do", text_th="เพิ่มภายหลัง"))
    with pytest.raises(FrozenVersionError):
        db.session.flush()
    db.session.rollback()
    version.categories = []
    with pytest.raises(FrozenVersionError):
        db.session.flush()
    db.session.rollback()


def test_published_version_cannot_be_deleted(app):
    version = factories.published()
    db.session.delete(version)
    with pytest.raises(FrozenVersionError):
        db.session.flush()
    db.session.rollback()


def test_superseding_changes_only_the_status_and_keeps_the_seal(app):
    first = factories.published()
    second = factories.published(first.code)
    db.session.refresh(first)
    assert first.status == "superseded"
    assert second.status == "published"
    assert seal_is_intact(first)
    assert seal_is_intact(second)


def test_seal_covers_title_date_body_statements_and_audience(app):
    version = factories.draft(audience=("local_official", "teacher"))
    base = content_sha256(version)
    assert content_sha256(version) == base  # deterministic
    assert b'"staff_categories":["local_official","teacher"]' in canonical_json(version)
    for change in (
        lambda v: setattr(v, "title", v.title + " (แก้ไข)"),
        lambda v: setattr(v, "body_md", v.body_md + "\nข้อ 3"),
        lambda v: setattr(v.dos_donts[0], "example_th", "ตัวอย่างใหม่"),
        lambda v: setattr(v, "categories", v.categories[:1]),
    ):
        change(version)
        assert content_sha256(version) != base
        db.session.rollback()
        db.session.refresh(version)
        assert content_sha256(version) == base


def test_seal_ignores_line_endings(app):
    version = factories.draft()
    base = content_sha256(version)
    version.body_md = version.body_md.replace("\n", "\r\n") + "\r\n"
    assert content_sha256(version) == base
    db.session.rollback()


def test_markdown_is_rendered_without_script_or_raw_html():
    text = '# หัวข้อ\n\n<script>alert(1)</script>\n\n<img src=x onerror="alert(1)">\n\n**ข้อ 1**'
    html = str(render_markdown(text))
    assert "<h1>หัวข้อ</h1>" in html
    assert "<strong>ข้อ 1</strong>" in html
    assert "<script" not in html
    assert "<img" not in html
    assert "&lt;script&gt;" in html


def test_markdown_keeps_plain_links_and_drops_javascript_links():
    html = str(render_markdown("[ป.ป.ช.](https://www.nacc.go.th) [x](javascript:alert(1))"))
    assert 'href="https://www.nacc.go.th"' in html
    assert "javascript:" not in html.split("[x]")[0]
    assert 'href="javascript' not in html
