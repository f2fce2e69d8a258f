"""the gift register's kept sums: a row per group (one giver's gifts to one person on one occasion in a
fiscal year: total, the day it went above the threshold, gifts waiting for the head) and a fiscal year's
count and value of gifts by outcome; both worked out from the gifts already recorded

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-02 23:48:49

"""

from datetime import date
from decimal import Decimal
from itertools import groupby

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None

GIFTS = sa.text(
    """
    SELECT g.person_id, g.fiscal_year, g.occasion_id, g.giver_key, g.received_on, g.value_baht,
           d.id IS NOT NULL AS decided, COALESCE(d.outcome, g.outcome) AS outcome
    FROM gift g
    LEFT JOIN gift_decision d
      ON d.id = (SELECT max(n.id) FROM gift_decision n WHERE n.gift_id = g.id)
    ORDER BY g.person_id, g.fiscal_year, g.occasion_id, g.giver_key, g.received_on, g.id
    """
)


def upgrade():
    gift_tally = op.create_table(
        "gift_tally",
        sa.Column("fiscal_year", sa.Integer(), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("gifts", sa.Integer(), nullable=False),
        sa.Column("total", sa.Numeric(precision=16, scale=2), nullable=False),
        sa.PrimaryKeyConstraint("fiscal_year", "outcome", name=op.f("pk_gift_tally")),
    )
    gift_group = op.create_table(
        "gift_group",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("fiscal_year", sa.Integer(), nullable=False),
        sa.Column("occasion_id", sa.Integer(), nullable=False),
        sa.Column("giver_key", sa.String(length=401), nullable=False),
        sa.Column("gifts", sa.Integer(), nullable=False),
        sa.Column("total", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("crossed_on", sa.Date(), nullable=True),
        sa.Column("decided", sa.Integer(), nullable=False),
        sa.Column("waiting", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["occasion_id"], ["gift_occasion.id"], name=op.f("fk_gift_group_occasion_id_gift_occasion")
        ),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=op.f("fk_gift_group_person_id_person")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_gift_group")),
        sa.UniqueConstraint(
            "person_id",
            "fiscal_year",
            "occasion_id",
            "giver_key",
            name=op.f("uq_gift_group_person_id_fiscal_year_occasion_id_giver_key"),
        ),
    )
    with op.batch_alter_table("gift_group", schema=None) as batch_op:
        batch_op.create_index(
            "ix_gift_group_waiting",
            ["fiscal_year", "crossed_on", "waiting"],
            unique=False,
            sqlite_where=sa.text("waiting > 0"),
            postgresql_where=sa.text("waiting > 0"),
        )
    with op.batch_alter_table("gift", schema=None) as batch_op:
        batch_op.create_index("ix_gift_received", ["fiscal_year", "received_on"], unique=False)
    _backfill(gift_group, gift_tally)


def _backfill(gift_group, gift_tally):
    """Work out the sums of the gifts already recorded, with the threshold in force (as the app does)."""
    bind = op.get_bind()
    threshold = Decimal(
        bind.execute(sa.text("SELECT gift_report_threshold FROM organisation_settings")).scalar() or 3000
    )
    rows = bind.execute(GIFTS).all()
    groups, tallies = [], {}
    for key, gifts in groupby(rows, key=lambda r: tuple(r[:4])):
        count, total, crossed_on, decided = 0, Decimal(0), None, 0
        for row in gifts:
            value = Decimal(str(row.value_baht))
            count, total = count + 1, total + value
            if crossed_on is None and total > threshold:
                # SQLite hands a date back from a plain query as text
                crossed_on = row.received_on if isinstance(row.received_on, date) else date.fromisoformat(row.received_on)
            decided += 1 if row.decided else 0
            tally = tallies.setdefault((row.fiscal_year, row.outcome), [0, Decimal(0)])
            tally[0], tally[1] = tally[0] + 1, tally[1] + value
        groups.append(
            {
                "person_id": key[0],
                "fiscal_year": key[1],
                "occasion_id": key[2],
                "giver_key": key[3],
                "gifts": count,
                "total": total,
                "crossed_on": crossed_on,
                "decided": decided,
                "waiting": count - decided if crossed_on is not None else 0,
            }
        )
    if groups:
        op.bulk_insert(gift_group, groups)
    if tallies:
        op.bulk_insert(
            gift_tally,
            [
                {"fiscal_year": fy, "outcome": outcome, "gifts": n, "total": value}
                for (fy, outcome), (n, value) in tallies.items()
            ],
        )


def downgrade():
    with op.batch_alter_table("gift", schema=None) as batch_op:
        batch_op.drop_index("ix_gift_received")
    with op.batch_alter_table("gift_group", schema=None) as batch_op:
        batch_op.drop_index("ix_gift_group_waiting")
    op.drop_table("gift_group")
    op.drop_table("gift_tally")
