"""Demo committees of Ban Suan: the code-drafting committee, the ethics committee and the advisory team."""

from __future__ import annotations

from ethics_hr.committees.models import AppointmentOrder, Committee, Membership
from ethics_hr.core.timeutil import be_year
from ethics_hr.demo import content
from ethics_hr.extensions import db
from ethics_hr.people.models import Person


def load_demo(people: list[Person]) -> None:
    """Create the committees of `content.COMMITTEES`, their orders and members (in the demo transaction)."""

    by_number = {p.employee_number: p for p in people}
    for data in content.COMMITTEES:
        committee = Committee(
            kind=data["kind"],
            name_th=data["name_th"],
            name_en=data.get("name_en", ""),
            mandate=data.get("mandate_th", ""),
            dissolved_on=data.get("dissolved_on"),
        )
        db.session.add(committee)
        recorded: list[AppointmentOrder] = []
        for o in data["orders"]:
            if be_year(o["signed_on"].year) != o["year_be"]:
                raise ValueError(
                    f"demo order {o['number']}/{o['year_be']}: the year is not the year of signing"
                )
            order = AppointmentOrder(
                committee=committee,
                number=o["number"],
                year_be=o["year_be"],
                title=o["title_th"],
                signed_on=o["signed_on"],
                signed_by_name=o["signed_by_name"],
                signed_by_position=o.get("signed_by_position", ""),
                effective_on=o["effective_on"],
                ends_on=o.get("ends_on"),
                replaces=recorded[o["replaces"]] if o.get("replaces") is not None else None,
            )
            for index, m in enumerate(o["members"]):
                person = by_number.get(m.get("employee_number", ""))
                order.members.append(
                    Membership(
                        person=person,
                        outside_name="" if person else m["outside_name"],
                        outside_organisation="" if person else m.get("outside_organisation", ""),
                        position=person.position if person else m.get("outside_position", ""),
                        role=m["role"],
                        starts_on=m.get("starts_on"),
                        ends_on=m.get("ends_on"),
                        sort_order=index,
                    )
                )
            db.session.add(order)
            recorded.append(order)
    db.session.flush()
