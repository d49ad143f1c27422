"""Excel from the screens: the register exported as filtered, master data imported all or nothing, a template."""

from __future__ import annotations

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from snapp.domain.capture import scans
from snapp.gui.views.masterdata import SuppliersView
from snapp.gui.views.register import RegisterView
from snapp.services import masterdata, receiving
from tests.gui.conftest import settle


def test_the_register_exports_what_it_shows_with_serials_as_text(qtbot, window, ctx, company, tmp_path, monkeypatch):
    serials = ["000123", "00000000000000000042", "EXP0003"]
    receiving.receive(ctx, company.number, "LAP", [scans(serials)], location="WH-A")
    window.open_screen(RegisterView)
    view = window.view(RegisterView)
    qtbot.keyClicks(view.form.prefixEdit, "000")
    qtbot.keyClick(view.form.prefixEdit, Qt.Key.Key_Return)
    settle(qtbot, window)
    out = tmp_path / "register.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), "Excel (*.xlsx)"))  # the user's choice
    qtbot.mouseClick(view.form.exportButton, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert view.form.countLabel.text() == f"2 rows written to {out}"
    sheet = openpyxl.load_workbook(out).worksheets[0]
    written = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True) if row[0]]
    assert sorted(written) == ["00000000000000000042", "000123"]  # every digit kept, as text
    assert all(isinstance(value, str) for value in written)


def test_suppliers_import_all_or_nothing_with_the_bad_cell_named(qtbot, window, ctx, tmp_path, monkeypatch):
    window.open_screen(SuppliersView)
    view = window.view(SuppliersView)
    settle(qtbot, window)
    good, bad = tmp_path / "good.xlsx", tmp_path / "bad.xlsx"
    for path, rows in ((good, [["SZ01", "深圳供应商"], ["SH02", "上海供应商"]]), (bad, [["BJ03", "北京供应商"], ["", "无代码"]])):
        book = openpyxl.Workbook()
        book.active.append(["Code", "Name"])
        for row in rows:
            book.active.append(row)
        book.save(path)

    shown = []
    window.runner.failed.disconnect()
    window.runner.failed.connect(shown.append)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    qtbot.mouseClick(view.form.importButton, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert "row 3" in str(shown[0]) and "is required" in str(shown[0])
    assert "BJ03" not in [s.code for s in masterdata.list_suppliers(ctx)]  # nothing of the bad file

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(good), ""))
    qtbot.mouseClick(view.form.importButton, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert view.form.messageLabel.text() == "good.xlsx: 2 added"
    assert {"SZ01", "SH02"} <= {s.code for s in view.model.rows}  # the list refreshed by itself


def test_a_template_to_fill_in(qtbot, window, tmp_path, monkeypatch):
    window.open_screen(SuppliersView)
    view = window.view(SuppliersView)
    out = tmp_path / "suppliers.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    qtbot.mouseClick(view.form.templateButton, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert openpyxl.load_workbook(out).worksheets[0]["A2"].number_format == "@"
