"""A customer return's promised answer day through a real server process, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt


def test_the_promised_day_the_overdue_list_the_alerts_and_the_setting(server, company):
    api = server.login()
    today = dt.date.today()
    assert api.post("/customers", json={"code": "C-BJ", "name": "北京客户"}).status_code == 201
    received = api.post(f"/pos/{company.number}/receipts", json={"sku": "LAP", "serials": ["PD00001", "PD00002", "PD00003"],
                                                                  "location": "WH-A"})  # fmt: skip
    assert received.status_code == 201, received.text
    for serial in ("PD00001", "PD00002", "PD00003"):
        assert api.post("/moves", json={"action": "ship", "serials": [serial], "customer": "C-BJ"}).status_code == 200
    assert api.put("/settings/answer-days", json={"answer_days": 4}).json() == {"answer_days": 4}
    made = api.post("/returns", json={"serial": "PD00001", "rma": "R-1", "customer": "C-BJ", "reason": "dead"})
    assert made.status_code == 201 and made.json()["promised_on"] == str(today + dt.timedelta(days=4))
    chosen = str(today + dt.timedelta(days=9))
    made = api.post("/returns", json={"serial": "PD00002", "rma": "R-2", "customer": "C-BJ", "reason": "dead",
                                      "promised_on": chosen})  # fmt: skip
    assert made.json()["promised_on"] == chosen
    gone = api.post("/returns", json={"serial": "PD00003", "rma": "R-3", "customer": "C-BJ", "reason": "dead",
                                      "promised_on": "2001-02-03"}, headers={"Accept-Language": "zh-CN"})  # fmt: skip
    assert gone.status_code == 422 and "2001-02-03" in gone.json()["problems"][0]["message"]
    assert api.post("/returns", json={"serial": "PD00003", "rma": "R-3", "customer": "C-BJ", "reason": "dead",
                                      "promised_on": "soon"}).status_code == 422  # fmt: skip
    assert api.put("/settings/answer-days", json={"answer_days": 400}).status_code == 422
    assert api.get("/returns", params={"overdue": "true"}).json() == []
    assert [r["number"] for r in api.get("/returns").json()] == ["R-2", "R-1"]
    assert api.get("/alerts").json()["late_returns"] == []
