"""Uploaded files are judged by their content, limited in size, and served with a sandbox."""

from __future__ import annotations

import hashlib
import io
import zlib
from pathlib import Path

import pytest
from werkzeug.datastructures import FileStorage

from ethics_hr.core.errors import RuleViolation
from ethics_hr.core.uploads import (
    JPEG,
    PDF,
    SCANS,
    StoredFile,
    pdf_has_active_content,
    save_upload,
    send_stored,
    sniff,
)
from ethics_hr.extensions import db

PDF_BYTES = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n"
JPEG_BYTES = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 32
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def upload(data: bytes, name: str) -> FileStorage:
    return FileStorage(stream=io.BytesIO(data), filename=name)


def test_a_pdf_is_stored_outside_the_web_root_with_its_digest(app):
    stored = save_upload(upload(PDF_BYTES, "คำสั่ง 12-2566.pdf"))
    db.session.commit()
    path = Path(app.config["UPLOAD_FOLDER"]) / stored.storage_key
    assert path.read_bytes() == PDF_BYTES
    assert (stored.content_type, stored.size) == (PDF, len(PDF_BYTES))
    assert stored.sha256 == hashlib.sha256(PDF_BYTES).hexdigest()
    assert stored.original_name == "คำสั่ง 12-2566.pdf"
    assert not str(path).startswith(str(Path(app.static_folder)))


def test_the_content_decides_the_type_not_the_name(app, in_english):
    stored = save_upload(upload(JPEG_BYTES, "scan.pdf"), allowed=SCANS)
    assert stored.content_type == JPEG
    assert stored.storage_key.endswith(".jpg")
    with pytest.raises(RuleViolation, match="Only PDF files are accepted") as caught:
        save_upload(upload(PNG_BYTES, "looks-like.pdf"), field="evidence")
    assert caught.value.field == "evidence"
    with pytest.raises(RuleViolation):
        save_upload(upload(b"<html><script>alert(1)</script>", "page.pdf"))


def test_empty_and_oversized_files_are_refused(app, in_english):
    with pytest.raises(RuleViolation, match="empty"):
        save_upload(upload(b"", "empty.pdf"))
    app.config["MAX_UPLOAD_BYTES"] = 1024 * 1024
    with pytest.raises(RuleViolation, match="larger than 1 MB"):
        save_upload(upload(PDF_BYTES + b"0" * (1024 * 1024), "big.pdf"))


def test_the_original_name_keeps_only_the_file_name_without_control_characters(app):
    assert save_upload(upload(PDF_BYTES, "C:\\Users\\somchai\\order.pdf")).original_name == "order.pdf"
    assert save_upload(upload(PDF_BYTES, "../../etc/passwd.pdf")).original_name == "passwd.pdf"
    assert save_upload(upload(PDF_BYTES, "evil\x00name\x1b.pdf")).original_name == "evilname.pdf"
    db.session.commit()


def test_sniffing_knows_the_three_kinds():
    assert sniff(PDF_BYTES) == PDF
    assert sniff(JPEG_BYTES) == JPEG
    assert sniff(b"GIF89a") is None


def test_a_stored_file_is_served_in_a_sandbox(app):
    stored = save_upload(upload(PDF_BYTES, "order.pdf"))
    db.session.commit()
    with app.test_request_context("/"):
        response = send_stored(stored, download=True)
        response.direct_passthrough = False
        assert response.get_data() == PDF_BYTES
    assert response.mimetype == PDF
    assert "sandbox" in response.headers["Content-Security-Policy"]
    assert response.headers["Cache-Control"] == "private, no-store"
    assert "attachment" in response.headers["Content-Disposition"]


def _pdf(body: bytes) -> bytes:
    return b"%PDF-1.7\n1 0 obj\n" + body + b"\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


ACTIVE_PDFS = {
    "javascript": _pdf(b"<< /Type /Catalog /Names << /JavaScript 2 0 R >> >>"),
    "js action": _pdf(b"<< /S /JavaScript /JS (app.alert(1)) >>"),
    "open action": _pdf(b"<< /Type /Catalog /OpenAction 3 0 R >>"),
    "additional actions": _pdf(b"<< /Type /Page /AA << /O 4 0 R >> >>"),
    "launch": _pdf(b"<< /S /Launch /F (cmd.exe) >>"),
    "escaped name": _pdf(b"<< /S /J#61vaScript /J#53 (app.alert(1)) >>"),
    "compressed object stream": _pdf(
        b"<< /Type /ObjStm /Filter /FlateDecode >>\nstream\n"
        + zlib.compress(b"<< /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>")
        + b"\nendstream"
    ),
}


@pytest.mark.parametrize("name", sorted(ACTIVE_PDFS))
def test_a_pdf_that_runs_something_is_refused_next_to_its_field(app, in_english, name):
    assert pdf_has_active_content(ACTIVE_PDFS[name])
    with pytest.raises(RuleViolation, match="JavaScript or actions") as caught:
        save_upload(upload(ACTIVE_PDFS[name], "order.pdf"), field="document")
    assert caught.value.field == "document"
    assert db.session.scalars(db.select(StoredFile)).all() == []
    folder = Path(app.config["UPLOAD_FOLDER"])
    assert not folder.exists() or not any(folder.iterdir())


def test_a_plain_pdf_with_look_alike_names_is_accepted(app):
    # /JSON, /AAA and /Launched are other names; a link (/URI) runs nothing.
    plain = _pdf(b"<< /Type /Annot /JSON 1 /AAA 2 /Launched 3 /A << /S /URI /URI (https://example.org) >> >>")
    assert not pdf_has_active_content(plain)
    assert not pdf_has_active_content(
        _pdf(
            b"<< /Filter /FlateDecode >>\nstream\n"
            + zlib.compress(b"BT /F1 12 Tf (JS) Tj ET")
            + b"\nendstream"
        )
    )
    assert save_upload(upload(plain, "order.pdf")).content_type == PDF
