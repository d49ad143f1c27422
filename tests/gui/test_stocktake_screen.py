"""The Stocktake screen on its own: start a stocktake, scan the shelf (each scan judged), import a file, close, filter the
report, export and print it, apply."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMessageBox

from snapp.domain.capture import scans
from snapp.gui.palette import BAD, DOUBTFUL, GOOD
from snapp.gui.views.stocktake import ELSEWHERE, FILE, HERE, NOT_ON_SHELF, REFUSED, TWICE, UNKNOWN, StocktakeView
from snapp.services import exceptions, lifecycle, lookup, receiving, stocktake
from tests.gui.conftest import Screen
from tests.gui.test_columns import cut
from tests.gui.test_verify_screen import GTIN, key_in


@pytest.fixture
def shelves(ctx, company):
    """WH-A should hold AA0001..AA0005; BB0001 and BB0002 sit in WH-B; SHIP01 was shipped."""
    receiving.receive(ctx, company.number, "LAP", [scans([f"AA000{i}" for i in range(1, 6)] + ["SHIP01"])], location="WH-A")
    receiving.receive(ctx, company.number, "LAP", [scans(["BB0001", "BB0002"])], location="WH-B")
    lifecycle.move(ctx, "ship", ["SHIP01"], ref="DN-1")


@pytest.fixture
def stocktake_screen(qtbot, ctx, company, settings):
    return Screen(qtbot, ctx, settings, StocktakeView)


def answer_next_question(button=QMessageBox.StandardButton.Yes, asked: list[str] | None = None) -> None:
    """Click ``button`` in the question box about to open, as the user would; its question added to ``asked``."""

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox), box
        if asked is not None:
            asked.append(box.text())
        box.button(button).click()

    QTimer.singleShot(0, answer)


def where(ctx, serial: str) -> tuple[str, str | None]:
    [card] = lookup.find_serial(ctx, serial)
    return card.status, card.location


def test_a_stocktake_from_start_to_apply(stocktake_screen, ctx, shelves, tmp_path, monkeypatch):
    s, view = stocktake_screen, stocktake_screen.view
    form = view.form
    form.locationCombo.setCurrentIndex(form.locationCombo.findData("WH-A"))
    s.qtbot.mouseClick(form.startButton, Qt.MouseButton.LeftButton)
    s.settle()
    [count] = stocktake.list_stocktakes(ctx)
    assert view.number == count.number and count.location == "WH-A"
    assert form.scanEdit.isEnabled() and form.scanEdit.hasFocus()
    assert form.stocktakeLabel.text().startswith(f"{count.number} — WH-A — Open")

    for code in ("AA0001", f"]d201{GTIN}21AA0002", "AA0003", "AA0001", "BB0001", "SHIP01", "GHOST-9", "AA#0004", "aa0003"):
        key_in(s.qtbot, form.scanEdit, code)
    s.settle()
    assert [(e.scanned, e.state, e.message) for e in view.entries] == [
        ("AA0001", HERE, "AA0001: known here (LAP)"), (f"]d201{GTIN}21AA0002", HERE, "AA0002: known here (LAP)"),
        ("AA0003", HERE, "AA0003: known here (LAP)"), ("AA0001", TWICE, "AA0001: scanned 2 times"),
        ("BB0001", ELSEWHERE, "BB0001: belongs in WH-B"), ("SHIP01", NOT_ON_SHELF, "SHIP01: not on a shelf (Shipped)"),
        ("GHOST-9", UNKNOWN, "GHOST-9: unknown serial"),
        ("AA#0004", REFUSED, "characters not allowed in a serial: '#' (U+0023)"),
        ("aa0003", TWICE, "AA0003: scanned 2 times"),
    ]  # fmt: skip
    # The colour a person sees: never green for a unit that is not known here.
    colours = [view.log.index(row, 2).data(Qt.ItemDataRole.ForegroundRole).name() for row in range(len(view.entries))]
    good, doubtful, bad = GOOD.text, DOUBTFUL.text, BAD.text
    assert colours == [good, good, good, doubtful, doubtful, bad, bad, bad, doubtful]
    assert [view.log.index(row, 2).data() for row in (4, 5, 6)] == ["Belongs elsewhere", "Not on a shelf", "Unknown serial"]
    assert cut(form.scanView, [0, 2]) == []  # the verdicts are read whole
    assert form.lastLabel.text() == "AA0003: scanned 2 times"
    tally = form.tallyLabel.text()
    assert ">Known here <b>3</b>" in tally and ">Belongs elsewhere <b>1</b>" in tally and ">Refused <b>1</b>" in tally
    assert ">Scanned twice <b>2</b>" in tally and ">Unknown serial <b>1</b>" in tally and ">Not on a shelf <b>1</b>" in tally
    assert view.current.units_scanned == 6  # the list of counts follows

    # The rest of the shelf comes from a scanner's memory, exported as CSV.
    scans_file = tmp_path / "shelf.csv"
    scans_file.write_text("serial\nAA0005\nAA 0006\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(scans_file), ""))  # the user's choice
    s.qtbot.mouseClick(form.importButton, Qt.MouseButton.LeftButton)
    s.settle()
    assert [(e.scanned, e.state) for e in view.entries[-2:]] == [("shelf.csv, row 3: AA 0006", REFUSED), ("shelf.csv", FILE)]
    assert view.entries[-1].message == "1 scans counted (0 repeated a unit already counted), 1 refused"

    answer_next_question()
    s.qtbot.mouseClick(form.closeButton, Qt.MouseButton.LeftButton)
    s.settle()
    assert form.tabs.currentWidget() is form.reportTab
    assert not form.scanEdit.isEnabled() and form.applyButton.isEnabled()
    assert form.figuresLabel.text() == (
        "Matched 4 · Missing 1 · Unexpected 2 · Unknown 1 · Scanned twice 2 · Accuracy 57.1%"
    )

    def shown() -> list[tuple[str, ...]]:
        model = view.report_rows
        return [tuple(model.index(r, c).data() for c in (0, 1, 3, 4)) for r in range(model.rowCount())]

    # Everything, the discrepancies first; then the discrepancies only.
    assert shown() == [
        ("Missing", "AA0004", "In stock", "WH-A"), ("Unexpected", "BB0001", "In stock", "WH-B"),
        ("Unexpected", "SHIP01", "Shipped", ""), ("Unknown", "GHOST-9", "", ""), ("Matched", "AA0001", "In stock", "WH-A"),
        ("Matched", "AA0002", "In stock", "WH-A"), ("Matched", "AA0003", "In stock", "WH-A"),
        ("Matched", "AA0005", "In stock", "WH-A"),
    ]  # fmt: skip
    form.filterCombo.setCurrentIndex(form.filterCombo.findData("discrepancies"))
    assert [row[1] for row in shown()] == ["AA0004", "BB0001", "SHIP01", "GHOST-9"]
    form.filterCombo.setCurrentIndex(form.filterCombo.findData("unexpected"))
    assert shown() == [("Unexpected", "BB0001", "In stock", "WH-B"), ("Unexpected", "SHIP01", "Shipped", "")]
    form.filterCombo.setCurrentIndex(form.filterCombo.findData("missing"))
    assert shown() == [("Missing", "AA0004", "In stock", "WH-A")]
    form.filterCombo.setCurrentIndex(form.filterCombo.findData("scanned_twice"))
    assert [row[1] for row in shown()] == ["AA0001", "AA0003"]
    form.filterCombo.setCurrentIndex(0)
    assert len(shown()) == 8

    answer_next_question(QMessageBox.StandardButton.No)  # changed their mind: nothing happens
    s.qtbot.mouseClick(form.applyButton, Qt.MouseButton.LeftButton)
    s.settle()
    assert where(ctx, "AA0004") == ("in_stock", "WH-A")

    answer_next_question()
    s.qtbot.mouseClick(form.applyButton, Qt.MouseButton.LeftButton)
    s.settle()
    assert where(ctx, "BB0001") == ("in_stock", "WH-A")
    assert where(ctx, "AA0004") == ("lost", None)
    assert form.resultLabel.text().startswith(f"Stocktake {count.number} applied: 1 moved here, 0 found again, 1 marked lost.")
    assert "SHIP01 (Shipped)" in form.resultLabel.text()
    assert "Applied to the books by admin" in form.figuresLabel.text()
    assert not form.applyButton.isEnabled()
    still_open = {case.subject for case in exceptions.list_exceptions(ctx, kind="stocktake")}
    assert still_open == {"GHOST-9"}  # the applied units' cases are resolved; the unknown one waits for a person


def test_a_stocktake_closed_on_another_pc_refuses_further_scans(stocktake_screen, ctx, shelves):
    s, view = stocktake_screen, stocktake_screen.view
    count = stocktake.start_stocktake(ctx, None)
    view.refresh()
    s.settle()
    assert view.number == count.number
    assert view.form.stocktakeLabel.text().startswith(f"{count.number} — every location — Open")
    stocktake.close_stocktake(ctx, count.number)  # another PC
    key_in(s.qtbot, view.form.scanEdit, "AA0001")
    key_in(s.qtbot, view.form.scanEdit, "AA0002")
    s.settle()
    refused = f"stocktake {count.number} is Closed; scans go into an open stocktake only"
    assert [(e.scanned, e.state, e.message) for e in view.entries] == [
        ("AA0001", REFUSED, refused), ("AA0002", REFUSED, refused),
    ]  # fmt: skip
    assert not view.form.scanEdit.isEnabled()  # the list of counts caught up


def test_the_report_goes_to_excel_and_to_the_printer_as_listed(stocktake_screen, ctx, shelves, tmp_path, monkeypatch):
    from PySide6.QtPrintSupport import QPrintDialog

    from tests.pdfkit import flat, text

    s, view = stocktake_screen, stocktake_screen.view
    form = view.form
    count = stocktake.start_stocktake(ctx, "WH-A")
    stocktake.scan(ctx, count.number, [scans(["AA0001", "AA0002", "BB0001", "GHOST-9"])])
    stocktake.close_stocktake(ctx, count.number)
    view.refresh()
    s.settle()
    assert form.tabs.currentWidget() is form.reportTab and form.exportButton.isEnabled() and form.printButton.isEnabled()
    form.filterCombo.setCurrentIndex(form.filterCombo.findData("discrepancies"))

    chosen = {"xlsx": tmp_path / "count.xlsx", "pdf": tmp_path / "count.pdf"}
    proposed = []

    def save_as(_parent, _title, name, _kinds):
        proposed.append(Path(name).name)
        return str(chosen[name.rsplit(".", 1)[1]]), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)  # the user's choice
    s.qtbot.mouseClick(form.exportButton, Qt.MouseButton.LeftButton)
    s.settle()
    sheet = openpyxl.load_workbook(chosen["xlsx"])["Stocktake"]
    assert [row[:2] for row in sheet.iter_rows(values_only=True)] == [
        ("Outcome", "Serial"), ("Missing", "AA0003"), ("Missing", "AA0004"), ("Missing", "AA0005"),
        ("Unexpected", "BB0001"), ("Unknown", "GHOST-9"),
    ]  # fmt: skip
    assert form.resultLabel.text() == f"5 unit(s) written to {chosen['xlsx']}"

    dialogs = []

    def cancel_the_print_dialog() -> None:  # once the PDF is written, the print dialog opens: the user cancels it
        if isinstance(dialog := QApplication.activeModalWidget(), QPrintDialog):
            dialogs.append(dialog.printer().docName())
            dialog.reject()

    watch = QTimer(interval=50, timeout=cancel_the_print_dialog)
    watch.start()
    s.qtbot.mouseClick(form.printButton, Qt.MouseButton.LeftButton)
    s.qtbot.waitUntil(lambda: bool(dialogs), timeout=10_000)
    watch.stop()
    s.settle()
    assert dialogs == ["count.pdf"]  # the system print dialog, on the PDF just kept
    assert proposed == [f"{count.number}.xlsx", f"{count.number}.pdf"]
    assert form.resultLabel.text() == f"1 page(s) written to {chosen['pdf']}"
    page = flat(text(chosen["pdf"])[0])
    assert "Discrepancies (5)" in page and "Unknown GHOST-9" in page
    assert "2 matched units are left out of this print (discrepancies only)." in page and "AA0001" not in page


def test_a_closed_stocktakes_scan_tab_points_to_its_report(stocktake_screen, ctx, shelves):
    s, view = stocktake_screen, stocktake_screen.view
    number = stocktake.start_stocktake(ctx, "WH-A").number
    stocktake.scan(ctx, number, [scans(["AA0001"])])
    stocktake.close_stocktake(ctx, number)
    view.refresh()
    s.settle()
    view.form.stocktakesView.selectRow(0)
    s.settle()
    view.form.tabs.setCurrentWidget(view.form.scanTab)  # the clerk looks for the scans there
    [hint] = view.form.scanView.viewport().findChildren(QLabel, "emptyHint")
    assert hint.isVisible() and hint.text() == "This stocktake is closed: its outcome is on the Report tab."
