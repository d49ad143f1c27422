"""An item's custom fields, for an admin: the list, and a form to add one or change the one selected."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget

from snapp.domain.fields import FieldDef, FieldKind, LetterCase, Uniqueness
from snapp.errors import SnappError, ValidationError
from snapp.gui.forms import load_form
from snapp.gui.labels import name_of
from snapp.gui.models import Column, RecordModel
from snapp.gui.operations import Runner
from snapp.gui.problems import say, say_problem
from snapp.gui.views.base import fit_columns
from snapp.services import fields
from snapp.services.base import Context
from snapp.services.fields import FieldRecord


class FieldsDialog(QDialog):
    def __init__(self, parent: QWidget, ctx: Context, runner: Runner, sku: str):
        super().__init__(parent)
        self.ctx, self.runner, self.sku = ctx, runner, sku
        self.form = form = load_form("fields_dialog", self)
        self.setWindowTitle(self.tr("Custom fields of {0}").format(sku))
        self.setMinimumWidth(720)
        self.model = RecordModel([
            Column(self.tr("Field"), lambda r: r.name),
            Column(self.tr("Kind"), lambda r: name_of("field_kind", r.kind)),
            Column(self.tr("Required"), lambda r: self.tr("yes") if r.required else ""),
            Column(self.tr("Unique"), lambda r: name_of("uniqueness", r.unique)),
            Column(self.tr("Choices / pattern"), lambda r: ", ".join(r.choices) or r.pattern or ""),
            Column(self.tr("Scanned"), lambda r: self.tr("yes") if r.scanned else ""),
            Column(self.tr("Case"), lambda r: name_of("letter_case", r.case)),
            Column(self.tr("Units"), lambda r: r.values),
        ])  # fmt: skip
        form.fieldsView.setModel(self.model)
        fit_columns(form.fieldsView, stretch=4)
        for kind in FieldKind:
            form.kind.addItem(name_of("field_kind", kind.value), kind.value)
        for unique in Uniqueness:
            form.unique.addItem(name_of("uniqueness", unique.value), unique.value)
        for case in LetterCase:
            form.letterCase.addItem(name_of("letter_case", case.value), case.value)
        form.addButton.clicked.connect(self.add)
        form.saveButton.clicked.connect(self.save)
        form.buttons.rejected.connect(self.reject)
        form.fieldsView.selectionModel().selectionChanged.connect(lambda *_: self._selected())
        self.refresh()

    def refresh(self) -> None:
        self.runner.run(lambda: fields.list_fields(self.ctx, self.sku), done=self.model.set_rows)

    def spec(self) -> FieldDef:
        form = self.form
        choices = tuple(c.strip() for c in form.choices.text().replace("，", ",").split(",") if c.strip())
        return FieldDef(form.name.text(), form.kind.currentData(), form.required.isChecked(), form.unique.currentData(),
                        choices, form.pattern.text().strip() or None, form.scanned.isChecked(),
                        form.letterCase.currentData())  # fmt: skip

    def selected(self) -> FieldRecord | None:
        rows = self.form.fieldsView.selectionModel().selectedRows()
        return self.model.data(rows[0], Qt.ItemDataRole.UserRole) if rows else None

    def _selected(self) -> None:
        record, form = self.selected(), self.form
        form.saveButton.setEnabled(record is not None)
        if record is None:
            return
        form.name.setText(record.name)
        form.kind.setCurrentIndex(form.kind.findData(record.kind))
        form.unique.setCurrentIndex(form.unique.findData(record.unique))
        form.required.setChecked(record.required)
        form.scanned.setChecked(record.scanned)
        form.letterCase.setCurrentIndex(form.letterCase.findData(record.case))
        form.pattern.setText(record.pattern or "")
        form.choices.setText(", ".join(record.choices))

    def add(self) -> None:
        spec = self.spec()
        self._run(lambda: fields.define_field(self.ctx, self.sku, spec))

    def save(self) -> None:
        record, spec = self.selected(), self.spec()
        if record is None:
            return
        changes = {"name": spec.name, "kind": spec.kind, "required": spec.required, "unique": spec.unique,
                   "choices": spec.choices, "pattern": spec.pattern, "scanned": spec.scanned, "case": spec.case}  # fmt: skip
        self._run(lambda: fields.alter_field(self.ctx, self.sku, record.name, **changes))

    def _run(self, work) -> None:
        self._error("")

        def failed(err: BaseException) -> bool:
            if isinstance(err, ValidationError):
                self._error("\n".join(say_problem(p) for p in err.problems))
                return True
            if isinstance(err, SnappError):
                self._error(say(err.text))
                return True
            return False

        self.runner.run(work, done=lambda _: self.refresh(), failed=failed)

    def _error(self, text: str) -> None:
        self.form.form_error.setText(text)
        self.form.form_error.setVisible(bool(text))
