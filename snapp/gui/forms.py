"""Screens take their layout from the Qt Designer forms in ui/, loaded at run time.

Loading (rather than compiling with pyside6-uic) keeps the .ui file the single
source of a layout and needs no build step after `pip install`. A label whose
form gives it a ``tone`` (``bad``: a form's error) takes that tone's colour from
the palette here, so no form spells its own red.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QFile, QIODevice
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

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
    if not isinstance(host, QDialog):  # a screen sits in the window's margins; a dialog keeps the style's own
        layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(widget)
    return widget


_KIND = re.compile(r"(Edit|Combo|Spin|Date|Check|Text)$")
_MNEMONIC = re.compile(r"\(&\w\)")  # a Chinese label's key letter, 原因(&E)


def field_label(form: QWidget, field: str) -> str | None:
    """The label the form shows beside the input of a core field (``promised_on``: the buddy of ``promisedOnDate``),
    as the user reads it; None when the form has no such input."""
    wanted = re.sub(r"_(\w)", lambda m: m.group(1).upper(), field)
    for label in form.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is not None and _KIND.sub("", buddy.objectName()) == wanted:
            return _MNEMONIC.sub("", label.text()).replace("&", "").rstrip(":：")
    return None
