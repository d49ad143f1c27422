"""Desktop-client figures, on the benchmark's database of a million serials.

- time to the first rows of the serial register, vs the same page selected bare;
- the receiving screen's own cost per scan (checks, list, counter), vs the
  core's capture() of the same single scan.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from snapp.db.engine import Database  # noqa: E402
from snapp.domain.capture import capture, scans  # noqa: E402
from snapp.services import masterdata, purchasing  # noqa: E402
from snapp.services.base import Context  # noqa: E402

SCANS = 10_000
FIRST_ROWS = 7
PAGE_SQL = (
    "SELECT s.serial, i.sku, i.name, s.status, l.code, su.code, po.number, s.received_at FROM serials s "
    "JOIN items i ON i.id = s.item_id LEFT JOIN locations l ON l.id = s.location_id "
    "JOIN receipt_lines rl ON rl.id = s.receipt_line_id JOIN po_lines pl ON pl.id = rl.po_line_id "
    "JOIN purchase_orders po ON po.id = pl.po_id JOIN suppliers su ON su.id = po.supplier_id "
    "ORDER BY s.received_at DESC, s.id DESC LIMIT 500"
)


def desktop(name: str, db: Database, serials: int) -> list[tuple[str, str, str, str]]:
    from snapp.gui.main_window import MainWindow
    from snapp.gui.views.receiving import ReceivingView
    from snapp.gui.views.register import RegisterView

    app = QApplication.instance() or QApplication([])
    ctx = Context(db, "bench")
    with tempfile.TemporaryDirectory() as tmp:
        window = MainWindow(ctx, QSettings(str(Path(tmp) / "snapp.ini"), QSettings.Format.IniFormat))
        register = window.view(RegisterView)
        first_rows = []
        for _ in range(FIRST_ROWS):
            arrived: list[float] = []
            register.model.loaded.connect(lambda _n: arrived.append(time.perf_counter()))
            start = time.perf_counter()
            register.model.reload()
            while not arrived:
                app.processEvents()
            first_rows.append(arrived[0] - start)
            register.model.loaded.disconnect()
            window.runner.wait()
        bare = []
        for _ in range(FIRST_ROWS):
            raw = db.engine.raw_connection()
            start = time.perf_counter()
            cursor = raw.cursor()
            cursor.execute(PAGE_SQL)
            cursor.fetchall()
            bare.append(time.perf_counter() - start)
            raw.close()

        number = purchasing.create_po(ctx, "BENCH", [purchasing.LineSpec("ITEM", SCANS, Decimal(1))]).number
        purchasing.approve_po(ctx, number)
        receiving = window.view(ReceivingView)
        receiving.refresh()
        window.runner.wait()
        app.processEvents()
        receiving.load_po(number)
        window.runner.wait()
        app.processEvents()
        codes = [f"SCAN{n:07d}" for n in range(SCANS)]
        start = time.perf_counter()
        for code in codes:
            receiving.add_scan(code)
        screen = (time.perf_counter() - start) / SCANS
        assert len(receiving.accepted) == SCANS
        rule = masterdata.list_items(ctx)[0].rule
        start = time.perf_counter()
        for code in codes:
            capture(scans([code]), rule)
        core = (time.perf_counter() - start) / SCANS
        window.runner.wait()
        window.close()

    ours, theirs = statistics.median(first_rows), statistics.median(bare)
    return [
        (
            f"{name}: register, first rows among {serials:,}",
            f"{ours * 1000:.1f} ms (median of {FIRST_ROWS})",
            f"page SELECT bare {theirs * 1000:.1f} ms",
            f"{ours / theirs:.1f}x",
        ),
        (
            "receiving screen: cost per scan",
            f"{screen * 1e6:.0f} µs ({1 / screen:,.0f} scans/s)",
            f"capture() of one scan {core * 1e6:.0f} µs",
            f"{screen / core:.1f}x",
        ),
    ]
