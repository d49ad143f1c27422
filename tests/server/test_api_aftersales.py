"""The after-sales routes through a real server process, on SQLite and PostgreSQL: the services the CLI calls."""

from __future__ import annotations


def test_ship_return_refusal_swap_supplier_rma_and_alerts(server, company):
    api = server.login()
    assert api.post("/customers", json={"code": "C-BJ", "name": "北京客户"}).status_code == 201
    assert api.post("/customers", json={"code": "C-SH", "name": "Shanghai"}).status_code == 201
    received = api.post(f"/pos/{company.number}/receipts",
                        json={"sku": "LAP", "serials": ["API00001", "API00002", "API00003"], "location": "WH-A"})  # fmt: skip
    assert received.status_code == 201, received.text
    shipped = api.post("/moves", json={"action": "ship", "serials": ["API00001"], "customer": "C-BJ", "ref": "DN-9"})
    assert shipped.status_code == 200, shipped.text
    assert [u["serial"] for u in api.get("/customers/C-BJ/units").json()] == ["API00001"]
    assert [r["serial"] for r in api.get("/serials", params={"customer": "C-BJ"}).json()["rows"]] == ["API00001"]

    wrong = api.post("/returns", json={"serial": "API00001", "rma": "R-1", "customer": "C-SH", "reason": "dead"},
                     headers={"Accept-Language": "zh-CN"})  # fmt: skip
    assert wrong.status_code == 409 and "发货给了 C-BJ" in wrong.json()["message"]
    assert [e["subject"] for e in api.get("/exceptions", params={"kind": "customer_return"}).json()] == ["API00001"]

    opened = api.post("/returns", json={"serial": "API00001", "rma": "R-1", "customer": "C-BJ", "reason": "dead"})
    assert opened.status_code == 201, opened.text
    swapped = api.post("/returns/R-1/swap", json={"replacement": "API00002"})
    assert swapped.json()["replacement"] == "API00002"
    [card] = api.get("/serials/API00002").json()
    assert card["holder"]["customer"] == "C-BJ" and any("API00001" in line for line in card["aftersales"])

    sent = api.post("/supplier-rmas", json={"serial": "API00003", "rma": "ACME-1", "expected_on": "2020-01-01"})
    assert sent.status_code == 201, sent.text
    assert [r["number"] for r in api.get("/alerts").json()["overdue"]] == ["ACME-1"]
    stray = api.post("/supplier-rmas/NOPE/back", json={"replacement": "API00099", "to": "WH-A"})
    assert stray.status_code == 404 and "API00099" in stray.json()["message"]
    back = api.post("/supplier-rmas/ACME-1/back", json={"replacement": "API00099", "to": "WH-A"})
    assert back.json()["replacement"] == "API00099"
    assert api.post("/returns/R-1/inspection", json={"decision": "sideways"}).status_code == 422
    note = api.get("/returns/R-1/note.pdf")
    assert note.headers["content-type"] == "application/pdf" and note.content.startswith(b"%PDF")
    claim = api.get("/serials/API00003/warranty-claim.pdf")
    assert claim.status_code == 200 and claim.content.startswith(b"%PDF")
    assert api.get("/returns/NOPE/note.pdf").status_code == 404
