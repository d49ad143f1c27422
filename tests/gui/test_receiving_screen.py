"""The receiving screen, driven with key presses as a keyboard-wedge scanner sends them."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt

from snapp.gui import palette
from snapp.gui.views.lookup import LookupView
from snapp.gui.views.receiving import ReceivingView
from snapp.gui.views.register import RegisterView
from snapp.services import lookup, masterdata, purchasing
from snapp.services.lookup import SerialFilter
from tests.gui.conftest import settle, type_text

GTIN = "09506000134352"


def open_receiving(qtbot, window, po_number: str) -> ReceivingView:
    window.open_screen(ReceivingView)
    view = window.view(ReceivingView)
    settle(qtbot, window)
    combo = view.form.poCombo
    combo.setEditText("")
    qtbot.keyClicks(combo.lineEdit(), po_number)
    qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_Return)
    settle(qtbot, window)
    assert view.po is not None and view.po.number == po_number
    return view


def scan(qtbot, view: ReceivingView, *codes: str) -> None:
    for code in codes:
        type_text(qtbot, view.form.scanEdit, code)
        qtbot.keyClick(view.form.scanEdit, Qt.Key.Key_Return)


def results(view: ReceivingView) -> list[tuple[str, bool, str]]:
    """Each row as the list shows it: the serial (or what was scanned), accepted or not, its result column."""
    return [(p.serial or p.value, p.ok, view.model.index(i, 2).data()) for i, p in enumerate(view.pending)]


def approved_po(ctx, *lines: tuple[str, int]) -> str:
    po = purchasing.create_po(ctx, "ACME", [purchasing.LineSpec(sku, qty, Decimal("1")) for sku, qty in lines])
    return purchasing.approve_po(ctx, po.number).number


def test_a_burst_of_500_scans_is_absorbed_whole_and_posted(qtbot, window, ctx):
    number = approved_po(ctx, ("LAP", 500))
    view = open_receiving(qtbot, window, number)
    serials = [f"BURST{i:05d}" for i in range(500)]
    scan(qtbot, view, *serials)
    settle(qtbot, window)

    assert [p.serial for p in view.pending] == serials  # none lost, none doubled, in scan order
    assert all(p.ok for p in view.pending)
    assert view.form.counterLabel.text() == "500 / 500"
    assert view.form.scanEdit.hasFocus()

    qtbot.mouseClick(view.form.postButton, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert view.pending == []
    assert "500 serials of LAP received" in view.form.lastLabel.text()
    page = lookup.list_serials(ctx, SerialFilter(po=number), limit=1000, with_total=True)
    assert page.total == 500 and {r.serial for r in page.rows} == set(serials)


def test_each_scan_gets_its_verdict_at_once(qtbot, window, ctx, company):
    view = open_receiving(qtbot, window, company.number)
    scan(qtbot, view, "ok00001", "ab", "ok00001", "ＯＫ００００２", "BAD SERIAL")
    assert results(view) == [
        ("OK00001", True, "OK"),  # the item's rule keeps serials upper case
        ("ab", False, "has 2 characters; this item's serials have at least 6"),
        ("OK00001", False, "scanned twice (first as row 1)"),
        ("OK00002", True, "OK"),  # full-width characters typed with a Chinese IME fold to ASCII
        ("BAD SERIAL", False, "characters not allowed in a serial: space"),
    ]
    assert view.form.counterLabel.text() == "2 / 100"
    assert "characters not allowed" in view.form.lastLabel.text()


def test_the_last_verdict_is_coloured_as_it_went(qtbot, window, ctx, company):
    view = open_receiving(qtbot, window, company.number)
    label = view.form.lastLabel
    colours = []
    for code in ("GOOD0001", "GOOD0002", "ab", "cd", "GOOD0003"):
        scan(qtbot, view, code)
        colours.append(label.palette().color(label.foregroundRole()).name())  # as the label paints its text
    good, bad = palette.GOOD.text.lower(), palette.BAD.text.lower()
    assert colours == [good, good, bad, bad, good]


def test_a_serial_already_received_is_refused_before_posting(qtbot, window, ctx, company):
    view = open_receiving(qtbot, window, company.number)
    scan(qtbot, view, "DUP00001")
    settle(qtbot, window)
    qtbot.mouseClick(view.form.postButton, Qt.MouseButton.LeftButton)
    settle(qtbot, window)

    scan(qtbot, view, "DUP00001", "NEW00001")
    # The database check runs for the new scans together, a moment after the last one.
    qtbot.waitUntil(lambda: not view.check_timer.isActive() and window.runner.idle)
    (old, new) = view.pending
    assert not old.ok and old.message.startswith("already received (receipt GR-")
    assert new.ok

    qtbot.mouseClick(view.form.postButton, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert view.form.lastLabel.text() == "1 row is refused; remove it before posting"
    assert lookup.list_serials(ctx, SerialFilter(serial_prefix="NEW")).rows == []  # nothing posted

    view.form.pendingView.selectRow(0)
    qtbot.mouseClick(view.form.removeButton, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.form.postButton, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert [r.serial for r in lookup.list_serials(ctx, SerialFilter(serial_prefix="NEW")).rows] == ["NEW00001"]


def test_over_receipt_is_refused_per_scan(qtbot, window, ctx):
    number = approved_po(ctx, ("LAP", 2))
    view = open_receiving(qtbot, window, number)
    scan(qtbot, view, "OVER0001", "OVER0002", "OVER0003")
    assert [p.ok for p in view.pending] == [True, True, False]
    assert view.pending[2].message == "line 1 has no more open quantity (2 ordered)"


def test_a_gs1_scan_picks_the_line_of_its_gtin(qtbot, window, ctx):
    masterdata.add_item(ctx, masterdata.ItemRecord("MOUSE", "鼠标 mouse", supplier="ACME"))
    number = approved_po(ctx, ("MOUSE", 5), ("LAP", 5))
    view = open_receiving(qtbot, window, number)
    assert view.line.sku == "MOUSE"  # the first open line
    # (17) expiry is fixed-length, so no GS is needed before the serial, which comes last.
    scan(qtbot, view, f"]d201{GTIN}17281231" + "21GS1SER01")
    assert view.line.sku == "LAP"
    assert results(view) == [("GS1SER01", True, "OK")]


def test_a_range_goes_through_the_same_validation(qtbot, window, ctx, company, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    view = open_receiving(qtbot, window, company.number)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("RG0001..RG0012", True))  # the user's typing
    qtbot.mouseClick(view.form.rangeButton, Qt.MouseButton.LeftButton)
    assert [p.serial for p in view.pending] == [f"RG{n:04d}" for n in range(1, 13)]
    assert view.form.counterLabel.text() == "12 / 100"


def test_received_units_show_in_the_register_and_the_lookup(qtbot, window, ctx, company):
    view = open_receiving(qtbot, window, company.number)
    serials = [f"FLOW{i:04d}" for i in range(1, 101)]
    scan(qtbot, view, *serials)
    settle(qtbot, window)
    qtbot.mouseClick(view.form.postButton, Qt.MouseButton.LeftButton)
    settle(qtbot, window)

    window.open_screen(RegisterView)
    register = window.view(RegisterView)
    qtbot.keyClicks(register.form.prefixEdit, "FLOW")
    qtbot.keyClick(register.form.prefixEdit, Qt.Key.Key_Return)
    settle(qtbot, window)
    assert sorted(r.serial for r in register.model.rows) == serials
    assert register.form.countLabel.text() == "100 serials"

    register.form.tableView.doubleClicked.emit(register.model.index(0, 0))
    settle(qtbot, window)
    lookup_view = window.view(LookupView)
    assert window.form.stack.currentWidget() is lookup_view
    assert lookup_view.form.cardBox.title() == register.model.rows[0].serial
    assert lookup_view.form.statusValue.text() == "In stock"
    assert lookup_view.form.poValue.text() == company.number


def test_delete_removes_the_selected_scans_and_scanning_goes_on(qtbot, window, company):
    view = open_receiving(qtbot, window, company.number)
    scan(qtbot, view, "UNIT0001", "BAD#1", "UNIT0002")
    view.form.pendingView.setFocus()
    view.form.pendingView.selectRow(1)
    qtbot.keyClick(view.form.pendingView, Qt.Key.Key_Delete)
    assert [value for value, _, _ in results(view)] == ["UNIT0001", "UNIT0002"]
    assert view.form.lastLabel.text() == "1 scan removed; Undo (Ctrl+Z) brings it back"
    assert window.focusWidget() is view.form.scanEdit
    qtbot.mouseClick(view.form.postButton, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert view.form.lastLabel.text().startswith("Receipt GR-") and view.form.undoButton.isHidden()  # nothing to bring back
