"""The navigation: screens under the heading of their work area, each with an icon, and only those the user's role can use —
in the list, in the menus and by their keys."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from snapp.domain.permissions import Role
from snapp.gui.navigation import row_of, screen_rows, view_at
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
from snapp.gui.views.users import UsersView
from snapp.gui.views.verify import VerifyView
from snapp.services import users
from tests.gui.conftest import settle

EVERYONE = {DashboardView, LookupView, VerifyView, RegisterView, ExceptionsView, RecallView, ScannerView, SettingsView}
SCREENS = {
    Role.ADMIN: EVERYONE | {PurchaseOrdersView, SuppliersView, ItemsView, ReceivingView, StocktakeView, LocationsView, LabelsDocumentsView,
                            RmaView, CustomersView, UsersView},  # fmt: skip
    Role.PROCUREMENT: EVERYONE | {PurchaseOrdersView, SuppliersView, ItemsView, LocationsView, LabelsDocumentsView, CustomersView},
    Role.WAREHOUSE: EVERYONE | {ReceivingView, StocktakeView, LabelsDocumentsView},
    Role.SERVICE: EVERYONE | {RmaView, CustomersView},
    Role.AUDITOR: EVERYONE | {LabelsDocumentsView},
}
HEADINGS = {
    Role.ADMIN: ["EVERY DAY", "PURCHASING", "WAREHOUSE", "AFTER-SALES", "ADMINISTRATION"],
    Role.PROCUREMENT: ["EVERY DAY", "PURCHASING", "WAREHOUSE", "AFTER-SALES", "ADMINISTRATION"],
    Role.WAREHOUSE: ["EVERY DAY", "WAREHOUSE", "AFTER-SALES", "ADMINISTRATION"],
    Role.SERVICE: ["EVERY DAY", "AFTER-SALES", "ADMINISTRATION"],
    Role.AUDITOR: ["EVERY DAY", "WAREHOUSE", "AFTER-SALES", "ADMINISTRATION"],
}


def window_of(qtbot, ctx, settings, role: Role):
    from snapp.gui.main_window import MainWindow

    if role != Role.ADMIN:
        users.add_user(ctx, "someone", role.value, password="a long enough password 1")
        ctx = replace(ctx, user="someone")
    window = MainWindow(ctx, settings)
    qtbot.addWidget(window)
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(1366, 768)
    window.show()
    settle(qtbot, window)
    return window


def menu_actions(window):
    return [a for top in window.menuBar().actions() if top.menu() for a in top.menu().actions() if not a.isSeparator()]


@pytest.mark.parametrize("role", list(Role))
def test_each_role_sees_only_its_screens_under_their_headings_in_the_list_and_the_menus(qtbot, ctx, company, settings, role):
    window = window_of(qtbot, ctx, settings, role)
    nav = window.form.nav
    shown = [view_at(nav, row) for row in screen_rows(nav)]
    assert set(shown) == SCREENS[role] == set(window.views) and len(shown) == len(set(shown))
    headings = [nav.item(row) for row in range(nav.count()) if view_at(nav, row) is None]
    assert [item.text() for item in headings] == HEADINGS[role]
    assert all(item.flags() == Qt.ItemFlag.NoItemFlags for item in headings)  # neither chosen nor selectable
    assert all(not nav.item(row).icon().isNull() for row in screen_rows(nav))
    screens = {nav.item(row).text(): nav.item(row).toolTip() for row in screen_rows(nav)}
    in_menus = {a.text().replace("&", ""): a.shortcut().toString() for a in menu_actions(window) if a.shortcut().toString() in screens.values()}
    assert in_menus == screens
    # Every screen kept its key, whoever has it.
    assert {"Dashboard": "Ctrl+1", "Serial lookup": "Ctrl+4", "Settings": "Ctrl+0"}.items() <= screens.items()
    assert window.form.stack.currentWidget() is window.view(DashboardView)


def test_a_hidden_screens_key_and_opening_it_do_nothing(qtbot, ctx, company, settings):
    window = window_of(qtbot, ctx, settings, Role.WAREHOUSE)
    bound = {a.shortcut() for a in menu_actions(window)}
    assert QKeySequence("Ctrl+2") not in bound and QKeySequence("Ctrl+9") not in bound  # purchase orders, users
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.form.stack.currentWidget() is window.view(DashboardView)
    window.open_screen(UsersView)
    assert window.form.stack.currentWidget() is window.view(DashboardView)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.form.stack.currentWidget() is window.view(ReceivingView)
    with pytest.raises(KeyError):
        window.view(PurchaseOrdersView)


def test_the_arrow_keys_step_over_the_headings(qtbot, window):
    nav = window.form.nav
    window.open_screen(ExceptionsView)  # the last of the first area
    nav.setFocus()
    qtbot.keyClick(nav, Qt.Key.Key_Down)
    assert view_at(nav, nav.currentRow()) is PurchaseOrdersView and window.form.stack.currentWidget() is window.view(PurchaseOrdersView)
    qtbot.keyClick(nav, Qt.Key.Key_Up)
    assert window.form.stack.currentWidget() is window.view(ExceptionsView)
    window.open_screen(DashboardView)
    qtbot.keyClick(nav, Qt.Key.Key_Up)  # nothing above the first screen but its heading
    assert nav.currentRow() == row_of(nav, DashboardView) == 1


def test_the_screen_on_show_is_remembered_by_name_and_a_screen_the_next_user_lacks_gives_the_dashboard(qtbot, ctx, company, settings):
    window = window_of(qtbot, ctx, settings, Role.ADMIN)
    window.open_screen(UsersView)
    window.close()
    assert settings.value("window/screen") == "UsersView"
    again = window_of(qtbot, ctx, settings, Role.ADMIN)
    assert again.form.stack.currentWidget() is again.view(UsersView)
    again.close()
    clerk = window_of(qtbot, ctx, settings, Role.WAREHOUSE)
    assert clerk.form.stack.currentWidget() is clerk.view(DashboardView)


def test_anyone_changes_their_own_password_from_the_file_menu(qtbot, ctx, company, settings):
    from snapp.gui.views.users import UserDialog
    from snapp.services.auth import login

    window = window_of(qtbot, ctx, settings, Role.SERVICE)
    [action] = [a for a in menu_actions(window) if a.text() == "Change my &password…"]
    action.trigger()
    dialog = window.findChild(UserDialog)
    assert dialog.isVisible() and dialog.form.nameEdit.text() == "someone" and not dialog.form.nameEdit.isEnabled()
    dialog.form.passwordEdit.setText("another long password 2")
    dialog.form.confirmEdit.setText("another long password 2")
    dialog.submit()
    settle(qtbot, window)
    assert login(ctx.db, "someone", "another long password 2").user == "someone"


def test_every_screens_icon_is_drawn_dark_on_the_list_and_white_on_the_chosen_row(window):
    from PySide6.QtGui import QIcon

    def inks(icon: QIcon, mode: QIcon.Mode) -> set[str]:
        image = icon.pixmap(20, 20, mode).toImage()
        return {image.pixelColor(x, y).name() for x in range(20) for y in range(20) if image.pixelColor(x, y).alpha() > 200}

    nav = window.form.nav
    icons = [nav.item(row).icon() for row in screen_rows(nav)]
    assert len(icons) == 18 and len({icon.pixmap(20, 20).toImage().bits().tobytes() for icon in icons}) == 18  # each its own
    for icon in icons:
        assert inks(icon, QIcon.Mode.Normal) and "#ffffff" not in inks(icon, QIcon.Mode.Normal)
        assert inks(icon, QIcon.Mode.Selected) == {"#ffffff"}
