"""Import templates: Text code columns, header notes, drop-downs, a frozen header; and they read back whole."""

from __future__ import annotations

import openpyxl
import pytest

from snapp.domain.capture import SerialRule, capture
from snapp.errors import ValidationError
from snapp.io.masterdata_files import LAYOUTS, read_masterdata
from snapp.io.serial_files import read_serial_file
from snapp.io.templates import KINDS, TEXT_ROWS, write_template


@pytest.mark.parametrize("kind", KINDS)
def test_code_columns_are_text_before_anyone_types(tmp_path, kind):
    path = write_template(kind, tmp_path / f"{kind}.xlsx")
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    layout = LAYOUTS.get(kind)
    columns = layout.columns if layout else None
    headers = [c.value for c in sheet[1]]
    assert headers == ([c.label for c in columns] if columns else ["Serial"])
    assert sheet.freeze_panes == "A2"
    for index, header in enumerate(sheet[1]):
        letter = header.column_letter
        number = bool(columns and columns[index].number)
        assert "required" in header.comment.text or "optional" in header.comment.text
        if number:
            assert sheet[f"{letter}2"].number_format == "General"
            assert sheet.column_dimensions[letter].number_format == "General"
        else:
            assert "formatted as Text" in header.comment.text and "1.23457E+17" in header.comment.text
            assert sheet.column_dimensions[letter].number_format == "@"  # new rows typed anywhere below
            formats = {sheet.cell(row=r, column=index + 1).number_format for r in range(2, TEXT_ROWS + 2)}
            assert formats == {"@"}
    assert book.sheetnames[1] == "Read me 说明"


def test_fixed_values_are_drop_down_lists_and_numbers_are_checked(tmp_path):
    sheet = openpyxl.load_workbook(write_template("items", tmp_path / "items.xlsx"))["Items"]
    rules = {str(v.sqref): (v.type, v.formula1, v.showErrorMessage) for v in sheet.data_validations.dataValidation}
    assert rules["D2:D1048576"] == ("list", '"serial,batch,none"', True)  # Tracking
    assert rules["H2:H1048576"] == ("list", '"keep,upper,lower"', True)  # Serial case
    assert rules["I2:I1048576"] == ("whole", "0", True)  # Warranty months
    assert "C2:C1048576" not in rules  # GTIN: free text, checked on import


def test_a_filled_in_template_imports_every_digit(tmp_path):
    path = write_template("items", tmp_path / "items.xlsx")
    book = openpyxl.load_workbook(path)
    sheet = book["Items"]
    for column, value in zip("ABCDIJ", ["000123", "带前导零的物料", "00012345678905", "serial", 24, "SUP-01"], strict=True):
        sheet[f"{column}2"] = value
    sheet["A3"], sheet["B3"] = "12345678901234567890", "twenty digits"
    book.save(path)

    found = read_masterdata(path, "items")

    assert found.problems == []
    assert [row.values for row in found.rows] == [
        {"sku": "000123", "name": "带前导零的物料", "gtin": "00012345678905", "tracking": "serial",
         "warranty_months": 24, "supplier": "SUP-01"},
        {"sku": "12345678901234567890", "name": "twenty digits"},
    ]  # fmt: skip


def test_a_filled_in_serial_template_receives_every_digit(tmp_path):
    path = write_template("serials", tmp_path / "serials.xlsx")
    book = openpyxl.load_workbook(path)
    for row, serial in enumerate(["000123", "12345678901234567890", "0000000000000000000001"], 2):
        book["Serials"][f"A{row}"] = serial
    book.save(path)
    result = capture(read_serial_file(path), SerialRule())
    assert result.problems == []
    assert result.serials == ["000123", "12345678901234567890", "0000000000000000000001"]


def test_a_template_where_it_cannot_be_written_is_refused_plainly(tmp_path):
    with pytest.raises(ValidationError, match="the folder .* does not exist"):
        write_template("items", tmp_path / "missing" / "items.xlsx")
