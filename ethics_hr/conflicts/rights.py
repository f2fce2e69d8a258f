"""Who sees a declaration and who decides on it: the person, the head of their department, the personnel
officers and the members of an ethics committee (or advisory team) see it; the head and the committee
members decide, never on their own."""

from __future__ import annotations

import sqlalchemy as sa

from ethics_hr.committees.services import is_committee_member
from ethics_hr.conflicts.models import Declaration, ReviewerRole
from ethics_hr.extensions import db
from ethics_hr.people.models import Department, User


def headed_department_ids(user: User) -> list[int]:
    """Return the ids of the departments a user heads (ผู้อำนวยการกอง / หัวหน้าสำนักปลัด)."""
    if not getattr(user, "is_authenticated", False):
        return []
    return list(
        db.session.scalars(sa.select(Department.id).where(Department.head_person_id == user.person_id))
    )


def reviewer_role(user: User, declaration: Declaration) -> ReviewerRole | None:
    """In which capacity a user may decide on a declaration, or None: nobody decides on their own."""
    if not getattr(user, "is_authenticated", False) or user.person_id == declaration.person_id:
        return None
    department = declaration.person.department
    if department is not None and department.head_person_id == user.person_id:
        return ReviewerRole.HEAD
    if is_committee_member(user):
        return ReviewerRole.COMMITTEE
    return None


def may_see(user: User, declaration: Declaration) -> bool:
    """Whether a user may read a declaration: its person, their head, an officer, a committee member."""
    if not getattr(user, "is_authenticated", False):
        return False
    if user.person_id == declaration.person_id or user.is_officer:
        return True
    department = declaration.person.department
    if department is not None and department.head_person_id == user.person_id:
        return True
    return is_committee_member(user)


def sees_all(user: User) -> bool:
    """Whether a user's review queue holds everyone's declarations (officers and committee members)."""
    return bool(getattr(user, "is_authenticated", False)) and (user.is_officer or is_committee_member(user))


def may_review(user: User) -> bool:
    """Whether a user has a review queue: officers, committee members and department heads.

    Usable as it is with `core.access.requires(may_review, ...)`.
    """
    return sees_all(user) or bool(headed_department_ids(user))
