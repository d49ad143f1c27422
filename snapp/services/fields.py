"""Custom fields: an admin defines them per item; units carry values of them, captured at receipt or set later.

A unit's values live in ``field_values``, one row per unit and field. A unique
field's value is stored with its scope (`snapp.domain.fields.FieldDef.scope`)
under a unique index, so the database itself refuses a second unit with the
same IMEI, from any PC or session; the services look first only to say which
unit has it. Changing a value is an event in the unit's history and an audit
entry, in one transaction.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import bindparam, case, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from snapp.db import bulk
from snapp.db.models import FieldDefinition, FieldValue, Item, Serial, SerialEvent, field_values_table, utcnow
from snapp.domain.capture import Capture, normalise
from snapp.domain.fields import FieldCapture, FieldDef, LetterCase, PairPlace, Uniqueness, key, not_the_field
from snapp.domain.permissions import Permission
from snapp.errors import Conflict, NotFound, Problem, Text, ValidationError
from snapp.io.serial_files import BATCH_HEADERS, EXPIRY_HEADERS, HEADERS
from snapp.services.base import UnitOfWork, among, service, unique_constraint
from snapp.services.masterdata import get_item_row
from snapp.services.units import resolve, units_in

FIELD_EVENT = "field"  # a unit's history: one of its field values changed
UNIQUE_INDEX = "uq_field_values_scope_value"
# Headings a file's serial, batch and expiry columns go by: a field may not take one (IMEI may: see serial_files).
_RESERVED = (HEADERS - {"imei"}) | BATCH_HEADERS | EXPIRY_HEADERS


@dataclass(frozen=True)
class FieldRecord:
    sku: str
    name: str
    kind: str
    required: bool
    unique: str
    choices: tuple[str, ...]
    pattern: str | None
    scanned: bool
    values: int = 0  # units carrying a value of it
    case: str = LetterCase.EXACT

    @property
    def definition(self) -> FieldDef:
        return FieldDef(self.name, self.kind, self.required, self.unique, self.choices, self.pattern, self.scanned,
                        self.case)  # fmt: skip


@dataclass(frozen=True)
class FieldMatch:
    """A unit found by a field's value."""

    serial: str
    sku: str
    field: str
    value: str


@dataclass(frozen=True)
class ValueChange:
    serial: str
    sku: str
    field: str
    before: str | None
    after: str | None


def definition(row: FieldDefinition) -> FieldDef:
    return FieldDef(row.name, row.kind, row.required, row.uniqueness, tuple(json.loads(row.choices or "[]")),
                    row.pattern, row.scanned, row.letter_case)  # fmt: skip


def item_fields(session: Session, item_id: int) -> list[tuple[int, FieldDef]]:
    """The item's fields in their order, each with its id."""
    rows = session.scalars(
        select(FieldDefinition).where(FieldDefinition.item_id == item_id).order_by(FieldDefinition.position, FieldDefinition.id)
    )
    return [(row.id, definition(row)) for row in rows]


# --- definitions -----------------------------------------------------------------------------


@service(Permission.MASTER_DATA)
def define_field(uow: UnitOfWork, sku: str, spec: FieldDef) -> FieldRecord:
    """Add a field to an item; its units received before it carry no value of it."""
    session = uow.session
    item = get_item_row(session, sku)
    spec = _checked(item, spec)
    if _field_row(session, item, spec.name, missing_ok=True) is not None:  # "imei" beside "IMEI" too
        raise Conflict("unique_constraint.field_name")
    _same_case_as_others(_sharing_scope(session, item, spec), spec)
    position = session.scalar(select(func.coalesce(func.max(FieldDefinition.position), 0)).where(
        FieldDefinition.item_id == item.id)) + 1  # fmt: skip
    row = FieldDefinition(item_id=item.id, position=position, **_columns(spec))
    session.add(row)
    session.flush()
    record = _record(item.sku, spec)
    uow.audit("field.define", "field", f"{item.sku}/{spec.name}", after=_audited(record))
    return record


@service(Permission.MASTER_DATA)
def alter_field(uow: UnitOfWork, sku: str, name: str, /, **changes: Any) -> FieldRecord:
    """Change a field's definition. Values already stored must fit it: a new kind, choice list or pattern
    is refused while a unit's value does not, and so is a uniqueness two units' values break."""
    session = uow.session
    item = get_item_row(session, sku)
    row = _field_row(session, item, name)
    before = definition(row)
    if "choices" in changes:
        changes["choices"] = tuple(changes["choices"] or ())
    after = _checked(item, replace(before, **changes))
    if key(after.name) != key(before.name) and _field_row(session, item, after.name, missing_ok=True) is not None:
        raise Conflict("unique_constraint.field_name")
    others = _sharing_scope(session, item, after)
    if before.unique == Uniqueness.ALL and after.case != before.case:
        for other, sku in others:  # one index, one case: the same field of the other items is recased with it
            was = definition(other)
            _refit_values(session, other.id, replace(was, case=after.case))
            other.letter_case = str(after.case)
            uow.audit("field.alter", "field", f"{sku}/{was.name}", before=_audited(_record(sku, was)),
                      after=_audited(_record(sku, replace(was, case=after.case))))  # fmt: skip
    else:
        _same_case_as_others(others, after)
    _refit_values(session, row.id, after)
    for column, value in _columns(after).items():
        setattr(row, column, value)
    session.flush()
    record = _record(item.sku, after, _count(session, row.id))
    uow.audit("field.alter", "field", f"{item.sku}/{before.name}", before=_audited(_record(item.sku, before)),
              after=_audited(record))  # fmt: skip
    return record


def _sharing_scope(session: Session, item: Item, spec: FieldDef) -> list[tuple[FieldDefinition, str]]:
    """The fields of other items whose values share one unique index with ``spec``'s (same name, each unique
    across all items), with their items' SKUs."""
    if spec.unique != Uniqueness.ALL:
        return []
    rows = session.execute(
        select(FieldDefinition, Item.sku).join(Item, Item.id == FieldDefinition.item_id)
        .where(FieldDefinition.uniqueness == Uniqueness.ALL.value, FieldDefinition.item_id != item.id)
    ).all()  # fmt: skip
    return [(row, sku) for row, sku in rows if key(row.name) == key(spec.name)]


def _same_case_as_others(others: list[tuple[FieldDefinition, str]], spec: FieldDef) -> None:
    """A value unique across all items is one value in one case: AA:BB on one item and aa:bb on another would be
    two MAC addresses to the index. A field joining that index takes the case rule it already has."""
    for other, sku in others:
        if other.letter_case != str(spec.case):
            raise ValidationError([Problem("case", str(spec.case), "case", Text(
                "field_case.across_items", field=other.name, sku=sku, case=Text(f"letter_case.{other.letter_case}")))])


@service(Permission.VIEW, write=False)
def list_fields(uow: UnitOfWork, sku: str) -> list[FieldRecord]:
    session = uow.session
    item = get_item_row(session, sku)
    counts = dict(session.execute(
        select(FieldValue.field_id, func.count()).join(FieldDefinition, FieldDefinition.id == FieldValue.field_id)
        .where(FieldDefinition.item_id == item.id).group_by(FieldValue.field_id)
    ).all())  # fmt: skip
    return [_record(item.sku, d, counts.get(field_id, 0)) for field_id, d in item_fields(session, item.id)]


def _checked(item: Item, spec: FieldDef) -> FieldDef:
    spec = replace(spec, name=normalise(spec.name), choices=tuple(normalise(c) for c in spec.choices),
                   pattern=normalise(spec.pattern) if spec.pattern else None)  # fmt: skip
    problems = spec.problems()
    if spec.name and key(spec.name) in _RESERVED:
        problems.append(Problem("name", spec.name, "name", Text("field.reserved_name")))
    if item.tracking != "serial":
        problems.append(Problem("sku", item.sku, "sku", Text("field.not_by_serial", sku=item.sku)))
    if problems:
        raise ValidationError(problems)
    return spec


def _columns(spec: FieldDef) -> dict[str, Any]:
    return {"name": spec.name, "kind": str(spec.kind), "required": spec.required, "uniqueness": str(spec.unique),
            "choices": json.dumps(list(spec.choices), ensure_ascii=False) if spec.choices else None,
            "pattern": spec.pattern, "scanned": spec.scanned, "letter_case": str(spec.case)}  # fmt: skip


def _record(sku: str, spec: FieldDef, values: int = 0) -> FieldRecord:
    return FieldRecord(sku, spec.name, str(spec.kind), spec.required, str(spec.unique), spec.choices, spec.pattern,
                       spec.scanned, values, str(spec.case))  # fmt: skip


def _audited(record: FieldRecord) -> dict[str, Any]:
    return {"kind": record.kind, "name": record.name, "required": record.required, "unique": record.unique,
            "choices": list(record.choices), "pattern": record.pattern, "scanned": record.scanned, "case": record.case}  # fmt: skip


def _field_row(session: Session, item: Item, name: str, *, missing_ok: bool = False) -> FieldDefinition | None:
    rows = session.scalars(select(FieldDefinition).where(FieldDefinition.item_id == item.id)).all()
    row = next((r for r in rows if key(r.name) == key(name)), None)
    if row is None and not missing_ok:
        raise NotFound("field.no_field", field="field", sku=item.sku, name=name)
    return row


def _count(session: Session, field_id: int) -> int:
    return session.scalar(select(func.count()).select_from(FieldValue).where(FieldValue.field_id == field_id))


def _refit_values(session: Session, field_id: int, after: FieldDef) -> None:
    """Check the field's stored values against its new definition, store them in its case rule's case, and move
    them to its new unique scope. A value that differs from its new form only by case is recased, not refused."""
    problems = []
    rows = session.execute(
        select(FieldValue.id, FieldValue.value, Serial.serial).join(Serial, Serial.id == FieldValue.serial_id)
        .where(FieldValue.field_id == field_id).order_by(FieldValue.id)
    ).all()  # fmt: skip
    recased: dict[int, str] = {}
    for value_id, value, serial in rows:
        stored, why = after.read(value)
        if why is None and stored != value and stored == after.cased(value):
            recased[value_id] = stored
        elif why is not None or stored != value:
            problems.append(Problem(serial, value, "field_value", Text("field.refused", serial=serial, field=after.name,
                                                                       why=why or Text("field.not_canonical"))))  # fmt: skip
    if problems:
        raise ValidationError(problems, Text("field.alter_refused", n=len(problems)))
    scope = after.scope(field_id)
    savepoint = session.begin_nested()
    try:
        session.execute(update(FieldValue).where(FieldValue.field_id == field_id).values(scope=scope))
        if recased:
            table = field_values_table
            session.execute(update(table).where(table.c.id == bindparam("value_id")).values(value=bindparam("recased")),
                            [{"value_id": k, "recased": v} for k, v in recased.items()])  # fmt: skip
        savepoint.commit()
    except IntegrityError as err:
        savepoint.rollback()
        if unique_constraint(err) != UNIQUE_INDEX:
            raise
        mine = [(recased.get(value_id, value), value_id, serial) for value_id, value, serial in rows]
        raise ValidationError(_scope_clashes(session, field_id, scope, mine), Text("field.alter_refused_unique")) from err


def _scope_clashes(session: Session, field_id: int, scope: str | None, mine: list[tuple[str, int, str]]) -> list[Problem]:
    """The values that two units would share in ``scope``, given the field's values as they would be stored
    (value, row id, serial) beside other fields' values already in that scope."""
    found = list(mine)
    for condition in among(session, FieldValue.value, list({value for value, _, _ in mine})):
        found += [tuple(row) for row in session.execute(
            select(FieldValue.value, FieldValue.id, Serial.serial).join(Serial, Serial.id == FieldValue.serial_id)
            .where(FieldValue.scope == scope, FieldValue.field_id != field_id, condition)
        )]  # fmt: skip
    holders: dict[str, list[str]] = {}
    for value, _, serial in sorted(found):
        holders.setdefault(value, []).append(serial)
    return [Problem(", ".join(serials), value, "field_duplicate", Text("field.shared", serials=", ".join(serials)))
            for value, serials in holders.items() if len(serials) > 1]  # fmt: skip


# --- values ----------------------------------------------------------------------------------


@service(Permission.RECEIVE)
def set_value(uow: UnitOfWork, serial: str, name: str, value: object, *, sku: str | None = None) -> ValueChange:
    """Set (or, with an empty value, clear) one unit's value of a field: an event in its history, audited."""
    session = uow.session
    [found] = resolve(session, [serial], sku=sku)
    if problem := found.problem("serial", sku):
        raise ValidationError(problem)
    unit = found.unit
    item = get_item_row(session, unit.sku)
    row = _field_row(session, item, name)
    spec = definition(row)
    stored, why = spec.read(value)
    if why is not None:
        raise ValidationError(Problem(spec.name, str(value), "field_value",
                                      Text("field.refused", serial=unit.serial, field=spec.name, why=why)))  # fmt: skip
    if stored is None and spec.required:
        raise ValidationError(Problem(spec.name, "", "field_required",
                                      Text("field.refused", serial=unit.serial, field=spec.name, why=Text("field.required"))))  # fmt: skip
    current = session.scalar(select(FieldValue).where(FieldValue.serial_id == unit.id, FieldValue.field_id == row.id))
    before = current.value if current is not None else None
    if before == stored:
        return ValueChange(unit.serial, unit.sku, spec.name, before, stored)
    scope = spec.scope(row.id)
    if stored is not None and scope is not None and (taken := holder(session, scope, stored)) is not None:
        raise Conflict("field.taken", field=spec.name, name=spec.name, value=stored, serial=taken[0], sku=taken[1])
    if current is None:
        session.add(FieldValue(serial_id=unit.id, field_id=row.id, value=stored, scope=scope))
    elif stored is None:
        session.delete(current)
    else:
        current.value = stored
    now = utcnow()
    session.add(SerialEvent(serial_id=unit.id, at=now, user_id=uow.actor.id, action=FIELD_EVENT, from_status=unit.status,
                            to_status=unit.status, from_location_id=unit.location_id, to_location_id=unit.location_id,
                            ref=spec.name, note=f"{spec.name}: {before or '—'} → {stored or '—'}"))  # fmt: skip
    session.execute(update(Serial).where(Serial.id == unit.id).values(updated_at=now))
    session.flush()  # a value another session stored meanwhile fails here, by the unique index
    uow.audit("field.set", "serial", f"{unit.sku}/{unit.serial}", before={spec.name: before}, after={spec.name: stored})
    return ValueChange(unit.serial, unit.sku, spec.name, before, stored)


def holder(session: Session, scope: str, value: str) -> tuple[str, str] | None:
    """(serial, SKU) of the unit holding ``value`` in ``scope``, if any."""
    found = session.execute(
        select(Serial.serial, Item.sku).join(FieldValue, FieldValue.serial_id == Serial.id)
        .join(Item, Item.id == Serial.item_id).where(FieldValue.scope == scope, FieldValue.value == value)
    ).first()  # fmt: skip
    return (found[0], found[1]) if found else None


def pair_value(session: Session, field_id: int, place: PairPlace, raw: str) -> tuple[str, Text | None]:
    """One scan where ``place`` expects a unit's scanned field (its IMEI): the value, and why it is refused if it is,
    with the reasons the posted receipt would give (`scan_pairs`, `capture_fields`, `stored_clashes`)."""
    spec, value = place.field, normalise(raw)
    if why := not_the_field(spec, value):
        return value, why
    stored, why = spec.read(value)
    value = stored or value
    if why is None and spec.unique != Uniqueness.NONE:
        if value in place.earlier:
            n, other = place.earlier[value]
            why = Text("field.twice", first=Text("position.scan", n=n), other=other)
        elif found := holder(session, spec.scope(field_id), value):
            why = Text("field.taken_by", serial=found[0], sku=found[1])
    return value, why and Text("field.refused", serial=place.serial, field=spec.name, why=why)


# A field value is what a typed value is stored as under its field's case rule: the forms it may take are
# probed on the value index, then the one its field's rule gives is kept (FieldDefinition joined). Built once,
# with its parameters (`typed_value`): constructing a SELECT costs more than running it on an index.
_HOLDS = FieldValue.value.in_([bindparam("typed"), bindparam("upper"), bindparam("lower")]) & (
    FieldValue.value == case((FieldDefinition.letter_case == LetterCase.UPPER.value, bindparam("upper")),
                             (FieldDefinition.letter_case == LetterCase.LOWER.value, bindparam("lower")),
                             else_=bindparam("typed")))  # fmt: skip
_HOLDERS = select(FieldValue.serial_id).join(FieldDefinition, FieldDefinition.id == FieldValue.field_id).where(_HOLDS)
_FOUND = (
    select(Item.sku, Serial.serial, FieldDefinition.name, FieldValue.value)
    .join(FieldDefinition, FieldDefinition.id == FieldValue.field_id)
    .join(Serial, Serial.id == FieldValue.serial_id).join(Item, Item.id == Serial.item_id).where(_HOLDS)
)  # fmt: skip
_UNIQUE_HOLDERS = units_in(_HOLDERS.where(FieldValue.scope.is_not(None)))


def typed_value(text: str) -> dict[str, str]:
    """The parameters of `_HOLDS` for a typed value."""
    text = normalise(text)
    return {"typed": text, "upper": text.upper(), "lower": text.lower()}


@service(Permission.VIEW, write=False)
def find_by_field(uow: UnitOfWork, value: str, name: str | None = None) -> list[FieldMatch]:
    """The units carrying ``value`` in a field (of any name, or of the field ``name``), in whatever case it was
    typed where the field's case rule stores it in one: one probe of the value index."""
    found = sorted(row for row in uow.session.execute(_FOUND, typed_value(value))
                   if name is None or key(row.name) == key(name))  # fmt: skip
    return [FieldMatch(serial, sku, field, value) for sku, serial, field, value in found]


def units_by_unique_value(session: Session, typed: str) -> list:
    """The units a typed or scanned value names through a unique field (an IMEI), as the resolver gives units:
    the look-up's fallback, one query on the value index."""
    return list({row.id: row for row in session.execute(_UNIQUE_HOLDERS, typed_value(typed))}.values())


def field_names(session: Session) -> list[str]:
    """Every field name defined on any item, once each (by its first spelling), for the register's columns."""
    names: dict[str, str] = {}
    for name in session.scalars(select(FieldDefinition.name).order_by(FieldDefinition.position, FieldDefinition.id)):
        names.setdefault(key(name), name)
    return list(names.values())


def value_column(name: str):
    """A unit's value of the field ``name`` (whatever item defines it), as a column of a query on serials."""
    return (
        select(FieldValue.value).join(FieldDefinition, FieldDefinition.id == FieldValue.field_id)
        .where(FieldValue.serial_id == Serial.id, func.lower(FieldDefinition.name) == key(name)).limit(1)
        .scalar_subquery()
    )  # fmt: skip


def with_value(name: str, value: str):
    """The condition "the unit's field ``name`` (any field, without a name) holds ``value``", for the register's
    filter (on the value index)."""
    units = _HOLDERS.params(typed_value(value))
    if normalise(name):
        units = units.where(func.lower(FieldDefinition.name) == key(name))
    return Serial.id.in_(units)


# --- at receipt ------------------------------------------------------------------------------


def stored_clashes(session: Session, fields: Sequence[tuple[int, FieldDef]], captured: Capture, got: FieldCapture
                   ) -> list[Problem]:  # fmt: skip
    """A problem per unique value of the receipt that a unit already stored has, naming that unit."""
    problems = []
    source = captured.source
    given = {key(name): name for name in (source.fields or {})}
    for field_id, spec in fields:
        scope = spec.scope(field_id)
        values = got.values.get(spec.name)
        if scope is None or not values:
            continue
        wanted = [v for v in values if v is not None]
        holders: dict[str, tuple[str, str]] = {}
        for condition in among(session, FieldValue.value, wanted):
            for value, serial, sku in session.execute(
                select(FieldValue.value, Serial.serial, Item.sku).join(Serial, Serial.id == FieldValue.serial_id)
                .join(Item, Item.id == Serial.item_id).where(FieldValue.scope == scope, condition)
            ):  # fmt: skip
                holders[value] = (serial, sku)
        for serial, value in zip(captured.serials, values, strict=True):
            if value in holders:
                why = Text("field.taken_by", serial=holders[value][0], sku=holders[value][1])
                i = captured.index[serial]
                problems.append(Problem(source.where_field(i, given.get(key(spec.name), spec.name)), value,
                                        "field_taken", Text("field.refused", serial=serial, field=spec.name, why=why)))  # fmt: skip
    return problems


def store_receipt_fields(session: Session, fields: Sequence[tuple[int, FieldDef]], receipt_line_id: int,
                         serials: Sequence[str], got: FieldCapture) -> None:  # fmt: skip
    """Write the received units' values, in bulk; a unique value already stored fails the unique index here."""
    if not got.given:
        return
    ids = dict(session.execute(select(Serial.serial, Serial.id).where(Serial.receipt_line_id == receipt_line_id)).all())
    unit_ids, field_ids, values, scopes = [], [], [], []
    for field_id, spec in fields:
        scope = spec.scope(field_id)
        for serial, value in zip(serials, got.values.get(spec.name, ()), strict=False):
            if value is not None:
                unit_ids.append(ids[serial])
                field_ids.append(field_id)
                values.append(value)
                scopes.append(scope)
    bulk.insert_rows(session, field_values_table, {},
                     {"serial_id": unit_ids, "field_id": field_ids, "value": values, "scope": scopes})  # fmt: skip

