"""A unit's custom field (an IMEI) printed on its label as a barcode and as text, on SQLite and PostgreSQL:
in the PDF (decoded back with zxing-cpp) and in the ZPL and TSPL a label printer gets; a unit without the value
prints the element empty; a template naming a field no item defines is refused when loaded, naming it."""

from __future__ import annotations

import json

import pytest
import zxingcpp
from pdfkit import decoded, pages, render, text
from snapp_testkit import add_plain_item, approved_po

from snapp.domain.capture import scans
from snapp.domain.fields import FieldDef, field_source
from snapp.errors import ValidationError
from snapp.io.printers import Printer
from snapp.reports.labels import template_dir
from snapp.reports.thermal import Language
from snapp.services import fields, receiving
from snapp.services.printing import LabelSource, print_labels, send_labels
from tests.printer_jobs import Listener, draw, parse_tspl, parse_zpl

IMEI = "356938035640017"
TEMPLATE = "lotlabels-imei-60x40"


def _spec(field: str = "imei") -> dict:
    # The field as a user might spell it: matched as the items' fields are, whatever the case.
    return {
        "description": "Thermal roll, 60 × 40 mm, the serial and the IMEI",
        "label": {"width": 60, "height": 40},
        "dpi": 203,
        "fields": [
            {"kind": "code128", "box": [1, 1, 58, 10]},
            {"kind": "text", "box": [2, 11.5, 56, 4], "lines": ["{serial}"], "size": 9, "min_size": 5.5},
            {"kind": "code128", "field": field, "box": [1, 17, 58, 10]},
            {"kind": "text", "field": field, "box": [2, 28, 56, 4], "lines": ["IMEI {value}"], "size": 9, "min_size": 5.5},
            {"kind": "text", "field": field, "box": [2, 33, 56, 4], "size": 9, "min_size": 5.5},
        ],
    }


@pytest.fixture
def template():
    """A template file beside the shipped ones, as a user adds one; gone after the test."""
    path = template_dir() / f"{TEMPLATE}.json"
    path.write_text(json.dumps(_spec()), encoding="utf-8")
    yield TEMPLATE
    path.unlink()


@pytest.fixture
def units(ctx, company):
    """PH000001 with the IMEI, PH000002 without one (the field is not required)."""
    add_plain_item(ctx, "PHONE", serial_pattern=r"PH\d{6}", serial_min_length=8, serial_max_length=8)
    fields.define_field(ctx, "PHONE", FieldDef("IMEI", unique="all", pattern=r"\d{15}"))
    po = approved_po(ctx, "ACME", ("PHONE", 5)).number
    source = field_source(["PH000001", "PH000002"], {"PH000001": {"IMEI": IMEI}})
    return receiving.receive(ctx, po, "PHONE", [source], location="WH-A")


def test_the_pdf_label_carries_the_imei_as_a_barcode_and_as_text(ctx, units, template, tmp_path):
    path = tmp_path / "labels.pdf"
    assert print_labels(ctx, LabelSource(receipt=units.number), template, path).count == 2
    assert pages(path) == 2
    assert decoded(render(path, 0)) == {("Code 128", "PH000001"), ("Code 128", IMEI)}
    first, second = text(path)
    assert f"IMEI {IMEI}" in first and first.count(IMEI) == 2
    # Without a value the elements print empty: no second barcode, no "IMEI" line.
    assert decoded(render(path, 1)) == {("Code 128", "PH000002")}
    assert "PH000002" in second and "IMEI" not in second


def test_a_selection_of_serials_prints_each_units_own_value(ctx, units, template, tmp_path):
    path = tmp_path / "picked.pdf"
    print_labels(ctx, LabelSource(serials=scans(["PH000002", "PH000001"])), template, path)
    assert decoded(render(path, 0)) == {("Code 128", "PH000002")}
    assert ("Code 128", IMEI) in decoded(render(path, 1))


@pytest.mark.parametrize("language", list(Language))
def test_the_printer_job_carries_the_imei(ctx, units, template, language):
    listener = Listener()
    try:
        printer = Printer(listener.address, language, 203, template)
        assert send_labels(ctx, LabelSource(receipt=units.number), printer).count == 2
        job = listener.job()
    finally:
        listener.close()
    assert IMEI.encode() in job
    first, second = parse_zpl(job) if language is Language.ZPL else parse_tspl(job, 203)
    assert [(m.kind, m.data) for m in first.marks if m.kind == "code128"] == [("code128", "PH000001"),
                                                                             ("code128", IMEI)]  # fmt: skip
    assert [m.kind for m in first.marks] == ["code128", "text", "code128", "text", "text"]
    assert [m.kind for m in second.marks] == ["code128", "text"]  # no value: no barcode, no text
    assert {found.text for found in zxingcpp.read_barcodes(draw(first))} == {"PH000001", IMEI}


def test_a_template_naming_a_field_no_item_defines_is_refused_naming_it(ctx, units, tmp_path):
    path = template_dir() / f"{TEMPLATE}.json"
    path.write_text(json.dumps(_spec("MAC address")), encoding="utf-8")
    try:
        with pytest.raises(ValidationError) as refused:
            print_labels(ctx, LabelSource(receipt=units.number), TEMPLATE, tmp_path / "never.pdf")
    finally:
        path.unlink()
    messages = [str(p) for p in refused.value.problems]
    assert len(messages) == 3  # each element naming it
    assert all("no item has a custom field MAC address; defined: IMEI" in m for m in messages)
    assert "field 3" in messages[0]
    assert not (tmp_path / "never.pdf").exists()


def test_a_custom_field_in_a_gs1_datamatrix_is_refused(ctx, units, tmp_path):
    spec = _spec()
    spec["fields"].append({"kind": "datamatrix", "field": "IMEI", "box": [45, 28, 12, 12]})
    path = template_dir() / f"{TEMPLATE}.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    try:
        with pytest.raises(ValidationError, match="GS1 DataMatrix holds the unit's GTIN"):
            print_labels(ctx, LabelSource(receipt=units.number), TEMPLATE, tmp_path / "never.pdf")
    finally:
        path.unlink()
