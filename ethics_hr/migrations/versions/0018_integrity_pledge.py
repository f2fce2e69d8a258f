"""the integrity pledge (one a fiscal year, its audience and signatures, append-only) and the periodic
re-acknowledgment of codes (a version's "every N months"; an acknowledgment may be renewed)

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-02 19:00:00

"""

from alembic import op
import sqlalchemy as sa

import ethics_hr.core.models
from ethics_hr.core.append_only import create_triggers_in_migration


# revision identifiers, used by Alembic.
revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def _drop_append_only_triggers(table: str) -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
        op.execute(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}")
    else:
        op.execute(f"DROP TRIGGER IF EXISTS {table}_no_update")
        op.execute(f"DROP TRIGGER IF EXISTS {table}_no_delete")


def upgrade():
    op.create_table(
        "pledge",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("fiscal_year", sa.Integer(), nullable=False),
        sa.Column("title_th", sa.String(length=300), nullable=False),
        sa.Column("title_en", sa.String(length=300), nullable=False),
        sa.Column("body_th", sa.Text(), nullable=False),
        sa.Column("body_en", sa.Text(), nullable=False),
        sa.Column("opens_on", sa.Date(), nullable=False),
        sa.Column("closes_on", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("content_sha256", sa.String(length=64), nullable=True),
        sa.Column("opened_at", ethics_hr.core.models.UTCDateTime(), nullable=True),
        sa.Column("opened_by_id", sa.Integer(), nullable=True),
        sa.Column("closed_at", ethics_hr.core.models.UTCDateTime(), nullable=True),
        sa.Column("closed_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", ethics_hr.core.models.UTCDateTime(), nullable=False),
        sa.Column("updated_at", ethics_hr.core.models.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["opened_by_id"], ["user_account.id"], name=op.f("fk_pledge_opened_by_id_user_account")
        ),
        sa.ForeignKeyConstraint(
            ["closed_by_id"], ["user_account.id"], name=op.f("fk_pledge_closed_by_id_user_account")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pledge")),
        sa.UniqueConstraint("fiscal_year", name=op.f("uq_pledge_fiscal_year")),
    )
    op.create_table(
        "pledge_category",
        sa.Column("pledge_id", sa.Integer(), nullable=False),
        sa.Column("staff_category_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["pledge_id"], ["pledge.id"], name=op.f("fk_pledge_category_pledge_id_pledge"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["staff_category_id"],
            ["staff_category.id"],
            name=op.f("fk_pledge_category_staff_category_id_staff_category"),
        ),
        sa.PrimaryKeyConstraint("pledge_id", "staff_category_id", name=op.f("pk_pledge_category")),
    )
    op.create_table(
        "pledge_signature",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pledge_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("content_sha256", sa.String(length=64), nullable=False),
        sa.Column("statement", sa.Text(), nullable=False),
        sa.Column("locale", sa.String(length=5), nullable=False),
        sa.Column("signed_at", ethics_hr.core.models.UTCDateTime(), nullable=False),
        sa.Column("method", sa.String(length=10), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=True),
        sa.Column("signed_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["pledge_id"], ["pledge.id"], name=op.f("fk_pledge_signature_pledge_id_pledge")),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=op.f("fk_pledge_signature_person_id_person")),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"], ["user_account.id"], name=op.f("fk_pledge_signature_recorded_by_id_user_account")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pledge_signature")),
        sa.UniqueConstraint("pledge_id", "person_id", name=op.f("uq_pledge_signature_pledge_id_person_id")),
    )
    op.create_index(op.f("ix_pledge_signature_person_id"), "pledge_signature", ["person_id"])
    create_triggers_in_migration(op, "pledge_signature")

    # Re-acknowledgment: a version may ask for a new acknowledgment every N months; each renewal is a new
    # row, so the one-row-per-person-and-version rule becomes one row per person, version and renewal.
    op.add_column("code_version", sa.Column("reacknowledge_months", sa.Integer(), nullable=True))
    _drop_append_only_triggers("code_acknowledgment")
    with op.batch_alter_table("code_acknowledgment", schema=None) as batch_op:
        batch_op.add_column(sa.Column("renewal", sa.Integer(), nullable=False, server_default="0"))
        batch_op.drop_constraint("uq_code_acknowledgment_person_id_version_id", type_="unique")
        batch_op.create_unique_constraint(
            "uq_code_acknowledgment_person_id_version_id_renewal", ["person_id", "version_id", "renewal"]
        )
    create_triggers_in_migration(op, "code_acknowledgment")


def downgrade():
    _drop_append_only_triggers("code_acknowledgment")
    # The renewals cannot be kept under the one-row-per-person-and-version rule: the first ones stay.
    op.execute("DELETE FROM code_acknowledgment WHERE renewal > 0")
    with op.batch_alter_table("code_acknowledgment", schema=None) as batch_op:
        batch_op.drop_constraint("uq_code_acknowledgment_person_id_version_id_renewal", type_="unique")
        batch_op.create_unique_constraint(
            "uq_code_acknowledgment_person_id_version_id", ["person_id", "version_id"]
        )
        batch_op.drop_column("renewal")
    create_triggers_in_migration(op, "code_acknowledgment")
    # Not a batch: SQLite would copy code_version, which other tables' rows refer to. It drops a column itself.
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE code_version DROP COLUMN reacknowledge_months")
    else:
        op.drop_column("code_version", "reacknowledge_months")

    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS pledge_signature_no_truncate ON pledge_signature")
    op.drop_index(op.f("ix_pledge_signature_person_id"), table_name="pledge_signature")
    op.drop_table("pledge_signature")
    op.drop_table("pledge_category")
    op.drop_table("pledge")
