"""Settings: the language, which database this PC works on, its label printer, backups, and sharing with phones
(pairing them)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QLabel, QMessageBox

from snapp.app.printers import print_test_label
from snapp.app.settings import PRINTER_DEFAULTS
from snapp.db.engine import Database, default_url
from snapp.db.schema import current_revision, head_revision
from snapp.domain.permissions import Permission, allows
from snapp.errors import SnappError
from snapp.gui import printing
from snapp.gui.backups import BackupSchedule
from snapp.gui.errors import refusal
from snapp.gui.palette import BAD, GOOD
from snapp.gui.models import Column, RecordModel
from snapp.gui.session import LOCK_KEY, lock_minutes
from snapp.gui.sharing import qr_pixmap
from snapp.gui.views.base import View, fit_columns
from snapp.io.printers import Printer
from snapp.reports.labels import template_names
from snapp.reports.thermal import DPIS, Language
from snapp.services import backup, devices, rma_due, users
from snapp.services.base import Context, Entity
from snapp.services.devices import DeviceRecord, PairingOffer

LANGUAGES = (("", "System language"), ("en", "English"), ("zh_CN", "简体中文"))
PRINTER_LANGUAGES = ((Language.ZPL, "ZPL (Zebra)"), (Language.TSPL, "TSPL (TSC, Gprinter, Xprinter)"))


def schema_at(url: str) -> str | None:
    """Connect to ``url`` and return its SNApp schema revision (None: empty); raises when it cannot connect."""
    db = Database(url)
    try:
        return current_revision(db)
    finally:
        db.dispose()


def is_admin(ctx: Context) -> bool:
    me = users.current_user(ctx)
    return me is not None and allows(me.role, Permission.ADMIN)


class SettingsView(View):
    form_name = "settings"
    shows = frozenset({Entity.DEVICES})  # a phone paired or seen through a server on PostgreSQL refreshes the list
    share_requested = Signal(bool, int)  # on or off, and the port
    language_chosen = Signal(str)  # a code of LANGUAGES: the main window shows it at once
    lock_changed = Signal(float)  # minutes without use before the window locks; 0: never
    backed_up = Signal(str)  # the line the status bar says it with

    def __init__(self, *args):
        super().__init__(*args)
        form = self.form
        for code, name in LANGUAGES:
            form.languageCombo.addItem(self.tr(name) if not code else name, code)
        form.languageCombo.setCurrentIndex(max(0, form.languageCombo.findData(self.settings.value("language", ""))))
        form.languageCombo.activated.connect(lambda _: self._language_changed())
        form.lockSpin.setValue(round(lock_minutes(self.settings)))
        form.lockSpin.valueChanged.connect(self._lock_changed)
        form.currentValue.setText(self.ctx.db.display)
        saved = self.settings.value("database/url", "")
        form.postgresRadio.setChecked(bool(saved))
        form.sqliteRadio.setChecked(not saved)
        form.urlEdit.setText(saved)
        form.urlEdit.setEnabled(bool(saved))
        form.postgresRadio.toggled.connect(form.urlEdit.setEnabled)
        form.testButton.clicked.connect(self.test_connection)
        form.saveButton.clicked.connect(self.save)
        schedule = BackupSchedule.load(self.settings, self.ctx.db)
        form.backupCheck.setChecked(schedule.enabled)
        form.backupFolderEdit.setText(schedule.folder)
        form.backupEverySpin.setValue(schedule.hours)
        form.backupKeepSpin.setValue(schedule.keep)
        form.backupSaveButton.clicked.connect(self.save_backup_settings)
        form.backupNowButton.clicked.connect(self.back_up_now)
        form.portSpin.setValue(int(self.settings.value("share/port", form.portSpin.value())))
        form.shareCheck.setChecked(self.settings.value("share/enabled", "false") in (True, "true"))
        form.shareCheck.clicked.connect(lambda on: self.share_requested.emit(on, form.portSpin.value()))
        self.address = self.fingerprint = self.pair_url = ""
        self.code_expiry = QTimer(self)
        self.code_expiry.setSingleShot(True)
        self.code_expiry.timeout.connect(lambda: self._clear_code(self.tr("The pairing code has expired.")))
        form.newCodeButton.clicked.connect(self.new_pairing_code)
        self.devices = RecordModel(
            [
                Column(self.tr("ID"), lambda d: d.id),
                Column(self.tr("Device"), lambda d: d.name),
                Column(self.tr("Paired by"), lambda d: d.paired_by),
                Column(self.tr("Paired"), lambda d: d.paired_at),
                Column(self.tr("Last seen"), lambda d: d.last_seen_at),
                Column(self.tr("Last user"), lambda d: d.last_user),
                Column(self.tr("State"), lambda d: self.tr("revoked") if d.revoked_at else self.tr("active")),
            ],
            self,
        )
        form.devicesTable.setModel(self.devices)
        fit_columns(form.devicesTable, stretch=1)
        form.revokeButton.clicked.connect(self.revoke_device)
        self.show_sharing(False, "", "")
        for language, name in PRINTER_LANGUAGES:
            form.printerLanguageCombo.addItem(name, str(language))
        for dpi in DPIS:
            form.printerDpiCombo.addItem(self.tr("{0} dpi").format(dpi), str(dpi))
        form.printerTemplateCombo.addItems(template_names())
        self._show_printer()
        form.printerSaveButton.clicked.connect(self.save_printer)
        form.printerTestButton.clicked.connect(self.print_test_label)
        form.answerDaysSpin.setMaximum(rma_due.ANSWER_DAYS_MAX)
        form.answerDaysSaveButton.clicked.connect(self.save_answer_days)

    def activated(self) -> None:
        self.refresh()  # on SQLite a phone pairs through the server process, which notifies no one: look again

    def refresh(self) -> None:
        def load() -> tuple[list[DeviceRecord] | None, int]:
            admin = is_admin(self.ctx)  # asked once: it decides both the device list and the answer days' control
            return devices.list_devices(self.ctx) if admin else None, rma_due.get_answer_days(self.ctx)

        def shown(got: tuple[list[DeviceRecord] | None, int]) -> None:
            rows, days = got
            if rows is None:
                self._admins_only(self.form.devicesNoteLabel)
            else:
                self.devices.set_rows(rows)
            self._show_answer_days(days, admin=rows is not None)

        self.runner.run(load, done=shown)

    def _show_answer_days(self, days: int, admin: bool) -> None:
        form = self.form
        form.answerDaysSpin.setValue(days)
        for widget in (form.answerDaysSpin, form.answerDaysSaveButton):
            widget.setEnabled(admin)
        if not admin:
            form.answerDaysResultLabel.setText(self.tr("Only an administrator can change it."))

    def save_answer_days(self) -> None:
        def failed(err: BaseException) -> bool:
            said = refusal(err)
            if said is not None:
                _colour(self.form.answerDaysResultLabel, said, False)
            return said is not None

        self.runner.run(
            lambda: rma_due.set_answer_days(self.ctx, self.form.answerDaysSpin.value()),
            done=lambda days: _colour(self.form.answerDaysResultLabel,
                                      self.tr("Saved: a return's answer is promised within {0} days.").format(days), True),
            failed=failed,
        )  # fmt: skip

    def show_sharing(self, running: bool, address: str, fingerprint: str) -> None:
        """What the server is doing: its address and the fingerprint phones check once, or that it is off."""
        form = self.form
        form.portSpin.setEnabled(not form.shareCheck.isChecked())
        self.address, self.fingerprint = address, fingerprint
        if running:
            form.shareStateLabel.setText(
                self.tr("Shared at {0}/api/v1 — certificate fingerprint (SHA-256): {1}").format(address, fingerprint)
            )
            self.new_pairing_code()
            return
        self._clear_code("")
        if form.shareCheck.isChecked():
            form.shareStateLabel.setText(self.tr("Starting…"))
        else:
            form.shareStateLabel.setText(self.tr("Not shared: only this PC uses the database."))

    def new_pairing_code(self) -> None:
        """A one-time code in a QR code with the address and fingerprint: a phone's camera opens the pairing page."""
        if self.address:
            self.runner.run(lambda: devices.new_pairing_code(self.ctx) if is_admin(self.ctx) else None,
                            done=self._show_code)  # fmt: skip

    def _show_code(self, offer: PairingOffer | None) -> None:
        form = self.form
        if offer is None:
            self._admins_only(form.pairHintLabel)
            return
        self.pair_url = devices.pair_url(self.address, self.fingerprint, offer.code)
        form.pairQrLabel.setPixmap(qr_pixmap(self.pair_url))
        form.pairQrLabel.setToolTip(self.pair_url)
        until = offer.expires_at.astimezone().strftime("%H:%M")
        form.pairHintLabel.setText(
            self.tr("To pair a phone or PDA, scan this with its camera, check that the page shows the same fingerprint, "
                    "and log in. Pairing code {0}: for one device, until {1}.").format(offer.code, until)
        )
        form.newCodeButton.setVisible(True)
        self.code_expiry.start(max(0, int((offer.expires_at - dt.datetime.now(dt.UTC)).total_seconds() * 1000)))

    def _clear_code(self, why: str) -> None:
        self.code_expiry.stop()
        self.pair_url = ""
        self.form.pairQrLabel.setPixmap(QPixmap())
        self.form.pairQrLabel.setToolTip("")
        self.form.pairHintLabel.setText(why)
        self.form.newCodeButton.setVisible(bool(self.address))

    def _admins_only(self, note: QLabel) -> None:
        """Pairing and the device list are an administrator's: others are told so (not refused, not audited)."""
        note.setText(self.tr("Only an administrator can pair and revoke phones and PDAs."))
        self.form.newCodeButton.setVisible(False)
        self.form.revokeButton.setEnabled(False)

    def revoke_device(self) -> None:
        rows = self.form.devicesTable.selectionModel().selectedRows()
        if not rows:
            return
        device: DeviceRecord = self.devices.rows[rows[0].row()]
        asked = QMessageBox.question(
            self, self.tr("Revoke device"),
            self.tr("Revoke {0}? It can no longer log in, and everyone logged in on it is logged out now.").format(device.name),
        )  # fmt: skip
        if asked == QMessageBox.StandardButton.Yes:
            self.runner.run(lambda: devices.revoke_device(self.ctx, device.id))  # the list refreshes on the change

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
            done=self._backed_up,
            progress=self.tr("Backing up…"),
            parent=self,
        )

    def _backed_up(self, made: backup.BackupRecord) -> None:
        said = self.tr("Backed up to {0}").format(made.path)
        self.form.backupResultLabel.setText(said)
        self.backed_up.emit(said)

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
        code = self.form.languageCombo.currentData()
        if code != self.settings.value("language", ""):
            self.settings.setValue("language", code)
            self.language_chosen.emit(code)

    def _lock_changed(self, minutes: int) -> None:
        self.settings.setValue(LOCK_KEY, minutes)
        self.lock_changed.emit(float(minutes))

    def _result(self, text: str, ok: bool | None) -> None:
        _colour(self.form.resultLabel, text, ok)


def _colour(label, text: str, ok: bool | None) -> None:
    colour = {True: GOOD.text, False: BAD.text, None: "palette(text)"}[ok]
    label.setText(text)
    label.setStyleSheet(f"color: {colour};")
