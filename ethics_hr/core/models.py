"""Model base: naming convention, UTC timestamps and the mixins every domain model shares."""

from __future__ import annotations

from contextvars import ContextVar
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, registry
from sqlalchemy.types import TypeDecorator

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


# The clock seam: set only by `ethics_hr.core.timeutil.as_of`, which only the demo and tests use.
_AS_OF: ContextVar[datetime | None] = ContextVar("ethics_hr_as_of", default=None)


def utc_now() -> datetime:
    """Return the current time as an aware UTC datetime (the moment of `as_of` inside one)."""
    moment = _AS_OF.get()
    return datetime.now(UTC) if moment is None else moment


class UTCDateTime(TypeDecorator):
    """Store datetimes as naive UTC, hand them back aware; refuse naive input."""

    impl = sa.DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; use an aware datetime")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    """Declarative base with predictable constraint names for Alembic."""

    registry = registry(
        metadata=sa.MetaData(naming_convention=NAMING_CONVENTION),
        type_annotation_map={datetime: UTCDateTime()},
    )

    # Domain records are audited unless a model opts out (the audit log itself, tokens, outbox).
    __audited__ = True


class TimestampMixin:
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(default=utc_now, onupdate=utc_now)


class ReferenceData:
    """Columns and behaviour of a reference list an officer may extend: a code, a Thai and an English name.

    Rows arrive with the migrations (data migrations), so a new installation has them from the start.
    """

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(sa.String(40), unique=True)
    name_th: Mapped[str] = mapped_column(sa.String(200))
    name_en: Mapped[str] = mapped_column(sa.String(200), default="")
    sort_order: Mapped[int] = mapped_column(default=0)
    active: Mapped[bool] = mapped_column(default=True)

    def name(self, locale: str | None = None) -> str:
        from ethics_hr.core.locale import bilingual

        return bilingual(self.name_th, self.name_en, locale)
