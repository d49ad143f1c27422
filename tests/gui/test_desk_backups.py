"""A new database is backed up daily from its first run, into the data folder's backups; a choice made stands."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from snapp.db.engine import Database, data_dir
from snapp.gui.backups import DAILY, KEEP, BackupSchedule, default_folder
from snapp.gui.login import LoginDialog
from snapp.gui.main_window import MainWindow
from snapp.gui.views.settings import SettingsView
from snapp.services import auth
from tests.conftest import ADMIN_PASSWORD
from tests.gui.conftest import settle
from tests.gui.test_login import fresh_database


def first_run(qtbot, db: Database, settings) -> LoginDialog:
    dialog = LoginDialog(db, settings, first_run=auth.needs_first_run(db))
    qtbot.addWidget(dialog)
    dialog.form.nameEdit.setText("wang.fang")
    dialog.form.passwordEdit.setText("correct horse 9")
    dialog.form.confirmEdit.setText("correct horse 9")
    qtbot.mouseClick(dialog.form.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    settle(qtbot, dialog)
    assert dialog.ctx is not None
    return dialog


def open_window(qtbot, ctx, settings) -> MainWindow:
    window = MainWindow(ctx, settings)
    qtbot.addWidget(window)
    window.show()
    settle(qtbot, window)
    return window


def test_a_new_database_is_backed_up_daily_into_the_data_folder_keeping_two_weeks(qtbot, tmp_path, settings):
    db = fresh_database(tmp_path)
    backups = tmp_path / "backups"
    backups.mkdir()
    older = [backups / f"snapp-202601{day:02d}-020000.snappbak" for day in range(1, KEEP + 1)]  # two weeks of them
    for path in older:
        path.write_bytes(b"an old backup")
    (backups / "notes.snappbak").write_text("someone else's file")

    dialog = first_run(qtbot, db, settings)
    assert BackupSchedule.load(settings, db) == BackupSchedule(True, str(backups), DAILY, KEEP) == BackupSchedule(True, str(backups), 24, 14)
    window = open_window(qtbot, dialog.ctx, settings)
    view = window.view(SettingsView)
    assert view.form.backupCheck.isChecked() and view.form.backupFolderEdit.text() == str(backups)

    made = sorted(p.name for p in backups.glob("snapp-*.snappbak") if p not in older)
    assert len(made) == 1 and (backups / made[0]).read_bytes()[:8] == b"SNAPPBK0"
    assert not older[0].exists() and all(p.exists() for p in older[1:])  # the newest 14 kept, the oldest gone
    assert (backups / "notes.snappbak").exists()
    assert window.statusBar().currentMessage() == f"Backed up to {backups / made[0]}"
    db.dispose()


def test_a_choice_made_on_this_pc_stands_even_for_a_new_database(qtbot, tmp_path, settings):
    BackupSchedule(False, str(tmp_path / "elsewhere"), 12, 3).save(settings)
    db = fresh_database(tmp_path)
    first_run(qtbot, db, settings)
    assert BackupSchedule.load(settings, db) == BackupSchedule(False, str(tmp_path / "elsewhere"), 12, 3)
    db.dispose()


def test_an_existing_database_is_not_switched_to_backups(qtbot, ctx, settings, tmp_path):
    dialog = LoginDialog(ctx.db, settings, first_run=auth.needs_first_run(ctx.db))
    qtbot.addWidget(dialog)
    assert not dialog.first_run
    dialog.form.nameEdit.setText("admin")
    dialog.form.passwordEdit.setText(ADMIN_PASSWORD)
    dialog.submit()
    settle(qtbot, dialog)
    assert dialog.ctx is not None and not settings.contains("backup/enabled")
    window = open_window(qtbot, ctx, settings)
    assert not window.view(SettingsView).form.backupCheck.isChecked() and not (tmp_path / "backups").exists()


def test_the_data_folder_of_a_server_database_is_this_pcs(tmp_path):
    db = Database("postgresql+psycopg://snapp@db.example/snapp")
    try:
        assert default_folder(db) == data_dir() / "backups"
    finally:
        db.dispose()
