"""Receiving against a purchase-order line: all or nothing.

Every serial is validated (`snapp.domain.capture`), checked against what is
still open on the line and against the serials already received, and written
in one transaction with its receive event and the audit entry. The unique
constraint on (item, serial) is what guarantees a serial is received once: a
clash fails the insert (through `snapp.db.bulk`, at the driver's pace), the
transaction rolls back, and one look-up then reports every clash and where
each unit is. Only a batch refused for other reasons is looked up before any
insert, so that all its problems are reported at once.

A line with a supplier's manifest has every scan judged against it first
(`snapp.services.manifests.judge_receipt`, in set operations); once posted,
the manifest serials not delivered yet are listed in the one open exception of
that manifest (`snapp.services.manifests.note_missing`: a split delivery
updates it rather than opening one per partial receipt).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import insert, literal, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from snapp.db import bulk
from snapp.db.models import (
    Item,
    Location,
    POLine,
    PurchaseOrder,
    Receipt,
    ReceiptLine,
    UTCDateTime,
    events_table,
    serials_table,
    utcnow,
)
from snapp.domain.batches import Lot, checked
from snapp.domain.capture import Capture, Reason, Source, capture, combine, gtin14, normalise, scan_gtin, scans
from snapp.domain.fields import capture_fields, next_place, scan_pairs, scanned_first
from snapp.domain.lifecycle import Action, Status
from snapp.domain.permissions import Permission
from snapp.domain.purchasing import RECEIVABLE, status_after_receipt
from snapp.errors import Conflict, IllegalTransition, NotFound, Problem, Text, ValidationError
from snapp.services import batches, exceptions, fields, manifests
from snapp.services.base import UnitOfWork, service, unique_constraint
from snapp.services.masterdata import get_item_row, get_location_row, serial_rule
from snapp.services.purchasing import get_po_row
from snapp.services.units import received_clashes

Progress = Callable[[int, int], None]
"""Called as ``progress(done, total)``; raise `snapp.errors.Cancelled` in it to stop and roll back."""

_BATCH = Text("receiving.position_batch")
_QUANTITY = Text("receiving.position_quantity")
_SERIALS = Text("receiving.position_serials")


@dataclass(frozen=True)
class ReceiptRecord:
    number: str
    po: str
    sku: str
    line_no: int
    quantity: int
    location: str
    received_at: dt.datetime
    # With a manifest on the line: units accepted off it, and the serials it lists that have not come (each list one exception).
    off_manifest: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    # For an item tracked by batch: the lot received.
    batch: str | None = None
    expiry: dt.date | None = None


# A refused receipt writes nothing; afterwards its rejected scans go to the exceptions desk.
@exceptions.refusals_to_desk(lambda po_number, sku, *_, **__: f"receipt on {po_number} for {sku}")
@service(Permission.RECEIVE)
def receive(
    uow: UnitOfWork,
    po_number: str,
    sku: str,
    sources: Sequence[Source] = (),
    *,
    quantity: int | None = None,
    lot: Lot | None = None,
    location: str | None = None,
    expected: int | None = None,
    note: str | None = None,
    progress: Progress | None = None,
    paired: Sequence[str] = (),
) -> ReceiptRecord:
    """Receive serials on a PO line; for an item tracked by batch, a ``lot`` (batch, expiry, quantity); for one
    tracked by neither, a ``quantity``.

    ``paired`` are scans taken unit by unit, its serial and then its scan-captured fields
    (serial, IMEI, serial, IMEI...: `snapp.domain.fields.scan_pairs`), after the ``sources``."""
    session = uow.session
    po = get_po_row(session, po_number)
    session.refresh(po, with_for_update=True)  # a PO being closed or cancelled meanwhile: wait, then see it
    if po.status not in RECEIVABLE:
        raise IllegalTransition("receiving.po_not_open", po=po.number, status=Text(f"po_status.{po.status}"))
    item = get_item_row(session, sku)
    line = _open_line(session, po, item)
    place = get_location_row(session, location)

    tracked = item.tracking == "serial"
    problems: list[Problem] = []
    if lot is not None and item.tracking != "batch":
        raise ValidationError(Problem(Text("batch_qty.batch"), lot.batch, "batch",
                                      Text("batch_qty.not_by_batch", sku=item.sku, tracking=item.tracking)))  # fmt: skip
    defined = fields.item_fields(session, item.id) if tracked else []
    if paired:
        sources = [*sources, scan_pairs(paired, [d for _, d in defined])]
    if tracked:
        if quantity is not None:
            refusal = Text("receiving.by_serial", sku=item.sku)
            raise ValidationError(Problem(_QUANTITY, str(quantity), "quantity", refusal))
        captured = capture(combine(list(sources)) if sources else scans([]), serial_rule(item), expected)
        problems += captured.problems
        count = len(captured.serials)
        if count == 0 and not problems:
            problems.append(Problem(_BATCH, "", Reason.EMPTY, Text("receiving.nothing")))
        judged = manifests.judge_receipt(session, po, line, item, captured) if count else None
        if judged:
            problems += judged.problems
        got = capture_fields(captured, [d for _, d in defined], item.sku) if defined or captured.source.fields else None
        if got:
            problems += got.problems
    else:
        judged = got = None
        if sources:
            raise ValidationError(Problem(_SERIALS, "", "serials", Text("receiving.not_by_serial", sku=item.sku)))
        if item.tracking == "batch":
            lot = _batch_lot(item, lot, quantity)
            count = lot.quantity or 0
        else:
            count = quantity or 0
            if count <= 0:
                problems.append(Problem(_QUANTITY, str(quantity), "quantity", Text("receiving.quantity_positive")))
    remaining = line.quantity - line.received
    if count > remaining:
        problems.append(_over_receipt(line, count))
    if problems:
        if tracked and count:
            # Every problem at once. A receipt with no other problem skips this
            # look-up: the unique constraint refuses a clash, reported below.
            problems += received_clashes(session, item.id, captured)
            if got:
                problems += fields.stored_clashes(session, defined, captured, got)
        raise _refused(problems)

    # The conditional update locks the line: a second receipt on it waits here,
    # then sees the new total, so two clerks cannot over-receive it together.
    claimed = session.execute(
        update(POLine)
        .where(POLine.id == line.id, POLine.received + count <= POLine.quantity)
        .values(received=POLine.received + count)
    ).rowcount
    if not claimed:
        session.refresh(line)
        raise ValidationError(_over_receipt(line, count), Text("receiving.line_taken"))

    now = utcnow()
    receipt = Receipt(po_id=po.id, location_id=place.id, received_at=now, user_id=uow.actor.id, note=note)
    session.add(receipt)
    session.flush()
    receipt.number = f"GR-{now:%Y}-{receipt.id:06d}"
    receipt_line = ReceiptLine(receipt_id=receipt.id, po_line_id=line.id, quantity=count)
    session.add(receipt_line)
    session.flush()

    if tracked:
        try:
            _insert_units(session, uow.actor.id, item, place, receipt_line.id, receipt.number, now, captured, progress)
            if got:
                fields.store_receipt_fields(session, defined, receipt_line.id, captured.serials, got)
        except IntegrityError as err:
            if unique_constraint(err) not in ("uq_serials_item_id_serial", fields.UNIQUE_INDEX):
                raise
            session.rollback()
            clashes = received_clashes(session, item.id, captured)
            if got:
                clashes += fields.stored_clashes(session, defined, captured, got)
            if not clashes:
                raise Conflict("receiving.serials_taken") from err
            raise _refused(clashes) from err

    if lot is not None:
        batches.put_away(session, uow.actor.id, item, place, receipt_line.id, receipt.number, lot, now)
    off, missing, case = [], [], None
    if judged:
        off, missing = judged.accepted, manifests.missing_after(session, line, item)
        exceptions.open_exceptions(session, uow.actor.name, manifests.receipt_cases(receipt.number, po.number,
                                                                                    line.line_no, off))  # fmt: skip
        case = manifests.note_missing(session, uow.actor.name, receipt.number, po.number, line, missing)
    totals = session.execute(
        select(POLine.quantity, POLine.received).where(POLine.po_id == po.id)
    ).all()
    po.status = status_after_receipt(sum(q for q, _ in totals), sum(r for _, r in totals))
    uow.audit(
        "receipt.post",
        "receipt",
        receipt.number,
        after={"po": po.number, "sku": item.sku, "line": line.line_no, "quantity": count, "location": place.code,
               **({"manifest": {"off": len(off), "missing": len(missing), "missing_exception": case}} if judged else {}),
               **({"batch": lot.batch, "expiry": lot.expiry and lot.expiry.isoformat()} if lot else {}),
               **({"field_values": got.given} if got and got.given else {})},
    )  # fmt: skip
    return ReceiptRecord(receipt.number, po.number, item.sku, line.line_no, count, place.code, now, off, missing,
                         lot and lot.batch, lot and lot.expiry)  # fmt: skip


@service(Permission.VIEW, write=False)
def last_location(uow: UnitOfWork) -> str | None:
    """Where the latest receipt went: the likely place for the next one, on a PC that has not received before."""
    return uow.session.scalar(
        select(Location.code).join(Receipt, Receipt.location_id == Location.id).order_by(Receipt.id.desc()).limit(1)
    )


def _open_line(session: Session, po: PurchaseOrder, item: Item) -> POLine:
    lines = session.scalars(select(POLine).where(POLine.po_id == po.id, POLine.item_id == item.id).order_by(POLine.line_no)).all()
    if not lines:
        raise NotFound("receiving.no_line", po=po.number, sku=item.sku)
    # Several lines of one item: fill them in order.
    return next((line for line in lines if line.received < line.quantity), lines[-1])


def _batch_lot(item: Item, lot: Lot | None, quantity: int | None) -> Lot:
    """The lot a receipt of a batch item brings, checked: its label is the item's, its quantity is said once."""
    if lot is None:
        raise ValidationError(Problem(Text("batch_qty.batch"), "", "batch", Text("batch_qty.batch_needed_for", sku=item.sku)))
    if quantity is not None and quantity != lot.quantity:
        raise ValidationError(Problem(_QUANTITY, str(quantity), "quantity",
                                      Text("batch_qty.count_differs", typed=quantity, count=lot.quantity)))  # fmt: skip
    if lot.gtin and (not item.gtin or gtin14(item.gtin) != lot.gtin):
        raise ValidationError(Problem(Text("batch_qty.label"), lot.gtin, "gtin",
                                      Text("batch_qty.label_other_item", gtin=lot.gtin, sku=item.sku)))  # fmt: skip
    return checked(lot, dt.date.today())


def _refused(problems: list[Problem]) -> ValidationError:
    return ValidationError(problems, Text("receiving.refused", n=len(problems)))


def _over_receipt(line: POLine, count: int) -> Problem:
    remaining = line.quantity - line.received
    return Problem(
        _BATCH,
        "",
        Reason.OVER_RECEIPT,
        Text(
            "receiving.over_receipt",
            count=count, line=line.line_no, remaining=remaining, ordered=line.quantity, received=line.received,
        ),  # fmt: skip
    )


def _insert_units(
    session: Session,
    user_id: int | None,
    item: Item,
    place: Location,
    receipt_line_id: int,
    reference: str,
    now: dt.datetime,
    captured: Capture,
    progress: Progress | None,
) -> None:
    """Bulk-insert the serials, then all their receive events in one INSERT ... SELECT."""
    serials = captured.serials
    columns: dict[str, list] = {"serial": serials}
    if gs1 := captured.gs1:
        data = [gs1.get(serial) for serial in serials]
        columns["batch"] = [d and d.batch for d in data]
        columns["expiry"] = [d and d.expiry for d in data]
        columns["scan"] = [d and d.raw for d in data]
    fixed = {"item_id": item.id, "status": Status.IN_STOCK.value, "location_id": place.id,
             "receipt_line_id": receipt_line_id, "received_at": now, "updated_at": now}  # fmt: skip
    total = len(serials)
    bulk.insert_rows(session, serials_table, fixed, columns, progress and (lambda done: progress(done, total)))
    session.execute(
        insert(events_table).from_select(
            ["serial_id", "at", "user_id", "action", "from_status", "to_status", "to_location_id", "ref"],
            select(
                serials_table.c.id,
                literal(now, UTCDateTime()),
                literal(user_id),
                literal(Action.RECEIVE.value),
                literal(None),
                literal(Status.IN_STOCK.value),
                literal(place.id),
                literal(reference),
            ).where(serials_table.c.receipt_line_id == receipt_line_id),
        )
    )


@dataclass(frozen=True)
class ScanVerdict:
    """One scan judged against a PO before anything is written: which line it belongs to, and why not if not."""

    ok: bool
    raw: str
    serial: str | None
    sku: str | None
    line_no: int | None
    remaining: int | None  # open on the line, not counting scans the device holds
    message: Text
    field: str | None = None  # the scan is this field's value (an IMEI) of ``serial``, scanned after it
    value: str | None = None  # that value, as it would be stored


@service(Permission.RECEIVE, write=False)
def judge_scan(uow: UnitOfWork, po_number: str, raw: str, sku: str | None = None,
               paired: Sequence[str | None] = ()) -> ScanVerdict:  # fmt: skip
    """A scanning device's one scan: the PO line it is for (a GS1 scan's GTIN picks it, else ``sku``'s open line),
    the item's serial rule, and the serials already received. Nothing is written.

    When the item's fields are scanned after each serial, ``paired`` is the delivery's scans so far
    (`snapp.domain.fields.next_place`) and the scan is judged at its place: a serial's, or its field's."""
    session = uow.session
    po = get_po_row(session, po_number)
    if po.status not in RECEIVABLE:
        message = Text("receiving.po_not_open", po=po.number, status=Text(f"po_status.{po.status}"))
        return ScanVerdict(False, raw, None, None, None, None, message)
    lines = session.execute(
        select(POLine, Item).join(Item, Item.id == POLine.item_id).where(POLine.po_id == po.id).order_by(POLine.line_no)
    ).all()
    gtin = scan_gtin(raw)
    if gtin is not None:
        chosen = [(line, item) for line, item in lines if item.gtin and gtin14(item.gtin) == gtin]
        refusal = Text("receiving.gtin_not_on_po", gtin=gtin, po=po.number)
    else:
        chosen = [(line, item) for line, item in lines if sku and item.sku == normalise(sku)]
        refusal = Text("receiving.no_line", po=po.number, sku=sku) if sku else Text("receiving.choose_line")
    if not chosen:
        return ScanVerdict(False, raw, None, None, None, None, refusal)
    line, item = next(((line, item) for line, item in chosen if line.received < line.quantity), chosen[-1])
    facts = dict(sku=item.sku, line_no=line.line_no, remaining=line.quantity - line.received)
    if item.tracking != "serial":
        return ScanVerdict(False, raw, None, **facts, message=Text("receiving.not_by_serial", sku=item.sku))
    scanned = [(field_id, d) for field_id, d in fields.item_fields(session, item.id) if d.scanned]
    if scanned:
        place = next_place(paired, [d for _, d in scanned])
        if place.field is not None:
            field_id = next(field_id for field_id, d in scanned if d is place.field)
            value, why = fields.pair_value(session, field_id, place, raw)
            return ScanVerdict(why is None, raw, place.serial, **facts, message=why or Text("receiving.scan_ok"),
                               field=place.field.name, value=value)  # fmt: skip
        if first := scanned_first(normalise(raw), [d for _, d in scanned]):
            return ScanVerdict(False, raw, None, **facts, message=first)
    captured = capture(scans([raw]), serial_rule(item))
    problems = captured.problems or received_clashes(session, item.id, captured)
    if not problems and (judged := manifests.judge_receipt(session, po, line, item, captured)):
        problems = judged.problems  # the line's manifest judges the scan now as it will the posted receipt
    serial = captured.serials[0] if captured.serials else None
    if problems:
        return ScanVerdict(False, raw, serial, **facts, message=problems[0].message)
    return ScanVerdict(True, raw, serial, **facts, message=Text("receiving.scan_ok"))
