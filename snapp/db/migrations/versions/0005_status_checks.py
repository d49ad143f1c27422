"""The database refuses a status it does not know: CHECK constraints on every status column.

Serials and purchase orders get their first; the exceptions' kind gets one
beside its status. The values come from the domain (snapp.domain.statuses,
snapp.domain.purchasing), which is the one list of them: a later change to a
list needs a migration of its own that replaces the constraint.

A database holding a value outside the lists is refused before anything
changes, naming the values, rather than failing halfway on SQLite.

Revision ID: 0005_status_checks
Revises: 0004_security
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

from snapp.domain.purchasing import PO
from snapp.domain.statuses import ExceptionKind, Status, check_constraint

revision = "0005_status_checks"
down_revision = "0004_security"
branch_labels = None
depends_on = None

CHECKS = (  # (table, column, the values it may hold)
    ("serials", "status", tuple(Status)),
    ("purchase_orders", "status", PO.states),
    ("exceptions", "kind", tuple(ExceptionKind)),
)


def upgrade() -> None:
    bind = op.get_bind()
    found = {
        f"{table}.{column}": sorted(
            bind.execute(sa.select(sa.column(column)).distinct().select_from(sa.table(table))
                         .where(sa.column(column).not_in([str(v) for v in values]))).scalars()
        )
        for table, column, values in CHECKS
    }  # fmt: skip
    if strays := {where: values for where, values in found.items() if values}:
        raise RuntimeError(f"values SNApp does not know, to correct before upgrading: {strays}")
    for table, column, values in CHECKS:
        with op.batch_alter_table(table) as batch:
            batch.create_check_constraint(op.f(f"ck_{table}_{column}"), check_constraint(column, values))


def downgrade() -> None:
    for table, column, _ in reversed(CHECKS):
        with op.batch_alter_table(table) as batch:
            batch.drop_constraint(op.f(f"ck_{table}_{column}"), type_="check")
