"""A count stopped after a few scans, over the HTTP API: one case for its missing units, shown and resolved."""

from __future__ import annotations

from snapp.domain.capture import scans
from snapp.services import receiving


def test_the_missing_units_of_a_count_are_one_case_on_the_api(server, ctx, company):
    shelf = [f"PF{i:08d}" for i in range(1, 51)]
    receiving.receive(ctx, company.number, "LAP", [scans(shelf)], location="WH-A")
    with server.login() as api:
        number = api.post("/counts", json={"location": "WH-A"}).json()["number"]
        assert api.post(f"/counts/{number}/scans", json={"scans": shelf[:4]}).status_code == 200
        assert api.post(f"/counts/{number}/close").status_code == 200
        cases = api.get("/exceptions").json()
        assert [(c["kind"], c["subject"], c["ref"]) for c in cases] == [("stocktake", "46 units missing", number)]
        assert cases[0]["detail"].endswith("In stock at WH-A, LAP: " + ", ".join(shelf[4:]))
        resolved = api.post(f"/exceptions/{cases[0]['id']}/resolve", json={"resolution": "recounted: on the top shelf"})
        assert resolved.status_code == 200 and resolved.json()["status"] == "resolved"
        assert api.get("/exceptions").json() == []
