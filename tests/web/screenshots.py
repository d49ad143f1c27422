"""Screenshots of the floor client at a phone's 360×640, in English and in Chinese (docs/screenshots/phone/).

    .venv/bin/python tests/web/screenshots.py [folder]

Runs `snapp serve` on a demo database and drives Debian's Chromium (/usr/bin/chromium) through each screen.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from playwright.sync_api import sync_playwright  # noqa: E402

from snapp.db.engine import sqlite_url  # noqa: E402
from snapp.db.schema import open_database  # noqa: E402
from snapp.services.auth import create_first_admin  # noqa: E402
from snapp.services.demo import build_demo  # noqa: E402
from tests.server.conftest import Server  # noqa: E402
from tests.web.conftest import CHROMIUM, PHONE, log_in, wedge  # noqa: E402

OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "docs" / "screenshots" / "phone"
PASSWORD = "demo password 1"
PHONE_SKU = "PHN-5G"  # its IMEI scanned after each serial
IMEIS = ["356938035643809", "356938035643817", "356938035643825"]


def open_screen(page, name: str) -> None:
    page.click(f"a[href='#{name}']")
    page.wait_for_function(f"document.activeElement.dataset.scan === '{name}'")


def shoot(server: Server, browser, lang: str, po: str, serial: str, location: str, sold: str, pairs_po: str) -> None:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2,
                                  locale="zh-CN" if lang == "zh" else "en-US", base_url=server.url)  # fmt: skip
    page = context.new_page()
    page.goto("/floor/")
    page.wait_for_selector("#login:not([hidden])")
    page.fill("#login-form [name=name]", "admin")
    page.screenshot(path=OUT / f"{lang}-01-login.png")
    page.close()
    page = context.new_page()
    log_in(page, "admin", PASSWORD)
    page.screenshot(path=OUT / f"{lang}-02-home.png")

    page.click("a[href='#receive']")
    page.wait_for_selector(f"#po option[value='{po}']", state="attached")
    page.select_option("#po", po)
    page.select_option("#line", "1")
    for code in ("ECG9000001", "ECG9000002", "ECG9000003", "ECG9000002", "x"):
        wedge(page, code)
    page.wait_for_function("!document.querySelector('#receive-list li.wait') && document.querySelectorAll('#receive-list li').length === 5")
    page.screenshot(path=OUT / f"{lang}-03-receive.png")

    page.click("#back")
    open_screen(page, "lookup")
    wedge(page, serial)
    page.wait_for_selector("article.card")
    page.locator("article.card button[data-move]").first.click()
    page.wait_for_selector("article.card form")
    page.screenshot(path=OUT / f"{lang}-04-lookup.png")
    page.locator("article.card form button").scroll_into_view_if_needed()
    page.screenshot(path=OUT / f"{lang}-05-move.png")

    page.click("#back")
    open_screen(page, "verify")
    wedge(page, serial)
    page.wait_for_selector("[data-verdict=verify]:not([hidden])")
    page.wait_for_function("document.querySelector('[data-verdict=verify]').dataset.kind !== 'wait'")
    page.screenshot(path=OUT / f"{lang}-06-verify.png")

    page.click("#back")
    page.click("a[href='#count']")
    page.select_option("#count-location", location)
    page.click("#start-count")
    page.wait_for_function("document.activeElement.dataset.scan === 'count'")
    for code in (serial, "NO-SUCH-UNIT-1", serial):
        wedge(page, code)
    page.wait_for_function("!document.querySelector('#count-list li.wait') && document.querySelectorAll('#count-list li').length === 3")
    page.screenshot(path=OUT / f"{lang}-07-stocktake.png")

    page.click("#back")
    page.click("a[href='#exceptions']")
    page.wait_for_selector("#exception-list li")
    page.screenshot(path=OUT / f"{lang}-08-exceptions.png")

    page.click("#back")
    page.click("a[href='#scanner']")
    page.select_option("#scanner-form [name=gs]", "<GS>")
    page.fill("#scanner-form [name=lead]", "@")
    page.select_option("#scanner-form [name=suffix]", "\t")
    page.click("input[data-scan=scanner]")
    page.keyboard.type("@0109506000134352" + "21ECG9000001<GS>10LOT7", delay=2)  # a PDA's "@" and GS as <GS>, then Tab
    page.keyboard.press("Tab")
    page.wait_for_selector("#scanner-chars ol")
    page.screenshot(path=OUT / f"{lang}-09-scanner.png")
    page.locator("#scanner-hint").scroll_into_view_if_needed()
    page.screenshot(path=OUT / f"{lang}-10-scanner-test.png")
    page.evaluate("localStorage.removeItem('snapp.scanner')")

    page.click("#back")
    open_screen(page, "lookup")
    wedge(page, sold)
    card = page.locator(f"article.card[data-serial='{sold}']")  # not the card still shown from before
    card.locator("button[data-move=ship]").click()
    form = card.locator("form[data-form=ship]")
    form.locator("select[name=customer]").select_option("C-BJ")
    form.locator("input[name=ref]").fill("DN-2026-0077")
    form.locator("button").scroll_into_view_if_needed()
    page.screenshot(path=OUT / f"{lang}-11-ship.png")
    form.locator("button").click()
    page.wait_for_selector("article.card[data-status=shipped]")
    card.locator("button[data-move=customer_return]").click()
    form = card.locator("form[data-form=customer_return]")
    form.locator("input[name=rma]").fill("RMA-88")
    form.locator("input[name=reason]").fill("屏幕不亮" if lang == "zh" else "screen stays dark")
    form.locator("select[name=customer]").select_option("C-SH")  # the wrong customer: the server's refusal shown
    form.locator("button").click()
    page.wait_for_selector("[data-verdict=lookup].bad")
    page.locator("[data-verdict=lookup]").scroll_into_view_if_needed()
    page.screenshot(path=OUT / f"{lang}-12-return-refused.png")

    page.click("#back")
    page.click("a[href='#receive']")
    page.wait_for_selector(f"#po option[value='{pairs_po}']", state="attached")
    page.select_option("#po", pairs_po)
    page.wait_for_selector(f"#line option:has-text('{PHONE_SKU}')", state="attached")  # not the line of the PO before
    page.select_option("#line", "1")
    # Two units paired, an IMEI where a serial belongs (refused), then a serial whose IMEI is due.
    for code in (f"{lang.upper()}5G0001", IMEIS[0], f"{lang.upper()}5G0002", IMEIS[1], IMEIS[2], f"{lang.upper()}5G0003"):
        wedge(page, code)
    page.wait_for_function("!document.querySelector('#receive-list li.wait') && document.querySelectorAll('#receive-list li').length === 6")
    page.screenshot(path=OUT / f"{lang}-13-receive-pairs.png", full_page=True)  # the pairs in the list too
    context.close()


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        url = sqlite_url(Path(tmp) / "demo.db")
        db = open_database(url)
        ctx = create_first_admin(db, "admin", PASSWORD)
        build_demo(ctx, serials=2_000, team_password=PASSWORD)
        db.dispose()
        server = Server(url)
        try:
            with server.login("admin", PASSWORD) as api:
                item = next(i for i in api.get("/items").json() if i["sku"] == "ECG-12")  # serials ECG and 7 digits
                order = {"supplier": item["supplier"] or api.get("/suppliers").json()[0]["code"],
                         "lines": [{"sku": item["sku"], "quantity": 50}]}  # fmt: skip
                po = api.post("/pos", json=order).json()["number"]
                api.post(f"/pos/{po}/approve").raise_for_status()
                api.post("/items", json={"sku": PHONE_SKU, "name": "5G 手持终端", "supplier": order["supplier"],
                                         "serial_pattern": "[A-Z]{2}5G[0-9]{4}"}).raise_for_status()  # fmt: skip
                api.post(f"/items/{PHONE_SKU}/fields", json={"name": "IMEI", "unique": "all", "pattern": r"\d{15}",
                                                             "scanned": True}).raise_for_status()  # fmt: skip
                pairs_po = api.post("/pos", json={"supplier": order["supplier"], "lines": [{"sku": PHONE_SKU, "quantity": 20}]}).json()["number"]
                api.post(f"/pos/{pairs_po}/approve").raise_for_status()
                # A refused receipt: its rejected scan waits at the exceptions desk.
                api.post(f"/pos/{po}/receipts", json={"sku": item["sku"], "serials": ["ECG12"], "location": "QA"})
                row, *sold = api.get("/serials", params={"status": "in_stock", "limit": 3}).json()["rows"]
                for code, name in (("C-BJ", "北京远景医疗器械有限公司"), ("C-SH", "Shanghai Harbour Clinics")):
                    api.post("/customers", json={"code": code, "name": name}).raise_for_status()
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
                for lang, unit in zip(("en", "zh"), sold, strict=True):
                    shoot(server, browser, lang, po, row["serial"], row["location"], unit["serial"], pairs_po)
                browser.close()
        finally:
            server.stop()


if __name__ == "__main__":
    main()
