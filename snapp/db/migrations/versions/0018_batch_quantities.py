"""Quantity-only batches: the stock of items tracked by batch (how many of each batch where), and its moves.

Revision ID: 0018_batch_quantities
Revises: 0019_replacement_index
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0018_batch_quantities"
down_revision = "0019_replacement_index"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "batch_stock",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("batch", sa.String(20), nullable=False),
        sa.Column("expiry", sa.Date(), nullable=True),
        sa.Column("location_id", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.CheckConstraint("quantity >= 0", name=op.f("ck_batch_stock_quantity")),
        sa.ForeignKeyConstraint(["item_id"], ["items.id"], name=op.f("fk_batch_stock_item_id_items")),
        sa.ForeignKeyConstraint(["location_id"], ["locations.id"], name=op.f("fk_batch_stock_location_id_locations")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_batch_stock")),
        sa.UniqueConstraint("item_id", "batch", "location_id", name=op.f("uq_batch_stock_item_id_batch_location_id")),
    )
    op.create_index(op.f("ix_batch_stock_expiry"), "batch_stock", ["expiry"])
    op.create_table(
        "batch_moves",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("stock_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(8), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("receipt_line_id", sa.Integer(), nullable=True),
        sa.Column("ref", sa.String(100), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.CheckConstraint("action IN ('receive', 'issue')", name=op.f("ck_batch_moves_action")),
        sa.CheckConstraint("quantity > 0", name=op.f("ck_batch_moves_quantity")),
        sa.ForeignKeyConstraint(["stock_id"], ["batch_stock.id"], name=op.f("fk_batch_moves_stock_id_batch_stock")),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_batch_moves_user_id_users")),
        sa.ForeignKeyConstraint(["receipt_line_id"], ["receipt_lines.id"],
                                name=op.f("fk_batch_moves_receipt_line_id_receipt_lines")),  # fmt: skip
        sa.PrimaryKeyConstraint("id", name=op.f("pk_batch_moves")),
    )
    op.create_index(op.f("ix_batch_moves_stock_id"), "batch_moves", ["stock_id"])
    op.create_index(op.f("ix_batch_moves_receipt_line_id"), "batch_moves", ["receipt_line_id"])


def downgrade() -> None:
    op.drop_table("batch_moves")
    op.drop_table("batch_stock")
