"""The floor client's figures on a phone-sized page, against a database of a million serials.

    .venv/bin/python -m tests.benchmarks.floor [--serials 1000000]

Debian's Chromium at 360×640 talks to a real `snapp serve` on localhost (SQLite):
- time from Enter to the verdict on the page (p50, p95), receiving 500 units typed as a
  keyboard-wedge scanner (5 ms per character), and the whole receipt from the first key to posted,
  beside the time the typing alone takes;
- time from Enter to the unit's card on the look-up screen, 100 random units of the million;
- in the same run, the same 500-unit receipt on the desktop's Receiving screen (Qt offscreen, keys sent
  with QTest at the same 5 ms per character, Enter, then Post), from the first key to the receipt posted.
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from snapp.db.engine import Database, sqlite_url
from snapp.services.base import Context
from tests.benchmarks.run import _percentile, _po, _print_table, fill
from tests.server.conftest import Server
from tests.web.conftest import CHROMIUM, PHONE, log_in, wedge

PASSWORD = "bench password"
RECEIPT = 500
LOOKUPS = 100
KEY_GAP_MS = 5  # a wedge scanner's pace, as tests.web.conftest.wedge types it


def desktop_receipt(url: str, po: str) -> tuple[float, float, float]:
    """The desktop's Receiving screen takes ``RECEIPT`` scans typed into its scan field, then posts them.

    Returns (first key to posted, last key to posted, the post alone) in seconds. Each key is a real key event through the
    screen's scan field (QTest), with the scanner's gap after it, during which the screen runs its events.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from snapp.gui.main_window import MainWindow
    from snapp.gui.views.receiving import ReceivingView

    app = QApplication.instance() or QApplication([])
    db = Database(url)
    with tempfile.TemporaryDirectory() as tmp:
        window = MainWindow(Context(db, "bench"), QSettings(str(Path(tmp) / "snapp.ini"), QSettings.Format.IniFormat))
        screen = window.view(ReceivingView)
        screen.refresh()
        window.runner.wait()
        app.processEvents()
        screen.load_po(po)
        window.runner.wait()
        app.processEvents()
        edit = screen.form.scanEdit
        start = time.perf_counter()
        for n in range(RECEIPT):
            for char in f"D{n:06d}":
                QTest.keyClick(edit, char)
                QTest.qWait(KEY_GAP_MS)
            QTest.keyClick(edit, Qt.Key.Key_Return)
        typed = time.perf_counter()
        assert len(screen.accepted) == RECEIPT, len(screen.accepted)  # each scan judged at its Enter
        posting = time.perf_counter()
        QTest.mouseClick(screen.form.postButton, Qt.MouseButton.LeftButton)
        deadline = posting + 120
        while screen.last_receipt is None and time.perf_counter() < deadline:
            app.processEvents()
        done = time.perf_counter()
        assert screen.last_receipt is not None, "the desktop's receipt was not posted"
        window.runner.wait()
        window.close()
    db.dispose()
    return done - start, done - typed, done - posting


def figures(url: str, serials: int) -> list[tuple[str, str, str, str]]:
    db = Database(url)
    ctx = fill(db, serials, PASSWORD)
    po, desktop_po = _po(ctx, RECEIPT), _po(ctx, RECEIPT)
    db.dispose()
    server = Server(url)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
            page = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, base_url=server.url).new_page()
            log_in(page, "bench", PASSWORD)
            page.click("a[href='#receive']")
            page.wait_for_selector(f"#po option[value='{po}']", state="attached")
            page.select_option("#po", po)
            page.select_option("#line", "1")
            page.wait_for_function("document.activeElement.dataset.scan === 'receive'")
            start = time.perf_counter()
            for n in range(RECEIPT):
                wedge(page, f"W{n:06d}")
            typed = time.perf_counter() - start
            page.wait_for_function(f"document.querySelector('#accepted').textContent === '{RECEIPT}'", timeout=300_000)
            posting = time.perf_counter()
            page.click("#post")
            page.wait_for_function("document.querySelector('[data-verdict=receive]').textContent.includes('received')", timeout=120_000)
            receipt = time.perf_counter() - start
            page_post = time.perf_counter() - posting
            receiving = page.evaluate("window.snappTimings")

            page.evaluate("window.snappTimings = []")
            page.click("#back")
            page.click("a[href='#lookup']")
            page.wait_for_function("document.activeElement.dataset.scan === 'lookup'")
            rng = random.Random(1)
            for _ in range(LOOKUPS):
                serial = f"F{rng.randint(1, serials):09d}"
                wedge(page, serial)
                page.wait_for_selector(f"article.card[data-serial={serial}]")
            lookups = page.evaluate("window.snappTimings")
            browser.close()
    finally:
        server.stop()
    desktop, desktop_wait, desktop_post = desktop_receipt(url, desktop_po)
    return [
        (f"floor page: Enter → verdict, receiving {RECEIPT} by wedge among {serials:,}",
         f"p50 {_percentile(receiving, 50):.0f} ms, p95 {_percentile(receiving, 95):.0f} ms", "", ""),
        (f"floor page: {RECEIPT}-unit receipt, first key to posted", f"{receipt:.1f} s",
         f"the typing alone (Playwright, 5 ms/char) {typed:.1f} s; last key → posted {receipt - typed:.1f} s "
         f"(post alone {page_post:.2f} s)", f"{receipt / typed:.2f}x"),
        (f"floor page: Enter → card, {LOOKUPS} look-ups among {serials:,}",
         f"p50 {_percentile(lookups, 50):.0f} ms, p95 {_percentile(lookups, 95):.0f} ms", "", ""),
        (f"desktop Receiving screen: the same {RECEIPT}-unit receipt (QTest, 5 ms/char), first key to posted",
         f"{desktop:.1f} s", f"last key → posted {desktop_wait:.1f} s (post alone {desktop_post:.2f} s); "
         f"the page: {receipt:.1f} s, last key → posted {receipt - typed:.1f} s", f"page/desktop {receipt / desktop:.2f}x"),
    ]  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--serials", type=int, default=1_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        _print_table(figures(sqlite_url(Path(tmp) / "bench.db"), args.serials))


if __name__ == "__main__":
    main()
