"""The first-run and login dialogs, typed into as a user would."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from snapp.db.engine import Database, sqlite_url
from snapp.db.schema import upgrade
from snapp.errors import AuthenticationFailed
from snapp.gui.login import LoginDialog
from snapp.services import auth, users
from tests.gui.conftest import settle


def press_ok(qtbot, dialog: LoginDialog) -> None:
    qtbot.mouseClick(dialog.form.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    settle(qtbot, dialog)


def fresh_database(tmp_path) -> Database:
    db = Database(sqlite_url(tmp_path / "new.db"))
    upgrade(db)
    return db


def test_the_first_run_creates_the_admin(qtbot, tmp_path, settings):
    db = fresh_database(tmp_path)
    dialog = LoginDialog(db, settings, first_run=auth.needs_first_run(db))
    qtbot.addWidget(dialog)
    assert dialog.form.confirmEdit.isVisibleTo(dialog)
    dialog.form.nameEdit.setText("wang.fang")
    qtbot.keyClicks(dialog.form.passwordEdit, "correct horse 9")
    qtbot.keyClicks(dialog.form.confirmEdit, "correct horse 8")
    press_ok(qtbot, dialog)
    assert dialog.form.errorLabel.text() == "The two passwords differ." and dialog.ctx is None

    qtbot.keyClicks(dialog.form.confirmEdit, "9")
    dialog.form.confirmEdit.setText("correct horse 9")
    press_ok(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.ctx.user == "wang.fang"
    assert [(u.name, u.role) for u in users.list_users(dialog.ctx)] == [("wang.fang", "admin")]
    assert not auth.needs_first_run(db)
    db.dispose()


def test_a_short_password_is_refused_at_first_run(qtbot, tmp_path, settings):
    db = fresh_database(tmp_path)
    dialog = LoginDialog(db, settings, first_run=True)
    qtbot.addWidget(dialog)
    dialog.form.nameEdit.setText("admin")
    dialog.form.passwordEdit.setText("short")
    dialog.form.confirmEdit.setText("short")
    press_ok(qtbot, dialog)
    assert "at least 8 characters" in dialog.form.errorLabel.text() and dialog.ctx is None
    db.dispose()


def test_a_wrong_password_is_refused_then_the_right_one_logs_in(qtbot, ctx, settings):
    users.add_user(ctx, "li.na", "warehouse", password="warehouse pw 1")
    dialog = LoginDialog(ctx.db, settings, first_run=auth.needs_first_run(ctx.db))
    qtbot.addWidget(dialog)
    assert not dialog.form.confirmEdit.isVisibleTo(dialog)
    dialog.form.nameEdit.setText("li.na")
    qtbot.keyClicks(dialog.form.passwordEdit, "guess")
    press_ok(qtbot, dialog)
    assert dialog.form.errorLabel.text() == "wrong user name or password"
    assert dialog.form.passwordEdit.text() == "" and dialog.ctx is None

    qtbot.keyClicks(dialog.form.passwordEdit, "warehouse pw 1")
    press_ok(qtbot, dialog)
    assert dialog.ctx is not None and dialog.ctx.user == "li.na"
    assert settings.value("login/user") == "li.na"  # offered first next time


def test_a_locked_account_says_so(qtbot, ctx, settings):
    users.add_user(ctx, "zhao", "service", password="service pw 1")
    for _ in range(5):
        try:
            auth.login(ctx.db, "zhao", "wrong")
        except AuthenticationFailed:
            pass
    dialog = LoginDialog(ctx.db, settings, first_run=False)
    qtbot.addWidget(dialog)
    dialog.form.nameEdit.setText("zhao")
    dialog.form.passwordEdit.setText("service pw 1")
    press_ok(qtbot, dialog)
    assert "locked" in dialog.form.errorLabel.text() and dialog.ctx is None
