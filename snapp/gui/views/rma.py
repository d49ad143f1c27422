"""Returns and RMAs: the service desk's lists of customer returns and of units at suppliers, and their actions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialog, QTableView

from snapp.domain.statuses import RmaStatus
from snapp.gui.documents import Shelf
from snapp.gui.labels import name_of
from snapp.gui.models import Column, RecordModel
from snapp.gui.palette import BAD, GOOD
from snapp.gui.scanner import ScanField
from snapp.gui.views.aftersales import RepairDialog, ReturnDialog
from snapp.gui.views.base import DOCUMENT, SERIAL, EmptyHint, View, fit_columns
from snapp.gui.views.lookup import likely_location
from snapp.gui.views.rma_dialogs import InspectDialog, SupplierBackDialog, SupplierSendDialog
from snapp.services import aftersales, lookup, masterdata, rma_documents
from snapp.services.aftersales import RmaRecord, SupplierRmaRecord
from snapp.services.base import Entity
from snapp.services.lookup import SerialCard

OVERDUE_COLOUR = BAD.text
OPEN, OVERDUE, CLOSED, ALL = "open", "overdue", "closed", "all"


def overdue(record: RmaRecord | SupplierRmaRecord, today: dt.date) -> bool:
    """Open past its day: the supplier's expected return, or the answer promised to the customer."""
    day = record.promised_on if isinstance(record, RmaRecord) else record.expected_on
    return record.status == RmaStatus.OPEN and day is not None and day < today


class RmaView(View):
    form_name = "rma"
    shows = frozenset({Entity.SERIALS, Entity.CUSTOMERS, Entity.LOCATIONS})
    lookup_requested = Signal(str)

    def __init__(self, *args):
        super().__init__(*args)
        form = self.form
        self.locations: list[str] = []
        self.returns = RecordModel([
            Column(self.tr("RMA"), lambda r: r.number),
            Column(self.tr("Serial"), lambda r: r.serial),
            Column(self.tr("SKU"), lambda r: r.sku),
            Column(self.tr("Customer"), lambda r: r.customer),
            Column(self.tr("Reason"), lambda r: r.reason),
            Column(self.tr("Opened"), lambda r: r.opened_at),
            Column(self.tr("By"), lambda r: r.opened_by),
            Column(self.tr("Answer by"), lambda r: r.promised_on),
            Column(self.tr("Status"), lambda r: name_of("rma_status", r.status)),
            Column(self.tr("Decision"), lambda r: name_of("resolution", r.resolution)),
            Column(self.tr("Replacement"), lambda r: r.replacement),
        ])  # fmt: skip
        self.at_suppliers = RecordModel([
            Column(self.tr("Supplier's RMA"), lambda r: r.number),
            Column(self.tr("Supplier"), lambda r: r.supplier),
            Column(self.tr("Serial"), lambda r: r.serial),
            Column(self.tr("SKU"), lambda r: r.sku),
            Column(self.tr("Sent"), lambda r: r.sent_at),
            Column(self.tr("Expected back"), lambda r: r.expected_on),
            Column(self.tr("Status"), lambda r: name_of("supplier_rma_status", r.status)),
            Column(self.tr("Replacement"), lambda r: r.replacement),
        ])  # fmt: skip
        for model in (self.returns, self.at_suppliers):
            model.colour = lambda r: QColor(OVERDUE_COLOUR) if overdue(r, dt.date.today()) else None
        self.customer_hint = self._table(form.customerView, self.returns, stretch=4, sized={0: DOCUMENT, 1: SERIAL})
        self.supplier_hint = self._table(form.supplierView, self.at_suppliers, stretch=7, sized={0: DOCUMENT, 2: SERIAL})
        for code, text in ((OPEN, self.tr("Open")), (OVERDUE, self.tr("Overdue")),
                           (CLOSED, self.tr("Closed")), (ALL, self.tr("All"))):  # fmt: skip
            form.statusCombo.addItem(text, code)
        form.statusCombo.currentIndexChanged.connect(lambda _: self.refresh())
        self.scan_field = ScanField(form.scanEdit, self.settings)
        self.scan_field.scanned.connect(lambda text, _suffix: self.scanned(text))
        form.receiveButton.clicked.connect(self.receive_return)
        form.sendButton.clicked.connect(self.send_to_supplier)
        form.repairButton.clicked.connect(self.record_repair)
        form.inspectButton.clicked.connect(self.inspect)
        form.backButton.clicked.connect(self.back_from_supplier)
        self.documents = Shelf(self, form.openPdfButton, form.printPdfButton, self._say)
        form.noteButton.clicked.connect(self.print_note)
        form.claimButton.clicked.connect(self.print_claim)
        form.customerView.doubleClicked.connect(lambda index: self._open_in_lookup(form.customerView, index))
        form.supplierView.doubleClicked.connect(lambda index: self._open_in_lookup(form.supplierView, index))
        form.customerView.selectionModel().selectionChanged.connect(lambda *_: self._selected(form.customerView))
        form.supplierView.selectionModel().selectionChanged.connect(lambda *_: self._selected(form.supplierView))
        self._enable()

    def _table(self, view: QTableView, model: RecordModel, stretch: int, sized: dict[int, str]) -> EmptyHint:
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(model)
        proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        proxy.setFilterKeyColumn(-1)
        self.form.filterEdit.textChanged.connect(proxy.setFilterFixedString)
        view.setModel(proxy)
        view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the core's order until a header is clicked
        view.setSortingEnabled(True)
        fit_columns(view, stretch=stretch, sized=sized)
        return EmptyHint(view, "")

    def setFocus(self, *args) -> None:
        self.form.scanEdit.setFocus(*args)
        self.form.scanEdit.selectAll()

    # --- the lists ---------------------------------------------------------------------

    def shown(self) -> str:
        return self.form.statusCombo.currentData()

    def refresh(self) -> None:
        shown, ctx = self.shown(), self.ctx

        def load() -> tuple[list[RmaRecord], list[SupplierRmaRecord], list[str]]:
            status = {OPEN: RmaStatus.OPEN, CLOSED: RmaStatus.RESOLVED}.get(shown)
            returns = aftersales.list_returns(ctx, RmaStatus.OPEN if shown == OVERDUE else status, overdue=shown == OVERDUE)
            at_suppliers = aftersales.list_supplier_rmas(ctx, RmaStatus.OPEN if shown == OVERDUE else status,
                                                         overdue=shown == OVERDUE)  # fmt: skip
            return returns, at_suppliers, [location.code for location in masterdata.list_locations(ctx)]

        self.load("lists", load, self._listed)

    def _listed(self, result: tuple[list[RmaRecord], list[SupplierRmaRecord], list[str]]) -> None:
        returns, at_suppliers, self.locations = result
        self.returns.set_rows(returns)
        self.at_suppliers.set_rows(at_suppliers)
        today = dt.date.today()
        self.form.countLabel.setText(self.tr("{0} customer returns ({1} overdue), {2} at suppliers ({3} overdue)").format(
            len(returns), sum(overdue(r, today) for r in returns), len(at_suppliers),
            sum(overdue(r, today) for r in at_suppliers)))
        self._hints()
        self._enable()

    def _hints(self) -> None:
        shown = self.shown()
        self.customer_hint.setText({
            OPEN: self.tr("No customer return waits for inspection. Scan a returned unit above and press Enter to receive it."),
            OVERDUE: self.tr("No customer is waiting past the day their answer was promised."),
            CLOSED: self.tr("No customer return has been decided yet."),
        }.get(shown, self.tr("No customer has returned a unit yet. Scan one above to receive it.")))  # fmt: skip
        self.supplier_hint.setText({
            OPEN: self.tr("No unit is at a supplier. Scan one above and choose Send to supplier."),
            OVERDUE: self.tr("No supplier is late: every unit at a supplier is within its expected date."),
            CLOSED: self.tr("No unit has come back from a supplier yet."),
        }.get(shown, self.tr("No unit has been sent to a supplier yet.")))  # fmt: skip

    def _record(self, view: QTableView):
        rows = view.selectionModel().selectedRows()
        return view.model().data(rows[0], Qt.ItemDataRole.UserRole) if rows else None

    def _selected(self, view: QTableView) -> None:
        """The row's unit is the one the buttons above act on; the other list's selection goes."""
        record = self._record(view)
        if record is not None:
            other = self.form.supplierView if view is self.form.customerView else self.form.customerView
            other.clearSelection()
            self.form.scanEdit.setText(record.serial)
        self._enable()

    def _enable(self) -> None:
        chosen = self._record(self.form.customerView)
        at_supplier = self._record(self.form.supplierView)
        self.form.inspectButton.setEnabled(chosen is not None and chosen.status == RmaStatus.OPEN)
        self.form.backButton.setEnabled(at_supplier is not None and at_supplier.status == RmaStatus.OPEN)
        self.form.noteButton.setEnabled(chosen is not None)
        self.form.claimButton.setEnabled(at_supplier is not None)

    def _open_in_lookup(self, view: QTableView, index) -> None:
        self.lookup_requested.emit(view.model().data(index, Qt.ItemDataRole.UserRole).serial)

    # --- the actions ------------------------------------------------------------------------

    def scanned(self, serial: str) -> None:
        """A scan shows the unit's open return or RMA; a unit with none is a customer's return arriving."""
        serial = serial.strip()
        self.form.scanEdit.setText(serial)  # the field was cleared for the next scan; the buttons act on this one
        self.form.scanEdit.selectAll()  # and the next scan replaces it
        for view in (self.form.customerView, self.form.supplierView):
            model = view.model()
            for row in range(model.rowCount()):
                record = model.data(model.index(row, 0), Qt.ItemDataRole.UserRole)
                if record.serial.casefold() == serial.casefold() and record.status == RmaStatus.OPEN:
                    view.selectRow(row)
                    return self.setFocus()
        self.receive_return()

    def _with_card(self, then, status: str | None = None) -> None:
        """Look up the unit in the scan field and hand its card to ``then``: of the items that carry the serial, the
        one in ``status`` if any (a customer's return: the one that was shipped)."""
        serial = self.form.scanEdit.text().strip()
        if not serial:
            self.form.scanEdit.setFocus()
            return

        def found(cards: list[SerialCard]) -> None:
            then(next((card for card in cards if card.status == status), cards[0]))

        self.runner.run(lambda: lookup.find_serial(self.ctx, serial), done=found)

    def _present(self, dialog: QDialog) -> QDialog:
        dialog.finished.connect(lambda _: self.setFocus())  # the next scan goes to the scan field
        dialog.open()
        return dialog

    def receive_return(self) -> None:
        self._with_card(lambda card: self._present(ReturnDialog(self, self.runner, self.ctx, card)), "shipped")

    def record_repair(self) -> None:
        self._with_card(lambda card: self._present(RepairDialog(self, self.runner, self.ctx, card)))

    def send_to_supplier(self) -> QDialog:
        return self._present(SupplierSendDialog(self, self.runner, self.ctx, serial=self.form.scanEdit.text().strip()))

    def inspect(self) -> None:
        record = self._record(self.form.customerView)
        if record is not None and record.status == RmaStatus.OPEN:
            self._back_to_shelf(record, lambda offered: InspectDialog(self, self.runner, self.ctx, record, self.locations,
                                                                      offered))  # fmt: skip

    def back_from_supplier(self) -> None:
        record = self._record(self.form.supplierView)
        if record is not None and record.status == RmaStatus.OPEN:
            self._back_to_shelf(record, lambda offered: SupplierBackDialog(self, self.runner, self.ctx, self.locations,
                                                                           record=record, offered=offered))  # fmt: skip

    def _back_to_shelf(self, record: RmaRecord | SupplierRmaRecord, make: Callable[[int], QDialog]) -> None:
        """Open ``make``'s dialog proposing the shelf the unit left from (its card's history says which)."""

        def found(cards: list[SerialCard]) -> None:
            card = next((card for card in cards if card.sku == record.sku), None)
            self._present(make(likely_location(card, self.locations) if card else 0))

        self.runner.run(lambda: lookup.find_serial(self.ctx, record.serial), done=found)

    # --- the documents ------------------------------------------------------------------------

    def print_note(self) -> None:
        """The customer's note of the selected return, a PDF in the documents folder."""
        if (record := self._record(self.form.customerView)) is not None:
            self.documents.write(lambda out: rma_documents.print_rma_note(self.ctx, record.number, out), f"rma-note-{record.number}",
                                 self.tr("RMA note {0}").format(record.number))  # fmt: skip

    def print_claim(self) -> None:
        """The warranty claim for the unit of the selected supplier RMA, a PDF in the documents folder."""
        if (record := self._record(self.form.supplierView)) is not None:
            self.documents.write(lambda out: rma_documents.print_warranty_claim(self.ctx, record.serial, out, sku=record.sku),
                                 f"warranty-claim-{record.serial}", self.tr("Warranty claim {0}").format(record.serial))  # fmt: skip

    def _say(self, text: str, ok: bool) -> None:
        self.form.documentLabel.setText(text)
        self.form.documentLabel.setStyleSheet(f"color: {GOOD.text if ok else BAD.text};")
