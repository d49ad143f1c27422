"""Choosing the language in Settings shows it at once, without a restart and without losing the scans in hand."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QMessageBox

from snapp.gui.navigation import row_of
from snapp.gui.views.receiving import ReceivingView
from snapp.gui.views.settings import SettingsView
from tests.gui.conftest import settle
from tests.gui.test_keyboard import answer_question, reactivate, receiving_with


@pytest.fixture
def restores_language():
    locale = QLocale()
    yield
    app = QCoreApplication.instance()
    for translator in app.findChildren(QTranslator):
        app.removeTranslator(translator)
    QLocale.setDefault(locale)


def choose_language(qtbot, window, code: str) -> ReceivingView:
    """Pick ``code`` in Settings' language list as a user does; returns the Receiving screen once it is rebuilt."""
    before = window.view(ReceivingView)
    combo = window.view(SettingsView).form.languageCombo
    combo.setFocus()
    combo.setCurrentIndex(combo.findData(code))
    combo.activated.emit(combo.currentIndex())
    qtbot.waitUntil(lambda: window.view(ReceivingView) is not before)
    settle(qtbot, window)
    return window.view(ReceivingView)


def scans(view: ReceivingView) -> list[tuple]:
    return [(p.number, p.value, p.serial, p.ok) for p in view.pending]


def test_chinese_and_back_at_once_with_the_unposted_scans_kept(qtbot, window, ctx, restores_language):
    view = receiving_with(qtbot, window, ctx, 5)
    taken, po, line = scans(view), view.po.number, view.line.line_no
    assert view.form.postButton.text() == "Post receipt  Ctrl+Enter"
    window.open_screen(SettingsView)
    reactivate(qtbot, window)

    view = choose_language(qtbot, window, "zh_CN")
    assert window.focusWidget() is window.view(SettingsView).form.languageCombo  # the next arrow key goes on choosing
    assert view.form.postButton.text() == "确认收货  Ctrl+Enter" and view.form.clearButton.text() == "清空(&E)…"
    assert [a.text() for a in window.menuBar().actions()] == ["文件", "转到", "工具", "帮助"]
    assert window.form.nav.item(row_of(window.form.nav, ReceivingView)).text() == "收货" and window.user_label.text() == "用户：admin"
    assert window.ctx.lang == "zh" and window.settings.value("language") == "zh_CN"
    assert window.form.stack.currentWidget() is window.view(SettingsView)  # still on the screen that was on show
    assert scans(view) == taken and view.po.number == po and view.line.line_no == line
    assert view.form.counterLabel.text() == "5 / 600"

    view = choose_language(qtbot, window, "en")
    assert view.form.postButton.text() == "Post receipt  Ctrl+Enter" and window.menuBar().actions()[0].text() == "File"
    assert scans(view) == taken and window.ctx.lang == "en"
    window.open_screen(ReceivingView)
    settle(qtbot, window)  # its locations load as it comes to the front
    view.form.pendingView.selectRow(5)  # the refused scan
    qtbot.mouseClick(view.form.removeButton, Qt.MouseButton.LeftButton)
    qtbot.keyClick(view.form.scanEdit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window)
    assert "Receipt GR-" in view.form.lastLabel.text() and view.pending == []  # the scans carried over post as taken


def test_what_undo_would_bring_back_carries_over_too(qtbot, window, ctx, restores_language):
    view = receiving_with(qtbot, window, ctx, 2)
    taken = scans(view)
    answer_question(QMessageBox.StandardButton.Yes, [])
    qtbot.mouseClick(view.form.clearButton, Qt.MouseButton.LeftButton)
    assert view.pending == []

    view = choose_language(qtbot, window, "zh_CN")
    assert view.pending == [] and view.form.undoButton.isVisibleTo(view)
    view.undo()
    settle(qtbot, window)
    assert scans(view) == taken


def test_choosing_the_language_already_shown_rebuilds_nothing(qtbot, window, restores_language):
    view = window.view(ReceivingView)
    combo = window.view(SettingsView).form.languageCombo
    combo.setCurrentIndex(combo.findData(""))
    combo.activated.emit(combo.currentIndex())
    qtbot.wait(50)
    assert window.view(ReceivingView) is view
