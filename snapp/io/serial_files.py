"""Serials from spreadsheets: .xlsx (python-calamine) and CSV (UTF-8, with or without BOM, or GBK).

Cells are handed to `snapp.domain.capture` as the reader gives them (text,
number, date), so a number or date cell that Excel has damaged is refused
with its cell address rather than turned silently into text.
"""

from __future__ import annotations

from pathlib import Path

from snapp.domain.capture import Source, normalise
from snapp.io.tables import is_blank, read_table

HEADERS = frozenset({"serial", "serials", "serial number", "serial no", "serial no.", "sn", "s/n", "序列号", "序列號", "sn码"})


def read_serial_file(path: Path | str) -> Source:
    table = read_table(path, "serials")
    column, first = _serial_column(table.rows)
    values: list[object] = []
    numbers: list[int] = []  # index into table.rows of each value
    for number, row in enumerate(table.rows[first:], first):
        if all(is_blank(cell) for cell in row):
            continue
        value = row[column] if column < len(row) else ""
        values.append("" if value is None else value)  # an empty serial on a row with other data is reported
        numbers.append(number)
    if table.is_sheet or column:
        return Source(values, lambda i: table.where(numbers[i], column))
    return Source(values, lambda i: f"row {numbers[i] + 1}")


def _serial_column(rows: list[list]) -> tuple[int, int]:
    """(column index, first data row index): a recognised header row names the column."""
    if rows:
        for index, cell in enumerate(rows[0]):
            if isinstance(cell, str) and normalise(cell).lower() in HEADERS:
                return index, 1
    return 0, 0
