"""Reconciliation: what was ordered, received and recorded, and whether the books match the shelves.

Per purchase order and per supplier: ordered, received, serials recorded,
still in stock, returned (and the rest by status). The monthly "serial
reconciliation accuracy": of the units the month's stocktakes looked at, the
share whose recorded location and status agreed with the latest stocktake that
saw them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from snapp.db.models import StocktakeResult, Item, POLine, PurchaseOrder, ReceiptLine, Serial, Stocktake, Supplier
from snapp.domain.lifecycle import Status
from snapp.domain.permissions import Permission
from snapp.domain.purchasing import POStatus
from snapp.services.base import UnitOfWork, service


@dataclass
class Reconciliation:
    key: str  # PO number or supplier code
    supplier: str
    ordered: int = 0
    received: int = 0
    received_by_serial: int = 0  # received on lines of items tracked by serial
    serials: int = 0  # units recorded in the ledger
    by_status: dict[str, int] = field(default_factory=dict)

    @property
    def in_stock(self) -> int:
        return self.by_status.get(Status.IN_STOCK, 0)

    @property
    def returned(self) -> int:
        return self.by_status.get(Status.RETURNED_TO_SUPPLIER, 0)

    @property
    def open(self) -> int:
        return self.ordered - self.received

    @property
    def unrecorded(self) -> int:
        """Units received by serial but missing from the ledger: zero unless something is wrong."""
        return self.received_by_serial - self.serials

    def add(self, other: Reconciliation) -> None:
        self.ordered += other.ordered
        self.received += other.received
        self.received_by_serial += other.received_by_serial
        self.serials += other.serials
        for status, n in other.by_status.items():
            self.by_status[status] = self.by_status.get(status, 0) + n


@dataclass(frozen=True)
class AccuracyFigure:
    month: str  # YYYY-MM
    stocktakes: list[str]  # the stocktakes closed that month
    units: int  # units the stocktakes looked at (matched, missing, unexpected)
    agreeing: int  # of which the latest stocktake found where and as the books said
    accuracy: float | None  # agreeing / units; None without a stocktake that month


@service(Permission.VIEW, write=False)
def reconcile_pos(uow: UnitOfWork, supplier: str | None = None, po: str | None = None) -> list[Reconciliation]:
    """One line per purchase order (not cancelled), oldest first."""
    return _per_po(uow.session, supplier, po)


def _per_po(session: Session, supplier: str | None, po: str | None) -> list[Reconciliation]:
    lines = (
        select(
            PurchaseOrder.number,
            Supplier.code,
            func.sum(POLine.quantity),
            func.sum(POLine.received),
            func.sum(case((Item.tracking == "serial", POLine.received), else_=0)),
        )
        .join(Supplier, Supplier.id == PurchaseOrder.supplier_id)
        .join(POLine, POLine.po_id == PurchaseOrder.id)
        .join(Item, Item.id == POLine.item_id)
        .where(PurchaseOrder.status != POStatus.CANCELLED)
        .group_by(PurchaseOrder.id, PurchaseOrder.number, Supplier.code)
        .order_by(PurchaseOrder.id)
    )
    units = (
        select(PurchaseOrder.number, Serial.status, func.count())
        .select_from(Serial)
        .join(ReceiptLine, ReceiptLine.id == Serial.receipt_line_id)
        .join(POLine, POLine.id == ReceiptLine.po_line_id)
        .join(PurchaseOrder, PurchaseOrder.id == POLine.po_id)
        .join(Supplier, Supplier.id == PurchaseOrder.supplier_id)
        .group_by(PurchaseOrder.number, Serial.status)
    )
    if supplier:
        lines, units = lines.where(Supplier.code == supplier), units.where(Supplier.code == supplier)
    if po:
        number = po.strip().upper()
        lines, units = lines.where(PurchaseOrder.number == number), units.where(PurchaseOrder.number == number)
    result = {
        number: Reconciliation(number, code, int(ordered or 0), int(received or 0), int(by_serial or 0))
        for number, code, ordered, received, by_serial in session.execute(lines)
    }
    for number, status, n in session.execute(units):
        if line := result.get(number):
            line.serials += n
            line.by_status[status] = n
    return list(result.values())


@service(Permission.VIEW, write=False)
def reconcile_suppliers(uow: UnitOfWork) -> list[Reconciliation]:
    """The per-PO figures added up per supplier, by supplier code."""
    totals: dict[str, Reconciliation] = {}
    for line in _per_po(uow.session, None, None):
        totals.setdefault(line.supplier, Reconciliation(line.supplier, line.supplier)).add(line)
    return [totals[code] for code in sorted(totals)]


@service(Permission.VIEW, write=False)
def serial_accuracy(uow: UnitOfWork, month: dt.date) -> AccuracyFigure:
    """The month's serial reconciliation accuracy, from the stocktakes closed in it (applied or not)."""
    return accuracy_in(uow.session, month)


def accuracy_in(session: Session, month: dt.date) -> AccuracyFigure:
    """`serial_accuracy` inside a unit of work that is already open."""
    start = dt.datetime(month.year, month.month, 1, tzinfo=dt.UTC)
    end = dt.datetime(month.year + month.month // 12, month.month % 12 + 1, 1, tzinfo=dt.UTC)
    rows = session.execute(
        select(Stocktake.number, StocktakeResult.serial_id, StocktakeResult.outcome)
        .join(StocktakeResult, StocktakeResult.stocktake_id == Stocktake.id)
        .where(Stocktake.closed_at >= start, Stocktake.closed_at < end, StocktakeResult.serial_id.is_not(None))
        .order_by(Stocktake.closed_at, Stocktake.id)
    ).all()
    latest: dict[int, str] = {}  # unit -> outcome in the latest stocktake that saw it
    stocktakes: dict[str, None] = {}
    for number, unit_id, outcome in rows:
        latest[unit_id] = outcome
        stocktakes[number] = None
    agreeing = sum(1 for outcome in latest.values() if outcome == "matched")
    units = len(latest)
    return AccuracyFigure(f"{month:%Y-%m}", list(stocktakes), units, agreeing, agreeing / units if units else None)
