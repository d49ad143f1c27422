"""Backups on a schedule while the app is open: an admin's PC keeps the newest N in a folder.

No service or daemon: a timer asks `backup_if_due` now and then; the core decides
whether the newest backup is old enough and prunes the oldest.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from pathlib import Path

import platformdirs
from PySide6.QtCore import QObject, QSettings, QTimer, Signal

from snapp.db.engine import APP_NAME
from snapp.domain.permissions import Role
from snapp.gui.operations import Runner
from snapp.services import backup, users
from snapp.services.base import Context

log = logging.getLogger(__name__)
CHECK_EVERY_MS = 10 * 60 * 1000


@dataclass(frozen=True)
class BackupSchedule:
    enabled: bool
    folder: str
    hours: int
    keep: int

    @classmethod
    def load(cls, settings: QSettings) -> BackupSchedule:
        default = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "backups"
        return cls(
            settings.value("backup/enabled", "false") in (True, "true"),
            str(settings.value("backup/folder", str(default))),
            int(settings.value("backup/hours", 24)),
            int(settings.value("backup/keep", 14)),
        )

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
        schedule = BackupSchedule.load(self.settings)
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
