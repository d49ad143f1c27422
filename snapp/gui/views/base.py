"""What every screen shares: its form, the runner, and refreshing when its data changes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QAbstractItemView, QFileDialog, QHeaderView, QTableView, QWidget

from snapp.gui.forms import load_form
from snapp.gui.operations import Runner
from snapp.services.base import Context, Entity


class View(QWidget):
    form_name: str
    shows: frozenset[Entity] = frozenset()  # the entities this screen shows; a change to one refreshes it

    def __init__(self, ctx: Context, runner: Runner, settings: QSettings):
        super().__init__()
        self.ctx, self.runner, self.settings = ctx, runner, settings
        self.form = load_form(self.form_name, self)
        for table in self.form.findChildren(QAbstractItemView):
            table.setTabKeyNavigation(False)  # Tab leaves a list for the next field; the arrows move inside it
        self._stale = True
        self._requests: dict[str, int] = {}
        runner.changes.changed.connect(self._on_changed)

    def activated(self) -> None:
        """The screen was brought to the front."""
        if self._stale:
            self._stale = False
            self.refresh()

    def refresh(self) -> None:
        """Reload what the screen shows (off the GUI thread)."""

    def load(self, key: str, fn: Callable[[], Any], done: Callable[[Any], None]) -> None:
        """Run ``fn`` off the GUI thread and show its result unless a later load of ``key`` was started meanwhile.

        Loads run in parallel on the pool, so an earlier one (for a filter
        since changed, or data since written) may finish last.
        """
        self._requests[key] = number = self._requests.get(key, 0) + 1
        self.runner.run(fn, done=lambda result: done(result) if self._requests[key] == number else None)

    def open_file(self, key: str, title: str, kinds: str) -> str | None:
        """A file to read, asked for in the folder this screen last used (remembered under ``key``)."""
        path, _ = QFileDialog.getOpenFileName(self, title, str(self.settings.value(key, "")), kinds)
        return self._remember(key, path)

    def save_file(self, key: str, title: str, name: str, kinds: str) -> str | None:
        """A file to write, proposed as ``name`` in the folder this screen last used."""
        path, _ = QFileDialog.getSaveFileName(self, title, str(Path(str(self.settings.value(key, ""))) / name), kinds)
        return self._remember(key, path)

    def _remember(self, key: str, path: str) -> str | None:
        if not path:
            return None
        self.settings.setValue(key, str(Path(path).parent))
        return path

    def _on_changed(self, changed: frozenset[Entity]) -> None:
        if changed & self.shows:
            if self.isVisible():
                self.refresh()
            else:
                self._stale = True


def fit_columns(view: QTableView, stretch: int | None = None) -> None:
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.verticalHeader().hide()
