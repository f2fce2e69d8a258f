"""Demo heads of department: the ผู้อำนวยการกอง of each division and the หัวหน้าสำนักปลัด."""

from __future__ import annotations

from ethics_hr.people.models import Person

HEAD_TITLES = ("ผู้อำนวยการกอง", "หัวหน้าสำนักปลัด")


def load_demo(people: list[Person]) -> None:
    """Make each department's director (or the head of the clerk's office) its head."""
    for person in people:
        if person.department is not None and person.position.startswith(HEAD_TITLES):
            person.department.head_person_id = person.id
