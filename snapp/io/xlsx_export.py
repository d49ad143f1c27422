"""Writing exports to .xlsx: streamed, with codes and serials stored as text.

openpyxl's write-only mode writes each row as it comes, so a million rows
take the memory of one. Every text column is written as a string cell
formatted as Text ('@'): Excel then keeps a 20-digit serial and the leading
zeros of '000123' exactly, and a value starting with '=' stays a value
instead of becoming a formula.

Text is made the workbook's default cell format (the first entry of its
cell formats, which every cell without a style of its own uses), so a text
cell needs no style: openpyxl writes a styled cell at about half the speed
of a plain value, and most cells of an export are text. Dates, times and
numbers carry their own formats. Times are written in the exporting PC's local
time (Excel has no time zones); the About sheet says which.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Font
from openpyxl.styles.cell_style import StyleArray
from openpyxl.styles.numbers import BUILTIN_FORMATS_REVERSE
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from snapp.errors import Problem, Text, ValidationError
from snapp.io.output import unwritable
from snapp.io.tables import column_letter

EXCEL_CELL_LIMIT = 32_767  # characters in one cell
EXCEL_ROW_LIMIT = 1_048_576


class Kind(StrEnum):
    TEXT = "@"
    INTEGER = "0"
    MONEY = "#,##0.00##"
    DATE = "yyyy-mm-dd"
    TIME = "yyyy-mm-dd hh:mm:ss"


@dataclass(frozen=True)
class Field:
    header: str
    kind: Kind = Kind.TEXT
    width: int = 14


@dataclass(frozen=True)
class Sheet:
    title: str
    fields: Sequence[Field]
    rows: Iterable[Sequence[object]]


def write_workbook(path: Path, sheets: Iterable[Sheet]) -> int:
    """Write ``sheets`` in order, streaming each one's rows; returns the number of rows of the first sheet."""
    book = Workbook(write_only=True)
    default = StyleArray()
    default.numFmtId = BUILTIN_FORMATS_REVERSE[Kind.TEXT.value]
    book._cell_styles = IndexedList([default])  # openpyxl has no public setter for the default format
    try:
        counts = [_write_sheet(book, sheet) for sheet in sheets]
        save_workbook(book, path)
    except BaseException:
        _discard(book)
        raise
    return counts[0] if counts else 0


def save_workbook(book: Workbook, path: Path) -> None:
    try:
        book.save(path)
    except OSError as err:
        raise unwritable(path, err) from None


def _discard(book: Workbook) -> None:
    """Close and delete the sheets' temporary files, which openpyxl removes only on save or at exit."""
    for sheet in book.worksheets:
        if not sheet.closed:
            sheet.close()
        writer = getattr(sheet, "_writer", None)
        if writer is not None and os.path.exists(writer.out):
            writer.cleanup()


def _write_sheet(book: Workbook, spec: Sheet) -> int:
    sheet: WriteOnlyWorksheet = book.create_sheet(spec.title)
    for index, field in enumerate(spec.fields):
        sheet.column_dimensions[column_letter(index)].width = field.width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for field in spec.fields:
        cell = WriteOnlyCell(sheet, field.header)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    # One styled cell per column, refilled for every row: openpyxl writes a
    # cell out as soon as the row is appended, so the same object can carry
    # the next row's value. Text goes in as a plain value unless it needs the cell.
    cells = []
    for field in spec.fields:
        cell = WriteOnlyCell(sheet)
        cell.number_format = field.kind.value
        cells.append((cell, _CONVERT[field.kind]))
    count = 0
    for values in spec.rows:
        count += 1
        if count >= EXCEL_ROW_LIMIT:
            raise ValidationError(Problem(spec.title, "", "too_many_rows", Text("file.sheet_rows", most=EXCEL_ROW_LIMIT - 1)))
        sheet.append([None if value is None else convert(cell, value)
                      for (cell, convert), value in zip(cells, values, strict=True)])  # fmt: skip
    return count


def _text(cell: Cell, value: object) -> object:
    text = value if isinstance(value, str) else str(value)
    if ILLEGAL_CHARACTERS_RE.search(text):
        # Control characters (a scanner's GS separator) are not allowed in a sheet; show them escaped.
        text = ILLEGAL_CHARACTERS_RE.sub(lambda m: f"<{ord(m[0]):02X}>", text)
    if len(text) > EXCEL_CELL_LIMIT:
        marker = f"… ({len(text):,} characters in SNApp; cut to fit one Excel cell)"
        text = text[: EXCEL_CELL_LIMIT - len(marker)] + marker
    if text[:1] not in ("=", "#"):
        return text
    cell.value = text
    cell.data_type = "s"  # a string even when it starts with '=' or reads like '#N/A'
    return cell


def _time(cell: Cell, value: dt.datetime) -> Cell:
    cell.value = value.astimezone().replace(tzinfo=None) if value.tzinfo else value
    return cell


def _formatted(cell: Cell, value: object) -> Cell:
    cell.value = value
    return cell


_CONVERT = {
    Kind.TEXT: _text,
    Kind.INTEGER: _formatted,
    Kind.MONEY: _formatted,
    Kind.DATE: _formatted,
    Kind.TIME: _time,
}


def about_rows(title: str, items: Iterable[tuple[str, object]]) -> Sheet:
    """The export's own description: what, by whom, when, which filters, how many rows."""
    return Sheet(title, (Field("SNApp export", width=24), Field("", width=80)), ((k, _shown(v)) for k, v in items))


def _shown(value: object) -> str:
    if isinstance(value, dt.datetime):
        return value.astimezone().isoformat(" ", "seconds")
    if isinstance(value, Decimal | dt.date):
        return str(value)
    return "" if value is None else str(value)


def local_zone() -> str:
    now = dt.datetime.now().astimezone()
    return f"{now.tzname()} (UTC{now:%z})"
