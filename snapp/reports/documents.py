"""The documents SNApp prints: purchase order, goods-receipt note, serial history sheet, monthly audit report.

Each takes plain records (the services read them from the database) and an
output file; long lists arrive as iterables and are drawn as they come.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import IO, TYPE_CHECKING

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib.colors import Color

from snapp import messages
from snapp.domain import money
from snapp.errors import restored, said
from snapp.messages import name_of
from snapp.reports import text
from snapp.reports.document import Column, Document

if TYPE_CHECKING:
    from snapp.services.lookup import SerialCard
    from snapp.services.purchasing import PORecord
    from snapp.services.reconciliation import AccuracyFigure

Output = str | Path | IO[bytes]
BAR = Color(0.20, 0.40, 0.65)


def shown_time(value: dt.datetime | None) -> str:
    return f"{value.astimezone(dt.UTC):%Y-%m-%d %H:%M} UTC" if value else ""


def _change(family: str, before: str | None, after: str, lang: str) -> str:
    """A change of status named in ``lang``: "In stock → Issued"."""
    return f"{name_of(family, before, lang) if before else '—'} → {name_of(family, after, lang)}"


# --- purchase order ------------------------------------------------------------------


def purchase_order(po: PORecord, out: Output, *, author: str, generated_at: dt.datetime, lang: str = "en") -> int:
    """The PO for the supplier, in ``lang`` ("en" or "zh"): terms, lines, totals and the total in words."""

    def say(code: str, **values: object) -> str:
        return messages.say(code, values, lang)

    def price(value: Decimal | None) -> str:
        return money.shown(value, po.currency)

    doc = Document(
        out,
        title=say("po_doc.title", number=po.number),
        author=author,
        subject=say("po_doc.subject", supplier=po.supplier_name),
        heading=po.supplier_name,
        generated_at=generated_at,
    )
    doc.title_block(say("po_doc.title", number=po.number), say(f"po_status.{po.status}"))
    rate = f"{po.tax_rate.normalize():f}"
    doc.fields(
        [
            (say("po_doc.supplier"), f"{po.supplier_name} ({po.supplier})"),
            (say("po_doc.supplier_ref"), po.supplier_ref or ""),
            (say("po_doc.date"), shown_time(po.created_at)),
            (say("po_doc.delivery"), po.delivery_date.isoformat() if po.delivery_date else ""),
            (say("po_doc.currency"), po.currency),
            (say("po_doc.tax_rate"), f"{rate}%"),
            (say("po_doc.raised_by"), po.created_by),
            (say("po_doc.notes"), po.note or ""),
        ]
    )
    doc.section(say("po_doc.lines"))
    doc.table(
        [
            Column("#", 0.05, "right"),
            Column(say("po_doc.sku"), 0.16),
            Column(say("po_doc.item"), 0.37),
            Column(say("po_doc.quantity"), 0.1, "right"),
            Column(say("po_doc.unit_price"), 0.15, "right"),
            Column(say("po_doc.amount"), 0.17, "right"),
        ],
        (
            (line.line_no, line.sku, line.item_name, f"{line.quantity:,}",
             money.shown_price(line.unit_price, po.currency), price(line.amount))
            for line in po.lines
        ),
    )
    words = (
        f"人民币{money.chinese_capitals(po.gross)}" if po.currency == "CNY" else
        f"{po.currency} {money.chinese_capitals(po.gross)}"
    ) if lang == "zh" else money.english_words(po.gross, po.currency)  # fmt: skip
    doc.fields(
        [
            (say("po_doc.units"), f"{sum(line.quantity for line in po.lines):,}"),
            (say("po_doc.net"), f"{po.currency} {price(po.net)}"),
            (say("po_doc.tax", rate=rate), f"{po.currency} {price(po.tax)}"),
            (say("po_doc.gross"), f"{po.currency} {price(po.gross)}"),
            (say("po_doc.words"), words),
        ]
    )
    if po.amendments:
        doc.section(say("po_doc.amendments"))
        for amendment in po.amendments:
            line = say("po_doc.amendment", seq=amendment.seq, at=shown_time(amendment.amended_at), by=amendment.amended_by,
                       reason=amendment.reason)  # fmt: skip
            doc.paragraph(line, size=8)
    doc.paragraph(say("po_doc.footer"), size=8)
    return doc.close()


# --- goods receipt -----------------------------------------------------------------------


@dataclass(frozen=True)
class ReceiptNote:
    number: str
    po: str
    supplier: str
    supplier_name: str
    location: str
    received_at: dt.datetime
    received_by: str
    note: str | None
    lines: list[tuple[int, str, str, int]]  # (PO line, SKU, item name, quantity)


SERIALS_PER_ROW = 4


def receipt_note(
    receipt: ReceiptNote, serials: Iterable[tuple[str, str]], out: Output, *, author: str, generated_at: dt.datetime
) -> int:
    """``serials`` are (SKU, serial) pairs in SKU order; they are drawn as they come, four to a row."""
    doc = Document(
        out,
        title=f"Goods receipt {receipt.number}",
        author=author,
        subject=f"Goods received on {receipt.po}",
        heading=receipt.supplier_name,
        generated_at=generated_at,
    )
    doc.title_block(f"Goods receipt {receipt.number}", "收货单")
    doc.fields(
        [
            ("Purchase order 采购订单", receipt.po),
            ("Supplier 供应商", f"{receipt.supplier_name} ({receipt.supplier})"),
            ("Received 收货时间", shown_time(receipt.received_at)),
            ("Received by 收货人", receipt.received_by),
            ("Location 库位", receipt.location),
            ("Note 备注", receipt.note or ""),
        ]
    )
    doc.section("Lines 明细")
    doc.table(
        [
            Column("PO line", 0.1, "right"),
            Column("SKU", 0.2),
            Column("Item 物料", 0.55),
            Column("Qty 数量", 0.15, "right"),
        ],
        receipt.lines,
    )
    doc.section("Serial numbers 序列号")
    columns = [Column("SKU", 0.16)] + [Column("Serial 序列号", 0.21) for _ in range(SERIALS_PER_ROW)]
    count = doc.table(columns, _rows_of(serials, SERIALS_PER_ROW), size=7.5, max_lines=1)
    if count == 0:
        doc.paragraph("The items on this receipt are not tracked by serial.")
    doc.paragraph("Received and checked by: ______________________      Date: ____________", size=9)
    return doc.close()


def _rows_of(serials: Iterable[tuple[str, str]], per_row: int) -> Iterable[list[str]]:
    """Serials grouped into rows of one SKU each."""
    sku, row = None, []
    for item, serial in serials:
        if row and (item != sku or len(row) == per_row):
            yield [sku or "", *row, *[""] * (per_row - len(row))]
            row = []
        sku = item
        row.append(serial)
    if row:
        yield [sku or "", *row, *[""] * (per_row - len(row))]


# --- serial history ---------------------------------------------------------------------------


def serial_history(
    cards: Sequence[SerialCard], out: Output, *, author: str, generated_at: dt.datetime, lang: str = "en"
) -> int:
    """One section per unit carrying the serial: the card a warranty claim needs, then every event.

    Headings are in both languages; statuses and moves are named in ``lang``, the reader's.
    """
    serial = cards[0].serial
    doc = Document(
        out,
        title=f"Serial history {serial}",
        author=author,
        subject="Serial history for a warranty claim",
        heading=serial,
        generated_at=generated_at,
    )
    doc.title_block(f"Serial history {serial}", "序列号履历 · for a warranty claim")
    today = generated_at.date()
    for card in cards:
        if len(cards) > 1:
            doc.section(f"{card.sku} {card.item_name}")
        if card.warranty_end:
            left = (card.warranty_end - today).days
            warranty = (
                f"until {card.warranty_end} ({left} days left)"
                if left >= 0
                else f"ended {card.warranty_end} ({-left} days ago)"
            )
        else:
            warranty = "none recorded"
        doc.fields(
            [
                ("Serial 序列号", card.serial),
                ("Item 物料", f"{card.item_name} ({card.sku})"),
                ("GTIN", card.gtin or ""),
                ("Supplier 供应商", f"{card.supplier_name} ({card.supplier})"),
                ("Purchase order 采购订单", card.po),
                ("Goods receipt 收货单", f"{card.receipt}, {shown_time(card.received_at)}"),
                ("Supplier warranty 保修", warranty),
                ("Batch / expiry 批次/有效期", f"{card.batch or '—'} / {card.expiry or '—'}"),
                (
                    "Status 状态",
                    name_of("status", card.status, lang)
                    + (f" · {card.location} {card.location_name or ''}" if card.location else ""),
                ),
            ]
        )
        doc.section("History 履历")
        doc.table(
            [
                Column("When 时间", 0.17),
                Column("Who 操作人", 0.11),
                Column("Action 操作", 0.1),
                Column("Status 状态", 0.17),
                Column("Where 库位", 0.14),
                Column("Reference 单据", 0.16),
                Column("Note 备注", 0.15),
            ],
            (
                (
                    shown_time(e.at),
                    e.user,
                    name_of("verb", e.action, lang),
                    _change("status", e.from_status, e.to_status, lang),
                    f"{e.from_location or '—'} → {e.to_location or '—'}",
                    e.ref,
                    e.note,
                )
                for e in card.history
            ),
            size=7.5,
            max_lines=3,
        )
    return doc.close()


# --- monthly audit report -------------------------------------------------------------------------

FIGURES = [  # (event action, what the report calls it, its short column heading in English and Chinese)
    ("receive", "Received 收货", ("Received", "收货")),
    ("issue", "Issued 领用", ("Issued", "领用")),
    ("ship", "Shipped 发货", ("Shipped", "发货")),
    ("repair", "Sent to repair 送修", ("Repair", "送修")),
    ("return", "Returned to supplier 退供应商", ("To supplier", "退供应商")),
    ("scrap", "Scrapped 报废", ("Scrapped", "报废")),
]


@dataclass(frozen=True)
class TrailCheck:
    """The audit trail's own check: intact, or the first entry found wrong; and the head hash to keep apart."""

    verdict: str
    head_hash: str


@dataclass(frozen=True)
class AuditSummary:
    """The month's figures, aggregated by the database."""

    company: str
    start: dt.date  # first day of the period
    end: dt.date  # the day after the last
    by_action: dict[str, int]
    by_day: list[tuple[dt.date, int]]
    by_user: list[tuple[str, dict[str, int], int]]  # (user, events by action, audit entries)
    audit_entries: int
    trail: TrailCheck
    exceptions: dict[str, tuple[int, int]]  # kind -> (opened in the period, of which still open)
    alerts: list[str]  # sentences of the core (Texts), said in the reader's language
    accuracy: AccuracyFigure

    @property
    def events(self) -> int:
        return sum(self.by_action.values())

    @property
    def still_open(self) -> int:
        return sum(still for _, still in self.exceptions.values())


def audit_report(
    summary: AuditSummary,
    open_cases: Iterable[Sequence[object]],
    events: Iterable[Sequence[object]],
    entries: Iterable[Sequence[object]],
    out: Output,
    *,
    author: str,
    generated_at: dt.datetime,
    lang: str = "en",
) -> int:
    """Figures and charts first, then the exceptions still open, every event and every audit entry, streamed
    from ``open_cases``, ``events`` and ``entries``. Moves, statuses and kinds are named in ``lang``."""
    period = f"{summary.start:%Y-%m}"
    doc = Document(
        out,
        title=f"Audit report {period}",
        author=author,
        subject=f"Monthly audit report, {summary.company}",
        heading=summary.company,
        generated_at=generated_at,
    )
    last = summary.end - dt.timedelta(days=1)
    doc.title_block(
        f"Monthly audit report {period}", f"月度审计报告 · {summary.company} · {summary.start} to {last} (UTC)"
    )
    doc.section("Figures 汇总")
    others = summary.events - sum(summary.by_action.get(action, 0) for action, _, _ in FIGURES)
    doc.fields(
        [(label, f"{summary.by_action.get(action, 0):,}") for action, label, _ in FIGURES]
        + [
            ("Other moves 其他", f"{others:,} (restock, transfer, back from repair)"),
            ("All serial events 合计", f"{summary.events:,}"),
            ("Audit-trail entries 审计记录", f"{summary.audit_entries:,}"),
            ("Serial accuracy 序列号准确率", _accuracy(summary.accuracy)),
        ]
    )
    doc.section("Audit trail 审计链")
    doc.fields([("Trail check 完整性校验", said(summary.trail.verdict, lang)), ("Head hash 链头哈希", summary.trail.head_hash)])
    doc.paragraph(
        "Keep this hash apart from SNApp: `snapp audit verify --head HASH` later proves that no entry up to here "
        "was changed or cut off.",
        size=8,
    )
    doc.section("Alerts 警报")
    for line in summary.alerts or ["None in this period."]:
        doc.paragraph(said(line, lang))
    doc.section("Exceptions 异常")
    if summary.exceptions:
        doc.table(
            [Column("Kind 类型", 0.4), Column("Opened 新增", 0.2, "right"), Column("Still open 未处理", 0.2, "right")],
            ((name_of("exception_kind", kind, lang), f"{opened:,}", f"{still:,}")
             for kind, (opened, still) in sorted(summary.exceptions.items())),  # fmt: skip
        )
    else:
        doc.paragraph("None opened in this period.")
    _chart(doc, "Events per day 每日事件", _per_day_chart(summary))
    _chart(doc, "Events by type 事件类型", _by_type_chart(summary, lang))
    doc.section("Activity per user 用户操作")
    actions = [action for action, _, _ in FIGURES]
    doc.table(
        [Column("User 用户", 0.13)]
        + [Column(short[lang == "zh"], 0.095, "right") for _, _, short in FIGURES]
        + [Column("other", 0.08, "right"), Column("events", 0.09, "right"), Column("audit entries", 0.13, "right")],
        (
            [
                user,
                *(f"{counts.get(a, 0):,}" for a in actions),
                f"{sum(counts.values()) - sum(counts.get(a, 0) for a in actions):,}",
                f"{sum(counts.values()):,}",
                f"{entries_n:,}",
            ]
            for user, counts, entries_n in summary.by_user
        ),
    )
    if summary.still_open:
        doc.section(f"Exceptions still open 未处理异常明细 ({summary.still_open:,})")
        doc.table(
            [
                Column("#", 0.07, "right"),
                Column("Opened (UTC)", 0.14),
                Column("By", 0.1),
                Column("Kind", 0.12),
                Column("Subject", 0.17),
                Column("Ref", 0.12),
                Column("Detail", 0.28),
            ],
            ((n, f"{at:%Y-%m-%d %H:%M}", by, name_of("exception_kind", kind, lang), subject, ref, said(restored(detail), lang))
             for n, at, by, kind, subject, ref, detail in open_cases),  # fmt: skip
            size=6.5,
            max_lines=2,
        )
    doc.section(f"Every serial event 序列号事件明细 ({summary.events:,})")
    doc.table(
        [
            Column("When (UTC)", 0.13),
            Column("User", 0.1),
            Column("Action", 0.07),
            Column("Serial", 0.16),
            Column("SKU", 0.1),
            Column("Status", 0.17),
            Column("Where", 0.13),
            Column("Ref", 0.14),
        ],
        (
            (
                f"{at:%Y-%m-%d %H:%M}",
                user,
                name_of("verb", action, lang),
                serial,
                sku,
                _change("status", before, after, lang),
                f"{src or '—'} → {dst or '—'}",
                ref,
            )
            for at, user, action, serial, sku, before, after, src, dst, ref in events
        ),
        size=6.5,
        max_lines=1,
    )
    doc.section(f"Audit-trail entries 审计记录明细 ({summary.audit_entries:,})")
    doc.table(
        [
            Column("When (UTC)", 0.15),
            Column("User", 0.12),
            Column("Action", 0.16),
            Column("Entity", 0.12),
            Column("Key", 0.2),
            Column("Change", 0.25),
        ],
        (
            (f"{at:%Y-%m-%d %H:%M}", user, action, entity, key, change)
            for at, user, action, entity, key, change in entries
        ),
        size=6.5,
        max_lines=2,
    )
    return doc.close()


def _chart(doc: Document, title: str, drawing: Drawing) -> None:
    doc.need(drawing.height + 40)  # the heading moves to the next page with its chart, never stays behind alone
    doc.section(title)
    doc.drawing(drawing)


def _accuracy(figure: AccuracyFigure) -> str:
    if figure.accuracy is None:
        return "no stocktake closed in this period"
    stocktakes = f"{len(figure.stocktakes)} stocktake{'s' if len(figure.stocktakes) != 1 else ''}"
    return f"{figure.accuracy:.1%} ({figure.agreeing:,} of {figure.units:,} counted units as the books say; {stocktakes})"


def _per_day_chart(summary: AuditSummary) -> Drawing:
    counts = dict(summary.by_day)
    days = [summary.start + dt.timedelta(days=n) for n in range((summary.end - summary.start).days)]
    drawing = Drawing(510, 170)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 40, 25, 460, 130
    chart.data = [[counts.get(day, 0) for day in days]]
    chart.categoryAxis.categoryNames = [str(day.day) if day.day % 2 else "" for day in days]
    chart.categoryAxis.labels.fontName = chart.valueAxis.labels.fontName = text.font()
    chart.categoryAxis.labels.fontSize = chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.forceZero = True
    chart.bars[0].fillColor = BAR
    chart.bars[0].strokeColor = None
    drawing.add(chart)
    drawing.add(String(40, 5, f"day of {summary.start:%B %Y}", fontName=text.font(), fontSize=7))
    return drawing


def _by_type_chart(summary: AuditSummary, lang: str) -> Drawing:
    kinds = sorted(summary.by_action.items(), key=lambda kv: kv[1])
    drawing = Drawing(510, max(60, 18 * len(kinds) + 30))
    chart = HorizontalBarChart()
    chart.x, chart.y = 80, 15
    chart.width, chart.height = 410, drawing.height - 25
    chart.data = [[n for _, n in kinds] or [0]]
    chart.categoryAxis.categoryNames = [name_of("verb", action, lang) for action, _ in kinds] or ["none"]
    chart.categoryAxis.labels.fontName = chart.valueAxis.labels.fontName = text.font()
    chart.categoryAxis.labels.fontSize = chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.forceZero = True
    chart.bars[0].fillColor = BAR
    chart.bars[0].strokeColor = None
    drawing.add(chart)
    return drawing
