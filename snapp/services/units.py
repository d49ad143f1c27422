"""Which units typed or scanned input names: the one resolver, and the ledger reads every service shares.

Moves, labels, stocktakes, verify and lookup all turn what a person typed or
scanned into units here, so the same scan gets the same answer everywhere:

- the scan is read by `snapp.domain.scan.decode` (a plain serial, GS1 with or
  without GS, its text in parentheses, a Digital Link, an MA UDI...);
- a serial names a unit when the unit's item, applying its case policy to
  what was typed, stores it so ("abc1" names "ABC1" of an upper-case item,
  not "ABC1" of an item that keeps case);
- a GTIN in the scan, or a SKU given beside it, picks among items sharing the
  serial; units of other items are kept apart as ``others``;
- found nothing? The letters with their case flipped (Caps Lock), then the
  serials a dropped GS separator would give, each with a warning.

The whole batch is one set-based query, not one per scan, and a second for
the fallbacks of what the first did not find.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, FromClause, Row, Select, any_, bindparam, select
from sqlalchemy.orm import Session

from snapp.db.models import Item, Location, PurchaseOrder, Receipt, ReceiptLine, Serial, Supplier
from snapp.domain.capture import Capture, Reason, apply_case, normalise, typed_forms
from snapp.domain.lifecycle import Status
from snapp.domain.scan import Reading, ScannerProfile, decode
from snapp.errors import Problem, Text
from snapp.services.base import LOOKUP_CHUNK, among, chunks


def with_receipt(query: Select, via: tuple[FromClause, ColumnElement] | None = None) -> Select:
    """``query`` on serials joined to their item, location, receipt, purchase order and supplier.

    The one spelling of the join Serial → receipt line → receipt → PO: a
    unit's card, its labels, the verify verdict and receiving's "already
    received" all read through it. ``via`` (a FROM clause and its column of
    serial ids) is where the units are reached from, joined first: past eight
    tables PostgreSQL joins in the written order, so the few ids must lead.
    """
    start = Serial if via is None else via[0].join(Serial, Serial.id == via[1])
    return (
        query.select_from(start)
        .join(Item, Item.id == Serial.item_id)
        .outerjoin(Location, Location.id == Serial.location_id)
        .join(ReceiptLine, ReceiptLine.id == Serial.receipt_line_id)
        .join(Receipt, Receipt.id == ReceiptLine.receipt_id)
        .join(PurchaseOrder, PurchaseOrder.id == Receipt.po_id)
        .join(Supplier, Supplier.id == PurchaseOrder.supplier_id)
    )



def received_clashes(session: Session, item_id: int, captured: Capture) -> list[Problem]:
    """One problem per serial of ``captured`` that the item already has, saying where the unit is.

    Receiving and manifests refuse such a serial with the same words.
    """
    clashes = [
        serial
        for condition in among(session, Serial.serial, captured.serials)
        for serial in session.scalars(select(Serial.serial).where(Serial.item_id == item_id, condition))
    ]
    problems = []
    for condition in among(session, Serial.serial, clashes):
        rows = session.execute(
            with_receipt(select(Serial.serial, Serial.status, Location.code, Receipt.number, PurchaseOrder.number))
            .where(Serial.item_id == item_id, condition)
        )
        for serial, status, location, receipt, po in rows:
            if location:
                message = Text("receiving.already_received_at", receipt=receipt, po=po, status=Text(f"status.{status}"),
                               location=location)  # fmt: skip
            else:
                message = Text("receiving.already_received", receipt=receipt, po=po, status=Text(f"status.{status}"))
            problems.append(Problem(captured.locate(serial), serial, Reason.ALREADY_RECEIVED, message))
    return sorted(problems, key=lambda p: captured.index[p.value])

# Built once: constructing a SELECT costs more than running it on an index.
_COLUMNS = (
    Serial.id,
    Serial.serial,
    Item.serial_case,
    Item.sku,
    Item.name.label("item_name"),
    Item.gtin,
    Serial.status,
    Serial.location_id,
    Location.code.label("location"),
    Location.name.label("location_name"),
    Supplier.code.label("supplier"),
    Supplier.name.label("supplier_name"),
    PurchaseOrder.number.label("po"),
    Receipt.number.label("receipt"),
    Serial.received_at,
    Item.warranty_months,
    Serial.batch,
    Serial.expiry,
)
_UNITS = with_receipt(select(*_COLUMNS))
# Prepared with their parameter, so a lookup of one serial compiles nothing: PostgreSQL takes many
# forms as one array, SQLite in chunks under its parameter limit (as `snapp.services.base.among`).
# A few forms (a scan, a typed serial) go to PostgreSQL as separate parameters too: its plan cache then
# settles on one generic plan, where an array of unknown length has it plan the eight-table join again
# on every look-up (1.3 ms, ten times the join's own run).
FEW_FORMS = 8
_UNITS_IN = _UNITS.where(Serial.serial.in_(bindparam("forms", expanding=True)))


@functools.cache
def _units_any() -> Select:
    from sqlalchemy.dialects import postgresql  # on first use: SQLite users never load this dialect

    return _UNITS.where(Serial.serial == any_(bindparam("forms", type_=postgresql.ARRAY(Serial.serial.type))))


def units_in(ids: Select) -> Select:
    """The SELECT of the units whose ids ``ids`` (a SELECT of serial ids) gives, as the resolver gives them: a
    unit named by a custom field's value costs the probe of that value's index and nothing more.

    The ids lead the join (PostgreSQL plans ``id IN (subquery)`` as a hash join over every unit), so each
    unit is reached by its key.
    """
    found = ids.subquery()
    return with_receipt(select(*_COLUMNS), via=(found, next(iter(found.c))))


@dataclass(frozen=True)
class Resolved:
    """What one input names: its reading, the units it names, and what was assumed to find them."""

    reading: Reading
    units: list[Row]  # the units named; one is an answer, several are ambiguous
    others: list[Row]  # units carrying the serial on items the scan's GTIN or the SKU rules out
    warnings: tuple[Text, ...] = ()

    @property
    def unit(self) -> Row | None:
        return self.units[0] if len(self.units) == 1 else None

    def problem(self, position: str, sku: str | None = None) -> Problem | None:
        """Why this input names no single unit, or None when it does."""
        reading = self.reading
        if not reading.ok:
            return Problem(position, reading.raw, str(reading.fault), reading.message)
        if not self.units:
            message = Text("units.not_found_of", sku=sku) if sku else Text("units.not_found")
            return Problem(position, reading.raw, "not_found", message)
        if len(self.units) > 1:
            skus = ", ".join(sorted(unit.sku for unit in self.units))
            return Problem(position, reading.raw, "ambiguous", Text("units.ambiguous", skus=skus))
        return None


def resolve(
    session: Session,
    inputs: Sequence[str | Reading],
    *,
    profile: ScannerProfile | None = None,
    sku: str | None = None,
    here: int | None = None,
) -> list[Resolved]:
    """One `Resolved` per input, in order.

    ``sku`` limits the answer to one item. ``here`` (a location id) settles a
    serial that several items share in favour of the one unit in stock there,
    as a stocktake of that location wants.
    """
    readings = [value if isinstance(value, Reading) else decode(value, profile) for value in inputs]
    sku = normalise(sku) if sku else None
    read = [r for r in readings if r.ok]
    by_stored: dict[str, list[Row]] = {}  # stored serial -> its units, for every form looked for
    _load(session, {form for r in read for form in typed_forms(r.serial)}, by_stored)
    # The fallbacks cost a second query, and only for what the first found nothing for.
    missed = [r for r in read if not _named(r.serial, by_stored)]
    _load(session, {form for r in missed for serial in _tries(r)[1:] for form in typed_forms(serial)}, by_stored)
    return [
        _resolve_one(reading, by_stored, sku, here) if reading.ok else Resolved(reading, [], []) for reading in readings
    ]


def _load(session: Session, forms: set[str], by_stored: dict[str, list[Row]]) -> None:
    """Add the units stored under ``forms`` (those not loaded yet) to ``by_stored``."""
    wanted = sorted(forms - by_stored.keys())
    if not wanted:
        return
    for form in wanted:
        by_stored.setdefault(form, [])  # looked for, so never looked for again
    if len(wanted) > FEW_FORMS and session.get_bind().dialect.name == "postgresql":
        rows = session.execute(_units_any(), {"forms": wanted})
    else:
        rows = (row for part in chunks(wanted, LOOKUP_CHUNK) for row in session.execute(_UNITS_IN, {"forms": list(part)}))
    for row in rows:
        by_stored[row.serial].append(row)


def _named(serial: str, by_stored: dict[str, list[Row]]) -> list[Row]:
    """The units ``serial`` names: those whose item, applying its case policy to it, stores it so."""
    return [
        row for form in typed_forms(serial) for row in by_stored.get(form, ()) if apply_case(serial, row.serial_case) == form
    ]


def _tries(reading: Reading) -> list[str]:
    """The serials to look for, in order: as read, case flipped (unless Caps Lock was undone), then dropped GS."""
    serial = reading.serial
    flipped = [] if reading.caps_lock else [serial.swapcase()]
    return [serial, *flipped, *reading.alternatives]


def _resolve_one(reading: Reading, by_stored: dict[str, list[Row]], sku: str | None, here: int | None) -> Resolved:
    for n, serial in enumerate(_tries(reading)):
        named = _named(serial, by_stored)
        if not named:
            continue
        units = [row for row in named if sku in (None, row.sku) and reading.gtin in (None, row.gtin)]
        others = [row for row in named if row not in units]
        if len(units) > 1 and here is not None:
            units = [u for u in units if u.status == Status.IN_STOCK and u.location_id == here] or units
        warnings = reading.warnings
        if n:
            warnings += (_assumed(reading, serial),)
        return Resolved(reading, units, others, warnings)
    return Resolved(reading, [], [], reading.warnings)


def _assumed(reading: Reading, serial: str) -> Text:
    if serial in reading.alternatives:
        return Text("units.dropped_gs", serial=repr(serial))
    return Text("units.case_flipped", typed=repr(reading.serial), read=repr(serial))
