"""A database check of receiving scans that ends after the scans were posted says nothing about them."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.gui.conftest import settle
from tests.gui.test_keyboard import receiving_on


def test_a_check_that_ends_after_the_post_leaves_the_receipts_news_standing(qtbot, window, ctx):
    view = receiving_on(qtbot, window, ctx, 10)
    for serial in ("LATE000001", "LATE000002"):
        view.add_scan(serial)
    view.check_timer.stop()
    in_flight = list(view.unchecked)  # the check the timer was about to start
    qtbot.keyClick(view.form.scanEdit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window)
    said = view.form.lastLabel.text()
    assert "Receipt GR-" in said and view.pending == []

    view.unchecked = in_flight  # it runs only now, against a database that holds the receipt
    view._check_database()
    settle(qtbot, window)
    assert view.form.lastLabel.text() == said
