"""On PostgreSQL, screens refresh when another PC changes the data they show (LISTEN/NOTIFY).

Every commit sends one notification naming the entities it changed, in the
words an operation on this PC reports (`snapp.services.base.Entity`); a thread
here listens on its own connection and hands the news to the GUI thread, a
burst at a time.
"""

from __future__ import annotations

import logging
import threading

import psycopg
from PySide6.QtCore import QObject, QTimer, Signal

from snapp.db.engine import Database
from snapp.gui.operations import Changes
from snapp.services.base import CHANGES_CHANNEL, Entity, parse_changes

log = logging.getLogger(__name__)

COALESCE_MS = 300  # a receipt of 10,000 serials is one refresh, not 10,000


class ChangeListener(QObject):
    _heard = Signal(str)

    def __init__(self, db: Database, changes: Changes, parent: QObject | None = None):
        super().__init__(parent)
        self.changes = changes
        self.conninfo = db.url.set(drivername="postgresql").render_as_string(hide_password=False)
        self._changed: set[Entity] = set()
        self._timer = QTimer(self, singleShot=True, interval=COALESCE_MS)
        self._timer.timeout.connect(self._announce)
        self._heard.connect(self._collect)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._listen, name="snapp-listen", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(5)

    def _listen(self) -> None:
        while not self._stop.is_set():
            try:
                with psycopg.connect(self.conninfo, autocommit=True) as conn:
                    conn.execute(f"LISTEN {CHANGES_CHANNEL}")
                    while not self._stop.is_set():
                        for note in conn.notifies(timeout=0.5):
                            self._heard.emit(note.payload)
            except psycopg.Error as err:  # the server went away: try again shortly, the app goes on
                log.warning("change listener lost its connection: %s", err)
                self._stop.wait(5)

    def _collect(self, payload: str) -> None:
        self._changed |= parse_changes(payload)
        if not self._timer.isActive():
            self._timer.start()

    def _announce(self) -> None:
        changed, self._changed = self._changed, set()
        self.changes.announce(changed)
