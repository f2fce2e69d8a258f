"""Uploaded files: checked by content, size-limited, kept outside the web root, served after a check."""

from __future__ import annotations

import hashlib
import re
import uuid
import zlib
from datetime import datetime
from pathlib import Path

import sqlalchemy as sa
from flask import current_app, send_file
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column
from werkzeug.datastructures import FileStorage

from ethics_hr.core.errors import RuleViolation
from ethics_hr.core.http import without_controls
from ethics_hr.core.models import utc_now
from ethics_hr.extensions import db

PDF = "application/pdf"
JPEG = "image/jpeg"
PNG = "image/png"
SIGNATURES: dict[str, tuple[bytes, ...]] = {
    PDF: (b"%PDF-",),
    JPEG: (b"\xff\xd8\xff",),
    PNG: (b"\x89PNG\r\n\x1a\n",),
}
EXTENSIONS = {PDF: "pdf", JPEG: "jpg", PNG: "png"}
DOCUMENTS = (PDF,)
SCANS = (PDF, JPEG, PNG)
# The PDF names that run something when a reader opens the file or touches a page: scripts, actions on open,
# additional actions, launching a program. An order or a plan needs none of them.
ACTIVE_PDF_NAMES = re.compile(rb"/(?:JavaScript|JS|OpenAction|AA|Launch)(?=[\s/\[\]<>(){}%]|$)")
NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
STREAM = re.compile(rb"stream\r?\n(.*?)endstream", re.DOTALL)
MAX_INFLATED = 64 * 1024 * 1024  # read at most this much of a file's compressed streams (no zip bomb)


class StoredFile(db.Model):
    __tablename__ = "stored_file"

    id: Mapped[int] = mapped_column(primary_key=True)
    storage_key: Mapped[str] = mapped_column(db.String(80), unique=True)
    original_name: Mapped[str] = mapped_column(db.String(255))
    content_type: Mapped[str] = mapped_column(db.String(100))
    size: Mapped[int]
    sha256: Mapped[str] = mapped_column(db.String(64))
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user_account.id"))


def sniff(head: bytes) -> str | None:
    """Tell the type of a file from its first bytes, whatever its name says."""
    for content_type, signatures in SIGNATURES.items():
        if any(head.startswith(sig) for sig in signatures):
            return content_type
    return None


def pdf_has_active_content(data: bytes) -> bool:
    """Tell whether a PDF names JavaScript or an action, in its text or in a Flate-compressed stream.

    Names may be written with #xx escapes (/J#61vaScript) and objects may sit in compressed object streams,
    so both are undone before looking.
    """
    budget = MAX_INFLATED
    parts = [data]
    for match in STREAM.finditer(data):
        if budget <= 0:
            break
        inflater = zlib.decompressobj()
        try:
            inflated = inflater.decompress(match.group(1), budget)
        except zlib.error:
            continue  # not Flate (an image, another filter): its bytes were searched as they are
        budget -= len(inflated)
        parts.append(inflated)
    return any(ACTIVE_PDF_NAMES.search(NAME_ESCAPE.sub(_unescaped, part)) for part in parts)


def _unescaped(match: re.Match[bytes]) -> bytes:
    return bytes([int(match.group(1), 16)])


def _folder() -> Path:
    path = Path(current_app.config["UPLOAD_FOLDER"])
    path.mkdir(parents=True, exist_ok=True)
    return path


def save_upload(
    upload: FileStorage,
    *,
    allowed: tuple[str, ...] = DOCUMENTS,
    field: str = "file",
    by_id: int | None = None,
) -> StoredFile:
    """Check an uploaded file by its content and size, store it, and return its record (not yet committed)."""
    data = upload.read()
    limit = current_app.config.get("MAX_UPLOAD_BYTES", 10 * 1024 * 1024)
    if not data:
        raise RuleViolation(str(_l("The file is empty.")), field)
    if len(data) > limit:
        raise RuleViolation(str(_l("The file is larger than %(mb)d MB.", mb=limit // (1024 * 1024))), field)
    content_type = sniff(data[:16])
    if content_type not in allowed:
        names = ", ".join(EXTENSIONS[t].upper() for t in allowed)
        raise RuleViolation(str(_l("Only %(types)s files are accepted.", types=names)), field)
    if content_type == PDF and pdf_has_active_content(data):
        raise RuleViolation(
            str(
                _l(
                    "The PDF contains JavaScript or actions that run when it is opened. "
                    "Print it again to PDF, or scan the paper, and upload that file."
                )
            ),
            field,
        )
    key = f"{uuid.uuid4().hex}.{EXTENSIONS[content_type]}"
    (_folder() / key).write_bytes(data)
    # Browsers on Windows may send the whole path; keep the file's own name, without control characters.
    name = without_controls(upload.filename or "").replace("\\", "/").rsplit("/", 1)[-1].strip()
    name = (name or f"file.{EXTENSIONS[content_type]}")[:255]
    stored = StoredFile(
        storage_key=key,
        original_name=name,
        content_type=content_type,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        created_by_id=by_id,
    )
    db.session.add(stored)
    return stored


def read_stored(stored: StoredFile) -> bytes:
    """The bytes of a stored file (for a document that embeds it, such as the logo on a certificate)."""
    return (_folder() / stored.storage_key).read_bytes()


def send_stored(stored: StoredFile, *, download: bool = False):
    """Send a stored file; the caller has already checked that the user may see it."""
    response = send_file(
        _folder() / stored.storage_key,
        mimetype=stored.content_type,
        as_attachment=download,
        download_name=stored.original_name,
        max_age=0,
    )
    response.headers["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response.headers["Cache-Control"] = "private, no-store"
    return response
