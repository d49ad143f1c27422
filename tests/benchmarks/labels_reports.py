"""Label and report benchmarks, run by tests/benchmarks/run.py.

- 1,000 labels of each template, vs reportlab drawing the same Code 128 and
  QR symbols bare (its own widgets, no text, no layout); DataMatrix apart,
  on 50 symbols, since reportlab's takes ~0.1 s each and has no GS1 mode;
- the same 1,000 labels in ZPL and TSPL (203 dpi) sent to a raw port on
  localhost, vs the PDF path and the bare reportlab figure of that template;
- the monthly audit report over 100,000 serial events: time, pages, and
  peak Python memory (tracemalloc), beside the same report over 10,000 events
  to show how memory grows with the month.
"""

from __future__ import annotations

import io
import time
import tracemalloc
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode import code128, createBarcodeDrawing
from reportlab.pdfgen.canvas import Canvas

from snapp.db.engine import Database, sqlite_url
from snapp.db.schema import upgrade
from snapp.domain.capture import serial_range
from snapp.reports import barcodes
from snapp.reports.labels import POINTS_PER_MM, LabelData, load_template, render_labels, sample_label, template_names
from snapp.services import masterdata, purchasing
from snapp.services.auth import create_first_admin
from snapp.services.printing import print_audit_report
from snapp.services.receiving import receive

LABELS = 1_000
DATAMATRIX_SAMPLE = 50
EVENTS = (10_000, 100_000)
Row = tuple[str, str, str, str]


def run(tmp: Path) -> list[Row]:
    return labels() + printer_languages() + audit_report(tmp)


def _timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def _cpu(work: Callable[[], object]) -> float:
    """Processor time: on a machine shared with other work it moves less than the clock."""
    start = time.process_time()
    work()
    return time.process_time() - start


def _units() -> list[LabelData]:
    base = sample_label()
    return [
        LabelData(f"SN{n:010d}", base.sku, base.item_name, base.gtin, base.po, base.receipt, base.received)
        for n in range(LABELS)
    ]


def labels() -> list[Row]:
    units = _units()
    rows = []
    for name in template_names():
        template = load_template(name)
        mine = min(_cpu(lambda: render_labels(template, units, io.BytesIO())) for _ in range(3))
        bare = _cpu(lambda: _bare_barcodes(template, units))
        print(f"labels {name}: {LABELS:,} in {mine:.2f} s CPU; reportlab bare Code 128 + QR {bare:.2f} s", flush=True)
        rows.append(
            (
                f"{LABELS:,} labels, {name}",
                f"{mine:.2f} s CPU ({LABELS / mine:,.0f} labels/s)",
                f"reportlab Code 128 + QR only {bare:.2f} s CPU",
                f"{mine / bare:.2f}x",
            )
        )
    rows.append(_datamatrix(units[:DATAMATRIX_SAMPLE]))
    return rows


def printer_languages(template_name: str = "thermal-50x30") -> list[Row]:
    """1,000 labels made in ZPL and TSPL and sent to a port on localhost that reads them, as a printer's port 9100 does.

    Beside them, in the same run: the same labels into a PDF, and reportlab's
    bare Code 128 and QR at the template's places.
    """
    from snapp.io.printers import send
    from snapp.reports.thermal import Language, render_job
    from tests.printer_jobs import Listener

    units, template = _units(), load_template(template_name)
    pdf = min(_cpu(lambda: render_labels(template, units, io.BytesIO())) for _ in range(3))
    bare = _cpu(lambda: _bare_barcodes(template, units))
    rows = []
    for language in Language:
        made = min(_cpu(lambda: sum(map(len, render_job(template, units, language, 203)))) for _ in range(3))
        port = Listener()
        try:
            sent = _timed(lambda: send(port.address, render_job(template, units, language, 203)))
            size = len(port.job())
        finally:
            port.close()
        print(f"{language} {template_name}: {LABELS:,} made in {made:.2f} s CPU, made and sent in {sent:.2f} s "
              f"({size / 1e6:.1f} MB); PDF {pdf:.2f} s CPU; reportlab bare Code 128 + QR {bare:.2f} s", flush=True)  # fmt: skip
        rows.append(
            (
                f"{LABELS:,} labels, {template_name}, {language} 203 dpi",
                f"{made:.2f} s CPU to make, {sent:.2f} s made and sent to a local port ({size / 1e6:.1f} MB)",
                f"PDF {pdf:.2f} s CPU; reportlab Code 128 + QR only {bare:.2f} s CPU",
                f"{made / pdf:.2f}x the PDF",
            )
        )
    return rows


def _bare_barcodes(template, units: list[LabelData]) -> None:
    """reportlab's own Code 128 and QR widgets at the template's places, nothing else on the label.

    Its DataMatrix is left out here (it has no GS1 mode, and takes ~0.1 s a
    symbol); _datamatrix() times it on its own.
    """
    sheet = template.sheet
    page = (sheet.width, sheet.height) if sheet else (template.width, template.height)
    canvas = Canvas(io.BytesIO(), pagesize=(page[0] * POINTS_PER_MM, page[1] * POINTS_PER_MM), pageCompression=1)
    per_page = sheet.positions if sheet else 1
    for n, unit in enumerate(units):
        if n and n % per_page == 0:
            canvas.showPage()
        position = n % per_page
        left = (sheet.left + position % sheet.columns * sheet.pitch_x) if sheet else 0
        top = (sheet.top + position // sheet.columns * sheet.pitch_y) if sheet else 0
        for field in template.fields:
            box = field.box
            x = (left + box.x) * POINTS_PER_MM
            y = (page[1] - top - box.y - box.height) * POINTS_PER_MM
            size = min(box.width, box.height) * POINTS_PER_MM
            if field.kind == "code128":
                code128.Code128(
                    unit.serial,
                    barHeight=box.height * POINTS_PER_MM,
                    barWidth=0.125 * POINTS_PER_MM,
                    humanReadable=False,
                ).drawOn(canvas, x, y)
            elif field.kind == "qr":
                renderPDF.draw(createBarcodeDrawing("QR", value=unit.serial, width=size, height=size), canvas, x, y)
    canvas.showPage()
    canvas.save()


def _datamatrix(units: list[LabelData]) -> Row:
    """One DataMatrix per unit: zxing-cpp (GS1, FNC1) drawn on the dot grid, vs reportlab's ECC200DataMatrix."""
    canvas = Canvas(io.BytesIO())
    grid = barcodes.Grid(203, 800)
    data = [barcodes.gs1_element_string(unit.gtin or "", unit.serial) for unit in units]

    def ours() -> None:
        for text in data:
            symbol = barcodes.encode(barcodes.Symbology.DATAMATRIX, text)
            barcodes.draw(canvas, barcodes.Placed(symbol, 10, 10, 80, 80, 2), grid)

    def bare() -> None:
        for text in data:
            plain = text.replace("(", "").replace(")", "")  # no FNC1: reportlab has no GS1 mode
            renderPDF.draw(createBarcodeDrawing("ECC200DataMatrix", value=plain, barWidth=0.5), canvas, 10, 10)

    mine, base = _cpu(ours), _cpu(bare)
    print(f"DataMatrix: {len(units)} in {mine * 1000:.0f} ms; reportlab {base * 1000:.0f} ms", flush=True)
    return (
        f"{len(units)} DataMatrix symbols",
        f"{mine * 1000:.0f} ms (GS1, FNC1)",
        f"reportlab ECC200DataMatrix {base * 1000:.0f} ms (no GS1)",
        f"{mine / base:.3f}x",
    )


def audit_report(tmp: Path) -> list[Row]:
    db = Database(sqlite_url(tmp / "audit.db"))
    upgrade(db)
    ctx = create_first_admin(db, "bench", "bench password")
    masterdata.add_supplier(ctx, masterdata.SupplierRecord("BENCH", "基准测试供应商"))
    masterdata.add_item(ctx, masterdata.ItemRecord("ITEM", "基准测试物料 Benchmark item", serial_min_length=4))
    masterdata.add_location(ctx, masterdata.LocationRecord("WH", "主仓库"))
    results = {}
    received = 0
    for events in EVENTS:
        count = events - received
        number = purchasing.create_po(ctx, "BENCH", [purchasing.LineSpec("ITEM", count, Decimal(1))]).number
        purchasing.approve_po(ctx, number)
        receive(ctx, number, "ITEM", [serial_range(f"A{received + 1:09d}..A{events:09d}")], location="WH")
        received = events
        month = f"{time.gmtime().tm_year}-{time.gmtime().tm_mon:02d}"
        out = tmp / f"audit-{events}.pdf"
        seconds = _timed(lambda: print_audit_report(ctx, month, out, company="基准测试公司"))
        tracemalloc.start()
        printed = print_audit_report(ctx, month, out, company="基准测试公司")
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        results[events] = (seconds, peak, printed.count, out.stat().st_size)
        print(
            f"audit report, {events:,} events: {seconds:.1f} s, {printed.count:,} pages, "
            f"{out.stat().st_size / 1e6:.1f} MB PDF, peak traced memory {peak / 1e6:.0f} MB",
            flush=True,
        )
    db.dispose()
    small, large = (results[n] for n in EVENTS)
    return [
        (
            f"audit report, {EVENTS[1]:,} events",
            f"{large[0]:.1f} s, {large[2]:,} pages ({EVENTS[1] / large[0]:,.0f} events/s)",
            f"peak memory {large[1] / 1e6:.0f} MB (10,000 events: {small[1] / 1e6:.0f} MB, {small[0]:.1f} s)",
            f"{large[0] / small[0]:.1f}x time for 10x events",
        )
    ]
