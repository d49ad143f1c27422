"""Custom fields' pure rules: a definition's own problems, a value read by kind, a paste of columns, scan pairs."""

from __future__ import annotations

import datetime as dt

import pytest

from snapp.domain.capture import SerialRule, capture, combine, scans
from snapp.domain.fields import FieldDef, capture_fields, field_source, key, paste_columns, scan_pairs
from snapp.errors import ValidationError

IMEI = FieldDef("IMEI", required=True, unique="all", pattern=r"\d{15}", scanned=True)
RULE = SerialRule(pattern=r"SN\d{6}", min_length=8, max_length=8)


def reasons(problems) -> list[tuple[str, str, str]]:
    return [(str(p.position), p.value, str(p.reason)) for p in problems]


def test_a_definition_says_what_is_wrong_with_it():
    assert FieldDef("IMEI", pattern=r"\d{15}").problems() == []
    bad = FieldDef("", kind="colour", unique="sometimes", choices=("a",), pattern="(", scanned=True)
    assert {p.reason for p in bad.problems()} == {"name", "kind", "unique", "choices", "pattern"}
    assert {p.reason for p in FieldDef("IMEI", scanned=True).problems()} == {"scanned"}
    assert {p.reason for p in FieldDef("Grade", kind="choice").problems()} == {"choices"}
    assert {p.reason for p in FieldDef("Grade", kind="choice", choices=("A", "a")).problems()} == {"choices"}
    assert {p.reason for p in FieldDef("Made", kind="date", pattern=r"\d+").problems()} == {"pattern"}
    assert {p.reason for p in FieldDef("x" * 41).problems()} == {"name"}
    # A hostile pattern is refused by RE2 when defined, never run by a backtracking engine.
    assert {p.reason for p in FieldDef("MAC", pattern=r"(a)\1").problems()} == {"pattern"}


@pytest.mark.parametrize(
    ("spec", "cell", "stored"),
    [
        (FieldDef("Firmware"), "  ｖ1.2 ", "v1.2"),
        (FieldDef("IMEI", pattern=r"\d{15}"), 356938035643809, "356938035643809"),  # a General cell of 15 digits is exact
        (FieldDef("Weight", kind="number"), "1.50", "1.5"),
        (FieldDef("Weight", kind="number"), 1200, "1200"),
        (FieldDef("Weight", kind="number"), 0.1, "0.1"),
        (FieldDef("Weight", kind="number"), "-0", "0"),
        (FieldDef("Made", kind="date"), dt.datetime(2026, 3, 1, 0, 0), "2026-03-01"),
        (FieldDef("Made", kind="date"), "2026-03-01", "2026-03-01"),
        (FieldDef("Grade", kind="choice", choices=("A", "B")), "b", "B"),
        (FieldDef("Grade", kind="choice", choices=("A", "B")), "", None),
    ],
)
def test_a_value_is_read_and_stored_in_one_form_per_kind(spec, cell, stored):
    assert spec.read(cell) == (stored, None)


@pytest.mark.parametrize(
    ("spec", "cell", "code"),
    [
        (FieldDef("IMEI", pattern=r"\d{15}"), "35693803564380", "field.pattern"),
        (FieldDef("IMEI"), 3.56938035643809e17, "capture.rounded_cell"),  # Excel has rounded it already
        (FieldDef("IMEI"), True, "capture.boolean_cell"),
        (FieldDef("Note"), "x" * 201, "field.too_long"),
        (FieldDef("Weight", kind="number"), "12 kg", "field.not_number"),
        (FieldDef("Weight", kind="number"), "NaN", "field.not_number"),
        (FieldDef("Weight", kind="number"), "1e999999", "field.not_number"),
        (FieldDef("Weight", kind="number"), True, "field.not_number"),
        (FieldDef("Made", kind="date"), "01/03/2026", "field.not_date"),
        (FieldDef("Made", kind="date"), 46000, "field.not_date"),
        (FieldDef("Grade", kind="choice", choices=("A", "B")), "C", "field.not_a_choice"),
    ],
)
def test_a_bad_value_is_refused_with_its_reason(spec, cell, code):
    value, why = spec.read(cell)
    assert value is None and why.code == code


def test_the_unique_scope_is_shared_across_items_or_kept_to_the_field():
    assert IMEI.scope(3) == IMEI.scope(9) == "all:imei"
    assert FieldDef("Asset tag", unique="item").scope(3) == "field:3"
    assert FieldDef("Note").scope(3) is None
    assert key(" ＩＭＥＩ ") == "imei"


def test_a_paste_of_two_columns_gives_each_serial_its_value_and_skips_a_heading():
    source = paste_columns("Serial\tIMEI\nSN000001\t356938035643809\r\nSN000002\t\n\nSN000003 356938035643817\n", ["IMEI"])
    captured = capture(source, RULE)
    got = capture_fields(captured, [FieldDef("IMEI", required=True, pattern=r"\d{15}")], "PHONE")
    assert got.values == {"IMEI": ["356938035643809", None, "356938035643817"]}
    assert reasons(got.problems) == [("line 3, item 2", "", "field_required")]
    assert "IMEI of SN000002: is required" in str(got.problems[0])


def test_a_pasted_row_with_more_values_than_columns_is_refused_by_its_line():
    with pytest.raises(ValidationError) as refused:
        paste_columns("SN000001\t356938035643809\textra\n", ["IMEI"])
    assert reasons(refused.value.problems) == [("line 1", "SN000001\t356938035643809\textra", "columns")]


def test_duplicates_inside_one_delivery_are_named_with_the_first():
    source = field_source(["SN000001", "SN000002", "SN000003"],
                          {"SN000001": {"IMEI": "356938035643809"}, "SN000003": {"IMEI": "356938035643809"}})
    got = capture_fields(capture(source, RULE), [FieldDef("IMEI", unique="all")], "PHONE")
    assert reasons(got.problems) == [("scan 3", "356938035643809", "field_duplicate")]
    assert "first at scan 1, for SN000001" in str(got.problems[0])


def test_a_field_the_item_lacks_is_refused_when_named_but_a_file_column_is_other_data():
    source = field_source(["SN000001"], {"SN000001": {"Colour": "red"}})
    got = capture_fields(capture(source, RULE), [], "PHONE")
    assert reasons(got.problems) == [("batch", "Colour", "field")]


def test_a_required_field_without_any_column_is_one_problem_not_one_per_unit():
    got = capture_fields(capture(scans(["SN000001", "SN000002"]), RULE), [IMEI], "PHONE")
    assert [p.reason for p in got.problems] == ["field_missing"]


def test_scan_pairs_give_each_serial_the_scan_after_it():
    source = scan_pairs(["SN000001", "356938035643809", "SN000002", "356938035643817"], [IMEI])
    captured = capture(source, RULE)
    got = capture_fields(captured, [IMEI], "PHONE")
    assert captured.serials == ["SN000001", "SN000002"] and not got.problems
    assert got.values == {"IMEI": ["356938035643809", "356938035643817"]}
    assert str(source.where_field(1, "IMEI")) == "scan 4"


def test_a_scan_pair_out_of_order_is_refused_by_the_scan_saying_what_was_expected():
    with pytest.raises(ValidationError) as refused:
        scan_pairs(["356938035643809", "SN000001"], [IMEI])
    assert reasons(refused.value.problems) == [("scan 1", "356938035643809", "pair_order")]
    assert "looks like a value of IMEI, where a serial is expected" in str(refused.value)
    with pytest.raises(ValidationError) as refused:
        scan_pairs(["SN000001", "SN000002", "356938035643809"], [IMEI])
    assert ("scan 2", "SN000002", "pair_order") in reasons(refused.value.problems)
    with pytest.raises(ValidationError) as refused:
        scan_pairs(["SN000001", "356938035643809", "SN000002"], [IMEI])
    assert reasons(refused.value.problems) == [("scan 3", "SN000002", "pair_incomplete")]


def test_combined_sources_keep_each_fields_cell_and_its_position():
    a = paste_columns("SN000001\t356938035643809\n", ["IMEI"])
    b = scans(["SN000002"])
    source = combine([a, b])
    assert list(source.fields["IMEI"].cells) == ["356938035643809", None]
    assert str(source.where_field(0, "IMEI")) == "line 1, item 2" and str(source.where_field(1, "IMEI")) == "scan 1"
