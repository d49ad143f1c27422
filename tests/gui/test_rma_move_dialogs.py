"""Serial lookup's move dialogs: where to, to whom, a reference and a note; the supplier's RMA from the card; and the
scan field has the focus again after each. Their Alt+letters are unique in both languages."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate

from snapp.domain.aftersales import Party
from snapp.domain.capture import scans
from snapp.gui.views.dialogs import MoveDialog
from snapp.gui.views.lookup import LookupView
from snapp.gui.views.rma_dialogs import InspectDialog, SupplierBackDialog, SupplierSendDialog
from snapp.services import aftersales, customers, lifecycle, lookup, receiving
from tests.gui.conftest import settle, type_text
from tests.gui.test_aftersales_screens import look_up, open_dialog
from tests.gui.test_keyboard import mnemonics


@pytest.fixture
def units(ctx, company):
    customers.add_customer(ctx, customers.CustomerRecord("C-BJ", "北京客户有限公司"))
    customers.add_customer(ctx, customers.CustomerRecord("C-SH", "Shanghai Trading"))
    receiving.receive(ctx, company.number, "LAP", [scans([f"MV000{n}" for n in range(1, 6)])], location="WH-A")


def test_an_issue_says_to_whom_and_why(qtbot, window, ctx, units):
    view = look_up(qtbot, window, "MV0001")
    dialog = open_dialog(qtbot, window, view, "action_issue", MoveDialog)
    form = dialog.form
    assert dialog.windowTitle() == "Issue" and form.recipientEdit.isVisible()
    assert not form.locationCombo.isVisible() and not form.customerCombo.isVisible()
    assert [form.kindCombo.itemData(i) for i in range(form.kindCombo.count())] == ["person", "department", "project"]
    form.kindCombo.setCurrentIndex(form.kindCombo.findData("department"))
    type_text(qtbot, form.recipientEdit, "质检部")
    type_text(qtbot, form.refEdit, "WO-7")
    type_text(qtbot, form.noteEdit, "for the burn-in test")
    form.buttons.accepted.emit()
    settle(qtbot, window)
    assert not dialog.isVisible() and window.focusWidget() is view.form.scanEdit
    assert view.form.holderValue.text() == "department: 质检部"
    last = view.history.rows[-1]
    assert (last.action, last.ref, last.note) == ("issue", "WO-7", "for the burn-in test")


def test_a_shipment_names_the_customer_the_delivery_note_and_a_note(qtbot, window, ctx, units):
    view = look_up(qtbot, window, "MV0002")
    dialog = open_dialog(qtbot, window, view, "action_ship", MoveDialog)
    form = dialog.form
    assert form.refLabel.text() == "&Delivery note:" and not form.recipientEdit.isVisible()
    form.customerCombo.setCurrentIndex(form.customerCombo.findData("C-SH"))
    type_text(qtbot, form.refEdit, "DN-9")
    type_text(qtbot, form.noteEdit, "急件 urgent")
    form.buttons.accepted.emit()
    settle(qtbot, window)
    assert not dialog.isVisible()
    [card] = lookup.find_serial(ctx, "MV0002")
    assert (card.holder.customer, card.holder.ref, card.history[-1].note) == ("C-SH", "DN-9", "急件 urgent")


def test_a_refused_move_stays_in_its_dialog_and_cancel_gives_the_scan_field_back(qtbot, window, ctx, units):
    view = look_up(qtbot, window, "MV0003")
    dialog = open_dialog(qtbot, window, view, "action_transfer", MoveDialog)
    assert dialog.form.locationCombo.isVisible() and dialog.form.locationCombo.currentText() == "WH-B"
    dialog.form.locationCombo.setCurrentText("WH-A")  # where it is already
    dialog.form.buttons.accepted.emit()
    settle(qtbot, window)
    assert dialog.isVisible() and "already at WH-A" in dialog.form.errorLabel.text()
    assert lookup.find_serial(ctx, "MV0003")[0].location == "WH-A"
    dialog.reject()
    assert window.focusWidget() is view.form.scanEdit


def test_the_card_sends_a_unit_to_its_supplier_under_their_rma_and_takes_it_back(qtbot, window, ctx, units):
    view = look_up(qtbot, window, "MV0004")
    send = open_dialog(qtbot, window, view, "action_return", SupplierSendDialog)
    assert send.form.serialEdit.text() == "MV0004" and send.form.serialEdit.isReadOnly()
    type_text(qtbot, send.form.rmaEdit, "ACME-77")
    send.form.expectedEdit.setDate(QDate(dt.date.today() + dt.timedelta(days=5)))
    type_text(qtbot, send.form.noteEdit, "fan noise")
    send.form.buttons.accepted.emit()
    settle(qtbot, window)
    assert not send.isVisible() and window.focusWidget() is view.form.scanEdit
    [rma] = aftersales.list_supplier_rmas(ctx)
    assert (rma.number, rma.serial, rma.expected_on) == ("ACME-77", "MV0004", dt.date.today() + dt.timedelta(days=5))
    assert view.form.statusValue.text() == "Returned to supplier"

    back = open_dialog(qtbot, window, view, "action_supplier_back", SupplierBackDialog)
    assert back.form.locationCombo.currentText() == "WH-A"  # the shelf it left from
    back.form.buttons.accepted.emit()  # no RMA number typed: refused
    settle(qtbot, window)
    assert back.isVisible() and back.form.errorLabel.text()
    type_text(qtbot, back.form.rmaEdit, "ACME-77")
    back.form.buttons.accepted.emit()
    settle(qtbot, window)
    assert not back.isVisible() and view.form.statusValue.text() == "In stock"
    assert aftersales.list_supplier_rmas(ctx) == []


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_desks_dialogs_have_unique_alt_letters_in_both_languages(qtbot, window, ctx, units, language):
    from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

    from snapp.gui.app import install_translation

    lifecycle.move(ctx, "ship", ["MV0005"], party=Party(customer="C-BJ"))
    record = aftersales.receive_return(ctx, "MV0005", rma="RMA-9", customer="C-BJ", reason="dead")
    [card] = lookup.find_serial(ctx, "MV0001")
    view, app, locale = window.view(LookupView), QCoreApplication.instance(), QLocale()
    install_translation(app, language)
    try:
        dialogs = {
            "inspect": InspectDialog(view, window.runner, ctx, record, ["WH-A"]),
            "send": SupplierSendDialog(view, window.runner, ctx, card),
            "back": SupplierBackDialog(view, window.runner, ctx, ["WH-A"], unit=card),
            "issue": MoveDialog(view, window.runner, ctx, card, lifecycle.Action.ISSUE, ["WH-A"]),
            "ship": MoveDialog(view, window.runner, ctx, card, lifecycle.Action.SHIP, ["WH-A"]),
        }  # the screen itself is walked with every screen (test_keyboard)
        settle(qtbot, window)
    finally:
        for translator in app.findChildren(QTranslator):
            app.removeTranslator(translator)
        QLocale.setDefault(locale)
    letters = {name: mnemonics(dialog) for name, dialog in dialogs.items()}
    assert {name: {k: v for k, v in found.items() if len(v) > 1} for name, found in letters.items()} == {n: {} for n in dialogs}
    assert len(letters["inspect"]) == 6 and len(letters["back"]) == 5
    assert ("备注(&N)：" in letters["inspect"]["n"]) is (language == "zh_CN")
    for dialog in dialogs.values():
        dialog.deleteLater()
