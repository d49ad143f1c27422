"""The recall report for a regulator: what was recalled, where every affected unit is, who has it, and its history;
and where every piece of a recalled batch of an item without serials went.

Bilingual (English and Simplified Chinese side by side), drawn from plain
records the recall service reads; the units and the history stream through.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from snapp.domain.batches import Pieces
from snapp.messages import say
from snapp.reports.document import Column, Document
from snapp.reports.documents import Output, shown_time

if TYPE_CHECKING:
    from snapp.services.batches import BatchFlow
    from snapp.services.recall import Group, TracedUnit

CRITERIA = {  # what the recall was asked by, as the report names it
    "supplier": "Supplier 供应商",
    "batch": "Batch 批号",
    "po": "Purchase order 采购订单",
    "sku": "Item 物料",
    "received_from": "Received from 收货起",
    "received_to": "Received to 收货止",
    "serials": "Serials 序列号",
}


def both(code: str) -> str:
    return f"{say(code, {})} {say(code, {}, 'zh')}"


def status_words(status: str) -> str:
    """A status in both languages: "Issued 已领用"."""
    return both(f"status.{status}")


def where_words(status: str, location: str | None) -> str:
    return f"{status_words(status)} · {location}" if location else status_words(status)


def recall_report(
    criteria: Mapping[str, object],
    groups: Sequence[Group],
    units: Iterable[TracedUnit],
    history: Iterable[Sequence],
    out: Output,
    *,
    quantities: Sequence[BatchFlow] = (),
    author: str,
    generated_at: dt.datetime,
) -> int:
    """The report; ``history`` gives (serial, sku, when, who, action, from status, to status, from location,
    to location, reference, note) in unit order; ``quantities``, where the recalled batches of items without serials
    went. Returns the number of pages."""
    doc = Document(out, title="Recall and trace report", author=author, subject="Recall and trace",
                   heading="Recall 召回追溯", generated_at=generated_at)  # fmt: skip
    doc.title_block("Recall and trace report", "召回追溯报告 · every affected unit, where it is, who has it")
    asked = [(CRITERIA[name], ", ".join(map(str, value)) if isinstance(value, list) else str(value))
             for name, value in criteria.items()]  # fmt: skip
    total = sum(g.count for g in groups)
    doc.fields([*asked, ("Affected units 涉及单件", f"{total:,}"), *_pieces(quantities), ("Prepared by 编制人", author),
                ("Prepared at 编制时间", shown_time(generated_at))])  # fmt: skip
    if quantities:
        _batch_quantities(doc, quantities)
    if groups:
        _units(doc, groups, units, history)
    return doc.close()


def _pieces(quantities: Sequence[BatchFlow]) -> list[tuple[str, str]]:
    """The summary's lines for the batch quantities: pieces on our shelves (how many blocked), pieces issued."""
    if not quantities:
        return []
    pieces = Pieces.of(quantities)
    return [("Pieces in stock 在库件数", f"{pieces.on_shelves:,} ({pieces.blocked:,} blocked 已冻结)"),
            ("Pieces issued 已发放件数", f"{pieces.issued:,}")]  # fmt: skip


def _batch_quantities(doc: Document, quantities: Sequence[BatchFlow]) -> None:
    doc.section("Batch quantities 批次数量")
    doc.table(
        [
            Column("Item 物料", 0.1),
            Column("Batch 批号", 0.09),
            Column("Expiry 有效期", 0.1),
            Column("Where 去向", 0.22),
            Column("Receipt / place / to whom 单据/库位/领用人", 0.29),
            Column("Pieces 数量", 0.09, "right"),
            Column("When 时间", 0.11),
        ],
        (
            (f.sku, f.batch, f.expiry, both(f"batch_flow.{f.where}"), f.place, f"{f.quantity:,}",
             f"{f.at:%Y-%m-%d}" if f.at else "")
            for f in quantities
        ),  # fmt: skip
        size=7,
    )


def _units(doc: Document, groups: Sequence[Group], units: Iterable[TracedUnit], history: Iterable[Sequence]) -> None:
    doc.section("Where the units are 单件去向")
    doc.table(
        [Column("Status 状态", 0.45), Column("Location 库位", 0.35), Column("Units 数量", 0.2, "right")],
        ((status_words(g.status), g.location or "—", f"{g.count:,}") for g in groups),
        size=8.5,
    )
    doc.section("Affected units 涉及单件")
    doc.table(
        [
            Column("Serial 序列号", 0.14),
            Column("Item 物料", 0.09),
            Column("Batch 批号", 0.09),
            Column("Expiry 有效期", 0.11),
            Column("PO 采购单", 0.12),
            Column("Where 去向", 0.2),
            Column("Has it 持有人", 0.14),
            Column("Since 时间", 0.11),
        ],
        (
            (u.serial, u.sku, u.batch, u.expiry, u.po, where_words(u.status, u.location), u.holder,
             f"{u.last_at:%Y-%m-%d}" if u.last_at else "")
            for u in units
        ),  # fmt: skip
        size=7,
    )
    doc.section("History of each unit 单件履历")
    doc.table(
        [
            Column("Serial 序列号", 0.15),
            Column("Item 物料", 0.09),
            Column("When 时间", 0.15),
            Column("Who 操作人", 0.09),
            Column("Action 操作", 0.1),
            Column("Status 状态", 0.16),
            Column("Where 库位", 0.12),
            Column("Reference 单据", 0.14),
        ],
        (
            (serial, sku, shown_time(at), user, action, f"{from_status or '—'} → {to_status}",
             f"{from_location or '—'} → {to_location or '—'}", ref)
            for serial, sku, at, user, action, from_status, to_status, from_location, to_location, ref, _note in history
        ),  # fmt: skip
        size=7,
    )
