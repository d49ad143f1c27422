"""Customers: the master-data list with its editor and import, and the units the selected customer has now."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from snapp.domain.aftersales import WarrantyPolicy
from snapp.gui.forms import load_form
from snapp.gui.models import Column, RecordModel
from snapp.gui.views.base import fit_columns
from snapp.gui.views.masterdata import RecordDialog, SuppliersView
from snapp.services import aftersales, customers
from snapp.services.base import Entity
from snapp.services.customers import CustomerRecord


class CustomersView(SuppliersView):
    """A customer has a supplier's fields: the supplier's columns, and its form under the customer's title."""

    record_type, topic = CustomerRecord, Entity.CUSTOMERS

    def __init__(self, *args):
        super().__init__(*args)
        self.form.title.setText(self.tr("Customers"))
        self.updater = customers.update_customer
        self.shows = frozenset({Entity.CUSTOMERS, Entity.SERIALS})
        host = QWidget(self.form)
        self.units_form = load_form("customer_units", host)
        self.form.layout().addWidget(host)
        self.units = RecordModel([
            Column(self.tr("Serial"), lambda u: u.serial),
            Column(self.tr("SKU"), lambda u: u.sku),
            Column(self.tr("Item"), lambda u: u.item_name),
            Column(self.tr("Shipped"), lambda u: u.shipped_at),
            Column(self.tr("Delivery"), lambda u: u.ref),
            Column(self.tr("Customer warranty until"), lambda u: u.warranty_end),
        ])  # fmt: skip
        self.units_form.unitsView.setModel(self.units)
        fit_columns(self.units_form.unitsView, stretch=2)
        self.form.tableView.selectionModel().currentRowChanged.connect(lambda *_: self.show_units())
        combo = self.units_form.policyCombo
        combo.addItem(self.tr("continues the original's"), WarrantyPolicy.CONTINUE.value)
        combo.addItem(self.tr("starts anew from the swap"), WarrantyPolicy.ANEW.value)
        combo.activated.connect(lambda _: self.set_policy(combo.currentData()))

    def load(self) -> list[CustomerRecord]:
        return customers.list_customers(self.ctx)

    def create(self, record: CustomerRecord) -> CustomerRecord:
        return customers.add_customer(self.ctx, record)

    def edit(self, record: Any) -> RecordDialog:
        dialog = super().edit(record)
        dialog.setWindowTitle(self.tr("Customer"))
        return dialog

    def selected(self) -> CustomerRecord | None:
        index = self.form.tableView.selectionModel().currentIndex()
        return self.proxy.data(index, Qt.ItemDataRole.UserRole) if index.isValid() else None

    def refresh(self) -> None:
        super().refresh()
        self.show_units()
        self.runner.run(lambda: aftersales.get_replacement_warranty(self.ctx), done=self._show_policy)

    def _show_policy(self, policy: WarrantyPolicy) -> None:
        combo = self.units_form.policyCombo
        combo.setCurrentIndex(combo.findData(policy.value))

    def set_policy(self, policy: str) -> None:
        """Save the policy for every PC; a refusal (not an admin) shows, and the combo goes back to what holds."""

        def refused(_err: BaseException) -> bool:
            self.refresh()
            return False  # the error dialog says why

        self.runner.run(lambda: aftersales.set_replacement_warranty(self.ctx, policy), done=self._show_policy,
                        failed=refused)  # fmt: skip

    def show_units(self) -> None:
        record = self.selected()
        if record is None:
            self.units_form.unitsTitle.setText(self.tr("Select a customer to see the units they have"))
            self.units.set_rows([])
            return
        self.units_form.unitsTitle.setText(self.tr("Units {0} has now").format(record.name))
        code = record.code
        self.runner.run(lambda: aftersales.customer_units(self.ctx, code), done=self.units.set_rows)
