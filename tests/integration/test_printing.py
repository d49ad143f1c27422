"""Labels and documents printed from the database, read back from the PDF, and audited."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

import pytest
from pdfkit import decoded, flat, metadata, pages, render, text
from snapp_testkit import add_plain_item, approved_po, audit_entries, execute, last_audit_id, snapshot

from snapp.domain.capture import scans, serial_range
from snapp.errors import NotFound, PermissionDenied, ValidationError
from snapp.reports.barcodes import gs1_element_string
from snapp.services import audit, exceptions, lifecycle, receiving, stocktake, verification
from snapp.services.printing import (
    LabelSource,
    print_audit_report,
    print_labels,
    print_po,
    print_receipt,
    print_serial_history,
)


@pytest.fixture
def received(ctx, company, receive_units):
    """Two receipts on the company's PO: LAP00001..LAP00005 and LAP00006..LAP00008."""
    first = receive_units([f"LAP{n:05d}" for n in range(1, 6)])
    second = receive_units([f"LAP{n:05d}" for n in range(6, 9)], location="WH-B")
    return first, second


def code128(path, page: int) -> str:
    [value] = [t for f, t in decoded(render(path, page)) if f == "Code 128"]
    return value


def test_labels_for_a_receipt_decode_and_the_print_is_audited(db, ctx, received, tmp_path):
    first, _ = received
    path = tmp_path / "receipt.pdf"
    before = last_audit_id(db)
    printed = print_labels(ctx, LabelSource(receipt=first.number.lower()), "thermal-50x30", path)
    assert printed.count == 5 and pages(path) == 5
    image = render(path, 0)
    assert decoded(image) == {
        ("Code 128", "LAP00001"),
        ("Data Matrix", gs1_element_string("09506000134352", "LAP00001")),
    }
    assert [code128(path, n) for n in range(5)] == [f"LAP{n:05d}" for n in range(1, 6)]
    assert "ThinkPad 笔记本" in text(path)[0] and first.po in text(path)[0]
    [entry] = audit_entries(db, before)
    assert (entry.action, entry.entity_key, entry.user_name) == ("labels.print", "thermal-50x30", "admin")
    assert entry.after == {"receipt": first.number, "labels": 5, "start": 1}


def test_labels_for_a_po_a_selection_and_a_range(db, ctx, company, received, tmp_path):
    assert print_labels(ctx, LabelSource(po=company.number), "a4-4x10", tmp_path / "po.pdf").count == 8
    path = tmp_path / "picked.pdf"
    # Typed in lower case and full width: the item's case rule and width folding find the units.
    picked = LabelSource(serials=scans(["lap00007", "ＬＡＰ00002"]))
    assert print_labels(ctx, picked, "thermal-40x20", path).count == 2
    assert [code128(path, 0), code128(path, 1)] == ["LAP00007", "LAP00002"]
    path = tmp_path / "range.pdf"
    assert print_labels(ctx, LabelSource(serials=serial_range("LAP00003..LAP00006")), "thermal-100x50", path).count == 4
    assert code128(path, 3) == "LAP00006"


def test_unknown_serials_are_all_named_and_nothing_is_printed(db, ctx, received, tmp_path):
    path = tmp_path / "x.pdf"
    before = snapshot(db)
    with pytest.raises(ValidationError) as refused:
        print_labels(ctx, LabelSource(serials=scans(["LAP00001", "NOPE1", "NOPE2"])), "thermal-50x30", path)
    assert [(p.position, p.value, p.reason) for p in refused.value.problems] == [
        ("scan 2", "NOPE1", "not_found"),
        ("scan 3", "NOPE2", "not_found"),
    ]
    assert not path.exists() and snapshot(db) == before


def test_a_serial_on_two_items_needs_the_sku(db, ctx, company, received, tmp_path):
    add_plain_item(ctx, "DOCK")
    po = approved_po(ctx, "ACME", ("DOCK", 5))
    receiving.receive(ctx, po.number, "DOCK", [scans(["LAP00001"])], location="WH-A")
    with pytest.raises(ValidationError, match="several items have this serial \\(DOCK, LAP\\); give the SKU"):
        print_labels(ctx, LabelSource(serials=scans(["LAP00001"])), "thermal-50x30", tmp_path / "x.pdf")
    path = tmp_path / "dock.pdf"
    print_labels(ctx, LabelSource(serials=scans(["LAP00001"]), sku="DOCK"), "thermal-50x30", path)
    assert "item DOCK" in text(path)[0]


def test_bad_label_requests_give_typed_errors_and_write_nothing(db, ctx, company, received, tmp_path):
    path = tmp_path / "x.pdf"
    before = snapshot(db)
    with pytest.raises(NotFound, match="no goods receipt 'GR-1999-000001'"):
        print_labels(ctx, LabelSource(receipt="GR-1999-000001"), "thermal-50x30", path)
    with pytest.raises(NotFound, match="no purchase order"):
        print_labels(ctx, LabelSource(po="PO-1999-000001"), "thermal-50x30", path)
    with pytest.raises(NotFound, match="no label template 'roll-99'"):
        print_labels(ctx, LabelSource(po=company.number), "roll-99", path)
    with pytest.raises(ValidationError, match="give one source"):
        print_labels(ctx, LabelSource(), "thermal-50x30", path)
    assert not path.exists() and snapshot(db) == before


def test_only_roles_that_receive_print_labels(db, ctx, company, received, as_user, tmp_path):
    with pytest.raises(PermissionDenied):
        print_labels(as_user("chen", "auditor"), LabelSource(po=company.number), "thermal-50x30", tmp_path / "x.pdf")
    assert (
        print_labels(as_user("li.na", "warehouse"), LabelSource(po=company.number), "a4-3x8", tmp_path / "y.pdf").count
        == 8
    )


def test_the_purchase_order_pdf(db, ctx, company, tmp_path):
    path = tmp_path / "po.pdf"
    printed = print_po(ctx, company.number, path)
    [page] = text(path)
    assert printed.count == 1
    assert "深圳市艾克米电子有限公司" in page and "ThinkPad 笔记本" in page and "689,900.00" in page
    assert "Page 1 of 1" in flat(page)
    assert metadata(path)["Title"] == f"Purchase order {company.number}" and metadata(path)["Author"] == "admin"


def test_the_goods_receipt_note_lists_every_serial_over_pages(db, ctx, company, tmp_path):
    po = approved_po(ctx, "ACME", ("LAP", 800))
    record = receiving.receive(ctx, po.number, "LAP", [serial_range("GRN00001..GRN00800")], location="WH-A")
    path = tmp_path / "gr.pdf"
    printed = print_receipt(ctx, record.number, path)
    pages_text = text(path)
    assert printed.count == len(pages_text)
    everything = "\n".join(pages_text)
    assert len(pages_text) > 1 and all(f"GRN{n:05d}" in everything for n in range(1, 801))
    assert "主仓库" in pages_text[0] and record.po in pages_text[0]
    for n, page in enumerate(pages_text, 1):
        assert f"Page {n} of {len(pages_text)}" in flat(page)
    with pytest.raises(NotFound, match="no goods receipt"):
        print_receipt(ctx, "GR-0000-000000", tmp_path / "none.pdf")


def test_the_serial_history_sheet_uses_the_lookup_card(db, ctx, received, tmp_path):
    lifecycle.move(ctx, "issue", ["LAP00002"], ref="WO-42", note="送往生产线")
    lifecycle.move(ctx, "repair", ["LAP00002"], ref="RMA-7")
    path = tmp_path / "serial.pdf"
    print_serial_history(ctx, "lap00002", path)
    [page] = text(path)
    for expected in ("LAP00002", "深圳市艾克米电子有限公司", "WO-42", "RMA-7", "送往生产线", "In repair", "days left"):
        assert expected in page
    assert "in_repair" not in page and "send to repair" in " ".join(page.split())  # names, not the stored codes
    assert metadata(path)["Title"] == "Serial history LAP00002"
    # A reader of Chinese gets the statuses and moves in Chinese.
    print_serial_history(replace(ctx, lang="zh"), "lap00002", path)
    [page] = text(path)
    assert "维修中" in page and "送修" in page and "In repair" not in page
    with pytest.raises(NotFound):
        print_serial_history(ctx, "NOPE", tmp_path / "none.pdf")


def test_the_monthly_audit_report(db, ctx, company, received, as_user, tmp_path):
    lifecycle.move(ctx, "issue", ["LAP00001", "LAP00002"])
    lifecycle.move(ctx, "ship", ["LAP00003"])
    lifecycle.move(ctx, "scrap", ["LAP00004"])
    lifecycle.move(ctx, "repair", ["LAP00005"])
    lifecycle.move(ctx, "return", ["LAP00005"])
    # Every move happened in March 2026, except the last receipt, moved into February. (Moving the audit entries
    # too would break their hash chain: the report would rightly say so.)
    execute(db, "UPDATE serial_events SET at = :at", at=dt.datetime(2026, 3, 14, 9, 30))
    execute(
        db,
        "UPDATE serial_events SET at = :at WHERE serial_id IN (SELECT id FROM serials WHERE serial >= 'LAP00006')",
        at=dt.datetime(2026, 2, 27, 16, 0),
    )
    path = tmp_path / "audit.pdf"
    auditor = as_user("chen.jing", "auditor")
    printed = print_audit_report(auditor, "2026-03", path, company="深圳示例科技有限公司")
    pages_text = text(path)
    first = pages_text[0]
    assert "Monthly audit report 2026-03" in first and "深圳示例科技有限公司" in first
    assert "2026-03-01 to 2026-03-31" in first
    figures = dict(
        re.findall(
            r"^(Received|Issued|Shipped|Sent to repair|Returned to supplier|Scrapped|All serial events) .*?\s([\d,]+)$",
            "\n".join(line.strip() for line in first.splitlines()),
            re.M,
        )
    )
    assert figures == {
        "Received": "5",
        "Issued": "2",
        "Shipped": "1",
        "Sent to repair": "1",
        "Returned to supplier": "1",
        "Scrapped": "1",
        "All serial events": "11",
    }
    everything = "\n".join(pages_text)
    assert "Activity per user" in everything and "LAP00005" in everything and "LAP00006" not in everything
    for n, page in enumerate(pages_text, 1):
        assert f"Page {n} of {printed.count}" in flat(page)
        assert "Generated by chen.jing at" in page
    assert metadata(path)["Title"] == "Audit report 2026-03" and metadata(path)["Author"] == "chen.jing"


def field(page: str, label: str) -> str:
    """The value printed beside ``label`` (a field of one line)."""
    [value] = re.findall(rf"^{re.escape(label)}\s+(.+?)\s*$", page, re.MULTILINE)
    return value


def test_the_audit_report_carries_the_trail_check_alerts_exceptions_and_accuracy(
    db, ctx, company, received, as_user, tmp_path
):
    month = f"{dt.datetime.now(dt.UTC):%Y-%m}"
    [case] = verification.verify(ctx, ["NOSUCH01"])  # opens an exception
    verification.verify(ctx, ["NOSUCH02"])
    exceptions.resolve_exception(ctx, case.exception_id, "a demo unit, not ours")
    count = stocktake.start_stocktake(ctx, "WH-A")
    stocktake.scan(ctx, count.number, [scans(["LAP00001", "LAP00002", "LAP00003", "LAP00004"])])  # LAP00005 missing
    stocktake.close_stocktake(ctx, count.number)
    warehouse = as_user("li.na", "warehouse")
    for _ in range(5):
        with pytest.raises(PermissionDenied):
            print_audit_report(warehouse, month, tmp_path / "refused.pdf")
    chain = audit.verify_chain(ctx)
    assert chain.ok

    path = tmp_path / "audit.pdf"
    print_audit_report(ctx, month, path)
    pages_text = text(path)
    first, everything = pages_text[0], "\n".join(pages_text)
    assert field(first, "Trail check 完整性校验") == f"intact: {chain.entries:,} entries chained"
    assert field(first, "Head hash 链头哈希") == chain.head_hash
    assert audit.verify_chain(ctx, chain.head_hash).ok  # the printed head is still in the trail after the report
    assert "5 refused actions as li.na between" in first
    assert field(first, "Serial accuracy 序列号准确率").startswith("80.0% (4 of 5 counted units as the books say; 1 stocktake)")
    kinds = re.findall(r"^(Failed verification|Stocktake discrepancy)\s+(\d+)\s+(\d+)\s*$", everything, re.MULTILINE)
    assert kinds == [("Stocktake discrepancy", "1", "1"), ("Failed verification", "2", "1")]
    assert "Exceptions still open 未处理异常明细 (2)" in everything and "NOSUCH02" in everything
    assert "NOSUCH01" not in everything.split("Exceptions still open")[1].split("Every serial event")[0]
    [entry] = [e for e in audit_entries(db) if e.action == "report.audit"]
    assert (entry.after["trail_ok"], entry.after["head_hash"]) == (True, chain.head_hash)
    # Read in Chinese, the kinds, the alerts and the trail's verdict are Chinese too.
    print_audit_report(replace(ctx, lang="zh"), month, tmp_path / "audit-zh.pdf")
    chinese = "\n".join(text(tmp_path / "audit-zh.pdf"))
    assert "盘点差异" in chinese and "验证未通过" in chinese and "li.na 被拒绝的操作 5 次" in chinese
    assert "Stocktake discrepancy" not in chinese and "refused actions" not in chinese


def test_a_tampered_trail_is_named_in_the_report(db, ctx, company, received, tmp_path):
    execute(db, "UPDATE audit_entries SET user_name = 'somebody.else' WHERE seq = 3")
    path = tmp_path / "audit.pdf"
    print_audit_report(ctx, f"{dt.datetime.now(dt.UTC):%Y-%m}", path)
    first = flat(text(path)[0])
    bad = audit.verify_chain(ctx).first_bad
    assert bad is not None and bad.seq == 3
    assert f"BROKEN: entry #3 (id {bad.entry_id}, " in first and "no longer matches its hash: it was edited" in first


def test_the_audit_report_needs_the_reports_permission_and_a_month(db, ctx, as_user, tmp_path):
    with pytest.raises(PermissionDenied):
        print_audit_report(as_user("li.na", "warehouse"), "2026-03", tmp_path / "x.pdf")
    with pytest.raises(ValidationError, match="YYYY-MM"):
        print_audit_report(ctx, "March", tmp_path / "x.pdf")


def test_the_command_line(admin_cli, company, received, tmp_path):
    first, _ = received
    status, out_text, _ = admin_cli("labels", "templates")
    assert status == 0 and "thermal-40x20" in out_text
    out = tmp_path / "cli.pdf"
    status, out_text, _ = admin_cli("labels", "--receipt", first.number, "--template", "a4-3x8", "--out", str(out),
                                    "--start", "4")  # fmt: skip
    assert status == 0 and "5 label(s)" in out_text
    status, _, err = admin_cli("labels", "--serial", "LAP00001", "NOPE", "--template", "a4-3x8", "--out", str(out))
    assert status == 2 and "NOPE" in err
    status, _, err = admin_cli("labels", "--receipt", "GR-X", "--template", "a4-3x8", "--out", str(out))
    assert status == 2 and "no goods receipt" in err
    picked = tmp_path / "picked.csv"
    picked.write_text("Serial\nLAP00008\nLAP00003\n", encoding="utf-8")
    assert admin_cli("labels", "--file", str(picked), "--template", "thermal-50x30", "--out", str(out)).status == 0
    assert [code128(out, 0), code128(out, 1)] == ["LAP00008", "LAP00003"]
    assert admin_cli("labels", "--sample", "--template", "thermal-60x40", "--out", str(out)).status == 0
    assert ("QR Code", "SN2026000000000001") in decoded(render(out, 0))
    for args in (
        ["po", company.number],
        ["receipt", first.number],
        ["serial", "LAP00001"],
        ["audit", "--month", "2026-11"],
    ):
        status, out_text, _ = admin_cli("document", *args, "--out", str(tmp_path / "doc.pdf"))
        assert status == 0 and "page(s)" in out_text, args
    assert admin_cli("report", "po", company.number, "--out", str(tmp_path / "old.pdf")).status == 0  # the old name still runs
