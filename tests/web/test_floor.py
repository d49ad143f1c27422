"""The floor client on a phone: log in, receive by wedge scanner, look up and move, count, and work offline."""

from __future__ import annotations

from decimal import Decimal

import pytest
import zxingcpp
from PIL import Image

from snapp.domain.capture import scans
from snapp.domain.lifecycle import Action
from snapp.services import devices, lifecycle, purchasing, receiving
from tests.web.conftest import PHONE, chromium, log_in, percentiles, wedge

pytestmark = pytest.mark.slow


@pytest.fixture
def big_po(ctx):
    po = purchasing.create_po(ctx, "ACME", [purchasing.LineSpec("LAP", 300, Decimal("10.00"))])
    return purchasing.approve_po(ctx, po.number).number


def open_receiving(page, po: str) -> None:
    page.click("a[href='#receive']")
    page.wait_for_selector(f"#po option[value='{po}']", state="attached")
    page.select_option("#po", po)
    page.select_option("#line", "1")
    page.wait_for_function("document.activeElement.dataset.scan === 'receive'")


def test_receive_200_by_wedge_none_lost_or_doubled(phone, server, big_po, capsys):
    page = phone
    open_receiving(page, big_po)
    serials = [f"FLOOR{i:05d}" for i in range(200)]
    for serial in serials:
        wedge(page, serial)
    wedge(page, "ab")  # too short for the item's rule: refused with its reason
    page.wait_for_function("document.querySelector('#accepted').textContent === '200'", timeout=60_000)
    # The last scan's verdict: it is kept on the device before it is judged, so wait for it rather than read at once.
    page.wait_for_function("document.querySelector('[data-verdict=receive]').dataset.kind === 'bad'", timeout=30_000)
    page.wait_for_function("!document.querySelector('#receive-list li.wait')")
    bad = page.locator("[data-verdict=receive]")
    assert "bad" in bad.get_attribute("class")
    assert "AB" in bad.inner_text() or "ab" in bad.inner_text()
    assert "character" in bad.inner_text().lower()
    page.click("#post")
    page.wait_for_function("document.querySelector('[data-verdict=receive]').textContent.includes('200 units received')")
    with server.login() as api:
        po = api.get(f"/pos/{big_po}").json()
        assert po["lines"][0]["received"] == 200
        for serial in (serials[0], serials[-1]):
            assert len(api.get(f"/serials/{serial}").json()) == 1
    times = page.evaluate("window.snappTimings")
    p50, p95 = percentiles(times)
    with capsys.disabled():
        print(f"\nEnter → verdict over {len(times)} receiving scans: p50 {p50:.1f} ms, p95 {p95:.1f} ms")


@pytest.fixture
def shelves(ctx, company):
    """Units for a count of WH-A: two here, one in WH-B, one shipped."""
    receiving.receive(ctx, company.number, "LAP", [scans(["HERE0001", "HERE0002", "SHIP0001"])], location="WH-A")
    receiving.receive(ctx, company.number, "LAP", [scans(["AWAY0001"])], location="WH-B")
    lifecycle.move(ctx, Action.SHIP, ["SHIP0001"], ref="SO-1")


def test_lookup_shows_the_card_and_moves_a_unit(phone, server, shelves):
    page = phone
    page.click("a[href='#lookup']")
    page.wait_for_function("document.activeElement.dataset.scan === 'lookup'")
    wedge(page, "0109506000134352" + "21here0001" + "\x1d" + "10LOT7")  # GS1 with its GS: the serial ends at GS
    card = page.locator("article.card[data-serial=HERE0001]")
    card.wait_for()
    text = card.inner_text()
    assert "In stock" in text and "WH-A" in text and "days left" in text and "ACME" in text
    assert card.locator("ol li").count() == 1  # its history: received
    card.locator("button[data-move=transfer]").click()
    card.locator("select[name=to]").select_option("WH-B")
    card.locator("form button").click()
    page.wait_for_function("document.querySelector('[data-verdict=lookup]').textContent.includes('done')")
    page.locator("article.card[data-serial=HERE0001] ol li").nth(1).wait_for()
    with server.login() as api:
        [unit] = api.get("/serials/HERE0001").json()
    assert unit["location"] == "WH-B"
    assert [e["action"] for e in unit["history"]] == ["receive", "transfer"]


def test_stocktake_says_each_of_the_five_outcomes(phone, server, shelves):
    page = phone
    page.click("a[href='#count']")
    page.select_option("#count-location", "WH-A")
    page.click("#start-count")
    page.wait_for_function("document.activeElement.dataset.scan === 'count'")
    expected = [("HERE0001", "here", "ok"), ("AWAY0001", "elsewhere", "warn"), ("NOSUCH01", "unknown", "bad"),
                ("HERE0001", "twiceShort", "warn"), ("SHIP0001", "notOnShelf", "bad")]  # fmt: skip
    for i, (code, _word, kind) in enumerate(expected, start=1):
        wedge(page, code)
        page.wait_for_function(f"document.querySelectorAll('#count-list li:not(.wait)').length === {i}")
        assert page.locator("[data-verdict=count]").get_attribute("data-kind") == kind
    for word in ("here", "elsewhere", "unknown", "twiceShort", "notOnShelf"):
        assert page.locator(f"[data-tally={word}] b").inner_text() == "1", word
    said = page.locator("#count-list").inner_text()
    assert "belongs in WH-B" in said and "unknown serial" in said and "scanned 2 times" in said and "Shipped" in said
    page.click("#close-count")
    page.wait_for_function("document.querySelector('[data-verdict=count]').textContent.includes('closed')")
    verdict = page.locator("[data-verdict=count]").inner_text()
    assert "1 matched, 1 missing, 2 unexpected, 1 unknown" in verdict, verdict


def test_offline_scans_survive_a_reload_and_are_received_once(browser, server, ctx, big_po):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale="en-US", base_url=server.url)
    page = context.new_page()
    sent: list[str | None] = []
    page.on("request", lambda request: sent.append(request.headers.get("x-snapp-device")) if request.url.endswith("/api/v1/session") else None)
    with server.client() as anonymous:  # a phone paired as the desktop's QR code has it do
        paired = anonymous.post("/devices/pair", json={"code": devices.new_pairing_code(ctx).code, "name": "PDA 7"})
    secret = paired.json()["secret"]
    log_in(page, device=secret)  # a paired phone's login carries its device
    assert sent == [secret]
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    open_receiving(page, big_po)
    context.set_offline(True)
    serials = [f"OFF{i:05d}" for i in range(50)]
    for serial in serials:
        wedge(page, serial)
    page.wait_for_function("document.querySelector('#banner').dataset.queued === '50'")
    assert "No network" in page.locator("#banner").inner_text()
    page.reload()
    page.wait_for_selector("#receive:not([hidden])")
    page.wait_for_function("document.querySelector('#banner').dataset.queued === '50'")
    assert page.locator("#receive-list li.wait").count() == 40  # the newest on screen, all 50 kept
    context.set_offline(False)
    page.wait_for_function("document.querySelector('#accepted').textContent === '50'", timeout=30_000)
    page.click("#post")
    page.wait_for_function("document.querySelector('[data-verdict=receive]').textContent.includes('50 units received')")
    with server.login() as api:
        assert api.get(f"/pos/{big_po}").json()["lines"][0]["received"] == 50
        received = api.get("/serials", params={"po": big_po, "limit": 1000}).json()["rows"]
    assert sorted(row["serial"] for row in received) == serials
    context.close()


def barcode_frame(text: str, symbology, size: tuple[int, int] = (480, 240), **options) -> Image.Image:
    """A camera frame: the code drawn by ZXing-C++ in the middle of white paper."""
    drawn = memoryview(zxingcpp.write_barcode_to_image(zxingcpp.create_barcode(text, symbology, **options), scale=2))
    code = Image.frombytes("L", (drawn.shape[1], drawn.shape[0]), bytes(drawn))
    frame = Image.new("L", size, 255)
    frame.paste(code, ((size[0] - code.width) // 2, (size[1] - code.height) // 2))
    return frame


def write_y4m(path, frames: list[Image.Image], fps: int = 10) -> None:
    """Chromium's fake camera reads YUV4MPEG2: a header, then per frame its luma and two flat chroma planes."""
    width, height = frames[0].size
    with open(path, "wb") as out:
        out.write(f"YUV4MPEG2 W{width} H{height} F{fps}:1 Ip A1:1 C420jpeg\n".encode())
        for frame in frames:
            out.write(b"FRAME\n" + frame.tobytes() + bytes([128]) * (width * height // 2))


def test_the_camera_reads_gs1_datamatrix_and_code_128_once_each(playwright, server, shelves, tmp_path):
    """A phone camera (Chromium's fake device playing a video of two labels, over and over) verifies each unit once."""
    gs1 = barcode_frame("(01)09506000134352(21)HERE0001", zxingcpp.BarcodeFormat.DataMatrix, gs1=True)
    code128 = barcode_frame("AWAY0001", zxingcpp.BarcodeFormat.Code128)
    video = tmp_path / "labels.y4m"
    left, _, right, _ = code128.point(lambda v: 255 if v < 128 else 0).getbbox()
    assert left >= 20 and right <= code128.width - 20  # the whole code on the frame, with its quiet zones
    write_y4m(video, [gs1] * 10 + [code128] * 10)
    browser = chromium(playwright, "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                       f"--use-file-for-fake-video-capture={video}")  # fmt: skip
    try:
        context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale="en-US", base_url=server.url)
        page = context.new_page()
        log_in(page)
        page.click("a[href='#verify']")
        page.click("button[data-camera=verify]")
        page.wait_for_function("document.querySelectorAll('#verify-list li.ok').length === 2", timeout=30_000)
        page.wait_for_timeout(4000)  # the video loops: the same labels again are not new units
        rows = page.locator("#verify-list li").all_inner_texts()
    finally:
        browser.close()
    assert len(rows) == 2, rows
    assert {row.split(" — ")[0] for row in rows} == {"HERE0001", "AWAY0001"}


def test_exceptions_are_settled_in_the_browsers_language_and_english_is_a_tap_away(browser, server, company):
    with server.login() as api:  # a refused receipt sends its rejected scan to the exceptions desk
        refused = api.post(f"/pos/{company.number}/receipts", json={"sku": "LAP", "serials": ["x"], "location": "WH-A"})
        assert refused.status_code == 422
        [case] = api.get("/exceptions").json()
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale="zh-CN", base_url=server.url)
    page = context.new_page()
    log_in(page)
    assert page.locator("a[href='#receive']").inner_text() == "收货"
    page.click("a[href='#exceptions']")
    item = page.locator(f"li[data-exception='{case['id']}']")
    item.locator("input[name=resolution]").fill("标签打印错误，已重新扫描")
    item.locator("button").click()
    page.wait_for_function(f"document.querySelector(\"li[data-exception='{case['id']}']\").textContent.includes('已处理')")
    page.click("#lang")
    page.wait_for_function("document.querySelector('#title').textContent === 'Exceptions'")  # re-routed in English
    context.close()
    with server.login() as api:
        [settled] = api.get("/exceptions", params={"status": "all"}).json()
    assert (settled["status"], settled["resolution"]) == ("resolved", "标签打印错误，已重新扫描")
