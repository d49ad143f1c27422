"""Labels and documents: every PDF SNApp prints, written to a folder the user chooses, opened or printed
from there; and serial labels straight to the label printer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from snapp.domain.capture import paste
from snapp.gui.documents import FOLDER, open_pdf, pdf_path, write_pdf
from snapp.gui.printing import print_pdf, saved_printer
from snapp.gui.palette import BAD, GOOD
from snapp.gui.views.base import LAST_FOLDER, View
from snapp.io.printers import Printer
from snapp.reports.labels import template_names
from snapp.services import printing
from snapp.services.printing import LabelSource, Printed

SOURCES = ("receipt", "po", "serials")


class LabelsDocumentsView(View):
    form_name = "labels_documents"

    def __init__(self, *args):
        super().__init__(*args)
        form = self.form
        self.last: Path | None = None
        for code, name in zip(SOURCES, (self.tr("Receipt"), self.tr("Purchase order"), self.tr("Serials")), strict=True):
            form.sourceCombo.addItem(name, code)
        form.templateCombo.addItems(template_names())
        if (i := form.templateCombo.findText(str(self.settings.value("labels/template", "")))) >= 0:
            form.templateCombo.setCurrentIndex(i)
        form.folderEdit.setText(str(self.folder(FOLDER)))
        form.monthEdit.setText(f"{dt.date.today().replace(day=1) - dt.timedelta(days=1):%Y-%m}")  # last month
        form.companyEdit.setText(str(self.settings.value("reports/company", "")))
        form.chooseButton.clicked.connect(self._choose_folder)
        form.labelsButton.clicked.connect(self.print_labels)
        form.poButton.clicked.connect(lambda: self._document(form.poEdit, printing.print_po, "PO"))
        form.receiptButton.clicked.connect(lambda: self._document(form.receiptEdit, printing.print_receipt, "receipt"))
        form.serialButton.clicked.connect(lambda: self._document(form.serialEdit, printing.print_serial_history, "serial"))
        form.auditButton.clicked.connect(self.print_audit_report)
        form.labelPrinterButton.clicked.connect(self.send_labels)
        form.openButton.clicked.connect(self.open_last)
        form.printPdfButton.clicked.connect(lambda: self.last and print_pdf(self, self.last))
        form.openButton.setEnabled(False)
        form.printPdfButton.setEnabled(False)

    def label_receipt(self, number: str) -> None:
        """Prepare the labels of a receipt just posted (the receiving screen's "Print labels")."""
        self.form.sourceCombo.setCurrentIndex(SOURCES.index("receipt"))
        self.form.sourceEdit.setText(number)

    def output(self, name: str) -> Path:
        folder = Path(self.form.folderEdit.text().strip()).expanduser()
        self.settings.setValue(FOLDER, str(folder))
        self.settings.setValue(LAST_FOLDER, str(folder))
        return pdf_path(folder, name)

    def label_source(self) -> LabelSource | None:
        """What the form names to label; None (and a word to the user) when it names nothing."""
        form = self.form
        kind, text = form.sourceCombo.currentData(), form.sourceEdit.text().strip()
        if not text:
            self._say(self.tr("Enter what to label first."), False)
            form.sourceEdit.setFocus()
            return None
        return {"receipt": LabelSource(receipt=text), "po": LabelSource(po=text)}.get(kind) or LabelSource(serials=paste(text))

    def send_labels(self) -> None:
        """The labels straight to the label printer chosen in Settings."""
        printer = saved_printer(self.settings)
        if printer is None:
            self._say(self.tr("No label printer is set: choose one in Settings."), False)
            return
        if (source := self.label_source()) is not None:
            self.send(source, printer, lambda text: self._say(text, True), self)

    def send(self, source: LabelSource, printer: Printer, said: Callable[[str], None], parent: QWidget) -> None:
        """Send the labels of ``source`` to ``printer`` off the GUI thread; ``said`` gets the sentence saying it is done."""
        self.runner.run(
            lambda progress: printing.send_labels(self.ctx, source, printer, progress=progress),
            done=lambda printed: said(self.tr("{0} label(s) sent to {1}").format(printed.count, printed.out)),
            progress=self.tr("Sending the labels to {0}…").format(printer.address),
            parent=parent,
        )

    def open_last(self) -> None:
        if self.last and not open_pdf(self.last):
            self._say(self.tr("No program on this computer opens PDFs. The file is {0}").format(self.last), False)

    def print_labels(self) -> None:
        form = self.form
        source = self.label_source()
        if source is None:
            return
        kind, text = form.sourceCombo.currentData(), form.sourceEdit.text().strip()
        template, start = form.templateCombo.currentText(), form.startSpin.value()
        self.settings.setValue("labels/template", template)
        name = f"labels-{text if kind != 'serials' else dt.datetime.now().strftime('%Y%m%d-%H%M%S')}-{template}"
        self._print(lambda out: printing.print_labels(self.ctx, source, template, out, start=start), name)

    def print_audit_report(self) -> None:
        month, company = self.form.monthEdit.text().strip(), self.form.companyEdit.text().strip()
        self.settings.setValue("reports/company", company)
        self._print(lambda out: printing.print_audit_report(self.ctx, month, out, company=company), f"audit-{month}")

    def _document(self, edit, act: Callable[..., Printed], kind: str) -> None:
        key = edit.text().strip()
        if not key:
            self._say(self.tr("Enter the number first."), False)
            edit.setFocus()
            return
        self._print(lambda out: act(self.ctx, key, out), f"{kind}-{key}")

    def _print(self, act: Callable[[Path], Printed], name: str) -> None:
        write_pdf(self, act, self.output(name), self._printed)

    def _printed(self, printed: Printed) -> None:
        self.last = Path(printed.out)
        self.form.openButton.setEnabled(True)
        self.form.printPdfButton.setEnabled(True)
        self._say(self.tr("{0}: {1} ({2})").format(printed.document, printed.out, printed.count), True)

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Save in folder"), self.form.folderEdit.text())
        if folder:
            self.form.folderEdit.setText(folder)

    def _say(self, text: str, ok: bool) -> None:
        self.form.resultLabel.setText(text)
        self.form.resultLabel.setStyleSheet(f"color: {GOOD.text if ok else BAD.text};")
