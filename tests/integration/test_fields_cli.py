"""Custom fields from the command line and in the register's export, on SQLite and PostgreSQL."""

from __future__ import annotations

import openpyxl
from snapp_testkit import add_plain_item, approved_po, scalar

from snapp.io.tables import read_table

IMEIS = ["356938035643809", "356938035643817", "356938035643825"]


def test_field_commands_receive_with_columns_and_pairs_show_find_set_and_export(db, ctx, company, admin_cli, tmp_path):
    add_plain_item(ctx, "PHONE")
    po = approved_po(ctx, "ACME", ("PHONE", 10)).number
    ran = admin_cli("field", "add", "PHONE", "IMEI", "--required", "--unique", "all", "--pattern", r"\d{15}", "--scanned")
    assert ran.status == 0, ran.err
    assert "PHONE field IMEI: text, required, unique (all), pattern \\d{15}, scanned after the serial" in ran.out
    assert admin_cli("field", "add", "PHONE", "Grade", "--kind", "choice", "--choices", "A,B").status == 0
    listed = admin_cli("field", "list", "PHONE").out
    assert "IMEI" in listed and "A, B" in listed

    # The template has a column per field, headed by its name, and a filled copy is received.
    template = tmp_path / "phones.xlsx"
    assert admin_cli("template", "serials", "--sku", "PHONE", "--out", str(template)).status == 0
    assert read_table(template).rows[0] == ["Serial", "IMEI", "Grade"]
    book = openpyxl.load_workbook(template)
    book.active.append(["PH-1", IMEIS[0], "a"])
    book.save(template)
    assert admin_cli("receive", po, "--sku", "PHONE", "--file", str(template), "--location", "WH-A").status == 0

    ran = admin_cli("receive", po, "--sku", "PHONE", "--paste", "-", "--columns", "IMEI", "--location", "WH-A",
                    stdin=f"PH-2\t{IMEIS[1]}\n")  # fmt: skip
    assert ran.status == 0, ran.err
    # A pair out of order: refused with its scan and reason, exit 2, nothing received.
    ran = admin_cli("receive", po, "--sku", "PHONE", "--pair", IMEIS[2], "--pair", "PH-3", "--location", "WH-A")
    assert ran.status == 2 and "scan 1" in ran.err and "where a serial is expected" in ran.err
    ran = admin_cli("receive", po, "--sku", "PHONE", "--pair", "PH-3", "--pair", IMEIS[2], "--location", "WH-A")
    assert ran.status == 0, ran.err
    assert scalar(db, "SELECT COUNT(*) FROM field_values") == 4

    shown = admin_cli("serial", "show", IMEIS[2]).out
    assert "PH-3  PHONE" in shown and f"IMEI        {IMEIS[2]}" in shown
    assert "PH-2" in admin_cli("field", "find", IMEIS[1]).out
    ran = admin_cli("field", "set", "PH-2", "Grade", "B")
    assert ran.status == 0 and "PH-2 (PHONE) Grade: - -> B" in ran.out
    ran = admin_cli("field", "set", "PH-2", "Grade", "Z")
    assert ran.status == 2 and "Grade of PH-2: is not one of: A, B" in ran.err
    listing = admin_cli("serial", "list", "--field", f"imei={IMEIS[0]}").out
    assert "PH-1" in listing and "PH-2" not in listing

    out = tmp_path / "register.xlsx"
    assert admin_cli("export", "serials", "--out", str(out)).status == 0
    sheet = read_table(out).rows
    imei, grade = sheet[0].index("IMEI"), sheet[0].index("Grade")
    assert sorted((r[0], r[imei], r[grade]) for r in sheet[1:] if r[0].startswith("PH")) == [
        ("PH-1", IMEIS[0], "A"), ("PH-2", IMEIS[1], "B"), ("PH-3", IMEIS[2], "")]
