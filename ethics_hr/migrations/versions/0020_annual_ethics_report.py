"""The annual ethics report to the Ethical Standards Committee: a report per fiscal year and its sections.

Revision ID: 0020
Revises: 0019
"""

import sqlalchemy as sa
from alembic import op

import ethics_hr.core.models

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "ethics_report",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("fiscal_year", sa.Integer(), nullable=False),
        sa.Column("intro", sa.Text(), nullable=False),
        sa.Column("created_at", ethics_hr.core.models.UTCDateTime(), nullable=False),
        sa.Column("updated_at", ethics_hr.core.models.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ethics_report")),
        sa.UniqueConstraint("fiscal_year", name=op.f("uq_ethics_report_fiscal_year")),
    )
    op.create_table(
        "ethics_report_section",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("heading", sa.String(length=300), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("fill", sa.String(length=40), nullable=False),
        sa.Column("created_at", ethics_hr.core.models.UTCDateTime(), nullable=False),
        sa.Column("updated_at", ethics_hr.core.models.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["ethics_report.id"],
            name=op.f("fk_ethics_report_section_report_id_ethics_report"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ethics_report_section")),
    )
    with op.batch_alter_table("ethics_report_section", schema=None) as batch_op:
        batch_op.create_index("ix_ethics_report_section_report_position", ["report_id", "position"], unique=False)


def downgrade():
    with op.batch_alter_table("ethics_report_section", schema=None) as batch_op:
        batch_op.drop_index("ix_ethics_report_section_report_position")
    op.drop_table("ethics_report_section")
    op.drop_table("ethics_report")
