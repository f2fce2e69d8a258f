"""The annual ethics report: its sections per year, the lines written from the data, its pages and DOCX."""

from __future__ import annotations

import io

import pytest
import time_machine
from docx import Document

from ethics_hr.codes.models import CodeVersion
from ethics_hr.core.errors import RuleViolation
from ethics_hr.core.settings import get_settings
from ethics_hr.extensions import db
from ethics_hr.reports import ethics_defaults, ethics_exports, ethics_report
from ethics_hr.reports.ethics_report import SectionInput
from ethics_hr.reports.models import EthicsReport, EthicsReportSection
from tests import factories

TODAY = "2026-11-20 10:00 +0700"  # FY 2569 is over
DURING = "2026-03-02 10:00 +0700"  # in FY 2569
FILLED = ["organisation", "codes", "training", "committee_questions", "gifts", "conflicts", "pledge"]
SECTIONS = 9  # the default sections: seven filled from the data, two of the officer's text only


def _texts(section) -> list[str]:
    return [line.text for line in section.lines]


def _count(model) -> int:
    return db.session.scalar(db.select(db.func.count()).select_from(model))


# ---------------------------------------------------------------- services


def test_an_unstarted_year_shows_the_default_sections_and_stores_nothing(app):
    document = ethics_report.build_ethics_report(2569, "th")
    assert document.stored is None and _count(EthicsReport) == 0
    assert [s.heading for s in document.sections] == [t.heading for t in ethics_defaults.sections_for("th")]
    order = ["organisation", "codes", "training", "pledge", "committee_questions", "gifts", "conflicts"]
    assert [s.fill for s in document.sections] == [*order, "", ""]
    assert document.title == "รายงานผลการดำเนินการตามประมวลจริยธรรม\nประจำปีงบประมาณ พ.ศ. 2569"
    assert document.intro[0].text == "เรียน ประธานคณะกรรมการมาตรฐานทางจริยธรรม (ผ่าน ก.ถ.)"
    assert [s.number for s in document.sections] == list(range(1, SECTIONS + 1))


def test_starting_a_year_copies_the_defaults_once(app):
    report = ethics_report.start_ethics_report(2569)
    again = ethics_report.start_ethics_report(2569)
    assert again.id == report.id and _count(EthicsReport) == 1
    assert [s.heading for s in report.sections] == [t.heading for t in ethics_defaults.sections_for("th")]
    assert [s.position for s in report.sections] == list(range(1, SECTIONS + 1))
    assert "ประจำปีงบประมาณ พ.ศ. 2569" in report.intro


def test_a_new_year_carries_on_the_previous_years_sections(app):
    previous = ethics_report.start_ethics_report(2568)
    ethics_report.add_section(previous, SectionInput(heading="การดำเนินการอื่น", body="จัดกิจกรรม", fill="gifts"))
    ethics_report.delete_section(previous.sections[5])
    report = ethics_report.start_ethics_report(2569)
    assert [(s.heading, s.fill) for s in report.sections] == [(s.heading, s.fill) for s in previous.sections]
    assert report.sections[-1].body == "จัดกิจกรรม"
    assert "2568" not in report.intro and "2569" in report.intro


def test_a_year_that_is_not_a_fiscal_year_cannot_be_started(app):
    with pytest.raises(RuleViolation):
        ethics_report.start_ethics_report(99)
    assert _count(EthicsReport) == 0


def test_editing_adding_moving_and_removing_sections(app):
    report = ethics_report.start_ethics_report(2569)
    first = report.sections[0]
    ethics_report.save_section(first, SectionInput(heading="  ข้อมูล   ทั่วไป ", body=" ข้อความ \n", fill=""))
    assert (first.heading, first.body, first.fill) == ("ข้อมูล ทั่วไป", "ข้อความ", "")
    added = ethics_report.add_section(report, SectionInput(heading="หัวข้อใหม่"))
    assert added.position == SECTIONS + 1 and report.sections[-1] is added
    ethics_report.move_section(added, -1)
    assert report.sections[-2] is added and [s.position for s in report.sections] == list(
        range(1, SECTIONS + 2)
    )
    ethics_report.move_section(report.sections[0], -1)  # the first goes no higher
    assert report.sections[0] is first
    ethics_report.delete_section(added)
    db.session.expire_all()
    assert _count(EthicsReportSection) == SECTIONS
    stored = ethics_report.stored_ethics_report(2569)
    assert [s.position for s in stored.sections] == list(range(1, SECTIONS + 1))


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (SectionInput(heading="   "), "heading"),
        (SectionInput(heading="ก" * 301), "heading"),
        (SectionInput(heading="หัวข้อ", body="ก" * 20_001), "body"),
        (SectionInput(heading="หัวข้อ", fill="pledge_not_built"), "fill"),
    ],
)
def test_a_bad_section_is_refused_and_nothing_changes(app, data, field):
    report = ethics_report.start_ethics_report(2569)
    section = report.sections[0]
    with pytest.raises(RuleViolation) as refused:
        ethics_report.save_section(section, data)
    assert refused.value.field == field
    with pytest.raises(RuleViolation):
        ethics_report.add_section(report, data)
    db.session.expire_all()
    assert _count(EthicsReportSection) == SECTIONS
    assert db.session.get(EthicsReportSection, section.id).heading == "ข้อมูลทั่วไปของหน่วยงาน"


def test_a_stored_source_no_longer_known_is_shown_as_text_only(app):
    report = ethics_report.start_ethics_report(2569)
    report.sections[0].fill = "retired"
    db.session.commit()
    built = ethics_report.build_ethics_report(2569, "th").sections[0]
    assert built.fill == "" and built.lines == []


# ---------------------------------------------------------------- the lines written from the data


def test_the_organisation_lines_count_active_people_by_staff_category(app, in_english):
    settings = get_settings()
    settings.name_th, settings.name_en = "เทศบาลตำบลทดสอบ", "Test Municipality"
    db.session.commit()
    for _ in range(3):
        factories.person(category_code="local_official")
    factories.person(category_code="local_official", active=False)
    factories.person(category_code="mission_contract")
    section = ethics_report.build_ethics_report(2569, "en").sections[0]
    texts = _texts(section)
    assert texts[0] == "Test Municipality has 4 active officials and employees:"
    assert len(texts) == 3 and all(line.sub for line in section.lines[1:])
    assert any(t.endswith(": 3 people") for t in texts) and any(t.endswith(": 1 people") for t in texts)


def test_the_codes_lines_name_each_version_its_audience_and_who_acknowledged(app):
    with time_machine.travel(DURING, tick=False):
        version, officer = factories.published_code()
        people = [factories.person() for _ in range(3)]
        factories.acknowledge(version, people[0], officer)
    with time_machine.travel(TODAY, tick=False):
        section = ethics_report.build_ethics_report(2569, "en").sections[1]
    first, line = _texts(section)
    assert first == "The codes of ethics in force, whom each applies to and how many acknowledged it:"
    assert line.startswith("- ประมวลจริยธรรมพนักงานส่วนท้องถิ่น พ.ศ. 2568 (in force from ")
    assert "applies to " in line and "acknowledged by 1 of " in line


def test_a_year_with_no_data_says_so_in_each_filled_section(app):
    with time_machine.travel(TODAY, tick=False):
        sections = ethics_report.build_ethics_report(2569, "en").sections
    assert _texts(sections[1]) == ["No code of ethics is published as in force in FY 2026 (B.E. 2569)."]
    assert _texts(sections[2]) == ["No training with ethics content was held in FY 2026 (B.E. 2569)."]
    assert _texts(sections[3]) == ["No integrity pledge was opened for signing in FY 2026 (B.E. 2569)."]
    assert "- no ethics question was asked in FY 2026 (B.E. 2569)" in _texts(sections[4])
    assert "- No gift or benefit was recorded (a nil report)." in _texts(sections[5])
    assert _texts(sections[6])[0].startswith("Declarations of interests in FY 2026 (B.E. 2569): 0 of ")
    assert sections[7].lines == [] and sections[8].lines == []


def test_every_source_is_a_function_of_the_year_and_language(app):
    assert list(ethics_report.FILLS) == FILLED
    for key, fill in ethics_report.FILLS.items():
        lines = fill.lines(2569, "th")
        assert lines and all(line.text for line in lines), key


def _organisation(size: int) -> None:
    version, officer = factories.published_code()
    dept = factories.department()
    for index in range(size):
        person = factories.person(
            dept=dept, category_code="local_official" if index % 2 else "mission_contract"
        )
        if index % 2:
            factories.acknowledge(version, person, officer)


def _statements(count_statements) -> int:
    db.session.expire_all()
    with count_statements() as seen:
        ethics_report.build_ethics_report(2569, "th")
    return len(seen)


def test_building_the_report_takes_the_same_statements_however_many_people(app, count_statements):
    with time_machine.travel(DURING, tick=False):
        ethics_report.start_ethics_report(2569)
        _organisation(3)
    with time_machine.travel(TODAY, tick=False):
        small = _statements(count_statements)
    with time_machine.travel(DURING, tick=False):
        officer = factories.officer()
        published = db.session.scalar(db.select(CodeVersion))
        for index in range(30):
            person = factories.person(category_code="local_official" if index % 2 else "mission_contract")
            if index % 4 == 1:
                factories.acknowledge(published, person, officer)
    with time_machine.travel(TODAY, tick=False):
        larger = _statements(count_statements)
    assert small > 5
    assert larger == small


# ---------------------------------------------------------------- pages

PAGES = [
    "/reports/ethics/2569",
    "/reports/ethics/2569/ethics-report.docx",
]


@pytest.mark.parametrize("url", PAGES)
def test_officers_open_the_ethics_report_pages(client, login_as, url):
    login_as(factories.officer())
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("url", PAGES)
def test_employees_are_refused_the_ethics_report_pages(client, login_as, url):
    login_as(factories.user())
    assert client.get(url).status_code == 403


def test_employees_cannot_change_a_report(client, login_as):
    report = ethics_report.start_ethics_report(2569)
    section_id = report.sections[0].id
    login_as(factories.user())
    for url in (
        "/reports/ethics/2570/start",
        f"/reports/ethics/sections/{section_id}/delete",
        f"/reports/ethics/sections/{section_id}/move",
        f"/reports/ethics/sections/{section_id}/edit",
        "/reports/ethics/2569/intro",
        "/reports/ethics/2569/sections/new",
    ):
        assert client.post(url, data={"heading": "x"}).status_code == 403, url
    assert client.get(f"/reports/ethics/sections/{section_id}/edit").status_code == 403
    db.session.expire_all()
    assert _count(EthicsReport) == 1 and _count(EthicsReportSection) == SECTIONS


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get("/reports/ethics/2569")
    assert response.status_code == 302 and "/login" in response.location


def test_the_page_offers_to_start_the_year_and_says_the_sections_are_our_reading(
    client, login_as, in_english
):
    login_as(factories.officer())
    html = client.get("/reports/ethics/2569").get_data(as_text=True)
    assert "Start this year’s report" in html
    assert "not the regulation’s official form" in html
    assert "General information about the organisation</span>" in html
    assert client.post("/reports/ethics/2569/start").status_code == 302
    html = client.get("/reports/ethics/2569").get_data(as_text=True)
    assert "Start this year’s report" not in html and "Add a section" in html
    assert _count(EthicsReport) == 1


def test_the_reports_index_links_the_ethics_report(client, login_as):
    login_as(factories.officer())
    assert "/reports/ethics/" in client.get("/reports/").get_data(as_text=True)


def test_the_running_year_opens_by_default(client, login_as):
    with time_machine.travel(TODAY, tick=False):
        login_as(factories.officer())
        assert client.get("/reports/ethics").location.endswith("/reports/ethics/2570")


def test_editing_a_section_from_its_form(client, login_as):
    login_as(factories.officer())
    report = ethics_report.start_ethics_report(2569)
    section = report.sections[5]
    response = client.post(
        f"/reports/ethics/sections/{section.id}/edit",
        data={"heading": "การฝ่าฝืนประมวลจริยธรรม", "body": "ไม่มีการฝ่าฝืน", "fill": ""},
    )
    assert response.status_code == 302
    db.session.expire_all()
    stored = db.session.get(EthicsReportSection, section.id)
    assert (stored.heading, stored.body) == ("การฝ่าฝืนประมวลจริยธรรม", "ไม่มีการฝ่าฝืน")
    assert "ไม่มีการฝ่าฝืน" in client.get("/reports/ethics/2569").get_data(as_text=True)


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"heading": "", "body": "ข้อความที่พิมพ์ไว้", "fill": ""}, "heading"),
        ({"heading": "ก" * 301, "body": "ข้อความที่พิมพ์ไว้", "fill": ""}, "heading"),
        ({"heading": "หัวข้อ", "body": "ข้อความที่พิมพ์ไว้" + "ก" * 20_000, "fill": ""}, "body"),
        ({"heading": "หัวข้อ", "body": "ข้อความที่พิมพ์ไว้", "fill": "nonsense"}, "fill"),
    ],
)
def test_a_bad_section_form_shows_the_message_by_the_field_and_keeps_the_input(client, login_as, data, field):
    login_as(factories.officer())
    report = ethics_report.start_ethics_report(2569)
    section = report.sections[0]
    for url in (f"/reports/ethics/sections/{section.id}/edit", "/reports/ethics/2569/sections/new"):
        response = client.post(url, data=data)
        assert response.status_code == 200, url
        html = response.get_data(as_text=True)
        assert f'data-field="{field}"' in html, url
        assert "ข้อความที่พิมพ์ไว้" in html
    db.session.expire_all()
    assert _count(EthicsReportSection) == SECTIONS
    assert db.session.get(EthicsReportSection, section.id).heading == "ข้อมูลทั่วไปของหน่วยงาน"


def test_a_too_long_opening_is_refused_by_its_field(client, login_as):
    login_as(factories.officer())
    report = ethics_report.start_ethics_report(2569)
    before = report.intro
    response = client.post("/reports/ethics/2569/intro", data={"intro": "เรียน " + "ก" * 20_000})
    assert response.status_code == 200 and 'data-field="intro"' in response.get_data(as_text=True)
    db.session.expire_all()
    assert ethics_report.stored_ethics_report(2569).intro == before
    response = client.post("/reports/ethics/2569/intro", data={"intro": "เรียน นายก อบต.\nขอรายงาน"})
    assert response.status_code == 302
    db.session.expire_all()
    assert ethics_report.stored_ethics_report(2569).intro == "เรียน นายก อบต.\nขอรายงาน"


def test_adding_moving_and_removing_from_the_page(client, login_as):
    login_as(factories.officer())
    report = ethics_report.start_ethics_report(2569)
    assert (
        client.post(
            "/reports/ethics/2569/sections/new", data={"heading": "ภาคผนวก", "fill": "gifts"}
        ).status_code
        == 302
    )
    db.session.expire_all()
    added = ethics_report.stored_ethics_report(2569).sections[-1]
    assert (added.heading, added.fill, added.position) == ("ภาคผนวก", "gifts", SECTIONS + 1)
    client.post(f"/reports/ethics/sections/{added.id}/move", data={"direction": "up"})
    db.session.expire_all()
    assert ethics_report.stored_ethics_report(2569).sections[-2].id == added.id
    client.post(f"/reports/ethics/sections/{added.id}/delete")
    db.session.expire_all()
    assert (
        _count(EthicsReportSection) == SECTIONS and report.id == ethics_report.stored_ethics_report(2569).id
    )


def test_the_forms_of_an_unstarted_year_are_not_found(client, login_as):
    login_as(factories.officer())
    assert client.get("/reports/ethics/2566/intro").status_code == 404
    assert client.get("/reports/ethics/2566/sections/new").status_code == 404
    assert client.get("/reports/ethics/sections/999/edit").status_code == 404
    assert client.get("/reports/ethics/99").status_code == 404
    assert client.get("/reports/ethics/2566/start").status_code == 405


# ---------------------------------------------------------------- DOCX


def _docx(client, fy: int = 2569):
    response = client.get(f"/reports/ethics/{fy}/ethics-report.docx")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].startswith(
        f'attachment; filename="ethics-report-{fy}.docx";'
    )
    return Document(io.BytesIO(response.data))


def test_the_docx_is_a_portrait_a4_thai_document_with_numbered_sections(client, login_as):
    login_as(factories.officer())
    settings = get_settings()
    settings.name_th = "เทศบาลตำบลทดสอบ"
    settings.thai_numerals_in_documents = False
    db.session.commit()
    report = ethics_report.start_ethics_report(2569)
    ethics_report.save_section(
        report.sections[-1], SectionInput(heading=report.sections[-1].heading, body="ขาดงบประมาณ 2 รายการ")
    )
    doc = _docx(client)
    texts = [p.text for p in doc.paragraphs]
    assert texts[0] == "รายงานผลการดำเนินการตามประมวลจริยธรรม\nประจำปีงบประมาณ พ.ศ. 2569"
    assert texts[1] == "เทศบาลตำบลทดสอบ"
    assert "เรียน ประธานคณะกรรมการมาตรฐานทางจริยธรรม (ผ่าน ก.ถ.)" in texts
    assert "1. ข้อมูลทั่วไปของหน่วยงาน" in texts and "9. ปัญหา อุปสรรค และข้อเสนอแนะ" in texts
    assert "ขาดงบประมาณ 2 รายการ" in texts
    assert "- No gift or benefit was recorded (a nil report)." not in texts  # written in Thai
    section = doc.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    runs = [r for p in doc.paragraphs for r in p.runs if r.text]
    assert {r.font.name for r in runs} == {"Sarabun"} and {r.font.size.pt for r in runs} == {16}
    heading = next(p for p in doc.paragraphs if p.text.startswith("1. "))
    assert heading.runs[0].bold and heading.paragraph_format.keep_with_next
    assert texts[-1].startswith("ตำแหน่ง ")  # the signature block closes the report


def test_the_docx_writes_thai_numerals_when_the_organisation_asks(client, login_as):
    login_as(factories.officer())
    get_settings().thai_numerals_in_documents = True
    db.session.commit()
    texts = [p.text for p in _docx(client).paragraphs]
    assert texts[0] == "รายงานผลการดำเนินการตามประมวลจริยธรรม\nประจำปีงบประมาณ พ.ศ. ๒๕๖๙"
    assert "๑. ข้อมูลทั่วไปของหน่วยงาน" in texts
    assert not any(ch.isascii() and ch.isdigit() for t in texts for ch in t)


def test_the_file_is_named_for_the_year(app):
    document = ethics_report.build_ethics_report(2569, "th")
    assert ethics_exports.file_name(document) == "ethics-report-2569.docx"
