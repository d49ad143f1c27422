"""After-sales moves from the look-up card on a phone: ship to a customer, take it back under an RMA, inspect it."""

from __future__ import annotations

import pytest

from snapp.domain.capture import scans
from snapp.services import customers, receiving

pytestmark = pytest.mark.slow


@pytest.fixture
def in_stock(ctx, company):
    receiving.receive(ctx, company.number, "LAP", [scans(["SOLD0001"])], location="WH-A")
    customers.add_customer(ctx, customers.CustomerRecord("C-BJ", "北京远景医疗器械有限公司"))
    customers.add_customer(ctx, customers.CustomerRecord("C-SH", "Shanghai Harbour Clinics"))


def look_up(page, serial: str):
    page.wait_for_function("document.activeElement.dataset.scan === 'lookup'")
    page.keyboard.type(serial, delay=5)
    page.keyboard.press("Enter")
    card = page.locator(f"article.card[data-serial={serial}]")
    card.wait_for()
    return card


def said(page) -> str:
    return page.locator("[data-verdict=lookup]").inner_text()


def test_ship_to_a_customer_then_take_it_back_under_an_rma_and_inspect_it(phone, server, in_stock):
    page = phone
    page.click("a[href='#lookup']")
    card = look_up(page, "SOLD0001")
    card.locator("button[data-move=ship]").click()
    form = card.locator("form[data-form=ship]")
    form.locator("select[name=customer]").select_option("C-BJ")
    form.locator("input[name=ref]").fill("DN-2026-0077")
    form.locator("button").click()
    page.wait_for_function("document.querySelector('article.card[data-status=shipped]')")
    assert "Shipped" in said(page)
    card = page.locator("article.card[data-serial=SOLD0001]")
    assert "C-BJ" in card.inner_text() and "DN-2026-0077" in card.inner_text()  # who has it, and the delivery

    card.locator("button[data-move=customer_return]").click()
    form = card.locator("form[data-form=customer_return]")
    assert form.locator("select[name=customer]").input_value() == "C-BJ"  # the customer it was shipped to
    form.locator("input[name=rma]").fill("RMA-88")
    form.locator("input[name=reason]").fill("屏幕不亮")
    form.locator("select[name=customer]").select_option("C-SH")  # the wrong customer: the server refuses
    form.locator("button").click()
    page.wait_for_function("document.querySelector('[data-verdict=lookup]').dataset.kind === 'bad'")
    refusal = said(page)
    assert "C-BJ" in refusal and "C-SH" in refusal, refusal
    form.locator("select[name=customer]").select_option("C-BJ")  # corrected, the same form again
    form.locator("button").click()
    page.wait_for_function("document.querySelector('article.card[data-status=customer_return]')")
    card = page.locator("article.card[data-serial=SOLD0001]")
    assert "RMA-88" in card.inner_text()

    card.locator("button[data-move=accept]").click()  # inspection: back to stock, the RMA closed
    form = card.locator("form[data-form=accept]")
    form.locator("select[name=to]").select_option("WH-B")
    form.locator("button").click()
    page.wait_for_function("document.querySelector('article.card[data-status=in_stock]')")
    with server.login() as api:
        [unit] = api.get("/serials/SOLD0001").json()
        [rma] = api.get("/returns", params={"status": "all"}).json()
    assert [e["action"] for e in unit["history"]] == ["receive", "ship", "customer_return", "accept"]
    assert unit["location"] == "WH-B"
    assert (rma["number"], rma["customer"], rma["status"]) == ("RMA-88", "C-BJ", "resolved")


def test_issue_names_whom_in_chinese_and_a_missing_recipient_is_the_servers_refusal(browser, server, in_stock):
    context = browser.new_context(viewport={"width": 360, "height": 640}, is_mobile=True, has_touch=True, locale="zh-CN",
                                  base_url=server.url)  # fmt: skip
    page = context.new_page()
    from tests.web.conftest import log_in

    log_in(page)
    page.click("a[href='#lookup']")
    card = look_up(page, "SOLD0001")
    card.locator("button[data-move=issue]").click()
    form = card.locator("form[data-form=issue]")
    assert "领用人" in form.inner_text() and "部门" in form.inner_text()
    form.locator("select[name=recipient_kind]").select_option("department")
    form.locator("input[name=recipient]").fill("研发部")
    form.locator("button").click()
    page.wait_for_function("document.querySelector('article.card[data-status=issued]')")
    assert "研发部" in page.locator("article.card").inner_text()
    context.close()
