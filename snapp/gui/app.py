"""Start the desktop client: Qt application, font, language, log, database, main window."""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
from pathlib import Path

import platformdirs
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from snapp import __version__
from snapp.app.errors import language
from snapp.app.settings import database_url, settings_file
from snapp.db.engine import APP_NAME
from snapp.db.schema import open_database
from snapp.errors import SnappError
from snapp.gui.display import display_problem
from snapp.gui.errors import show_crash
from snapp.gui.login import LoginDialog
from snapp.gui.main_window import MainWindow
from snapp.gui.problems import install_translation
from snapp.paths import CJK_FONT, resource
from snapp.services import auth

log = logging.getLogger("snapp")


def open_settings(path: Path | None = None) -> QSettings:
    """Preferences in an INI file of our own: readable, and a test can point it at a temporary folder."""
    return QSettings(str(path or settings_file()), QSettings.Format.IniFormat)


def setup_logging() -> Path:
    folder = Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(folder / "snapp.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)
    logging.getLogger().setLevel(logging.INFO)
    return folder


def use_bundled_font(app: QApplication) -> None:
    """Chinese renders with the font we ship, whatever the PC has installed."""
    font_id = QFontDatabase.addApplicationFont(str(resource(CJK_FONT)))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if families:
        font = app.font()
        font.setFamilies([font.family(), *families])
        app.setFont(font)
        QFont.insertSubstitutions(font.family(), families)


def run(db_url: str | None = None, user: str | None = None) -> int:
    if QApplication.instance() is None and (problem := display_problem()):
        print(f"snapp: {problem.say(language())}", file=sys.stderr)
        return 2
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(resource("icons/snapp.svg"))))
    if quit_after_ms := os.environ.get("SNAPP_SMOKE_QUIT_MS"):
        # packaging/smoke.sh: the frozen app opens its first window offscreen, then ends by itself.
        QTimer.singleShot(int(quit_after_ms), app.closeAllWindows)
    log_folder = setup_logging()
    sys.excepthook = lambda kind, err, tb: show_crash(QApplication.activeWindow(), kind, err, tb)
    settings = open_settings()
    use_bundled_font(app)
    install_translation(app, str(settings.value("language", "")))
    try:
        db = open_database(database_url(db_url, settings=Path(settings.fileName())))
    except SnappError as err:
        QMessageBox.critical(None, APP_NAME, str(err))
        return 2
    log.info("SNApp %s started on %s; log in %s", __version__, db.display, log_folder)
    login = LoginDialog(db, settings, first_run=auth.needs_first_run(db))
    if user:
        login.form.nameEdit.setText(user)
    if login.exec() != LoginDialog.DialogCode.Accepted or login.ctx is None:
        db.dispose()
        return 0
    window = MainWindow(login.ctx, settings)
    window.show()
    try:
        return app.exec()
    finally:
        db.dispose()
