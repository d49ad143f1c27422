"""Stocktake, exceptions, PDFs and Excel through the HTTP API, on SQLite and PostgreSQL."""

from __future__ import annotations

import io

import openpyxl

from tests.pdfkit import decoded, flat, render, text


def receive(api, po: str, serials: list[str]) -> dict:
    response = api.post(f"/pos/{po}/receipts", json={"sku": "LAP", "serials": serials, "location": "WH-A"})
    assert response.status_code == 201, response.text
    return response.json()


def test_a_stocktake_is_started_scanned_closed_and_applied(server, company):
    api = server.login()
    receive(api, company.number, ["SN000001", "SN000002", "SN000003"])
    count = api.post("/stocktakes", json={"location": "WH-A"})
    assert count.status_code == 201, count.text
    number = count.json()["number"]
    scanned = api.post(f"/stocktakes/{number}/scans", json={"scans": ["SN000001", "SN000002", "SN000002", "NOPE0001"]})
    assert scanned.status_code == 200, scanned.text
    closed = api.post(f"/stocktakes/{number}/close").json()
    assert [line["serial"] for line in closed["missing"]] == ["SN000003"]
    assert [line["serial"] for line in closed["unknown"]] == ["NOPE0001"]
    assert [line["serial"] for line in closed["scanned_twice"]] == ["SN000002"]
    assert api.post(f"/stocktakes/{number}/scans", json={"scans": ["SN000003"]}).status_code == 409  # closed: no more scans
    assert api.post(f"/stocktakes/{number}/apply").status_code == 200
    [card] = api.get("/serials/SN000003").json()
    assert card["status"] == "lost"
    opened = api.get("/exceptions").json()
    assert opened and all(e["status"] == "open" for e in opened)
    settled = api.post(f"/exceptions/{opened[0]['id']}/resolve", json={"resolution": "found behind the shelf"})
    assert settled.status_code == 200 and settled.json()["status"] == "resolved"
    assert api.post("/exceptions/999999/resolve", json={"resolution": "x"}).status_code == 404


def test_pdfs_and_workbooks_come_back_readable(server, company, tmp_path):
    api = server.login()
    receipt = receive(api, company.number, ["SN000001", "SN000002"])
    po = api.get("/documents/po.pdf", params={"number": company.number})
    assert po.status_code == 200 and po.headers["content-type"] == "application/pdf"
    (tmp_path / "po.pdf").write_bytes(po.content)
    assert company.number in flat(text(tmp_path / "po.pdf")[0])
    labels = api.get("/labels.pdf", params={"receipt": receipt["number"], "template": "thermal-50x30"})
    (tmp_path / "labels.pdf").write_bytes(labels.content)
    assert ("Code 128", "SN000001") in decoded(render(tmp_path / "labels.pdf"))
    workbook = api.get("/exports/serials.xlsx")
    assert workbook.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(workbook.content)).worksheets[0]
    serials = {row[0] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert {"SN000001", "SN000002"} <= serials
    missing = api.get("/documents/receipt.pdf", params={"number": "GR-1999-000001"})
    assert missing.status_code == 404 and "GR-1999-000001" in missing.json()["message"]
