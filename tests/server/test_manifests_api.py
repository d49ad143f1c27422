"""The HTTP API's manifests against a real `snapp serve`: the same services, refusals and setting as the command line."""

from __future__ import annotations

import io

import openpyxl


def xlsx(rows: list[list]) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_manifest_is_loaded_from_an_excel_body_judged_at_receipt_and_amended(server, company):
    api = server.login()
    line = f"/pos/{company.number}/lines/1/manifest"
    loaded = api.put(line + "/file", params={"name": "ASN.xlsx"}, content=xlsx([["S/N"], ["SN000001"], ["SN000002"]]))
    assert loaded.status_code == 200, loaded.text
    assert (loaded.json()["action"], loaded.json()["count"]) == ("load", 2)
    assert api.get(f"/pos/{company.number}/manifests").json() == {"1": 2}

    off = api.post(f"/pos/{company.number}/receipts", json={"sku": "LAP", "serials": ["SN000001", "SN000099"], "location": "WH-A"})
    assert off.status_code == 422
    [problem] = off.json()["problems"]
    assert (problem["position"], problem["value"], problem["reason"]) == ("scan 2", "SN000099", "not_on_manifest")

    assert api.put("/suppliers/ACME/off-manifest", json={"policy": "exception"}).json()["effective"] == "exception"
    got = api.post(f"/pos/{company.number}/receipts", json={"sku": "LAP", "serials": ["SN000001", "SN000099"], "location": "WH-A"})
    assert got.status_code == 201
    assert (got.json()["off_manifest"], got.json()["missing"]) == (["SN000099"], ["SN000002"])

    # Received on the line: replacing is refused; amending works.
    again = api.put(line, json={"serials": ["SN000005"], "replace": True})
    assert again.status_code == 409 and again.json()["error"] == "manifest.received"
    amended = api.patch(line, json={"add": ["SN000099"], "remove": ["SN000002"]})
    assert (amended.json()["added"], amended.json()["removed"]) == (["SN000099"], ["SN000002"])
    shown = api.get(line).json()
    assert (shown["serials"], shown["received"], shown["missing"]) == (["SN000001", "SN000099"], ["SN000001", "SN000099"], [])


def test_a_hostile_manifest_body_is_refused_by_its_cell_and_loads_nothing(server, company):
    api = server.login()
    line = f"/pos/{company.number}/lines/1/manifest"
    unknown = api.put(line + "/file", params={"name": "asn.xlsx"}, content=xlsx([["Gerätenummer"], ["SN000001"]]))
    assert unknown.status_code == 422
    assert [(p["position"], p["reason"]) for p in unknown.json()["problems"]] == [("cell A1", "header")]
    not_a_book = api.put(line + "/file", params={"name": "asn.xlsx"}, content=b"PK\x03\x04 not a workbook")
    assert not_a_book.status_code in (400, 422)
    assert api.put(line + "/file", params={"name": "../asn.exe"}, content=b"x").status_code == 422
    assert api.get(line).status_code == 404


def test_an_items_own_setting_overrules_its_supplier_and_null_gives_it_back(server, company):
    api = server.login()
    assert api.put("/suppliers/ACME/off-manifest", json={"policy": "exception"}).status_code == 200
    own = api.put("/items/LAP/off-manifest", json={"policy": "refuse"}).json()
    assert (own["sku"], own["policy"], own["effective"]) == ("LAP", "refuse", "refuse")
    back = api.put("/items/LAP/off-manifest", json={"policy": None}).json()
    assert (back["policy"], back["effective"]) == (None, "exception")
    assert api.get("/items/LAP/off-manifest").json()["effective"] == "exception"
    assert api.put("/suppliers/ACME/off-manifest", json={"policy": None}).status_code == 422  # a supplier says one
    assert api.put("/suppliers/ACME/off-manifest", json={"policy": "maybe"}).status_code == 422
