"""Rows out of a spreadsheet (.xlsx via python-calamine) or a CSV file (UTF-8, with or without BOM, or GBK).

Cells come back as the reader gives them: text, number or date for a
workbook, text for CSV. Whoever interprets them (`snapp.domain.capture`)
decides what a number or date cell means, so a value Excel has damaged is
refused with its cell address rather than turned silently into text.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from python_calamine import CalamineError, CalamineWorkbook

from snapp.errors import Problem, ValidationError

SHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
TEXT_SUFFIXES = (".csv", ".txt", ".tsv")


@dataclass(frozen=True)
class Table:
    """The cells of a file's first sheet, row by row; ``rows[0]`` is file row 1."""

    rows: list[list]
    is_sheet: bool

    def where(self, row: int, column: int) -> str:
        """A cell's address as the user sees it: ``cell C5`` in a workbook, ``row 5, column 3`` in CSV."""
        if self.is_sheet:
            return f"cell {column_letter(column)}{row + 1}"
        return f"row {row + 1}, column {column + 1}"


def read_table(path: Path | str, what: str = "data") -> Table:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in SHEET_SUFFIXES:
        return Table(read_sheet(path), True)
    if suffix in TEXT_SUFFIXES:
        return Table(read_csv_rows(path), False)
    raise ValidationError(Problem(str(path), "", "file_type", f"read {what} from .xlsx, .xls, .ods or .csv files"))


def read_sheet(path: Path) -> list[list]:
    try:
        sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0)
        return sheet.to_python(skip_empty_area=False)
    except (CalamineError, OSError, ValueError) as err:
        raise ValidationError(Problem(str(path), "", "file", f"cannot be read as a workbook: {err}")) from None


def read_csv_rows(path: Path) -> list[list[str]]:
    try:
        data = path.read_bytes()
    except OSError as err:
        raise ValidationError(Problem(str(path), "", "file", f"cannot be read: {err.strerror}")) from None
    text = decode(data, str(path))
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return list(csv.reader(io.StringIO(text), dialect))


def decode(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM) first; GBK, what Excel writes on a Chinese Windows, second."""
    for encoding in ("utf-8-sig", "gbk"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValidationError(Problem(name, "", "encoding", "is neither UTF-8 nor GBK text; save it as CSV UTF-8"))


def is_blank(cell: object) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
