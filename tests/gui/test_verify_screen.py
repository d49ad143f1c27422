"""The Verify and Scanner screens on their own, driven by key presses as a keyboard-wedge scanner sends them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QLocale, QSettings, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from snapp.domain.capture import scans
from snapp.domain.scan import GS, ScannerProfile
from snapp.gui.scanner import save_scanner_profile, scanner_profile
from snapp.gui.views.scanner import ScannerView
from snapp.gui.views.verify import PALETTE, VerifyView
from snapp.services import exceptions, lifecycle, receiving
from tests.gui.conftest import Screen

GTIN = "09506000134352"  # the company fixture's LAP


@pytest.fixture
def screen(qtbot, ctx, company, settings):
    def open_screen(view_class) -> Screen:
        return Screen(qtbot, ctx, settings, view_class)

    yield open_screen


@pytest.fixture
def shelf(ctx, company):
    """LAP units ST0001..ST0005 in WH-A; ST0002 shipped."""
    receiving.receive(ctx, company.number, "LAP", [scans([f"ST{i:04d}" for i in range(1, 6)])], location="WH-A")
    lifecycle.move(ctx, "ship", ["ST0002"], ref="DN-77")


def key_in(qtbot, edit, code: str, end=Qt.Key.Key_Return) -> None:
    """Type ``code`` as a scanner does; GS arrives as Ctrl+], a key the test library cannot type by name."""
    for i, part in enumerate(code.split(GS)):
        if i:
            QApplication.sendEvent(edit, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_BracketRight,
                                                   Qt.KeyboardModifier.ControlModifier, GS))  # fmt: skip
        qtbot.keyClicks(edit, part)
    qtbot.keyClick(edit, end)


def verdict(view: VerifyView) -> tuple[str, str]:
    style = view.form.verdictLabel.styleSheet()
    colour = next(name for name, (background, _, _) in PALETTE.items() if f"background: {background}" in style)
    return view.form.verdictLabel.text(), colour


def test_each_verdict_in_its_colour_with_the_unit_card(screen, ctx, shelf):
    s = screen(VerifyView)
    view = s.view
    key_in(s.qtbot, view.form.scanEdit, "ST0001")
    s.settle()
    assert verdict(view) == ("In stock — genuine", "green")
    assert "genuine and in stock at WH-A" in view.form.messageLabel.text()
    assert view.form.cardBox.title() == "ST0001"
    assert view.form.statusValue.text() == "In stock" and view.form.locationValue.text() == "WH-A"
    assert view.form.supplierValue.text() == "ACME"
    assert view.form.scanEdit.hasFocus() and view.form.scanEdit.text() == ""

    key_in(s.qtbot, view.form.scanEdit, f"]d201{GTIN}21ST0002")
    s.settle()
    assert verdict(view) == ("Reappeared — needs a check", "amber")
    assert view.form.statusValue.text() == "Shipped"
    assert view.form.lastValue.text().startswith("Ship to customer") and "(ref DN-77)" in view.form.lastValue.text()

    for code, words in (("NEVER-SEEN", "Unknown serial"), (f"]d201{GTIN[:-1]}7" "21ST0001", "Cannot read")):
        key_in(s.qtbot, view.form.scanEdit, code)
        s.settle()
        text, colour = verdict(view)
        assert text.startswith(words) and colour == "red"
        assert "counterfeit" not in (text + view.form.messageLabel.text()).lower()
        assert view.form.cardBox.isHidden()

    # The history lists all four, newest first; the three failures opened exceptions.
    assert [e.raw for e in view.recent.rows] == [f"]d201{GTIN[:-1]}7" "21ST0001", "NEVER-SEEN", f"]d201{GTIN}21ST0002", "ST0001"]
    assert view.recent.index(0, 3).data() == "Cannot read the code"
    assert len(exceptions.list_exceptions(ctx)) == 3


def test_a_burst_of_scans_gets_every_verdict_in_order(screen, ctx, shelf):
    s = screen(VerifyView)
    codes = ["ST0001", "ST0003", "ghost", "ST0004", "ST0005"] * 4
    for code in codes:
        key_in(s.qtbot, s.view.form.scanEdit, code)
    s.settle()
    assert [e.raw for e in reversed(s.view.recent.rows)] == codes
    assert s.view.form.cardBox.title() == "ST0005"


def test_a_gs1_string_with_029_for_gs_under_that_setting(screen, ctx, shelf, settings):
    scanner = screen(ScannerView).view
    scanner.form.gsCombo.setCurrentIndex(scanner.form.gsCombo.findData("029"))
    scanner.form.gsCombo.activated.emit(scanner.form.gsCombo.currentIndex())
    assert scanner_profile(settings).gs == "029"

    s = screen(VerifyView)
    # (10) batch is variable-length: without the separator the serial would be swallowed into the batch.
    key_in(s.qtbot, s.view.form.scanEdit, f"01{GTIN}10B7029" "21ST0004")
    s.settle()
    assert verdict(s.view) == ("In stock — genuine", "green")
    assert s.view.form.cardBox.title() == "ST0004"


def test_caps_lock_and_ascii_29_typed_as_ctrl_bracket(screen, ctx, shelf):
    s = screen(VerifyView)
    key_in(s.qtbot, s.view.form.scanEdit, f"01{GTIN}10B7{GS}21ST0003")
    s.settle()
    assert s.view.form.cardBox.title() == "ST0003"
    assert s.view.recent.rows[0].raw == f"01{GTIN}10B7{GS}21ST0003"  # QLineEdit alone would have dropped the GS
    assert s.view.recent.index(0, 2).data() == f"01{GTIN}10B7<GS>21ST0003"

    key_in(s.qtbot, s.view.form.scanEdit, f"]D201{GTIN}21st0001")  # ]d2 with Caps Lock on
    s.settle()
    assert verdict(s.view)[1] == "green"
    assert "Caps Lock" in s.view.form.warningsLabel.text() and s.view.form.warningsLabel.isVisible()


def test_a_tab_suffix_ends_a_scan_when_the_scanner_sends_tab(screen, ctx, shelf, settings):
    settings.setValue("scanner/suffix", "\t")
    s = screen(VerifyView)
    key_in(s.qtbot, s.view.form.scanEdit, "ST0001", end=Qt.Key.Key_Tab)
    s.settle()
    assert s.view.form.cardBox.title() == "ST0001"
    assert s.view.form.scanEdit.hasFocus()


def test_the_scanner_test_box_shows_each_character_and_the_reading(screen, settings):
    s = screen(ScannerView)
    form = s.view.form
    key_in(s.qtbot, form.testEdit, f"]d201{GTIN}10B7{GS}21SER9", end=Qt.Key.Key_Tab)
    table = form.charsTable
    shown = [table.item(0, c).text() for c in range(table.columnCount())]
    assert shown[:3] == ["]", "d", "2"] and shown[-1] == "<TAB>"
    assert shown[shown.index("<GS>") - 2: shown.index("<GS>") + 1] == ["B", "7", "<GS>"]
    assert table.item(1, shown.index("<GS>")).text() == "U+001D"
    assert f"GTIN {GTIN}, serial SER9, batch B7" in form.readsLabel.text()
    assert "choose Tab as the suffix" in form.hintLabel.text()
    assert "tick the box above" in form.hintLabel.text()

    # A scanner that sends GS as "^]": the box says so, and choosing it reads the serial.
    key_in(s.qtbot, form.testEdit, f"01{GTIN}10B7^]21SER9")
    assert "cannot read" in form.readsLabel.text() or "may be" in form.readsLabel.text()
    assert "send GS as “^]”" in form.hintLabel.text()
    form.gsCombo.setCurrentIndex(form.gsCombo.findData("^]"))
    form.gsCombo.activated.emit(form.gsCombo.currentIndex())
    assert "serial SER9, batch B7" in form.readsLabel.text() and form.hintLabel.text() == ""
    assert scanner_profile(settings).gs == "^]"


@pytest.mark.parametrize("profile", [ScannerProfile(), ScannerProfile(GS, True, "\t"), ScannerProfile("<GS>", False, "\r"),
                                     ScannerProfile("", True, "\r")])  # fmt: skip
def test_the_scanner_profile_survives_a_restart(tmp_path, profile):
    path = str(tmp_path / "snapp.ini")
    saved = QSettings(path, QSettings.Format.IniFormat)
    save_scanner_profile(saved, profile)
    saved.sync()
    assert scanner_profile(QSettings(path, QSettings.Format.IniFormat)) == profile


def test_the_recent_list_says_each_explanation_in_the_ui_language(screen, ctx, shelf):
    s = screen(VerifyView)
    key_in(s.qtbot, s.view.form.scanEdit, "ST0002")
    s.settle()
    QLocale.setDefault(QLocale("zh_CN"))
    try:
        s.view.activated()
        s.settle()
        assert "发货给客户" in s.view.recent.index(0, 4).data()
    finally:
        QLocale.setDefault(QLocale.c())
    s.view.activated()
    s.settle()
    assert "shipped to a customer" in s.view.recent.index(0, 4).data()
