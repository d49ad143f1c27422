"""Labels: every barcode on every template decodes back to exactly what was encoded, read at 203 dpi."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest
import zxingcpp
from biip import parse
from pdfkit import PRINTER_DPI, decode, decoded, metadata, pages, render, text

from snapp.errors import NotFound, ValidationError
from snapp.reports import barcodes
from snapp.reports import text as fitting
from snapp.reports.labels import (
    LabelData,
    load_template,
    parse_template,
    render_labels,
    sample_label,
    template_dir,
    template_names,
)

TEMPLATES = ["a4-3x8", "a4-4x10", "thermal-100x50", "thermal-40x20", "thermal-50x30", "thermal-60x40"]
LONGEST = "ABCDEFGHIJKLMNOPQRST"  # 20 characters, the most GS1 allows in (21), none that Code 128 can pack as digits
UNIT = LabelData(
    LONGEST,
    "LAP-T14",
    "ThinkPad T14 笔记本电脑",
    "06901234560015",
    "PO-2026-000042",
    "GR-2026-000007",
    dt.date(2026, 11, 26),
    batch="L2026-11",
    expiry=dt.date(2029, 2, 28),
)


def label_images(template_name: str, path, count: int, start: int = 1):
    """Each label's own area of the rendered pages, in print order."""
    template = load_template(template_name)
    dots = PRINTER_DPI / 25.4
    sheet = template.sheet
    images = []
    for n in range(count):
        position = start - 1 + n
        per_page = sheet.positions if sheet else 1
        page = render(path, position // per_page)
        if not sheet:
            images.append(page)
            continue
        col, row = position % per_page % sheet.columns, position % per_page // sheet.columns
        left, top = (sheet.left + col * sheet.pitch_x) * dots, (sheet.top + row * sheet.pitch_y) * dots
        images.append(
            page.crop((int(left), int(top), int(left + template.width * dots), int(top + template.height * dots)))
        )
    return images


def expected(template_name: str, unit: LabelData) -> set[tuple[str, str]]:
    kinds = {field.kind for field in load_template(template_name).fields}
    wanted = {("Code 128", unit.serial)}
    if "qr" in kinds:
        wanted.add(("QR Code", unit.serial))
    if "datamatrix" in kinds and unit.gtin:
        wanted.add(("Data Matrix", barcodes.gs1_element_string(unit.gtin, unit.serial, unit.batch, unit.expiry)))
    return wanted


def test_the_shipped_templates_are_the_ones_promised():
    assert template_names() == TEMPLATES


@pytest.mark.parametrize("name", TEMPLATES)
@pytest.mark.parametrize("serial", [LONGEST, "12345678901234567890", "SN-0001", "pf0000000a"])
def test_every_barcode_decodes_to_exactly_its_data(tmp_path, name, serial):
    unit = dataclasses.replace(UNIT, serial=serial)
    path = tmp_path / "labels.pdf"
    assert render_labels(load_template(name), [unit, unit], path) == 2
    for image in label_images(name, path, 2):
        assert decoded(image) == expected(name, unit)


@pytest.mark.parametrize("name", [n for n in TEMPLATES if "datamatrix" in {f.kind for f in load_template(n).fields}])
def test_the_datamatrix_is_gs1_with_fnc1_where_the_standard_puts_it(tmp_path, name):
    path = tmp_path / "labels.pdf"
    render_labels(load_template(name), [UNIT], path)
    [matrix] = [b for b in decode(label_images(name, path, 1)[0]) if b.format == zxingcpp.BarcodeFormat.DataMatrix]
    # ]d2 is GS1 DataMatrix: FNC1 first. Fixed-length (01) and (17) need no separator; the
    # variable-length (10) ends with one (GS) because (21) follows; the last element needs none.
    assert matrix.symbology_identifier == "]d2"
    assert matrix.content_type == zxingcpp.ContentType.GS1
    assert matrix.bytes == b"01069012345600151729022810L2026-11\x1d21" + LONGEST.encode()
    result = parse(matrix.bytes.decode())
    assert result.gs1_message is not None
    assert {e.ai.ai: e.value for e in result.gs1_message.element_strings} == {
        "01": "06901234560015",
        "17": "290228",
        "10": "L2026-11",
        "21": LONGEST,
    }


def test_without_batch_and_expiry_the_datamatrix_holds_gtin_and_serial_only(tmp_path):
    path = tmp_path / "labels.pdf"
    unit = dataclasses.replace(UNIT, batch=None, expiry=None)
    render_labels(load_template("thermal-40x20"), [unit], path)
    [matrix] = [b for b in decode(render(path)) if b.format == zxingcpp.BarcodeFormat.DataMatrix]
    assert matrix.bytes == b"010690123456001521" + LONGEST.encode()


def test_an_item_without_gtin_gets_no_datamatrix(tmp_path):
    path = tmp_path / "labels.pdf"
    unit = dataclasses.replace(UNIT, gtin=None)
    render_labels(load_template("thermal-60x40"), [unit], path)
    assert decoded(render(path)) == {("Code 128", LONGEST), ("QR Code", LONGEST)}


def test_sheet_labels_start_at_a_free_position_and_run_onto_the_next_sheet(tmp_path):
    path = tmp_path / "labels.pdf"
    units = [dataclasses.replace(UNIT, serial=f"SN{n:04d}") for n in range(1, 24)]
    assert render_labels(load_template("a4-3x8"), units, path, start=5) == 23
    assert pages(path) == 2  # 20 positions left on the first sheet, 3 on the second
    images = label_images("a4-3x8", path, 27, start=1)
    for position, image in enumerate(images, 1):
        found = {t for f, t in decoded(image) if f == "Code 128"}
        assert found == (set() if position < 5 else {f"SN{position - 4:04d}"}), position


def test_a_start_position_beyond_the_sheet_is_refused(tmp_path):
    with pytest.raises(ValidationError, match="positions 1 to 40"):
        render_labels(load_template("a4-4x10"), [UNIT], tmp_path / "x.pdf", start=41)


def test_a_serial_too_long_for_the_label_is_refused_naming_the_template(tmp_path):
    path = tmp_path / "x.pdf"
    unit = dataclasses.replace(UNIT, serial="ABCDEFGHIJKLMNOPQRSTUVWXYZ-ABCDEFGHIJKL", gtin=None)  # 39 characters
    with pytest.raises(ValidationError, match="thermal-40x20: needs .* mm, the box is 38 mm") as refused:
        render_labels(load_template("thermal-40x20"), [unit], path)
    assert refused.value.problems[0].position == f"serial {unit.serial}"
    assert not path.exists()


def test_a_serial_gs1_cannot_carry_is_refused(tmp_path):
    unit = dataclasses.replace(UNIT, serial="SN 0001#")  # Code 128 carries space and #, GS1 (21) does not
    with pytest.raises(ValidationError, match="datamatrix on template thermal-50x30: cannot be encoded"):
        render_labels(load_template("thermal-50x30"), [unit], tmp_path / "x.pdf")


def test_chinese_text_is_embedded_and_extracts(tmp_path):
    path = tmp_path / "labels.pdf"
    render_labels(load_template("thermal-50x30"), [UNIT], path, title="Serial labels", author="li.na")
    [page] = text(path)
    assert "ThinkPad T14 笔记本电脑" in page and LONGEST in page and "PO-2026-000042" in page
    assert metadata(path)["Title"] == "Serial labels" and metadata(path)["Author"] == "li.na"


@pytest.mark.parametrize("name", TEMPLATES)
def test_a_long_name_stays_inside_its_box(tmp_path, name):
    import pypdfium2 as pdfium

    long_name = "十二导联心电图机 12-lead ECG with a very long description 超长的物料名称需要自动缩小或换行 " * 3
    path = tmp_path / "labels.pdf"
    render_labels(load_template(name), [dataclasses.replace(UNIT, item_name=long_name)], path)
    template = load_template(name)
    [box] = [f.box for f in template.fields if f.kind == "text" and f.lines == ("{item_name}",)] or [
        f.box for f in template.fields if f.kind == "text" and "{item_name}" in f.lines[0]
    ]
    page = pdfium.PdfDocument(path)[0]
    height = page.get_height()
    page_text = page.get_textpage()
    to_pt = 72 / 25.4
    left, top = box.x * to_pt, box.y * to_pt
    right, bottom = left + box.width * to_pt, top + box.height * to_pt
    chars = [page_text.get_charbox(i) for i in range(page_text.count_chars())]
    first = page_text.get_text_range().index("十二")
    inside = chars[first : first + 40]
    assert inside
    for x0, y0, x1, y1 in inside:  # PDF coordinates: y up from the page's foot
        if (x0, y0, x1, y1) == (0, 0, 0, 0):
            continue  # a line break
        assert left - 0.5 <= x0 and x1 <= right + 0.5
        assert top - 0.5 <= height - y1 and height - y0 <= bottom + 0.5


def test_fit_shrinks_then_wraps_then_cuts_with_an_ellipsis():
    assert fitting.fit("Short", 100, 20, 9, 5) == fitting.Fitted(9, ["Short"])
    fitted = fitting.fit("物料名称" * 30, 100, 20, 9, 5)
    assert fitted.size == 5 and fitted.lines[-1].endswith(fitting.ELLIPSIS)
    assert len(fitted.lines) * fitted.size * fitting.LEADING <= 20
    assert all(fitting.width(line, fitted.size) <= 100 for line in fitted.lines)
    # A long word with no break opportunity is split, not left hanging over the edge.
    assert all(fitting.width(line, 8) <= 50 for line in fitting.wrap("X" * 60, 8, 50))


def test_an_unknown_template_names_the_ones_there_are():
    with pytest.raises(NotFound, match="no label template 'thermal-30x10'; the templates are: a4-3x8, a4-4x10"):
        load_template("thermal-30x10")
    with pytest.raises(NotFound):
        load_template("../labels/thermal-40x20")


def test_a_new_template_is_a_file_and_its_mistakes_are_named(tmp_path):
    spec = json.loads((template_dir() / "thermal-50x30.json").read_text())
    spec["label"] = {"width": 30, "height": 30}
    spec["fields"].append({"kind": "text", "box": [1, 1, 10, 5], "lines": ["{colour}"]})
    spec["fields"].append({"kind": "pdf417", "box": [1, 1, 5, 5]})
    with pytest.raises(ValidationError) as refused:
        parse_template("mine", spec, "mine.json")
    messages = [str(p) for p in refused.value.problems]
    assert any("field 2" in m and "outside the label" in m for m in messages)
    assert any("unknown field colour" in m for m in messages)
    assert any("field 7" in m and "kind is text or one of" in m for m in messages)


def test_the_sample_label_renders_on_every_template(tmp_path):
    for name in TEMPLATES:
        path = tmp_path / f"{name}.pdf"
        render_labels(load_template(name), [sample_label()], path)
        assert ("Code 128", sample_label().serial) in decoded(label_images(name, path, 1)[0])
