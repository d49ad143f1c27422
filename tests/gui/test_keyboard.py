"""A warehouse works the desktop from the keyboard and the scanner: every Alt+letter does one thing,
posting is deliberate, nothing pending is lost to one key, and the scan field always has the next scan."""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTimer, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QGroupBox,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTabWidget,
    QWidget,
)

from snapp.gui.views.masterdata import ItemsView, LocationsView, SuppliersView
from snapp.gui.views.purchase_orders import PurchaseOrdersView
from snapp.gui.views.receiving import ReceivingView
from snapp.gui.views.users import UsersView
from snapp.services import lookup, purchasing
from tests.gui.conftest import settle

MNEMONIC = re.compile(r"&([^&])")


def mnemonics(root: QWidget) -> dict[str, list[str]]:
    """Each Alt+letter of ``root`` and the texts that claim it: buttons, check boxes, labels with a buddy, group boxes, tabs,
    and the menu bar above a screen of the main window (or, for a menu, its items)."""
    texts: list[str] = []
    for widget in root.findChildren(QWidget):
        if widget.window() is not root.window():
            continue  # a dialog of the screen: walked on its own
        if isinstance(widget, QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QTabWidget):
            texts.extend(widget.tabText(i) for i in range(widget.count()))
    if isinstance(root, QMenu):
        texts.extend(action.text() for action in root.actions())
    elif isinstance(root.window(), QMainWindow) and root is not root.window():
        texts.extend(action.text() for action in root.window().menuBar().actions())  # the menu bar is on every screen
    letters = defaultdict(list)
    for text in texts:
        if found := MNEMONIC.search(text.replace("&&", "")):
            letters[found.group(1).lower()].append(text)
    return letters


@pytest.fixture(params=["en", "zh_CN"])
def language(request):
    from snapp.gui.app import install_translation

    app, locale = QCoreApplication.instance(), QLocale()
    install_translation(app, request.param)
    yield request.param
    for translator in app.findChildren(QTranslator):
        app.removeTranslator(translator)
    QLocale.setDefault(locale)


def test_no_two_controls_of_a_screen_or_dialog_share_an_alt_letter_in_either_language(qtbot, language, ctx, company, settings):
    from snapp.gui.main_window import MainWindow

    window = MainWindow(ctx, settings)
    qtbot.addWidget(window)
    window.show()
    settle(qtbot, window)
    screens: dict[str, QWidget] = {type(view).__name__: view for view in window.views.values()}
    for view_class in (ItemsView, SuppliersView, LocationsView):
        screens[f"{view_class.__name__} editor"] = window.view(view_class).edit(None)
    window.view(UsersView).add_user()
    screens["user editor"] = window.view(UsersView).dialog
    window.view(PurchaseOrdersView).open_dialog("new")
    settle(qtbot, window)
    screens["new PO"] = window.view(PurchaseOrdersView).dialog
    for action in window.menuBar().actions():  # an open menu takes its letters without Alt: one each
        screens[f"menu {action.text()}"] = action.menu()
    shared = {
        name: {letter: texts for letter, texts in mnemonics(screen).items() if len(texts) > 1}
        for name, screen in screens.items()
    }
    assert {name: clash for name, clash in shared.items() if clash} == {}
    assert sum(len(mnemonics(screen)) for screen in screens.values()) > 60  # the walk saw the controls
    for dialog in QApplication.topLevelWidgets():
        if dialog is not window and dialog.isVisible():
            dialog.close()


def test_tab_leaves_every_list_of_every_screen(window):
    tables = [table for view in window.views.values() for table in view.findChildren(QAbstractItemView)]
    assert len(tables) >= 12
    assert [t.objectName() for t in tables if t.tabKeyNavigation()] == []


# --- receiving ---------------------------------------------------------------------------------


def when_modal(handle, kind: type, tries: int = 1000) -> None:
    """Hand the modal dialog of ``kind`` to ``handle`` once it opens (a mnemonic clicks after a short animation)."""

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind):
            handle(dialog)
        elif tries > 1:
            when_modal(handle, kind, tries - 1)

    QTimer.singleShot(20, look)


def answer_question(button: QMessageBox.StandardButton, asked: list[str]) -> None:
    """Press ``button`` in the question about to open, keeping its text."""

    def answer(box: QMessageBox) -> None:
        asked.append(box.text())
        box.button(button).click()

    when_modal(answer, QMessageBox)


def reactivate(qtbot, window) -> None:
    """What a window manager does when a dialog closes (the offscreen platform has none)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def receiving_on(qtbot, window, ctx, *quantities: int) -> ReceivingView:
    """The receiving screen on a new approved PO with a LAP line of each quantity."""
    po = purchasing.create_po(ctx, "ACME", [purchasing.LineSpec("LAP", n, Decimal("1")) for n in quantities])
    number = purchasing.approve_po(ctx, po.number).number
    window.open_screen(ReceivingView)
    view = window.view(ReceivingView)
    settle(qtbot, window)
    view.load_po(number)
    settle(qtbot, window)
    return view


def receiving_with(qtbot, window, ctx, count: int) -> ReceivingView:
    view = receiving_on(qtbot, window, ctx, 600, 5)
    for i in range(count):
        qtbot.keyClicks(view.form.scanEdit, f"UNDO{i:05d}")
        qtbot.keyClick(view.form.scanEdit, Qt.Key.Key_Return)
    view.add_scan("x")  # one refused row among them
    settle(qtbot, window)
    assert len(view.pending) == count + 1
    return view


def test_clear_asks_first_and_ctrl_z_brings_back_the_exact_list(qtbot, window, ctx):
    view = receiving_with(qtbot, window, ctx, 120)
    before = [(p.number, p.value, p.serial, p.message, p.ok) for p in view.pending]

    asked: list[str] = []
    answer_question(QMessageBox.StandardButton.No, asked)
    qtbot.keyClick(view.form.scanEdit, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)  # Alt+E is Clear…
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=20_000)
    assert asked == ["Set aside the 121 scans not yet posted? Undo (Ctrl+Z) brings them back."]
    assert len(view.pending) == 121
    assert window.focusWidget() is view.form.scanEdit  # the next scan lands in the field, not on Clear

    answer_question(QMessageBox.StandardButton.Yes, asked)
    qtbot.mouseClick(view.form.clearButton, Qt.MouseButton.LeftButton)
    assert view.pending == [] and view.form.counterLabel.text() == "0 / 600" and view.form.undoButton.isVisible()

    reactivate(qtbot, window)
    qtbot.keyClick(view.form.scanEdit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window)
    assert [(p.number, p.value, p.serial, p.message, p.ok) for p in view.pending] == before
    assert view.form.counterLabel.text() == "120 / 600" and not view.form.undoButton.isVisible()
    assert [view.model.data(view.model.index(r, 1)) for r in (0, 120)] == ["UNDO00000", "x"]


def test_changing_the_line_asks_and_undo_returns_to_the_line_and_its_scans(qtbot, window, ctx):
    view = receiving_with(qtbot, window, ctx, 3)
    asked: list[str] = []
    answer_question(QMessageBox.StandardButton.No, asked)
    view.form.lineCombo.setCurrentIndex(1)
    assert len(asked) == 1 and view.form.lineCombo.currentIndex() == 0 and len(view.pending) == 4

    answer_question(QMessageBox.StandardButton.Yes, asked)
    view.form.lineCombo.setCurrentIndex(1)
    assert view.pending == [] and view.line.line_no == 2

    view.undo()
    settle(qtbot, window)
    assert view.line.line_no == 1 and [p.serial for p in view.pending[:3]] == ["UNDO00000", "UNDO00001", "UNDO00002"]


def test_a_new_scan_ends_the_undo_and_remove_selected_can_be_undone(qtbot, window, ctx):
    view = receiving_with(qtbot, window, ctx, 3)
    view.form.pendingView.selectRow(3)
    qtbot.mouseClick(view.form.removeButton, Qt.MouseButton.LeftButton)
    assert [p.value for p in view.pending] == ["UNDO00000", "UNDO00001", "UNDO00002"]
    qtbot.keyClick(view.form.scanEdit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [p.value for p in view.pending][-1] == "x"

    answer_question(QMessageBox.StandardButton.Yes, [])
    qtbot.mouseClick(view.form.clearButton, Qt.MouseButton.LeftButton)
    view.add_scan("UNDO09999")
    view.undo()
    assert [p.value for p in view.pending] == ["UNDO09999"]  # the next scan made the cleared list gone for good


def test_ctrl_enter_posts_and_alt_r_does_not(qtbot, window, ctx):
    view = receiving_with(qtbot, window, ctx, 2)
    view.form.pendingView.selectRow(2)
    qtbot.mouseClick(view.form.removeButton, Qt.MouseButton.LeftButton)
    view.form.scanEdit.setFocus()
    opened: list[str] = []
    when_modal(lambda dialog: (opened.append(dialog.windowTitle()), dialog.reject()), QInputDialog)
    qtbot.keyClick(view.form.scanEdit, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)  # Range… opens, nothing posts
    qtbot.waitUntil(lambda: opened != [], timeout=20_000)
    assert opened == ["Range of serials"] and len(view.pending) == 2
    reactivate(qtbot, window)
    qtbot.keyClick(view.form.scanEdit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window)
    assert view.pending == [] and "Receipt GR-" in view.form.lastLabel.text()
    assert {card.serial for card in lookup.find_serial(ctx, "UNDO00000")} == {"UNDO00000"}


def test_f1_lists_the_keys_of_the_screen_on_show(qtbot, window):
    window.open_screen(ReceivingView)
    settle(qtbot, window)
    keys = dict(window.keys())
    assert keys["Ctrl+Enter"] == "Post receipt" and keys["Alt+E"] == "Clear" and keys["Alt+R"] == "Range"
    assert keys["Ctrl+Z"] == "Bring back the scans just set aside" and keys["Alt+P"] == "Purchase order"
    assert keys["Ctrl+3"] == "Receiving" and "Alt+U" not in keys  # Undo shows once there is something to undo

    shown: list[str] = []
    when_modal(lambda box: (shown.append(box.text()), box.reject()), QMessageBox)
    reactivate(qtbot, window)
    qtbot.keyClick(window.view(ReceivingView).form.scanEdit, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: shown != [], timeout=20_000)
    assert "<b>Ctrl+Enter</b>" in shown[0] and "Post receipt" in shown[0]
