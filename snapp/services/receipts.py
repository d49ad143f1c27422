"""A posted goods receipt as a record: its lines at their PO prices, and its serials.

What finance reconciles against the ERP's purchase receipt, and what an
integrator fetches when a ``receipt.posted`` event arrives.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from snapp.db.models import Item, Location, POLine, PurchaseOrder, Receipt, ReceiptLine, Serial, Supplier, User
from snapp.domain.capture import normalise
from snapp.domain.permissions import Permission
from snapp.errors import NotFound
from snapp.services.base import UnitOfWork, service


@dataclass(frozen=True)
class ReceiptLineRecord:
    line_no: int
    sku: str
    item_name: str
    quantity: int
    unit_price: Decimal | None
    amount: Decimal | None
    serials: list[str]


@dataclass(frozen=True)
class ReceiptDetail:
    number: str
    po: str
    supplier: str
    supplier_name: str
    location: str
    location_name: str
    received_at: dt.datetime
    received_by: str
    note: str | None
    currency: str  # the PO's: every price and amount is in it
    lines: list[ReceiptLineRecord]

    @property
    def total(self) -> Decimal | None:
        amounts = [line.amount for line in self.lines]
        return sum(amounts, Decimal(0)) if all(a is not None for a in amounts) else None


def read_receipt(session: Session, number: str) -> ReceiptDetail:
    row = session.execute(
        select(Receipt.id, Receipt.number, PurchaseOrder.number, Supplier.code, Supplier.name, Location.code,
               Location.name, Receipt.received_at, User.name, Receipt.note, PurchaseOrder.currency)
        .join(PurchaseOrder, PurchaseOrder.id == Receipt.po_id)
        .join(Supplier, Supplier.id == PurchaseOrder.supplier_id)
        .join(Location, Location.id == Receipt.location_id)
        .join(User, User.id == Receipt.user_id)
        .where(Receipt.number == normalise(number).upper())
    ).first()  # fmt: skip
    if row is None:
        raise NotFound("print.no_receipt", field="receipt", number=number)
    receipt_id, *head = row
    serials: dict[int, list[str]] = {}
    for line_id, serial in session.execute(
        select(ReceiptLine.id, Serial.serial)
        .join(Serial, Serial.receipt_line_id == ReceiptLine.id)
        .where(ReceiptLine.receipt_id == receipt_id)
        .order_by(Serial.id)
    ):
        serials.setdefault(line_id, []).append(serial)
    lines = [
        ReceiptLineRecord(line_no, sku, name, quantity, price, price * quantity if price is not None else None,
                          serials.get(line_id, []))  # fmt: skip
        for line_id, line_no, sku, name, quantity, price in session.execute(
            select(ReceiptLine.id, POLine.line_no, Item.sku, Item.name, ReceiptLine.quantity, POLine.unit_price)
            .join(POLine, POLine.id == ReceiptLine.po_line_id)
            .join(Item, Item.id == POLine.item_id)
            .where(ReceiptLine.receipt_id == receipt_id)
            .order_by(POLine.line_no)
        )
    ]
    return ReceiptDetail(*head, lines)


@service(Permission.VIEW, write=False)
def get_receipt(uow: UnitOfWork, number: str) -> ReceiptDetail:
    return read_receipt(uow.session, number)
