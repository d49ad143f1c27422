"""Recall and trace: choose what a recall names, see every affected unit grouped by where it is, export, block, release."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import QDialog, QHeaderView, QInputDialog, QLabel, QTreeWidgetItem

from snapp.domain.batches import Pieces
from snapp.domain.lifecycle import TRANSITIONS, Action
from snapp.errors import Text
from snapp.gui.labels import name_of
from snapp.gui.models import shown
from snapp.gui.palette import status_colour
from snapp.gui.problems import say
from snapp.gui.views.base import View
from snapp.services import exports, printing, recall
from snapp.services.base import Entity
from snapp.services.recall import BlockResult, Recall, Trace

LISTED = 20_000  # units listed on screen; the counts, Excel and PDF cover every one


class RecallView(View):
    form_name = "recall"
    shows = frozenset({Entity.SERIALS})

    def __init__(self, *args):
        super().__init__(*args)
        form = self.form
        self.recall: Recall | None = None  # the recall on screen
        self.trace: Trace | None = None
        self.news = ""  # what the last block or release did, shown beside the trace it changed
        header = form.unitsTree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        for edit in (form.supplierEdit, form.batchEdit, form.poEdit, form.skuEdit, form.fromEdit, form.toEdit):
            edit.returnPressed.connect(self.run_trace)
        form.traceButton.clicked.connect(self.run_trace)
        form.clearButton.clicked.connect(self.clear)
        form.excelButton.clicked.connect(self._export)
        form.pdfButton.clicked.connect(self._report)
        form.blockButton.clicked.connect(lambda: self.hold(Action.BLOCK))
        form.releaseButton.clicked.connect(lambda: self.hold(Action.RELEASE))
        self._enable()

    # --- the criteria ----------------------------------------------------------------------------

    def asked(self) -> Recall | None:
        """The recall the form names, or None (after saying why) when a date is no date."""
        form = self.form
        dates = self.typed_dates(self.tr("Recall"), (form.fromEdit, form.toEdit))
        if dates is None:
            return None
        serials = tuple(line.strip() for line in form.serialsEdit.toPlainText().splitlines() if line.strip())
        return Recall(
            supplier=form.supplierEdit.text().strip() or None,
            batch=form.batchEdit.text().strip() or None,
            po=form.poEdit.text().strip() or None,
            sku=form.skuEdit.text().strip() or None,
            received_from=dates[0],
            received_to=dates[1],
            serials=serials,
        )

    def clear(self) -> None:
        form = self.form
        for edit in (form.supplierEdit, form.batchEdit, form.poEdit, form.skuEdit, form.fromEdit, form.toEdit):
            edit.clear()
        form.serialsEdit.clear()
        form.unitsTree.clear()
        form.summaryLabel.clear()
        self.recall = self.trace = None
        self._enable()

    # --- tracing ---------------------------------------------------------------------------------

    def run_trace(self) -> None:
        wanted = self.asked()
        if wanted is None:
            return
        self.recall, self.news = wanted, ""
        self.form.summaryLabel.setText(self.tr("tracing…"))
        self.load("trace", lambda: recall.trace(self.ctx, wanted, limit=LISTED), self.show_trace)

    def refresh(self) -> None:
        if self.recall is not None:
            wanted = self.recall
            self.load("trace", lambda: recall.trace(self.ctx, wanted, limit=LISTED), self.show_trace)

    def show_trace(self, trace: Trace) -> None:
        self.trace = trace
        tree = self.form.unitsTree
        tree.clear()
        bold = QFont(tree.font())
        bold.setBold(True)
        places: dict[tuple[str, str | None], QTreeWidgetItem] = {}
        for group in trace.groups:
            where = name_of("status", group.status) + (f" · {group.location}" if group.location else "")
            item = QTreeWidgetItem([self.tr("{0} — {1} unit(s)").format(where, f"{group.count:,}")])
            item.setFont(0, bold)
            item.setForeground(0, QBrush(status_colour(group.status)))
            tree.addTopLevelItem(item)
            places[(group.status, group.location)] = item
        for unit in trace.units:
            QTreeWidgetItem(places[(unit.status, unit.location)], [
                unit.serial, f"{unit.sku} {unit.item_name}", unit.batch or "", shown(unit.expiry) if unit.expiry else "",
                unit.po, unit.holder or "", shown(unit.last_at) if unit.last_at else "", unit.note or "",
            ])  # fmt: skip
        if trace.quantities:
            self._show_quantities(trace, bold)
        tree.expandAll()
        more = self.tr(" (the first {0} listed)").format(f"{len(trace.units):,}") if len(trace.units) < trace.total else ""
        pieces = trace.pieces
        batches = self.tr("batches: {0} piece(s) in stock, {1} of them blocked, {2} issued").format(
            f"{pieces.on_shelves:,}", f"{pieces.blocked:,}", f"{pieces.issued:,}",
        ) if trace.quantities else ""  # fmt: skip
        # A recall of batches of items without serials alone names no unit: it is not said to affect 0 of them.
        units = self.tr("{0} unit(s) affected").format(f"{trace.total:,}") + more if trace.total or not batches else ""
        if units and batches:
            said = self.tr("{0}; {1}").format(units, batches)
        else:
            said = units or batches[:1].upper() + batches[1:]
        news = f" — {self.news}" if self.news else ""
        self.form.summaryLabel.setText(said + news)
        self._enable()

    def _counts(self) -> dict[str, int]:
        counted: dict[str, int] = {}
        for group in self.trace.groups if self.trace else ():
            counted[group.status] = counted.get(group.status, 0) + group.count
        return counted

    def _pieces(self) -> Pieces:
        return self.trace.pieces if self.trace else Pieces()

    def _show_quantities(self, trace: Trace, bold: QFont) -> None:
        """The recalled batches of items without serials, under the units: each receipt of them, what lies on which
        shelf (blocked or not), what was issued to whom, as the report lists them."""
        pieces = trace.pieces
        top = QTreeWidgetItem([self.tr("Batch quantities — {0} piece(s) in stock, {1} issued").format(
            f"{pieces.on_shelves:,}", f"{pieces.issued:,}")])  # fmt: skip
        top.setFont(0, bold)
        self.form.unitsTree.addTopLevelItem(top)
        for flow in trace.quantities:
            where = say(Text(f"batch_flow.{flow.where}"))
            received = flow.where == "received"
            QTreeWidgetItem(top, [
                self.tr("{0} — {1} piece(s)").format(where if received or flow.where == "issued" else
                                                     f"{where} · {flow.place}", f"{flow.quantity:,}"),
                f"{flow.sku} {flow.item_name}", flow.batch, shown(flow.expiry) if flow.expiry else "",
                flow.place if received else "", flow.place if flow.where == "issued" else "",
                shown(flow.at) if flow.at else "", "",
            ])  # fmt: skip

    def _enable(self) -> None:
        form, counts, pieces = self.form, self._counts(), self._pieces()
        for button in (form.excelButton, form.pdfButton):
            button.setEnabled(bool(counts) or bool(self.trace and self.trace.quantities))
        form.blockButton.setEnabled(any(s in TRANSITIONS[Action.BLOCK].sources for s in counts) or pieces.in_stock > 0)
        form.releaseButton.setEnabled(any(s in TRANSITIONS[Action.RELEASE].sources for s in counts)
                                      or pieces.blocked > 0)  # fmt: skip

    # --- Excel and PDF ---------------------------------------------------------------------------

    def _export(self) -> None:
        if self.recall is not None and (path := self.save_file("recall/folder", self.tr("Export the recall"),
                                                                "recall.xlsx", self.tr("Excel (*.xlsx)"))):  # fmt: skip
            self.export(path)

    def export(self, path: str) -> None:
        wanted = self.recall
        self.runner.run(
            lambda progress: exports.export_recall(self.ctx, path, wanted, progress=progress),
            done=lambda record: self.form.summaryLabel.setText(
                self.tr("{0} unit(s) written to {1}").format(f"{record.rows:,}", record.path)),
            progress=self.tr("Exporting the recall…"),
            parent=self,
        )  # fmt: skip

    def _report(self) -> None:
        if self.recall is not None and (path := self.save_file("recall/folder", self.tr("Recall report"), "recall.pdf",
                                                                self.tr("PDF (*.pdf)"))):  # fmt: skip
            self.report(path)

    def report(self, path: str) -> None:
        wanted = self.recall
        self.runner.run(
            lambda: printing.print_recall(self.ctx, wanted, path),
            done=lambda printed: self.form.summaryLabel.setText(
                self.tr("{0} page(s) written to {1}").format(printed.count, printed.out)),
        )  # fmt: skip

    # --- block and release -----------------------------------------------------------------------

    def hold(self, action: Action) -> None:
        """Block (or release) after the user confirms, saying how many units it moves and how many it leaves."""
        wanted = self.recall
        if wanted is None:
            return
        counts = self._counts()
        sources = TRANSITIONS[action].sources
        moving = sum(n for status, n in counts.items() if status in sources)
        left = sum(n for status, n in counts.items() if status not in sources)
        counted = self._pieces()
        if action is Action.BLOCK:
            title = self.tr("Block stock")
            question = self.tr("Quarantine {0} unit(s) in stock where they stand? They cannot be issued or shipped "
                               "until released. {1} affected unit(s) elsewhere are left as they are.")  # fmt: skip
            batches = self.tr("{0} piece(s) of the recalled batches in stock are blocked too: not issued until released.")
            alone = self.tr("Block {0} piece(s) of the recalled batches in stock? They cannot be issued until released.")
            pieces = counted.in_stock
        else:
            title = self.tr("Release")
            question = self.tr("Put {0} quarantined unit(s) back in stock where they stand? {1} affected unit(s) in "
                               "other places are left as they are.")  # fmt: skip
            batches = self.tr("{0} blocked piece(s) of the recalled batches become issuable again.")
            alone = self.tr("Make {0} blocked piece(s) of the recalled batches issuable again?")
            pieces = counted.blocked
        if not counts:  # only batches of items without serials: no unit to speak of
            question = alone.format(f"{pieces:,}")
        else:
            question = question.format(f"{moving:,}", f"{left:,}") + (" " + batches.format(f"{pieces:,}") if pieces else "")
        ask = QInputDialog(self)
        ask.setWindowTitle(title)
        # The note goes into every unit's history: the notice it obeys is what an auditor asks for.
        ask.setLabelText(self.tr("{0}\n\nNote for each unit's history (the supplier's notice, optional):").format(question))
        ask.findChild(QLabel).setWordWrap(True)
        ask.setOkButtonText(title)
        if ask.exec() != QDialog.DialogCode.Accepted:
            return
        note = ask.textValue().strip() or None
        move = recall.block if action is Action.BLOCK else recall.release
        self.runner.run(lambda: move(self.ctx, wanted, note=note), done=self._held)

    def _held(self, result: BlockResult) -> None:
        if result.action == Action.BLOCK:
            said, pieces = self.tr("{0} unit(s) quarantined"), self.tr("{0} piece(s) blocked")
        else:
            said, pieces = self.tr("{0} unit(s) released"), self.tr("{0} piece(s) released")
        units, lots = said.format(f"{result.count:,}"), pieces.format(f"{result.pieces:,}")
        if not result.lots:
            self.news = units
        elif not result.count and not self._counts():  # a recall of batches alone: its pieces are the news
            self.news = lots
        else:  # the list's comma is the language's own (，in Chinese)
            self.news = self.tr("{0}, {1}").format(units, lots)
        self.refresh()

