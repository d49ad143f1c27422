"""Screens take their layout from the Qt Designer forms in ui/, loaded at run time.

Loading (rather than compiling with pyside6-uic) keeps the .ui file the single
source of a layout and needs no build step after `pip install`. A label whose
form gives it a ``tone`` (``bad``: a form's error) takes that tone's colour from
the palette here, so no form spells its own red.
"""

from __future__ import annotations

from PySide6.QtCore import QFile, QIODevice
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from snapp.gui.palette import BAD, DOUBTFUL, GOOD
from snapp.paths import form

TONES = {"good": GOOD, "doubtful": DOUBTFUL, "bad": BAD}


def load_form(name: str, host: QWidget) -> QWidget:
    """Load ``ui/<name>.ui`` into ``host``; the returned widget has each named child as an attribute."""
    file = QFile(str(form(name)))
    if not file.open(QIODevice.OpenModeFlag.ReadOnly):
        raise FileNotFoundError(f"cannot open form {file.fileName()}: {file.errorString()}")
    try:
        widget = QUiLoader().load(file, host)
    finally:
        file.close()
    if widget is None:
        raise RuntimeError(f"form {name}.ui could not be loaded")
    for label in widget.findChildren(QLabel):
        if tone := label.property("tone"):
            label.setStyleSheet(f"color: {TONES[tone].text};")
    layout = host.layout() or QVBoxLayout(host)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(widget)
    return widget
