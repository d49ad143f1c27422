"""The main window on the screens warehouses have (1366×768 laptops, 1280×720 panels), and back as it was left.

Each start runs in a process of its own, on an offscreen screen of the size under test
(Qt's offscreen platform takes its screens from a JSON file).
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.gui.test_app import offscreen_env

START = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QPushButton
from snapp.db.engine import sqlite_url
from snapp.db.schema import open_database
from snapp.gui.main_window import MainWindow
from snapp.gui.views.receiving import ReceivingView
from snapp.services.auth import create_first_admin, login

folder, then = Path(sys.argv[1]), sys.argv[2]
app = QApplication(sys.argv[:1])
db = open_database(sqlite_url(folder / "snapp.db"))
first = not (folder / "snapp.ini").exists()
ctx = create_first_admin(db, "admin", "a long password 1") if first else login(db, "admin", "a long password 1")
window = MainWindow(ctx, QSettings(str(folder / "snapp.ini"), QSettings.Format.IniFormat))
window.show()
window.open_screen(ReceivingView)
for _ in range(20):
    app.processEvents()
window.runner.wait()
inside = window.rect()
view = window.view(ReceivingView)
outside = [b.text() for b in view.findChildren(QPushButton)
           if not inside.contains(b.geometry().translated(b.parentWidget().mapTo(window, b.geometry().topLeft()) - b.geometry().topLeft()))]
bar = window.statusBar()
seen = dict(
    maximised=window.isMaximized(),
    frame=window.frameGeometry().getRect(),
    available=window.screen().availableGeometry().getRect(),
    outside=outside,
    bar_inside=inside.contains(bar.geometry()) and bar.isVisible(),
    buttons=len(view.findChildren(QPushButton)),
)
if then == "maximise":
    window.showMaximized()
elif then.startswith("place"):
    window.showNormal()
    x, y, w, h = map(int, then.split(":")[1:])
    window.setGeometry(x, y, w, h)
for _ in range(5):
    app.processEvents()
window.close()
db.dispose()
print(json.dumps(seen))
"""


def start(tmp_path, width: int, height: int, then: str = "") -> dict:
    screen = {"name": "laptop", "x": 0, "y": 0, "width": width, "height": height, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [screen]}))
    env = offscreen_env(tmp_path, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    run = subprocess.run([sys.executable, "-c", START, str(tmp_path), then], env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout.strip().splitlines()[-1])


def within(frame: list[int], available: list[int]) -> bool:
    x, y, w, h = frame
    ax, ay, aw, ah = available
    return ax <= x and ay <= y and x + w <= ax + aw and y + h <= ay + ah


@pytest.mark.parametrize("width, height", [(1366, 768), (1280, 720)])
def test_at_first_start_the_window_and_every_receiving_button_fit_the_screen_then_it_comes_back_maximised(tmp_path, width, height):
    seen = start(tmp_path, width, height)
    assert seen["maximised"] and within(seen["frame"], seen["available"]), seen
    assert seen["buttons"] >= 7 and seen["outside"] == [] and seen["bar_inside"], seen

    again = start(tmp_path, width, height)
    assert again["maximised"] and again["outside"] == [] and again["bar_inside"], again


def test_the_window_comes_back_where_and_as_large_as_it_was_left(tmp_path):
    seen = start(tmp_path, 1920, 1080, then="place:100:80:1100:700")
    assert not seen["maximised"] and seen["frame"][2:] >= [1280, 800], seen  # room for the preferred size

    placed = start(tmp_path, 1920, 1080, then="maximise")
    x, y, w, h = placed["frame"]
    assert not placed["maximised"] and abs(w - 1100) <= 8 and abs(h - 700) <= 40 and abs(x - 100) <= 8, placed
    assert placed["outside"] == [] and placed["bar_inside"], placed
    assert start(tmp_path, 1920, 1080)["maximised"]
