"""Helpers of the declarations' tests: a category by code, declaration inputs, reviewers."""

from __future__ import annotations

from datetime import UTC, date, datetime

import time_machine

from ethics_hr.conflicts.models import InterestCategory
from ethics_hr.conflicts.services import DeclarationInput, InterestInput
from ethics_hr.extensions import db
from tests import factories

NOW = datetime(2026, 3, 10, 3, 0, tzinfo=UTC)  # FY 2569
FY = 2569


def clock():
    return time_machine.travel(NOW, tick=False)


def category_id(code: str = "relative_business") -> int:
    return db.session.scalar(db.select(InterestCategory.id).where(InterestCategory.code == code))


def interest(**kw) -> InterestInput:
    values = {
        "category_id": category_id(),
        "description": "ภรรยาเป็นหุ้นส่วนผู้จัดการ หจก. บ้านสวนวัสดุ ซึ่งขายวัสดุก่อสร้างให้เทศบาล",
        "other_party": "หจก. บ้านสวนวัสดุ",
        "relation": "คู่สมรส",
    } | kw
    return InterestInput(**values)


def annual(*, interests: list[InterestInput] | None = None, **kw) -> DeclarationInput:
    values = {
        "kind": "annual",
        "fiscal_year": FY,
        "has_interests": bool(interests),
        "interests": interests or [],
        "confirmed": True,
    } | kw
    return DeclarationInput(**values)


def situational(**kw) -> DeclarationInput:
    values = {
        "kind": "situational",
        "situation": "คณะกรรมการตรวจรับงานจ้างก่อสร้างถนน คสล. สายบ้านสวนใต้",
        "situation_on": date(2026, 3, 2),
        "has_interests": True,
        "interests": [interest(category_id=category_id("procurement"))],
        "confirmed": True,
    } | kw
    return DeclarationInput(**values)


def head_of(dept) -> object:
    """An account that heads a department."""
    head = factories.user(dept=dept)
    dept.head_person_id = head.person_id
    db.session.commit()
    return head


def committee_member():
    """An account whose person sits on an ethics committee in force."""
    _, _, chair = factories.committee_with_order(signed_on=date(2025, 7, 21))
    from ethics_hr.people.models import User

    account = User(person=chair, password_hash=factories.hash_password(factories.PASSWORD))
    db.session.add(account)
    db.session.commit()
    return account
