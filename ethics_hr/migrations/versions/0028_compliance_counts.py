"""compliance with each published code version kept counted per department and staff category

Revision ID: 0028
Revises: 0027
Create Date: 2026-12-05 00:45:00

The counts start empty: until the hourly job `codes_compliance_counts` has counted a version (or an
acknowledgment of it is made), its compliance page counts from the acknowledgments themselves, as before.
"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0028"
down_revision = "0027"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "code_compliance_tally",
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("department_key", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("staff_category_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("people", sa.Integer(), nullable=False),
        sa.Column("acknowledged", sa.Integer(), nullable=False),
        sa.Column("due_again", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["version_id"], ["code_version.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("version_id", "department_key", "staff_category_id"),
    )
    op.create_table(
        "code_compliance_tally_day",
        sa.Column("version_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(["version_id"], ["code_version.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("version_id"),
    )
    op.create_index("ix_person_start_date", "person", ["start_date"])


def downgrade():
    op.drop_index("ix_person_start_date", table_name="person")
    op.drop_table("code_compliance_tally_day")
    op.drop_table("code_compliance_tally")
