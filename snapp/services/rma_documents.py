"""After-sales documents: the warranty claim a supplier needs for a unit, and the customer's note of their return.

Both read what `snapp.services.aftersales` recorded (returns, supplier RMAs,
repairs) and the unit's card, and draw it with `snapp.reports.aftersales`;
each print is audited.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from snapp.db.models import Customer, CustomerRma, RepairRecord, SupplierRma, utcnow
from snapp.domain.capture import normalise
from snapp.domain.permissions import Permission
from snapp.errors import NotFound
from snapp.reports import aftersales as reports
from snapp.reports.documents import Output
from snapp.services.aftersales import rma_record, unit_named
from snapp.services.base import UnitOfWork, service
from snapp.services.lookup import read_cards
from snapp.services.printing import Printed


def _card(session: Session, serial: str, sku: str | None):
    unit = unit_named(session, serial, sku)
    [card] = [card for card in read_cards(session, unit.serial) if card.sku == unit.sku]
    return unit, card


@service(Permission.SERVICE, write=False)
def print_warranty_claim(uow: UnitOfWork, serial: str, out: Output, *, sku: str | None = None) -> Printed:
    """The claim a supplier needs: purchase record, receipt, the faults customers reported, the repairs, the history."""
    session = uow.session
    unit, card = _card(session, serial, sku)
    supplier_rma = session.scalar(select(SupplierRma.number).where(SupplierRma.serial_id == unit.id)
                                  .order_by(SupplierRma.id.desc()).limit(1))  # fmt: skip
    faults = session.execute(select(CustomerRma.opened_at, CustomerRma.number, CustomerRma.reason)
                             .where(CustomerRma.serial_id == unit.id).order_by(CustomerRma.id)).all()  # fmt: skip
    repairs = [
        reports.Repair(r.at, r.fault, r.work, r.parts, r.cost, r.technician or r.user_name, r.place)
        for r in session.scalars(select(RepairRecord).where(RepairRecord.serial_id == unit.id).order_by(RepairRecord.id))
    ]
    claim = reports.Claim(card, supplier_rma, [tuple(f) for f in faults], repairs)
    pages = reports.warranty_claim(claim, uow.output(out), author=uow.actor.name, generated_at=utcnow())
    uow.audit("report.warranty_claim", "serial", card.serial, after={"sku": card.sku, "supplier_rma": supplier_rma,
                                                                     "pages": pages})  # fmt: skip
    return Printed(f"warranty claim {card.serial}", pages, str(out))


@service(Permission.SERVICE, write=False)
def print_rma_note(uow: UnitOfWork, rma: str, out: Output) -> Printed:
    """The customer's note of their return: the unit, the reason, the decision and any replacement."""
    session = uow.session
    row = session.scalar(select(CustomerRma).where(CustomerRma.number == normalise(rma or "")))
    if row is None:
        raise NotFound("aftersales.no_rma", field="rma", rma=rma)
    record = rma_record(session, row)
    customer = session.get(Customer, row.customer_id)
    _, card = _card(session, record.serial, record.sku)
    note = reports.RmaNote(record.number, customer.code, customer.name, record.reason, record.status, record.opened_at,
                           record.resolution, record.replacement, record.promised_on)  # fmt: skip
    pages = reports.rma_note(note, card, uow.output(out), author=uow.actor.name, generated_at=utcnow())
    uow.audit("report.rma_note", "rma", record.number, after={"pages": pages})
    return Printed(f"RMA note {record.number}", pages, str(out))
