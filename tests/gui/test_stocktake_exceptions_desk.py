"""A stocktake's one case of missing units on the Exceptions screen: listed whole, fitting the screen, resolved with a note."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog

from snapp.domain.capture import scans
from snapp.gui.views.exceptions import ExceptionsView
from snapp.services import exceptions, purchasing, receiving, stocktake
from tests.gui.conftest import Screen

SHELF = [f"PF{i:08d}" for i in range(1, 1201)]


def test_a_stocktake_of_a_full_shelf_stopped_early_is_one_case_that_fits_the_screen(qtbot, ctx, company, settings):
    po = purchasing.approve_po(ctx, purchasing.create_po(ctx, "ACME", [purchasing.LineSpec("LAP", 1200, Decimal("1"))]).number)
    receiving.receive(ctx, po.number, "LAP", [scans(SHELF)], location="WH-A")
    count = stocktake.start_stocktake(ctx, "WH-A").number
    stocktake.scan(ctx, count, [scans(SHELF[:4])])
    stocktake.close_stocktake(ctx, count)

    s = Screen(qtbot, ctx, settings, ExceptionsView)
    view, form = s.view, s.view.form
    assert [(row.subject, row.ref) for row in view.model.rows] == [("1,196 units missing", count)]
    form.tableView.selectRow(0)
    shown = form.detailValue.toPlainText()
    assert shown.startswith(f"1,196 units missing (ref {count}): stocktake {count}: 1,196 units expected, not scanned — "
                            "In stock at WH-A, LAP: PF00000005, PF00000006")  # fmt: skip
    assert shown.endswith("PF00001004; and 196 more (the stocktake's report lists every one)")
    # The list scrolls inside its box: the table of cases keeps its room on a 1366×768 screen.
    assert form.detailValue.height() <= 96 and form.tableView.height() > 200
    assert form.detailValue.verticalScrollBar().maximum() > 0

    asked = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QInputDialog), dialog
        asked.append((dialog.labelText(), dialog.sizeHint().width()))
        dialog.setTextValue("Recounted the whole shelf the next morning: all there")
        dialog.accept()

    QTimer.singleShot(0, answer)
    qtbot.mouseClick(form.resolveButton, Qt.MouseButton.LeftButton)
    s.settle()
    [(question, width)] = asked
    assert question == f"stocktake {count}: 1,196 units expected, not scanned\n\nHow was it resolved?"
    assert width < 1000
    [case] = exceptions.list_exceptions(ctx, "resolved")
    assert case.resolution == "Recounted the whole shelf the next morning: all there"
