"""A custom field's case rule over HTTP against a real `snapp serve`: set in the field's body, applied to a
value set in the other case, refused for a number, and changed by a PATCH that recases stored values."""

from __future__ import annotations


def test_the_case_rule_is_set_applied_and_changed_over_http(server, company):
    api = server.login()
    made = api.post("/items/LAP/fields", json={"name": "MAC", "unique": "all", "case": "upper"})
    assert made.status_code == 201, made.text
    assert made.json()["case"] == "upper"
    bad = api.post("/items/LAP/fields", json={"name": "Weight", "kind": "number", "case": "lower"})
    assert bad.status_code == 422 and bad.json()["problems"][0]["reason"] == "case"
    assert api.post("/items/LAP/fields", json={"name": "Tag", "case": "title"}).status_code == 422

    receipts = f"/pos/{company.number}/receipts"
    body = {"sku": "LAP", "serials": ["LAP00001", "LAP00002"], "location": "WH-A",
            "fields": {"LAP00001": {"MAC": "aa:bb:cc:dd:ee:01"}, "LAP00002": {"MAC": "AA:BB:CC:DD:EE:01"}}}
    twice = api.post(receipts, json=body)
    assert twice.status_code == 422 and twice.json()["problems"][0]["reason"] == "field_duplicate"
    body["fields"]["LAP00002"]["MAC"] = "aa:bb:cc:dd:ee:02"
    assert api.post(receipts, json=body).status_code == 201
    [card] = api.get("/serials/aa:BB:cc:DD:ee:02").json()
    assert card["serial"] == "LAP00002" and card["fields"] == [["MAC", "AA:BB:CC:DD:EE:02"]]
    taken = api.put("/serials/LAP00002/fields/MAC", json={"value": "Aa:bB:cc:dd:ee:01"})
    assert taken.status_code == 409 and "already on unit LAP00001 of LAP" in taken.json()["message"]
    found = api.get("/fields/units", params={"value": "aa:bb:cc:dd:ee:01"}).json()
    assert [(f["serial"], f["value"]) for f in found] == [("LAP00001", "AA:BB:CC:DD:EE:01")]

    changed = api.patch("/items/LAP/fields/MAC", json={"case": "lower"})
    assert changed.status_code == 200 and changed.json()["case"] == "lower"
    [card] = api.get("/serials/LAP00001").json()
    assert card["fields"] == [["MAC", "aa:bb:cc:dd:ee:01"]]
