"""Who logs in to the demo, with which roles and password (README lists them)."""

from __future__ import annotations

DEMO_PASSWORD = "bansuan-demo-2569"
# The director of each division (ผู้อำนวยการกอง) and the head of the clerk's office head their department.
HEAD_TITLES = ("ผู้อำนวยการกอง", "หัวหน้าสำนักปลัด")
# (index in content.PEOPLE, roles, what README calls them)
DEMO_ACCOUNTS: tuple[tuple[int, tuple[str, ...], str], ...] = (
    (0, ("admin",), "administrator"),
    (1, ("personnel_officer",), "personnel officer"),
    (2, (), "committee member"),
    (3, (), "employee (no email: logs in by employee number)"),
    (4, (), "employee"),
)
