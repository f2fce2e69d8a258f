"""Helpers of the gift register's tests: an occasion by code, a gift input with sensible defaults."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ethics_hr.extensions import db
from ethics_hr.gifts.models import GiftOccasion
from ethics_hr.gifts.services import GiftInput


def occasion_id(code: str = "new_year") -> int:
    return db.session.scalar(db.select(GiftOccasion.id).where(GiftOccasion.code == code))


def gift_input(**kw) -> GiftInput:
    values = {
        "received_on": date(2026, 11, 2),
        "giver_name": "บริษัท ก่อสร้างดี จำกัด",
        "giver_organisation": "",
        "description": "กระเช้าผลไม้",
        "value_baht": Decimal("1500"),
        "occasion_id": occasion_id(),
        "outcome": "pending",
        "note": "",
    } | kw
    return GiftInput(**values)
