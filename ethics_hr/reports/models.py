"""The report's own tables: the measure rows an officer edits, and the ITA catalogue."""

from __future__ import annotations

from enum import StrEnum

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ethics_hr.core.formatting import bilingual
from ethics_hr.core.models import TimestampMixin
from ethics_hr.extensions import db


class MeasureKind(StrEnum):
    """Kinds of row in the report; stored by value."""

    HR = "hr"  # the measure whose summary is written from the data
    FREE = "free"  # a measure the officer writes in full
    ANTI_CORRUPTION = "anticorr"  # the officer's row, followed by the gift register's No Gift lines


class FiscalYearReport(TimestampMixin, db.Model):
    """A fiscal year's report on the measures promoting integrity and transparency."""

    __tablename__ = "fiscal_year_report"

    id: Mapped[int] = mapped_column(primary_key=True)
    fiscal_year: Mapped[int] = mapped_column(unique=True)
    intro: Mapped[str] = mapped_column(db.Text, default="")

    measures: Mapped[list[ReportMeasure]] = relationship(
        back_populates="report",
        order_by="ReportMeasure.position, ReportMeasure.id",
        cascade="all, delete-orphan",
        lazy="selectin",
    )


class ReportMeasure(TimestampMixin, db.Model):
    """One row of the report's table: measure, method, responsible, period, summary, outcome."""

    __tablename__ = "report_measure"
    __table_args__ = (
        sa.Index("ix_report_measure_report_position", "report_id", "position"),
        sa.CheckConstraint("kind IN ('hr', 'free', 'anticorr')", name="kind"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(sa.ForeignKey("fiscal_year_report.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(default=0)
    kind: Mapped[str] = mapped_column(db.String(8), default=MeasureKind.FREE)
    measure: Mapped[str] = mapped_column(db.String(300))
    methods: Mapped[str] = mapped_column(db.Text, default="")
    responsible: Mapped[str] = mapped_column(db.String(300), default="")
    # Empty: the fiscal year's first and last month ("ต.ค. 2565 – ก.ย. 2566").
    period: Mapped[str] = mapped_column(db.String(100), default="")
    # A free row's summary in full; on the HR row, notes added after the lines written from the data.
    summary: Mapped[str] = mapped_column(db.Text, default="")
    outcome: Mapped[str] = mapped_column(db.Text, default="")

    report: Mapped[FiscalYearReport] = relationship(back_populates="measures")

    @property
    def is_hr(self) -> bool:
        return self.kind == MeasureKind.HR


class ItaItem(TimestampMixin, db.Model):
    """One item of an ITA assessment year's catalogue, and the public page that answers it."""

    __tablename__ = "ita_item"
    __table_args__ = (sa.UniqueConstraint("assessment_year", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_year: Mapped[int] = mapped_column(index=True)
    key: Mapped[str] = mapped_column(db.String(20))
    parent_key: Mapped[str] = mapped_column(db.String(20), default="")
    position: Mapped[int] = mapped_column(default=0)
    title_th: Mapped[str] = mapped_column(db.String(300))
    title_en: Mapped[str] = mapped_column(db.String(300), default="")
    description_th: Mapped[str] = mapped_column(db.Text, default="")
    description_en: Mapped[str] = mapped_column(db.Text, default="")
    # Which fiscal year the evidence is of, relative to the assessment year (O15: the year before, -1).
    fiscal_year_offset: Mapped[int] = mapped_column(default=0)
    page: Mapped[str] = mapped_column(db.String(40))
    check: Mapped[str] = mapped_column(db.String(40), default="")
    # What the item is about, as words shared across years ("hr_plan,hr_criteria"): the year roll carries an
    # item to the next year by them, so a renumbered item is found and merged items are shown together.
    topics: Mapped[str] = mapped_column(db.String(400), default="")
    # Rebuilt from agencies' published evidence rather than taken from the year's official manual.
    reconstructed: Mapped[bool] = mapped_column(default=False)

    @property
    def topic_list(self) -> list[str]:
        return [t for t in self.topics.split(",") if t]

    def title(self, locale: str) -> str:
        return bilingual(self.title_th, self.title_en, locale)

    def description(self, locale: str) -> str:
        return bilingual(self.description_th, self.description_en, locale)


class ItaCatalogue(TimestampMixin, db.Model):
    """Where an assessment year's list of items was taken from, and how sure that is."""

    __tablename__ = "ita_catalogue"

    assessment_year: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    source_th: Mapped[str] = mapped_column(db.Text, default="")
    source_en: Mapped[str] = mapped_column(db.Text, default="")

    def source(self, locale: str) -> str:
        return bilingual(self.source_th, self.source_en, locale)


class EthicsReport(TimestampMixin, db.Model):
    """A fiscal year's annual report on the codes of ethics, sent through the central personnel body."""

    __tablename__ = "ethics_report"

    id: Mapped[int] = mapped_column(primary_key=True)
    fiscal_year: Mapped[int] = mapped_column(unique=True)
    # The addressee line and the opening paragraph ("เรียน ประธานคณะกรรมการมาตรฐานทางจริยธรรม ผ่าน ก.ถ.").
    intro: Mapped[str] = mapped_column(db.Text, default="")

    sections: Mapped[list[EthicsReportSection]] = relationship(
        back_populates="report",
        order_by="EthicsReportSection.position, EthicsReportSection.id",
        cascade="all, delete-orphan",
        lazy="selectin",
    )


class EthicsReportSection(TimestampMixin, db.Model):
    """One numbered section of the annual ethics report: its heading, the officer's text, its data source."""

    __tablename__ = "ethics_report_section"
    __table_args__ = (sa.Index("ix_ethics_report_section_report_position", "report_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(sa.ForeignKey("ethics_report.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(default=0)
    heading: Mapped[str] = mapped_column(db.String(300))
    body: Mapped[str] = mapped_column(db.Text, default="")
    # A key of ethics_report.FILLS (the lines written from the data after the text), or "" for text only.
    fill: Mapped[str] = mapped_column(db.String(40), default="")

    report: Mapped[EthicsReport] = relationship(back_populates="sections")
