"""Customers as master data, and the handovers that say who has a unit: the customer it shipped to, or whom it was issued to.

A move that hands units over (ship, replace, issue) records one handover per
unit in its own transaction (`record_handovers`); the unit's latest handover
says who has it now while it is shipped or issued. The customer warranty is
fixed on the handover when the unit ships.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import BindParameter, ColumnElement, Select, exists, func, insert, or_, select
from sqlalchemy.orm import Session

from snapp.db.models import (
    AftersalesSetting,
    Customer,
    CustomerRma,
    Handover,
    Item,
    RepairRecord,
    Serial,
    Supplier,
    SupplierRma,
    utcnow,
)
from snapp.domain.aftersales import RESOLUTION_MOVE, Party, RecipientKind, WarrantyPolicy, customer_warranty_end
from snapp.domain.capture import normalise
from snapp.domain.lifecycle import Action
from snapp.domain.permissions import Permission
from snapp.domain.statuses import RMA, RmaStatus, Status
from snapp.errors import NotFound, Problem, Text, ValidationError
from snapp.services.base import UnitOfWork, service
from snapp.services.masterdata import SupplierRecord, add_party, check_party, list_parties, update_party


@dataclass(frozen=True)
class CustomerRecord(SupplierRecord):
    """A customer has what a supplier has: code, name and how to reach them."""


@service(Permission.MASTER_DATA)
def add_customer(uow: UnitOfWork, record: CustomerRecord) -> CustomerRecord:
    return add_party(uow, Customer, "customer", record)


@service(Permission.MASTER_DATA)
def update_customer(uow: UnitOfWork, code: str, **changes: Any) -> CustomerRecord:
    return update_party(uow, get_customer_row(uow.session, code), "customer", CustomerRecord, changes)


@service(Permission.VIEW, write=False)
def list_customers(uow: UnitOfWork) -> list[CustomerRecord]:
    return list_parties(uow.session, Customer, CustomerRecord)


def check_customer(record: CustomerRecord) -> tuple[CustomerRecord, list[Problem]]:
    return check_party(record, Customer)


def get_customer_row(session: Session, code: str) -> Customer:
    customer = session.scalar(select(Customer).where(Customer.code == normalise(code)))
    if customer is None:
        raise NotFound("aftersales.no_customer", field="customer", customer=code)
    return customer


# --- handovers -------------------------------------------------------------------


def party_customer(session: Session, action: Action, party: Party | None) -> Customer | None:
    """Refuse a party that does not fit ``action`` or a customer that does not exist; the customer row, if any."""
    if party is None:
        return None
    if wrong := party.wrong_for(action):
        raise ValidationError(Problem(wrong, getattr(party, wrong), wrong,
                                      Text("aftersales.party_not_for", move=Text(f"verb.{action}"))))  # fmt: skip
    if party.kind is not None and party.kind not in tuple(RecipientKind):
        choices = ", ".join(RecipientKind)
        raise ValidationError(Problem("kind", str(party.kind), "kind", Text("masterdata.one_of", choices=choices)))
    return get_customer_row(session, party.customer) if party.customer else None


def record_handovers(
    session: Session,
    action: Action,
    unit_ids: Sequence[int],
    customer: Customer | None,
    party: Party | None,
    *,
    ref: str | None,
    at: dt.datetime,
    warranty_end: dt.date | None | Literal["items"] = "items",
) -> None:
    """One handover per unit in the caller's transaction; shipments fix the customer warranty.

    The warranty runs the item's customer months from ``at``, unless ``warranty_end`` says when it ends (a replacement).
    """
    if action not in (Action.SHIP, Action.REPLACE, Action.ISSUE) or not unit_ids:
        return
    ends: dict[int, dt.date | None] = {}
    if action is not Action.ISSUE:
        months = dict(session.execute(
            select(Serial.id, Item.customer_warranty_months).join(Item, Item.id == Serial.item_id)
            .where(Serial.id.in_(unit_ids))
        ).all())  # fmt: skip
        ends = {unit: customer_warranty_end(at.date(), months[unit]) if warranty_end == "items" else warranty_end
                for unit in unit_ids}  # fmt: skip
    session.execute(insert(Handover), [
        {"serial_id": unit, "action": action.value, "at": at, "customer_id": customer.id if customer else None,
         "recipient": party.recipient if party else None,
         "recipient_kind": (party.kind or RecipientKind.PERSON).value if party and party.recipient else None,
         "ref": ref, "warranty_end": ends.get(unit)}
        for unit in unit_ids
    ])  # fmt: skip


@dataclass(frozen=True)
class Holder:
    """Who has a unit now, and the customer warranty it shipped with."""

    action: str  # ship, replace or issue
    at: dt.datetime
    customer: str | None
    customer_name: str | None
    recipient: str | None
    recipient_kind: str | None
    ref: str | None
    warranty_end: dt.date | None


def latest_handovers(session: Session, unit_ids: Sequence[int]) -> dict[int, Holder]:
    """Each unit's latest handover (units never handed over are left out)."""
    if not unit_ids:
        return {}
    latest = (
        select(func.max(Handover.id)).where(Handover.serial_id.in_(unit_ids)).group_by(Handover.serial_id).scalar_subquery()
    )
    rows = session.execute(
        select(Handover.serial_id, Handover.action, Handover.at, Customer.code, Customer.name, Handover.recipient,
               Handover.recipient_kind, Handover.ref, Handover.warranty_end)
        .outerjoin(Customer, Customer.id == Handover.customer_id).where(Handover.id.in_(latest))
    )  # fmt: skip
    return {unit: Holder(*rest) for unit, *rest in rows}


def holder_now(status: str, handover: Holder | None) -> Holder | None:
    """The handover that says who has the unit, while it is shipped or issued (else we have it)."""
    if handover is None or status not in (Status.SHIPPED, Status.ISSUED):
        return None
    return handover


def settle_returns(session: Session, user: str, action: Action, unit_ids: Sequence[int]) -> list[str]:
    """Units leaving inspection (``unit_ids``, each back from a customer) settle their open RMAs by ``action``.

    Returns the RMA numbers settled, for the move's audit entry.
    """
    resolution = {move: decision for decision, move in RESOLUTION_MOVE.items()}.get(action)
    if resolution is None or not unit_ids:
        return []
    rows = session.scalars(select(CustomerRma).where(CustomerRma.serial_id.in_(unit_ids), CustomerRma.status == RmaStatus.OPEN)
                           .with_for_update()).all()  # fmt: skip
    now = utcnow()
    for row in rows:
        row.status, row.resolution, row.resolved_at, row.resolved_by = RMA.target("resolve"), resolution.value, now, user
    session.flush()
    return sorted(row.number for row in rows)


def open_rma_of(session: Session, unit_id: int) -> str | None:
    """The number of the unit's customer return still open, if any."""
    return session.scalar(select(CustomerRma.number).where(CustomerRma.serial_id == unit_id,
                                                           CustomerRma.status == RmaStatus.OPEN))  # fmt: skip


def held_by(customer: str) -> Select:
    """The ids of the units customer ``customer`` (a code) has now: shipped to them, not back since."""
    latest = select(func.max(Handover.id)).group_by(Handover.serial_id).scalar_subquery()
    return (
        select(Handover.serial_id).join(Serial, Serial.id == Handover.serial_id)
        .join(Customer, Customer.id == Handover.customer_id)
        .where(Handover.id.in_(latest), Customer.code == normalise(customer), Serial.status == Status.SHIPPED)
    )  # fmt: skip


def replacement_policy(session: Session) -> WarrantyPolicy:
    """The setting of every PC: whether a replacement continues the original's customer warranty."""
    row = session.get(AftersalesSetting, "replacement_warranty")
    return WarrantyPolicy(row.value) if row else WarrantyPolicy.CONTINUE


# --- the story of a unit ------------------------------------------------------------


def ever_aftersales(units: BindParameter) -> ColumnElement[bool]:
    """Whether any of ``units`` (an expanding parameter of unit ids) was ever handed over, returned, sent back
    to its supplier, swapped or repaired.

    Most units never were: four index probes, asked inside a card's one read,
    save it the four reads of `latest_handovers` and `story`.
    """
    return or_(
        exists().where(Handover.serial_id.in_(units)),
        exists().where(CustomerRma.serial_id.in_(units) | CustomerRma.replacement_id.in_(units)),
        exists().where(SupplierRma.serial_id.in_(units) | SupplierRma.replacement_id.in_(units)),
        exists().where(RepairRecord.serial_id.in_(units)),
    )


def story(session: Session, unit_ids: list[int]) -> dict[int, list[Text]]:
    """Each unit's after-sales lines, oldest first: returns, swaps both ways, supplier RMAs, repairs."""
    lines: dict[int, list[tuple[dt.datetime, Text]]] = {unit: [] for unit in unit_ids}
    if not unit_ids:
        return {}
    for row in session.scalars(select(CustomerRma).where(CustomerRma.serial_id.in_(unit_ids)
                                                         | CustomerRma.replacement_id.in_(unit_ids))):  # fmt: skip
        customer = session.scalar(select(Customer.code).where(Customer.id == row.customer_id))
        if row.serial_id in lines:
            lines[row.serial_id].append((row.opened_at, Text(
                "aftersales.story_return", rma=row.number, customer=customer or "-", reason=row.reason,
                status=Text(f"rma_status.{row.status}"),
                resolution=Text(f"resolution.{row.resolution}") if row.resolution else Text("aftersales.pending"))))  # fmt: skip
            if row.replacement_id:
                lines[row.serial_id].append((row.resolved_at, Text("aftersales.story_replaced_by", rma=row.number,
                                                                   serial=serial_of(session, row.replacement_id))))  # fmt: skip
        if row.replacement_id in lines:
            lines[row.replacement_id].append((row.resolved_at, Text(
                "aftersales.story_replaces", rma=row.number, serial=serial_of(session, row.serial_id), customer=customer or "-")))
    for row in session.scalars(select(SupplierRma).where(SupplierRma.serial_id.in_(unit_ids)
                                                         | SupplierRma.replacement_id.in_(unit_ids))):  # fmt: skip
        supplier = session.scalar(select(Supplier.code).where(Supplier.id == row.supplier_id))
        if row.serial_id in lines:
            lines[row.serial_id].append((row.sent_at, Text(
                "aftersales.story_supplier_rma", rma=row.number, supplier=supplier, expected=row.expected_on or "-",
                status=Text(f"rma_status.{row.status}"))))  # fmt: skip
            if row.replacement_id:
                lines[row.serial_id].append((row.resolved_at, Text("aftersales.story_replaced_by", rma=row.number,
                                                                   serial=serial_of(session, row.replacement_id))))  # fmt: skip
        if row.replacement_id in lines:
            lines[row.replacement_id].append((row.resolved_at, Text(
                "aftersales.story_supplier_replaces", rma=row.number, serial=serial_of(session, row.serial_id),
                supplier=supplier)))  # fmt: skip
    for row in session.scalars(select(RepairRecord).where(RepairRecord.serial_id.in_(unit_ids))):
        lines[row.serial_id].append((row.at, Text(
            "aftersales.story_repair", fault=row.fault, work=row.work or "-", parts=row.parts or "-",
            cost=row.cost if row.cost is not None else "-", who=row.technician or row.user_name,
            place=Text(f"repair_place.{row.place}"))))  # fmt: skip
    return {unit: [text for _, text in sorted(found, key=lambda pair: pair[0])] for unit, found in lines.items()}


def serial_of(session: Session, unit_id: int | None) -> str | None:
    return session.scalar(select(Serial.serial).where(Serial.id == unit_id)) if unit_id else None
