"""The Recall screen: criteria typed, units grouped by where they are, Excel and PDF, block and release confirmed."""

from __future__ import annotations

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from snapp.domain.capture import scans
from snapp.gui.views.recall import RecallView
from snapp.services import lifecycle, lookup, receiving
from tests import pdfkit
from tests.gui.conftest import Screen, type_text
from tests.gui.test_screens import answer_next_dialog

GTIN = "09506000134352"


def spread(ctx, company) -> None:
    """Six units of batch LOT9: three in stock (one at WH-B), one issued, one shipped, one in repair."""
    units = [f"(01){GTIN}(17)270630(10)LOT9(21)GU{n:04d}" for n in range(1, 7)]
    receiving.receive(ctx, company.number, "LAP", [scans([*units, "GU0099"])], location="WH-A")
    lifecycle.move(ctx, "issue", ["GU0001"], ref="王医生 / Dr. Wang")
    lifecycle.move(ctx, "ship", ["GU0002"], ref="Clinic 7")
    lifecycle.move(ctx, "repair", ["GU0003"], ref="RMA-1")
    lifecycle.move(ctx, "transfer", ["GU0006"], to="WH-B")


def tree_rows(tree) -> list[tuple[str, list[str]]]:
    return [(tree.topLevelItem(i).text(0), [tree.topLevelItem(i).child(j).text(0)
                                             for j in range(tree.topLevelItem(i).childCount())])
            for i in range(tree.topLevelItemCount())]  # fmt: skip


def status(ctx, serial: str) -> str:
    return lookup.find_serial(ctx, serial)[0].status


def test_trace_group_export_block_and_release(qtbot, ctx, company, settings, tmp_path):
    spread(ctx, company)
    s = Screen(qtbot, ctx, settings, RecallView)
    form = s.view.form
    assert not form.blockButton.isEnabled() and not form.excelButton.isEnabled()  # nothing traced yet
    type_text(qtbot, form.supplierEdit, "ACME")
    type_text(qtbot, form.batchEdit, "LOT9")
    qtbot.mouseClick(form.traceButton, Qt.MouseButton.LeftButton)
    s.settle()
    assert form.summaryLabel.text() == "6 unit(s) affected"
    assert tree_rows(form.unitsTree) == [
        ("In stock · WH-A — 2 unit(s)", ["GU0004", "GU0005"]),
        ("In stock · WH-B — 1 unit(s)", ["GU0006"]),
        ("Issued — 1 unit(s)", ["GU0001"]),
        ("In repair — 1 unit(s)", ["GU0003"]),
        ("Shipped — 1 unit(s)", ["GU0002"]),
    ]
    issued = form.unitsTree.topLevelItem(2).child(0)
    assert (issued.text(2), issued.text(5)) == ("LOT9", "王医生 / Dr. Wang")
    assert form.blockButton.isEnabled() and not form.releaseButton.isEnabled()

    s.view.export(str(tmp_path / "recall.xlsx"))
    s.view.report(str(tmp_path / "recall.pdf"))
    s.settle()
    sheet = openpyxl.load_workbook(tmp_path / "recall.xlsx")["Recall"]
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == [
        "GU0004", "GU0005", "GU0006", "GU0001", "GU0003", "GU0002"]
    assert "王医生 / Dr. Wang" in pdfkit.flat("".join(pdfkit.text(tmp_path / "recall.pdf")))

    answer_next_dialog("notice", accept=False)  # changed their mind: nothing moves
    qtbot.mouseClick(form.blockButton, Qt.MouseButton.LeftButton)
    s.settle()
    assert status(ctx, "GU0004") == "in_stock"

    asked: list[str] = []
    answer_next_dialog("Notice FSN-2026-11 of ACME", asked=asked)
    qtbot.mouseClick(form.blockButton, Qt.MouseButton.LeftButton)
    s.settle()
    assert asked[-1].startswith("Quarantine 3 unit(s) in stock where they stand?")
    assert [status(ctx, f"GU000{n}") for n in (4, 5, 6, 1)] == ["quarantined"] * 3 + ["issued"]
    assert lookup.find_serial(ctx, "GU0004")[0].history[-1].note == "Notice FSN-2026-11 of ACME"
    assert form.summaryLabel.text() == "6 unit(s) affected — 3 unit(s) quarantined"
    assert tree_rows(form.unitsTree) == [
        ("Issued — 1 unit(s)", ["GU0001"]),
        ("In repair — 1 unit(s)", ["GU0003"]),
        ("Shipped — 1 unit(s)", ["GU0002"]),
        ("Quarantined · WH-A — 2 unit(s)", ["GU0004", "GU0005"]),
        ("Quarantined · WH-B — 1 unit(s)", ["GU0006"]),
    ]
    assert not form.blockButton.isEnabled() and form.releaseButton.isEnabled()

    answer_next_dialog("")  # no note
    qtbot.mouseClick(form.releaseButton, Qt.MouseButton.LeftButton)
    s.settle()
    [card] = lookup.find_serial(ctx, "GU0006")
    assert (card.status, card.location, card.history[-1].note) == ("in_stock", "WH-B", None)
    assert form.summaryLabel.text() == "6 unit(s) affected — 3 unit(s) released"


def test_a_bad_date_is_named_and_nothing_is_traced(qtbot, ctx, company, settings, monkeypatch):
    s = Screen(qtbot, ctx, settings, RecallView)
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    type_text(qtbot, s.view.form.fromEdit, "31/12/2026")
    qtbot.mouseClick(s.view.form.traceButton, Qt.MouseButton.LeftButton)
    assert warned == ["'31/12/2026' is not a date; write YYYY-MM-DD"]
    assert s.view.recall is None


def test_a_recall_naming_nothing_is_refused_in_words(qtbot, ctx, company, settings):
    s = Screen(qtbot, ctx, settings, RecallView)
    qtbot.mouseClick(s.view.form.traceButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: s.runner.idle, timeout=10_000)
    [err] = s.errors
    assert "say what the recall names" in str(err)


def test_the_dashboard_counts_expired_expiring_and_quarantined_stock(qtbot, ctx, company, settings):
    import datetime as dt

    from snapp.gui.views.dashboard import DashboardView
    from snapp.services.recall import Recall, block

    soon = dt.date.today() + dt.timedelta(days=10)
    units = [f"(01){GTIN}(17)200101(10)OLD(21)EX0001", f"(01){GTIN}(17)200101(10)OLD(21)EX0002",
             f"(01){GTIN}(17){soon:%y%m%d}(10)SOON(21)EX0003"]  # fmt: skip
    receiving.receive(ctx, company.number, "LAP", [scans(units)], location="WH-A")
    block(ctx, Recall(batch="OLD"))
    s = Screen(qtbot, ctx, settings, DashboardView)
    notes = s.view.form.exceptionsValue.text().splitlines()
    assert "2 units on our shelves have expired" in notes  # quarantined ones are still on our shelves
    assert "1 unit expires within 30 days: issue the first-expiring first" in notes
    assert "2 units are quarantined by a recall" in notes


def test_the_register_filters_by_batch_and_the_card_shows_batch_and_expiry(qtbot, ctx, company, settings):
    from snapp.gui.views.lookup import LookupView
    from snapp.gui.views.register import RegisterView

    spread(ctx, company)
    s = Screen(qtbot, ctx, settings, RegisterView)
    type_text(qtbot, s.view.form.batchEdit, "LOT9")
    qtbot.mouseClick(s.view.form.applyButton, Qt.MouseButton.LeftButton)
    s.settle()
    qtbot.waitUntil(lambda: len(s.view.model.rows) == 6, timeout=10_000)
    assert sorted(row.serial for row in s.view.model.rows) == [f"GU000{n}" for n in range(1, 7)]  # not GU0099

    card = Screen(qtbot, ctx, settings, LookupView)
    card.view.look_up("GU0004")
    card.settle()
    assert card.view.form.batchValue.text().startswith("LOT9 / expires 2027-06-30 (")


def test_a_long_summary_wraps_instead_of_widening_the_window_past_a_laptops_screen(qtbot, window):
    window.open_screen(RecallView)
    view = window.view(RecallView)
    said = ("99 unit(s) affected; batches: 36 piece(s) in stock, 36 of them blocked, 4 issued — "
            "78 unit(s) quarantined, 25 piece(s) blocked")  # fmt: skip
    view.form.summaryLabel.setText(said)
    qtbot.wait(10)
    assert view.form.summaryLabel.minimumSizeHint().width() < 400  # it wraps: the buttons beside it keep their room
    assert window.minimumSizeHint().width() <= 1366 and window.width() <= 1366
