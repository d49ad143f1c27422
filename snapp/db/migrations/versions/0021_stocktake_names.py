"""The stocktake's tables take the feature's one name: counts → stocktakes, count_entries →
stocktake_entries, count_results → stocktake_results, and their count_id → stocktake_id.

Renaming in place would leave the old names in constraints (and, on SQLite, in the
table's stored definition), so a migrated database would differ from a new one and
restore would refuse its backups. So the tables are made anew, exactly as a new
database has them, the rows are copied with their ids, and the old tables dropped;
PostgreSQL's id sequences then continue after the highest id. The downgrade is the
same move back.

Revision ID: 0021_stocktake_names
Revises: 0021_batch_blocks
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0021_stocktake_names"
down_revision = "0021_batch_blocks"
branch_labels = None
depends_on = None

NEW = ("stocktakes", "stocktake_entries", "stocktake_results", "stocktake_id")
OLD = ("counts", "count_entries", "count_results", "count_id")


def upgrade() -> None:
    _move(OLD, NEW)


def downgrade() -> None:
    _move(NEW, OLD)


def _move(source: tuple[str, ...], target: tuple[str, ...]) -> None:
    _create(*target)
    for old, new in zip(source[:3], target[:3], strict=True):
        columns = [c["name"] for c in sa.inspect(op.get_bind()).get_columns(old)]
        into = ", ".join(target[3] if c == source[3] else c for c in columns)
        op.execute(f"INSERT INTO {new} ({into}) SELECT {', '.join(columns)} FROM {old}")
    for old in reversed(source[:3]):
        op.drop_table(old)
    if op.get_bind().dialect.name == "postgresql":
        for new in target[:3]:
            op.execute(f"SELECT setval(pg_get_serial_sequence('{new}', 'id'), COALESCE(MAX(id), 0) + 1, false) FROM {new}")


def _create(parent: str, entries: str, results: str, key: str) -> None:
    op.create_table(
        parent,
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
        sa.CheckConstraint("status IN ('open', 'closed', 'applied')", name=op.f(f"ck_{parent}_status")),
        sa.ForeignKeyConstraint(["location_id"], ["locations.id"], name=op.f(f"fk_{parent}_location_id_locations")),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{parent}")),
        sa.UniqueConstraint("number", name=op.f(f"uq_{parent}_number")),
    )
    op.create_index(op.f(f"ix_{parent}_status"), parent, ["status"])
    op.create_index(op.f(f"ix_{parent}_closed_at"), parent, ["closed_at"])
    op.create_table(
        entries,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(key, sa.Integer(), nullable=False),
        sa.Column("unit_key", sa.String(100), nullable=False),
        sa.Column("serial_id", sa.Integer(), nullable=True),
        sa.Column("serial", sa.String(64), nullable=False),
        sa.Column("gtin", sa.String(14), nullable=True),
        sa.Column("raw", sa.String(500), nullable=False),
        sa.Column("scans", sa.Integer(), nullable=False),
        sa.Column("first_at", sa.DateTime(), nullable=False),
        sa.Column("last_at", sa.DateTime(), nullable=False),
        sa.Column("last_by", sa.String(64), nullable=False),
        sa.ForeignKeyConstraint([key], [f"{parent}.id"], name=op.f(f"fk_{entries}_{key}_{parent}")),
        sa.ForeignKeyConstraint(["serial_id"], ["serials.id"], name=op.f(f"fk_{entries}_serial_id_serials")),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{entries}")),
        sa.UniqueConstraint(key, "unit_key", name=op.f(f"uq_{entries}_{key}_unit_key")),
    )
    op.create_table(
        results,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(key, sa.Integer(), nullable=False),
        sa.Column("outcome", sa.String(12), nullable=False),
        sa.Column("serial_id", sa.Integer(), nullable=True),
        sa.Column("serial", sa.String(64), nullable=False),
        sa.Column("sku", sa.String(64), nullable=True),
        sa.Column("recorded_status", sa.String(24), nullable=True),
        sa.Column("recorded_location_id", sa.Integer(), nullable=True),
        sa.Column("scans", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint([key], [f"{parent}.id"], name=op.f(f"fk_{results}_{key}_{parent}")),
        sa.ForeignKeyConstraint(["serial_id"], ["serials.id"], name=op.f(f"fk_{results}_serial_id_serials")),
        sa.ForeignKeyConstraint(
            ["recorded_location_id"], ["locations.id"], name=op.f(f"fk_{results}_recorded_location_id_locations")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{results}")),
    )
    op.create_index(f"ix_{results}_{key}_outcome", results, [key, "outcome"])
    op.create_index(op.f(f"ix_{results}_serial_id"), results, ["serial_id"])
