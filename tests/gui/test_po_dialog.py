"""The PO dialog driven by the keyboard alone: a 3-line PO typed and saved, a draft edited, an approved PO amended."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from snapp.gui.views.purchase_orders import PurchaseOrdersView
from snapp.services import masterdata, purchasing
from snapp.services.purchasing import LineSpec, POTerms
from tests.gui.conftest import settle

ALT, CTRL = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier
D = Decimal


@pytest.fixture
def items(ctx, company):
    masterdata.add_item(ctx, masterdata.ItemRecord("MOUSE", "无线鼠标"))
    masterdata.add_item(ctx, masterdata.ItemRecord("DOCK", "USB-C Dock 扩展坞"))


@pytest.fixture
def screen(qtbot, window, items):
    window.open_screen(PurchaseOrdersView)
    view = window.view(PurchaseOrdersView)
    settle(qtbot, window)
    back_to(qtbot, window)
    return view


def back_to(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def key(qtbot, keys: int | Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key pressed on whatever has the focus, as a keyboard does."""
    focused = QApplication.focusWidget()
    assert focused is not None, "nothing has the keyboard focus"
    qtbot.keyClick(focused, keys, modifier)


def typed(qtbot, text: str) -> None:
    qtbot.keyClicks(QApplication.focusWidget(), text)


def mnemonics(widgets) -> list[str]:
    """The letter after "&" in each widget's text that has one."""
    return [w.text()[w.text().index("&") + 1].lower() for w in widgets if "&" in w.text()]


def opened(qtbot, window, view, letter: Qt.Key):
    key(qtbot, letter, ALT)
    settle(qtbot, window)
    qtbot.waitUntil(lambda: view.dialog is not None and view.dialog.isVisible())
    dialog = view.dialog
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def enter_line(qtbot, dialog, item: str, quantity: str, price: str) -> None:
    assert QApplication.focusWidget() in (dialog.form.itemCombo, dialog.form.itemCombo.lineEdit())
    typed(qtbot, item)
    key(qtbot, Qt.Key.Key_Return)
    assert QApplication.focusWidget() in (dialog.form.quantitySpin, dialog.form.quantitySpin.lineEdit())
    typed(qtbot, quantity)
    key(qtbot, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is dialog.form.priceEdit
    typed(qtbot, price)
    key(qtbot, Qt.Key.Key_Return)


def test_a_three_line_po_is_typed_and_saved_without_the_mouse(qtbot, window, screen, ctx):
    dialog = opened(qtbot, window, screen, Qt.Key.Key_N)
    form = dialog.form
    key(qtbot, Qt.Key.Key_R, ALT)
    assert QApplication.focusWidget() is form.supplierRefEdit
    typed(qtbot, "SO-88")
    key(qtbot, Qt.Key.Key_T, ALT)
    key(qtbot, Qt.Key.Key_A, CTRL)
    typed(qtbot, "9")
    key(qtbot, Qt.Key.Key_O, ALT)
    typed(qtbot, "dock 2")
    key(qtbot, Qt.Key.Key_D, ALT)
    typed(qtbot, "+14")
    key(qtbot, Qt.Key.Key_I, ALT)
    enter_line(qtbot, dialog, "LAP", "3", "6899.5")
    assert form.linesTable.rowCount() == 1 and form.form_error.isHidden()
    assert QApplication.focusWidget() in (form.itemCombo, form.itemCombo.lineEdit())  # ready for the next line
    enter_line(qtbot, dialog, "mouse", "10", "49.9")
    typed(qtbot, "扩展坞"[:0] + "DOCK")
    key(qtbot, Qt.Key.Key_Return)
    typed(qtbot, "2")
    key(qtbot, Qt.Key.Key_Return)
    typed(qtbot, "1280")
    # Totals as you type: the third line counts before it is added.
    assert form.amountValue.text() == "2,560.00"
    assert form.netValue.text() == "23,757.50"  # 20,698.50 + 499.00 + 2,560.00
    assert (form.taxValue.text(), form.grossValue.text()) == ("2,138.18", "CNY 25,895.68")
    assert form.wordsValue.text() == "CNY twenty-five thousand eight hundred ninety-five and 68/100 only"
    key(qtbot, Qt.Key.Key_S, CTRL)  # the typed line is added, then the PO saved
    settle(qtbot, window)
    created = dialog.created
    assert created is not None and not dialog.isVisible()
    po = purchasing.get_po(ctx, created.number)
    assert [(line.sku, line.quantity, line.unit_price) for line in po.lines] == [
        ("LAP", 3, D("6899.5000")), ("MOUSE", 10, D("49.9000")), ("DOCK", 2, D("1280.0000"))]  # fmt: skip
    assert (po.supplier_ref, po.tax_rate, po.note, po.gross) == ("SO-88", D("9.00"), "dock 2", D("25895.68"))
    assert po.delivery_date == dt.date.today() + dt.timedelta(days=14)
    assert "Total CNY 25,895.68" in screen.form.totalsLabel.text()
    assert [screen.lines.data(screen.lines.index(2, c)) for c in (6, 7)] == ["1,280.00", "2,560.00"]


def test_rows_copied_from_a_spreadsheet_are_pasted_as_lines(qtbot, window, screen, ctx):
    dialog = opened(qtbot, window, screen, Qt.Key.Key_N)
    form = dialog.form
    QApplication.clipboard().setText("LAP\t2\t6,899.00\nNOPE\t1\t5\n")
    key(qtbot, Qt.Key.Key_E, ALT)  # the lines
    key(qtbot, Qt.Key.Key_V, CTRL)
    assert form.linesTable.rowCount() == 0 and form.form_error.text() == "no item with SKU 'NOPE'"
    QApplication.clipboard().setText("SKU\tQuantity\tPrice\nLAP\t2\t6,899.00\nmouse\t10\t¥49.90\n")
    key(qtbot, Qt.Key.Key_V, CTRL)
    assert [form.linesTable.item(row, 1).text() for row in range(2)] == ["LAP — ThinkPad 笔记本", "MOUSE — 无线鼠标"]
    assert form.grossValue.text() == "CNY 16,155.61" and form.form_error.isHidden()  # (13,798 + 499) × 1.13


def test_enter_in_the_price_adds_the_line_and_never_saves(qtbot, window, screen, ctx):
    dialog = opened(qtbot, window, screen, Qt.Key.Key_N)
    key(qtbot, Qt.Key.Key_I, ALT)
    enter_line(qtbot, dialog, "LAP", "1", "6899")
    key(qtbot, Qt.Key.Key_Return)  # Enter on the empty item field: it says what to do, saves nothing
    assert dialog.isVisible() and dialog.created is None
    assert "choose an item" in dialog.form.form_error.text()
    typed(qtbot, "NOPE")
    key(qtbot, Qt.Key.Key_Return)
    assert dialog.form.linesTable.rowCount() == 1 and dialog.isVisible()
    dialog.form.itemCombo.clearEditText()
    key(qtbot, Qt.Key.Key_S, ALT)  # Alt+S is Save, not the supplier (a mnemonic clicks after a moment)
    qtbot.waitUntil(lambda: dialog.created is not None)
    assert not dialog.isVisible()


def test_every_label_has_a_buddy_and_the_mnemonics_are_unique(qtbot, window, screen):
    dialog = opened(qtbot, window, screen, Qt.Key.Key_N)
    labels = [label for label in dialog.findChildren(QLabel) if "&" in label.text()]
    assert labels and all(label.buddy() is not None for label in labels)
    letters = mnemonics(labels + dialog.findChildren(QPushButton))
    assert len(letters) == len(set(letters)), letters
    assert "s" in letters and dialog.form.saveButton.text().replace("&", "") == "Save"


def test_a_draft_is_edited_and_an_approved_po_amended_with_a_reason(qtbot, window, screen, ctx):
    po = purchasing.create_po(ctx, "ACME", [LineSpec("LAP", 2, D("6899")), LineSpec("MOUSE", 5, D("50"))],
                              terms=POTerms(tax_rate=D("13")))  # fmt: skip
    screen.refresh()
    settle(qtbot, window)
    screen.form.poView.setFocus()
    screen.form.poView.selectRow(0)
    settle(qtbot, window)
    assert screen.current.number == po.number and screen.form.editButton.isEnabled()
    assert not screen.form.amendButton.isEnabled()
    key(qtbot, Qt.Key.Key_Return)  # Enter on a draft in the list opens it for editing
    qtbot.waitUntil(lambda: screen.dialog is not None and screen.dialog.isVisible())
    dialog = screen.dialog
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    form = dialog.form
    assert dialog.mode == "edit" and not form.reasonEdit.isVisible() and form.grossValue.text() == "CNY 15,874.24"
    key(qtbot, Qt.Key.Key_E, ALT)  # the lines table
    key(qtbot, Qt.Key.Key_Down)
    key(qtbot, Qt.Key.Key_F2)  # the mouse line back into the entry fields, at its quantity
    typed(qtbot, "8")
    key(qtbot, Qt.Key.Key_Return)
    key(qtbot, Qt.Key.Key_Return)  # the price as it was
    key(qtbot, Qt.Key.Key_S, ALT)
    qtbot.waitUntil(lambda: dialog.created is not None)
    edited = purchasing.get_po(ctx, po.number)
    assert [(line.line_no, line.sku, line.quantity) for line in edited.lines] == [(1, "LAP", 2), (2, "MOUSE", 8)]

    back_to(qtbot, window)  # offscreen has no window manager to give the main window back its activation
    assert QApplication.focusWidget() is screen.form.poView  # the keyboard goes on in the PO list
    purchasing.approve_po(ctx, po.number)
    screen.refresh()
    settle(qtbot, window)
    assert screen.form.amendButton.isEnabled() and not screen.form.editButton.isEnabled()
    dialog = opened(qtbot, window, screen, Qt.Key.Key_M)
    form = dialog.form
    assert QApplication.focusWidget() is form.reasonEdit and not form.supplierCombo.isEnabled()
    key(qtbot, Qt.Key.Key_T, ALT)
    key(qtbot, Qt.Key.Key_A, CTRL)
    typed(qtbot, "6")
    key(qtbot, Qt.Key.Key_Return, CTRL)  # no reason yet: refused, said beside the form
    settle(qtbot, window)
    assert dialog.isVisible() and form.form_error.text() == "an amendment needs a reason"
    key(qtbot, Qt.Key.Key_N, ALT)
    typed(qtbot, "VAT rate corrected")
    key(qtbot, Qt.Key.Key_Return, CTRL)
    settle(qtbot, window)
    amended = purchasing.get_po(ctx, po.number)
    assert amended.tax_rate == D("6.00") and amended.amendments[0].reason == "VAT rate corrected"


def test_print_po_from_the_po_screen(qtbot, window, screen, ctx, company, tmp_path, monkeypatch):
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QFileDialog

    out = tmp_path / "po.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    opened_urls = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened_urls.append(url.toLocalFile()))
    screen.form.poView.selectRow(0)
    settle(qtbot, window)
    key(qtbot, Qt.Key.Key_P, ALT)
    qtbot.waitUntil(lambda: bool(opened_urls))
    assert out.stat().st_size > 1000 and opened_urls == [str(out)]


def test_the_po_screen_mnemonics_are_unique(qtbot, window, screen):
    from PySide6.QtWidgets import QAbstractButton

    letters = mnemonics(screen.findChildren(QAbstractButton) + screen.findChildren(QLabel))
    assert len(letters) >= 8 and len(letters) == len(set(letters)), letters


@pytest.fixture
def chinese():
    from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

    from snapp.gui.app import install_translation

    app, locale = QCoreApplication.instance(), QLocale()
    install_translation(app, "zh_CN")
    yield
    for translator in app.findChildren(QTranslator):
        app.removeTranslator(translator)
    QLocale.setDefault(locale)


def test_in_chinese_the_labels_mnemonics_and_words_are_chinese(qtbot, chinese, window, screen):
    dialog = opened(qtbot, window, screen, Qt.Key.Key_N)
    form = dialog.form
    assert (form.saveButton.text(), form.supplierLabel.text()) == ("保存(&S)", "供应商(&L)：")
    letters = mnemonics(dialog.findChildren(QLabel) + dialog.findChildren(QPushButton))
    assert len(letters) == len(set(letters)), letters
    key(qtbot, Qt.Key.Key_I, ALT)
    enter_line(qtbot, dialog, "LAP", "1", "6899")
    assert form.wordsValue.text() == "人民币柒仟柒佰玖拾伍元捌角柒分"  # 6,899 + 13% = 7,795.87
