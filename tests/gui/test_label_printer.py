"""The label printer from the desktop: chosen and tested in Settings, and Receiving's Print labels straight to it."""

from __future__ import annotations

from PySide6.QtCore import Qt

from snapp.app.settings import saved_printer
from snapp.gui.views.reports import ReportsView
from snapp.gui.views.settings import SettingsView
from snapp.io.printers import Printer
from snapp.reports.thermal import Language
from tests.gui.conftest import settle
from tests.gui.test_receiving_screen import open_receiving, scan
from tests.printer_jobs import Listener, parse_tspl, parse_zpl


def settings_screen(window):
    window.open_screen(SettingsView)
    return window.view(SettingsView)


def choose(qtbot, view, address: str, language: str, dpi: str, template: str) -> None:
    form = view.form
    form.printerAddressEdit.clear()
    qtbot.keyClicks(form.printerAddressEdit, address)
    form.printerLanguageCombo.setCurrentIndex(form.printerLanguageCombo.findData(language))
    form.printerDpiCombo.setCurrentIndex(form.printerDpiCombo.findData(dpi))
    form.printerTemplateCombo.setCurrentText(template)


def test_a_printer_is_chosen_saved_and_sent_a_test_label_from_settings(qtbot, window, settings):
    view = settings_screen(window)
    printer = Listener()
    try:
        choose(qtbot, view, printer.address, "tspl", "300", "thermal-40x20")
        qtbot.mouseClick(view.form.printerSaveButton, Qt.MouseButton.LeftButton)
        assert view.form.printerResultLabel.text() == f"Saved: labels go to {printer.address}."
        # The command line reads the same file.
        assert saved_printer(path=settings.fileName()) == Printer(printer.address, Language.TSPL, 300, "thermal-40x20")
        qtbot.mouseClick(view.form.printerTestButton, Qt.MouseButton.LeftButton)
        settle(qtbot, window)
        [label] = parse_tspl(printer.job(), 300)
        assert (label.width, label.height) == (472, 236)
        assert [m.data for m in label.marks if m.kind == "code128"] == ["SN2026000000000001"]
        assert view.form.printerResultLabel.text() == f"Test label sent to {printer.address}."
    finally:
        printer.close()


def test_a_printer_that_refuses_or_a_bad_address_is_said_beside_the_button(qtbot, window):
    view = settings_screen(window)
    shown = []
    window.runner.failed.disconnect()
    window.runner.failed.connect(shown.append)
    closed = Listener()
    closed.close()
    choose(qtbot, view, closed.address, "zpl", "203", "thermal-50x30")
    qtbot.mouseClick(view.form.printerTestButton, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert view.form.printerResultLabel.text().startswith(f"the label printer at {closed.address} refused the connection")
    assert "#c62828" in view.form.printerResultLabel.styleSheet() and shown == []
    choose(qtbot, view, "printer one", "zpl", "203", "thermal-50x30")
    qtbot.mouseClick(view.form.printerSaveButton, Qt.MouseButton.LeftButton)
    assert "is not a printer address" in view.form.printerResultLabel.text()
    view.form.printerAddressEdit.clear()
    qtbot.mouseClick(view.form.printerTestButton, Qt.MouseButton.LeftButton)
    assert view.form.printerResultLabel.text() == "Enter the printer's address first."


def test_print_labels_after_a_receipt_goes_straight_to_the_printer(qtbot, window, company):
    printer = Listener()
    try:
        view = settings_screen(window)
        choose(qtbot, view, printer.address, "zpl", "203", "thermal-50x30")
        qtbot.mouseClick(view.form.printerSaveButton, Qt.MouseButton.LeftButton)
        receiving = open_receiving(qtbot, window, company.number)
        scan(qtbot, receiving, "LBL00001", "LBL00002", "LBL00003")
        settle(qtbot, window)
        qtbot.mouseClick(receiving.form.postButton, Qt.MouseButton.LeftButton)
        settle(qtbot, window)
        qtbot.mouseClick(receiving.form.printButton, Qt.MouseButton.LeftButton)
        settle(qtbot, window)
        labels = parse_zpl(printer.job())
        assert [[m.data for m in label.marks if m.kind == "code128"] for label in labels] == [
            ["LBL00001"], ["LBL00002"], ["LBL00003"]
        ]  # fmt: skip
        assert window.form.stack.currentWidget() is receiving  # the clerk stays where the next receipt is scanned
        assert window.statusBar().currentMessage() == f"{receiving.last_receipt}: 3 label(s) sent to {printer.address}"
    finally:
        printer.close()
    # With no printer, the labels are prepared as a PDF, as before.
    view = settings_screen(window)
    view.form.printerAddressEdit.clear()
    qtbot.mouseClick(view.form.printerSaveButton, Qt.MouseButton.LeftButton)
    window.open_screen(type(receiving))
    qtbot.mouseClick(receiving.form.printButton, Qt.MouseButton.LeftButton)
    assert window.form.stack.currentWidget() is window.view(ReportsView)
