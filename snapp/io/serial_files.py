"""Serials from spreadsheets: .xlsx (python-calamine) and CSV (UTF-8, with or without BOM, or GBK).

Cells are handed to `snapp.domain.capture` as the reader gives them (text,
number, date), so a number or date cell that Excel has damaged is refused
with its cell address rather than turned silently into text.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from python_calamine import CalamineError, CalamineWorkbook

from snapp.domain.capture import Source, normalise
from snapp.errors import Problem, ValidationError

HEADERS = frozenset({"serial", "serials", "serial number", "serial no", "serial no.", "sn", "s/n", "序列号", "序列號", "sn码"})


def read_serial_file(path: Path | str) -> Source:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm", ".xls", ".ods"):
        return read_workbook(path)
    if suffix in (".csv", ".txt", ".tsv"):
        return read_csv(path)
    raise ValidationError(Problem(str(path), "", "file_type", "read serials from .xlsx, .xls, .ods or .csv files"))


def read_workbook(path: Path) -> Source:
    try:
        sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0)
        rows = sheet.to_python(skip_empty_area=False)
    except (CalamineError, OSError, ValueError) as err:
        raise ValidationError(Problem(str(path), "", "file", f"cannot be read as a workbook: {err}")) from None
    column, first = _serial_column(rows)
    values: list[object] = []
    row_numbers: list[int] = []
    letter = column_letter(column)
    for number, row in enumerate(rows[first:], first + 1):
        value = row[column] if column < len(row) else ""
        if value == "" or value is None:
            if any(cell not in ("", None) for cell in row):
                values.append("")  # an empty serial on a row that has other data
                row_numbers.append(number)
            continue
        values.append(value)
        row_numbers.append(number)
    return Source(values, lambda i: f"cell {letter}{row_numbers[i]}")


def read_csv(path: Path) -> Source:
    text = decode(path.read_bytes(), str(path))
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = list(csv.reader(io.StringIO(text), dialect))
    column, first = _serial_column(rows)
    values: list[object] = []
    where: list[int] = []
    for number, row in enumerate(rows[first:], first + 1):
        value = row[column] if column < len(row) else ""
        if not value.strip() and not any(cell.strip() for cell in row):
            continue
        values.append(value)
        where.append(number)
    if column == 0:
        return Source(values, lambda i: f"row {where[i]}")
    return Source(values, lambda i: f"row {where[i]}, column {column + 1}")


def decode(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM) first; GBK, what Excel writes on a Chinese Windows, second."""
    for encoding in ("utf-8-sig", "gbk"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValidationError(Problem(name, "", "encoding", "is neither UTF-8 nor GBK text; save it as CSV UTF-8"))


def _serial_column(rows: list[list]) -> tuple[int, int]:
    """(column index, first data row index): a recognised header row names the column."""
    if rows:
        for index, cell in enumerate(rows[0]):
            if isinstance(cell, str) and normalise(cell).lower() in HEADERS:
                return index, 1
    return 0, 0


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
