"""The real entry point, and what the user sees when something unexpected breaks."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from snapp.gui.errors import show_error


STARTER = """
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from snapp.gui import app as desktop
from snapp.gui.login import LoginDialog
from snapp.gui.main_window import MainWindow

app = QApplication(sys.argv[:1])
seen = {}

def step():
    shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    for widget in shown:
        if isinstance(widget, LoginDialog) and widget.form.passwordEdit.isEnabled() and "login" not in seen:
            seen["login"] = widget.windowTitle()
            widget.form.nameEdit.setText("wang.fang")
            widget.form.passwordEdit.setText("correct horse 9")
            widget.form.confirmEdit.setText("correct horse 9")
            widget.submit()
        if isinstance(widget, MainWindow):
            seen.update(title=widget.windowTitle(), user=widget.ctx.user, database=widget.ctx.db.display,
                        fonts=QApplication.font().families(), icon=not QApplication.windowIcon().isNull())
            widget.close()
            QApplication.quit()
            return
    QTimer.singleShot(100, step)

QTimer.singleShot(100, step)
code = desktop.run(sys.argv[1])
print(json.dumps(dict(seen, code=code)))
"""

def offscreen_env(tmp_path, **extra: str) -> dict[str, str]:
    """A child process's environment: offscreen, with its config, log and data folders under tmp_path."""
    env = dict(os.environ, **{"QT_QPA_PLATFORM": "offscreen", **extra})
    for name in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        env[name] = str(tmp_path / name.lower())
    return env


def test_snapp_starts_on_a_new_sqlite_database_with_its_first_admin(tmp_path):
    """In a process of its own: the app's quit ends every event loop of the process after it."""
    env = offscreen_env(tmp_path)
    run = subprocess.run(
        [sys.executable, "-c", STARTER, f"sqlite:///{tmp_path}/new.db"], env=env, capture_output=True, text=True, timeout=60
    )
    seen = json.loads(run.stdout.splitlines()[-1])
    assert seen["login"] == "SNApp — first run"  # a new database: its first admin is created
    assert seen["code"] == 0 and seen["title"] == "SNApp — serial numbers" and seen["user"] == "wang.fang"
    assert seen["database"].endswith("new.db") and (tmp_path / "new.db").exists()
    assert seen["icon"]  # resources/icons/snapp.svg, through Qt's SVG icon plugin
    assert "WenQuanYi Micro Hei" in seen["fonts"]
    log = tmp_path / "xdg_state_home" / "SNApp" / "log" / "snapp.log"
    assert "started on sqlite" in log.read_text()
    ini = QSettings(str(tmp_path / "xdg_config_home" / "SNApp" / "snapp.ini"), QSettings.Format.IniFormat)
    assert ini.value("window/geometry") is not None


def test_a_smoke_start_opens_the_first_window_and_ends_by_itself(tmp_path):
    """What packaging/smoke.sh asks of the frozen app: no one is there to close the login dialog."""
    env = offscreen_env(tmp_path, SNAPP_SMOKE_QUIT_MS="200")
    start = "import sys; from snapp.cli import main; sys.exit(main(sys.argv[1:]))"
    run = subprocess.run([sys.executable, "-c", start, "--db", f"sqlite:///{tmp_path}/new.db"], env=env, timeout=60)
    assert run.returncode == 0 and (tmp_path / "new.db").exists()


def test_an_unexpected_error_offers_a_report_to_copy(qtbot):
    report = {}

    def copy_and_close() -> None:
        box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
        report["text"] = box.text()
        copy = next(b for b in box.buttons() if b.text() == "Copy report")
        copy.click()
        report["clipboard"] = QApplication.clipboard().text()
        box.close()

    QTimer.singleShot(0, copy_and_close)
    try:
        raise RuntimeError("disk on fire")
    except RuntimeError as err:
        show_error(None, err)
    assert "Nothing half-done was saved" in report["text"] and "RuntimeError: disk on fire" in report["text"]
    assert report["clipboard"].startswith("SNApp ") and 'raise RuntimeError("disk on fire")' in report["clipboard"]
