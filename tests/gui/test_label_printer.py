"""The label printer from the desktop: chosen and tested in Settings, and Receiving's Print labels straight to it."""

from __future__ import annotations

from PySide6.QtCore import Qt

from snapp.app.settings import saved_printer
from snapp.domain.capture import scans
from snapp.gui.palette import BAD
from snapp.gui.views.labels_documents import LabelsDocumentsView
from snapp.gui.views.settings import SettingsView
from snapp.io.printers import Printer
from snapp.reports.thermal import Language
from snapp.services import receiving
from tests.gui.conftest import settle
from tests.gui.test_receiving_screen import open_receiving, scan
from tests.printer_jobs import Listener, parse_tspl, parse_zpl, refused_address


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
    refused = refused_address()
    choose(qtbot, view, refused, "zpl", "203", "thermal-50x30")
    qtbot.mouseClick(view.form.printerTestButton, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert view.form.printerResultLabel.text().startswith(f"the label printer at {refused} refused the connection")
    assert BAD.text in view.form.printerResultLabel.styleSheet() and shown == []
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
        assert window.statusBar().currentMessage() == f"3 label(s) sent to {printer.address}"
    finally:
        printer.close()
    # With no printer, the labels are prepared as a PDF, as before.
    view = settings_screen(window)
    view.form.printerAddressEdit.clear()
    qtbot.mouseClick(view.form.printerSaveButton, Qt.MouseButton.LeftButton)
    window.open_screen(type(receiving))
    qtbot.mouseClick(receiving.form.printButton, Qt.MouseButton.LeftButton)
    assert window.form.stack.currentWidget() is window.view(LabelsDocumentsView)


def test_a_pdf_prints_through_the_print_dialogs_printer_and_no_viewer_is_said(qtbot, window, company, tmp_path, monkeypatch):
    import pypdfium2
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtPrintSupport import QPrinter

    from snapp.gui.printing import print_pages

    window.open_screen(LabelsDocumentsView)
    screen = window.view(LabelsDocumentsView)
    screen.form.folderEdit.setText(str(tmp_path))
    assert not screen.form.printPdfButton.isEnabled()
    qtbot.keyClicks(screen.form.poEdit, company.number)
    qtbot.mouseClick(screen.form.poButton, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert screen.form.printPdfButton.isEnabled()

    # What the dialog hands over is a QPrinter; one that writes a file stands for the chosen printer.
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert print_pages(printer, screen.last) == 1
    printed = pypdfium2.PdfDocument(str(tmp_path / "printed.pdf"))
    image = printed[0].render(scale=0.5).to_pil().convert("L")
    assert len(printed) == 1 and image.getextrema()[0] < 64  # ink on the page
    printed.close()

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: False))  # a computer with no PDF viewer
    qtbot.mouseClick(screen.form.openButton, Qt.MouseButton.LeftButton)
    assert screen.form.resultLabel.text() == f"No program on this computer opens PDFs. The file is {screen.last}"


def test_labels_from_the_labels_screen_to_the_printer(qtbot, window, ctx, company):
    receipt = receiving.receive(ctx, company.number, "LAP", [scans(["LAP00001", "LAP00002"])], location="WH-A")
    window.open_screen(LabelsDocumentsView)
    screen = window.view(LabelsDocumentsView)
    screen.form.sourceEdit.setText(receipt.number)
    qtbot.mouseClick(screen.form.labelPrinterButton, Qt.MouseButton.LeftButton)
    assert screen.form.resultLabel.text() == "No label printer is set: choose one in Settings."
    printer = Listener()
    try:
        view = settings_screen(window)
        choose(qtbot, view, printer.address, "tspl", "203", "thermal-60x40")
        qtbot.mouseClick(view.form.printerSaveButton, Qt.MouseButton.LeftButton)
        window.open_screen(LabelsDocumentsView)
        qtbot.mouseClick(screen.form.labelPrinterButton, Qt.MouseButton.LeftButton)
        settle(qtbot, window)
        assert len(parse_tspl(printer.job(), 203)) == 2
        assert screen.form.resultLabel.text() == f"2 label(s) sent to {printer.address}"
    finally:
        printer.close()
