"""certificates (append-only) and their revocations (append-only); who signs them, in the settings

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-03 12:50:00

"""

import sqlalchemy as sa
from alembic import op

import ethics_hr.core.models
from ethics_hr.core.append_only import create_triggers_in_migration

# revision identifiers, used by Alembic.
revision = "0025"
down_revision = "0024"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('learning_certificate',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('purpose', sa.String(length=16), nullable=False),
    sa.Column('subject_id', sa.Integer(), nullable=False),
    sa.Column('edition', sa.Integer(), nullable=False),
    sa.Column('title_th', sa.String(length=400), nullable=False),
    sa.Column('title_en', sa.String(length=400), nullable=False),
    sa.Column('hours', sa.Double(), nullable=True),
    sa.Column('achieved_on', sa.Date(), nullable=False),
    sa.Column('holder_th', sa.String(length=300), nullable=False),
    sa.Column('holder_en', sa.String(length=300), nullable=False),
    sa.Column('signatory', sa.String(length=200), nullable=False),
    sa.Column('signatory_title_th', sa.String(length=200), nullable=False),
    sa.Column('signatory_title_en', sa.String(length=200), nullable=False),
    sa.Column('issued_at', ethics_hr.core.models.UTCDateTime(), nullable=False),
    sa.Column('issued_by_id', sa.Integer(), nullable=True),
    sa.Column('reissue_of_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['issued_by_id'], ['user_account.id'], name=op.f('fk_learning_certificate_issued_by_id_user_account')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_learning_certificate_person_id_person')),
    sa.ForeignKeyConstraint(['reissue_of_id'], ['learning_certificate.id'], name=op.f('fk_learning_certificate_reissue_of_id_learning_certificate')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_learning_certificate')),
    sa.UniqueConstraint('code', name=op.f('uq_learning_certificate_code')),
    sa.UniqueConstraint('purpose', 'subject_id', 'person_id', 'edition', name=op.f('uq_learning_certificate_purpose_subject_id_person_id_edition'))
    )
    with op.batch_alter_table('learning_certificate', schema=None) as batch_op:
        batch_op.create_index('ix_learning_certificate_person', ['person_id', 'id'], unique=False)

    op.create_table('learning_certificate_revocation',
    sa.Column('certificate_id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('revoked_at', ethics_hr.core.models.UTCDateTime(), nullable=False),
    sa.Column('revoked_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['certificate_id'], ['learning_certificate.id'], name=op.f('fk_learning_certificate_revocation_certificate_id_learning_certificate')),
    sa.ForeignKeyConstraint(['revoked_by_id'], ['user_account.id'], name=op.f('fk_learning_certificate_revocation_revoked_by_id_user_account')),
    sa.PrimaryKeyConstraint('certificate_id', name=op.f('pk_learning_certificate_revocation'))
    )
    with op.batch_alter_table('organisation_settings', schema=None) as batch_op:
        batch_op.add_column(sa.Column('certificate_signatory', sa.String(length=200), server_default='', nullable=False))
        batch_op.add_column(sa.Column('certificate_signatory_title_th', sa.String(length=200), server_default='', nullable=False))
        batch_op.add_column(sa.Column('certificate_signatory_title_en', sa.String(length=200), server_default='', nullable=False))

    for table in ("learning_certificate", "learning_certificate_revocation"):
        create_triggers_in_migration(op, table)


def downgrade():
    with op.batch_alter_table('organisation_settings', schema=None) as batch_op:
        batch_op.drop_column('certificate_signatory_title_en')
        batch_op.drop_column('certificate_signatory_title_th')
        batch_op.drop_column('certificate_signatory')

    op.drop_table('learning_certificate_revocation')
    with op.batch_alter_table('learning_certificate', schema=None) as batch_op:
        batch_op.drop_index('ix_learning_certificate_person')

    op.drop_table('learning_certificate')
