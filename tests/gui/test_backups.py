"""Backups from Settings, now or on a schedule, for admins only."""

from __future__ import annotations

from PySide6.QtCore import Qt

from snapp.gui.backups import BackupSchedule, BackupTimer
from snapp.gui.operations import Changes, Runner
from snapp.gui.views.settings import SettingsView
from snapp.services import auth, users
from tests.gui.conftest import settle


def test_back_up_now_from_settings(qtbot, window, tmp_path):
    window.open_screen(SettingsView)
    view = window.view(SettingsView)
    view.form.backupFolderEdit.setText(str(tmp_path / "backups"))
    qtbot.mouseClick(view.form.backupNowButton, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    [made] = (tmp_path / "backups").glob("snapp-manual-*.snappbak")
    assert view.form.backupResultLabel.text() == f"Backed up to {made}"
    assert made.read_bytes()[:8] == b"SNAPPBK0"  # the checked envelope of the backup format


def test_the_schedule_backs_up_when_due_and_keeps_the_newest(qtbot, ctx, company, settings, tmp_path):
    BackupSchedule(True, str(tmp_path / "auto"), hours=24, keep=2).save(settings)
    runner = Runner(Changes())
    timer = BackupTimer(ctx, runner, settings)
    news = []
    timer.happened.connect(news.append)
    timer.check()
    qtbot.waitUntil(lambda: runner.idle)
    assert len(list((tmp_path / "auto").glob("snapp-*.snappbak"))) == 1 and news[0].startswith("Backed up to ")
    timer.check()  # not due again for a day
    qtbot.waitUntil(lambda: runner.idle)
    assert len(list((tmp_path / "auto").glob("snapp-*.snappbak"))) == 1 and len(news) == 1


def test_the_schedule_leaves_backups_to_admins(qtbot, ctx, company, settings, tmp_path):
    users.add_user(ctx, "li.na", "warehouse", password="warehouse pw 1")
    BackupSchedule(True, str(tmp_path / "auto"), hours=1, keep=3).save(settings)
    runner = Runner(Changes())
    timer = BackupTimer(auth.login(ctx.db, "li.na", "warehouse pw 1"), runner, settings)
    timer.check()
    qtbot.waitUntil(lambda: runner.idle)
    assert not (tmp_path / "auto").exists()
