"""Demo committees of Ban Suan: the code-drafting committee, the ethics committee and the advisory team."""

from __future__ import annotations

from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

from ethics_hr.committees.orders import MemberEntry, OrderDraft, save_order
from ethics_hr.committees.services import dissolve_committee, save_committee
from ethics_hr.core.timeutil import as_of
from ethics_hr.demo import content
from ethics_hr.people.models import Person

BANGKOK = ZoneInfo("Asia/Bangkok")


def _morning(day) -> datetime:
    return datetime.combine(day, time(10), tzinfo=BANGKOK).astimezone(UTC)


def load_demo(people: list[Person]) -> None:
    """Record the committees of `content.COMMITTEES` and their orders as the officer did, each when signed."""
    officer = people[1].account
    for data in content.COMMITTEES:
        first_signed = min(o["signed_on"] for o in data["orders"])
        with as_of(_morning(first_signed)):
            committee = save_committee(
                None,
                name_th=data["name_th"],
                name_en=data.get("name_en", ""),
                kind=data["kind"],
                mandate=data.get("mandate_th", ""),
            )
        recorded = []
        for o in data["orders"]:
            replaces = recorded[o["replaces"]] if o.get("replaces") is not None else None
            draft = OrderDraft(
                number=o["number"],
                title=o["title_th"],
                signed_on=o["signed_on"],
                signed_by_name=o["signed_by_name"],
                signed_by_position=o.get("signed_by_position", ""),
                effective_on=o["effective_on"],
                ends_on=o.get("ends_on"),
                replaces_id=replaces.id if replaces is not None else None,
                members=[
                    MemberEntry(
                        person_ref=m.get("employee_number", ""),
                        outside_name="" if m.get("employee_number") else m["outside_name"],
                        outside_organisation=""
                        if m.get("employee_number")
                        else m.get("outside_organisation", ""),
                        position="" if m.get("employee_number") else m.get("outside_position", ""),
                        role=m["role"],
                        starts_on=m.get("starts_on"),
                        ends_on=m.get("ends_on"),
                        row=row,
                    )
                    for row, m in enumerate(o["members"])
                ],
            )
            if draft.year_be != o["year_be"]:
                raise ValueError(
                    f"demo order {o['number']}/{o['year_be']}: the year is not the year of signing"
                )
            with as_of(_morning(o["signed_on"])):
                recorded.append(save_order(committee, None, draft, by=officer))
        if data.get("dissolved_on"):
            with as_of(_morning(data["dissolved_on"])):
                dissolve_committee(committee, on=data["dissolved_on"])
