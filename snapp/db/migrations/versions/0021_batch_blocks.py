"""A recall's block of a quantity batch: each stock row of the batch says it is blocked.

A recall blocks a whole batch, so the flag lives on each of its stock rows
(one per location) and every piece there stays where it lies, counted, but is
never issued until the recall's release clears it. Stock received before this
revision is not blocked.

Revision ID: 0021_batch_blocks
Revises: 0020_rma_due
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0021_batch_blocks"
down_revision = "0020_rma_due"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("batch_stock", sa.Column("blocked", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("batch_stock") as batch:
        batch.drop_column("blocked")
