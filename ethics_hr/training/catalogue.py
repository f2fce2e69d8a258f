"""Course topics, attendance statuses and courses: the catalogue an officer keeps."""

from __future__ import annotations

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from ethics_hr.core.db import transactional
from ethics_hr.core.errors import RuleViolation
from ethics_hr.extensions import db
from ethics_hr.training import hours
from ethics_hr.training.models import AttendanceStatus, Course, CourseTopic


def topics(*, active_only: bool = True) -> list[CourseTopic]:
    query = db.select(CourseTopic).order_by(CourseTopic.sort_order, CourseTopic.id)
    if active_only:
        query = query.where(CourseTopic.active)
    return list(db.session.scalars(query))


def attendance_statuses(*, active_only: bool = True) -> list[AttendanceStatus]:
    query = db.select(AttendanceStatus).order_by(AttendanceStatus.sort_order, AttendanceStatus.id)
    if active_only:
        query = query.where(AttendanceStatus.active)
    return list(db.session.scalars(query))


@transactional
def save_topic(
    topic: CourseTopic | None, *, code: str, name_th: str, name_en: str, is_ethics: bool, active: bool
) -> CourseTopic:
    """Create or change a course topic; its code stays unique."""
    code = code.strip().lower()
    clash = db.session.scalar(db.select(CourseTopic.id).where(CourseTopic.code == code))
    if clash is not None and (topic is None or clash != topic.id):
        raise RuleViolation(str(_l("Another topic already uses this code.")), "code")
    if topic is None:
        order = db.session.scalar(db.select(sa.func.coalesce(sa.func.max(CourseTopic.sort_order), 0)))
        topic = CourseTopic(sort_order=order + 1)
        db.session.add(topic)
    topic.code, topic.name_th, topic.name_en = code, name_th.strip(), name_en.strip()
    topic.is_ethics, topic.active = is_ethics, active
    return topic


@transactional
def save_status(
    status: AttendanceStatus, *, name_th: str, name_en: str, hours_factor: float, active: bool
) -> AttendanceStatus:
    """Change an attendance status's labels and the share of hours it earns; every total is recomputed."""
    if not 0 <= hours_factor <= 1:
        raise RuleViolation(str(_l("Enter a share from 0 to 1.")), "hours_factor")
    factor_changed = status.hours_factor != hours_factor
    status.name_th, status.name_en = name_th.strip(), name_en.strip()
    status.hours_factor, status.active = hours_factor, active
    if factor_changed:
        db.session.flush()
        hours.rebuild_all()
    return status


def courses(*, active_only: bool = False) -> list[Course]:
    query = db.select(Course).order_by(Course.active.desc(), Course.code)
    if active_only:
        query = query.where(Course.active)
    return list(db.session.scalars(query))


@transactional
def save_course(course: Course | None, data: dict) -> Course:
    """Create or change a course; its code stays unique and its topic must exist."""
    code = (data.get("code") or "").strip().upper()
    clash = db.session.scalar(db.select(Course.id).where(sa.func.upper(Course.code) == code))
    if clash is not None and (course is None or clash != course.id):
        raise RuleViolation(str(_l("Another course already uses this code.")), "code")
    if db.session.get(CourseTopic, data.get("topic_id")) is None:
        raise RuleViolation(str(_l("Choose a topic from the list.")), "topic_id")
    default_hours = float(data.get("default_hours") or 0)
    if default_hours <= 0 or default_hours > 100:
        raise RuleViolation(
            str(_l("Enter the hours of one session, more than 0 and at most 100.")), "default_hours"
        )
    if course is None:
        course = Course()
        db.session.add(course)
    course.code = code
    course.title_th = data["title_th"].strip()
    course.title_en = (data.get("title_en") or "").strip()
    course.topic_id = data["topic_id"]
    course.is_ethics = bool(data.get("is_ethics"))
    course.default_hours = default_hours
    course.description_th = (data.get("description_th") or "").strip()
    course.description_en = (data.get("description_en") or "").strip()
    course.active = bool(data.get("active", True))
    state = sa.inspect(course)
    if state.persistent and (
        state.attrs.is_ethics.history.deleted or state.attrs.default_hours.history.deleted
    ):
        db.session.flush()
        hours.rebuild_all()  # every total that counted this course changes
    return course
