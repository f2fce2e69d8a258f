"""conflict-of-interest declarations: categories of interest (reference data), declarations and their
interests, the reviewers' decisions (all three append-only), and the days to make the annual declaration

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-02 19:10:00

"""

from alembic import op
import sqlalchemy as sa

import ethics_hr.core.models
from ethics_hr.core.append_only import create_triggers_in_migration


# revision identifiers, used by Alembic.
revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

CATEGORIES = (
    (
        "relative_business",
        "คู่สมรสหรือญาติมีธุรกิจหรือทำสัญญากับหน่วยงาน",
        "Spouse or relatives in business with the organisation",
    ),
    ("outside_work", "การทำงานหรือดำรงตำแหน่งภายนอกหน่วยงาน", "Outside work or positions"),
    ("shareholding", "การถือหุ้นหรือเป็นหุ้นส่วนในกิจการ", "Shareholdings or partnerships"),
    (
        "procurement",
        "การมีส่วนเกี่ยวข้องกับการจัดซื้อจัดจ้างหรือสัญญา",
        "Involvement in a procurement or contract",
    ),
    ("other", "อื่น ๆ", "Other"),
)
FIRST_ANNUAL = sa.text("kind = 'annual' AND supersedes_id IS NULL")
EVIDENCE = ("conflict_declaration", "conflict_interest", "conflict_decision")


def upgrade():
    with op.batch_alter_table("organisation_settings", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("conflict_declaration_days", sa.Integer(), nullable=False, server_default="60")
        )
    category = op.create_table(
        "conflict_interest_category",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name_th", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conflict_interest_category")),
        sa.UniqueConstraint("code", name=op.f("uq_conflict_interest_category_code")),
    )
    op.create_table(
        "conflict_declaration",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("fiscal_year", sa.Integer(), nullable=False),
        sa.Column("situation", sa.String(length=300), nullable=False),
        sa.Column("situation_on", sa.Date(), nullable=True),
        sa.Column("has_interests", sa.Boolean(), nullable=False),
        sa.Column("confirmed", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("question_id", sa.Integer(), nullable=True),
        sa.Column("supersedes_id", sa.Integer(), nullable=True),
        sa.Column("correction_reason", sa.Text(), nullable=False),
        sa.Column("declared_by_id", sa.Integer(), nullable=False),
        sa.Column("declared_at", ethics_hr.core.models.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["declared_by_id"],
            ["user_account.id"],
            name=op.f("fk_conflict_declaration_declared_by_id_user_account"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_conflict_declaration_person_id_person")
        ),
        sa.ForeignKeyConstraint(
            ["question_id"],
            ["ethics_question.id"],
            name=op.f("fk_conflict_declaration_question_id_ethics_question"),
        ),
        sa.ForeignKeyConstraint(
            ["supersedes_id"],
            ["conflict_declaration.id"],
            name=op.f("fk_conflict_declaration_supersedes_id_conflict_declaration"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conflict_declaration")),
        sa.UniqueConstraint("supersedes_id", name=op.f("uq_conflict_declaration_supersedes_id")),
    )
    op.create_index(
        "ix_conflict_declaration_person_year", "conflict_declaration", ["person_id", "fiscal_year", "kind"]
    )
    op.create_index(op.f("ix_conflict_declaration_question_id"), "conflict_declaration", ["question_id"])
    op.create_index("ix_conflict_declaration_year", "conflict_declaration", ["fiscal_year", "declared_at"])
    op.create_index(
        "uq_conflict_declaration_first_annual",
        "conflict_declaration",
        ["person_id", "fiscal_year"],
        unique=True,
        sqlite_where=FIRST_ANNUAL,
        postgresql_where=FIRST_ANNUAL,
    )
    op.create_table(
        "conflict_decision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("declaration_id", sa.Integer(), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("measure", sa.Text(), nullable=False),
        sa.Column("referred_to", sa.String(length=300), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("decided_as", sa.String(length=20), nullable=False),
        sa.Column("decided_by_id", sa.Integer(), nullable=False),
        sa.Column("decided_at", ethics_hr.core.models.UTCDateTime(), nullable=False),
        sa.Column("replaces_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["decided_by_id"],
            ["user_account.id"],
            name=op.f("fk_conflict_decision_decided_by_id_user_account"),
        ),
        sa.ForeignKeyConstraint(
            ["declaration_id"],
            ["conflict_declaration.id"],
            name=op.f("fk_conflict_decision_declaration_id_conflict_declaration"),
        ),
        sa.ForeignKeyConstraint(
            ["replaces_id"],
            ["conflict_decision.id"],
            name=op.f("fk_conflict_decision_replaces_id_conflict_decision"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conflict_decision")),
    )
    op.create_index(op.f("ix_conflict_decision_declaration_id"), "conflict_decision", ["declaration_id"])
    op.create_table(
        "conflict_interest",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("declaration_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("category_id", sa.Integer(), nullable=False),
        sa.Column("description", sa.String(length=1000), nullable=False),
        sa.Column("other_party", sa.String(length=300), nullable=False),
        sa.Column("relation", sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(
            ["category_id"],
            ["conflict_interest_category.id"],
            name=op.f("fk_conflict_interest_category_id_conflict_interest_category"),
        ),
        sa.ForeignKeyConstraint(
            ["declaration_id"],
            ["conflict_declaration.id"],
            name=op.f("fk_conflict_interest_declaration_id_conflict_declaration"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conflict_interest")),
    )
    op.create_index(op.f("ix_conflict_interest_declaration_id"), "conflict_interest", ["declaration_id"])
    for table in EVIDENCE:
        create_triggers_in_migration(op, table)
    op.bulk_insert(
        category,
        [
            {"code": code, "name_th": th, "name_en": en, "sort_order": order, "active": True}
            for order, (code, th, en) in enumerate(CATEGORIES, start=1)
        ],
    )


def downgrade():
    postgresql = op.get_bind().dialect.name == "postgresql"
    for table in reversed(EVIDENCE):
        if postgresql:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}")
        op.drop_table(table)
    op.drop_table("conflict_interest_category")
    with op.batch_alter_table("organisation_settings", schema=None) as batch_op:
        batch_op.drop_column("conflict_declaration_days")
