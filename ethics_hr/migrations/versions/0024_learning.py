"""the question bank (questions and choices), the quizzes of code versions, people's attempts and answers
(both append-only), and the counts kept of them

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-03 12:10:00

"""

import sqlalchemy as sa
from alembic import op

import ethics_hr.core.models
from ethics_hr.core.append_only import create_triggers_in_migration

# revision identifiers, used by Alembic.
revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('learning_answer_tally',
    sa.Column('purpose', sa.String(length=16), nullable=False),
    sa.Column('subject_id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('question_id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('department_key', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('staff_category_id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('answered', sa.Integer(), nullable=False),
    sa.Column('correct', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('purpose', 'subject_id', 'question_id', 'department_key', 'staff_category_id', name=op.f('pk_learning_answer_tally'))
    )
    op.create_table('learning_attempt_tally',
    sa.Column('purpose', sa.String(length=16), nullable=False),
    sa.Column('subject_id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('department_key', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('staff_category_id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('passed', sa.Integer(), nullable=False),
    sa.Column('people_tried', sa.Integer(), nullable=False),
    sa.Column('people_passed', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('purpose', 'subject_id', 'department_key', 'staff_category_id', name=op.f('pk_learning_attempt_tally'))
    )
    op.create_table('learning_attempt',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('purpose', sa.String(length=16), nullable=False),
    sa.Column('subject_id', sa.Integer(), nullable=False),
    sa.Column('department_id', sa.Integer(), nullable=True),
    sa.Column('staff_category_id', sa.Integer(), nullable=False),
    sa.Column('submitted_at', ethics_hr.core.models.UTCDateTime(), nullable=False),
    sa.Column('question_order', sa.Text(), nullable=False),
    sa.Column('correct_count', sa.Integer(), nullable=False),
    sa.Column('total', sa.Integer(), nullable=False),
    sa.Column('pass_percent', sa.Integer(), nullable=False),
    sa.Column('passed', sa.Boolean(), nullable=False),
    sa.Column('locale', sa.String(length=5), nullable=False),
    sa.ForeignKeyConstraint(['department_id'], ['department.id'], name=op.f('fk_learning_attempt_department_id_department')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_learning_attempt_person_id_person')),
    sa.ForeignKeyConstraint(['staff_category_id'], ['staff_category.id'], name=op.f('fk_learning_attempt_staff_category_id_staff_category')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_learning_attempt'))
    )
    with op.batch_alter_table('learning_attempt', schema=None) as batch_op:
        batch_op.create_index('ix_learning_attempt_person', ['person_id', 'purpose', 'subject_id'], unique=False)

    op.create_table('code_quiz',
    sa.Column('version_id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('pass_percent', sa.Integer(), nullable=False),
    sa.Column('required', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['version_id'], ['code_version.id'], name=op.f('fk_code_quiz_version_id_code_version'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('version_id', name=op.f('pk_code_quiz'))
    )
    op.create_table('learning_question',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('topic', sa.String(length=24), nullable=False),
    sa.Column('scenario', sa.Boolean(), nullable=False),
    sa.Column('prompt_th', sa.Text(), nullable=False),
    sa.Column('prompt_en', sa.Text(), nullable=False),
    sa.Column('explanation_th', sa.Text(), nullable=False),
    sa.Column('explanation_en', sa.Text(), nullable=False),
    sa.Column('clause', sa.String(length=60), nullable=False),
    sa.Column('dos_dont_id', sa.Integer(), nullable=True),
    sa.Column('copied_from_id', sa.Integer(), nullable=True),
    sa.Column('frozen_at', ethics_hr.core.models.UTCDateTime(), nullable=True),
    sa.Column('retired_at', ethics_hr.core.models.UTCDateTime(), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', ethics_hr.core.models.UTCDateTime(), nullable=False),
    sa.Column('updated_at', ethics_hr.core.models.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['copied_from_id'], ['learning_question.id'], name=op.f('fk_learning_question_copied_from_id_learning_question')),
    sa.ForeignKeyConstraint(['created_by_id'], ['user_account.id'], name=op.f('fk_learning_question_created_by_id_user_account')),
    sa.ForeignKeyConstraint(['dos_dont_id'], ['code_dos_dont.id'], name=op.f('fk_learning_question_dos_dont_id_code_dos_dont'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_learning_question'))
    )
    with op.batch_alter_table('learning_question', schema=None) as batch_op:
        batch_op.create_index('ix_learning_question_topic', ['retired_at', 'topic'], unique=False)

    op.create_table('code_quiz_question',
    sa.Column('version_id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('question_id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['question_id'], ['learning_question.id'], name=op.f('fk_code_quiz_question_question_id_learning_question')),
    sa.ForeignKeyConstraint(['version_id'], ['code_quiz.version_id'], name=op.f('fk_code_quiz_question_version_id_code_quiz'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('version_id', 'question_id', name=op.f('pk_code_quiz_question'))
    )
    op.create_table('learning_answer',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('attempt_id', sa.Integer(), nullable=False),
    sa.Column('question_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('choice_ids', sa.String(length=200), nullable=False),
    sa.Column('correct', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['attempt_id'], ['learning_attempt.id'], name=op.f('fk_learning_answer_attempt_id_learning_attempt')),
    sa.ForeignKeyConstraint(['question_id'], ['learning_question.id'], name=op.f('fk_learning_answer_question_id_learning_question')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_learning_answer')),
    sa.UniqueConstraint('attempt_id', 'question_id', name=op.f('uq_learning_answer_attempt_id_question_id'))
    )
    with op.batch_alter_table('learning_answer', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_learning_answer_question_id'), ['question_id'], unique=False)

    op.create_table('learning_choice',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('question_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('text_th', sa.Text(), nullable=False),
    sa.Column('text_en', sa.Text(), nullable=False),
    sa.Column('correct', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['question_id'], ['learning_question.id'], name=op.f('fk_learning_choice_question_id_learning_question'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_learning_choice'))
    )
    with op.batch_alter_table('learning_choice', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_learning_choice_question_id'), ['question_id'], unique=False)

    for table in ("learning_attempt", "learning_answer"):
        create_triggers_in_migration(op, table)


def downgrade():
    with op.batch_alter_table('learning_choice', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_learning_choice_question_id'))

    op.drop_table('learning_choice')
    with op.batch_alter_table('learning_answer', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_learning_answer_question_id'))

    op.drop_table('learning_answer')
    op.drop_table('code_quiz_question')
    with op.batch_alter_table('learning_question', schema=None) as batch_op:
        batch_op.drop_index('ix_learning_question_topic')

    op.drop_table('learning_question')
    op.drop_table('code_quiz')
    with op.batch_alter_table('learning_attempt', schema=None) as batch_op:
        batch_op.drop_index('ix_learning_attempt_person')

    op.drop_table('learning_attempt')
    op.drop_table('learning_attempt_tally')
    op.drop_table('learning_answer_tally')
