"""Receiving on a phone (390×844) when the item's IMEI is scanned after each serial: the page says which scan is due,
shows each pair, refuses with the core's reasons, undoes a half pair, and posts the pairs all or nothing; a returned
unit's card says the day its answer was promised, and "overdue" once it has gone by, in English and Chinese."""

from __future__ import annotations

import datetime as dt

import pytest

from snapp.domain.aftersales import Party
from snapp.domain.capture import scans
from snapp.domain.fields import FieldDef
from snapp.domain.lifecycle import Action
from snapp.services import aftersales, customers, fields, lifecycle, receiving
from tests.integration.snapp_testkit import execute
from tests.web.conftest import log_in, wedge

pytestmark = pytest.mark.slow

TALL_PHONE = {"width": 390, "height": 844}
IMEIS = ["356938035643809", "356938035643817", "356938035643825"]


@pytest.fixture
def tall_phone(browser, server):
    def open_page(locale: str = "en-US"):
        context = browser.new_context(viewport=TALL_PHONE, is_mobile=True, has_touch=True, locale=locale,
                                      base_url=server.url)  # fmt: skip
        page = context.new_page()
        log_in(page)
        return page

    return open_page


def expecting(page) -> str:
    return page.locator("#expect").inner_text()


def scan(page, code: str, rows: int) -> str:
    """One wedge scan; the verdict box's kind once the ``rows``-th row is judged."""
    wedge(page, code)
    page.wait_for_function(f"!document.querySelector('#receive-list li.wait') && document.querySelectorAll('#receive-list li').length === {rows}")
    return page.locator("[data-verdict=receive]").get_attribute("data-kind")


def said(page) -> str:
    return page.locator("[data-verdict=receive]").inner_text()


def test_serial_then_imei_unit_by_unit_refused_undone_and_posted(tall_phone, server, ctx, company):
    fields.define_field(ctx, "LAP", FieldDef("IMEI", unique="all", pattern=r"\d{15}", scanned=True))
    receiving.receive(ctx, company.number, "LAP", [], paired=["OLD00001", IMEIS[2]], location="WH-A")
    page = tall_phone()
    page.click("a[href='#receive']")
    page.wait_for_selector(f"#po option[value='{company.number}']", state="attached")
    page.select_option("#po", company.number)
    page.select_option("#line", "1")
    page.wait_for_function("document.activeElement.dataset.scan === 'receive'")
    assert expecting(page) == "Scan a serial (then its IMEI)"

    assert scan(page, "PAIR0001", 1) == "ok"
    assert expecting(page) == "Scan the IMEI of PAIR0001"
    assert scan(page, IMEIS[0], 2) == "ok"
    assert expecting(page) == "Scan a serial (then its IMEI)"
    rows = page.locator("#receive-list li").all_inner_texts()  # the newest first
    assert rows == [f"{IMEIS[0]} — IMEI of PAIR0001", f"PAIR0001 — OK · IMEI {IMEIS[0]}"]

    assert scan(page, IMEIS[1], 3) == "bad"  # an IMEI where a serial belongs
    assert "scan each unit's serial first, then its IMEI" in said(page)
    assert scan(page, "PAIR0002", 4) == "ok"
    assert scan(page, "PAIR0003", 5) == "bad"  # a serial where PAIR0002's IMEI belongs
    assert "is no IMEI (pattern \\d{15})" in said(page)
    assert expecting(page) == "Scan the IMEI of PAIR0002"  # still: a refused scan changes nothing
    assert scan(page, IMEIS[0], 6) == "bad"
    assert "IMEI of PAIR0002: appears twice in this delivery (first at scan 2, for PAIR0001)" in said(page)
    assert scan(page, IMEIS[2], 7) == "bad"
    assert "IMEI of PAIR0002: is already on unit OLD00001 of LAP" in said(page)
    assert scan(page, "3569380356", 8) == "bad"  # too short for an IMEI: its pattern
    assert "is no IMEI" in said(page)

    page.click("#post")  # PAIR0002 has no IMEI yet: the server refuses the whole delivery, with the core's reason
    page.wait_for_function("document.querySelector('[data-verdict=receive]').textContent.includes('nothing was received')")
    assert "PAIR0002: has no IMEI scanned after it" in said(page)

    assert scan(page, IMEIS[1], 9) == "ok"
    assert expecting(page) == "Scan a serial (then its IMEI)"
    page.click("#undo")  # the IMEI taken back: PAIR0002 waits for it again
    page.wait_for_function("document.querySelectorAll('#receive-list li').length === 8")
    assert expecting(page) == "Scan the IMEI of PAIR0002"
    assert said(page).startswith(f"Taken back: {IMEIS[1]}")
    for left in (7, 6, 5, 4, 3):  # the refused scans, then PAIR0002 itself: a half pair undone is the unit gone
        page.click("#undo")
        page.wait_for_function(f"document.querySelectorAll('#receive-list li').length === {left}")
    assert expecting(page) == "Scan a serial (then its IMEI)"
    assert page.locator("#accepted").inner_text() == "1"
    assert scan(page, "PAIR0002", 4) == "ok"
    assert scan(page, IMEIS[1], 5) == "ok"

    page.click("#post")
    page.wait_for_function("document.querySelector('[data-verdict=receive]').textContent.includes('2 units received')")
    assert expecting(page) == "Scan a serial (then its IMEI)" and page.locator("#receive-list li").count() == 0
    with server.login() as api:
        for serial, imei in (("PAIR0001", IMEIS[0]), ("PAIR0002", IMEIS[1])):
            [card] = api.get(f"/serials/{serial}").json()
            assert card["fields"] == [["IMEI", imei]]
    page.context.close()


def test_an_item_without_scanned_fields_asks_for_nothing(tall_phone, company):
    page = tall_phone()
    page.click("a[href='#receive']")
    page.wait_for_selector(f"#po option[value='{company.number}']", state="attached")
    page.select_option("#po", company.number)
    page.select_option("#line", "1")
    assert scan(page, "PLAIN0001", 1) == "ok"
    assert page.locator("#expect").is_hidden()
    page.context.close()


def test_a_returned_units_card_shows_its_promised_day_and_overdue(tall_phone, db, ctx, company):
    receiving.receive(ctx, company.number, "LAP", [scans(["BACK0001"])], location="WH-A")
    customers.add_customer(ctx, customers.CustomerRecord("C-BJ", "北京远景医疗器械有限公司"))
    lifecycle.move(ctx, Action.SHIP, ["BACK0001"], ref="DN-1", party=Party(customer="C-BJ"))
    today = dt.date.today()
    aftersales.receive_return(ctx, "BACK0001", rma="RMA-7", customer="C-BJ", reason="dead", promised_on=today)
    for locale, label, late in (("en-US", "Answer promised by", "overdue"), ("zh-CN", "承诺答复日期", "已逾期")):
        page = tall_phone(locale)
        page.click("a[href='#lookup']")
        page.wait_for_function("document.activeElement.dataset.scan === 'lookup'")
        wedge(page, "BACK0001")
        card = page.locator("article.card[data-serial=BACK0001]")
        card.wait_for()
        facts = dict(zip(card.locator("dt").all_inner_texts(), card.locator("dd").all_inner_texts(), strict=True))
        assert facts[label] == today.isoformat()  # due today: not overdue yet
        execute(db, "UPDATE customer_rmas SET promised_on = :d WHERE number = 'RMA-7'", d=today - dt.timedelta(days=3))
        wedge(page, "BACK0001")
        page.wait_for_selector("article.card dd.overdue")
        day = (today - dt.timedelta(days=3)).isoformat()
        assert card.locator("dd.overdue").inner_text() == f"{day} · {late}"
        execute(db, "UPDATE customer_rmas SET promised_on = :d WHERE number = 'RMA-7'", d=today)
        page.context.close()
