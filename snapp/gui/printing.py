"""The desktop's printing: the label printer it shares with the command line, and PDFs through the system print dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from snapp.app import settings as saved
from snapp.errors import SnappError
from snapp.io.printers import Printer

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
