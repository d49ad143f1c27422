"""Master-data import from real .xlsx and CSV files: all or nothing, every bad row named with its cell and reason."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from snapp_testkit import audit_entries, last_audit_id, rows, snapshot

from snapp.domain.capture import Reason
from snapp.errors import PermissionDenied, ValidationError
from snapp.io.masterdata_files import read_masterdata
from snapp.services import masterdata
from snapp.services.imports import import_masterdata


def xlsx(path: Path, *table: list) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in table:
        sheet.append(row)
    book.save(path)
    return path


def csv_file(path: Path, text: str, encoding: str) -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def refused(ctx, path: Path, kind: str) -> list[tuple[str, str, str]]:
    """(position, value, reason) of every problem; and proof that nothing was written."""
    before, audit = snapshot(ctx.db), last_audit_id(ctx.db)
    with pytest.raises(ValidationError) as caught:
        import_masterdata(ctx, read_masterdata(path, kind))
    assert snapshot(ctx.db) == before and audit_entries(ctx.db, audit) == []
    assert caught.value.summary.endswith("nothing was imported")
    return [(p.position, p.value, p.reason) for p in caught.value.problems]


def test_suppliers_from_xlsx_keep_codes_and_phones_as_typed(db, ctx, tmp_path):
    path = xlsx(
        tmp_path / "suppliers.xlsx",
        ["Code", "Name", "Contact", "Phone", "Email", "Address"],
        ["007", "深圳市艾克米电子有限公司", "王伟", "0755-8888 0001", "sales@acme.cn", "深圳市南山区"],
        [123, "Numbered Ltd", None, "+86 21 5555 0000", None, None],  # a number cell Excel cannot have damaged
        [None, None, None, None, None, None],  # a blank row in between is skipped
        ["ＡＢＣ", "  Full-width Co  ", None, None, None, None],  # IME full-width folds to ASCII
    )
    audit = last_audit_id(db)

    result = import_masterdata(ctx, read_masterdata(path, "suppliers"))

    assert (result.kind, result.file, result.count) == ("suppliers", "suppliers.xlsx", 3)
    assert [(s.code, s.name, s.contact, s.phone, s.email) for s in masterdata.list_suppliers(ctx)] == [
        ("007", "深圳市艾克米电子有限公司", "王伟", "0755-8888 0001", "sales@acme.cn"),
        ("123", "Numbered Ltd", None, "+86 21 5555 0000", None),
        ("ABC", "Full-width Co", None, None, None),
    ]
    [entry] = audit_entries(db, audit)
    assert (entry.action, entry.entity, entry.entity_key, entry.user_name) == (
        "supplier.import", "supplier", "suppliers.xlsx", "admin",
    )  # fmt: skip
    assert entry.after == {"file": "suppliers.xlsx", "count": 3, "created": ["007", "123", "ABC"]}


def test_items_from_csv_in_gbk_with_chinese_headers(db, ctx, tmp_path):
    masterdata.add_supplier(ctx, masterdata.SupplierRecord("ACME", "艾克米"))
    text = (
        "物料编码,品名,商品条码,跟踪方式,序列号规则,序列号最短,序列号最长,大小写,保修月数,供应商编码\r\n"
        "00042,笔记本电脑,9506000134352,Serial,PF[0-9A-Z]{8},10,10,upper,24,ACME\r\n"
        "CBL-1,网线,,none,,,,,,\r\n"
    )
    path = csv_file(tmp_path / "items.csv", text, "gbk")

    assert import_masterdata(ctx, read_masterdata(path, "items")).count == 2

    assert masterdata.list_items(ctx) == [
        masterdata.ItemRecord("00042", "笔记本电脑", "09506000134352", "serial", "PF[0-9A-Z]{8}", 10, 10, "upper", 24,
                              "ACME"),
        masterdata.ItemRecord("CBL-1", "网线", tracking="none"),
    ]  # fmt: skip
    supplier_id = rows(db, "SELECT id FROM suppliers WHERE code = 'ACME'")[0][0]
    assert rows(db, "SELECT sku, supplier_id FROM items ORDER BY sku") == [("00042", supplier_id), ("CBL-1", None)]


def test_locations_from_csv_in_utf8_with_bom_and_semicolons(db, ctx, tmp_path):
    path = csv_file(tmp_path / "locations.csv", "Code;Name\n0001;主仓库\nWH-B;Second warehouse\n", "utf-8-sig")
    assert import_masterdata(ctx, read_masterdata(path, "locations")).count == 2
    assert masterdata.list_locations(ctx) == [
        masterdata.LocationRecord("0001", "主仓库"),
        masterdata.LocationRecord("WH-B", "Second warehouse"),
    ]


def test_every_bad_item_row_is_reported_with_its_cell_and_nothing_is_written(db, ctx, tmp_path):
    masterdata.add_supplier(ctx, masterdata.SupplierRecord("ACME", "艾克米"))
    masterdata.add_item(ctx, masterdata.ItemRecord("TAKEN", "already here", gtin="4006381333931"))
    header = ["SKU", "Name", "GTIN", "Tracking", "Serial pattern", "Serial min length", "Serial max length",
              "Serial case", "Warranty months", "Supplier code"]  # fmt: skip
    path = xlsx(
        tmp_path / "items.xlsx",
        header,
        ["OK-1", "fine", "9506000134352", "serial", None, None, None, None, 12, "ACME"],  # row 2: fine
        ["OK-1", "same SKU again", None, None, None, None, None, None, None, None],  # 3: duplicate SKU
        ["TAKEN", "exists already", None, None, None, None, None, None, None, None],  # 4: in the database
        ["G-1", "GTIN twice", "09506000134352", None, None, None, None, None, None, None],  # 5: same GTIN-14 as row 2
        ["G-2", "GTIN of TAKEN", "4006381333931", None, None, None, None, None, None, None],  # 6: GTIN in the database
        ["G-3", "bad check digit", "9506000134353", None, None, None, None, None, None, None],  # 7
        ["S-1", "unknown supplier", None, None, None, None, None, None, None, "NOPE"],  # 8
        ["T-1", "bad tracking", None, "lot", None, None, None, "title", None, None],  # 9: two bad cells
        ["N-1", None, None, None, None, None, None, None, None, None],  # 10: no name
        [123456789012345678, "long number", None, None, None, None, None, None, None, None],  # 11: Excel rounded it
        [dt.datetime(2024, 3, 1), "a date", None, None, None, None, None, None, None, None],  # 12: Excel made a date
        ["W-1", "decimal months", None, None, None, None, None, None, 12.5, None],  # 13
        ["W-2", "text length", None, None, None, "six", None, None, None, None],  # 14
        ["R-1", "bad rule", None, None, "PF[0-9", 8, 4, None, None, None],  # 15: bad pattern, max below min
        ["X" * 65, "SKU too long", None, None, None, None, None, None, -1, None],  # 16
        ["1.23457E+17", "typed exponent", None, None, None, None, None, None, None, None],  # 17
    )

    problems = refused(ctx, path, "items")

    assert problems == [
        ("row 3, cell A3 (SKU)", "OK-1", "sku"),
        ("row 4, cell A4 (SKU)", "TAKEN", "sku"),
        ("row 5, cell C5 (GTIN)", "09506000134352", "gtin"),
        ("row 6, cell C6 (GTIN)", "04006381333931", "gtin"),
        ("row 7, cell C7 (GTIN)", "9506000134353", "gtin"),
        ("row 8, cell J8 (Supplier code)", "NOPE", "supplier"),
        ("row 9, cell D9 (Tracking)", "lot", "tracking"),
        ("row 9, cell H9 (Serial case)", "title", "serial_case"),
        ("row 10, cell B10 (Name)", "", "name"),
        ("row 11, cell A11 (SKU)", "1.234567890123457e+17", Reason.EXCEL_ROUNDED),
        ("row 12, cell A12 (SKU)", "2024-03-01", Reason.EXCEL_DATE),
        ("row 13, cell I13 (Warranty months)", "12.5", "warranty_months"),
        ("row 14, cell F14 (Serial min length)", "six", "serial_min_length"),
        ("row 15, cell E15 (Serial pattern)", "PF[0-9", "serial_pattern"),
        ("row 15, cell G15 (Serial max length)", "4", "serial_max_length"),
        ("row 16, cell A16 (SKU)", "X" * 65, "sku"),
        ("row 16, cell I16 (Warranty months)", "-1", "warranty_months"),
        ("row 17, cell A17 (SKU)", "1.23457E+17", Reason.EXCEL_ROUNDED),
    ]
    assert masterdata.list_items(ctx) == [masterdata.ItemRecord("TAKEN", "already here", gtin="04006381333931")]


def test_the_messages_say_what_to_do(db, ctx, tmp_path):
    masterdata.add_supplier(ctx, masterdata.SupplierRecord("ACME", "艾克米"))
    path = xlsx(
        tmp_path / "suppliers.xlsx",
        ["Code", "Name"],
        ["ACME", "again"],
        [12345678901234567890, "rounded"],
        ["N1", "first"],
        ["N1", "second"],
    )
    with pytest.raises(ValidationError) as caught:
        import_masterdata(ctx, read_masterdata(path, "suppliers"))
    assert caught.value.summary == "3 problems in suppliers.xlsx; nothing was imported"
    assert [str(p) for p in caught.value.problems] == [
        "row 2, cell A2 (Code): 'ACME' a supplier with this code already exists",
        "row 3, cell A3 (Code): '1.234567890123457e+19' is a number cell with more than 15 digits, which Excel has "
        "already rounded; format the column as Text and enter the Code again",
        "row 5, cell A5 (Code): 'N1' appears twice in this file (first at row 4)",
    ]


def test_a_csv_names_rows_and_columns(db, ctx, tmp_path):
    path = csv_file(tmp_path / "locations.csv", "名称,库位编码\n主仓库,WH-A\n,WH-B\n", "utf-8")
    assert refused(ctx, path, "locations") == [("row 3, column 1 (Name)", "", "name")]


def test_a_file_without_a_required_column_is_refused_as_a_whole(db, ctx, tmp_path):
    path = xlsx(tmp_path / "items.xlsx", ["Name", "GTIN", "Code?"], ["laptop", "9506000134352", "X"])
    assert refused(ctx, path, "items") == [("row 1, cell C1", "Code?", "header"), ("row 1", "", "header")]
    with pytest.raises(ValidationError, match="no SKU column; the first row must name the columns"):
        import_masterdata(ctx, read_masterdata(path, "items"))


def test_a_column_named_twice_is_refused(db, ctx, tmp_path):
    path = xlsx(tmp_path / "s.xlsx", ["Code", "Name", "供应商编码"], ["A", "a", "B"])
    assert refused(ctx, path, "suppliers") == [("row 1, cell C1", "供应商编码", "header")]
    path = csv_file(tmp_path / "s.csv", "Name,Code,Supplier code\na,A,B\n", "utf-8")
    with pytest.raises(ValidationError) as caught:
        import_masterdata(ctx, read_masterdata(path, "suppliers"))
    assert [str(p) for p in caught.value.problems] == [
        "row 1, column 3: 'Supplier code' a second Code column (the first is row 1, column 2)"
    ]


def test_other_file_types_and_unreadable_files_are_refused(db, ctx, tmp_path):
    (tmp_path / "items.pdf").write_bytes(b"%PDF-1.4")
    with pytest.raises(ValidationError, match="read items from .xlsx"):
        read_masterdata(tmp_path / "items.pdf", "items")
    (tmp_path / "broken.xlsx").write_bytes(b"not a zip")
    with pytest.raises(ValidationError, match="cannot be read as a workbook"):
        read_masterdata(tmp_path / "broken.xlsx", "items")
    (tmp_path / "latin1.csv").write_bytes("Code,Name\nA,Caf\xe9 \x81\n".encode("latin-1"))
    with pytest.raises(ValidationError, match="neither UTF-8 nor GBK"):
        read_masterdata(tmp_path / "latin1.csv", "suppliers")


def test_an_empty_file_imports_nothing_and_says_so(db, ctx, tmp_path):
    path = xlsx(tmp_path / "s.xlsx", ["Code", "Name"])
    assert import_masterdata(ctx, read_masterdata(path, "suppliers")).count == 0
    assert masterdata.list_suppliers(ctx) == []


@pytest.mark.parametrize("role", ["warehouse", "service", "auditor"])
def test_only_master_data_roles_import(db, ctx, as_user, tmp_path, role):
    path = xlsx(tmp_path / "s.xlsx", ["Code", "Name"], ["A", "a"])
    actor = as_user(f"{role}.user", role)
    before = snapshot(db)
    with pytest.raises(PermissionDenied):
        import_masterdata(actor, read_masterdata(path, "suppliers"))
    assert snapshot(db) == before
    assert import_masterdata(as_user("clerk", "procurement"), read_masterdata(path, "suppliers")).count == 1


def test_a_large_import_goes_in_at_once(db, ctx, tmp_path):
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(["SKU", "Name", "GTIN"])
    for n in range(5_000):
        sheet.append([f"{n:06d}", f"item {n}", None])
    book.save(tmp_path / "items.xlsx")
    assert import_masterdata(ctx, read_masterdata(tmp_path / "items.xlsx", "items")).count == 5_000
    assert rows(db, "SELECT COUNT(*), MIN(sku), MAX(sku) FROM items") == [(5_000, "000000", "004999")]


def test_the_import_command(admin_cli, tmp_path):
    good = xlsx(tmp_path / "locations.xlsx", ["Code", "Name"], ["WH-A", "主仓库"])
    status, out, _ = admin_cli("import", "locations", str(good))
    assert status == 0 and "1 locations imported from locations.xlsx" in out
    bad = xlsx(tmp_path / "again.xlsx", ["Code", "Name"], ["WH-A", "again"], ["WH-C", None])
    status, _, err = admin_cli("import", "locations", str(bad))
    assert status == 2
    assert "2 problems in again.xlsx; nothing was imported" in err
    assert "row 2, cell A2 (Code): 'WH-A' a location with this code already exists" in err
    assert "row 3, cell B3 (Name): is required" in err
