"""Bearer secrets of the HTTP API: people's session tokens and integrations' API keys.

Revision ID: 0006_api
Revises: 0004_security
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_api"
down_revision = "0004_security"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "api_credentials",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("name", sa.String(64), nullable=True),
        sa.Column("user_name", sa.String(64), nullable=False),
        sa.Column("role", sa.String(16), nullable=True),
        sa.Column("secret_hash", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=True),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.Column("last_used_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint("kind IN ('token', 'key')", name=op.f("ck_api_credentials_kind")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_api_credentials")),
        sa.UniqueConstraint("name", name=op.f("uq_api_credentials_name")),
        sa.UniqueConstraint("secret_hash", name=op.f("uq_api_credentials_secret_hash")),
    )


def downgrade() -> None:
    op.drop_table("api_credentials")
