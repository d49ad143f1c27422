"""Stocktake: start a stocktake, scan the shelf into it, close it, read the report, apply it to the books.

Scans go to the database one at a time and in order, each judged as it is
taken (known here, belongs elsewhere, unknown, not on a shelf, scanned twice)
or refused; scans that arrive meanwhile wait in a queue, so a fast scanner
loses none. Several PCs may scan into the same stocktake. The report lists the
discrepancies first, and goes to Excel or to the printer from here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QMessageBox

from snapp.domain.capture import scans
from snapp.domain.statuses import STOCKTAKE
from snapp.errors import SnappError
from snapp.gui.errors import describe
from snapp.gui.labels import name_of
from snapp.gui.models import Column, RecordModel, shown
from snapp.gui.palette import BAD, DOUBTFUL, GOOD
from snapp.gui.printing import print_pdf
from snapp.gui.problems import say
from snapp.gui.scanner import ScanField, scanner_profile
from snapp.gui.views.base import DOCUMENT, QUANTITY, ROW_NUMBER, SERIAL, EmptyHint, View, fit_columns
from snapp.gui.views.verify import visible
from snapp.io.serial_files import read_serial_file
from snapp.services import exports, floor, masterdata, printing, stocktake
from snapp.services.base import Entity
from snapp.services.floor import StocktakeFeedback, Feedback
from snapp.services.stocktake import (
    ApplyResult,
    StocktakeLine,
    StocktakeReport,
    StocktakeSummary,
    ScanBatch,
)

# A scan's verdict: the floor's feedback, a scan refused, or a file of scans taken as a whole.
HERE, ELSEWHERE, UNKNOWN = Feedback.HERE.value, Feedback.ELSEWHERE.value, Feedback.UNKNOWN.value
NOT_ON_SHELF, TWICE = Feedback.NOT_ON_SHELF.value, Feedback.TWICE.value
JUDGED = frozenset(f.value for f in Feedback)
REFUSED, FILE = "refused", "file"
PLAIN = "#424242"  # a file of scans: neither good nor bad until it is judged as a whole
COLOURS = {HERE: GOOD.text, ELSEWHERE: DOUBTFUL.text, UNKNOWN: BAD.text, NOT_ON_SHELF: BAD.text, TWICE: DOUBTFUL.text,
           REFUSED: BAD.text, FILE: PLAIN,
           "matched": GOOD.text, "missing": BAD.text, "unexpected": DOUBTFUL.text, "unknown": BAD.text}  # fmt: skip
# The report's views: everything (discrepancies first), the discrepancies only, one outcome, the units scanned twice.
EVERYTHING, DISCREPANCIES = "", "discrepancies"
FILTERS = (EVERYTHING, DISCREPANCIES, "missing", "unexpected", "unknown", "matched", "scanned_twice")


@dataclass
class ScanEntry:
    number: int
    scanned: str
    state: str  # a Feedback value, REFUSED or FILE
    message: str


@dataclass(frozen=True)
class ReportRow:
    outcome: str
    line: StocktakeLine


class StocktakeView(View):
    form_name = "stocktake"
    shows = frozenset({Entity.STOCKTAKES, Entity.LOCATIONS})

    def __init__(self, *args):
        super().__init__(*args)
        form = self.form
        self.stocktakes = RecordModel(
            [
                Column(self.tr("Stocktake"), lambda c: c.number),
                Column(self.tr("Location"), lambda c: c.location or self.tr("all")),
                Column(self.tr("Status"), lambda c: name_of("stocktake_status", c.status)),
                Column(self.tr("Started"), lambda c: c.started_at),
                Column(self.tr("By"), lambda c: c.started_by),
                Column(self.tr("Units"), lambda c: c.units_scanned),
            ]
        )
        form.stocktakesView.setModel(self.stocktakes)
        fit_columns(form.stocktakesView, sized={0: DOCUMENT, 5: QUANTITY})
        EmptyHint(form.stocktakesView, self.tr("No stocktake yet: choose what to count above and press Start a stocktake."))
        form.stocktakesView.selectionModel().selectionChanged.connect(lambda *_: self._selected())
        self.verdicts = {
            HERE: self.tr("Known here"), ELSEWHERE: self.tr("Belongs elsewhere"), UNKNOWN: self.tr("Unknown serial"),
            NOT_ON_SHELF: self.tr("Not on a shelf"), TWICE: self.tr("Scanned twice"), REFUSED: self.tr("Refused"),
            FILE: self.tr("File"),
        }  # fmt: skip
        self.log = RecordModel(
            [
                Column("#", lambda e: e.number),
                Column(self.tr("Scanned"), lambda e: e.scanned),
                Column(self.tr("Verdict"), lambda e: self.verdicts[e.state]),
                Column(self.tr("Result"), lambda e: e.message),
            ]
        )
        self.log.colour = lambda e: QColor(COLOURS[e.state])
        form.scanView.setModel(self.log)
        fit_columns(form.scanView, stretch=3, sized={0: ROW_NUMBER, 1: SERIAL, 2: max(self.verdicts.values(), key=len)})
        self.scan_hint = EmptyHint(form.scanView, "")
        self.report_rows = RecordModel(
            [
                Column(self.tr("Outcome"), lambda r: name_of("outcome", r.outcome)),
                Column(self.tr("Serial"), lambda r: r.line.serial),
                Column(self.tr("Item"), lambda r: r.line.sku),
                Column(self.tr("Recorded status"), lambda r: name_of("status", r.line.recorded_status)),
                Column(self.tr("Recorded at"), lambda r: r.line.recorded_location),
                Column(self.tr("Scans"), lambda r: r.line.scans),
            ]
        )
        self.report_rows.colour = lambda r: QColor(COLOURS[r.outcome])
        form.reportView.setModel(self.report_rows)
        fit_columns(form.reportView, stretch=4, sized={1: SERIAL, 5: ROW_NUMBER})
        names = (self.tr("Everything, discrepancies first"), self.tr("Discrepancies only"),
                 *(name_of("outcome", code) for code in FILTERS[2:]))  # fmt: skip
        for code, name in zip(FILTERS, names, strict=True):
            form.filterCombo.addItem(name, code)
        form.filterCombo.currentIndexChanged.connect(lambda _: self._show_rows())
        form.exportButton.clicked.connect(self._export)
        form.printButton.clicked.connect(self._print)
        form.splitter.setSizes([480, 840])  # the list of stocktakes whole, units included, at 1366 pixels

        self.number: str | None = None
        self.starting: str | None = None
        self.report: StocktakeReport | None = None
        self.entries: list[ScanEntry] = []
        self.queue: list[tuple[str, str]] = []  # (stocktake number, scan)
        self.busy = False
        self.scan_field = ScanField(form.scanEdit, self.settings)
        self.scan_field.scanned.connect(lambda text, _suffix: self.scan(text))
        form.startButton.clicked.connect(self.start)
        form.importButton.clicked.connect(self._import)
        form.closeButton.clicked.connect(self.close_stocktake)
        form.applyButton.clicked.connect(self.apply)
        form.tabs.currentChanged.connect(lambda _: self._tab_changed())
        self._show_stocktake(None)

    def setFocus(self, *args) -> None:
        self.form.scanEdit.setFocus(*args)

    @property
    def current(self) -> StocktakeSummary | None:
        return next((c for c in self.stocktakes.rows if c.number == self.number), None)

    # --- the list of stocktakes -----------------------------------------------------

    def refresh(self) -> None:
        self.load("stocktakes", lambda: (stocktake.list_stocktakes(self.ctx), masterdata.list_locations(self.ctx)),
                  self._listed)  # fmt: skip

    def _listed(self, result) -> None:
        stocktakes, locations = result
        form = self.form
        chosen = form.locationCombo.currentData()
        form.locationCombo.clear()
        form.locationCombo.addItem(self.tr("All locations"), "")
        for location in locations:
            form.locationCombo.addItem(f"{location.code} — {location.name}", location.code)
        form.locationCombo.setCurrentIndex(max(0, form.locationCombo.findData(chosen)))
        number, self.starting = self.starting or self.number, None
        self.stocktakes.set_rows(stocktakes)
        self.select(number or (stocktakes[0].number if stocktakes else None))

    def select(self, number: str | None) -> None:
        numbers = [c.number for c in self.stocktakes.rows]
        if number in numbers:
            self.form.stocktakesView.selectRow(numbers.index(number))
        else:
            self._show_stocktake(None)

    def _selected(self) -> None:
        rows = self.form.stocktakesView.selectionModel().selectedRows()
        take = self.stocktakes.rows[rows[0].row()] if rows else None
        if take is None or take.number != self.number:
            self.entries = []
            self.log.set_rows(self.entries)
            self._tally()
            self.form.lastLabel.setText("")
            self.form.resultLabel.setText("")
            self.report = None
            self._show_rows()
            self._show_stocktake(take)
            if take is not None and take.status == stocktake.OPEN:
                self.form.scanEdit.setFocus()  # a stocktake chosen or started: ready to scan
        else:
            self._show_stocktake(take)

    def _show_stocktake(self, take: StocktakeSummary | None) -> None:
        form = self.form
        self.number = take.number if take else None
        is_open = take is not None and take.status == stocktake.OPEN
        # The list holds this session's scans as they are judged; a closed stocktake's outcome is its report.
        closed = take is not None and not is_open
        self.scan_hint.setText(self.tr("This stocktake is closed: its outcome is on the Report tab.") if closed
                               else self.tr("Scan each unit on the shelf: each scan is judged here at once."))  # fmt: skip
        form.scanEdit.setEnabled(is_open)
        form.importButton.setEnabled(is_open)
        form.closeButton.setEnabled(is_open)
        form.applyButton.setEnabled(take is not None and STOCKTAKE.can(take.status, "apply"))
        if take is None:
            form.stocktakeLabel.setText(self.tr("Start a stocktake, or choose one from the list"))
            return
        where = take.location or self.tr("every location")
        form.stocktakeLabel.setText(
            self.tr("{0} — {1} — {2}: {3} units scanned").format(
                take.number, where, name_of("stocktake_status", take.status), take.units_scanned
            )
        )
        if not is_open and form.tabs.currentWidget() is form.scanTab:
            form.tabs.setCurrentWidget(form.reportTab)
        self._tab_changed()

    def start(self) -> None:
        location = self.form.locationCombo.currentData() or None

        def started(take: StocktakeSummary) -> None:
            self.starting = take.number  # the list, reloading now, shows it next
            self.form.tabs.setCurrentWidget(self.form.scanTab)

        self.runner.run(lambda: stocktake.start_stocktake(self.ctx, location), done=started)

    # --- scanning -----------------------------------------------------------------

    def scan(self, raw: str) -> None:
        """Count one scan into the chosen stocktake; scans arriving meanwhile wait their turn."""
        if self.number is None:
            return
        self.queue.append((self.number, raw))
        if not self.busy:
            self._send()

    def _send(self) -> None:
        number, raw = self.queue.pop(0)
        profile = scanner_profile(self.settings)
        self.busy = True

        def take() -> tuple[ScanBatch, StocktakeFeedback | None]:
            batch = stocktake.scan(self.ctx, number, [scans([raw])], profile=profile)
            return batch, None if batch.problems else floor.stocktake_feedback(self.ctx, number, raw, profile=profile)

        def done(result: tuple[ScanBatch, StocktakeFeedback | None]) -> None:
            batch, feedback = result
            if number != self.number:  # another stocktake was chosen meanwhile; its log starts empty
                self._next()
                return
            if feedback is None:
                self._log(raw, REFUSED, say(batch.problems[0].message))
            else:
                self._log(raw, feedback.feedback.value, say(feedback.message))
            if batch.warnings:
                self.form.lastLabel.setText(self.form.lastLabel.text() + "\n" + "\n".join(map(say, batch.warnings)))
            self._next()

        def failed(err: BaseException) -> bool:
            self._next()
            if not isinstance(err, SnappError):
                return False  # the error dialog reports what nobody expected
            if number == self.number:  # the stocktake was closed on another PC, say: each waiting scan says so too
                self._log(raw, REFUSED, describe(err))
                self.refresh()  # and the screen shows it closed
            return True

        self.runner.run(take, done=done, failed=failed)

    def _next(self) -> None:
        self.busy = False
        if self.queue:
            self._send()

    def _log(self, scanned: str, state: str, message: str) -> None:
        entry = ScanEntry(len(self.entries) + 1, visible(scanned), state, message)
        model = self.log
        model.beginInsertRows(model.index(0, 0).parent(), len(self.entries), len(self.entries))
        self.entries.append(entry)
        model.rows = self.entries
        model.endInsertRows()
        self.form.scanView.scrollToBottom()
        # The floor's sentences name the unit and the verdict themselves; a refusal's reason does neither.
        said = message if state in JUDGED else f"{self.verdicts[state]} — {entry.scanned}: {message}"
        self.form.lastLabel.setText(said)
        self.form.lastLabel.setStyleSheet(f"font-size: 14pt; font-weight: 600; color: {COLOURS[state]};")
        self._tally()
        if COLOURS[state] == BAD.text:
            QApplication.beep()

    def _tally(self) -> None:
        """How many scans got each verdict so far, as the floor client's tally shows them."""
        seen = [entry.state for entry in self.entries]
        self.form.tallyLabel.setText("&nbsp;&nbsp;·&nbsp;&nbsp;".join(
            f"<span style='color: {COLOURS[state]}'>{self.verdicts[state]} <b>{seen.count(state):,}</b></span>"
            for state in (HERE, ELSEWHERE, UNKNOWN, NOT_ON_SHELF, TWICE, REFUSED)
        ))  # fmt: skip

    def _import(self) -> None:
        if path := self.open_file("stocktake/import_folder", self.tr("Import scans"),
                                  self.tr("Excel or CSV (*.xlsx *.xls *.ods *.csv *.txt)")):  # fmt: skip
            self.import_file(path)

    def import_file(self, path: str) -> None:
        """Count every scan in a file (a scanner's memory exported, a list from another stocktake)."""
        number, profile, name = self.number, scanner_profile(self.settings), Path(path).name

        def done(batch: ScanBatch) -> None:
            for problem in batch.problems:
                self._log(f"{name}, {problem.position}: {problem.value}", REFUSED, problem.message)
            summary = self.tr("{0} scans counted ({1} repeated a unit already counted), {2} refused").format(
                f"{batch.accepted:,}", f"{batch.repeated:,}", f"{len(batch.problems):,}"
            )
            self._log(name, FILE, summary)

        self.runner.run(
            lambda: stocktake.scan(self.ctx, number, [read_serial_file(path)], profile=profile),
            done=done,
        )  # fmt: skip

    # --- closing, the report, applying ----------------------------------------------

    def _confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def close_stocktake(self) -> None:
        number = self.number
        if number is None or not self._confirm(
            self.tr("Close the stocktake"),
            self.tr("Close stocktake {0}? It takes no more scans; the outcome is frozen and every discrepancy "
                    "opens an exception.").format(number),
        ):  # fmt: skip
            return

        def closed(report: StocktakeReport) -> None:
            self.form.tabs.setCurrentWidget(self.form.reportTab)
            self._show_report(report)

        self.runner.run(lambda: stocktake.close_stocktake(self.ctx, number), done=closed)

    def _tab_changed(self) -> None:
        if self.form.tabs.currentWidget() is self.form.reportTab and self.number is not None:
            number = self.number
            self.load("report", lambda: stocktake.stocktake_report(self.ctx, number), self._show_report)

    def _show_report(self, report: StocktakeReport) -> None:
        if report.number != self.number:
            return
        self.report = report
        figures = report.figures
        accuracy = "—" if report.accuracy is None else f"{report.accuracy:.1%}"
        text = self.tr("Matched {0} · Missing {1} · Unexpected {2} · Unknown {3} · Scanned twice {4} · Accuracy {5}")
        text = text.format(*(figures[k] for k in ("matched", "missing", "unexpected", "unknown", "scanned_twice")), accuracy)
        if report.status == stocktake.OPEN:
            text += "\n" + self.tr("Provisional: the stocktake is open, and the books may still change.")
        elif report.applied_at is not None:
            text += "\n" + self.tr("Applied to the books by {0} on {1}.").format(report.applied_by, shown(report.applied_at))
        self.form.figuresLabel.setText(text)
        self._show_rows()

    def _show_rows(self) -> None:
        report, wanted = self.report, self.form.filterCombo.currentData()
        self.form.exportButton.setEnabled(report is not None)
        self.form.printButton.setEnabled(report is not None)
        if report is None:
            self.report_rows.set_rows([])
            return
        listed = report.listed(discrepancies_only=wanted == DISCREPANCIES)
        if wanted == "scanned_twice":
            twice = {(line.serial, line.sku) for line in report.scanned_twice}
            rows = [ReportRow(o, line) for o, line in listed if (line.serial, line.sku) in twice]
        else:
            rows = [ReportRow(o, line) for o, line in listed if wanted in (EVERYTHING, DISCREPANCIES, o)]
        self.report_rows.set_rows(rows)

    # --- the report to Excel and to the printer --------------------------------------

    def _only_discrepancies(self) -> bool:
        return self.form.filterCombo.currentData() == DISCREPANCIES

    def _export(self) -> None:
        if self.report is not None and (path := self.save_file("stocktake/folder", self.tr("Export the stocktake"),
                                                                f"{self.report.number}.xlsx", self.tr("Excel (*.xlsx)"))):  # fmt: skip
            self.export(path)

    def export(self, path: str) -> None:
        """The report as the screen lists it (everything, or the discrepancies only) to an Excel file."""
        number, only = self.report.number, self._only_discrepancies()
        self.runner.run(
            lambda progress: exports.export_stocktake(self.ctx, path, number, discrepancies_only=only, progress=progress),
            done=lambda record: self._said(self.tr("{0} unit(s) written to {1}").format(f"{record.rows:,}", record.path)),
            progress=self.tr("Exporting the stocktake…"),
            parent=self,
        )  # fmt: skip

    def _print(self) -> None:
        if self.report is not None and (path := self.save_file("stocktake/folder", self.tr("Print the stocktake"),
                                                                f"{self.report.number}.pdf", self.tr("PDF (*.pdf)"))):  # fmt: skip
            self.write_pdf(path, then=lambda printed: print_pdf(self, Path(printed.out)))

    def write_pdf(self, path: str, then: Callable[[printing.Printed], object] | None = None) -> None:
        """The report as a PDF kept at ``path``, then (``then``) through the system print dialog."""
        number, only = self.report.number, self._only_discrepancies()

        def written(printed: printing.Printed) -> None:
            self._said(self.tr("{0} page(s) written to {1}").format(printed.count, printed.out))
            if then is not None:
                then(printed)

        self.runner.run(lambda: printing.print_stocktake(self.ctx, number, path, discrepancies_only=only), done=written)

    def _said(self, text: str) -> None:
        self.form.resultLabel.setText(text)

    def apply(self) -> None:
        report, number = self.report, self.number
        if number is None or report is None or report.number != number:
            return
        where = report.location or self.tr("their counted location")
        if not self._confirm(
            self.tr("Apply the stocktake"),
            self.tr("Apply stocktake {0} to the books?\n\n{1} units found in the wrong place are moved to {2} "
                    "(lost ones marked found), and {3} missing units are marked lost. Every change is audited and "
                    "can be reversed unit by unit.").format(number, len(report.unexpected), where, len(report.missing)),
        ):  # fmt: skip
            return

        def applied(result: ApplyResult) -> None:
            text = self.tr("Stocktake {0} applied: {1} moved here, {2} found again, {3} marked lost.").format(
                result.number, result.transferred, result.found, result.lost
            )
            if result.left:
                left = ", ".join(f"{line.serial} ({name_of('status', line.recorded_status)})" for line in result.left[:10])
                text += " " + self.tr("Left as recorded (a stocktake does not change them): {0}").format(left)
            self.form.resultLabel.setText(text)

        self.runner.run(lambda: stocktake.apply_stocktake(self.ctx, number), done=applied)
