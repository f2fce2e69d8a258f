"""Departments, staff categories, people and their accounts."""

from __future__ import annotations

import enum
from datetime import date, datetime

import sqlalchemy as sa
from flask_login import UserMixin
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ethics_hr.core.access import ADMIN, PERSONNEL, Role
from ethics_hr.core.locale import bilingual
from ethics_hr.core.models import ReferenceData, TimestampMixin, utc_now
from ethics_hr.extensions import db

ROLES: tuple[str, ...] = tuple(Role)


class TokenPurpose(enum.StrEnum):
    """What a one-time token is for (stored by value)."""

    ACTIVATE = "activate"
    RESET = "reset"


class Department(TimestampMixin, db.Model):
    __tablename__ = "department"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(db.String(20), unique=True)
    name_th: Mapped[str] = mapped_column(db.String(200))
    name_en: Mapped[str] = mapped_column(db.String(200), default="")
    active: Mapped[bool] = mapped_column(default=True)
    # Who heads it (ผู้อำนวยการกอง / หัวหน้าสำนักปลัด): receives the digest of its overdue acknowledgments.
    head_person_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("person.id", use_alter=True, ondelete="SET NULL")
    )

    head: Mapped[Person | None] = relationship(foreign_keys=[head_person_id])

    def name(self, locale: str | None = None) -> str:
        return bilingual(self.name_th, self.name_en, locale)


class StaffCategory(ReferenceData, db.Model):
    __tablename__ = "staff_category"


class Person(TimestampMixin, db.Model):
    __tablename__ = "person"
    __table_args__ = (
        sa.Index("ix_person_department_active", "department_id", "active"),
        sa.Index("ix_person_category_active", "staff_category_id", "active"),
        sa.Index("ix_person_sort", "first_name_th", "last_name_th"),
        # The people who started lately: the only ones a code's due date has not yet passed for.
        sa.Index("ix_person_start_date", "start_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    employee_number: Mapped[str] = mapped_column(db.String(30), unique=True)
    prefix: Mapped[str] = mapped_column(db.String(60), default="")
    first_name_th: Mapped[str] = mapped_column(db.String(100))
    last_name_th: Mapped[str] = mapped_column(db.String(100))
    first_name_en: Mapped[str] = mapped_column(db.String(100), default="")
    last_name_en: Mapped[str] = mapped_column(db.String(100), default="")
    position: Mapped[str] = mapped_column(db.String(200), default="")
    staff_category_id: Mapped[int] = mapped_column(sa.ForeignKey("staff_category.id"))
    department_id: Mapped[int | None] = mapped_column(sa.ForeignKey("department.id"))
    email: Mapped[str | None] = mapped_column(db.String(254), unique=True)
    start_date: Mapped[date | None]
    active: Mapped[bool] = mapped_column(default=True)

    staff_category: Mapped[StaffCategory] = relationship(lazy="joined")
    department: Mapped[Department | None] = relationship(foreign_keys=[department_id], lazy="joined")
    account: Mapped[User | None] = relationship(back_populates="person", uselist=False)

    @property
    def full_name_th(self) -> str:
        return f"{self.prefix}{self.first_name_th} {self.last_name_th}".strip()

    @property
    def full_name_en(self) -> str:
        return f"{self.first_name_en} {self.last_name_en}".strip()

    def display_name(self, locale: str | None = "th") -> str:
        return bilingual(self.full_name_th, self.full_name_en, locale)


class Headcount(db.Model):
    """How many active people one department (0: none) has in one staff category.

    Kept by `people.headcount` in the flush that adds, moves or deactivates a person, so that the compliance
    pages count their audience without reading every person. A count, not evidence: `headcount.rebuild()`
    works it out again from the people.
    """

    __tablename__ = "headcount"

    department_key: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    staff_category_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    people: Mapped[int] = mapped_column(default=0)


class GroupTally(db.Model):
    """How many active people of one department (0: none) and staff category count for one subject: have
    signed pledge N ("pledge", N), have made the annual declaration of fiscal year N ("annual_declaration",
    N).

    Kept with `Headcount`: by the domain when a person comes to count (a signature, a first declaration), and
    by `people.headcount` when a person who counts moves, changes category, leaves or comes back.
    """

    __tablename__ = "group_tally"

    subject: Mapped[str] = mapped_column(sa.String(40), primary_key=True)
    subject_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    department_key: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    staff_category_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    people: Mapped[int] = mapped_column(default=0)


class User(UserMixin, TimestampMixin, db.Model):
    """A person's login: by email or by employee number."""

    __tablename__ = "user_account"
    __audit_exclude__ = ("password_hash", "totp_secret")
    # A login is no evidence, and its time in the chain, numbered next to an anonymous question's entries,
    # would tie the question to whoever had just logged in (see core.audit). The last accepted code's time
    # step changes at every two-factor login, for the same reason it is no entry.
    __audit_ignore__ = ("last_login_at", "totp_last_step")

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(sa.ForeignKey("person.id"), unique=True)
    password_hash: Mapped[str | None] = mapped_column(db.String(255))
    preferred_locale: Mapped[str | None] = mapped_column(db.String(5))
    session_version: Mapped[int] = mapped_column(default=1)
    last_login_at: Mapped[datetime | None]
    password_changed_at: Mapped[datetime | None]
    # Two-factor login (see people/twofactor.py): the authenticator app's shared secret (base32), set once the
    # first code confirmed it and never shown again; when it was turned on; the time step of the last code
    # accepted, so that a code is good once; when the current recovery codes were issued.
    totp_secret: Mapped[str | None] = mapped_column(db.String(64))
    totp_enabled_at: Mapped[datetime | None]
    totp_last_step: Mapped[int | None] = mapped_column(sa.BigInteger)
    recovery_codes_issued_at: Mapped[datetime | None]

    person: Mapped[Person] = relationship(back_populates="account", lazy="joined")
    role_links: Mapped[list[UserRole]] = relationship(
        back_populates="user", cascade="all, delete-orphan", lazy="selectin"
    )

    # Flask-Login keeps this id in the session; the version makes old sessions invalid on the server side.
    def get_id(self) -> str:
        return f"{self.id}:{self.session_version}"

    @property
    def is_active(self) -> bool:
        return self.person.active

    @property
    def roles(self) -> set[str]:
        return {link.role for link in self.role_links}

    def has_role(self, role: str) -> bool:
        return role in self.roles

    def has_any_role(self, *roles: str) -> bool:
        return bool(self.roles.intersection(roles))

    @property
    def is_admin(self) -> bool:
        return self.has_role(ADMIN)

    @property
    def is_officer(self) -> bool:
        return self.has_any_role(ADMIN, PERSONNEL)

    @property
    def is_activated(self) -> bool:
        return self.password_hash is not None

    @property
    def two_factor_enabled(self) -> bool:
        return self.totp_enabled_at is not None and self.totp_secret is not None

    @property
    def audit_label(self) -> str:
        return f"{self.person.employee_number} {self.person.full_name_th}"


class UserRole(db.Model):
    __tablename__ = "user_role"
    __table_args__ = (sa.UniqueConstraint("user_id", "role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user_account.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(db.String(40))

    user: Mapped[User] = relationship(back_populates="role_links")


class RecoveryCode(db.Model):
    """One of an account's two-factor recovery codes, kept only as its SHA-256, each good for one login."""

    __tablename__ = "recovery_code"
    # Using one is a login, and a login is no audit entry (see User); issuing them is, on the account
    # (recovery_codes_issued_at), and the hashes would tell an auditor nothing.
    __audited__ = False

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    code_hash: Mapped[str] = mapped_column(db.String(64))
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    used_at: Mapped[datetime | None]


class AccountToken(db.Model):
    """A one-time link and short code to set a password: for activation and for a forgotten password."""

    __tablename__ = "account_token"
    __audit_exclude__ = ("token_hash", "code_hash")

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    purpose: Mapped[str] = mapped_column(db.String(20))
    token_hash: Mapped[str] = mapped_column(db.String(64), unique=True)
    code_hash: Mapped[str] = mapped_column(db.String(64))
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user_account.id"))

    user: Mapped[User] = relationship(foreign_keys=[user_id])
