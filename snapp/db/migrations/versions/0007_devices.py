"""Paired phones and PDAs: devices, their one-time pairing codes, and the device a session token came through.

Revision ID: 0007_devices
Revises: 0006_api
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_devices"
down_revision = "0006_api"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "devices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("secret_hash", sa.String(64), nullable=False),
        sa.Column("paired_by", sa.String(64), nullable=False),
        sa.Column("paired_at", sa.DateTime(), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(), nullable=True),
        sa.Column("last_user", sa.String(64), nullable=True),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_devices")),
        sa.UniqueConstraint("secret_hash", name=op.f("uq_devices_secret_hash")),
    )
    op.create_table(
        "pairing_codes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code_hash", sa.String(64), nullable=False),
        sa.Column("created_by", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("used_at", sa.DateTime(), nullable=True),
        sa.Column("device_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["device_id"], ["devices.id"], name=op.f("fk_pairing_codes_device_id_devices")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pairing_codes")),
        sa.UniqueConstraint("code_hash", name=op.f("uq_pairing_codes_code_hash")),
    )
    with op.batch_alter_table("api_credentials") as batch:
        batch.add_column(sa.Column("device_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(op.f("fk_api_credentials_device_id_devices"), "devices", ["device_id"], ["id"])
        batch.create_index(op.f("ix_api_credentials_device_id"), ["device_id"])


def downgrade() -> None:
    with op.batch_alter_table("api_credentials") as batch:
        batch.drop_index(op.f("ix_api_credentials_device_id"))
        batch.drop_constraint(op.f("fk_api_credentials_device_id_devices"), type_="foreignkey")
        batch.drop_column("device_id")
    op.drop_table("pairing_codes")
    op.drop_table("devices")
