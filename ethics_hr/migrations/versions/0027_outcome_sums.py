"""the year's outcome kept added up per topic, department, staff category and in all, beside its rows

Revision ID: 0027
Revises: 0026
Create Date: 2026-12-04 21:40:00

"""

from alembic import op

# revision identifiers, used by Alembic.
revision = "0027"
down_revision = "0026"
branch_labels = None
depends_on = None

# As ethics_hr.learning.models has them: the key of a row that adds up every topic, department or category.
ALL_TOPICS = "*"
ALL = -1
ROWS = f"topic <> '{ALL_TOPICS}' AND department_key <> {ALL} AND staff_category_id <> {ALL}"
COLUMNS = "fiscal_year, phase, topic, department_key, staff_category_id, answered, correct"


def upgrade():
    op.create_index(
        "ix_learning_outcome_tally_sums",
        "learning_outcome_tally",
        ["fiscal_year", "topic", "staff_category_id", "department_key"],
    )
    for keys, by in (
        (f"topic, {ALL}, {ALL}", ", topic"),
        (f"'{ALL_TOPICS}', department_key, {ALL}", ", department_key"),
        (f"'{ALL_TOPICS}', {ALL}, staff_category_id", ", staff_category_id"),
        (f"'{ALL_TOPICS}', {ALL}, {ALL}", ""),
    ):
        op.execute(
            f"INSERT INTO learning_outcome_tally ({COLUMNS}) "
            f"SELECT fiscal_year, phase, {keys}, SUM(answered), SUM(correct) FROM learning_outcome_tally "
            f"WHERE {ROWS} GROUP BY fiscal_year, phase{by}"
        )


def downgrade():
    op.execute(f"DELETE FROM learning_outcome_tally WHERE NOT ({ROWS})")
    op.drop_index("ix_learning_outcome_tally_sums", table_name="learning_outcome_tally")
