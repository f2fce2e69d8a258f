"""Certificates: earned by passing a code's quiz, issued once, revoked or reissued with a reason, checked in
public by their code; the PDF carries the Thai text and a QR code a real decoder reads back."""

from __future__ import annotations

import io
import os
import shutil
import subprocess

import pytest
import sqlalchemy as sa
from flask_babel import force_locale
from PIL import Image, ImageChops
from sqlalchemy.exc import DatabaseError

from ethics_hr.codes import quiz
from ethics_hr.core.errors import RuleViolation
from ethics_hr.extensions import db
from ethics_hr.learning import certificate_pdf, certificates
from ethics_hr.learning.models import Certificate, CertificateRevocation
from tests import factories


def _count(model) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


def _earned(person=None):
    version = factories.quizzed(questions=2, pass_percent=50)
    person = person or factories.user().person
    factories.pass_quiz(version, person)
    return (
        version,
        person,
        db.session.scalar(sa.select(Certificate).where(Certificate.person_id == person.id)),
    )


def test_passing_a_quiz_earns_one_certificate_however_often_it_is_passed(app):
    version, person, certificate = _earned()
    assert certificate.subject_id == version.id and certificate.purpose == "code_quiz"
    assert certificate.holder_th == person.full_name_th
    assert version.title in certificate.title_th
    assert len(certificate.code) == certificates.CODE_LENGTH
    factories.pass_quiz(version, person)
    assert _count(Certificate) == 1


def test_a_failed_quiz_earns_nothing(app):
    version = factories.quizzed(questions=2, pass_percent=100)
    person = factories.person()
    quiz.take(
        version,
        person,
        order=[q.id for q in version.quiz.questions],
        ticked=factories.quiz_answers(version, wrong=1),
    )
    assert _count(Certificate) == 0


def test_the_certificate_keeps_what_it_said_when_issued(app):
    _, person, certificate = _earned()
    name = person.full_name_th
    person.first_name_th = "ชื่อใหม่"
    db.session.commit()
    assert db.session.get(Certificate, certificate.id).holder_th == name


def test_revoking_needs_a_reason_and_happens_once(app):
    _, _, certificate = _earned()
    officer = factories.officer()
    with force_locale("en"), pytest.raises(RuleViolation) as caught:
        certificates.revoke(certificate, reason="  ", by=officer)
    assert caught.value.field == "reason"
    assert _count(CertificateRevocation) == 0
    certificates.revoke(certificate, reason="ออกให้ผิดคน", by=officer)
    assert certificate.is_revoked
    with pytest.raises(RuleViolation):
        certificates.revoke(certificate, reason="อีกครั้ง", by=officer)


def test_reissuing_revokes_the_old_one_and_gives_a_new_code_with_the_corrected_name(app):
    _, person, old = _earned()
    officer = factories.officer()
    person.last_name_th = "แก้ไขแล้ว"
    db.session.commit()
    fresh = certificates.reissue(old, reason="แก้ชื่อสกุล", by=officer)
    assert old.is_revoked and not fresh.is_revoked
    assert fresh.code != old.code and fresh.edition == 1 and fresh.reissue_of_id == old.id
    assert fresh.holder_th.endswith("แก้ไขแล้ว")
    with pytest.raises(RuleViolation):
        certificates.reissue(old, reason="ซ้ำ", by=officer)


def test_certificates_and_revocations_are_append_only(app):
    _, _, certificate = _earned()
    certificates.revoke(certificate, reason="ทดสอบ", by=factories.officer())
    db.session.commit()
    for statement in (
        sa.update(Certificate).values(holder_th="คนอื่น"),
        sa.delete(CertificateRevocation),
    ):
        with pytest.raises(DatabaseError):
            db.session.execute(statement)
        db.session.rollback()


def test_a_typed_code_is_read_in_any_case_with_or_without_dashes(app):
    _, _, certificate = _earned()
    shown = certificates.display_code(certificate.code)
    assert shown.count("-") == 2
    assert certificates.by_code(shown.lower()).id == certificate.id
    assert certificates.by_code(f" {certificate.code[:6]} {certificate.code[6:]} ").id == certificate.id
    assert certificates.by_code("NOT-A-CODE") is None


def test_the_public_page_says_valid_or_revoked_and_shows_only_name_title_and_day(client, in_english):
    _, person, certificate = _earned()
    db.session.commit()
    html = client.get(f"/verify/{certificate.code}").get_data(as_text=True)
    assert 'data-valid="yes"' in html
    assert certificate.holder_en in html or certificate.holder_th in html
    assert person.email not in html
    certificates.revoke(certificate, reason="เหตุผลภายใน", by=factories.officer())
    html = client.get(f"/verify/{certificates.display_code(certificate.code)}").get_data(as_text=True)
    assert 'data-valid="no"' in html and "เหตุผลภายใน" not in html
    response = client.get("/verify/AAAABBBBCCCC")
    assert response.status_code == 404 and 'data-valid="unknown"' in response.get_data(as_text=True)
    assert client.get("/verify/").status_code == 200


def test_only_the_holder_and_the_office_open_a_certificate(client, login_as):
    _, person, certificate = _earned()
    db.session.commit()
    login_as(factories.user())
    assert client.get(f"/learning/certificates/{certificate.id}").status_code == 404
    assert client.get(f"/learning/certificates/{certificate.id}.pdf").status_code == 404
    login_as(person.account)
    assert client.get(f"/learning/certificates/{certificate.id}").status_code == 200
    assert client.post(
        f"/learning/certificates/{certificate.id}/revoke", data={"reason": "x"}
    ).status_code in (
        302,
        403,
    )
    assert not db.session.get(Certificate, certificate.id).is_revoked


def test_the_office_revokes_with_a_reason_next_to_the_field(client, login_as, in_english):
    _, _, certificate = _earned()
    db.session.commit()
    login_as(factories.officer())
    response = client.post(f"/learning/certificates/{certificate.id}/revoke", data={"reason": ""})
    assert response.status_code == 422 and 'data-field="reason"' in response.get_data(as_text=True)
    assert _count(CertificateRevocation) == 0
    response = client.post(f"/learning/certificates/{certificate.id}/reissue", data={"reason": "แก้ชื่อ"})
    assert response.status_code == 302
    assert _count(Certificate) == 2 and _count(CertificateRevocation) == 1


def _tools() -> bool:
    found = all(shutil.which(tool) for tool in ("pdftoppm", "pdftotext", "zbarimg"))
    if not found and os.environ.get("ETHICS_HR_REQUIRE_E2E"):
        pytest.fail("poppler-utils and zbar-tools are needed for the certificate PDF and are required here")
    return found


def test_the_pdf_carries_the_thai_text_and_a_qr_code_to_the_public_page(client, login_as, tmp_path):
    if not _tools():
        pytest.skip(
            "poppler-utils and zbar-tools are not installed (apt-get install poppler-utils zbar-tools)"
        )
    _, person, certificate = _earned()
    db.session.commit()
    login_as(person.account)
    response = client.get(f"/learning/certificates/{certificate.id}.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    pdf = tmp_path / "certificate.pdf"
    pdf.write_bytes(response.data)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert person.full_name_th in text
    assert "เกียรติบัตร" in text
    assert certificates.display_code(certificate.code) in text
    subprocess.run(["pdftoppm", "-png", "-r", "150", str(pdf), str(tmp_path / "page")], check=True)
    scanned = subprocess.run(
        ["zbarimg", "--quiet", "--raw", str(tmp_path / "page-1.png")], capture_output=True, text=True
    )
    assert scanned.returncode == 0, scanned.stderr
    url = scanned.stdout.strip()
    assert url.endswith(f"/verify/{certificate.code}")
    assert 'data-valid="yes"' in client.get(url.split("localhost", 1)[-1]).get_data(as_text=True)


def test_a_long_thai_title_breaks_only_between_phrases(app, tmp_path):
    if not _tools():
        pytest.skip("poppler-utils is not installed (apt-get install poppler-utils)")
    _, _, certificate = _earned()
    with app.test_request_context():
        body = certificate_pdf.render(certificate, verify_url="https://example.org/verify/x", locale="th")
    pdf = tmp_path / "c.pdf"
    pdf.write_bytes(body)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    # Every phrase of the title comes out whole, on a line of its own or beside its neighbours.
    for phrase in certificate.title_th.split():
        assert any(phrase in line for line in text.splitlines()), phrase


def _plain_fpdf2(monkeypatch):
    """Render certificates with fpdf2 alone: fonts parsed by add_font, each line drawn and measured by its
    cell() and get_string_width(), subsets cut by fontTools."""
    from fpdf.output import OutputProducer

    def add_fonts(pdf):
        for style, weight in certificate_pdf.WEIGHTS.items():
            pdf.add_font("Sarabun", style, certificate_pdf.sarabun_ttf_path(weight))

    def cell(pdf, x, y, w, h, text, align="C"):
        pdf.set_xy(x, y)
        pdf.cell(w, h, text, align=align)

    monkeypatch.setattr(certificate_pdf, "_use_sarabun", add_fonts)
    monkeypatch.setattr(certificate_pdf, "_FontsByHarfBuzz", OutputProducer)
    monkeypatch.setattr(certificate_pdf, "_line", cell)
    monkeypatch.setattr(certificate_pdf, "_width", lambda pdf, text: pdf.get_string_width(text))


def _page(body: bytes, folder, name: str) -> tuple[bytes, str, str]:
    """A PDF's page as pixels, its text and its fonts as poppler reads them."""
    pdf = folder / f"{name}.pdf"
    pdf.write_bytes(body)
    subprocess.run(["pdftoppm", "-r", "100", "-singlefile", str(pdf), str(folder / name)], check=True)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    return (folder / f"{name}.ppm").read_bytes(), text, fonts


def test_the_quick_rendering_draws_what_fpdf2_alone_draws(app, tmp_path, monkeypatch):
    if not _tools():
        pytest.skip("poppler-utils is not installed (apt-get install poppler-utils)")
    version, _, first = _earned()
    person = factories.user().person
    factories.pass_quiz(version, person)
    earned = db.session.scalar(sa.select(Certificate).where(Certificate.person_id == person.id))
    # A copy outside the database with a title of three lines and a signatory: every kind of line is drawn.
    certificate = Certificate(
        code=earned.code,
        holder_th=earned.holder_th,
        holder_en=earned.holder_en,
        title_th="ผ่านการอบรมหลักสูตร " + " ".join(["การป้องกันผลประโยชน์ทับซ้อนในการจัดซื้อจัดจ้าง"] * 4),
        title_en="Completed the course " + " ".join(["preventing conflicts of interest in procurement"] * 4),
        hours=3.5,
        achieved_on=earned.achieved_on,
        signatory="นายสมชาย ใจดี",
        signatory_title_th="นายกเทศมนตรีตำบลบ้านสวน",
        signatory_title_en="Mayor of Ban Suan",
    )
    with app.test_request_context():
        for locale in ("th", "en"):
            url = f"https://example.org/verify/{certificate.code}"
            # Another certificate first: nothing of one document may show in the next.
            certificate_pdf.render(first, verify_url="https://example.org/verify/other", locale=locale)
            quick = certificate_pdf.render(certificate, verify_url=url, locale=locale)
            with monkeypatch.context() as plain:
                _plain_fpdf2(plain)
                slow = certificate_pdf.render(certificate, verify_url=url, locale=locale)
            pixels, text, fonts = _page(quick, tmp_path, f"quick-{locale}")
            plain_pixels, plain_text, _ = _page(slow, tmp_path, f"plain-{locale}")
            assert text == plain_text
            # fpdf2 shapes a line in pieces (its bidirectional runs), the quick way as a whole, and the two
            # round a glyph's place to 0.01 pt apart now and then: a few edge pixels come out a shade lighter
            # or darker, nothing moves.
            changed = ImageChops.difference(
                Image.open(io.BytesIO(pixels)), Image.open(io.BytesIO(plain_pixels))
            )
            shades = changed.convert("L").histogram()
            assert sum(shades[1:]) < changed.width * changed.height / 1_000
            assert not any(shades[64:]), "a pixel differs by more than a quarter of black"
            assert certificate.holder(locale) in text
            title_lines = [line for line in text.splitlines() if "procurement" in line or "จัดจ้าง" in line]
            assert len(title_lines) >= 3
            # Both weights embedded as subsets, with the map back to the characters (searchable text).
            embedded = [line.split()[-5:-2] for line in fonts.splitlines() if "MPDFAA+Sarabun" in line]
            assert embedded == [["yes", "yes", "yes"]] * 2
