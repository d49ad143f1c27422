"""Recall and trace: every unit a supplier's recall names, where it is now and who has it; block and release.

A recall is asked by what the supplier's notice says: a supplier and batch, a
PO, an item received between two days, or a list of serials. Every criterion
given narrows the same register query (`snapp.services.lookup`), so a recall
finds exactly the units the register shows under the same filters.

Who has a unit that left the shelf is what was recorded when it left: the
reference and note of its last move ("issued to", "shipped to").

Block moves every affected unit that is in stock to "quarantined" where it
stands, through the same conditional update as every other move
(`snapp.services.lifecycle.record_moves`): a unit someone issues at that same
moment is either issued (and the block refused, saying so) or quarantined (and
the issue refused, saying so), never both. Release moves them back.

Block also blocks the batches of items without serials the recall names
(`snapp.services.batches.lock_lots`): their pieces stay counted where they lie
and no issue takes them until release; the same audit entry says how many,
where.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field, fields
from functools import cached_property

from sqlalchemy import Select, bindparam, case, func, select
from sqlalchemy.orm import Session, aliased

from snapp.db.models import Item, Location, PurchaseOrder, Receipt, Serial, SerialEvent, Supplier, User
from snapp.domain.batches import Pieces
from snapp.domain.lifecycle import TRANSITIONS, Action
from snapp.domain.permissions import Permission, allows
from snapp.domain.statuses import Status, meaning
from snapp.errors import PermissionDenied, Problem, Text, ValidationError
from snapp.services.base import PAGE_MAX, UnitOfWork, service
from snapp.services.batches import BatchFlow, LotCriteria, batch_flows, lock_lots, set_blocked
from snapp.services.lifecycle import record_moves
from snapp.services.lookup import SerialFilter, _register_query
from snapp.services.units import resolve


@dataclass(frozen=True)
class Recall:
    """What a recall names; every criterion given narrows it, and at least one must be."""

    supplier: str | None = None
    batch: str | None = None
    po: str | None = None
    sku: str | None = None
    received_from: dt.date | None = None
    received_to: dt.date | None = None  # inclusive
    serials: tuple[str, ...] = ()

    def described(self) -> dict[str, object]:
        """The criteria given, for the audit trail, the PDF and the Excel's About sheet."""
        said = {f.name: getattr(self, f.name) for f in fields(self)}
        said["serials"] = list(self.serials) or None
        return {name: value for name, value in said.items() if value not in (None, "")}


@dataclass(frozen=True)
class TracedUnit:
    serial: str
    sku: str
    item_name: str
    batch: str | None
    expiry: dt.date | None
    supplier: str
    po: str
    receipt: str
    received_at: dt.datetime
    status: str
    location: str | None
    holder: str | None  # issued to / shipped to, as recorded by the move that took it off the shelf
    last_move: str | None  # the action of the unit's last event
    last_at: dt.datetime | None
    note: str | None


@dataclass(frozen=True)
class Group:
    """Where some affected units are: a status, and a location for those on a shelf."""

    status: str
    location: str | None
    count: int


@dataclass(frozen=True)
class Trace:
    recall: Recall
    total: int
    groups: list[Group]
    units: list[TracedUnit]  # at most `limit` of them, in the groups' order
    quantities: list[BatchFlow] = field(default_factory=list)  # where the named batches of items without serials went

    @cached_property
    def pieces(self) -> Pieces:
        return Pieces.of(self.quantities)


@dataclass(frozen=True)
class HeldLot:
    """Pieces of a recalled batch at one place that a block blocked (or a release released)."""

    sku: str
    batch: str
    location: str
    quantity: int


@dataclass(frozen=True)
class BlockResult:
    action: str
    count: int  # units moved
    left: dict[str, int]  # affected units not moved, by status
    pieces: int = 0  # pieces of the recalled batches of items without serials blocked (or released)
    lots: list[HeldLot] = field(default_factory=list)  # where those pieces lie


# --- the query -------------------------------------------------------------------------------------


def _last(column):
    """``column`` of the unit's last event: one probe of the index on its events per unit, whatever the statistics."""
    return (select(column).where(SerialEvent.serial_id == Serial.id).order_by(SerialEvent.id.desc()).limit(1)
            .scalar_subquery().label(f"last_{column.key}"))  # fmt: skip


TRACE_COLUMNS = [
    Serial.serial, Item.sku, Item.name, Serial.batch, Serial.expiry, Supplier.code, PurchaseOrder.number,
    Receipt.number, Serial.received_at, Serial.status, Location.code, _last(SerialEvent.ref),
    _last(SerialEvent.action), _last(SerialEvent.at), _last(SerialEvent.note),
]  # fmt: skip


def recall_query(session: Session, recall: Recall, columns: Sequence) -> Select:
    """``columns`` of every unit ``recall`` names."""
    where = SerialFilter(supplier=recall.supplier, po=recall.po, sku=recall.sku, batch=recall.batch,
                         received_from=recall.received_from, received_to=recall.received_to)  # fmt: skip
    if where == SerialFilter() and not recall.serials:
        raise ValidationError(Problem("recall", "", "no_criteria", Text("recall.no_criteria")))
    if recall.received_from and recall.received_to and recall.received_from > recall.received_to:
        raise ValidationError(Problem("received_to", str(recall.received_to), "date_range", Text("recall.backwards")))
    query = _register_query(list(columns), where)
    if recall.serials:
        # Ids rendered inline: any number of them, under SQLite's parameter limit; integers, nothing typed.
        named = _named_units(session, recall.serials)
        query = query.where(Serial.id.in_(bindparam("units", named, expanding=True, literal_execute=True)))
    return query


MAX_SERIALS = 100_000


def _named_units(session: Session, serials: Sequence[str]) -> list[int]:
    """The unit each serial names; any serial naming none (or several) refuses the recall, by position."""
    if len(serials) > MAX_SERIALS:
        raise ValidationError(Problem("serials", "", "too_many", Text("recall.too_many", n=len(serials), most=MAX_SERIALS)))
    problems, ids = [], []
    for position, found in enumerate(resolve(session, list(serials)), 1):
        if problem := found.problem(Text("units.position", n=position)):
            problems.append(problem)
        else:
            ids.append(found.unit.id)
    if problems:
        raise ValidationError(problems, Text("recall.serials_refused", n=len(problems)))
    return ids


_RANK = {status.value: n for n, status in enumerate(Status)}
_PLACE = (case(_RANK, value=Serial.status), Location.code, Serial.serial, Serial.id)  # grouped by where the units are


def trace_query(session: Session, recall: Recall) -> Select:
    """`TRACE_COLUMNS` of every affected unit, grouped by where it is: status in table order, location, serial."""
    return recall_query(session, recall, TRACE_COLUMNS).order_by(*_PLACE)


def traced_row(row: Sequence) -> tuple:
    """A row of `trace_query` as a `TracedUnit`'s fields: who has a unit is said only for one off our shelves."""
    *head, status, location, ref, action, at, note = row
    return (*head, status, location, None if meaning(status).on_shelf else ref, action, at, note)


def traced_rows(session: Session, recall: Recall, *, limit: int | None = None) -> Iterator[TracedUnit]:
    query = trace_query(session, recall)
    if limit is not None:
        query = query.limit(limit)
    for row in session.execute(query.execution_options(yield_per=5_000)):
        yield TracedUnit(*traced_row(row))


_FROM, _TO = aliased(Location), aliased(Location)


def history_query(session: Session, recall: Recall) -> Select:
    """(serial, sku, when, who, action, from status, to status, from location, to location, ref, note) of every
    event of every affected unit, unit by unit in the trace's order, each unit's oldest first."""
    return (
        recall_query(session, recall, [Serial.serial, Item.sku, SerialEvent.at, User.name, SerialEvent.action,
                                        SerialEvent.from_status, SerialEvent.to_status, _FROM.code, _TO.code,
                                        SerialEvent.ref, SerialEvent.note])
        .join(SerialEvent, SerialEvent.serial_id == Serial.id)
        .join(User, User.id == SerialEvent.user_id)
        .outerjoin(_FROM, _FROM.id == SerialEvent.from_location_id)
        .outerjoin(_TO, _TO.id == SerialEvent.to_location_id)
        .order_by(*_PLACE, SerialEvent.id)
    )  # fmt: skip


def history_rows(session: Session, recall: Recall) -> Iterator[tuple]:
    """The rows of `history_query`, streamed; the query runs when the first row is wanted."""
    for row in session.execute(history_query(session, recall).execution_options(yield_per=5_000)):
        yield tuple(row)


def groups_of(session: Session, recall: Recall) -> list[Group]:
    """How many affected units are where, in the trace's order."""
    counted = recall_query(session, recall, [Serial.status, Location.code, func.count()])
    rows = session.execute(counted.group_by(Serial.status, Location.code))
    return sorted((Group(*row) for row in rows), key=lambda g: (_RANK[g.status], g.location or ""))


# --- the services ---------------------------------------------------------------------------------


@service(Permission.VIEW, write=False)
def trace(uow: UnitOfWork, recall: Recall, *, limit: int = PAGE_MAX) -> Trace:
    """Every affected unit grouped by where it is (the first ``limit`` listed), with the count of each group."""
    session = uow.session
    groups = groups_of(session, recall)
    units = list(traced_rows(session, recall, limit=limit))
    return Trace(recall, sum(g.count for g in groups), groups, units, quantities_of(session, recall))


def quantities_of(session: Session, recall: Recall) -> list[BatchFlow]:
    """Where the batches of items without serials that ``recall`` names went. A list of serials names units only."""
    return batch_flows(session, lots) if (lots := _lots_named(recall)) else []


def _lots_named(recall: Recall) -> LotCriteria | None:
    if recall.serials:
        return None
    return LotCriteria(recall.supplier, recall.batch, recall.po, recall.sku, recall.received_from, recall.received_to)


@service(Permission.VIEW)
def block(uow: UnitOfWork, recall: Recall, *, note: str | None = None) -> BlockResult:
    """Quarantine every affected unit that is in stock, where it stands, and block the pieces of the recalled batches
    of items without serials; audited with the recall's criteria."""
    return _hold(uow, Action.BLOCK, recall, note)


@service(Permission.VIEW)
def release(uow: UnitOfWork, recall: Recall, *, note: str | None = None) -> BlockResult:
    """Put every affected unit that is quarantined back in stock, where it stands, and make the recalled batches'
    pieces issuable again; audited."""
    return _hold(uow, Action.RELEASE, recall, note)


def _hold(uow: UnitOfWork, action: Action, recall: Recall, note: str | None) -> BlockResult:
    rule = TRANSITIONS[action]
    if not allows(uow.actor.role, rule.permission):
        raise PermissionDenied("lifecycle.denied", name=uow.actor.name, role=str(uow.actor.role), move=rule.label,
                               permission=str(rule.permission))  # fmt: skip
    session = uow.session
    rows = session.execute(recall_query(session, recall, [Serial.id, Serial.status, Serial.location_id])).all()
    units = [(unit_id, status, location_id) for unit_id, status, location_id in rows if status in rule.sources]
    left = Counter(status for _, status, _ in rows if status not in rule.sources)
    named = _lots_named(recall)
    stock = lock_lots(session, named) if named else []
    if not rows and not stock:
        raise ValidationError(Problem("recall", "", "no_units", Text("recall.no_units")))
    reference = recall.batch or recall.po or None
    record_moves(session, uow.actor.id, action, units, None, ref=reference and f"recall {reference}", note=note)
    blocking = action is Action.BLOCK
    changing = [lot for lot in stock if lot.blocked != blocking]
    set_blocked(session, changing, blocking)
    lots = [HeldLot(lot.sku, lot.batch, lot.location, lot.quantity) for lot in changing]
    pieces = sum(lot.quantity for lot in lots)
    uow.audit(f"recall.{action.value}", "recall", key(recall),
              after={"criteria": recall.described(), "units": len(units), "left": dict(left), "note": note,
                     "unit_ids": [unit_id for unit_id, _, _ in units], "pieces": pieces,
                     "lots": [asdict(lot) for lot in lots]})  # fmt: skip
    return BlockResult(action.value, len(units), dict(sorted(left.items())), pieces, lots)


def key(recall: Recall) -> str:
    said = recall.described()
    said.pop("serials", None)
    key = ", ".join(f"{name}={value}" for name, value in said.items())
    if recall.serials:
        key = f"{key}, {len(recall.serials)} serials" if key else f"{len(recall.serials)} serials"
    return key[:100]
