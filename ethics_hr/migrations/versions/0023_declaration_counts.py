"""the declarations of interests' kept counts (a fiscal year's current declarations by kind, interests and
latest decision) and the declarations waiting for a decision; both worked out from the rows already there

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-03 08:40:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None

# The migration's own copy of the rule (conflicts.kept): a declaration is current when no correction
# supersedes it; its outcome is its latest decision's ('' for none); it waits when it has interests and no
# decision.
CURRENT = "NOT EXISTS (SELECT 1 FROM conflict_declaration n WHERE n.supersedes_id = d.id)"
BACKFILL = (
    f"""
    INSERT INTO conflict_tally (fiscal_year, kind, has_interests, outcome, declarations)
    SELECT fiscal_year, kind, has_interests, outcome, count(*) FROM (
        SELECT d.fiscal_year, d.kind, d.has_interests,
               COALESCE((SELECT x.outcome FROM conflict_decision x WHERE x.declaration_id = d.id
                         ORDER BY x.id DESC LIMIT 1), '') AS outcome
        FROM conflict_declaration d WHERE {CURRENT}
    ) AS current_declarations
    GROUP BY fiscal_year, kind, has_interests, outcome
    """,
    f"""
    INSERT INTO conflict_waiting (declaration_id, fiscal_year, person_id)
    SELECT d.id, d.fiscal_year, d.person_id FROM conflict_declaration d
    WHERE d.has_interests AND {CURRENT}
      AND NOT EXISTS (SELECT 1 FROM conflict_decision x WHERE x.declaration_id = d.id)
    """,
)


def upgrade():
    op.create_table(
        "conflict_tally",
        sa.Column("fiscal_year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("has_interests", sa.Boolean(), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("declarations", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(
            "fiscal_year", "kind", "has_interests", "outcome", name=op.f("pk_conflict_tally")
        ),
    )
    op.create_table(
        "conflict_waiting",
        sa.Column("declaration_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("fiscal_year", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["declaration_id"],
            ["conflict_declaration.id"],
            name=op.f("fk_conflict_waiting_declaration_id_conflict_declaration"),
        ),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=op.f("fk_conflict_waiting_person_id_person")),
        sa.PrimaryKeyConstraint("declaration_id", name=op.f("pk_conflict_waiting")),
    )
    with op.batch_alter_table("conflict_waiting", schema=None) as batch_op:
        batch_op.create_index("ix_conflict_waiting_year", ["fiscal_year", "declaration_id"], unique=False)
    for statement in BACKFILL:
        op.execute(statement)


def downgrade():
    with op.batch_alter_table("conflict_waiting", schema=None) as batch_op:
        batch_op.drop_index("ix_conflict_waiting_year")
    op.drop_table("conflict_waiting")
    op.drop_table("conflict_tally")
