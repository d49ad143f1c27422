"""Receiving an uploaded spreadsheet through the API: the CLI's file reader, its rules and its positions."""

from __future__ import annotations

import io

import openpyxl

from snapp.server.uploads import safe_name

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def workbook(*rows: tuple) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Delivery"
    for row in rows:
        sheet.append(list(row))
    data = io.BytesIO()
    book.save(data)
    return data.getvalue()


def test_an_uploaded_workbook_is_received_whole(server, company):
    api = server.login()
    data = workbook(("Serial", "Carton"), ("UPL0001", "C1"), ("UPL0002", "C1"), ("upl0003", "C2"))
    sent = api.post(f"/pos/{company.number}/receipts/file", files={"file": ("delivery.xlsx", data, XLSX)},
                    data={"sku": "LAP", "location": "WH-A", "expected": "3"})  # fmt: skip
    assert sent.status_code == 201, sent.text
    assert sent.json()["quantity"] == 3
    assert [c["status"] for c in api.get("/serials/UPL0003").json()] == ["in_stock"]


def test_a_bad_cell_is_named_and_nothing_is_received_whatever_name_the_file_was_sent_with(server, company):
    api = server.login()
    data = workbook(("Serial",), ("UPL0101",), ("UPL0102",), ("x",))
    sent = api.post(f"/pos/{company.number}/receipts/file", headers={"Accept-Language": "en"},
                    files={"file": ("../../../tmp/evil.xlsx", data, XLSX)}, data={"sku": "LAP", "location": "WH-A"})  # fmt: skip
    assert sent.status_code == 422
    [problem] = sent.json()["problems"]
    assert (problem["value"], problem["reason"]) == ("x", "too_short")
    assert problem["position"] == "cell A4"  # the reader's own position, as `snapp receive --file` says it
    assert api.get("/serials/UPL0101").status_code == 404  # all or nothing


def test_what_is_no_spreadsheet_is_refused_by_its_name(server, company):
    api = server.login()
    program = api.post(f"/pos/{company.number}/receipts/file", files={"file": ("serials.exe", b"MZ\x90\x00", "application/octet-stream")},
                       data={"sku": "LAP", "location": "WH-A"})  # fmt: skip
    assert program.status_code == 422 and program.json()["problems"][0]["reason"] == "file_type"
    forged = api.post(f"/pos/{company.number}/receipts/file", files={"file": ("serials.xlsx", b"not a zip at all", XLSX)},
                      data={"sku": "LAP", "location": "WH-A"})  # fmt: skip
    assert forged.status_code == 422 and "serials.xlsx" in forged.text
    csv = api.post(f"/pos/{company.number}/receipts/file", files={"file": ("s.csv", "serial\nUPL0201\nUPL0202\n".encode(), "text/csv")},
                   data={"sku": "LAP", "location": "WH-A"})  # fmt: skip
    assert csv.status_code == 201, csv.text
    nothing = api.post(f"/pos/{company.number}/receipts/file", data={"sku": "LAP"})
    assert nothing.status_code == 422  # no file part: refused by the request's shape, before any service


def test_sent_names_become_plain_file_names():
    assert safe_name("../../etc/passwd") == "passwd"
    assert safe_name("C:\\Users\\li\\送货单.xlsx") == "送货单.xlsx"
    assert safe_name("..") == "upload" and safe_name(None) == "upload" and safe_name("a\x00b.csv") == "a_b.csv"
