"""Codes, drafts, Dos & Don'ts, publishing and withdrawal: the officer's rules, in one place."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from flask_babel import lazy_gettext as _l
from werkzeug.datastructures import FileStorage

from ethics_hr.codes import notices
from ethics_hr.codes.content import content_sha256, normalise_text
from ethics_hr.codes.models import (
    ChangeKind,
    CodeOfEthics,
    CodeQuiz,
    CodeVersion,
    DosDont,
    QuizQuestion,
    StatementKind,
    VersionStatus,
)
from ethics_hr.core.db import begin_write, transactional
from ethics_hr.core.errors import RuleViolation
from ethics_hr.core.formatting import format_date
from ethics_hr.core.forms import REQUIRED
from ethics_hr.core.models import utc_now
from ethics_hr.core.timeutil import local_today
from ethics_hr.core.uploads import DOCUMENTS, save_upload
from ethics_hr.extensions import db
from ethics_hr.learning.services import freeze
from ethics_hr.people.audience import chosen_groups
from ethics_hr.people.models import User

DEFAULT_DUE_DAYS = 30


# ---------------------------------------------------------------- reading


def all_codes() -> list[CodeOfEthics]:
    """Return every code, in the officer's order."""
    return list(
        db.session.scalars(db.select(CodeOfEthics).order_by(CodeOfEthics.sort_order, CodeOfEthics.id))
    )


def current_versions() -> dict[int, CodeVersion]:
    """Return each code's published version, by code id."""
    versions = db.session.scalars(db.select(CodeVersion).where(CodeVersion.status == VersionStatus.PUBLISHED))
    return {v.code_id: v for v in versions}


def versions_of(code: CodeOfEthics) -> list[CodeVersion]:
    """Return a code's versions, newest first."""
    return list(
        db.session.scalars(
            db.select(CodeVersion).where(CodeVersion.code_id == code.id).order_by(CodeVersion.number.desc())
        )
    )


def drafts() -> dict[int, CodeVersion]:
    """Return each code's draft, by code id."""
    versions = db.session.scalars(db.select(CodeVersion).where(CodeVersion.status == VersionStatus.DRAFT))
    return {v.code_id: v for v in versions}


def draft_of(code: CodeOfEthics) -> CodeVersion | None:
    """Return the draft of a code, if it has one."""
    return db.session.scalar(
        db.select(CodeVersion).where(
            CodeVersion.code_id == code.id, CodeVersion.status == VersionStatus.DRAFT
        )
    )


def previous_version(version: CodeVersion) -> CodeVersion | None:
    """Return the last version of the same code published before this one (withdrawn ones skipped)."""
    return db.session.scalar(
        db.select(CodeVersion)
        .where(
            CodeVersion.code_id == version.code_id,
            CodeVersion.number < version.number,
            CodeVersion.status.in_((VersionStatus.PUBLISHED, VersionStatus.SUPERSEDED)),
        )
        .order_by(CodeVersion.number.desc())
        .limit(1)
    )


# ---------------------------------------------------------------- codes


@transactional
def save_code(code: CodeOfEthics | None, *, name_th: str, name_en: str, sort_order: int = 0) -> CodeOfEthics:
    """Create or rename a code of ethics."""
    name_th = name_th.strip()
    if not name_th:
        raise RuleViolation(str(REQUIRED), "name_th")
    clash = db.session.scalar(db.select(CodeOfEthics.id).where(CodeOfEthics.name_th == name_th))
    if clash is not None and (code is None or clash != code.id):
        raise RuleViolation(str(_l("Another code already has this name.")), "name_th")
    if code is None:
        code = CodeOfEthics()
        db.session.add(code)
    code.name_th = name_th
    code.name_en = (name_en or "").strip()
    code.sort_order = sort_order
    return code


# ---------------------------------------------------------------- drafts


@transactional
def start_draft(
    code: CodeOfEthics, *, title: str | None = None, effective_date: date | None = None
) -> CodeVersion:
    """Open the next version of a code as a draft, copying the latest version's content when there is one."""
    begin_write(CodeOfEthics.__table__, code.id)
    if draft_of(code) is not None:
        raise RuleViolation(str(_l("This code already has a draft; finish or delete it first.")))
    latest = db.session.scalar(
        db.select(CodeVersion)
        .where(CodeVersion.code_id == code.id)
        .order_by(CodeVersion.number.desc())
        .limit(1)
    )
    number = (latest.number + 1) if latest else 1
    version = CodeVersion(
        code=code,
        number=number,
        status=VersionStatus.DRAFT.value,
        title=title or (latest.title if latest else code.name_th),
        effective_date=effective_date or local_today(),
        body_md=latest.body_md if latest else "",
        reacknowledge_months=latest.reacknowledge_months if latest else None,
    )
    db.session.add(version)
    if latest is not None:
        version.categories = list(latest.categories)
        version.departments = list(latest.departments)
        version.dos_donts = [
            DosDont(
                position=item.position,
                kind=item.kind,
                text_th=item.text_th,
                text_en=item.text_en,
                example_th=item.example_th,
                example_en=item.example_en,
                clause=item.clause,
            )
            for item in latest.dos_donts
        ]
        if latest.quiz is not None:  # the same questions: frozen ones stay as people saw them
            version.quiz = CodeQuiz(
                pass_percent=latest.quiz.pass_percent,
                required=latest.quiz.required,
                items=[
                    QuizQuestion(question_id=q.question_id, position=q.position) for q in latest.quiz.items
                ],
            )
    return version


def _require_draft(version: CodeVersion) -> None:
    if not version.is_draft:
        raise RuleViolation(str(_l("A published version cannot be changed; start a new version instead.")))


@dataclass
class DraftContent:
    title: str
    effective_date: date
    body_md: str
    category_ids: list[int]
    department_ids: list[int]
    reacknowledge_months: int | None = None  # acknowledge again every N months (1 to 60); None: once


@transactional
def update_draft(
    version: CodeVersion,
    content: DraftContent,
    *,
    announcement: FileStorage | None = None,
    remove_announcement: bool = False,
    by: User | None = None,
) -> CodeVersion:
    """Change a draft's title, date, text, audience and announcement PDF."""
    _require_draft(version)
    title = content.title.strip()
    if not title:
        raise RuleViolation(str(REQUIRED), "title")
    groups = chosen_groups(content.category_ids, content.department_ids)
    months = content.reacknowledge_months
    if months is not None and not 1 <= months <= 60:
        raise RuleViolation(str(_l("Enter 1 to 60 months, or leave it empty.")), "reacknowledge_months")
    if announcement is not None and announcement.filename:
        version.announcement = save_upload(
            announcement, allowed=DOCUMENTS, field="announcement", by_id=by.id if by else None
        )
    elif remove_announcement:
        version.announcement = None
    version.title = title
    version.effective_date = content.effective_date
    version.body_md = normalise_text(content.body_md)
    version.categories = groups.categories
    version.departments = groups.departments
    version.reacknowledge_months = months
    return version


@transactional
def delete_draft(version: CodeVersion) -> None:
    """Delete a draft that will not be published."""
    _require_draft(version)
    db.session.delete(version)


# ---------------------------------------------------------------- Dos & Don'ts


@dataclass
class StatementContent:
    kind: str
    text_th: str
    text_en: str = ""
    example_th: str = ""
    example_en: str = ""
    clause: str = ""


@transactional
def save_statement(version: CodeVersion, item: DosDont | None, content: StatementContent) -> DosDont:
    """Add a "do" or "don't" statement to a draft, or change one."""
    _require_draft(version)
    if content.kind not in set(StatementKind):
        raise RuleViolation(str(_l("Choose \u201cdo\u201d or \u201cdon't\u201d.")), "kind")
    text_th = content.text_th.strip()
    if not text_th:
        raise RuleViolation(str(REQUIRED), "text_th")
    if item is None:
        position = max((d.position for d in version.dos_donts), default=0) + 1
        item = DosDont(position=position)
        version.dos_donts.append(item)
    elif item.version_id != version.id:
        raise RuleViolation(str(_l("This statement belongs to another version.")))
    item.kind = content.kind
    item.text_th = text_th
    item.text_en = content.text_en.strip()
    item.example_th = content.example_th.strip()
    item.example_en = content.example_en.strip()
    item.clause = content.clause.strip()
    return item


@transactional
def delete_statement(item: DosDont) -> None:
    """Remove a statement from a draft."""
    _require_draft(item.version)
    item.version.dos_donts.remove(item)


@transactional
def move_statement(item: DosDont, step: int) -> None:
    """Move a statement of a draft one place up (-1) or down (+1)."""
    version = item.version
    _require_draft(version)
    items = list(version.dos_donts)
    index = items.index(item)
    other = index + (1 if step > 0 else -1)
    if 0 <= other < len(items):
        items[index], items[other] = items[other], items[index]
        for position, statement in enumerate(items, start=1):
            statement.position = position


# ---------------------------------------------------------------- publishing


def default_due_date(today: date | None = None) -> date:
    return (today or local_today()) + timedelta(days=DEFAULT_DUE_DAYS)


@transactional
def publish_version(version: CodeVersion, *, major: bool, due_date: date, by: User) -> CodeVersion:
    """Publish a draft: freeze and seal it, supersede the version in force, tell its audience to acknowledge.

    A major version must be acknowledged by everyone again; a minor one (a correction) keeps the earlier
    acknowledgments of its chain, which it joins by taking over the previous version's `ack_basis_id`.
    """
    begin_write(CodeOfEthics.__table__, version.code_id)
    db.session.refresh(version)
    _require_draft(version)
    if not normalise_text(version.body_md):
        raise RuleViolation(str(_l("Write the text of the code before publishing it.")), "body_md")
    if not version.categories:
        raise RuleViolation(
            str(_l("Choose at least one staff category the code applies to.")), "category_ids"
        )
    previous = previous_version(version)
    if previous is not None and version.effective_date < previous.effective_date:
        raise RuleViolation(
            str(
                _l(
                    "The effective date cannot be earlier than that of the previous version (%(date)s).",
                    date=format_date(previous.effective_date, "long"),
                )
            ),
            "effective_date",
        )
    if due_date < local_today():
        raise RuleViolation(str(_l("The due date cannot be in the past.")), "due_date")
    in_force = previous if previous is not None and previous.is_published else None
    if not major and in_force is None:
        raise RuleViolation(
            str(
                _l(
                    "A minor change corrects the version in force; "
                    "this code has none, so publish a major one."
                )
            ),
            "change_kind",
        )
    if version.quiz is not None and not version.quiz.items:
        raise RuleViolation(str(_l("Add questions to the quiz, or remove the quiz, before publishing.")))
    seal = content_sha256(version)
    now = utc_now()
    # One flush for the whole publication: a flush in between would freeze the version half published.
    with db.session.no_autoflush:
        if in_force is not None:
            in_force.status = VersionStatus.SUPERSEDED.value
            in_force.ended_at = now
            in_force.ended_by_id = by.id
        version.status = VersionStatus.PUBLISHED.value
        version.change_kind = (ChangeKind.MAJOR if major else ChangeKind.MINOR).value
        version.ack_basis_id = version.id if major else in_force.ack_basis_id
        version.due_date = due_date
        version.published_at = now
        version.published_by_id = by.id
        version.content_sha256 = seal
    if version.quiz is not None:
        freeze(item.question_id for item in version.quiz.items)
    notices.published(version)
    return version


@transactional
def withdraw_version(version: CodeVersion, *, reason: str, by: User) -> CodeVersion:
    """Withdraw a published version: nobody is asked to acknowledge it any more; its evidence stays."""
    begin_write(CodeOfEthics.__table__, version.code_id)
    db.session.refresh(version)
    if not version.is_published:
        raise RuleViolation(str(_l("Only the version in force can be withdrawn.")))
    reason = reason.strip()
    if not reason:
        raise RuleViolation(str(_l("Say why the version is withdrawn.")), "reason")
    version.status = VersionStatus.WITHDRAWN.value
    version.ended_at = utc_now()
    version.ended_by_id = by.id
    version.withdrawal_reason = reason
    return version


def seal_is_intact(version: CodeVersion) -> bool:
    """Tell whether a published version's content still matches the SHA-256 taken when it was published."""
    return version.content_sha256 is not None and version.content_sha256 == content_sha256(version)
