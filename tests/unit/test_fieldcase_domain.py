"""A text field's case rule where a value is read: the value's case, its pattern, a delivery's duplicates."""

from __future__ import annotations

from snapp.domain.capture import SerialRule, capture
from snapp.domain.fields import FieldDef, capture_fields, paste_columns

MAC = FieldDef("MAC", unique="all", pattern=r"[0-9A-F]{2}(:[0-9A-F]{2}){5}", case="upper")


def test_a_value_is_read_in_its_fields_case_and_matched_against_the_pattern_so():
    assert MAC.read(" aa:bb:cc:dd:ee:ff ") == ("AA:BB:CC:DD:EE:FF", None)
    assert MAC.matches("aa:bb:cc:dd:ee:ff") and not MAC.matches("aa:bb:cc:dd:ee")
    assert FieldDef("Host", case="lower").read("GW-1") == ("gw-1", None)
    assert FieldDef("Label").read("Rack-A") == ("Rack-A", None)
    value, why = FieldDef("MAC", pattern=MAC.pattern).read("aa:bb:cc:dd:ee:ff")  # as typed: lower case does not fit
    assert value is None and why.code == "field.pattern"


def test_the_rule_is_one_of_three_and_for_text_only():
    assert [p.reason for p in FieldDef("Weight", kind="number", case="upper").problems()] == ["case"]
    assert [p.reason for p in FieldDef("Tag", case="title").problems()] == ["case"]
    assert FieldDef("Tag", case="lower").problems() == []


def test_two_cells_differing_only_by_case_are_one_value_twice_in_a_delivery():
    source = paste_columns("SN1\taa:bb:cc:dd:ee:01\nSN2\tAA:BB:CC:DD:EE:01\nSN3\taa:bb:cc:dd:ee:03", ["MAC"])
    got = capture_fields(capture(source, SerialRule()), [MAC], "ROUTER")
    assert got.values["MAC"] == ["AA:BB:CC:DD:EE:01", "AA:BB:CC:DD:EE:01", "AA:BB:CC:DD:EE:03"]
    assert [(str(p.position), p.reason) for p in got.problems] == [("line 2, item 2", "field_duplicate")]


def test_a_scan_by_scan_delivery_knows_a_mac_scanned_before_in_the_other_case():
    from dataclasses import replace

    from snapp.domain.fields import next_place

    scanned_mac = replace(MAC, scanned=True)
    place = next_place(["SN1", "aa:bb:cc:dd:ee:01", "SN2"], [scanned_mac])
    assert (place.field, place.serial) == (scanned_mac, "SN2")
    assert place.earlier == {"AA:BB:CC:DD:EE:01": (2, "SN1")}  # so AA:BB:CC:DD:EE:01 for SN2 is the same MAC twice
