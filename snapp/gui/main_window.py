"""The main window: navigation on the left, one screen at a time on the right."""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QMainWindow, QMessageBox, QWidget

from snapp.gui.backups import BackupTimer
from snapp.gui.sharing import Sharing
from snapp.gui.errors import show_error
from snapp.gui.forms import load_form
from snapp.gui.notify import ChangeListener
from snapp.gui.operations import Changes, Runner
from snapp.gui.printing import saved_printer
from snapp.gui.views.count import CountView
from snapp.gui.views.customers import CustomersView
from snapp.gui.views.dashboard import DashboardView
from snapp.gui.views.exceptions import ExceptionsView
from snapp.gui.views.lookup import LookupView
from snapp.gui.views.masterdata import ItemsView, LocationsView, SuppliersView
from snapp.gui.views.purchase_orders import PurchaseOrdersView
from snapp.gui.views.recall import RecallView
from snapp.gui.views.receiving import ReceivingView
from snapp.gui.views.register import RegisterView
from snapp.gui.views.reports import ReportsView
from snapp.gui.views.rma import RmaView
from snapp.gui.views.scanner import ScannerView
from snapp.gui.views.settings import SettingsView
from snapp.gui.views.users import UsersView
from snapp.gui.views.verify import VerifyView
from snapp.services.base import Context
from snapp.services.printing import LabelSource


PREFERRED = QSize(1280, 800)  # first start on a screen that has room for it


class MainWindow(QMainWindow):
    def __init__(self, ctx: Context, settings: QSettings):
        super().__init__()
        self.ctx, self.settings = ctx, settings
        self.changes = Changes(self)
        self.runner = Runner(self.changes, self)
        self.runner.failed.connect(lambda err: show_error(self, err))
        self.listener = None
        if not ctx.db.is_sqlite:
            self.listener = ChangeListener(ctx.db, self.changes, self)
            self.listener.start()
        self.setWindowTitle(self.tr("SNApp — serial numbers"))
        host = QWidget(self)
        self.form = load_form("main_window", host)
        self.setCentralWidget(host)

        views = [
            (self.tr("Dashboard"), DashboardView, "Ctrl+1"),
            (self.tr("Purchase orders"), PurchaseOrdersView, "Ctrl+2"),
            (self.tr("Receiving"), ReceivingView, "Ctrl+3"),
            (self.tr("Serial lookup"), LookupView, "Ctrl+4"),
            (self.tr("Verify"), VerifyView, "Ctrl+Shift+V"),
            (self.tr("Serial register"), RegisterView, "Ctrl+5"),
            (self.tr("Stocktake"), CountView, "Ctrl+Shift+C"),
            (self.tr("Exceptions"), ExceptionsView, "Ctrl+Shift+X"),
            (self.tr("Recall and trace"), RecallView, "Ctrl+Shift+R"),
            (self.tr("Labels and documents"), ReportsView, "Ctrl+P"),
            (self.tr("Suppliers"), SuppliersView, "Ctrl+6"),
            (self.tr("Items"), ItemsView, "Ctrl+7"),
            (self.tr("Locations"), LocationsView, "Ctrl+8"),
            (self.tr("Users"), UsersView, "Ctrl+9"),
            (self.tr("Scanner"), ScannerView, "Ctrl+Shift+S"),
            (self.tr("Settings"), SettingsView, "Ctrl+0"),
            (self.tr("Customers"), CustomersView, "Ctrl+Shift+U"),
            (self.tr("Returns and RMAs"), RmaView, "Ctrl+Shift+A"),
        ]
        self.views: dict[type, QWidget] = {}
        for row, (title, view_class, keys) in enumerate(views):
            view = view_class(ctx, self.runner, settings)
            self.views[view_class] = view
            self.form.stack.addWidget(view)
            self.form.nav.addItem(title)
            self.form.nav.item(row).setToolTip(keys)
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(lambda row=row: self.form.nav.setCurrentRow(row))
        QShortcut(QKeySequence.StandardKey.HelpContents, self, self.show_keys)
        self.form.nav.currentRowChanged.connect(self._show)
        self.views[ReceivingView].lookup_requested.connect(self.show_serial)
        self.views[RegisterView].lookup_requested.connect(self.show_serial)
        self.views[RmaView].lookup_requested.connect(self.show_serial)
        self.views[ReceivingView].labels_requested.connect(self.label_receipt)

        user = QLabel(self.tr("User: {0}").format(ctx.user))
        database = QLabel(self.tr("Database: {0}").format(ctx.db.display))
        self.statusBar().addPermanentWidget(database)
        self.statusBar().addPermanentWidget(user)
        self.runner.busy.connect(self._busy)

        self.sharing = Sharing(ctx.db, settings, self)
        shared = self.views[SettingsView]
        self.sharing.state.connect(shared.show_sharing)
        self.sharing.failed.connect(shared.sharing_failed)
        shared.share_requested.connect(lambda on, port: self.sharing.start(port) if on else self.sharing.stop(forget=True))
        QApplication.instance().aboutToQuit.connect(self.sharing.stop)
        self.sharing.restore()

        self.backups = BackupTimer(ctx, self.runner, settings, self)
        self.backups.happened.connect(lambda text: self.statusBar().showMessage(text, 60_000))
        self.backups.start()

        self._place()
        self.form.nav.setCurrentRow(int(settings.value("window/screen", 0)))

    def _place(self) -> None:
        """Where the window was last time (maximised or not); at first start, as large as the screen allows."""
        geometry = self.settings.value("window/geometry")
        if geometry and self.restoreGeometry(geometry):
            return
        available = self.screen().availableGeometry()
        if available.width() < PREFERRED.width() or available.height() < PREFERRED.height():
            # A laptop's 1366×768 or a 1280×720 panel: use all of it, as an operator would.
            self.setGeometry(available)  # the whole of it even where no window manager maximises
            self.setWindowState(Qt.WindowState.WindowMaximized)
        else:
            self.resize(PREFERRED)

    def keys(self) -> list[tuple[str, str]]:
        """The keys that work on the screen on show, and what each does: its buttons, fields and shortcuts, then the screens."""
        view, found = self.form.stack.currentWidget(), []
        for widget in view.findChildren(QWidget):
            if widget.window() is not self or not widget.isVisibleTo(view):
                continue
            if isinstance(widget, QAbstractButton) and not widget.shortcut().isEmpty():
                found.append((widget.shortcut(), widget.text()))
            elif isinstance(widget, QLabel) and widget.buddy() is not None and "&" in widget.text():
                found.append((QKeySequence.mnemonic(widget.text()), widget.text()))
        found += [(s.key(), s.whatsThis()) for s in view.findChildren(QShortcut) if s.whatsThis()]
        named = [(keys.toString(QKeySequence.SequenceFormat.NativeText), re.sub(r"&(?!&)|\(&\w\)|…|\s{2,}\S+$", "", text).strip(" :："))
                 for keys, text in found if not keys.isEmpty()]  # fmt: skip
        screens = [(self.form.nav.item(row).toolTip(), self.form.nav.item(row).text()) for row in range(self.form.nav.count())]
        return sorted(set(named)) + screens

    def show_keys(self) -> None:
        """F1: the keys of this screen, so nobody has to hunt for them."""
        rows = "".join(f"<tr><td><b>{keys}</b></td><td>&nbsp;&nbsp;{html.escape(what)}</td></tr>" for keys, what in self.keys())
        box = QMessageBox(QMessageBox.Icon.NoIcon, self.tr("Keys of this screen"), f"<table>{rows}</table>", QMessageBox.StandardButton.Close, self)
        box.exec()

    def _busy(self, busy: bool) -> None:
        working, bar = self.tr("Working…"), self.statusBar()
        if busy:
            bar.showMessage(working)
        elif bar.currentMessage() == working:
            bar.clearMessage()  # but leave a backup's news standing

    def view(self, view_class: type) -> QWidget:
        return self.views[view_class]

    def open_screen(self, view_class: type) -> None:
        self.form.nav.setCurrentRow(list(self.views).index(view_class))

    def show_serial(self, serial: str) -> None:
        self.open_screen(LookupView)
        self.views[LookupView].look_up(serial)

    def label_receipt(self, number: str) -> None:
        """A receipt's labels: straight to the label printer when one is set, else prepared as a PDF."""
        printer = saved_printer(self.settings)
        if printer is None:
            self.open_screen(ReportsView)
            self.views[ReportsView].label_receipt(number)
            return
        status = self.statusBar()
        self.views[ReportsView].send(LabelSource(receipt=number), printer, lambda text: status.showMessage(text, 60_000), self)

    def _show(self, row: int) -> None:
        self.form.stack.setCurrentIndex(row)
        view = self.form.stack.currentWidget()
        view.activated()
        view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def closeEvent(self, event) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/screen", self.form.nav.currentRow())
        self.settings.sync()
        self.runner.wait()
        if self.listener is not None:
            self.listener.stop()
        super().closeEvent(event)
