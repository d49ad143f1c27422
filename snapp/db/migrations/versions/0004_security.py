"""Passwords and lockout on users; the audit trail becomes a hash chain.

Entries written before this revision are chained here, in id order, so the
chain covers the whole trail from its first entry.

Revision ID: 0004_security
Revises: 0003_verify_count
Create Date: 2026-11-26
"""

import datetime as dt

import sqlalchemy as sa
from alembic import op

from snapp.domain.auditchain import GENESIS, entry_hash

revision = "0004_security"
down_revision = "0003_verify_count"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users") as users:
        users.add_column(sa.Column("password_hash", sa.String(200), nullable=True))
        users.add_column(sa.Column("failed_logins", sa.Integer(), nullable=False, server_default="0"))
        users.add_column(sa.Column("locked_until", sa.DateTime(), nullable=True))
        users.add_column(sa.Column("last_login_at", sa.DateTime(), nullable=True))

    with op.batch_alter_table("audit_entries") as audit:
        audit.add_column(sa.Column("seq", sa.Integer(), nullable=True))
        audit.add_column(sa.Column("prev_hash", sa.String(64), nullable=True))
        audit.add_column(sa.Column("hash", sa.String(64), nullable=True))
    seq, head = _chain_existing_entries()
    with op.batch_alter_table("audit_entries") as audit:
        for column in ("seq", "prev_hash", "hash"):
            audit.alter_column(column, nullable=False)
        audit.create_unique_constraint(op.f("uq_audit_entries_seq"), ["seq"])

    op.create_table(
        "audit_chain_head",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_chain_head")),
    )
    op.get_bind().execute(
        sa.text("INSERT INTO audit_chain_head (id, seq, hash) VALUES (1, :seq, :hash)"), {"seq": seq, "hash": head}
    )


def _chain_existing_entries() -> tuple[int, str]:
    bind = op.get_bind()
    rows = bind.execute(
        sa.text("SELECT id, at, user_name, action, entity, entity_key, before, after FROM audit_entries ORDER BY id")
    ).all()
    prev, updates = GENESIS, []
    for seq, (entry_id, at, user_name, action, entity, key, before, after) in enumerate(rows, start=1):
        at = at if isinstance(at, dt.datetime) else dt.datetime.fromisoformat(at)  # SQLite hands back text here
        prev = entry_hash(seq, at.replace(tzinfo=dt.UTC), user_name, action, entity, key, before, after, prev)
        updates.append({"id": entry_id, "seq": seq, "hash": prev})
    for i, update in enumerate(updates):
        update["prev_hash"] = updates[i - 1]["hash"] if i else GENESIS
    if updates:
        bind.execute(sa.text("UPDATE audit_entries SET seq = :seq, prev_hash = :prev_hash, hash = :hash WHERE id = :id"),
                     updates)  # fmt: skip
    return len(updates), prev


def downgrade() -> None:
    op.drop_table("audit_chain_head")
    with op.batch_alter_table("audit_entries") as audit:
        audit.drop_constraint(op.f("uq_audit_entries_seq"), type_="unique")
        for column in ("hash", "prev_hash", "seq"):
            audit.drop_column(column)
    with op.batch_alter_table("users") as users:
        for column in ("last_login_at", "locked_until", "failed_logins", "password_hash"):
            users.drop_column(column)
