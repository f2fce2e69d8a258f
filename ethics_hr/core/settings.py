"""The organisation's own settings: one row, read once per request."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from flask import g, has_app_context
from sqlalchemy.orm import Mapped, mapped_column

from ethics_hr.core.db import transactional
from ethics_hr.core.locale import bilingual
from ethics_hr.core.models import TimestampMixin
from ethics_hr.extensions import db

SETTINGS_ID = 1


class OrganisationSettings(TimestampMixin, db.Model):
    __tablename__ = "organisation_settings"

    id: Mapped[int] = mapped_column(primary_key=True)
    name_th: Mapped[str] = mapped_column(db.String(200), default="หน่วยงานของท่าน")
    name_en: Mapped[str] = mapped_column(db.String(200), default="Your organisation")
    fiscal_year_start_month: Mapped[int] = mapped_column(default=10)
    timezone: Mapped[str] = mapped_column(db.String(64), default="Asia/Bangkok")
    default_locale: Mapped[str] = mapped_column(db.String(5), default="th")
    thai_numerals_in_documents: Mapped[bool] = mapped_column(default=True)
    question_answer_days: Mapped[int] = mapped_column(default=15)
    acknowledgment_requires_password: Mapped[bool] = mapped_column(default=True)
    ethics_hours_required: Mapped[float] = mapped_column(default=6.0, server_default="6")

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def name(self, locale: str | None = None) -> str:
        return bilingual(self.name_th, self.name_en, locale)


def get_settings() -> OrganisationSettings:
    """Return the organisation settings, creating the row with defaults the first time."""
    if has_app_context() and "org_settings" in g:
        return g.org_settings
    # Read without flushing: this is also called from inside flushes (e.g. to place a date in a fiscal year).
    with db.session.no_autoflush:
        settings = db.session.get(OrganisationSettings, SETTINGS_ID)
    if settings is None:
        settings = OrganisationSettings(id=SETTINGS_ID)
        db.session.add(settings)
        if not db.session()._flushing:
            db.session.flush()
    if has_app_context():
        g.org_settings = settings
    return settings


def forget_cached_settings() -> None:
    """Drop the per-request copy after the settings change."""
    if has_app_context():
        g.pop("org_settings", None)


SETTABLE = (
    "name_th",
    "name_en",
    "fiscal_year_start_month",
    "timezone",
    "default_locale",
    "thai_numerals_in_documents",
    "acknowledgment_requires_password",
    "ethics_hours_required",
)


@transactional
def save_settings(**values) -> OrganisationSettings:
    """Change the organisation's settings (only the ones an administrator may set)."""
    unknown = set(values) - set(SETTABLE)
    if unknown:
        raise TypeError(f"not a setting an administrator sets: {sorted(unknown)}")
    settings = get_settings()
    for key, value in values.items():
        setattr(settings, key, value)
    forget_cached_settings()
    return settings
