"""The README's ERP example runs against a real server and maps a receipt onto an in-stock bill."""

from __future__ import annotations

import importlib.util
from pathlib import Path

EXAMPLE = Path(__file__).parents[2] / "docs" / "examples" / "erp_receipts.py"


def test_the_example_turns_a_posted_receipt_into_a_bill_with_serial_lines(server, company, monkeypatch, tmp_path):
    api = server.login()
    key = api.post("/keys", json={"name": "erp", "role": "auditor"}).json()["secret"]
    api.post(f"/pos/{company.number}/receipts", json={"sku": "LAP", "serials": ["SN000001", "SN000002"], "location": "WH-A"})
    monkeypatch.setenv("SNAPP_URL", server.url)
    monkeypatch.setenv("SNAPP_KEY", key)
    monkeypatch.setenv("ERP_CURSOR_FILE", str(tmp_path / "cursor.txt"))
    spec = importlib.util.spec_from_file_location("erp_receipts", EXAMPLE)
    example = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(example)

    [event] = example.get("/events?after=0&types=receipt.posted")["events"]
    bill = example.in_stock_bill(example.get(f"/receipts/{event['key']}"))
    assert bill["FBillNo"] == event["key"] and bill["FSupplierId"] == {"FNumber": "ACME"}
    [line] = bill["FInStockEntry"]
    assert (line["FMaterialId"], line["FRealQty"], line["FPrice"], line["FSRCBillNo"]) == (
        {"FNumber": "LAP"}, 2, "6899.0000", company.number)
    assert [s["FSerialNo"] for s in line["FSerialSubEntity"]] == ["SN000001", "SN000002"]
