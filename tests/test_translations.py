"""One Thai catalogue: complete, reviewed, current with the sources; and the words that used to read wrong."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from flask_babel import force_locale, get_babel, gettext, pgettext

from ethics_hr.i18n import CATALOGUE, PACKAGE, TRANSLATIONS, WTFORMS_TRANSLATIONS, extract
from tests import factories

PLACEHOLDER = re.compile(r"%\((\w+)\)[sdf]")
WTFORMS_CATALOGUE = WTFORMS_TRANSLATIONS / "th" / "LC_MESSAGES" / "wtforms.po"
UPDATE = "run: flask --app ethics_hr i18n update"


def _read(path: Path):
    with path.open("rb") as po:
        return read_po(po)


def _keys(catalogue) -> set[tuple[str | None, str]]:
    return {
        (message.context, message.id if isinstance(message.id, str) else message.id[0])
        for message in catalogue
        if message.id
    }


def _strings(value) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


def test_there_is_one_thai_catalogue_and_no_english_one():
    found = sorted(path.relative_to(PACKAGE) for path in PACKAGE.rglob("*.po"))
    assert found == [
        WTFORMS_CATALOGUE.relative_to(PACKAGE),
        CATALOGUE.relative_to(PACKAGE),
    ], "one messages catalogue (ethics_hr/translations/th) and WTForms' own, nothing per domain"
    assert {path.parent.name for path in PACKAGE.rglob("LC_MESSAGES")} == {"th"}, "msgids are English"


def test_flask_babel_reads_the_one_catalogue(app):
    assert [Path(folder) for folder in get_babel(app).translation_directories] == [TRANSLATIONS]


@pytest.mark.parametrize("path", [CATALOGUE, WTFORMS_CATALOGUE], ids=["messages", "wtforms"])
def test_every_entry_has_a_reviewed_thai_translation(path: Path):
    problems = []
    for message in _read(path):
        if not message.id:
            continue
        msgid = _strings(message.id)[0]
        where = f"{message.context} | {msgid}" if message.context else msgid
        if message.fuzzy:
            problems.append(f"fuzzy (not reviewed): {where!r}")
        elif not all(_strings(message.string)):
            problems.append(f"no Thai: {where!r}")
        elif set(PLACEHOLDER.findall(msgid)) != set(PLACEHOLDER.findall(_strings(message.string)[0])):
            problems.append(f"placeholders differ: {where!r}")
    assert not problems, "\n".join(problems)


def test_the_catalogue_is_current_with_the_sources(tmp_path):
    pot = tmp_path / "messages.pot"
    extract(pot)
    in_sources, in_catalogue = _keys(_read(pot)), _keys(_read(CATALOGUE))
    new = sorted(in_sources - in_catalogue, key=str)
    gone = sorted(in_catalogue - in_sources, key=str)
    assert not new and not gone, f"{UPDATE}\nnot in the catalogue: {new}\nno longer in the sources: {gone}"


def test_the_compiled_catalogues_are_current():
    for path in (CATALOGUE, WTFORMS_CATALOGUE):
        compiled = path.with_suffix(".mo")
        assert compiled.exists(), f"{compiled} is missing: run make translations"
        assert compiled.stat().st_mtime >= path.stat().st_mtime, f"{compiled} is stale: run make translations"


def test_compiling_prints_nothing(tmp_path, monkeypatch, capfd):
    from ethics_hr import i18n

    for name, folder in (("TRANSLATIONS", TRANSLATIONS), ("WTFORMS_TRANSLATIONS", WTFORMS_TRANSLATIONS)):
        copy = tmp_path / name / "th" / "LC_MESSAGES"
        copy.mkdir(parents=True)
        for po in (folder / "th" / "LC_MESSAGES").glob("*.po"):
            (copy / po.name).write_bytes(po.read_bytes())
        monkeypatch.setattr(i18n, name, tmp_path / name)
    capfd.readouterr()
    i18n.compile_all()
    assert capfd.readouterr() == ("", ""), "no 'N of M messages translated' lines on install"
    assert len(list(tmp_path.rglob("*.mo"))) == 2


def test_this_field_is_required_has_one_thai_wording(app):
    from ethics_hr.core.forms import REQUIRED

    with force_locale("th"):
        ours = gettext("This field is required.")
        assert str(REQUIRED) == ours == "กรุณากรอกข้อมูลในช่องนี้"
    wtforms = {m.id: m.string for m in _read(WTFORMS_CATALOGUE) if m.id}
    assert wtforms["This field is required."] == ours, "WTForms' own required message reads the same"


def test_an_empty_required_field_says_the_one_wording(client, login_as):
    login_as(factories.officer())
    html = client.post("/people/departments/new", data={}).get_data(as_text=True)
    assert "กรุณากรอกข้อมูลในช่องนี้" in html
    for other in ("โปรดกรอกข้อมูลนี้", "โปรดกรอกข้อมูลในช่องนี้", "กรุณากรอกข้อมูลช่องนี้"):
        assert other not in html


def test_words_with_two_meanings_are_told_apart_by_their_context(app):
    with force_locale("th"):
        assert gettext("Code") == "ประมวลจริยธรรม"
        assert pgettext("identifier", "Code") == "รหัส"
        assert gettext("Title") == "ชื่อเรื่อง"
        assert pgettext("course", "Title") == "ชื่อหลักสูตร"
        assert gettext("Withdraw") == "ยกเลิกการใช้บังคับ"
        assert pgettext("enrolment", "Withdraw") == "ยกเลิกการลงทะเบียน"
        assert pgettext("acknowledgment", "Pending") == "ยังไม่ลงนาม"
        assert pgettext("outbox", "Pending") == "รอส่ง"
        assert gettext("Record") == "รายการ"
        assert pgettext("acknowledgment receipt", "Record") == "ดูหลักฐาน"
        assert gettext("Name") == "ชื่อ"
        assert pgettext("full name", "Name") == "ชื่อ-สกุล"
    with force_locale("en"):  # no English catalogue: the msgid itself, whatever the context
        assert pgettext("identifier", "Code") == "Code"
        assert gettext("Code") == "Code"


# The pages where a Thai word was wrong (issue 12; issue 13, item 10), rendered in Thai.


@pytest.fixture
def codes_world(app):
    """A published code version acknowledged by an employee, and an officer to manage it."""
    from ethics_hr.codes import acknowledgments

    officer = factories.officer(category_code="executive")
    version = factories.published(by=officer)
    employee = factories.user()
    ack, _ = acknowledgments.acknowledge(
        version, employee, agreed=True, password=factories.PASSWORD, address="x", locale="th"
    )
    draft = factories.draft(version.code)
    return {"officer": officer, "employee": employee, "version": version, "draft": draft, "ack": ack}


def test_the_officers_codes_page_calls_the_code_of_ethics_by_its_name(client, login_as, codes_world):
    login_as(codes_world["officer"])
    html = client.get("/codes/manage").get_data(as_text=True)
    assert "<th>ประมวลจริยธรรม</th>" in html
    assert "<th>รหัส</th>" not in html


def test_the_receipt_calls_the_code_of_ethics_by_its_name(client, login_as, codes_world):
    login_as(codes_world["employee"])
    html = client.get(f"/codes/acknowledgments/{codes_world['ack'].id}").get_data(as_text=True)
    assert re.search(r"<dt[^>]*>ประมวลจริยธรรม</dt>", html)
    assert not re.search(r"<dt[^>]*>รหัส</dt>", html)


def test_the_link_to_the_receipt_says_evidence(client, login_as, codes_world):
    login_as(codes_world["employee"])
    html = client.get(f"/codes/versions/{codes_world['version'].id}").get_data(as_text=True)
    assert "ดูหลักฐาน" in html


def test_the_code_versions_title_is_not_labelled_a_course_name(client, login_as, codes_world):
    login_as(codes_world["officer"])
    html = client.get(f"/codes/versions/{codes_world['draft'].id}/edit").get_data(as_text=True)
    assert "ชื่อเรื่อง" in html
    assert "ชื่อหลักสูตร" not in html


def test_withdrawing_a_version_does_not_read_as_cancelling_an_enrolment(client, login_as, codes_world):
    login_as(codes_world["officer"])
    html = client.get(f"/codes/versions/{codes_world['version'].id}/withdraw").get_data(as_text=True)
    assert "ยกเลิกการใช้บังคับ" in html
    assert "ยกเลิกการลงทะเบียน" not in html


def test_the_pending_acknowledgments_filter_does_not_read_waiting_to_be_sent(client, login_as, codes_world):
    login_as(codes_world["officer"])
    html = client.get(f"/codes/versions/{codes_world['version'].id}/compliance").get_data(as_text=True)
    assert "ยังไม่ลงนาม" in html
    assert "รอส่ง" not in html


def test_the_outbox_still_says_waiting_to_be_sent(client, login_as):
    login_as(factories.admin())
    html = client.get("/admin/notifications/outbox").get_data(as_text=True)
    assert "รอส่ง" in html
    assert "ยังไม่ลงนาม" not in html


def test_the_audit_logs_record_column_is_not_the_evidence_link(client, login_as):
    login_as(factories.admin())
    html = client.get("/admin/audit").get_data(as_text=True)
    assert '<th class="text-nowrap">รายการ</th>' in html
    assert "ดูหลักฐาน" not in html


def test_the_department_list_names_departments_not_people(client, login_as):
    login_as(factories.officer())
    factories.department()
    html = client.get("/people/departments").get_data(as_text=True)
    assert "<th>ชื่อ</th>" in html
    assert "ชื่อ-สกุล" not in html


def test_the_course_list_keeps_its_own_words(client, login_as):
    login_as(factories.officer())
    html = client.get("/training/courses").get_data(as_text=True)
    assert "<th>รหัส</th><th>ชื่อหลักสูตร</th>" in html
