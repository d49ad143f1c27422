"""Who is at the keyboard: the first admin of a new database, or a login."""

from __future__ import annotations

import getpass
from dataclasses import replace

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from snapp.db.engine import Database
from snapp.gui.errors import refusal
from snapp.gui.forms import load_form
from snapp.gui.operations import Changes, Runner
from snapp.gui.problems import language
from snapp.services import auth
from snapp.services.base import Context


class LoginDialog(QDialog):
    """Logs in, or on a database without users creates its first admin; ``ctx`` is set on success."""

    def __init__(self, db: Database, settings: QSettings, first_run: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.settings, self.first_run = db, settings, first_run
        self.ctx: Context | None = None
        self.runner = Runner(Changes(self), self)  # argon2 takes a moment: off the GUI thread like every call
        self.form = form = load_form("login", self)
        self.setWindowTitle(form.windowTitle())
        form.databaseLabel.setText(self.tr("Database: {0}").format(db.display))
        form.confirmLabel.setVisible(first_run)
        form.confirmEdit.setVisible(first_run)
        if first_run:
            self.setWindowTitle(self.tr("SNApp — first run"))
            form.intro.setText(
                self.tr("This database has no users yet. Create its first administrator, who can then add the others.")
            )
            form.nameEdit.setText(getpass.getuser())
        else:
            form.intro.setText(self.tr("Log in to SNApp."))
            form.nameEdit.setText(str(settings.value("login/user", "")) or getpass.getuser())
        form.errorLabel.hide()
        form.buttons.accepted.connect(self.submit)
        form.buttons.rejected.connect(self.reject)
        (form.passwordEdit if form.nameEdit.text() else form.nameEdit).setFocus()

    def submit(self) -> None:
        form = self.form
        name, password = form.nameEdit.text().strip(), form.passwordEdit.text()
        if self.first_run and password != form.confirmEdit.text():
            self._error(self.tr("The two passwords differ."))
            return
        if not name:
            self._error(self.tr("Enter your user name."))
            return
        ok = form.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(False)
        act = auth.create_first_admin if self.first_run else auth.login

        def failed(err: BaseException) -> bool:
            ok.setEnabled(True)
            form.passwordEdit.clear()
            form.confirmEdit.clear()
            form.passwordEdit.setFocus()
            if (text := refusal(err)) is None:
                return False
            self._error(text)
            return True

        def done(ctx: Context) -> None:
            self.ctx = replace(ctx, lang=language())
            self.settings.setValue("login/user", ctx.user)
            self.accept()

        self.runner.run(lambda: act(self.db, name, password), done=done, failed=failed)

    def _error(self, text: str) -> None:
        self.form.errorLabel.setText(text)
        self.form.errorLabel.show()
