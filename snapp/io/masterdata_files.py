"""Suppliers, items and locations in spreadsheet or CSV files: the columns, and reading them.

One `Layout` per kind names its columns, the headers accepted for each
(English as in SNApp's template, Chinese as people write them) and how a cell
becomes a value. The import template (`snapp.io.templates`) is written from
the same layouts, so a filled-in template always reads back.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from snapp.domain.capture import CasePolicy, cell_text, normalise
from snapp.domain.items import TRACKING_MODES
from snapp.errors import Problem, Text
from snapp.io.tables import Table, column_letter, is_blank, read_table


@dataclass(frozen=True)
class Column:
    field: str
    label: str  # the header SNApp's template writes
    aliases: tuple[str, ...] = ()  # other headers accepted
    number: bool = False  # a whole number; otherwise text
    required: bool = False
    choices: tuple[str, ...] = ()  # offered as a drop-down list in the template
    note: str = ""  # shown in the template's header comment

    def accepts(self, header: str) -> bool:
        text = normalise(header).rstrip("*").strip().lower()
        return text in (self.label.lower(), *self.aliases)


@dataclass(frozen=True)
class Layout:
    kind: str  # "suppliers", "items", "locations", "customers"
    title: str
    columns: tuple[Column, ...]
    keys: tuple[str, ...]  # fields that must be unique (within the file and in the database)

    def column(self, name: str) -> Column | None:
        return next((c for c in self.columns if c.field == name), None)


SUPPLIERS = Layout(
    "suppliers",
    "Suppliers",
    (
        Column("code", "Code", ("supplier code", "编码", "供应商编码", "供应商代码"), required=True,
               note="Your code for the supplier, unique; kept exactly as typed."),
        Column("name", "Name", ("supplier name", "名称", "供应商名称", "供应商"), required=True),
        Column("contact", "Contact", ("联系人",)),
        Column("phone", "Phone", ("telephone", "电话", "联系电话", "手机"), note="Text, so a leading 0 or + stays."),
        Column("email", "Email", ("e-mail", "邮箱", "电子邮件")),
        Column("address", "Address", ("地址",)),
    ),
    ("code",),
)  # fmt: skip

ITEMS = Layout(
    "items",
    "Items",
    (
        Column("sku", "SKU", ("item code", "物料编码", "料号", "物料号", "商品编码"), required=True,
               note="Your item code, unique; kept exactly as typed, leading zeros too."),
        Column("name", "Name", ("item name", "名称", "物料名称", "品名"), required=True),
        Column("gtin", "GTIN", ("ean", "upc", "barcode", "商品条码", "条码"),
               note="GTIN-8, -12, -13 or -14 with its check digit; empty if the item has none."),
        Column("tracking", "Tracking", ("tracking mode", "跟踪方式", "管理方式"), choices=TRACKING_MODES,
               note="serial: one record per unit; batch: by batch; none: by quantity. Empty means serial."),
        Column("serial_pattern", "Serial pattern", ("序列号规则", "序列号格式"),
               note="Optional regular expression every serial must match in full, e.g. PF[0-9A-Z]{8}."),
        Column("serial_min_length", "Serial min length", ("序列号最短",), number=True),
        Column("serial_max_length", "Serial max length", ("序列号最长",), number=True),
        Column("serial_case", "Serial case", ("序列号大小写", "大小写"), choices=tuple(CasePolicy),
               note="keep: as scanned; upper or lower: folded when received. Empty means keep."),
        Column("warranty_months", "Warranty months", ("warranty", "保修月数", "保修期(月)", "保修期"), number=True),
        Column("supplier", "Supplier code", ("supplier", "供应商编码", "供应商代码", "供应商"),
               note="Code of the usual supplier; it must exist in SNApp already."),
        Column("customer_warranty_months", "Customer warranty months",
               ("customer warranty", "客户保修月数", "客户保修期(月)", "客户保修期"), number=True,
               note="Months of warranty you give your customer, counted from shipment."),
    ),
    ("sku", "gtin"),
)  # fmt: skip

LOCATIONS = Layout(
    "locations",
    "Locations",
    (
        Column("code", "Code", ("location code", "编码", "库位编码", "库位", "仓库编码"), required=True,
               note="Your code for the location, unique; kept exactly as typed."),
        Column("name", "Name", ("location name", "名称", "库位名称", "仓库名称"), required=True),
    ),
    ("code",),
)  # fmt: skip

CUSTOMERS = Layout(
    "customers",
    "Customers",
    (
        Column("code", "Code", ("customer code", "编码", "客户编码", "客户代码"), required=True,
               note="Your code for the customer, unique; kept exactly as typed."),
        Column("name", "Name", ("customer name", "名称", "客户名称", "客户"), required=True),
        *SUPPLIERS.columns[2:],  # how to reach them, as a supplier
    ),
    ("code",),
)  # fmt: skip

LAYOUTS = {layout.kind: layout for layout in (SUPPLIERS, ITEMS, LOCATIONS, CUSTOMERS)}


@dataclass(frozen=True)
class Row:
    number: int  # index into the table's rows (file row - 1)
    values: dict[str, object]  # field -> text or int; blank optional cells are left out
    refused: set[str] = field(default_factory=set)  # fields whose cell is reported as a problem


@dataclass
class MasterDataFile:
    """A file read against a layout: the rows, and every problem found in its cells."""

    name: str
    layout: Layout
    table: Table
    columns: dict[str, int]  # field -> column index
    rows: list[Row] = field(default_factory=list)
    problems: list[tuple[int, Problem]] = field(default_factory=list)  # (row index, problem): sortable by row

    def where(self, row: int, name: str | None = None) -> Text:
        """``row 5, cell C5 (GTIN)``; just ``row 5`` for a problem with the whole row."""
        column = self.layout.column(name) if name else None
        if column is None or column.field not in self.columns:
            return Text("file.row", row=row + 1)
        return Text("file.labelled", place=self.cell(row, self.columns[column.field]), label=column.label)

    def cell(self, row: int, column: int) -> Text:
        """``row 5, cell C5`` in a workbook, ``row 5, column 3`` in CSV."""
        if self.table.is_sheet:
            return Text("file.row_cell", row=row + 1, cell=f"{column_letter(column)}{row + 1}")
        return self.table.where(row, column)


def read_masterdata(path: Path | str, kind: str) -> MasterDataFile:
    layout = LAYOUTS[kind]
    table = read_table(path, kind)
    found = MasterDataFile(Path(path).name, layout, table, {})
    header = table.rows[0] if table.rows else []
    known = ", ".join(c.label for c in layout.columns)
    for index, cell in enumerate(header):
        if is_blank(cell):
            continue
        column = next((c for c in layout.columns if isinstance(cell, str) and c.accepts(cell)), None)
        if column is None:
            # A column SNApp does not know would be dropped without a word: say so instead.
            found.problems.append((0, Problem(found.cell(0, index), str(cell), "header",
                                              Text("file.unknown_column", known=known))))  # fmt: skip
        elif column.field in found.columns:
            first = table.where(0, found.columns[column.field])
            found.problems.append((0, Problem(found.cell(0, index), cell, "header",
                                              Text("file.second_column", label=column.label, first=first))))  # fmt: skip
        else:
            found.columns[column.field] = index
    missing = [c.label for c in layout.columns if c.required and c.field not in found.columns]
    if missing:
        message = Text("file.no_column", missing=" or ".join(missing), known=known)
        found.problems.append((0, Problem(Text("file.row", row=1), "", "header", message)))
        return found
    for number, cells in enumerate(table.rows[1:], 1):
        if all(is_blank(cell) for cell in cells):
            continue
        row = Row(number, {})
        for name, index in found.columns.items():
            column = layout.column(name)
            assert column is not None
            cell = cells[index] if index < len(cells) else None
            value, problem = (None, None) if is_blank(cell) else (_number if column.number else _text)(column, cell)
            if problem:
                found.problems.append((number, Problem(found.where(number, name), _shown(cell), *problem)))
                row.refused.add(name)
            if value is not None:
                row.values[name] = value
            elif column.required:
                row.values[name] = ""  # a blank is reported as missing by the record's own check
        found.rows.append(row)
    return found


def _text(column: Column, cell: object) -> tuple[object, tuple[str, Text] | None]:
    text, reason, message = cell_text(cell, column.label)
    if reason:
        return None, (reason, message)
    if column.choices:
        text = normalise(text).lower()  # "Serial" typed by hand; the record's own check refuses what is not a choice
    return text, None


def _number(column: Column, cell: object) -> tuple[object, tuple[str, Text] | None]:
    refused = (column.field, Text("file.whole_number", label=column.label))
    if isinstance(cell, bool) or isinstance(cell, dt.date | dt.time | dt.timedelta):
        return None, refused
    if isinstance(cell, float):
        return (int(cell), None) if cell.is_integer() else (None, refused)
    if isinstance(cell, int):
        return cell, None
    text = normalise(str(cell))
    try:
        return int(text), None
    except ValueError:
        return None, refused


def _shown(cell: object) -> str:
    return "" if cell is None else str(cell)

