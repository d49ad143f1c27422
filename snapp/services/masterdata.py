"""Suppliers, items and locations: create, edit, list."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from snapp.db.models import Item, Location, Supplier
from snapp.domain.capture import CasePolicy, SerialRule, gtin14, normalise
from snapp.domain.items import SERIAL_LENGTH_MAX, TRACKING_MODES, WARRANTY_MONTHS_MAX
from snapp.domain.permissions import Permission
from snapp.errors import NotFound, Problem, Text, ValidationError
from snapp.services.base import UnitOfWork, service


@dataclass(frozen=True)
class SupplierRecord:
    code: str
    name: str
    contact: str | None = None
    phone: str | None = None
    email: str | None = None
    address: str | None = None


P = TypeVar("P", bound=SupplierRecord)


@dataclass(frozen=True)
class ItemRecord:
    sku: str
    name: str
    gtin: str | None = None
    tracking: str = "serial"
    serial_pattern: str | None = None
    serial_min_length: int = 1
    serial_max_length: int = 40
    serial_case: str = "keep"
    warranty_months: int = 0
    supplier: str | None = None  # supplier code
    customer_warranty_months: int = 0  # from shipment to the customer

    @property
    def rule(self) -> SerialRule:
        return serial_rule(self)


@dataclass(frozen=True)
class LocationRecord:
    code: str
    name: str


def serial_rule(item: Item | ItemRecord) -> SerialRule:
    return SerialRule(
        pattern=item.serial_pattern,
        min_length=item.serial_min_length,
        max_length=item.serial_max_length,
        case=CasePolicy(item.serial_case),
        gtin=item.gtin,
    )


# --- suppliers ---------------------------------------------------------------


@service(Permission.MASTER_DATA)
def add_supplier(uow: UnitOfWork, record: SupplierRecord) -> SupplierRecord:
    return add_party(uow, Supplier, "supplier", record)


@service(Permission.MASTER_DATA)
def update_supplier(uow: UnitOfWork, code: str, **changes: Any) -> SupplierRecord:
    return update_party(uow, get_supplier_row(uow.session, code), "supplier", SupplierRecord, changes)


@service(Permission.VIEW, write=False)
def list_suppliers(uow: UnitOfWork) -> list[SupplierRecord]:
    return list_parties(uow.session, Supplier, SupplierRecord)


def add_party(uow: UnitOfWork, model: type, entity: str, record: P) -> P:
    """Create a supplier or a customer (``model``) from ``record``, audited as ``entity``."""
    record = valid(check_party(record, model))
    uow.session.add(model(**asdict(record)))
    uow.session.flush()
    uow.audit(f"{entity}.create", entity, record.code, after=asdict(record))
    return record


def update_party(uow: UnitOfWork, row: Any, entity: str, record_type: type[P], changes: dict[str, Any]) -> P:
    before = party_record(record_type, row)
    after = valid(check_party(record_type(**{**asdict(before), **changes}), type(row)))
    for name, value in asdict(after).items():
        setattr(row, name, value)
    uow.session.flush()
    uow.audit(f"{entity}.update", entity, after.code, before=asdict(before), after=asdict(after))
    return after


def list_parties(session: Session, model: Any, record_type: type[P]) -> list[P]:
    return [party_record(record_type, row) for row in session.scalars(select(model).order_by(model.code))]


def party_record(record_type: type[P], row: Any) -> P:
    return record_type(**{f.name: getattr(row, f.name) for f in fields(record_type)})


def check_supplier(record: SupplierRecord) -> tuple[SupplierRecord, list[Problem]]:
    return check_party(record, Supplier)


def check_party(record: P, model: type) -> tuple[P, list[Problem]]:
    """A supplier's or customer's record cleaned, and what is wrong with it on its own (uniqueness is the database's)."""
    record = _clean(record)
    return record, _missing(record, "code", "name") + _too_long(record, model)


def get_supplier_row(session: Session, code: str) -> Supplier:
    supplier = session.scalar(select(Supplier).where(Supplier.code == normalise(code)))
    if supplier is None:
        raise NotFound("masterdata.no_supplier", field="supplier", supplier=code)
    return supplier


# --- items -------------------------------------------------------------------


@service(Permission.MASTER_DATA)
def add_item(uow: UnitOfWork, record: ItemRecord) -> ItemRecord:
    record = _checked_item(uow.session, record)
    row = Item(**_item_columns(uow.session, record))
    uow.session.add(row)
    uow.session.flush()
    uow.audit("item.create", "item", record.sku, after=asdict(record))
    return record


@service(Permission.MASTER_DATA)
def update_item(uow: UnitOfWork, sku: str, **changes: Any) -> ItemRecord:
    item = get_item_row(uow.session, sku)
    before = _item_record(uow.session, item)
    after = _checked_item(uow.session, ItemRecord(**{**asdict(before), **changes}))
    for name, value in _item_columns(uow.session, after).items():
        setattr(item, name, value)
    uow.session.flush()
    uow.audit("item.update", "item", after.sku, before=asdict(before), after=asdict(after))
    return after


@service(Permission.VIEW, write=False)
def list_items(uow: UnitOfWork) -> list[ItemRecord]:
    return [_item_record(uow.session, i) for i in uow.session.scalars(select(Item).order_by(Item.sku))]


def get_item_row(session: Session, sku: str) -> Item:
    item = session.scalar(select(Item).where(Item.sku == normalise(sku)))
    if item is None:
        raise NotFound("masterdata.no_item", field="sku", sku=sku)
    return item


def _checked_item(session: Session, record: ItemRecord) -> ItemRecord:
    record, problems = check_item(record)
    if record.supplier:
        try:
            get_supplier_row(session, record.supplier)
        except NotFound as err:
            problems.append(Problem("supplier", record.supplier, "supplier", err.text))
    return valid((record, problems))


def check_item(record: ItemRecord) -> tuple[ItemRecord, list[Problem]]:
    """The record cleaned (GTIN widened to 14 digits), and what is wrong with it on its own.

    Whether its supplier exists and its SKU and GTIN are free is the caller's
    question: one item asks the database, an import asks once for all rows.
    """
    record = _clean(record)
    problems = _missing(record, "sku", "name") + _too_long(record, Item)
    if record.gtin:
        try:
            record = replace(record, gtin=gtin14(record.gtin))
        except ValidationError as err:
            problems += [Problem("gtin", record.gtin, "gtin", p.message) for p in err.problems]
    if record.tracking not in TRACKING_MODES:
        problems.append(_not_one_of("tracking", record.tracking, TRACKING_MODES))
    if record.serial_case not in tuple(CasePolicy):
        problems.append(_not_one_of("serial_case", record.serial_case, tuple(CasePolicy)))
    problems += _outside(record, warranty_months=(0, WARRANTY_MONTHS_MAX),
                         customer_warranty_months=(0, WARRANTY_MONTHS_MAX), serial_min_length=(1, SERIAL_LENGTH_MAX),
                         serial_max_length=(1, SERIAL_LENGTH_MAX))  # fmt: skip
    if not problems:
        problems += serial_rule(record).problems()
    return record, problems


def _not_one_of(name: str, value: str, choices: tuple[str, ...]) -> Problem:
    return Problem(name, value, name, Text("masterdata.one_of", choices=", ".join(choices)))


def _outside(record: Any, **bounds: tuple[int, int]) -> list[Problem]:
    """A problem for each number field outside its (low, high)."""
    problems = []
    for name, (low, high) in bounds.items():
        value = getattr(record, name)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            problems.append(Problem(name, str(value), name, Text("validation.between", low=low, high=high)))
    return problems


def _item_columns(session: Session, record: ItemRecord) -> dict[str, Any]:
    columns = asdict(record)
    supplier = columns.pop("supplier")
    columns["supplier_id"] = get_supplier_row(session, supplier).id if supplier else None
    return columns


def _item_record(session: Session, item: Item) -> ItemRecord:
    supplier = session.get(Supplier, item.supplier_id) if item.supplier_id else None
    return ItemRecord(
        item.sku,
        item.name,
        item.gtin,
        item.tracking,
        item.serial_pattern,
        item.serial_min_length,
        item.serial_max_length,
        item.serial_case,
        item.warranty_months,
        supplier.code if supplier else None,
        item.customer_warranty_months,
    )


# --- locations ---------------------------------------------------------------


@service(Permission.MASTER_DATA)
def add_location(uow: UnitOfWork, record: LocationRecord) -> LocationRecord:
    record = valid(check_location(record))
    uow.session.add(Location(code=record.code, name=record.name))
    uow.session.flush()
    uow.audit("location.create", "location", record.code, after=asdict(record))
    return record


@service(Permission.MASTER_DATA)
def update_location(uow: UnitOfWork, code: str, *, name: str) -> LocationRecord:
    location = get_location_row(uow.session, code)
    before = LocationRecord(location.code, location.name)
    after = valid(check_location(LocationRecord(location.code, name)))
    location.name = after.name
    uow.audit("location.update", "location", after.code, before=asdict(before), after=asdict(after))
    return after


@service(Permission.VIEW, write=False)
def list_locations(uow: UnitOfWork) -> list[LocationRecord]:
    rows = uow.session.scalars(select(Location).order_by(Location.code))
    return [LocationRecord(loc.code, loc.name) for loc in rows]


def check_location(record: LocationRecord) -> tuple[LocationRecord, list[Problem]]:
    record = _clean(record)
    return record, _missing(record, "code", "name") + _too_long(record, Location)


def get_location_row(session: Session, code: str | None) -> Location:
    """The location ``code``; with no code, the only location there is."""
    if code:
        location = session.scalar(select(Location).where(Location.code == normalise(code)))
        if location is None:
            raise NotFound("masterdata.no_location", field="location", location=code)
        return location
    locations = session.scalars(select(Location).order_by(Location.code).limit(11)).all()
    if len(locations) == 1:
        return locations[0]
    if not locations:
        raise NotFound("masterdata.no_locations", field="location")
    codes = ", ".join(loc.code for loc in locations[:10])
    raise ValidationError(Problem("location", "", "location", Text("masterdata.choose_location", codes=codes)))


# --- shared ------------------------------------------------------------------


T = TypeVar("T")


def _clean(record: T) -> T:
    """Strip and width-fold every text field; empty text becomes None."""
    changes = {}
    for f in fields(record):  # type: ignore[arg-type]
        value = getattr(record, f.name)
        if isinstance(value, str):
            value = normalise(value)
            changes[f.name] = value or None
    return replace(record, **changes)  # type: ignore[type-var]


def _missing(record: Any, *names: str) -> list[Problem]:
    return [Problem(name, "", name, Text("validation.required")) for name in names if not getattr(record, name)]


def _too_long(record: Any, model: type) -> list[Problem]:
    """Text longer than its column holds (PostgreSQL would refuse it; SQLite would keep it)."""
    problems = []
    for f in fields(record):
        value = getattr(record, f.name)
        column = model.__table__.c.get(f.name)
        limit = getattr(column.type, "length", None) if column is not None else None
        if isinstance(value, str) and limit and len(value) > limit:
            problems.append(Problem(f.name, value, f.name, Text("masterdata.too_long", n=len(value), most=limit)))
    return problems


def valid(checked: tuple[T, list[Problem]]) -> T:
    record, problems = checked
    if problems:
        raise ValidationError(problems)
    return record
