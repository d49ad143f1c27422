"""The main window: navigation on the left, one screen at a time on the right."""

from __future__ import annotations

import html
import re
from dataclasses import replace

import shiboken6
from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QMainWindow, QMessageBox, QWidget

from snapp import __version__
from snapp.gui.backups import BackupTimer
from snapp.gui.sharing import Sharing
from snapp.gui.errors import show_error
from snapp.gui.forms import load_form
from snapp.gui.login import LoginDialog
from snapp.gui.menus import MenuBar
from snapp.gui.navigation import ADMINISTRATION, AFTER_SALES, OVERVIEW, PURCHASING, WAREHOUSE, Screen, fill, row_of, usable, view_at
from snapp.gui.notify import ChangeListener
from snapp.gui.operations import Changes, Runner
from snapp.gui.printing import saved_printer
from snapp.gui.problems import install_translation, language
from snapp.gui.session import Cover, IdleWatch, lock_minutes
from snapp.gui.views.stocktake import StocktakeView
from snapp.gui.views.customers import CustomersView
from snapp.gui.views.dashboard import DashboardView
from snapp.gui.views.exceptions import ExceptionsView
from snapp.gui.views.lookup import LookupView
from snapp.gui.views.masterdata import ItemsView, LocationsView, SuppliersView
from snapp.gui.views.purchase_orders import PurchaseOrdersView
from snapp.gui.views.recall import RecallView
from snapp.gui.views.receiving import ReceivingView
from snapp.gui.views.register import RegisterView
from snapp.gui.views.labels_documents import LabelsDocumentsView
from snapp.gui.views.rma import RmaView
from snapp.gui.views.scanner import ScannerView
from snapp.gui.views.settings import SettingsView
from snapp.gui.views.users import UserDialog, UsersView
from snapp.gui.views.verify import VerifyView
from snapp.domain.permissions import ROLE_PERMISSIONS, Permission, Role
from snapp.services import users
from snapp.services.base import Context
from snapp.services.printing import LabelSource


PREFERRED = QSize(1280, 800)  # first start on a screen that has room for it


def named(found: list[tuple[QKeySequence, str]]) -> list[tuple[str, str]]:
    """Each key as the keyboard names it, beside its text without the accelerator, "…" or a shortcut written after it."""
    return [(keys.toString(QKeySequence.SequenceFormat.NativeText), re.sub(r"&(?!&)|\(&\w\)|…|\s{2,}\S+$", "", text).strip(" :："))
            for keys, text in found if not keys.isEmpty()]  # fmt: skip


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
        host = QWidget(self)
        self.form = load_form("main_window", host)
        self.setCentralWidget(host)
        self.views: dict[type, QWidget] = {}
        self.form.nav.currentRowChanged.connect(self._show)
        self.database_label, self.user_label = QLabel(), QLabel()
        self.statusBar().addPermanentWidget(self.database_label)
        self.statusBar().addPermanentWidget(self.user_label)
        self.runner.busy.connect(self._busy)
        self.sharing = Sharing(ctx.db, settings, self)
        QApplication.instance().aboutToQuit.connect(self.sharing.stop)
        self.backups = BackupTimer(ctx, self.runner, settings, self)
        self.backups.happened.connect(self.say)
        self.idle = IdleWatch(self)
        self.idle.idle.connect(self.lock)
        self.cover = Cover(self)
        self.login: LoginDialog | None = None  # while the window is locked or changes hands

        self._open(ctx)
        self.sharing.restore()
        self.backups.start()
        self._place()
        self.open_screen(self.saved_screen())

    def screens(self) -> list[Screen]:
        """Every screen, by work area: what a clerk starts the day with, then purchasing, the warehouse floor,
        after-sales and, last, setting the PC and the people up. Which of them a user sees, their role decides."""
        every, admin = frozenset(Permission), frozenset({Permission.ADMIN})
        return [
            Screen(self.tr("Dashboard"), DashboardView, "Ctrl+1", OVERVIEW, "dashboard", every),
            Screen(self.tr("Serial lookup"), LookupView, "Ctrl+4", OVERVIEW, "lookup", every),
            Screen(self.tr("Verify"), VerifyView, "Ctrl+Shift+V", OVERVIEW, "verify", every),
            Screen(self.tr("Serial register"), RegisterView, "Ctrl+5", OVERVIEW, "register", every),
            Screen(self.tr("Exceptions"), ExceptionsView, "Ctrl+Shift+X", OVERVIEW, "exceptions", every),
            Screen(self.tr("Purchase orders"), PurchaseOrdersView, "Ctrl+2", PURCHASING, "purchase-orders",
                   frozenset({Permission.PURCHASING})),
            Screen(self.tr("Suppliers"), SuppliersView, "Ctrl+6", PURCHASING, "suppliers", frozenset({Permission.MASTER_DATA})),
            Screen(self.tr("Items"), ItemsView, "Ctrl+7", PURCHASING, "items", frozenset({Permission.MASTER_DATA})),
            Screen(self.tr("Receiving"), ReceivingView, "Ctrl+3", WAREHOUSE, "receiving", frozenset({Permission.RECEIVE})),
            Screen(self.tr("Stocktake"), StocktakeView, "Ctrl+Shift+C", WAREHOUSE, "stocktake", frozenset({Permission.STOCKTAKE})),
            Screen(self.tr("Locations"), LocationsView, "Ctrl+8", WAREHOUSE, "locations", frozenset({Permission.MASTER_DATA})),
            Screen(self.tr("Labels and documents"), LabelsDocumentsView, "Ctrl+P", WAREHOUSE, "labels",
                   frozenset({Permission.LABELS, Permission.REPORTS})),
            Screen(self.tr("Recall and trace"), RecallView, "Ctrl+Shift+R", AFTER_SALES, "recall", every),
            Screen(self.tr("Returns and RMAs"), RmaView, "Ctrl+Shift+A", AFTER_SALES, "returns", frozenset({Permission.SERVICE})),
            Screen(self.tr("Customers"), CustomersView, "Ctrl+Shift+U", AFTER_SALES, "customers",
                   frozenset({Permission.SERVICE, Permission.MASTER_DATA})),
            Screen(self.tr("Users"), UsersView, "Ctrl+9", ADMINISTRATION, "users", admin),
            # Everyone's: the scanner of this PC, and Settings' language, idle lock and database (its admin parts stay admins').
            Screen(self.tr("Scanner"), ScannerView, "Ctrl+Shift+S", ADMINISTRATION, "scanner", every),
            Screen(self.tr("Settings"), SettingsView, "Ctrl+0", ADMINISTRATION, "settings", every),
        ]

    def headings(self) -> dict[str, str]:
        return {OVERVIEW: self.tr("Every day"), PURCHASING: self.tr("Purchasing"), WAREHOUSE: self.tr("Warehouse"),
                AFTER_SALES: self.tr("After-sales"), ADMINISTRATION: self.tr("Administration")}  # fmt: skip

    # --- a session: the screens of one user, in one language ----------------------------------------

    def _open(self, ctx: Context) -> None:
        """Build every screen for ``ctx``, and the menus and words around them in the language installed now."""
        self.ctx = self.backups.ctx = ctx
        self.setWindowTitle(self.tr("SNApp — serial numbers"))
        # Asked here, on the GUI thread, once a session: which screens exist depends on it.
        self.me = users.current_user(ctx)
        permissions = ROLE_PERMISSIONS[Role(self.me.role)] if self.me is not None else frozenset()
        nav, screens, headings = self.form.nav, usable(self.screens(), permissions), self.headings()
        nav.blockSignals(True)
        for screen in screens:
            view = screen.view_class(ctx, self.runner, self.settings)
            self.views[screen.view_class] = view
            self.form.stack.addWidget(view)
        fill(nav, screens, headings)
        nav.setCurrentRow(-1)  # so that choosing the first screen shows it too
        nav.blockSignals(False)
        self.setMenuBar(MenuBar(self, screens, headings))
        for asking in (ReceivingView, RegisterView, RmaView):
            if asking in self.views:
                self.views[asking].lookup_requested.connect(self.show_serial)
        if ReceivingView in self.views:
            self.views[ReceivingView].labels_requested.connect(self.label_receipt)
        shared = self.views[SettingsView]
        self.sharing.state.connect(shared.show_sharing)
        self.sharing.failed.connect(shared.sharing_failed)
        shared.share_requested.connect(lambda on, port: self.sharing.start(port) if on else self.sharing.stop(forget=True))
        shared.backed_up.connect(self.say)
        shared.lock_changed.connect(self.idle.watch)
        # Queued: the screen that asked is about to be rebuilt, which it must not be from inside its own signal.
        shared.language_chosen.connect(self.use_language, Qt.ConnectionType.QueuedConnection)
        self.database_label.setText(self.tr("Database: {0}").format(ctx.db.display))
        self.user_label.setText(self.tr("User: {0}").format(ctx.user))
        self.idle.watch(lock_minutes(self.settings))

    def _close(self) -> None:
        """Take every screen down, with what it held: the next session starts from nothing."""
        self.runner.finish()  # no result of the old session lands on its screens once they are gone
        for view in self.views.values():
            self.form.stack.removeWidget(view)
            # Now, not later: a screen's timer (receiving's database check) could otherwise still start work for it.
            shiboken6.delete(view)
        self.views.clear()
        self.form.nav.blockSignals(True)
        self.form.nav.clear()
        self.form.nav.blockSignals(False)

    def use_language(self, code: str) -> None:
        """Show everything in the language just chosen, at once: the screens are built again in it, on the screen
        that was on show, and the receiving scans not yet posted carry over."""
        shown = self.current_screen()
        handed = self.views[ReceivingView].handover() if ReceivingView in self.views else None
        focused = QApplication.focusWidget()
        within = focused.objectName() if focused is not None and self.form.stack.currentWidget().isAncestorOf(focused) else ""
        install_translation(QApplication.instance(), code)
        self._close()
        self._open(replace(self.ctx, lang=language()))
        if handed is not None:
            self.views[ReceivingView].take_over(handed)
        self.open_screen(shown)
        if within and (again := self.form.stack.currentWidget().findChild(QWidget, within)) is not None:
            again.setFocus(Qt.FocusReason.OtherFocusReason)  # the language list keeps the keyboard: the next arrow goes on

    def lock(self) -> None:
        """Cover the window until its user's password is given again (or someone else logs in); nothing is lost."""
        if self.login is not None or not self.views:
            return
        self._ask_login(self.tr("Locked"), locked=self.ctx.user)

    def log_out(self) -> None:
        """End the session now; the login dialog asks who is next, offering the same name (Cancel ends SNApp)."""
        if self._may_end(self.tr("Log out")):
            user = self.ctx.user
            self._close()
            self._ask_login(self.tr("Logged out"), name=user)

    def switch_user(self) -> None:
        """Like log out, but the name field starts empty for the next person."""
        if self._may_end(self.tr("Switch user")):
            self._close()
            self._ask_login(self.tr("Logged out"), name="")

    def _may_end(self, what: str) -> bool:
        """Nothing pending is lost without a question, and no dialog of a screen is open: its screen is about to go."""
        if not self.views:
            return True
        if opened := [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.isModal() and w is not self.login]:
            QMessageBox.information(self, what, self.tr("Finish or close “{0}” first.").format(opened[0].windowTitle()))
            return False
        return ReceivingView not in self.views or self.views[ReceivingView].may_end_session(what)

    def _ask_login(self, covered: str, *, locked: str | None = None, name: str | None = None) -> None:
        self.idle.pause()
        self.cover.cover(covered)
        self.login = LoginDialog(self.ctx.db, self.settings, first_run=False, parent=self, locked=locked, name=name)
        self.login.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.login.finished.connect(self._logged_in)
        self.login.open()

    def _logged_in(self, result: int) -> None:
        dialog, self.login = self.login, None
        dialog.deleteLater()
        if result == LoginDialog.SWITCH:
            self.switch_user()  # asks about pending scans; a No leaves the window locked
            if self.login is None:
                self.lock()
            return
        if result != LoginDialog.DialogCode.Accepted:
            self.close()  # Cancel at the login after a log out: nobody is at the keyboard
            return
        if not self.views:  # a new session (after a lock the session and its screens are the same)
            self._open(dialog.ctx)
            self.open_screen(DashboardView)
        self.cover.hide()
        self.idle.watch(lock_minutes(self.settings))
        self.form.stack.currentWidget().setFocus(Qt.FocusReason.OtherFocusReason)

    def change_password(self) -> None:
        """Anyone's own password, from the File menu: the Users screen is the admins'."""
        if self.me is not None:
            save = lambda name, role, password: users.set_password(self.ctx, name, password)  # noqa: E731
            UserDialog(self, self.runner, self.tr("Your password"), {"password"}, save, self.me).open()

    def back_up_now(self) -> None:
        self.views[SettingsView].back_up_now()

    def about(self) -> None:
        QMessageBox.about(
            self, self.tr("About SNApp"),
            self.tr("SNApp {0}: serial-number tracking.<br>Database: {1}<br>User: {2}").format(
                __version__, html.escape(self.ctx.db.display), html.escape(self.ctx.user)),
        )  # fmt: skip

    def say(self, text: str) -> None:
        """A line in the status bar for a minute: a backup's news."""
        self.statusBar().showMessage(text, 60_000)

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
        """The keys that work on the screen on show, and what each does: its buttons, fields and shortcuts, then the screens,
        then the menu bar's own (lock, quit, the bar itself)."""
        view, found = self.form.stack.currentWidget(), []
        for widget in view.findChildren(QWidget):
            if widget.window() is not self or not widget.isVisibleTo(view):
                continue
            if isinstance(widget, QAbstractButton) and not widget.shortcut().isEmpty():
                found.append((widget.shortcut(), widget.text()))
            elif isinstance(widget, QLabel) and widget.buddy() is not None and "&" in widget.text():
                found.append((QKeySequence.mnemonic(widget.text()), widget.text()))
        found += [(s.key(), s.whatsThis()) for s in view.findChildren(QShortcut) if s.whatsThis()]
        nav = self.form.nav
        screens = [(nav.item(row).toolTip(), nav.item(row).text()) for row in range(nav.count()) if view_at(nav, row) is not None]
        return sorted(set(named(found))) + screens + named(self.menuBar().keys)

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
        """Bring ``view_class``'s screen to the front; one the role does not have stays where it is."""
        if (row := row_of(self.form.nav, view_class)) >= 0:
            self.form.nav.setCurrentRow(row)

    def current_screen(self) -> type:
        return type(self.form.stack.currentWidget())

    def saved_screen(self) -> type:
        """The screen on show when SNApp was last closed, if this user has it; else the dashboard."""
        name = self.settings.value("window/screen", "")
        return next((view_class for view_class in self.views if view_class.__name__ == name), DashboardView)

    def show_serial(self, serial: str) -> None:
        self.open_screen(LookupView)
        self.views[LookupView].look_up(serial)

    def label_receipt(self, number: str) -> None:
        """A receipt's labels: straight to the label printer when one is set, else prepared as a PDF."""
        printer = saved_printer(self.settings)
        if printer is None:
            self.open_screen(LabelsDocumentsView)
            self.views[LabelsDocumentsView].label_receipt(number)
            return
        status = self.statusBar()
        self.views[LabelsDocumentsView].send(LabelSource(receipt=number), printer, lambda text: status.showMessage(text, 60_000), self)

    def _show(self, row: int) -> None:
        if (view_class := view_at(self.form.nav, row)) is None:
            return  # a heading, or the list emptied
        view = self.views[view_class]
        self.form.stack.setCurrentWidget(view)
        view.activated()
        view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def closeEvent(self, event) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        if self.views:  # not after a log out
            self.settings.setValue("window/screen", self.current_screen().__name__)
        self.settings.sync()
        self.runner.wait()
        if self.listener is not None:
            self.listener.stop()
        super().closeEvent(event)
