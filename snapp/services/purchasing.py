"""Purchase orders: create with lines, approve, cancel, close, show, list."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from snapp.db.models import Item, POLine, PurchaseOrder, Supplier, User
from snapp.domain.capture import normalise
from snapp.domain.permissions import Permission
from snapp.domain.purchasing import POStatus, check_po_move
from snapp.errors import NotFound, Problem, Text, ValidationError
from snapp.services.base import UnitOfWork, check_page, service
from snapp.services.masterdata import get_item_row, get_supplier_row

QUANTITY_MAX = 1_000_000  # units on one PO line; the column holds 2,147,483,647
PRICE_LIMIT = 10_000_000_000  # Numeric(14, 4) holds ten digits before the point


@dataclass(frozen=True)
class LineSpec:
    sku: str
    quantity: int
    unit_price: Decimal | None = None

    @classmethod
    def parse(cls, text: str) -> LineSpec:
        """``SKU:QTY[:PRICE]`` as typed on the command line."""
        parts = normalise(text).split(":")
        problem = Problem(Text("purchasing.line"), text, "line", Text("purchasing.line_syntax"))
        if len(parts) not in (2, 3) or not parts[0]:
            raise ValidationError(problem)
        try:
            quantity = int(parts[1])
            price = Decimal(parts[2]) if len(parts) == 3 else None
        except (ValueError, InvalidOperation):
            raise ValidationError(problem) from None
        return cls(parts[0], quantity, price)


@dataclass(frozen=True)
class POLineRecord:
    line_no: int
    sku: str
    item_name: str
    quantity: int
    received: int
    unit_price: Decimal | None

    @property
    def remaining(self) -> int:
        return self.quantity - self.received


@dataclass(frozen=True)
class PORecord:
    number: str
    supplier: str
    supplier_name: str
    status: str
    created_at: dt.datetime
    created_by: str
    note: str | None
    lines: list[POLineRecord]

    @property
    def total(self) -> Decimal:
        return sum((line.unit_price or Decimal(0)) * line.quantity for line in self.lines) or Decimal(0)


@service(Permission.PURCHASING)
def create_po(uow: UnitOfWork, supplier: str, lines: list[LineSpec], note: str | None = None) -> PORecord:
    session = uow.session
    problems: list[Problem] = []
    try:
        supplier_row = get_supplier_row(session, supplier)
    except NotFound as err:
        problems.append(Problem(Text("purchasing.supplier"), supplier, "supplier", err.text))
    if not lines:
        problems.append(Problem(Text("purchasing.lines"), "", "lines", Text("purchasing.no_lines")))
    items: list[Item] = []
    for n, spec in enumerate(lines, 1):
        position = Text("position.line", line=n)
        try:
            items.append(get_item_row(session, spec.sku))
        except NotFound as err:
            problems.append(Problem(position, spec.sku, "sku", err.text))
        if spec.quantity <= 0:
            problems.append(Problem(position, str(spec.quantity), "quantity", Text("purchasing.quantity")))
        # Beyond what the columns hold, PostgreSQL would fail the whole order with a database error.
        if spec.quantity > QUANTITY_MAX:
            too_many = Text("validation.between", low=1, high=QUANTITY_MAX)
            problems.append(Problem(position, str(spec.quantity), "quantity", too_many))
        price = spec.unit_price
        if price is not None and (not price.is_finite() or price >= PRICE_LIMIT):  # NaN cannot even be compared
            problems.append(Problem(position, str(price), "unit_price", Text("validation.below", limit=PRICE_LIMIT)))
        elif price is not None and price < 0:
            problems.append(Problem(position, str(price), "unit_price", Text("purchasing.negative_price")))
    if problems:
        raise ValidationError(problems)
    po = PurchaseOrder(supplier_id=supplier_row.id, status=POStatus.DRAFT, note=note, created_by=uow.actor.id)
    session.add(po)
    session.flush()
    po.number = f"PO-{po.created_at:%Y}-{po.id:06d}"
    for n, (spec, item) in enumerate(zip(lines, items, strict=True), 1):
        session.add(POLine(po_id=po.id, line_no=n, item_id=item.id, quantity=spec.quantity, unit_price=spec.unit_price))
    session.flush()
    record = _po_record(session, po)
    uow.audit("po.create", "purchase_order", po.number, after=_audit_view(record))
    return record


def _move(verb: str):
    @service(Permission.PURCHASING)
    def move(uow: UnitOfWork, number: str) -> PORecord:
        po = get_po_row(uow.session, number)
        uow.session.refresh(po, with_for_update=True)  # a move made meanwhile: wait for it, check from its status
        target = check_po_move(po.number, po.status, verb)
        before = po.status
        po.status = target
        uow.audit(f"po.{verb}", "purchase_order", po.number, before={"status": before}, after={"status": target})
        return _po_record(uow.session, po)

    move.__name__ = move.__qualname__ = f"{verb}_po"
    move.__doc__ = f"{verb.capitalize()} a purchase order."
    return move


approve_po = _move("approve")
cancel_po = _move("cancel")
close_po = _move("close")


@service(Permission.VIEW, write=False)
def get_po(uow: UnitOfWork, number: str) -> PORecord:
    return read_po(uow.session, number)


def read_po(session: Session, number: str) -> PORecord:
    """`get_po` inside a unit of work that is already open."""
    return _po_record(session, get_po_row(session, number))


@dataclass(frozen=True)
class POSummary:
    number: str
    supplier: str
    status: str
    created_at: dt.datetime
    ordered: int
    received: int


@service(Permission.VIEW, write=False)
def list_pos(
    uow: UnitOfWork, status: str | None = None, supplier: str | None = None, limit: int = 100, offset: int = 0
) -> list[POSummary]:
    check_page(limit, offset)
    query = (
        select(
            PurchaseOrder.number,
            Supplier.code,
            PurchaseOrder.status,
            PurchaseOrder.created_at,
            func.coalesce(func.sum(POLine.quantity), 0),
            func.coalesce(func.sum(POLine.received), 0),
        )
        .join(Supplier, Supplier.id == PurchaseOrder.supplier_id)
        .outerjoin(POLine, POLine.po_id == PurchaseOrder.id)
        .group_by(PurchaseOrder.id, Supplier.code)
        .order_by(PurchaseOrder.id.desc())
        .limit(limit)
        .offset(offset)
    )
    if status:
        query = query.where(PurchaseOrder.status == POStatus(status))
    if supplier:
        query = query.where(Supplier.code == normalise(supplier))
    return [POSummary(*row) for row in uow.session.execute(query)]


def get_po_row(session: Session, number: str) -> PurchaseOrder:
    po = session.scalar(select(PurchaseOrder).where(PurchaseOrder.number == normalise(number).upper()))
    if po is None:
        raise NotFound("purchasing.no_po", number=number)
    return po


def _po_record(session: Session, po: PurchaseOrder) -> PORecord:
    supplier = session.get(Supplier, po.supplier_id)
    creator = session.get(User, po.created_by)
    lines = session.execute(
        select(POLine.line_no, Item.sku, Item.name, POLine.quantity, POLine.received, POLine.unit_price)
        .join(Item, Item.id == POLine.item_id)
        .where(POLine.po_id == po.id)
        .order_by(POLine.line_no)
    )
    assert supplier is not None and creator is not None and po.number is not None
    return PORecord(
        po.number,
        supplier.code,
        supplier.name,
        po.status,
        po.created_at,
        creator.name,
        po.note,
        [POLineRecord(*line) for line in lines],
    )


def _audit_view(record: PORecord) -> dict:
    return {
        "supplier": record.supplier,
        "status": record.status,
        "lines": [[line.sku, line.quantity, str(line.unit_price) if line.unit_price is not None else None]
                  for line in record.lines],
    }  # fmt: skip
