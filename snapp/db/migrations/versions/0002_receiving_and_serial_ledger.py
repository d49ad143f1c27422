"""Receipts, the serial ledger and its events.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "receipts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(32), nullable=True),
        sa.Column("po_id", sa.Integer(), nullable=False),
        sa.Column("location_id", sa.Integer(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["location_id"], ["locations.id"], name=op.f("fk_receipts_location_id_locations")),
        sa.ForeignKeyConstraint(["po_id"], ["purchase_orders.id"], name=op.f("fk_receipts_po_id_purchase_orders")),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_receipts_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_receipts")),
        sa.UniqueConstraint("number", name=op.f("uq_receipts_number")),
    )
    op.create_index(op.f("ix_receipts_po_id"), "receipts", ["po_id"])
    op.create_index(op.f("ix_receipts_received_at"), "receipts", ["received_at"])
    op.create_table(
        "receipt_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("receipt_id", sa.Integer(), nullable=False),
        sa.Column("po_line_id", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["po_line_id"], ["po_lines.id"], name=op.f("fk_receipt_lines_po_line_id_po_lines")),
        sa.ForeignKeyConstraint(["receipt_id"], ["receipts.id"], name=op.f("fk_receipt_lines_receipt_id_receipts")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_receipt_lines")),
    )
    op.create_index(op.f("ix_receipt_lines_po_line_id"), "receipt_lines", ["po_line_id"])
    op.create_index(op.f("ix_receipt_lines_receipt_id"), "receipt_lines", ["receipt_id"])
    op.create_table(
        "serials",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("serial", sa.String(64).with_variant(sa.String(64, collation="C"), "postgresql"), nullable=False),
        sa.Column("status", sa.String(24), nullable=False),
        sa.Column("location_id", sa.Integer(), nullable=True),
        sa.Column("receipt_line_id", sa.Integer(), nullable=False),
        sa.Column("batch", sa.String(20), nullable=True),
        sa.Column("expiry", sa.Date(), nullable=True),
        sa.Column("scan", sa.String(200), nullable=True),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["item_id"], ["items.id"], name=op.f("fk_serials_item_id_items")),
        sa.ForeignKeyConstraint(["location_id"], ["locations.id"], name=op.f("fk_serials_location_id_locations")),
        sa.ForeignKeyConstraint(
            ["receipt_line_id"], ["receipt_lines.id"], name=op.f("fk_serials_receipt_line_id_receipt_lines")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_serials")),
        sa.UniqueConstraint("item_id", "serial", name=op.f("uq_serials_item_id_serial")),
    )
    op.create_index(op.f("ix_serials_location_id"), "serials", ["location_id"])
    op.create_index(op.f("ix_serials_receipt_line_id"), "serials", ["receipt_line_id"])
    op.create_index(op.f("ix_serials_received_at"), "serials", ["received_at"])
    op.create_index("ix_serials_serial", "serials", ["serial"])
    op.create_index("ix_serials_status_id", "serials", ["status", "id"])
    op.create_table(
        "serial_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("serial_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("from_status", sa.String(24), nullable=True),
        sa.Column("to_status", sa.String(24), nullable=False),
        sa.Column("from_location_id", sa.Integer(), nullable=True),
        sa.Column("to_location_id", sa.Integer(), nullable=True),
        sa.Column("ref", sa.String(100), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["from_location_id"], ["locations.id"], name=op.f("fk_serial_events_from_location_id_locations")
        ),
        sa.ForeignKeyConstraint(["serial_id"], ["serials.id"], name=op.f("fk_serial_events_serial_id_serials")),
        sa.ForeignKeyConstraint(
            ["to_location_id"], ["locations.id"], name=op.f("fk_serial_events_to_location_id_locations")
        ),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_serial_events_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_serial_events")),
    )
    op.create_index(op.f("ix_serial_events_at"), "serial_events", ["at"])
    op.create_index(op.f("ix_serial_events_serial_id"), "serial_events", ["serial_id"])


def downgrade() -> None:
    for table in ("serial_events", "serials", "receipt_lines", "receipts"):
        op.drop_table(table)
