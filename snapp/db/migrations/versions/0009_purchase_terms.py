"""A PO's terms (currency, tax rate, delivery date, supplier reference) and the record of its amendments.

Existing POs are given CNY and a tax rate of 0, so the total every earlier
document printed (the sum of the lines) is still the PO's gross total.

Revision ID: 0009_purchase_terms
Revises: 0008_idempotency
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "0009_purchase_terms"
down_revision = "0008_idempotency"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("purchase_orders") as batch:
        batch.add_column(sa.Column("currency", sa.String(3), server_default="CNY", nullable=False))
        batch.add_column(sa.Column("tax_rate", sa.Numeric(5, 2), server_default="0", nullable=False))
        batch.add_column(sa.Column("delivery_date", sa.Date(), nullable=True))
        batch.add_column(sa.Column("supplier_ref", sa.String(64), nullable=True))
        batch.create_check_constraint(op.f("ck_purchase_orders_tax_rate_percent"), "tax_rate >= 0 AND tax_rate <= 100")
    op.create_table(
        "po_amendments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("po_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("amended_at", sa.DateTime(), nullable=False),
        sa.Column("amended_by", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("changes", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["po_id"], ["purchase_orders.id"], name=op.f("fk_po_amendments_po_id_purchase_orders")),
        sa.ForeignKeyConstraint(["amended_by"], ["users.id"], name=op.f("fk_po_amendments_amended_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_po_amendments")),
        sa.UniqueConstraint("po_id", "seq", name=op.f("uq_po_amendments_po_id_seq")),
    )


def downgrade() -> None:
    op.drop_table("po_amendments")
    with op.batch_alter_table("purchase_orders") as batch:
        batch.drop_constraint(op.f("ck_purchase_orders_tax_rate_percent"), type_="check")
        for column in ("supplier_ref", "delivery_date", "tax_rate", "currency"):
            batch.drop_column(column)
