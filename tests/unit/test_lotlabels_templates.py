"""Templates naming custom fields, checked when they are read (no database): every mistake named with its element."""

from __future__ import annotations

import dataclasses

import pytest
from pdfkit import decoded, render, text

from snapp.errors import ValidationError
from snapp.reports.labels import parse_template, render_labels, sample_label

IMEI = "356938035640017"


def spec(*fields: dict) -> dict:
    return {"label": {"width": 60, "height": 40}, "dpi": 203, "fields": list(fields)}


BARCODE = {"kind": "code128", "field": "IMEI", "box": [1, 1, 58, 10]}
TEXT = {"kind": "text", "field": "IMEI", "box": [2, 12, 56, 5], "lines": ["IMEI {value}"]}


def refused(data: dict, fields=("IMEI",)) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        parse_template("mine", data, "mine.json", fields)
    return [str(p) for p in caught.value.problems]


def test_a_field_is_matched_as_the_items_fields_are_and_only_checked_against_the_ones_given():
    template = parse_template("mine", spec(BARCODE, {**TEXT, "field": " imei "}), "mine.json", ["IMEI"])
    assert template.custom_fields == ["IMEI"]  # named twice, fetched once
    assert parse_template("mine", spec(BARCODE), "mine.json").custom_fields == ["IMEI"]  # no fields given: no check


def test_hostile_templates_are_refused_naming_each_element():
    messages = refused(spec(
        {**BARCODE, "field": "MAC"},
        {**TEXT, "field": ""},
        {"kind": "text", "box": [2, 18, 56, 5], "lines": ["{value}"]},  # {value} without a field
        {"kind": "datamatrix", "field": "IMEI", "box": [40, 20, 15, 15]},
    ))  # fmt: skip
    assert len(messages) == 4
    assert "field 1" in messages[0] and "no item has a custom field MAC; defined: IMEI" in messages[0]
    assert "field 2" in messages[1]
    assert "field 3" in messages[2] and "unknown field value" in messages[2]
    assert "field 4" in messages[3] and "GS1 DataMatrix holds the unit's GTIN" in messages[3]
    assert "defined: —" in refused(spec(BARCODE), fields=())[0]  # no item defines any field yet


def test_the_value_is_drawn_and_a_unit_without_it_prints_the_elements_empty(tmp_path):
    template = parse_template("mine", spec({"kind": "code128", "box": [1, 26, 58, 10]}, BARCODE, TEXT), "mine.json")
    with_imei = dataclasses.replace(sample_label("SN0001"), custom={"imei": IMEI})
    without = sample_label("SN0002")
    path = tmp_path / "l.pdf"
    assert render_labels(template, [with_imei, without], path) == 2
    assert decoded(render(path, 0)) == {("Code 128", "SN0001"), ("Code 128", IMEI)}
    assert decoded(render(path, 1)) == {("Code 128", "SN0002")}
    first, second = text(path)
    assert f"IMEI {IMEI}" in first and "IMEI" not in second
