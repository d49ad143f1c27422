"""Helpers shared by the integration tests.

Everything here works on the real database of the test (SQLite or PostgreSQL):
counting rows, reading audit entries, adding users and items through the
services a user calls.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import inspect, text

from snapp.db.engine import Database
from snapp.services import masterdata, purchasing
from snapp.services.base import Context

# Every table whose row count a refused action must leave alone.
TABLES = (
    "users",
    "suppliers",
    "items",
    "locations",
    "purchase_orders",
    "po_lines",
    "receipts",
    "receipt_lines",
    "serials",
    "serial_events",
    "audit_entries",
    "verifications",
    "stocktakes",
    "stocktake_entries",
    "stocktake_results",
)


def as_named(conn):
    """A table's name at the database's revision: before 0021 the stocktake's tables were counts, count_entries..."""
    old = inspect(conn).has_table("counts")
    return lambda table: table.replace("stocktake_", "count_").replace("stocktakes", "counts") if old else table


def snapshot(db: Database) -> dict[str, Any]:
    """Row counts of every table, received totals per PO line, PO and stocktake statuses, and the units' state.

    Exceptions are left out: a refused receipt opens them on purpose, once it has rolled back.

    A refused action writes one audit entry of its own ("access.denied"): not counted
    here, so that "nothing changed" compares equal; tests of the refusal look for it.
    """
    with db.engine.connect() as conn:
        named = as_named(conn)
        state: dict[str, Any] = {t: conn.execute(text(f"SELECT COUNT(*) FROM {named(t)}")).scalar_one() for t in TABLES}
        state["audit_entries"] = conn.execute(
            text("SELECT COUNT(*) FROM audit_entries WHERE action <> 'access.denied'")
        ).scalar_one()
        state["po_lines.received"] = sorted(
            tuple(r) for r in conn.execute(text("SELECT id, received FROM po_lines"))
        )
        state["po.status"] = sorted(tuple(r) for r in conn.execute(text("SELECT number, status FROM purchase_orders")))
        state["stocktakes.status"] = sorted(tuple(r) for r in conn.execute(text(f"SELECT number, status FROM {named('stocktakes')}")))
        state["serials.state"] = sorted(
            tuple(r) for r in conn.execute(text("SELECT id, serial, status, location_id FROM serials"))
        )
    return state


@dataclass(frozen=True)
class Audit:
    id: int
    user_name: str
    action: str
    entity: str
    entity_key: str
    before: Any
    after: Any


def audit_entries(db: Database, after_id: int = 0) -> list[Audit]:
    with db.engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT id, user_name, action, entity, entity_key, before, after FROM audit_entries "
                "WHERE id > :after ORDER BY id"
            ),
            {"after": after_id},
        ).all()
    return [
        Audit(r[0], r[1], r[2], r[3], r[4], json.loads(r[5]) if r[5] else None, json.loads(r[6]) if r[6] else None)
        for r in rows
    ]


def last_audit_id(db: Database) -> int:
    with db.engine.connect() as conn:
        return conn.execute(text("SELECT COALESCE(MAX(id), 0) FROM audit_entries")).scalar_one()


def scalar(db: Database, sql: str, **params: Any) -> Any:
    with db.engine.connect() as conn:
        return conn.execute(text(sql), params).scalar()


def rows(db: Database, sql: str, **params: Any) -> list[tuple]:
    with db.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(sql), params)]


def execute(db: Database, sql: str, **params: Any) -> None:
    with db.engine.begin() as conn:
        conn.execute(text(sql), params)


def serial_names(n: int, prefix: str = "SN", start: int = 1) -> list[str]:
    return [f"{prefix}{i:06d}" for i in range(start, start + n)]


def approved_po(ctx: Context, supplier: str, *lines: tuple[str, int]) -> purchasing.PORecord:
    po = purchasing.create_po(ctx, supplier, [purchasing.LineSpec(sku, qty, Decimal("1.00")) for sku, qty in lines])
    return purchasing.approve_po(ctx, po.number)


def add_plain_item(ctx: Context, sku: str, **kwargs: Any) -> masterdata.ItemRecord:
    return masterdata.add_item(ctx, masterdata.ItemRecord(sku, f"item {sku}", supplier="ACME", **kwargs))


def set_received_at(db: Database, serial_like: str, at: dt.datetime) -> None:
    """Back-date units (test set-up), through the mapped column type so SQLite stores it as SNApp does."""
    from sqlalchemy import update

    from snapp.db.models import serials_table

    with db.engine.begin() as conn:
        conn.execute(
            update(serials_table).where(serials_table.c.serial.like(serial_like)).values(received_at=at)
        )
