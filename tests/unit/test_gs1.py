"""GS1 element strings through capture(): symbology prefixes, GS separators, GTIN check, batch and expiry."""

from __future__ import annotations

import datetime as dt

import pytest

from snapp.domain.capture import CasePolicy, GS1Data, Reason, SerialRule, capture, scans

GS = "\x1d"
GTIN = "09506000134352"  # valid GS1 test GTIN-14
OTHER_GTIN = "12345678901231"  # valid, but another item's
RULE = SerialRule(gtin=GTIN)


def one(scan: str, rule: SerialRule = RULE):
    return capture(scans([scan]), rule)


@pytest.mark.parametrize(
    ("scan", "serial", "batch", "expiry"),
    [
        (f"]d201{GTIN}21SN123", "SN123", None, None),  # GS1 DataMatrix
        (f"]C101{GTIN}21SN123", "SN123", None, None),  # GS1-128
        (f"]Q301{GTIN}21SN123", "SN123", None, None),  # GS1 QR
        (f"01{GTIN}21SN123", "SN123", None, None),  # scanner set to send no symbology id
        (f"]d201{GTIN}21SN123{GS}10BATCH1{GS}17251231", "SN123", "BATCH1", dt.date(2025, 12, 31)),
        (f"]d201{GTIN}17260615{GS}10LOT-7{GS}21A1", "A1", "LOT-7", dt.date(2026, 6, 15)),
        (f"]d201{GTIN}1726061510LOT9{GS}21A2", "A2", "LOT9", dt.date(2026, 6, 15)),  # fixed-length (17) needs no GS
        (f"01{GTIN}10B{GS}21SN9", "SN9", "B", None),  # variable batch, then GS, then serial
        (f"]d201{GTIN}21SN123{GS}", "SN123", None, None),  # trailing GS some scanners add
        (f"]d201{GTIN}21S/N-1.(2)", "S/N-1.(2)", None, None),  # CSET 82 punctuation
        (f"]d201{GTIN}21ABCDEFGHIJ0123456789", "ABCDEFGHIJ0123456789", None, None),  # 20 characters, the maximum
    ],
)
def test_gs1_scans_yield_the_serial_batch_and_expiry(scan, serial, batch, expiry):
    result = one(scan)
    assert result.problems == []
    assert result.serials == [serial]
    assert result.gs1[serial] == GS1Data(batch, expiry, scan)


@pytest.mark.parametrize(
    ("yymmdd", "expiry"),
    [
        ("251200", dt.date(2025, 12, 31)),  # day 00: end of month
        ("240200", dt.date(2024, 2, 29)),  # leap year
        ("250200", dt.date(2025, 2, 28)),
        ("250400", dt.date(2025, 4, 30)),
        ("250401", dt.date(2025, 4, 1)),
    ],
)
def test_gs1_expiry_day_00_means_end_of_month(yymmdd, expiry):
    result = one(f"]d201{GTIN}17{yymmdd}10L1{GS}21X1")
    assert result.gs1["X1"].expiry == expiry


def test_gs1_and_plain_scans_mix_in_one_batch():
    result = capture(scans([f"]d201{GTIN}21SN1", "SN2", f"01{GTIN}21SN3{GS}10B3"]), RULE)
    assert result.serials == ["SN1", "SN2", "SN3"]
    assert set(result.gs1) == {"SN1", "SN3"}
    assert result.gs1["SN3"].batch == "B3"


def test_same_unit_scanned_twice_is_a_duplicate():
    scan = f"]d201{GTIN}21SN1{GS}10B1"
    result = capture(scans([scan, "SN1", scan]), RULE)
    assert result.serials == ["SN1"]
    assert [(p.position, p.reason, p.message) for p in result.problems] == [
        ("scan 2", Reason.DUPLICATE, "appears twice in this batch (first at scan 1)"),
        ("scan 3", Reason.DUPLICATE, "appears twice in this batch (first at scan 1)"),
    ]


def test_gs1_serial_follows_the_rule_case_and_length():
    rule = SerialRule(gtin=GTIN, case=CasePolicy.UPPER, min_length=4)
    result = capture(scans([f"]d201{GTIN}21abc1", f"]d201{GTIN}21ab"]), rule)
    assert result.serials == ["ABC1"]
    assert "ABC1" in result.gs1
    assert [(p.position, p.reason) for p in result.problems] == [("scan 2", Reason.TOO_SHORT)]


def test_gs1_serial_follows_the_rule_pattern():
    result = one(f"]d201{GTIN}21XX1", SerialRule(gtin=GTIN, pattern=r"SN\d+"))
    assert [(p.position, p.reason) for p in result.problems] == [("scan 1", Reason.PATTERN)]


@pytest.mark.parametrize(
    ("scan", "words"),
    [
        (f"]d20109506000134353{GS}21SN1", "check digit"),  # GTIN check digit wrong
        (f"]d201{GTIN}10BATCH", "without a serial number (21)"),
        (f"01{GTIN}10BATCH", "without a serial number (21)"),
        (f"]d210BATCH{GS}21SN1", "without a GTIN (01)"),
        (f"{GS}21SN1", "without a GTIN (01)"),
        ("]d2XYZ", "not a readable GS1 code"),
        (f"]d201{GTIN}21SN1{GS}17250231", "not a readable GS1 code"),  # 31 February
        (f"]C101{GTIN}21SN1{GS}10ABCDEFGHIJKLMNOPQRSTU", "longer than 20 characters"),  # batch over 20
    ],
)
def test_gs1_invalid(scan, words):
    result = capture(scans(["SN0", scan]), RULE)
    [problem] = result.problems
    assert (problem.position, problem.value, problem.reason) == ("scan 2", scan, Reason.GS1_INVALID)
    assert words in problem.message
    assert result.serials == ["SN0"]


@pytest.mark.parametrize(
    "scan",
    [f"]d201{OTHER_GTIN}21SN1", f"01{OTHER_GTIN}21SN1{GS}10B", f"]C101{OTHER_GTIN}21SN1"],
)
def test_gtin_must_be_the_items(scan):
    result = capture(scans(["SN0", "SN2", scan]), RULE)
    [problem] = result.problems
    assert (problem.position, problem.value, problem.reason) == ("scan 3", scan, Reason.GTIN_MISMATCH)
    assert problem.message == f"GS1 code for GTIN {OTHER_GTIN}, but this item's GTIN is {GTIN}"


def test_gs1_scan_for_an_item_without_gtin():
    [problem] = one(f"]d201{GTIN}21SN1", SerialRule()).problems
    assert problem.reason == Reason.GTIN_MISMATCH
    assert problem.message == f"GS1 code for GTIN {GTIN}, but this item has no GTIN"


@pytest.mark.parametrize(
    ("scan", "serial"),
    [
        ("]C0ABC123", "ABC123"),  # plain Code 128 with its symbology id
        ("]Q1SN-5", "SN-5"),  # plain QR
        ("]d1SN6", "SN6"),  # plain DataMatrix
        ("]A0SN7", "SN7"),  # Code 39
    ],
)
def test_plain_barcode_with_symbology_prefix_drops_the_prefix(scan, serial):
    result = one(scan)
    assert result.serials == [serial]
    assert result.gs1 == {}


@pytest.mark.parametrize(
    "serial",
    [
        "0112345678901234XX9",  # starts with 01, long, but no AI at position 16
        "01234",
        f"01{GTIN}",  # exactly GTIN length, nothing after
    ],
)
def test_plain_serials_starting_with_01_are_not_taken_for_gs1(serial):
    result = one(serial)
    assert result.serials == [serial]
    assert result.gs1 == {}


@pytest.mark.parametrize(
    ("scan", "serial", "batch", "expiry"),
    [
        (f"(01){GTIN}(10)L7(21)HRI1", "HRI1", "L7", None),  # the text under the barcode, typed
        (f"https://id.gs1.org/01/{GTIN}/21/DL1?10=L8", "DL1", "L8", None),
        ("MA.156.M0.100001.10000011.SMAU1.L9.E230201", "MAU1", "9", dt.date(2023, 2, 1)),
        ("81234560012345678901", "81234560012345678901", None, None),  # drug traceability code: whole
    ],
)
def test_every_code_the_decoder_reads_gives_its_serial(scan, serial, batch, expiry):
    result = one(scan)
    assert (result.serials, result.problems) == ([serial], [])
    if batch or expiry:
        assert (result.gs1[serial].batch, result.gs1[serial].expiry) == (batch, expiry)


@pytest.mark.parametrize(
    ("scan", "reason"),
    [
        (f"https://id.gs1.org/01/{OTHER_GTIN}/21/DL1", Reason.GTIN_MISMATCH),
        (f"(01){GTIN[:-1]}3(21)X1", Reason.GS1_INVALID),
        (f"01{GTIN[:-1]}3" "21X1", Reason.GS1_INVALID),  # not a serial "0109506000134353 21X1"
        ("MA.156.M0.100001.10000011.L1", Reason.GS1_INVALID),  # names a product, not a unit
    ],
)
def test_codes_the_item_cannot_take_are_refused(scan, reason):
    [problem] = one(scan).problems
    assert problem.reason == reason
