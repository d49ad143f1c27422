"""The value of stock as of any moment: what finance reconciles against the ERP.

Each unit is valued at its PO line's unit price, in the status and location it
had at that moment (its last lifecycle event up to then), so a month-end
figure can be read again later and come out the same. Units without a price
are counted and reported apart, never valued at zero silently. Values are in
their PO's currency and added up per currency, never across currencies.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from snapp.db.models import Item, Location, POLine, PurchaseOrder, ReceiptLine, Serial, SerialEvent
from snapp.domain.permissions import Permission
from snapp.services.base import UnitOfWork, service


@dataclass(frozen=True)
class StockValueLine:
    sku: str
    item_name: str
    location: str | None
    status: str
    units: int
    unpriced: int  # units whose PO line has no price
    value: Decimal
    currency: str  # of the POs the units were bought on


@dataclass(frozen=True)
class StockValue:
    at: dt.datetime
    lines: list[StockValueLine]

    @property
    def totals(self) -> dict[str, Decimal]:
        """The value per currency."""
        totals: dict[str, Decimal] = {}
        for line in self.lines:
            totals[line.currency] = totals.get(line.currency, Decimal(0)) + line.value
        return totals

    @property
    def total(self) -> Decimal | None:
        """The value when every unit was bought in one currency; None when they differ (see ``totals``)."""
        totals = self.totals
        return None if len(totals) > 1 else sum(totals.values(), Decimal(0))


@service(Permission.REPORTS, write=False)
def stock_value(uow: UnitOfWork, at: dt.datetime | None = None, *, statuses: list[str] | None = None) -> StockValue:
    """Units and value by item, location and status as of ``at`` (default: now), each unit at its PO price."""
    return read_stock_value(uow.session, at, statuses)


def read_stock_value(session: Session, at: dt.datetime | None, statuses: list[str] | None) -> StockValue:
    """`stock_value` inside an open unit of work (its export's too)."""
    at = at or dt.datetime.now(dt.UTC)
    last = (
        select(SerialEvent.serial_id, func.max(SerialEvent.id).label("event_id"))
        .where(SerialEvent.at <= at)
        .group_by(SerialEvent.serial_id)
        .subquery()
    )
    state = (
        select(Item.sku, Item.name, Location.code, SerialEvent.to_status,
               func.count().label("units"),
               func.count().filter(POLine.unit_price.is_(None)).label("unpriced"),
               func.coalesce(func.sum(POLine.unit_price), 0).label("value"), PurchaseOrder.currency)
        .select_from(last)
        .join(SerialEvent, SerialEvent.id == last.c.event_id)
        .join(Serial, Serial.id == last.c.serial_id)
        .join(Item, Item.id == Serial.item_id)
        .join(ReceiptLine, ReceiptLine.id == Serial.receipt_line_id)
        .join(POLine, POLine.id == ReceiptLine.po_line_id)
        .join(PurchaseOrder, PurchaseOrder.id == POLine.po_id)
        .outerjoin(Location, Location.id == SerialEvent.to_location_id)
        .group_by(Item.sku, Item.name, Location.code, SerialEvent.to_status, PurchaseOrder.currency)
        .order_by(Item.sku, Location.code, SerialEvent.to_status, PurchaseOrder.currency)
    )  # fmt: skip
    if statuses:
        state = state.where(SerialEvent.to_status.in_(statuses))
    lines = [
        StockValueLine(sku, name, location, status, units, unpriced, Decimal(value).quantize(Decimal("0.0001")), currency)
        for sku, name, location, status, units, unpriced, value, currency in session.execute(state)
    ]
    return StockValue(at, lines)
