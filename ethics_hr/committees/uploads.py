"""Keep the scanned order a browser sent while the order form is shown again (an error, the no-chair warning).

Browsers never send a chosen file twice, so without this the officer would have to choose it again. The file
waits under the instance folder, out of the database ("nothing written" until the order is saved), and only
the session that sent it can use it again.
"""

from __future__ import annotations

import secrets
from io import BytesIO
from pathlib import Path

from flask import current_app, request, session
from werkzeug.datastructures import FileStorage

from ethics_hr.core.uploads import PDF, pdf_has_active_content, sniff

SESSION_KEY = "committee_order_upload"
FORM_FIELD = "kept_upload"


def _folder() -> Path:
    path = Path(current_app.instance_path) / "pending-uploads"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _path(token: str) -> Path:
    return _folder() / f"committee-order-{token}.pdf"


def chosen_or_kept(chosen: FileStorage | None) -> FileStorage | None:
    """Return the file chosen in this submit, or else the one kept from the previous submit of the form."""
    if isinstance(chosen, FileStorage) and chosen.filename:
        return chosen
    pending = session.get(SESSION_KEY)
    if not pending or request.form.get(FORM_FIELD) != pending["token"]:
        return None
    path = _path(pending["token"])
    if not path.exists():
        return None
    return FileStorage(BytesIO(path.read_bytes()), filename=pending["name"], content_type=PDF)


def keep(upload: FileStorage | None) -> None:
    """Keep a chosen PDF for the next submit of the form (anything else is refused on save anyway)."""
    if upload is None:
        return
    upload.stream.seek(0)
    data = upload.stream.read()
    upload.stream.seek(0)
    if not data or len(data) > current_app.config.get("MAX_UPLOAD_BYTES", 0) or sniff(data[:16]) != PDF:
        return
    if pdf_has_active_content(data):
        return
    forget_kept()
    token = secrets.token_hex(16)
    _path(token).write_bytes(data)
    session[SESSION_KEY] = {"token": token, "name": Path(upload.filename or "order.pdf").name[:255]}


def kept() -> dict | None:
    """Return the token and name of the kept file, if there is one."""
    pending = session.get(SESSION_KEY)
    if pending and _path(pending["token"]).exists():
        return pending
    return None


def forget_kept() -> None:
    """Remove the kept file once the order is saved."""
    pending = session.pop(SESSION_KEY, None)
    if pending:
        _path(pending["token"]).unlink(missing_ok=True)
