"""A PDA's scanner profile on the floor client at 360×640: set on the device, undone by the server's decoder."""

from __future__ import annotations

import pytest

from snapp.domain.capture import scans
from snapp.services import receiving

pytestmark = pytest.mark.slow

GTIN = "0109506000134352"


def set_pda_profile(page) -> None:
    """The settings a Zebra-style PDA arrives with: "@" before each code, "#" after, GS as <GS>, ends with Tab."""
    page.click("a[href='#scanner']")
    page.wait_for_selector("#scanner:not([hidden])")
    page.select_option("#scanner-form [name=gs]", "<GS>")
    page.fill("#scanner-form [name=lead]", "@")
    page.fill("#scanner-form [name=trail]", "#")
    page.select_option("#scanner-form [name=suffix]", "\t")
    page.dispatch_event("#scanner-form [name=trail]", "change")
    page.wait_for_function("JSON.parse(localStorage.getItem('snapp.scanner') || '{}').lead === '@'")


def pda(page, code: str) -> None:
    """The PDA's keyboard wedge: its text around the code at 5 ms per character, then Tab."""
    page.keyboard.type(f"@{code}#", delay=5)
    page.keyboard.press("Tab")


def test_the_settings_page_keeps_the_profile_and_its_test_box_reads_with_it(phone, server):
    page = phone
    set_pda_profile(page)
    assert page.evaluate("JSON.parse(localStorage.getItem('snapp.scanner'))") == {
        "gs": "<GS>", "prefix": False, "suffix": "\t", "lead": "@", "trail": "#"}  # fmt: skip
    page.click("input[data-scan=scanner]")
    pda(page, GTIN + "21test0001<GS>10LOT7")
    page.wait_for_function("document.querySelector('[data-verdict=scanner]').dataset.kind === 'ok'")
    said = page.locator("[data-verdict=scanner]").inner_text()
    # What the code says, as the desktop's test box says it (an item's case rule applies when a unit is taken in).
    assert said == "SNApp reads GTIN 09506000134352, serial test0001, batch LOT7", said
    assert page.evaluate("document.activeElement.dataset.scan") == "scanner"  # Tab ended the scan, not the field
    assert page.locator("#scanner-chars ol li").count() == len(f"@{GTIN}21test0001<GS>10LOT7#")
    # The same profile kept after a reload: it lives on the device.
    page.reload()
    page.wait_for_selector("#scanner:not([hidden])")
    assert page.locator("#scanner-form [name=lead]").input_value() == "@"
    assert page.locator("#scanner-form [name=suffix]").input_value() == "\t"


def test_a_pda_burst_with_its_prefix_suffix_and_tab_is_received_whole(phone, server, company):
    page = phone
    set_pda_profile(page)
    page.click("#back")
    page.click("a[href='#receive']")
    page.wait_for_selector(f"#po option[value='{company.number}']", state="attached")
    page.select_option("#po", company.number)
    page.select_option("#line", "1")
    page.wait_for_function("document.activeElement.dataset.scan === 'receive'")
    serials = [f"PDA{i:05d}" for i in range(40)]
    for n, serial in enumerate(serials):
        # every fourth as the GS1 DataMatrix the label carries, its GS typed by the scanner as <GS>
        pda(page, f"{GTIN}21{serial}<GS>10LOT7" if n % 4 == 0 else serial)
    page.wait_for_function(f"document.querySelector('#accepted').textContent === '{len(serials)}'", timeout=60_000)
    page.wait_for_function("!document.querySelector('#receive-list li.wait')")
    assert page.locator("#receive-list li.bad").count() == 0
    assert page.evaluate("document.activeElement.dataset.scan") == "receive"  # Tab kept the focus in the scan field
    shown = page.locator("#receive-list li b").all_inner_texts()
    assert sorted(shown) == serials  # each once: none lost, none doubled, none cut by its prefix or suffix
    page.click("#post")
    page.wait_for_function("document.querySelector('[data-verdict=receive]').textContent.includes('40 units received')")
    with server.login() as api:
        received = api.get("/serials", params={"po": company.number, "limit": 1000}).json()["rows"]
    assert sorted(row["serial"] for row in received) == serials


def test_gs_sent_as_a_literal_token_is_decoded_on_look_up(phone, server, ctx, company):
    receiving.receive(ctx, company.number, "LAP", [scans(["HERE0001"])], location="WH-A")
    page = phone
    page.click("a[href='#scanner']")
    page.select_option("#scanner-form [name=gs]", "<GS>")
    page.wait_for_function("JSON.parse(localStorage.getItem('snapp.scanner') || '{}').gs === '<GS>'")
    page.click("#back")
    page.click("a[href='#lookup']")
    page.wait_for_function("document.activeElement.dataset.scan === 'lookup'")
    page.keyboard.type(f"{GTIN}21here0001<GS>10LOT7", delay=5)  # without the profile the serial would swallow "<GS>10LOT7"
    page.keyboard.press("Enter")
    page.locator("article.card[data-serial=HERE0001]").wait_for()
    assert page.locator("[data-verdict=lookup]").is_hidden()
