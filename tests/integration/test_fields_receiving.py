"""Custom fields captured at receipt, on SQLite and PostgreSQL: from a file's column, a paste of two columns,
scan pairs and an API-shaped body; all or nothing, each refusal naming its cell, serial, field and reason."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from snapp_testkit import add_plain_item, approved_po, audit_entries, last_audit_id, rows, scalar, snapshot

from snapp.app.sources import serial_sources
from snapp.domain.capture import scans
from snapp.domain.fields import FieldDef, field_source, paste_columns, scan_pairs
from snapp.errors import ValidationError
from snapp.services import fields, lookup, receiving

IMEI = FieldDef("IMEI", required=True, unique="all", pattern=r"\d{15}", scanned=True)
IMEIS = [f"35693803564{n:04d}" for n in range(1, 20)]


@pytest.fixture
def po(ctx, company):
    add_plain_item(ctx, "PHONE", serial_pattern=r"SN\d{6}", serial_min_length=8, serial_max_length=8)
    fields.define_field(ctx, "PHONE", IMEI)
    fields.define_field(ctx, "PHONE", FieldDef("Grade", kind="choice", choices=("A", "B")))
    fields.define_field(ctx, "PHONE", FieldDef("Made", kind="date"))
    fields.define_field(ctx, "PHONE", FieldDef("Weight", kind="number"))
    return approved_po(ctx, "ACME", ("PHONE", 50)).number


def workbook(path, rows_: list[list]):
    book = openpyxl.Workbook()
    for row in rows_:
        book.active.append(row)
    book.save(path)
    return str(path)


def refused(call, *args, **kwargs) -> list[tuple[str, str, str]]:
    with pytest.raises(ValidationError) as caught:
        call(*args, **kwargs)
    return [(str(p.position), p.value, str(p.reason)) for p in caught.value.problems]


def stored(db) -> list[tuple[str, str, str]]:
    return rows(db, "SELECT s.serial, d.name, v.value FROM field_values v JOIN serials s ON s.id = v.serial_id "
                    "JOIN field_defs d ON d.id = v.field_id ORDER BY s.serial, d.position")


def test_a_file_with_an_imei_column_receives_each_unit_with_its_values(db, ctx, po, tmp_path):
    # IMEI first: the serial column is still the one headed Serial.
    path = workbook(tmp_path / "delivery.xlsx", [
        ["IMEI", "Serial", "grade", "Made", "Weight", "Note"],
        [int(IMEIS[0]), "SN000001", "a", dt.datetime(2026, 3, 1), 1.5, "anything"],
        [IMEIS[1], "SN000002", None, "2026-03-02", "2", None],
    ])
    receipt = receiving.receive(ctx, po, "PHONE", serial_sources(files=[path]), location="WH-A")
    assert receipt.quantity == 2
    assert stored(db) == [
        ("SN000001", "IMEI", IMEIS[0]), ("SN000001", "Grade", "A"), ("SN000001", "Made", "2026-03-01"),
        ("SN000001", "Weight", "1.5"), ("SN000002", "IMEI", IMEIS[1]), ("SN000002", "Made", "2026-03-02"),
        ("SN000002", "Weight", "2"),
    ]
    [card] = lookup.find_serial(ctx, IMEIS[1])
    assert card.serial == "SN000002" and card.fields[0] == ("IMEI", IMEIS[1])


def test_a_file_is_refused_whole_naming_each_bad_cell(db, ctx, po, company, tmp_path, receive_units):
    before_phone = receiving.receive(ctx, po, "PHONE", [field_source(["SN000009"], {"SN000009": {"IMEI": IMEIS[9]}})],
                                     location="WH-A")  # fmt: skip
    assert before_phone.quantity == 1
    path = workbook(tmp_path / "bad.xlsx", [
        ["Serial", "IMEI", "Grade", "Made", "Weight"],
        ["SN000001", IMEIS[0], "A", None, None],
        ["SN000002", IMEIS[0], "C", "03/01/2026", "heavy"],  # the IMEI twice in the delivery; a bad choice, date, number
        ["SN000003", None, None, None, None],  # required, left empty
        ["SN000004", IMEIS[9], None, None, None],  # on SN000009 already
        ["SN000005", "12345", None, None, None],  # not an IMEI
    ])
    before = snapshot(db)
    problems = refused(receiving.receive, ctx, po, "PHONE", serial_sources(files=[path]), location="WH-A")
    assert problems == [
        ("cell B3", IMEIS[0], "field_duplicate"),
        ("cell B4", "", "field_required"),
        ("cell B6", "12345", "field_value"),
        ("cell C3", "C", "field_value"),
        ("cell D3", "03/01/2026", "field_value"),
        ("cell E3", "heavy", "field_value"),
        ("cell B5", IMEIS[9], "field_taken"),
    ]
    assert snapshot(db) == before and scalar(db, "SELECT COUNT(*) FROM field_values") == 1
    with pytest.raises(ValidationError) as caught:
        receiving.receive(ctx, po, "PHONE", serial_sources(files=[path]), location="WH-A")
    said = caught.value.say("en")
    assert "IMEI of SN000004: is already on unit SN000009 of PHONE" in said
    assert "IMEI of SN000002: appears twice in this delivery (first at cell B2, for SN000001)" in said
    assert "SN000004" in caught.value.say("zh") and "已属于 PHONE 的物品 SN000009" in caught.value.say("zh")


def test_a_file_without_the_required_column_is_one_refusal(db, ctx, po, tmp_path):
    path = workbook(tmp_path / "no-imei.xlsx", [["Serial"], ["SN000001"], ["SN000002"]])
    assert refused(receiving.receive, ctx, po, "PHONE", serial_sources(files=[path]), location="WH-A") == [
        ("batch", "", "field_missing")]
    assert scalar(db, "SELECT COUNT(*) FROM serials") == 0


def test_an_imei_stored_meanwhile_fails_the_insert_and_is_reported_by_its_unit(db, ctx, po, company):
    """No look first on a clean receipt: the unique index refuses, and the clash is then named."""
    receiving.receive(ctx, po, "PHONE", [paste_columns(f"SN000001\t{IMEIS[0]}", ["IMEI"])], location="WH-A")
    problems = refused(receiving.receive, ctx, po, "PHONE", [paste_columns(f"SN000002\t{IMEIS[0]}", ["IMEI"])],
                       location="WH-A")  # fmt: skip
    assert problems == [("line 1, item 2", IMEIS[0], "field_taken")]
    assert scalar(db, "SELECT COUNT(*) FROM serials") == 1


def test_a_paste_of_two_columns_and_scan_pairs_receive_alike(db, ctx, po):
    pasted = paste_columns(f"SN000001\t{IMEIS[0]}\nSN000002\t{IMEIS[1]}\n", ["IMEI"])
    paired = scan_pairs(["SN000003", IMEIS[2], "SN000004", IMEIS[3]], [IMEI])
    mark = last_audit_id(db)
    receipt = receiving.receive(ctx, po, "PHONE", [pasted, paired], location="WH-A")
    assert [(s, v) for s, _, v in stored(db)] == [(f"SN00000{n}", IMEIS[n - 1]) for n in range(1, 5)]
    [entry] = [e for e in audit_entries(db, mark) if e.action == "receipt.post"]
    assert (entry.entity_key, entry.after["field_values"]) == (receipt.number, 4)


def test_a_scan_pair_out_of_order_refuses_the_receipt_by_its_scan(db, ctx, po):
    with pytest.raises(ValidationError) as caught:
        scan_pairs(["SN000001", IMEIS[0], IMEIS[1], "SN000002"], [IMEI])
    assert [(str(p.position), str(p.reason)) for p in caught.value.problems] == [("scan 3", "pair_order")]
    # Duplicated across the pairs of one delivery: refused at receipt, by the IMEI's scan.
    paired = scan_pairs(["SN000001", IMEIS[0], "SN000002", IMEIS[0]], [IMEI])
    assert refused(receiving.receive, ctx, po, "PHONE", [paired], location="WH-A") == [
        ("scan 4", IMEIS[0], "field_duplicate")]
    assert scalar(db, "SELECT COUNT(*) FROM serials") == 0


def test_plain_scans_for_an_item_with_a_required_field_are_refused_and_an_unknown_field_too(db, ctx, po, company):
    assert [r for _, _, r in refused(receiving.receive, ctx, po, "PHONE", [scans(["SN000001"])], location="WH-A")] == [
        "field_missing"]
    # The laptop has no fields: a named one is a mistake, said as such.
    source = field_source(["LAP00001"], {"LAP00001": {"IMEI": IMEIS[0]}})
    assert refused(receiving.receive, ctx, company.number, "LAP", [source], location="WH-A") == [
        ("batch", "IMEI", "field")]
