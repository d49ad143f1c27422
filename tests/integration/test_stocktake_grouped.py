"""A stocktake's discrepancies for the desk, and its report in Excel and on paper, on SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import openpyxl
import pytest
from snapp_testkit import audit_entries, last_audit_id

from snapp.domain.capture import scans
from snapp.errors import NotFound, PermissionDenied
from snapp.services import exceptions, exports, lifecycle, printing, purchasing, receiving, stocktake
from tests.pdfkit import flat, text

SHELF = [f"PF{i:08d}" for i in range(1, 251)]


@pytest.fixture
def full_shelf(ctx, company):
    """WH-A holds the 250 units of SHELF; BB000001 sits in WH-B; SHIP0001 was shipped."""
    po = purchasing.approve_po(ctx, purchasing.create_po(ctx, "ACME", [purchasing.LineSpec("LAP", 300, Decimal("1"))]).number)
    receiving.receive(ctx, po.number, "LAP", [scans([*SHELF, "SHIP0001"])], location="WH-A")
    receiving.receive(ctx, po.number, "LAP", [scans(["BB000001"])], location="WH-B")
    lifecycle.move(ctx, "ship", ["SHIP0001"], ref="DN-1")


def stopped_early(ctx) -> str:
    """A stocktake of WH-A closed after 4 scans of its own units, one from WH-B, a shipped one and an unknown one."""
    count = stocktake.start_stocktake(ctx, "WH-A").number
    stocktake.scan(ctx, count, [scans([*SHELF[:4], "BB000001", "SHIP0001", "GHOST-9", SHELF[0]])])
    stocktake.close_stocktake(ctx, count)
    return count


def test_closing_a_barely_scanned_stocktake_opens_one_case_for_all_its_missing_units(db, ctx, full_shelf):
    count = stopped_early(ctx)
    cases = exceptions.list_exceptions(ctx)
    assert sorted((c.kind, c.subject, c.ref) for c in cases) == [
        ("reappeared", "SHIP0001", count), ("stocktake", "246 units missing", count),
        ("stocktake", "BB000001", count), ("stocktake", "GHOST-9", count),
    ]  # fmt: skip
    [missing] = [c for c in cases if c.subject == "246 units missing"]
    assert missing.detail.startswith(f"stocktake {count}: 246 units expected, not scanned — In stock at WH-A, LAP: "
                                     "PF00000005, PF00000006, ")  # fmt: skip
    assert missing.detail.endswith(", PF00000249, PF00000250")
    listed = missing.detail.split(" — ", 1)[1].split(": ", 1)[1].split(", ")
    assert listed == SHELF[4:]  # every missing unit, once, in order
    assert exceptions.open_exception_counts(ctx) == {"stocktake": 3, "reappeared": 1}


def test_the_missing_units_case_is_resolved_by_apply_or_by_a_person(ctx, full_shelf):
    applied = stopped_early(ctx)
    result = stocktake.apply_stocktake(ctx, applied)
    assert result.lost == 246
    resolved = {c.subject: c.resolution for c in exceptions.list_exceptions(ctx, "resolved")}
    assert resolved == {"246 units missing": f"stocktake {applied} applied", "BB000001": f"stocktake {applied} applied"}
    assert {c.subject for c in exceptions.list_exceptions(ctx)} == {"SHIP0001", "GHOST-9"}  # they still need a person

    # Units found again later, counted once more and not applied: a person settles the case by hand.
    lifecycle.move(ctx, "found", SHELF[4:], to="WH-A")
    again = stocktake.start_stocktake(ctx, "WH-A").number
    stocktake.scan(ctx, again, [scans([*SHELF[:248], "BB000001"])])  # BB000001 was moved here
    stocktake.close_stocktake(ctx, again)
    [case] = [c for c in exceptions.list_exceptions(ctx) if c.ref == again]
    assert (case.subject, case.detail) == (
        "2 units missing", f"stocktake {again}: 2 units expected, not scanned — In stock at WH-A, LAP: PF00000249, PF00000250",
    )  # fmt: skip
    done = exceptions.resolve_exception(ctx, case.id, "found in the returns cage")
    assert (done.status, done.resolution) == ("resolved", "found in the returns cage")


def test_a_quarantined_missing_unit_keeps_the_case_open(ctx, full_shelf):
    lifecycle.move(ctx, "block", [SHELF[-1]])
    count = stocktake.start_stocktake(ctx, "WH-A").number
    stocktake.scan(ctx, count, [scans(SHELF[:-2])])
    stocktake.close_stocktake(ctx, count)
    result = stocktake.apply_stocktake(ctx, count)
    assert result.lost == 1 and [line.serial for line in result.left] == [SHELF[-1]]
    [case] = exceptions.list_exceptions(ctx)
    assert case.subject == "2 units missing"
    assert "Quarantined at WH-A, LAP: PF00000250" in case.detail and "In stock at WH-A, LAP: PF00000249" in case.detail


def test_one_missing_unit_is_said_in_the_singular(ctx, full_shelf):
    count = stocktake.start_stocktake(ctx, "WH-A").number
    stocktake.scan(ctx, count, [scans(SHELF[1:])])
    stocktake.close_stocktake(ctx, count)
    [case] = exceptions.list_exceptions(ctx)
    assert case.subject == "1 unit missing"


def test_a_huge_shortfall_lists_the_first_thousand_and_counts_the_rest(ctx, company, monkeypatch):
    monkeypatch.setattr(stocktake, "MAX_LISTED", 3)  # the same rule at the size of a test
    receiving.receive(ctx, company.number, "LAP", [scans([f"ZZ{i:06d}" for i in range(10)])], location="WH-B")
    count = stocktake.start_stocktake(ctx, None).number
    stocktake.close_stocktake(ctx, count)
    [case] = exceptions.list_exceptions(ctx)
    assert case.detail == (f"stocktake {count}: 10 units expected, not scanned — In stock at WH-B, LAP: ZZ000000, ZZ000001, "
                           "ZZ000002; and 7 more (the stocktake's report lists every one)")  # fmt: skip
    assert case.detail.say("zh") == (f"盘点 {count}：10 件应在而未扫到 — 在库，位于 WH-B，LAP：ZZ000000, ZZ000001, "
                                     "ZZ000002；另有 7 件（盘点报告逐一列出）")  # kept as codes: said in the reader's language


def test_the_report_lists_discrepancies_first(ctx, full_shelf):
    count = stopped_early(ctx)
    report = stocktake.stocktake_report(ctx, count)
    outcomes = [o for o, _ in report.listed()]
    assert outcomes == ["missing"] * 246 + ["unexpected"] * 2 + ["unknown"] + ["matched"] * 4
    assert [line.serial for _, line in report.listed(discrepancies_only=True)][-3:] == ["BB000001", "SHIP0001", "GHOST-9"]
    assert len(report.listed(discrepancies_only=True)) == 249


def test_the_report_in_excel(db, ctx, full_shelf, tmp_path):
    count = stopped_early(ctx)
    audit = last_audit_id(db)
    record = exports.export_stocktake(ctx, tmp_path / "count.xlsx", count)
    assert (record.kind, record.rows) == ("stocktake", 253)
    sheet = openpyxl.load_workbook(record.path)["Stocktake"]
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0] == ["Outcome", "Serial", "SKU", "Recorded status", "Recorded at", "Scans"]
    assert values[1] == ["Missing", "PF00000005", "LAP", "In stock", "WH-A", 0]
    assert values[247:] == [
        ["Unexpected", "BB000001", "LAP", "In stock", "WH-B", 1], ["Unexpected", "SHIP0001", "LAP", "Shipped", None, 1],
        ["Unknown", "GHOST-9", None, None, None, 1], ["Matched", "PF00000001", "LAP", "In stock", "WH-A", 2],
        ["Matched", "PF00000002", "LAP", "In stock", "WH-A", 1], ["Matched", "PF00000003", "LAP", "In stock", "WH-A", 1],
        ["Matched", "PF00000004", "LAP", "In stock", "WH-A", 1],
    ]  # fmt: skip
    [entry] = audit_entries(db, audit)
    assert (entry.action, entry.after["rows"], entry.after["filters"]) == ("export.stocktake", 253, {"stocktake": count})

    chinese = dataclasses.replace(ctx, lang="zh")
    only = exports.export_stocktake(chinese, tmp_path / "差异.xlsx", count, discrepancies_only=True)
    book = openpyxl.load_workbook(only.path)
    rows = [[cell.value for cell in row] for row in book["盘点"].iter_rows()]
    assert rows[0] == ["结果", "序列号", "物料编码", "账面状态", "账面库位", "扫描次数"]
    assert rows[1][:4] == ["缺失", "PF00000005", "LAP", "在库"] and rows[-1][0] == "未知" and len(rows) == 250


def test_the_report_on_paper(db, ctx, full_shelf, tmp_path):
    count = stopped_early(ctx)
    path = tmp_path / "count.pdf"
    printed = printing.print_stocktake(ctx, count, path)
    assert printed.document == f"stocktake report {count}"
    pages = [flat(page) for page in text(path)]
    assert pages[0].startswith(f"Stocktake {count}")
    first = pages[0]
    assert "matched 4 · missing 246 · unexpected 2 · unknown 1 · scanned twice 1" in first and "1.6%" in first
    assert "Discrepancies (249)" in first and "Missing PF00000005 LAP In stock WH-A 0" in first
    whole = " ".join(pages)
    # The discrepancies come before the matches, whatever page they fall on.
    assert whole.index("Unknown GHOST-9") < whole.index("Matched (4)") < whole.index("Matched PF00000001 LAP In stock WH-A 2")

    only = tmp_path / "only.pdf"
    printing.print_stocktake(dataclasses.replace(ctx, lang="zh"), count, only, discrepancies_only=True)
    chinese = " ".join(flat(page) for page in text(only))
    assert f"盘点单 {count}" in chinese and "差异（249）" in chinese and "缺失 PF00000005 LAP 在库 WH-A 0" in chinese
    assert "本次打印未列出 4 件相符单件（仅差异）。" in chinese and "PF00000001" not in chinese
    assert [e.action for e in audit_entries(db) if e.action == "report.stocktake"] == ["report.stocktake", "report.stocktake"]


def test_an_open_stocktake_prints_as_provisional_and_an_unknown_stocktake_is_refused(ctx, full_shelf, tmp_path):
    count = stocktake.start_stocktake(ctx, "WH-B").number
    stocktake.scan(ctx, count, [scans(["BB000001"])])
    printing.print_stocktake(ctx, count, tmp_path / "open.pdf")
    page = flat(text(tmp_path / "open.pdf")[0])
    assert "Provisional: the stocktake is open" in page and "No discrepancy: every unit is where the books say." in page
    with pytest.raises(NotFound, match="no stocktake 'CT-1999-000009'"):
        printing.print_stocktake(ctx, "CT-1999-000009", tmp_path / "none.pdf")
    with pytest.raises(NotFound):
        exports.export_stocktake(ctx, tmp_path / "none.xlsx", "'; DROP TABLE stocktakes; --")
    assert not (tmp_path / "none.pdf").exists() and not (tmp_path / "none.xlsx").exists()


def test_who_may_print_and_export_a_stocktake(ctx, full_shelf, as_user, tmp_path):
    count = stopped_early(ctx)
    auditor = as_user("chen", "auditor")
    assert printing.print_stocktake(auditor, count, tmp_path / "a.pdf").count >= 1
    assert exports.export_stocktake(auditor, tmp_path / "a.xlsx", count).rows == 253
    with pytest.raises(PermissionDenied):
        stocktake.close_stocktake(auditor, stocktake.start_stocktake(ctx, "WH-B").number)
