"""Verification log, exceptions desk, stocktakes.

Revision ID: 0003_verify_count
Revises: 0002
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_verify_count"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "exceptions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(24), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("subject", sa.String(200), nullable=False),
        sa.Column("ref", sa.String(100), nullable=True),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("serial_id", sa.Integer(), nullable=True),
        sa.Column("opened_at", sa.DateTime(), nullable=False),
        sa.Column("opened_by", sa.String(64), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("resolved_by", sa.String(64), nullable=True),
        sa.Column("resolution", sa.Text(), nullable=True),
        sa.CheckConstraint("status IN ('open', 'resolved')", name=op.f("ck_exceptions_status")),
        sa.ForeignKeyConstraint(["serial_id"], ["serials.id"], name=op.f("fk_exceptions_serial_id_serials")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exceptions")),
    )
    op.create_index("ix_exceptions_status_id", "exceptions", ["status", "id"])
    op.create_index(op.f("ix_exceptions_serial_id"), "exceptions", ["serial_id"])
    op.create_table(
        "verifications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("user_name", sa.String(64), nullable=False),
        sa.Column("raw", sa.String(500), nullable=False),
        sa.Column("kind", sa.String(24), nullable=True),
        sa.Column("gtin", sa.String(14), nullable=True),
        sa.Column("serial", sa.String(64), nullable=True),
        sa.Column("verdict", sa.String(24), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("serial_id", sa.Integer(), nullable=True),
        sa.Column("exception_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["serial_id"], ["serials.id"], name=op.f("fk_verifications_serial_id_serials")),
        sa.ForeignKeyConstraint(
            ["exception_id"], ["exceptions.id"], name=op.f("fk_verifications_exception_id_exceptions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_verifications")),
    )
    op.create_index(op.f("ix_verifications_at"), "verifications", ["at"])
    op.create_index(op.f("ix_verifications_verdict"), "verifications", ["verdict"])
    op.create_index(op.f("ix_verifications_serial_id"), "verifications", ["serial_id"])
    op.create_table(
        "counts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(32), nullable=True),
        sa.Column("location_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("started_by", sa.String(64), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("closed_by", sa.String(64), nullable=True),
        sa.Column("applied_at", sa.DateTime(), nullable=True),
        sa.Column("applied_by", sa.String(64), nullable=True),
        sa.CheckConstraint("status IN ('open', 'closed', 'applied')", name=op.f("ck_counts_status")),
        sa.ForeignKeyConstraint(["location_id"], ["locations.id"], name=op.f("fk_counts_location_id_locations")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_counts")),
        sa.UniqueConstraint("number", name=op.f("uq_counts_number")),
    )
    op.create_index(op.f("ix_counts_status"), "counts", ["status"])
    op.create_index(op.f("ix_counts_closed_at"), "counts", ["closed_at"])
    op.create_table(
        "count_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("count_id", sa.Integer(), nullable=False),
        sa.Column("unit_key", sa.String(100), nullable=False),
        sa.Column("serial_id", sa.Integer(), nullable=True),
        sa.Column("serial", sa.String(64), nullable=False),
        sa.Column("gtin", sa.String(14), nullable=True),
        sa.Column("raw", sa.String(500), nullable=False),
        sa.Column("scans", sa.Integer(), nullable=False),
        sa.Column("first_at", sa.DateTime(), nullable=False),
        sa.Column("last_at", sa.DateTime(), nullable=False),
        sa.Column("last_by", sa.String(64), nullable=False),
        sa.ForeignKeyConstraint(["count_id"], ["counts.id"], name=op.f("fk_count_entries_count_id_counts")),
        sa.ForeignKeyConstraint(["serial_id"], ["serials.id"], name=op.f("fk_count_entries_serial_id_serials")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_count_entries")),
        sa.UniqueConstraint("count_id", "unit_key", name=op.f("uq_count_entries_count_id_unit_key")),
    )
    op.create_table(
        "count_results",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("count_id", sa.Integer(), nullable=False),
        sa.Column("outcome", sa.String(12), nullable=False),
        sa.Column("serial_id", sa.Integer(), nullable=True),
        sa.Column("serial", sa.String(64), nullable=False),
        sa.Column("sku", sa.String(64), nullable=True),
        sa.Column("recorded_status", sa.String(24), nullable=True),
        sa.Column("recorded_location_id", sa.Integer(), nullable=True),
        sa.Column("scans", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["count_id"], ["counts.id"], name=op.f("fk_count_results_count_id_counts")),
        sa.ForeignKeyConstraint(["serial_id"], ["serials.id"], name=op.f("fk_count_results_serial_id_serials")),
        sa.ForeignKeyConstraint(
            ["recorded_location_id"], ["locations.id"], name=op.f("fk_count_results_recorded_location_id_locations")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_count_results")),
    )
    op.create_index("ix_count_results_count_id_outcome", "count_results", ["count_id", "outcome"])
    op.create_index(op.f("ix_count_results_serial_id"), "count_results", ["serial_id"])


def downgrade() -> None:
    for table in ("count_results", "count_entries", "counts", "verifications", "exceptions"):
        op.drop_table(table)
