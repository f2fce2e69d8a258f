"""Courses, sessions, who is on them, and the attendance taken (evidence: append-only)."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from flask_babel import lazy_pgettext
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ethics_hr.core.append_only import append_only
from ethics_hr.core.formatting import bilingual
from ethics_hr.core.models import ReferenceData, TimestampMixin, utc_now
from ethics_hr.core.timeutil import fiscal_year_of
from ethics_hr.extensions import db
from ethics_hr.learning.models import BankQuestion
from ethics_hr.people.models import Person


class SessionStatus(enum.StrEnum):
    """Where a session stands: announced, open for enrolment, held, or called off."""

    PLANNED = "planned"  # announced, no enrolment yet
    OPEN = "open"  # enrolment open
    COMPLETED = "completed"
    CANCELLED = "cancelled"


class RegistrationState(enum.StrEnum):
    """Where one person stands on one session."""

    INVITED = "invited"  # on the invitation list, holds no seat
    ENROLLED = "enrolled"  # holds a seat: on the roster
    WAITLISTED = "waitlisted"  # wants a seat; moves up when one frees
    WITHDRAWN = "withdrawn"  # had a seat or a place on the waiting list and gave it up


class RegistrationSource(enum.StrEnum):
    """Why a person is on a session: invited with a department, a staff category, by name, or walked in."""

    DEPARTMENT = "department"
    CATEGORY = "category"
    PERSON = "person"
    WALK_IN = "walk_in"


class AttendanceMethod(enum.StrEnum):
    """How an attendance entry was taken."""

    BY_OFFICER = "officer"
    BY_SELF = "self"
    BY_IMPORT = "import"
    BY_WALK_IN = "walk_in"


class EvaluationMode(StrEnum):
    """Whether a session asks its participants to evaluate it, and whether the answers carry their names."""

    ANONYMOUS = "anonymous"  # no person id with the answers: the officer sees only aggregates
    NAMED = "named"
    OFF = "off"


class PrePost(StrEnum):
    """A session's test before it (what people know coming in) or after it (what they took away)."""

    PRE = "pre"
    POST = "post"


# The evaluation's ratings, 1 (poor) to 5 (excellent), in the order the form asks them.
CRITERIA = ("content", "speaker", "usefulness", "arrangements", "overall")
CRITERION_LABELS = {
    "content": _l("The content was clear and relevant"),
    "speaker": _l("The speaker explained well"),
    "usefulness": _l("I can use what I learnt in my work"),
    "arrangements": _l("Time, place and materials"),
    "overall": _l("Overall"),
}
RATINGS = (1, 2, 3, 4, 5)
EVALUATION_MODE_LABELS = {
    EvaluationMode.ANONYMOUS: _l("Anonymous: the officer sees only totals"),
    EvaluationMode.NAMED: _l("With names"),
    EvaluationMode.OFF: _l("No evaluation"),
}
TEST_PHASE_LABELS = {PrePost.PRE: _l("Pre-test"), PrePost.POST: _l("Post-test")}


# What the screens show for each value (labels and badge colours), passed to every template.
SESSION_STATUS_LABELS = {
    SessionStatus.PLANNED: _l("Planned"),
    SessionStatus.OPEN: lazy_pgettext("session", "Open"),
    SessionStatus.COMPLETED: _l("Completed"),
    SessionStatus.CANCELLED: _l("Cancelled"),
}
SESSION_STATUS_CSS = {
    SessionStatus.PLANNED: "text-bg-secondary",
    SessionStatus.OPEN: "text-bg-primary",
    SessionStatus.COMPLETED: "text-bg-success",
    SessionStatus.CANCELLED: "text-bg-danger",
}
REGISTRATION_STATE_LABELS = {
    RegistrationState.INVITED: _l("Invited"),
    RegistrationState.ENROLLED: _l("Enrolled"),
    RegistrationState.WAITLISTED: _l("On the waiting list"),
    RegistrationState.WITHDRAWN: _l("Withdrawn"),
}
REGISTRATION_STATE_CSS = {
    RegistrationState.INVITED: "text-bg-info",
    RegistrationState.ENROLLED: "text-bg-success",
    RegistrationState.WAITLISTED: "text-bg-warning",
    RegistrationState.WITHDRAWN: "text-bg-secondary",
}
ATTENDANCE_METHOD_LABELS = {
    AttendanceMethod.BY_OFFICER: _l("by the officer"),
    AttendanceMethod.BY_SELF: _l("self check-in"),
    AttendanceMethod.BY_IMPORT: _l("imported"),
    AttendanceMethod.BY_WALK_IN: _l("walk-in"),
}

# Self check-in opens an hour before the start and closes at the end; a check-in after this is late.
CHECKIN_OPENS_BEFORE = timedelta(minutes=60)
LATE_AFTER = timedelta(minutes=15)


@dataclass(frozen=True)
class Window:
    opens: datetime
    closes: datetime

    def contains(self, moment: datetime) -> bool:
        return self.opens <= moment <= self.closes


@dataclass(frozen=True)
class SeatActions:
    """What a person in a given registration state may do on a session now (the buttons they see)."""

    can_enrol: bool = False
    can_wait: bool = False
    can_withdraw: bool = False
    can_check_in: bool = False


class CourseTopic(ReferenceData, db.Model):
    """Reference data: what a course is about (ethical standards, No Gift Policy, digital skills...)."""

    __tablename__ = "course_topic"

    is_ethics: Mapped[bool] = mapped_column(default=False)


class AttendanceStatus(ReferenceData, db.Model):
    """Reference data: present, late, excused, absent, and the share of the session's hours each earns."""

    __tablename__ = "attendance_status"

    # Shorter names than the mixin's, as the table has always had them.
    name_th: Mapped[str] = mapped_column(db.String(100))
    name_en: Mapped[str] = mapped_column(db.String(100), default="")
    hours_factor: Mapped[float] = mapped_column(default=0.0)


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

    def title(self, locale: str | None = None) -> str:
        return bilingual(self.title_th, self.title_en, locale)

    def description(self, locale: str | None = None) -> str:
        return bilingual(self.description_th, self.description_en, locale)


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
    status: Mapped[SessionStatus] = mapped_column(db.String(12), default=SessionStatus.PLANNED)
    hours: Mapped[float | None]  # None: the course's default hours
    checkin_code: Mapped[str] = mapped_column(db.String(12), unique=True)
    notes: Mapped[str] = mapped_column(db.Text, default="")
    cancelled_at: Mapped[datetime | None]
    cancel_reason: Mapped[str] = mapped_column(db.String(500), default="")
    # The iCalendar SEQUENCE: one more with every change a calendar shows (time, place, status...).
    sequence: Mapped[int] = mapped_column(default=0, server_default="0")
    evaluation: Mapped[str] = mapped_column(
        db.String(10), default=EvaluationMode.ANONYMOUS.value, server_default=EvaluationMode.ANONYMOUS.value
    )

    course: Mapped[Course] = relationship(lazy="joined")
    tests: Mapped[list[SessionTest]] = relationship(
        back_populates="session", lazy="selectin", cascade="all, delete-orphan", order_by="SessionTest.phase"
    )

    def test(self, phase: str) -> SessionTest | None:
        return next((t for t in self.tests if t.phase == phase), None)

    @property
    def evaluated(self) -> bool:
        return self.evaluation != EvaluationMode.OFF

    @property
    def anonymous_evaluation(self) -> bool:
        return self.evaluation == EvaluationMode.ANONYMOUS

    @hybrid_property
    def credited_hours(self) -> float:
        """The hours the session is worth: its own, or its course's default (the one rule, in both forms)."""
        return self.hours if self.hours is not None else self.course.default_hours

    @credited_hours.inplace.expression
    @classmethod
    def _credited_hours_expression(cls) -> sa.ColumnElement[float]:
        # In SQL the query joins Course itself (every query that needs the hours already does).
        return sa.func.coalesce(cls.hours, Course.default_hours)

    @property
    def seats_left(self) -> int:
        return max(self.capacity - self.seats_taken, 0)

    @property
    def enrolment_closes_at(self) -> datetime:
        return self.registration_deadline or self.starts_at

    @property
    def is_cancelled(self) -> bool:
        return self.status == SessionStatus.CANCELLED

    @property
    def is_closed(self) -> bool:
        """Cancelled or completed: nobody can be invited, enrol or withdraw any more."""
        return self.status in (SessionStatus.CANCELLED, SessionStatus.COMPLETED)

    @property
    def is_upcoming(self) -> bool:
        """Planned or open: not held yet, not called off."""
        return self.status in (SessionStatus.PLANNED, SessionStatus.OPEN)

    @property
    def checkin_window(self) -> Window:
        """When self check-in is open: from an hour before the start to the end of the session."""
        return Window(self.starts_at - CHECKIN_OPENS_BEFORE, self.ends_at)

    def enrolment_open(self, now: datetime) -> bool:
        return self.status == SessionStatus.OPEN and now < self.enrolment_closes_at

    def actions_for(self, state: str | None, now: datetime) -> SeatActions:
        """What someone in this registration state (None: not invited) may do on the session at `now`."""
        if state is None:
            return SeatActions()
        can_enrol = can_wait = False
        if (
            state in (RegistrationState.INVITED, RegistrationState.WITHDRAWN)
            and not self.is_closed
            and self.enrolment_open(now)
        ):
            can_enrol = self.seats_taken < self.capacity
            can_wait = not can_enrol
        return SeatActions(
            can_enrol=can_enrol,
            can_wait=can_wait,
            can_withdraw=state in (RegistrationState.ENROLLED, RegistrationState.WAITLISTED)
            and not self.is_closed
            and now < self.starts_at,
            can_check_in=state == RegistrationState.ENROLLED
            and not self.is_cancelled
            and self.checkin_window.contains(now),
        )


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
    state: Mapped[RegistrationState] = mapped_column(db.String(12), default=RegistrationState.INVITED)
    source: Mapped[RegistrationSource] = mapped_column(db.String(20), default=RegistrationSource.PERSON)
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
    method: Mapped[AttendanceMethod] = mapped_column(db.String(12), default=AttendanceMethod.BY_OFFICER)
    recorded_at: Mapped[datetime] = mapped_column(default=utc_now)
    recorded_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user_account.id"))
    corrects_id: Mapped[int | None] = mapped_column(sa.ForeignKey("training_attendance.id"))
    note: Mapped[str] = mapped_column(db.String(500), default="")

    status: Mapped[AttendanceStatus] = relationship(lazy="joined")


append_only(Attendance.__table__)


IdFilter = Iterable[int] | sa.Select | None


def current_attendance_ids(*, session_ids: IdFilter = None, person_ids: IdFilter = None) -> sa.Subquery:
    """The id of each (session, person)'s newest attendance row: their current status.

    Attendance is append-only (a correction is a new row), so the newest row is the one that counts. Join
    Attendance to this subquery's `id` column; narrow it by sessions and people (lists or subqueries).
    """
    query = sa.select(sa.func.max(Attendance.id).label("id")).group_by(
        Attendance.session_id, Attendance.person_id
    )
    if session_ids is not None:
        query = query.where(Attendance.session_id.in_(_ids(session_ids)))
    if person_ids is not None:
        query = query.where(Attendance.person_id.in_(_ids(person_ids)))
    return query.subquery("current_attendance")


def _ids(ids: Iterable[int] | sa.Select) -> list[int] | sa.Select:
    return ids if isinstance(ids, sa.Select) else list(ids)


@sa.event.listens_for(TrainingSession, "before_insert")
@sa.event.listens_for(TrainingSession, "before_update")
def _keep_fiscal_year(mapper, connection, target: TrainingSession) -> None:
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


class SessionTest(db.Model):
    """A session's pre-test or post-test: questions from the bank and the pass mark.

    It can change until someone has taken it; from then on its questions are frozen in the bank.
    """

    __tablename__ = "training_session_test"
    __table_args__ = (
        sa.UniqueConstraint("session_id", "phase"),
        sa.CheckConstraint("pass_percent BETWEEN 0 AND 100", name="pass_percent_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(sa.ForeignKey("training_session.id", ondelete="CASCADE"))
    phase: Mapped[str] = mapped_column(db.String(4))
    pass_percent: Mapped[int] = mapped_column(default=60)
    # A post-test's pass is needed for the session's certificate.
    required_for_certificate: Mapped[bool] = mapped_column(default=True)

    session: Mapped[TrainingSession] = relationship(back_populates="tests")
    items: Mapped[list[SessionTestQuestion]] = relationship(
        order_by="SessionTestQuestion.position", cascade="all, delete-orphan", lazy="selectin"
    )

    @property
    def questions(self) -> list:
        return [item.question for item in self.items]

    @property
    def label(self) -> str:
        return str(TEST_PHASE_LABELS[PrePost(self.phase)])


class SessionTestQuestion(db.Model):
    __tablename__ = "training_session_test_question"

    test_id: Mapped[int] = mapped_column(
        sa.ForeignKey("training_session_test.id", ondelete="CASCADE"), primary_key=True
    )
    question_id: Mapped[int] = mapped_column(sa.ForeignKey("learning_question.id"), primary_key=True)
    position: Mapped[int] = mapped_column(default=0)

    question: Mapped[BankQuestion] = relationship(lazy="joined")


class Evaluation(db.Model):
    """One participant's evaluation of a session: evidence, inserted once, never changed.

    On an anonymous session `person_id` is empty and the day is kept without the time, so the answers
    cannot be matched to the separate mark that says who has evaluated. It is not written to the audit
    log (whose entries name the user): the mark is, and the evaluation is append-only like the log.
    """

    __tablename__ = "training_evaluation"
    __audited__ = False
    __table_args__ = (
        sa.Index("ix_training_evaluation_session", "session_id", "id"),
        *(sa.CheckConstraint(f"{c} BETWEEN 1 AND 5", name=f"{c}_rating") for c in CRITERIA),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(sa.ForeignKey("training_session.id"))
    person_id: Mapped[int | None] = mapped_column(sa.ForeignKey("person.id"))
    submitted_on: Mapped[date]
    content: Mapped[int]
    speaker: Mapped[int]
    usefulness: Mapped[int]
    arrangements: Mapped[int]
    overall: Mapped[int]
    comment: Mapped[str] = mapped_column(db.Text, default="")

    person: Mapped[Person | None] = relationship()


class EvaluationMark(db.Model):
    """That a person has evaluated a session: stops a second evaluation, says nothing of what they said."""

    __tablename__ = "training_evaluation_mark"

    session_id: Mapped[int] = mapped_column(sa.ForeignKey("training_session.id"), primary_key=True)
    person_id: Mapped[int] = mapped_column(sa.ForeignKey("person.id"), primary_key=True)
    evaluated_at: Mapped[datetime] = mapped_column(default=utc_now)


append_only(Evaluation.__table__)
append_only(EvaluationMark.__table__)


class EvaluationTally(db.Model):
    """How many evaluations of a session gave each rating to each criterion (kept with each evaluation)."""

    __tablename__ = "training_evaluation_tally"
    __audited__ = False  # derived data: the evaluations it counts are the record

    session_id: Mapped[int] = mapped_column(sa.ForeignKey("training_session.id"), primary_key=True)
    criterion: Mapped[str] = mapped_column(db.String(16), primary_key=True)
    rating: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    count: Mapped[int] = mapped_column(default=0)


class CalendarFeed(db.Model):
    """A person's private calendar feed: the token is shown once and stored only as a hash."""

    __tablename__ = "training_calendar_feed"
    __audit_exclude__ = ("token_hash",)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(sa.ForeignKey("person.id"), unique=True)
    token_hash: Mapped[str] = mapped_column(db.String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
