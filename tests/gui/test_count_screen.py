"""The Stocktake screen on its own: start a count, scan the shelf, import a file, close, filter the report, apply."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from snapp.domain.capture import scans
from snapp.gui.views.count import AGAIN, COUNTED, REFUSED, CountView
from snapp.services import exceptions, lifecycle, lookup, receiving, stocktake
from tests.gui.conftest import Screen
from tests.gui.test_verify_screen import GTIN, key_in


@pytest.fixture
def shelves(ctx, company):
    """WH-A should hold AA0001..AA0005; BB0001 and BB0002 sit in WH-B; SHIP01 was shipped."""
    receiving.receive(ctx, company.number, "LAP", [scans([f"AA000{i}" for i in range(1, 6)] + ["SHIP01"])], location="WH-A")
    receiving.receive(ctx, company.number, "LAP", [scans(["BB0001", "BB0002"])], location="WH-B")
    lifecycle.move(ctx, "ship", ["SHIP01"], ref="DN-1")


@pytest.fixture
def count_screen(qtbot, ctx, company, settings):
    return Screen(qtbot, ctx, settings, CountView)


def answer_next_question(button=QMessageBox.StandardButton.Yes) -> None:
    """Click ``button`` in the question box about to open, as the user would."""

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox), box
        box.button(button).click()

    QTimer.singleShot(0, answer)


def where(ctx, serial: str) -> tuple[str, str | None]:
    [card] = lookup.find_serial(ctx, serial)
    return card.status, card.location


def test_a_count_from_start_to_apply(count_screen, ctx, shelves, tmp_path, monkeypatch):
    s, view = count_screen, count_screen.view
    form = view.form
    form.locationCombo.setCurrentIndex(form.locationCombo.findData("WH-A"))
    s.qtbot.mouseClick(form.startButton, Qt.MouseButton.LeftButton)
    s.settle()
    [count] = stocktake.list_counts(ctx)
    assert view.number == count.number and count.location == "WH-A"
    assert form.scanEdit.isEnabled() and form.scanEdit.hasFocus()
    assert form.countLabel.text().startswith(f"{count.number} — WH-A — Open")

    for code in ("AA0001", f"]d201{GTIN}21AA0002", "AA0003", "AA0001", "BB0001", "SHIP01", "GHOST-9", "AA#0004", "aa0003"):
        key_in(s.qtbot, form.scanEdit, code)
    s.settle()
    assert [(e.scanned, e.state) for e in view.entries] == [
        ("AA0001", COUNTED), (f"]d201{GTIN}21AA0002", COUNTED), ("AA0003", COUNTED), ("AA0001", AGAIN),
        ("BB0001", COUNTED), ("SHIP01", COUNTED), ("GHOST-9", COUNTED), ("AA#0004", REFUSED), ("aa0003", AGAIN),
    ]  # fmt: skip
    assert view.entries[7].message == "characters not allowed in a serial: '#' (U+0023)"
    assert form.lastLabel.text() == "aa0003: already counted: scanned again"
    assert view.current.units_scanned == 6  # the list of counts follows

    # The rest of the shelf comes from a scanner's memory, exported as CSV.
    scans_file = tmp_path / "shelf.csv"
    scans_file.write_text("serial\nAA0005\nAA 0006\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(scans_file), ""))  # the user's choice
    s.qtbot.mouseClick(form.importButton, Qt.MouseButton.LeftButton)
    s.settle()
    assert [(e.scanned, e.state) for e in view.entries[-2:]] == [("shelf.csv, row 3: AA 0006", REFUSED), ("shelf.csv", REFUSED)]
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
    assert form.resultLabel.text().startswith(f"Count {count.number} applied: 1 moved here, 0 found again, 1 marked lost.")
    assert "SHIP01 (Shipped)" in form.resultLabel.text()
    assert "Applied to the books by admin" in form.figuresLabel.text()
    assert not form.applyButton.isEnabled()
    still_open = {case.subject for case in exceptions.list_exceptions(ctx, kind="stocktake")}
    assert still_open == {"GHOST-9"}  # the applied units' cases are resolved; the unknown one waits for a person


def test_a_count_closed_on_another_pc_refuses_further_scans(count_screen, ctx, shelves):
    s, view = count_screen, count_screen.view
    count = stocktake.start_count(ctx, None)
    view.refresh()
    s.settle()
    assert view.number == count.number
    assert view.form.countLabel.text().startswith(f"{count.number} — every location — Open")
    stocktake.close_count(ctx, count.number)  # another PC
    key_in(s.qtbot, view.form.scanEdit, "AA0001")
    key_in(s.qtbot, view.form.scanEdit, "AA0002")
    s.settle()
    refused = f"count {count.number} is Closed; scans go into an open count only"
    assert [(e.scanned, e.state, e.message) for e in view.entries] == [
        ("AA0001", REFUSED, refused), ("AA0002", REFUSED, refused),
    ]  # fmt: skip
    assert not view.form.scanEdit.isEnabled()  # the list of counts caught up
