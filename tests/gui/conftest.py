"""The real main window against a fresh SQLite database per test, offscreen."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QSettings, Qt  # noqa: E402

from snapp.db.engine import sqlite_url  # noqa: E402


@pytest.fixture
def db_url(tmp_path) -> str:
    """The desktop client's tests run on SQLite; the services below it are tested on both databases."""
    return sqlite_url(tmp_path / "snapp.db")


@pytest.fixture
def settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "snapp.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, ctx, company, settings):
    from snapp.gui.main_window import MainWindow

    main = MainWindow(ctx, settings)
    qtbot.addWidget(main)
    main.setWindowState(Qt.WindowState.WindowNoState)  # the offscreen screen is smaller: it would start maximised to it
    main.resize(1366, 768)
    main.show()
    settle(qtbot, main)
    yield main
    main.runner.wait()


def settle(qtbot, main) -> None:
    """Wait until every operation has delivered its result to the screens."""
    qtbot.waitUntil(lambda: main.runner.idle, timeout=30_000)


def type_text(qtbot, widget, text: str) -> None:
    """Type as a user does: key by key, or, for Chinese, as an IME commits a composed word."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:
        event = QInputMethodEvent()
        event.setCommitString(text)
        QApplication.sendEvent(widget, event)


class Screen:
    """One view on its own, with the runner a main window would give it; errors are kept, not shown."""

    def __init__(self, qtbot, ctx, settings, view_class):
        from snapp.gui.operations import Changes, Runner

        self.qtbot = qtbot
        self.runner = Runner(Changes())
        self.errors: list[BaseException] = []
        self.runner.failed.connect(self.errors.append)
        self.view = view_class(ctx, self.runner, settings)
        qtbot.addWidget(self.view)
        self.view.resize(1366, 768)
        self.view.show()
        self.view.activated()
        self.settle()

    def settle(self) -> None:
        settle(self.qtbot, self)
        assert self.errors == []
