"""After-sales documents, bilingual: the warranty claim for the supplier and the RMA note for the customer.

Each takes plain records (read by `snapp.services.aftersales`) and an output file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from snapp.errors import Text
from snapp.reports.document import Column, Document
from snapp.domain.money import DEFAULT_CURRENCY, shown
from snapp.reports.documents import Output, shown_time

if TYPE_CHECKING:
    from snapp.services.lookup import SerialCard


def both(line: str) -> str:
    """A core sentence in English and Chinese (as it is when it is not one)."""
    return f"{line.say('en')} / {line.say('zh')}" if isinstance(line, Text) else line


@dataclass(frozen=True)
class Repair:
    at: dt.datetime
    fault: str
    work: str | None
    parts: str | None
    cost: Decimal | None
    who: str
    place: str  # bench or supplier


@dataclass(frozen=True)
class Claim:
    """What a supplier needs to honour a warranty: the unit's purchase record, what went wrong, what was done."""

    card: SerialCard
    supplier_rma: str | None
    faults: list[tuple[dt.datetime, str, str]]  # (when, customer RMA, reason the customer gave)
    repairs: list[Repair]


def _unit_fields(card: SerialCard, today: dt.date) -> list[tuple[str, str]]:
    def warranty(end: dt.date | None) -> str:
        if end is None:
            return "none recorded / 未记录"
        left = (end - today).days
        return f"until {end} ({left} days left) / 至 {end}（剩余 {left} 天）" if left >= 0 else \
            f"ended {end} ({-left} days ago) / 已于 {end} 到期"  # fmt: skip

    return [
        ("Serial 序列号", card.serial),
        ("Item 物料", f"{card.item_name} ({card.sku})" + (f", GTIN {card.gtin}" if card.gtin else "")),
        ("Supplier 供应商", f"{card.supplier_name} ({card.supplier})"),
        ("Purchase order 采购订单", card.po),
        ("Goods receipt 收货单", f"{card.receipt}, {shown_time(card.received_at)}"),
        ("Supplier warranty 供应商保修", warranty(card.warranty_end)),
        ("Customer warranty 客户保修", warranty(card.customer_warranty_end)),
        ("Status 状态", both(Text(f"status.{card.status}"))),
    ]


def warranty_claim(claim: Claim, out: Output, *, author: str, generated_at: dt.datetime) -> int:
    card = claim.card
    doc = Document(out, title=f"Warranty claim {card.serial}", author=author, heading=card.supplier_name,
                   subject=f"Warranty claim to {card.supplier_name}", generated_at=generated_at)  # fmt: skip
    doc.title_block(f"Warranty claim {card.serial}", "保修索赔 · " + (f"RMA {claim.supplier_rma}" if claim.supplier_rma else ""))
    doc.fields([("To 致", f"{card.supplier_name} ({card.supplier})"),
                ("Your RMA 贵方退货授权号", claim.supplier_rma or "—")])  # fmt: skip
    doc.section("The unit 物品")
    doc.fields(_unit_fields(card, generated_at.date()))
    doc.section("Faults reported 故障报告")
    doc.table([Column("When 时间", 0.2), Column("Customer RMA 客户退货号", 0.2), Column("Fault 故障", 0.6)],
              ((shown_time(at), rma, reason) for at, rma, reason in claim.faults) if claim.faults else [("—", "—", "—")])  # fmt: skip
    doc.section("Repairs 维修记录")
    doc.table(
        [Column("When 时间", 0.15), Column("Where 地点", 0.13), Column("Who 维修人", 0.1), Column("Fault 故障", 0.19),
         Column("Work 处理", 0.19), Column("Parts 配件", 0.13), Column("Cost 费用", 0.11, "right")],
        [(shown_time(r.at), both(Text(f"repair_place.{r.place}")), r.who, r.fault, r.work, r.parts, shown(r.cost, DEFAULT_CURRENCY))
         for r in claim.repairs] or [("—",) * 7],
        max_lines=4,
    )  # fmt: skip
    doc.section("After-sales record 售后记录")
    for line in card.aftersales or ["—"]:
        doc.paragraph(both(line))
    doc.section("History 履历")
    doc.table(
        [Column("When 时间", 0.2), Column("Who 操作人", 0.12), Column("Action 操作", 0.28), Column("Reference 单据", 0.2),
         Column("Note 备注", 0.2)],
        ((shown_time(e.at), e.user, both(Text(f"move.{e.action}")), e.ref, e.note) for e in card.history),
        size=7.5,
    )  # fmt: skip
    return doc.close()


@dataclass(frozen=True)
class RmaNote:
    number: str
    customer: str
    customer_name: str
    reason: str
    status: str
    opened_at: dt.datetime
    resolution: str | None
    replacement: str | None
    promised_on: dt.date | None = None  # the day we promised an answer (none on returns from before promises)


def rma_note(note: RmaNote, card: SerialCard, out: Output, *, author: str, generated_at: dt.datetime) -> int:
    doc = Document(out, title=f"RMA {note.number}", author=author, heading=note.customer_name,
                   subject=f"Return note for {note.customer_name}", generated_at=generated_at)  # fmt: skip
    doc.title_block(f"Return note RMA {note.number}", "退货单")
    doc.fields([
        ("Customer 客户", f"{note.customer_name} ({note.customer})"),
        ("Received 接收时间", shown_time(note.opened_at)),
        ("Reason 原因", note.reason),
        *([("Answer by 答复期限", note.promised_on.isoformat())] if note.promised_on else []),
        ("Status 状态", both(Text(f"rma_status.{note.status}"))),
        ("Decision 处理结果", both(Text(f"resolution.{note.resolution}")) if note.resolution else "—"),
        ("Replacement 换货序列号", note.replacement or "—"),
    ])  # fmt: skip
    doc.section("The unit returned 退回的物品")
    # The customer sees the unit, not our purchase record or where it went inside the company.
    private = ("Supplier", "Purchase", "Goods", "Status")
    doc.fields([pair for pair in _unit_fields(card, generated_at.date()) if not pair[0].startswith(private)])
    doc.paragraph("Please keep this note: quote the RMA number in every enquiry. / 请保留此单，查询时请提供退货授权号。", space_after=8)
    return doc.close()
