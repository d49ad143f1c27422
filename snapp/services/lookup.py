"""Reading the serial ledger: one unit's card and history, and the filtered register."""

from __future__ import annotations

import base64
import datetime as dt
import json
from dataclasses import dataclass, field

from sqlalchemy import Select, bindparam, func, literal_column, null, select, tuple_, union_all
from sqlalchemy.orm import Session, aliased

from snapp.db.models import (
    FieldDefinition, FieldValue, Item, Location, PurchaseOrder, Serial, SerialEvent, Supplier, User,
)  # fmt: skip
from snapp.domain.capture import normalise
from snapp.domain.lifecycle import Status, allowed_actions
from snapp.domain.permissions import Permission
from snapp.domain.warranty import warranty_end
from snapp.errors import NotFound, Problem, Text, ValidationError
from snapp.services.base import UnitOfWork, check_page, service, utc_midnight
from snapp.services import fields
from snapp.services.customers import (
    Holder, ever_aftersales, get_customer_row, held_by, holder_now, latest_handovers, story,
)  # fmt: skip
from snapp.services.rma_due import open_return
from snapp.services.units import resolve, with_receipt


@dataclass(frozen=True)
class EventRecord:
    at: dt.datetime
    user: str
    action: str
    from_status: str | None
    to_status: str
    from_location: str | None
    to_location: str | None
    ref: str | None
    note: str | None


@dataclass(frozen=True)
class SerialCard:
    serial: str
    sku: str
    item_name: str
    gtin: str | None
    status: str
    location: str | None
    location_name: str | None
    supplier: str
    supplier_name: str
    po: str
    receipt: str
    received_at: dt.datetime
    warranty_months: int
    warranty_end: dt.date | None
    batch: str | None
    expiry: dt.date | None
    allowed: list[str] = field(default_factory=list)
    history: list[EventRecord] = field(default_factory=list)
    customer_warranty_end: dt.date | None = None  # from its shipment to the customer who has it
    holder: Holder | None = None  # who has it now, while it is shipped or issued
    aftersales: list[str] = field(default_factory=list)  # returns, swaps, supplier RMAs, repairs (Texts)
    open_rma: str | None = None  # the customer return open for it, waiting for inspection
    rma_promised_on: dt.date | None = None  # the day that return's answer was promised to the customer
    rma_overdue: bool = False  # that day has gone by (`snapp.services.rma_due.overdue`)
    fields: list[tuple[str, str]] = field(default_factory=list)  # its custom fields' values: (name, value)

    def warranty_days_left(self, today: dt.date | None = None) -> int | None:
        return days_left(self.warranty_end, today)

    def customer_warranty_days_left(self, today: dt.date | None = None) -> int | None:
        return days_left(self.customer_warranty_end, today)


def days_left(end: dt.date | None, today: dt.date | None = None) -> int | None:
    """Days until ``end`` (negative once past), or None without an end."""
    return None if end is None else (end - (today or dt.date.today())).days


_FROM, _TO = aliased(Location), aliased(Location)
_UNITS = bindparam("units", expanding=True)
# A card's history and its custom fields' values in one read: the fields first (part 0, in their item's
# order), then the events (part 1, oldest first), then one row (part 2) if the units have an after-sales
# story to read. The events' SELECT comes first for its column types.
_HISTORY_AND_FIELDS = union_all(
    select(
        SerialEvent.serial_id,
        literal_column("1").label("part"),
        SerialEvent.id.label("seq"),
        SerialEvent.at,
        User.name,
        SerialEvent.action,
        SerialEvent.from_status,
        SerialEvent.to_status,
        _FROM.code,
        _TO.code,
        SerialEvent.ref,
        SerialEvent.note,
    )
    .join(User, User.id == SerialEvent.user_id)
    .outerjoin(_FROM, _FROM.id == SerialEvent.from_location_id)
    .outerjoin(_TO, _TO.id == SerialEvent.to_location_id)
    .where(SerialEvent.serial_id.in_(_UNITS)),
    select(
        FieldValue.serial_id,
        literal_column("0"),
        FieldDefinition.position,
        *[null()] * 7,
        FieldDefinition.name,
        FieldValue.value,
    )
    .join(FieldDefinition, FieldDefinition.id == FieldValue.field_id)
    .where(FieldValue.serial_id.in_(_UNITS)),
    select(null(), literal_column("2"), literal_column("0"), *[null()] * 9).where(ever_aftersales(_UNITS)),
).order_by(literal_column("part"), literal_column("seq"))


@service(Permission.VIEW, write=False)
def find_serial(uow: UnitOfWork, serial: str) -> list[SerialCard]:
    """Every unit ``serial`` names (one per item that has it; a GS1 scan names its GTIN's), with its full history."""
    return read_cards(uow.session, serial)


def read_cards(session: Session, serial: str) -> list[SerialCard]:
    """`find_serial` inside a unit of work that is already open."""
    [found] = resolve(session, [serial])
    if not found.reading.ok:
        raise ValidationError(found.problem("serial"))
    units = found.units or fields.units_by_unique_value(session, serial)  # not a serial: an IMEI?
    if not units:
        raise NotFound("units.no_unit", serial=found.reading.serial)
    rows = sorted(units, key=lambda row: row.sku)
    ids = [row.id for row in rows]
    history: dict[int, list[EventRecord]] = {}
    values: dict[int, list[tuple[str, str]]] = {}
    aftersales = False
    for unit_id, part, _, *event in session.execute(_HISTORY_AND_FIELDS, {"units": ids}):
        if part == 1:
            history.setdefault(unit_id, []).append(EventRecord(*event))
        elif part == 0:
            values.setdefault(unit_id, []).append((event[-2], event[-1]))
        else:
            aftersales = True
    handovers, stories = (latest_handovers(session, ids), story(session, ids)) if aftersales else ({}, {})
    today = dt.date.today()
    returns = {row.id: open_return(session, row.id, today) for row in rows if row.status == Status.CUSTOMER_RETURN}
    return [
        SerialCard(
            row.serial, row.sku, row.item_name, row.gtin, row.status, row.location, row.location_name, row.supplier,
            row.supplier_name, row.po, row.receipt, row.received_at, row.warranty_months,
            warranty_end(row.received_at.date(), row.warranty_months), row.batch, row.expiry,
            allowed=[a.value for a in allowed_actions(row.status)],
            history=history.get(row.id, []), customer_warranty_end=_customer_end(handovers.get(row.id)),
            holder=holder_now(row.status, handovers.get(row.id)), aftersales=stories.get(row.id, []),
            fields=values.get(row.id, []),
            **_open_return(returns.get(row.id)),
        )  # fmt: skip
        for row in rows
    ]


def _open_return(found: tuple[str, dt.date | None, bool] | None) -> dict[str, object]:
    if found is None:
        return {}
    number, promised_on, late = found
    return {"open_rma": number, "rma_promised_on": promised_on, "rma_overdue": late}


def _customer_end(handover: Holder | None) -> dt.date | None:
    """The customer warranty the unit's last shipment gave it (an issue gives none)."""
    return handover.warranty_end if handover is not None and handover.action != "issue" else None


# --- the register --------------------------------------------------------------


@dataclass(frozen=True)
class SerialFilter:
    status: str | None = None
    sku: str | None = None
    location: str | None = None
    supplier: str | None = None
    po: str | None = None
    received_from: dt.date | None = None
    received_to: dt.date | None = None  # inclusive
    serial_prefix: str | None = None
    customer: str | None = None  # the units this customer has now
    batch: str | None = None
    field: tuple[str, str] | None = None  # (field name, value): the units whose custom field holds the value


@dataclass(frozen=True)
class SerialRow:
    serial: str
    sku: str
    item_name: str
    status: str
    location: str | None
    supplier: str
    po: str
    received_at: dt.datetime


@dataclass(frozen=True)
class Page:
    rows: list[SerialRow]
    total: int | None
    next: str | None = None  # the cursor of the page after this one; None on the last page


SORTS = {
    "received": Serial.received_at,
    "serial": Serial.serial,
    "status": Serial.status,
    "updated": Serial.updated_at,
}


def _register_query(columns: list, where: SerialFilter) -> Select:
    query = with_receipt(select(*columns))
    if where.customer:
        query = query.where(Serial.id.in_(held_by(where.customer)))
    if where.status:
        try:
            query = query.where(Serial.status == Status(where.status))
        except ValueError:
            raise ValidationError(
                Problem("status", where.status, "status", Text("lookup.not_a_status", statuses=", ".join(Status)))
            ) from None
    if where.sku:
        query = query.where(Item.sku == normalise(where.sku))
    if where.location:
        query = query.where(Location.code == normalise(where.location))
    if where.supplier:
        query = query.where(Supplier.code == normalise(where.supplier))
    if where.po:
        query = query.where(PurchaseOrder.number == normalise(where.po).upper())
    if where.received_from:
        query = query.where(Serial.received_at >= utc_midnight(where.received_from))
    if where.received_to:
        query = query.where(Serial.received_at < utc_midnight(where.received_to + dt.timedelta(days=1)))
    if where.batch:
        query = query.where(Serial.batch == normalise(where.batch))
    if where.field:
        query = query.where(fields.with_value(*where.field))
    if where.serial_prefix:
        prefix = normalise(where.serial_prefix)
        # A range on the indexed column, not LIKE: LIKE has escaping and collation traps.
        query = query.where(Serial.serial >= prefix, Serial.serial < prefix + "\U0010ffff")
    return query


@service(Permission.VIEW, write=False)
def list_serials(
    uow: UnitOfWork,
    where: SerialFilter | None = None,
    *,
    sort: str = "received",
    descending: bool = True,
    limit: int = 100,
    offset: int = 0,
    after: str | None = None,
    with_total: bool = False,
) -> Page:
    """One page of the register; fast at millions of rows because every filter and sort hits an index.

    ``after`` is the ``next`` cursor of the page before: paging by cursor costs
    the same on the ten-thousandth page as on the first, where an offset grows.
    """
    check_page(limit, offset)
    where = where or SerialFilter()
    if where.customer:
        get_customer_row(uow.session, where.customer)  # an unknown code is a mistake, not an empty list
    query = register_query(
        [Serial.serial, Item.sku, Item.name, Serial.status, Location.code, Supplier.code, PurchaseOrder.number,
         Serial.received_at, SORTS[sort] if sort in SORTS else Serial.id, Serial.id],
        where, sort, descending,
    )  # fmt: skip
    if after:
        key, last_id = _cursor_position(after, sort, descending)
        beyond = tuple_(SORTS[sort], Serial.id) < tuple_(key, last_id) if descending else \
            tuple_(SORTS[sort], Serial.id) > tuple_(key, last_id)  # fmt: skip
        query = query.where(beyond)
    rows = uow.session.execute(query.limit(limit).offset(offset if not after else 0)).all()
    total = None
    if with_total:
        total = uow.session.scalar(_register_query([func.count()], where))
    following = _cursor(rows[-1][-2], rows[-1][-1], sort, descending) if rows and len(rows) == limit else None
    return Page([SerialRow(*row[:-2]) for row in rows], total, following)


def _cursor(key: object, last_id: int, sort: str, descending: bool) -> str:
    value = key.isoformat() if isinstance(key, dt.datetime) else key
    text = json.dumps([sort, descending, value, last_id], ensure_ascii=False)
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def _cursor_position(cursor: str, sort: str, descending: bool) -> tuple[object, int]:
    try:
        their_sort, their_order, value, last_id = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        if (their_sort, their_order) != (sort, descending) or not isinstance(last_id, int):
            raise ValueError
        return (dt.datetime.fromisoformat(value) if SORTS[sort].type.python_type is dt.datetime else value), last_id
    except (ValueError, TypeError):
        raise ValidationError(Problem("after", cursor[:40], "after", Text("register.cursor"))) from None


def register_query(columns: list, where: SerialFilter, sort: str, descending: bool) -> Select:
    """The register's rows in the order asked for (the list and the export share it)."""
    if sort not in SORTS:
        raise ValidationError(Problem("sort", sort, "sort", Text("lookup.sort_by", sorts=", ".join(SORTS))))
    key = SORTS[sort]
    order = [key.desc(), Serial.id.desc()] if descending else [key.asc(), Serial.id.asc()]
    return _register_query(columns, where).order_by(*order)

