"""first run: the organisation's logo and the first-run steps confirmed; no placeholder stored as a name

Until now a new installation stored "หน่วยงานของท่าน" / "Your organisation" as the organisation's name, so
nothing could tell a name never set from a real one and every page said "หน่วยงานของท่าน" silently. The name is
now empty until the administrator sets it; a row still holding the old placeholder is emptied, so its
administrator sees the first-run step.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-27 09:00:00

"""

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

PLACEHOLDERS = (("name_th", "หน่วยงานของท่าน"), ("name_en", "Your organisation"))


def upgrade():
    with op.batch_alter_table("organisation_settings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("logo_file_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("setup_confirmed", sa.JSON(), server_default="[]", nullable=False))
        batch_op.create_foreign_key(
            batch_op.f("fk_organisation_settings_logo_file_id_stored_file"),
            "stored_file",
            ["logo_file_id"],
            ["id"],
            ondelete="SET NULL",
        )
    settings = sa.table("organisation_settings", sa.column("name_th"), sa.column("name_en"))
    for column, placeholder in PLACEHOLDERS:
        op.execute(settings.update().where(settings.c[column] == placeholder).values({column: ""}))


def downgrade():
    settings = sa.table("organisation_settings", sa.column("name_th"), sa.column("name_en"))
    for column, placeholder in PLACEHOLDERS:
        op.execute(settings.update().where(settings.c[column] == "").values({column: placeholder}))
    with op.batch_alter_table("organisation_settings", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_organisation_settings_logo_file_id_stored_file"), type_="foreignkey"
        )
        batch_op.drop_column("setup_confirmed")
        batch_op.drop_column("logo_file_id")
