"""The event feed: every change another system must see, in the order it was committed.

Events are not written twice: each is an entry of the audit trail, which every
service already writes in the same transaction as its change (so nothing is
announced that did not happen, and nothing that happened is missed). Entries
are numbered under the chain head's lock, so their sequence is the commit
order: a reader that has seen up to N never finds a later-committed entry
below N. The feed shows the entries that are business changes, by type.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from snapp.db.models import audit_table
from snapp.domain.permissions import Permission
from snapp.errors import Problem, Text, ValidationError
from snapp.services.base import UnitOfWork, service

# Audit action → event type. Logins, reports and exports are not business changes.
EVENT_TYPES = {
    "receipt.post": "receipt.posted",
    "po.create": "po.created",
    "po.approve": "po.approved",
    "po.cancel": "po.cancelled",
    "po.close": "po.closed",
    "supplier.create": "supplier.created",
    "supplier.update": "supplier.updated",
    "supplier.import": "supplier.imported",
    "item.create": "item.created",
    "item.update": "item.updated",
    "item.import": "item.imported",
    "location.create": "location.created",
    "location.update": "location.updated",
    "location.import": "location.imported",
    "count.close": "count.closed",  # a stocktake: its old name kept, see snapp.services.stocktake.AUDITED
    "count.apply": "count.applied",
    "exception.resolve": "exception.resolved",
    "customer.create": "customer.created",
    "customer.update": "customer.updated",
    "customer.import": "customer.imported",
    "rma.open": "rma.opened",  # a customer's return; its settling is the move that ends the inspection
    "rma.swap": "rma.swapped",
    "supplier_rma.open": "supplier_rma.opened",
    "supplier_rma.back": "supplier_rma.returned",
    "supplier_rma.replacement": "supplier_rma.replaced",
    "repair.record": "repair.recorded",
}
MOVE_PREFIX = "serial."  # serial.issue, serial.ship ...: every lifecycle move is a "serial.moved"
MAX_PAGE = 1000


@dataclass(frozen=True)
class Event:
    id: int  # the cursor: ask for events after it
    type: str
    at: dt.datetime
    user: str
    entity: str
    key: str
    data: Any
    before: Any


def event_type(action: str) -> str | None:
    if action.startswith(MOVE_PREFIX):
        return "serial.moved"
    return EVENT_TYPES.get(action)


def all_types() -> list[str]:
    return sorted({*EVENT_TYPES.values(), "serial.moved"})


def _actions_of(types: set[str]):
    """The audit actions behind the event types asked for, as a condition on the audit table."""
    actions = [action for action, kind in EVENT_TYPES.items() if kind in types]
    conditions = [audit_table.c.action.in_(actions)] if actions else []
    if "serial.moved" in types:
        conditions.append(audit_table.c.action.startswith(MOVE_PREFIX))
    return or_(*conditions)


def read_events(session: Session, after: int, limit: int, types: set[str] | None = None) -> list[Event]:
    """Up to ``limit`` events after cursor ``after``, oldest first."""
    wanted = set(all_types()) if not types else types
    rows = session.execute(
        select(audit_table.c.seq, audit_table.c.action, audit_table.c.at, audit_table.c.user_name,
               audit_table.c.entity, audit_table.c.entity_key, audit_table.c.after, audit_table.c.before)
        .where(audit_table.c.seq > after, _actions_of(wanted))
        .order_by(audit_table.c.seq)
        .limit(limit)
    )  # fmt: skip
    return [
        Event(seq, event_type(action), at, user, entity, key, _loads(after_), _loads(before))
        for seq, action, at, user, entity, key, after_, before in rows
    ]


@service(Permission.VIEW, write=False)
def events_after(uow: UnitOfWork, after: int = 0, *, limit: int = 100, types: list[str] | None = None) -> list[Event]:
    unknown = sorted(set(types or ()) - set(all_types()))
    if unknown:
        raise ValidationError(
            Problem("types", ", ".join(unknown), "types", Text("events.unknown_type", types=", ".join(all_types())))
        )
    return read_events(uow.session, max(after, 0), min(max(limit, 1), MAX_PAGE), set(types or ()))


def _loads(text: str | None) -> Any:
    return json.loads(text) if text else None
