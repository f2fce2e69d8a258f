"""Test data for committees: plain functions with sensible defaults and keyword overrides."""

from __future__ import annotations

import itertools
from datetime import date

from ethics_hr.committees.models import AppointmentOrder, Committee, Membership
from ethics_hr.core.timeutil import be_year
from ethics_hr.extensions import db
from ethics_hr.people.models import Person

_numbers = itertools.count(1)

PDF_BYTES = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def committee(kind: str = "ethics_committee", **kw) -> Committee:
    n = next(_numbers)
    values = {"name_th": f"คณะกรรมการทดสอบ {n}", "name_en": f"Test committee {n}", "kind": kind} | kw
    c = Committee(**values)
    db.session.add(c)
    db.session.commit()
    return c


def order(
    committee: Committee,
    members: list = (),
    *,
    effective_on: date = date(2026, 1, 5),
    signed_on: date | None = None,
    number: int | None = None,
    **kw,
) -> AppointmentOrder:
    """An order listing members given as Person, (Person, role), (Person, role, start, end) or dicts."""
    signed_on = signed_on or effective_on
    o = AppointmentOrder(
        committee=committee,
        number=number or next(_numbers),
        year_be=be_year(signed_on.year),
        title=f"แต่งตั้ง{committee.name_th}",
        signed_on=signed_on,
        signed_by_name="นายประเสริฐ วงศ์ใหญ่",
        signed_by_position="นายกเทศมนตรี",
        effective_on=effective_on,
        **kw,
    )
    for index, spec in enumerate(members):
        o.members.append(_membership(spec, index))
    db.session.add(o)
    db.session.commit()
    return o


def _membership(spec, index: int) -> Membership:
    if isinstance(spec, Membership):
        return spec
    if isinstance(spec, dict):
        return Membership(sort_order=index, **spec)
    if isinstance(spec, Person):
        spec = (spec, "member")
    person, role, *term = spec
    starts_on, ends_on = [*term, None, None][:2]
    return Membership(person=person, role=role, starts_on=starts_on, ends_on=ends_on, sort_order=index)


def outsider(name: str = "นายบรรจง สุขประเสริฐ", role: str = "member", **kw) -> dict:
    return {
        "outside_name": name,
        "outside_organisation": "ข้าราชการบำนาญ",
        "position": "ผู้ทรงคุณวุฒิ",
        "role": role,
    } | kw
