"""Returns and RMAs, driven through its widgets: the lists and their filters, and every action of the service desk."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from snapp.domain.aftersales import Party
from snapp.domain.capture import scans
from snapp.gui.views.aftersales import RepairDialog, ReturnDialog
from snapp.gui.views.lookup import LookupView
from snapp.gui.views.rma import OVERDUE_COLOUR, RmaView
from snapp.gui.views.rma_dialogs import InspectDialog, SupplierBackDialog, SupplierSendDialog
from snapp.services import aftersales, customers, lifecycle, lookup, masterdata, receiving
from tests.gui.conftest import settle, type_text

TODAY = dt.date.today()


@pytest.fixture
def desk(ctx, company):
    """RT0001 shipped to C-BJ and back under RMA-1; RT0002 shipped to C-SH; RT0003 at ACME, overdue (ACME-9);
    RT0004 at ACME, due in ten days (ACME-10); RT0005, RT0006 in stock at WH-A."""
    customers.add_customer(ctx, customers.CustomerRecord("C-BJ", "北京客户有限公司"))
    customers.add_customer(ctx, customers.CustomerRecord("C-SH", "Shanghai Trading"))
    masterdata.update_item(ctx, "LAP", customer_warranty_months=12)
    serials = [f"RT000{n}" for n in range(1, 7)]
    receiving.receive(ctx, company.number, "LAP", [scans(serials)], location="WH-A")
    lifecycle.move(ctx, "ship", ["RT0001"], ref="DN-1", party=Party(customer="C-BJ"))
    lifecycle.move(ctx, "ship", ["RT0002"], ref="DN-2", party=Party(customer="C-SH"))
    aftersales.receive_return(ctx, "RT0001", rma="RMA-1", customer="C-BJ", reason="屏幕闪烁")
    aftersales.send_to_supplier(ctx, "RT0003", rma="ACME-9", expected_on=TODAY - dt.timedelta(days=3))
    aftersales.send_to_supplier(ctx, "RT0004", rma="ACME-10", expected_on=TODAY + dt.timedelta(days=10))


def screen(qtbot, window) -> RmaView:
    window.open_screen(RmaView)
    settle(qtbot, window)
    return window.view(RmaView)


def shown(table) -> list[str]:
    """The first column of each row the table shows (after its filter)."""
    model = table.model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def dialog_of(kind: type):
    [dialog] = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
    return dialog


def test_an_empty_desk_says_what_to_do_first(qtbot, window):
    view = screen(qtbot, window)
    assert view.customer_hint.isVisible() and "Scan a returned unit above" in view.customer_hint.text()
    assert view.supplier_hint.isVisible() and "Send to supplier" in view.supplier_hint.text()
    assert view.form.countLabel.text() == "0 customer returns (0 overdue), 0 at suppliers (0 overdue)"
    assert not view.form.inspectButton.isEnabled() and not view.form.backButton.isEnabled()


def test_the_lists_show_open_overdue_closed_and_all_and_find_narrows_them(qtbot, window, ctx, desk):
    view = screen(qtbot, window)
    form = view.form
    assert shown(form.customerView) == ["RMA-1"] and shown(form.supplierView) == ["ACME-9", "ACME-10"]
    assert form.countLabel.text() == "1 customer returns (0 overdue), 2 at suppliers (1 overdue)"
    late, due = form.supplierView.model().index(0, 0), form.supplierView.model().index(1, 0)
    assert late.data(Qt.ItemDataRole.ForegroundRole).name() == OVERDUE_COLOUR and due.data(Qt.ItemDataRole.ForegroundRole) is None
    assert not view.customer_hint.isVisible()

    form.statusCombo.setCurrentIndex(form.statusCombo.findData("overdue"))
    settle(qtbot, window)
    assert shown(form.customerView) == [] and shown(form.supplierView) == ["ACME-9"]
    assert "past the day their answer was promised" in view.customer_hint.text() and view.customer_hint.isVisible()

    aftersales.swap(ctx, "RMA-1", "RT0005")
    form.statusCombo.setCurrentIndex(form.statusCombo.findData("closed"))
    settle(qtbot, window)
    assert shown(form.customerView) == ["RMA-1"] and shown(form.supplierView) == []
    assert form.customerView.model().index(0, 9).data() == "replaced"

    form.statusCombo.setCurrentIndex(form.statusCombo.findData("all"))
    settle(qtbot, window)
    assert shown(form.supplierView) == ["ACME-9", "ACME-10"]
    type_text(qtbot, form.filterEdit, "rt0004")  # any column, any case
    assert shown(form.customerView) == [] and shown(form.supplierView) == ["ACME-10"]
    form.filterEdit.clear()
    type_text(qtbot, form.filterEdit, "C-BJ")
    assert shown(form.customerView) == ["RMA-1"] and shown(form.supplierView) == []


def test_scanning_a_shipped_unit_receives_its_return_and_the_scan_field_has_the_focus_again(qtbot, window, ctx, desk):
    view = screen(qtbot, window)
    qtbot.keyClicks(view.form.scanEdit, "RT0002")
    qtbot.keyClick(view.form.scanEdit, Qt.Key.Key_Return)
    settle(qtbot, window)
    dialog = dialog_of(ReturnDialog)
    assert dialog.form.customerCombo.currentData() == "C-SH"  # the customer it was shipped to
    type_text(qtbot, dialog.form.rmaEdit, "RMA-2")
    dialog.form.buttons.accepted.emit()  # no reason: refused in the dialog
    settle(qtbot, window)
    assert dialog.isVisible() and dialog.form.errorLabel.text() == "Reason: is required"  # the field as its label says it
    type_text(qtbot, dialog.form.reasonEdit, "won't charge")
    dialog.form.buttons.accepted.emit()
    settle(qtbot, window)
    assert not dialog.isVisible() and window.focusWidget() is view.form.scanEdit
    assert shown(view.form.customerView) == ["RMA-2", "RMA-1"]

    qtbot.keyClicks(view.form.scanEdit, "rt0003")  # a unit with an open RMA: its row is selected, nothing opens
    qtbot.keyClick(view.form.scanEdit, Qt.Key.Key_Return)
    assert view._record(view.form.supplierView).number == "ACME-9" and view.form.backButton.isEnabled()
    assert [w for w in QApplication.topLevelWidgets() if isinstance(w, ReturnDialog) and w.isVisible()] == []


def test_inspection_sends_the_return_to_the_supplier_and_its_replacement_comes_back_against_the_rma(qtbot, window, ctx, desk):
    view = screen(qtbot, window)
    form = view.form
    form.customerView.selectRow(0)
    assert form.scanEdit.text() == "RT0001" and form.inspectButton.isEnabled()
    qtbot.mouseClick(form.inspectButton, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    dialog = dialog_of(InspectDialog)
    assert dialog.form.locationCombo.currentText() == "WH-A"  # the shelf it was shipped from
    assert dialog.form.decisionCombo.currentData() == "accept" and dialog.form.locationCombo.isVisible()
    dialog.form.decisionCombo.setCurrentIndex(dialog.form.decisionCombo.findData("return"))
    assert dialog.form.supplierRmaEdit.isVisible() and not dialog.form.locationCombo.isVisible()
    type_text(qtbot, dialog.form.supplierRmaEdit, "ACME-11")
    dialog.form.expectedEdit.setDate(QDate(TODAY + dt.timedelta(days=14)))
    type_text(qtbot, dialog.form.noteEdit, "backlight")
    dialog.form.buttons.accepted.emit()
    settle(qtbot, window)
    assert not dialog.isVisible() and window.focusWidget() is form.scanEdit
    assert shown(form.customerView) == [] and shown(form.supplierView) == ["ACME-9", "ACME-10", "ACME-11"]
    [resolved] = aftersales.list_returns(ctx, "resolved")
    assert resolved.resolution == "return"

    form.supplierView.selectRow(2)
    qtbot.mouseClick(form.backButton, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    back = dialog_of(SupplierBackDialog)
    assert back.form.rmaEdit.text() == "ACME-11" and back.form.rmaEdit.isReadOnly()
    assert not back.form.replacementEdit.isVisible()
    back.form.whatCombo.setCurrentIndex(back.form.whatCombo.findData("replacement"))
    back.form.locationCombo.setCurrentText("WH-B")
    type_text(qtbot, back.form.replacementEdit, "RT0001")  # the unit it replaces: a serial the item has already
    back.form.buttons.accepted.emit()
    settle(qtbot, window)
    assert back.isVisible() and "already been received" in back.form.errorLabel.text()
    back.form.replacementEdit.clear()
    type_text(qtbot, back.form.replacementEdit, "RT0101")
    back.form.buttons.accepted.emit()
    settle(qtbot, window)
    assert not back.isVisible()
    assert shown(form.supplierView) == ["ACME-9", "ACME-10"]
    [card] = lookup.find_serial(ctx, "RT0101")
    assert (card.status, card.location) == ("in_stock", "WH-B")


@pytest.mark.parametrize(("decision", "status"), [("accept", "in_stock"), ("repair", "in_repair"), ("scrap", "scrapped")])
def test_inspection_decides_back_to_stock_repair_or_scrap(qtbot, window, ctx, desk, decision, status):
    view = screen(qtbot, window)
    view.form.customerView.selectRow(0)
    view.inspect()
    settle(qtbot, window)
    dialog = dialog_of(InspectDialog)
    dialog.form.decisionCombo.setCurrentIndex(dialog.form.decisionCombo.findData(decision))
    dialog.form.locationCombo.setCurrentText("WH-B")
    type_text(qtbot, dialog.form.noteEdit, "检验结论")
    dialog.form.buttons.accepted.emit()
    settle(qtbot, window)
    assert not dialog.isVisible()
    [card] = lookup.find_serial(ctx, "RT0001")
    assert card.status == status and card.open_rma is None
    assert card.history[-1].note == "检验结论" and card.history[-1].ref == "RMA-1"
    assert card.location == ("WH-B" if decision == "accept" else None)


def test_inspection_replaces_the_unit_with_one_from_stock(qtbot, window, ctx, desk):
    view = screen(qtbot, window)
    view.form.customerView.selectRow(0)
    view.inspect()
    settle(qtbot, window)
    dialog = dialog_of(InspectDialog)
    dialog.form.decisionCombo.setCurrentIndex(dialog.form.decisionCombo.findData("replace"))
    assert dialog.form.replacementEdit.isVisible() and not dialog.form.supplierRmaEdit.isVisible()
    type_text(qtbot, dialog.form.replacementEdit, "RT0002")  # shipped to another customer: refused
    dialog.form.buttons.accepted.emit()
    settle(qtbot, window)
    assert dialog.isVisible() and "C-SH" in dialog.form.errorLabel.text()
    dialog.form.replacementEdit.clear()
    type_text(qtbot, dialog.form.replacementEdit, "RT0006")
    dialog.form.buttons.accepted.emit()
    settle(qtbot, window)
    assert not dialog.isVisible()
    [card] = lookup.find_serial(ctx, "RT0006")
    assert card.status == "shipped" and card.holder.customer == "C-BJ"


def test_a_unit_goes_to_its_supplier_and_comes_back_itself_from_the_screen(qtbot, window, ctx, desk):
    view = screen(qtbot, window)
    form = view.form
    lifecycle.move(ctx, "transfer", ["RT0005"], to="WH-B")
    type_text(qtbot, form.scanEdit, "RT0005")
    qtbot.mouseClick(form.sendButton, Qt.MouseButton.LeftButton)
    dialog = dialog_of(SupplierSendDialog)
    assert dialog.form.serialEdit.text() == "RT0005"
    assert dialog.form.expectedEdit.date().toPython() > TODAY  # a date is proposed; the clerk types the promised one
    dialog.form.buttons.accepted.emit()  # no RMA number: refused
    settle(qtbot, window)
    assert dialog.isVisible() and dialog.form.errorLabel.text() == "Supplier's RMA number: is required"
    type_text(qtbot, dialog.form.rmaEdit, "ACME-12")
    dialog.form.expectedEdit.setDate(QDate(TODAY - dt.timedelta(days=1)))
    dialog.form.buttons.accepted.emit()
    settle(qtbot, window)
    assert not dialog.isVisible()
    assert shown(form.supplierView) == ["ACME-9", "ACME-12", "ACME-10"]  # by expected date
    assert form.countLabel.text() == "1 customer returns (0 overdue), 3 at suppliers (2 overdue)"

    form.supplierView.selectRow(1)
    view.back_from_supplier()
    settle(qtbot, window)
    back = dialog_of(SupplierBackDialog)
    assert back.form.locationCombo.currentText() == "WH-B"  # the shelf it left from, not the first in the list
    back.form.buttons.accepted.emit()  # the unit itself
    settle(qtbot, window)
    assert not back.isVisible()
    [card] = lookup.find_serial(ctx, "RT0005")
    assert (card.status, card.location) == ("in_stock", "WH-B")


def test_a_repair_is_recorded_for_the_selected_unit(qtbot, window, ctx, desk):
    view = screen(qtbot, window)
    view.form.supplierView.selectRow(0)
    assert view.form.scanEdit.text() == "RT0003"
    qtbot.mouseClick(view.form.repairButton, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    dialog = dialog_of(RepairDialog)
    assert dialog.form.unitLabel.text().startswith("RT0003 — LAP")
    type_text(qtbot, dialog.form.faultEdit, "no PoE on port 3")
    dialog.form.placeCombo.setCurrentIndex(dialog.form.placeCombo.findData("supplier"))
    dialog.form.buttons.accepted.emit()
    settle(qtbot, window)
    assert not dialog.isVisible() and window.focusWidget() is view.form.scanEdit
    [card] = lookup.find_serial(ctx, "RT0003")
    assert any("no PoE on port 3" in str(line) for line in card.aftersales)


def test_double_click_opens_the_unit_in_serial_lookup(qtbot, window, desk):
    view = screen(qtbot, window)
    table = view.form.supplierView
    table.scrollTo(table.model().index(1, 2))
    rect = table.visualRect(table.model().index(1, 2))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # a double-click's first press
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    settle(qtbot, window)
    assert window.form.stack.currentWidget() is window.view(LookupView)
    assert window.view(LookupView).form.cardBox.title() == "RT0004"
