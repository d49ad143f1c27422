"""A shared warehouse PC: log out, switch user, and the idle lock, on the real main window."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QInputDialog, QMessageBox

from snapp.gui.main_window import MainWindow
from snapp.gui.navigation import screen_rows
from snapp.gui.views.dashboard import DashboardView
from snapp.gui.session import LOCK_KEY, lock_minutes
from snapp.gui.views.receiving import ReceivingView
from snapp.gui.views.settings import SettingsView
from snapp.services import users
from tests.conftest import ADMIN_PASSWORD
from tests.gui.conftest import settle
from tests.gui.test_keyboard import answer_question, receiving_with, when_modal

CLERK, CLERK_PASSWORD = "li.na", "warehouse pw 1"


def log_in(qtbot, window: MainWindow, password: str, name: str | None = None) -> None:
    dialog = window.login
    if name is not None:
        dialog.form.nameEdit.setText(name)
    dialog.form.passwordEdit.setText(password)
    qtbot.mouseClick(dialog.form.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    settle(qtbot, dialog)
    settle(qtbot, window)


def test_log_out_asks_about_unposted_scans_and_the_next_user_starts_on_fresh_screens(qtbot, window, ctx):
    users.add_user(ctx, CLERK, "warehouse", password=CLERK_PASSWORD)
    old = receiving_with(qtbot, window, ctx, 3)
    asked: list[str] = []
    answer_question(QMessageBox.StandardButton.No, asked)
    window.log_out()
    assert asked == ["4 scans are not yet posted. Discard them?"]
    assert window.login is None and window.view(ReceivingView) is old and len(old.pending) == 4

    answer_question(QMessageBox.StandardButton.Yes, asked)
    window.log_out()
    assert window.login is not None and window.login.form.nameEdit.text() == "admin"
    assert window.cover.isVisible() and window.views == {} and window.form.nav.count() == 0
    assert not shiboken6.isValid(old)  # the old user's screens are gone, not hidden

    log_in(qtbot, window, CLERK_PASSWORD, name=CLERK)
    assert window.login is None and not window.cover.isVisible()
    assert window.ctx.user == CLERK and {view.ctx.user for view in window.views.values()} == {CLERK}
    fresh = window.view(ReceivingView)
    assert fresh is not old and fresh.pending == [] and fresh.po is None
    assert window.user_label.text() == f"User: {CLERK}" and len(screen_rows(window.form.nav)) == 11  # a warehouse clerk's
    assert window.form.stack.currentWidget() is window.views[DashboardView] and window.form.nav.currentRow() == 1  # under a heading


def test_switch_user_offers_an_empty_name_and_a_wrong_password_lets_nobody_in(qtbot, window, ctx):
    users.add_user(ctx, CLERK, "warehouse", password=CLERK_PASSWORD)
    window.switch_user()
    assert window.login.form.nameEdit.text() == "" and window.login.isVisible()
    log_in(qtbot, window, "not the password", name=CLERK)
    assert window.login is not None and window.views == {} and window.login.form.errorLabel.isVisibleTo(window.login)
    log_in(qtbot, window, CLERK_PASSWORD)
    assert window.ctx.user == CLERK and window.login is None


def test_a_screens_open_dialog_holds_the_session_until_it_is_closed(qtbot, window):
    asking = QInputDialog(window.view(ReceivingView))
    asking.setWindowTitle("Range of serials")
    asking.setModal(True)
    asking.open()
    said: list[str] = []
    when_modal(lambda box: (said.append(box.text()), box.accept()), QMessageBox)
    window.log_out()
    assert said == ["Finish or close “Range of serials” first."] and window.login is None and window.views
    asking.reject()
    window.log_out()
    assert window.login is not None and window.views == {}


def test_cancel_at_the_login_after_a_log_out_ends_snapp(qtbot, window):
    window.log_out()
    window.login.form.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    qtbot.waitUntil(lambda: not window.isVisible())


def locking_window(qtbot, ctx, settings, minutes: float) -> MainWindow:
    settings.setValue(LOCK_KEY, minutes)
    main = MainWindow(ctx, settings)
    qtbot.addWidget(main)
    main.setWindowState(Qt.WindowState.WindowNoState)
    main.resize(1366, 768)
    main.show()
    settle(qtbot, main)
    return main


def test_the_idle_window_locks_keeps_the_scans_and_opens_only_to_its_users_password(qtbot, ctx, company, settings):
    window = locking_window(qtbot, ctx, settings, 0)
    view = receiving_with(qtbot, window, ctx, 3)
    settings.setValue(LOCK_KEY, 0.01)  # 600 ms; set now: building the PO and scanning took longer than that
    window.idle.watch(lock_minutes(settings))
    for _ in range(8):  # scanning is use: 1.2 s of it, a key every 150 ms, never locks
        qtbot.keyClick(view.form.scanEdit, Qt.Key.Key_A)
        qtbot.wait(150)
    assert window.login is None
    qtbot.waitUntil(lambda: window.login is not None, timeout=5_000)
    lock = window.login
    assert window.cover.isVisible() and lock.locked == "admin" and lock.form.nameEdit.isReadOnly()
    assert lock.form.buttons.button(QDialogButtonBox.StandardButton.Cancel).isHidden()

    qtbot.keyClick(lock, Qt.Key.Key_Escape)  # does not unlock
    log_in(qtbot, window, "not the password")
    assert window.login is lock and lock.isVisible() and window.cover.isVisible()

    log_in(qtbot, window, ADMIN_PASSWORD)
    assert window.login is None and not window.cover.isVisible()
    assert window.view(ReceivingView) is view and len(view.pending) == 4 and view.form.scanEdit.text() == "a" * 8
    qtbot.waitUntil(lambda: window.login is not None, timeout=5_000)  # watching again
    window.runner.wait()


def test_switch_user_from_the_lock_asks_about_the_scans_first(qtbot, ctx, company, settings):
    users.add_user(ctx, CLERK, "warehouse", password=CLERK_PASSWORD)
    window = locking_window(qtbot, ctx, settings, 0)
    view = receiving_with(qtbot, window, ctx, 2)
    settings.setValue(LOCK_KEY, 0.01)
    window.idle.watch(lock_minutes(settings))
    qtbot.waitUntil(lambda: window.login is not None, timeout=5_000)
    switch = next(b for b in window.login.form.buttons.buttons() if b.text() == "S&witch user")

    answer_question(QMessageBox.StandardButton.No, [])
    switch.click()
    qtbot.waitUntil(lambda: window.login is not None and window.login.locked == "admin")  # still locked, scans kept
    assert len(window.view(ReceivingView).pending) == 3 and window.cover.isVisible()

    switch = next(b for b in window.login.form.buttons.buttons() if b.text() == "S&witch user")
    answer_question(QMessageBox.StandardButton.Yes, [])
    switch.click()
    qtbot.waitUntil(lambda: window.login is not None and window.login.locked is None)
    log_in(qtbot, window, CLERK_PASSWORD, name=CLERK)
    assert window.ctx.user == CLERK and window.view(ReceivingView) is not view and window.view(ReceivingView).pending == []
    qtbot.waitUntil(lambda: window.login is not None, timeout=5_000)
    assert window.login.locked == CLERK


def test_the_lock_is_set_in_settings_zero_is_never_and_a_damaged_value_locks_at_the_default(qtbot, ctx, company, settings):
    window = locking_window(qtbot, ctx, settings, 7)
    spin = window.view(SettingsView).form.lockSpin
    assert spin.value() == 7 and window.idle.timer.isActive() and window.idle.timer.interval() == 7 * 60_000
    spin.setValue(0)
    assert spin.text() == "never" and not window.idle.timer.isActive() and int(settings.value(LOCK_KEY)) == 0
    qtbot.keyClick(spin, Qt.Key.Key_Up)  # a key does not start a watch that is off
    assert int(settings.value(LOCK_KEY)) == 1 and window.idle.timer.interval() == 60_000
    settings.setValue(LOCK_KEY, "soon")
    assert lock_minutes(settings) == 10
