"""The Purchase orders screen's "Load manifest…" dialog, driven through its widgets on a real database."""

from __future__ import annotations

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from snapp.domain.capture import scans
from snapp.gui.views.purchase_orders import PurchaseOrdersView
from snapp.services import manifests, receiving
from tests.gui.conftest import settle


def open_dialog(qtbot, window):
    window.open_screen(PurchaseOrdersView)
    view = window.view(PurchaseOrdersView)
    settle(qtbot, window)
    view.form.poView.selectRow(0)
    settle(qtbot, window)
    assert view.form.manifestButton.isEnabled()  # the PO's only line
    qtbot.mouseClick(view.form.manifestButton, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    return view, view.manifest_dialog


def save(qtbot, window, dialog) -> None:
    qtbot.mouseClick(dialog.form.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    settle(qtbot, window)


def test_a_manifest_file_is_loaded_and_counted_on_its_line(qtbot, window, ctx, company, tmp_path):
    book = openpyxl.Workbook()
    for row in (["Serial"], ["SN000001"], ["SN000002"], ["SN000003"]):
        book.active.append(row)
    book.save(tmp_path / "asn.xlsx")
    view, dialog = open_dialog(qtbot, window)
    form = dialog.form
    assert form.currentLabel.text() == "No manifest loaded for this line yet."
    assert [form.modeCombo.itemData(i) for i in range(form.modeCombo.count())] == ["load"]
    form.fileEdit.setText(str(tmp_path / "asn.xlsx"))
    form.supplierPolicyCombo.setCurrentIndex(form.supplierPolicyCombo.findData("exception"))
    save(qtbot, window, dialog)

    assert dialog.change is not None and dialog.change.count == 3 and not dialog.isVisible()
    assert manifests.get_manifest(ctx, company.number, 1).serials == ["SN000001", "SN000002", "SN000003"]
    assert manifests.get_off_manifest(ctx, supplier="ACME").policy == "exception"
    assert view.lines.data(view.lines.index(0, view.lines.columnCount() - 1)) == "3"  # the Manifest column, the last


def test_a_refused_manifest_says_each_line_and_reason_beside_the_form_and_loads_nothing(qtbot, window, ctx, company):
    _, dialog = open_dialog(qtbot, window)
    form = dialog.form
    form.pasteEdit.setPlainText("SN000001\nSN000002\nSN000001")
    save(qtbot, window, dialog)
    assert dialog.isVisible() and form.form_error.isVisible()
    assert "line 3: 'SN000001' appears twice" in form.form_error.text()
    assert manifests.manifest_counts(ctx, company.number) == {}


def test_after_a_receipt_the_dialog_offers_only_amendments(qtbot, window, ctx, company):
    manifests.load_manifest(ctx, company.number, 1, [scans(["SN000001", "SN000002"])])
    receiving.receive(ctx, company.number, "LAP", [scans(["SN000001"])], location="WH-A")
    _, dialog = open_dialog(qtbot, window)
    form = dialog.form
    assert form.currentLabel.text() == "The manifest lists 2 serials; 1 received, 1 not yet."
    assert [form.modeCombo.itemData(i) for i in range(form.modeCombo.count())] == ["add", "remove"]
    form.modeCombo.setCurrentIndex(1)
    form.pasteEdit.setPlainText("SN000002")
    save(qtbot, window, dialog)
    assert dialog.change.removed == ["SN000002"]
    assert manifests.get_manifest(ctx, company.number, 1).serials == ["SN000001"]


def test_the_dialog_speaks_chinese_with_the_cores_refusals_in_chinese(qtbot, window, ctx, company, tmp_path):
    from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

    from snapp.gui.app import install_translation

    app, locale = QCoreApplication.instance(), QLocale()
    install_translation(app, "zh_CN")
    try:
        _, dialog = open_dialog(qtbot, window)
        form = dialog.form
        assert dialog.windowTitle() == "供应商到货清单"
        assert form.currentLabel.text() == "此行尚未导入到货清单。"
        assert form.supplierPolicyCombo.currentText() == "拒收"
        form.pasteEdit.setPlainText("SN000001\nSN000001")
        save(qtbot, window, dialog)
        assert "到货清单被拒绝" in form.form_error.text()
        assert not dialog.grab().isNull()
    finally:
        for translator in app.findChildren(QTranslator):
            app.removeTranslator(translator)
        QLocale.setDefault(locale)


def test_receiving_against_a_manifest_shows_the_cores_refusal_and_then_what_was_missing(qtbot, window, ctx, company):
    from tests.gui.test_receiving_screen import open_receiving, scan

    manifests.load_manifest(ctx, company.number, 1, [scans(["SN000001", "SN000002", "SN000003"])])
    view = open_receiving(qtbot, window, company.number)
    scan(qtbot, view, "SN000001", "SN000999")
    qtbot.waitUntil(lambda: not view.check_timer.isActive() and window.runner.idle)
    qtbot.mouseClick(view.form.postButton, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    refused = {p.serial: (p.ok, p.message) for p in view.pending}
    assert refused["SN000999"] == (False, f"not on the supplier's manifest for {company.number} line 1")

    view.form.pendingView.selectRow(1)
    qtbot.mouseClick(view.form.removeButton, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.form.postButton, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert "On the manifest, not delivered (2): SN000002, SN000003" in view.form.lastLabel.text()


def test_a_cancelled_po_offers_no_manifest(qtbot, window, ctx, company):
    from snapp.services import purchasing

    cancelled = purchasing.cancel_po(ctx, purchasing.create_po(ctx, "ACME", [purchasing.LineSpec("LAP", 3)]).number)
    window.open_screen(PurchaseOrdersView)
    view = window.view(PurchaseOrdersView)
    settle(qtbot, window)
    view.form.poView.selectRow([po.number for po in view.pos.rows].index(cancelled.number))
    settle(qtbot, window)
    assert view.lines.rows and not view.form.manifestButton.isEnabled()
    view.form.poView.selectRow([po.number for po in view.pos.rows].index(company.number))
    settle(qtbot, window)
    assert view.form.manifestButton.isEnabled()


def test_the_verify_screen_says_the_unit_was_on_its_suppliers_manifest(qtbot, window, ctx, company):
    from snapp.gui.views.verify import VerifyView

    manifests.load_manifest(ctx, company.number, 1, [scans(["SN000001"])])
    receiving.receive(ctx, company.number, "LAP", [scans(["SN000001"])], location="WH-A")
    window.open_screen(VerifyView)
    view = window.view(VerifyView)
    view.verify("SN000001")
    settle(qtbot, window)
    assert view.form.messageLabel.text().endswith(f"\non supplier ACME's manifest for {company.number} line 1")
