"""A PO raised with terms, edited, amended and printed through the HTTP API, the same services as the command line."""

from __future__ import annotations

from tests.pdfkit import flat, text


def test_a_po_is_raised_edited_amended_and_printed(server, company, ctx, tmp_path):
    from snapp.services import masterdata

    masterdata.add_item(ctx, masterdata.ItemRecord("MOUSE", "无线鼠标"))
    api = server.login()
    created = api.post("/pos", json={"supplier": "ACME", "lines": [{"sku": "LAP", "quantity": 1, "unit_price": "6899"}],
                                     "currency": "CNY", "tax_rate": "13", "delivery_date": "2026-12-24"})  # fmt: skip
    assert created.status_code == 201, created.text
    po = created.json()
    assert (po["net"], po["tax"], po["gross"], po["delivery_date"]) == ("6899.00", "896.87", "7795.87", "2026-12-24")
    number = po["number"]
    edited = api.patch(f"/pos/{number}", json={"lines": [{"line_no": 1, "sku": "LAP", "quantity": 2, "unit_price": "6899"},
                                                         {"sku": "MOUSE", "quantity": 4, "unit_price": "50"}],
                                               "supplier_ref": "SO-88", "delivery_date": None})  # fmt: skip
    assert edited.status_code == 200, edited.text
    assert (edited.json()["gross"], edited.json()["supplier_ref"], edited.json()["delivery_date"]) == (
        "15817.74", "SO-88", None)  # fmt: skip
    assert api.post(f"/pos/{number}/approve").status_code == 200
    refused = api.patch(f"/pos/{number}", json={"note": "late"}, headers={"Accept-Language": "zh-CN"})
    assert refused.status_code == 409 and "不能编辑" in refused.json()["message"]
    no_reason = api.post(f"/pos/{number}/amend", json={"note": "late"})
    assert no_reason.status_code == 422
    hostile = api.post(f"/pos/{number}/amend", json={"reason": "x", "tax_rate": "NaN"})
    assert hostile.status_code == 422 and "finite number" in hostile.text
    refused = api.post(f"/pos/{number}/amend", json={"reason": "x", "tax_rate": "113", "currency": "RMB"})
    assert refused.status_code == 422, refused.text
    assert [p["value"] for p in refused.json()["problems"]] == ["RMB", "113"]
    amended = api.post(f"/pos/{number}/amend", json={"reason": "price agreed", "lines": [
        {"line_no": 1, "sku": "LAP", "quantity": 2, "unit_price": "6500"}, {"line_no": 2, "sku": "MOUSE", "quantity": 4,
                                                                            "unit_price": "50"}]})  # fmt: skip
    assert amended.status_code == 200, amended.text
    body = amended.json()
    assert (body["gross"], body["amendments"][0]["reason"]) == ("14916.00", "price agreed")
    assert body["amendments"][0]["changes"]["lines"]["before"][0] == [1, "LAP", 2, "6899"]
    pdf = api.get(f"/pos/{number}.pdf", params={"lang": "zh"})
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    path = tmp_path / "po.pdf"
    path.write_bytes(pdf.content)
    assert "人民币壹万肆仟玖佰壹拾陆元整" in flat(text(path)[0])
    english = api.get(f"/pos/{number}.pdf")
    path.write_bytes(english.content)
    assert "CNY fourteen thousand nine hundred sixteen and 00/100 only" in flat(text(path)[0])
