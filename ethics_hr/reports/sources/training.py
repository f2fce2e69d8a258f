"""Ethics training held, hours per department and a person's sessions, read through the training domain."""

from __future__ import annotations

from ethics_hr.reports.sources.base import domain
from ethics_hr.reports.sources.evidence import DepartmentHours, HeldSession, PersonTraining, TrainingEvidence


def ethics_training(fy: int) -> TrainingEvidence | None:
    """The sessions with ethics content held in a fiscal year, with their participants and hours, or None.

    Held: not cancelled and already started. Participants: people whose current attendance earns hours.
    Two grouped queries, however many sessions there are.
    """
    services = domain("ethics_hr.training.services")
    attendance = domain("ethics_hr.training.attendance")
    models = domain("ethics_hr.training.models")
    if services is None or attendance is None or models is None:
        return None
    import sqlalchemy as sa

    from ethics_hr.core.models import utc_now
    from ethics_hr.extensions import db

    session, course = models.TrainingSession, models.Course
    held = (
        services.sessions_query(fy=fy)
        .join(course, course.id == session.course_id)
        .where(course.is_ethics, session.status != models.CANCELLED, session.starts_at <= utc_now())
        .order_by(None)
        .order_by(session.starts_at, session.id)
    )
    sessions = list(db.session.scalars(held).unique())
    evidence = TrainingEvidence(fiscal_year=fy)
    if not sessions:
        return evidence
    ids = [s.id for s in sessions]
    current = models.current_attendance_ids(session_ids=ids)
    present = (
        sa.select(models.Attendance.session_id, models.Attendance.person_id)
        .join(current, current.c.id == models.Attendance.id)
        .join(models.AttendanceStatus, models.AttendanceStatus.id == models.Attendance.status_id)
        .where(models.AttendanceStatus.hours_factor > 0)
        .subquery("present")
    )
    counts = dict(
        db.session.execute(
            sa.select(present.c.session_id, sa.func.count()).group_by(present.c.session_id)
        ).all()
    )
    evidence.people_trained = int(
        db.session.scalar(sa.select(sa.func.count(sa.distinct(present.c.person_id)))) or 0
    )
    for s in sessions:
        hours = s.credited_hours
        evidence.sessions.append(
            HeldSession(
                s.course.title_th, s.course.title_en, s.starts_at, float(hours or 0), counts.get(s.id, 0)
            )
        )
    return evidence


def hours_by_department(fy: int, locale: str = "th") -> list[DepartmentHours] | None:
    """Ethics training hours of active people per department in a fiscal year, or None."""
    reports = domain("ethics_hr.training.reports")
    if reports is None:
        return None
    from flask_babel import gettext as _

    rows = []
    for row in reports.summary(fy, by="department"):
        if row.group is None:
            name = _("No department (executives and council members)")
            rows.append(DepartmentHours(name, name, row.people, row.met, row.ethics_hours))
        else:
            rows.append(
                DepartmentHours(row.group.name_th, row.group.name_en, row.people, row.met, row.ethics_hours)
            )
    return rows


def required_hours() -> float | None:
    """The organisation's yearly requirement of ethics training hours per person, or None."""
    reports = domain("ethics_hr.training.reports")
    return reports.required_hours() if reports is not None else None


def person_training(person_id: int, fy: int, locale: str = "th") -> list[PersonTraining] | None:
    """A person's sessions of a fiscal year with their attendance and the hours credited, or None."""
    reports = domain("ethics_hr.training.reports")
    if reports is None:
        return None
    from flask_babel import gettext as _

    lines = []
    for line in reports.person_record(person_id, fy):
        course = line.session.course
        if line.status is not None:
            status = line.status.name(locale)
        elif line.session.is_cancelled:
            status = _("Session cancelled")
        else:
            status = _("No attendance recorded")
        lines.append(
            PersonTraining(
                course.title_th, course.title_en, line.session.starts_at, course.is_ethics, status, line.hours
            )
        )
    return lines
