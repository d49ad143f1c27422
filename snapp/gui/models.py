"""Table models. The serial register loads page by page, off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from snapp.app import records
from snapp.gui.operations import Runner
from snapp.services import lookup
from snapp.services.base import Context

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    header: str
    value: Callable[[Any], Any]
    sort_key: str | None = None  # for models sorted by the database
    colour: Callable[[Any], Any] | None = None  # this cell's text colour (a QColor or None), before the row's


def shown(value: Any) -> str:
    return records.shown(value)


def counted(n: int, one: str, many: str, *more: Any) -> str:
    """``one`` (a sentence about 1 thing) or ``many`` (about {0} things), both already translated, filled with the
    count and ``more``: English says "1 unit is", not "1 units are"."""
    return (one if n == 1 else many).format(f"{n:,}", *more)


class RecordModel(QAbstractTableModel):
    """A list of records (dataclasses) held in memory: master data, PO lines, history."""

    def __init__(self, columns: Sequence[Column], parent=None):
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Any] = []
        self.colour: Callable[[Any], str | None] | None = None

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return shown(self.columns[index.column()].value(row))
        if role == Qt.ItemDataRole.ForegroundRole:
            if (cell := self.columns[index.column()].colour) is not None:
                return cell(row)
            return self.colour(row) if self.colour is not None else None
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.columns[column].value
        self.layoutAboutToBeChanged.emit()
        self.rows.sort(key=lambda r: shown(key(r)), reverse=order == Qt.SortOrder.DescendingOrder)
        self.layoutChanged.emit()


class SerialRegisterModel(RecordModel):
    """Every serial matching a filter, fetched a page at a time as the view scrolls.

    Nothing is counted or loaded on the GUI thread: with a million serials the
    first rows show as soon as the first page query returns.
    """

    PAGE = 500
    loaded = Signal(int)  # rows loaded so far
    counted = Signal(int)  # total rows matching the filter

    def __init__(self, ctx: Context, runner: Runner, columns: Sequence[Column], parent=None):
        super().__init__(columns, parent)
        self.ctx, self.runner = ctx, runner
        self.where = lookup.SerialFilter()
        self.sort_key, self.descending = "received", True
        self._exhausted = False
        self._pending = False
        self._generation = 0  # pages of an earlier filter are dropped when they arrive

    def set_filter(self, where: lookup.SerialFilter) -> None:
        self.where = where
        self.reload()

    def reload(self) -> None:
        self._generation += 1
        self.beginResetModel()
        self.rows, self._exhausted, self._pending = [], False, False
        self.endResetModel()
        self._fetch()
        generation, where = self._generation, self.where
        self.runner.run(
            lambda: lookup.list_serials(self.ctx, where, limit=0, with_total=True).total,
            done=lambda total: self.counted.emit(total) if generation == self._generation else None,
        )

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and not self._exhausted and not self._pending

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if self.canFetchMore(parent):
            self._fetch()

    def _fetch(self) -> None:
        self._pending = True
        generation, offset = self._generation, len(self.rows)
        where, key, descending = self.where, self.sort_key, self.descending

        def page() -> list[lookup.SerialRow]:
            return lookup.list_serials(self.ctx, where, sort=key, descending=descending, limit=self.PAGE,
                                       offset=offset).rows  # fmt: skip

        def arrived(rows: list[lookup.SerialRow]) -> None:
            if generation != self._generation:
                return
            self._pending = False
            self._exhausted = len(rows) < self.PAGE
            if rows:
                self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(rows) - 1)
                self.rows.extend(rows)
                self.endInsertRows()
            self.loaded.emit(len(self.rows))

        self.runner.run(page, done=arrived)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.columns[column].sort_key
        if key is None:
            return  # sorting a million rows is the database's work, and only on indexed columns
        self.sort_key, self.descending = key, order == Qt.SortOrder.DescendingOrder
        self.reload()
