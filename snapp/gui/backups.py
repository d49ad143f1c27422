"""Backups on a schedule while the app is open: an admin's PC keeps the newest N in a folder.

A new database starts with a daily backup into the data folder's backups (the
first admin's PC), unless this PC's settings already say otherwise.

No service or daemon: a timer asks `backup_if_due` now and then; the core decides
whether the newest backup is old enough and prunes the oldest.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QTimer, Signal

from snapp.db.engine import Database, data_dir
from snapp.domain.permissions import Role
from snapp.gui.operations import Runner
from snapp.services import backup, users
from snapp.services.base import Context

log = logging.getLogger(__name__)
CHECK_EVERY_MS = 10 * 60 * 1000
DAILY, KEEP = 24, 14  # hours between backups, backups kept: two weeks of days


def default_folder(db: Database) -> Path:
    """``backups`` in the data folder: beside an SQLite file, else in this PC's SNApp data folder."""
    file = db.url.database if db.is_sqlite else None
    return (Path(file).parent if file and file != ":memory:" else data_dir()) / "backups"


@dataclass(frozen=True)
class BackupSchedule:
    enabled: bool
    folder: str
    hours: int
    keep: int

    @classmethod
    def load(cls, settings: QSettings, db: Database) -> BackupSchedule:
        return cls(
            settings.value("backup/enabled", "false") in (True, "true"),
            str(settings.value("backup/folder", str(default_folder(db)))),
            int(settings.value("backup/hours", DAILY)),
            int(settings.value("backup/keep", KEEP)),
        )

    @classmethod
    def start_for_new_database(cls, settings: QSettings, db: Database) -> None:
        """A database just created gets its daily backup; a choice this PC already made (on or off) stands."""
        if not settings.contains("backup/enabled"):
            replace(cls.load(settings, db), enabled=True).save(settings)

    def save(self, settings: QSettings) -> None:
        for key, value in (("enabled", self.enabled), ("folder", self.folder), ("hours", self.hours), ("keep", self.keep)):
            settings.setValue(f"backup/{key}", value)


class BackupTimer(QObject):
    happened = Signal(str)  # a line for the status bar

    def __init__(self, ctx: Context, runner: Runner, settings: QSettings, parent: QObject | None = None):
        super().__init__(parent)
        self.ctx, self.runner, self.settings = ctx, runner, settings
        self.timer = QTimer(self, interval=CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        self.timer.start()
        QTimer.singleShot(0, self.check)

    def check(self) -> None:
        schedule = BackupSchedule.load(self.settings, self.ctx.db)
        if not schedule.enabled:
            return
        ctx = self.ctx

        def due() -> backup.ScheduledBackup | None:
            me = users.current_user(ctx)
            if me is None or me.role != Role.ADMIN:
                return None  # backups are an admin's; another user's PC leaves them to the admin's
            return backup.backup_if_due(ctx, schedule.folder, every=dt.timedelta(hours=schedule.hours), keep=schedule.keep)

        def failed(err: BaseException) -> bool:
            log.error("scheduled backup failed", exc_info=err)
            self.happened.emit(self.tr("Scheduled backup failed: {0}").format(err))
            return True  # no dialog every ten minutes; the status bar and the log say it

        def done(result: backup.ScheduledBackup | None) -> None:
            if result is not None and result.made is not None:
                self.happened.emit(self.tr("Backed up to {0}").format(result.made.path))

        self.runner.run(due, done=done, failed=failed)
