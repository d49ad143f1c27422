"""The floor client's figures on a phone-sized page, against a database of a million serials.

    .venv/bin/python -m tests.benchmarks.floor [--serials 1000000]

Debian's Chromium at 360×640 talks to a real `snapp serve` on localhost (SQLite):
- time from Enter to the verdict on the page (p50, p95), receiving 500 units typed as a
  keyboard-wedge scanner (5 ms per character), and the whole receipt from the first key to posted,
  beside the time the typing alone takes;
- time from Enter to the unit's card on the look-up screen, 100 random units of the million.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from snapp.db.engine import Database, sqlite_url
from tests.benchmarks.run import _percentile, _po, _print_table, fill
from tests.server.conftest import Server
from tests.web.conftest import CHROMIUM, PHONE, log_in, wedge

PASSWORD = "bench password"
RECEIPT = 500
LOOKUPS = 100


def figures(url: str, serials: int) -> list[tuple[str, str, str, str]]:
    db = Database(url)
    ctx = fill(db, serials, PASSWORD)
    po = _po(ctx, RECEIPT)
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
            page.click("#post")
            page.wait_for_function("document.querySelector('[data-verdict=receive]').textContent.includes('received')", timeout=120_000)
            receipt = time.perf_counter() - start
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
    return [
        (f"floor page: Enter → verdict, receiving {RECEIPT} by wedge among {serials:,}",
         f"p50 {_percentile(receiving, 50):.0f} ms, p95 {_percentile(receiving, 95):.0f} ms", "", ""),
        (f"floor page: {RECEIPT}-unit receipt, first key to posted", f"{receipt:.1f} s",
         f"the typing alone (Playwright, 5 ms/char) {typed:.1f} s", f"{receipt / typed:.2f}x"),
        (f"floor page: Enter → card, {LOOKUPS} look-ups among {serials:,}",
         f"p50 {_percentile(lookups, 50):.0f} ms, p95 {_percentile(lookups, 95):.0f} ms", "", ""),
    ]  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--serials", type=int, default=1_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        _print_table(figures(sqlite_url(Path(tmp) / "bench.db"), args.serials))


if __name__ == "__main__":
    main()
