"""The Users screen: an admin adds, re-roles, disables and unlocks; others change only their own password."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from snapp.errors import AuthenticationFailed
from snapp.gui.main_window import MainWindow
from snapp.gui.views.users import UsersView
from snapp.services import auth, users
from tests.gui.conftest import settle


def open_users(qtbot, window) -> UsersView:
    window.open_screen(UsersView)
    view = window.view(UsersView)
    settle(qtbot, window)
    return view


def save(qtbot, window, view: UsersView) -> None:
    qtbot.mouseClick(view.dialog.form.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    settle(qtbot, window)


def select(view: UsersView, name: str) -> None:
    view.form.tableView.selectRow([u.name for u in view.model.rows].index(name))


def test_an_admin_adds_a_user_who_can_then_log_in(qtbot, window, ctx):
    view = open_users(qtbot, window)
    qtbot.mouseClick(view.form.addButton, Qt.MouseButton.LeftButton)
    form = view.dialog.form
    qtbot.keyClicks(form.nameEdit, "li.na")
    form.roleCombo.setCurrentIndex(form.roleCombo.findData("warehouse"))
    qtbot.keyClicks(form.passwordEdit, "shelf life 42")
    qtbot.keyClicks(form.confirmEdit, "shelf life 42")
    save(qtbot, window, view)
    assert [(u.name, u.role, u.has_password) for u in view.model.rows] == [("admin", "admin", True), ("li.na", "warehouse", True)]
    assert auth.login(ctx.db, "li.na", "shelf life 42").user == "li.na"


def test_the_last_admin_cannot_be_disabled(qtbot, window, ctx):
    view = open_users(qtbot, window)
    select(view, "admin")
    shown = []
    window.runner.failed.disconnect()
    window.runner.failed.connect(shown.append)
    qtbot.mouseClick(view.form.activeButton, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert "last admin" in str(shown[0])
    assert users.list_users(ctx)[0].active


def test_an_admin_unlocks_a_locked_account(qtbot, window, ctx):
    users.add_user(ctx, "zhao", "service", password="service pw 1")
    for _ in range(5):
        with pytest.raises(AuthenticationFailed):
            auth.login(ctx.db, "zhao", "wrong")
    view = open_users(qtbot, window)
    view.refresh()
    settle(qtbot, window)
    select(view, "zhao")
    assert view.model.rows[1].locked and view.form.unlockButton.isEnabled()
    qtbot.mouseClick(view.form.unlockButton, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert not view.model.rows[1].locked
    assert auth.login(ctx.db, "zhao", "service pw 1").user == "zhao"


def test_a_warehouse_user_has_no_users_screen_and_changes_only_their_own_password(qtbot, ctx, company, settings):
    from snapp.gui.views.users import UserDialog

    users.add_user(ctx, "li.na", "warehouse", password="shelf life 42")
    clerk = auth.login(ctx.db, "li.na", "shelf life 42")
    window = MainWindow(clerk, settings)
    qtbot.addWidget(window)
    window.show()
    assert UsersView not in window.views  # the admins' screen
    file_menu = window.menuBar().actions()[0].menu()
    next(a for a in file_menu.actions() if a.text() == "Change my &password…").trigger()
    dialog = window.findChild(UserDialog)
    assert dialog.form.nameEdit.text() == "li.na" and not dialog.form.nameEdit.isEnabled()
    assert not dialog.form.roleCombo.isVisibleTo(dialog)
    dialog.form.passwordEdit.setText("new shelf 43")
    dialog.form.confirmEdit.setText("new shelf 43")
    qtbot.mouseClick(dialog.form.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert auth.login(ctx.db, "li.na", "new shelf 43").user == "li.na"
    window.runner.wait()
