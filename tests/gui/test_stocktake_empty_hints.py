"""The lists that start empty say, in one line, what to do first, and step aside for the first row."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTableView

from snapp.domain.capture import scans
from snapp.gui.views.lookup import LookupView
from snapp.gui.views.purchase_orders import PurchaseOrdersView
from snapp.gui.views.users import UsersView
from snapp.gui.views.verify import VerifyView
from snapp.services import receiving
from tests.gui.conftest import Screen
from tests.gui.test_verify_screen import key_in


def hint(table: QTableView) -> QLabel | None:
    """The hint over ``table``, when it shows; None while the list has rows."""
    [label] = table.viewport().findChildren(QLabel, "emptyHint")
    return label if label.isVisible() else None


def test_verify_and_lookup_say_to_scan_until_something_is_scanned(qtbot, ctx, company, settings):
    receiving.receive(ctx, company.number, "LAP", [scans(["HINT0001"])], location="WH-A")
    verify = Screen(qtbot, ctx, settings, VerifyView)
    assert hint(verify.view.form.recentView).text() == "Nothing verified yet: scan a code above; each answer is listed here."
    key_in(qtbot, verify.view.form.scanEdit, "HINT0001")
    verify.settle()
    assert verify.view.recent.rows and hint(verify.view.form.recentView) is None

    lookup = Screen(qtbot, ctx, settings, LookupView)
    assert hint(lookup.view.form.historyView).text() == "Scan or type a serial above: the unit's history shows here."
    key_in(qtbot, lookup.view.form.scanEdit, "HINT0001")
    lookup.settle()
    assert hint(lookup.view.form.historyView) is None


def test_purchase_orders_and_users_say_how_to_add_the_first(qtbot, ctx, company, settings):
    orders = Screen(qtbot, ctx, settings, PurchaseOrdersView)
    form = orders.view.form
    assert orders.view.pos.rows and hint(form.poView) is None  # the company's approved PO
    form.statusCombo.setCurrentIndex(form.statusCombo.findData("cancelled"))
    form.statusCombo.activated.emit(form.statusCombo.currentIndex())
    orders.settle()
    assert hint(form.poView).text() == "No purchase order here: press New PO… to raise one, or choose Any status above."

    people = Screen(qtbot, ctx, settings, UsersView)
    table = people.view.form.tableView
    assert hint(table) is None  # the admin is always there; a list with nobody in it says what to do
    people.view.model.set_rows([])
    assert hint(table).text() == "No user here: press New user… to add one for each person who works with SNApp."
    assert hint(table).size() == table.viewport().size()
