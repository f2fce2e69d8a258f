"""Labels of plan and item statuses, in the reader's language."""

from __future__ import annotations

from flask_babel import gettext as _


def status_labels() -> dict[str, str]:
    return {
        "not_started": _("Not started"),
        "in_progress": _("In progress"),
        "done": _("Done"),
        "cancelled": _("Cancelled"),
        "draft": _("Draft"),
        "approved": _("Approved"),
        "superseded": _("Superseded"),
    }
