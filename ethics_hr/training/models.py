"""Courses, sessions, who is on them, and the attendance taken (evidence: append-only)."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ethics_hr.core.append_only import append_only
from ethics_hr.core.models import TimestampMixin, utc_now
from ethics_hr.extensions import db
from ethics_hr.people.models import Person

# Session statuses: planned (announced, no enrolment yet), open (enrolment open), completed, cancelled.
PLANNED = "planned"
OPEN = "open"
COMPLETED = "completed"
CANCELLED = "cancelled"
SESSION_STATUSES = (PLANNED, OPEN, COMPLETED, CANCELLED)

# Registration states of one person on one session.
INVITED = "invited"  # on the invitation list, holds no seat
ENROLLED = "enrolled"  # holds a seat: on the roster
WAITLISTED = "waitlisted"  # wants a seat; moves up when one frees
WITHDRAWN = "withdrawn"  # had a seat or a place on the waiting list and gave it up
REGISTRATION_STATES = (INVITED, ENROLLED, WAITLISTED, WITHDRAWN)

# How an attendance entry was taken.
BY_OFFICER = "officer"
BY_SELF = "self"
BY_IMPORT = "import"
BY_WALK_IN = "walk_in"


class CourseTopic(db.Model):
    """Reference data: what a course is about (ethical standards, No Gift Policy, digital skills...)."""

    __tablename__ = "course_topic"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(db.String(40), unique=True)
    name_th: Mapped[str] = mapped_column(db.String(200))
    name_en: Mapped[str] = mapped_column(db.String(200), default="")
    is_ethics: Mapped[bool] = mapped_column(default=False)
    sort_order: Mapped[int] = mapped_column(default=0)
    active: Mapped[bool] = mapped_column(default=True)

    def name(self, locale: str) -> str:
        return self.name_en if locale == "en" and self.name_en else self.name_th


class AttendanceStatus(db.Model):
    """Reference data: present, late, excused, absent, and the share of the session's hours each earns."""

    __tablename__ = "attendance_status"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(db.String(40), unique=True)
    name_th: Mapped[str] = mapped_column(db.String(100))
    name_en: Mapped[str] = mapped_column(db.String(100), default="")
    hours_factor: Mapped[float] = mapped_column(default=0.0)
    sort_order: Mapped[int] = mapped_column(default=0)
    active: Mapped[bool] = mapped_column(default=True)

    def name(self, locale: str) -> str:
        return self.name_en if locale == "en" and self.name_en else self.name_th


class Course(TimestampMixin, db.Model):
    __tablename__ = "course"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(db.String(20), unique=True)
    title_th: Mapped[str] = mapped_column(db.String(300))
    title_en: Mapped[str] = mapped_column(db.String(300), default="")
    topic_id: Mapped[int] = mapped_column(sa.ForeignKey("course_topic.id"), index=True)
    is_ethics: Mapped[bool] = mapped_column(default=False)
    default_hours: Mapped[float] = mapped_column(default=3.0)
    description_th: Mapped[str] = mapped_column(db.Text, default="")
    description_en: Mapped[str] = mapped_column(db.Text, default="")
    active: Mapped[bool] = mapped_column(default=True)

    topic: Mapped[CourseTopic] = relationship(lazy="joined")

    def title(self, locale: str) -> str:
        return self.title_en if locale == "en" and self.title_en else self.title_th

    def description(self, locale: str) -> str:
        return self.description_en if locale == "en" and self.description_en else self.description_th


class TrainingSession(TimestampMixin, db.Model):
    """One sitting of a course: when, where, how many seats; sessions of a series share `series_key`."""

    __tablename__ = "training_session"
    __table_args__ = (
        sa.CheckConstraint("ends_at > starts_at", name="ends_after_start"),
        sa.CheckConstraint("capacity >= 1", name="capacity_positive"),
        sa.CheckConstraint("seats_taken >= 0 AND seats_taken <= capacity", name="seats_within_capacity"),
        sa.Index("ix_training_session_starts_at", "starts_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    course_id: Mapped[int] = mapped_column(sa.ForeignKey("course.id"), index=True)
    # The fiscal year (B.E.) the session counts toward, kept from starts_at by the listener below.
    fiscal_year: Mapped[int] = mapped_column(index=True, default=0)
    series_key: Mapped[str] = mapped_column(db.String(32), default="", index=True)
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    place: Mapped[str] = mapped_column(db.String(300), default="")
    online_url: Mapped[str] = mapped_column(db.String(500), default="")
    speakers: Mapped[str] = mapped_column(db.String(500), default="")
    capacity: Mapped[int] = mapped_column(default=30)
    # Seats held by enrolled people; changed only by conditional UPDATEs so it never passes capacity.
    seats_taken: Mapped[int] = mapped_column(default=0)
    registration_deadline: Mapped[datetime | None]
    mandatory: Mapped[bool] = mapped_column(default=False)
    status: Mapped[str] = mapped_column(db.String(12), default=PLANNED)
    hours: Mapped[float | None]  # None: the course's default hours
    checkin_code: Mapped[str] = mapped_column(db.String(12), unique=True)
    notes: Mapped[str] = mapped_column(db.Text, default="")
    cancelled_at: Mapped[datetime | None]
    cancel_reason: Mapped[str] = mapped_column(db.String(500), default="")

    course: Mapped[Course] = relationship(lazy="joined")

    @property
    def credited_hours(self) -> float:
        return self.hours if self.hours is not None else self.course.default_hours

    @property
    def seats_left(self) -> int:
        return max(self.capacity - self.seats_taken, 0)

    @property
    def enrolment_closes_at(self) -> datetime:
        return self.registration_deadline or self.starts_at


class Registration(TimestampMixin, db.Model):
    """One person's place on one session: invited, enrolled (a seat), on the waiting list, or withdrawn."""

    __tablename__ = "training_registration"
    __table_args__ = (
        sa.UniqueConstraint("session_id", "person_id"),
        sa.Index("ix_training_registration_person_state", "person_id", "state"),
        sa.Index("ix_training_registration_session_state", "session_id", "state"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(sa.ForeignKey("training_session.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(sa.ForeignKey("person.id"))
    state: Mapped[str] = mapped_column(db.String(12), default=INVITED)
    source: Mapped[str] = mapped_column(db.String(20), default="person")  # department, category, person...
    invited_at: Mapped[datetime] = mapped_column(default=utc_now)
    enrolled_at: Mapped[datetime | None]
    waitlisted_at: Mapped[datetime | None]
    withdrawn_at: Mapped[datetime | None]

    session: Mapped[TrainingSession] = relationship()
    person: Mapped[Person] = relationship()


class Attendance(db.Model):
    """Attendance taken: never changed in place; a correction is a new row pointing at the one it corrects.

    The current status of a person on a session is their latest row (highest id).
    """

    __tablename__ = "training_attendance"
    __table_args__ = (sa.Index("ix_training_attendance_session_person", "session_id", "person_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(sa.ForeignKey("training_session.id"))
    person_id: Mapped[int] = mapped_column(sa.ForeignKey("person.id"), index=True)
    status_id: Mapped[int] = mapped_column(sa.ForeignKey("attendance_status.id"))
    method: Mapped[str] = mapped_column(db.String(12), default=BY_OFFICER)
    recorded_at: Mapped[datetime] = mapped_column(default=utc_now)
    recorded_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user_account.id"))
    corrects_id: Mapped[int | None] = mapped_column(sa.ForeignKey("training_attendance.id"))
    note: Mapped[str] = mapped_column(db.String(500), default="")

    status: Mapped[AttendanceStatus] = relationship(lazy="joined")


append_only(Attendance.__table__)


@sa.event.listens_for(TrainingSession, "before_insert")
@sa.event.listens_for(TrainingSession, "before_update")
def _keep_fiscal_year(mapper, connection, target: TrainingSession) -> None:
    from ethics_hr.core.timeutil import fiscal_year_of

    target.fiscal_year = fiscal_year_of(target.starts_at)


class PersonHours(db.Model):
    """Hours credited to a person in a fiscal year, derived from attendance and kept for the report.

    Attendance stays the record; every write that changes someone's hours recomputes their rows here in SQL
    (training.hours), so the report reads one row per person instead of aggregating every entry of the year.
    """

    __tablename__ = "training_person_hours"
    __audited__ = False  # derived data: the attendance it comes from is audited
    __table_args__ = (sa.Index("ix_training_person_hours_year", "fiscal_year", "ethics_hours"),)

    person_id: Mapped[int] = mapped_column(sa.ForeignKey("person.id"), primary_key=True)
    fiscal_year: Mapped[int] = mapped_column(primary_key=True)
    all_hours: Mapped[float] = mapped_column(default=0.0)
    ethics_hours: Mapped[float] = mapped_column(default=0.0)


class CalendarFeed(db.Model):
    """A person's private calendar feed: the token is shown once and stored only as a hash."""

    __tablename__ = "training_calendar_feed"
    __audit_exclude__ = ("token_hash",)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(sa.ForeignKey("person.id"), unique=True)
    token_hash: Mapped[str] = mapped_column(db.String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
