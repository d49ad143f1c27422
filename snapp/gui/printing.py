"""The desktop's printing: the label printer it shares with the command line, and PDFs through the system print dialog."""

from __future__ import annotations

from pathlib import Path

import pypdfium2
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from snapp.app import settings as saved
from snapp.errors import SnappError
from snapp.io.printers import Printer

PDF_DPI = 300
KEYS = {key: f"{saved.PRINTER}/{key}" for key in saved.PRINTER_KEYS}


def saved_printer(settings: QSettings) -> Printer | None:
    """The label printer chosen on this computer, read as the command line reads it; None also when the choice is damaged."""
    settings.sync()
    try:
        return saved.saved_printer(path=Path(settings.fileName()))
    except SnappError:
        return None  # Settings shows the saved values again, so the user sees and fixes them


def save_printer(settings: QSettings, printer: Printer | None) -> None:
    settings.remove(saved.PRINTER)
    if printer is not None:
        for key, name in KEYS.items():
            settings.setValue(name, str(getattr(printer, key)))
    settings.sync()


def print_pdf(parent: QWidget, path: Path) -> bool:
    """``path`` through the system print dialog (the printer, its pages, copies); False when the user cancels."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(path.name)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        print_pages(printer, path)
    finally:
        QApplication.restoreOverrideCursor()
    return True


def print_pages(printer: QPrinter, path: Path) -> int:
    """Each page of the PDF (those the dialog chose) drawn on ``printer``, scaled to its page; returns the pages drawn.

    Rendered by PDFium at the printer's resolution (at most 300 dpi: finer
    only makes the job larger), so what prints is what a PDF viewer shows.
    """
    pdf = pypdfium2.PdfDocument(str(path))
    try:
        first, last = printer.fromPage(), printer.toPage()
        chosen = range(first - 1, last) if first > 0 else range(len(pdf))
        scale = min(printer.resolution(), PDF_DPI) / 72
        painter = QPainter()
        if not painter.begin(printer):
            raise SnappError("printer.not_ready", name=printer.printerName() or printer.outputFileName())
        try:
            for n, index in enumerate(chosen):
                if n:
                    printer.newPage()
                picture = pdf[index].render(scale=scale).to_pil().convert("RGB")
                image = QImage(picture.tobytes(), picture.width, picture.height, 3 * picture.width, QImage.Format.Format_RGB888)
                area = painter.viewport()
                size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.setViewport(area.x(), area.y(), size.width(), size.height())
                painter.setWindow(image.rect())
                painter.drawImage(0, 0, image)
                painter.setViewport(area)
            return len(chosen)
        finally:
            painter.end()
    finally:
        pdf.close()
