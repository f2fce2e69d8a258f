"""Ethics training held, hours per department and a person's sessions, read through the training domain."""

from __future__ import annotations

from flask_babel import gettext as _

from ethics_hr.reports.sources.evidence import DepartmentHours, HeldSession, PersonTraining, TrainingEvidence
from ethics_hr.training import evidence, reports


def ethics_training(fy: int) -> TrainingEvidence:
    """The sessions with ethics content held in a fiscal year, with their participants and hours."""
    held = evidence.ethics_sessions_held(fy)
    result = TrainingEvidence(fiscal_year=fy, people_trained=held.people_trained)
    for s in held.sessions:
        result.sessions.append(
            HeldSession(
                s.course.title_th,
                s.course.title_en,
                s.starts_at,
                evidence.session_hours(s),
                held.participants.get(s.id, 0),
            )
        )
    return result


def ethics_training_counts(fy: int) -> tuple[int, int]:
    """How many ethics sessions were held in a fiscal year and how many people they trained: two counts."""
    return evidence.ethics_training_counts(fy)


def hours_by_department(fy: int, locale: str = "th") -> list[DepartmentHours]:
    """Ethics training hours of active people per department in a fiscal year."""
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


def required_hours() -> float:
    """The organisation's yearly requirement of ethics training hours per person."""
    return reports.required_hours()


def person_training(person_id: int, fy: int, locale: str = "th") -> list[PersonTraining]:
    """A person's sessions of a fiscal year with their attendance and the hours credited."""
    lines = []
    for line in reports.person_record(person_id, fy):
        course = line.session.course
        if line.status is not None:
            status = line.status.name(locale)
        elif evidence.is_cancelled(line.session):
            status = _("Session cancelled")
        else:
            status = _("No attendance recorded")
        lines.append(
            PersonTraining(
                course.title_th, course.title_en, line.session.starts_at, course.is_ethics, status, line.hours
            )
        )
    return lines
