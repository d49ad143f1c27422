"""A text field's case rule: the letters' case its values are stored in (a MAC address in upper case).

Fields defined before this revision keep their values as typed ("exact").

Revision ID: 0021_field_case
Revises: 0021_stocktake_names
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

from snapp.domain.fields import LetterCase
from snapp.domain.statuses import check_constraint

revision = "0021_field_case"
down_revision = "0021_stocktake_names"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("field_defs") as batch:
        batch.add_column(sa.Column("letter_case", sa.String(8), nullable=False, server_default=LetterCase.EXACT.value))
        batch.create_check_constraint(op.f("ck_field_defs_letter_case"), check_constraint("letter_case", LetterCase))


def downgrade() -> None:
    with op.batch_alter_table("field_defs") as batch:
        batch.drop_constraint(op.f("ck_field_defs_letter_case"), type_="check")
        batch.drop_column("letter_case")
