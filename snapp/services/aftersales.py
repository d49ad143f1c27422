"""After-sales: customer returns (RMA) and their inspection, swaps, supplier RMAs and their replacements, repairs,
alerts and the service figure.

Each action is one unit of work that moves units only through
`snapp.services.lifecycle.move_units` (so every move is a row of the one
transition table, with its permission), writes its own record beside the move,
and its audit entry. A return the records contradict (the unit was never
shipped, or went to another customer) is refused, and an exception opened on
the desk in a transaction of its own.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from sqlalchemy import func, insert, or_, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from snapp.db.models import (
    AftersalesSetting,
    Customer,
    CustomerRma,
    Handover,
    Item,
    RepairRecord,
    Serial,
    SerialEvent,
    Supplier,
    SupplierRma,
    events_table,
    serials_table,
    utcnow,
)
from snapp.domain.aftersales import RESOLUTION_MOVE, Party, Resolution, WarrantyPolicy, monthly_medians
from snapp.domain.capture import capture, normalise, scans
from snapp.domain.lifecycle import Action
from snapp.domain.permissions import Permission
from snapp.domain.statuses import RMA, SUPPLIER_RMA, ExceptionKind, RmaStatus, Status, having
from snapp.domain.warranty import add_months
from snapp.errors import Conflict, NotFound, Problem, SnappError, Text, ValidationError
from snapp.services.base import Context, UnitOfWork, service
from snapp.services.dashboard import warranty_ending
from snapp.services.customers import get_customer_row, held_by, latest_handovers, open_rma_of, replacement_policy, serial_of
from snapp.services.exceptions import NewException, open_exception
from snapp.services.lifecycle import move_units
from snapp.services.masterdata import get_location_row, get_supplier_row, serial_rule
from snapp.services.rma_due import overdue as late
from snapp.services.rma_due import promised_day
from snapp.services.units import resolve

log = logging.getLogger(__name__)
OPEN, RESOLVED = RmaStatus.OPEN, RmaStatus.RESOLVED


@dataclass(frozen=True)
class RmaRecord:
    number: str
    serial: str
    sku: str
    customer: str | None
    reason: str
    status: str
    opened_at: dt.datetime
    opened_by: str
    resolution: str | None = None
    resolved_at: dt.datetime | None = None
    replacement: str | None = None
    warnings: list[str] = field(default_factory=list)
    promised_on: dt.date | None = None  # the day the customer was promised an answer


@dataclass(frozen=True)
class SupplierRmaRecord:
    number: str
    supplier: str
    serial: str
    sku: str
    expected_on: dt.date | None
    status: str
    sent_at: dt.datetime
    replacement: str | None = None


def _fits(**values: tuple[str | None, int]) -> list[Problem]:
    """A problem for each text longer than its column holds (PostgreSQL would refuse it; SQLite would keep it)."""
    return [Problem(name, value, name, Text("masterdata.too_long", n=len(value), most=most))
            for name, (value, most) in values.items() if value and len(value) > most]  # fmt: skip


def unit_named(session: Session, serial: str, sku: str | None, field_name: str = "serial"):
    """The one unit ``serial`` names, or a refusal saying why not."""
    [found] = resolve(session, [serial], sku=sku)
    if problem := found.problem(field_name, sku):
        raise ValidationError(problem)
    return found.unit


# --- customer returns -----------------------------------------------------------

_REFUSALS_FOR_THE_DESK = frozenset({"aftersales.never_shipped", "aftersales.wrong_customer"})


def receive_return(ctx: Context, serial: str, *, rma: str, customer: str, reason: str, sku: str | None = None,
                   promised_on: dt.date | None = None) -> RmaRecord:  # fmt: skip
    """A shipped unit back from ``customer`` under RMA number ``rma``; it waits for inspection, the customer promised
    an answer by ``promised_on`` (by default the setting's days from today, `snapp.services.rma_due`).

    A unit never shipped, or shipped to another customer, is refused and the
    refusal opened as an exception for a person to look into.
    """
    try:
        return _receive_return(ctx, serial, rma=rma, customer=customer, reason=reason, sku=sku, promised_on=promised_on)
    except SnappError as err:
        if err.code in _REFUSALS_FOR_THE_DESK:
            try:
                _return_to_desk(ctx, serial, rma, err.text, sku)
            except SQLAlchemyError:
                log.exception("could not open the refused return as an exception")
        raise


@service(Permission.SERVICE)
def _return_to_desk(uow: UnitOfWork, serial: str, rma: str, detail: Text, sku: str | None) -> None:
    unit = unit_named(uow.session, serial, sku)
    case = NewException(ExceptionKind.CUSTOMER_RETURN, unit.serial, detail, rma, unit.id)
    open_exception(uow.session, uow.actor.name, case)


@service(Permission.SERVICE)
def _receive_return(uow: UnitOfWork, serial: str, *, rma: str, customer: str, reason: str, sku: str | None,
                    promised_on: dt.date | None) -> RmaRecord:  # fmt: skip
    session = uow.session
    number, reason = normalise(rma or ""), (reason or "").strip()
    problems = [Problem(name, "", name, Text("validation.required")) for name, value in (("rma", number),
                                                                                      ("reason", reason)) if not value]  # fmt: skip
    problems += _fits(rma=(number, 40), reason=(reason, 2000))
    if problems:
        raise ValidationError(problems)
    promised_on = promised_day(session, promised_on, dt.date.today())
    returning = get_customer_row(session, customer)
    unit = unit_named(session, serial, sku)
    if open_rma := session.scalar(select(CustomerRma.number).where(CustomerRma.serial_id == unit.id,
                                                                   CustomerRma.status == OPEN)):  # fmt: skip
        raise Conflict("aftersales.rma_open", field="serial", serial=unit.serial, rma=open_rma)
    holder = latest_handovers(session, [unit.id]).get(unit.id)
    if unit.status != Status.SHIPPED:
        raise Conflict("aftersales.never_shipped", field="serial", serial=unit.serial, status=Text(f"status.{unit.status}"))
    warnings = []
    if holder is None or holder.customer is None:
        warnings.append(Text("aftersales.customer_unknown", serial=unit.serial, customer=returning.code))
    elif holder.customer != returning.code:
        raise Conflict("aftersales.wrong_customer", field="customer", serial=unit.serial, customer=returning.code,
                       shipped_to=holder.customer)  # fmt: skip
    move_units(uow, Action.CUSTOMER_RETURN, [unit.serial], sku=unit.sku, ref=number, note=reason)
    row = CustomerRma(number=number, serial_id=unit.id, customer_id=returning.id, reason=reason, status=OPEN,
                      opened_at=utcnow(), opened_by=uow.actor.name, promised_on=promised_on)  # fmt: skip
    session.add(row)
    session.flush()
    uow.audit("rma.open", "rma", number, after={"serial": unit.serial, "sku": unit.sku, "customer": returning.code,
                                                 "reason": reason, "promised_on": promised_on})  # fmt: skip
    return rma_record(session, row, warnings)


def _rma_row(session: Session, number: str) -> CustomerRma:
    row = session.scalar(select(CustomerRma).where(CustomerRma.number == normalise(number)).with_for_update())
    if row is None:
        raise NotFound("aftersales.no_rma", field="rma", rma=number)
    return row


def _resolve_rma(uow: UnitOfWork, row: CustomerRma, resolution: Resolution) -> None:
    RMA.check(Text("aftersales.rma", rma=row.number), row.status, "resolve")
    row.status, row.resolution = RMA.target("resolve"), resolution.value
    row.resolved_at, row.resolved_by = utcnow(), uow.actor.name


@service(Permission.SERVICE)
def inspect_return(uow: UnitOfWork, rma: str, decision: Resolution | str, *, to: str | None = None,
                   note: str | None = None) -> RmaRecord:  # fmt: skip
    """Inspection's decision on a returned unit: back to stock (``to`` a location), repair, to the supplier, or scrap.

    A replacement is `swap`.
    """
    session = uow.session
    row = _rma_row(session, rma)
    try:
        decision = Resolution(decision)
    except ValueError:
        choices = ", ".join(r.value for r in RESOLUTION_MOVE)
        raise ValidationError(Problem("decision", str(decision), "decision", Text("masterdata.one_of", choices=choices))) from None
    if decision is Resolution.REPLACE:
        raise ValidationError(Problem("decision", decision.value, "decision", Text("aftersales.replace_is_swap")))
    RMA.check(Text("aftersales.rma", rma=row.number), row.status, "resolve")
    unit = session.get(Serial, row.serial_id)
    sku = session.scalar(select(Item.sku).where(Item.id == unit.item_id))
    # The move settles the RMA (`snapp.services.customers.settle_returns`) and is audited with it.
    move_units(uow, RESOLUTION_MOVE[decision], [unit.serial], sku=sku, to=to, ref=row.number, note=note)
    session.refresh(row)
    return rma_record(session, row)


@service(Permission.SERVICE)
def swap(uow: UnitOfWork, rma: str, replacement: str, *, sku: str | None = None, note: str | None = None) -> RmaRecord:
    """The returned unit stays with us; ``replacement`` goes out to the same customer, the two linked by the RMA.

    The replacement's customer warranty follows the setting (`set_replacement_warranty`).
    """
    session = uow.session
    row = _rma_row(session, rma)
    _resolve_rma(uow, row, Resolution.REPLACE)
    new = unit_named(session, replacement, sku, "replacement")
    if new.id == row.serial_id:
        raise ValidationError(Problem("replacement", new.serial, "replacement", Text("aftersales.replace_with_itself")))
    if new.status == Status.SHIPPED:
        holder = latest_handovers(session, [new.id]).get(new.id)
        raise Conflict("aftersales.replacement_shipped", field="replacement", serial=new.serial,
                       customer=holder.customer if holder and holder.customer else Text("aftersales.unknown"))  # fmt: skip
    original = session.get(Serial, row.serial_id)
    customer = session.get(Customer, row.customer_id)
    policy = replacement_policy(session)
    end: dt.date | None | str = "items"
    if policy is WarrantyPolicy.CONTINUE:
        shipped = session.scalar(select(Handover.warranty_end).where(Handover.serial_id == original.id,
                                                                     Handover.customer_id.is_not(None))
                                 .order_by(Handover.id.desc()).limit(1))  # fmt: skip
        end = shipped
    move_units(uow, Action.REPLACE, [new.serial], sku=new.sku, ref=row.number,
               note=note, party=Party(customer=customer.code), warranty_end=end)  # fmt: skip
    row.replacement_id = new.id
    session.flush()
    uow.audit("rma.swap", "rma", row.number, before={"status": OPEN},
              after={"status": row.status, "returned": original.serial, "replacement": new.serial,
                     "customer": customer.code, "warranty_policy": policy.value})  # fmt: skip
    return rma_record(session, row)


@service(Permission.VIEW, write=False)
def list_returns(uow: UnitOfWork, status: str | None = OPEN, *, customer: str | None = None, overdue: bool = False,
                 today: dt.date | None = None) -> list[RmaRecord]:  # fmt: skip
    """Customer returns, the latest first; ``overdue``: only the open ones past the day their answer was promised."""
    return _returns(uow.session, status, customer=customer, overdue=overdue, today=today)


def _returns(session: Session, status: str | None, *, customer: str | None = None, overdue: bool = False,
             today: dt.date | None = None) -> list[RmaRecord]:  # fmt: skip
    query = select(CustomerRma)
    if status := RMA.among(status):
        query = query.where(CustomerRma.status == status)
    if overdue:
        query = query.where(late(today or dt.date.today()))
    if customer:
        query = query.where(CustomerRma.customer_id == get_customer_row(session, customer).id)
    order = (CustomerRma.promised_on, CustomerRma.id) if overdue else (CustomerRma.id.desc(),)  # the latest first
    return [rma_record(session, row) for row in session.scalars(query.order_by(*order))]


def rma_record(session: Session, row: CustomerRma, warnings: list[str] | None = None) -> RmaRecord:
    serial, sku = session.execute(select(Serial.serial, Item.sku).join(Item, Item.id == Serial.item_id)
                                  .where(Serial.id == row.serial_id)).one()  # fmt: skip
    customer = session.scalar(select(Customer.code).where(Customer.id == row.customer_id))
    return RmaRecord(row.number, serial, sku, customer, row.reason, row.status, row.opened_at, row.opened_by,
                     row.resolution, row.resolved_at, serial_of(session, row.replacement_id), list(warnings or []),
                     row.promised_on)  # fmt: skip


@service(Permission.ADMIN)
def set_replacement_warranty(uow: UnitOfWork, policy: WarrantyPolicy | str) -> WarrantyPolicy:
    """Whether a replacement continues the original's customer warranty or starts a new one, for every PC."""
    try:
        policy = WarrantyPolicy(policy)
    except ValueError:
        choices = ", ".join(WarrantyPolicy)
        raise ValidationError(Problem("policy", str(policy), "policy", Text("masterdata.one_of", choices=choices))) from None
    before = replacement_policy(uow.session)
    row = uow.session.get(AftersalesSetting, "replacement_warranty")
    if row is None:
        uow.session.add(AftersalesSetting(key="replacement_warranty", value=policy.value))
    else:
        row.value = policy.value
    uow.session.flush()
    uow.audit("setting.replacement_warranty", "setting", "replacement_warranty", before=before.value, after=policy.value)
    return policy


@service(Permission.VIEW, write=False)
def get_replacement_warranty(uow: UnitOfWork) -> WarrantyPolicy:
    return replacement_policy(uow.session)


# --- supplier RMAs -----------------------------------------------------------------


@service(Permission.SERVICE)
def send_to_supplier(uow: UnitOfWork, serial: str, *, rma: str, expected_on: dt.date | None = None,
                     sku: str | None = None, note: str | None = None) -> SupplierRmaRecord:  # fmt: skip
    """Return a unit to its supplier under the supplier's RMA number, expected back on ``expected_on``.

    A unit a customer returned settles its open RMA this way (inspection decided: to the supplier).
    """
    session = uow.session
    number = normalise(rma or "")
    if not number:
        raise ValidationError(Problem("rma", "", "rma", Text("validation.required")))
    if problems := _fits(rma=(number, 40), note=(note, 2000)):
        raise ValidationError(problems)
    unit = unit_named(session, serial, sku)
    supplier = get_supplier_row(session, unit.supplier)
    customer_rma = open_rma_of(session, unit.id)  # settled by the move
    move_units(uow, Action.RETURN, [unit.serial], sku=unit.sku, ref=number, note=note)
    row = SupplierRma(number=number, supplier_id=supplier.id, serial_id=unit.id, expected_on=expected_on, status=OPEN,
                      sent_at=utcnow(), sent_by=uow.actor.name)  # fmt: skip
    session.add(row)
    session.flush()
    uow.audit("supplier_rma.open", "supplier_rma", f"{supplier.code}/{number}",
              after={"serial": unit.serial, "sku": unit.sku, "expected_on": expected_on,
                     "customer_rma": customer_rma})  # fmt: skip
    return _supplier_rma_record(session, row)


def _supplier_rma_row(session: Session, number: str, supplier: str | None) -> SupplierRma:
    query = select(SupplierRma).where(SupplierRma.number == normalise(number or ""))
    if supplier:
        query = query.where(SupplierRma.supplier_id == get_supplier_row(session, supplier).id)
    rows = session.scalars(query.with_for_update()).all()
    if not rows:
        raise NotFound("aftersales.no_supplier_rma", field="rma", rma=number)
    if len(rows) > 1:
        raise ValidationError(Problem("supplier", "", "supplier", Text("aftersales.say_supplier", rma=number)))
    return rows[0]


def _close_supplier_rma(uow: UnitOfWork, row: SupplierRma) -> None:
    SUPPLIER_RMA.check(Text("aftersales.supplier_rma", rma=row.number), row.status, "resolve")
    row.status, row.resolved_at, row.resolved_by = SUPPLIER_RMA.target("resolve"), utcnow(), uow.actor.name


@service(Permission.SERVICE)
def supplier_back(uow: UnitOfWork, rma: str, *, supplier: str | None = None, to: str | None = None,
                  note: str | None = None) -> SupplierRmaRecord:  # fmt: skip
    """The unit itself is back from the supplier (repaired, or found sound), onto shelf ``to``."""
    session = uow.session
    row = _supplier_rma_row(session, rma, supplier)
    _close_supplier_rma(uow, row)
    unit = session.get(Serial, row.serial_id)
    sku = session.scalar(select(Item.sku).where(Item.id == unit.item_id))
    move_units(uow, Action.SUPPLIER_BACK, [unit.serial], sku=sku, to=to, ref=row.number, note=note)
    uow.audit("supplier_rma.back", "supplier_rma", row.number, before={"status": OPEN},
              after={"status": row.status, "serial": unit.serial})  # fmt: skip
    return _supplier_rma_record(session, row)


@service(Permission.SERVICE)
def receive_replacement(uow: UnitOfWork, rma: str, serial: str, *, supplier: str | None = None, to: str | None = None,
                        note: str | None = None) -> SupplierRmaRecord:  # fmt: skip
    """A new unit from the supplier in place of the one on RMA ``rma``: received against the RMA, not a PO.

    It takes the original's item and purchase record, and the two are linked by the RMA.
    """
    session = uow.session
    try:
        row = _supplier_rma_row(session, rma, supplier)
    except NotFound:
        raise NotFound("aftersales.replacement_without_rma", field="rma", rma=rma, serial=serial) from None
    _close_supplier_rma(uow, row)
    original = session.get(Serial, row.serial_id)
    item = session.get(Item, original.item_id)
    captured = capture(scans([serial]), serial_rule(item))
    if not captured.ok:
        raise ValidationError(captured.problems)
    [new_serial] = captured.serials
    if session.scalar(select(Serial.id).where(Serial.item_id == item.id, Serial.serial == new_serial)):
        # The unique constraint would refuse it too, but could not say which serial.
        raise Conflict("rma_print.replacement_received", field="serial", serial=new_serial, sku=item.sku)
    location = get_location_row(session, to)
    now = utcnow()
    conn = session.connection()
    new_id = conn.execute(insert(serials_table).returning(serials_table.c.id), {
        "item_id": item.id, "serial": new_serial, "status": Status.IN_STOCK.value, "location_id": location.id,
        "receipt_line_id": original.receipt_line_id, "received_at": now, "updated_at": now,
    }).scalar_one()  # fmt: skip
    conn.execute(insert(events_table), {
        "serial_id": new_id, "at": now, "user_id": uow.actor.id, "action": Action.RECEIVE.value, "from_status": None,
        "to_status": Status.IN_STOCK.value, "to_location_id": location.id, "ref": row.number,
        "note": note,
    })  # fmt: skip
    row.replacement_id = new_id
    session.flush()
    uow.audit("supplier_rma.replacement", "supplier_rma", row.number, before={"status": OPEN},
              after={"status": row.status, "returned": original.serial, "replacement": new_serial, "sku": item.sku,
                     "location": location.code})  # fmt: skip
    return _supplier_rma_record(session, row)


@service(Permission.VIEW, write=False)
def list_supplier_rmas(uow: UnitOfWork, status: str | None = OPEN, *, overdue: bool = False,
                       today: dt.date | None = None) -> list[SupplierRmaRecord]:  # fmt: skip
    return _supplier_rmas(uow.session, status, overdue=overdue, today=today)


def _supplier_rmas(session: Session, status: str | None, *, overdue: bool, today: dt.date | None) -> list[SupplierRmaRecord]:
    query = select(SupplierRma).order_by(SupplierRma.expected_on, SupplierRma.id)
    if status := SUPPLIER_RMA.among(status):
        query = query.where(SupplierRma.status == status)
    if overdue:
        query = query.where(SupplierRma.status == OPEN, SupplierRma.expected_on < (today or dt.date.today()))
    return [_supplier_rma_record(session, row) for row in session.scalars(query)]


def _supplier_rma_record(session: Session, row: SupplierRma) -> SupplierRmaRecord:
    serial, sku = session.execute(select(Serial.serial, Item.sku).join(Item, Item.id == Serial.item_id)
                                  .where(Serial.id == row.serial_id)).one()  # fmt: skip
    supplier = session.scalar(select(Supplier.code).where(Supplier.id == row.supplier_id))
    return SupplierRmaRecord(row.number, supplier, serial, sku, row.expected_on, row.status, row.sent_at,
                             serial_of(session, row.replacement_id))  # fmt: skip


# --- repairs -------------------------------------------------------------------------


@dataclass(frozen=True)
class RepairInput:
    fault: str
    work: str | None = None
    parts: str | None = None
    cost: str | Decimal | None = None
    technician: str | None = None
    place: str = "bench"  # or "supplier"


@service(Permission.SERVICE)
def record_repair(uow: UnitOfWork, serial: str, repair: RepairInput, *, sku: str | None = None) -> int:
    """What was wrong with a unit and what was done, on its history; returns the record's number."""
    session = uow.session
    unit = unit_named(session, serial, sku)
    problems = []
    if not (repair.fault or "").strip():
        problems.append(Problem("fault", "", "fault", Text("validation.required")))
    if repair.place not in ("bench", "supplier"):
        problems.append(Problem("place", repair.place, "place", Text("masterdata.one_of", choices="bench, supplier")))
    cost = None
    if repair.cost not in (None, ""):
        try:
            cost = Decimal(str(repair.cost))
            if not cost.is_finite() or not 0 <= cost < 10**12:
                raise InvalidOperation
        except InvalidOperation:
            problems.append(Problem("cost", str(repair.cost), "cost", Text("aftersales.bad_cost")))
    problems += _fits(technician=(repair.technician, 100), fault=(repair.fault, 2000), work=(repair.work, 2000),
                      parts=(repair.parts, 2000))  # fmt: skip
    if problems:
        raise ValidationError(problems)
    row = RepairRecord(serial_id=unit.id, at=utcnow(), fault=repair.fault.strip(), work=repair.work, parts=repair.parts,
                       cost=cost, technician=repair.technician, place=repair.place, user_name=uow.actor.name)  # fmt: skip
    session.add(row)
    session.flush()
    uow.audit("repair.record", "serial", unit.serial, after={"sku": unit.sku, "fault": row.fault, "work": row.work,
                                                              "parts": row.parts, "cost": cost, "technician": row.technician,
                                                              "place": row.place})  # fmt: skip
    return row.id


# --- alerts and figures ----------------------------------------------------------------


@dataclass(frozen=True)
class WarrantyAlert:
    serial: str
    sku: str
    kind: str  # "supplier" or "customer"
    ends: dt.date
    days_left: int
    holder: str | None  # the customer, for a customer warranty


@dataclass(frozen=True)
class RepairAlert:
    serial: str
    sku: str
    since: dt.datetime
    days: int


@dataclass(frozen=True)
class Alerts:
    days: int
    repair_days: int
    warranties: list[WarrantyAlert]
    overdue: list[SupplierRmaRecord]
    long_repairs: list[RepairAlert]
    late_returns: list[RmaRecord]  # customer returns past the day their answer was promised

    @property
    def count(self) -> int:
        return len(self.warranties) + len(self.overdue) + len(self.long_repairs) + len(self.late_returns)


ALERT_DAYS_MAX = 3660


@service(Permission.VIEW, write=False)
def alerts(uow: UnitOfWork, days: int = 30, repair_days: int = 14, *, today: dt.date | None = None) -> Alerts:
    """Warranties ending within ``days``, supplier RMAs overdue, units in repair longer than ``repair_days``, customer
    returns past the day their answer was promised."""
    problems = [Problem(name, str(value), name, Text("validation.between", low=0, high=ALERT_DAYS_MAX))
                for name, value in (("days", days), ("repair_days", repair_days))
                if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= ALERT_DAYS_MAX]  # fmt: skip
    if problems:
        raise ValidationError(problems)
    session, today = uow.session, today or dt.date.today()
    horizon = today + dt.timedelta(days=days)
    warranties: list[WarrantyAlert] = []
    # The supplier's warranty of units we hold (the dashboard counts the same ones).
    ranges = warranty_ending(session, today, days)
    if ranges:
        for serial, sku, received, months in session.execute(
            select(Serial.serial, Item.sku, Serial.received_at, Item.warranty_months).join(Item, Item.id == Serial.item_id)
            .where(Serial.status.in_(having("held")), or_(*ranges))
        ):  # fmt: skip
            ends = add_months(received.date(), months)
            if today <= ends <= horizon:
                warranties.append(WarrantyAlert(serial, sku, "supplier", ends, (ends - today).days, None))
    # The customer's warranty of units a customer has: their latest handover's end.
    for serial, sku, ends, customer in session.execute(
        select(Serial.serial, Item.sku, Handover.warranty_end, Customer.code)
        .join(Serial, Serial.id == Handover.serial_id).join(Item, Item.id == Serial.item_id)
        .outerjoin(Customer, Customer.id == Handover.customer_id)
        .where(Handover.id.in_(_LATEST), Serial.status == Status.SHIPPED, Handover.warranty_end >= today,
               Handover.warranty_end <= horizon)
    ):  # fmt: skip
        warranties.append(WarrantyAlert(serial, sku, "customer", ends, (ends - today).days, customer))
    warranties.sort(key=lambda w: (w.ends, w.serial))
    overdue = _supplier_rmas(session, OPEN, overdue=True, today=today)
    since = func.max(SerialEvent.at)
    long_repairs = [
        RepairAlert(serial, sku, at, (today - at.date()).days)
        for serial, sku, at in session.execute(
            select(Serial.serial, Item.sku, since).join(Item, Item.id == Serial.item_id)
            .join(SerialEvent, (SerialEvent.serial_id == Serial.id) & (SerialEvent.to_status == Status.IN_REPAIR))
            .where(Serial.status == Status.IN_REPAIR).group_by(Serial.id, Serial.serial, Item.sku)
            .having(since < _midnight(today - dt.timedelta(days=repair_days))).order_by(since)
        )
    ]  # fmt: skip
    return Alerts(days, repair_days, warranties, overdue, long_repairs, _returns(session, OPEN, overdue=True, today=today))


_LATEST = select(func.max(Handover.id)).group_by(Handover.serial_id).scalar_subquery()  # each unit's latest handover


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC)


@service(Permission.VIEW, write=False)
def service_figures(uow: UnitOfWork) -> dict[str, float]:
    """Median days from a customer's return to its resolution, per month of resolution."""
    rows = uow.session.execute(select(CustomerRma.opened_at, CustomerRma.resolved_at).where(CustomerRma.status == RESOLVED))
    return monthly_medians(rows.all())


# --- a customer's units -------------------------------------------------------------------


@dataclass(frozen=True)
class HeldUnit:
    serial: str
    sku: str
    item_name: str
    shipped_at: dt.datetime
    ref: str | None
    warranty_end: dt.date | None


@service(Permission.VIEW, write=False)
def customer_units(uow: UnitOfWork, customer: str) -> list[HeldUnit]:
    """Every unit ``customer`` has now: shipped to them and not returned since."""
    get_customer_row(uow.session, customer)
    rows = uow.session.execute(
        select(Serial.serial, Item.sku, Item.name, Handover.at, Handover.ref, Handover.warranty_end)
        .join(Serial, Serial.id == Handover.serial_id).join(Item, Item.id == Serial.item_id)
        .where(Handover.serial_id.in_(held_by(customer)), Handover.id.in_(_LATEST))
        .order_by(Handover.at, Serial.serial)
    )  # fmt: skip
    return [HeldUnit(*r) for r in rows]
