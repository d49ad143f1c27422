"""`snapp po create/edit/amend/show` with terms, totals and amendments; `snapp document po --lang`."""

from __future__ import annotations

import json
from decimal import Decimal

from pdfkit import flat, text

from snapp.services import masterdata, purchasing


def test_a_po_is_created_edited_approved_amended_and_printed_from_the_command_line(db, ctx, company, admin_cli,
                                                                                  receive_units, tmp_path):  # fmt: skip
    masterdata.add_item(ctx, masterdata.ItemRecord("MOUSE", "无线鼠标"))
    ran = admin_cli("po", "create", "--supplier", "ACME", "--line", "LAP:2:6899", "--line", "MOUSE:10:49.9",
                    "--currency", "cny", "--tax-rate", "13%", "--delivery", "2026-12-24", "--supplier-ref", "SO-88")  # fmt: skip
    assert ran.status == 0, ran.err
    number = ran.out.strip()
    ran = admin_cli("po", "edit", number, "--line", "1=LAP:3:6899", "--line", "2=MOUSE:10:49.9", "--note", "dock 2")
    assert ran.status == 0, ran.err
    assert "6,899.00" in ran.out and "20,697.00" in ran.out  # 3 × 6,899
    assert "total CNY 23,951.48" in ran.out  # (20,697 + 499) × 1.13
    assert admin_cli("po", "approve", number).status == 0
    refused = admin_cli("po", "edit", number, "--note", "late")
    assert refused.status == 2 and "cannot edit it (allowed: amend, cancel, close)" in refused.err
    receive_units([f"LAPCLI{n:03d}" for n in range(2)], po=number)
    refused = admin_cli("po", "amend", number, "--line", "2=MOUSE:10:49.9", "--reason", "no laptops")
    assert refused.status == 2 and "line 1 (LAP) has 2 received and cannot be removed" in refused.err
    ran = admin_cli("--json", "po", "amend", number, "--line", "1=LAP:2:6899", "--line", "2=MOUSE:10:49.9",
                    "--reason", "one laptop fewer")  # fmt: skip
    assert ran.status == 0, ran.err
    shown = json.loads(ran.out)
    assert (shown["status"], shown["gross"], shown["amendments"][0]["reason"]) == (
        "partially_received", "16155.61", "one laptop fewer")  # fmt: skip
    assert purchasing.get_po(ctx, number).gross == Decimal("16155.61")
    out = tmp_path / "po.pdf"
    assert admin_cli("document", "po", number, "--lang", "zh", "--out", str(out)).status == 0
    assert "人民币壹万陆仟壹佰伍拾伍元陆角壹分" in flat(text(out)[0])


def test_bad_terms_on_the_command_line_are_named(db, ctx, company, admin_cli):
    ran = admin_cli("po", "create", "--supplier", "ACME", "--line", "LAP:1", "--tax-rate", "thirteen")
    assert ran.status == 2 and "tax rate thirteen must be a percentage from 0 to 100" in ran.err
    ran = admin_cli("po", "create", "--supplier", "ACME", "--line", "LAP:1", "--delivery", "24/12/2026")
    assert ran.status == 2 and "'24/12/2026' is not a date (write YYYY-MM-DD, or +N" in ran.err
    ran = admin_cli("po", "amend", company.number, "--note", "x", "--reason", "")
    assert ran.status == 2 and "an amendment needs a reason" in ran.err
