"""The organisation's own settings: one row, read once per request."""

from __future__ import annotations

from collections.abc import Callable
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from flask import g, has_app_context
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column

from ethics_hr.core.db import transactional
from ethics_hr.core.locale import bilingual, current_locale
from ethics_hr.core.models import TimestampMixin
from ethics_hr.core.uploads import JPEG, PNG, StoredFile, save_upload
from ethics_hr.extensions import db

SETTINGS_ID = 1
IMAGES = (PNG, JPEG)

# The time zones to pick from: Thailand's first, then its neighbours and UTC (not every zone of the world).
TIME_ZONES: tuple[tuple[str, str], ...] = (
    ("Asia/Bangkok", _l("Thailand (UTC+7)")),
    ("Asia/Vientiane", _l("Laos (UTC+7)")),
    ("Asia/Phnom_Penh", _l("Cambodia (UTC+7)")),
    ("Asia/Ho_Chi_Minh", _l("Vietnam (UTC+7)")),
    ("Asia/Jakarta", _l("Indonesia, Jakarta (UTC+7)")),
    ("Asia/Yangon", _l("Myanmar (UTC+6:30)")),
    ("Asia/Kuala_Lumpur", _l("Malaysia (UTC+8)")),
    ("Asia/Singapore", _l("Singapore (UTC+8)")),
    ("Asia/Manila", _l("Philippines (UTC+8)")),
    ("UTC", _l("Coordinated Universal Time (UTC)")),
)


def time_zone_choices(current: str | None = None) -> list[tuple[str, str]]:
    """The time zones to choose from; a zone stored before this list existed stays choosable."""
    choices = [(key, str(label)) for key, label in TIME_ZONES]
    if current and current not in dict(choices):
        choices.append((current, current))
    return choices


class OrganisationSettings(TimestampMixin, db.Model):
    __tablename__ = "organisation_settings"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Empty until the administrator names the organisation: no page may pass off a placeholder as its name.
    name_th: Mapped[str] = mapped_column(db.String(200), default="")
    name_en: Mapped[str] = mapped_column(db.String(200), default="")
    fiscal_year_start_month: Mapped[int] = mapped_column(default=10)
    timezone: Mapped[str] = mapped_column(db.String(64), default="Asia/Bangkok")
    default_locale: Mapped[str] = mapped_column(db.String(5), default="th")
    thai_numerals_in_documents: Mapped[bool] = mapped_column(default=True)
    question_answer_days: Mapped[int] = mapped_column(default=15)
    acknowledgment_requires_password: Mapped[bool] = mapped_column(default=True)
    ethics_hours_required: Mapped[float] = mapped_column(default=6.0, server_default="6")
    # The gift rule (section 128 of the organic act on anti-corruption and the NACC's notification): a gift
    # from one giver on one occasion above this many baht is reported to the head within so many days.
    gift_report_threshold: Mapped[int] = mapped_column(default=3000, server_default="3000")
    gift_report_days: Mapped[int] = mapped_column(default=30, server_default="30")
    # The annual declaration of interests is due so many days after the fiscal year begins.
    conflict_declaration_days: Mapped[int] = mapped_column(default=60, server_default="60")
    # Who signs the certificates of training and quizzes (printed under the signature line), and their title.
    certificate_signatory: Mapped[str] = mapped_column(db.String(200), default="", server_default="")
    certificate_signatory_title_th: Mapped[str] = mapped_column(db.String(200), default="", server_default="")
    certificate_signatory_title_en: Mapped[str] = mapped_column(db.String(200), default="", server_default="")
    logo_file_id: Mapped[int | None] = mapped_column(sa.ForeignKey("stored_file.id", ondelete="SET NULL"))
    # The first-run steps the administrator has confirmed or chosen to skip (see ethics_hr.admin.setup).
    setup_confirmed: Mapped[list[str]] = mapped_column(sa.JSON, default=list, server_default="[]")

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def is_named(self) -> bool:
        return bool(self.name_th.strip())

    def name(self, locale: str | None = None) -> str:
        """The organisation's name, or a visible note that it has not been set yet."""
        if not self.is_named:
            with force_locale(locale or current_locale()):
                return _("(organisation name not set)")
        return bilingual(self.name_th, self.name_en, locale)

    def has_confirmed(self, step: str) -> bool:
        return step in (self.setup_confirmed or [])


def get_settings() -> OrganisationSettings:
    """Return the organisation settings, creating the row with defaults the first time."""
    if has_app_context() and "org_settings" in g:
        return g.org_settings
    # Read without flushing: this is also called from inside flushes (e.g. to place a date in a fiscal year).
    with db.session.no_autoflush:
        settings = db.session.get(OrganisationSettings, SETTINGS_ID)
    if settings is None:
        settings = OrganisationSettings(id=SETTINGS_ID)
        if db.session()._flushing:
            db.session.add(settings)
        else:
            try:
                with db.session.begin_nested():
                    db.session.add(settings)
            except sa.exc.IntegrityError:
                # Another process (the scheduler's first job, a second request) created it a moment ago.
                settings = db.session.get(OrganisationSettings, SETTINGS_ID)
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
    "gift_report_threshold",
    "gift_report_days",
    "conflict_declaration_days",
    "certificate_signatory",
    "certificate_signatory_title_th",
    "certificate_signatory_title_en",
)


# What a domain keeps worked out from a setting, to work out again when it changes: (settings, function).
_WHEN_SAVED: list[tuple[frozenset[str], Callable[[], None]]] = []


def on_settings_saved(*keys: str) -> Callable[[Callable[[], None]], Callable[[], None]]:
    """Register a function to run, in the same unit of work, when one of these settings changes value."""

    def register(func: Callable[[], None]) -> Callable[[], None]:
        _WHEN_SAVED.append((frozenset(keys), func))
        return func

    return register


@transactional
def save_settings(**values) -> OrganisationSettings:
    """Change the organisation's settings (only the ones an administrator may set)."""
    unknown = set(values) - set(SETTABLE)
    if unknown:
        raise TypeError(f"not a setting an administrator sets: {sorted(unknown)}")
    settings = get_settings()
    changed = {key for key, value in values.items() if getattr(settings, key) != value}
    for key, value in values.items():
        setattr(settings, key, value)
    db.session.flush()
    forget_cached_settings()
    for keys, func in _WHEN_SAVED:
        if keys & changed:
            func()
    return settings


@transactional
def confirm_setup_step(step: str) -> OrganisationSettings:
    """Record that the administrator has confirmed (or chosen to skip) a first-run step."""
    settings = get_settings()
    if not settings.has_confirmed(step):
        # A new list, not an append: changes inside a JSON value are not tracked.
        settings.setup_confirmed = [*(settings.setup_confirmed or []), step]
    forget_cached_settings()
    return settings


@transactional
def set_logo(upload, *, by_id: int | None) -> OrganisationSettings:
    """Store a PNG or JPEG as the organisation's logo (checked by content and size)."""
    stored = save_upload(upload, allowed=IMAGES, field="logo", by_id=by_id)
    db.session.flush()
    settings = get_settings()
    settings.logo_file_id = stored.id
    forget_cached_settings()
    return settings


@transactional
def remove_logo() -> OrganisationSettings:
    """Show no logo any more (the stored file stays, as every upload does)."""
    settings = get_settings()
    settings.logo_file_id = None
    forget_cached_settings()
    return settings


def logo_file() -> StoredFile | None:
    """Return the stored file of the organisation's logo, if it has one."""
    settings = get_settings()
    return db.session.get(StoredFile, settings.logo_file_id) if settings.logo_file_id else None
