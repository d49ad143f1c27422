"""snapp.domain.capture: normalisation, the item's rule, and capture() with every Reason it produces."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from snapp.domain.capture import (
    CSET82,
    CasePolicy,
    Reason,
    SerialRule,
    Source,
    apply_case,
    capture,
    combine,
    gtin14,
    normalise,
    paste,
    scans,
    serial_range,
    typed_forms,
)
from snapp.errors import Problem, ValidationError

GTIN = "09506000134352"


def cells(*values: object, column: str = "B", first_row: int = 2) -> Source:
    """Values as a spreadsheet reader hands them over, positioned like cells under a header."""
    return Source(list(values), lambda i: f"cell {column}{first_row + i}")


def reasons(result) -> list[tuple[str, str]]:
    return [(p.position, p.reason) for p in result.problems]


# --- normalise ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("SN123", "SN123"),
        ("ＳＮ１２３", "SN123"),  # typed with a Chinese IME
        ("ｓｎ－００１／Ａ", "sn-001/A"),
        ("！～", "!~"),  # both ends of U+FF01..U+FF5E
        ("\u3000SN1\u3000", "SN1"),  # ideographic space around
        ("SN\u30001", "SN 1"),  # ideographic space inside becomes an ASCII space
        ("\u00a0SN1\u00a0", "SN1"),  # NBSP from a web page or Excel
        ("SN1\r\n", "SN1"),
        ("\nSN1\r", "SN1"),
        ("\tSN1 ", "SN1"),
        ("S\u200bN\u200c1\u200d", "SN1"),  # zero-width space / non-joiner / joiner
        ("\ufeffSN1", "SN1"),  # BOM
        ("SN\u20601", "SN1"),  # word joiner
        ("SN\u00ad1", "SN1"),  # soft hyphen
        ("\u200b", ""),
        ("   ", ""),
        ("", ""),
    ],
)
def test_normalise_folds_width_and_strips_invisible_characters(raw, clean):
    assert normalise(raw) == clean


@pytest.mark.parametrize(
    "text",
    [
        "①",  # NFKC would make this "1"
        "SN①",
        "²",  # NFKC: "2"
        "ﬁ",  # NFKC: "fi"
        "ｶ",  # half-width katakana U+FF76 lies outside U+FF01..U+FF5E
        "Ⅻ",  # NFKC: "XII"
        "℡",
    ],
)
def test_normalise_is_not_blanket_nfkc(text):
    assert normalise(text) == text


def test_normalise_keeps_inner_ascii_space_and_case():
    assert normalise("  Sn 01  ") == "Sn 01"


# --- case policy ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("policy", "expected"),
    [(CasePolicy.KEEP, "Sn-a1"), (CasePolicy.UPPER, "SN-A1"), (CasePolicy.LOWER, "sn-a1"), ("upper", "SN-A1"), ("lower", "sn-a1"), ("keep", "Sn-a1")],
)
def test_apply_case(policy, expected):
    assert apply_case("Sn-a1", policy) == expected


def test_typed_forms():
    assert typed_forms("Sn1") == {"Sn1", "SN1", "sn1"}
    assert typed_forms("123") == {"123"}


# --- the rule itself --------------------------------------------------------------


def test_default_rule():
    rule = SerialRule()
    assert (rule.pattern, rule.min_length, rule.max_length, rule.case, rule.gtin) == (None, 1, 40, CasePolicy.KEEP, None)
    assert rule.problems() == []


def test_rule_problems_bad_pattern():
    [problem] = SerialRule(pattern="SN(\\d+").problems()
    assert (problem.position, problem.value, problem.reason) == ("serial pattern", "SN(\\d+", "serial_pattern")
    assert problem.message.startswith("is not a valid pattern")


def test_rule_problems_min_below_one():
    [problem] = SerialRule(min_length=0).problems()
    assert (problem.position, problem.value, problem.reason) == ("serial min length", "0", "serial_min_length")


def test_rule_problems_max_below_min():
    [problem] = SerialRule(min_length=10, max_length=5).problems()
    assert (problem.position, problem.value, problem.reason) == ("serial max length", "5", "serial_max_length")
    assert problem.message == "must not be below the minimum"


def test_rule_problems_are_all_reported():
    found = SerialRule(pattern="[", min_length=0, max_length=-1).problems()
    assert [p.reason for p in found] == ["serial_pattern", "serial_min_length", "serial_max_length"]


def test_rule_equal_min_max_is_fine():
    assert SerialRule(pattern=r"SN\d{4}", min_length=6, max_length=6).problems() == []


# --- capture: the happy path ------------------------------------------------------------


def test_capture_accepts_clean_serials_in_order():
    result = capture(paste("SN003\nSN001\nSN002"), SerialRule())
    assert result.ok
    assert result.serials == ["SN003", "SN001", "SN002"]
    assert result.index == {"SN003": 0, "SN001": 1, "SN002": 2}
    assert result.problems == []
    assert result.gs1 == {}
    assert result.locate("SN002") == "line 3"


def test_capture_normalises_before_validating():
    result = capture(scans(["ＳＮ－００１", "\u00a0SN002\r\n", "S\u200bN003"]), SerialRule(pattern=r"SN-?\d{3}"))
    assert result.serials == ["SN-001", "SN002", "SN003"]
    assert result.ok


def test_capture_is_all_or_nothing_in_accounting():
    """Nothing is dropped silently: each value is either a serial or a problem."""
    values = ["SN1", "", "SN1", "SN#", "S", "SN" + "9" * 50, "SN2", dt.date(2024, 1, 1), True, 1.5, 42]
    result = capture(scans(values), SerialRule(min_length=2, max_length=20))
    assert len(result.serials) + len(result.problems) == len(values)
    assert result.serials == ["SN1", "SN2", "42"]
    assert not result.ok


def test_capture_problem_keeps_the_raw_value():
    result = capture(scans(["ＳＮ＃１"]), SerialRule())
    [problem] = result.problems
    assert problem.value == "ＳＮ＃１"  # what the user typed, not the folded form
    assert problem.reason == Reason.BAD_CHARACTERS
    assert "'#' (U+0023)" in problem.message


@pytest.mark.parametrize(
    ("policy", "values", "serials", "duplicates"),
    [
        (CasePolicy.UPPER, ["sn1", "SN1", "Sn2"], ["SN1", "SN2"], ["scan 2"]),
        (CasePolicy.LOWER, ["SN1", "sn1", "Sn2"], ["sn1", "sn2"], ["scan 2"]),
        (CasePolicy.KEEP, ["sn1", "SN1", "Sn2"], ["sn1", "SN1", "Sn2"], []),
    ],
)
def test_capture_case_policy_and_duplicates(policy, values, serials, duplicates):
    result = capture(scans(values), SerialRule(case=policy))
    assert result.serials == serials
    assert [p.position for p in result.problems if p.reason == Reason.DUPLICATE] == duplicates


def test_capture_pattern_is_checked_after_case_folding():
    result = capture(scans(["sn0001"]), SerialRule(pattern=r"SN\d{4}", case=CasePolicy.UPPER))
    assert result.serials == ["SN0001"]


def test_capture_pattern_must_match_whole_serial():
    result = capture(scans(["SN0001", "SN00012", "XSN0001"]), SerialRule(pattern=r"SN\d{4}"))
    assert result.serials == ["SN0001"]
    assert reasons(result) == [("scan 2", Reason.PATTERN), ("scan 3", Reason.PATTERN)]


@pytest.mark.parametrize(("low", "high", "value", "reason"), [
    (3, 5, "AB", Reason.TOO_SHORT),
    (3, 5, "ABC", None),
    (3, 5, "ABCDE", None),
    (3, 5, "ABCDEF", Reason.TOO_LONG),
    (1, 40, "A" * 40, None),
    (1, 40, "A" * 41, Reason.TOO_LONG),
])  # fmt: skip
def test_capture_length_bounds_are_inclusive(low, high, value, reason):
    result = capture(scans([value]), SerialRule(min_length=low, max_length=high))
    assert [p.reason for p in result.problems] == ([reason] if reason else [])


def test_capture_lengths_count_folded_characters():
    # ＳＮ１ is three characters once folded, whatever its UTF-8 byte length.
    result = capture(scans(["ＳＮ１"]), SerialRule(min_length=3, max_length=3))
    assert result.serials == ["SN1"]


def test_every_cset82_character_is_accepted():
    serial = "".join(sorted(CSET82))
    assert len(serial) == 82
    result = capture(scans([serial]), SerialRule(max_length=82))
    assert result.serials == [serial]


@pytest.mark.parametrize("char", ["#", "$", "@", "[", "\\", "]", "^", "`", "{", "|", "}", "~", "①", "é", "中", "\t"])
def test_characters_outside_cset82_are_refused(char):
    result = capture(scans(["SN" + char + "1"]), SerialRule())
    [problem] = result.problems
    assert problem.reason == Reason.BAD_CHARACTERS
    assert f"U+{ord(char):04X}" in problem.message


def test_bad_characters_message_names_each_once_and_space_by_name():
    result = capture(scans(["S N##1"]), SerialRule())
    [problem] = result.problems
    assert problem.message == "characters not allowed in a serial: space, '#' (U+0023)"


def test_circled_digit_is_not_folded_into_a_digit():
    """① must not silently become 1: it is refused rather than matched to serial 1."""
    result = capture(scans(["1", "①"]), SerialRule())
    assert result.serials == ["1"]
    assert reasons(result) == [("scan 2", Reason.BAD_CHARACTERS)]
    assert "'①' (U+2460)" in result.problems[0].message


# --- capture: every Reason, with its exact position -------------------------------------


REASON_CASES = [
    pytest.param(lambda: scans(["SN1", "   "]), SerialRule(), None, ("scan 2", "   ", Reason.EMPTY), id="empty-scan"),
    pytest.param(lambda: scans(["SN1", "\u200b\u00a0"]), SerialRule(), None, ("scan 2", "\u200b\u00a0", Reason.EMPTY), id="empty-invisible"),
    pytest.param(lambda: cells("SN1", None), SerialRule(), None, ("cell B3", "", Reason.EMPTY), id="empty-cell"),
    pytest.param(lambda: paste("SN001\nSN002\nS3"), SerialRule(min_length=5), None, ("line 3", "S3", Reason.TOO_SHORT), id="too_short"),
    pytest.param(lambda: paste("SN001\nSN002, SN0000003"), SerialRule(max_length=6), None,
                 ("line 2, item 2", "SN0000003", Reason.TOO_LONG), id="too_long"),
    pytest.param(lambda: scans(["SN1", "SN*2", "SN$3"]), SerialRule(), None, ("scan 3", "SN$3", Reason.BAD_CHARACTERS), id="bad_characters"),
    pytest.param(lambda: serial_range("SN01..SN03"), SerialRule(pattern=r"SN0[13]"), None,
                 ("range SN01..SN03 #2", "SN02", Reason.PATTERN), id="pattern-range"),
    pytest.param(lambda: paste("SN1\nSN2\nSN1"), SerialRule(), None, ("line 3", "SN1", Reason.DUPLICATE), id="duplicate"),
    pytest.param(lambda: cells("SN1", "SN2", 123456789012345678), SerialRule(), None,
                 ("cell B4", "123456789012345678", Reason.EXCEL_ROUNDED), id="excel_rounded-int"),
    pytest.param(lambda: paste("SN1\n1.23457E+17"), SerialRule(), None, ("line 2", "1.23457E+17", Reason.EXCEL_ROUNDED), id="excel_rounded-text"),
    pytest.param(lambda: cells("SN1", dt.date(2024, 3, 1)), SerialRule(), None, ("cell B3", "2024-03-01", Reason.EXCEL_DATE), id="excel_date"),
    pytest.param(lambda: cells(True), SerialRule(), None, ("cell B2", "True", Reason.NOT_TEXT), id="not_text"),
    pytest.param(lambda: scans(["SN1", "SN2"]), SerialRule(), 3, ("batch", "", Reason.COUNT_MISMATCH), id="count_mismatch"),
    pytest.param(lambda: scans(["SN1", "]d2010950600013435321SN2"]), SerialRule(gtin=GTIN), None,
                 ("scan 2", "]d2010950600013435321SN2", Reason.GS1_INVALID), id="gs1_invalid"),
    pytest.param(lambda: scans(["]d2011234567890123121SN2"]), SerialRule(gtin=GTIN), None,
                 ("scan 1", "]d2011234567890123121SN2", Reason.GTIN_MISMATCH), id="gtin_mismatch"),
    pytest.param(lambda: typed(("SN1", "LOT 1/ü", None)), SerialRule(), None, ("cell C2", "LOT 1/ü", Reason.BAD_BATCH),
                 id="bad_batch"),
    pytest.param(lambda: typed(("SN1", "L1", "31/12/2027")), SerialRule(), None,
                 ("cell D2", "31/12/2027", Reason.BAD_EXPIRY), id="bad_expiry"),
]  # fmt: skip


def typed(*rows: tuple[object, object, object]) -> Source:
    """Serial, batch and expiry cells in columns B, C, D under a heading row."""
    return Source([r[0] for r in rows], lambda i: f"cell B{i + 2}", [r[1:] for r in rows],
                  lambda i, k: f"cell {'CD'[k]}{i + 2}")  # fmt: skip


def test_batch_and_expiry_typed_beside_a_serial_are_kept_and_a_scan_keeps_its_own():
    gs1 = "(01)09506000134352(17)270331(10)SCANLOT(21)SN3"
    result = capture(typed(("SN1", "L-1", dt.datetime(2027, 3, 31)), ("SN2", 42, "2026-12-01"), (gs1, "TYPED", None),
                           ("SN4", None, None)), SerialRule(gtin="09506000134352"))  # fmt: skip
    assert result.ok, result.problems
    assert {s: (d.batch, d.expiry, d.raw) for s, d in result.gs1.items()} == {
        "SN1": ("L-1", dt.date(2027, 3, 31), None), "SN2": ("42", dt.date(2026, 12, 1), None),
        "SN3": ("SCANLOT", dt.date(2027, 3, 31), gs1),
    }  # fmt: skip


@pytest.mark.parametrize(("make", "rule", "expected", "problem"), REASON_CASES)
def test_each_reason_with_its_position(make, rule, expected, problem):
    result = capture(make(), rule, expected)
    assert [(p.position, p.value, p.reason) for p in result.problems] == [problem]
    assert isinstance(result.problems[0].reason, Reason)


def test_reason_cases_cover_every_capture_reason():
    produced = {case.values[3][2] for case in REASON_CASES} | {Reason.BAD_RANGE}  # bad_range: test_sources.py
    elsewhere = {Reason.ALREADY_RECEIVED, Reason.OVER_RECEIPT}  # the receiving service's
    elsewhere |= {Reason.NOT_ON_MANIFEST, Reason.OTHER_MANIFEST}  # the manifests': tests/integration/test_manifests.py
    assert produced == set(Reason) - elsewhere


@pytest.mark.parametrize(
    ("reason", "message"),
    [
        (Reason.EMPTY, "is empty"),
        (Reason.TOO_SHORT, "has 2 characters; this item's serials have at least 5"),
        (Reason.TOO_LONG, "has 9 characters; this item's serials have at most 6"),
        (Reason.PATTERN, "does not match this item's serial pattern SN0[13]"),
        (Reason.DUPLICATE, "appears twice in this batch (first at line 1)"),
        (Reason.COUNT_MISMATCH, "2 valid serials, but 3 were expected"),
    ],
)
def test_reason_messages(reason, message):
    case = next(c for c in REASON_CASES if c.values[3][2] == reason)
    make, rule, expected, _ = case.values
    [problem] = capture(make(), rule, expected).problems
    assert problem.message == message


def test_count_mismatch_counts_valid_serials_only():
    result = capture(scans(["SN1", "SN1", "SN2", ""]), SerialRule(), expected=4)
    assert reasons(result) == [("scan 2", Reason.DUPLICATE), ("scan 4", Reason.EMPTY), ("batch", Reason.COUNT_MISMATCH)]
    assert result.problems[-1].message == "2 valid serials, but 4 were expected"


def test_count_matches_and_too_many():
    assert capture(scans(["SN1", "SN2"]), SerialRule(), expected=2).ok
    result = capture(scans(["SN1", "SN2", "SN3"]), SerialRule(), expected=2)
    assert reasons(result) == [("batch", Reason.COUNT_MISMATCH)]
    assert result.problems[0].message == "3 valid serials, but 2 were expected"


def test_count_of_zero_expected():
    assert capture(scans([]), SerialRule(), expected=0).ok
    assert reasons(capture(scans([]), SerialRule(), expected=1)) == [("batch", Reason.COUNT_MISMATCH)]


def test_duplicate_across_combined_sources_names_both_positions():
    source = combine([scans(["SN02"]), serial_range("SN01..SN03"), paste("SN09, SN03")])
    result = capture(source, SerialRule())
    assert result.serials == ["SN02", "SN01", "SN03", "SN09"]
    assert [(p.position, p.message) for p in result.problems] == [
        ("range SN01..SN03 #2", "appears twice in this batch (first at scan 1)"),
        ("line 1, item 2", "appears twice in this batch (first at range SN01..SN03 #3)"),
    ]
    assert result.locate("SN09") == "line 1, item 1"
    assert result.locate("SN01") == "range SN01..SN03 #1"


def test_problems_come_in_source_order():
    result = capture(paste("SN1\n\nS\nSN1\nSN#\n" + "X" * 50), SerialRule(min_length=2))
    assert reasons(result) == [
        ("line 3", Reason.TOO_SHORT),
        ("line 4", Reason.DUPLICATE),
        ("line 5", Reason.BAD_CHARACTERS),
        ("line 6", Reason.TOO_LONG),
    ]


def test_problem_str_reads_as_position_value_message():
    [problem] = capture(paste("SN1\nSN1"), SerialRule()).problems
    assert str(problem) == "line 2: 'SN1' appears twice in this batch (first at line 1)"
    assert str(Problem("batch", "", Reason.COUNT_MISMATCH, "x")) == "batch: x"


# --- capture: Excel cell values ---------------------------------------------------------

TEXT_FIX = "format the column as Text"


@pytest.mark.parametrize(
    ("value", "serial"),
    [
        (12345, "12345"),
        (12345.0, "12345"),
        (123456789012345, "123456789012345"),  # 15 digits: what Excel keeps exactly
        (123456789012345.0, "123456789012345"),
        (0, "0"),
    ],
)
def test_number_cells_excel_cannot_have_damaged_are_accepted(value, serial):
    result = capture(cells(value), SerialRule())
    assert result.serials == [serial]


@pytest.mark.parametrize(
    ("value", "shown", "words"),
    [
        (1234567890123456, "1234567890123456", "more than 15 digits"),
        (123456789012345678, "123456789012345678", "more than 15 digits"),
        (1.234567890123457e17, "1.234567890123457e+17", "more than 15 digits"),
        (1e16, "1e+16", "more than 15 digits"),
        (1.5, "1.5", "decimal number"),
        (12345.01, "12345.01", "decimal number"),
        (float("nan"), "nan", "decimal number"),
        (float("inf"), "inf", "decimal number"),
    ],
)
def test_number_cells_excel_has_damaged_are_refused(value, shown, words):
    result = capture(cells("SN1", value), SerialRule())
    [problem] = result.problems
    assert (problem.position, problem.value, problem.reason) == ("cell B3", shown, Reason.EXCEL_ROUNDED)
    assert words in problem.message
    assert TEXT_FIX in problem.message
    assert result.serials == ["SN1"]


@pytest.mark.parametrize(
    "text",
    ["1.23457E+17", "1.23457e+17", "1E+15", "9.99999999999999E+20", "  1.23457E+17\r\n", "１.２３４５７Ｅ＋１７"],
)
def test_exponent_form_text_is_refused_as_excel_rounded(text):
    [problem] = capture(scans([text]), SerialRule()).problems
    assert (problem.position, problem.value, problem.reason) == ("scan 1", text, Reason.EXCEL_ROUNDED)
    assert TEXT_FIX in problem.message


@pytest.mark.parametrize("text", ["SN1.2E+5", "1.23457E+17A", "E+17", "1.23457"])
def test_text_that_only_looks_numeric_is_not_exponent_form(text):
    result = capture(scans([text]), SerialRule())
    assert Reason.EXCEL_ROUNDED not in [p.reason for p in result.problems]


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (dt.date(2024, 1, 5), "2024-01-05"),
        (dt.datetime(2024, 1, 5, 10, 30), "2024-01-05 10:30:00"),
        (dt.time(10, 30), "10:30:00"),
        (dt.timedelta(days=1), "1 day, 0:00:00"),
    ],
)
def test_date_cells_are_refused(value, shown):
    [problem] = capture(cells(value), SerialRule()).problems
    assert (problem.position, problem.value, problem.reason) == ("cell B2", shown, Reason.EXCEL_DATE)
    assert TEXT_FIX in problem.message


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (True, "is a TRUE/FALSE cell, not a serial"),
        (False, "is a TRUE/FALSE cell, not a serial"),
        (Decimal("5"), "is a Decimal value, not a serial"),
        (b"SN1", "is a bytes value, not a serial"),
    ],
)
def test_other_cell_types_are_not_text(value, message):
    [problem] = capture(cells(value), SerialRule()).problems
    assert (problem.position, problem.reason, problem.message) == ("cell B2", Reason.NOT_TEXT, message)


def test_empty_cell_is_empty_not_a_crash():
    [problem] = capture(cells(None), SerialRule()).problems
    assert (problem.position, problem.value, problem.reason) == ("cell B2", "", Reason.EMPTY)


def test_number_cell_and_same_text_are_duplicates():
    result = capture(cells("12345", 12345.0), SerialRule())
    assert result.serials == ["12345"]
    assert reasons(result) == [("cell B3", Reason.DUPLICATE)]


def test_number_cell_is_checked_against_the_rule():
    result = capture(cells(12345, 1234567), SerialRule(min_length=6))
    assert result.serials == ["1234567"]
    assert reasons(result) == [("cell B2", Reason.TOO_SHORT)]


# --- gtin14 ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "gtin"),
    [
        ("9506000134352", "09506000134352"),  # GTIN-13
        ("09506000134352", "09506000134352"),  # GTIN-14
        ("96385074", "00000096385074"),  # GTIN-8
        ("036000291452", "00036000291452"),  # GTIN-12 (UPC-A)
        ("９５０６０００１３４３５２", "09506000134352"),  # full-width digits
        (" 9506000134352\r\n", "09506000134352"),
    ],
)
def test_gtin14_widens_checked_gtins(raw, gtin):
    assert gtin14(raw) == gtin


@pytest.mark.parametrize("raw", ["9506000134353", "123", "abcdefghijklm", "", "95060001343521"])
def test_gtin14_refuses_bad_gtins(raw):
    with pytest.raises(ValidationError) as info:
        gtin14(raw)
    [problem] = info.value.problems
    assert (problem.position, problem.value, problem.reason) == ("GTIN", raw, "gtin")


def test_gtin14_names_the_check_digit():
    with pytest.raises(ValidationError, match="check digit"):
        gtin14("9506000134353")
