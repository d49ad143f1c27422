"""The menu bar: every screen with its shortcut, the session's actions, help; opened from the keyboard too."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox

from snapp.gui.menus import with_mnemonic
from snapp.gui.navigation import screen_rows
from snapp.gui.views.receiving import ReceivingView
from snapp.gui.views.settings import SettingsView
from tests.gui.conftest import settle
from tests.gui.test_keyboard import reactivate, when_modal


def menu(window, title: str) -> QMenu:
    return next(action.menu() for action in window.menuBar().actions() if action.text() == title)


def items(window, title: str) -> dict[str, str]:
    return {a.text(): a.shortcut().toString() for a in menu(window, title).actions() if not a.isSeparator()}


def test_the_menus_hold_every_screen_with_its_shortcut_and_the_session(window):
    assert [a.text() for a in window.menuBar().actions()] == ["File", "Go", "Tools", "Help"]
    assert items(window, "File") == {"&Back up now": "", "&Lock": "Ctrl+L", "Log &out": "", "S&witch user…": "",
                                     "Change my &password…": "", "&Quit": "Ctrl+Q"}  # fmt: skip
    go, tools = items(window, "Go"), items(window, "Tools")
    assert go["&Receiving"] == "Ctrl+3" and go["&Dashboard"] == "Ctrl+1" and tools["S&ettings"] == "Ctrl+0"
    nav = window.form.nav
    assert len(go) + len(tools) == len(screen_rows(nav)) == 18  # an admin has every screen
    screens = {nav.item(row).text(): nav.item(row).toolTip() for row in screen_rows(nav)}
    assert {text.replace("&", ""): keys for text, keys in {**go, **tools}.items()} == screens
    assert items(window, "Help") == {"&Keys of this screen": "F1", "&About SNApp": ""}


def test_a_screens_shortcut_and_its_menu_item_open_it(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.form.stack.currentWidget() is window.view(ReceivingView)
    next(a for a in menu(window, "Tools").actions() if a.text() == "S&ettings").trigger()
    assert window.form.stack.currentWidget() is window.view(SettingsView)


def test_f10_opens_the_file_menu_and_its_letters_work_there(qtbot, window):
    reactivate(qtbot, window)
    qtbot.keyClick(window.form.nav, Qt.Key.Key_F10)
    assert window.menuBar().activeAction() is window.menuBar().actions()[0]
    qtbot.keyClick(window.menuBar(), Qt.Key.Key_Down)
    file_menu = menu(window, "File")
    qtbot.waitUntil(file_menu.isVisible)
    qtbot.keyClick(file_menu, Qt.Key.Key_B)  # Back up now, here as in the menu
    settle(qtbot, window)
    assert window.statusBar().currentMessage().startswith("Backed up to ")


def test_back_up_now_from_the_menu_says_where(qtbot, window, tmp_path):
    window.view(SettingsView).form.backupFolderEdit.setText(str(tmp_path / "here"))
    next(a for a in menu(window, "File").actions() if a.text() == "&Back up now").trigger()
    settle(qtbot, window)
    [made] = (tmp_path / "here").glob("snapp-manual-*.snappbak")
    assert window.statusBar().currentMessage() == f"Backed up to {made}"


def test_help_lists_the_keys_and_about_names_the_version(qtbot, window):
    from snapp import __version__

    shown: list[str] = []
    when_modal(lambda box: (shown.append(box.text()), box.reject()), QMessageBox)
    next(a for a in menu(window, "Help").actions() if a.shortcut() == QKeySequence("F1")).trigger()
    assert "<b>Ctrl+3</b>" in shown[0] and "Receiving" in shown[0]
    assert {"Ctrl+L": "Lock", "Ctrl+Q": "Quit", "F10": "Menu bar"}.items() <= dict(window.keys()).items()
    when_modal(lambda box: (shown.append(box.text()), box.reject()), QMessageBox)
    next(a for a in menu(window, "Help").actions() if a.text() == "&About SNApp").trigger()
    assert __version__ in shown[1] and "admin" in shown[1]
    for dialog in QApplication.topLevelWidgets():
        if isinstance(dialog, QMessageBox):
            dialog.close()


def test_a_title_gets_a_letter_free_in_its_menu():
    assert with_mnemonic("Serial lookup", {"s"}) == "S&erial lookup"
    assert with_mnemonic("Items", set("items")) == "Items(&A)"
    assert with_mnemonic("收货", {"a", "b"}) == "收货(&C)"


def test_no_key_does_two_things_on_a_units_card(qtbot, window, ctx, company):
    from collections import Counter

    from snapp.domain.capture import scans
    from snapp.gui.views.lookup import LookupView
    from snapp.services import receiving
    from tests.gui.test_screens import type_and_enter

    receiving.receive(ctx, company.number, "LAP", [scans(["UNIT0007"])], location="WH-A")

    window.open_screen(LookupView)
    type_and_enter(qtbot, window.view(LookupView).form.scanEdit, "UNIT0007")  # in stock: every move it may make is a key
    settle(qtbot, window)
    keys = Counter(key for key, _ in window.keys())
    assert "F12" in keys and [key for key, times in keys.items() if times > 1] == []
