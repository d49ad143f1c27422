"""The service desk's RMA dialogs: inspect a customer's return and decide, send a unit to its supplier under their RMA
number, and take it (or the supplier's replacement) back. Serial lookup and the Returns and RMAs screen open them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QWidget

from snapp.domain.aftersales import Resolution
from snapp.gui.labels import name_of
from snapp.gui.operations import Runner
from snapp.gui.views.dialogs import ServiceDialog, show_row, unit_text
from snapp.services import aftersales
from snapp.services.aftersales import RmaRecord, SupplierRmaRecord
from snapp.services.lookup import SerialCard

SUPPLIER_DAYS = 30  # when a supplier's unit is expected back, until the clerk types what the supplier promised


def _expect(edit) -> None:
    edit.setDate(QDate(dt.date.today() + dt.timedelta(days=SUPPLIER_DAYS)))


class InspectDialog(ServiceDialog):
    """Inspection's decision on a customer's return: back to stock, repair, to the supplier, scrap, or a replacement."""

    def __init__(self, parent: QWidget, runner: Runner, ctx, record: RmaRecord, locations: list[str], offered: int = 0):
        super().__init__(parent, runner, "inspect_dialog")
        self.ctx, self.record = ctx, record
        form = self.form
        form.unitLabel.setText(self.tr("RMA {0}: {1} — {2}, from {3}: {4}").format(
            record.number, record.serial, record.sku, record.customer, record.reason))
        for decision in Resolution:
            form.decisionCombo.addItem(name_of("resolution", decision.value), decision.value)
        form.locationCombo.addItems(locations)
        form.locationCombo.setCurrentIndex(offered)
        _expect(form.expectedEdit)
        form.decisionCombo.currentIndexChanged.connect(lambda _: self._fields())
        self._fields()
        form.decisionCombo.setFocus()

    def decision(self) -> Resolution:
        return Resolution(self.form.decisionCombo.currentData())

    def _fields(self) -> None:
        form, decision = self.form, self.decision()
        show_row(form, form.locationCombo, decision is Resolution.RESTOCK)
        show_row(form, form.supplierRmaEdit, decision is Resolution.SUPPLIER)
        show_row(form, form.expectedEdit, decision is Resolution.SUPPLIER)
        show_row(form, form.replacementEdit, decision is Resolution.REPLACE)

    def call(self) -> Callable[[], object]:
        form, ctx, record, decision = self.form, self.ctx, self.record, self.decision()
        note = form.noteEdit.text().strip() or None
        if decision is Resolution.SUPPLIER:
            rma, expected = form.supplierRmaEdit.text(), form.expectedEdit.date().toPython()
            return lambda: aftersales.send_to_supplier(ctx, record.serial, rma=rma, expected_on=expected, sku=record.sku,
                                                       note=note)  # fmt: skip
        if decision is Resolution.REPLACE:
            replacement = form.replacementEdit.text()
            return lambda: aftersales.swap(ctx, record.number, replacement, note=note)
        to = form.locationCombo.currentText() if decision is Resolution.RESTOCK else None
        return lambda: aftersales.inspect_return(ctx, record.number, decision, to=to, note=note)


class SupplierSendDialog(ServiceDialog):
    """A unit back to its supplier under the supplier's RMA number, with the day it is expected back."""

    def __init__(self, parent: QWidget, runner: Runner, ctx, card: SerialCard | None = None, serial: str = ""):
        super().__init__(parent, runner, "supplier_send_dialog")
        self.ctx, self.sku = ctx, card.sku if card else None
        form = self.form
        form.serialEdit.setText(card.serial if card else serial)
        form.serialEdit.setReadOnly(card is not None)  # lookup's unit: its card is on show behind the dialog
        _expect(form.expectedEdit)
        (form.rmaEdit if form.serialEdit.text() else form.serialEdit).setFocus()

    def call(self) -> Callable[[], object]:
        form, ctx, sku = self.form, self.ctx, self.sku
        serial, rma, expected = form.serialEdit.text(), form.rmaEdit.text(), form.expectedEdit.date().toPython()
        note = form.noteEdit.text().strip() or None
        return lambda: aftersales.send_to_supplier(ctx, serial, rma=rma, expected_on=expected, sku=sku, note=note)


UNIT_ITSELF, REPLACEMENT = "unit", "replacement"


class SupplierBackDialog(ServiceDialog):
    """What the supplier sent back against their RMA: the unit itself (repaired or found sound), or a replacement
    received against the RMA rather than a purchase order."""

    def __init__(self, parent: QWidget, runner: Runner, ctx, locations: list[str], *, unit: SerialCard | None = None,
                 record: SupplierRmaRecord | None = None, offered: int = 0):  # fmt: skip
        super().__init__(parent, runner, "supplier_back_dialog")
        self.ctx, self.supplier = ctx, record.supplier if record else None
        form = self.form
        if record is not None:
            form.unitLabel.setText(self.tr("RMA {0} at {1}: {2} — {3}").format(record.number, record.supplier,
                                                                              record.serial, record.sku))  # fmt: skip
            form.rmaEdit.setText(record.number)
            form.rmaEdit.setReadOnly(True)
        else:
            form.unitLabel.setText(unit_text(unit) if unit else "")
        form.whatCombo.addItem(self.tr("the unit itself, repaired or found sound"), UNIT_ITSELF)
        form.whatCombo.addItem(self.tr("a replacement unit in its place"), REPLACEMENT)
        form.whatCombo.currentIndexChanged.connect(lambda _: self._fields())
        form.locationCombo.addItems(locations)
        form.locationCombo.setCurrentIndex(offered)
        self._fields()
        (form.whatCombo if record else form.rmaEdit).setFocus()

    def _fields(self) -> None:
        show_row(self.form, self.form.replacementEdit, self.form.whatCombo.currentData() == REPLACEMENT)

    def call(self) -> Callable[[], object]:
        form, ctx, supplier = self.form, self.ctx, self.supplier
        rma, to, note = form.rmaEdit.text(), form.locationCombo.currentText() or None, form.noteEdit.text().strip() or None
        if form.whatCombo.currentData() == REPLACEMENT:
            serial = form.replacementEdit.text()
            return lambda: aftersales.receive_replacement(ctx, rma, serial, supplier=supplier, to=to, note=note)
        return lambda: aftersales.supplier_back(ctx, rma, supplier=supplier, to=to, note=note)
