"""The Recall screen on a recalled batch of an item without serials: its pieces counted in the summary and listed in
the tree (where each lies, who was issued some), blocked and released with the units, the question saying how many
pieces it blocks."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTreeWidget

from snapp.domain.batches import Lot
from snapp.domain.capture import scans
from snapp.gui.views.recall import RecallView
from snapp.services import batches, masterdata, receiving
from tests.gui.conftest import Screen, type_text
from tests.gui.test_screens import answer_next_dialog
from tests.gui.test_receiving_screen import approved_po


def test_a_recalled_batch_is_counted_blocked_and_released_from_the_screen(qtbot, ctx, company, settings):
    masterdata.add_item(ctx, masterdata.ItemRecord("GAUZE", "sterile gauze", tracking="batch", supplier="ACME"))
    po = approved_po(ctx, ("GAUZE", 100))
    expiry = dt.date.today() + dt.timedelta(days=90)
    receiving.receive(ctx, po, "GAUZE", lot=Lot("G7", expiry, 30), location="WH-A")
    receiving.receive(ctx, po, "GAUZE", lot=Lot("G7", expiry, 10), location="WH-B")
    batches.issue(ctx, "GAUZE", 4, to="ward 3")
    s = Screen(qtbot, ctx, settings, RecallView)
    form = s.view.form
    type_text(qtbot, form.batchEdit, "G7")
    qtbot.mouseClick(form.traceButton, Qt.MouseButton.LeftButton)
    s.settle()
    assert form.summaryLabel.text() == "Batches: 36 piece(s) in stock, 0 of them blocked, 4 issued"  # no unit to count
    assert form.blockButton.isEnabled() and not form.releaseButton.isEnabled() and form.pdfButton.isEnabled()
    heading, flows = _quantities(form.unitsTree)
    assert heading == "Batch quantities — 36 piece(s) in stock, 4 issued"
    receipts = [row for row in flows if row[0] == "received — 30 piece(s)" or row[0] == "received — 10 piece(s)"]
    assert len(receipts) == 2 and all(row[1:4] == ["GAUZE sterile gauze", "G7", expiry.isoformat()] for row in receipts)
    assert all(row[4].startswith("GR-") and f"({po})" in row[4] for row in receipts), receipts
    shelves = sorted(row[0] for row in flows if row[0].startswith("in stock"))
    assert shelves == ["in stock · WH-A — 26 piece(s)", "in stock · WH-B — 10 piece(s)"]
    assert [(row[0], row[5]) for row in flows if row[0].startswith("issued")] == [("issued — 4 piece(s)", "ward 3")]

    asked: list[str] = []
    answer_next_dialog("", asked=asked)
    qtbot.mouseClick(form.blockButton, Qt.MouseButton.LeftButton)
    s.settle()
    assert asked[-1].startswith("Block 36 piece(s) of the recalled batches in stock? They cannot be issued until "
                                "released.")  # fmt: skip
    assert form.summaryLabel.text() == "Batches: 36 piece(s) in stock, 36 of them blocked, 4 issued — 36 piece(s) blocked"
    assert [r.blocked for r in batches.stock(ctx, "GAUZE")] == [True, True]
    assert sorted(row[0] for row in _quantities(form.unitsTree)[1] if "stock" in row[0]) == [
        "in stock, blocked · WH-A — 26 piece(s)", "in stock, blocked · WH-B — 10 piece(s)"]
    assert not form.blockButton.isEnabled() and form.releaseButton.isEnabled()

    answer_next_dialog("", asked=asked)
    qtbot.mouseClick(form.releaseButton, Qt.MouseButton.LeftButton)
    s.settle()
    assert asked[-1].startswith("Make 36 blocked piece(s) of the recalled batches issuable again?")
    assert form.summaryLabel.text().endswith("0 of them blocked, 4 issued — 36 piece(s) released")
    assert [r.blocked for r in batches.stock(ctx, "GAUZE")] == [False, False]
    assert QApplication.activeModalWidget() is None

    # A recall of the supplier names its units with serials and its batches: both are counted, blocked, said.
    receiving.receive(ctx, company.number, "LAP", [scans(["LAP00001", "LAP00002"])], location="WH-A")
    form.batchEdit.clear()
    type_text(qtbot, form.supplierEdit, "ACME")
    qtbot.mouseClick(form.traceButton, Qt.MouseButton.LeftButton)
    s.settle()
    assert form.summaryLabel.text() == "2 unit(s) affected; batches: 36 piece(s) in stock, 0 of them blocked, 4 issued"
    answer_next_dialog("", asked=asked)
    qtbot.mouseClick(form.blockButton, Qt.MouseButton.LeftButton)
    s.settle()
    assert asked[-1].startswith("Quarantine 2 unit(s) in stock where they stand?")
    assert "36 piece(s) of the recalled batches in stock are blocked too" in asked[-1]
    assert form.summaryLabel.text().endswith("— 2 unit(s) quarantined, 36 piece(s) blocked")


def _quantities(tree: QTreeWidget) -> tuple[str, list[list[str]]]:
    """The tree's batch-quantities branch: its heading, and each of its rows' columns."""
    [top] = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
             if tree.topLevelItem(i).text(0).startswith("Batch quantities")]  # fmt: skip
    rows = [top.child(i) for i in range(top.childCount())]
    return top.text(0), [[row.text(c) for c in range(tree.columnCount())] for row in rows]
