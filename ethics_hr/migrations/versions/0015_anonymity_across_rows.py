"""anonymity across rows: anonymous acts wait for the morning's audit batch; a message's place in its thread

Anonymous questions' ids are drawn at random from now on, so a thread is ordered by its messages' places, not
their ids: the existing messages take their places in the order of their ids.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-02 14:00:00

"""

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "audit_deferred",
        sa.Column("key", sa.String(length=32), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("action", sa.String(length=10), nullable=False),
        sa.Column("entity_type", sa.String(length=64), nullable=False),
        sa.Column("entity_id", sa.String(length=64), nullable=False),
        sa.Column("step", sa.Integer(), nullable=False),
        sa.Column("changes", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_audit_deferred")),
    )
    with op.batch_alter_table("audit_deferred", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_deferred_day"), ["day"], unique=False)
    with op.batch_alter_table("ethics_question_message", schema=None) as batch_op:
        batch_op.add_column(sa.Column("position", sa.Integer(), nullable=False, server_default="0"))
    op.execute(
        "UPDATE ethics_question_message SET position = (SELECT count(*) FROM ethics_question_message AS m"
        " WHERE m.question_id = ethics_question_message.question_id AND m.id <= ethics_question_message.id)"
    )


def downgrade():
    with op.batch_alter_table("ethics_question_message", schema=None) as batch_op:
        batch_op.drop_column("position")
    with op.batch_alter_table("audit_deferred", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_deferred_day"))
    op.drop_table("audit_deferred")
