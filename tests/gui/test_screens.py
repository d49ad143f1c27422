"""Lookup, register, master data, purchase orders, dashboard and settings, driven through their widgets."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QInputDialog, QMessageBox

from snapp.domain.capture import scans
from snapp.errors import ValidationError
from snapp.gui.views.dashboard import DashboardView
from snapp.gui.views.dialogs import MoveDialog
from snapp.gui.views.lookup import LookupView
from snapp.gui.views.masterdata import ItemsView, RecordDialog, SuppliersView
from snapp.gui.views.purchase_orders import PurchaseOrdersView
from snapp.gui.views.register import RegisterView
from snapp.gui.views.settings import SettingsView
from snapp.services import lookup, masterdata, purchasing, receiving
from tests.gui.conftest import settle, type_text


@pytest.fixture
def received(ctx, company):
    """90 LAP units in WH-A."""
    serials = [f"UNIT{i:04d}" for i in range(1, 91)]
    receiving.receive(ctx, company.number, "LAP", [scans(serials)], location="WH-A")
    return serials


def type_and_enter(qtbot, edit, text: str) -> None:
    edit.clear()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def answer_next_dialog(text: str, *, accept: bool = True, asked: list[str] | None = None) -> None:
    """Type into the input dialog that is about to open, and press OK (or Cancel), as the user would; its question
    added to ``asked``."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QInputDialog), dialog
        if asked is not None:
            asked.append(dialog.labelText())
        dialog.setTextValue(text)
        dialog.accept() if accept else dialog.reject()

    QTimer.singleShot(0, answer)


def test_lookup_shows_the_card_and_offers_only_the_allowed_moves(qtbot, window, ctx, company, received):
    window.open_screen(LookupView)
    view = window.view(LookupView)
    type_and_enter(qtbot, view.form.scanEdit, "unit0007")  # typed in lower case; the item keeps upper
    settle(qtbot, window)
    form = view.form
    assert form.cardBox.title() == "UNIT0007"
    assert form.itemValue.text() == "LAP — ThinkPad 笔记本  (GTIN 09506000134352)"
    assert form.supplierValue.text() == "ACME — 深圳市艾克米电子有限公司"
    assert form.locationValue.text() == "WH-A — 主仓库"
    assert "days left" in form.warrantyValue.text()
    assert [b.objectName() for b in view.action_buttons] == [
        "action_issue", "action_transfer", "action_repair", "action_return", "action_ship", "action_scrap",
        "action_lose", "action_block",
    ]  # fmt: skip
    assert form.batchValue.text() == "—"  # received without a batch
    # Eight moves in two rows of four: every button's text whole on a 1366-pixel window.
    rows = sorted({b.y() for b in view.action_buttons})
    assert len(rows) == 2 and [b.y() for b in view.action_buttons] == [rows[0]] * 4 + [rows[1]] * 4
    assert [b.objectName() for b in view.action_buttons if b.width() < b.sizeHint().width()] == []

    qtbot.mouseClick(form.findChild(type(view.action_buttons[0]), "action_issue"), Qt.MouseButton.LeftButton)
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, MoveDialog), dialog
    dialog.form.refEdit.setText("WO-42")
    dialog.form.buttons.accepted.emit()
    settle(qtbot, window)
    assert form.statusValue.text() == "Issued"
    assert [b.objectName() for b in view.action_buttons] == ["action_restock", "action_repair", "action_scrap"]
    assert [e.action for e in view.history.rows] == ["receive", "issue"]
    assert view.history.rows[0].ref.startswith("GR-") and view.history.rows[1].ref == "WO-42"


def test_a_scanner_looks_units_up_one_after_another_without_clearing_the_field(qtbot, window, received):
    window.open_screen(LookupView)
    view = window.view(LookupView)
    for serial in ("UNIT0007", "UNIT0008", "UNIT0008"):
        qtbot.keyClicks(view.form.scanEdit, serial)  # as a scanner types: into whatever the field holds
        qtbot.keyClick(view.form.scanEdit, Qt.Key.Key_Return)
        settle(qtbot, window)
        assert view.form.cardBox.title() == serial and view.form.scanEdit.text() == serial


def test_an_unknown_serial_is_not_called_counterfeit(qtbot, window):
    window.open_screen(LookupView)
    view = window.view(LookupView)
    type_and_enter(qtbot, view.form.scanEdit, "NEVER-SEEN")
    settle(qtbot, window)
    assert view.form.messageLabel.text().startswith("NEVER-SEEN: not in SNApp")
    assert "does not make it counterfeit" in view.form.messageLabel.text()
    assert view.form.cardBox.isHidden()


def test_register_loads_page_by_page_and_filters_in_the_database(qtbot, window, ctx, company, received):
    window.open_screen(RegisterView)
    view = window.view(RegisterView)
    view.model.PAGE = 50
    view.refresh()
    settle(qtbot, window)
    assert len(view.model.rows) == 50 and view.form.countLabel.text() == "90 serials"
    assert view.model.canFetchMore()
    view.form.tableView.scrollToBottom()  # the view asks for more rows as it scrolls
    settle(qtbot, window)
    view.form.tableView.scrollToBottom()
    settle(qtbot, window)
    assert len(view.model.rows) == 90 and not view.model.canFetchMore()

    from snapp.services import lifecycle

    lifecycle.move(ctx, "repair", ["UNIT0003", "UNIT0004"])
    view.form.statusCombo.setCurrentIndex(view.form.statusCombo.findData("in_repair"))
    qtbot.mouseClick(view.form.applyButton, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert sorted(r.serial for r in view.model.rows) == ["UNIT0003", "UNIT0004"]
    assert view.form.countLabel.text() == "2 serials"

    view.form.tableView.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # by serial, in the database
    settle(qtbot, window)
    assert [r.serial for r in view.model.rows] == ["UNIT0003", "UNIT0004"]


def test_a_refused_supplier_shows_the_reason_beside_the_field(qtbot, window, ctx):
    window.open_screen(SuppliersView)
    view = window.view(SuppliersView)
    qtbot.mouseClick(view.form.addButton, Qt.MouseButton.LeftButton)
    dialog = view.findChildren(RecordDialog)[-1]
    form = dialog.form
    type_text(qtbot, form.name, "无代码供应商")
    qtbot.mouseClick(form.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert form.code_error.isVisible() and form.code_error.text() == "is required"
    assert not form.name_error.isVisible()

    qtbot.keyClicks(form.code, "ACME")  # exists already (the company fixture)
    qtbot.mouseClick(form.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert form.code_error.text() == "a supplier with this code already exists"

    form.code.setText("NEWCO")
    qtbot.mouseClick(form.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert not dialog.isVisible()
    assert "NEWCO" in [s.code for s in view.model.rows]  # the list refreshed by itself


def test_an_item_with_a_bad_gtin_is_refused_at_the_gtin_field(qtbot, window, ctx):
    window.open_screen(ItemsView)
    view = window.view(ItemsView)
    settle(qtbot, window)
    qtbot.mouseClick(view.form.addButton, Qt.MouseButton.LeftButton)
    dialog = view.findChildren(RecordDialog)[-1]
    form = dialog.form
    qtbot.keyClicks(form.sku, "PHONE")
    type_text(qtbot, form.name, "手机 phone")
    qtbot.keyClicks(form.gtin, "4006381333932")  # wrong check digit
    form.supplier.setCurrentIndex(form.supplier.findData("ACME"))
    qtbot.mouseClick(form.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    error = form.gtin_error
    assert error.isVisible() and error.text() == "the last digit (the check digit) should be 1, not 2: look for a mistyped digit"
    assert error.height() >= error.heightForWidth(error.width())  # its wrapped lines all shown, none clipped
    assert dialog.rect().contains(error.mapTo(dialog, error.rect().bottomRight()))
    assert masterdata.list_items(ctx)[-1].sku != "PHONE"

    qtbot.keyClick(form.gtin, Qt.Key.Key_Backspace)
    assert not error.isVisible()  # the fix under way: the reason no longer stands beside it
    qtbot.keyClicks(form.gtin, "1")
    qtbot.mouseClick(form.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert "PHONE" in [item.sku for item in masterdata.list_items(ctx)] and not dialog.isVisible()


def test_a_po_is_raised_with_the_item_picker_and_approved(qtbot, window, ctx):
    window.open_screen(PurchaseOrdersView)
    view = window.view(PurchaseOrdersView)
    settle(qtbot, window)
    qtbot.mouseClick(view.form.newButton, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    form = view.dialog.form
    qtbot.keyClicks(form.itemCombo.lineEdit(), "9506000")  # part of the GTIN finds the item
    assert form.itemCombo.completer().currentCompletion() == "LAP — ThinkPad 笔记本 — 09506000134352"
    form.itemCombo.setCurrentIndex(form.itemCombo.findData("LAP"))
    form.quantitySpin.setValue(25)
    qtbot.keyClicks(form.priceEdit, "6899.50")
    qtbot.mouseClick(form.addLineButton, Qt.MouseButton.LeftButton)
    assert form.linesTable.rowCount() == 1
    qtbot.mouseClick(form.saveButton, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    created = view.dialog.created
    assert created is not None and created.status == "draft"
    assert view.form.approveButton.isEnabled() and not view.form.closeButton.isEnabled()

    qtbot.mouseClick(view.form.approveButton, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert purchasing.get_po(ctx, created.number).status == "approved"
    assert view.form.closeButton.isEnabled() and not view.form.approveButton.isEnabled()
    assert [(line.sku, line.quantity) for line in view.lines.rows] == [("LAP", 25)]


def test_dashboard_counts_what_the_ledger_holds(qtbot, window, ctx, company, received):
    view = window.view(DashboardView)
    view.refresh()
    settle(qtbot, window)
    assert view.form.inStockValue.text() == "90"
    assert view.form.receiptsValue.text() == "1"
    assert view.form.openPosValue.text() == "1"
    assert [(label, n) for label, n, _ in view.chart.bars][:2] == [("In stock", 90), ("Issued", 0)]
    assert view.form.accuracyValue.text() == "—"  # no count closed this month
    assert view.form.exceptionsValue.text() == "Nothing needs attention."

    with pytest.raises(ValidationError):  # a refused receipt leaves its rejections on the exceptions desk
        receiving.receive(ctx, company.number, "LAP", [scans(["UNIT0001", "x"])], location="WH-A")
    view.refresh()
    settle(qtbot, window)
    assert "Rejected scan: 2 open" in view.form.exceptionsValue.text()


def test_dashboard_notes_read_as_sentences_with_thousands_separated(qtbot, window, ctx, company, received):
    from decimal import Decimal

    from snapp.domain.capture import serial_range
    from snapp.services import lifecycle

    purchasing.create_po(ctx, "ACME", [purchasing.LineSpec("LAP", 5, Decimal("1"))])  # a draft
    lifecycle.move(ctx, "repair", received[:1], sku="LAP")
    view = window.view(DashboardView)
    view.refresh()
    settle(qtbot, window)
    assert view.form.exceptionsValue.text().splitlines() == ["1 purchase order waits for approval", "1 unit is in repair"]

    big = purchasing.approve_po(ctx, purchasing.create_po(ctx, "ACME", [purchasing.LineSpec("LAP", 1200, Decimal("1"))]).number)
    receiving.receive(ctx, big.number, "LAP", [serial_range("BIG00001..BIG01200")], location="WH-A")
    lifecycle.move(ctx, "repair", [f"BIG{i:05d}" for i in range(1, 1201)], sku="LAP")
    view.refresh()
    settle(qtbot, window)
    assert "1,201 units are in repair" in view.form.exceptionsValue.text().splitlines()
    assert view.form.inStockValue.text() == "89"


def test_settings_tests_a_connection_and_reports_a_bad_one(qtbot, window, monkeypatch):
    window.open_screen(SettingsView)
    view = window.view(SettingsView)
    qtbot.mouseClick(view.form.testButton, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert view.form.resultLabel.text().startswith("connected; SNApp schema")

    view.form.postgresRadio.setChecked(True)
    view.form.urlEdit.setText("postgresql://nobody@127.0.0.1:1/none")
    qtbot.mouseClick(view.form.testButton, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert view.form.resultLabel.text().startswith("Cannot connect:")

    monkeypatch.setattr(QMessageBox, "information", lambda *a: QMessageBox.StandardButton.Ok)
    qtbot.mouseClick(view.form.saveButton, Qt.MouseButton.LeftButton)
    assert view.settings.value("database/url") == "postgresql://nobody@127.0.0.1:1/none"


def test_a_refused_action_reaches_the_error_dialog(qtbot, window, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    window.runner.run(lambda: lookup.find_serial(window.ctx, ""))
    settle(qtbot, window)
    assert shown and "the scan is empty" in shown[0]
