"""After-sales on the desktop: the Customers screen, and returns and swaps from Serial lookup, driven through widgets."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from snapp.domain.aftersales import Party
from snapp.domain.capture import scans
from snapp.gui.views.aftersales import ReturnDialog, SwapDialog
from snapp.gui.views.customers import CustomersView
from snapp.gui.views.lookup import LookupView
from snapp.gui.views.masterdata import RecordDialog
from snapp.services import customers, exceptions, lifecycle, lookup, masterdata, receiving
from tests.gui.conftest import settle, type_text


@pytest.fixture
def shipped(ctx, company):
    """Customers C-BJ and C-SH; RT0001 shipped to C-BJ with a 12-month customer warranty, RT0002..4 in stock."""
    customers.add_customer(ctx, customers.CustomerRecord("C-BJ", "北京客户有限公司", contact="王经理"))
    customers.add_customer(ctx, customers.CustomerRecord("C-SH", "Shanghai Trading"))
    masterdata.update_item(ctx, "LAP", customer_warranty_months=12)
    receiving.receive(ctx, company.number, "LAP", [scans(["RT0001", "RT0002", "RT0003", "RT0004"])], location="WH-A")
    lifecycle.move(ctx, "ship", ["RT0001"], ref="DN-7", party=Party(customer="C-BJ"))


def look_up(qtbot, window, serial: str):
    window.open_screen(LookupView)
    view = window.view(LookupView)
    view.form.scanEdit.clear()
    qtbot.keyClicks(view.form.scanEdit, serial)
    qtbot.keyClick(view.form.scanEdit, Qt.Key.Key_Return)
    settle(qtbot, window)
    return view


def open_dialog(qtbot, window, view, button: str, dialog_class):
    qtbot.mouseClick(view.form.findChild(type(view.action_buttons[0]), button), Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    [dialog] = [w for w in QApplication.topLevelWidgets() if isinstance(w, dialog_class) and w.isVisible()]
    return dialog


def test_the_lookup_card_shows_both_warranties_and_who_has_the_unit(qtbot, window, shipped):
    view = look_up(qtbot, window, "RT0001")
    form = view.form
    assert "days left" in form.warrantyValue.text() and "days left" in form.customerWarrantyValue.text()
    assert form.holderValue.text() == "C-BJ — 北京客户有限公司, delivery DN-7"
    assert [b.objectName() for b in view.action_buttons] == ["action_customer_return"]
    view = look_up(qtbot, window, "RT0002")
    assert view.form.customerWarrantyValue.text() == "none recorded" and view.form.holderValue.text() == "we have it"
    assert "action_replace" not in [b.objectName() for b in view.action_buttons]


def test_a_return_from_the_wrong_customer_stays_in_the_dialog_then_the_right_one_and_a_swap(qtbot, window, ctx, shipped):
    view = look_up(qtbot, window, "RT0001")
    dialog = open_dialog(qtbot, window, view, "action_customer_return", ReturnDialog)
    form = dialog.form
    assert form.customerCombo.currentData() == "C-BJ"  # the customer it was shipped to, proposed
    form.customerCombo.setCurrentIndex(form.customerCombo.findData("C-SH"))
    type_text(qtbot, form.rmaEdit, "RMA-77")
    type_text(qtbot, form.reasonEdit, "屏幕闪烁")
    form.buttons.accepted.emit()
    settle(qtbot, window)
    assert dialog.isVisible() and "shipped to C-BJ, not to C-SH" in form.errorLabel.text()
    assert [c.subject for c in exceptions.list_exceptions(ctx, kind="customer_return")] == ["RT0001"]
    form.customerCombo.setCurrentIndex(form.customerCombo.findData("C-BJ"))
    form.buttons.accepted.emit()
    settle(qtbot, window)
    assert not dialog.isVisible()
    assert view.form.statusValue.text() == "Returned by customer"
    assert "returned by C-BJ under RMA RMA-77: 屏幕闪烁" in view.form.aftersalesValue.text()
    assert "action_replace" in [b.objectName() for b in view.action_buttons]

    swap = open_dialog(qtbot, window, view, "action_replace", SwapDialog)
    assert swap.form.rmaEdit.text() == "RMA-77"
    type_text(qtbot, swap.form.replacementEdit, "RT0009")  # no such unit: refused in the dialog
    swap.form.buttons.accepted.emit()
    settle(qtbot, window)
    assert swap.isVisible() and "RT0009" in swap.form.errorLabel.text()
    swap.form.replacementEdit.clear()
    type_text(qtbot, swap.form.replacementEdit, "RT0002")
    swap.form.buttons.accepted.emit()
    settle(qtbot, window)
    assert not swap.isVisible()
    assert "replaced by RT0002 (RMA RMA-77)" in view.form.aftersalesValue.text()
    [card] = lookup.find_serial(ctx, "RT0002")
    assert card.status == "shipped" and card.holder.customer == "C-BJ"


def test_the_customers_screen_adds_a_customer_and_lists_the_units_they_have(qtbot, window, ctx, shipped):
    window.open_screen(CustomersView)
    view = window.view(CustomersView)
    settle(qtbot, window)
    assert [r.code for r in view.model.rows] == ["C-BJ", "C-SH"]
    view.form.tableView.selectRow(0)
    settle(qtbot, window)
    assert view.units_form.unitsTitle.text() == "Units 北京客户有限公司 has now"
    assert [u.serial for u in view.units.rows] == ["RT0001"]

    dialog = view.edit(None)
    assert isinstance(dialog, RecordDialog) and dialog.windowTitle() == "Customer"
    dialog.form.code.setText("C-GZ")
    dialog.form.buttons.accepted.emit()  # no name: refused beside the field
    settle(qtbot, window)
    assert dialog.isVisible() and dialog.form.name_error.isVisible()
    type_text(qtbot, dialog.form.name, "广州客户")
    dialog.form.buttons.accepted.emit()
    settle(qtbot, window)
    assert not dialog.isVisible()
    assert [c.code for c in customers.list_customers(ctx)] == ["C-BJ", "C-GZ", "C-SH"]
    settle(qtbot, window)
    assert "C-GZ" in [r.code for r in view.model.rows]


def test_the_dashboard_lists_after_sales_alerts(qtbot, window, ctx, shipped):
    import datetime as dt

    from snapp.gui.views.dashboard import DashboardView
    from snapp.services import aftersales

    aftersales.send_to_supplier(ctx, "RT0003", rma="ACME-9", expected_on=dt.date.today() - dt.timedelta(days=3))
    window.open_screen(DashboardView)
    view = window.view(DashboardView)
    view.refresh()
    settle(qtbot, window)
    assert "1 unit is overdue back from its supplier (RMA ACME-9)" in view.form.exceptionsValue.text()


def test_the_replacement_warranty_policy_is_set_from_the_customers_screen(qtbot, window, ctx, shipped):
    from snapp.services import aftersales

    window.open_screen(CustomersView)
    view = window.view(CustomersView)
    settle(qtbot, window)
    combo = view.units_form.policyCombo
    assert combo.currentData() == "continue"
    combo.setCurrentIndex(combo.findData("anew"))
    combo.activated.emit(combo.currentIndex())
    settle(qtbot, window)
    assert aftersales.get_replacement_warranty(ctx) == "anew"


def test_a_repair_is_recorded_from_the_lookup_card(qtbot, window, ctx, shipped):
    from snapp.gui.views.aftersales import RepairDialog

    view = look_up(qtbot, window, "RT0002")
    qtbot.mouseClick(view.form.repairRecordButton, Qt.MouseButton.LeftButton)
    [dialog] = [w for w in QApplication.topLevelWidgets() if isinstance(w, RepairDialog) and w.isVisible()]
    form = dialog.form
    type_text(qtbot, form.faultEdit, "风扇异响")
    type_text(qtbot, form.costEdit, "lots")
    form.buttons.accepted.emit()
    settle(qtbot, window)
    assert dialog.isVisible() and "is not an amount of money" in form.errorLabel.text()
    form.costEdit.clear()
    type_text(qtbot, form.costEdit, "45")
    form.placeCombo.setCurrentIndex(form.placeCombo.findData("supplier"))
    form.buttons.accepted.emit()
    settle(qtbot, window)
    assert not dialog.isVisible()
    assert "repair at the supplier by admin: fault 风扇异响" in view.form.aftersalesValue.text()


def test_the_register_filters_by_customer(qtbot, window, shipped):
    from snapp.gui.views.register import RegisterView

    window.open_screen(RegisterView)
    view = window.view(RegisterView)
    settle(qtbot, window)
    type_text(qtbot, view.form.customerEdit, "C-BJ")
    qtbot.keyClick(view.form.customerEdit, Qt.Key.Key_Return)
    settle(qtbot, window)
    qtbot.waitUntil(lambda: [r.serial for r in view.model.rows] == ["RT0001"], timeout=10_000)


def test_the_item_editor_keeps_the_customer_warranty(qtbot, window, ctx, shipped):
    from snapp.gui.views.masterdata import ItemsView

    window.open_screen(ItemsView)
    view = window.view(ItemsView)
    settle(qtbot, window)
    [lap] = [r for r in view.model.rows if r.sku == "LAP"]
    dialog = view.edit(lap)
    assert dialog.form.customer_warranty_months.value() == 12
    dialog.form.customer_warranty_months.setValue(18)
    dialog.form.buttons.accepted.emit()
    settle(qtbot, window)
    assert [i.customer_warranty_months for i in masterdata.list_items(ctx) if i.sku == "LAP"] == [18]


def test_shipping_from_the_lookup_card_records_the_customer(qtbot, window, ctx, shipped):
    from snapp.gui.views.dialogs import MoveDialog

    view = look_up(qtbot, window, "RT0004")
    dialog = open_dialog(qtbot, window, view, "action_ship", MoveDialog)
    form = dialog.form
    assert form.customerCombo.count() == 3 and form.customerCombo.itemData(2) is None  # two customers, or none
    form.customerCombo.setCurrentIndex(form.customerCombo.findData("C-SH"))
    type_text(qtbot, form.refEdit, "DN-88")
    form.buttons.accepted.emit()
    settle(qtbot, window)
    assert not dialog.isVisible()
    assert view.form.holderValue.text() == "C-SH — Shanghai Trading, delivery DN-88"
    assert "days left" in view.form.customerWarrantyValue.text()


def test_verify_says_which_customer_had_a_reappearing_unit_in_chinese(qtbot, window, ctx, shipped):
    from PySide6.QtCore import QLocale

    from snapp.gui.views.verify import VerifyView

    window.open_screen(VerifyView)
    view = window.view(VerifyView)
    before = QLocale()
    QLocale.setDefault(QLocale("zh_CN"))  # the core's sentences follow the UI language
    try:
        view.verify("RT0001")
        settle(qtbot, window)
        message = view.form.messageLabel.text()
    finally:
        QLocale.setDefault(before)
    assert "该物品曾由客户 C-BJ 持有" in message and "没有未处理的客户退货" in message
