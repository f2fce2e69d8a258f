"""training sessions' pre- and post-tests, evaluations (append-only; anonymous ones without a person),
the marks of who has evaluated (append-only), their counts, the counts of a year's outcome, and
certificates revoked by the domain itself (an attendance corrected)

Revision ID: 0026
Revises: 0025
Create Date: 2026-12-03 14:10:24

"""
import sqlalchemy as sa
from alembic import op

import ethics_hr.core.models
from ethics_hr.core.append_only import create_triggers_in_migration


# revision identifiers, used by Alembic.
revision = "0026"
down_revision = "0025"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('learning_outcome_tally',
    sa.Column('fiscal_year', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('phase', sa.String(length=8), nullable=False),
    sa.Column('topic', sa.String(length=24), nullable=False),
    sa.Column('department_key', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('staff_category_id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('answered', sa.Integer(), nullable=False),
    sa.Column('correct', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('fiscal_year', 'phase', 'topic', 'department_key', 'staff_category_id', name=op.f('pk_learning_outcome_tally'))
    )
    op.create_table('training_evaluation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('submitted_on', sa.Date(), nullable=False),
    sa.Column('content', sa.Integer(), nullable=False),
    sa.Column('speaker', sa.Integer(), nullable=False),
    sa.Column('usefulness', sa.Integer(), nullable=False),
    sa.Column('arrangements', sa.Integer(), nullable=False),
    sa.Column('overall', sa.Integer(), nullable=False),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.CheckConstraint('arrangements BETWEEN 1 AND 5', name=op.f('ck_training_evaluation_arrangements_rating')),
    sa.CheckConstraint('content BETWEEN 1 AND 5', name=op.f('ck_training_evaluation_content_rating')),
    sa.CheckConstraint('overall BETWEEN 1 AND 5', name=op.f('ck_training_evaluation_overall_rating')),
    sa.CheckConstraint('speaker BETWEEN 1 AND 5', name=op.f('ck_training_evaluation_speaker_rating')),
    sa.CheckConstraint('usefulness BETWEEN 1 AND 5', name=op.f('ck_training_evaluation_usefulness_rating')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_training_evaluation_person_id_person')),
    sa.ForeignKeyConstraint(['session_id'], ['training_session.id'], name=op.f('fk_training_evaluation_session_id_training_session')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_training_evaluation'))
    )
    with op.batch_alter_table('training_evaluation', schema=None) as batch_op:
        batch_op.create_index('ix_training_evaluation_session', ['session_id', 'id'], unique=False)

    op.create_table('training_evaluation_mark',
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('evaluated_at', ethics_hr.core.models.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_training_evaluation_mark_person_id_person')),
    sa.ForeignKeyConstraint(['session_id'], ['training_session.id'], name=op.f('fk_training_evaluation_mark_session_id_training_session')),
    sa.PrimaryKeyConstraint('session_id', 'person_id', name=op.f('pk_training_evaluation_mark'))
    )
    op.create_table('training_evaluation_tally',
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('criterion', sa.String(length=16), nullable=False),
    sa.Column('rating', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['session_id'], ['training_session.id'], name=op.f('fk_training_evaluation_tally_session_id_training_session')),
    sa.PrimaryKeyConstraint('session_id', 'criterion', 'rating', name=op.f('pk_training_evaluation_tally'))
    )
    op.create_table('training_session_test',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('phase', sa.String(length=4), nullable=False),
    sa.Column('pass_percent', sa.Integer(), nullable=False),
    sa.Column('required_for_certificate', sa.Boolean(), nullable=False),
    sa.CheckConstraint('pass_percent BETWEEN 0 AND 100', name=op.f('ck_training_session_test_pass_percent_range')),
    sa.ForeignKeyConstraint(['session_id'], ['training_session.id'], name=op.f('fk_training_session_test_session_id_training_session'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_training_session_test')),
    sa.UniqueConstraint('session_id', 'phase', name=op.f('uq_training_session_test_session_id_phase'))
    )
    op.create_table('training_session_test_question',
    sa.Column('test_id', sa.Integer(), nullable=False),
    sa.Column('question_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['question_id'], ['learning_question.id'], name=op.f('fk_training_session_test_question_question_id_learning_question')),
    sa.ForeignKeyConstraint(['test_id'], ['training_session_test.id'], name=op.f('fk_training_session_test_question_test_id_training_session_test'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('test_id', 'question_id', name=op.f('pk_training_session_test_question'))
    )
    with op.batch_alter_table('training_session', schema=None) as batch_op:
        batch_op.add_column(sa.Column('evaluation', sa.String(length=10), server_default='anonymous', nullable=False))

    with op.batch_alter_table('learning_certificate_revocation', schema=None) as batch_op:
        batch_op.add_column(sa.Column('automatic', sa.Boolean(), server_default=sa.false(), nullable=False))

    for table in ("training_evaluation", "training_evaluation_mark"):
        create_triggers_in_migration(op, table)


def _drop_column(table: str, column: str) -> None:
    # SQLite drops a plain column in place (3.35+); batch mode would copy the table and drop the old one,
    # which its foreign keys refuse while rows point at it (training_session is everywhere).
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    else:
        op.drop_column(table, column)


def downgrade():
    _drop_column("learning_certificate_revocation", "automatic")
    _drop_column("training_session", "evaluation")
    op.drop_table('training_session_test_question')
    op.drop_table('training_session_test')
    op.drop_table('training_evaluation_tally')
    op.drop_table('training_evaluation_mark')
    with op.batch_alter_table('training_evaluation', schema=None) as batch_op:
        batch_op.drop_index('ix_training_evaluation_session')

    op.drop_table('training_evaluation')
    op.drop_table('learning_outcome_tally')
