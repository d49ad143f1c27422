"""snapp.domain.capture sources: scans(), paste(), serial_range(), combine()."""

from __future__ import annotations

import pytest

from snapp.domain.capture import MAX_RANGE, Reason, SerialRule, Source, capture, combine, paste, scans, serial_range
from snapp.errors import ValidationError


def positions(source: Source) -> list[str]:
    return [source.locate(i) for i in range(len(source))]


# --- scans ---------------------------------------------------------------------------


def test_scans_number_each_scan_from_one():
    source = scans(iter(["SN1", "SN2", "SN3"]))
    assert list(source.values) == ["SN1", "SN2", "SN3"]
    assert len(source) == 3
    assert positions(source) == ["scan 1", "scan 2", "scan 3"]


def test_scans_keep_raw_values_for_capture_to_normalise():
    source = scans([" ＳＮ１\r\n"])
    assert source.values == [" ＳＮ１\r\n"]
    assert capture(source, SerialRule()).serials == ["SN1"]


# --- paste ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "values", "where"),
    [
        ("SN1\nSN2\nSN3", ["SN1", "SN2", "SN3"], ["line 1", "line 2", "line 3"]),
        ("SN1,SN2,SN3", ["SN1", "SN2", "SN3"], ["line 1, item 1", "line 1, item 2", "line 1, item 3"]),
        ("SN1, SN2 ,SN3", ["SN1", "SN2", "SN3"], ["line 1, item 1", "line 1, item 2", "line 1, item 3"]),
        ("SN1\tSN2", ["SN1", "SN2"], ["line 1, item 1", "line 1, item 2"]),
        ("SN1 SN2   SN3", ["SN1", "SN2", "SN3"], ["line 1, item 1", "line 1, item 2", "line 1, item 3"]),
        ("SN1，SN2", ["SN1", "SN2"], ["line 1, item 1", "line 1, item 2"]),  # full-width comma
        ("SN1；SN2", ["SN1", "SN2"], ["line 1, item 1", "line 1, item 2"]),  # full-width semicolon
        ("SN1、SN2", ["SN1", "SN2"], ["line 1, item 1", "line 1, item 2"]),  # ideographic comma
        ("SN1;SN2", ["SN1", "SN2"], ["line 1, item 1", "line 1, item 2"]),
        ("SN1\u3000SN2", ["SN1", "SN2"], ["line 1, item 1", "line 1, item 2"]),  # ideographic space
        ("SN1\u00a0SN2", ["SN1", "SN2"], ["line 1, item 1", "line 1, item 2"]),  # NBSP
        ("SN1,,SN2", ["SN1", "SN2"], ["line 1, item 1", "line 1, item 2"]),
        ("SN1\r\nSN2\r\n", ["SN1", "SN2"], ["line 1", "line 2"]),  # CRLF from Windows / Excel
        ("SN1\rSN2", ["SN1", "SN2"], ["line 1", "line 2"]),
        ("\n\nSN1\n\n  \n\t\nSN2\n\n", ["SN1", "SN2"], ["line 3", "line 7"]),  # blank lines ignored, still counted
        ("SN1\nSN2, SN3\nSN4", ["SN1", "SN2", "SN3", "SN4"], ["line 1", "line 2, item 1", "line 2, item 2", "line 3"]),
        (",SN1,\n", ["SN1"], ["line 1"]),  # one token on the line: no item number
        ("ＳＮ１，ＳＮ２", ["SN1", "SN2"], ["line 1, item 1", "line 1, item 2"]),  # typed with a Chinese IME
        ("S\u200bN1", ["SN1"], ["line 1"]),
    ],
)
def test_paste_splits_and_positions(text, values, where):
    source = paste(text)
    assert list(source.values) == values
    assert positions(source) == where


@pytest.mark.parametrize("text", ["", "\n", "\r\n\r\n", " , ，\t\n ; "])
def test_paste_of_nothing_is_empty(text):
    source = paste(text)
    assert len(source) == 0
    assert capture(source, SerialRule()).serials == []


def test_paste_from_excel_column_with_crlf_captures_cleanly():
    result = capture(paste("SN0001\r\nSN0002\r\n\r\nSN0003\r\n"), SerialRule(pattern=r"SN\d{4}"))
    assert result.ok
    assert result.serials == ["SN0001", "SN0002", "SN0003"]
    assert result.locate("SN0003") == "line 4"


def test_paste_position_in_capture_problem():
    result = capture(paste("SN1\nSN2，SN#3"), SerialRule())
    [problem] = result.problems
    assert (problem.position, problem.value, problem.reason) == ("line 2, item 2", "SN#3", Reason.BAD_CHARACTERS)


def test_paste_keeps_a_gs1_element_string_with_its_group_separator_whole():
    """A pasted list of GS1 scans keeps each scan whole; GS (ASCII 29) separates AIs, not serials."""
    scan = "]d2010950600013435221SN1\x1d10BATCH1"
    source = paste(scan + "\n" + scan.replace("SN1", "SN2"))
    assert len(source) == 2
    result = capture(source, SerialRule(gtin="09506000134352"))
    assert result.serials == ["SN1", "SN2"]
    assert result.gs1["SN1"].batch == "BATCH1"


# --- serial_range ------------------------------------------------------------------------


def test_range_keeps_width():
    source = serial_range("SN0001..SN0500")
    assert len(source) == 500
    assert source.values[0] == "SN0001"
    assert source.values[9] == "SN0010"
    assert source.values[-1] == "SN0500"
    assert len(set(source.values)) == 500
    assert source.locate(0) == "range SN0001..SN0500 #1"
    assert source.locate(499) == "range SN0001..SN0500 #500"


@pytest.mark.parametrize(
    ("spec", "values"),
    [
        ("1000..1003", ["1000", "1001", "1002", "1003"]),
        ("0001..0003", ["0001", "0002", "0003"]),
        ("0098..0101", ["0098", "0099", "0100", "0101"]),
        ("SN5..SN5", ["SN5"]),
        ("SN8..SN11", ["SN8", "SN9", "SN10", "SN11"]),  # no padding: widths may differ
        ("SN098..SN101", ["SN098", "SN099", "SN100", "SN101"]),
        ("SN0001A..SN0003A", ["SN0001A", "SN0002A", "SN0003A"]),  # suffix after the number
        ("LOT7-01/X..LOT7-03/X", ["LOT7-01/X", "LOT7-02/X", "LOT7-03/X"]),
        ("A1B001..A1B003", ["A1B001", "A1B002", "A1B003"]),  # the last number counts
        ("ＳＮ０１..ＳＮ０３", ["SN01", "SN02", "SN03"]),  # full-width typed
        ("  SN01..SN03\r\n", ["SN01", "SN02", "SN03"]),
        ("0..3", ["0", "1", "2", "3"]),
    ],
)
def test_range_values(spec, values):
    assert list(serial_range(spec).values) == values


def test_range_all_digits_large():
    source = serial_range("100000..199999")
    assert len(source) == 100_000
    assert (source.values[0], source.values[-1]) == ("100000", "199999")


def test_range_position_uses_the_normalised_spec():
    source = serial_range(" ＳＮ０１..ＳＮ０３ ")
    assert positions(source) == ["range SN01..SN03 #1", "range SN01..SN03 #2", "range SN01..SN03 #3"]


def test_range_of_max_size_is_allowed():
    source = serial_range(f"1..{MAX_RANGE}")
    assert len(source) == MAX_RANGE
    assert source.values[-1] == str(MAX_RANGE)


def bad_range(spec: str) -> str:
    with pytest.raises(ValidationError) as info:
        serial_range(spec)
    [problem] = info.value.problems
    assert (problem.position, problem.value, problem.reason) == ("range", spec, Reason.BAD_RANGE)
    return problem.message


@pytest.mark.parametrize(
    "spec",
    ["SN0001", "SN0001..", "..SN0500", "SNA..SNB", "SN0001-SN0500", "SN0001~SN0500", "", ".."],
)
def test_range_needs_two_numbered_ends(spec):
    assert bad_range(spec) == "write a range as FIRST..LAST, both ending in a number, e.g. SN0001..SN0500"


@pytest.mark.parametrize(
    ("spec", "shown"),
    [
        ("SN0001..SX0500", "('SN'…'' vs 'SX'…'')"),
        ("SN01A..SN03B", "('SN'…'A' vs 'SN'…'B')"),
        ("sn01..SN03", "('sn'…'' vs 'SN'…'')"),
        ("01..SN03", "(''…'' vs 'SN'…'')"),
    ],
)
def test_range_mismatched_prefix_or_suffix(spec, shown):
    assert bad_range(spec) == f"both ends must share the text around the number {shown}"


@pytest.mark.parametrize("spec", ["SN0500..SN0001", "10..9", "SN2A..SN1A"])
def test_range_reversed(spec):
    assert bad_range(spec) == "the last serial comes before the first"


@pytest.mark.parametrize(
    ("spec", "count"),
    [(f"1..{MAX_RANGE + 1}", MAX_RANGE + 1), ("SN0000000..SN9999999", 10_000_000), ("0..999999999999", 1_000_000_000_000)],
)
def test_range_too_large(spec, count):
    assert bad_range(spec) == f"{count:,} serials; a range holds at most {MAX_RANGE:,}"


@pytest.mark.parametrize("spec", ["SN0001..SN500", "SN001..SN1000", "0001..10000", "SN01..SN100"])
def test_range_different_widths_with_leading_zero(spec):
    assert bad_range(spec) == "the two ends have numbers of different widths; write both with the same number of digits"


def test_range_padded_last_end_with_unpadded_first_is_refused():
    """SN1..SN0500 cannot be both unpadded (SN1) and padded (SN0500): it must not silently yield SN500."""
    assert "different widths" in bad_range("SN1..SN0500")


@pytest.mark.parametrize(("spec", "last"), [("0..10", "10"), ("SN0..SN12", "SN12")])
def test_range_starting_at_zero_is_not_zero_padded(spec, last):
    """A lone 0 is the number zero, not padding: 0..10 is eleven serials."""
    source = serial_range(spec)
    assert source.values[-1] == last
    assert len(source) == int(last.removeprefix("SN")) + 1


def test_range_through_capture_respects_rule():
    result = capture(serial_range("SN098..SN101"), SerialRule(pattern=r"SN\d{3}"))
    assert result.serials == ["SN098", "SN099", "SN100", "SN101"]
    result = capture(serial_range("SN98..SN101"), SerialRule(min_length=5))
    assert [(p.position, p.reason) for p in result.problems] == [
        ("range SN98..SN101 #1", Reason.TOO_SHORT),
        ("range SN98..SN101 #2", Reason.TOO_SHORT),
    ]


# --- combine -----------------------------------------------------------------------------


def test_combine_single_source_is_itself():
    source = scans(["SN1"])
    assert combine([source]) is source


def test_combine_nothing():
    assert len(combine([])) == 0


def test_combine_concatenates_and_locates_in_each_source():
    empty = paste("\n\n")
    source = combine([empty, scans(["A1", "A2"]), empty, serial_range("B1..B2"), paste("C1\nC2, C3"), empty])
    assert list(source.values) == ["A1", "A2", "B1", "B2", "C1", "C2", "C3"]
    assert positions(source) == [
        "scan 1",
        "scan 2",
        "range B1..B2 #1",
        "range B1..B2 #2",
        "line 1",
        "line 2, item 1",
        "line 2, item 2",
    ]


def test_combine_catches_duplicates_across_sources():
    result = capture(combine([serial_range("SN01..SN03"), paste("SN04\nSN02")]), SerialRule())
    assert result.serials == ["SN01", "SN02", "SN03", "SN04"]
    [problem] = result.problems
    assert (problem.position, problem.reason) == ("line 2", Reason.DUPLICATE)
    assert problem.message == "appears twice in this batch (first at range SN01..SN03 #2)"
