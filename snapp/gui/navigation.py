"""The left-hand navigation: the screens a role can use, under the heading of their work area, each with its icon.

The list is a plain QListWidget: a heading is a row that cannot be chosen
(the arrow keys pass over it), a screen's row carries its view class, so code
and tests ask for a screen by class (``row_of``), never by a row number, which
depends on the role.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from PySide6.QtCore import QBuffer, QByteArray, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QIcon, QImageReader, QPixmap
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from snapp.domain.permissions import Permission
from snapp.gui.palette import HEADING
from snapp.paths import resource

# The work areas, in the order of the list. Administration is the Tools menu; the others are the Go menu.
OVERVIEW, PURCHASING, WAREHOUSE, AFTER_SALES, ADMINISTRATION = "overview", "purchasing", "warehouse", "after_sales", "admin"
AREAS = (OVERVIEW, PURCHASING, WAREHOUSE, AFTER_SALES, ADMINISTRATION)


class Screen(NamedTuple):
    title: str
    view_class: type
    keys: str
    area: str  # one of AREAS
    icon: str  # resources/icons/nav/<icon>.svg
    needs: frozenset[Permission]  # shown to a role holding any of these: what the screen is there to do


INK = b'stroke="#37474f"'  # the icons' one colour, drawn on the list's light background


def icon(name: str) -> QIcon:
    """The screen's icon, drawn in white on the selected row's dark highlight."""
    svg, made = resource(f"icons/nav/{name}.svg").read_bytes(), QIcon()
    made.addPixmap(drawn(svg), QIcon.Mode.Normal)
    made.addPixmap(drawn(svg.replace(INK, b'stroke="#ffffff"')), QIcon.Mode.Selected)
    return made


def drawn(svg: bytes, size: int = 48) -> QPixmap:
    """``svg`` drawn large enough to stay sharp when the list scales it down (and on a high-DPI screen)."""
    data = QBuffer()
    data.setData(QByteArray(svg))
    reader = QImageReader(data, b"svg")
    reader.setScaledSize(QSize(size, size))
    return QPixmap.fromImage(reader.read())


def usable(screens: Iterable[Screen], permissions: frozenset[Permission]) -> list[Screen]:
    """The screens a role with ``permissions`` can use: the rest are neither listed nor in a menu, their keys do nothing."""
    return [screen for screen in screens if screen.needs & permissions]


def in_areas(screens: Sequence[Screen]) -> list[tuple[str, list[Screen]]]:
    """The screens by work area, in the order of AREAS; an area with none left out."""
    return [(area, found) for area in AREAS if (found := [s for s in screens if s.area == area])]


def fill(nav: QListWidget, screens: Sequence[Screen], headings: dict[str, str]) -> None:
    """List ``screens`` under their area's heading (``headings[area]``, already translated)."""
    bold = QFont(nav.font())
    bold.setBold(True)
    for area, found in in_areas(screens):
        heading = QListWidgetItem(headings[area].upper() if headings[area].isascii() else headings[area], nav)
        heading.setFlags(Qt.ItemFlag.NoItemFlags)  # not chosen by a click nor by the arrow keys
        heading.setFont(bold)
        heading.setForeground(QColor(HEADING))  # a disabled row's own grey is too faint to read
        if nav.count() > 1:  # air above every area but the first
            heading.setSizeHint(QSize(0, QFontMetrics(bold).height() + 14))
        for screen in found:
            item = QListWidgetItem(icon(screen.icon), screen.title, nav)
            item.setData(Qt.ItemDataRole.UserRole, screen.view_class)
            item.setToolTip(screen.keys)


def screen_rows(nav: QListWidget) -> list[int]:
    """The rows that are screens, not headings."""
    return [row for row in range(nav.count()) if view_at(nav, row) is not None]


def view_at(nav: QListWidget, row: int) -> type | None:
    item = nav.item(row)
    return None if item is None else item.data(Qt.ItemDataRole.UserRole)


def row_of(nav: QListWidget, view_class: type) -> int:
    """The row of ``view_class``'s screen; -1 when the role does not have it."""
    return next((row for row in screen_rows(nav) if view_at(nav, row) is view_class), -1)
