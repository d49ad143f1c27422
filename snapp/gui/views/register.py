"""The serial register: every unit, filtered and sorted by the database, loaded as you scroll."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal

from snapp.domain.lifecycle import Status
from snapp.gui.labels import name_of
from snapp.gui.models import Column, SerialRegisterModel
from snapp.gui.palette import status_colour
from snapp.gui.views.base import EmptyHint, View, fit_columns
from snapp.services import exports
from snapp.services.base import Entity
from snapp.services.lookup import SerialFilter


class RegisterView(View):
    form_name = "register"
    shows = frozenset({Entity.SERIALS})
    lookup_requested = Signal(str)

    def __init__(self, *args):
        super().__init__(*args)
        form = self.form
        self.model = SerialRegisterModel(
            self.ctx,
            self.runner,
            [
                Column(self.tr("Serial"), lambda r: r.serial, "serial"),
                Column(self.tr("SKU"), lambda r: r.sku),
                Column(self.tr("Item"), lambda r: r.item_name),
                Column(self.tr("Status"), lambda r: name_of("status", r.status), "status", lambda r: status_colour(r.status)),
                Column(self.tr("Location"), lambda r: r.location),
                Column(self.tr("Supplier"), lambda r: r.supplier),
                Column(self.tr("PO"), lambda r: r.po),
                Column(self.tr("Received"), lambda r: r.received_at, "received"),
            ],
        )
        form.tableView.setModel(self.model)
        fit_columns(form.tableView, stretch=2)
        EmptyHint(form.tableView, self.tr("No serial matches: change the filter above, or receive goods first."))
        form.tableView.horizontalHeader().setSortIndicator(7, Qt.SortOrder.DescendingOrder)
        form.statusCombo.addItem(self.tr("Any status"), None)
        for status in Status:
            form.statusCombo.addItem(name_of("status", status.value), status.value)
        self.model.counted.connect(lambda n: form.countLabel.setText(self.tr("{0} serials").format(f"{n:,}")))
        for edit in (form.prefixEdit, form.skuEdit, form.locationEdit, form.supplierEdit, form.poEdit, form.fromEdit, form.toEdit,
                     form.customerEdit, form.batchEdit, form.fieldEdit):
            edit.returnPressed.connect(self.apply_filter)
        form.statusCombo.activated.connect(lambda _: self.apply_filter())
        form.applyButton.clicked.connect(self.apply_filter)
        form.resetButton.clicked.connect(self.reset)
        form.exportButton.clicked.connect(self._export)
        form.tableView.doubleClicked.connect(lambda index: self.lookup_requested.emit(self.model.rows[index.row()].serial))

    def refresh(self) -> None:
        self.model.reload()

    def filter(self) -> SerialFilter | None:
        form = self.form
        dates = self.typed_dates(self.tr("Serial register"), (form.fromEdit, form.toEdit))
        if dates is None:
            return None
        return SerialFilter(
            status=form.statusCombo.currentData(),
            sku=form.skuEdit.text().strip() or None,
            location=form.locationEdit.text().strip() or None,
            supplier=form.supplierEdit.text().strip() or None,
            po=form.poEdit.text().strip() or None,
            received_from=dates[0],
            received_to=dates[1],
            serial_prefix=form.prefixEdit.text().strip() or None,
            customer=form.customerEdit.text().strip() or None,
            batch=form.batchEdit.text().strip() or None,
            field=self._field(form.fieldEdit.text()),
        )

    @staticmethod
    def _field(text: str) -> tuple[str, str] | None:
        """NAME=VALUE names the field (IMEI=3569…); a value alone is looked for in every field."""
        name, _, value = text.rpartition("=") if "=" in text else ("", "", text)
        return (name.strip(), value.strip()) if value.strip() else None

    def apply_filter(self) -> None:
        where = self.filter()
        if where is not None:
            self.form.countLabel.setText(self.tr("counting…"))
            self.model.set_filter(where)

    def _export(self) -> None:
        if path := self.save_file("register/export_folder", self.tr("Export serials"), "serials.xlsx",
                                  self.tr("Excel (*.xlsx)")):  # fmt: skip
            self.export(path)

    def export(self, path: str) -> None:
        """The register as filtered and sorted on screen, every row of it, streamed to Excel."""
        where, key, descending = self.model.where, self.model.sort_key, self.model.descending
        self.runner.run(
            lambda progress: exports.export_serials(self.ctx, path, where, sort=key, descending=descending, progress=progress),
            done=lambda record: self.form.countLabel.setText(self.tr("{0} rows written to {1}").format(f"{record.rows:,}", record.path)),
            progress=self.tr("Exporting serials…"),
            parent=self,
        )

    def reset(self) -> None:
        form = self.form
        for edit in (form.prefixEdit, form.skuEdit, form.locationEdit, form.supplierEdit, form.poEdit, form.fromEdit, form.toEdit,
                     form.customerEdit, form.batchEdit, form.fieldEdit):
            edit.clear()
        form.statusCombo.setCurrentIndex(0)
        self.apply_filter()
