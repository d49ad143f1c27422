"""Users: who may log in, in which role; admins add, disable, unlock and reset here."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from snapp.domain.permissions import Role
from snapp.gui.errors import refusal
from snapp.gui.forms import load_form
from snapp.gui.models import Column, RecordModel
from snapp.gui.operations import Runner
from snapp.gui.views.base import EmptyHint, View, fit_columns
from snapp.services import users
from snapp.services.base import Entity
from snapp.services.users import UserRecord


class UserDialog(QDialog):
    """A new user (name, role, password), or one of those for an existing user."""

    def __init__(self, parent: QWidget, runner: Runner, title: str, fields: set[str], save: Callable[..., Any],
                 user: UserRecord | None = None):  # fmt: skip
        super().__init__(parent)
        self.runner, self.save, self.fields = runner, save, fields
        self.form = form = load_form("user_form", self)
        self.setWindowTitle(title)
        for role in Role:
            form.roleCombo.addItem(role.value, role.value)
        if user is not None:
            form.nameEdit.setText(user.name)
            form.roleCombo.setCurrentIndex(form.roleCombo.findData(str(user.role)))
        form.nameEdit.setEnabled(user is None)
        for name, widgets in (("role", (form.roleLabel, form.roleCombo)),
                              ("password", (form.passwordLabel, form.passwordEdit, form.confirmLabel, form.confirmEdit))):  # fmt: skip
            for widget in widgets:
                widget.setVisible(name in fields)
        form.errorLabel.hide()
        form.buttons.accepted.connect(self.submit)
        form.buttons.rejected.connect(self.reject)

    def submit(self) -> None:
        form = self.form
        if "password" in self.fields and form.passwordEdit.text() != form.confirmEdit.text():
            self._error(self.tr("The two passwords differ."))
            return
        values = {"name": form.nameEdit.text().strip(), "role": form.roleCombo.currentData(),
                  "password": form.passwordEdit.text()}  # fmt: skip
        save = form.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(False)

        def failed(err: BaseException) -> bool:
            save.setEnabled(True)
            if (text := refusal(err)) is None:
                return False
            self._error(text)
            return True

        self.runner.run(lambda: self.save(**values), done=lambda _: self.accept(), failed=failed)

    def _error(self, text: str) -> None:
        self.form.errorLabel.setText(text)
        self.form.errorLabel.show()


class UsersView(View):
    form_name = "users"
    shows = frozenset({Entity.USERS})

    def __init__(self, *args):
        super().__init__(*args)
        form = self.form
        self.model = RecordModel(
            [
                Column(self.tr("User"), lambda u: u.name),
                Column(self.tr("Role"), lambda u: u.role),
                Column(self.tr("Active"), lambda u: self.tr("yes") if u.active else self.tr("no")),
                Column(self.tr("Password set"), lambda u: self.tr("yes") if u.has_password else self.tr("no")),
                Column(self.tr("Failed logins"), lambda u: u.failed_logins),
                Column(self.tr("Locked"), lambda u: self.tr("locked") if u.locked else ""),
            ]
        )
        form.tableView.setModel(self.model)
        fit_columns(form.tableView, stretch=0)
        EmptyHint(form.tableView, self.tr("No user here: press New user… to add one for each person who works with SNApp."))
        form.tableView.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        form.addButton.clicked.connect(self.add_user)
        form.roleButton.clicked.connect(self.change_role)
        form.passwordButton.clicked.connect(lambda: self.set_password(self.selected()))
        form.ownPasswordButton.clicked.connect(lambda: self.set_password(self.me()))
        form.activeButton.clicked.connect(self.toggle_active)
        form.unlockButton.clicked.connect(self.unlock)
        self.dialog: UserDialog | None = None
        self._update_buttons()

    def refresh(self) -> None:
        self.runner.run(lambda: users.list_users(self.ctx), done=self._listed)

    def _listed(self, rows: list[UserRecord]) -> None:
        chosen = self.selected()
        self.model.set_rows(rows)
        if chosen is not None:
            names = [u.name for u in rows]
            if chosen.name in names:
                self.form.tableView.selectRow(names.index(chosen.name))
        self._update_buttons()

    def me(self) -> UserRecord | None:
        return next((u for u in self.model.rows if u.name == self.ctx.user), None)

    def selected(self) -> UserRecord | None:
        rows = self.form.tableView.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        me, user, form = self.me(), self.selected(), self.form
        admin = me is not None and me.role == Role.ADMIN
        form.addButton.setEnabled(admin)
        for button in (form.roleButton, form.passwordButton, form.activeButton):
            button.setEnabled(admin and user is not None)
        form.unlockButton.setEnabled(admin and user is not None and (user.locked or user.failed_logins > 0))
        form.activeButton.setText(self.tr("&Enable") if user is not None and not user.active else self.tr("&Disable"))
        form.ownPasswordButton.setEnabled(me is not None)

    def _open(self, title: str, fields: set[str], save: Callable[..., Any], user: UserRecord | None = None) -> UserDialog:
        self.dialog = UserDialog(self, self.runner, title, fields, save, user)
        self.dialog.open()
        return self.dialog

    def add_user(self) -> None:
        self._open(self.tr("New user"), {"role", "password"},
                   lambda name, role, password: users.add_user(self.ctx, name, role, password=password))  # fmt: skip

    def change_role(self) -> None:
        if user := self.selected():
            self._open(self.tr("Role of {0}").format(user.name), {"role"},
                       lambda name, role, password: users.set_role(self.ctx, name, role), user)  # fmt: skip

    def set_password(self, user: UserRecord | None) -> None:
        if user is not None:
            self._open(self.tr("Password of {0}").format(user.name), {"password"},
                       lambda name, role, password: users.set_password(self.ctx, name, password), user)  # fmt: skip

    def toggle_active(self) -> None:
        if user := self.selected():
            self.runner.run(lambda: users.set_active(self.ctx, user.name, not user.active))

    def unlock(self) -> None:
        if user := self.selected():
            self.runner.run(lambda: users.unlock(self.ctx, user.name))
