"""the active people kept counted per department and staff category, and of them those who signed each
pledge and who made each fiscal year's annual declaration of interests; worked out from the rows already there

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-03 08:10:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None

# The migration's own copy of the rule (people.headcount): active people only, 0 for no department; the
# first annual declaration of a person and year; a pledge's signatures.
BACKFILL = (
    """
    INSERT INTO headcount (department_key, staff_category_id, people)
    SELECT COALESCE(department_id, 0), staff_category_id, count(*)
    FROM person WHERE active GROUP BY COALESCE(department_id, 0), staff_category_id
    """,
    """
    INSERT INTO group_tally (subject, subject_id, department_key, staff_category_id, people)
    SELECT 'pledge', s.pledge_id, COALESCE(p.department_id, 0), p.staff_category_id, count(*)
    FROM pledge_signature s JOIN person p ON p.id = s.person_id
    WHERE p.active
    GROUP BY s.pledge_id, COALESCE(p.department_id, 0), p.staff_category_id
    """,
    """
    INSERT INTO group_tally (subject, subject_id, department_key, staff_category_id, people)
    SELECT 'annual_declaration', d.fiscal_year, COALESCE(p.department_id, 0), p.staff_category_id, count(*)
    FROM conflict_declaration d JOIN person p ON p.id = d.person_id
    WHERE p.active AND d.kind = 'annual' AND d.supersedes_id IS NULL
    GROUP BY d.fiscal_year, COALESCE(p.department_id, 0), p.staff_category_id
    """,
)


def upgrade():
    op.create_table(
        "headcount",
        sa.Column("department_key", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("staff_category_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("people", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("department_key", "staff_category_id", name=op.f("pk_headcount")),
    )
    op.create_table(
        "group_tally",
        sa.Column("subject", sa.String(length=40), nullable=False),
        sa.Column("subject_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("department_key", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("staff_category_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("people", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(
            "subject", "subject_id", "department_key", "staff_category_id", name=op.f("pk_group_tally")
        ),
    )
    for statement in BACKFILL:
        op.execute(statement)


def downgrade():
    op.drop_table("group_tally")
    op.drop_table("headcount")
