"""After-sales: customers, to whom units go, customer returns and swaps, supplier RMAs, repairs, the customer warranty.

Serials may now be "customer_return" and the exceptions desk takes refused
returns, so both CHECK constraints are re-created from the domain's lists.
Shipments made before this revision have no handover row: their customer is
unknown, and stays so.

Revision ID: 0012_aftersales
Revises: 0011_manifests
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

from snapp.domain.statuses import RMA, SUPPLIER_RMA, ExceptionKind, Status, check_constraint

revision = "0012_aftersales"
down_revision = "0011_manifests"
branch_labels = None
depends_on = None

CHECKS = (("serials", "status", tuple(Status)), ("exceptions", "kind", tuple(ExceptionKind)))


def _recheck(checks) -> None:
    for table, column, values in checks:
        with op.batch_alter_table(table) as batch:
            batch.drop_constraint(op.f(f"ck_{table}_{column}"), type_="check")
            batch.create_check_constraint(op.f(f"ck_{table}_{column}"), check_constraint(column, values))


def upgrade() -> None:
    with op.batch_alter_table("items") as batch:
        batch.add_column(sa.Column("customer_warranty_months", sa.Integer(), nullable=False, server_default="0"))
    _recheck(CHECKS)
    op.create_table(
        "customers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(32), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("contact", sa.String(200), nullable=True),
        sa.Column("phone", sa.String(64), nullable=True),
        sa.Column("email", sa.String(200), nullable=True),
        sa.Column("address", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customers")),
        sa.UniqueConstraint("code", name=op.f("uq_customers_code")),
    )
    op.create_table(
        "handovers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("serial_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=True),
        sa.Column("recipient", sa.String(200), nullable=True),
        sa.Column("recipient_kind", sa.String(12), nullable=True),
        sa.Column("ref", sa.String(100), nullable=True),
        sa.Column("warranty_end", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["serial_id"], ["serials.id"], name=op.f("fk_handovers_serial_id_serials")),
        sa.ForeignKeyConstraint(["customer_id"], ["customers.id"], name=op.f("fk_handovers_customer_id_customers")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_handovers")),
    )
    op.create_index("ix_handovers_serial_id_id", "handovers", ["serial_id", "id"])
    op.create_index(op.f("ix_handovers_customer_id"), "handovers", ["customer_id"])
    op.create_index(op.f("ix_handovers_warranty_end"), "handovers", ["warranty_end"])
    op.create_table(
        "customer_rmas",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(40), nullable=False),
        sa.Column("serial_id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("opened_at", sa.DateTime(), nullable=False),
        sa.Column("opened_by", sa.String(64), nullable=False),
        sa.Column("resolution", sa.String(12), nullable=True),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("resolved_by", sa.String(64), nullable=True),
        sa.Column("replacement_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(check_constraint("status", RMA.states), name=op.f("ck_customer_rmas_status")),
        sa.ForeignKeyConstraint(["serial_id"], ["serials.id"], name=op.f("fk_customer_rmas_serial_id_serials")),
        sa.ForeignKeyConstraint(["customer_id"], ["customers.id"], name=op.f("fk_customer_rmas_customer_id_customers")),
        sa.ForeignKeyConstraint(["replacement_id"], ["serials.id"], name=op.f("fk_customer_rmas_replacement_id_serials")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customer_rmas")),
        sa.UniqueConstraint("number", name=op.f("uq_customer_rmas_number")),
    )
    for column in ("serial_id", "customer_id", "status", "resolved_at"):
        op.create_index(op.f(f"ix_customer_rmas_{column}"), "customer_rmas", [column])
    op.create_table(
        "supplier_rmas",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(40), nullable=False),
        sa.Column("supplier_id", sa.Integer(), nullable=False),
        sa.Column("serial_id", sa.Integer(), nullable=False),
        sa.Column("expected_on", sa.Date(), nullable=True),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=False),
        sa.Column("sent_by", sa.String(64), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("resolved_by", sa.String(64), nullable=True),
        sa.Column("replacement_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(check_constraint("status", SUPPLIER_RMA.states), name=op.f("ck_supplier_rmas_status")),
        sa.ForeignKeyConstraint(["supplier_id"], ["suppliers.id"], name=op.f("fk_supplier_rmas_supplier_id_suppliers")),
        sa.ForeignKeyConstraint(["serial_id"], ["serials.id"], name=op.f("fk_supplier_rmas_serial_id_serials")),
        sa.ForeignKeyConstraint(["replacement_id"], ["serials.id"], name=op.f("fk_supplier_rmas_replacement_id_serials")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_supplier_rmas")),
        sa.UniqueConstraint("supplier_id", "number", name=op.f("uq_supplier_rmas_supplier_id_number")),
    )
    for column in ("serial_id", "expected_on", "status"):
        op.create_index(op.f(f"ix_supplier_rmas_{column}"), "supplier_rmas", [column])
    op.create_table(
        "repairs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("serial_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("fault", sa.Text(), nullable=False),
        sa.Column("work", sa.Text(), nullable=True),
        sa.Column("parts", sa.Text(), nullable=True),
        sa.Column("cost", sa.Numeric(14, 2), nullable=True),
        sa.Column("technician", sa.String(100), nullable=True),
        sa.Column("place", sa.String(12), nullable=False),
        sa.Column("user_name", sa.String(64), nullable=False),
        sa.CheckConstraint("place IN ('bench', 'supplier')", name=op.f("ck_repairs_place")),
        sa.ForeignKeyConstraint(["serial_id"], ["serials.id"], name=op.f("fk_repairs_serial_id_serials")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_repairs")),
    )
    op.create_index(op.f("ix_repairs_serial_id"), "repairs", ["serial_id"])
    op.create_table(
        "aftersales_settings",
        sa.Column("key", sa.String(40), nullable=False),
        sa.Column("value", sa.String(200), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_aftersales_settings")),
    )


def downgrade() -> None:
    for table in ("aftersales_settings", "repairs", "supplier_rmas", "customer_rmas", "handovers", "customers"):
        op.drop_table(table)
    _recheck((table, column, [v for v in values if v != "customer_return"]) for table, column, values in CHECKS)
    with op.batch_alter_table("items") as batch:
        batch.drop_column("customer_warranty_months")
