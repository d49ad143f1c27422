"""The pairing page a phone opens from the desktop's QR code, in Debian's Chromium at phone size, against a real server."""

from __future__ import annotations

import pytest

from snapp.services import devices
from tests.conftest import ADMIN_PASSWORD
from tests.web.conftest import PHONE

FINGERPRINT = ":".join(["AB", "12"] * 16)


def phone_page(browser, locale: str):
    return browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale=locale).new_page()


@pytest.fixture
def phone(browser):  # not logged in: the page a phone opens from the QR code, in Chinese
    return phone_page(browser, "zh-CN")


def test_a_phone_pairs_from_the_link_keeps_its_secret_and_logs_in_with_it(server, ctx, phone, tmp_path):
    offer = devices.new_pairing_code(ctx)
    link = devices.pair_url(server.url, FINGERPRINT, offer.code)
    phone.goto(link)
    assert phone.locator("#fingerprint").inner_text() == FINGERPRINT
    assert phone.locator("h1").inner_text() == "将此设备与 SNApp 配对"
    assert "code=" not in phone.url  # the one-time code leaves the address bar and the history
    assert phone.locator("#pairButton").bounding_box()["height"] >= 48  # a thumb's target
    phone.fill("#deviceName", "收货 PDA 1")
    phone.screenshot(path=str(tmp_path / "pair-zh.png"))
    phone.tap("#pairButton")
    phone.wait_for_url(server.url + "/floor/")

    secret = phone.evaluate("localStorage.getItem('snapp.device')")
    assert secret.startswith("snd_")
    [device] = devices.list_devices(ctx)
    assert device.name == "收货 PDA 1"
    with server.client(**{"X-SNApp-Device": secret}) as same_phone:
        login = same_phone.post("/session", json={"name": "admin", "password": ADMIN_PASSWORD})
    assert login.status_code == 200 and login.json()["device"] == device.id

    # The same link again (a second phone photographing the screen): refused, in the phone's language.
    phone.goto(link)
    phone.tap("#pairButton")
    status = phone.locator("#status.error")
    status.wait_for()
    assert "已使用" in status.inner_text()
    assert phone.evaluate("localStorage.getItem('snapp.device')") == secret  # the first pairing is kept
    assert len(devices.list_devices(ctx)) == 1


def test_the_page_speaks_english_and_says_why_a_code_is_refused(server, browser, tmp_path):
    page = phone_page(browser, "en-GB")
    page.goto(devices.pair_url(server.url, FINGERPRINT, "WRONG-CODE0"))
    assert page.locator("h1").inner_text() == "Pair this device with SNApp"
    page.tap("#pairButton")
    page.locator("#status.error").wait_for()
    assert "unknown, already used or expired" in page.locator("#status").inner_text()
    assert page.evaluate("localStorage.getItem('snapp.device')") is None
    page.screenshot(path=str(tmp_path / "pair-en.png"))
