"""Custom fields: the fields an admin defines per item, and each unit's values of them.

``field_defs`` holds the definitions (kind, required, unique within the item
or across all items, choices, pattern, captured by scan). ``field_values``
holds one row per unit and field; its unique index on (scope, value) is what
keeps an IMEI on one unit only, and its index on value finds a unit by it.

Revision ID: 0014_custom_fields
Revises: 0018_batch_quantities
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

from snapp.domain.fields import FieldKind, Uniqueness
from snapp.domain.statuses import check_constraint

revision = "0014_custom_fields"
down_revision = "0018_batch_quantities"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "field_defs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(40), nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("required", sa.Boolean(), nullable=False),
        sa.Column("uniqueness", sa.String(8), nullable=False),
        sa.Column("choices", sa.Text(), nullable=True),
        sa.Column("pattern", sa.String(200), nullable=True),
        sa.Column("scanned", sa.Boolean(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["item_id"], ["items.id"], name=op.f("fk_field_defs_item_id_items")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_field_defs")),
        sa.UniqueConstraint("item_id", "name", name=op.f("uq_field_defs_item_id_name")),
        sa.CheckConstraint(check_constraint("kind", FieldKind), name=op.f("ck_field_defs_kind")),
        sa.CheckConstraint(check_constraint("uniqueness", Uniqueness), name=op.f("ck_field_defs_uniqueness")),
    )
    op.create_table(
        "field_values",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("serial_id", sa.Integer(), nullable=False),
        sa.Column("field_id", sa.Integer(), nullable=False),
        sa.Column("value", sa.String(200).with_variant(sa.String(200, collation="C"), "postgresql"), nullable=False),
        sa.Column("scope", sa.String(48), nullable=True),
        sa.ForeignKeyConstraint(["serial_id"], ["serials.id"], name=op.f("fk_field_values_serial_id_serials")),
        sa.ForeignKeyConstraint(["field_id"], ["field_defs.id"], name=op.f("fk_field_values_field_id_field_defs")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_field_values")),
        sa.UniqueConstraint("serial_id", "field_id", name=op.f("uq_field_values_serial_id_field_id")),
        sa.UniqueConstraint("scope", "value", name=op.f("uq_field_values_scope_value")),
    )
    op.create_index(op.f("ix_field_values_value"), "field_values", ["value"])


def downgrade() -> None:
    # Going back must not lose units' IMEIs unnoticed: the fields are cleared (or exported) first.
    kept = op.get_bind().execute(sa.select(sa.func.count()).select_from(sa.table("field_values"))).scalar()
    if kept:
        raise RuntimeError(f"{kept} custom field value(s) are stored: export the register and clear them before going back")
    op.drop_index(op.f("ix_field_values_value"), table_name="field_values")
    op.drop_table("field_values")
    op.drop_table("field_defs")
