"""Serials from spreadsheets: .xlsx (python-calamine) and CSV (UTF-8, with or without BOM, or GBK).

Cells are handed to `snapp.domain.capture` as the reader gives them (text,
number, date), so a number or date cell that Excel has damaged is refused
with its cell address rather than turned silently into text.

The serial column is the one whose first-row heading SNApp knows; without
one, the first column from the first row. A first row that reads like a
heading SNApp does not know (no digit in it, while the serials below have
digits) is refused by its cell rather than received as a serial.
"""

from __future__ import annotations

from pathlib import Path

from snapp.domain.capture import FieldColumn, Source, normalise
from snapp.errors import Problem, Text, ValidationError
from snapp.io.tables import Table, is_blank, read_table

HEADERS = frozenset({
    "serial", "serials", "serial number", "serial numbers", "serial no", "serial no.", "serial #", "serial#",
    "sn", "s/n", "s/n.", "sn#", "imei", "seriennummer", "numéro de série", "序列号", "序列號", "sn码", "串号",
})  # fmt: skip


# Columns beside the serial that carry each unit's batch and expiry (GS1's AIs 10 and 17, typed).
BATCH_HEADERS = frozenset({"batch", "lot", "batch/lot", "lot/batch", "batch no", "lot no", "批号", "批次", "批次号"})
EXPIRY_HEADERS = frozenset({"expiry", "expiry date", "exp", "exp date", "expires", "use by", "best before",
                            "有效期", "有效期至", "失效日期"})  # fmt: skip


def read_serial_file(path: Path | str) -> Source:
    table = read_table(path, "serials")
    column, first = _serial_column(table)
    beside = _detail_columns(table, first)
    others = _other_columns(table, first, column, beside)
    values: list[object] = []
    numbers: list[int] = []  # index into table.rows of each value
    details: list[tuple[object, object] | None] = []
    for number, row in enumerate(table.rows[first:], first):
        if all(is_blank(cell) for cell in row):
            continue
        value = row[column] if column < len(row) else ""
        values.append("" if value is None else value)  # an empty serial on a row with other data is reported
        numbers.append(number)
        if beside:
            cells = tuple(row[c] if c is not None and c < len(row) else None for c in beside)
            details.append(None if all(is_blank(cell) for cell in cells) else cells)
    if not beside:
        details = None
    # The other headed columns, by heading: a custom field of the item named so takes its column (snapp.domain.fields).
    fields = {name: FieldColumn([_cell(table.rows[n], c) for n in numbers], False) for name, c in others.items()}
    where_field = (lambda i, name: table.where(numbers[i], others[name])) if others else None
    if table.is_sheet or column:
        return Source(values, lambda i: table.where(numbers[i], column), details,
                      lambda i, k: table.where(numbers[i], beside[k]), fields or None, where_field)  # fmt: skip
    return Source(values, lambda i: Text("file.row", row=numbers[i] + 1), details,
                  lambda i, k: table.where(numbers[i], beside[k]), fields or None, where_field)  # fmt: skip


def _cell(row: list, column: int) -> object:
    value = row[column] if column < len(row) else None
    return None if is_blank(value) else value


def _other_columns(table: Table, first: int, column: int, beside: tuple[int | None, int | None] | None) -> dict[str, int]:
    """Headed columns other than the serial, batch and expiry: heading -> column index."""
    if first == 0:
        return {}
    taken = {column, *(beside or ())}
    others: dict[str, int] = {}
    for index, cell in enumerate(table.rows[first - 1]):
        if index not in taken and isinstance(cell, str) and (name := normalise(cell)):
            others.setdefault(name, index)
    return others


def _detail_columns(table: Table, first: int) -> tuple[int | None, int | None] | None:
    """(batch column, expiry column) named in the heading row, or None when neither is."""
    if first == 0:
        return None
    heading = [normalise(cell).lower() if isinstance(cell, str) else "" for cell in table.rows[first - 1]]
    batch = next((i for i, name in enumerate(heading) if name in BATCH_HEADERS), None)
    expiry = next((i for i, name in enumerate(heading) if name in EXPIRY_HEADERS), None)
    return None if batch is None and expiry is None else (batch, expiry)


def _serial_column(table: Table) -> tuple[int, int]:
    """(column index, first data row index): a known heading in the first row that has data names the column."""
    top = next((i for i, row in enumerate(table.rows) if not all(is_blank(cell) for cell in row)), None)
    if top is None:
        return 0, 0
    known = [i for i, cell in enumerate(table.rows[top]) if isinstance(cell, str) and normalise(cell).lower() in HEADERS]
    if known:
        # An IMEI column beside a serial column is the units' second identifier (a custom field), not their serial.
        serial = [i for i in known if normalise(table.rows[top][i]).lower() != "imei"]
        return (serial or known)[0], top + 1
    heading = table.rows[top][0]
    if isinstance(heading, str) and not _has_digit(heading):
        below = (row[0] for row in table.rows[top + 1 :] if row)
        if any(isinstance(value, int | float) or (isinstance(value, str) and _has_digit(value)) for value in below):
            raise ValidationError(Problem(table.where(top, 0), heading, "header", Text("file.unknown_heading")))
    return 0, top


def _has_digit(text: str) -> bool:
    return any(c.isdigit() for c in text)
