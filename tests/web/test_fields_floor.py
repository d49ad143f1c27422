"""The floor client's card lists a unit's custom fields, and a scanned IMEI finds its unit."""

from __future__ import annotations

import pytest

from snapp.domain.fields import FieldDef
from snapp.services import fields, receiving
from tests.web.conftest import wedge

pytestmark = pytest.mark.slow


def test_a_scanned_imei_shows_its_units_card_with_the_field(ctx, company, phone):
    fields.define_field(ctx, "LAP", FieldDef("IMEI", unique="all", pattern=r"\d{15}", scanned=True))
    receiving.receive(ctx, company.number, "LAP", [], paired=["FLOOR001", "356938035643809"], location="WH-A")
    page = phone
    page.click("a[href='#lookup']")
    page.wait_for_function("document.activeElement.dataset.scan === 'lookup'")
    wedge(page, "356938035643809")
    card = page.locator("article.card[data-serial=FLOOR001]")
    card.wait_for()
    assert "IMEI" in card.locator("dt").all_inner_texts()
    assert "356938035643809" in card.locator("dd").all_inner_texts()
