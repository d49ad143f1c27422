"""What every screen shares: its form, the runner, and refreshing when its data changes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import platformdirs
from PySide6.QtCore import QEvent, QObject, QSettings, Qt
from PySide6.QtWidgets import QAbstractItemView, QFileDialog, QHeaderView, QLabel, QLineEdit, QMessageBox, QTableView, QWidget

from snapp.gui.forms import load_form
from snapp.gui.operations import Runner
from snapp.services.base import Context, Entity


LAST_FOLDER = "files/folder"


def documents_folder() -> Path:
    """Where exports, imports, labels and documents go until the user picks another folder: one place for all."""
    return Path(platformdirs.user_documents_dir()) / "SNApp"


class View(QWidget):
    form_name: str
    shows: frozenset[Entity] = frozenset()  # the entities this screen shows; a change to one refreshes it

    def __init__(self, ctx: Context, runner: Runner, settings: QSettings):
        super().__init__()
        self.ctx, self.runner, self.settings = ctx, runner, settings
        self.form = load_form(self.form_name, self)
        for table in self.form.findChildren(QAbstractItemView):
            table.setTabKeyNavigation(False)  # Tab leaves a list for the next field (fit_columns does it for lists built in code)
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

    def typed_dates(self, title: str, edits: Sequence[QLineEdit]) -> list[dt.date | None] | None:
        """The day typed in each of ``edits`` (YYYY-MM-DD, or nothing); None once it has said which one is no date."""
        dates: list[dt.date | None] = []
        for edit in edits:
            text = edit.text().strip()
            try:
                dates.append(dt.date.fromisoformat(text) if text else None)
            except ValueError:
                QMessageBox.warning(self, title, self.tr("{0!r} is not a date; write YYYY-MM-DD").format(text))
                edit.setFocus()
                return None
        return dates

    def open_file(self, key: str, title: str, kinds: str) -> str | None:
        """A file to read, asked for in the folder this screen last used (remembered under ``key``)."""
        path, _ = QFileDialog.getOpenFileName(self, title, str(_existing(self.folder(key))), kinds)
        return self._remember(key, path)

    def save_file(self, key: str, title: str, name: str, kinds: str) -> str | None:
        """A file to write, proposed as ``name`` in the folder this screen last used."""
        path, _ = QFileDialog.getSaveFileName(self, title, str(_existing(self.folder(key)) / name), kinds)
        return self._remember(key, path)

    def folder(self, key: str) -> Path:
        """Where a file dialog of ``key`` starts: its last folder, else the last one any screen used, else Documents/SNApp."""
        return Path(str(self.settings.value(key, "") or self.settings.value(LAST_FOLDER, "") or documents_folder()))

    def _remember(self, key: str, path: str) -> str | None:
        if not path:
            return None
        self.settings.setValue(key, str(Path(path).parent))
        self.settings.setValue(LAST_FOLDER, str(Path(path).parent))
        return path

    def _on_changed(self, changed: frozenset[Entity]) -> None:
        if changed & self.shows:
            if self.isVisible():
                self.refresh()
            else:
                self._stale = True


# The widest values a column is sized for before it has any: a row number of a long scan session,
# a 20-character serial, a document number (CT-2026-000123), a number of units.
ROW_NUMBER, SERIAL, DOCUMENT, QUANTITY = "99999", "WM" + "0" * 18, "WW-0000-000000", "9,999,999"


class EmptyHint(QLabel):
    """While a list is empty, says in its middle what to do first."""

    def __init__(self, view: QAbstractItemView, text: str):
        super().__init__(text, view.viewport())
        self.view = view
        self.setObjectName("emptyHint")
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMargin(24)
        self.setStyleSheet("color: #757575; font-size: 12pt;")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        model = view.model()
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset, model.layoutChanged):
            signal.connect(self.follow)
        view.viewport().installEventFilter(self)
        self.follow()

    def follow(self) -> None:
        self.resize(self.view.viewport().size())
        self.setVisible(self.view.model().rowCount() == 0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.resize(self.view.viewport().size())
        return False


def _existing(folder: Path) -> Path:
    """``folder``, created if need be: a dialog opened on a missing folder starts in the working directory instead."""
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def fit_columns(view: QTableView, stretch: int | None = None, sized: dict[int, str] | None = None) -> None:
    """Columns as wide as their contents; ``stretch`` takes what is left; each of ``sized`` is wide enough for its sample text
    (and its header) from the start, so that a growing list never cuts a row number or a serial to "…"."""
    view.setTabKeyNavigation(False)  # and Tab leaves the list for the next field; the arrows move inside it
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    padding = 2 * view.style().pixelMetric(view.style().PixelMetric.PM_FocusFrameHMargin, None, view) + 16
    for column, sample in (sized or {}).items():
        title = str(view.model().headerData(column, Qt.Orientation.Horizontal) or "")
        width = max(view.fontMetrics().horizontalAdvance(sample), header.fontMetrics().horizontalAdvance(title)) + padding
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(column, width)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.verticalHeader().hide()
