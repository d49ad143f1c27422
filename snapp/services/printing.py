"""Printing: serial labels (a PDF, or straight to a ZPL or TSPL label printer) and PDF documents, each print audited.

Labels come from a receipt, a PO, or a selection of serials (typed, a range,
or a file): set-based queries, the long lists streamed from the database
into the PDF (or the printer's spooled job) rather than collected. Every print reads in a read-only
transaction while it draws, so a long report stalls no writer; its audit
entry is written in a short transaction afterwards, and the file takes its
name only once that entry has committed (see `snapp.services.base`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, aliased

from snapp.db.models import (
    AuditEntry,
    ExceptionCase,
    Item,
    Location,
    PurchaseOrder,
    Receipt,
    Serial,
    SerialEvent,
    User,
)
from snapp.domain.capture import Source, normalise
from snapp.domain.permissions import Permission
from snapp.errors import NotFound, Problem, Text, ValidationError
from snapp.reports import documents
from snapp.reports.documents import AuditSummary, ReceiptNote, TrailCheck
from snapp.io.printers import Printer, Progress, send
from snapp.reports.labels import Template, iter_labels, load_template, render_labels
from snapp.reports.thermal import render_job
from snapp.reports.stocktake import stocktake_report
from snapp.reports.recall import recall_report
from snapp.services.audit import alerts_in, chain_report
from snapp.services.base import Output, UnitOfWork, among, service, utc_midnight
from snapp.services.exceptions import OPEN
from snapp.services.fields import field_names, value_column
from snapp.services.lookup import read_cards
from snapp.services.purchasing import get_po_row, read_po
from snapp.services.recall import Recall, groups_of, history_rows, quantities_of, traced_rows
from snapp.services.recall import key as recall_key
from snapp.services.receipts import read_receipt
from snapp.services.stocktake import read_report
from snapp.services.reconciliation import accuracy_in
from snapp.services.units import resolve, with_receipt

STREAM = 2_000  # rows fetched at a time from the database while a PDF is drawn


@dataclass(frozen=True)
class LabelSource:
    """Which units to label: give exactly one of receipt, po and serials (``sku`` narrows serials to one item)."""

    receipt: str | None = None
    po: str | None = None
    serials: Source | None = None
    sku: str | None = None

    def describe(self) -> dict[str, object]:
        if self.receipt:
            return {"receipt": normalise(self.receipt).upper()}
        if self.po:
            return {"po": normalise(self.po).upper()}
        return {"serials": len(self.serials or ()), "sku": self.sku}


@dataclass(frozen=True)
class Printed:
    document: str
    count: int  # labels, or pages for a document
    out: str


_LABEL_COLUMNS = select(
    Serial.serial,
    Item.sku,
    Item.name,
    Item.gtin,
    PurchaseOrder.number,
    Receipt.number,
    Serial.received_at,
    Serial.batch,
    Serial.expiry,
)


def _label_query(template: Template, *columns) -> Select:
    """The labels' columns, each unit's values of the template's custom fields, then ``columns``."""
    values = [value_column(name) for name in template.custom_fields]
    return with_receipt(_LABEL_COLUMNS.add_columns(*values, *columns))


def _template(session: Session, name: str) -> Template:
    """The template, a custom field it names checked against the fields the items define."""
    return load_template(name, field_names(session))


@service(Permission.LABELS, write=False)
def print_labels(uow: UnitOfWork, source: LabelSource, template: str, out: Output, *, start: int = 1) -> Printed:
    """One label per unit into a PDF, in the order of the receipt, the PO, or the selection."""
    chosen = _template(uow.session, template)
    rows = _label_rows(uow.session, source, chosen)
    count = render_labels(
        chosen, iter_labels(rows, chosen.custom_fields), uow.output(out), start=start, title=f"Serial labels ({chosen.name})", author=uow.actor.name
    )
    uow.audit("labels.print", "labels", chosen.name, after={**source.describe(), "labels": count, "start": start})
    return Printed(f"labels {chosen.name}", count, str(out))


@service(Permission.LABELS, write=False)
def send_labels(uow: UnitOfWork, source: LabelSource, printer: Printer, *, progress: Progress | None = None) -> Printed:
    """One label per unit straight to a label printer, in its language, with the template loaded in it.

    The whole job is made before its first byte leaves (see ``snapp.io.printers``):
    a unit that cannot be labelled stops it with nothing printed.
    """
    chosen = _template(uow.session, printer.template)
    rows = _label_rows(uow.session, source, chosen)
    job = render_job(chosen, iter_labels(rows, chosen.custom_fields), printer.language, printer.dpi)
    count = send(printer.address, job, title=f"SNApp labels ({chosen.name})", progress=progress)
    where = {"printer": printer.address, "language": str(printer.language), "dpi": printer.dpi}
    uow.audit("labels.print", "labels", chosen.name, after={**source.describe(), "labels": count, **where})
    return Printed(f"labels {chosen.name}", count, printer.address)


def _label_rows(session: Session, source: LabelSource, template: Template) -> Iterator[tuple]:
    given = [name for name in ("receipt", "po", "serials") if getattr(source, name)]
    if len(given) != 1:
        raise ValidationError(Problem("labels", "", "source", Text("print.one_source")))
    if source.receipt:
        number = normalise(source.receipt).upper()
        if session.scalar(select(Receipt.id).where(Receipt.number == number)) is None:
            raise NotFound("print.no_receipt", field="receipt", number=source.receipt)
        query = _label_query(template).where(Receipt.number == number)
    elif source.po:
        po = get_po_row(session, source.po)
        query = _label_query(template).where(Receipt.po_id == po.id)
    else:
        assert source.serials is not None
        return iter(_selected(session, source.serials, source.sku, template))
    return (tuple(row) for row in session.execute(query.order_by(Serial.id).execution_options(yield_per=STREAM)))


def _selected(session: Session, source: Source, sku: str | None, template: Template) -> list[tuple]:
    """The units the selection names, in its order; every serial not found, or found on two items, is refused."""
    wanted: dict[str, int] = {}  # serial as typed (normalised) -> its first position in the source
    for i, value in enumerate(source.values):
        wanted.setdefault(normalise(str(value)), i)
    ids, problems = [], []
    for (value, i), found in zip(wanted.items(), resolve(session, list(wanted), sku=sku), strict=True):
        if problem := found.problem(source.locate(i), sku):
            problems.append(problem)
        else:
            ids.append(found.unit.id)
    if problems:
        raise ValidationError(problems, Text("units.unlabelled", n=len(problems)))
    rows = {
        row[-1]: tuple(row[:-1])
        for condition in among(session, Serial.id, ids)
        for row in session.execute(_label_query(template, Serial.id).where(condition))
    }
    return [rows[unit_id] for unit_id in ids]


# --- documents ----------------------------------------------------------------------


@service(Permission.PURCHASING, write=False)
def print_po(uow: UnitOfWork, number: str, out: Output, *, lang: str | None = None) -> Printed:
    """The PO for the supplier, in English (``lang="en"``) or Chinese (``"zh"``); by default the reader's language."""
    lang = lang or uow.ctx.lang
    record = read_po(uow.session, number)
    pages = documents.purchase_order(record, uow.output(out), author=uow.actor.name, generated_at=_now(), lang=lang)
    uow.audit("report.po", "purchase_order", record.number, after={"pages": pages, "lang": lang})
    return Printed(f"purchase order {record.number}", pages, str(out))


@service(Permission.RECEIVE, write=False)
def print_receipt(uow: UnitOfWork, number: str, out: Output) -> Printed:
    receipt = read_receipt(uow.session, number)
    note_record = ReceiptNote(
        receipt.number, receipt.po, receipt.supplier, receipt.supplier_name,
        f"{receipt.location} {receipt.location_name}", receipt.received_at, receipt.received_by, receipt.note,
        [(line.line_no, line.sku, line.item_name, line.quantity) for line in receipt.lines],
    )  # fmt: skip
    by_sku = sorted(receipt.lines, key=lambda line: line.sku)  # stable: each line's serials keep their order
    serials = ((line.sku, serial) for line in by_sku for serial in line.serials)
    number = receipt.number
    pages = documents.receipt_note(
        note_record, serials, uow.output(out), author=uow.actor.name, generated_at=_now()
    )
    uow.audit("report.receipt", "receipt", number, after={"pages": pages})
    return Printed(f"goods receipt {number}", pages, str(out))


@service(Permission.VIEW, write=False)
def print_serial_history(uow: UnitOfWork, serial: str, out: Output, *, sku: str | None = None) -> Printed:
    cards = read_cards(uow.session, serial)
    if sku:
        cards = [card for card in cards if card.sku == normalise(sku)]
        if not cards:
            raise NotFound("print.no_unit_of_item", field="serial", sku=sku, serial=normalise(serial))
    pages = documents.serial_history(
        cards, uow.output(out), author=uow.actor.name, generated_at=_now(), lang=uow.ctx.lang
    )
    uow.audit("report.serial", "serial", cards[0].serial, after={"items": [card.sku for card in cards], "pages": pages})
    return Printed(f"serial history {cards[0].serial}", pages, str(out))


@service(Permission.REPORTS, write=False)
def print_recall(uow: UnitOfWork, recall: Recall, out: Output) -> Printed:
    """The recall report for a regulator: every affected unit, where it is, who has it, its history; where every piece
    of a recalled batch of an item without serials went."""
    session = uow.session
    groups = groups_of(session, recall)
    quantities = quantities_of(session, recall)
    if not groups and not quantities:
        raise NotFound("recall.no_units")
    units = traced_rows(session, recall)
    pages = recall_report(recall.described(), groups, units, history_rows(session, recall), uow.output(out),
                          quantities=quantities, author=uow.actor.name, generated_at=_now())  # fmt: skip
    units_count = sum(g.count for g in groups)
    uow.audit("report.recall", "recall", recall_key(recall),
              after={"criteria": recall.described(), "units": units_count, "pages": pages,
                     "batch_rows": len(quantities)})  # fmt: skip
    return Printed(f"recall report ({units_count} units)", pages, str(out))


@service(Permission.VIEW, write=False)
def print_stocktake(uow: UnitOfWork, number: str, out: Output, *, discrepancies_only: bool = False) -> Printed:
    """A stocktake's report in the reader's language: its figures, the discrepancies first, then the matches."""
    report = read_report(uow.session, number)
    pages = stocktake_report(report, uow.output(out), author=uow.actor.name, generated_at=_now(), lang=uow.ctx.lang,
                         discrepancies_only=discrepancies_only)  # fmt: skip
    uow.audit("report.stocktake", "stocktake", report.number, after={"pages": pages, "discrepancies_only": discrepancies_only})
    return Printed(f"stocktake report {report.number}", pages, str(out))


_MONTH = re.compile(r"(\d{4})-(\d{2})")


def month_bounds(month: str) -> tuple[dt.date, dt.date]:
    """``YYYY-MM`` as (its first day, the first day of the next month)."""
    match = _MONTH.fullmatch(month.strip())
    if not match or not 1 <= int(match[2]) <= 12:
        raise ValidationError(Problem("month", month, "month", Text("print.month_format")))
    start = dt.date(int(match[1]), int(match[2]), 1)
    return start, (start + dt.timedelta(days=32)).replace(day=1)


@service(Permission.REPORTS, write=False)
def print_audit_report(uow: UnitOfWork, month: str, out: Output, *, company: str = "") -> Printed:
    """The monthly audit report: figures aggregated by the database, every event and audit entry streamed.

    The audit trail is checked in the same transaction, so the head hash
    printed is the head of the trail the report describes (the report's own
    audit entry comes after it). The chain streams through the check as the
    events do through the PDF: the memory stays bounded however long the trail.
    """
    session = uow.session
    start, end = month_bounds(month)
    since, until = utc_midnight(start), utc_midnight(end)
    chain = chain_report(session)
    intact = Text("print.trail_intact", entries=chain.entries)
    trail = TrailCheck(intact if chain.ok else Text("print.trail_broken", first_bad=chain.first_bad), chain.head_hash)
    opened_in_month = ExceptionCase.opened_at >= since, ExceptionCase.opened_at < until
    exceptions: dict[str, tuple[int, int]] = {}
    for kind, opened, still in session.execute(
        select(ExceptionCase.kind, func.count(), func.count().filter(ExceptionCase.status == OPEN))
        .where(*opened_in_month)
        .group_by(ExceptionCase.kind)
    ):
        exceptions[kind] = (opened, still)
    in_month = SerialEvent.at >= since, SerialEvent.at < until
    by_action = dict(
        session.execute(select(SerialEvent.action, func.count()).where(*in_month).group_by(SerialEvent.action)).all()
    )
    day = func.date(SerialEvent.at)
    by_day = [(_as_date(d), n) for d, n in session.execute(select(day, func.count()).where(*in_month).group_by(day))]
    per_user: dict[str, dict[str, int]] = {}
    for name, action, n in session.execute(
        select(User.name, SerialEvent.action, func.count())
        .join(User, User.id == SerialEvent.user_id)
        .where(*in_month)
        .group_by(User.name, SerialEvent.action)
    ):
        per_user.setdefault(name, {})[action] = n
    entries_in_month = AuditEntry.at >= since, AuditEntry.at < until
    entries_by_user = dict(
        session.execute(
            select(AuditEntry.user_name, func.count()).where(*entries_in_month).group_by(AuditEntry.user_name)
        ).all()
    )
    users = sorted(set(per_user) | set(entries_by_user))
    summary = AuditSummary(
        company=company or "—",
        start=start,
        end=end,
        by_action=by_action,
        by_day=by_day,
        by_user=[(name, per_user.get(name, {}), entries_by_user.get(name, 0)) for name in users],
        audit_entries=sum(entries_by_user.values()),
        trail=trail,
        exceptions=exceptions,
        alerts=[alert.message for alert in alerts_in(session, since, until)],
        accuracy=accuracy_in(session, start),
    )
    open_cases = session.execute(
        select(
            ExceptionCase.id,
            ExceptionCase.opened_at,
            ExceptionCase.opened_by,
            ExceptionCase.kind,
            ExceptionCase.subject,
            ExceptionCase.ref,
            ExceptionCase.detail,
        )
        .where(*opened_in_month, ExceptionCase.status == OPEN)
        .order_by(ExceptionCase.id)
        .execution_options(yield_per=STREAM)
    )
    source, target = aliased(Location), aliased(Location)
    events = session.execute(
        select(
            SerialEvent.at,
            User.name,
            SerialEvent.action,
            Serial.serial,
            Item.sku,
            SerialEvent.from_status,
            SerialEvent.to_status,
            source.code,
            target.code,
            SerialEvent.ref,
        )
        .join(User, User.id == SerialEvent.user_id)
        .join(Serial, Serial.id == SerialEvent.serial_id)
        .join(Item, Item.id == Serial.item_id)
        .outerjoin(source, source.id == SerialEvent.from_location_id)
        .outerjoin(target, target.id == SerialEvent.to_location_id)
        .where(*in_month)
        .order_by(SerialEvent.id)
        .execution_options(yield_per=STREAM)
    )
    entries = session.execute(
        select(
            AuditEntry.at,
            AuditEntry.user_name,
            AuditEntry.action,
            AuditEntry.entity,
            AuditEntry.entity_key,
            AuditEntry.after,
        )
        .where(*entries_in_month)
        .order_by(AuditEntry.id)
        .execution_options(yield_per=STREAM)
    )
    pages = documents.audit_report(
        summary, open_cases, events, entries, uow.output(out), author=uow.actor.name, generated_at=_now(),
        lang=uow.ctx.lang,
    )  # fmt: skip
    printed = {"events": summary.events, "pages": pages, "trail_ok": chain.ok, "head_hash": chain.head_hash}
    uow.audit("report.audit", "audit_report", f"{start:%Y-%m}", after=printed)
    return Printed(f"audit report {start:%Y-%m}", pages, str(out))


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _as_date(value: object) -> dt.date:
    # SQLite's date() gives text, PostgreSQL's a date.
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
