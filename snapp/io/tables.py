"""Rows out of a spreadsheet (.xlsx via python-calamine) or a CSV file (UTF-8, with or without BOM, or GBK).

Cells come back as the reader gives them: text, number or date for a
workbook, text for CSV. Whoever interprets them (`snapp.domain.capture`)
decides what a number or date cell means, so a value Excel has damaged is
refused with its cell address rather than turned silently into text.

A workbook is read from the sheet its user sees: the active sheet if it is
visible, else the only visible one; a hidden sheet is never read. A formula
cell whose value was never calculated (a file written by a program rather
than saved by Excel) reads as empty: it is refused by its cell, not skipped.

Files are bounded before they are read, so a huge or hostile file is refused
in a moment rather than exhausting memory: at most `MAX_FILE_MB` on disk,
`MAX_UNPACKED_MB` unpacked for a zipped workbook, and `MAX_ROWS` rows.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from xml.etree import ElementTree

from python_calamine import CalamineError, CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum

from snapp.errors import Problem, Text, ValidationError
from snapp.io.output import refused

SHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
TEXT_SUFFIXES = (".csv", ".txt", ".tsv")
OOXML_SUFFIXES = (".xlsx", ".xlsm")  # the workbooks whose parts SNApp inspects itself
ZIPPED_SUFFIXES = (*OOXML_SUFFIXES, ".ods")
MAX_FILE_MB = 64  # a CSV of 64 MB holds about 3 million serials
MAX_UNPACKED_MB = 256  # a 1,000,000-row serial sheet unpacks to about 100 MB
MAX_ROWS = 1_048_576  # Excel's own limit for one sheet

_MB = 1024 * 1024
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PACKAGE_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
# A formula (<f>…</f> or a shared <f …/>) followed by an empty value or by the cell's end: the raw
# XML is searched for it first, so a sheet whose formulas all have values is never parsed twice.
_FORMULA_WITHOUT_VALUE = re.compile(
    rb"(?:</(?:\w+:)?f>|<(?:\w+:)?f\b[^>]*/>)\s*(?:<(?:\w+:)?v\s*/>|<(?:\w+:)?v>\s*</(?:\w+:)?v>|</(?:\w+:)?c>)"
)


@dataclass(frozen=True)
class Table:
    """The cells of a file's sheet, row by row; ``rows[0]`` is file row 1."""

    rows: list[list]
    is_sheet: bool

    def where(self, row: int, column: int) -> Text:
        """A cell's address as the user sees it: ``cell C5`` in a workbook, ``row 5, column 3`` in CSV."""
        if self.is_sheet:
            return Text("file.cell", cell=f"{column_letter(column)}{row + 1}")
        return Text("file.row_column", row=row + 1, column=column + 1)


def read_table(path: Path | str, what: str = "data") -> Table:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SHEET_SUFFIXES + TEXT_SUFFIXES:
        raise refused(path, "file_type", Text("file.type", what=what))
    _check_size(path)
    table = Table(read_sheet(path), True) if suffix in SHEET_SUFFIXES else Table(read_csv_rows(path), False)
    if len(table.rows) > MAX_ROWS:
        raise refused(path, "too_many_rows", Text("file.too_many_rows", rows=len(table.rows), most=MAX_ROWS))
    return table


def read_sheet(path: Path) -> list[list]:
    suffix = path.suffix.lower()
    try:
        if suffix in ZIPPED_SUFFIXES:
            _check_unpacked(path)
        parts = _ooxml_parts(path) if suffix in OOXML_SUFFIXES else None
        book = CalamineWorkbook.from_path(str(path))
        index = _sheet_to_read(path, book, parts.active if parts else None)
        rows = book.get_sheet_by_index(index).to_python(skip_empty_area=False)
        if parts:
            _refuse_formulas_without_value(path, parts.sheets[index])
        return rows
    except (CalamineError, OSError, ValueError, KeyError, zipfile.BadZipFile, ElementTree.ParseError) as err:
        raise refused(path, "file", Text("file.not_workbook", detail=str(err))) from None


def read_csv_rows(path: Path) -> list[list[str]]:
    try:
        data = path.read_bytes()
    except OSError as err:
        raise refused(path, "file", Text("file.unreadable", detail=err.strerror or str(err))) from None
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
    raise ValidationError(Problem(name, "", "encoding", Text("file.encoding")))


def is_blank(cell: object) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _check_size(path: Path) -> None:
    try:
        size = path.stat().st_size
    except OSError as err:
        raise refused(path, "file", Text("file.unreadable", detail=err.strerror or str(err))) from None
    if size > MAX_FILE_MB * _MB:
        raise refused(path, "too_big", Text("file.too_big", size=-(-size // _MB), most=MAX_FILE_MB))


# --- which sheet -------------------------------------------------------------------


@dataclass(frozen=True)
class _Parts:
    sheets: list[str]  # the zip member of each sheet, in workbook order
    active: int  # the sheet the workbook was saved showing


def _check_unpacked(path: Path) -> None:
    """What a zipped workbook says it unpacks to, before anything unpacks it (a zip bomb stops here)."""
    with zipfile.ZipFile(path) as archive:
        unpacked = sum(member.file_size for member in archive.infolist())
    if unpacked > MAX_UNPACKED_MB * _MB:
        raise refused(path, "too_big", Text("file.unpacks_too_big", size=unpacked // _MB, most=MAX_UNPACKED_MB))


def _ooxml_parts(path: Path) -> _Parts:
    """The workbook's sheets, and the one it was saved showing."""
    with zipfile.ZipFile(path) as archive:
        book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        links = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {link.get("Id"): link.get("Target", "") for link in links.iter(f"{_PACKAGE_REL}Relationship")}
    sheets = [_member(targets.get(sheet.get(f"{_REL}id"), "")) for sheet in book.iter(f"{_MAIN}sheet")]
    view = book.find(f"{_MAIN}bookViews/{_MAIN}workbookView")
    active = int(view.get("activeTab", "0")) if view is not None else 0
    return _Parts(sheets, active)


def _member(target: str) -> str:
    """A relationship target (relative to xl/, or absolute in the package) as a zip member name."""
    return target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl") / target)


def _sheet_to_read(path: Path, book: CalamineWorkbook, active: int | None) -> int:
    """The active sheet when it is visible; else the only visible sheet; else a refusal naming them."""
    sheets = book.sheets_metadata
    visible = [
        i for i, sheet in enumerate(sheets)
        if sheet.visible == SheetVisibleEnum.Visible and sheet.typ == SheetTypeEnum.WorkSheet
    ]  # fmt: skip
    if active in visible:
        return active
    if len(visible) == 1:
        return visible[0]
    if not visible:
        raise refused(path, "sheet", Text("file.no_visible_sheet"))
    names = ", ".join(sheets[i].name for i in visible)
    raise refused(path, "sheet", Text("file.which_sheet", count=len(visible), sheets=names))


# --- formulas ----------------------------------------------------------------------


def _refuse_formulas_without_value(path: Path, member: str) -> None:
    with zipfile.ZipFile(path) as archive:
        if not _may_lack_values(archive, member):
            return
        with archive.open(member) as part:
            cells = _formulas_without_value(part)
    if cells:
        problems = [Problem(Text("file.cell", cell=cell), "", "formula", Text("file.formula_without_value"))
                    for cell in cells]  # fmt: skip
        raise ValidationError(problems)


def _may_lack_values(archive: zipfile.ZipFile, member: str) -> bool:
    """A quick pass over the raw XML; only a sheet where it finds something is parsed."""
    tail = b""
    with archive.open(member) as part:
        while chunk := part.read(_MB):
            if _FORMULA_WITHOUT_VALUE.search(tail + chunk):
                return True
            tail = chunk[-256:]
    return False


def _formulas_without_value(part: io.BufferedIOBase) -> list[str]:
    """Addresses of formula cells saved without a value (an empty string a formula returned is a value)."""
    found = []
    for _, element in ElementTree.iterparse(part):
        if element.tag != f"{_MAIN}c":
            if element.tag == f"{_MAIN}row":
                element.clear()
            continue
        if element.find(f"{_MAIN}f") is not None:
            value = element.find(f"{_MAIN}v")
            if value is None or (not value.text and element.get("t") != "str"):
                found.append(element.get("r", "?"))
    return found
