"""Operations: work off the GUI thread, results back on it, progress and cancel."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QWidget

from snapp.domain.capture import scans
from snapp.errors import Cancelled, ValidationError
from snapp.gui.operations import Changes, Runner
from snapp.gui.views.exceptions import ExceptionsView
from snapp.services import receiving
from snapp.services.base import Entity
from tests.gui.conftest import Screen


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


def test_a_refused_receipt_refreshes_the_exceptions_it_opened(qtbot, ctx, company, settings):
    """No caller says what changed: the refusal's own record of it reaches the screen."""
    receiving.receive(ctx, company.number, "LAP", [scans(["LAP00001"])], location="WH-A")
    s = Screen(qtbot, ctx, settings, ExceptionsView)
    assert s.view.model.rows == []
    announced, refused = [], []
    s.runner.changes.changed.connect(announced.append)
    again = scans(["LAP00001", "LAP00002"])
    s.runner.run(lambda: receiving.receive(ctx, company.number, "LAP", [again], location="WH-A"),
                 failed=lambda err: refused.append(err) or True)  # fmt: skip
    s.settle()
    assert [type(err) for err in refused] == [ValidationError]
    assert announced == [{Entity.EXCEPTIONS}]
    qtbot.waitUntil(lambda: [row.subject for row in s.view.model.rows] == ["LAP00001"], timeout=10_000)
