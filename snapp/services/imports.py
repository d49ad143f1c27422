"""Master-data import: suppliers, items, locations or customers from a spreadsheet or CSV, all or nothing.

Each row becomes the same record the one-at-a-time services take and passes
the same checks (`masterdata.check_*`); what needs the database (codes
already taken, the supplier an item names) is asked once for the whole file.
If any row is refused, every problem is reported with its row and cell and
nothing is written. Accepted rows go in through one Core insert.

One audit entry per import, naming the file and every code it created: one
user action, one entry, as for a receipt of thousands of serials; the entry
still answers "who created supplier X, and when".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from snapp.db.models import Customer, Item, Location, Supplier
from snapp.domain.permissions import Permission
from snapp.errors import Problem, Text, ValidationError
from snapp.io.masterdata_files import MasterDataFile
from snapp.services.base import UnitOfWork, among, service
from snapp.services.customers import CustomerRecord, check_customer
from snapp.services.masterdata import (
    ItemRecord,
    LocationRecord,
    SupplierRecord,
    check_item,
    check_location,
    check_supplier,
)


@dataclass(frozen=True)
class ImportResult:
    kind: str
    file: str
    count: int


@dataclass(frozen=True)
class _Kind:
    record: type
    check: Callable[[Any], tuple[Any, list[Problem]]]
    model: type
    entity: str  # audit entity and the word for one record
    taken: dict[str, str]  # key field -> the code of what it means when the database has it already


_KINDS = {
    "suppliers": _Kind(SupplierRecord, check_supplier, Supplier, "supplier", {"code": "import.supplier_taken"}),
    "items": _Kind(ItemRecord, check_item, Item, "item", {"sku": "import.sku_taken", "gtin": "import.gtin_taken"}),
    "locations": _Kind(LocationRecord, check_location, Location, "location", {"code": "import.location_taken"}),
    "customers": _Kind(CustomerRecord, check_customer, Customer, "customer", {"code": "import.customer_taken"}),
}


@service(Permission.MASTER_DATA)
def import_masterdata(uow: UnitOfWork, file: MasterDataFile) -> ImportResult:
    """Create every record of ``file`` (read by `snapp.io.masterdata_files.read_masterdata`), or none."""
    kind = _KINDS[file.layout.kind]
    session = uow.session
    problems: list[tuple[int, Problem]] = list(file.problems)
    records: list[tuple[int, Any]] = []
    for row in file.rows:
        record, found = kind.check(kind.record(**row.values))
        placed = (_placed(file, row.number, p) for p in found)
        problems += [(row.number, p) for p in placed if p.reason not in row.refused]  # its cell is reported already
        records.append((row.number, record))
    first: dict[tuple[str, object], int] = {}
    for key in file.layout.keys:
        for number, record in records:
            value = getattr(record, key)
            if value is None:
                continue
            if (key, value) in first:
                earlier = first[key, value]
                problems.append(_problem(file, number, key, value, Text("import.twice", row=earlier + 1)))
            else:
                first[key, value] = number
        column = getattr(kind.model, key)
        for value in _ids(session, column, column, [v for (k, v) in first if k == key]):
            problems.append(_problem(file, first[key, value], key, value, Text(kind.taken[key])))
    supplier_ids: dict[str, int] = {}
    if kind.model is Item:
        codes = sorted({r.supplier for _, r in records if r.supplier})
        supplier_ids = _ids(session, Supplier.code, Supplier.id, codes)
        for number, record in records:
            if record.supplier and record.supplier not in supplier_ids:
                problems.append(_problem(file, number, "supplier", record.supplier, Text("import.no_supplier")))
    if problems:
        problems.sort(key=lambda found: found[0])  # file order; stable, so a row's cells stay in reading order
        n = len(problems)
        summary = Text("import.problem", file=file.name) if n == 1 else Text("import.problems", n=n, file=file.name)
        raise ValidationError([p for _, p in problems], summary)
    rows = [_columns(record, supplier_ids) for _, record in records]
    if rows:
        session.execute(insert(kind.model), rows)
    keys = [getattr(record, file.layout.keys[0]) for _, record in records]
    uow.audit(f"{kind.entity}.import", kind.entity, file.name, after={"file": file.name, "count": len(keys), "created": keys})
    return ImportResult(file.layout.kind, file.name, len(records))


def _placed(file: MasterDataFile, row: int, problem: Problem) -> Problem:
    """A record's problem (positioned by field name) moved to its row and cell in the file."""
    name = problem.reason if file.layout.column(problem.reason) else problem.position
    return Problem(file.where(row, name), problem.value, problem.reason, problem.message)


def _problem(file: MasterDataFile, row: int, name: str, value: object, message: Text) -> tuple[int, Problem]:
    return row, Problem(file.where(row, name), str(value), name, message)


def _ids(session: Session, key: InstrumentedAttribute, id_: InstrumentedAttribute, values: Sequence) -> dict:
    """``{key: id}`` for the ``values`` of ``key`` the database holds, in one query (or a few chunks)."""
    if not values:
        return {}
    return {k: i for condition in among(session, key, values) for k, i in session.execute(select(key, id_).where(condition))}


def _columns(record: Any, supplier_ids: dict[str, int]) -> dict[str, Any]:
    columns = asdict(record)
    if "supplier" in columns:
        supplier = columns.pop("supplier")
        columns["supplier_id"] = supplier_ids[supplier] if supplier else None
    return columns
