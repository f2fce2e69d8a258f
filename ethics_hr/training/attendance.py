"""Attendance taken: marks from the roster, walk-ins, CSV imports. Every change is a new row."""

from __future__ import annotations

from dataclasses import dataclass, field

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from ethics_hr.core.db import begin_write, transactional
from ethics_hr.core.errors import RuleViolation
from ethics_hr.core.imports import read_table
from ethics_hr.core.models import utc_now
from ethics_hr.extensions import db
from ethics_hr.people.models import Person
from ethics_hr.training import assessments, enrolment, hours
from ethics_hr.training.models import (
    Attendance,
    AttendanceMethod,
    AttendanceStatus,
    Registration,
    RegistrationState,
    SessionStatus,
    TrainingSession,
    current_attendance_ids,
)
from ethics_hr.training.reference import LATE, PRESENT

MAX_IMPORT_ROWS = 5000


def current_for(session_id: int, person_ids: list[int] | None = None) -> dict[int, Attendance]:
    """Return the current attendance row of each person on a session (all, or only the given people)."""
    if person_ids is not None and not person_ids:
        return {}
    latest = current_attendance_ids(session_ids=[session_id], person_ids=person_ids)
    rows = db.session.scalars(sa.select(Attendance).join(latest, latest.c.id == Attendance.id))
    return {row.person_id: row for row in rows}


def status_counts(session_id: int) -> dict[str, int]:
    """Count a session's people by current status code, in SQL."""
    latest = current_attendance_ids(session_ids=[session_id])
    rows = db.session.execute(
        sa.select(AttendanceStatus.code, sa.func.count(Attendance.id))
        .join(latest, latest.c.id == Attendance.id)
        .join(AttendanceStatus, AttendanceStatus.id == Attendance.status_id)
        .group_by(AttendanceStatus.code)
    )
    return dict(rows.all())


def attended_count(session_id: int) -> int:
    """Count the people whose current status on a session is present or late."""
    counts = status_counts(session_id)
    return counts.get(PRESENT, 0) + counts.get(LATE, 0)


def history(session_id: int, person_id: int) -> list[Attendance]:
    """Return every attendance entry of a person on a session, oldest first."""
    return list(
        db.session.scalars(
            sa.select(Attendance)
            .where(Attendance.session_id == session_id, Attendance.person_id == person_id)
            .order_by(Attendance.id)
        )
    )


def statuses_by_code() -> dict[str, AttendanceStatus]:
    """Return the active attendance statuses by code."""
    return {s.code: s for s in db.session.scalars(sa.select(AttendanceStatus).where(AttendanceStatus.active))}


def append(
    session_id: int,
    person_id: int,
    status: AttendanceStatus,
    *,
    method: str,
    by_user_id: int | None,
    current: Attendance | None,
    note: str = "",
) -> Attendance:
    """Add one attendance entry; it corrects the current one if there is one (inside the caller's unit)."""
    row = Attendance(
        session_id=session_id,
        person_id=person_id,
        status_id=status.id,
        method=method,
        recorded_by_id=by_user_id,
        corrects_id=current.id if current is not None else None,
        note=note[:500],
        recorded_at=utc_now(),
    )
    db.session.add(row)
    db.session.flush()
    return row


def _check_session(s: TrainingSession, codes: set[str], statuses: dict[str, AttendanceStatus]) -> None:
    if s.status == SessionStatus.CANCELLED:
        raise RuleViolation(str(_l("This session has been cancelled: no attendance can be taken.")))
    unknown = codes - set(statuses)
    if unknown:
        raise RuleViolation(str(_l("Unknown attendance status.")))
    credited = {c for c in codes if statuses[c].hours_factor > 0}
    if credited and utc_now() < s.checkin_window.opens:
        raise RuleViolation(str(_l("The session has not started yet: nobody can be marked as attending.")))


@transactional
def record_marks(s: TrainingSession, marks: dict[int, str], *, by_user_id: int, note: str = "") -> int:
    """Record the statuses chosen on the roster; only changes become new entries; return how many."""
    statuses = statuses_by_code()
    _check_session(s, set(marks.values()), statuses)
    begin_write(TrainingSession.__table__, s.id)
    on_roster = set(
        db.session.scalars(
            sa.select(Registration.person_id).where(
                Registration.session_id == s.id,
                Registration.state == RegistrationState.ENROLLED,
                Registration.person_id.in_(list(marks)),
            )
        )
    )
    if set(marks) - on_roster:
        raise RuleViolation(str(_l("Some of these people are not on the roster any more. Reload the page.")))
    return _append_changes(
        s, marks, statuses, method=AttendanceMethod.BY_OFFICER, by_user_id=by_user_id, note=note
    )


def _append_changes(
    s, marks: dict[int, str], statuses, *, method: str, by_user_id: int | None, note: str = ""
) -> int:
    """Append an entry for each person whose status changes; refresh their hours; return how many."""
    current = current_for(s.id, list(marks))
    changed = []
    for person_id, code in marks.items():
        now = current.get(person_id)
        if now is not None and now.status.code == code:
            continue
        append(s.id, person_id, statuses[code], method=method, by_user_id=by_user_id, current=now, note=note)
        changed.append(person_id)
    hours.refresh(changed, [s.fiscal_year])
    assessments.certify(s, changed, by_user_id=by_user_id)
    return len(changed)


def mark_unmarked(s: TrainingSession, status_code: str, *, by_user_id: int) -> int:
    """Give everyone on the roster who has no attendance yet the same status; return how many."""
    marked = sa.select(Attendance.id).where(
        Attendance.session_id == s.id, Attendance.person_id == Registration.person_id
    )
    ids = db.session.scalars(
        sa.select(Registration.person_id).where(
            Registration.session_id == s.id,
            Registration.state == RegistrationState.ENROLLED,
            ~marked.exists(),
        )
    ).all()
    if not ids:
        return 0
    return record_marks(s, dict.fromkeys(ids, status_code), by_user_id=by_user_id)


@transactional
def add_walk_in(s: TrainingSession, employee_number: str, status_code: str, *, by_user_id: int) -> Person:
    """Add someone who came without being on the roster, and record their attendance."""
    statuses = statuses_by_code()
    _check_session(s, {status_code}, statuses)
    person = db.session.scalar(
        sa.select(Person).where(Person.employee_number == employee_number.strip(), Person.active)
    )
    if person is None:
        raise RuleViolation(str(_l("No active person has this employee number.")), "employee_number")
    begin_write(TrainingSession.__table__, s.id)
    state = db.session.scalar(
        sa.select(Registration.state).where(
            Registration.session_id == s.id, Registration.person_id == person.id
        )
    )
    if state == RegistrationState.ENROLLED:
        raise RuleViolation(
            str(_l("%(name)s is already on the roster: mark them there.", name=person.full_name_th)),
            "employee_number",
        )
    enrolment.seat_walk_in(s, person)
    _append_changes(
        s, {person.id: status_code}, statuses, method=AttendanceMethod.BY_WALK_IN, by_user_id=by_user_id
    )
    return person


# ---------------------------------------------------------------- CSV import


@dataclass
class ImportError_:
    row: int
    column: str
    message: str


@dataclass
class AttendanceImport:
    marks: dict[int, str] = field(default_factory=dict)
    names: dict[int, str] = field(default_factory=dict)
    errors: list[ImportError_] = field(default_factory=list)
    file_error: str = ""

    @property
    def ok(self) -> bool:
        return not self.errors and not self.file_error and bool(self.marks)


IMPORT_TEMPLATE_HEADER = ("employee_number", "status")
NUMBER_HEADERS = ("employee_number", "employee number", "รหัสพนักงาน", "เลขประจำตัว")
STATUS_HEADERS = ("status", "attendance", "สถานะ", "การเข้าร่วม")


def check_import(s: TrainingSession, data: bytes, filename: str) -> AttendanceImport:
    """Check every row of an attendance file (employee_number, status) against the roster; write nothing."""
    result = AttendanceImport()
    try:
        header, rows = read_table(data, filename)
    except UnicodeDecodeError:
        result.file_error = str(_l("The file is not UTF-8 text. Save it as 'CSV UTF-8' or as XLSX."))
        return result
    except Exception:
        result.file_error = str(_l("The file could not be read as CSV or XLSX."))
        return result
    lowered = [h.lower() for h in header]
    col_number = next((i for i, h in enumerate(lowered) if h in NUMBER_HEADERS), None)
    col_status = next((i for i, h in enumerate(lowered) if h in STATUS_HEADERS), None)
    if col_number is None or col_status is None:
        result.file_error = str(_l("The file needs two columns: employee_number and status."))
        return result
    if not rows:
        result.file_error = str(_l("The file has a header but no rows."))
        return result
    if len(rows) > MAX_IMPORT_ROWS:
        result.file_error = str(_l("The file has more than %(n)d rows.", n=MAX_IMPORT_ROWS))
        return result
    statuses = statuses_by_code()
    labels: dict[str, str] = {}
    for code, st in statuses.items():
        for label in (code, st.name_th, st.name_en):
            if label:
                labels[label.strip().lower()] = code
    roster = dict(
        db.session.execute(
            sa.select(Person.employee_number, Person.id)
            .join(Registration, Registration.person_id == Person.id)
            .where(Registration.session_id == s.id, Registration.state == RegistrationState.ENROLLED)
        ).all()
    )
    known = set(db.session.scalars(sa.select(Person.employee_number)))
    seen: dict[str, int] = {}
    for n, raw in rows:  # numbered as the spreadsheet shows them
        number = raw[col_number].strip() if col_number < len(raw) else ""
        label = raw[col_status].strip() if col_status < len(raw) else ""
        if not number:
            result.errors.append(ImportError_(n, "employee_number", str(_l("missing"))))
        elif number in seen:
            result.errors.append(
                ImportError_(n, "employee_number", str(_l("duplicate of row %(row)d", row=seen[number])))
            )
        elif number not in roster:
            message = (
                _l("not on the roster of this session") if number in known else _l("unknown employee number")
            )
            result.errors.append(ImportError_(n, "employee_number", str(message)))
        seen.setdefault(number, n)
        code = labels.get(label.lower())
        if code is None:
            result.errors.append(ImportError_(n, "status", str(_l("unknown status '%(v)s'", v=label))))
        if number in roster and code is not None and seen[number] == n:
            result.marks[roster[number]] = code
    if not result.errors:
        statuses_used = set(result.marks.values())
        try:
            _check_session(s, statuses_used, statuses)
        except RuleViolation as error:
            result.file_error = error.message
    return result


@transactional
def apply_import(s: TrainingSession, check: AttendanceImport, *, by_user_id: int) -> int:
    """Write a checked attendance file: every row in one transaction, or none."""
    if not check.ok:
        raise ValueError("refusing to import a file with errors")
    statuses = statuses_by_code()
    _check_session(s, set(check.marks.values()), statuses)
    begin_write(TrainingSession.__table__, s.id)
    return _append_changes(s, check.marks, statuses, method=AttendanceMethod.BY_IMPORT, by_user_id=by_user_id)
