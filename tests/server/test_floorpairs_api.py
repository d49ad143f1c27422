"""What the floor client asks when an item's IMEI is scanned after each serial, scan by scan, on SQLite and PostgreSQL:
each scan judged at its place in its pair with the core's reasons; and a returned unit's card with its promised day."""

from __future__ import annotations

import datetime as dt

from snapp.domain.fields import FieldDef
from snapp.services import fields, receiving
from tests.integration.snapp_testkit import execute

IMEIS = ["356938035643809", "356938035643817", "356938035643825"]


def test_each_scan_of_a_pairs_delivery_is_judged_at_its_place(server, ctx, company):
    fields.define_field(ctx, "LAP", FieldDef("IMEI", unique="all", pattern=r"\d{15}", scanned=True))
    receiving.receive(ctx, company.number, "LAP", [], paired=["OLD00001", IMEIS[2]], location="WH-A")
    api = server.login()

    def judge(scan: str, paired: list[str | None], lang: str = "en") -> dict:
        answer = api.post("/floor/receiving/judge", json={"po": company.number, "scan": scan, "sku": "LAP", "paired": paired},
                          headers={"Accept-Language": lang})  # fmt: skip
        assert answer.status_code == 200, answer.text
        return answer.json()

    first = judge("PAIR0001", [])
    assert (first["ok"], first["serial"], first["field"]) == (True, "PAIR0001", None)
    imei = judge(IMEIS[0], ["PAIR0001"])
    assert (imei["ok"], imei["serial"], imei["field"], imei["value"]) == (True, "PAIR0001", "IMEI", IMEIS[0])
    early = judge(IMEIS[1], ["PAIR0001", IMEIS[0]])  # an IMEI where the next serial belongs
    assert early["ok"] is False and early["field"] is None and "scan each unit's serial first" in early["message"]
    # The device's row 3 was refused: the delivery so far has a null there, and numbers stay the device's rows.
    late = judge("PAIR0002", ["PAIR0001", IMEIS[0], None, "PAIR0003"])  # a serial where PAIR0003's IMEI belongs
    assert late["ok"] is False and late["field"] == "IMEI" and "is no IMEI" in late["message"], late
    twice = judge(IMEIS[0], ["PAIR0001", IMEIS[0], None, "PAIR0003"])
    assert twice["ok"] is False and twice["serial"] == "PAIR0003"
    assert twice["message"] == "IMEI of PAIR0003: appears twice in this delivery (first at scan 2, for PAIR0001)"
    taken = judge(IMEIS[2], ["PAIR0001", IMEIS[0], None, "PAIR0003"], "zh-CN")
    assert taken["ok"] is False and taken["message"] == "PAIR0003 的IMEI：已属于 LAP 的物品 OLD00001", taken
    pattern = judge("35693803564380", ["PAIR0001"])  # 14 digits: no IMEI
    assert pattern["ok"] is False and "pattern \\d{15}" in pattern["message"]

    receipts = f"/pos/{company.number}/receipts"
    posted = api.post(receipts, json={"sku": "LAP", "pairs": ["PAIR0001", IMEIS[0], "PAIR0003"], "location": "WH-A"})
    assert posted.status_code == 422 and posted.json()["problems"][0]["reason"] == "pair_incomplete"  # all or nothing
    posted = api.post(receipts, json={"sku": "LAP", "pairs": ["PAIR0001", IMEIS[0], "PAIR0003", IMEIS[1]], "location": "WH-A"})
    assert posted.status_code == 201, posted.text
    assert judge(IMEIS[0], ["PAIR0004"])["ok"] is False  # now on PAIR0001 for good


def test_a_returned_units_card_says_the_promised_day_and_when_it_is_overdue(db, server, company):
    api = server.login()
    today = dt.date.today()
    assert api.post("/customers", json={"code": "C-BJ", "name": "北京客户"}).status_code == 201
    assert api.post(f"/pos/{company.number}/receipts", json={"sku": "LAP", "serials": ["DUE00001"], "location": "WH-A"}).status_code == 201
    assert api.post("/moves", json={"action": "ship", "serials": ["DUE00001"], "customer": "C-BJ"}).status_code == 200
    [card] = api.get("/serials/DUE00001").json()
    assert (card["open_rma"], card["rma_promised_on"], card["rma_overdue"]) == (None, None, False)
    made = api.post("/returns", json={"serial": "DUE00001", "rma": "R-9", "customer": "C-BJ", "reason": "dead",
                                      "promised_on": str(today)})  # fmt: skip
    assert made.status_code == 201, made.text
    [card] = api.post("/floor/lookup", json={"scan": "DUE00001"}).json()
    assert (card["open_rma"], card["rma_promised_on"], card["rma_overdue"]) == ("R-9", str(today), False)  # due today: not late
    execute(db, "UPDATE customer_rmas SET promised_on = :d WHERE number = 'R-9'", d=today - dt.timedelta(days=1))
    [card] = api.get("/serials/DUE00001").json()
    assert (card["rma_promised_on"], card["rma_overdue"]) == (str(today - dt.timedelta(days=1)), True)
