"""Every user action runs as an operation: a service call off the GUI thread.

A service opens its own session, so it can run on a pool thread. The result
or the error comes back to the GUI thread as a signal; errors go to one error
dialog; an operation names what it changed so that screens showing that data
refresh (`Changes`). Long work gets a progress dialog with a Cancel button:
the core's plain ``progress(done, total)`` callback raises `Cancelled` when it
is pressed, and the service rolls back.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from snapp.errors import Cancelled

log = logging.getLogger(__name__)


class Changes(QObject):
    """What changed in the database: 'serials', 'pos', 'suppliers', 'items', 'locations', 'users'."""

    changed = Signal(frozenset)

    def announce(self, topics: Iterable[str]) -> None:
        topics = frozenset(topics)
        if topics:
            self.changed.emit(topics)


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)


class _Task(QRunnable):
    def __init__(self, fn: Callable[..., Any], relay: _Relay, cancel: threading.Event, with_progress: bool):
        super().__init__()
        self.fn, self.relay, self.cancel, self.with_progress = fn, relay, cancel, with_progress

    def run(self) -> None:
        def progress(done: int, total: int) -> None:
            if self.cancel.is_set():
                raise Cancelled("cancelled; nothing was saved")
            self.relay.progressed.emit(done, total)

        try:
            result = self.fn(progress) if self.with_progress else self.fn()
        except BaseException as err:  # every failure reaches the GUI thread, none dies silently here
            self.relay.failed.emit(err)
        else:
            self.relay.done.emit(result)


class Runner(QObject):
    """Starts operations and routes their outcome; one per main window."""

    failed = Signal(object)  # the error dialog listens here
    busy = Signal(bool)

    def __init__(self, changes: Changes, parent: QObject | None = None):
        super().__init__(parent)
        self.changes = changes
        self.pool = QThreadPool(self)
        self._running: set[_Relay] = set()

    def run(
        self,
        fn: Callable[..., Any],
        *,
        done: Callable[[Any], None] | None = None,
        failed: Callable[[BaseException], bool | None] | None = None,
        changes: Iterable[str] = (),
        progress: str | None = None,
        parent: QWidget | None = None,
    ) -> threading.Event:
        """Run ``fn()`` (or ``fn(progress)`` when ``progress`` names the work) on a pool thread.

        ``failed`` may handle an error itself by returning True; otherwise the
        error dialog shows it. Returns the event that cancels the work.
        """
        relay = _Relay()
        cancel = threading.Event()
        dialog = None
        if progress is not None:
            dialog = QProgressDialog(progress, self.tr("Cancel"), 0, 0, parent)
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(400)
            dialog.canceled.connect(cancel.set)
            relay.progressed.connect(lambda n, total: (dialog.setMaximum(total), dialog.setValue(n)))

        def finish() -> None:
            self._running.discard(relay)
            if dialog is not None:
                dialog.reset()
                dialog.deleteLater()
            self.busy.emit(bool(self._running))

        def on_done(result: Any) -> None:
            finish()
            self.changes.announce(changes)
            if done is not None:
                done(result)

        def on_failed(err: BaseException) -> None:
            finish()
            if failed is not None and failed(err):
                return
            self.failed.emit(err)

        relay.done.connect(on_done)
        relay.failed.connect(on_failed)
        self._running.add(relay)
        self.busy.emit(True)
        self.pool.start(_Task(fn, relay, cancel, progress is not None))
        return cancel

    @property
    def idle(self) -> bool:
        """No operation is running or waiting to deliver its result."""
        return not self._running

    def wait(self, msecs: int = 30_000) -> bool:
        return self.pool.waitForDone(msecs)
