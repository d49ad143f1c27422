"""Recall and trace through the HTTP API, on SQLite and PostgreSQL: the same services as `snapp recall`."""

from __future__ import annotations

import io

import openpyxl

from tests.pdfkit import flat, text

GTIN = "09506000134352"


def test_a_batch_is_traced_blocked_exported_reported_and_released(server, company, tmp_path):
    api = server.login()
    scans = [f"(01){GTIN}(17)270331(10)LOT7(21)AP{n:04d}" for n in range(1, 5)] + ["AP0005"]
    assert api.post(f"/pos/{company.number}/receipts",
                    json={"sku": "LAP", "serials": scans, "location": "WH-A"}).status_code == 201  # fmt: skip
    assert api.post("/moves", json={"action": "ship", "serials": ["AP0001"], "ref": "Clinic 7"}).status_code == 200
    wanted = {"supplier": "ACME", "batch": "LOT7"}

    traced = api.post("/recall/trace", json=wanted)
    assert traced.status_code == 200, traced.text
    body = traced.json()
    assert body["total"] == 4
    assert [(g["status"], g["location"], g["count"]) for g in body["groups"]] == [("in_stock", "WH-A", 3),
                                                                                ("shipped", None, 1)]  # fmt: skip
    assert [u["holder"] for u in body["units"] if u["status"] == "shipped"] == ["Clinic 7"]
    assert api.get("/serials", params={"batch": "LOT7", "sort": "serial", "descending": False}).json()["rows"][0]["serial"] == "AP0001"

    blocked = api.post("/recall/block", json={**wanted, "note": "FSCA"})
    assert blocked.status_code == 200, blocked.text
    assert (blocked.json()["count"], blocked.json()["left"]) == (3, {"shipped": 1})
    refused = api.post("/moves", json={"action": "issue", "serials": ["AP0002"]})
    assert refused.status_code == 422 and "Quarantined" in refused.text

    workbook = api.post("/recall/export.xlsx", json=wanted)
    assert workbook.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(workbook.content))["Recall"]
    assert sorted(row[9] for row in sheet.iter_rows(min_row=2, values_only=True)) == ["Quarantined"] * 3 + ["Shipped"]

    pdf = api.post("/recall/report.pdf", json=wanted)
    assert pdf.headers["content-type"] == "application/pdf"
    (tmp_path / "r.pdf").write_bytes(pdf.content)
    said = flat("".join(text(tmp_path / "r.pdf")))
    assert "Quarantined 已隔离 · WH-A" in said and "Clinic 7" in said

    assert api.post("/recall/release", json=wanted).json()["count"] == 3
    soon = api.get("/recall/expiring", params={"days": 36_500}).json()
    assert [u["serial"] for u in soon] == ["AP0002", "AP0003", "AP0004"]

    nothing = api.post("/recall/trace", json={})
    assert nothing.status_code == 422 and "say what the recall names" in nothing.text
    assert api.post("/recall/trace", json={"batch": "LOT7", "colour": "red"}).status_code == 422
    assert api.get("/recall/expiring", params={"days": -1}).status_code == 422
