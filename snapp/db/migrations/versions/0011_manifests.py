"""Supplier manifests: the serial list a supplier sends for a PO line, and what to do with a unit not on it.

``manifest_serials`` holds the lists; ``suppliers.off_manifest`` (refuse by
default) and ``items.off_manifest`` (empty: as the supplier says) decide
whether a unit off the list is refused or accepted with an exception. The
exceptions' kind gains "manifest": its CHECK is re-created from the domain's list.

Revision ID: 0011_manifests
Revises: 0009_purchase_terms
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

from snapp.domain.manifests import SUPPLIER_DEFAULT, OffManifest
from snapp.domain.statuses import ExceptionKind, check_constraint

revision = "0011_manifests"
down_revision = "0009_purchase_terms"
branch_labels = None
depends_on = None

_BEFORE = tuple(kind for kind in ExceptionKind if kind != ExceptionKind.MANIFEST)


def upgrade() -> None:
    with op.batch_alter_table("suppliers") as batch:
        batch.add_column(sa.Column("off_manifest", sa.String(12), nullable=False, server_default=SUPPLIER_DEFAULT.value))
        batch.create_check_constraint(op.f("ck_suppliers_off_manifest"), check_constraint("off_manifest", OffManifest))
    with op.batch_alter_table("items") as batch:
        batch.add_column(sa.Column("off_manifest", sa.String(12), nullable=True))
        batch.create_check_constraint(op.f("ck_items_off_manifest"), check_constraint("off_manifest", OffManifest))
    _kinds(tuple(ExceptionKind))
    op.create_table(
        "manifest_serials",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("po_line_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("serial", sa.String(64).with_variant(sa.String(64, collation="C"), "postgresql"), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.Column("added_by", sa.String(64), nullable=False),
        sa.ForeignKeyConstraint(["po_line_id"], ["po_lines.id"], name=op.f("fk_manifest_serials_po_line_id_po_lines")),
        sa.ForeignKeyConstraint(["item_id"], ["items.id"], name=op.f("fk_manifest_serials_item_id_items")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_manifest_serials")),
        sa.UniqueConstraint("po_line_id", "serial", name=op.f("uq_manifest_serials_po_line_id_serial")),
    )
    op.create_index(op.f("ix_manifest_serials_item_id_serial"), "manifest_serials", ["item_id", "serial"])


def downgrade() -> None:
    op.drop_index(op.f("ix_manifest_serials_item_id_serial"), table_name="manifest_serials")
    op.drop_table("manifest_serials")
    op.execute(sa.text("DELETE FROM exceptions WHERE kind = 'manifest'"))
    _kinds(_BEFORE)
    with op.batch_alter_table("items") as batch:
        batch.drop_constraint(op.f("ck_items_off_manifest"), type_="check")
        batch.drop_column("off_manifest")
    with op.batch_alter_table("suppliers") as batch:
        batch.drop_constraint(op.f("ck_suppliers_off_manifest"), type_="check")
        batch.drop_column("off_manifest")


def _kinds(kinds: tuple[str, ...]) -> None:
    with op.batch_alter_table("exceptions") as batch:
        batch.drop_constraint(op.f("ck_exceptions_kind"), type_="check")
        batch.create_check_constraint(op.f("ck_exceptions_kind"), check_constraint("kind", kinds))
