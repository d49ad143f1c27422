"""The scanner set up on this PC, and scan fields that take what it types.

A keyboard-wedge scanner types its code and a suffix. Two things would go
wrong in a plain QLineEdit: it drops ASCII 29 (GS), which a scanner sends
as Ctrl+], because it refuses control characters; and a Tab suffix moves the
focus away instead of ending the scan. `ScanField` fixes both and hands over
each scan and the suffix that ended it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit

from snapp.domain.scan import GS, GS_CHOICES, SUFFIX_CHOICES, ScannerProfile

GS_KEY, PREFIX_KEY, SUFFIX_KEY = "scanner/gs", "scanner/prefix", "scanner/suffix"
LEAD_KEY, TRAIL_KEY = "scanner/lead", "scanner/trail"
ADDED_MAX = 20  # characters of added text, as the floor client's profile allows
_ENDS = {Qt.Key.Key_Return: "\r", Qt.Key.Key_Enter: "\r", Qt.Key.Key_Tab: "\t"}


def scanner_profile(settings: QSettings) -> ScannerProfile:
    """The profile saved on this PC; the defaults (GS as ASCII 29, no prefix, Enter, nothing added) when none is."""
    default = ScannerProfile()
    gs = str(settings.value(GS_KEY, default.gs))
    suffix = str(settings.value(SUFFIX_KEY, default.suffix))
    return ScannerProfile(
        gs=gs if gs in GS_CHOICES else default.gs,
        prefix=str(settings.value(PREFIX_KEY, default.prefix)).lower() == "true",  # INI files store "true"/"false"
        suffix=suffix if suffix in SUFFIX_CHOICES else default.suffix,
        lead=str(settings.value(LEAD_KEY, default.lead))[:ADDED_MAX],
        trail=str(settings.value(TRAIL_KEY, default.trail))[:ADDED_MAX],
    )


def save_scanner_profile(settings: QSettings, profile: ScannerProfile) -> None:
    settings.setValue(GS_KEY, profile.gs)
    settings.setValue(PREFIX_KEY, profile.prefix)
    settings.setValue(SUFFIX_KEY, profile.suffix)
    settings.setValue(LEAD_KEY, profile.lead)
    settings.setValue(TRAIL_KEY, profile.trail)


class ScanField(QObject):
    """Watches a line edit: keeps the GS it would drop, and emits ``scanned`` at each Enter (or Tab suffix).

    ``ends`` is asked at each key which suffixes end a scan: Enter always (a
    person typing presses it), Tab when the scanner is set to send it.
    The field is cleared and keeps the focus, ready for the next scan.
    """

    scanned = Signal(str, str)  # the scan, and the suffix that ended it ("\r" or "\t")

    def __init__(self, edit: QLineEdit, settings: QSettings | None = None, *, every_suffix: bool = False):
        super().__init__(edit)
        self.edit, self.settings, self.every_suffix = edit, settings, every_suffix
        edit.installEventFilter(self)

    def _ends(self, suffix: str) -> bool:
        if suffix == "\r" or self.every_suffix:
            return True
        return self.settings is not None and scanner_profile(self.settings).suffix == suffix

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Tab reaches a widget as ShortcutOverride first; claiming it there keeps the focus in the field.
        if event.type() not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) or not isinstance(event, QKeyEvent):
            return False
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier and event.text() != GS:
            # Ctrl+Enter and the like are the screen's shortcuts (Ctrl+] is how a scanner types GS);
            # so is Ctrl+Z once the field is empty: it has nothing of its own to undo after a scan.
            undo = event.matches(QKeySequence.StandardKey.Undo) and not self.edit.text()
            return event.type() == QEvent.Type.ShortcutOverride and undo
        suffix = _ENDS.get(Qt.Key(event.key()))
        text = self.edit.text()
        # Enter always ends a scan; Tab only what was typed, so that Tab in an empty field still moves on.
        if suffix is not None and self._ends(suffix) and (text.strip() or suffix == "\r"):
            if event.type() == QEvent.Type.ShortcutOverride:
                event.accept()
                return True
            self.edit.clear()
            if text.strip():
                self.scanned.emit(text, suffix)
            return True
        if event.type() == QEvent.Type.KeyPress and event.text() == GS:
            self.edit.insert(GS)
            return True
        return False
