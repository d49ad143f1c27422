"""Quantity-only batches: stock per batch and location, first-expiring-first issue, and where a batch went.

An item tracked by batch (``items.tracking = "batch"``) is received on its PO
line as a quantity of one batch with its expiry (`snapp.services.receiving`
calls `put_away`), and issued by quantity. ``batch_stock`` holds how many of
each batch lie where (its CHECK keeps it from going below zero); every
receipt and issue is a row of ``batch_moves``, so a recall can say where each
piece of a batch went: still on which shelf, or issued to whom.

A recall blocks a batch (`hold_lots`): every stock row of it is flagged
``blocked``, its pieces stay counted where they lie, and no issue takes them,
first-expiring-first or named, until the recall releases them.

Serial items are untouched by this module: their units carry batch and expiry
each (`snapp.services.expiry`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Select, func, select, update
from sqlalchemy.orm import Session

from snapp.db.models import (
    BatchMove,
    BatchStock,
    Item,
    Location,
    PurchaseOrder,
    Receipt,
    ReceiptLine,
    Supplier,
    utcnow,
)
from snapp.domain.batches import QUANTITY, Available, Lot, expired, first_expiring
from snapp.domain.capture import normalise
from snapp.domain.permissions import Permission
from snapp.errors import Conflict, NotFound, Problem, Text, ValidationError
from snapp.services.base import PAGE_MAX, UnitOfWork, service, utc_midnight
from snapp.services.masterdata import get_item_row, get_location_row


@dataclass(frozen=True)
class BatchStockRecord:
    sku: str
    item_name: str
    batch: str
    expiry: dt.date | None
    location: str
    quantity: int
    days_left: int | None  # negative: expired that many days ago; None: the batch has no expiry
    blocked: bool  # by a recall: not issued until released


@dataclass(frozen=True)
class Take:
    batch: str
    expiry: dt.date | None
    location: str
    quantity: int


@dataclass(frozen=True)
class IssuePlan:
    """What an issue of ``quantity`` would take, first-expiring first; ``short``: how many unexpired stock lacks."""

    sku: str
    quantity: int
    takes: list[Take]
    short: int


@dataclass(frozen=True)
class BatchIssue:
    sku: str
    quantity: int
    takes: list[Take]
    to: str | None
    advice: list[Text]  # a named batch taken while one that expires earlier stays on the shelf


@dataclass(frozen=True)
class BatchFlow:
    """Where some of a recalled batch is: received on a receipt, on a shelf now, or issued to someone."""

    sku: str
    item_name: str
    batch: str
    expiry: dt.date | None
    where: str  # "received", "in_stock", "blocked" (in stock, blocked by a recall) or "issued"
    place: str | None  # the receipt and PO; the location; to whom
    quantity: int
    at: dt.datetime | None  # the receipt's time, the last issue's time


# --- receiving (called by snapp.services.receiving, inside its unit of work) ------------------


def put_away(session: Session, user_id: int, item: Item, place: Location, receipt_line_id: int, receipt: str,
             lot: Lot, now: dt.datetime) -> None:  # fmt: skip
    """Add a received lot to its batch's stock at ``place`` and record the move."""
    # A batch has one expiry: a second receipt of it that says another is a mistake on one of the two labels.
    # A blocked row first: a recalled batch received at a new place is blocked there too.
    known = session.execute(select(BatchStock.expiry, BatchStock.blocked)
                            .where(BatchStock.item_id == item.id, BatchStock.batch == lot.batch)
                            .order_by(BatchStock.blocked.desc()).limit(1)).first()  # fmt: skip
    if known is not None and known.expiry != lot.expiry:
        said = known.expiry.isoformat() if known.expiry else "—"
        raise ValidationError(Problem(Text("batch_qty.expiry"), lot.expiry.isoformat() if lot.expiry else "", "expiry",
                                      Text("batch_qty.expiry_differs", batch=lot.batch, expiry=said)))  # fmt: skip
    stock = session.scalar(select(BatchStock).where(BatchStock.item_id == item.id, BatchStock.batch == lot.batch,
                                                    BatchStock.location_id == place.id).with_for_update())  # fmt: skip
    if stock is None:
        stock = BatchStock(item_id=item.id, batch=lot.batch, expiry=lot.expiry, location_id=place.id, quantity=0,
                           blocked=known is not None and known.blocked)  # fmt: skip
        session.add(stock)
        session.flush()
    session.execute(update(BatchStock).where(BatchStock.id == stock.id).values(quantity=BatchStock.quantity + lot.quantity))
    session.add(BatchMove(stock_id=stock.id, action="receive", quantity=lot.quantity, at=now, user_id=user_id,
                          receipt_line_id=receipt_line_id, ref=receipt))  # fmt: skip


# --- stock ---------------------------------------------------------------------------------------


@service(Permission.VIEW, write=False)
def stock(uow: UnitOfWork, sku: str | None = None, *, expiring_within: int | None = None,
          today: dt.date | None = None, limit: int = PAGE_MAX) -> list[BatchStockRecord]:  # fmt: skip
    """What lies where, per batch and location, first-expiring first; ``expiring_within`` days: only those
    expired or expiring by then."""
    today = today or dt.date.today()
    query = (select(Item.sku, Item.name, BatchStock.batch, BatchStock.expiry, Location.code, BatchStock.quantity,
                    BatchStock.blocked)
             .join(Item, Item.id == BatchStock.item_id).join(Location, Location.id == BatchStock.location_id)
             .where(BatchStock.quantity > 0))  # fmt: skip
    if sku:
        query = query.where(Item.id == get_item_row(uow.session, sku).id)
    if expiring_within is not None:
        if not 0 <= expiring_within <= 36_500:
            raise ValidationError(Problem("days", str(expiring_within), "days", Text("recall.days", most=36_500)))
        query = query.where(BatchStock.expiry <= today + dt.timedelta(days=expiring_within))
    query = query.order_by(BatchStock.expiry.is_(None), BatchStock.expiry, Item.sku, BatchStock.batch, Location.code)
    return [BatchStockRecord(sku, name, batch, expiry, code, quantity, (expiry - today).days if expiry else None, blocked)
            for sku, name, batch, expiry, code, quantity, blocked in uow.session.execute(query.limit(limit))]  # fmt: skip


def expiring_quantity(session: Session, until: dt.date) -> int:
    """Pieces of batch stock expiring on or before ``until``: added to the dashboard's expiry figures."""
    return session.scalar(select(func.coalesce(func.sum(BatchStock.quantity), 0))
                          .where(BatchStock.expiry <= until, BatchStock.quantity > 0)) or 0  # fmt: skip


# --- issue -----------------------------------------------------------------------------------------


@service(Permission.VIEW, write=False)
def plan_issue(uow: UnitOfWork, sku: str, quantity: int, *, today: dt.date | None = None) -> IssuePlan:
    """What to take for ``quantity`` of ``sku``: the first-expiring unexpired lots no recall blocks first. Nothing is
    written."""
    item = _batch_item(uow.session, sku)
    _positive(quantity)
    rows = _lots(uow.session, item.id)
    takes, short = first_expiring(_available(rows), quantity, today or dt.date.today())
    return IssuePlan(item.sku, quantity, _takes(rows, takes), short)


@service(Permission.MOVE)
def issue(uow: UnitOfWork, sku: str, quantity: int, *, batch: str | None = None, location: str | None = None,
          to: str | None = None, note: str | None = None, today: dt.date | None = None) -> BatchIssue:  # fmt: skip
    """Issue ``quantity`` of a batch item (from ``location`` only, if given): the named batch, else first-expiring
    first.

    An expired batch is refused when named and never taken otherwise; so is a
    batch a recall blocks. Taking a named batch while one that expires earlier
    stays on the shelf is allowed, and said, as advice.
    """
    session = uow.session
    today = today or dt.date.today()
    item = _batch_item(session, sku)
    _positive(quantity)
    # Locked in id order: two issues of the item wait for each other instead of both taking the same pieces.
    rows = _lots(session, item.id, lock=True)
    chosen = rows
    if location is not None:
        place = get_location_row(session, location)
        chosen = [row for row in chosen if row[0].location_id == place.id]
    if batch is not None:
        named = normalise(batch)
        chosen = [row for row in chosen if row[0].batch == named]
        if not chosen:
            raise NotFound("batch_qty.no_stock", field="batch", sku=item.sku, batch=named)
        if all(row[0].blocked for row in chosen):
            raise ValidationError(Problem(Text("batch_qty.batch"), named, "blocked",
                                          Text("recallq.issue_blocked", sku=item.sku, batch=named)))  # fmt: skip
        if expired(chosen[0][0].expiry, today):
            raise ValidationError(Problem(Text("batch_qty.batch"), named, "expired",
                                          Text("batch_qty.issue_expired", batch=named,
                                               expiry=chosen[0][0].expiry.isoformat())))  # fmt: skip
    takes, short = first_expiring(_available(chosen), quantity, today)
    if short:
        have = quantity - short
        blocked = sum(row[0].quantity for row in chosen if row[0].blocked and not expired(row[0].expiry, today))
        said = (Text("recallq.short_blocked", sku=item.sku, wanted=quantity, have=have, blocked=blocked) if blocked
                else Text("batch_qty.short", sku=item.sku, wanted=quantity, have=have))  # fmt: skip
        raise ValidationError(Problem(QUANTITY, str(quantity), "quantity", said))
    now = utcnow()
    for stock_id, take in takes:
        # Still unblocked and still there: the rows were read under lock, and this says so again where it counts.
        taken = session.execute(update(BatchStock).where(BatchStock.id == stock_id, BatchStock.quantity >= take,
                                                         BatchStock.blocked.is_(False))
                                .values(quantity=BatchStock.quantity - take)).rowcount  # fmt: skip
        if not taken:
            raise Conflict("batch_qty.taken_meanwhile", sku=item.sku)
        session.add(BatchMove(stock_id=stock_id, action="issue", quantity=take, at=now, user_id=uow.actor.id,
                              ref=to, note=note))  # fmt: skip
    done = _takes(rows, takes)
    advice = []
    if batch is not None:
        latest = max((t.expiry for t in done if t.expiry), default=None)
        earlier = [row for row in rows if row[0].batch != done[0].batch and row[0].expiry and latest
                   and today <= row[0].expiry < latest and row[0].quantity > 0 and not row[0].blocked]  # fmt: skip
        if earlier:
            first = min(earlier, key=lambda row: row[0].expiry)[0]
            advice.append(Text("batch_qty.earlier", sku=item.sku, batch=first.batch, expiry=first.expiry.isoformat(),
                               count=sum(row[0].quantity for row in earlier)))  # fmt: skip
    uow.audit("batch.issue", "item", item.sku, after={"quantity": quantity, "to": to, "note": note,
              "takes": [{"batch": t.batch, "location": t.location, "quantity": t.quantity} for t in done]})  # fmt: skip
    return BatchIssue(item.sku, quantity, done, to, advice)


def _batch_item(session: Session, sku: str) -> Item:
    item = get_item_row(session, sku)
    if item.tracking != "batch":
        raise ValidationError(Problem(Text("batch_qty.item"), item.sku, "tracking",
                                      Text("batch_qty.not_by_batch", sku=item.sku, tracking=item.tracking)))  # fmt: skip
    return item


def _positive(quantity: int) -> None:
    if not isinstance(quantity, int) or quantity <= 0:
        raise ValidationError(Problem(QUANTITY, str(quantity), "quantity", Text("receiving.quantity_positive")))


def _lots(session: Session, item_id: int, *, lock: bool = False) -> list[tuple[BatchStock, str]]:
    query = (select(BatchStock, Location.code).join(Location, Location.id == BatchStock.location_id)
             .where(BatchStock.item_id == item_id).order_by(BatchStock.id))  # fmt: skip
    return [tuple(row) for row in session.execute(query.with_for_update(of=BatchStock) if lock else query)]


def _available(rows: list[tuple[BatchStock, str]]) -> list[Available]:
    """What may be taken: the rows no recall blocks."""
    return [Available(stock.id, stock.expiry, stock.quantity) for stock, _ in rows if not stock.blocked]


def _takes(rows: list[tuple[BatchStock, str]], takes: list) -> list[Take]:
    by_id = {stock.id: (stock, code) for stock, code in rows}
    return [Take(by_id[i][0].batch, by_id[i][0].expiry, by_id[i][1], n) for i, n in takes]


# --- recall and trace -----------------------------------------------------------------------------


@dataclass(frozen=True)
class LotCriteria:
    """What a recall says of the batches it names: a batch is named when any receipt of it matches every criterion."""

    supplier: str | None = None
    batch: str | None = None
    po: str | None = None
    sku: str | None = None
    received_from: dt.date | None = None
    received_to: dt.date | None = None


@dataclass(frozen=True)
class LotStock:
    """One stock row of a recalled batch: how many pieces lie at one place, and whether a recall blocks them."""

    id: int
    sku: str
    batch: str
    expiry: dt.date | None
    location: str
    quantity: int
    blocked: bool


def _named_lots(named: LotCriteria):
    """(item_id, batch) of every batch ``named`` names, as a subquery."""
    received = (select(BatchStock.item_id, BatchStock.batch)
                .join(BatchMove, BatchMove.stock_id == BatchStock.id)
                .join(ReceiptLine, ReceiptLine.id == BatchMove.receipt_line_id)
                .join(Receipt, Receipt.id == ReceiptLine.receipt_id)
                .join(PurchaseOrder, PurchaseOrder.id == Receipt.po_id)
                .join(Supplier, Supplier.id == PurchaseOrder.supplier_id)
                .join(Item, Item.id == BatchStock.item_id)
                .where(BatchMove.action == "receive"))  # fmt: skip
    if named.supplier:
        received = received.where(Supplier.code == normalise(named.supplier))
    if named.batch:
        received = received.where(BatchStock.batch == normalise(named.batch))
    if named.po:
        received = received.where(PurchaseOrder.number == normalise(named.po).upper())
    if named.sku:
        received = received.where(Item.sku == normalise(named.sku))
    if named.received_from:
        received = received.where(BatchMove.at >= utc_midnight(named.received_from))
    if named.received_to:
        received = received.where(BatchMove.at < utc_midnight(named.received_to + dt.timedelta(days=1)))
    return received.distinct().subquery()


def _of_named(named: LotCriteria, *columns) -> Select:
    """``columns`` of every stock row of the batches ``named`` names."""
    lots = _named_lots(named)
    return (select(*columns).select_from(BatchStock).join(Item, Item.id == BatchStock.item_id)
            .join(lots, (lots.c.item_id == BatchStock.item_id) & (lots.c.batch == BatchStock.batch)))  # fmt: skip


def lock_lots(session: Session, named: LotCriteria) -> list[LotStock]:
    """Every stock row of the batches ``named`` names, locked in id order as an issue locks them: an issue of the
    same pieces at the same moment has either taken them already or waits and then sees them blocked."""
    query = (_of_named(named, BatchStock.id, Item.sku, BatchStock.batch, BatchStock.expiry, Location.code,
                       BatchStock.quantity, BatchStock.blocked)
             .join(Location, Location.id == BatchStock.location_id).order_by(BatchStock.id))  # fmt: skip
    return [LotStock(*row) for row in session.execute(query.with_for_update(of=BatchStock))]


def set_blocked(session: Session, lots: list[LotStock], blocked: bool) -> None:
    """Block (or release) ``lots``, rows `lock_lots` locked in this transaction."""
    if lots:
        session.execute(update(BatchStock).where(BatchStock.id.in_([lot.id for lot in lots])).values(blocked=blocked))


def batch_flows(session: Session, named: LotCriteria) -> list[BatchFlow]:
    """Where every piece of the batches a recall names went: each receipt of it, what is on each shelf (blocked by a
    recall or not), what was issued to whom. A batch's whole flow is shown, whichever receipt of it was named."""
    head = (Item.sku, Item.name, BatchStock.batch, BatchStock.expiry)
    moves = _of_named(named).join(BatchMove, BatchMove.stock_id == BatchStock.id)
    flows: list[BatchFlow] = []
    for *lot, receipt, po_number, quantity, at in session.execute(
        moves.add_columns(*head, Receipt.number, PurchaseOrder.number, func.sum(BatchMove.quantity), func.min(BatchMove.at))
        .join(ReceiptLine, ReceiptLine.id == BatchMove.receipt_line_id).join(Receipt, Receipt.id == ReceiptLine.receipt_id)
        .join(PurchaseOrder, PurchaseOrder.id == Receipt.po_id)
        .group_by(*head, Receipt.number, PurchaseOrder.number)
    ):  # fmt: skip
        flows.append(BatchFlow(*lot, "received", f"{receipt} ({po_number})", quantity, at))
    for *lot, code, quantity, blocked in session.execute(
        _of_named(named, *head, Location.code, BatchStock.quantity, BatchStock.blocked)
        .join(Location, Location.id == BatchStock.location_id).where(BatchStock.quantity > 0)
    ):  # fmt: skip
        flows.append(BatchFlow(*lot, "blocked" if blocked else "in_stock", code, quantity, None))
    for *lot, to, quantity, at in session.execute(
        moves.add_columns(*head, BatchMove.ref, func.sum(BatchMove.quantity), func.max(BatchMove.at))
        .where(BatchMove.action == "issue").group_by(*head, BatchMove.ref)
    ):  # fmt: skip
        flows.append(BatchFlow(*lot, "issued", to, quantity, at))
    order = {"received": 0, "in_stock": 1, "blocked": 1, "issued": 2}
    return sorted(flows, key=lambda f: (f.sku, f.batch, order[f.where], f.place or ""))
