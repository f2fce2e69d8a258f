"""the gift register: occasions (reference data), gifts, the head's decisions (append-only), the yearly No Gift
announcement, and the gift rule's value and days in the organisation's settings

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-02 14:00:00

"""

from alembic import op
import sqlalchemy as sa

import ethics_hr.core.models
from ethics_hr.core.append_only import create_triggers_in_migration, frozen_once_statements


# revision identifiers, used by Alembic.
revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

OCCASIONS = (
    ("new_year", "เทศกาลปีใหม่", "New Year"),
    ("songkran", "เทศกาลสงกรานต์", "Songkran"),
    ("chinese_new_year", "เทศกาลตรุษจีน", "Chinese New Year"),
    ("birthday", "วันเกิด", "Birthday"),
    ("promotion_transfer", "การเลื่อนตำแหน่งหรือย้ายตำแหน่ง", "Promotion or transfer"),
    ("retirement", "การเกษียณอายุราชการ", "Retirement"),
    ("wedding_ordination_funeral", "งานมงคลหรืองานอวมงคล", "Wedding, ordination or funeral"),
    ("official_visit", "การต้อนรับหรือศึกษาดูงาน", "Official visit or study visit"),
    ("contract_work", "การติดต่อราชการหรืองานจัดซื้อจัดจ้าง", "Official business or procurement"),
    ("other", "อื่น ๆ", "Other"),
)


def upgrade():
    with op.batch_alter_table("organisation_settings", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("gift_report_threshold", sa.Integer(), nullable=False, server_default="3000")
        )
        batch_op.add_column(sa.Column("gift_report_days", sa.Integer(), nullable=False, server_default="30"))
    occasion = op.create_table(
        "gift_occasion",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name_th", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_gift_occasion")),
        sa.UniqueConstraint("code", name=op.f("uq_gift_occasion_code")),
    )
    op.create_table(
        "gift",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("fiscal_year", sa.Integer(), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("giver_name", sa.String(length=200), nullable=False),
        sa.Column("giver_organisation", sa.String(length=200), nullable=False),
        sa.Column("giver_key", sa.String(length=401), nullable=False),
        sa.Column("description", sa.String(length=500), nullable=False),
        sa.Column("value_baht", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column("occasion_id", sa.Integer(), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", ethics_hr.core.models.UTCDateTime(), nullable=False),
        sa.Column("updated_at", ethics_hr.core.models.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=op.f("fk_gift_person_id_person")),
        sa.ForeignKeyConstraint(
            ["occasion_id"], ["gift_occasion.id"], name=op.f("fk_gift_occasion_id_gift_occasion")
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"], ["user_account.id"], name=op.f("fk_gift_recorded_by_id_user_account")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_gift")),
    )
    op.create_index("ix_gift_person", "gift", ["person_id", "received_on"])
    op.create_index("ix_gift_fy", "gift", ["fiscal_year", "occasion_id"])
    op.create_index("ix_gift_group", "gift", ["person_id", "fiscal_year", "occasion_id", "giver_key"])
    op.create_table(
        "gift_decision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("gift_id", sa.Integer(), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("decided_by_id", sa.Integer(), nullable=False),
        sa.Column("decided_at", ethics_hr.core.models.UTCDateTime(), nullable=False),
        sa.Column("replaces_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["gift_id"], ["gift.id"], name=op.f("fk_gift_decision_gift_id_gift")),
        sa.ForeignKeyConstraint(
            ["decided_by_id"], ["user_account.id"], name=op.f("fk_gift_decision_decided_by_id_user_account")
        ),
        sa.ForeignKeyConstraint(
            ["replaces_id"], ["gift_decision.id"], name=op.f("fk_gift_decision_replaces_id_gift_decision")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_gift_decision")),
    )
    op.create_index(op.f("ix_gift_decision_gift_id"), "gift_decision", ["gift_id"])
    create_triggers_in_migration(op, "gift_decision")
    for statement in frozen_once_statements("gift", "gift_decision", "gift_id", op.get_bind().dialect.name):
        op.execute(statement)
    op.create_table(
        "gift_announcement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("fiscal_year", sa.Integer(), nullable=False),
        sa.Column("title_th", sa.String(length=300), nullable=False),
        sa.Column("title_en", sa.String(length=300), nullable=False),
        sa.Column("body_th", sa.Text(), nullable=False),
        sa.Column("body_en", sa.Text(), nullable=False),
        sa.Column("announced_on", sa.Date(), nullable=False),
        sa.Column("created_at", ethics_hr.core.models.UTCDateTime(), nullable=False),
        sa.Column("updated_at", ethics_hr.core.models.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_gift_announcement")),
        sa.UniqueConstraint("fiscal_year", name=op.f("uq_gift_announcement_fiscal_year")),
    )
    op.bulk_insert(
        occasion,
        [
            {"code": code, "name_th": th, "name_en": en, "sort_order": order, "active": True}
            for order, (code, th, en) in enumerate(OCCASIONS, start=1)
        ],
    )


def downgrade():
    op.drop_table("gift_announcement")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS gift_decision_no_truncate ON gift_decision")
    op.drop_table("gift_decision")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS gift_frozen ON gift")
        op.execute("DROP FUNCTION IF EXISTS ethics_hr_refuse_change_of_gift()")
    op.drop_index("ix_gift_group", table_name="gift")
    op.drop_index("ix_gift_fy", table_name="gift")
    op.drop_index("ix_gift_person", table_name="gift")
    op.drop_table("gift")
    op.drop_table("gift_occasion")
    with op.batch_alter_table("organisation_settings", schema=None) as batch_op:
        batch_op.drop_column("gift_report_days")
        batch_op.drop_column("gift_report_threshold")
