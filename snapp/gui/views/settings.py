"""Settings: the language, which database this PC works on, its label printer, backups and sharing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Literal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMessageBox

from snapp.app.printers import print_test_label
from snapp.app.settings import PRINTER_DEFAULTS
from snapp.db.engine import Database, default_url
from snapp.db.schema import current_revision, head_revision
from snapp.errors import SnappError
from snapp.gui import printing
from snapp.gui.backups import BackupSchedule
from snapp.gui.errors import refusal
from snapp.gui.views.base import View
from snapp.io.printers import Printer
from snapp.reports.labels import template_names
from snapp.reports.thermal import DPIS, Language
from snapp.services import backup

LANGUAGES = (("", "System language"), ("en", "English"), ("zh_CN", "简体中文"))
PRINTER_LANGUAGES = ((Language.ZPL, "ZPL (Zebra)"), (Language.TSPL, "TSPL (TSC, Gprinter, Xprinter)"))


def schema_at(url: str) -> str | None:
    """Connect to ``url`` and return its SNApp schema revision (None: empty); raises when it cannot connect."""
    db = Database(url)
    try:
        return current_revision(db)
    finally:
        db.dispose()


class SettingsView(View):
    form_name = "settings"
    share_requested = Signal(bool, int)  # on or off, and the port

    def __init__(self, *args):
        super().__init__(*args)
        form = self.form
        for code, name in LANGUAGES:
            form.languageCombo.addItem(self.tr(name) if not code else name, code)
        form.languageCombo.setCurrentIndex(max(0, form.languageCombo.findData(self.settings.value("language", ""))))
        form.languageCombo.activated.connect(lambda _: self._language_changed())
        form.currentValue.setText(self.ctx.db.display)
        saved = self.settings.value("database/url", "")
        form.postgresRadio.setChecked(bool(saved))
        form.sqliteRadio.setChecked(not saved)
        form.urlEdit.setText(saved)
        form.urlEdit.setEnabled(bool(saved))
        form.postgresRadio.toggled.connect(form.urlEdit.setEnabled)
        form.testButton.clicked.connect(self.test_connection)
        form.saveButton.clicked.connect(self.save)
        schedule = BackupSchedule.load(self.settings)
        form.backupCheck.setChecked(schedule.enabled)
        form.backupFolderEdit.setText(schedule.folder)
        form.backupEverySpin.setValue(schedule.hours)
        form.backupKeepSpin.setValue(schedule.keep)
        form.backupSaveButton.clicked.connect(self.save_backup_settings)
        form.backupNowButton.clicked.connect(self.back_up_now)
        form.portSpin.setValue(int(self.settings.value("share/port", form.portSpin.value())))
        form.shareCheck.setChecked(self.settings.value("share/enabled", "false") in (True, "true"))
        form.shareCheck.clicked.connect(lambda on: self.share_requested.emit(on, form.portSpin.value()))
        self.show_sharing(False, "", "")
        for language, name in PRINTER_LANGUAGES:
            form.printerLanguageCombo.addItem(name, str(language))
        for dpi in DPIS:
            form.printerDpiCombo.addItem(self.tr("{0} dpi").format(dpi), str(dpi))
        form.printerTemplateCombo.addItems(template_names())
        self._show_printer()
        form.printerSaveButton.clicked.connect(self.save_printer)
        form.printerTestButton.clicked.connect(self.print_test_label)

    def show_sharing(self, running: bool, address: str, fingerprint: str) -> None:
        """What the server is doing: its address and the fingerprint phones check once, or that it is off."""
        form = self.form
        form.portSpin.setEnabled(not form.shareCheck.isChecked())
        if running:
            form.shareStateLabel.setText(
                self.tr("Shared at {0}/api/v1 — certificate fingerprint (SHA-256): {1}").format(address, fingerprint)
            )
        elif form.shareCheck.isChecked():
            form.shareStateLabel.setText(self.tr("Starting…"))
        else:
            form.shareStateLabel.setText(self.tr("Not shared: only this PC uses the database."))

    def sharing_failed(self, last_words: str) -> None:
        self.form.shareCheck.setChecked(False)
        self.form.portSpin.setEnabled(True)
        self.form.shareStateLabel.setText(self.tr("The server stopped: {0}").format(last_words))

    def chosen_url(self) -> str:
        return self.form.urlEdit.text().strip() if self.form.postgresRadio.isChecked() else ""

    def test_connection(self) -> None:
        db = self.ctx.db
        embedded = db.url.render_as_string(hide_password=False) if db.is_sqlite else default_url()
        url = self.chosen_url() or embedded
        self._result(self.tr("Connecting…"), None)

        def failed(err: BaseException) -> bool:
            self._result(self.tr("Cannot connect: {0}").format(str(err).splitlines()[0]), False)
            return True

        self.runner.run(lambda: schema_at(url), done=self._connected, failed=failed)

    def _connected(self, revision: str | None) -> None:
        if revision is None:
            text = self.tr("connected; the database is empty — SNApp will create its tables (snapp init)")
        elif revision != head_revision():
            text = self.tr("connected; schema {0}, this SNApp needs {1} (snapp init)").format(revision, head_revision())
        else:
            text = self.tr("connected; SNApp schema {0}, ready").format(revision)
        self._result(text, True)

    def save(self) -> None:
        self.settings.setValue("database/url", self.chosen_url())
        QMessageBox.information(self, self.tr("Settings"), self.tr("Saved. SNApp uses the new database from its next start."))

    def schedule(self) -> BackupSchedule:
        form = self.form
        return BackupSchedule(form.backupCheck.isChecked(), form.backupFolderEdit.text().strip(),
                              form.backupEverySpin.value(), form.backupKeepSpin.value())  # fmt: skip

    def save_backup_settings(self) -> None:
        self.schedule().save(self.settings)
        self.form.backupResultLabel.setText(self.tr("Saved."))

    def back_up_now(self) -> None:
        folder = Path(self.schedule().folder)
        out = folder / dt.datetime.now().strftime("snapp-manual-%Y%m%d-%H%M%S.snappbak")
        self.runner.run(
            lambda progress: backup.backup(self.ctx, out),
            done=lambda made: self.form.backupResultLabel.setText(self.tr("Backed up to {0}").format(made.path)),
            progress=self.tr("Backing up…"),
            parent=self,
        )

    def _show_printer(self) -> None:
        """The saved choice, as saved (even a damaged one, so that it can be corrected)."""
        form, keys = self.form, printing.KEYS
        form.printerAddressEdit.setText(str(self.settings.value(keys["address"], "")))
        for combo, key in ((form.printerLanguageCombo, "language"), (form.printerDpiCombo, "dpi")):
            combo.setCurrentIndex(max(0, combo.findData(str(self.settings.value(keys[key], PRINTER_DEFAULTS[key])))))
        form.printerTemplateCombo.setCurrentText(str(self.settings.value(keys["template"], PRINTER_DEFAULTS["template"])))

    def chosen_printer(self) -> Printer | None:
        """The printer the form describes (None: no address, labels go to a PDF); raises SnappError for a bad address."""
        form = self.form
        address = form.printerAddressEdit.text().strip()
        if not address:
            return None
        language, dpi = form.printerLanguageCombo.currentData(), form.printerDpiCombo.currentData()
        return Printer.of(address, language, dpi, form.printerTemplateCombo.currentText())

    def save_printer(self) -> None:
        if (printer := self._form_printer()) is False:
            return
        printing.save_printer(self.settings, printer)
        if printer is None:
            self._printer_result(self.tr("Saved: no label printer, labels go to a PDF."), True)
        else:
            self._printer_result(self.tr("Saved: labels go to {0}.").format(printer.address), True)

    def print_test_label(self) -> None:
        if (printer := self._form_printer()) is False:
            return
        if printer is None:
            self._printer_result(self.tr("Enter the printer's address first."), False)
            self.form.printerAddressEdit.setFocus()
            return
        self._printer_result(self.tr("Sending a test label to {0}…").format(printer.address), None)

        def failed(err: BaseException) -> bool:
            said = refusal(err)
            if said is not None:
                self._printer_result(said, False)
            return said is not None

        self.runner.run(
            lambda: print_test_label(printer),
            done=lambda _: self._printer_result(self.tr("Test label sent to {0}.").format(printer.address), True),
            failed=failed,
        )

    def _form_printer(self) -> Printer | None | Literal[False]:
        """The form's printer, or False once its refusal is shown beside the buttons."""
        try:
            return self.chosen_printer()
        except SnappError as err:
            self._printer_result(refusal(err), False)
            return False

    def _printer_result(self, text: str, ok: bool | None) -> None:
        _colour(self.form.printerResultLabel, text, ok)

    def _language_changed(self) -> None:
        self.settings.setValue("language", self.form.languageCombo.currentData())
        QMessageBox.information(self, self.tr("Settings"), self.tr("The language changes at SNApp's next start."))

    def _result(self, text: str, ok: bool | None) -> None:
        _colour(self.form.resultLabel, text, ok)


def _colour(label, text: str, ok: bool | None) -> None:
    colour = {True: "#2e7d32", False: "#c62828", None: "palette(text)"}[ok]
    label.setText(text)
    label.setStyleSheet(f"color: {colour};")
