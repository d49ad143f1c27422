"""Suppliers, items and locations: one list screen and one editor dialog each, driven by the record's fields."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QWidget,
)

from snapp.domain.capture import CasePolicy
from snapp.errors import Conflict, ValidationError
from snapp.gui.errors import describe
from snapp.gui.forms import load_form
from snapp.gui.labels import name_of
from snapp.gui.models import Column, RecordModel
from snapp.gui.operations import Runner
from snapp.gui.problems import say
from snapp.gui.views.base import EmptyHint, View, fit_columns
from snapp.gui.views.fields_dialog import FieldsDialog
from snapp.io.masterdata_files import read_masterdata
from snapp.io.templates import write_template
from snapp.services import imports, masterdata
from snapp.services.base import Entity
from snapp.services.masterdata import (
    TRACKING_MODES,
    ItemRecord,
    LocationRecord,
    SupplierRecord,
)


class RecordDialog(QDialog):
    """Edits one record; a refused save shows each reason beside the field at fault."""

    def __init__(self, parent: QWidget, runner: Runner, form_name: str, record_type: type, save: Callable[[Any], Any]):
        super().__init__(parent)
        self.runner, self.record_type, self.save = runner, record_type, save
        self.form = load_form(form_name, self)
        self.setWindowTitle(self.form.windowTitle())
        self.names = [f.name for f in dataclasses.fields(record_type)]
        self.saved: Any = None
        self.form.buttons.accepted.connect(self.submit)
        self.form.buttons.rejected.connect(self.reject)
        for name in self.names:  # a reason stands until its field is changed, not a moment longer
            widget, hide = self.widget(name), lambda *_, name=name: self._fixed(name)
            if isinstance(widget, QSpinBox):
                widget.valueChanged.connect(hide)
            elif isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(hide)
            else:
                widget.textEdited.connect(hide)

    def _fixed(self, name: str) -> None:
        getattr(self.form, f"{name}_error").hide()
        self.form.form_error.hide()

    def widget(self, name: str) -> QWidget:
        return getattr(self.form, name)

    def fill(self, record: Any) -> None:
        for name in self.names:
            widget, value = self.widget(name), getattr(record, name)
            if isinstance(widget, QSpinBox):
                widget.setValue(int(value or 0))
            elif isinstance(widget, QComboBox):
                index = widget.findData(value)
                widget.setCurrentIndex(max(index, 0))
            else:
                widget.setText(value or "")

    def record(self) -> Any:
        values = {}
        for name in self.names:
            widget = self.widget(name)
            if isinstance(widget, QSpinBox):
                values[name] = widget.value()
            elif isinstance(widget, QComboBox):
                values[name] = widget.currentData()
            else:
                values[name] = widget.text()
        return self.record_type(**values)

    def submit(self) -> None:
        self.show_problems({}, "")
        record = self.record()
        self.form.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)

        def done(saved: Any) -> None:
            self.saved = saved
            self.accept()

        def failed(err: BaseException) -> bool:
            self.form.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(True)
            if isinstance(err, ValidationError):
                by_field: dict[str, list[str]] = {}
                loose = []
                for problem in err.problems:
                    field = problem.reason if problem.reason in self.names else problem.position
                    (by_field.setdefault(field, []) if field in self.names else loose).append(say(problem.message))
                self.show_problems(by_field, "\n".join(loose))
                return True
            if isinstance(err, Conflict):
                self.show_problems({self.names[0]: [describe(err)]}, "")
                return True
            return False

        self.runner.run(lambda: self.save(record), done=done, failed=failed)

    def show_problems(self, by_field: dict[str, list[str]], general: str) -> None:
        for name in self.names:
            label: QLabel = getattr(self.form, f"{name}_error")
            label.setText("; ".join(by_field.get(name, [])))
            label.setVisible(name in by_field)
        self.form.form_error.setText(general)
        self.form.form_error.setVisible(bool(general))
        if by_field:
            self.widget(next(n for n in self.names if n in by_field)).setFocus()
        self.adjustSize()  # room for the reasons' wrapped lines: none is clipped


class RecordsView(View):
    """A list of one kind of master data, searchable, with New and Edit."""

    form_name = "records"
    record_type: type
    editor = ""
    topic: Entity  # the kind of record listed; also the name of its import sheet

    def __init__(self, *args):
        super().__init__(*args)
        form = self.form
        self.model = RecordModel(self.columns())
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        form.tableView.setModel(self.proxy)
        fit_columns(form.tableView, stretch=1)
        EmptyHint(form.tableView, self.tr("Nothing here yet: add one with New…, or a whole list with Import… (Template… gives the sheet to fill)."))
        form.filterEdit.textChanged.connect(self.proxy.setFilterFixedString)
        form.addButton.clicked.connect(lambda: self.edit(None))
        form.editButton.clicked.connect(self._edit_selected)
        form.tableView.doubleClicked.connect(lambda _: self._edit_selected())
        form.importButton.clicked.connect(self._import)
        form.templateButton.clicked.connect(self._template)
        self.shows = frozenset({self.topic})

    def columns(self) -> list[Column]:
        raise NotImplementedError

    def load(self) -> list[Any]:
        raise NotImplementedError

    def create(self, record: Any) -> Any:
        raise NotImplementedError

    def update(self, record: Any) -> Any:
        key, *rest = dataclasses.fields(record)
        changes = {f.name: getattr(record, f.name) for f in rest}
        return self.updater(self.ctx, getattr(record, key.name), **changes)

    def refresh(self) -> None:
        self.runner.run(self.load, done=self.model.set_rows)

    def _import(self) -> None:
        if path := self.open_file("masterdata/folder", self.tr("Import"), self.tr("Excel or CSV (*.xlsx *.xls *.ods *.csv)")):
            self.import_file(path)

    def import_file(self, path: str) -> None:
        kind = self.topic
        self.runner.run(
            lambda: imports.import_masterdata(self.ctx, read_masterdata(path, kind)),
            done=lambda result: self._say(self.tr("{0}: {1} added").format(result.file, result.count)),
        )

    def _template(self) -> None:
        if path := self.save_file("masterdata/folder", self.tr("Template"), f"{self.topic}.xlsx", self.tr("Excel (*.xlsx)")):
            kind = self.topic
            self.runner.run(lambda: write_template(kind, path), done=lambda out: self._say(str(out)))

    def _say(self, text: str) -> None:
        self.form.messageLabel.setText(text)
        self.form.messageLabel.show()

    def prepare(self, dialog: RecordDialog) -> None:
        """Fill the dialog's choice lists before a record is shown in it."""

    def _edit_selected(self) -> None:
        rows = self.form.tableView.selectionModel().selectedRows()
        if rows:
            self.edit(self.proxy.data(rows[0], Qt.ItemDataRole.UserRole))

    def edit(self, record: Any) -> RecordDialog:
        save = self.create if record is None else self.update
        dialog = RecordDialog(self, self.runner, self.editor, self.record_type, save)
        self.prepare(dialog)
        if record is not None:
            dialog.fill(record)
            dialog.widget(dialog.names[0]).setEnabled(False)  # the code is the key; it cannot change
        dialog.open()
        return dialog


class SuppliersView(RecordsView):
    editor, record_type, topic = "supplier_form", SupplierRecord, Entity.SUPPLIERS

    def __init__(self, *args):
        super().__init__(*args)
        self.form.title.setText(self.tr("Suppliers"))
        self.updater = masterdata.update_supplier

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Code"), lambda r: r.code),
            Column(self.tr("Name"), lambda r: r.name),
            Column(self.tr("Contact"), lambda r: r.contact),
            Column(self.tr("Phone"), lambda r: r.phone),
            Column(self.tr("Email"), lambda r: r.email),
        ]

    def load(self) -> list[SupplierRecord]:
        return masterdata.list_suppliers(self.ctx)

    def create(self, record: SupplierRecord) -> SupplierRecord:
        return masterdata.add_supplier(self.ctx, record)


class ItemsView(RecordsView):
    editor, record_type, topic = "item_form", ItemRecord, Entity.ITEMS

    def __init__(self, *args):
        super().__init__(*args)
        self.form.title.setText(self.tr("Items"))
        self.updater = masterdata.update_item
        self.supplier_codes: list[tuple[str, str]] = []
        self.shows = frozenset({Entity.ITEMS, Entity.SUPPLIERS})
        # The selected item's custom fields (IMEI, MAC...), defined without a code change.
        self.fields_button = QPushButton(self.tr("Fiel&ds…"), self.form)
        self.fields_button.setObjectName("fieldsButton")
        self.fields_button.setToolTip(self.tr("The custom fields each unit of the selected item carries (IMEI, MAC address…)"))
        self.fields_button.clicked.connect(self._fields)
        self.form.findChild(QHBoxLayout, "actions").addWidget(self.fields_button)  # form.actions is QWidget.actions()

    def _fields(self) -> FieldsDialog | None:
        rows = self.form.tableView.selectionModel().selectedRows()
        if not rows:
            self._say(self.tr("Select an item first: its fields are defined per item."))
            return None
        item = self.proxy.data(rows[0], Qt.ItemDataRole.UserRole)
        dialog = FieldsDialog(self, self.ctx, self.runner, item.sku)
        dialog.open()
        return dialog

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("SKU"), lambda r: r.sku),
            Column(self.tr("Name"), lambda r: r.name),
            Column(self.tr("GTIN"), lambda r: r.gtin),
            Column(self.tr("Tracking"), lambda r: name_of("tracking", r.tracking)),
            Column(self.tr("Serial rule"), lambda r: _rule_text(r)),
            Column(self.tr("Warranty (months)"), lambda r: r.warranty_months),
            Column(self.tr("Customer warranty (months)"), lambda r: r.customer_warranty_months),
            Column(self.tr("Supplier"), lambda r: r.supplier),
        ]

    def load(self) -> list[ItemRecord]:
        self.supplier_codes = [(s.code, s.name) for s in masterdata.list_suppliers(self.ctx)]
        return masterdata.list_items(self.ctx)

    def create(self, record: ItemRecord) -> ItemRecord:
        return masterdata.add_item(self.ctx, record)

    def prepare(self, dialog: RecordDialog) -> None:
        form = dialog.form
        for mode in TRACKING_MODES:
            form.tracking.addItem(name_of("tracking", mode), mode)
        for case in CasePolicy:
            form.serial_case.addItem(name_of("serial_case", case.value), case.value)
        form.serial_max_length.setValue(40)
        form.supplier.addItem(self.tr("(none)"), None)
        for code, name in self.supplier_codes:
            form.supplier.addItem(f"{code} — {name}", code)


class LocationsView(RecordsView):
    editor, record_type, topic = "location_form", LocationRecord, Entity.LOCATIONS

    def __init__(self, *args):
        super().__init__(*args)
        self.form.title.setText(self.tr("Locations"))
        self.updater = masterdata.update_location

    def columns(self) -> list[Column]:
        return [Column(self.tr("Code"), lambda r: r.code), Column(self.tr("Name"), lambda r: r.name)]

    def load(self) -> list[LocationRecord]:
        return masterdata.list_locations(self.ctx)

    def create(self, record: LocationRecord) -> LocationRecord:
        return masterdata.add_location(self.ctx, record)


def _rule_text(item: ItemRecord) -> str:
    parts = [item.serial_pattern] if item.serial_pattern else []
    parts.append(f"{item.serial_min_length}–{item.serial_max_length}")
    if item.serial_case != "keep":
        parts.append(name_of("serial_case", item.serial_case).lower())
    return ", ".join(parts)
