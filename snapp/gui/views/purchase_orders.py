"""Purchase orders: the list by status, the lines of the one selected, and the PO's moves."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCompleter, QDialog, QDialogButtonBox, QTableWidgetItem

from snapp.domain.manifests import OPEN_PO
from snapp.domain.purchasing import PO, POStatus
from snapp.errors import ValidationError
from snapp.gui.errors import describe
from snapp.gui.forms import load_form
from snapp.gui.labels import name_of
from snapp.gui.models import Column, RecordModel
from snapp.gui.views.base import View, fit_columns
from snapp.gui.manifest import LineFacts, ManifestDialog, line_facts
from snapp.services import manifests, masterdata, purchasing
from snapp.services.base import Entity
from snapp.services.purchasing import LineSpec, POLineRecord, PORecord, POSummary


class PODialog(QDialog):
    """A new PO: supplier, then lines picked by SKU, name or GTIN."""

    def __init__(self, parent, runner, ctx, suppliers, items):
        super().__init__(parent)
        self.runner, self.ctx = runner, ctx
        self.form = form = load_form("po_form", self)
        self.setWindowTitle(form.windowTitle())
        self.lines: list[LineSpec] = []
        self.created: PORecord | None = None
        for supplier in suppliers:
            form.supplierCombo.addItem(f"{supplier.code} — {supplier.name}", supplier.code)
        for item in items:
            form.itemCombo.addItem(f"{item.sku} — {item.name}" + (f" — {item.gtin}" if item.gtin else ""), item.sku)
        completer = form.itemCombo.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        form.itemCombo.setCurrentIndex(-1)
        form.linesTable.setHorizontalHeaderLabels([self.tr("Item"), self.tr("Quantity"), self.tr("Unit price")])
        form.linesTable.horizontalHeader().setStretchLastSection(True)
        form.addLineButton.clicked.connect(self.add_line)
        form.removeLineButton.clicked.connect(self.remove_line)
        form.buttons.accepted.connect(self.submit)
        form.buttons.rejected.connect(self.reject)

    def add_line(self) -> None:
        form = self.form
        index = form.itemCombo.findText(form.itemCombo.currentText())
        if index < 0:
            self._error(self.tr("choose an item from the list (type part of its SKU, name or GTIN)"))
            return
        price_text = form.priceEdit.text().strip()
        try:
            price = Decimal(price_text) if price_text else None
        except InvalidOperation:
            self._error(self.tr("{0!r} is not a price").format(price_text))
            form.priceEdit.setFocus()
            return
        line = LineSpec(form.itemCombo.itemData(index), form.quantitySpin.value(), price)
        self.lines.append(line)
        row = form.linesTable.rowCount()
        form.linesTable.insertRow(row)
        for column, value in enumerate((form.itemCombo.itemText(index), line.quantity, price)):
            form.linesTable.setItem(row, column, QTableWidgetItem("" if value is None else str(value)))
        form.itemCombo.setCurrentIndex(-1)
        form.priceEdit.clear()
        self._error("")
        form.itemCombo.setFocus()

    def remove_line(self) -> None:
        row = self.form.linesTable.currentRow()
        if row >= 0:
            self.form.linesTable.removeRow(row)
            del self.lines[row]

    def submit(self) -> None:
        supplier = self.form.supplierCombo.currentData()
        lines, note = list(self.lines), self.form.noteEdit.text().strip() or None
        save = self.form.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(False)

        def failed(err: BaseException) -> bool:
            save.setEnabled(True)
            if isinstance(err, ValidationError):
                self._error(describe(err))
                return True
            return False

        def done(po: PORecord) -> None:
            self.created = po
            self.accept()

        self.runner.run(
            lambda: purchasing.create_po(self.ctx, supplier, lines, note=note), done=done, failed=failed
        )

    def _error(self, text: str) -> None:
        self.form.form_error.setText(text)
        self.form.form_error.setVisible(bool(text))


class PurchaseOrdersView(View):
    form_name = "purchase_orders"
    shows = frozenset({Entity.PURCHASE_ORDERS, Entity.SUPPLIERS, Entity.ITEMS})

    def __init__(self, *args):
        super().__init__(*args)
        form = self.form
        self.pos = RecordModel(
            [
                Column(self.tr("PO"), lambda p: p.number),
                Column(self.tr("Supplier"), lambda p: p.supplier),
                Column(self.tr("Status"), lambda p: name_of("po_status", p.status)),
                Column(self.tr("Created"), lambda p: p.created_at),
                Column(self.tr("Ordered"), lambda p: p.ordered),
                Column(self.tr("Received"), lambda p: p.received),
            ]
        )
        self.lines = RecordModel(
            [
                Column(self.tr("Line"), lambda line: line.line_no),
                Column(self.tr("SKU"), lambda line: line.sku),
                Column(self.tr("Item"), lambda line: line.item_name),
                Column(self.tr("Ordered"), lambda line: line.quantity),
                Column(self.tr("Received"), lambda line: line.received),
                Column(self.tr("Open"), lambda line: line.remaining),
                Column(self.tr("Unit price"), lambda line: line.unit_price),
                Column(self.tr("Manifest"), lambda line: self.manifest_counts.get(line.line_no, "")),
            ]
        )
        self.manifest_counts: dict[int, int] = {}
        form.poView.setModel(self.pos)
        form.linesView.setModel(self.lines)
        fit_columns(form.poView, stretch=1)
        fit_columns(form.linesView, stretch=2)
        form.statusCombo.addItem(self.tr("Any status"), None)
        for status in POStatus:
            form.statusCombo.addItem(name_of("po_status", status.value), status.value)
        form.statusCombo.activated.connect(lambda _: self.refresh())
        form.poView.selectionModel().currentRowChanged.connect(lambda current, _: self._selected(current.row()))
        form.newButton.clicked.connect(self.new_po)
        form.manifestButton.clicked.connect(self.load_manifest)
        form.linesView.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        for verb, button in (("approve", form.approveButton), ("cancel", form.cancelButton), ("close", form.closeButton)):
            button.clicked.connect(lambda _=False, v=verb: self.move(v))
        self.current: PORecord | None = None
        self._update_buttons()

    def refresh(self) -> None:
        status = self.form.statusCombo.currentData()
        self.runner.run(lambda: purchasing.list_pos(self.ctx, status=status, limit=1000), done=self._listed)

    def _listed(self, rows: list[POSummary]) -> None:
        keep = self.current.number if self.current else None
        self.pos.set_rows(rows)
        numbers = [r.number for r in rows]
        if keep in numbers:
            self.form.poView.selectRow(numbers.index(keep))
            self._selected(numbers.index(keep))
        else:
            self.current = None
            self.lines.set_rows([])
            self._update_buttons()

    def _selected(self, row: int) -> None:
        if not 0 <= row < len(self.pos.rows):
            return
        number = self.pos.rows[row].number
        self.runner.run(lambda: purchasing.get_po(self.ctx, number), done=self._show)

    def _show(self, po: PORecord) -> None:
        self.current = po
        self.lines.set_rows(po.lines)
        self._update_buttons()
        self.runner.run(lambda: manifests.manifest_counts(self.ctx, po.number), done=self._counted)

    def _counted(self, counts: dict[int, int]) -> None:
        self.manifest_counts = counts
        if self.lines.rows:
            self.lines.dataChanged.emit(self.lines.index(0, 0), self.lines.index(len(self.lines.rows) - 1, 7))

    def _update_buttons(self) -> None:
        status = self.current.status if self.current else None
        for verb, button in (("approve", self.form.approveButton), ("cancel", self.form.cancelButton),
                             ("close", self.form.closeButton)):  # fmt: skip
            button.setEnabled(status is not None and PO.can(status, verb))
        self.form.manifestButton.setEnabled(status in OPEN_PO and self._line() is not None)

    def _line(self) -> POLineRecord | None:
        """The line selected, or the PO's only line."""
        rows, row = self.lines.rows, self.form.linesView.currentIndex().row()
        if self.current is None or not rows:
            return None
        return rows[row] if 0 <= row < len(rows) else rows[0] if len(rows) == 1 else None

    def load_manifest(self) -> None:
        po, line = self.current, self._line()
        if po is None or line is None:
            return
        self.runner.run(lambda: line_facts(self.ctx, po, line),
                        done=lambda facts: self._open_manifest(po, line, facts))  # fmt: skip

    def _open_manifest(self, po: PORecord, line: POLineRecord, facts: LineFacts) -> None:
        self.manifest_dialog = ManifestDialog(self, self.runner, self.ctx, po, line, facts, self.settings)
        self.manifest_dialog.accepted.connect(lambda: self._show(po))
        self.manifest_dialog.open()

    def move(self, verb: str) -> None:
        if self.current is None:
            return
        number = self.current.number
        act = {"approve": purchasing.approve_po, "cancel": purchasing.cancel_po, "close": purchasing.close_po}[verb]
        self.runner.run(lambda: act(self.ctx, number), done=self._show)

    def new_po(self) -> None:
        self.runner.run(
            lambda: (masterdata.list_suppliers(self.ctx), masterdata.list_items(self.ctx)),
            done=lambda lists: self._open_dialog(*lists),
        )

    def _open_dialog(self, suppliers, items) -> None:
        self.dialog = PODialog(self, self.runner, self.ctx, suppliers, items)
        self.dialog.accepted.connect(lambda: self._show(self.dialog.created))
        self.dialog.open()
