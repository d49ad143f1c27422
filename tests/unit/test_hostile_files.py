"""Hostile and careless files: hidden sheets, unknown headings, formulas without values, huge files, bad outputs.

Every workbook is a real .xlsx written by openpyxl and read the way SNApp reads it.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile

import openpyxl
import pytest

from snapp.app.errors import error_json
from snapp.domain.capture import SerialRule, capture, scans
from snapp.domain.scan import decode
from snapp.errors import SHOWN, Problem, ValidationError
from snapp.io import tables
from snapp.io.masterdata_files import read_masterdata
from snapp.io.output import output_target
from snapp.io.serial_files import read_serial_file
from snapp.io.templates import write_template


def book(path, *sheets: tuple[str, list[list], str], active: int = 0):
    """``sheets`` as (title, rows, state); ``active`` is the sheet the workbook is saved showing."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for title, rows, state in sheets:
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
        sheet.sheet_state = state
    workbook.active = active
    workbook.save(path)
    return path


def patched(path, member: str, old: bytes, new: bytes):
    """``path`` with one part's XML edited, to write what openpyxl will not (Excel's own saved values...)."""
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    assert old in parts[member]
    parts[member] = parts[member].replace(old, new)
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def serials(path) -> list[str]:
    return capture(read_serial_file(path), SerialRule()).serials


def refusal(call, *args) -> list[tuple[str, str, str]]:
    with pytest.raises(ValidationError) as caught:
        call(*args)
    return [(str(p.position), p.value, p.reason) for p in caught.value.problems]


# --- which sheet --------------------------------------------------------------------


def test_a_hidden_first_sheet_is_not_read(tmp_path):
    path = book(tmp_path / "d.xlsx", ("Old", [["Serial"], ["OLD001"]], "hidden"),
                ("Delivery", [["Serial"], ["NEW001"], ["NEW002"]], "visible"), active=1)  # fmt: skip
    assert serials(path) == ["NEW001", "NEW002"]


def test_the_active_sheet_is_read_among_visible_ones(tmp_path):
    path = book(tmp_path / "d.xlsx", ("Notes", [["read me"]], "visible"),
                ("Delivery", [["Serial"], ["NEW001"]], "visible"), active=1)  # fmt: skip
    assert serials(path) == ["NEW001"]


def test_a_hidden_active_sheet_among_several_visible_is_refused_naming_them(tmp_path):
    path = book(tmp_path / "d.xlsx", ("A", [["Serial"], ["A1"]], "visible"), ("B", [["Serial"], ["B1"]], "visible"),
                ("C", [["Serial"], ["C1"]], "hidden"), active=2)  # fmt: skip
    path = patched(path, "xl/workbook.xml", b'firstSheet="0"', b'firstSheet="0" activeTab="2"')
    with pytest.raises(ValidationError, match=r"has 2 visible sheets \(A, B\)"):
        read_serial_file(path)


# --- headings -----------------------------------------------------------------------


@pytest.mark.parametrize("heading", ["Seriennummer", "Serial #", "IMEI", "S/N", "串号"])
def test_headings_people_write_are_known(tmp_path, heading):
    path = book(tmp_path / "d.xlsx", ("S", [[heading], ["356938035643809"], ["356938035643817"]], "visible"))
    assert serials(path) == ["356938035643809", "356938035643817"]


def test_an_unknown_heading_is_refused_by_its_cell_not_received(tmp_path):
    path = book(tmp_path / "d.xlsx", ("S", [["Gerätenummer"], ["SN0001"], ["SN0002"]], "visible"))
    assert refusal(read_serial_file, path) == [("cell A1", "Gerätenummer", "header")]
    csv = tmp_path / "d.csv"
    csv.write_text("Part number\nSN0001\n", encoding="utf-8")
    assert refusal(read_serial_file, csv) == [("row 1, column 1", "Part number", "header")]


def test_serials_without_digits_are_still_serials(tmp_path):
    path = book(tmp_path / "d.xlsx", ("S", [["ALPHA"], ["BRAVO"]], "visible"))
    assert serials(path) == ["ALPHA", "BRAVO"]


def test_a_master_data_column_snapp_does_not_know_is_refused_not_dropped(tmp_path):
    path = book(tmp_path / "s.xlsx", ("S", [["Code", "Name", "Bank account"], ["A", "Acme", "123"]], "visible"))
    found = read_masterdata(path, "suppliers")
    [(row, problem)] = found.problems
    assert (row, str(problem.position), problem.value, problem.reason) == (0, "row 1, cell C1", "Bank account", "header")
    assert problem.message.startswith("is not a column SNApp knows; the columns are Code, Name")


# --- formulas -----------------------------------------------------------------------


def test_a_formula_without_a_value_is_refused_by_its_cell(tmp_path):
    path = book(tmp_path / "d.xlsx", ("S", [["Serial"], ["SN0001"], ['=A2&"X"'], ["SN0003"]], "visible"))
    [(position, value, reason)] = refusal(read_serial_file, path)
    assert (position, reason) == ("cell A3", "formula")
    path = book(tmp_path / "s.xlsx", ("S", [["Code", "Name"], ["A", "=UPPER(A2)"]], "visible"))
    assert refusal(read_masterdata, path, "suppliers") == [("cell B2", "", "formula")]


def test_a_formula_with_a_saved_value_is_read(tmp_path):
    """Excel saves a formula's value beside it; only the value is read."""
    path = book(tmp_path / "d.xlsx", ("S", [["Serial"], ["SN0001"]], "visible"))
    path = patched(path, "xl/worksheets/sheet1.xml", b"</sheetData>",
                   b'<row r="3"><c r="A3" t="str"><f>"SN"&amp;"0002"</f><v>SN0002</v></c></row></sheetData>')
    assert serials(path) == ["SN0001", "SN0002"]


# --- size ---------------------------------------------------------------------------


def test_a_csv_over_the_size_limit_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.csv"
    with open(path, "wb") as out:
        out.truncate(tables.MAX_FILE_MB * 1024 * 1024 + 1)  # sparse: the size is real, the disk is not used
    with pytest.raises(ValidationError, match=f"SNApp reads files of at most {tables.MAX_FILE_MB} MB"):
        read_serial_file(path)


def test_a_zip_bomb_is_refused_from_its_directory(tmp_path, monkeypatch):
    rows = [["Serial"]] + [[f"SN{n:07d}"] for n in range(40_000)]
    path = book(tmp_path / "bomb.xlsx", ("S", rows, "visible"))
    monkeypatch.setattr(tables, "MAX_UNPACKED_MB", 1)  # the real limit needs a 256 MB sheet to pass
    with pytest.raises(ValidationError, match="unpacks to .* MB; SNApp reads workbooks of at most 1 MB unpacked"):
        read_serial_file(path)


def test_too_many_rows_are_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(tables, "MAX_ROWS", 10)
    path = tmp_path / "rows.csv"
    path.write_text("\n".join(f"SN{n:04d}" for n in range(11)), encoding="utf-8")
    with pytest.raises(ValidationError, match="has 11 rows; SNApp reads at most 10 rows"):
        read_serial_file(path)


def test_a_refusal_says_the_first_problems_and_counts_the_rest():
    err = ValidationError(capture(scans(["x"] * (SHOWN + 50)), SerialRule(min_length=2)).problems)
    lines = str(err).splitlines()
    assert lines[0] == f"{SHOWN + 50} problems found; nothing was saved"
    assert len(lines) == SHOWN + 2 and lines[-1] == "… and 50 more"
    body = error_json(err, "en")
    assert len(body["problems"]) == SHOWN and body["more_problems"] == 50


# --- patterns -----------------------------------------------------------------------


def test_a_pathological_pattern_matches_in_linear_time():
    """``(a|a)+b`` takes Python's backtracking engine 2^n steps; the run is timed by the clock, not trusted."""
    code = (
        "from snapp.domain.capture import SerialRule, capture, scans\n"
        "rule = SerialRule(pattern='(a|a)+b', max_length=64)\n"
        "print(len(capture(scans(['a' * 60] * 1000), rule).problems))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "1000", done.stderr


def test_a_pattern_the_linear_engine_cannot_run_is_refused_when_the_item_is_saved():
    [problem] = SerialRule(pattern=r"(SN)\1").problems()
    assert problem.reason == "serial_pattern" and problem.message.startswith("is not a valid pattern")


# --- GS1 dates ----------------------------------------------------------------------


def test_an_expiry_that_is_no_date_is_said_so():
    reading = decode("]C101095060001343521799133221SN1")
    assert reading.message == "expiry date (17) 99-13-32 is not a date"
    [problem] = capture(scans(["]C101095060001343521799133221SN1"]), SerialRule(gtin="09506000134352")).problems
    assert problem.message == "expiry date (17) 99-13-32 is not a date"
    assert problem.message.say("zh") == "有效期 (17) 99-13-32 不是有效日期"


# --- outputs ------------------------------------------------------------------------


def test_output_targets_are_checked_before_any_work(tmp_path):
    assert refusal(output_target, tmp_path / "missing" / "x.pdf") == [(str(tmp_path / "missing" / "x.pdf"), "", "folder")]
    with pytest.raises(ValidationError, match="is a folder"):
        output_target(tmp_path)
    with pytest.raises(ValidationError, match=r"cannot be written \(File name too long\)"):
        output_target(tmp_path / ("x" * 300 + ".pdf"))
    kept = tmp_path / "kept.pdf"
    kept.write_bytes(b"old")
    assert output_target(kept) == kept and kept.read_bytes() == b"old"  # checked, not truncated
    assert output_target(tmp_path / "new.pdf") == tmp_path / "new.pdf" and not (tmp_path / "new.pdf").exists()


def test_an_export_or_template_named_csv_is_refused(tmp_path):
    with pytest.raises(ValidationError, match=r"an export is written as an \.xlsx file"):
        output_target(tmp_path / "x.csv", ".xlsx", "export")
    with pytest.raises(ValidationError, match=r"a template is written as an \.xlsx file"):
        write_template("serials", tmp_path / "t.csv")
    assert list(tmp_path.iterdir()) == []


def test_no_problem_is_placed_without_a_text():
    """Positions of file problems are sentences of the catalog, so they can be said in Chinese."""
    problem = Problem(tables.Table([["a"]], True).where(4, 2), "", "x", "y")
    assert str(problem.position) == "cell C5" and problem.position.say("zh") == "单元格 C5"
