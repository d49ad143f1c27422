"""Every user action runs as an operation: a service call off the GUI thread.

A service opens its own session, so it can run on a pool thread. The result
or the error comes back to the GUI thread as a signal; errors go to one error
dialog. What the operation's units of work committed (`snapp.services.base.
recording`, refused work included: a refused receipt that opened exceptions)
is announced on `Changes`, and every screen showing one of those entities
refreshes; no caller says what its work changed. Long work gets a progress dialog with a Cancel button:
the core's plain ``progress(done, total)`` callback raises `Cancelled` when it
is pressed, and the service rolls back.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from snapp.errors import Cancelled
from snapp.services.base import Entity, recording

log = logging.getLogger(__name__)


class Changes(QObject):
    """What changed in the database, as a frozenset of `Entity`: from this PC's operations and from others'."""

    changed = Signal(frozenset)

    def announce(self, entities: Iterable[Entity]) -> None:
        entities = frozenset(entities)
        if entities:
            self.changed.emit(entities)


class _Relay(QObject):
    """Carries outcomes from pool threads to the GUI thread.

    One per Runner, owned by it and never deleted from a pool thread: a Qt
    object must die in its own thread, and a relay per operation, released by
    whichever thread let go of it last, crashed the app now and then.
    """

    done = Signal(int, object, object)  # key, result, what changed
    failed = Signal(int, object, object)  # key, error, what changed
    progressed = Signal(int, int, int)


@dataclass
class _Operation:
    done: Callable[[Any], None] | None
    failed: Callable[[BaseException], bool | None] | None
    dialog: QProgressDialog | None


class Runner(QObject):
    """Starts operations and routes their outcome; one per main window."""

    failed = Signal(object)  # the error dialog listens here
    busy = Signal(bool)

    def __init__(self, changes: Changes, parent: QObject | None = None):
        super().__init__(parent)
        self.changes = changes
        self.pool = QThreadPool(self)
        self._relay = _Relay(self)
        self._relay.done.connect(self._done)
        self._relay.failed.connect(self._failed)
        self._relay.progressed.connect(self._progressed)
        self._running: dict[int, _Operation] = {}
        self._ids = itertools.count(1)

    def run(
        self,
        fn: Callable[..., Any],
        *,
        done: Callable[[Any], None] | None = None,
        failed: Callable[[BaseException], bool | None] | None = None,
        progress: str | None = None,
        parent: QWidget | None = None,
    ) -> threading.Event:
        """Run ``fn()`` (or ``fn(progress)`` when ``progress`` names the work) on a pool thread.

        ``failed`` may handle an error itself by returning True; otherwise the
        error dialog shows it. Returns the event that cancels the work.
        """
        key, cancel, relay = next(self._ids), threading.Event(), self._relay
        dialog = None
        if progress is not None:
            dialog = QProgressDialog(progress, self.tr("Cancel"), 0, 0, parent)
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(400)
            # A lambda, not the bound cancel.set: PySide would watch the Event through a weak
            # reference, and the Event dies on the pool thread, which may not touch the dialog.
            dialog.canceled.connect(lambda: cancel.set())
        self._running[key] = _Operation(done, failed, dialog)
        self.busy.emit(True)

        def report(n: int, total: int) -> None:
            if cancel.is_set():
                raise Cancelled("cancelled; nothing was saved")
            relay.progressed.emit(key, n, total)

        def work() -> None:
            with recording() as changed:
                try:
                    result = fn(report) if progress is not None else fn()
                except BaseException as err:  # every failure reaches the GUI thread, none dies silently here
                    relay.failed.emit(key, err, frozenset(changed))
                else:
                    relay.done.emit(key, result, frozenset(changed))

        self.pool.start(work)
        return cancel

    def _finish(self, key: int) -> _Operation:
        operation = self._running.pop(key)
        if operation.dialog is not None:
            operation.dialog.reset()
            operation.dialog.deleteLater()
        self.busy.emit(bool(self._running))
        return operation

    def _done(self, key: int, result: Any, changed: frozenset[Entity]) -> None:
        operation = self._finish(key)
        self.changes.announce(changed)
        if operation.done is not None:
            operation.done(result)

    def _failed(self, key: int, err: BaseException, changed: frozenset[Entity]) -> None:
        operation = self._finish(key)
        self.changes.announce(changed)
        if operation.failed is not None and operation.failed(err):
            return
        self.failed.emit(err)

    def _progressed(self, key: int, n: int, total: int) -> None:
        operation = self._running.get(key)
        if operation is not None and operation.dialog is not None:
            operation.dialog.setMaximum(total)
            operation.dialog.setValue(n)

    @property
    def idle(self) -> bool:
        """No operation is running or waiting to deliver its result."""
        return not self._running

    def wait(self, msecs: int = 30_000) -> bool:
        return self.pool.waitForDone(msecs)

    def finish(self) -> None:
        """Wait for every operation and hand its outcome over now, before the screens it reports to are taken down
        (an outcome may start another load: that one too)."""
        for _ in range(100):  # a bound: a screen that reloaded for ever must not hang the log out
            if not self._running or not self.wait():
                return
            QCoreApplication.sendPostedEvents(self)
            QCoreApplication.sendPostedEvents(self._relay)
