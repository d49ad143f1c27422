"""The receiving screen takes a batch item's lot — typed, or filled from a GS1 label scan — and posts it through
the same receipt as the command line, all or nothing, every refusal on the screen with its reason; on SQLite and
PostgreSQL, in English and Chinese."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QLabel

from snapp.db.engine import sqlite_url
from snapp.services import batches, masterdata
from tests.gui.conftest import settle, type_text
from tests.gui import test_desk_language
from tests.gui.test_receiving_screen import approved_po, open_receiving, scan

restores_language = test_desk_language.restores_language  # the fixture, shared
GTIN = "09506000134376"
LATER = dt.date.today() + dt.timedelta(days=400)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return sqlite_url(tmp_path / "snapp.db")
    return request.getfixturevalue("pg_url")


@pytest.fixture
def gauze(ctx, company):
    """GAUZE, tracked by batch, 1000 ordered on an approved PO (its number returned)."""
    masterdata.add_item(ctx, masterdata.ItemRecord("GAUZE", "无菌纱布 sterile gauze", gtin=GTIN[1:], tracking="batch",
                                                   supplier="ACME"))  # fmt: skip
    return approved_po(ctx, ("GAUZE", 1000))


def stock(ctx) -> list[tuple[str, dt.date | None, str, int]]:
    return [(r.batch, r.expiry, r.location, r.quantity) for r in batches.stock(ctx, "GAUZE")]


def post(qtbot, window, view) -> None:
    qtbot.keyClick(view.form.scanEdit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window)


def test_a_serial_item_shows_no_lot_and_a_batch_item_its_lot_fields(qtbot, window, ctx, company, gauze):
    view = open_receiving(qtbot, window, company.number)
    assert view.form.lotBox.isHidden() and view.form.pasteButton.isEnabled()
    view = open_receiving(qtbot, window, gauze)
    assert not view.form.lotBox.isHidden()
    assert not view.form.pasteButton.isEnabled() and not view.form.importButton.isEnabled()
    assert view.form.postButton.isEnabled()
    assert view.form.counterLabel.text() == "0 / 1000"
    [hint] = view.form.pendingView.viewport().findChildren(QLabel, "emptyHint")
    assert hint.text().startswith("A lot has no serials")
    view = open_receiving(qtbot, window, company.number)  # back to serials: their own words again
    assert view.form.lotBox.isHidden() and hint.text().startswith("Choose the purchase order")


def test_a_typed_lot_is_received(qtbot, window, ctx, gauze):
    view = open_receiving(qtbot, window, gauze)
    type_text(qtbot, view.form.batchEdit, " LOT7 ")  # trimmed by the core
    type_text(qtbot, view.form.expiryEdit, LATER.isoformat())
    view.form.quantitySpin.setValue(40)
    assert view.form.counterLabel.text() == "40 / 1000"
    post(qtbot, window, view)
    assert stock(ctx) == [("LOT7", LATER, "WH-A", 40)]
    said = view.form.lastLabel.text()
    assert said.startswith("Receipt GR-") and said.endswith(": 40 of GAUZE, batch LOT7, received into WH-A")
    assert view.form.batchEdit.text() == "" and view.form.quantitySpin.value() == 0
    assert view.form.counterLabel.text() == "0 / 960"  # the PO reloaded with its open quantity
    assert not view.form.printButton.isEnabled()  # a lot has no serials to label


def test_a_gs1_label_scan_fills_the_lot_and_is_posted(qtbot, window, ctx, gauze):
    view = open_receiving(qtbot, window, gauze)
    scan(qtbot, view, f"(01){GTIN}(10)SCAN1(17){LATER:%y%m%d}(37)25")
    assert (view.form.batchEdit.text(), view.form.expiryEdit.text(), view.form.quantitySpin.value()) == (
        "SCAN1", LATER.isoformat(), 25)  # fmt: skip
    assert view.form.lastLabel.text() == f"Batch SCAN1, expires {LATER.isoformat()}: check the quantity, then post"
    assert view.form.quantitySpin.hasFocus()
    assert view.pending == []  # a label is not a serial
    post(qtbot, window, view)
    assert stock(ctx) == [("SCAN1", LATER, "WH-A", 25)]


def test_every_refusal_is_shown_with_its_reason_and_nothing_is_written(qtbot, window, ctx, gauze):
    view = open_receiving(qtbot, window, gauze)
    post(qtbot, window, view)  # nothing typed: no batch, no quantity
    said = view.form.lastLabel.text().splitlines()
    assert said == ["lot refused: 2 problem(s); nothing was received", "", "batch: give the batch",
                    "quantity: '0' give a quantity of at least 1"]  # fmt: skip
    assert stock(ctx) == []

    type_text(qtbot, view.form.batchEdit, "OLD1")
    type_text(qtbot, view.form.expiryEdit, "2020-02-30")
    view.form.quantitySpin.setValue(5)
    post(qtbot, window, view)
    assert "write the expiry as YYYY-MM-DD" in view.form.lastLabel.text()

    view.form.expiryEdit.setText("2020-02-28")
    post(qtbot, window, view)
    assert "batch OLD1 expired on 2020-02-28: expired stock is not received" in view.form.lastLabel.text()
    assert stock(ctx) == []
    assert view.form.batchEdit.text() == "OLD1"  # kept, to be corrected


def test_a_lot_typed_so_far_carries_over_into_chinese(qtbot, window, ctx, gauze, restores_language):
    view = open_receiving(qtbot, window, gauze)
    scan(qtbot, view, f"(01){GTIN}(10)KEEP1(17){LATER:%y%m%d}(30)12")
    view = test_desk_language.choose_language(qtbot, window, "zh_CN")
    qtbot.waitUntil(lambda: not view.form.lotBox.isHidden(), timeout=10_000)
    assert view.po.number == gauze and view.form.batchLabel.text() == "批号(&T)："
    assert (view.form.batchEdit.text(), view.form.expiryEdit.text(), view.form.quantitySpin.value()) == (
        "KEEP1", LATER.isoformat(), 12)  # fmt: skip
    post(qtbot, window, view)
    assert stock(ctx) == [("KEEP1", LATER, "WH-A", 12)]


def test_hostile_label_scans_are_refused_saying_why(qtbot, window, ctx, gauze):
    view = open_receiving(qtbot, window, gauze)
    scan(qtbot, view, f"(01){GTIN}(21)SN0001")  # a unit's label, not a lot's
    assert "SN0001" in view.form.lastLabel.text() and view.form.batchEdit.text() == ""
    scan(qtbot, view, "(01)09506000134352(10)L1(17)301231(30)5")  # the laptop's label
    assert view.form.batchEdit.text() == "L1"
    post(qtbot, window, view)
    assert "the label is for GTIN 09506000134352, not for GAUZE" in view.form.lastLabel.text()
    assert stock(ctx) == []


def test_the_lot_speaks_chinese(qtbot, ctx, gauze, settings, restores_language):
    from snapp.gui.app import install_translation
    from snapp.gui.main_window import MainWindow

    install_translation(QCoreApplication.instance(), "zh_CN")
    window = MainWindow(ctx, settings)
    qtbot.addWidget(window)
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(1366, 768)
    window.show()
    view = open_receiving(qtbot, window, gauze)
    assert view.form.batchLabel.text() == "批号(&T)："
    assert view.form.quantityLabel.text() == "数量(&Q)："
    post(qtbot, window, view)  # the core's refusal, read in Chinese
    assert QLocale().name() == "zh_CN" and "批号" in view.form.lastLabel.text()
    scan(qtbot, view, f"(01){GTIN}(10)ZH1(17){LATER:%y%m%d}(30)8")
    assert view.form.lastLabel.text() == f"批号 ZH1，有效期至 {LATER.isoformat()}：请核对数量，然后确认收货"
    post(qtbot, window, view)
    assert view.form.lastLabel.text().endswith("：GAUZE 共 8，批号 ZH1，已收入 WH-A")
    assert stock(ctx) == [("ZH1", LATER, "WH-A", 8)]
