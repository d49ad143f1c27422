"""Guard against a Qt binding that loses references to None.

PySide6 6.12.0 on Python 3.11 released a reference to None on every call of a
method returning void; after some ten thousand calls (a morning of scanning)
the interpreter aborts with "deallocating None". pyproject.toml keeps that
release out; this test catches the next one like it.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_void_calls_keep_none_alive(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(5_000):
        label.setText("SN0001")
    assert sys.getrefcount(None) - before > -100
