"""snapp.io.serial_files: real .xlsx (written with openpyxl, read with calamine) and CSV files through capture()."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from snapp.domain.capture import Reason, SerialRule, capture
from snapp.errors import ValidationError
from snapp.io.serial_files import read_serial_file
from snapp.io.tables import column_letter, decode


def xlsx(path, cells: dict[str, object], number_formats: dict[str, str] | None = None):
    wb = openpyxl.Workbook()
    ws = wb.active
    for ref, value in cells.items():
        ws[ref] = value
    for ref, fmt in (number_formats or {}).items():
        ws[ref].number_format = fmt
    wb.save(path)
    return path


def problems(result) -> list[tuple[str, str, str]]:
    return [(p.position, p.value, p.reason) for p in result.problems]


# --- xlsx ----------------------------------------------------------------------------


@pytest.fixture
def delivery_xlsx(tmp_path):
    """A supplier's delivery list: item in A, serial in B under a "Serial" header, every kind of damage."""
    return xlsx(
        tmp_path / "delivery.xlsx",
        {
            "A1": "Item", "B1": "Serial", "C1": "Note",
            "A2": "LAP", "B2": "SN0001",
            "A3": "LAP", "B3": 12345,  # a short number cell Excel has not damaged
            "A4": "LAP", "B4": 123456789012345678,  # 18 digits: already rounded by Excel
            "A5": "LAP", "B5": dt.date(2024, 3, 1),  # Excel took "2024-3-1" for a date
            "A6": "LAP", "B6": True,
            "A7": "LAP", "B7": "1.23457E+17",  # the rounded number pasted back as text
            "A8": "LAP", "B8": 1.5,
            "A9": "LAP", "C9": "serial missing",  # a row with data but no serial
            # row 10 left entirely empty
            "A11": "LAP", "B11": "SN0001",
            "A12": "LAP", "B12": "ＳＮ０００２",
            "A13": "LAP", "B13": " SN0003\u00a0",
            "A14": "LAP", "B14": dt.datetime(2024, 3, 1, 8, 30),
        },
        {"B5": "yyyy-mm-dd", "B14": "yyyy-mm-dd hh:mm"},
    )  # fmt: skip


def test_xlsx_delivery_through_capture(delivery_xlsx):
    source = read_serial_file(delivery_xlsx)
    result = capture(source, SerialRule())
    assert result.serials == ["SN0001", "12345", "SN0002", "SN0003"]
    assert problems(result) == [
        ("cell B4", "1.234567890123457e+17", Reason.EXCEL_ROUNDED),
        ("cell B5", "2024-03-01", Reason.EXCEL_DATE),
        ("cell B6", "True", Reason.NOT_TEXT),
        ("cell B7", "1.23457E+17", Reason.EXCEL_ROUNDED),
        ("cell B8", "1.5", Reason.EXCEL_ROUNDED),
        ("cell B9", "", Reason.EMPTY),
        ("cell B11", "SN0001", Reason.DUPLICATE),
        ("cell B14", "2024-03-01 08:30:00", Reason.EXCEL_DATE),
    ]
    assert result.locate("SN0002") == "cell B12"
    assert result.locate("12345") == "cell B3"
    assert "first at cell B2" in result.problems[6].message
    assert "format the column as Text" in result.problems[0].message
    assert "more than 15 digits" in result.problems[0].message


def test_xlsx_source_positions(delivery_xlsx):
    source = read_serial_file(delivery_xlsx)
    assert len(source) == 12  # rows 2..14 without the empty row 10
    assert [source.locate(i) for i in (0, 7, 8, 11)] == ["cell B2", "cell B9", "cell B11", "cell B14"]


def test_xlsx_chinese_header_in_third_column(tmp_path):
    path = xlsx(
        tmp_path / "入库.xlsx",
        {"A1": "物料", "B1": "数量", "C1": "序列号", "A2": "LAP", "B2": 1, "C2": "SN-A1", "A3": "LAP", "B3": 1, "C3": "SN A2"},
    )
    result = capture(read_serial_file(path), SerialRule())
    assert result.serials == ["SN-A1"]
    assert problems(result) == [("cell C3", "SN A2", Reason.BAD_CHARACTERS)]


@pytest.mark.parametrize("header", ["Serial", "SERIAL", "serial number", "Serial No.", "S/N", "SN", "序列号", "序列號", " Serial ", "ＳＮ"])
def test_xlsx_recognised_headers(tmp_path, header):
    path = xlsx(tmp_path / "s.xlsx", {"A1": "x", "B1": header, "A2": "x", "B2": "SN1"})
    source = read_serial_file(path)
    assert list(source.values) == ["SN1"]
    assert source.locate(0) == "cell B2"


def test_xlsx_without_header_reads_column_a_from_row_1(tmp_path):
    path = xlsx(tmp_path / "s.xlsx", {"A1": "SN1", "A2": "SN2", "A3": 1234567890123456, "B1": "other"})
    result = capture(read_serial_file(path), SerialRule())
    assert result.serials == ["SN1", "SN2"]
    assert problems(result) == [("cell A3", "1234567890123456.0", Reason.EXCEL_ROUNDED)]


def test_xlsx_number_cells_keep_15_digits(tmp_path):
    path = xlsx(tmp_path / "s.xlsx", {"A1": "序列号", "A2": 123456789012345, "A3": 9876543210, "A4": "0012345"})
    result = capture(read_serial_file(path), SerialRule())
    assert result.serials == ["123456789012345", "9876543210", "0012345"]


def test_xlsx_text_formatted_long_number_is_fine(tmp_path):
    """The fix the message asks for: the column formatted as Text keeps every digit."""
    path = xlsx(tmp_path / "s.xlsx", {"A1": "Serial", "A2": "123456789012345678"}, {"A2": "@"})
    assert capture(read_serial_file(path), SerialRule()).serials == ["123456789012345678"]


def test_xlsx_trailing_empty_rows_ignored(tmp_path):
    path = xlsx(tmp_path / "s.xlsx", {"A1": "Serial", "A2": "SN1", "A3": "SN2", "A20": None, "C30": ""})
    assert list(read_serial_file(path).values) == ["SN1", "SN2"]


def test_xlsx_serial_column_past_z(tmp_path):
    path = xlsx(tmp_path / "s.xlsx", {"A1": "x", "AB1": "Serial", "AB2": "SN1", "AB3": True})
    result = capture(read_serial_file(path), SerialRule())
    assert problems(result) == [("cell AB3", "True", Reason.NOT_TEXT)]


def test_unreadable_workbook(tmp_path):
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 this is not a workbook")
    with pytest.raises(ValidationError) as info:
        read_serial_file(path)
    assert info.value.problems[0].reason == "file"
    assert info.value.problems[0].position == str(path)


@pytest.mark.parametrize("name", ["serials.pdf", "serials.docx", "serials"])
def test_unsupported_file_type(tmp_path, name):
    with pytest.raises(ValidationError) as info:
        read_serial_file(tmp_path / name)
    assert info.value.problems[0].reason == "file_type"


# --- CSV -----------------------------------------------------------------------------


CSV_TEXT = "序列号\r\nSN0001\r\nSN0002\r\n\r\nSN0001\r\n1.23457E+17\r\nＳＮ０００３\r\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk"])
def test_csv_encodings_through_capture(tmp_path, encoding):
    path = tmp_path / "serials.csv"
    path.write_bytes(CSV_TEXT.encode(encoding))
    result = capture(read_serial_file(path), SerialRule())
    assert result.serials == ["SN0001", "SN0002", "SN0003"]
    assert problems(result) == [("row 5", "SN0001", Reason.DUPLICATE), ("row 6", "1.23457E+17", Reason.EXCEL_ROUNDED)]
    assert result.problems[0].message == "appears twice in this batch (first at row 2)"
    assert result.locate("SN0003") == "row 7"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk"])
def test_csv_chinese_values_survive_decoding(tmp_path, encoding):
    path = tmp_path / "serials.csv"
    path.write_bytes("物料,序列号,备注\n笔记本,SN1,无\n笔记本,SN2,良品\n".encode(encoding))
    source = read_serial_file(path)
    assert list(source.values) == ["SN1", "SN2"]
    assert [source.locate(i) for i in range(2)] == ["row 2, column 2", "row 3, column 2"]


def test_csv_bom_is_not_part_of_the_header(tmp_path):
    path = tmp_path / "serials.csv"
    path.write_bytes("Serial\nSN1\n".encode("utf-8-sig"))
    assert list(read_serial_file(path).values) == ["SN1"]


def test_csv_without_header_counts_rows_from_1(tmp_path):
    path = tmp_path / "serials.csv"
    path.write_text("SN1\nSN2\nS#3\nSN4\n\nSN5\n", encoding="utf-8")
    result = capture(read_serial_file(path), SerialRule())
    assert result.serials == ["SN1", "SN2", "SN4", "SN5"]
    assert problems(result) == [("row 3", "S#3", Reason.BAD_CHARACTERS)]
    assert result.locate("SN5") == "row 6"


def test_csv_serial_column_not_first_with_empty_serial(tmp_path):
    path = tmp_path / "serials.csv"
    path.write_text("Item,Serial,Qty\nLAP,SN1,1\nLAP,,1\nLAP,SN3,1\n,,\nLAP,1.23457E+17,1\n", encoding="utf-8")
    result = capture(read_serial_file(path), SerialRule())
    assert result.serials == ["SN1", "SN3"]
    assert problems(result) == [
        ("row 3, column 2", "", Reason.EMPTY),
        ("row 6, column 2", "1.23457E+17", Reason.EXCEL_ROUNDED),
    ]


def test_csv_semicolon_separated(tmp_path):
    """Excel in a European locale saves CSV with semicolons."""
    path = tmp_path / "serials.csv"
    path.write_text("Item;Serial\nLAP;SN1\nLAP;SN2\nLAP;SN3\n", encoding="utf-8")
    source = read_serial_file(path)
    assert list(source.values) == ["SN1", "SN2", "SN3"]
    assert source.locate(2) == "row 4, column 2"


def test_tab_separated_txt(tmp_path):
    path = tmp_path / "serials.txt"
    path.write_text("Item\tSN\nLAP\tSN1\nLAP\tSN2\n", encoding="utf-8")
    assert list(read_serial_file(path).values) == ["SN1", "SN2"]


def test_csv_quoted_long_number_stays_text(tmp_path):
    path = tmp_path / "serials.csv"
    path.write_text('Serial,Note\n"123456789012345678","a, b"\n"000123",x\n', encoding="utf-8")
    result = capture(read_serial_file(path), SerialRule())
    assert result.serials == ["123456789012345678", "000123"]


def test_csv_neither_utf8_nor_gbk(tmp_path):
    path = tmp_path / "serials.csv"
    path.write_bytes(b"SN1\n\xff\xfe\xff\n")
    with pytest.raises(ValidationError) as info:
        read_serial_file(path)
    [problem] = info.value.problems
    assert (problem.position, problem.reason) == (str(path), "encoding")
    assert "UTF-8" in problem.message


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ("序列号".encode(), "序列号"),
        ("序列号".encode("utf-8-sig"), "序列号"),
        ("序列号".encode("gbk"), "序列号"),
        (b"SN1", "SN1"),
    ],
)
def test_decode(data, text):
    assert decode(data, "f.csv") == text


@pytest.mark.parametrize(("index", "letters"), [(0, "A"), (1, "B"), (25, "Z"), (26, "AA"), (27, "AB"), (51, "AZ"), (52, "BA"), (701, "ZZ"), (702, "AAA")])
def test_column_letter(index, letters):
    assert column_letter(index) == letters
