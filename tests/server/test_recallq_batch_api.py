"""A recalled batch of an item without serials blocked and released through the HTTP API, on SQLite and PostgreSQL:
the answers name the blocked pieces, and the workbook (through the one workbook response) and the PDF say where
they lie."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl

from snapp.domain.batches import Lot
from snapp.services import batches, masterdata, purchasing, receiving
from tests.pdfkit import flat, text


def test_a_batch_is_blocked_exported_reported_and_released_over_http(server, ctx, company, tmp_path):
    masterdata.add_item(ctx, masterdata.ItemRecord("GAUZE", "gauze", tracking="batch", supplier="ACME"))
    po = purchasing.create_po(ctx, "ACME", [purchasing.LineSpec("GAUZE", 100)])
    number = purchasing.approve_po(ctx, po.number).number
    receiving.receive(ctx, number, "GAUZE", lot=Lot("H1", dt.date.today() + dt.timedelta(days=60), 20), location="WH-A")
    batches.issue(ctx, "GAUZE", 6, to="ward 5")
    api = server.login()
    wanted = {"supplier": "ACME", "batch": "H1"}

    blocked = api.post("/recall/block", json={**wanted, "note": "FSCA"})
    assert blocked.status_code == 200, blocked.text
    assert (blocked.json()["count"], blocked.json()["pieces"]) == (0, 14)
    assert blocked.json()["lots"] == [{"sku": "GAUZE", "batch": "H1", "location": "WH-A", "quantity": 14}]
    traced = api.post("/recall/trace", json=wanted).json()
    assert [(q["where"], q["place"], q["quantity"]) for q in traced["quantities"] if q["where"] != "received"] == [
        ("blocked", "WH-A", 14), ("issued", "ward 5", 6)]

    workbook = api.post("/recall/export.xlsx", json=wanted)
    assert workbook.status_code == 200
    assert workbook.headers["content-disposition"] == 'attachment; filename="recall.xlsx"'
    sheet = openpyxl.load_workbook(io.BytesIO(workbook.content))["Batch quantities"]
    assert [(r[4], r[6]) for r in sheet.iter_rows(min_row=2, values_only=True)][1:] == [
        ("in stock, blocked", 14), ("issued", 6)]
    chinese = api.post("/recall/export.xlsx", json=wanted, headers={"Accept-Language": "zh-CN"})
    sheet = openpyxl.load_workbook(io.BytesIO(chinese.content))["批次数量"]
    assert [r[4] for r in sheet.iter_rows(min_row=2, values_only=True)][1:] == ["在库（已冻结）", "已发放"]

    pdf = api.post("/recall/report.pdf", json=wanted)
    assert pdf.status_code == 200
    (tmp_path / "r.pdf").write_bytes(pdf.content)
    assert "in stock, blocked 在库（已冻结） WH-A 14" in flat("".join(text(tmp_path / "r.pdf")))

    released = api.post("/recall/release", json=wanted).json()
    assert (released["pieces"], released["lots"][0]["quantity"]) == (14, 14)
