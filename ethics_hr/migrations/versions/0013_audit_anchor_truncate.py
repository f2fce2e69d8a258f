"""evidence tables refuse TRUNCATE; the audit chain's daily anchor

UPDATE and DELETE were refused on the acknowledgments, the attendance records and the audit log, but TRUNCATE
fires no row trigger on PostgreSQL and emptied them. Each now has a statement trigger that refuses it (SQLite has
no TRUNCATE, and its DELETE trigger already holds).

audit_anchor holds the chain's head once a day (entries, last id, last hash), append-only like the chain: a copy
is mailed and published, so `audit verify` finds entries removed even from the end.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02 07:00:00

"""

from alembic import op
import sqlalchemy as sa

import ethics_hr.core.models

from ethics_hr.core.append_only import create_triggers_in_migration, truncate_trigger


# revision identifiers, used by Alembic.
revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

EVIDENCE = ("code_acknowledgment", "training_attendance", "audit_entry")


def upgrade():
    op.create_table(
        "audit_anchor",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("anchored_on", sa.Date(), nullable=False),
        sa.Column("entries", sa.Integer(), nullable=False),
        sa.Column("head_id", sa.Integer(), nullable=False),
        sa.Column("head_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", ethics_hr.core.models.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_anchor")),
        sa.UniqueConstraint("anchored_on", name=op.f("uq_audit_anchor_anchored_on")),
    )
    create_triggers_in_migration(op, "audit_anchor")
    if op.get_bind().dialect.name == "postgresql":
        for table in EVIDENCE:
            # A database built from the migrations of this version already has it (0002, 0004 and 0001 create
            # the triggers of today); one upgraded from 0012 does not.
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}")
            op.execute(truncate_trigger(table))


def downgrade():
    if op.get_bind().dialect.name == "postgresql":
        for table in EVIDENCE:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}")
    op.drop_table("audit_anchor")
