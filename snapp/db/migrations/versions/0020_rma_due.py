"""The day the desk promised a customer an answer on their return.

A return received before this revision has no promise, so it is never
overdue; the index lets the list and the alerts find the late ones.

Revision ID: 0020_rma_due
Revises: 0014_custom_fields
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0020_rma_due"
down_revision = "0014_custom_fields"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("customer_rmas", sa.Column("promised_on", sa.Date(), nullable=True))
    op.create_index(op.f("ix_customer_rmas_promised_on"), "customer_rmas", ["promised_on"])


def downgrade() -> None:
    op.drop_index(op.f("ix_customer_rmas_promised_on"), "customer_rmas")
    with op.batch_alter_table("customer_rmas") as batch:
        batch.drop_column("promised_on")
