"""The HTTP API's custom fields against a real `snapp serve`: define, receive with per-serial fields and scan
pairs (all or nothing, each refusal named), a unit's card with its fields, set a value, find by a value."""

from __future__ import annotations

IMEIS = ["356938035643809", "356938035643817", "356938035643825", "356938035643833"]


def test_fields_are_defined_received_shown_set_and_found_over_http(server, company):
    api = server.login()
    made = api.post("/items/LAP/fields", json={"name": "IMEI", "required": True, "unique": "all",
                                               "pattern": r"\d{15}", "scanned": True})
    assert made.status_code == 201, made.text
    assert made.json()["unique"] == "all"
    bad = api.post("/items/LAP/fields", json={"name": "Grade", "kind": "choice"})
    assert bad.status_code == 422 and bad.json()["problems"][0]["reason"] == "choices"
    assert [f["name"] for f in api.get("/items/LAP/fields").json()] == ["IMEI"]

    receipts = f"/pos/{company.number}/receipts"
    # The old body still works for an item without a required field; this one has one: refused, by reason.
    plain = api.post(receipts, json={"sku": "LAP", "serials": ["LAP00001"], "location": "WH-A"})
    assert plain.status_code == 422 and plain.json()["problems"][0]["reason"] == "field_missing"
    body = {"sku": "LAP", "serials": ["LAP00001", "LAP00002"], "location": "WH-A",
            "fields": {"LAP00001": {"IMEI": IMEIS[0]}, "LAP00002": {"IMEI": IMEIS[0]}}}
    twice = api.post(receipts, json=body)
    assert twice.status_code == 422
    [problem] = twice.json()["problems"]
    assert (problem["position"], problem["value"], problem["reason"]) == ("scan 2", IMEIS[0], "field_duplicate")
    body["fields"]["LAP00002"]["IMEI"] = IMEIS[1]
    assert api.post(receipts, json=body).status_code == 201
    paired = api.post(receipts, json={"sku": "LAP", "pairs": ["LAP00003", IMEIS[2], IMEIS[3], "LAP00004"],
                                      "location": "WH-A"})  # fmt: skip
    assert paired.status_code == 422 and paired.json()["problems"][0]["reason"] == "pair_order"
    paired = api.post(receipts, json={"sku": "LAP", "pairs": ["LAP00003", IMEIS[2]], "location": "WH-A"})
    assert paired.status_code == 201, paired.text

    [card] = api.get(f"/serials/{IMEIS[2]}").json()
    assert card["serial"] == "LAP00003" and card["fields"] == [["IMEI", IMEIS[2]]]
    taken = api.put("/serials/LAP00003/fields/IMEI", json={"value": IMEIS[0]})
    assert taken.status_code == 409 and "already on unit LAP00001 of LAP" in taken.json()["message"]
    changed = api.put("/serials/LAP00003/fields/IMEI", json={"value": IMEIS[3]})
    assert changed.json() == {"serial": "LAP00003", "sku": "LAP", "field": "IMEI", "before": IMEIS[2], "after": IMEIS[3]}
    assert [u["serial"] for u in api.get("/fields/units", params={"value": IMEIS[3]}).json()] == ["LAP00003"]
    assert api.patch("/items/LAP/fields/IMEI", json={"required": False}).json()["required"] is False
    listed = api.get("/serials", params={"field": f"IMEI={IMEIS[1]}"})
    assert [r["serial"] for r in listed.json()["rows"]] == ["LAP00002"]
    assert api.get("/serials", params={"field": "IMEI"}).status_code == 422
