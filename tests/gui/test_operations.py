"""Operations: work off the GUI thread, results back on it, progress and cancel."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QWidget

from snapp.errors import Cancelled
from snapp.gui.operations import Changes, Runner


def test_many_operations_with_progress_dialogs_come_back_whole(qtbot):
    """Each operation's objects die on the GUI thread (an Event released on a pool thread once crashed the app)."""
    parent = QWidget()
    qtbot.addWidget(parent)
    runner, results = Runner(Changes()), []
    for n in range(60):
        runner.run(lambda report, n=n: (report(1, 2), n)[1], done=results.append, progress="work", parent=parent)
    qtbot.waitUntil(lambda: runner.idle, timeout=30_000)
    assert sorted(results) == list(range(60))
    assert threading.current_thread() is threading.main_thread()


def test_cancel_stops_the_work_and_reports_it(qtbot):
    runner, seen = Runner(Changes()), []
    started, go_on = threading.Event(), threading.Event()

    def work(report) -> None:
        started.set()
        go_on.wait(10)
        report(1, 10)  # raises Cancelled once the user has pressed Cancel
        pytest.fail("the work went on after Cancel")

    cancel = runner.run(work, failed=lambda err: seen.append(err) or True, progress="long work")
    started.wait(10)
    cancel.set()
    go_on.set()
    qtbot.waitUntil(lambda: runner.idle, timeout=10_000)
    assert len(seen) == 1 and isinstance(seen[0], Cancelled)
