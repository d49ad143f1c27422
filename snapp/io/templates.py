"""Import templates: workbooks whose code and serial columns are Text before anyone types in them.

A long numeric serial typed into a General cell is rounded by Excel to 15
digits and shown as 1.23457E+17, and a leading zero disappears; once typed,
it cannot be recovered. So every column holding a code is formatted as Text
('@') for the whole column and cell by cell for the first rows (which also
survives copying the sheet), with a header note saying why, drop-down lists
where the values are fixed, and the header row frozen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from snapp.domain.fields import FieldDef, FieldKind, Uniqueness
from snapp.io.masterdata_files import LAYOUTS, Column, Layout
from snapp.io.output import output_target
from snapp.io.xlsx_export import save_workbook

TEXT = "@"
TEXT_ROWS = 2_000  # cells formatted one by one; the column format covers the rest
LAST_ROW = 1_048_576  # Excel's last row
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
REQUIRED_FILL = PatternFill("solid", fgColor="FCE4D6")

SERIALS = Layout(
    "serials",
    "Serials",
    (Column("serial", "Serial", required=True,
            note="One serial per row, exactly as printed on the unit. Receive them with "
                 "`snapp receive PO --sku SKU --file THIS.xlsx`."),),
    ("serial",),
)  # fmt: skip
KINDS = ("serials", *LAYOUTS)

TEXT_NOTE = (
    "This column is formatted as Text, so Excel keeps every digit and leading zero "
    "(a General cell turns 123456789012345678 into 1.23457E+17 for good). "
    "Paste with Paste Special > Values (Ctrl+Shift+V) so the Text format stays.\n"
    "本列为文本格式：长序列号和前导零都会原样保留。粘贴时请用“选择性粘贴 > 数值”。"
)
README = {
    "serials": "Fill in one serial per row under the header; keep the first row as it is.",
    "suppliers": "One supplier per row. Code and Name are required; codes must not exist in SNApp yet.",
    "items": "One item per row. SKU and Name are required; a supplier code must exist in SNApp already.",
    "locations": "One location per row. Code and Name are required; codes must not exist in SNApp yet.",
    "customers": "One customer per row. Code and Name are required; codes must not exist in SNApp yet.",
}
README_ZH = "第一行为表头，请勿修改；每行一条记录。导入时全部通过才会保存，任何一行有误都会逐行列出原因且不保存任何数据。"


def field_columns(defs: Sequence[FieldDef]) -> tuple[Column, ...]:
    """An item's custom fields as columns beside the serial, headed by their names (as receiving reads them)."""
    return tuple(
        Column(d.name, d.name, required=d.required, choices=d.choices,
               note=" ".join(filter(None, (f"{d.kind}.", d.kind == FieldKind.DATE and "Write it as YYYY-MM-DD.",
                                           d.pattern and f"Pattern: {d.pattern}.",
                                           d.unique != Uniqueness.NONE and f"Unique ({d.unique})."))))
        for d in defs
    )  # fmt: skip


def write_template(kind: str, path: Path | str, fields: Sequence[FieldDef] = ()) -> Path:
    """The import template of ``kind``; the serials' template with the item's custom ``fields`` as its further columns."""
    path = output_target(path, ".xlsx", "template")
    layout = SERIALS if kind == "serials" else LAYOUTS[kind]
    if fields:
        layout = replace(layout, columns=layout.columns + field_columns(fields))
    book = Workbook()
    sheet = book.active
    sheet.title = layout.title
    for index, column in enumerate(layout.columns, 1):
        letter = get_column_letter(index)
        header = sheet.cell(row=1, column=index, value=column.label)
        header.font = Font(bold=True)
        header.fill = REQUIRED_FILL if column.required else HEADER_FILL
        header.alignment = Alignment(horizontal="center")
        header.number_format = TEXT
        header.comment = Comment(_note(column), "SNApp", width=320, height=200)
        dimension = sheet.column_dimensions[letter]
        dimension.width = max(14, len(column.label) + 4)
        body = f"{letter}2:{letter}{LAST_ROW}"
        if column.number:
            rule = DataValidation("whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
                                  showErrorMessage=True, error=f"{column.label} is a whole number", errorTitle="SNApp")  # fmt: skip
        else:
            dimension.number_format = TEXT
            for row in range(2, TEXT_ROWS + 2):
                sheet.cell(row=row, column=index).number_format = TEXT
            rule = None
        if column.choices:
            rule = DataValidation("list", formula1='"' + ",".join(column.choices) + '"', allow_blank=True,
                                  showErrorMessage=True, error=f"{column.label}: one of {', '.join(column.choices)}", errorTitle="SNApp")  # fmt: skip
        if rule is not None:
            rule.add(body)
            sheet.add_data_validation(rule)
    sheet.freeze_panes = "A2"
    notes = book.create_sheet("Read me 说明")
    notes.column_dimensions["A"].width = 110
    for line in (README[layout.kind], README_ZH, "", TEXT_NOTE):
        notes.append([line])
    for row in notes.iter_rows():
        row[0].alignment = Alignment(wrap_text=True, vertical="top")
    save_workbook(book, path)
    return path


def _note(column: Column) -> str:
    lines = [f"{column.label}: " + ("required" if column.required else "optional")]
    if column.note:
        lines.append(column.note)
    if column.choices:
        lines.append("One of: " + ", ".join(column.choices))
    if column.number:
        lines.append("A whole number.")
    else:
        lines.append(TEXT_NOTE)
    return "\n".join(lines)
