"""The "Load manifest…" dialog of a PO line: the supplier's serial list from a file or pasted, and the off-manifest setting.

Everything it checks is the core's (`snapp.services.manifests`): the dialog
only gathers the input, offers what the line allows (load; replace until the
first receipt; add or remove), and shows the core's refusal beside the form.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog

from snapp.app.sources import serial_sources
from snapp.domain.manifests import OffManifest
from snapp.errors import NotFound, SnappError
from snapp.gui.errors import describe
from snapp.gui.forms import load_form
from snapp.gui.labels import name_of
from snapp.services import manifests
from snapp.services.base import Context
from snapp.services.manifests import ManifestChange, ManifestRecord, OffManifestSetting
from snapp.services.purchasing import POLineRecord, PORecord

LOAD, REPLACE, ADD, REMOVE = "load", "replace", "add", "remove"


@dataclass(frozen=True)
class LineFacts:
    """What the dialog shows of a line: its manifest (None: none yet) and the two settings."""

    manifest: ManifestRecord | None
    supplier: OffManifestSetting
    item: OffManifestSetting


def line_facts(ctx: Context, po: PORecord, line: POLineRecord) -> LineFacts:
    """Read on a worker thread before the dialog opens."""
    try:
        record = manifests.get_manifest(ctx, po.number, line.line_no)
    except NotFound:
        record = None
    return LineFacts(record, manifests.get_off_manifest(ctx, supplier=po.supplier), manifests.get_off_manifest(ctx, sku=line.sku))


class ManifestDialog(QDialog):
    def __init__(self, parent, runner, ctx: Context, po: PORecord, line: POLineRecord, facts: LineFacts, settings):
        super().__init__(parent)
        self.runner, self.ctx, self.po, self.line, self.facts, self.settings = runner, ctx, po, line, facts, settings
        self.form = form = load_form("manifest_form", self)
        self.setWindowTitle(form.windowTitle())
        self.change: ManifestChange | None = None
        form.lineLabel.setText(self.tr("{0} line {1}: {2} {3} — ordered {4}, received {5}").format(
            po.number, line.line_no, line.sku, line.item_name, line.quantity, line.received))  # fmt: skip
        record = facts.manifest
        if record is None:
            form.currentLabel.setText(self.tr("No manifest loaded for this line yet."))
        else:
            form.currentLabel.setText(self.tr("The manifest lists {0} serials; {1} received, {2} not yet.").format(
                len(record.serials), len(record.received), len(record.missing)))  # fmt: skip
        modes = [(LOAD, self.tr("Load the manifest"))] if record is None else []
        if record is not None and line.received == 0:
            modes.append((REPLACE, self.tr("Replace the manifest")))
        if record is not None:
            modes += [(ADD, self.tr("Add these serials to it")), (REMOVE, self.tr("Remove these serials from it"))]
        for mode, text in modes:
            form.modeCombo.addItem(text, mode)
        for policy in OffManifest:
            form.supplierPolicyCombo.addItem(name_of("off_manifest", policy.value), policy.value)
        form.itemPolicyCombo.addItem(self.tr("As the supplier says"), None)
        for policy in OffManifest:
            form.itemPolicyCombo.addItem(name_of("off_manifest", policy.value), policy.value)
        form.supplierPolicyCombo.setCurrentIndex(form.supplierPolicyCombo.findData(facts.supplier.policy))
        form.itemPolicyCombo.setCurrentIndex(form.itemPolicyCombo.findData(facts.item.policy))
        form.supplierPolicyLabel.setText(self.tr("For supplier {0}:").format(po.supplier))
        form.itemPolicyLabel.setText(self.tr("For item {0}:").format(line.sku))
        form.fileButton.clicked.connect(self.choose_file)
        form.buttons.accepted.connect(self.submit)
        form.buttons.rejected.connect(self.reject)

    def choose_file(self) -> None:
        key = "manifests/import_folder"
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Supplier's manifest"), str(self.settings.value(key, "")),
                                              self.tr("Excel or CSV (*.xlsx *.xls *.ods *.csv *.txt)"))  # fmt: skip
        if path:
            self.settings.setValue(key, str(Path(path).parent))
            self.form.fileEdit.setText(path)

    def submit(self) -> None:
        form = self.form
        mode = form.modeCombo.currentData()
        path = form.fileEdit.text() or None
        text = form.pasteEdit.toPlainText()
        given = bool(path) or bool(text.strip())
        supplier_policy = form.supplierPolicyCombo.currentData()
        item_policy = form.itemPolicyCombo.currentData()
        policies = [(policy, target) for policy, before, target in (
            (supplier_policy, self.facts.supplier.policy, {"supplier": self.po.supplier}),
            (item_policy, self.facts.item.policy, {"sku": self.line.sku}),
        ) if policy != before]  # fmt: skip
        if not given and not policies:
            self._error(self.tr("choose the supplier's file or paste its serials"))
            return
        ctx, number, line_no = self.ctx, self.po.number, self.line.line_no

        def work() -> ManifestChange | None:
            for policy, target in policies:
                manifests.set_off_manifest(ctx, policy, **target)
            if not given:
                return None
            # The file is read here, off the screen's thread: a refusal of it names its cell.
            sources = serial_sources(files=[path] if path else (), pasted=text if text.strip() else None)
            if mode in (LOAD, REPLACE):
                return manifests.load_manifest(ctx, number, line_no, sources, replace=mode == REPLACE)
            return manifests.amend_manifest(ctx, number, line_no, **{"add" if mode == ADD else "remove": sources})

        save = form.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(False)

        def failed(err: BaseException) -> bool:
            save.setEnabled(True)
            if isinstance(err, SnappError):
                self._error(describe(err))
                return True
            return False

        def done(change: ManifestChange | None) -> None:
            self.change = change
            self.accept()

        self.runner.run(work, done=done, failed=failed)

    def _error(self, text: str) -> None:
        self.form.form_error.setText(text)
        self.form.form_error.setVisible(bool(text))
