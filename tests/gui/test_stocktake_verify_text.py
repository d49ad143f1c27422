"""Verify, on screen: the label's human-readable line and a GS1 code with a wrong GTIN check digit, typed or scanned
as they are printed."""

from __future__ import annotations

import pytest

from snapp.domain.capture import scans
from snapp.gui.views.verify import VerifyView
from snapp.services import receiving
from tests.gui.conftest import Screen
from tests.gui.test_verify_screen import GTIN, key_in, verdict

WRONG_CHECK = GTIN[:-1] + str((int(GTIN[-1]) + 1) % 10)  # 09506000134353: one digit off


@pytest.fixture
def verify_screen(qtbot, ctx, company, settings):
    receiving.receive(ctx, company.number, "LAP", [scans(["PF00000010"])], location="WH-A")
    return Screen(qtbot, ctx, settings, VerifyView)


def test_the_labels_human_readable_line_names_the_unit(verify_screen):
    s, view = verify_screen, verify_screen.view
    key_in(s.qtbot, view.form.scanEdit, f"(01){GTIN}(21)PF00000010")
    s.settle()
    assert verdict(view) == ("In stock — genuine", "green")
    assert view.form.cardBox.isVisible() and view.form.cardBox.title() == "PF00000010"
    assert view.recent.rows[0].verdict == "in_stock"


def test_the_human_readable_line_of_a_serial_we_do_not_have(verify_screen):
    s, view = verify_screen, verify_screen.view
    key_in(s.qtbot, view.form.scanEdit, f"(01){GTIN}(21)PF00000099")
    s.settle()
    assert verdict(view) == ("Unknown serial — not in SNApp", "red")
    assert "PF00000099" in view.form.messageLabel.text() and not view.form.cardBox.isVisible()


@pytest.mark.parametrize(
    "code",
    [f"]d201{WRONG_CHECK}21PF00000010", f"01{WRONG_CHECK}21PF00000010", f"(01){WRONG_CHECK}(21)PF00000010"],
    ids=["datamatrix", "bare element string", "human-readable line"],
)
def test_a_wrong_gtin_check_digit_is_malformed_not_unknown(verify_screen, code):
    s, view = verify_screen, verify_screen.view
    key_in(s.qtbot, view.form.scanEdit, code)
    s.settle()
    assert verdict(view) == ("Cannot read the code", "red")
    assert "check digit" in view.form.messageLabel.text()
    assert view.recent.rows[0].verdict == "malformed"
