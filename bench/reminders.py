"""Reminders at scale: publish a code version to everyone, then run the acknowledgment reminder job.

Targets (issue 17), at profile L (10,000 people): publishing queues 10,000 notices in under 3 s; the reminder
job a week later queues 10,000 more in under 3 s (it also reminds the people pending on the versions in
force that bench.codes generated, which it reports); the same job again, with nothing new, in under 0.3 s.
"""

from __future__ import annotations

from datetime import time, timedelta

from sqlalchemy import select

from ethics_hr.codes import jobs as codes_jobs
from ethics_hr.codes.models import CodeOfEthics, CodeVersion, VersionStatus
from ethics_hr.codes.services import publish_version
from ethics_hr.core.timeutil import local_datetime_to_utc, local_today, to_local
from ethics_hr.extensions import db
from ethics_hr.notifications.models import Notice, OutboxMessage
from ethics_hr.people.models import StaffCategory, User

_state: dict[str, int] = {}


def generate(ctx) -> None:
    """Draft a new code of ethics for every staff category: the task publishes it."""
    code = CodeOfEthics(
        name_th="ประมวลจริยธรรมเพื่อทดสอบการแจ้งเตือน", name_en="Reminder benchmark code", sort_order=9
    )
    version = CodeVersion(
        code=code,
        number=1,
        status=VersionStatus.DRAFT,
        title="ประมวลจริยธรรมเพื่อทดสอบการแจ้งเตือน พ.ศ. 2570",
        effective_date=local_today(),
        body_md="**ข้อ 1** พนักงานต้องปฏิบัติหน้าที่ด้วยความซื่อสัตย์สุจริต\n",
        categories=list(db.session.scalars(select(StaffCategory))),
    )
    db.session.add(version)
    db.session.commit()
    _state["version_id"] = version.id


def pages(ctx) -> list[tuple[str, str, str]]:
    return []


def _version() -> CodeVersion:
    return db.session.get(CodeVersion, _state["version_id"])


def _a_week_later():
    published = to_local(_version().published_at).date()
    return local_datetime_to_utc(published + timedelta(days=7), time(9))


def _queued(kind: str) -> tuple[int, int]:
    """Return how many mails and in-app notices of a kind there are."""
    mails = db.session.scalar(select(db.func.count(OutboxMessage.id)).where(OutboxMessage.kind == kind))
    notices = db.session.scalar(select(db.func.count(Notice.id)).where(Notice.kind == kind))
    return mails or 0, notices or 0


def tasks(ctx) -> list[tuple[str, object, float]]:
    size = len(ctx.people)

    def publish() -> dict:
        officer = db.session.get(User, ctx.officer.id)
        due = local_today() + timedelta(days=60)
        version = publish_version(_version(), major=True, due_date=due, by=officer)
        mails, notices = _queued("codes.version_published")
        print(f"reminders: publishing queued {mails:,} mails and {notices:,} in-app notices")
        return {"mails": mails, "notices": notices, "version": version.id}

    def remind() -> dict:
        told = codes_jobs.ack_reminders(_a_week_later())
        db.session.commit()
        mails, notices = _queued("codes.ack_reminder")
        print(
            f"reminders: the reminder job told {told:,} people: {mails:,} mails, {notices:,} in-app notices"
        )
        return {"told": told}

    def remind_again() -> dict:
        told = codes_jobs.ack_reminders(_a_week_later())
        return {"queued": told}

    # The limits are targets for profile L; smaller profiles only check that the tasks run, so a busy
    # machine cannot fail the tiny profile the test suite runs.
    large = ctx.profile == "L"
    return [
        (f"reminders: publish a code version to everyone ({size:,})", publish, 3.0 if large else None),
        (f"reminders: acknowledgment reminder job a week later ({size:,})", remind, 3.0 if large else None),
        ("reminders: acknowledgment reminder job again, nothing new", remind_again, 0.3 if large else None),
    ]
