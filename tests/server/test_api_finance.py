"""Finance's figures as .xlsx through the real server: the same numbers as the JSON, headers in the caller's language."""

from __future__ import annotations

import io
from decimal import Decimal

import openpyxl

from snapp.errors import Text
from snapp.messages import name_of
from snapp.services import lifecycle, purchasing
from snapp.services.exports import _RECEIPT_LINE_FIELDS, _STOCK_VALUE_FIELDS

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CENT = Decimal("0.01")


def sheets(response) -> dict[str, list[tuple]]:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == XLSX
    book = openpyxl.load_workbook(io.BytesIO(response.content), read_only=True)
    return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in book.worksheets}


def money(value) -> Decimal:
    return Decimal(str(value)).quantize(CENT)


def test_the_stock_value_workbook_holds_the_json_figures_in_the_readers_language(server, company, ctx):
    dollars = purchasing.create_po(ctx, "ACME", [purchasing.LineSpec("LAP", 10, Decimal("412.35"))],
                                   terms=purchasing.POTerms(currency="USD"))  # fmt: skip
    dollars = purchasing.approve_po(ctx, dollars.number)
    api = server.login()
    for po, serials in ((company.number, ["CNY0001", "CNY0002", "CNY0003"]), (dollars.number, ["USD0001", "USD0002"])):
        sent = api.post(f"/pos/{po}/receipts", json={"sku": "LAP", "serials": serials, "location": "WH-A"})
        assert sent.status_code == 201, sent.text
    lifecycle.move(ctx, "issue", ["CNY0003"])

    figures = api.get("/finance/stock-value").json()
    assert figures["totals"] == {"CNY": "20697.0000", "USD": "824.7000"}
    chinese = sheets(api.get("/finance/stock-value.xlsx", headers={"Accept-Language": "zh-CN"}))
    rows = chinese["库存价值"]
    assert list(rows[0]) == [Text(f.header).say("zh") for f in _STOCK_VALUE_FIELDS]
    assert rows[0][6] == "金额" and rows[0][7] == "币种"
    expected = [(line["sku"], line["location"], name_of("status", line["status"], "zh"), line["units"],
                 line["unpriced"], money(line["value"]), line["currency"]) for line in figures["lines"]]  # fmt: skip
    assert [(r[0], r[2], r[3], r[4], r[5], money(r[6]), r[7]) for r in rows[1:]] == expected
    assert ("LAP", "WH-A", "在库", 2, 0, Decimal("13798.00"), "CNY") in expected
    assert ("LAP", None, "已领用", 1, 0, Decimal("6899.00"), "CNY") in expected
    assert ("LAP", "WH-A", "在库", 2, 0, Decimal("824.70"), "USD") in expected
    assert "说明" in chinese  # the About sheet every export has: who, when, the moment valued

    english = sheets(api.get("/finance/stock-value.xlsx", params={"status": "in_stock"}))
    assert english["Stock value"][0][6] == "Value"
    assert [r[3] for r in english["Stock value"][1:]] == ["In stock", "In stock"]

    trail = sheets(api.get("/exports/audit.xlsx"))["Audit log"]
    assert [row[3] for row in trail].count("export.stock_value") == 2  # audited as every export is


def test_a_receipt_workbook_holds_its_lines_at_po_prices_and_its_serials(server, company):
    api = server.login()
    sent = api.post(f"/pos/{company.number}/receipts", json={"sku": "LAP", "serials": ["GR00001", "GR00002"],
                                                              "location": "WH-A"})  # fmt: skip
    assert sent.status_code == 201, sent.text
    number = sent.json()["number"]
    detail = api.get(f"/receipts/{number}").json()
    assert detail["currency"] == "CNY" and money(detail["total"]) == Decimal("13798.00")

    book = sheets(api.get(f"/receipts/{number}.xlsx", headers={"Accept-Language": "zh-CN"}))
    lines = book["收货单明细"]
    assert list(lines[0]) == [Text(f.header).say("zh") for f in _RECEIPT_LINE_FIELDS]
    assert [(r[0], r[1], r[4], r[5], r[7], money(r[8]), money(r[9]), r[10]) for r in lines[1:]] == [
        (number, company.number, line["line_no"], line["sku"], line["quantity"], money(line["unit_price"]),
         money(line["amount"]), detail["currency"]) for line in detail["lines"]]  # fmt: skip
    assert [r[2] for r in book["序列号"][1:]] == [s for line in detail["lines"] for s in line["serials"]]

    missing = api.get("/receipts/GR-NOPE.xlsx")
    assert missing.status_code == 404 and missing.json()["error"] == "print.no_receipt"
