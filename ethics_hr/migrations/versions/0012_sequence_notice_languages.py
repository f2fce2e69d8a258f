"""training sessions: a calendar sequence counter; notices: an English text beside the Thai one

A session's SEQUENCE in its .ics was the minute of its last update, so several changes within one minute carried
the same number and calendars kept the older copy. The counter goes up by one with every change a calendar shows.
Sessions already there start from 0, as their files said nothing reliable before.

A notice was written once, in its reader's language of that day, and stayed so when they read in the other
language. It now keeps both; a notice written before has only the text it had (title_en stays empty).

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-01 23:00:00

"""

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("training_session", schema=None) as batch_op:
        batch_op.add_column(sa.Column("sequence", sa.Integer(), server_default="0", nullable=False))
    with op.batch_alter_table("notice", schema=None) as batch_op:
        batch_op.add_column(sa.Column("title_en", sa.String(length=300), server_default="", nullable=False))
        batch_op.add_column(sa.Column("body_en", sa.Text(), server_default="", nullable=False))


def downgrade():
    with op.batch_alter_table("notice", schema=None) as batch_op:
        batch_op.drop_column("body_en")
        batch_op.drop_column("title_en")
    with op.batch_alter_table("training_session", schema=None) as batch_op:
        batch_op.drop_column("sequence")
