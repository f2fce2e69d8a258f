"""In-app notices: the bell's count, the list, marking as read."""

from __future__ import annotations

import sqlalchemy as sa

from ethics_hr.core.db import transactional
from ethics_hr.core.models import utc_now
from ethics_hr.extensions import db
from ethics_hr.notifications.models import Notice


def unread_count(user_id: int) -> int:
    """Count a person's unread notices (one indexed COUNT)."""
    return db.session.scalar(
        sa.select(sa.func.count())
        .select_from(Notice)
        .where(Notice.user_id == user_id, Notice.read_at.is_(None))
    )


def notices_query(user_id: int, *, unread_only: bool = False) -> sa.Select:
    """Select a person's notices, newest first."""
    query = sa.select(Notice).where(Notice.user_id == user_id).order_by(Notice.id.desc())
    if unread_only:
        query = query.where(Notice.read_at.is_(None))
    return query


def notice_of(user_id: int, notice_id: int) -> Notice | None:
    """Return a notice if it belongs to the person, else None."""
    return db.session.scalar(sa.select(Notice).where(Notice.id == notice_id, Notice.user_id == user_id))


@transactional
def mark_read(notice: Notice) -> None:
    """Mark one notice as read (keeping the first time it was read)."""
    if notice.read_at is None:
        notice.read_at = utc_now()


@transactional
def mark_all_read(user_id: int) -> int:
    """Mark every unread notice of a person as read; return how many."""
    result = db.session.execute(
        sa.update(Notice).where(Notice.user_id == user_id, Notice.read_at.is_(None)).values(read_at=utc_now())
    )
    return result.rowcount
