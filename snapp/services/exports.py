"""Exports to .xlsx: the serial register, one serial's history, POs, receipts, finance's figures, a stocktake's report,
the audit log.

Every export streams: the query runs with ``yield_per`` (a server-side cursor
on PostgreSQL) and openpyxl's write-only mode writes each row as it arrives,
so a million serials take the memory of a few thousand. Progress goes to a
plain ``progress(done, total)`` callback, which may raise
`snapp.errors.Cancelled` to stop; the file then never appears.

Every export is audited: who, what, which filters, how many rows. The rows
are read in a read-only unit of work and the audit entry is written in a short
transaction afterwards, and only then does the finished file take its name
(`snapp.services.base.UnitOfWork.output`): a million-row export holding
SQLite's write lock for a minute would stall every receipt in the warehouse
meanwhile.

Who may export: the registers and a unit's history need ``Permission.EXPORT``
(every role's work needs its lists in Excel; a company that wants a role
without it changes the one table in ``snapp.domain.permissions``); the audit
log needs ``Permission.AUDIT``, as reading it on screen does.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from snapp.db.models import (
    AuditEntry,
    Item,
    Location,
    POLine,
    PurchaseOrder,
    Receipt,
    ReceiptLine,
    Serial,
    Supplier,
    User,
)
from snapp.domain import money
from snapp.domain.capture import normalise
from snapp.domain.permissions import Permission
from snapp.domain.purchasing import POStatus
from snapp.domain.warranty import warranty_end
from snapp.errors import Problem, Text, ValidationError
from snapp.io.output import output_target
from snapp.messages import name_of
from snapp.io.xlsx_export import Field, Kind, Sheet, about_rows, local_zone, write_workbook
from snapp.services import fields
from snapp.services.base import UnitOfWork, by_person, service, utc_midnight
from snapp.services.lookup import SerialFilter, read_cards, register_query
from snapp.services.receiving import Progress
from snapp.services.recall import Recall, history_rows, quantities_of, trace_query, traced_row
from snapp.services.receipts import read_receipt
from snapp.services.stocktake import read_report
from snapp.services.valuation import read_stock_value

BATCH = 5_000  # rows fetched per round trip, and rows between two progress calls


@dataclass(frozen=True)
class ExportRecord:
    kind: str
    path: str
    rows: int


@dataclass(frozen=True)
class _Export:
    """What one export writes: its sheet's columns, its query, and the filters it was asked with."""

    kind: str
    title: str  # catalog codes, the title and the fields' headers: said in the caller's language
    fields: Sequence[Field]
    query: Select | None  # None when the rows are already at hand
    filters: dict[str, Any]
    shape: Callable[[Any], Sequence[object]] = tuple
    rows: Sequence[Sequence[object]] = ()
    named: Mapping[int, str] = field(default_factory=dict)  # column → the family of names its codes have ("status")
    more: Sequence[tuple[Sheet, Mapping[int, str]]] = ()  # sheets after the first (codes as above, named columns),
    # their rows streamed in the same read


# --- the exports -----------------------------------------------------------------

_SERIAL_FIELDS = (
    Field("column.serial", width=24), Field("column.sku"), Field("column.item", width=30),
    Field("column.gtin", width=16), Field("column.status", width=12), Field("column.location"),
    Field("column.supplier"), Field("column.po", width=16), Field("column.receipt", width=16),
    Field("column.received", Kind.TIME, 20), Field("column.warranty_end", Kind.DATE, 13), Field("column.batch"),
    Field("column.expiry", Kind.DATE, 12),
)  # fmt: skip


@service(Permission.EXPORT, write=False)
def export_serials(
    uow: UnitOfWork,
    out: Path | str,
    where: SerialFilter | None = None,
    *,
    sort: str = "received",
    descending: bool = True,
    progress: Progress | None = None,
) -> ExportRecord:
    """The serial register, with the same filters and order as `lookup.list_serials`."""
    where = where or SerialFilter()
    names = fields.field_names(uow.session)  # each custom field a column, after the register's own
    query = serial_register_query(where, sort, descending, names)
    filters = vars(where) | {"sort": sort, "descending": descending}
    columns = (*_SERIAL_FIELDS, *(Field(Text("field.column", name=name), width=18) for name in names))
    spec = _Export("serials", "sheet.serials", columns, query, filters, _serial_row, named={4: "status"})
    return _run(uow, spec, out, progress)


def serial_register_query(where: SerialFilter, sort: str, descending: bool, field_names: Sequence[str] = ()) -> Select:
    """The rows of the serial export (the benchmark runs the same query bare)."""
    return register_query(
        [Serial.serial, Item.sku, Item.name, Item.gtin, Serial.status, Location.code, Supplier.code,
         PurchaseOrder.number, Receipt.number, Serial.received_at, Item.warranty_months, Serial.batch, Serial.expiry,
         *(fields.value_column(name) for name in field_names)],
        where, sort, descending,
    )  # fmt: skip


def _serial_row(row: Any) -> tuple:
    *head, received_at, months, batch, expiry = row[:13]
    return (*head, received_at, warranty_end(received_at.date(), months), batch, expiry, *row[13:])


_HISTORY_FIELDS = (
    Field("column.serial", width=24), Field("column.sku"), Field("column.when", Kind.TIME, 20), Field("column.who"),
    Field("column.action"), Field("column.from_status", width=12), Field("column.to_status", width=12),
    Field("column.from_location"), Field("column.to_location"), Field("column.reference", width=18),
    Field("column.note", width=40),
)  # fmt: skip
_HISTORY_NAMED = {4: "verb", 5: "status", 6: "status"}  # the action and the two statuses, by name


@service(Permission.EXPORT, write=False)
def export_history(uow: UnitOfWork, out: Path | str, serial: str, *, progress: Progress | None = None) -> ExportRecord:
    """Every event of the unit(s) carrying ``serial``, oldest first (one unit per item that has it)."""
    cards = read_cards(uow.session, serial)
    rows = [
        (card.serial, card.sku, e.at, e.user, e.action, e.from_status, e.to_status, e.from_location, e.to_location,
         e.ref, e.note)
        for card in cards for e in card.history
    ]  # fmt: skip
    spec = _Export("history", "sheet.history", _HISTORY_FIELDS, None, {"serial": normalise(serial)}, rows=rows,
                   named=_HISTORY_NAMED)  # fmt: skip
    return _run(uow, spec, out, progress)


_RECALL_FIELDS = (
    Field("column.serial", width=24), Field("column.sku"), Field("column.item", width=30), Field("column.batch"),
    Field("column.expiry", Kind.DATE, 12), Field("column.supplier"), Field("column.po", width=16),
    Field("column.receipt", width=16), Field("column.received", Kind.TIME, 20), Field("column.status", width=12),
    Field("column.location"), Field("column.holder", width=24), Field("column.last_move"),
    Field("column.last_moved", Kind.TIME, 20), Field("column.note", width=30),
)  # fmt: skip


@service(Permission.EXPORT, write=False)
def export_recall(uow: UnitOfWork, out: Path | str, recall: Recall, *, progress: Progress | None = None) -> ExportRecord:
    """Every unit a recall names, grouped by where it is, then every event of each (sheet "History"); and where
    the quantities of the batches it names went (sheet "Batch quantities", when there are any)."""
    session = uow.session
    history = Sheet("sheet.history", _HISTORY_FIELDS, history_rows(session, recall))
    more: list[tuple[Sheet, Mapping[int, str]]] = [(history, _HISTORY_NAMED)]
    if flows := quantities_of(session, recall):
        rows = [(f.sku, f.item_name, f.batch, f.expiry, f.where, f.place, f.quantity, f.at) for f in flows]
        more.append((Sheet("sheet.batch_quantities", _BATCH_FLOW_FIELDS, rows), {4: "batch_flow"}))
    spec = _Export("recall", "sheet.recall", _RECALL_FIELDS, trace_query(session, recall), recall.described(),
                   traced_row, named={9: "status", 12: "verb"}, more=more)  # fmt: skip
    return _run(uow, spec, out, progress)


_BATCH_FLOW_FIELDS = (
    Field("column.sku"), Field("column.item", width=30), Field("column.batch"), Field("column.expiry", Kind.DATE, 12),
    Field("column.where", width=12), Field("column.place", width=30), Field("column.quantity", Kind.INTEGER, 10),
    Field("column.when", Kind.TIME, 20),
)  # fmt: skip


_PO_FIELDS = (
    Field("column.po", width=16), Field("column.status", width=18), Field("column.supplier"),
    Field("column.supplier_name", width=30), Field("column.created", Kind.TIME, 20), Field("column.created_by"),
    Field("column.line", Kind.INTEGER, 6), Field("column.sku"), Field("column.item", width=30),
    Field("column.ordered", Kind.INTEGER, 9), Field("column.received_quantity", Kind.INTEGER, 9),
    Field("column.open", Kind.INTEGER, 9), Field("column.unit_price", Kind.MONEY, 12),
    Field("column.line_value", Kind.MONEY, 14), Field("column.currency", width=9), Field("column.note", width=30),
)  # fmt: skip


@service(Permission.EXPORT, write=False)
def export_pos(
    uow: UnitOfWork,
    out: Path | str,
    *,
    status: str | None = None,
    supplier: str | None = None,
    created_from: dt.date | None = None,
    created_to: dt.date | None = None,
    progress: Progress | None = None,
) -> ExportRecord:
    """Purchase orders, one row per line, newest first."""
    query = (
        select(PurchaseOrder.number, PurchaseOrder.status, Supplier.code, Supplier.name, PurchaseOrder.created_at,
               User.name, POLine.line_no, Item.sku, Item.name, POLine.quantity, POLine.received, POLine.unit_price,
               PurchaseOrder.currency, PurchaseOrder.note)
        .join(Supplier, Supplier.id == PurchaseOrder.supplier_id)
        .join(User, User.id == PurchaseOrder.created_by)
        .join(POLine, POLine.po_id == PurchaseOrder.id)
        .join(Item, Item.id == POLine.item_id)
        .order_by(PurchaseOrder.id.desc(), POLine.line_no)
    )  # fmt: skip
    if status:
        query = query.where(PurchaseOrder.status == _choice("status", status, POStatus))
    if supplier:
        query = query.where(Supplier.code == normalise(supplier))
    query = _between(query, PurchaseOrder.created_at, created_from, created_to)
    filters = {"status": status, "supplier": supplier, "from": created_from, "to": created_to}
    return _run(uow, _Export("pos", "sheet.pos", _PO_FIELDS, query, filters, _po_row, named={1: "po_status"}), out, progress)


def _po_row(row: Any) -> tuple:
    *head, quantity, received, price, currency, note = row
    value = money.line_amount(quantity, price, currency) if price is not None else None
    return (*head, quantity, received, quantity - received, price, value, currency, note)


_RECEIPT_FIELDS = (
    Field("column.receipt", width=16), Field("column.received", Kind.TIME, 20), Field("column.po", width=16),
    Field("column.supplier"), Field("column.line", Kind.INTEGER, 6), Field("column.sku"),
    Field("column.item", width=30), Field("column.quantity", Kind.INTEGER, 9), Field("column.location"),
    Field("column.received_by"), Field("column.note", width=30),
)  # fmt: skip


@service(Permission.EXPORT, write=False)
def export_receipts(
    uow: UnitOfWork,
    out: Path | str,
    *,
    po: str | None = None,
    supplier: str | None = None,
    sku: str | None = None,
    received_from: dt.date | None = None,
    received_to: dt.date | None = None,
    progress: Progress | None = None,
) -> ExportRecord:
    """Goods receipts, one row per receipt line, newest first."""
    query = (
        select(Receipt.number, Receipt.received_at, PurchaseOrder.number, Supplier.code, POLine.line_no, Item.sku,
               Item.name, ReceiptLine.quantity, Location.code, User.name, Receipt.note)
        .join(PurchaseOrder, PurchaseOrder.id == Receipt.po_id)
        .join(Supplier, Supplier.id == PurchaseOrder.supplier_id)
        .join(ReceiptLine, ReceiptLine.receipt_id == Receipt.id)
        .join(POLine, POLine.id == ReceiptLine.po_line_id)
        .join(Item, Item.id == POLine.item_id)
        .join(Location, Location.id == Receipt.location_id)
        .join(User, User.id == Receipt.user_id)
        .order_by(Receipt.id.desc(), ReceiptLine.id)
    )  # fmt: skip
    if po:
        query = query.where(PurchaseOrder.number == normalise(po).upper())
    if supplier:
        query = query.where(Supplier.code == normalise(supplier))
    if sku:
        query = query.where(Item.sku == normalise(sku))
    query = _between(query, Receipt.received_at, received_from, received_to)
    filters = {"po": po, "supplier": supplier, "sku": sku, "from": received_from, "to": received_to}
    return _run(uow, _Export("receipts", "sheet.receipts", _RECEIPT_FIELDS, query, filters), out, progress)


# --- finance: what a clerk reconciles against the ERP ------------------------------------

_STOCK_VALUE_FIELDS = (
    Field("column.sku"), Field("column.item", width=30), Field("column.location"), Field("column.status", width=12),
    Field("column.units", Kind.INTEGER, 10), Field("column.unpriced", Kind.INTEGER, 10),
    Field("column.value", Kind.MONEY, 16), Field("column.currency", width=10),
)  # fmt: skip


@service(Permission.REPORTS, write=False)
def export_stock_value(
    uow: UnitOfWork, out: Path | str, at: dt.datetime | None = None, *, statuses: list[str] | None = None
) -> ExportRecord:
    """The value of stock as `snapp.services.valuation.stock_value` gives it, one row per item, location, status
    and currency; as finance's figures, it needs what reading them on screen needs."""
    value = read_stock_value(uow.session, at, statuses)
    rows = [(v.sku, v.item_name, v.location, v.status, v.units, v.unpriced, v.value, v.currency) for v in value.lines]
    filters = {"at": value.at, "status": ", ".join(statuses) if statuses else None}
    spec = _Export("stock_value", "sheet.stock_value", _STOCK_VALUE_FIELDS, None, filters, rows=rows, named={3: "status"})
    return _run(uow, spec, out, None)


_RECEIPT_LINE_FIELDS = (
    Field("column.receipt", width=16), Field("column.po", width=16), Field("column.supplier"),
    Field("column.received", Kind.TIME, 20), Field("column.line", Kind.INTEGER, 6), Field("column.sku"),
    Field("column.item", width=30), Field("column.quantity", Kind.INTEGER, 10), Field("column.unit_price", Kind.MONEY, 14),
    Field("column.line_value", Kind.MONEY, 16), Field("column.currency", width=10),
)  # fmt: skip
_RECEIPT_SERIAL_FIELDS = (Field("column.line", Kind.INTEGER, 6), Field("column.sku"), Field("column.serial", width=24))


@service(Permission.EXPORT, write=False)
def export_receipt(uow: UnitOfWork, out: Path | str, number: str) -> ExportRecord:
    """One goods receipt as `snapp.services.receipts.get_receipt` gives it: its lines at their PO prices in the PO's
    currency, and a sheet of its serials by line."""
    r = read_receipt(uow.session, number)
    lines = [(r.number, r.po, r.supplier, r.received_at, line.line_no, line.sku, line.item_name, line.quantity,
              line.unit_price, line.amount, r.currency) for line in r.lines]  # fmt: skip
    serials = Sheet("sheet.serials", _RECEIPT_SERIAL_FIELDS,
                    [(line.line_no, line.sku, serial) for line in r.lines for serial in line.serials])  # fmt: skip
    spec = _Export("receipt", "sheet.receipt", _RECEIPT_LINE_FIELDS, None, {"receipt": r.number}, rows=lines,
                   more=[(serials, {})])  # fmt: skip
    return _run(uow, spec, out, None)
_STOCKTAKE_FIELDS = (
    Field("column.outcome", width=14), Field("column.serial", width=24), Field("column.sku"),
    Field("column.recorded_status", width=16), Field("column.recorded_at", width=14),
    Field("column.scans", Kind.INTEGER, 8),
)  # fmt: skip


@service(Permission.EXPORT, write=False)
def export_stocktake(
    uow: UnitOfWork, out: Path | str, number: str, *, discrepancies_only: bool = False, progress: Progress | None = None
) -> ExportRecord:
    """A stocktake's report, one row per unit: the discrepancies first (missing, unexpected, unknown), then the matches."""
    report = read_report(uow.session, number)
    rows = [
        (outcome.value, line.serial, line.sku, line.recorded_status, line.recorded_location, line.scans)
        for outcome, line in report.listed(discrepancies_only=discrepancies_only)
    ]
    filters = {"stocktake": report.number, "discrepancies_only": discrepancies_only or None}
    spec = _Export("stocktake", "sheet.stocktake", _STOCKTAKE_FIELDS, None, filters, rows=rows, named={0: "outcome", 3: "status"})
    return _run(uow, spec, out, progress)


_AUDIT_FIELDS = (
    Field("column.number", Kind.INTEGER, 8), Field("column.when", Kind.TIME, 20), Field("column.who"),
    Field("column.action", width=18), Field("column.entity"), Field("column.key", width=20),
    Field("column.before", width=50), Field("column.after", width=50),
)  # fmt: skip


@service(Permission.AUDIT, write=False)
def export_audit(
    uow: UnitOfWork,
    out: Path | str,
    *,
    at_from: dt.date | None = None,
    at_to: dt.date | None = None,
    user: str | None = None,
    action: str | None = None,
    progress: Progress | None = None,
) -> ExportRecord:
    """The audit log, oldest first; ``action`` matches a whole action or its family ("po" for po.*)."""
    query = select(AuditEntry.id, AuditEntry.at, AuditEntry.user_name, AuditEntry.action, AuditEntry.entity,
                   AuditEntry.entity_key, AuditEntry.before, AuditEntry.after).order_by(AuditEntry.id)  # fmt: skip
    if user:
        query = query.where(by_person(AuditEntry.user_name, normalise(user)))
    if action:
        family = normalise(action).rstrip(".")
        query = query.where((AuditEntry.action == family) | AuditEntry.action.startswith(family + ".", autoescape=True))
    query = _between(query, AuditEntry.at, at_from, at_to)
    filters = {"from": at_from, "to": at_to, "user": user, "action": action}
    return _run(uow, _Export("audit", "sheet.audit", _AUDIT_FIELDS, query, filters), out, progress)


# --- the one path every export takes -------------------------------------------------


def _run(uow: UnitOfWork, spec: _Export, out: Path | str, progress: Progress | None) -> ExportRecord:
    spec = replace(spec, filters={k: v for k, v in spec.filters.items() if v is not None})
    out = output_target(out, ".xlsx", "export")  # an export is a workbook: not one under a .csv name
    count = _write(uow, spec, uow.output(out), out.name, progress or _quiet)
    uow.audit(f"export.{spec.kind}", "export", out.name, after={"file": str(out), "rows": count, "filters": spec.filters})
    return ExportRecord(spec.kind, str(out), count)


def _write(uow: UnitOfWork, spec: _Export, path: Path, name: str, progress: Progress) -> int:
    session = uow.session
    total = _count(session, spec.query) if spec.query is not None else len(spec.rows)
    progress(0, total)
    rows = _streamed(session, spec) if spec.query is not None else iter(spec.rows)
    lang = uow.ctx.lang
    if spec.named:
        rows = _named(rows, spec.named, lang)
    done = [0]  # rows written; the About sheet, written after the data, gives the true figure


    def about() -> Iterator[tuple[str, object]]:
        facts = (("about.export", Text(spec.title)), ("about.file", name), ("about.rows", done[0]),
                 ("about.exported_by", uow.actor.name), ("about.exported_at", dt.datetime.now(dt.UTC)),
                 ("about.times_in", local_zone()))  # fmt: skip
        yield from ((Text(code).say(lang), v.say(lang) if isinstance(v, Text) else v) for code, v in facts)
        yield from ((Text("about.filter", name=k).say(lang), v) for k, v in spec.filters.items())

    sheet = _said(Sheet(spec.title, spec.fields, _counted(rows, total, progress, done)), {}, lang)
    more = [_said(extra, named, lang) for extra, named in spec.more]
    return write_workbook(path, [sheet, *more, about_rows(Text("sheet.about").say(lang), about())])


def _said(sheet: Sheet, named: Mapping[int, str], lang: str) -> Sheet:
    """A sheet written with codes (its title, its headers, the codes of ``named`` columns), in ``lang``."""
    # A header is a catalog code, or a sentence already (a custom field's name).
    headers = [replace(f, header=(f.header if isinstance(f.header, Text) else Text(f.header)).say(lang))
               for f in sheet.fields]  # fmt: skip
    return Sheet(Text(sheet.title).say(lang), headers, _named(sheet.rows, named, lang) if named else sheet.rows)


def _named(rows: Iterable[Sequence[object]], named: Mapping[int, str], lang: str) -> Iterator[Sequence[object]]:
    """Rows with their codes (in_stock, unrepair) said as names a person reads, in ``lang``."""
    for row in rows:
        row = list(row)
        for column, family in named.items():
            if row[column]:
                row[column] = name_of(family, row[column], lang)
        yield row


def _streamed(session: Session, spec: _Export) -> Iterator[Sequence[object]]:
    assert spec.query is not None
    shape = spec.shape
    for row in session.execute(spec.query.execution_options(yield_per=BATCH)):
        yield shape(row)


def _counted(
    rows: Iterable[Sequence[object]], total: int, progress: Progress, done: list[int]
) -> Iterator[Sequence[object]]:
    for row in rows:
        yield row
        done[0] += 1
        if done[0] % BATCH == 0:
            progress(done[0], total)
    progress(done[0], total)


def _count(session: Session, query: Select) -> int:
    return session.scalar(select(func.count()).select_from(query.order_by(None).subquery())) or 0


def _between(query: Select, column, start: dt.date | None, end: dt.date | None) -> Select:
    """``start`` to ``end`` inclusive, as whole UTC days (as the register's date filters)."""
    if start:
        query = query.where(column >= utc_midnight(start))
    if end:
        query = query.where(column < utc_midnight(end + dt.timedelta(days=1)))
    return query


def _choice(name: str, value: str, choices: type) -> str:
    try:
        return choices(value)
    except ValueError:
        raise ValidationError(Problem(name, value, name, Text("export.one_of", choices=", ".join(choices)))) from None


def _quiet(done: int, total: int) -> None:
    """No one is watching."""
