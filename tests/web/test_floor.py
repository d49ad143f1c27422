"""The floor client on a phone: log in, receive by wedge scanner, look up and move, count, and work offline."""

from __future__ import annotations

from decimal import Decimal

import pytest

from snapp.services import purchasing
from tests.web.conftest import percentiles, wedge

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
