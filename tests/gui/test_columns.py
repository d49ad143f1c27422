"""No row number, serial or stocktake number is cut to "…", however long the list grows."""

from __future__ import annotations

from PySide6.QtWidgets import QTableView

from snapp.gui.views.stocktake import StocktakeView
from snapp.services import stocktake
from tests.gui.conftest import settle
from tests.gui.test_keyboard import receiving_on


def cut(view: QTableView, columns: list[int]) -> list[int]:
    """The columns whose visible cells need more room than the column has."""
    header = view.horizontalHeader()
    return [c for c in columns if view.sizeHintForColumn(c) > header.sectionSize(c)]


def test_a_long_receiving_session_shows_four_digit_row_numbers_and_twenty_character_serials_whole(qtbot, window, ctx):
    view = receiving_on(qtbot, window, ctx, 1200)
    for i in range(1, 1101):
        view.add_scan(f"WMWM{i:016d}")  # 20 characters, wide letters first
    settle(qtbot, window)
    table = view.form.pendingView
    table.scrollToBottom()
    assert view.model.data(view.model.index(1099, 0)) == "1100"
    assert cut(table, [0, 1]) == []


def test_the_stocktake_lists_show_stocktake_numbers_and_serials_whole(qtbot, window, ctx):
    count = stocktake.start_stocktake(ctx, "WH-A")
    window.open_screen(StocktakeView)
    view = window.view(StocktakeView)
    settle(qtbot, window)
    assert view.stocktakes.rows and view.stocktakes.rows[0].number == count.number
    assert cut(view.form.stocktakesView, [0, 5]) == []
    assert cut(view.form.scanView, [0, 1]) == []


def test_an_empty_list_says_what_to_do_first_and_steps_aside_for_the_first_row(qtbot, window, ctx):
    from PySide6.QtWidgets import QLabel

    from snapp.gui.views.exceptions import ExceptionsView
    from snapp.gui.views.masterdata import ItemsView

    def hint(view) -> QLabel:
        """The hint of the screen's first list (the Stocktake screen's scan log has one of its own)."""
        return view.findChildren(QLabel, "emptyHint")[0]

    view = receiving_on(qtbot, window, ctx, 5)
    assert hint(view).isVisible() and hint(view).text().startswith("Choose the purchase order and its line, then scan")
    assert hint(view).size() == view.form.pendingView.viewport().size()
    view.add_scan("HINT0001")
    assert not hint(view).isVisible()

    for screen, shown in ((ExceptionsView, True), (StocktakeView, True), (ItemsView, False)):
        window.open_screen(screen)
        settle(qtbot, window)
        assert hint(window.view(screen)).isVisible() == shown, screen
