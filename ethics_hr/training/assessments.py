"""A session's pre-test and post-test from the question bank, taking them, their results, and the certificate
of an ethics session attended.

A pre-test is taken once, by someone holding a seat, before the session ends: it says what people knew
coming in, so it shows the score but not the right answers (they will meet the same questions after). A
post-test is taken by those who attended, as often as needed until they pass, and explains every answer.
Only each person's first try of each test counts toward the year's outcome (`learning.OutcomeTally`), so
retries do not flatter it.

The certificate of an ethics course's session goes to each person whose attendance earns hours, once they
passed the post-test when the session requires it. It is issued in the unit of work that earned it (the
attendance taken, the post-test passed); an attendance corrected to one that earns nothing revokes it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

import sqlalchemy as sa
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from ethics_hr.core.db import transactional
from ethics_hr.core.errors import RuleViolation
from ethics_hr.core.formatting import bilingual, current_locale
from ethics_hr.core.models import utc_now
from ethics_hr.core.timeutil import to_local
from ethics_hr.extensions import db
from ethics_hr.learning import certificates
from ethics_hr.learning import services as learning
from ethics_hr.learning.models import AnswerTally, Attempt, Certificate, Purpose
from ethics_hr.people.models import Person
from ethics_hr.training.models import (
    Attendance,
    AttendanceStatus,
    Course,
    EvaluationTally,
    PrePost,
    Registration,
    RegistrationState,
    SessionStatus,
    SessionTest,
    SessionTestQuestion,
    TrainingSession,
    current_attendance_ids,
)

PURPOSES = {PrePost.PRE: Purpose.PRE_TEST.value, PrePost.POST: Purpose.POST_TEST.value}
CERTIFICATE = Purpose.TRAINING.value
MAX_QUESTIONS = 30


def purpose_of(phase: str) -> str:
    return PURPOSES[PrePost(phase)]


def taken(s: TrainingSession, phase: str) -> bool:
    """Whether anyone has taken the session's test of this phase (from then on it cannot change)."""
    return (
        db.session.scalar(
            sa.select(Attempt.id)
            .where(Attempt.purpose == purpose_of(phase), Attempt.subject_id == s.id)
            .limit(1)
        )
        is not None
    )


def _require_changeable(s: TrainingSession, phase: str) -> None:
    if s.is_cancelled:
        raise RuleViolation(str(_l("This session has been cancelled.")))
    if taken(s, phase):
        raise RuleViolation(str(_l("People have taken this test: it can no longer change.")))


@transactional
def save_test(
    s: TrainingSession,
    phase: str,
    *,
    question_ids: Sequence[int],
    pass_percent: int,
    required_for_certificate: bool = True,
) -> SessionTest:
    """Set a session's pre-test or post-test: bank questions in the order given and the pass mark."""
    phase = PrePost(phase)
    _require_changeable(s, phase)
    if not 0 <= pass_percent <= 100:
        raise RuleViolation(str(_l("Enter a pass mark of 0 to 100 per cent.")), "pass_percent")
    ids = list(dict.fromkeys(question_ids))
    if not ids:
        raise RuleViolation(str(_l("Choose at least one question.")), "question_ids")
    if len(ids) > MAX_QUESTIONS:
        raise RuleViolation(str(_l("A test has at most %(n)d questions.", n=MAX_QUESTIONS)), "question_ids")
    found = learning.questions_by_id(ids)
    test = s.test(phase)
    kept = {i.question_id for i in test.items} if test else set()
    if any(i not in found or (found[i].is_retired and i not in kept) for i in ids):
        raise RuleViolation(str(_l("Choose questions of the bank.")), "question_ids")
    if test is None:
        test = SessionTest(phase=phase.value)
        s.tests.append(test)
    test.pass_percent = pass_percent
    test.required_for_certificate = phase == PrePost.POST and required_for_certificate
    test.items = [SessionTestQuestion(question_id=qid, position=n) for n, qid in enumerate(ids, start=1)]
    db.session.flush()
    return test


@transactional
def remove_test(s: TrainingSession, phase: str) -> None:
    _require_changeable(s, phase)
    test = s.test(phase)
    if test is not None:
        s.tests.remove(test)
        db.session.flush()


# ---------------------------------------------------------------- taking a test


def current_status(s: TrainingSession, person_id: int) -> AttendanceStatus | None:
    """The person's current attendance status on the session, or None when none was taken."""
    latest = current_attendance_ids(session_ids=[s.id], person_ids=[person_id])
    return db.session.scalar(
        sa.select(AttendanceStatus)
        .join(Attendance, Attendance.status_id == AttendanceStatus.id)
        .join(latest, latest.c.id == Attendance.id)
    )


def attended(s: TrainingSession, person_id: int) -> bool:
    """Whether the person's current attendance on the session earns hours (present or late)."""
    status = current_status(s, person_id)
    return status is not None and status.hours_factor > 0


def _holds_seat(s: TrainingSession, person_id: int) -> bool:
    state = db.session.scalar(
        sa.select(Registration.state).where(
            Registration.session_id == s.id, Registration.person_id == person_id
        )
    )
    return state == RegistrationState.ENROLLED


def passed(s: TrainingSession, phase: str, person_id: int) -> Attempt | None:
    return learning.passed_attempt(person_id, purpose_of(phase), s.id)


def attempts(s: TrainingSession, phase: str, person_id: int) -> list[Attempt]:
    return learning.attempts_of(person_id, purpose_of(phase), s.id)


def why_not(s: TrainingSession, phase: str, person_id: int, now: datetime | None = None) -> str | None:
    """Why the person cannot take the session's test now, or None when they can."""
    now = now or utc_now()
    test = s.test(phase)
    if test is None or not test.items:
        return str(_l("This session has no such test."))
    if s.is_cancelled:
        return str(_l("This session has been cancelled."))
    if phase == PrePost.PRE:
        if attempts(s, phase, person_id):
            return str(_l("You have taken the pre-test: it is taken once."))
        if now >= s.ends_at:
            return str(_l("The session is over: the pre-test is closed."))
        if not (_holds_seat(s, person_id) or attended(s, person_id)):
            return str(_l("The pre-test is for the people holding a seat on the session."))
        return None
    if now < s.starts_at:
        return str(_l("The post-test opens when the session starts."))
    if not attended(s, person_id):
        return str(_l("The post-test is for the people who attended the session."))
    if passed(s, phase, person_id) is not None:
        return str(_l("You have passed the post-test."))
    return None


def order_for(test: SessionTest, person_id: int) -> list[int]:
    """The test's questions in a new order for this person (never the order of their last try)."""
    before = attempts(test.session, test.phase, person_id)
    last = (
        learning.parse_order(before[0].question_order, [i.question_id for i in test.items])
        if before
        else None
    )
    return learning.new_order([i.question_id for i in test.items], before=last)


@transactional
def take(
    s: TrainingSession,
    phase: str,
    person: Person,
    *,
    order: Sequence[int],
    ticked: dict[int, Iterable[int]],
    locale: str | None = None,
) -> Attempt:
    """Record a try at a session's test. The first try of each counts toward the year's outcome; a passed
    post-test may complete the session's certificate. Raises `learning.Unanswered` (nothing written)."""
    reason = why_not(s, phase, person.id)
    if reason is not None:
        raise RuleViolation(reason)
    test = s.test(phase)
    by_id = {q.id: q for q in test.questions}
    questions = [by_id[qid] for qid in order]
    first = not attempts(s, phase, person.id)
    learning.freeze(by_id)
    attempt = learning.record_attempt(
        person,
        purpose=purpose_of(phase),
        subject_id=s.id,
        questions=questions,
        ticked=ticked,
        pass_percent=test.pass_percent,
        locale=locale,
        outcome_year=s.fiscal_year if first else None,
    )
    if phase == PrePost.POST and attempt.passed:
        certify(s, [person.id])
    return attempt


def attempt_for(person: Person, attempt_id: int, *, officer: bool) -> Attempt | None:
    """A try at a session's test the user may see: their own, or anyone's for an officer."""
    row = db.session.get(Attempt, attempt_id)
    if row is None or row.purpose not in PURPOSES.values():
        return None
    if row.person_id != person.id and not officer:
        return None
    return row


def phase_of(attempt: Attempt) -> PrePost:
    return next(phase for phase, purpose in PURPOSES.items() if purpose == attempt.purpose)


# ---------------------------------------------------------------- results


@dataclass
class TestResults:
    test: SessionTest
    attempts: learning.AttemptStat
    questions: list[learning.QuestionStat] = field(default_factory=list)

    @property
    def answered(self) -> int:
        return sum(q.answered for q in self.questions)

    @property
    def percent(self) -> float | None:
        """The share of the answers that were right: the test's average score."""
        answered = self.answered
        return 100 * sum(q.right for q in self.questions) / answered if answered else None


def results(s: TrainingSession) -> dict[str, TestResults]:
    """Each of the session's tests with its attempts and, per question, the share answering right."""
    found = {}
    for test in s.tests:
        purpose = purpose_of(test.phase)
        found[test.phase] = TestResults(
            test,
            learning.attempt_stats(purpose, s.id),
            learning.question_stats(purpose, s.id, test.questions),
        )
    return found


# ---------------------------------------------------------------- certificates


def _credited(s: TrainingSession, person_ids: list[int]) -> dict[int, float]:
    """Each given person's hours factor from their current attendance (0 when none earns hours)."""
    latest = current_attendance_ids(session_ids=[s.id], person_ids=person_ids)
    rows = db.session.execute(
        sa.select(Attendance.person_id, AttendanceStatus.hours_factor)
        .join(AttendanceStatus, AttendanceStatus.id == Attendance.status_id)
        .join(latest, latest.c.id == Attendance.id)
    )
    found = dict.fromkeys(person_ids, 0.0)
    for person_id, factor in rows:
        found[person_id] = factor
    return found


def _passed_post_test(s: TrainingSession, person_ids: list[int]) -> set[int]:
    return set(
        db.session.scalars(
            sa.select(Attempt.person_id).where(
                Attempt.purpose == PURPOSES[PrePost.POST],
                Attempt.subject_id == s.id,
                Attempt.person_id.in_(person_ids),
                Attempt.passed.is_(True),
            )
        )
    )


def achievement(s: TrainingSession, hours: float) -> certificates.Achievement:
    """What the certificate of an attended session says."""
    with force_locale("th"):
        title_th = _("Attended the training %(title)s", title=s.course.title("th"))
    with force_locale("en"):
        title_en = _("Attended the training %(title)s", title=s.course.title("en"))
    return certificates.Achievement(
        CERTIFICATE, s.id, title_th, title_en, to_local(s.starts_at).date(), round(hours, 2)
    )


def certify(s: TrainingSession, person_ids: Iterable[int], *, by_user_id: int | None = None) -> int:
    """Issue the certificate to each given person who has earned it on an ethics session, and revoke the one
    of a person whose corrected attendance no longer earns it; inside the caller's unit. Return issued."""
    ids = list(dict.fromkeys(person_ids))
    if not ids or not s.course.is_ethics or s.is_cancelled:
        return 0
    factors = _credited(s, ids)
    post = s.test(PrePost.POST)
    needs_pass = post is not None and post.items and post.required_for_certificate
    passed_ids = _passed_post_test(s, ids) if needs_pass else set(ids)
    earned = [pid for pid in ids if factors[pid] > 0 and pid in passed_ids]
    lost = [pid for pid in ids if factors[pid] <= 0]
    people = {p.id: p for p in db.session.scalars(sa.select(Person).where(Person.id.in_(earned)))}
    for pid in earned:
        certificates.issue(people[pid], achievement(s, s.credited_hours * factors[pid]))
    for pid in lost:
        certificates.withdraw(
            pid,
            CERTIFICATE,
            s.id,
            reason=str(_l("The attendance was corrected: it no longer earns the certificate.")),
            by_user_id=by_user_id,
        )
    return len(earned)


def certificate_of(s: TrainingSession, person_id: int) -> Certificate | None:
    return certificates.latest(person_id, CERTIFICATE, s.id)


# ---------------------------------------------------------------- results of many sessions


@dataclass
class LearningSummary:
    """What the tests and evaluations of some sessions show: the average scores before and after, and the
    evaluations with their average overall rating."""

    pre: float | None = None
    post: float | None = None
    evaluations: int = 0
    overall: float | None = None


@dataclass
class CourseResults:
    course_id: int
    title: str
    sessions: int
    participants: int
    hours: float
    learning: LearningSummary


def _scores_by(group, session_ids: sa.Select) -> dict:
    """Per group (a column of TrainingSession) and test: the share of answers right, from the counts."""
    rows = db.session.execute(
        sa.select(
            group, AnswerTally.purpose, sa.func.sum(AnswerTally.answered), sa.func.sum(AnswerTally.correct)
        )
        .join(TrainingSession, TrainingSession.id == AnswerTally.subject_id)
        .where(AnswerTally.purpose.in_(list(PURPOSES.values())), AnswerTally.subject_id.in_(session_ids))
        .group_by(group, AnswerTally.purpose)
    )
    found: dict = {}
    for key, purpose, answered, right in rows:
        if answered:
            found.setdefault(key, {})[purpose] = 100 * int(right) / int(answered)
    return found


def _evaluations_by(group, session_ids: sa.Select) -> dict:
    rows = db.session.execute(
        sa.select(
            group,
            sa.func.sum(EvaluationTally.count),
            sa.func.sum(EvaluationTally.count * EvaluationTally.rating),
        )
        .join(TrainingSession, TrainingSession.id == EvaluationTally.session_id)
        .where(EvaluationTally.criterion == "overall", EvaluationTally.session_id.in_(session_ids))
        .group_by(group)
    )
    return {key: (int(n), int(total) / int(n)) for key, n, total in rows if n}


def _summary(scores: dict, evaluated: tuple[int, float] | None) -> LearningSummary:
    n, overall = evaluated or (0, None)
    return LearningSummary(
        pre=scores.get(PURPOSES[PrePost.PRE]),
        post=scores.get(PURPOSES[PrePost.POST]),
        evaluations=n,
        overall=overall,
    )


def learning_summary(session_ids: sa.Select) -> LearningSummary:
    """The tests and evaluations of the given sessions taken together (a plan item's linked sessions)."""
    one = sa.literal(1)
    return _summary(_scores_by(one, session_ids).get(1, {}), _evaluations_by(one, session_ids).get(1))


def course_results(fy: int, *, course_id: int | None = None) -> list[CourseResults]:
    """A fiscal year's sessions held or planned, course by course, with participants, person-hours, the
    average test scores and the evaluations (a few grouped queries, whatever the number of sessions)."""
    ids = sa.select(TrainingSession.id).where(
        TrainingSession.fiscal_year == fy, TrainingSession.status != SessionStatus.CANCELLED
    )
    if course_id is not None:
        ids = ids.where(TrainingSession.course_id == course_id)
    counts = db.session.execute(
        sa.select(Course.id, Course.title_th, Course.title_en, sa.func.count(TrainingSession.id))
        .join(TrainingSession, TrainingSession.course_id == Course.id)
        .where(TrainingSession.id.in_(ids))
        .group_by(Course.id, Course.title_th, Course.title_en)
    ).all()
    latest = current_attendance_ids(session_ids=ids)
    attended = {
        course: (int(people), float(hours or 0))
        for course, people, hours in db.session.execute(
            sa.select(
                TrainingSession.course_id,
                sa.func.count(sa.distinct(Attendance.person_id)),
                sa.func.sum(TrainingSession.credited_hours * AttendanceStatus.hours_factor),
            )
            .join(latest, latest.c.id == Attendance.id)
            .join(AttendanceStatus, AttendanceStatus.id == Attendance.status_id)
            .join(TrainingSession, TrainingSession.id == Attendance.session_id)
            .join(Course, Course.id == TrainingSession.course_id)
            .where(AttendanceStatus.hours_factor > 0)
            .group_by(TrainingSession.course_id)
        )
    }
    scores = _scores_by(TrainingSession.course_id, ids)
    evaluated = _evaluations_by(TrainingSession.course_id, ids)
    locale = current_locale()
    rows = [
        CourseResults(
            cid,
            bilingual(title_th, title_en, locale),
            int(n),
            *attended.get(cid, (0, 0.0)),
            _summary(scores.get(cid, {}), evaluated.get(cid)),
        )
        for cid, title_th, title_en, n in counts
    ]
    return sorted(rows, key=lambda row: row.title)
