"""Counts over the HTTP API: one case for a stocktake's missing units, shown and resolved; the report as Excel and PDF."""

from __future__ import annotations

import openpyxl

from snapp.domain.capture import scans
from snapp.services import receiving
from tests.pdfkit import text


def test_the_missing_units_of_a_stocktake_are_one_case_on_the_api(server, ctx, company):
    shelf = [f"PF{i:08d}" for i in range(1, 51)]
    receiving.receive(ctx, company.number, "LAP", [scans(shelf)], location="WH-A")
    with server.login() as api:
        number = api.post("/stocktakes", json={"location": "WH-A"}).json()["number"]
        assert api.post(f"/stocktakes/{number}/scans", json={"scans": shelf[:4]}).status_code == 200
        assert api.post(f"/stocktakes/{number}/close").status_code == 200
        cases = api.get("/exceptions").json()
        assert [(c["kind"], c["subject"], c["ref"]) for c in cases] == [("stocktake", "46 units missing", number)]
        assert cases[0]["detail"].endswith("In stock at WH-A, LAP: " + ", ".join(shelf[4:]))
        resolved = api.post(f"/exceptions/{cases[0]['id']}/resolve", json={"resolution": "recounted: on the top shelf"})
        assert resolved.status_code == 200 and resolved.json()["status"] == "resolved"
        assert api.get("/exceptions").json() == []


def test_a_stocktakes_report_comes_as_excel_and_pdf(server, ctx, company, tmp_path):
    receiving.receive(ctx, company.number, "LAP", [scans(["AA000001", "AA000002", "AA000003"])], location="WH-A")
    with server.login() as api:
        number = api.post("/stocktakes", json={"location": "WH-A"}).json()["number"]
        api.post(f"/stocktakes/{number}/scans", json={"scans": ["AA000001", "GHOST-9"]})
        api.post(f"/stocktakes/{number}/close")
        workbook = api.get(f"/stocktakes/{number}/report.xlsx", params={"discrepancies_only": True})
        assert workbook.status_code == 200 and workbook.headers["content-disposition"] == 'attachment; filename="stocktake.xlsx"'
        (tmp_path / "count.xlsx").write_bytes(workbook.content)
        rows = list(openpyxl.load_workbook(tmp_path / "count.xlsx")["Stocktake"].iter_rows(values_only=True))
        assert [row[:2] for row in rows] == [("Outcome", "Serial"), ("Missing", "AA000002"), ("Missing", "AA000003"),
                                             ("Unknown", "GHOST-9")]  # fmt: skip
        pdf = api.get(f"/stocktakes/{number}/report.pdf", headers={"Accept-Language": "zh-CN"})
        assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
        (tmp_path / "count.pdf").write_bytes(pdf.content)
        assert f"盘点单 {number}" in text(tmp_path / "count.pdf")[0]
        for path in ("report.pdf", "report.xlsx"):
            missing = api.get(f"/stocktakes/CT-0000-000000/{path}")
            assert missing.status_code == 404 and "no stocktake 'CT-0000-000000'" in missing.json()["message"]
        assert api.get("/stocktakes/%0d%0aX-Evil:%201/report.xlsx").status_code == 404
