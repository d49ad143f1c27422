"""Purchase orders: the list by status, the lines and totals of the one selected, its moves, edits and print.

The PO dialog is built for the keyboard: Enter moves from item to quantity
to price and adds the line, Ctrl+S (or Ctrl+Enter, Alt+S) saves, and the
totals follow every key. It raises a new PO, edits a draft, or amends an
ordered PO with the reason the amendment is kept with.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QCompleter, QDialog, QTableWidgetItem

from snapp.domain import money
from snapp.domain.manifests import OPEN_PO
from snapp.domain.purchasing import CHANGES, PO, POStatus
from snapp.errors import SnappError, Text
from snapp.gui.errors import describe
from snapp.gui.forms import load_form
from snapp.gui.labels import name_of
from snapp.gui.models import Column, RecordModel
from snapp.gui.problems import language, say
from snapp.gui.views.base import EmptyHint, View, fit_columns
from snapp.gui.manifest import LineFacts, ManifestDialog, line_facts
from snapp.services import manifests, masterdata, printing, purchasing
from snapp.services.base import Entity
from snapp.services.purchasing import LineSpec, POChange, POLineRecord, PORecord, POSummary, POTerms

ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


@dataclass
class DraftLine:
    sku: str
    label: str
    quantity: int
    price: Decimal | None
    line_no: int | None = None  # the PO's line this one is (None: a new line)

    def spec(self) -> LineSpec:
        return LineSpec(self.sku, self.quantity, self.price, self.line_no)


def in_words(amount: Decimal, currency: str) -> str:
    """The total in words, as the PO document writes it in the user's language."""
    if language() == "zh":
        return ("人民币" if currency == "CNY" else f"{currency} ") + money.chinese_capitals(amount)
    return money.english_words(amount, currency)


class PODialog(QDialog):
    """A new PO, a draft's edit (``po`` and mode "edit") or an ordered PO's amendment (mode "amend")."""

    def __init__(self, parent, runner, ctx, settings, suppliers, items, po: PORecord | None = None, mode: str = "new"):
        super().__init__(parent)
        self.runner, self.ctx, self.settings, self.po, self.mode = runner, ctx, settings, po, mode
        self.form = form = load_form("po_form", self)
        self.layout().setContentsMargins(12, 12, 12, 12)
        self.resize(960, 600)
        titles = {"new": self.tr("New purchase order"), "edit": self.tr("Edit purchase order {0}"),
                  "amend": self.tr("Amend purchase order {0}")}  # fmt: skip
        self.setWindowTitle(titles[mode].format(po.number if po else ""))
        self.lines: list[DraftLine] = []
        self.editing_line_no: int | None = None  # the line taken back into the entry fields to change
        self.created: PORecord | None = None
        self.items = {item.sku: item for item in items}
        for supplier in suppliers:
            form.supplierCombo.addItem(f"{supplier.code} — {supplier.name}", supplier.code)
        for item in items:
            form.itemCombo.addItem(f"{item.sku} — {item.name}" + (f" — {item.gtin}" if item.gtin else ""), item.sku)
        completer = form.itemCombo.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        form.itemCombo.setCurrentIndex(-1)
        form.currencyCombo.addItems(sorted(money.DECIMALS))
        form.linesTable.setHorizontalHeaderLabels(
            [self.tr("Line"), self.tr("Item"), self.tr("Quantity"), self.tr("Unit price"), self.tr("Amount")]
        )
        fit_columns(form.linesTable, stretch=1)
        self._fill(po)
        form.reasonLabel.setVisible(mode == "amend")
        form.reasonEdit.setVisible(mode == "amend")
        form.supplierCombo.setEnabled(mode != "amend")  # an ordered PO keeps its supplier
        form.addLineButton.clicked.connect(self.add_line)
        form.removeLineButton.clicked.connect(self.remove_line)
        form.pasteButton.clicked.connect(self.paste_lines)
        form.saveButton.clicked.connect(self.submit)
        form.cancelButton.clicked.connect(self.reject)
        for keys in ("Ctrl+S", "Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self.submit)
        for signal in (form.priceEdit.textEdited, form.quantitySpin.valueChanged, form.itemCombo.editTextChanged,
                       form.taxSpin.valueChanged, form.currencyCombo.currentIndexChanged):  # fmt: skip
            signal.connect(self.update_totals)
        form.currencyCombo.currentIndexChanged.connect(self._show_lines)  # the amounts take the currency's decimals
        # Enter moves on: item → quantity → price → the line is added. The line edits say so themselves (a key
        # the completer's popup passes on reaches them directly); the spin box and the table through a filter.
        form.itemCombo.lineEdit().returnPressed.connect(self._item_entered)
        form.priceEdit.returnPressed.connect(self.add_line)
        form.quantitySpin.installEventFilter(self)
        form.linesTable.installEventFilter(self)
        self.update_totals()
        (form.reasonEdit if mode == "amend" else form.supplierCombo if mode == "new" else form.itemCombo).setFocus()

    def _fill(self, po: PORecord | None) -> None:
        form = self.form
        if po is None:
            currency = str(self.settings.value("po/currency", money.DEFAULT_CURRENCY))
            form.currencyCombo.setCurrentText(currency if currency in money.DECIMALS else money.DEFAULT_CURRENCY)
            form.taxSpin.setValue(float(self.settings.value("po/tax_rate", 13)))
            return
        form.supplierCombo.setCurrentIndex(form.supplierCombo.findData(po.supplier))
        form.supplierRefEdit.setText(po.supplier_ref or "")
        form.currencyCombo.setCurrentText(po.currency)
        form.taxSpin.setValue(float(po.tax_rate))
        form.deliveryEdit.setText(po.delivery_date.isoformat() if po.delivery_date else "")
        form.noteEdit.setText(po.note or "")
        self.lines = [DraftLine(line.sku, self._label(line.sku), line.quantity, line.unit_price, line.line_no)
                      for line in po.lines]  # fmt: skip
        self._show_lines()

    def _label(self, sku: str) -> str:
        item = self.items.get(sku)
        return f"{sku} — {item.name}" if item else sku

    # --- keyboard -------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        form = self.form
        if event.type() != QEvent.Type.KeyPress:
            return False
        if watched is form.linesTable and event.matches(QKeySequence.StandardKey.Paste):
            self.paste_lines()
            return True
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        key = event.key()
        if watched is form.linesTable and (key in ENTER or key == Qt.Key.Key_F2):
            self.change_line()
            return True
        if watched is form.linesTable and key == Qt.Key.Key_Delete:
            self.remove_line()
            return True
        if watched is form.quantitySpin and key in ENTER:
            form.quantitySpin.interpretText()
            form.priceEdit.setFocus()
            form.priceEdit.selectAll()
            return True
        return False

    def _item_entered(self) -> None:
        form = self.form
        form.itemCombo.completer().popup().hide()
        index = self._item_index()
        if index < 0:
            self._error(self.tr("choose an item from the list (type part of its SKU, name or GTIN)"))
            return
        form.itemCombo.setCurrentIndex(index)
        self._error("")
        form.quantitySpin.setFocus()
        form.quantitySpin.selectAll()

    def _item_index(self) -> int:
        """The item the user means: the exact entry, the SKU or GTIN typed, or the only entry containing the text."""
        combo = self.form.itemCombo
        typed = combo.currentText().strip()
        if not typed:
            return -1
        if (exact := combo.findText(typed)) >= 0:
            return exact
        wanted = typed.casefold()
        for i in range(combo.count()):
            item = self.items[combo.itemData(i)]
            if wanted in (item.sku.casefold(), (item.gtin or "").lstrip("0"), item.gtin):
                return i
        containing = [i for i in range(combo.count()) if wanted in combo.itemText(i).casefold()]
        return containing[0] if len(containing) == 1 else -1

    def _price(self) -> Decimal | None:
        """The unit price typed (thousands separators allowed); None when empty. Raises ValueError when not a price."""
        text = self.form.priceEdit.text().strip().replace(",", "")
        if not text:
            return None
        try:
            price = Decimal(text)
        except InvalidOperation:
            raise ValueError(text) from None
        if not price.is_finite():
            raise ValueError(text)
        return price

    def _pending(self) -> DraftLine | None:
        """The line in the entry fields, when it names an item and a valid price (or none)."""
        index = self._item_index()
        try:
            price = self._price()
        except ValueError:
            return None
        if index < 0:
            return None
        combo = self.form.itemCombo
        sku = combo.itemData(index)
        return DraftLine(sku, self._label(sku), self.form.quantitySpin.value(), price, self.editing_line_no)

    # --- lines ----------------------------------------------------------------------

    def add_line(self) -> bool:
        form = self.form
        if self._item_index() < 0:
            self._error(self.tr("choose an item from the list (type part of its SKU, name or GTIN)"))
            form.itemCombo.setFocus()
            return False
        try:
            self._price()
        except ValueError as err:
            self._error(self.tr("{0!r} is not a price").format(str(err)))
            form.priceEdit.setFocus()
            return False
        line = self._pending()
        assert line is not None
        self.lines.append(line)
        self.editing_line_no = None
        self._show_lines()
        form.itemCombo.setCurrentIndex(-1)
        form.itemCombo.clearEditText()
        form.quantitySpin.setValue(1)
        form.priceEdit.clear()
        self._error("")
        form.itemCombo.setFocus()
        self.update_totals()
        return True

    def paste_lines(self) -> None:
        """Add the rows copied from a spreadsheet (SKU, quantity, unit price); one bad row and none is added."""
        try:
            specs = purchasing.pasted_lines(QApplication.clipboard().text())
        except SnappError as err:
            self._error(describe(err))
            return
        by_sku = {sku.casefold(): sku for sku in self.items}
        unknown = [spec.sku for spec in specs if spec.sku.casefold() not in by_sku]
        if unknown:
            self._error(say(Text("po_terms.unknown_sku", sku=unknown[0])))
            return
        for spec in specs:
            sku = by_sku[spec.sku.casefold()]
            self.lines.append(DraftLine(sku, self._label(sku), spec.quantity, spec.unit_price))
        self._error("")
        self._show_lines()
        self.update_totals()

    def remove_line(self) -> None:
        row = self.form.linesTable.currentRow()
        if 0 <= row < len(self.lines):
            del self.lines[row]
            self._show_lines()
            self.update_totals()

    def change_line(self) -> None:
        """Take the selected line back into the entry fields; adding it again keeps its line number."""
        form = self.form
        row = form.linesTable.currentRow()
        if not 0 <= row < len(self.lines):
            return
        line = self.lines.pop(row)
        self.editing_line_no = line.line_no
        form.itemCombo.setCurrentIndex(form.itemCombo.findData(line.sku))
        form.quantitySpin.setValue(line.quantity)
        form.priceEdit.setText("" if line.price is None else str(line.price))
        self._show_lines()
        self.update_totals()
        form.quantitySpin.setFocus()
        form.quantitySpin.selectAll()

    def _show_lines(self, *_args) -> None:
        table, currency = self.form.linesTable, self.currency
        table.setRowCount(len(self.lines))
        for row, line in enumerate(self.lines):
            amount = money.line_amount(line.quantity, line.price, currency)
            number = line.line_no or (row + 1 if self.mode == "new" else self.tr("new"))
            cells = (str(number), line.label, f"{line.quantity:,}", money.shown_price(line.price, currency),
                     money.shown(amount, currency))  # fmt: skip
            for column, value in enumerate(cells):
                cell = QTableWidgetItem(value)
                if column != 1:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(row, column, cell)

    # --- totals ---------------------------------------------------------------------

    @property
    def currency(self) -> str:
        return self.form.currencyCombo.currentText() or money.DEFAULT_CURRENCY

    def update_totals(self, *_args) -> None:
        form, currency = self.form, self.currency
        pending = self._pending()
        try:
            price = self._price()
            form.amountValue.setText(money.shown(money.line_amount(form.quantitySpin.value(), price, currency), currency))
        except ValueError:
            form.amountValue.setText("—")
        lines = self.lines + ([pending] if pending else [])
        rate = Decimal(str(form.taxSpin.value()))
        totals = money.order_totals([(line.quantity, line.price) for line in lines], rate, currency)
        form.netValue.setText(money.shown(totals.net, currency))
        form.taxCaption.setText(self.tr("Tax {0}%:").format(f"{rate.normalize():f}"))
        form.taxValue.setText(money.shown(totals.tax, currency))
        form.grossValue.setText(f"{currency} {money.shown(totals.gross, currency)}")
        form.wordsValue.setText(in_words(totals.gross, currency))

    # --- saving ---------------------------------------------------------------------

    def submit(self) -> None:
        form = self.form
        if not form.saveButton.isEnabled():
            return
        pending_text = form.itemCombo.currentText().strip() or form.priceEdit.text().strip()
        if pending_text and not self.add_line():  # a line typed but not added: add it, or say why not
            return
        typed_date = form.deliveryEdit.text().strip()
        try:
            delivery = purchasing.parse_date(typed_date) if typed_date else None
        except SnappError as err:
            self._error(describe(err))
            form.deliveryEdit.setFocus()
            return
        change = POChange(
            supplier=form.supplierCombo.currentData(),
            lines=[line.spec() for line in self.lines],
            currency=self.currency,
            tax_rate=Decimal(str(form.taxSpin.value())),
            delivery_date=delivery,
            supplier_ref=form.supplierRefEdit.text().strip() or None,
            note=form.noteEdit.text().strip() or None,
        )
        reason = form.reasonEdit.text()
        self.settings.setValue("po/currency", change.currency)
        self.settings.setValue("po/tax_rate", float(change.tax_rate))
        form.saveButton.setEnabled(False)

        def failed(err: BaseException) -> bool:
            form.saveButton.setEnabled(True)
            if isinstance(err, SnappError):
                self._error(describe(err))
                return True
            return False

        def done(po: PORecord) -> None:
            self.created = po
            self.accept()

        self.runner.run(lambda: self._save(change, reason), done=done, failed=failed)

    def _save(self, change: POChange, reason: str) -> PORecord:
        if self.mode == "new":
            terms = POTerms(change.currency, change.tax_rate, change.delivery_date, change.supplier_ref)
            return purchasing.create_po(self.ctx, change.supplier, change.lines, change.note, terms)
        assert self.po is not None
        if self.mode == "edit":
            return purchasing.edit_po(self.ctx, self.po.number, change)
        return purchasing.amend_po(self.ctx, self.po.number, change, reason)

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
                Column(self.tr("Unit price"), lambda line: money.shown_price(line.unit_price, self._currency())),
                Column(self.tr("Amount"), lambda line: money.shown(line.amount, self._currency())),
                Column(self.tr("Manifest"), lambda line: self.manifest_counts.get(line.line_no, "")),
            ]
        )
        self.manifest_counts: dict[int, int] = {}
        form.poView.setModel(self.pos)
        form.linesView.setModel(self.lines)
        fit_columns(form.poView, stretch=1)
        EmptyHint(form.poView, self.tr("No purchase order here: press New PO… to raise one, or choose Any status above."))
        fit_columns(form.linesView, stretch=2)
        form.statusCombo.addItem(self.tr("Any status"), None)
        for status in POStatus:
            form.statusCombo.addItem(name_of("po_status", status.value), status.value)
        form.statusCombo.activated.connect(lambda _: self.refresh())
        form.poView.selectionModel().currentRowChanged.connect(lambda current, _: self._selected(current.row()))
        form.newButton.clicked.connect(lambda: self.open_dialog("new"))
        form.editButton.clicked.connect(lambda: self.open_dialog("edit"))
        form.amendButton.clicked.connect(lambda: self.open_dialog("amend"))
        form.printButton.clicked.connect(self.print_po)
        form.manifestButton.clicked.connect(self.load_manifest)
        form.poView.activated.connect(lambda _: self.change_current())  # Enter or a double click on a PO
        form.linesView.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        for verb, button in (("approve", form.approveButton), ("cancel", form.cancelButton), ("close", form.closeButton)):
            button.clicked.connect(lambda _=False, v=verb: self.move(v))
        self.current: PORecord | None = None
        self.dialog: PODialog | None = None
        self.last_printed: Path | None = None
        self._update_buttons()

    def _currency(self) -> str:
        return self.current.currency if self.current else money.DEFAULT_CURRENCY

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
        c = po.currency
        self.form.totalsLabel.setText(self.tr("Net {0}   Tax {1}% {2}   Total {3} {4}").format(
            money.shown(po.net, c), f"{po.tax_rate.normalize():f}", money.shown(po.tax, c), c, money.shown(po.gross, c)))
        self._update_buttons()
        self.runner.run(lambda: manifests.manifest_counts(self.ctx, po.number), done=self._counted)

    def _counted(self, counts: dict[int, int]) -> None:
        self.manifest_counts = counts
        if self.lines.rows:
            self.lines.dataChanged.emit(self.lines.index(0, 0), self.lines.index(len(self.lines.rows) - 1, self.lines.columnCount() - 1))

    def _update_buttons(self) -> None:
        status = self.current.status if self.current else None
        form = self.form
        for verb, button in (("approve", form.approveButton), ("cancel", form.cancelButton),
                             ("close", form.closeButton)):  # fmt: skip
            button.setEnabled(status is not None and PO.can(status, verb))
        form.editButton.setEnabled(status in CHANGES["edit"])
        form.amendButton.setEnabled(status in CHANGES["amend"])
        form.printButton.setEnabled(status is not None)
        if status is None:
            form.totalsLabel.clear()
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

    def change_current(self) -> None:
        """Open the selected PO for the change its status allows: a draft's edit, an ordered PO's amendment."""
        status = self.current.status if self.current else None
        for mode in ("edit", "amend"):
            if status in CHANGES[mode]:
                self.open_dialog(mode)

    def open_dialog(self, mode: str) -> None:
        po = None if mode == "new" else self.current
        if mode != "new" and po is None:
            return
        self.runner.run(
            lambda: (masterdata.list_suppliers(self.ctx), masterdata.list_items(self.ctx)),
            done=lambda lists: self._open_dialog(*lists, po=po, mode=mode),
        )

    def _open_dialog(self, suppliers, items, *, po: PORecord | None, mode: str) -> None:
        self.dialog = dialog = PODialog(self, self.runner, self.ctx, self.settings, suppliers, items, po, mode)
        dialog.accepted.connect(lambda: self._show(dialog.created))
        dialog.finished.connect(lambda _: self.form.poView.setFocus())  # the keyboard goes on where it left off
        dialog.open()

    def print_po(self) -> None:
        """The selected PO as a PDF in the user's language, saved where the user says, then opened."""
        if self.current is None:
            return
        number = self.current.number
        path = self.save_file("po/folder", self.tr("Save the purchase order"), f"{number}.pdf", self.tr("PDF (*.pdf)"))
        if not path:
            return
        self.runner.run(lambda: printing.print_po(self.ctx, number, path), done=self._printed)

    def _printed(self, printed: printing.Printed) -> None:
        self.last_printed = Path(printed.out)
        QDesktopServices.openUrl(QUrl.fromLocalFile(printed.out))
