"""Labels after a receipt, and the documents, from the Labels and documents screen; the PDFs read back."""

from __future__ import annotations

from pathlib import Path

import pypdfium2
from PySide6.QtCore import Qt

from snapp.gui.views.labels_documents import LabelsDocumentsView
from tests.gui.conftest import settle
from tests.gui.test_receiving_screen import open_receiving, scan


def pdf_text(path: Path) -> str:
    pdf = pypdfium2.PdfDocument(str(path))
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in pdf)
    finally:
        pdf.close()


def test_print_labels_right_after_a_receipt(qtbot, window, ctx, company, tmp_path):
    receiving = open_receiving(qtbot, window, company.number)
    assert not receiving.form.printButton.isEnabled()
    scan(qtbot, receiving, "LBL00001", "LBL00002", "LBL00003")
    settle(qtbot, window)
    qtbot.mouseClick(receiving.form.postButton, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    qtbot.mouseClick(receiving.form.printButton, Qt.MouseButton.LeftButton)

    screen = window.view(LabelsDocumentsView)
    assert window.form.stack.currentWidget() is screen
    assert screen.form.sourceEdit.text() == receiving.last_receipt
    screen.form.folderEdit.setText(str(tmp_path))
    screen.form.templateCombo.setCurrentText("thermal-50x30")
    qtbot.mouseClick(screen.form.labelsButton, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    printed = screen.last
    assert printed is not None and printed.parent == tmp_path and screen.form.openButton.isEnabled()
    text = pdf_text(printed)
    assert all(serial in text for serial in ("LBL00001", "LBL00002", "LBL00003"))
    assert "ThinkPad 笔记本" in text  # the item's Chinese name, in the embedded font


def test_documents_and_a_clear_refusal(qtbot, window, ctx, company, tmp_path, monkeypatch):
    window.open_screen(LabelsDocumentsView)
    screen = window.view(LabelsDocumentsView)
    screen.form.folderEdit.setText(str(tmp_path))
    qtbot.keyClicks(screen.form.poEdit, company.number)
    qtbot.mouseClick(screen.form.poButton, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert company.number in pdf_text(screen.last)

    shown = []
    window.runner.failed.disconnect()
    window.runner.failed.connect(shown.append)
    screen.form.receiptEdit.setText("GR-1999-000001")
    qtbot.mouseClick(screen.form.receiptButton, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert shown and "GR-1999-000001" in str(shown[0])
    assert not (tmp_path / "receipt-GR-1999-000001.pdf").exists()
