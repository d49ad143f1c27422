"""Receiving: scan serials against a PO line, see each verdict at once, post all or nothing.

A scanner is a keyboard that types a serial and presses Enter, up to dozens a
second. Each Enter is handled at once on the GUI thread with in-memory checks
only (format, the item's rule, duplicates in this batch, the open quantity),
so no scan is dropped; the database check runs for the new scans together,
off the GUI thread, a moment later: already received, and on a line with a
supplier's manifest, whether each serial is on it, on another PO's, or off it
(refused, or accepted as an exception, as the setting says) — the verdicts the
posted receipt will give, each with its colour before anything is posted.

An item tracked by batch has no serials: the screen takes its lot instead
(`snapp.gui.views.receiving_lot`), typed or from a GS1 label scan.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QInputDialog,
    QMessageBox,
)

from snapp.domain.capture import (
    Capture,
    Source,
    capture,
    paste,
    scan_gtin,
    scans,
    serial_range,
)
from snapp.domain.fields import FieldDef, field_source, not_the_field, scanned_first
from snapp.domain.purchasing import RECEIVABLE
from snapp.domain.scan import as_typed, normalise
from snapp.errors import Text, ValidationError
from snapp.gui import palette
from snapp.gui.errors import describe
from snapp.gui.labels import name_of
from snapp.gui.models import Column, RecordModel, counted
from snapp.gui.problems import say, say_problem
from snapp.gui.scanner import ScanField, scanner_profile
from snapp.gui.views.base import ROW_NUMBER, SERIAL, EmptyHint, View, fit_columns
from snapp.gui.views.receiving_lot import LotFields, Typed
from snapp.io.serial_files import read_serial_file
from snapp.services import fields, manifests, masterdata, purchasing, receiving
from snapp.services.base import Entity
from snapp.services.masterdata import ItemRecord
from snapp.services.purchasing import POLineRecord, PORecord

OK, BAD, WARN = palette.GOOD.text, palette.BAD.text, palette.DOUBTFUL.text
LOCATION_KEY = "receiving/location"
CHECK_DELAY_MS = 150


@dataclass(frozen=True)
class Discarded:
    """The list before Clear, Remove selected, or choosing another PO or line: kept for Undo until the next scan.
    Also the list handed over when the screen is built again in another language."""

    po: PORecord | None
    line: int
    pending: list[Pending]
    lot: Typed | None = None  # a batch item's lot as typed so far (handed over only)
    values: dict[str, dict[str, str]] = field(default_factory=dict)  # each serial's scanned fields (its IMEI)
    waiting: list[tuple[str, FieldDef]] = field(default_factory=list)  # the fields still to scan, the next first


@dataclass
class Pending:
    number: int
    value: str  # as scanned or read
    serial: str | None  # clean serial, when accepted
    message: str
    ok: bool
    warn: bool = False  # accepted, but off the manifest: posting opens an exception for it


class ReceivingView(View):
    form_name = "receiving"
    shows = frozenset({Entity.PURCHASE_ORDERS, Entity.LOCATIONS, Entity.ITEMS, Entity.SERIALS})
    lookup_requested = Signal(str)
    posted = Signal(object)  # ReceiptRecord
    labels_requested = Signal(str)  # receipt number

    def __init__(self, *args):
        super().__init__(*args)
        form = self.form
        self.serial_prompt = form.scanEdit.placeholderText()
        self.po: PORecord | None = None
        self.items: dict[str, ItemRecord] = {}
        self.pending: list[Pending] = []
        self.line_index = -1  # the line the pending scans were taken against
        self.accepted: dict[str, Pending] = {}  # clean serial -> its row
        # Items whose fields are scanned after each serial (serial, IMEI, serial, IMEI...): by SKU, those fields;
        # the fields still to scan for the last serial; and each serial's values, posted with it.
        self.scanned: dict[str, list[FieldDef]] = {}
        self.waiting: list[tuple[str, FieldDef]] = []
        self.values: dict[str, dict[str, str]] = {}
        self.unchecked: list[Pending] = []
        self.model = RecordModel(
            [
                Column("#", lambda p: p.number),
                Column(self.tr("Serial"), lambda p: p.serial or p.value),
                Column(self.tr("Result"), self._result),
            ]
        )
        self.model.colour = lambda p: QColor(BAD if not p.ok else WARN if p.warn else OK)
        form.pendingView.setModel(self.model)
        fit_columns(form.pendingView, stretch=2, sized={0: ROW_NUMBER, 1: SERIAL})  # sized now: the list starts empty
        hint = EmptyHint(form.pendingView, self.tr("Choose the purchase order and its line, then scan the serials; or paste a list, import a file or enter a range."))
        self.lot = LotFields(form, hint, self)
        form.quantitySpin.valueChanged.connect(lambda _: self._update_counter())
        self.check_timer = QTimer(self, singleShot=True, interval=CHECK_DELAY_MS)
        self.check_timer.timeout.connect(self._check_database)
        # Restyled only when the colour changes: a style sheet set per scan cost a third of the scan's handling.
        self.said_ok: bool | None = None  # the colour the last message was given

        form.poCombo.lineEdit().returnPressed.connect(lambda: self.load_po(form.poCombo.currentText()))
        form.poCombo.activated.connect(lambda _: self.load_po(form.poCombo.currentText()))
        form.lineCombo.currentIndexChanged.connect(lambda _: self._line_changed())
        self.scan_field = ScanField(form.scanEdit, self.settings)  # keeps GS, honours a Tab suffix
        self.scan_field.scanned.connect(lambda text, _suffix: self.add_scan(text))
        form.pasteButton.clicked.connect(self._paste)
        form.rangeButton.clicked.connect(self._range)
        form.importButton.clicked.connect(self._import)
        form.removeButton.clicked.connect(self._remove_selected)
        form.clearButton.clicked.connect(lambda: self.discard(self.tr("Clear the list")))
        form.undoButton.clicked.connect(self.undo)
        form.undoButton.hide()
        self.discarded: Discarded | None = None
        form.postButton.clicked.connect(self.post)
        # Posting is deliberate: Ctrl+Enter, never a lone Alt+letter next to Clear.
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            post = QShortcut(QKeySequence(keys), self, self.post, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        post.setWhatsThis(self.tr("Post receipt"))  # one of the two is enough in the list of keys (F1)
        undo = QShortcut(QKeySequence.StandardKey.Undo, self, self.undo, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        undo.setWhatsThis(self.tr("Bring back the scans just set aside"))
        remove = QShortcut(QKeySequence.StandardKey.Delete, form.pendingView, self._remove_selected,
                           context=Qt.ShortcutContext.WidgetShortcut)  # fmt: skip
        remove.setWhatsThis(self.tr("Remove the selected scans"))
        form.locationCombo.activated.connect(lambda _: self.settings.setValue(LOCATION_KEY, form.locationCombo.currentData()))
        self.last_receipt: str | None = None
        form.printButton.setEnabled(False)
        form.printButton.clicked.connect(lambda: self.labels_requested.emit(self.last_receipt))
        form.pendingView.doubleClicked.connect(
            lambda index: self.lookup_requested.emit(self.pending[index.row()].serial or "")
        )
        self._update_counter()

    # --- loading ------------------------------------------------------------

    def refresh(self) -> None:
        def load():
            open_pos = [
                po.number
                for status in RECEIVABLE
                for po in purchasing.list_pos(self.ctx, status=status, limit=500)
            ]
            return open_pos, masterdata.list_locations(self.ctx), masterdata.list_items(self.ctx), receiving.last_location(self.ctx)

        self.runner.run(load, done=self._loaded)

    def _loaded(self, result) -> None:
        open_pos, locations, items, last_receipt_location = result
        form = self.form
        typed = form.poCombo.currentText()
        form.poCombo.blockSignals(True)
        form.poCombo.clear()
        form.poCombo.addItems(sorted(open_pos))
        form.poCombo.setEditText(typed)
        form.poCombo.blockSignals(False)
        # This PC's last choice, else where the last receipt went; never just the alphabetically first.
        chosen = form.locationCombo.currentData() or self.settings.value(LOCATION_KEY) or last_receipt_location
        form.locationCombo.clear()
        for location in locations:
            form.locationCombo.addItem(f"{location.code} — {location.name}", location.code)
        if chosen and (i := form.locationCombo.findData(chosen)) >= 0:
            form.locationCombo.setCurrentIndex(i)
        self.items = {item.sku: item for item in items}
        if self.po is not None and not self.pending:
            self.load_po(self.po.number, quiet=True)
        elif self.po is None and not typed.strip() and len(open_pos) == 1:
            self.load_po(open_pos[0])  # only one PO can be received against: it is the one

    def load_po(self, number: str, *, quiet: bool = False) -> None:
        number = number.strip()
        if not number:
            return
        def load() -> tuple[PORecord, dict[str, list[FieldDef]]]:
            po = purchasing.get_po(self.ctx, number)
            return po, {sku: [f.definition for f in fields.list_fields(self.ctx, sku) if f.scanned]
                        for sku in {line.sku for line in po.lines}}  # fmt: skip

        self.runner.run(load, done=lambda loaded: self._show_po(*loaded, quiet=quiet))

    def _show_po(self, po: PORecord, scanned: dict[str, list[FieldDef]] | None = None, quiet: bool = False) -> None:
        if self.pending and (self.po is None or po.number != self.po.number):
            if not self.discard(self.tr("Change to PO {0}").format(po.number)):
                self.form.poCombo.setEditText(self.po.number if self.po else "")
                return
        self.po = po
        if scanned is not None:  # an undo shows its PO again, with the fields already known
            self.scanned = scanned
        form = self.form
        form.poCombo.setEditText(po.number)
        current = form.lineCombo.currentData()
        form.lineCombo.blockSignals(True)
        form.lineCombo.clear()
        for line in po.lines:
            form.lineCombo.addItem(
                self.tr("Line {0}: {1} {2} — {3} of {4} open").format(
                    line.line_no, line.sku, line.item_name, line.remaining, line.quantity
                ),
                line.line_no,
            )
        open_lines = [i for i, line in enumerate(po.lines) if line.remaining > 0]
        keep = form.lineCombo.findData(current) if current is not None else -1
        form.lineCombo.blockSignals(False)
        self._choose_line(keep if keep >= 0 else (open_lines[0] if open_lines else 0))
        if quiet:
            pass
        elif po.status not in RECEIVABLE:
            self._say(self.tr("PO {0} is {1}; only an approved PO can be received against").format(po.number, name_of("po_status", po.status)), False)
        else:
            self._say(self.tr("PO {0} from {1}: scan the serials").format(po.number, po.supplier_name), True)
        self._update_counter()
        form.scanEdit.setFocus()

    def _choose_line(self, index: int) -> None:
        """Show ``index`` as the line scanned against, without asking about the scans (they belong to it)."""
        self.form.lineCombo.blockSignals(True)
        self.form.lineCombo.setCurrentIndex(index)
        self.form.lineCombo.blockSignals(False)
        self.line_index = index

    @property
    def line(self) -> POLineRecord | None:
        if self.po is None or self.form.lineCombo.currentIndex() < 0:
            return None
        return self.po.lines[self.form.lineCombo.currentIndex()]

    def _line_changed(self) -> None:
        if self.pending and not self.discard(self.tr("Change the line"), line=self.line_index):
            self._choose_line(self.line_index)
            return
        self.line_index = self.form.lineCombo.currentIndex()
        self._update_counter()
        self.form.scanEdit.setFocus()

    # --- capturing ----------------------------------------------------------

    def add_scan(self, raw: str) -> None:
        """One scan or typed serial: judged at once, read as the scanner settings say."""
        text = as_typed(raw, scanner_profile(self.settings))
        if self.lot.shown:
            self._lot_label(text)
            return
        line = self.line
        pairs = self.scanned.get(line.sku) if line is not None else None
        if pairs and self._pair_scan(normalise(text), pairs):
            return
        gtin = scan_gtin(text)
        if gtin is not None and self.po is not None:
            self._pick_line_by_gtin(gtin)
        accepted = len(self.accepted)
        self._add_source(scans([text]))
        if pairs and len(self.accepted) > accepted:  # a serial taken: its scanned fields come next
            serial = self.pending[-1].serial
            self.values[serial] = {}
            self.waiting = [(serial, d) for d in pairs]
            self._prompt()

    def _lot_label(self, text: str) -> None:
        try:
            self._say(self.lot.take_label(text), True)
        except ValidationError as err:
            self._refused_lot(err)

    def _pair_scan(self, text: str, pairs: list[FieldDef]) -> bool:
        """A scan where a field's value belongs, or a field's value where a serial belongs (the rule of
        `snapp.domain.fields.scan_pairs`): True when it was taken or refused here."""
        if self.waiting:
            serial, field = self.waiting[0]
            if why := not_the_field(field, text):
                self._append([Pending(len(self.pending) + 1, text, None, say(why), False)])
                return True
            self.waiting.pop(0)
            earlier = [scan for taken in self.accepted for scan in (taken, *self.values.get(taken, {}).values())]
            self._taken(serial, field.name, text)
            self._judge_value(serial, field.name, text, earlier)
            self._prompt()
            return True
        if why := scanned_first(text, pairs):
            self._append([Pending(len(self.pending) + 1, text, None, say(why), False)])
            return True
        return False

    def _taken(self, serial: str, name: str, value: str) -> None:
        self.values[serial][name] = value
        row = self.accepted.get(serial)
        if row is not None:
            self.model.set_rows(self.pending)
        self._say(f"{serial}: {self._result(row) if row else value}", True)

    def _result(self, row: Pending) -> str:
        """A row's verdict, and for a serial taken the fields scanned after it: the database's check, which may
        come after its IMEI was scanned, and an Undo keep them."""
        scanned = self.values.get(row.serial) if row.serial and self.accepted.get(row.serial) is row else None
        return " · ".join([row.message, *(f"{k} {v}" for k, v in scanned.items())]) if scanned else row.message

    def _judge_value(self, serial: str, name: str, value: str, earlier: list[str]) -> None:
        """What only the core knows of a field's value (another unit has this IMEI, it was scanned twice in this
        delivery): judged as the posted receipt would judge it, the unit's row refused at once if it is."""
        po, line = self.po, self.line
        if po is None or line is None:
            return

        def judged(verdict: receiving.ScanVerdict) -> None:
            row = self.accepted.get(serial)
            if row is None or self.values.get(serial, {}).get(name) != value:
                return  # removed or rescanned meanwhile
            if verdict.ok:
                self._taken(serial, name, verdict.value or value)  # as it is stored (a MAC in upper case)
                return
            del self.accepted[serial]
            row.ok, row.message = False, say(verdict.message)
            self.model.set_rows(self.pending)
            self._update_counter()
            self._say(row.message, False)
            QApplication.beep()

        self.runner.run(lambda: receiving.judge_scan(self.ctx, po.number, value, line.sku, earlier), done=judged)

    def _pick_line_by_gtin(self, gtin: str) -> None:
        line = self.line
        if line is not None and self.items.get(line.sku) and self.items[line.sku].gtin == gtin:
            return
        for i, other in enumerate(self.po.lines):
            if self.items.get(other.sku) and self.items[other.sku].gtin == gtin and not self.pending:
                self.form.lineCombo.setCurrentIndex(i)
                return

    def _add_source(self, source: Source) -> None:
        line = self.line
        if line is None:
            self._reject_all(source, self.tr("choose an approved purchase order and its line first"))
            return
        item = self.items.get(line.sku)
        if item is None:
            self._reject_all(source, self.tr("item {0} is not known here; refresh the screen").format(line.sku))
            return
        if item.tracking != "serial":
            self._reject_all(source, self.tr("{0} is not tracked by serial").format(item.sku))
            return
        self._add_capture(capture(source, item.rule), line)

    def _add_capture(self, captured: Capture, line: POLineRecord) -> None:
        first = len(self.pending)
        open_count = line.remaining - len(self.accepted)
        problem_at = {p.position: p for p in captured.problems}
        serial_at = {i: serial for serial, i in captured.index.items()}
        rows: list[Pending] = []
        for i, value in enumerate(captured.source.values):
            number = first + i + 1
            serial = serial_at.get(i)
            if serial is None:
                problem = problem_at.get(captured.source.locate(i))
                rows.append(Pending(number, _text(value), None, say(problem.message) if problem else "", False))
            elif serial in self.accepted:
                twice = self.tr("scanned twice (first as row {0})").format(self.accepted[serial].number)
                rows.append(Pending(number, serial, serial, twice, False))
            elif open_count <= 0:
                full = self.tr("line {0} has no more open quantity ({1} ordered)").format(line.line_no, line.quantity)
                rows.append(Pending(number, serial, serial, full, False))
            else:
                row = Pending(number, serial, serial, self.tr("OK"), True)
                self.accepted[serial] = row
                self.unchecked.append(row)
                open_count -= 1
                rows.append(row)
        self._append(rows)

    def _reject_all(self, source: Source, reason: str) -> None:
        first = len(self.pending)
        self._append([Pending(first + i + 1, _text(v), None, reason, False) for i, v in enumerate(source.values)])

    def _append(self, rows: list[Pending]) -> None:
        if not rows:
            return
        if self.discarded is not None:  # new work: what was set aside is gone for good
            self.discarded = None
            self.form.undoButton.hide()
        self.model.beginInsertRows(self.model.index(0, 0).parent(), len(self.pending), len(self.pending) + len(rows) - 1)
        self.pending.extend(rows)
        self.model.rows = self.pending
        self.model.endInsertRows()
        self.form.pendingView.scrollToBottom()
        last = rows[-1]
        self._say(f"{last.serial or last.value}: {last.message}", last.ok)
        if not all(r.ok for r in rows):
            QApplication.beep()
        self._update_counter()
        if self.unchecked:
            self.check_timer.start()

    def _check_database(self) -> None:
        batch, self.unchecked = self.unchecked, []
        line, po = self.line, self.po
        if not batch or line is None or po is None:
            return
        serials = [row.serial for row in batch]

        def verdicts(checks: dict[str, manifests.ScanCheck]) -> None:
            # Only rows still waiting: a row posted (or set aside) while the check ran was received by this very
            # receipt, and its "already received" would overwrite the receipt's own news.
            waiting = [row for row in batch if row.serial in checks and self.accepted.get(row.serial) is row]
            for row in waiting:
                check = checks[row.serial]
                row.message, row.warn = say(check.message), check.tone == "exception"
                if check.tone == "refused":
                    row.ok = False
                    del self.accepted[row.serial]
            if refused := [row for row in waiting if not row.ok]:
                QApplication.beep()
                self._say(f"{refused[-1].serial}: {refused[-1].message}", False)
            elif waiting:
                last = waiting[-1]
                self._say(f"{last.serial}: {self._result(last)}", last.ok)
            self.model.dataChanged.emit(self.model.index(0, 0), self.model.index(len(self.pending) - 1, 2))
            self._update_counter()

        self.runner.run(lambda: manifests.check_scans(self.ctx, po.number, line.line_no, serials), done=verdicts)

    def _paste(self) -> None:
        text, ok = QInputDialog.getMultiLineText(
            self, self.tr("Paste serials"), self.tr("One serial per line, or separated by commas, tabs or spaces:")
        )
        if ok and text.strip():
            self._add_source(paste(text))

    def _range(self) -> None:
        spec, ok = QInputDialog.getText(self, self.tr("Range of serials"), self.tr("First..last, e.g. SN0001..SN0500:"))
        if ok and spec.strip():
            try:
                self._add_source(serial_range(spec))
            except ValidationError as err:
                QMessageBox.warning(self, self.tr("Range of serials"), describe(err))

    def _import(self) -> None:
        if path := self.open_file("receiving/import_folder", self.tr("Import serials"),
                                  self.tr("Excel or CSV (*.xlsx *.xls *.ods *.csv *.txt)")):  # fmt: skip
            self.import_file(path)

    def import_file(self, path: str) -> None:
        self.runner.run(lambda: read_serial_file(path), done=self._add_source)

    def _remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.form.pendingView.selectionModel().selectedRows()}, reverse=True)
        if not rows:
            return
        self.discarded = self._kept(self.line_index)
        self.form.undoButton.show()
        for r in rows:
            removed = self.pending.pop(r)
            if removed.serial and self.accepted.get(removed.serial) is removed:
                del self.accepted[removed.serial]
                self.values.pop(removed.serial, None)
        # A removed serial's field is no longer awaited: the next scan is a serial again.
        self.waiting = [(serial, field) for serial, field in self.waiting if serial in self.accepted]
        self.model.set_rows(self.pending)
        self._update_counter()
        self._say(counted(len(rows), self.tr("1 scan removed; Undo (Ctrl+Z) brings it back"),
                          self.tr("{0} scans removed; Undo (Ctrl+Z) brings them back")), True)
        self.form.scanEdit.setFocus()  # back to scanning

    def discard(self, what: str, *, line: int | None = None) -> bool:
        """Set the scans not yet posted aside, if the user agrees (False: they are kept); Undo brings them back."""
        if not self.pending:
            return True
        count = len(self.pending)
        asked = QMessageBox.question(
            self, what, counted(count, self.tr("Set aside the scan not yet posted? Undo (Ctrl+Z) brings it back."),
                                self.tr("Set aside the {0} scans not yet posted? Undo (Ctrl+Z) brings them back.")),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
        )  # fmt: skip
        if asked != QMessageBox.StandardButton.Yes:
            self.form.scanEdit.setFocus()
            return False
        self.discarded = self._kept(self.line_index if line is None else line)
        self._reset()
        self.form.undoButton.show()
        self._say(counted(count, self.tr("1 scan set aside; Undo (Ctrl+Z) brings it back"),
                          self.tr("{0} scans set aside; Undo (Ctrl+Z) brings them back")), True)
        self.form.scanEdit.setFocus()
        return True

    def may_end_session(self, what: str) -> bool:
        """Before logging out or switching user, which ends this screen: True when nothing is pending or the user
        agrees to lose it (no undo: the next user's screen starts empty)."""
        if not self.pending:
            return True
        asked = QMessageBox.question(
            self, what, counted(len(self.pending), self.tr("1 scan is not yet posted. Discard it?"),
                                self.tr("{0} scans are not yet posted. Discard them?")),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
        )  # fmt: skip
        return asked == QMessageBox.StandardButton.Yes

    def handover(self) -> tuple[Discarded | None, Discarded | None]:
        """The scans not yet posted (with their PO and line) and the ones Undo would bring back: what the same
        screen rebuilt in another language takes over."""
        lot = self.lot.typed() if self.lot.shown else None
        pending = self._kept(self.line_index, lot) if self.pending or lot else None
        return pending, self.discarded

    def _kept(self, line: int, lot: Typed | None = None) -> Discarded:
        """The scans as they stand, with the fields scanned for them and those still awaited."""
        values = {serial: dict(scanned) for serial, scanned in self.values.items()}
        return Discarded(self.po, line, list(self.pending), lot, values, list(self.waiting))

    def take_over(self, handed: tuple[Discarded | None, Discarded | None]) -> None:
        pending, self.discarded = handed
        self.form.undoButton.setVisible(self.discarded is not None)
        if pending is not None:
            self._restore(pending)

    def undo(self) -> None:
        """Bring back the scans last set aside, exactly as they were, on their PO and line."""
        kept, self.discarded = self.discarded, None
        self.form.undoButton.hide()
        if kept is None:
            return
        self._restore(kept)
        self._say(counted(len(self.pending), self.tr("1 scan brought back"), self.tr("{0} scans brought back")), True)

    def _restore(self, kept: Discarded) -> None:
        if kept.po is not None and (self.po is None or self.po.number != kept.po.number):
            self._show_po(kept.po, quiet=True)
        self._choose_line(kept.line)
        if kept.lot is not None:
            self.lot.restore(kept.lot)
        self.pending = list(kept.pending)
        self.accepted = {row.serial: row for row in kept.pending if row.ok}
        self.values = {serial: dict(scanned) for serial, scanned in kept.values.items()}
        self.waiting = list(kept.waiting)
        self.unchecked = list(self.accepted.values())  # received elsewhere meanwhile? checked again
        self.model.set_rows(self.pending)
        self.form.pendingView.scrollToBottom()  # where the scanning went on
        self._update_counter()
        self.form.scanEdit.setFocus()
        if self.unchecked:
            self.check_timer.start()

    def _reset(self) -> None:
        self.pending, self.accepted, self.unchecked = [], {}, []
        self.waiting, self.values = [], {}
        self.model.set_rows(self.pending)
        self._update_counter()

    # --- posting ------------------------------------------------------------

    def post(self) -> None:
        line, po = self.line, self.po
        if line is None or po is None:
            self._say(self.tr("choose an approved purchase order and its line first"), False)
            return
        if self.lot.shown:
            self._post_lot(po, line)
            return
        bad = sum(1 for p in self.pending if not p.ok)
        if bad:
            self._say(counted(bad, self.tr("1 row is refused; remove it before posting"),
                              self.tr("{0} rows are refused; remove them before posting")), False)
            QApplication.beep()
            return
        if not self.accepted:
            self._say(self.tr("nothing to post yet: scan some serials"), False)
            return
        if self.waiting and self.waiting[0][0] in self.accepted:
            serial, field = self.waiting[0]
            self._say(f"{serial}: {say(Text('field.pair_missing', field=field.name))}", False)
            QApplication.beep()
            return
        serials = list(self.accepted)
        given = {serial: values for serial, values in self.values.items() if serial in self.accepted and values}
        source = field_source(serials, given) if given else scans(serials)
        location = self.form.locationCombo.currentData()
        self.settings.setValue("receiving/location", location)

        def refused(err: BaseException) -> bool:
            if isinstance(err, ValidationError):
                self._mark_refused(err)
                return True
            return False

        self.runner.run(
            lambda progress: receiving.receive(self.ctx, po.number, line.sku, [source], location=location, progress=progress),
            done=self._posted,
            failed=refused,
            progress=counted(len(serials), self.tr("Posting 1 serial…"), self.tr("Posting {0} serials…")),
            parent=self,
        )

    def _post_lot(self, po: PORecord, line: POLineRecord) -> None:
        """The lot in one receipt, all or nothing; every refusal shown with its reason."""
        try:
            lot = self.lot.lot()
        except ValidationError as err:
            self._refused_lot(err)
            return
        location = self.form.locationCombo.currentData()
        self.settings.setValue(LOCATION_KEY, location)
        self.runner.run(
            lambda: receiving.receive(self.ctx, po.number, line.sku, lot=lot, location=location),
            done=self._posted,
            failed=self._refused_lot,
            parent=self,
        )

    def _refused_lot(self, err: BaseException) -> bool:
        """A refused lot, every reason on the screen (True); anything else goes to the error dialog."""
        if not isinstance(err, ValidationError):
            return False
        self._say(describe(err), False)
        QApplication.beep()
        return True

    def _mark_refused(self, err: ValidationError) -> None:
        for problem in err.problems:
            row = self.accepted.pop(problem.value, None)
            if row is not None:
                row.ok, row.message = False, say(problem.message)
        self.model.dataChanged.emit(self.model.index(0, 0), self.model.index(max(0, len(self.pending) - 1), 2))
        self._update_counter()
        self._say(say(err.summary) + ("\n" + say_problem(err.problems[0]) if err.problems else ""), False)
        QApplication.beep()

    def _posted(self, receipt: receiving.ReceiptRecord) -> None:
        self._reset()
        # What Undo kept was taken before this receipt: brought back, it would offer its serials again.
        self.discarded = None
        self.form.undoButton.hide()
        said = self.lot.received(receipt) if receipt.batch else self.tr(
            "Receipt {0}: {1} serials of {2} received into {3}").format(
            receipt.number, receipt.quantity, receipt.sku, receipt.location)  # fmt: skip
        self._say(said, True)
        # The line's manifest: what the exceptions opened at posting are about.
        for text, serials in ((self.tr("Not on the manifest, accepted ({0}): {1}"), receipt.off_manifest),
                              (self.tr("On the manifest, not delivered ({0}): {1}"), receipt.missing)):  # fmt: skip
            if serials:
                listed = ", ".join(serials[:10]) + (" …" if len(serials) > 10 else "")
                self.form.lastLabel.setText(self.form.lastLabel.text() + "\n" + text.format(len(serials), listed))
        self.last_receipt = receipt.number
        self.form.printButton.setEnabled(not receipt.batch)  # a lot has no serials to label
        self.posted.emit(receipt)
        self.load_po(receipt.po, quiet=True)  # the open quantities have changed; the receipt message stays

    # --- feedback -----------------------------------------------------------

    def _say(self, text: str, ok: bool) -> None:
        self.form.lastLabel.setText(text)
        if ok is not self.said_ok:
            self.said_ok = ok
            self.form.lastLabel.setStyleSheet(f"font-size: 12pt; color: {OK if ok else BAD};")

    def _update_counter(self) -> None:
        line = self.line
        item = self.items.get(line.sku) if line else None
        self.lot.show_for(item.tracking if item else None)
        expected = line.remaining if line else 0
        counted = self.form.quantitySpin.value() if self.lot.shown else len(self.accepted)
        self.form.counterLabel.setText(f"{counted} / {expected}")
        # A lot posts whatever its fields hold: what is missing in it is refused with its reason.
        self.form.postButton.setEnabled(self.lot.shown or bool(self.accepted))
        self._prompt()

    def _prompt(self) -> None:
        """The scan field says what it expects: a serial, or the field scanned after the last one (its IMEI)."""
        if self.waiting:
            serial, field = self.waiting[0]
            self.form.scanEdit.setPlaceholderText(self.tr("Scan the {0} of {1}, then Enter").format(field.name, serial))
        else:
            self.form.scanEdit.setPlaceholderText(self.serial_prompt)


def _text(value: object) -> str:
    return "" if value is None else str(value)
