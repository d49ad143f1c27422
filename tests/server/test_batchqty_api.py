"""A batch item received through the HTTP API (typed lot or GS1 label) and traced, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

from snapp.services import masterdata, purchasing

EXPIRY = dt.date.today() + dt.timedelta(days=100)


def test_a_batch_item_is_received_by_lot_or_label_and_traced(server, ctx, company):
    masterdata.add_item(ctx, masterdata.ItemRecord("GAUZE", "gauze", gtin="9506000134376", tracking="batch",
                                                   supplier="ACME"))  # fmt: skip
    po = purchasing.create_po(ctx, "ACME", [purchasing.LineSpec("GAUZE", 100)])
    number = purchasing.approve_po(ctx, po.number).number
    api = server.login()

    typed = api.post(f"/pos/{number}/receipts", json={"sku": "GAUZE", "batch": "API1", "expiry": EXPIRY.isoformat(),
                                                      "quantity": 30, "location": "WH-A"})  # fmt: skip
    assert typed.status_code == 201, typed.text
    assert (typed.json()["batch"], typed.json()["quantity"]) == ("API1", 30)
    label = f"(01)09506000134376(10)API2(17){EXPIRY:%y%m%d}(30)12"
    scanned = api.post(f"/pos/{number}/receipts", json={"sku": "GAUZE", "label": label, "location": "WH-B"})
    assert scanned.status_code == 201, scanned.text

    bare = api.post(f"/pos/{number}/receipts", json={"sku": "GAUZE", "quantity": 5, "location": "WH-A"})
    assert bare.status_code == 422 and "tracked by batch" in bare.text
    as_serial = api.post(f"/pos/{number}/receipts", json={"sku": "GAUZE", "serials": ["SN000001"], "location": "WH-A"})
    assert as_serial.status_code == 422 and "not tracked by serial" in as_serial.text
    both = api.post(f"/pos/{number}/receipts", json={"sku": "GAUZE", "label": label, "batch": "X", "location": "WH-A"})
    assert both.status_code == 422 and "not both" in both.text

    traced = api.post("/recall/trace", json={"po": number}).json()
    assert traced["total"] == 0
    assert sorted((q["batch"], q["where"], q["place"], q["quantity"]) for q in traced["quantities"]
                  if q["where"] == "in_stock") == [("API1", "in_stock", "WH-A", 30), ("API2", "in_stock", "WH-B", 12)]
