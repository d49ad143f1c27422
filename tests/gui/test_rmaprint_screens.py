"""The after-sales documents from the desktop, read back from the PDFs the screens write (in English and Chinese), and
a customer return's promised answer day on the Returns and RMAs screen."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from snapp.domain.aftersales import Party
from snapp.domain.capture import scans
from snapp.gui.views.aftersales import ReturnDialog
from snapp.gui.views.lookup import LookupView
from snapp.gui.views.rma import OVERDUE_COLOUR, RmaView
from snapp.gui.views.rma_dialogs import SupplierBackDialog
from snapp.services import aftersales, customers, lifecycle, masterdata, receiving, rma_due
from snapp.services.aftersales import RepairInput
from tests.gui.conftest import settle, type_text
from tests.pdfkit import flat, render, text

TODAY = dt.date.today()


@pytest.fixture
def desk(ctx, company, settings, tmp_path):
    """PR0001 shipped to C-BJ and back under RMA-7 (promised two days ago: overdue); PR0002 shipped to C-BJ, back under
    RMA-8 (promised in a week); PR0003 at ACME under ACME-30 with a repair; PR0004, PR0005 in stock; PDFs go to docs/."""
    settings.setValue("reports/folder", str(tmp_path / "docs"))
    customers.add_customer(ctx, customers.CustomerRecord("C-BJ", "北京客户有限公司"))
    masterdata.update_item(ctx, "LAP", customer_warranty_months=12)
    receiving.receive(ctx, company.number, "LAP", [scans([f"PR000{n}" for n in range(1, 6)])], location="WH-A")
    for serial in ("PR0001", "PR0002"):
        lifecycle.move(ctx, "ship", [serial], ref="DN-1", party=Party(customer="C-BJ"))
    aftersales.receive_return(ctx, "PR0001", rma="RMA-7", customer="C-BJ", reason="屏幕闪烁 screen flickers")
    aftersales.receive_return(ctx, "PR0002", rma="RMA-8", customer="C-BJ", reason="no sound")
    ctx.db.engine.dispose()
    with ctx.db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE customer_rmas SET promised_on = ? WHERE number = 'RMA-7'",
                             ((TODAY - dt.timedelta(days=2)).isoformat(),))  # fmt: skip
    aftersales.record_repair(ctx, "PR0003", RepairInput("no power", work="fuse replaced", technician="张工"))
    aftersales.send_to_supplier(ctx, "PR0003", rma="ACME-30", expected_on=TODAY + dt.timedelta(days=5))
    return tmp_path / "docs"


@pytest.fixture(params=["en", "zh_CN"])
def language(request):
    from snapp.gui.app import install_translation

    app, locale = QCoreApplication.instance(), QLocale()
    install_translation(app, request.param)
    yield request.param
    for translator in app.findChildren(QTranslator):
        app.removeTranslator(translator)
    QLocale.setDefault(locale)


def rma_screen(qtbot, window) -> RmaView:
    window.open_screen(RmaView)
    settle(qtbot, window)
    return window.view(RmaView)


def row_of(view, number: str) -> int:
    model = view.model()
    return next(row for row in range(model.rowCount()) if model.index(row, 0).data() == number)


def test_the_rma_note_and_the_warranty_claim_are_written_from_the_returns_screen(qtbot, language, window, desk):
    view = rma_screen(qtbot, window)
    form = view.form
    assert not form.noteButton.isEnabled() and not form.claimButton.isEnabled() and not form.openPdfButton.isEnabled()
    form.customerView.selectRow(row_of(form.customerView, "RMA-7"))
    assert form.noteButton.isEnabled() and not form.claimButton.isEnabled()
    qtbot.mouseClick(form.noteButton, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    note = desk / "rma-note-RMA-7.pdf"
    assert str(note) in form.documentLabel.text() and form.openPdfButton.isEnabled() and form.printPdfButton.isEnabled()
    page = flat(text(note)[0])
    for expected in ("Return note RMA RMA-7", "退货单", "北京客户有限公司", "PR0001", "屏幕闪烁 screen flickers",
                     f"Answer by 答复期限 {TODAY - dt.timedelta(days=2)}"):
        assert expected in page, expected
    render(note, dpi=100).save(f"/tmp/rmaprint-note-{language}.png")

    form.supplierView.selectRow(0)
    assert form.claimButton.isEnabled() and not form.customerView.selectionModel().hasSelection()
    qtbot.mouseClick(form.claimButton, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    claim = desk / "warranty-claim-PR0003.pdf"
    assert str(claim) in form.documentLabel.text() and view.documents.last == claim
    page = flat(text(claim)[0])
    for expected in ("Warranty claim PR0003", "保修索赔", "ACME-30", "no power", "fuse replaced", "张工"):
        assert expected in page, expected
    render(claim, dpi=100).save(f"/tmp/rmaprint-claim-{language}.png")
    if language == "zh_CN":
        assert "(&N)" in form.noteButton.text() and "(&W)" in form.claimButton.text()
        assert form.documentLabel.text().startswith("保修索赔单 PR0003：") and "（1 页）" in form.documentLabel.text()


def test_a_document_that_cannot_be_written_is_said_and_nothing_is_offered(qtbot, window, desk, settings, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    settings.setValue("reports/folder", str(blocker / "docs"))
    view = rma_screen(qtbot, window)
    shown = []
    window.runner.failed.disconnect()
    window.runner.failed.connect(shown.append)
    view.form.customerView.selectRow(0)
    qtbot.mouseClick(view.form.noteButton, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert shown and "a-file" in str(shown[0])
    assert view.documents.last is None and not view.form.openPdfButton.isEnabled()
    assert not list(tmp_path.glob("**/rma-note-*.pdf"))


def test_serial_lookup_offers_the_claim_for_a_unit_with_an_after_sales_story(qtbot, window, desk):
    window.open_screen(LookupView)
    settle(qtbot, window)
    view = window.view(LookupView)
    view.look_up("PR0004")  # in stock, never returned nor repaired
    settle(qtbot, window)
    assert view.form.cardBox.isVisible() and not view.form.claimButton.isVisible()
    view.look_up("PR0003")
    settle(qtbot, window)
    assert view.form.claimButton.isVisible() and not view.form.openPdfButton.isEnabled()
    qtbot.mouseClick(view.form.claimButton, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    claim = desk / "warranty-claim-PR0003.pdf"
    assert "Warranty claim PR0003" in text(claim)[0] and str(claim) in view.form.messageLabel.text()
    assert view.form.openPdfButton.isEnabled()
    window.grab().save("/tmp/rmaprint-lookup.png")


def test_overdue_shows_the_customer_returns_past_their_promised_day(qtbot, window, desk):
    view = rma_screen(qtbot, window)
    form = view.form
    late = form.customerView.model().index(row_of(form.customerView, "RMA-7"), 0)
    due = form.customerView.model().index(row_of(form.customerView, "RMA-8"), 0)
    assert late.data(Qt.ItemDataRole.ForegroundRole).name() == OVERDUE_COLOUR and due.data(Qt.ItemDataRole.ForegroundRole) is None
    assert form.countLabel.text() == "2 customer returns (1 overdue), 1 at suppliers (0 overdue)"
    form.statusCombo.setCurrentIndex(form.statusCombo.findData("overdue"))
    settle(qtbot, window)
    model = form.customerView.model()
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["RMA-7"]
    assert form.supplierView.model().rowCount() == 0 and "No supplier is late" in view.supplier_hint.text()
    window.grab().save("/tmp/rmaprint-rma-overdue.png")


def dialog_of(kind: type):
    [dialog] = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
    return dialog


def test_receiving_a_return_promises_the_settings_day_or_the_one_chosen(qtbot, window, ctx, desk):
    rma_due.set_answer_days(ctx, 3)
    lifecycle.move(ctx, "ship", ["PR0004"], ref="DN-2", party=Party(customer="C-BJ"))
    view = rma_screen(qtbot, window)
    type_text(qtbot, view.form.scanEdit, "PR0004")
    view.receive_return()
    settle(qtbot, window)
    dialog = dialog_of(ReturnDialog)
    assert dialog.form.promisedEdit.date().toPython() == TODAY + dt.timedelta(days=3)
    assert dialog.form.promisedEdit.minimumDate().toPython() == TODAY  # a day already gone cannot be chosen
    type_text(qtbot, dialog.form.rmaEdit, "RMA-9")
    type_text(qtbot, dialog.form.reasonEdit, "cracked")
    dialog.form.promisedEdit.setDate(QDate(TODAY + dt.timedelta(days=12)))
    dialog.form.buttons.accepted.emit()
    settle(qtbot, window)
    assert not dialog.isVisible()
    [made] = [r for r in aftersales.list_returns(ctx) if r.number == "RMA-9"]
    assert made.promised_on == TODAY + dt.timedelta(days=12)
    window.grab().save("/tmp/rmaprint-rma.png")


def test_a_replacement_already_received_is_refused_naming_its_serial(qtbot, window, desk):
    view = rma_screen(qtbot, window)
    view.form.supplierView.selectRow(0)
    view.back_from_supplier()
    settle(qtbot, window)
    dialog = dialog_of(SupplierBackDialog)
    dialog.form.whatCombo.setCurrentIndex(dialog.form.whatCombo.findData("replacement"))
    type_text(qtbot, dialog.form.replacementEdit, "PR0005")
    dialog.form.buttons.accepted.emit()
    settle(qtbot, window)
    assert dialog.isVisible() and "PR0005" in dialog.form.errorLabel.text()
    assert "already been received" in dialog.form.errorLabel.text()
    dialog.reject()




def test_the_new_controls_speak_the_desktop_language(qtbot, language, window, ctx, desk):
    lifecycle.move(ctx, "ship", ["PR0004"], ref="DN-2", party=Party(customer="C-BJ"))
    view = rma_screen(qtbot, window)
    view.form.customerView.selectRow(row_of(view.form.customerView, "RMA-7"))
    qtbot.mouseClick(view.form.noteButton, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    chinese = language == "zh_CN"
    assert (view.form.statusCombo.itemText(1) == "逾期") is chinese
    assert (view.form.customerView.model().headerData(7, Qt.Orientation.Horizontal) == "答复期限") is chinese
    window.grab().save(f"/tmp/rmaprint-rma-{language}.png")
    view.form.scanEdit.clear()  # the selected row's unit is in it
    type_text(qtbot, view.form.scanEdit, "PR0004")
    view.receive_return()
    settle(qtbot, window)
    dialog = dialog_of(ReturnDialog)
    assert ("承诺答复日期" in dialog.form.promisedLabel.text()) is chinese
    dialog.grab().save(f"/tmp/rmaprint-return-dialog-{language}.png")
    dialog.reject()
    window.open_screen(LookupView)
    settle(qtbot, window)
    lookup_view = window.view(LookupView)
    lookup_view.look_up("PR0003")
    settle(qtbot, window)
    assert ("保修索赔单" in lookup_view.form.claimButton.text()) is chinese
    window.grab().save(f"/tmp/rmaprint-lookup-{language}.png")
