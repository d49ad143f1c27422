"""The main window's menu bar: File, Go, Tools, Help; every screen the user has is in it with its shortcut,
Go in the work areas of the navigation, Tools the administration area.

The menu titles have no Alt letter: the screens use every letter but J, Q, Y and Z
already, and a letter two controls share works for neither. F10 (as on Windows
and GNOME) or a tap on Alt opens the bar; inside a menu, each item has a letter
of its own, live only while the menu is open.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QMenu, QMenuBar

from snapp.gui.navigation import ADMINISTRATION, Screen, in_areas

if TYPE_CHECKING:
    from snapp.gui.main_window import MainWindow


class MenuBar(QMenuBar):
    """Built again, in the language of the moment, whenever the screens are (a new session, another language)."""

    def __init__(self, window: MainWindow, screens: list[Screen], headings: dict[str, str]):
        super().__init__(window)
        file = self.addMenu(self.tr("File"))
        self.add(file, self.tr("&Back up now"), window.back_up_now)
        file.addSeparator()
        self.add(file, self.tr("&Lock"), window.lock, "Ctrl+L")
        self.add(file, self.tr("Log &out"), window.log_out)
        self.add(file, self.tr("S&witch user…"), window.switch_user)
        self.add(file, self.tr("Change my &password…"), window.change_password)
        file.addSeparator()
        self.add(file, self.tr("&Quit"), window.close, "Ctrl+Q")  # not StandardKey.Quit: some desktops give it no key
        go, tools = self.addMenu(self.tr("Go")), self.addMenu(self.tr("Tools"))
        for area, found in in_areas(screens):
            menu = tools if area == ADMINISTRATION else go
            if menu is go:
                menu.addSection(headings[area])
            for screen in found:
                self.add(menu, with_mnemonic(screen.title, taken(menu)), lambda v=screen.view_class: window.open_screen(v), screen.keys)
        help_menu = self.addMenu(self.tr("Help"))
        self.add(help_menu, self.tr("&Keys of this screen"), window.show_keys, QKeySequence.StandardKey.HelpContents)
        self.add(help_menu, self.tr("&About SNApp"), window.about)
        # For F1's list: the keys that belong to no screen.
        self.keys = [(action.shortcut(), action.text()) for action in file.actions() if not action.shortcut().isEmpty()]
        self.keys.append((QKeySequence(Qt.Key.Key_F10), self.tr("Menu bar")))
        QShortcut(QKeySequence(Qt.Key.Key_F10), self, lambda: self.setActiveAction(file.menuAction()))  # goes with this bar

    def add(self, menu: QMenu, text: str, act: Callable[[], object], keys: str | QKeySequence.StandardKey | None = None) -> QAction:
        action = menu.addAction(text)
        action.triggered.connect(lambda _checked=False: act())
        if keys is not None:
            action.setShortcut(QKeySequence(keys))
        return action


MNEMONIC = re.compile(r"&([^&])")


def taken(menu: QMenu) -> set[str]:
    return {found.group(1).lower() for action in menu.actions() if (found := MNEMONIC.search(action.text()))}


def with_mnemonic(title: str, used: set[str]) -> str:
    """``title`` with an Alt letter no other item of its menu has: its first free letter, else (as Chinese menus
    write it) a free letter in brackets after it."""
    for i, char in enumerate(title):
        if char.isascii() and char.isalpha() and char.lower() not in used:
            return f"{title[:i]}&{title[i:]}"
    free = next(letter for letter in string.ascii_uppercase if letter.lower() not in used)
    return f"{title}(&{free})"
