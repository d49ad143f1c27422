"""snapp.domain.scan: what SNApp reads from a scan, under each scanner setting."""

from __future__ import annotations

import datetime as dt

import pytest

from snapp.domain.capture import SerialRule, capture, scans
from snapp.domain.scan import (
    CAPS_LOCK_WARNING,
    GS,
    Fault,
    Kind,
    ScannerProfile,
    as_typed,
    case_flipped,
    characters,
    decode,
    is_plain,
)

GTIN = "09506000134352"  # GS1's example GTIN (GS1 Digital Link standard)
GTIN_GENSPECS = "09501101530003"  # GS1 DataMatrix Guideline example (01)09501101530003(17)140704(10)AB-123
GTIN_029 = "09502900000018"  # valid, and contains the digits 029


def read(raw: str, **profile):
    return decode(raw, ScannerProfile(**profile))


# --- plain serials --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "profile", "serial"),
    [
        ("SN-0001\r", {}, "SN-0001"),
        ("SN-0001\t", {"suffix": "\t"}, "SN-0001"),
        ("SN-0001", {"suffix": ""}, "SN-0001"),
        ("  ＳＮ-０００１\u200b ", {}, "SN-0001"),  # typed with a Chinese IME, pasted with a zero-width space
        ("]C0ABC-77", {"prefix": True}, "ABC-77"),  # a plain Code 128, read with its symbology identifier
        ("]A0PART42", {"prefix": True}, "PART42"),  # Code 39
        ("0109506000134353" + "ABC", {}, "0109506000134353" + "ABC"),  # no AI after the GTIN: not GS1, a serial
        ("1234567890123456789", {}, "1234567890123456789"),  # 19 digits: no drug code
    ],
)
def test_plain_serials(raw, profile, serial):
    reading = read(raw, **profile)
    assert (reading.kind, reading.serial, reading.fault, reading.gtin) == (Kind.SERIAL, serial, None, None)
    assert reading.raw == raw


@pytest.mark.parametrize(
    ("raw", "fault", "words"),
    [
        ("", Fault.EMPTY, "empty"),
        ("\r", Fault.EMPTY, "empty"),
        ("SN 0001", Fault.BAD_CHARACTERS, "space"),
        ("SN#0001", Fault.BAD_CHARACTERS, "'#' (U+0023)"),
        ("序列号1", Fault.BAD_CHARACTERS, "'序'"),
        ("A" * 65, Fault.WRONG_LENGTH, "65 characters; a serial has at most 64"),
    ],
)
def test_unreadable_plain_scans(raw, fault, words):
    reading = read(raw)
    assert not reading.ok
    assert reading.fault == fault
    assert words in reading.message
    assert reading.serial is None


# --- GS1 element strings ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "profile", "serial", "batch", "expiry"),
    [
        (f"]d201{GTIN}21SN123\r", {"prefix": True}, "SN123", None, None),  # GS1 DataMatrix
        (f"]C101{GTIN}21SN123\r", {"prefix": True}, "SN123", None, None),  # GS1-128
        (f"]Q301{GTIN}21SN123\r", {"prefix": True}, "SN123", None, None),  # GS1 QR
        (f"01{GTIN}21SN123\r", {}, "SN123", None, None),  # no symbology identifier
        (f"01{GTIN}10AB-123{GS}21SN9\r", {}, "SN9", "AB-123", None),  # batch ended by GS
        (f"]d201{GTIN_GENSPECS}17140704{GS}10AB-123{GS}21S1", {}, "S1", "AB-123", dt.date(2014, 7, 4)),
        (f"]d201{GTIN_GENSPECS}1714070410AB-123{GS}21S1", {}, "S1", "AB-123", dt.date(2014, 7, 4)),  # (17) is fixed: no GS
        (f"]d201{GTIN}17251200{GS}21X{GS}", {}, "X", None, dt.date(2025, 12, 31)),  # day 00, trailing GS
        (f"]d201{GTIN}10AB0292122{GS}21X", {}, "X", "AB0292122", None),  # "029" is data when GS is ASCII 29
        # Scanners that send a stand-in for GS:
        (f"]d201{GTIN}10LOT7029" "21SN5", {"gs": "029"}, "SN5", "LOT7", None),
        (f"]d201{GTIN}10LOT7^]21SN5", {"gs": "^]"}, "SN5", "LOT7", None),
        (f"]d201{GTIN}10LOT7<GS>21SN5", {"gs": "<GS>"}, "SN5", "LOT7", None),
        (f"01{GTIN_029}10L{'029'}21SN5", {"gs": "029"}, "SN5", "L", None),  # the GTIN's own 029 stays
    ],
)
def test_gs1_element_strings(raw, profile, serial, batch, expiry):
    reading = read(raw, **profile)
    assert reading.fault is None, reading.message
    assert reading.kind == Kind.GS1
    assert (reading.serial, reading.batch, reading.expiry) == (serial, batch, expiry)
    assert reading.gtin in (GTIN, GTIN_GENSPECS, GTIN_029)
    assert f"serial {serial}" in reading.message


@pytest.mark.parametrize(
    ("raw", "serial", "batch", "expiry"),
    [
        (f"(01){GTIN}(21)PF00000010", "PF00000010", None, None),  # the text printed under the barcode
        (f"(01){GTIN}(10)AB-123(17)261231(21)X1\r", "X1", "AB-123", dt.date(2026, 12, 31)),
    ],
)
def test_gs1_text_in_parentheses(raw, serial, batch, expiry):
    reading = read(raw)
    assert (reading.kind, reading.gtin, reading.serial, reading.batch, reading.expiry) == (
        Kind.GS1, GTIN, serial, batch, expiry,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("raw", "fault"),
    [
        (f"(01){GTIN[:-1]}3(21)PF1", Fault.BAD_CHECK_DIGIT),
        (f"(01){GTIN}(21)PF 1", Fault.BAD_CHARACTERS),  # biip alone would drop the space and read PF1
        (f"(01){GTIN}(10)B1", Fault.NO_SERIAL),
        ("0109506000134353" "21PF1", Fault.BAD_CHECK_DIGIT),  # no symbology, no GS: still GS1, and malformed
    ],
)
def test_malformed_gs1_text_and_wrong_check_digits_are_not_serials(raw, fault):
    reading = read(raw)
    assert (reading.kind, reading.fault, reading.serial) == (Kind.GS1, fault, None)


@pytest.mark.parametrize(
    "text",
    ["]d2X", "(01)1", "https://x", "HTTP://X", "MA.1", "ma.1", f"01{GTIN}21X", f"X{GS}Y"],
)
def test_what_may_be_a_code_is_not_plain(text):
    assert not is_plain(text)


@pytest.mark.parametrize("text", ["SN-0001", "01234", f"01{GTIN}", "81234560012345678901", "X(1)"])
def test_plain_text_reads_as_decode_reads_it(text):
    assert is_plain(text)
    assert read(text).serial == text


@pytest.mark.parametrize("text", ["MA.7", "MA.A1-2", "(A)1", "(1)2"])
def test_serials_that_only_start_like_a_code_are_plain_serials(text):
    assert (read(text).kind, read(text).serial) == (Kind.SERIAL, text)


def test_messages_say_themselves_in_chinese():
    assert read(f"]d201{GTIN}21SN1{GS}10B1").message.say("zh") == f"GTIN {GTIN}，序列号 SN1，批号 B1"
    assert "缺少序列号" in read(f"]d201{GTIN}").message.say("zh")


def test_symbology_identifier_is_kept():
    assert read(f"]d201{GTIN}21A").symbology == "]d2"
    assert read(f"01{GTIN}21A").symbology is None


@pytest.mark.parametrize(
    ("raw", "fault", "words"),
    [
        (f"]d201{GTIN[:-1]}3" "21SN1", Fault.BAD_CHECK_DIGIT, "Expected 2, got 3"),
        (f"]C101{GTIN[:-1]}9" "10B" + GS + "21SN1", Fault.BAD_CHECK_DIGIT, "Expected 2, got 9"),
        (f"]d201{GTIN}21SN 1", Fault.BAD_CHARACTERS, "space"),
        (f"]d201{GTIN}21SN#1", Fault.BAD_CHARACTERS, "'#'"),
        (f"]d201{GTIN}21{'A' * 21}", Fault.WRONG_LENGTH, "longer than 20 characters"),
        (f"]d201{GTIN}10{'B' * 21}{GS}21X", Fault.WRONG_LENGTH, "longer than 20 characters"),
        ("]d2010950600013435", Fault.WRONG_LENGTH, "14 digits"),
        (f"]d201{GTIN}", Fault.NO_SERIAL, "names a product, not a unit"),
        (f"]d201{GTIN}17261231{GS}10B1", Fault.NO_SERIAL, "without a serial number (21)"),
        (f"]d201{GTIN}17261399{GS}21X", Fault.UNREADABLE, "(17)"),  # month 13
    ],
)
def test_malformed_gs1(raw, fault, words):
    reading = read(raw)
    assert reading.fault == fault, reading.message
    assert words in reading.message
    assert reading.serial is None


@pytest.mark.parametrize(("raw", "gtin"), [("]E09506000134352", GTIN), ("]E496385074", "00000096385074")])
def test_a_product_barcode_names_no_unit(raw, gtin):
    reading = read(raw)
    assert (reading.fault, reading.gtin) == (Fault.NO_SERIAL, gtin)
    assert "scan the serial label" in reading.message


def test_a_product_barcode_with_a_bad_check_digit():
    assert read("]E09506000134353").fault == Fault.BAD_CHECK_DIGIT


def test_dropped_gs_after_a_batch_is_ambiguous():
    """The batch (10) is variable-length: without GS it swallows the serial, and no rule can tell where it ends."""
    reading = read(f"01{GTIN}10ABC21SN1", gs="")
    assert reading.fault == Fault.AMBIGUOUS_SPLIT
    assert reading.alternatives == ("SN1",)
    assert "GS separator is missing" in reading.message and "'SN1'" in reading.message


def test_dropped_gs_after_a_serial_gives_a_warning_and_the_other_reading():
    reading = read(f"]d201{GTIN}21SN10X", gs="")
    assert (reading.fault, reading.serial, reading.alternatives) == (None, "SN10X", ("SN",))
    assert any("may be 'SN'" in w for w in reading.warnings)


def test_a_gs_in_the_scan_means_no_ambiguity():
    reading = read(f"]d201{GTIN}21SN10X{GS}")
    assert (reading.serial, reading.alternatives, reading.warnings) == ("SN10X", (), ())


def test_missing_symbology_identifier_is_noticed():
    reading = read(f"01{GTIN}21SN1", prefix=True)
    assert reading.ok
    assert any("no symbology identifier" in w for w in reading.warnings)
    assert read(f"]d201{GTIN}21SN1", prefix=True).warnings == ()


# --- GS1 Digital Link ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "serial", "batch", "expiry"),
    [
        ("https://id.gs1.org/01/09506000134352/21/SN123", "SN123", None, None),
        ("https://id.gs1.org/01/09506000134352/10/ABC/21/SN123", "SN123", "ABC", None),
        ("https://example.com/01/9506000134352/10/ABC1/21/X1?17=261231", "X1", "ABC1", dt.date(2026, 12, 31)),
        ("http://brand.example.cn/p/01/09506000134352/21/12345", "12345", None, None),
        ("https://id.gs1.org/01/09506000134352/21/A%2FB", "A/B", None, None),  # percent-encoded
    ],
)
def test_digital_link(raw, serial, batch, expiry):
    reading = read(raw)
    assert reading.fault is None, reading.message
    assert (reading.kind, reading.gtin, reading.serial, reading.batch, reading.expiry) == (
        Kind.DIGITAL_LINK, GTIN, serial, batch, expiry,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("raw", "fault", "words"),
    [
        ("https://id.gs1.org/01/09506000134353/21/SN123", Fault.BAD_CHECK_DIGIT, "Expected 2, got 3"),
        ("https://id.gs1.org/01/0950600013435/21/SN123", Fault.BAD_CHECK_DIGIT, "check digit"),
        ("https://id.gs1.org/01/095060001343522/21/SN1", Fault.WRONG_LENGTH, "15 digits"),
        ("https://id.gs1.org/01/09506000134352/21/SN%20123", Fault.BAD_CHARACTERS, "pattern"),
        ("https://id.gs1.org/01/09506000134352", Fault.NO_SERIAL, "not a unit"),
        ("https://www.example.com/products/42", Fault.UNREADABLE, "not a readable GS1 Digital Link"),
    ],
)
def test_malformed_digital_link(raw, fault, words):
    reading = read(raw)
    assert reading.kind == Kind.DIGITAL_LINK
    assert reading.fault == fault, reading.message
    assert words in reading.message


# --- China: drug traceability code, MA UDI ---------------------------------------------------------


def test_drug_traceability_code_is_a_whole_serial():
    reading = read("81234560012345678901\r")
    assert (reading.kind, reading.serial, reading.product_code, reading.fault) == (
        Kind.DRUG_CODE, "81234560012345678901", "8123456", None,
    )  # fmt: skip


def test_ma_udi():
    raw = "MA.156.M0.100001.10000011.S2102001.L210201.E230201"
    reading = read(raw)
    assert reading.fault is None
    assert (reading.kind, reading.serial, reading.batch, reading.expiry, reading.product_code) == (
        Kind.MA_UDI, "2102001", "210201", dt.date(2023, 2, 1), "MA.156.M0.100001.10000011",
    )  # fmt: skip
    assert reading.raw == raw


@pytest.mark.parametrize(
    ("raw", "fault"),
    [
        ("MA.156.M0.100001.10000011.L210201", Fault.NO_SERIAL),
        ("MA.156.M0.100001.1000001.S1", Fault.WRONG_LENGTH),
        ("MA.156.M0.1001.10000011.S1", Fault.UNREADABLE),
        ("MA.156.M0.100001.10000011.Q7", Fault.UNREADABLE),
        ("MA.156.M0.100001.10000011.SA B", Fault.BAD_CHARACTERS),
    ],
)
def test_malformed_ma_udi(raw, fault):
    reading = read(raw)
    assert (reading.kind, reading.fault) == (Kind.MA_UDI, fault)


# --- Caps Lock --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "serial"),
    [
        (f"]D201{GTIN}21sn123", "SN123"),
        (f"]c101{GTIN}21aBc", "AbC"),
        (f"]q301{GTIN}21x-1", "X-1"),
        ("HTTPS://ID.GS1.ORG/01/09506000134352/21/sn123", "SN123"),
        ("ma.156.m0.100001.10000011.s2102001a", "2102001A"),
    ],
)
def test_caps_lock_is_recognised_by_parts_of_known_case(raw, serial):
    reading = read(raw)
    assert reading.ok, reading.message
    assert reading.caps_lock
    assert reading.serial == serial
    assert CAPS_LOCK_WARNING in reading.warnings


@pytest.mark.parametrize("raw", ["sn123", "SN123", f"]d201{GTIN}21sn123", f"01{GTIN}21Ab"])
def test_no_caps_lock_without_a_known_form(raw):
    reading = read(raw)
    assert not reading.caps_lock
    assert reading.warnings == ()


def test_case_flipped():
    assert case_flipped("sN-12aB", "Sn-12Ab")
    assert not case_flipped("SN-12", "SN-12")
    assert not case_flipped("123", "123")  # no letters: nothing to tell
    assert not case_flipped("sn-12AB", "Sn-12Ab")  # only some letters differ


# --- the scanner test box ------------------------------------------------------------------------------


def test_characters_show_what_arrived():
    assert characters("]d2A\x1dB\r\t ") == [
        ("]", "U+005D"), ("d", "U+0064"), ("2", "U+0032"), ("A", "U+0041"), ("<GS>", "U+001D"), ("B", "U+0042"),
        ("<CR>", "U+000D"), ("<TAB>", "U+0009"), ("<SPACE>", "U+0020"),
    ]  # fmt: skip
    assert characters("\x07")[0] == ("<07>", "U+0007")


def test_profile_describes_itself():
    assert ScannerProfile().describe() == "GS sent as ASCII 29 (GS), without symbology identifier, ends with Enter"
    assert ScannerProfile("029", True, "\t").describe() == "GS sent as '029', with symbology identifier, ends with Tab"


@pytest.mark.parametrize(
    ("raw", "profile", "typed"),
    [
        ("SN-1\r", ScannerProfile(), "SN-1"),
        (f"]d201{GTIN}10B1029" "21S1\t", ScannerProfile(gs="029", suffix="\t"), f"]d201{GTIN}10B1{GS}21S1"),
        (f"]D201{GTIN}21s1\r", ScannerProfile(), f"]d201{GTIN}21S1"),
        ("]C0A029B\r", ScannerProfile(gs="029"), "]C0A029B"),  # not GS1: the digits are data
    ],
)
def test_as_typed_is_what_a_scan_field_passes_on(raw, profile, typed):
    assert as_typed(raw, profile) == typed



def test_receiving_capture_reads_what_as_typed_passes_on():
    profile = ScannerProfile(gs="^]", prefix=True)
    raw = [f"]d201{GTIN}10B1^]21S1\r", f"]d201{GTIN}10B2^]21S2\r"]
    captured = capture(scans([as_typed(r, profile) for r in raw]), SerialRule(gtin=GTIN))
    assert (captured.serials, captured.problems) == (["S1", "S2"], [])
    assert captured.gs1["S2"].batch == "B2"
