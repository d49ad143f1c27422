"""Purchase orders: create with lines and terms, edit a draft, amend an ordered one, approve, cancel, close, show, list."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field, fields, replace
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from snapp.db.models import Item, POAmendment, POLine, PurchaseOrder, Supplier, User
from snapp.domain import money
from snapp.domain.capture import normalise
from snapp.domain.permissions import Permission
from snapp.domain.purchasing import POStatus, check_po_change, check_po_move, status_after_receipt
from snapp.errors import NotFound, Problem, SnappError, Text, ValidationError
from snapp.services.base import UnitOfWork, check_page, service
from snapp.services.masterdata import get_item_row, get_supplier_row

QUANTITY_MAX = 1_000_000  # units on one PO line; the column holds 2,147,483,647
PRICE_LIMIT = 10_000_000_000  # Numeric(14, 4) holds ten digits before the point
SUPPLIER_REF_MAX = 64  # the column's width


@dataclass(frozen=True)
class LineSpec:
    """A PO line as asked for; ``line_no`` names the PO's existing line it replaces (none: a new line)."""

    sku: str
    quantity: int
    unit_price: Decimal | None = None
    line_no: int | None = None

    @classmethod
    def parse(cls, text: str) -> LineSpec:
        """``[N=]SKU:QTY[:PRICE]`` as typed on the command line; ``N=`` names the PO's line N it replaces."""
        numbered, _, rest = normalise(text).rpartition("=")
        parts = rest.split(":")
        problem = Problem(Text("purchasing.line"), text, "line", Text("purchasing.line_syntax"))
        if len(parts) not in (2, 3) or not parts[0]:
            raise ValidationError(problem)
        try:
            line_no = int(numbered) if numbered else None
            quantity = int(parts[1])
            price = Decimal(parts[2]) if len(parts) == 3 else None
        except (ValueError, InvalidOperation):
            raise ValidationError(problem) from None
        return cls(parts[0], quantity, price, line_no)


_CURRENCY_SIGNS = "¥￥$€£ "


def pasted_lines(text: str) -> list[LineSpec]:
    """Lines copied from a spreadsheet: per row SKU, quantity and optionally unit price, separated by tabs.

    Thousands separators and a currency sign are allowed (``6,899.00``, ``¥49.90``); a first row that is a
    header, and empty rows, are skipped. Every bad row is named by its number, nothing is taken in part.
    """
    lines: list[LineSpec] = []
    problems: list[Problem] = []
    rows = text.splitlines()
    for n, row in enumerate(rows, 1):
        cells = [cell.strip() for cell in row.split("\t")] if "\t" in row else row.split()
        if not any(cells):
            continue
        position = Text("position.line", line=n)
        if len(cells) < 2 or len(cells) > 3 or not cells[0]:
            problems.append(Problem(position, row, "line", Text("po_terms.pasted_row")))
            continue
        quantity = cells[1].replace(",", "")
        if not quantity.isdigit():
            if n == 1:  # a header: "SKU  Quantity  Price"
                continue
            problems.append(Problem(position, cells[1], "quantity", Text("purchasing.quantity")))
            continue
        price_text = cells[2].strip(_CURRENCY_SIGNS).replace(",", "") if len(cells) == 3 else ""
        try:
            price = Decimal(price_text) if price_text else None
            if price is not None and not price.is_finite():
                raise InvalidOperation
        except InvalidOperation:
            problems.append(Problem(position, cells[2], "unit_price", Text("po_terms.not_price", value=cells[2])))
            continue
        lines.append(LineSpec(normalise(cells[0]), int(quantity), price))
    if problems:
        raise ValidationError(problems)
    return lines


@dataclass(frozen=True)
class POLineRecord:
    line_no: int
    sku: str
    item_name: str
    quantity: int
    received: int
    unit_price: Decimal | None
    amount: Decimal  # quantity × unit price, to the currency's decimals

    @property
    def remaining(self) -> int:
        return self.quantity - self.received


@dataclass(frozen=True)
class AmendmentRecord:
    seq: int
    amended_at: dt.datetime
    amended_by: str
    reason: str
    changes: dict[str, Any]  # field: {"before": ..., "after": ...}


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
    currency: str = money.DEFAULT_CURRENCY
    tax_rate: Decimal = Decimal(0)
    delivery_date: dt.date | None = None
    supplier_ref: str | None = None
    net: Decimal = Decimal(0)
    tax: Decimal = Decimal(0)
    gross: Decimal = Decimal(0)
    amendments: list[AmendmentRecord] = field(default_factory=list)

    @property
    def total(self) -> Decimal:
        return self.gross


@dataclass(frozen=True)
class POTerms:
    """What a PO says besides its lines. Unit prices are before tax; ``tax_rate`` is a percentage."""

    currency: str = money.DEFAULT_CURRENCY
    tax_rate: Decimal = Decimal(0)
    delivery_date: dt.date | None = None
    supplier_ref: str | None = None


class _Keep:
    def __repr__(self) -> str:
        return "KEEP"


KEEP: Any = _Keep()  # a field of POChange left as the PO has it


@dataclass(frozen=True)
class POChange:
    """The new values of what changes; every field left as ``KEEP`` stays as it is.

    ``lines`` is the PO's whole new list: a line with a ``line_no`` replaces
    that line, one without is added, and a line of the PO not in the list is
    removed.
    """

    supplier: str = KEEP
    lines: list[LineSpec] = KEEP
    currency: str = KEEP
    tax_rate: Decimal = KEEP
    delivery_date: dt.date | None = KEEP
    supplier_ref: str | None = KEEP
    note: str | None = KEEP

    def given(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name) is not KEEP}


def parse_rate(text: str) -> Decimal:
    """A tax rate as typed ("13", "13%"), checked: a percentage from 0 to 100."""
    try:
        return money.tax_rate(Decimal(text.strip().removesuffix("%")))
    except InvalidOperation:
        raise SnappError("money.tax_rate", field="tax_rate", rate=text) from None


def parse_date(text: str, today: dt.date | None = None) -> dt.date:
    """``YYYY-MM-DD``, or ``+N`` for N days from ``today`` (default: today), as typed; or a refusal naming it."""
    typed = text.strip()
    try:
        if typed.startswith("+") and typed[1:].isdigit():
            return (today or dt.date.today()) + dt.timedelta(days=int(typed[1:]))
        return dt.date.fromisoformat(typed)
    except (ValueError, OverflowError):
        raise SnappError("po_terms.date", field="delivery_date", value=text) from None


@service(Permission.PURCHASING)
def create_po(
    uow: UnitOfWork, supplier: str, lines: list[LineSpec], note: str | None = None, terms: POTerms | None = None
) -> PORecord:
    session = uow.session
    problems: list[Problem] = []
    try:
        supplier_row = get_supplier_row(session, supplier)
    except NotFound as err:
        problems.append(Problem(Text("purchasing.supplier"), supplier, "supplier", err.text))
    items = _check_lines(session, lines, problems)
    terms = _check_terms(terms or POTerms(), problems)
    if problems:
        raise ValidationError(problems)
    po = PurchaseOrder(supplier_id=supplier_row.id, status=POStatus.DRAFT, note=note, created_by=uow.actor.id,
                       currency=terms.currency, tax_rate=terms.tax_rate, delivery_date=terms.delivery_date,
                       supplier_ref=terms.supplier_ref)  # fmt: skip
    session.add(po)
    session.flush()
    po.number = f"PO-{po.created_at:%Y}-{po.id:06d}"
    for n, (spec, item) in enumerate(zip(lines, items, strict=True), 1):
        session.add(POLine(po_id=po.id, line_no=n, item_id=item.id, quantity=spec.quantity, unit_price=spec.unit_price))
    session.flush()
    record = _po_record(session, po)
    uow.audit("po.create", "purchase_order", po.number, after=_audit_view(record))
    return record


def _check_lines(session: Session, lines: list[LineSpec], problems: list[Problem]) -> list[Item]:
    """The item of each line; what is wrong with any line goes to ``problems``, each named by its position."""
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
    return items


def _check_terms(terms: POTerms, problems: list[Problem]) -> POTerms:
    """``terms`` in their stored form (currency upper case, rate to the hundredth); problems go to ``problems``."""
    checked = terms
    for name, check in (("currency", money.currency_code), ("tax_rate", money.tax_rate)):
        try:
            checked = replace(checked, **{name: check(getattr(terms, name))})
        except SnappError as err:
            problems.append(Problem(Text(f"po_terms.{name}"), str(getattr(terms, name)), name, err.text))
    ref = (terms.supplier_ref or "").strip() or None
    if ref and len(ref) > SUPPLIER_REF_MAX:
        too_long = Text("po_terms.too_long", limit=SUPPLIER_REF_MAX)
        problems.append(Problem(Text("po_terms.supplier_ref"), ref, "supplier_ref", too_long))
    return replace(checked, supplier_ref=ref)


@service(Permission.PURCHASING)
def edit_po(uow: UnitOfWork, number: str, change: POChange) -> PORecord:
    """Change a draft PO: its supplier, lines and terms."""
    po = _locked(uow.session, number)
    check_po_change(po.number, po.status, "edit")
    before, after = _change(uow.session, po, change)
    uow.audit("po.edit", "purchase_order", po.number, before=before, after=after)
    return _po_record(uow.session, po)


@service(Permission.PURCHASING)
def amend_po(uow: UnitOfWork, number: str, change: POChange, reason: str) -> PORecord:
    """Change an ordered PO's lines and terms, saying why: an amendment on record and in the audit trail.

    A line already received stays, with at least what was received and the
    same item; the status follows what is now ordered against what came.
    """
    session = uow.session
    reason = normalise(reason or "")
    if not reason:
        raise SnappError("po_terms.reason", field="reason")
    po = _locked(session, number)
    check_po_change(po.number, po.status, "amend")
    if "supplier" in change.given() and get_supplier_row(session, change.supplier).id != po.supplier_id:
        raise SnappError("po_terms.supplier_fixed", field="supplier")
    before, after = _change(session, po, replace(change, supplier=KEEP))
    ordered, received = session.execute(
        select(func.sum(POLine.quantity), func.sum(POLine.received)).where(POLine.po_id == po.id)
    ).one()
    status = po.status
    po.status = status_after_receipt(ordered, received)
    seq = (session.scalar(select(func.max(POAmendment.seq)).where(POAmendment.po_id == po.id)) or 0) + 1
    changes = {key: {"before": before.get(key), "after": after.get(key)} for key in after}
    if po.status != status:
        changes["status"] = {"before": status, "after": po.status}
    session.add(POAmendment(po_id=po.id, seq=seq, amended_by=uow.actor.id, reason=reason,
                            changes=json.dumps(changes, ensure_ascii=False)))  # fmt: skip
    uow.audit("po.amend", "purchase_order", po.number, before=before,
              after={**after, "amendment": seq, "reason": reason})  # fmt: skip
    session.flush()
    return _po_record(session, po)


def _locked(session: Session, number: str) -> PurchaseOrder:
    po = get_po_row(session, number)
    session.refresh(po, with_for_update=True)  # a receipt or a move meanwhile: wait for it, then judge from it
    return po


def _change(session: Session, po: PurchaseOrder, change: POChange) -> tuple[dict[str, Any], dict[str, Any]]:
    """Check and write ``change``; the audit views of what changed, before and after. Nothing written if refused."""
    given = change.given()
    problems: list[Problem] = []
    current = POTerms(po.currency, po.tax_rate, po.delivery_date, po.supplier_ref)
    terms = _check_terms(replace(current, **{k: v for k, v in given.items() if hasattr(current, k)}), problems)
    supplier_id = po.supplier_id
    if "supplier" in given:
        try:
            supplier_id = get_supplier_row(session, given["supplier"]).id
        except NotFound as err:
            problems.append(Problem(Text("purchasing.supplier"), given["supplier"], "supplier", err.text))
    existing = {line.line_no: line for line in session.scalars(select(POLine).where(POLine.po_id == po.id))}
    lines: list[LineSpec] = given.get("lines", [])
    items = _check_lines(session, lines, problems) if "lines" in given else []
    if "lines" in given:
        _check_kept(session, existing, lines, items, problems)
    if problems:
        raise ValidationError(problems)
    before = _audit_view(_po_record(session, po))
    if "note" in given:
        po.note = (given["note"] or "").strip() or None
    po.supplier_id = supplier_id
    po.currency, po.tax_rate, po.delivery_date, po.supplier_ref = (
        terms.currency, terms.tax_rate, terms.delivery_date, terms.supplier_ref
    )
    if "lines" in given:
        _write_lines(session, po, existing, lines, items)
    session.flush()
    after = _audit_view(_po_record(session, po))
    changed = [key for key in after if after[key] != before[key]]
    if not changed:
        raise SnappError("po_terms.no_change")
    return {key: before[key] for key in changed}, {key: after[key] for key in changed}


def _check_kept(session: Session, existing: dict[int, POLine], lines: list[LineSpec], items: list[Item],
                problems: list[Problem]) -> None:  # fmt: skip
    """A received line may not go, fall below what was received, or change item; a line number must be the PO's."""

    def sku_of(line: POLine) -> str:
        item = session.get(Item, line.item_id)
        assert item is not None
        return item.sku

    named = {spec.line_no for spec in lines}
    for line_no, line in existing.items():
        if line.received and line_no not in named:
            sku = sku_of(line)
            problems.append(Problem(Text("position.line", line=line_no), sku, "line_no", Text(
                "po_terms.received_line_removed", line=line_no, sku=sku, received=line.received)))  # fmt: skip
    for n, spec in enumerate(lines, 1):
        position = Text("position.line", line=n)
        if spec.line_no is None:
            continue
        line = existing.get(spec.line_no)
        if line is None:
            problems.append(Problem(position, str(spec.line_no), "line_no",
                                    Text("po_terms.unknown_line", line=spec.line_no)))  # fmt: skip
            continue
        if not line.received:
            continue
        sku = sku_of(line)
        if spec.quantity < line.received:
            problems.append(Problem(position, str(spec.quantity), "quantity", Text(
                "po_terms.below_received", line=spec.line_no, sku=sku, quantity=spec.quantity,
                received=line.received)))  # fmt: skip
        if n <= len(items) and items[n - 1].id != line.item_id:
            problems.append(Problem(position, spec.sku, "sku", Text(
                "po_terms.received_item_changed", line=spec.line_no, sku=sku, received=line.received)))  # fmt: skip


def _write_lines(session: Session, po: PurchaseOrder, existing: dict[int, POLine], lines: list[LineSpec],
                 items: list[Item]) -> None:  # fmt: skip
    kept = {spec.line_no for spec in lines if spec.line_no is not None}
    for line_no, line in existing.items():
        if line_no not in kept:
            session.delete(line)
    session.flush()  # the removed lines' numbers are free before a new line takes one
    next_no = max(existing, default=0) + 1
    for spec, item in zip(lines, items, strict=True):
        if spec.line_no is not None:
            line = existing[spec.line_no]
            line.item_id, line.quantity, line.unit_price = item.id, spec.quantity, spec.unit_price
        else:
            session.add(POLine(po_id=po.id, line_no=next_no, item_id=item.id, quantity=spec.quantity,
                               unit_price=spec.unit_price))  # fmt: skip
            next_no += 1


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
    rows = session.execute(
        select(POLine.line_no, Item.sku, Item.name, POLine.quantity, POLine.received, POLine.unit_price)
        .join(Item, Item.id == POLine.item_id)
        .where(POLine.po_id == po.id)
        .order_by(POLine.line_no)
    ).all()
    amendments = session.execute(
        select(POAmendment.seq, POAmendment.amended_at, User.name, POAmendment.reason, POAmendment.changes)
        .join(User, User.id == POAmendment.amended_by)
        .where(POAmendment.po_id == po.id)
        .order_by(POAmendment.seq)
    )
    assert supplier is not None and creator is not None and po.number is not None
    currency, rate = po.currency, Decimal(po.tax_rate)
    totals = money.order_totals([(row.quantity, row.unit_price) for row in rows], rate, currency)
    return PORecord(
        po.number,
        supplier.code,
        supplier.name,
        po.status,
        po.created_at,
        creator.name,
        po.note,
        [POLineRecord(*row, money.line_amount(row.quantity, row.unit_price, currency)) for row in rows],
        currency,
        rate,
        po.delivery_date,
        po.supplier_ref,
        totals.net,
        totals.tax,
        totals.gross,
        [AmendmentRecord(seq, at, by, reason, json.loads(changes)) for seq, at, by, reason, changes in amendments],
    )


def _price(value: Decimal | None) -> str | None:
    return format(value.normalize(), "f") if value is not None else None  # 6899.0000 → "6899", not "6.899E+3"


def _audit_view(record: PORecord) -> dict:
    return {
        "supplier": record.supplier,
        "status": record.status,
        "currency": record.currency,
        "tax_rate": str(record.tax_rate),
        "delivery_date": record.delivery_date.isoformat() if record.delivery_date else None,
        "supplier_ref": record.supplier_ref,
        "note": record.note,
        "lines": [[line.line_no, line.sku, line.quantity, _price(line.unit_price)] for line in record.lines],
        "gross": str(record.gross),
    }
