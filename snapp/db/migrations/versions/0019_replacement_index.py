"""Indexes on the replacement of a customer or supplier RMA.

A unit's card asks whether it replaced another under an RMA; without an
index that question read every RMA ever opened.

Revision ID: 0019_replacement_index
Revises: 0013_recall
Create Date: 2026-11-30
"""

from alembic import op

revision = "0019_replacement_index"
down_revision = "0013_recall"
branch_labels = None
depends_on = None

TABLES = ("customer_rmas", "supplier_rmas")


def upgrade() -> None:
    for table in TABLES:
        op.create_index(op.f(f"ix_{table}_replacement_id"), table, ["replacement_id"])


def downgrade() -> None:
    for table in TABLES:
        op.drop_index(op.f(f"ix_{table}_replacement_id"), table)
