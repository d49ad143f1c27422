"""Who is at the keyboard: the first admin of a new database, a login, or the password that unlocks an idle window."""

from __future__ import annotations

import getpass
from dataclasses import replace

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from snapp.db.engine import Database
from snapp.gui.backups import BackupSchedule
from snapp.gui.errors import refusal
from snapp.gui.forms import load_form
from snapp.gui.operations import Changes, Runner
from snapp.gui.problems import language
from snapp.services import auth
from snapp.services.base import Context


class LoginDialog(QDialog):
    """Logs in, or on a database without users creates its first admin; ``ctx`` is set on success.

    ``locked`` names the user whose idle window it unlocks: only their password opens it again, it cannot be
    dismissed, and its Switch user button ends the dialog with ``SWITCH``. ``name`` is the name offered
    (empty when switching user); by default the last one that logged in on this PC.
    """

    SWITCH = 2

    def __init__(self, db: Database, settings: QSettings, first_run: bool, parent: QWidget | None = None, *,
                 locked: str | None = None, name: str | None = None):  # fmt: skip
        super().__init__(parent)
        self.db, self.settings, self.first_run, self.locked = db, settings, first_run, locked
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
        elif locked is not None:
            self.setWindowTitle(self.tr("SNApp — locked"))
            form.intro.setText(self.tr("SNApp is locked. Enter {0}'s password to go on, or switch user.").format(locked))
            form.nameEdit.setText(locked)
            form.nameEdit.setReadOnly(True)
            form.buttons.button(QDialogButtonBox.StandardButton.Cancel).hide()  # the lock is not dismissed
            switch = form.buttons.addButton(self.tr("S&witch user"), QDialogButtonBox.ButtonRole.ActionRole)
            switch.clicked.connect(lambda: self.done(self.SWITCH))
        else:
            form.intro.setText(self.tr("Log in to SNApp."))
            form.nameEdit.setText((str(settings.value("login/user", "")) or getpass.getuser()) if name is None else name)
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
            if self.first_run:
                BackupSchedule.start_for_new_database(self.settings, self.db)
            self.accept()

        self.runner.run(lambda: act(self.db, name, password), done=done, failed=failed)

    def reject(self) -> None:
        if self.locked is None:  # Escape and the title bar's close leave a locked window locked
            super().reject()

    def _error(self, text: str) -> None:
        self.form.errorLabel.setText(text)
        self.form.errorLabel.show()
