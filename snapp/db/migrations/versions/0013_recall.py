"""Recalls: the quarantined status in the serials' CHECK, and the indexes a recall and the expiry list read.

A unit's events are indexed by (serial_id, id), replacing the index on serial_id alone.

A recall blocks units into "quarantined"; the CHECK on serials.status is
re-created from the one list (snapp.domain.statuses). A recall by batch and
the list of expiring stock each read one index instead of every unit.

Revision ID: 0013_recall
Revises: 0012_aftersales
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

from snapp.domain.statuses import Status, check_constraint

revision = "0013_recall"
down_revision = "0012_aftersales"
branch_labels = None
depends_on = None


def _status_check(values: tuple[str, ...]) -> None:
    with op.batch_alter_table("serials") as batch:
        batch.drop_constraint(op.f("ck_serials_status"), type_="check")
        batch.create_check_constraint(op.f("ck_serials_status"), check_constraint("status", values))


def upgrade() -> None:
    _status_check(tuple(Status))
    op.create_index(op.f("ix_serials_batch"), "serials", ["batch"])
    op.create_index(op.f("ix_serials_expiry"), "serials", ["expiry"])
    # A unit's last event is one probe of (serial_id, id); on serial_id alone PostgreSQL may walk the primary key
    # backwards instead, through every later event.
    op.create_index(op.f("ix_serial_events_serial_id_id"), "serial_events", ["serial_id", "id"])
    op.drop_index(op.f("ix_serial_events_serial_id"), "serial_events")


def downgrade() -> None:
    # Going back must not put recalled units back into stock unnoticed: release them first.
    held = op.get_bind().execute(
        sa.select(sa.func.count()).select_from(sa.table("serials")).where(sa.column("status") == Status.QUARANTINED.value)
    ).scalar()
    if held:
        raise RuntimeError(f"{held} unit(s) are quarantined by a recall: release them before going back")
    op.create_index(op.f("ix_serial_events_serial_id"), "serial_events", ["serial_id"])
    op.drop_index(op.f("ix_serial_events_serial_id_id"), "serial_events")
    op.drop_index(op.f("ix_serials_expiry"), "serials")
    op.drop_index(op.f("ix_serials_batch"), "serials")
    _status_check(tuple(s for s in Status if s is not Status.QUARANTINED))
